#pragma once

#include "workspace/Workspace.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTableView;

namespace tb::core {
class PipelineListModel;
}

namespace tb::ui {

// The workspace's pipelines: each with its target and last run; for the selected one its steps
// (source → mapping → entity) and the problems of its document, each naming the file and the JSON path.
// Run asks the main window to run it (the same run, progress and cancel as everywhere else).
class PipelinesPage : public QWidget
{
    Q_OBJECT
public:
    explicit PipelinesPage(QWidget* parent = nullptr);

    void setWorkspace(const core::Workspace& workspace);
    void refresh();                           // re-reads the documents and the last runs
    void setRunning(bool running);
    bool selectPipeline(const QString& absolutePath);
    QString selectedPipeline() const;         // absolute path, empty when none

    core::PipelineListModel* model() const { return m_model; }
    QTableView* pipelineTable() const { return m_table; }
    QListWidget* stepList() const { return m_steps; }
    QListWidget* problemList() const { return m_problems; }
    QPushButton* runButton() const { return m_run; }

signals:
    void runPipelineRequested(const QString& absolutePath);
    void reconcileRequested(const QString& absolutePath);
    void currentPipelineChanged(const QString& absolutePath);

private:
    void showPipeline(int row);

    core::Workspace m_workspace;
    core::PipelineListModel* m_model;
    QTableView* m_table;
    QLabel* m_title;
    QLabel* m_summary;
    QListWidget* m_steps;
    QLabel* m_problemsTitle;
    QListWidget* m_problems;
    QPushButton* m_run;
    QPushButton* m_reconcile;
    bool m_running = false;
};

} // namespace tb::ui
