#include "mainwindow/MainWindow.h"

#include "audit/AuditPage.h"
#include "audit/AuditTrailPanel.h"
#include "audit/RevisionsPanel.h"
#include "connections/ConnectionsPage.h"
#include "designer/DesignerScene.h"
#include "designer/LinkItem.h"
#include "designer/MappingDesigner.h"
#include "designer/MappingsPage.h"
#include "designer/PreviewPanel.h"
#include "designer/TransformPanel.h"
#include "designer/ValueMapEditor.h"
#include "mapping/MappingModel.h"
#include "pipelines/PipelinesPage.h"
#include "reconciliation/ReconciliationPage.h"
#include "run/PipelineRunner.h"
#include "run/RunFeedback.h"
#include "runs/RunsPage.h"
#include "secrets/WorkspaceSecrets.h"
#include "settings/ConsoleSettings.h"
#include "settings/SettingsDialog.h"
#include "style/ThemedIcon.h"
#include "workspace/NewWorkspaceDialog.h"
#include "workspace/WorkspacePage.h"

#include <QAction>
#include <QActionGroup>
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
    // Page titles with their icon and the View menu's accelerated form, in navigation order (enum Page).
    const struct
    {
        QString title, menuText, icon;
    } pageNames[PageCount] = {
        {tr("Workspace"), tr("&Workspace"), QStringLiteral("workspace")},
        {tr("Connections"), tr("&Connections"), QStringLiteral("connections")},
        {tr("Mappings"), tr("&Mappings"), QStringLiteral("mappings")},
        {tr("Pipelines"), tr("&Pipelines"), QStringLiteral("pipelines")},
        {tr("Runs"), tr("R&uns"), QStringLiteral("runs")},
        {tr("Reconciliation"), tr("R&econciliation"), QStringLiteral("reconciliation")},
        {tr("Audit"), tr("&Audit"), QStringLiteral("audit")},
    };
    int navigationWidth = 0;
    for (const auto& page : pageNames) {
        m_navigation->addItem(new QListWidgetItem(ThemedIcon::get(page.icon), page.title));
        navigationWidth = qMax(navigationWidth, m_navigation->fontMetrics().horizontalAdvance(page.title));
    }
    // Wide enough for the longest title in the language in use, with its icon and the margins.
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setSpacing(2);
    m_navigation->setFixedWidth(navigationWidth + m_navigation->iconSize().width() + 40);

    m_workspacePage = new WorkspacePage;
    m_connectionsPage = new ConnectionsPage;
    m_mappingsPage = new MappingsPage;
    m_pipelinesPage = new PipelinesPage;
    m_runsPage = new RunsPage;
    m_reconciliationPage = new ReconciliationPage;
    m_auditPage = new AuditPage;
    m_pages = new QStackedWidget;
    for (QWidget* page : std::initializer_list<QWidget*>{m_workspacePage, m_connectionsPage, m_mappingsPage,
                                                        m_pipelinesPage, m_runsPage, m_reconciliationPage, m_auditPage})
        m_pages->addWidget(page);
    m_reconciliationPage->setPipelineModel(m_pipelinesPage->model());
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
    QAction* create = file->addAction(ThemedIcon::get(QStringLiteral("workspace-new")), tr("&New Workspace…"), this,
                                      &MainWindow::newWorkspace);
    create->setObjectName(QStringLiteral("newWorkspace"));
    create->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)); // Ctrl+N is the Connections page's new connection
    QAction* open = file->addAction(ThemedIcon::get(QStringLiteral("workspace-open")), tr("&Open Workspace…"),
                                    this, &MainWindow::chooseWorkspace);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    QAction* unlock = file->addAction(tr("Open &Secret Store…"), m_secrets, &WorkspaceSecrets::reopen);
    unlock->setObjectName(QStringLiteral("openSecretStore"));
    unlock->setEnabled(false);
    connect(m_secrets, &WorkspaceSecrets::stateChanged, unlock,
            [this, unlock] { unlock->setEnabled(m_secrets->state() == WorkspaceSecrets::State::Failed); });
    file->addSeparator();
    QAction* settingsAction = file->addAction(ThemedIcon::get(QStringLiteral("settings")), tr("Se&ttings…"), this,
                                              &MainWindow::showSettings);
    settingsAction->setObjectName(QStringLiteral("showSettings"));
    settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settingsAction->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    // Ctrl+1 … Ctrl+7 in the order of the navigation.
    for (int page = 0; page < PageCount; ++page) {
        QAction* show = view->addAction(ThemedIcon::get(pageNames[page].icon), pageNames[page].menuText, this,
                                        [this, page] { showPage(Page(page)); });
        show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + page)));
    }
    view->addSeparator();
    QAction* refresh = view->addAction(ThemedIcon::get(QStringLiteral("refresh")), tr("Re&fresh"), this, [this] {
        if (m_workspace.isValid())
            openWorkspace(m_workspace.dir());
    });
    refresh->setShortcut(QKeySequence::Refresh);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(ThemedIcon::get(QStringLiteral("about")), tr("&About TrialBridge"), this, &MainWindow::showAbout);

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
    connect(m_pipelinesPage, &PipelinesPage::runPipelineRequested, this, &MainWindow::runPipeline);
    connect(m_pipelinesPage, &PipelinesPage::currentPipelineChanged, m_reconciliationPage,
            &ReconciliationPage::selectPipeline);
    connect(m_pipelinesPage, &PipelinesPage::reconcileRequested, this, [this](const QString& path) {
        m_reconciliationPage->selectPipeline(path);
        showPage(ReconciliationPageIndex);
    });
    connect(m_reconciliationPage, &ReconciliationPage::rejectsRequested, this,
            [this](const QString& database, qint64 runId) {
                m_runsPage->selectRun(database, runId);
                showPage(RunsPageIndex);
            });
    connect(m_secrets, &WorkspaceSecrets::stateChanged, this, &MainWindow::secretsChanged);
    connect(m_connectionsPage, &ConnectionsPage::openStoreRequested, m_secrets, &WorkspaceSecrets::reopen);
    // A saved or deleted profile changes the workspace's document list.
    // A pipeline's problems depend on the mappings it names.
    connect(m_connectionsPage, &ConnectionsPage::connectionsChanged, this, [this] {
        m_workspacePage->setWorkspace(m_workspace);
        m_pipelinesPage->refresh();
    });
    connect(m_mappingsPage, &MappingsPage::mappingSaved, this, [this] {
        m_workspacePage->setWorkspace(m_workspace);
        m_pipelinesPage->refresh();
    });

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1200, 760);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    for (const auto& [key, splitter] : splitters())
        splitter->restoreState(settings.value(key).toByteArray()); // false (kept as built) when none or changed
    updateRecentMenu();
}

std::vector<std::pair<QString, QSplitter*>> MainWindow::splitters() const
{
    // Keyed by page and order of creation: stable while a page's layout is, and restoreState refuses a
    // state saved for a splitter with another number of panes.
    std::vector<std::pair<QString, QSplitter*>> out;
    for (int page = 0; page < m_pages->count(); ++page) {
        const QList<QSplitter*> found = m_pages->widget(page)->findChildren<QSplitter*>();
        for (int i = 0; i < found.size(); ++i)
            out.emplace_back(QStringLiteral("layout/page%1/splitter%2").arg(page).arg(i), found[i]);
    }
    return out;
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
    m_pipelinesPage->setWorkspace(ws);
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

void MainWindow::newWorkspace()
{
    // Next to the open workspace, else in the home folder. Window-modal, not exec(): the main window keeps
    // painting while the demo study is written.
    const QString parentDir = m_workspace.isValid() ? QFileInfo(m_workspace.dir()).absolutePath() : QDir::homePath();
    auto* dialog = new NewWorkspaceDialog(parentDir, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { openWorkspace(dialog->createdDir()); });
    dialog->open();
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
    // Not exec(): the window stays live, and tests find the box by its name.
    auto* box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About TrialBridge"));
    box->setIcon(QMessageBox::Information);
    box->setTextFormat(Qt::RichText);
    box->setText(tr("<h3>TrialBridge %1</h3><p>Moves clinical-trial data between the systems of a study — "
                    "EDC, CTMS, ERP and BI — with validation, atomic loads and an audit trail.</p>")
                     .arg(QStringLiteral(TB_VERSION)));
    box->setInformativeText(
        tr("<p>Built with Qt %1, running on Qt %2.</p>"
           "<p>Libraries and their licences:</p><ul>"
           "<li>Qt — GNU LGPL version 3</li>"
           "<li>libsodium — ISC licence</li>"
           "<li>libssh — GNU LGPL version 2.1</li>"
           "<li>QtKeychain — BSD licence (2-clause)</li>"
           "<li>SQLite — public domain</li></ul>")
            .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
    box->setStandardButtons(QMessageBox::Ok);
    box->open();
}

void MainWindow::showSettings()
{
    auto* dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
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
    m_pipelinesPage->setRunning(true);
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
        m_pipelinesPage->setRunning(false);
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
        m_pipelinesPage->refresh(); // its last run; the Reconciliation page follows the model
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
    const QStringList names{QStringLiteral("workspace"), QStringLiteral("connections"), QStringLiteral("mappings"),
                            QStringLiteral("pipelines"),  QStringLiteral("runs"),        QStringLiteral("reconciliation"),
                            QStringLiteral("audit")};
    // Let the secret store settle first (a keychain probe, a vault passphrase file), so that the status bar
    // and the Connections page show what a person would see; a passphrase dialog is not waited for.
    QDeadlineTimer deadline(10000);
    while (m_secrets->state() == WorkspaceSecrets::State::Opening && !m_secrets->passphraseDialog()
           && !deadline.hasExpired())
        QApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    bool ok = true;
    for (int page = 0; page < names.size(); ++page) {
        showPage(Page(page));
        if (page == MappingsPageIndex) {
            m_mappingsPage->selectMapping(QStringLiteral("visits.mapping.json")); // links, transforms, a sample
            const PreviewPanel* preview = m_mappingsPage->designer()->previewPanel(); // computed on a worker
            QDeadlineTimer previewDeadline(10000);
            while (preview->shownGeneration() != preview->generation() && !previewDeadline.hasExpired())
                QApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
        }
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
        ValueMapEditor* values = designer->transformPanel()->valueMapEditor();
        values->profileValues();
        while (values->isProfiling()) // read on a worker thread
            QApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
        QApplication::processEvents();
        ok = grab().save(QDir(dir).filePath(QStringLiteral("mappings-transform.png"))) && ok;
        while (designer->undoStack()->canUndo()) // the pre-fill: nothing is left unsaved
            designer->undoStack()->undo();
    } else {
        ok = false;
    }
    showPage(AuditPageIndex);
    m_auditPage->tabs()->setCurrentWidget(m_auditPage->revisions());
    m_auditPage->revisions()->revisionTable()->selectRow(0);
    QApplication::processEvents();
    ok = grab().save(QDir(dir).filePath(QStringLiteral("audit-revisions.png"))) && ok;

    // The settings dialog over the window, then the dark palette on two pages (then back to the user's theme).
    auto* settings = new SettingsDialog(this);
    settings->show();
    QApplication::processEvents();
    ok = settings->grab().save(QDir(dir).filePath(QStringLiteral("settings.png"))) && ok;
    delete settings;
    ConsoleSettings::applyTheme(ConsoleSettings::Theme::Dark);
    for (Page page : {RunsPageIndex, ReconciliationPageIndex}) {
        showPage(page);
        QApplication::processEvents();
        ok = grab().save(QDir(dir).filePath(names[page] + QStringLiteral("-dark.png"))) && ok;
    }
    ConsoleSettings::applyTheme(ConsoleSettings::theme());
    return ok;
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
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    for (const auto& [key, splitter] : splitters())
        settings.setValue(key, splitter->saveState());
    event->accept();
}

} // namespace tb::ui
