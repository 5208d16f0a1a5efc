#pragma once

#include "workspace/Workspace.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace tb::ui {

// The workspace's documents by kind (studies, connections, mappings, pipelines) and the selected one's
// content; pipelines can be run from here.
class WorkspacePage : public QWidget
{
    Q_OBJECT
public:
    explicit WorkspacePage(QWidget* parent = nullptr);

    void setWorkspace(const core::Workspace& workspace);
    QTreeWidget* documentTree() const { return m_tree; }
    QString selectedDocument() const;   // path relative to the workspace, empty when none
    void setRunning(bool running);

signals:
    void runPipelineRequested(const QString& absolutePath);

private:
    void showDocument(QTreeWidgetItem* item);

    core::Workspace m_workspace;
    QTreeWidget* m_tree;
    QLabel* m_title;
    QPlainTextEdit* m_content;
    QPushButton* m_run;
    bool m_running = false;
};

} // namespace tb::ui
