#pragma once

#include "run/RunFeedback.h"
#include "workspace/Workspace.h"

#include <QMainWindow>

#include <utility>
#include <vector>
#include <QPointer>

class QLabel;
class QListWidget;
class QSplitter;
class QMenu;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace tb::ui {

class AuditPage;
class ConnectionsPage;
class MappingsPage;
class PipelinesPage;
class ReconciliationPage;
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
    // In navigation order; Ctrl+1 … Ctrl+7 follow it.
    enum Page {
        WorkspacePageIndex,
        ConnectionsPageIndex,
        MappingsPageIndex,
        PipelinesPageIndex,
        RunsPageIndex,
        ReconciliationPageIndex,
        AuditPageIndex,
        PageCount
    };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    bool openWorkspace(const QString& dir);
    const core::Workspace& workspace() const { return m_workspace; }
    void showPage(Page page);
    Page currentPage() const;

    WorkspacePage* workspacePage() const { return m_workspacePage; }
    MappingsPage* mappingsPage() const { return m_mappingsPage; }
    PipelinesPage* pipelinesPage() const { return m_pipelinesPage; }
    RunsPage* runsPage() const { return m_runsPage; }
    ReconciliationPage* reconciliationPage() const { return m_reconciliationPage; }
    ConnectionsPage* connectionsPage() const { return m_connectionsPage; }
    AuditPage* auditPage() const { return m_auditPage; }
    WorkspaceSecrets* secrets() const { return m_secrets; }
    QListWidget* navigation() const { return m_navigation; }
    bool isRunning() const { return m_feedback != nullptr; }

    // Writes a PNG of every page to dir (used by scripts/screenshots.sh); false when one cannot be written.
    bool saveScreenshots(const QString& dir);

public slots:
    void newWorkspace();
    void runPipeline(const QString& path);
    void showSettings();
    void showAbout();

signals:
    void runFinished(int exitCode, const QString& summary);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // Every splitter of every page with its settings key: their sizes are kept like the window's geometry.
    std::vector<std::pair<QString, QSplitter*>> splitters() const;
    void chooseWorkspace();
    void updateRecentMenu();
    void secretsChanged();

    core::Workspace m_workspace;
    QListWidget* m_navigation;
    QStackedWidget* m_pages;
    WorkspacePage* m_workspacePage;
    MappingsPage* m_mappingsPage;
    PipelinesPage* m_pipelinesPage;
    RunsPage* m_runsPage;
    ReconciliationPage* m_reconciliationPage;
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
