#pragma once

#include <QWidget>

class QComboBox;
class QTabWidget;

namespace tb::ui {

class AuditTrailPanel;
class RevisionsPanel;
class WorkspaceSecrets;

// The QA's page: for a target database of the workspace, its audit trail (AuditTrailPanel) and its mapping
// change control (RevisionsPanel).
class AuditPage : public QWidget
{
    Q_OBJECT
public:
    explicit AuditPage(QWidget* parent = nullptr);

    void setWorkspace(const QString& workspace, const QStringList& databases);
    void setSecrets(WorkspaceSecrets* secrets);
    void refresh();

    AuditTrailPanel* trail() const { return m_trail; }
    RevisionsPanel* revisions() const { return m_revisions; }
    QTabWidget* tabs() const { return m_tabs; }

private:
    void targetChosen();

    QString m_workspace;
    QComboBox* m_target;
    QTabWidget* m_tabs;
    AuditTrailPanel* m_trail;
    RevisionsPanel* m_revisions;
};

} // namespace tb::ui
