// The demo study end to end through trialbridge-cli: seeded defects are rejected and nothing else,
// re-runs change nothing, one changed value is one update with one audit entry, units are atomic; Ctrl-C and
// SIGTERM cancel a run between units and an audit export without leaving a file.

#include "TestSupport.h"

#include "load/CtmsDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QDir>
#include <QElapsedTimer>
#include <QLockFile>
#include <QProcess>
#include <QThread>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace tb::core;
using tb::test::runCli;

class TestDemoPipeline : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void helpListsEveryCommand();
    void mappingDiffNamesFieldChanges();
    void firstRunRejectsExactlyTheSeededDefects();
    void everyDefectHasAnActionableReject();
    void rejectedUnitsAreNotPartiallyLoaded();
    void countsAddUp();
    void secondRunChangesNothing();
    void changedVisitDateIsOneUpdateWithOneAuditEntry();
    void runLeftRunningIsMarkedInterrupted();
    void concurrentRunOnTheSameTargetIsRefused();
    void exitCodes_data();
    void exitCodes();
    void signalCancelsRunAndExport_data();
    void signalCancelsRunAndExport();

private:
    QJsonObject runJson(const QString& pipeline, int* exitCode);
    qint64 scalar(const QString& sql);

    QTemporaryDir m_tmp;
    QString m_dir;
    QJsonObject m_manifest;
    QJsonObject m_firstRun;
    CtmsDatabase m_db;
};

QJsonObject TestDemoPipeline::runJson(const QString& pipeline, int* exitCode)
{
    const auto r = runCli({QStringLiteral("run"), pipeline, QStringLiteral("--json")});
    *exitCode = r.exitCode;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out);
    if (!doc.isObject())
        qWarning() << "not JSON:" << r.out << r.err;
    return doc.object();
}

qint64 TestDemoPipeline::scalar(const QString& sql)
{
    QSqlQuery q(m_db.sql());
    if (!q.exec(sql) || !q.next())
        qFatal("query failed: %s", qPrintable(sql));
    return q.value(0).toLongLong();
}

void TestDemoPipeline::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    tb::test::useTestVault(m_tmp.filePath(QStringLiteral("secrets"))); // runs sign their audit trail
    m_dir = m_tmp.filePath(QStringLiteral("demo"));
    const auto demo = runCli({QStringLiteral("demo"), QStringLiteral("--out"), m_dir, QStringLiteral("--subjects"),
                              QStringLiteral("2000"), QStringLiteral("--seed"), QStringLiteral("7"),
                              QStringLiteral("--defect-rate"), QStringLiteral("0.03")});
    QCOMPARE(demo.exitCode, 0);
    QFile manifest(m_dir + QStringLiteral("/demo-defects.json"));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    m_manifest = QJsonDocument::fromJson(manifest.readAll()).object();
    int code = -1;
    m_firstRun = runJson(m_dir + QStringLiteral("/demo.pipeline.json"), &code);
    QCOMPARE(code, 3); // finished with rejected records
    QString error;
    QVERIFY2(m_db.open(m_dir + QStringLiteral("/ctms.db"), &error), qPrintable(error));
}

void TestDemoPipeline::helpListsEveryCommand()
{
    const auto r = runCli({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    for (const char* command : {"demo", "run", "profile", "report"}) {
        QVERIFY2(r.out.contains(QByteArray("  ") + command), command);
        const auto h = runCli({QLatin1String(command), QStringLiteral("--help")});
        QCOMPARE(h.exitCode, 0);
        QVERIFY2(h.out.contains("--help"), command);
    }
    // Commands with hand-written help: a usage line naming the command.
    for (const char* command :
         {"secrets", "connection", "audit", "user", "sign", "signatures", "mapping", "schedule", "serve"}) {
        QVERIFY2(r.out.contains(QByteArray("  ") + command), command);
        const auto h = runCli({QLatin1String(command), QStringLiteral("--help")});
        QCOMPARE(h.exitCode, 0);
        QVERIFY2(h.out.startsWith(QByteArray("Usage: trialbridge-cli ") + command + ' '), command);
    }
}

void TestDemoPipeline::mappingDiffNamesFieldChanges()
{
    const QString original = m_dir + QStringLiteral("/visits.mapping.json");
    QFile f(original);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    auto same = runCli({QStringLiteral("mapping"), QStringLiteral("diff"), original, original});
    QCOMPARE(same.exitCode, 0);
    QVERIFY2(same.out.contains(": the same"), same.out.constData());
    doc.insert(QStringLiteral("revision"), 2);
    QJsonObject fields = doc.value(QStringLiteral("fields")).toObject();
    fields.remove(QStringLiteral("visit_name"));
    doc.insert(QStringLiteral("fields"), fields);
    QTemporaryDir dir;
    const QString revised = tb::test::writeFile(dir.path(), QStringLiteral("visits.mapping.json"),
                                                QJsonDocument(doc).toJson(QJsonDocument::Compact));
    const auto r = runCli({QStringLiteral("mapping"), QStringLiteral("diff"), original, revised, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    const QJsonArray changes = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("changes")).toArray();
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes[0].toObject().value(QStringLiteral("path")).toString(), QStringLiteral("fields.visit_name"));
    QCOMPARE(changes[0].toObject().value(QStringLiteral("change")).toString(), QStringLiteral("removed"));
    QCOMPARE(changes[1].toObject().value(QStringLiteral("path")).toString(), QStringLiteral("revision"));
    const auto broken = runCli({QStringLiteral("mapping"), QStringLiteral("diff"), original, dir.filePath(QStringLiteral("missing.json"))});
    QCOMPARE(broken.exitCode, 2);
}

void TestDemoPipeline::firstRunRejectsExactlyTheSeededDefects()
{
    QSet<QString> defectSubjects, classes;
    for (const QJsonValue& d : m_manifest.value(QStringLiteral("defects")).toArray()) {
        defectSubjects.insert(d.toObject().value(QStringLiteral("subject")).toString());
        classes.insert(d.toObject().value(QStringLiteral("class")).toString());
    }
    QCOMPARE(classes.size(), 5); // every class is seeded
    QVERIFY(defectSubjects.size() >= 30);

    // Subjects with any reject (by natural key) are exactly the subjects that carry a defect.
    QSet<QString> rejectedSubjects;
    QSqlQuery q(m_db.sql());
    QVERIFY(q.exec(QStringLiteral("SELECT DISTINCT json_extract(natural_key, '$.subject_id') FROM reject")));
    while (q.next())
        rejectedSubjects.insert(q.value(0).toString());
    QCOMPARE(rejectedSubjects, defectSubjects);
    QCOMPARE(m_firstRun.value(QStringLiteral("entities")).toObject().value(QStringLiteral("subject")).toObject()
                 .value(QStringLiteral("rejected")).toInt(),
             defectSubjects.size());
}

void TestDemoPipeline::everyDefectHasAnActionableReject()
{
    for (const QJsonValue& dv : m_manifest.value(QStringLiteral("defects")).toArray()) {
        const QJsonObject d = dv.toObject();
        const QString where = QStringLiteral("%1:%2").arg(d.value(QStringLiteral("file")).toString())
                                  .arg(d.value(QStringLiteral("line")).toInt());
        QSqlQuery q(m_db.sql());
        q.prepare(QStringLiteral("SELECT message, value, entity, source_record FROM reject WHERE rule = ? AND source_ref LIKE ?"));
        q.addBindValue(d.value(QStringLiteral("rule")).toString());
        q.addBindValue(where + QLatin1Char('%'));
        QVERIFY(q.exec());
        QVERIFY2(q.next(), qPrintable(QStringLiteral("no %1 reject at %2 for defect %3")
                                          .arg(d.value(QStringLiteral("rule")).toString(), where,
                                               d.value(QStringLiteral("class")).toString())));
        const QString message = q.value(0).toString();
        // Actionable: names the record and the value, and says what to do.
        QVERIFY2(message.contains(d.value(QStringLiteral("subject")).toString()), qPrintable(message));
        QVERIFY2(message.contains(QLatin1Char(':')) && message.size() > 60, qPrintable(message));
        QCOMPARE(q.value(2).toString(), d.value(QStringLiteral("entity")).toString());
        QVERIFY(!q.value(3).toString().isEmpty()); // the raw source row is kept for reprocessing
        // The offending value is named: as written in the source, or (visit windows) as the local date.
        QString value = d.value(QStringLiteral("value")).toString();
        if (d.value(QStringLiteral("rule")).toString() == QLatin1String("visit_window"))
            value = QDateTime::fromString(value, QStringLiteral("dd.MM.yyyy HH:mm")).date().toString(Qt::ISODate);
        if (d.value(QStringLiteral("rule")).toString() != QLatin1String("duplicate_key"))
            QVERIFY2(message.contains(value) || q.value(1).toString().contains(value), qPrintable(message));
    }
}

void TestDemoPipeline::rejectedUnitsAreNotPartiallyLoaded()
{
    for (const QJsonValue& dv : m_manifest.value(QStringLiteral("defects")).toArray()) {
        const QString subject = dv.toObject().value(QStringLiteral("subject")).toString();
        for (const char* table : {"subject", "visit", "adverse_event"}) {
            QSqlQuery q(m_db.sql());
            q.prepare(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE subject_id = ?").arg(QLatin1String(table)));
            q.addBindValue(subject);
            QVERIFY(q.exec() && q.next());
            QVERIFY2(q.value(0).toInt() == 0, qPrintable(subject + QLatin1Char(' ') + QLatin1String(table)));
        }
    }
    // ... while every other subject is there with all its visits.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM subject")),
             2000 - m_manifest.value(QStringLiteral("defects")).toArray().size());
}

void TestDemoPipeline::countsAddUp()
{
    const QJsonObject entities = m_firstRun.value(QStringLiteral("entities")).toObject();
    for (const char* e : {"site", "subject", "visit", "adverse_event"})
        QVERIFY2(entities.contains(QLatin1String(e)), e);
    for (auto it = entities.begin(); it != entities.end(); ++it) {
        const QJsonObject c = it.value().toObject();
        QCOMPARE(c.value(QStringLiteral("read")).toInt(),
                 c.value(QStringLiteral("inserted")).toInt() + c.value(QStringLiteral("updated")).toInt()
                     + c.value(QStringLiteral("unchanged")).toInt() + c.value(QStringLiteral("rejected")).toInt()
                     + c.value(QStringLiteral("stale")).toInt());
        QSqlQuery q(m_db.sql());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(it.key())) && q.next());
        QCOMPARE(q.value(0).toInt(), c.value(QStringLiteral("inserted")).toInt());
    }
    // The generator wrote this many visits; duplicates are read once each.
    QCOMPARE(entities.value(QStringLiteral("visit")).toObject().value(QStringLiteral("read")).toInt(),
             m_manifest.value(QStringLiteral("visits")).toInt());
    // One audit entry per inserted record.
    qint64 inserted = 0;
    for (const QJsonValue& c : entities)
        inserted += c.toObject().value(QStringLiteral("inserted")).toInt();
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")), inserted);
    QCOMPARE(scalar(QStringLiteral("SELECT status = 'completed_with_rejects' FROM run WHERE run_id = 1")), 1);
}

void TestDemoPipeline::secondRunChangesNothing()
{
    const qint64 auditBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    int code = -1;
    const QJsonObject second = runJson(m_dir + QStringLiteral("/demo.pipeline.json"), &code);
    QCOMPARE(code, 3);
    const QJsonObject entities = second.value(QStringLiteral("entities")).toObject();
    QVERIFY(!entities.isEmpty());
    for (auto it = entities.begin(); it != entities.end(); ++it) {
        QCOMPARE(it.value().toObject().value(QStringLiteral("inserted")).toInt(), 0);
        QCOMPARE(it.value().toObject().value(QStringLiteral("updated")).toInt(), 0);
    }
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")), auditBefore);
}

void TestDemoPipeline::changedVisitDateIsOneUpdateWithOneAuditEntry()
{
    // Change the time of one visit of a subject without defects: 09:15 → 10:15 local.
    const QString path = m_dir + QStringLiteral("/edc/visits.csv");
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = f.readAll().split('\n');
    f.close();
    QSet<QString> defectSubjects;
    for (const QJsonValue& d : m_manifest.value(QStringLiteral("defects")).toArray())
        defectSubjects.insert(d.toObject().value(QStringLiteral("subject")).toString());
    int changed = -1;
    QByteArray oldDate, newDate, subject, visitNo;
    for (int i = 1; i < lines.size() && changed < 0; ++i) {
        const QList<QByteArray> fields = lines[i].split(';');
        if (fields.size() != 6 || fields[4].size() != 16 || defectSubjects.contains(QString::fromUtf8(fields[1])))
            continue;
        const int hour = fields[4].mid(11, 2).toInt();
        if (hour < 8 || hour > 16)
            continue;
        subject = fields[1];
        visitNo = fields[2];
        oldDate = fields[4];
        newDate = oldDate.left(11) + QByteArray::number(hour + 1).rightJustified(2, '0') + oldDate.mid(13);
        lines[i].replace(oldDate, newDate);
        changed = i;
    }
    QVERIFY(changed > 0);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(lines.join('\n'));
    f.close();

    QSqlQuery before(m_db.sql());
    before.prepare(QStringLiteral("SELECT visit_date FROM visit WHERE subject_id = ? AND visit_code = ?"));
    before.addBindValue(QString::fromUtf8(subject));
    before.addBindValue(QStringLiteral("V") + QString::fromUtf8(visitNo));
    QVERIFY(before.exec() && before.next());
    const QString oldUtc = before.value(0).toString();
    before.finish(); // an open statement would pin this connection to the old snapshot (WAL)
    const qint64 maxSeq = scalar(QStringLiteral("SELECT MAX(seq) FROM audit_log"));

    int code = -1;
    const QJsonObject third = runJson(m_dir + QStringLiteral("/demo.pipeline.json"), &code);
    QCOMPARE(code, 3);
    const QJsonObject entities = third.value(QStringLiteral("entities")).toObject();
    for (auto it = entities.begin(); it != entities.end(); ++it) {
        QCOMPARE(it.value().toObject().value(QStringLiteral("inserted")).toInt(), 0);
        QCOMPARE(it.value().toObject().value(QStringLiteral("updated")).toInt(), it.key() == QLatin1String("visit") ? 1 : 0);
    }
    QSqlQuery audit(m_db.sql());
    QVERIFY(audit.exec(QStringLiteral("SELECT action, entity, natural_key, before_json, after_json, run_id, source_ref, "
                                      "actor, ts_utc FROM audit_log WHERE seq > %1").arg(maxSeq)));
    QVERIFY(audit.next());
    QCOMPARE(audit.value(0).toString(), QStringLiteral("update"));
    QCOMPARE(audit.value(1).toString(), QStringLiteral("visit"));
    QVERIFY(audit.value(2).toString().contains(QString::fromUtf8(subject)));
    const QJsonObject beforeJson = QJsonDocument::fromJson(audit.value(3).toByteArray()).object();
    const QJsonObject afterJson = QJsonDocument::fromJson(audit.value(4).toByteArray()).object();
    QCOMPARE(beforeJson.keys(), QStringList{QStringLiteral("visit_date")});
    QCOMPARE(beforeJson.value(QStringLiteral("visit_date")).toString(), oldUtc);
    QCOMPARE(afterJson.keys(), QStringList{QStringLiteral("visit_date")});
    // One hour later in UTC too (no DST change within an hour at 08:00–17:00).
    const QDateTime o = QDateTime::fromString(oldUtc, Qt::ISODate);
    QCOMPARE(QDateTime::fromString(afterJson.value(QStringLiteral("visit_date")).toString(), Qt::ISODate), o.addSecs(3600));
    QCOMPARE(audit.value(5).toLongLong(), third.value(QStringLiteral("run_id")).toInteger());
    QCOMPARE(audit.value(6).toString(), QStringLiteral("edc/visits.csv:%1").arg(changed + 1));
    QVERIFY(!audit.value(7).toString().isEmpty());
    QVERIFY(audit.value(8).toString().endsWith(QLatin1Char('Z')));
    QVERIFY(!audit.next()); // exactly one entry
}

void TestDemoPipeline::runLeftRunningIsMarkedInterrupted()
{
    // What a killed process leaves behind: a run row still 'running' (and a lock file of a process that is gone).
    QString error;
    QVERIFY2(m_db.exec(QStringLiteral("INSERT INTO run (pipeline, actor, started_utc, status) "
                                      "VALUES ('demo-edc-to-ctms', 'someone', '2026-01-01T00:00:00Z', 'running')"),
                       &error),
             qPrintable(error));
    const qint64 orphan = scalar(QStringLiteral("SELECT MAX(run_id) FROM run"));
    int code = -1;
    runJson(m_dir + QStringLiteral("/demo.pipeline.json"), &code);
    QCOMPARE(code, 3);
    QSqlQuery q(m_db.sql());
    QVERIFY(q.exec(QStringLiteral("SELECT status, ended_utc, message FROM run WHERE run_id = %1").arg(orphan)) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("interrupted"));
    QVERIFY(!q.value(1).toString().isEmpty());
    QVERIFY2(q.value(2).toString().contains(QLatin1String("killed or crashed")), qPrintable(q.value(2).toString()));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM run WHERE status = 'running'")), qint64(0));
    QVERIFY2(!QFileInfo::exists(m_dir + QStringLiteral("/ctms.db.lock")), "the run left its lock behind");
}

void TestDemoPipeline::concurrentRunOnTheSameTargetIsRefused()
{
    // A live process holds the target: the run stops before touching it and says who holds it.
    QLockFile lock(m_dir + QStringLiteral("/ctms.db.lock"));
    QVERIFY(lock.tryLock(0));
    const qint64 runsBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM run"));
    const auto r = runCli({QStringLiteral("run"), m_dir + QStringLiteral("/demo.pipeline.json")});
    QCOMPARE(r.exitCode, 1);
    const QString message = QString::fromUtf8(r.err + r.out);
    QVERIFY2(message.contains(QStringLiteral("another run is loading this target (process %1")
                                  .arg(QCoreApplication::applicationPid())),
             qPrintable(message));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM run")), runsBefore);
    lock.unlock();
    QCOMPARE(runCli({QStringLiteral("run"), m_dir + QStringLiteral("/demo.pipeline.json")}).exitCode, 3);
}

void TestDemoPipeline::signalCancelsRunAndExport_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("Ctrl-C") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
}

// A signal cancels a run between units, as the console's Cancel does: what is committed stays, the run is recorded
// as cancelled, the trail verifies and the next run completes. During an audit export it leaves no file.
void TestDemoPipeline::signalCancelsRunAndExport()
{
    QFETCH(int, signal);
    const QString dir = m_tmp.filePath(QStringLiteral("signal-%1").arg(signal));
    const int subjects = 10000;
    auto r = runCli({QStringLiteral("demo"), QStringLiteral("--out"), dir, QStringLiteral("--subjects"),
                     QString::number(subjects)});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString pipeline = dir + QStringLiteral("/demo.pipeline.json");
    const QString target = dir + QStringLiteral("/ctms.db");
    QProcess cli;
    cli.start(QStringLiteral(TB_CLI_PATH), {QStringLiteral("run"), pipeline});
    QVERIFY(cli.waitForStarted());
    // The run holds its target's lock from its start to its end: the signal arrives while it loads.
    QElapsedTimer waited;
    waited.start();
    while (!QFileInfo::exists(target + QStringLiteral(".lock")) && cli.state() == QProcess::Running
           && waited.elapsed() < 60000)
        QThread::msleep(2);
    QVERIFY2(cli.state() == QProcess::Running, "the run ended before the signal");
    QCOMPARE(::kill(pid_t(cli.processId()), signal), 0);
    QVERIFY(cli.waitForFinished(60000));
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 1);
    QVERIFY2(err.contains(QStringLiteral("cancelling")) && err.contains(QStringLiteral("trialbridge-cli run: cancelled after")),
             qPrintable(err));
    QCOMPARE(tb::test::queryRows(target, QStringLiteral("SELECT status FROM run")), QStringList{QStringLiteral("cancelled")});
    QVERIFY(!QFileInfo::exists(target + QStringLiteral(".lock")));
    r = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--target"), target});
    QVERIFY2(r.exitCode == 0, r.out.constData());

    // The next run loads the rest: every subject read once more, none twice.
    r = runCli({QStringLiteral("run"), pipeline, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 3);
    const QJsonObject subject =
        QJsonDocument::fromJson(r.out).object()[QLatin1String("entities")].toObject()[QLatin1String("subject")].toObject();
    QCOMPARE(subject[QLatin1String("read")].toInt(), subjects);
    QCOMPARE(tb::test::queryRows(target, QStringLiteral("SELECT COUNT(*) FROM subject")),
             QStringList{QString::number(subjects - subject[QLatin1String("rejected")].toInt())});
    QCOMPARE(tb::test::queryRows(target, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'subject'")),
             tb::test::queryRows(target, QStringLiteral("SELECT COUNT(*) FROM subject")));

    // The report of the whole trail (some 85,000 entries) takes many seconds: the signal comes while it is made.
    const QString reports = dir + QStringLiteral("/reports");
    QVERIFY(QDir().mkpath(reports));
    QProcess exporter;
    exporter.start(QStringLiteral(TB_CLI_PATH), {QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--target"),
                                                  target, QStringLiteral("--format"), QStringLiteral("pdf"),
                                                  QStringLiteral("--out"), reports + QStringLiteral("/audit.pdf")});
    QVERIFY(exporter.waitForStarted());
    QThread::msleep(1500); // past the process's start, where the signal's default action still applies
    QVERIFY2(exporter.state() == QProcess::Running, "the export ended before the signal");
    QCOMPARE(::kill(pid_t(exporter.processId()), signal), 0);
    QVERIFY(exporter.waitForFinished(60000));
    const QString exportErr = QString::fromUtf8(exporter.readAllStandardError());
    QCOMPARE(exporter.exitStatus(), QProcess::NormalExit);
    QCOMPARE(exporter.exitCode(), 1);
    QVERIFY2(exportErr.contains(QStringLiteral("export canceled \u2014 no file was written")), qPrintable(exportErr));
    QCOMPARE(QDir(reports).entryList(QDir::Files | QDir::Hidden), QStringList());
}

void TestDemoPipeline::exitCodes_data()
{
    QTest::addColumn<QString>("pipeline");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("message");

    QTest::newRow("invalid JSON") << "bad.pipeline.json" << QByteArray("{ nope") << 2 << "invalid JSON";
    QTest::newRow("unknown mapping") << "missing-mapping.pipeline.json"
                                     << QByteArray(R"({"format": "trialbridge.pipeline/1", "name": "x", "study": "demo.study.json",
                                                      "target": {"kind": "sqlite", "database": "other.db"},
                                                      "steps": [{"mapping": "nope.mapping.json", "source": "edc/subjects.csv"}]})")
                                     << 2 << "nope.mapping.json";
    QTest::newRow("missing source") << "missing-source.pipeline.json"
                                    << QByteArray(R"({"format": "trialbridge.pipeline/1", "name": "x", "study": "demo.study.json",
                                                     "target": {"kind": "sqlite", "database": "other.db"},
                                                     "steps": [{"mapping": "subjects.mapping.json", "source": "edc/none.csv"}]})")
                                    << 1 << "none.csv";
    QTest::newRow("source outside the workspace")
        << "escape.pipeline.json"
        << QByteArray(R"({"format": "trialbridge.pipeline/1", "name": "x", "study": "demo.study.json",
                         "target": {"kind": "sqlite", "database": "other.db"},
                         "steps": [{"mapping": "subjects.mapping.json", "source": "edc/../../../etc/passwd"}]})")
        << 2 << "steps[0].source: 'edc/../../../etc/passwd' points outside the workspace folder";
    QTest::newRow("no arguments") << QString() << QByteArray() << 2 << "give one pipeline file";
}

void TestDemoPipeline::exitCodes()
{
    QFETCH(QString, pipeline);
    QFETCH(QByteArray, content);
    QFETCH(int, expected);
    QFETCH(QString, message);
    QStringList args{QStringLiteral("run")};
    if (!pipeline.isEmpty())
        args << tb::test::writeFile(m_dir, pipeline, content);
    const auto r = runCli(args);
    QCOMPARE(r.exitCode, expected);
    QVERIFY2(QString::fromUtf8(r.err + r.out).contains(message), r.err.constData());
}

QTEST_GUILESS_MAIN(TestDemoPipeline)
#include "tst_demopipeline.moc"
