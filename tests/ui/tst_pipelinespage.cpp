// The Pipelines and Reconciliation pages on a demo workspace, with real clicks and keys: the pipeline's steps,
// a run started from the Pipelines page (the main window's run, with progress and cancel), its last run, the
// reconciliation of that run per entity and per site, the rejected count opening the Runs page's rejects, and
// the problems of invalid pipeline documents with their file and JSON path.

#include "TestSupport.h"
#include "mainwindow/MainWindow.h"
#include "pipelines/PipelinesPage.h"
#include "recon/ReconciliationModel.h"
#include "recon/SiteCountModel.h"
#include "reconciliation/ReconciliationPage.h"
#include "run/PipelineListModel.h"
#include "run/RunHistoryModel.h"
#include "runs/RunsPage.h"
#include "workspace/DemoStudyGenerator.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb;
using core::PipelineListModel;
using core::ReconciliationModel;

class TestPipelinesPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void runsAndReconcilesAPipeline();
    void showsProblemsWithFileAndJsonPath_data();
    void showsProblemsWithFileAndJsonPath();

private:
    QTemporaryDir m_tmp;
    QString m_dir;
};

void TestPipelinesPage::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("TrialBridgeTest"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_tmp.filePath(QStringLiteral("settings")));
    test::useTestVault(m_tmp.filePath(QStringLiteral("vault"))); // the run signs its audit trail
    m_dir = m_tmp.filePath(QStringLiteral("demo"));
    core::DemoStudyGenerator::Options o;
    o.subjects = 120;
    o.sites = 4;
    o.defectRate = 0.05;
    QString error;
    QVERIFY2(core::DemoStudyGenerator(o).write(m_dir, &error), qPrintable(error));
}

void TestPipelinesPage::runsAndReconcilesAPipeline()
{
    ui::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openWorkspace(m_dir));
    ui::PipelinesPage* page = w.pipelinesPage();
    ui::ReconciliationPage* recon = w.reconciliationPage();
    new QAbstractItemModelTester(page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, &w);
    new QAbstractItemModelTester(recon->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, &w);
    new QAbstractItemModelTester(recon->siteModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, &w);
    QTest::keyClick(&w, Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(w.currentPage(), ui::MainWindow::PipelinesPageIndex);

    // The pipeline, its steps, not run yet; no problems shown.
    QCOMPARE(page->model()->rowCount(), 1);
    QCOMPARE(page->selectedPipeline(), QDir(m_dir).filePath(QStringLiteral("demo.pipeline.json")));
    QCOMPARE(page->stepList()->count(), 3);
    QCOMPARE(page->stepList()->item(1)->text(), QStringLiteral("edc/visits.csv → visits.mapping.json → visit"));
    QVERIFY(!page->problemList()->isVisible());
    QCOMPARE(page->model()->data(page->model()->index(0, PipelineListModel::Status)).toString(), QStringLiteral("never run"));
    auto* reconcile = page->findChild<QPushButton*>(QStringLiteral("reconcilePipeline"));
    QVERIFY(!reconcile->isEnabled());
    QVERIFY(recon->summaryLabel()->text().isEmpty());

    // Run, by a click; the main window runs it (one at a time) and the page follows.
    QPushButton* run = page->runButton();
    QVERIFY(run->isEnabled());
    QSignalSpy finished(&w, &ui::MainWindow::runFinished);
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(w.isRunning());
    QVERIFY(!run->isEnabled());
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).toInt(), 3); // loaded, with the seeded defects rejected
    QVERIFY(run->isEnabled());
    const qint64 runId = w.runsPage()->model()->run(0).id;
    const PipelineListModel::Pipeline& p = page->model()->pipeline(0);
    QCOMPARE(p.lastRun.id, runId);
    QCOMPARE(page->model()->data(page->model()->index(0, PipelineListModel::Status)).toString(),
             QStringLiteral("completed with rejects"));
    QVERIFY(p.lastRun.total.rejected > 0);

    // Reconcile: every entity balances; the target's rows per site add up to its subjects.
    QTest::keyClick(&w, Qt::Key_4, Qt::ControlModifier);
    QVERIFY(reconcile->isEnabled());
    QTest::mouseClick(reconcile, Qt::LeftButton);
    QCOMPARE(w.currentPage(), ui::MainWindow::ReconciliationPageIndex);
    ReconciliationModel* model = recon->model();
    QCOMPARE(model->runId(), runId);
    QVERIFY(model->unbalancedEntities().isEmpty());
    QVERIFY2(recon->summaryLabel()->text().startsWith(QStringLiteral("Every row read is accounted for")),
             qPrintable(recon->summaryLabel()->text()));
    QCOMPARE(recon->siteModel()->rowCount(), 4);
    const QString db = p.target;
    QCOMPARE(QString::number(recon->siteModel()->total().subjects),
             test::queryRows(db, QStringLiteral("SELECT COUNT(*) FROM subject")).value(0));

    // A rejected count opens the run's rejects on the Runs page.
    int rejecting = -1;
    for (int r = 0; r < model->rowCount() && rejecting < 0; ++r)
        if (model->row(r).counts.rejected > 0)
            rejecting = r;
    QVERIFY(rejecting >= 0);
    QTableView* table = recon->entityTable();
    const QRect cell = table->visualRect(model->index(rejecting, ReconciliationModel::Rejected));
    QVERIFY(cell.isValid());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(w.currentPage(), ui::MainWindow::RunsPageIndex);
    const QModelIndex current = w.runsPage()->runTable()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(w.runsPage()->model()->run(current.row()).id, runId);
    QVERIFY(w.runsPage()->rejectTable()->rowCount() > 0);

    // A click on a count that is no link stays on the page.
    QTest::keyClick(&w, Qt::Key_6, Qt::ControlModifier);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(model->index(rejecting, ReconciliationModel::Read)).center());
    QCOMPARE(w.currentPage(), ui::MainWindow::ReconciliationPageIndex);
}

void TestPipelinesPage::showsProblemsWithFileAndJsonPath_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("problem");
    const QByteArray head = R"({"format": "trialbridge.pipeline/1", "study": "demo.study.json",
                              "target": {"database": "ctms.db"}, )";
    QTest::newRow("no name") << head + R"("steps": [{"mapping": "visits.mapping.json", "source": "edc/visits.csv"}]})"
                             << "broken.pipeline.json: name: required";
    QTest::newRow("missing mapping")
        << head + R"("name": "p", "steps": [{"mapping": "visits.mapping.json", "source": "edc/visits.csv"},
                                           {"mapping": "gone.mapping.json", "source": "edc/visits.csv"}]})"
        << "broken.pipeline.json: steps[1].mapping: 'gone.mapping.json' does not exist";
    QTest::newRow("bad drop") << head + R"("name": "p", "steps": [{"mapping": "visits.mapping.json", "source": "in",
                                                                  "drop": {"pattern": "a/b.csv"}}]})"
                              << "broken.pipeline.json: steps[0].drop.pattern: required";
}

void TestPipelinesPage::showsProblemsWithFileAndJsonPath()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, problem);
    const QString broken = test::writeFile(m_dir, QStringLiteral("broken.pipeline.json"), json);
    ui::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openWorkspace(m_dir));
    QFile::remove(broken); // the other tests see the demo alone
    QTest::keyClick(&w, Qt::Key_4, Qt::ControlModifier);
    ui::PipelinesPage* page = w.pipelinesPage();
    QCOMPARE(page->model()->rowCount(), 2);
    const int row = page->model()->rowOf(broken);
    QVERIFY(row >= 0);
    QTableView* table = page->pipelineTable();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(page->model()->index(row, 0)).center());
    QCOMPARE(page->selectedPipeline(), broken);
    QVERIFY(page->problemList()->isVisible());
    QStringList problems;
    for (int i = 0; i < page->problemList()->count(); ++i)
        problems << page->problemList()->item(i)->text();
    QVERIFY2(problems.join(u'\n').contains(problem), qPrintable(problems.join(u'\n')));
    QVERIFY(problems.first().startsWith(QDir(m_dir).filePath(QStringLiteral("broken.pipeline.json"))));
    QVERIFY(!page->runButton()->isEnabled()); // an invalid pipeline is not run
    QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier);
    QVERIFY(!w.isRunning());
    // The Reconciliation page says why there is nothing to show.
    QTest::keyClick(&w, Qt::Key_6, Qt::ControlModifier);
    QCOMPARE(w.reconciliationPage()->pipelineBox()->currentIndex(), row);
    QCOMPARE(w.reconciliationPage()->model()->rowCount(), 0);
    // And the valid one is still runnable: back to it by the keyboard.
    QTest::keyClick(&w, Qt::Key_4, Qt::ControlModifier);
    table->setFocus();
    QTest::keyClick(table, row == 0 ? Qt::Key_Down : Qt::Key_Up);
    QVERIFY(page->runButton()->isEnabled());
    QVERIFY(!page->problemList()->isVisible());
}

QTEST_MAIN(TestPipelinesPage)
#include "tst_pipelinespage.moc"
