#include "mainwindow/MainWindow.h"

#include "audit/AuditPage.h"
#include "audit/AuditTrailPanel.h"
#include "audit/RevisionsPanel.h"
#include "connections/ConnectionsPage.h"
#include "designer/DesignerScene.h"
#include "designer/LinkItem.h"
#include "designer/MappingDesigner.h"
#include "designer/MappingsPage.h"
#include "designer/TransformPanel.h"
#include "designer/ValueMapEditor.h"
#include "mapping/MappingModel.h"
#include "run/PipelineRunner.h"
#include "run/RunFeedback.h"
#include "runs/RunsPage.h"
#include "secrets/WorkspaceSecrets.h"
#include "workspace/WorkspacePage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QUndoStack>

namespace tb::ui {

namespace {
constexpr int MaxRecent = 8;
const char* const RecentKey = "workspaces/recent";
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("TrialBridge"));
    setObjectName(QStringLiteral("mainWindow"));

    m_navigation = new QListWidget;
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->addItem(new QListWidgetItem(style()->standardIcon(QStyle::SP_DirIcon), tr("Workspace")));
    m_navigation->addItem(new QListWidgetItem(style()->standardIcon(QStyle::SP_FileDialogListView), tr("Mappings")));
    m_navigation->addItem(new QListWidgetItem(style()->standardIcon(QStyle::SP_FileDialogDetailedView), tr("Runs")));
    m_navigation->addItem(new QListWidgetItem(style()->standardIcon(QStyle::SP_DriveNetIcon), tr("Connections")));
    m_navigation->addItem(new QListWidgetItem(style()->standardIcon(QStyle::SP_FileDialogContentsView), tr("Audit")));
    m_navigation->setFixedWidth(m_navigation->fontMetrics().horizontalAdvance(QStringLiteral("Reconciliation")) + 64);
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setSpacing(2);

    m_workspacePage = new WorkspacePage;
    m_mappingsPage = new MappingsPage;
    m_runsPage = new RunsPage;
    m_connectionsPage = new ConnectionsPage;
    m_auditPage = new AuditPage;
    m_pages = new QStackedWidget;
    m_pages->addWidget(m_workspacePage);
    m_pages->addWidget(m_mappingsPage);
    m_pages->addWidget(m_runsPage);
    m_pages->addWidget(m_connectionsPage);
    m_pages->addWidget(m_auditPage);
    m_secrets = new WorkspaceSecrets(this, this);
    m_auditPage->setSecrets(m_secrets);

    auto* central = new QWidget;
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(WorkspacePageIndex);

    // Menus.
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open Workspace…"),
                                    this, &MainWindow::chooseWorkspace);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    QAction* unlock = file->addAction(tr("Open &Secret Store…"), m_secrets, &WorkspaceSecrets::reopen);
    unlock->setObjectName(QStringLiteral("openSecretStore"));
    unlock->setEnabled(false);
    connect(m_secrets, &WorkspaceSecrets::stateChanged, unlock,
            [this, unlock] { unlock->setEnabled(m_secrets->state() == WorkspaceSecrets::State::Failed); });
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* showWorkspace = view->addAction(tr("&Workspace"), this, [this] { showPage(WorkspacePageIndex); });
    showWorkspace->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    // Ctrl+4: the pages that came first keep their keys.
    QAction* showMappings = view->addAction(tr("&Mappings"), this, [this] { showPage(MappingsPageIndex); });
    showMappings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    QAction* showRuns = view->addAction(tr("R&uns"), this, [this] { showPage(RunsPageIndex); });
    showRuns->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    QAction* showConnections = view->addAction(tr("&Connections"), this, [this] { showPage(ConnectionsPageIndex); });
    showConnections->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    QAction* showAudit = view->addAction(tr("&Audit"), this, [this] { showPage(AuditPageIndex); });
    showAudit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_5));
    view->addSeparator();
    QAction* refresh = view->addAction(tr("Re&fresh"), this, [this] {
        if (m_workspace.isValid())
            openWorkspace(m_workspace.dir());
    });
    refresh->setShortcut(QKeySequence::Refresh);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About TrialBridge"), this, &MainWindow::showAbout);

    // Status bar: where we are, and the progress of a run.
    m_workspaceLabel = new QLabel(tr("No workspace open"));
    m_workspaceLabel->setObjectName(QStringLiteral("workspaceLabel"));
    m_targetLabel = new QLabel;
    m_targetLabel->setObjectName(QStringLiteral("targetLabel"));
    m_secretsLabel = new QLabel(m_secrets->statusText());
    m_secretsLabel->setObjectName(QStringLiteral("secretsLabel"));
    m_secretsLabel->setContentsMargins(12, 0, 0, 0);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(200);
    m_progress->setVisible(false);
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("cancelRun"));
    m_cancel->setVisible(false);
    statusBar()->addWidget(m_workspaceLabel, 1);
    statusBar()->addWidget(m_targetLabel);
    statusBar()->addWidget(m_secretsLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);

    connect(m_workspacePage, &WorkspacePage::runPipelineRequested, this, &MainWindow::runPipeline);
    connect(m_secrets, &WorkspaceSecrets::stateChanged, this, &MainWindow::secretsChanged);
    connect(m_connectionsPage, &ConnectionsPage::openStoreRequested, m_secrets, &WorkspaceSecrets::reopen);
    // A saved or deleted profile changes the workspace's document list.
    connect(m_connectionsPage, &ConnectionsPage::connectionsChanged, this,
            [this] { m_workspacePage->setWorkspace(m_workspace); });
    connect(m_mappingsPage, &MappingsPage::mappingSaved, this, [this] { m_workspacePage->setWorkspace(m_workspace); });

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1200, 760);
    updateRecentMenu();
}

MainWindow::~MainWindow()
{
    if (m_feedback)
        m_feedback->cancel();
}

bool MainWindow::openWorkspace(const QString& dir)
{
    if (!m_mappingsPage->maybeSave())
        return false;
    const core::Workspace ws(dir);
    if (!ws.isValid()) {
        QMessageBox::warning(this, tr("Open Workspace"), tr("%1 is not a folder.").arg(QDir::toNativeSeparators(dir)));
        return false;
    }
    m_workspace = ws;
    setWindowTitle(tr("%1 — TrialBridge").arg(ws.name()));
    m_workspaceLabel->setText(tr("Workspace: %1").arg(QDir::toNativeSeparators(ws.dir())));
    const QStringList targets = ws.targetDatabases();
    m_targetLabel->setText(targets.isEmpty() ? tr("No target")
                                             : tr("Target: %1").arg(QDir::toNativeSeparators(targets.first())));
    m_workspacePage->setWorkspace(ws);
    m_mappingsPage->setWorkspace(ws);
    m_runsPage->setTargets(targets);
    m_connectionsPage->setWorkspace(ws);
    m_auditPage->setWorkspace(ws.dir(), targets);
    // The store of the workspace's secrets and audit signing key; asynchronous (a keychain probe, perhaps a
    // passphrase dialog): the status bar follows it.
    m_secrets->open(ws);

    QSettings settings;
    QStringList recent = settings.value(QLatin1String(RecentKey)).toStringList();
    recent.removeAll(ws.dir());
    recent.prepend(ws.dir());
    settings.setValue(QLatin1String(RecentKey), recent.mid(0, MaxRecent));
    updateRecentMenu();
    return true;
}

void MainWindow::showPage(Page page)
{
    m_navigation->setCurrentRow(page);
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void MainWindow::chooseWorkspace()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Workspace"), m_workspace.dir());
    if (!dir.isEmpty())
        openWorkspace(dir);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QLatin1String(RecentKey)).toStringList();
    for (const QString& dir : recent)
        m_recentMenu->addAction(QDir::toNativeSeparators(dir), this, [this, dir] { openWorkspace(dir); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About TrialBridge"),
                       tr("<h3>TrialBridge %1</h3><p>Moves clinical-trial data between the systems of a study — "
                          "EDC, CTMS, ERP and BI — with validation, atomic loads and an audit trail.</p>")
                           .arg(QStringLiteral(TB_VERSION)));
}

void MainWindow::secretsChanged()
{
    m_secretsLabel->setText(m_secrets->statusText());
    m_secretsLabel->setToolTip(m_secrets->statusDetails());
    const WorkspaceSecrets::State state = m_secrets->state();
    const QString problem = state == WorkspaceSecrets::State::Opening ? tr("it is being opened")
                            : state == WorkspaceSecrets::State::Closed ? tr("no workspace is open")
                                                                       : m_secrets->error();
    m_connectionsPage->setSecretStore(m_secrets->store(), problem, state == WorkspaceSecrets::State::Failed);
    if (m_secrets->state() == WorkspaceSecrets::State::Failed)
        statusBar()->showMessage(tr("The secret store is not open: %1").arg(m_secrets->error()), 15000);
}

void MainWindow::runPipeline(const QString& path)
{
    if (m_feedback)
        return;
    auto* feedback = new core::RunFeedback;
    m_feedback = feedback;
    m_workspacePage->setRunning(true);
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    m_cancel->setEnabled(true);
    statusBar()->showMessage(tr("Running %1…").arg(QFileInfo(path).fileName()));
    connect(m_cancel, &QPushButton::clicked, feedback, &core::RunFeedback::cancel, Qt::DirectConnection);
    connect(feedback, &core::RunFeedback::progressChanged, m_progress, [this](double p) { m_progress->setValue(int(p)); },
            Qt::QueuedConnection);

    // The engine runs in a worker thread; the result comes back to this thread by a queued call.
    auto* result = new core::RunResult;
    // Signed like `trialbridge-cli run`: the runner asks for the workspace's key on its thread once the
    // pipeline's documents are valid; without the secret store it stops there (exit status 2), unsigned never.
    core::PipelineRunner::Options options;
    options.auditSigner = m_secrets->blockingAuditSigner();
    QThread* worker = QThread::create([path, feedback, result, options] {
        *result = core::PipelineRunner(options).run(path, feedback);
    });
    connect(worker, &QThread::finished, this, [this, worker, feedback, result, path] {
        const core::RunResult r = *result;
        delete result;
        worker->deleteLater();
        feedback->deleteLater();
        m_progress->setVisible(false);
        m_cancel->setVisible(false);
        m_cancel->disconnect(feedback);
        m_workspacePage->setRunning(false);
        const core::EntityCounts t = r.total();
        const QString summary = r.message.isEmpty()
            ? tr("Run %1 of %2: %3 — %4 read, %5 inserted, %6 updated, %7 rejected")
                  .arg(r.runId)
                  .arg(QFileInfo(path).fileName(), QString(r.statusName()).replace(QLatin1Char('_'), QLatin1Char(' ')))
                  .arg(t.read)
                  .arg(t.inserted)
                  .arg(t.updated)
                  .arg(t.rejected)
            : tr("Run of %1: %2").arg(QFileInfo(path).fileName(), r.message);
        statusBar()->showMessage(summary, 15000);
        if (r.status == core::RunResult::Status::ConfigError) {
            // Nothing was loaded: say why where it cannot be missed (not exec(): the window stays live).
            auto* box = new QMessageBox(QMessageBox::Warning, tr("Run Not Started"),
                                        tr("%1 was not run.").arg(QFileInfo(path).fileName()), QMessageBox::Ok, this);
            box->setObjectName(QStringLiteral("runRefused"));
            box->setInformativeText(r.message);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
        m_runsPage->refresh();
        m_auditPage->refresh();
        if (r.runId > 0)
            showPage(RunsPageIndex);
        emit runFinished(r.exitCode(), summary);
    });
    worker->start();
}

bool MainWindow::saveScreenshots(const QString& dir)
{
    QDir().mkpath(dir);
    const QStringList names{QStringLiteral("workspace"), QStringLiteral("mappings"), QStringLiteral("runs"),
                            QStringLiteral("connections"), QStringLiteral("audit")};
    // Let the secret store settle first (a keychain probe, a vault passphrase file), so that the status bar
    // and the Connections page show what a person would see; a passphrase dialog is not waited for.
    QDeadlineTimer deadline(10000);
    while (m_secrets->state() == WorkspaceSecrets::State::Opening && !m_secrets->passphraseDialog()
           && !deadline.hasExpired())
        QApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    bool ok = true;
    for (int page = 0; page < names.size(); ++page) {
        showPage(Page(page));
        if (page == MappingsPageIndex)
            m_mappingsPage->selectMapping(QStringLiteral("visits.mapping.json")); // links, transforms, a sample
        if (page == AuditPageIndex)
            m_auditPage->trail()->entryTable()->selectRow(m_auditPage->trail()->entryTable()->model()->rowCount() - 1);
        QApplication::processEvents();
        ok = grab().save(QDir(dir).filePath(names[page] + QStringLiteral(".png"))) && ok;
    }
    // The transform panel: the visits mapping's status link, its value map profiled from the sample.
    showPage(MappingsPageIndex);
    MappingDesigner* designer = m_mappingsPage->designer();
    const int status = designer->model()->findLink(QStringLiteral("VISIT_STATUS"), QStringLiteral("status"));
    if (LinkItem* link = designer->scene()->linkItem(status)) {
        designer->scene()->clearSelection();
        link->setSelected(true);
        designer->transformPanel()->setCurrentTransform(1);
        designer->transformPanel()->valueMapEditor()->profileValues();
        QApplication::processEvents();
        ok = grab().save(QDir(dir).filePath(QStringLiteral("mappings-transform.png"))) && ok;
        while (designer->undoStack()->canUndo()) // the pre-fill: nothing is left unsaved
            designer->undoStack()->undo();
    } else {
        ok = false;
    }
    m_auditPage->tabs()->setCurrentWidget(m_auditPage->revisions());
    m_auditPage->revisions()->revisionTable()->selectRow(0);
    QApplication::processEvents();
    return grab().save(QDir(dir).filePath(QStringLiteral("audit-revisions.png"))) && ok;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_feedback) {
        // A run in progress: ask it to stop; each unit it loaded stays whole.
        m_feedback->cancel();
        statusBar()->showMessage(tr("Cancelling the run…"));
        event->ignore();
        connect(this, &MainWindow::runFinished, this, &QWidget::close);
        return;
    }
    if (!m_mappingsPage->maybeSave()) {
        event->ignore();
        return;
    }
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
    event->accept();
}

} // namespace tb::ui
