// The CDISC pilot study (real SDTM files) through examples/cdiscpilot01: the counts the data holds,
// partial dates kept partial, statuses from DS, out-of-window visits reported, re-runs change nothing.

#include "TestSupport.h"

#include "load/CtmsDatabase.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb::core;
using tb::test::runCli;

class TestCdiscPilot : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void loadsEveryRecord_data();
    void loadsEveryRecord();
    void partialOnsetDatesStayPartial();
    void statusesComeFromDisposition();
    void outOfWindowVisitsAreReported();
    void secondRunChangesNothing();

private:
    qint64 scalar(const QString& sql);

    QTemporaryDir m_tmp;
    QString m_pipeline;
    QJsonObject m_run;
    CtmsDatabase m_db;
};

qint64 TestCdiscPilot::scalar(const QString& sql)
{
    QSqlQuery q(m_db.sql());
    if (!q.exec(sql) || !q.next())
        qFatal("query failed: %s", qPrintable(sql));
    return q.value(0).toLongLong();
}

void TestCdiscPilot::initTestCase()
{
    tb::test::useTestVault(m_tmp.filePath(QStringLiteral("secrets"))); // runs sign their audit trail
    // Run a copy of the example (its JSON documents and SDTM files), so the source tree stays clean.
    const QDir example(tb::test::sourcePath(QStringLiteral("examples/cdiscpilot01")));
    QVERIFY(QDir(m_tmp.path()).mkpath(QStringLiteral("sdtm")));
    for (const QString& name : example.entryList({QStringLiteral("*.json")}, QDir::Files))
        QVERIFY(QFile::copy(example.filePath(name), m_tmp.filePath(name)));
    for (const QString& name : QDir(example.filePath(QStringLiteral("sdtm"))).entryList({QStringLiteral("*.csv")}, QDir::Files))
        QVERIFY(QFile::copy(example.filePath(QStringLiteral("sdtm/") + name), m_tmp.filePath(QStringLiteral("sdtm/") + name)));
    m_pipeline = m_tmp.filePath(QStringLiteral("cdiscpilot01.pipeline.json"));

    const auto r = runCli({QStringLiteral("run"), m_pipeline, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    m_run = QJsonDocument::fromJson(r.out).object();
    QString error;
    QVERIFY2(m_db.open(m_tmp.filePath(QStringLiteral("ctms.db")), &error), qPrintable(error));
}

void TestCdiscPilot::loadsEveryRecord_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<int>("count");
    QTest::newRow("sites") << "site" << 17;
    QTest::newRow("subjects") << "subject" << 306;
    QTest::newRow("visits") << "visit" << 3559;
    QTest::newRow("adverse events") << "adverse_event" << 1191;
}

void TestCdiscPilot::loadsEveryRecord()
{
    QFETCH(QString, entity);
    QFETCH(int, count);
    const QJsonObject c = m_run.value(QStringLiteral("entities")).toObject().value(entity).toObject();
    QCOMPARE(c.value(QStringLiteral("inserted")).toInt(), count);
    QCOMPARE(c.value(QStringLiteral("rejected")).toInt(), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(entity)), qint64(count));
}

void TestCdiscPilot::partialOnsetDatesStayPartial()
{
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM adverse_event WHERE length(start_date) < 10")), 26);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM adverse_event WHERE length(start_date) = 7")), 15);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM adverse_event WHERE length(start_date) = 4")), 11);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM adverse_event WHERE severity = 'SEVERE'")), 43);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM adverse_event WHERE serious = 'Y'")), 3);
}

void TestCdiscPilot::statusesComeFromDisposition()
{
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM subject WHERE status = 'SCREEN_FAILED'")), 52);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM subject WHERE status = 'COMPLETED'")), 110);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM subject WHERE status = 'DISCONTINUED'")), 144);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(DISTINCT site_id) FROM subject")), 17);
}

void TestCdiscPilot::outOfWindowVisitsAreReported()
{
    const int warnings = m_run.value(QStringLiteral("entities")).toObject().value(QStringLiteral("visit")).toObject()
                             .value(QStringLiteral("warnings")).toInt();
    QVERIFY(warnings > 0);
    const auto r = runCli({QStringLiteral("report"), QStringLiteral("warnings"), QStringLiteral("--target"),
                           m_tmp.filePath(QStringLiteral("ctms.db")), QStringLiteral("--rule"),
                           QStringLiteral("visit_window"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray items = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("warnings")).toArray();
    QCOMPARE(items.size(), warnings);
    for (const QJsonValue& v : items) {
        const QJsonObject w = v.toObject();
        QVERIFY(w.value(QStringLiteral("source_ref")).toString().contains(QStringLiteral("sv.csv:")));
        QVERIFY(w.value(QStringLiteral("message")).toString().contains(QStringLiteral("outside its window")));
    }
    // Checked by hand: visit 8 (planned day 56, ±3) of 01-701-1015 happened on day 63.
    bool found = false;
    for (const QJsonValue& v : items)
        found = found || (v.toObject().value(QStringLiteral("natural_key")).toString().contains(QStringLiteral("01-701-1015"))
                          && v.toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("study day 63")));
    QVERIFY(found);
    // Loaded all the same (a warning, not a reject).
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM visit WHERE subject_id = '01-701-1015' AND visit_code = '8'")), 1);
}

void TestCdiscPilot::secondRunChangesNothing()
{
    const auto r = runCli({QStringLiteral("run"), m_pipeline, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject entities = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("entities")).toObject();
    QVERIFY(entities.contains(QStringLiteral("visit")));
    for (const QJsonValue& c : entities) {
        QCOMPARE(c.toObject().value(QStringLiteral("inserted")).toInt(), 0);
        QCOMPARE(c.toObject().value(QStringLiteral("updated")).toInt(), 0);
    }
}

QTEST_GUILESS_MAIN(TestCdiscPilot)
#include "tst_cdiscpilot.moc"
