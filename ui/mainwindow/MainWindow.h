#pragma once

#include "run/RunFeedback.h"
#include "workspace/Workspace.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QListWidget;
class QMenu;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace tb::ui {

class AuditPage;
class ConnectionsPage;
class MappingsPage;
class RunsPage;
class WorkspacePage;
class WorkspaceSecrets;

// The console's main window: navigation between pages on the left, the current page on the right, the
// workspace, the target and the secret store in use in the status bar. Opening a workspace opens its
// secret store (WorkspaceSecrets). Long work (running a pipeline) happens in a worker thread with progress
// and cancel in the status bar; runs sign their audit trail with the workspace's key, as the CLI's do.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Page { WorkspacePageIndex, MappingsPageIndex, RunsPageIndex, ConnectionsPageIndex, AuditPageIndex };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    bool openWorkspace(const QString& dir);
    const core::Workspace& workspace() const { return m_workspace; }
    void showPage(Page page);
    Page currentPage() const;

    WorkspacePage* workspacePage() const { return m_workspacePage; }
    MappingsPage* mappingsPage() const { return m_mappingsPage; }
    RunsPage* runsPage() const { return m_runsPage; }
    ConnectionsPage* connectionsPage() const { return m_connectionsPage; }
    AuditPage* auditPage() const { return m_auditPage; }
    WorkspaceSecrets* secrets() const { return m_secrets; }
    QListWidget* navigation() const { return m_navigation; }
    bool isRunning() const { return m_feedback != nullptr; }

    // Writes a PNG of every page to dir (used by scripts/screenshots.sh); false when one cannot be written.
    bool saveScreenshots(const QString& dir);

public slots:
    void runPipeline(const QString& path);

signals:
    void runFinished(int exitCode, const QString& summary);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void chooseWorkspace();
    void updateRecentMenu();
    void showAbout();
    void secretsChanged();

    core::Workspace m_workspace;
    QListWidget* m_navigation;
    QStackedWidget* m_pages;
    WorkspacePage* m_workspacePage;
    MappingsPage* m_mappingsPage;
    RunsPage* m_runsPage;
    ConnectionsPage* m_connectionsPage;
    AuditPage* m_auditPage;
    WorkspaceSecrets* m_secrets;
    QMenu* m_recentMenu;
    QLabel* m_workspaceLabel;
    QLabel* m_targetLabel;
    QLabel* m_secretsLabel;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QPointer<core::RunFeedback> m_feedback;
};

} // namespace tb::ui
