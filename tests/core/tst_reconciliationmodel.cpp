// Reconciliation of a run against its target (ReconciliationModel, SiteCountModel): a demo run with seeded
// defects balances in every entity with the run's own reject count, a tampered count is flagged in its entity,
// the per-site counts add up to the target's tables, and every unreadable target is refused with its file named.

#include "TestSupport.h"
#include "recon/ReconciliationModel.h"
#include "recon/SiteCountModel.h"
#include "run/PipelineRunner.h"
#include "run/RunResult.h"
#include "workspace/DemoStudyGenerator.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb;
using core::ReconciliationModel;
using core::SiteCountModel;

class TestReconciliationModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void balancesADemoRun();
    void flagsACountThatDoesNotBalance_data();
    void flagsACountThatDoesNotBalance();
    void countsRowsPerSite();
    void refusesUnreadableTargets_data();
    void refusesUnreadableTargets();
    void neverWritesToTheTarget();

private:
    QString copyOfTarget(const QString& name);

    QTemporaryDir m_tmp;
    QString m_db;
    core::RunResult m_run;
};

void TestReconciliationModel::initTestCase()
{
    const QString dir = m_tmp.filePath(QStringLiteral("demo"));
    core::DemoStudyGenerator::Options o;
    o.subjects = 120;
    o.sites = 4;
    o.defectRate = 0.05;
    QString error;
    QVERIFY2(core::DemoStudyGenerator(o).write(dir, &error), qPrintable(error));
    m_run = core::PipelineRunner().run(dir + QStringLiteral("/demo.pipeline.json"));
    QCOMPARE(m_run.statusName(), QStringLiteral("completed_with_rejects"));
    QVERIFY(m_run.total().rejected > 0);
    m_db = dir + QStringLiteral("/ctms.db");
}

QString TestReconciliationModel::copyOfTarget(const QString& name)
{
    const QString copy = m_tmp.filePath(name);
    QFile::remove(copy);
    // The demo database is in WAL mode: checkpointed by the runner on close, so the main file is whole.
    return QFile::copy(m_db, copy) ? copy : QString();
}

void TestReconciliationModel::balancesADemoRun()
{
    ReconciliationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(model.load(m_db, QStringLiteral("demo-edc-to-ctms"), &error), qPrintable(error));
    QCOMPARE(model.runId(), m_run.runId);
    QCOMPARE(model.runStatus(), QStringLiteral("completed_with_rejects"));
    QVERIFY(model.unbalancedEntities().isEmpty());
    QCOMPARE(model.rowCount(), int(m_run.entities.size()));
    qint64 rejected = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
        const ReconciliationModel::Row& row = model.row(r);
        const core::EntityCounts expected = m_run.counts(row.entity);
        QVERIFY(row.inRun);
        QCOMPARE(row.counts.read, expected.read);
        QCOMPARE(row.counts.inserted, expected.inserted);
        QCOMPARE(row.counts.rejected, expected.rejected);
        QCOMPARE(row.difference(), 0);
        QCOMPARE(model.data(model.index(r, ReconciliationModel::Difference)).toLongLong(), 0);
        QVERIFY(model.data(model.index(r, 0), ReconciliationModel::BalancedRole).toBool());
        // A first run inserts what it accepts: the target holds exactly that.
        QCOMPARE(row.inTarget, expected.inserted);
        const QStringList count = test::queryRows(m_db, QStringLiteral("SELECT COUNT(*) FROM %1").arg(row.entity));
        QCOMPARE(model.data(model.index(r, ReconciliationModel::InTarget)).toString(), count.value(0));
        rejected += row.counts.rejected;
    }
    // The known number of rejects of the seeded defects: the run's own total.
    QCOMPARE(rejected, m_run.total().rejected);
    QCOMPARE(model.loadRun(m_db, m_run.runId, &error), true);
    QCOMPARE(model.rowCount(), int(m_run.entities.size()));
}

void TestReconciliationModel::flagsACountThatDoesNotBalance_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("column");
    QTest::addColumn<int>("change");
    QTest::addColumn<qint64>("difference");
    QTest::newRow("visits inserted lost") << "visit" << "inserted" << -3 << qint64(3);
    QTest::newRow("subjects read too many") << "subject" << "read" << 2 << qint64(2);
    QTest::newRow("adverse events rejected twice") << "adverse_event" << "rejected" << 1 << qint64(-1);
    QTest::newRow("sites unchanged added") << "site" << "unchanged" << 4 << qint64(-4);
}

void TestReconciliationModel::flagsACountThatDoesNotBalance()
{
    QFETCH(QString, entity);
    QFETCH(QString, column);
    QFETCH(int, change);
    QFETCH(qint64, difference);
    const QString db = copyOfTarget(QStringLiteral("tampered.db"));
    QVERIFY(!db.isEmpty());
    {
        auto sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        sql.setDatabaseName(db);
        QVERIFY(sql.open());
        QSqlQuery q(sql);
        QVERIFY(q.exec(QStringLiteral("UPDATE run_entity SET %1 = %1 + %2 WHERE entity = '%3'").arg(column).arg(change).arg(entity)));
        QCOMPARE(q.numRowsAffected(), 1);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));

    ReconciliationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(model.load(db, QStringLiteral("demo-edc-to-ctms"), &error), qPrintable(error));
    QCOMPARE(model.unbalancedEntities(), QStringList{entity});
    for (int r = 0; r < model.rowCount(); ++r) {
        const bool tampered = model.row(r).entity == entity;
        QCOMPARE(model.data(model.index(r, ReconciliationModel::Difference)).toLongLong(), tampered ? difference : 0);
        QCOMPARE(model.data(model.index(r, ReconciliationModel::Read), ReconciliationModel::BalancedRole).toBool(),
                 !tampered);
        if (tampered)
            QVERIFY(model.data(model.index(r, ReconciliationModel::Difference), Qt::ToolTipRole)
                        .toString()
                        .contains(QString::number(difference)));
    }
}

void TestReconciliationModel::countsRowsPerSite()
{
    SiteCountModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(model.load(m_db, &error), qPrintable(error));
    QCOMPARE(model.rowCount(), 4);
    const SiteCountModel::Row total = model.total();
    QCOMPARE(QString::number(total.subjects), test::queryRows(m_db, QStringLiteral("SELECT COUNT(*) FROM subject")).value(0));
    QCOMPARE(QString::number(total.visits), test::queryRows(m_db, QStringLiteral("SELECT COUNT(*) FROM visit")).value(0));
    QCOMPARE(QString::number(total.adverseEvents),
             test::queryRows(m_db, QStringLiteral("SELECT COUNT(*) FROM adverse_event")).value(0));
    // One site checked against its own query: the visits of its subjects.
    const SiteCountModel::Row first = model.row(0);
    QCOMPARE(QString::number(first.visits),
             test::queryRows(m_db, QStringLiteral("SELECT COUNT(*) FROM visit v JOIN subject s ON s.study_id = v.study_id "
                                                  "AND s.subject_id = v.subject_id WHERE s.site_id = '%1'")
                                       .arg(first.site))
                 .value(0));
    QVERIFY(first.subjects > 0);
}

void TestReconciliationModel::refusesUnreadableTargets_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: no file at all
    QTest::addColumn<QString>("pipeline");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing") << QByteArray() << "demo-edc-to-ctms" << "does not exist yet";
    QTest::newRow("not a database") << QByteArray("subject,site\n1,2\n") << "demo-edc-to-ctms" << "cannot";
    QTest::newRow("another pipeline") << QByteArray("copy") << "no-such-pipeline"
                                      << "has no run of pipeline no-such-pipeline";
}

void TestReconciliationModel::refusesUnreadableTargets()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, pipeline);
    QFETCH(QString, expected);
    QString path = m_tmp.filePath(QStringLiteral("bad-%1.db").arg(QTest::currentDataTag()).replace(u' ', u'-'));
    if (content == "copy")
        path = copyOfTarget(QStringLiteral("other.db"));
    else if (!content.isEmpty())
        test::writeFile(m_tmp.path(), QFileInfo(path).fileName(), content);
    ReconciliationModel model;
    QString error;
    QVERIFY(!model.load(path, pipeline, &error));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    SiteCountModel sites;
    if (content != "copy") {
        QVERIFY(!sites.load(path, &error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QCOMPARE(sites.rowCount(), 0);
    }
    QVERIFY(content.isEmpty() != QFileInfo::exists(path)); // a missing target is not created by looking at it
}

void TestReconciliationModel::neverWritesToTheTarget()
{
    const QString db = copyOfTarget(QStringLiteral("readonly.db"));
    QVERIFY(QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::ReadGroup));
    ReconciliationModel model;
    SiteCountModel sites;
    QString error;
    QVERIFY2(model.load(db, QStringLiteral("demo-edc-to-ctms"), &error), qPrintable(error));
    QVERIFY2(sites.load(db, &error), qPrintable(error));
    QVERIFY(model.unbalancedEntities().isEmpty());
}

QTEST_GUILESS_MAIN(TestReconciliationModel)
#include "tst_reconciliationmodel.moc"
