// The console's main window on a demo workspace: documents listed by kind, a pipeline run from the GUI
// with real clicks, its outcome on the Runs page and its signed audit trail, navigation by mouse and keyboard
// (Workspace, Connections, Mappings, Pipelines, Runs, Reconciliation, Audit; Ctrl+1 … Ctrl+7), the About box.

#include "TestSupport.h"
#include "audit/AuditTrust.h"
#include "audit/AuditVerifier.h"
#include "mainwindow/MainWindow.h"
#include "designer/MappingsPage.h"
#include "designer/MappingDesigner.h"
#include "run/RunHistoryModel.h"
#include "runs/RunsPage.h"
#include "workspace/DemoStudyGenerator.h"
#include "workspace/WorkspacePage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QSplitter>
#include <QtTest>

using namespace tb;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listsDocumentsByKind();
    void runsAPipelineFromTheGui();
    void navigatesByMouseAndKeyboard();
    void navigatesInOrderWithShortcuts_data();
    void navigatesInOrderWithShortcuts();
    void aboutNamesVersionsAndLicences();
    void refusesAMissingFolder();
    void remembersRecentWorkspaces();
    void remembersGeometryAndSplitters();

private:
    QTemporaryDir m_tmp;
    QString m_dir;
};

void TestMainWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("TrialBridgeTest"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_tmp.filePath(QStringLiteral("settings")));
    // Opening a workspace opens its secret store (a throw-away vault here), which signs the runs.
    test::useTestVault(m_tmp.filePath(QStringLiteral("vault")));
    m_dir = m_tmp.filePath(QStringLiteral("demo"));
    core::DemoStudyGenerator::Options o;
    o.subjects = 120;
    o.sites = 4;
    o.defectRate = 0.05;
    QString error;
    QVERIFY2(core::DemoStudyGenerator(o).write(m_dir, &error), qPrintable(error));
}

void TestMainWindow::listsDocumentsByKind()
{
    ui::MainWindow w;
    QVERIFY(w.openWorkspace(m_dir));
    QTreeWidget* tree = w.workspacePage()->documentTree();
    QCOMPARE(tree->topLevelItemCount(), 4);
    QStringList groups;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        groups << tree->topLevelItem(i)->text(0);
    QCOMPARE(groups, (QStringList{"Studies (1)", "Connections (0)", "Mappings (3)", "Pipelines (1)"}));
    // The pipeline is selected first and its content shown.
    QCOMPARE(w.workspacePage()->selectedDocument(), QStringLiteral("demo.pipeline.json"));
    auto* content = w.workspacePage()->findChild<QPlainTextEdit*>(QStringLiteral("documentContent"));
    QVERIFY(content->toPlainText().contains(QStringLiteral("demo-edc-to-ctms")));
    QVERIFY(w.windowTitle().startsWith(QStringLiteral("demo")));
}

void TestMainWindow::runsAPipelineFromTheGui()
{
    ui::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openWorkspace(m_dir));
    QCOMPARE(w.runsPage()->model()->rowCount(), 0);
    new QAbstractItemModelTester(w.runsPage()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, &w);

    auto* run = w.workspacePage()->findChild<QPushButton*>(QStringLiteral("runPipeline"));
    QVERIFY(run->isEnabled());
    QSignalSpy finished(&w, &ui::MainWindow::runFinished);
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(w.isRunning());
    QVERIFY(!run->isEnabled()); // one run at a time
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).toInt(), 3); // finished, with the seeded defects rejected
    QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("rejected")));
    QVERIFY(run->isEnabled());

    // The Runs page shows the run, its counts per entity and its rejects.
    QCOMPARE(w.currentPage(), ui::MainWindow::RunsPageIndex);
    core::RunHistoryModel* model = w.runsPage()->model();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->data(model->index(0, core::RunHistoryModel::Status)).toString(), QStringLiteral("completed with rejects"));
    QTableWidget* entities = w.runsPage()->entityTable();
    QStringList names;
    for (int r = 0; r < entities->rowCount(); ++r)
        names << entities->item(r, 0)->text();
    QCOMPARE(names, (QStringList{"study", "country", "site", "visit_schedule", "subject", "visit", "adverse_event"}));
    QVERIFY(w.runsPage()->rejectTable()->rowCount() > 0);

    // The run signed its audit checkpoints with the workspace's key, as `trialbridge-cli run` does, and the
    // workspace lists that key: the trail verifies as intact and signed.
    const QString db = w.workspace().targetDatabases().first();
    QList<QByteArray> trusted;
    QString error;
    QVERIFY2(core::AuditTrust::load(m_dir, &trusted, &error), qPrintable(error));
    QCOMPARE(trusted.size(), 1);
    const core::AuditVerifier::Report report = core::AuditVerifier::verify(db, trusted, true, m_dir);
    QVERIFY2(report.intact(), qPrintable(report.problems.isEmpty() ? report.error : report.problems.first().message));
    QVERIFY(report.checkpoints > 0);
    QCOMPARE(report.signedCheckpoints, report.checkpoints);
    QCOMPARE(report.keys.size(), 1);
    QVERIFY(report.keys.first().trusted);
}

void TestMainWindow::navigatesByMouseAndKeyboard()
{
    ui::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openWorkspace(m_dir));
    QListWidget* nav = w.navigation();
    const QRect runsItem = nav->visualItemRect(nav->item(ui::MainWindow::RunsPageIndex));
    QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, runsItem.center());
    QCOMPARE(w.currentPage(), ui::MainWindow::RunsPageIndex);
    QTest::keyClick(&w, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(w.currentPage(), ui::MainWindow::WorkspacePageIndex);
    QTest::keyClick(&w, Qt::Key_5, Qt::ControlModifier);
    QCOMPARE(w.currentPage(), ui::MainWindow::RunsPageIndex);
    QTest::keyClick(&w, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(w.currentPage(), ui::MainWindow::ConnectionsPageIndex);
    const QRect connectionsItem = nav->visualItemRect(nav->item(ui::MainWindow::ConnectionsPageIndex));
    QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, runsItem.center());
    QCOMPARE(w.currentPage(), ui::MainWindow::RunsPageIndex);
    QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, connectionsItem.center());
    QCOMPARE(w.currentPage(), ui::MainWindow::ConnectionsPageIndex);
}

void TestMainWindow::navigatesInOrderWithShortcuts_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<QString>("title");
    QTest::addColumn<int>("key");
    QTest::addColumn<QString>("pageClass");
    QTest::newRow("workspace") << int(ui::MainWindow::WorkspacePageIndex) << "Workspace" << int(Qt::Key_1)
                               << "tb::ui::WorkspacePage";
    QTest::newRow("connections") << int(ui::MainWindow::ConnectionsPageIndex) << "Connections" << int(Qt::Key_2)
                                 << "tb::ui::ConnectionsPage";
    QTest::newRow("mappings") << int(ui::MainWindow::MappingsPageIndex) << "Mappings" << int(Qt::Key_3)
                              << "tb::ui::MappingsPage";
    QTest::newRow("pipelines") << int(ui::MainWindow::PipelinesPageIndex) << "Pipelines" << int(Qt::Key_4)
                               << "tb::ui::PipelinesPage";
    QTest::newRow("runs") << int(ui::MainWindow::RunsPageIndex) << "Runs" << int(Qt::Key_5) << "tb::ui::RunsPage";
    QTest::newRow("reconciliation") << int(ui::MainWindow::ReconciliationPageIndex) << "Reconciliation"
                                    << int(Qt::Key_6) << "tb::ui::ReconciliationPage";
    QTest::newRow("audit") << int(ui::MainWindow::AuditPageIndex) << "Audit" << int(Qt::Key_7) << "tb::ui::AuditPage";
}

void TestMainWindow::navigatesInOrderWithShortcuts()
{
    QFETCH(int, page);
    QFETCH(QString, title);
    QFETCH(int, key);
    QFETCH(QString, pageClass);
    ui::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openWorkspace(m_dir));
    QListWidget* nav = w.navigation();
    QCOMPARE(nav->count(), int(ui::MainWindow::PageCount));
    QCOMPARE(nav->item(page)->text(), title);
    QVERIFY(!nav->item(page)->icon().isNull());
    // The title fits beside its icon: nothing is cut off.
    QVERIFY(nav->fontMetrics().horizontalAdvance(title) + nav->iconSize().width() < nav->viewport()->width());

    // Start elsewhere, then the key; then elsewhere again, then a click on the item.
    w.showPage(page == 0 ? ui::MainWindow::AuditPageIndex : ui::MainWindow::WorkspacePageIndex);
    QTest::keyClick(&w, Qt::Key(key), Qt::ControlModifier);
    QCOMPARE(int(w.currentPage()), page);
    auto* stack = w.findChild<QStackedWidget*>();
    QVERIFY(stack);
    QCOMPARE(QString::fromLatin1(stack->currentWidget()->metaObject()->className()), pageClass);
    w.showPage(page == 0 ? ui::MainWindow::AuditPageIndex : ui::MainWindow::WorkspacePageIndex);
    QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, nav->visualItemRect(nav->item(page)).center());
    QCOMPARE(int(w.currentPage()), page);
    QCOMPARE(QString::fromLatin1(stack->currentWidget()->metaObject()->className()), pageClass);
}

void TestMainWindow::aboutNamesVersionsAndLicences()
{
    ui::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // Help ▸ About, by the keyboard: Alt+H opens the menu, A the item.
    QTest::keyClick(&w, Qt::Key_H, Qt::AltModifier);
    QTRY_VERIFY(QApplication::activePopupWidget());
    QTest::keyClick(QApplication::activePopupWidget(), Qt::Key_A);
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = w.findChild<QMessageBox*>(QStringLiteral("aboutBox"))));
    const QString text = box->text() + box->informativeText();
    QVERIFY2(text.contains(QStringLiteral(TB_VERSION)), qPrintable(text));
    QVERIFY2(text.contains(QString::fromLatin1(qVersion())), qPrintable(text));
    for (const char* expected : {"Qt — GNU LGPL", "libsodium — ISC", "libssh — GNU LGPL", "QtKeychain — BSD"})
        QVERIFY2(text.contains(QString::fromUtf8(expected)), expected);
    QTest::keyClick(box, Qt::Key_Return);
    QTRY_VERIFY(!w.findChild<QMessageBox*>(QStringLiteral("aboutBox")));
}

void TestMainWindow::refusesAMissingFolder()
{
    ui::MainWindow w;
    // The warning box is modal: close it from a timer, as a user would.
    QTimer::singleShot(0, [] {
        if (QWidget* box = QApplication::activeModalWidget())
            box->close();
    });
    QVERIFY(!w.openWorkspace(m_tmp.filePath(QStringLiteral("no-such-folder"))));
    QVERIFY(!w.workspace().isValid());
}

void TestMainWindow::remembersRecentWorkspaces()
{
    {
        ui::MainWindow w;
        QVERIFY(w.openWorkspace(m_dir));
    }
    const QStringList recent = QSettings().value(QStringLiteral("workspaces/recent")).toStringList();
    QVERIFY(!recent.isEmpty());
    QCOMPARE(recent.first(), QDir(m_dir).absolutePath());
}

void TestMainWindow::remembersGeometryAndSplitters()
{
    QList<int> runsSizes, designerSizes;
    {
        ui::MainWindow w;
        QVERIFY(w.openWorkspace(m_dir));
        w.resize(1180, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // The Runs page's outer splitter and the designer's split between the picture and its side panel.
        w.showPage(ui::MainWindow::RunsPageIndex);
        auto* runs = w.runsPage()->findChild<QSplitter*>();
        QTRY_VERIFY(runs->sizes().value(0) > 0);
        auto* designer = w.mappingsPage()->designer()->findChild<QSplitter*>();
        QVERIFY(runs && designer);
        const int runsTotal = runs->sizes().value(0) + runs->sizes().value(1);
        runs->setSizes({runsTotal / 5, runsTotal - runsTotal / 5});
        runsSizes = runs->sizes();
        QList<int> d;
        w.showPage(ui::MainWindow::MappingsPageIndex);
        QTRY_VERIFY(designer->sizes().value(0) > 0);
        d = designer->sizes();
        const int pair2 = d[0] + d[1];
        d[0] = pair2 / 3;
        d[1] = pair2 - pair2 / 3;
        designer->setSizes(d);
        designerSizes = designer->sizes();
        QVERIFY(w.close());
    }
    ui::MainWindow again;
    QCOMPARE(again.size(), QSize(1180, 800));
    QVERIFY(again.openWorkspace(m_dir));
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    again.showPage(ui::MainWindow::RunsPageIndex);
    QTRY_COMPARE(again.runsPage()->findChild<QSplitter*>()->sizes(), runsSizes);
    again.showPage(ui::MainWindow::MappingsPageIndex);
    QTRY_COMPARE(again.mappingsPage()->designer()->findChild<QSplitter*>()->sizes(), designerSizes);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
