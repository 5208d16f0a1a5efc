// The workspace's pipelines as the console lists them (PipelineListModel): steps with their entities, the
// target, the last production run read from the target, and every document problem naming the file and the
// JSON path.

#include "MockClock.h"
#include "TestSupport.h"
#include "run/PipelineListModel.h"
#include "run/PipelineRunner.h"
#include "workspace/DemoStudyGenerator.h"
#include "workspace/Workspace.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb;
using core::PipelineListModel;

class TestPipelineListModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listsTheDemoPipeline();
    void showsTheLastRun();
    void showsTheSchedule();
    void namesFileAndJsonPathOfProblems_data();
    void namesFileAndJsonPathOfProblems();

private:
    QTemporaryDir m_tmp;
    QString m_dir;
};

void TestPipelineListModel::initTestCase()
{
    m_dir = m_tmp.filePath(QStringLiteral("demo"));
    core::DemoStudyGenerator::Options o;
    o.subjects = 40;
    o.sites = 2;
    QString error;
    QVERIFY2(core::DemoStudyGenerator(o).write(m_dir, &error), qPrintable(error));
}

void TestPipelineListModel::listsTheDemoPipeline()
{
    PipelineListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.load(core::Workspace(m_dir));
    QCOMPARE(model.rowCount(), 1);
    const PipelineListModel::Pipeline& p = model.pipeline(0);
    QVERIFY2(p.isValid(), qPrintable(p.problems.join(u'\n')));
    QCOMPARE(p.name, QStringLiteral("demo-edc-to-ctms"));
    QCOMPARE(p.file, QStringLiteral("demo.pipeline.json"));
    QCOMPARE(p.target, QDir(m_dir).filePath(QStringLiteral("ctms.db")));
    QStringList steps;
    for (const PipelineListModel::Step& s : p.steps)
        steps << PipelineListModel::describe(s);
    QCOMPARE(steps, (QStringList{QStringLiteral("edc/subjects.csv → subjects.mapping.json → subject"),
                                 QStringLiteral("edc/visits.csv → visits.mapping.json → visit"),
                                 QStringLiteral("edc/adverse_events.csv → adverse_events.mapping.json → adverse_event")}));
    QCOMPARE(model.data(model.index(0, PipelineListModel::Steps)).toInt(), 3);
    QCOMPARE(model.data(model.index(0, PipelineListModel::Status)).toString(), QStringLiteral("never run"));
    QVERIFY(!model.data(model.index(0, PipelineListModel::LastRun)).isValid());
    QCOMPARE(model.rowOf(QDir(m_dir).filePath(QStringLiteral("demo.pipeline.json"))), 0);
    QCOMPARE(model.rowOf(QStringLiteral("/elsewhere/demo.pipeline.json")), -1);
    QVERIFY(!QFileInfo::exists(p.target)); // listing reads, it never creates the target

    // A drop and a REST step are described as such.
    PipelineListModel::Step drop{QStringLiteral("incoming"), QStringLiteral("subjects.mapping.json"),
                                 QStringLiteral("subject"), QStringLiteral("drop"), QStringLiteral("subjects_*.csv")};
    QCOMPARE(PipelineListModel::describe(drop),
             QStringLiteral("drop incoming (subjects_*.csv) → subjects.mapping.json → subject"));
    PipelineListModel::Step rest{QStringLiteral("edc"), QStringLiteral("visits.mapping.json"), QStringLiteral("visit"),
                                 QStringLiteral("rest"), QString()};
    QCOMPARE(PipelineListModel::describe(rest), QStringLiteral("REST connection edc → visits.mapping.json → visit"));
}

void TestPipelineListModel::showsTheLastRun()
{
    const core::RunResult first = core::PipelineRunner().run(QDir(m_dir).filePath(QStringLiteral("demo.pipeline.json")));
    const core::RunResult second = core::PipelineRunner().run(QDir(m_dir).filePath(QStringLiteral("demo.pipeline.json")));
    QVERIFY(second.runId > first.runId);
    PipelineListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.load(core::Workspace(m_dir));
    const PipelineListModel::Pipeline& p = model.pipeline(0);
    QCOMPARE(p.lastRun.id, second.runId);
    QCOMPARE(p.lastRun.status, second.statusName());
    QCOMPARE(p.lastRun.total.read, second.total().read);
    QCOMPARE(p.lastRun.total.unchanged, second.total().unchanged);
    QCOMPARE(p.lastRun.total.rejected, second.total().rejected);
    QCOMPARE(model.data(model.index(0, PipelineListModel::LastRun)).toLongLong(), second.runId);
    QCOMPARE(model.data(model.index(0, PipelineListModel::Rejected)).toLongLong(), second.total().rejected);
}

void TestPipelineListModel::showsTheSchedule()
{
    // A schedule, one paused, none: the expression, and when it next runs in its zone and in UTC (02:30 is skipped in
    // Berlin on 29 March 2026, so it runs at 03:30).
    QTemporaryDir ws;
    for (const char* file : {"visits.mapping.json", "demo.study.json", "edc/visits.csv"}) {
        QDir(ws.path()).mkpath(QStringLiteral("edc"));
        QVERIFY(QFile::copy(QDir(m_dir).filePath(QString::fromLatin1(file)), ws.filePath(QString::fromLatin1(file))));
    }
    const QByteArray head = R"({"format": "trialbridge.pipeline/1", "study": "demo.study.json",
        "target": {"database": "ctms.db"}, "steps": [{"mapping": "visits.mapping.json", "source": "edc/visits.csv"}], )";
    test::writeFile(ws.path(), QStringLiteral("a.pipeline.json"),
                    head + R"("name": "a", "schedule": {"cron": "30 2 * * *", "timeZone": "Europe/Berlin"}})");
    test::writeFile(ws.path(), QStringLiteral("b.pipeline.json"),
                    head + R"("name": "b", "schedule": {"cron": "@daily", "timeZone": "UTC", "enabled": false}})");
    test::writeFile(ws.path(), QStringLiteral("c.pipeline.json"), head + R"("name": "c"})");
    test::MockClock clock(QDateTime(QDate(2026, 3, 28), QTime(12, 0), Qt::UTC));
    PipelineListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClock(&clock);
    model.load(core::Workspace(ws.path()));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.headerData(PipelineListModel::Schedule, Qt::Horizontal).toString(), QStringLiteral("Schedule"));
    QCOMPARE(model.data(model.index(0, PipelineListModel::Schedule)).toString(), QStringLiteral("30 2 * * *"));
    QCOMPARE(model.pipeline(0).nextRun, QDateTime(QDate(2026, 3, 29), QTime(1, 30), Qt::UTC));
    QCOMPARE(model.data(model.index(0, PipelineListModel::Schedule), Qt::ToolTipRole).toString(),
             QStringLiteral("30 2 * * * (Europe/Berlin), next 2026-03-29 03:30 (2026-03-29 01:30 UTC)"));
    QCOMPARE(model.data(model.index(1, PipelineListModel::Schedule)).toString(), QStringLiteral("@daily (paused)"));
    QVERIFY(!model.pipeline(1).nextRun.isValid());
    QCOMPARE(PipelineListModel::describeSchedule(model.pipeline(1)), QStringLiteral("@daily (UTC), paused"));
    QCOMPARE(model.data(model.index(2, PipelineListModel::Schedule)).toString(), QString());
    QCOMPARE(PipelineListModel::describeSchedule(model.pipeline(2)), QString());
}

void TestPipelineListModel::namesFileAndJsonPathOfProblems_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("problem"); // after "FILE: "
    const QByteArray head = R"({"format": "trialbridge.pipeline/1", "study": "demo.study.json",
                              "target": {"database": "ctms.db"}, )";
    QTest::newRow("not JSON") << QByteArray("{\"format\": ") << "invalid JSON at offset";
    QTest::newRow("no name") << head + R"("steps": [{"mapping": "visits.mapping.json", "source": "edc/visits.csv"}]})"
                             << "name: required";
    QTest::newRow("no steps") << head + R"("name": "p", "steps": []})" << "steps: required";
    QTest::newRow("step without source") << head + R"("name": "p", "steps": [{"mapping": "visits.mapping.json"}]})"
                                         << "steps[0]: needs \"mapping\" and \"source\"";
    QTest::newRow("missing mapping")
        << head + R"("name": "p", "steps": [{"mapping": "visits.mapping.json", "source": "edc/visits.csv"},
                                           {"mapping": "nope.mapping.json", "source": "edc/visits.csv"}]})"
        << "steps[1].mapping: 'nope.mapping.json' does not exist";
    QTest::newRow("missing source")
        << head + R"("name": "p", "steps": [{"mapping": "visits.mapping.json", "source": "edc/nope.csv"}]})"
        << "steps[0].source: 'edc/nope.csv' does not exist";
    QTest::newRow("broken mapping")
        << head + R"("name": "p", "steps": [{"mapping": "broken.mapping.json", "source": "edc/visits.csv"}]})"
        << "steps[0].mapping: ";
    QTest::newRow("outside the workspace")
        << head + R"("name": "p", "steps": [{"mapping": "../x.mapping.json", "source": "edc/visits.csv"}]})"
        << "steps[0].mapping: '../x.mapping.json' points outside the workspace";
}

void TestPipelineListModel::namesFileAndJsonPathOfProblems()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, problem);
    QTemporaryDir ws;
    for (const char* file : {"visits.mapping.json", "demo.study.json", "edc/visits.csv"}) {
        QDir(ws.path()).mkpath(QStringLiteral("edc"));
        QVERIFY(QFile::copy(QDir(m_dir).filePath(QString::fromLatin1(file)), ws.filePath(QString::fromLatin1(file))));
    }
    test::writeFile(ws.path(), QStringLiteral("broken.mapping.json"), "{\"format\": \"trialbridge.mapping/1\"}");
    const QString file = test::writeFile(ws.path(), QStringLiteral("bad.pipeline.json"), json);
    PipelineListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.load(core::Workspace(ws.path()));
    QCOMPARE(model.rowCount(), 1); // listed, not dropped
    const PipelineListModel::Pipeline& p = model.pipeline(0);
    QVERIFY(!p.isValid());
    QVERIFY2(p.problems.first().startsWith(file + QStringLiteral(": ")), qPrintable(p.problems.first()));
    QVERIFY2(p.problems.join(u'\n').contains(problem), qPrintable(p.problems.join(u'\n')));
    QCOMPARE(model.data(model.index(0, PipelineListModel::Status)).toString(), QStringLiteral("invalid"));
    QVERIFY(model.data(model.index(0, PipelineListModel::Name), Qt::ToolTipRole).toString().contains(problem));
    QCOMPARE(model.data(model.index(0, 0), PipelineListModel::ProblemRole).toStringList(), p.problems);
}

QTEST_GUILESS_MAIN(TestPipelineListModel)
#include "tst_pipelinelistmodel.moc"
