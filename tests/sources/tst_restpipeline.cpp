// A pipeline whose steps pull from REDCap's API (the fake EDC) through trialbridge-cli: the first run loads
// everything and stores the cursor with the run; later runs send it as dateRangeBegin and load only what
// changed; a changed mapping makes the next run pull everything; a run whose pull fails, is cancelled or is
// killed loads nothing and keeps the cursor; a wrong, missing or unnamed credential or connection is a clear
// error that never shows the token.

#include "FakeEdcServer.h"
#include "TestSupport.h"

#include "load/CtmsDatabase.h"
#include "run/PipelineRunner.h"
#include "run/RunFeedback.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb::core;
using tb::test::FakeEdcServer;
using tb::test::runCli;
using tb::test::writeFile;

namespace {

constexpr const char* Token = "7C0FFEE1D2E3F4A5B6C7D8E9F0A1B2C3";
constexpr const char* WrongToken = "00000000111111112222222233333333";

QJsonObject counts(const QJsonObject& run, const char* entity)
{
    return run.value(QStringLiteral("entities")).toObject().value(QLatin1String(entity)).toObject();
}

QDateTime utc(int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 1, 15), QTime(hour, minute), Qt::UTC);
}

} // namespace

class TestRestPipeline : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void firstRunLoadsEverythingAndStoresTheCursor();
    void unchangedSourceLoadsNothing();
    void changedRecordsOnly();
    void failedPullKeepsTheCursor();
    void changedMappingPullsEverything();
    void configurationErrors_data();
    void configurationErrors();
    void wrongTokenIsAClearError();
    void runnerWithoutSecretStore();
    void cancelStopsThePull();
    void killedRunLosesNothing();
    void deletedRecordsAreRemoved();

private:
    struct Run
    {
        int exitCode = -1;
        QJsonObject result;
        QByteArray output; // both streams
    };
    Run run();
    QStringList query(const QString& sql);
    bool storeToken(const QByteArray& token);
    QList<FakeEdcServer::Request> recordExports(int since);

    QTemporaryDir m_tmp;
    QString m_ws;
    std::unique_ptr<FakeEdcServer> m_server;
    QString m_firstCursor;
};

TestRestPipeline::Run TestRestPipeline::run()
{
    const auto r =
        runCli({QStringLiteral("run"), m_ws + QStringLiteral("/r.pipeline.json"), QStringLiteral("--json")},
               {}, {}, 60000);
    return {r.exitCode, QJsonDocument::fromJson(r.out).object(), r.out + r.err};
}

QStringList TestRestPipeline::query(const QString& sql)
{
    return tb::test::queryRows(m_ws + QStringLiteral("/ctms.db"), sql);
}

bool TestRestPipeline::storeToken(const QByteArray& token)
{
    const auto r = runCli({QStringLiteral("secrets"), QStringLiteral("set"), QStringLiteral("edc/token"),
                           QStringLiteral("--workspace"), m_ws},
                          {}, token);
    if (r.exitCode != 0)
        qWarning() << r.err;
    return r.exitCode == 0;
}

QList<FakeEdcServer::Request> TestRestPipeline::recordExports(int since)
{
    QList<FakeEdcServer::Request> out;
    const QList<FakeEdcServer::Request> all = m_server->requests();
    for (int i = since; i < all.size(); ++i)
        if (all[i].form().queryItemValue(QStringLiteral("content")) == QLatin1String("record"))
            out << all[i];
    return out;
}

void TestRestPipeline::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    tb::test::useTestVault(m_tmp.filePath(QStringLiteral("secrets")));
    m_server = std::make_unique<FakeEdcServer>();
    QString error;
    QVERIFY(m_server->start());
    QVERIFY2(m_server->loadRedcapCsv(tb::test::testDataPath(QStringLiteral("redcap/longitudinal-data.csv")),
                                     &error),
             qPrintable(error));
    m_server->setRedcapToken(Token);
    m_server->setDag(QStringLiteral("100"), QStringLiteral("site_berlin"));
    m_server->setDag(QStringLiteral("220"), QStringLiteral("site_lyon"));
    m_server->setDag(QStringLiteral("304"), QStringLiteral("site_berlin"));
    m_server->setServerTime(utc(9, 30));

    m_ws = m_tmp.filePath(QStringLiteral("ws"));
    writeFile(m_ws, QStringLiteral("r.study.json"), R"({"format": "trialbridge.study/1", "study_id": "RC1",
        "defaultTimeZone": "UTC",
        "sites": [{"site_id": "site_berlin", "name": "Berlin", "country_code": "DEU", "time_zone": "Europe/Berlin"},
                  {"site_id": "site_lyon", "name": "Lyon", "country_code": "FRA", "time_zone": "Europe/Paris"}]})");
    writeFile(
        m_ws, QStringLiteral("edc.connection.json"),
        QJsonDocument(
            QJsonObject{{QStringLiteral("format"), QStringLiteral("trialbridge.connection/1")},
                        {QStringLiteral("kind"), QStringLiteral("redcap")},
                        {QStringLiteral("url"), m_server->url(QStringLiteral("/redcap/api/")).toString()},
                        {QStringLiteral("timeoutSeconds"), 5}})
            .toJson());
    // Each step pulls what its mapping needs: the enrolment events for subjects, every event for visits.
    writeFile(m_ws, QStringLiteral("subjects.mapping.json"),
              R"({"format": "trialbridge.mapping/1", "name": "s",
        "source": {"kind": "redcap", "fields": ["study_id", "date_enrolled"], "events": ["enrollment_arm_1", "enrollment_arm_2"]},
        "target": {"entity": "subject"},
        "fields": {"study_id": {"param": "study_id"}, "subject_id": {"from": "study_id"},
                   "site_id": {"from": "redcap_data_access_group"}, "informed_consent_date": {"from": "date_enrolled"}}})");
    writeFile(m_ws, QStringLiteral("visits.mapping.json"), R"({"format": "trialbridge.mapping/1", "name": "v",
        "source": {"kind": "redcap", "fields": ["study_id"]}, "target": {"entity": "visit"},
        "fields": {"study_id": {"param": "study_id"}, "subject_id": {"from": "study_id"},
                   "visit_code": {"from": "redcap_event_name"}}})");
    writeFile(m_ws, QStringLiteral("r.pipeline.json"), R"({"format": "trialbridge.pipeline/1", "name": "r",
        "study": "r.study.json", "target": {"kind": "sqlite", "database": "ctms.db"},
        "steps": [{"mapping": "subjects.mapping.json", "source": "edc"},
                  {"mapping": "visits.mapping.json", "source": "edc"}]})");
    QVERIFY(storeToken(Token));
}

void TestRestPipeline::firstRunLoadsEverythingAndStoresTheCursor()
{
    const Run r = run();
    QVERIFY2(r.exitCode == 0, r.output.constData());
    QCOMPARE(counts(r.result, "subject").value(QStringLiteral("inserted")).toInt(), 3);
    QCOMPARE(counts(r.result, "visit").value(QStringLiteral("inserted")).toInt(), 18);
    QCOMPARE(query(QStringLiteral(
                 "SELECT subject_id, site_id, informed_consent_date FROM subject ORDER BY subject_id")),
             (QStringList{"100|site_berlin|2015-04-02", "220|site_lyon|2015-04-02",
                          "304|site_berlin|2015-04-02"}));
    // Full pulls (no dateRangeBegin), and one cursor per step: the server's time when its pull began.
    const auto exports = recordExports(0);
    QCOMPARE(exports.size(), 2);
    for (const auto& e : exports)
        QVERIFY(!e.form().hasQueryItem(QStringLiteral("dateRangeBegin")));
    QCOMPARE(query(QStringLiteral("SELECT source, mapping, cursor FROM source_cursor ORDER BY mapping")),
             (QStringList{"edc|subjects.mapping.json|2026-01-15 09:30:00",
                          "edc|visits.mapping.json|2026-01-15 09:30:00"}));
    // Committed with the run that covers it.
    QCOMPARE(query(QStringLiteral("SELECT COUNT(*) FROM source_cursor c JOIN run r ON r.run_id = c.run_id "
                                  "WHERE r.status = 'succeeded'")),
             QStringList{"2"});
    m_firstCursor = QStringLiteral("2026-01-15 09:30:00");
}

void TestRestPipeline::unchangedSourceLoadsNothing()
{
    QVERIFY(!m_firstCursor.isEmpty());
    const int before = m_server->requestCount();
    const Run r = run();
    QVERIFY2(r.exitCode == 0, r.output.constData());
    const auto exports = recordExports(before);
    QCOMPARE(exports.size(), 2);
    for (const auto& e : exports)
        QCOMPARE(e.form().queryItemValue(QStringLiteral("dateRangeBegin"), QUrl::FullyDecoded),
                 m_firstCursor);
    for (const char* entity : {"subject", "visit"}) {
        QCOMPARE(counts(r.result, entity).value(QStringLiteral("inserted")).toInt(), 0);
        QCOMPARE(counts(r.result, entity).value(QStringLiteral("updated")).toInt(), 0);
    }
    QCOMPARE(query(QStringLiteral("SELECT COUNT(*) FROM subject")), QStringList{"3"});
}

void TestRestPipeline::changedRecordsOnly()
{
    // Record 220's enrolment date is corrected after the last pull.
    m_server->setValue(QStringLiteral("220"), QStringLiteral("enrollment_arm_1"),
                       QStringLiteral("date_enrolled"), QStringLiteral("2015-04-09"), utc(10));
    m_server->setServerTime(utc(10, 30));
    const int before = m_server->requestCount();
    const Run r = run();
    QVERIFY2(r.exitCode == 0, r.output.constData());
    for (const auto& e : recordExports(before))
        QCOMPARE(e.form().queryItemValue(QStringLiteral("dateRangeBegin"), QUrl::FullyDecoded),
                 m_firstCursor);
    const QJsonObject subjects = counts(r.result, "subject");
    QCOMPARE(subjects.value(QStringLiteral("read")).toInt(), 1); // only record 220 came back
    QCOMPARE(subjects.value(QStringLiteral("updated")).toInt(), 1);
    QCOMPARE(counts(r.result, "visit").value(QStringLiteral("read")).toInt(), 6);
    QCOMPARE(counts(r.result, "visit").value(QStringLiteral("inserted")).toInt(), 0);
    QCOMPARE(query(QStringLiteral("SELECT informed_consent_date FROM subject WHERE subject_id = '220'")),
             QStringList{"2015-04-09"});
    QCOMPARE(query(QStringLiteral("SELECT DISTINCT cursor FROM source_cursor")),
             QStringList{"2026-01-15 10:30:00"});
}

void TestRestPipeline::failedPullKeepsTheCursor()
{
    m_server->setValue(QStringLiteral("304"), QStringLiteral("enrollment_arm_2"),
                       QStringLiteral("date_enrolled"), QStringLiteral("2015-04-20"), utc(11));
    m_server->setServerTime(utc(11, 30));
    m_server->setFaultForAll(FakeEdcServer::Fault::ServerError);
    const QStringList runsBefore = query(QStringLiteral("SELECT COUNT(*) FROM run"));
    const Run failed = run();
    m_server->setFaultForAll(FakeEdcServer::Fault::None);
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(failed.output.contains("HTTP 500"), failed.output.constData());
    QVERIFY2(failed.output.contains("nothing was loaded"), failed.output.constData());
    QCOMPARE(query(QStringLiteral("SELECT informed_consent_date FROM subject WHERE subject_id = '304'")),
             QStringList{"2015-04-02"});
    QCOMPARE(query(QStringLiteral("SELECT DISTINCT cursor FROM source_cursor")),
             QStringList{"2026-01-15 10:30:00"});
    QCOMPARE(query(QStringLiteral("SELECT status FROM run ORDER BY run_id DESC LIMIT 1")),
             QStringList{"failed"});
    QVERIFY(query(QStringLiteral("SELECT COUNT(*) FROM run")) != runsBefore);

    // The next run pulls again from the kept cursor and gets what the failed one missed.
    const int before = m_server->requestCount();
    const Run again = run();
    QVERIFY2(again.exitCode == 0, again.output.constData());
    for (const auto& e : recordExports(before))
        QCOMPARE(e.form().queryItemValue(QStringLiteral("dateRangeBegin"), QUrl::FullyDecoded),
                 QStringLiteral("2026-01-15 10:30:00"));
    QCOMPARE(counts(again.result, "subject").value(QStringLiteral("updated")).toInt(), 1);
    QCOMPARE(query(QStringLiteral("SELECT informed_consent_date FROM subject WHERE subject_id = '304'")),
             QStringList{"2015-04-20"});
    QCOMPARE(query(QStringLiteral("SELECT DISTINCT cursor FROM source_cursor")),
             QStringList{"2026-01-15 11:30:00"});
}

void TestRestPipeline::changedMappingPullsEverything()
{
    // Records the source did not change may map differently under a new mapping: the cursor no longer holds.
    writeFile(m_ws, QStringLiteral("visits.mapping.json"), R"({"format": "trialbridge.mapping/1", "name": "v",
        "source": {"kind": "redcap", "fields": ["study_id"]}, "target": {"entity": "visit"},
        "fields": {"study_id": {"param": "study_id"}, "subject_id": {"from": "study_id"},
                   "visit_code": {"from": "redcap_event_name"}, "visit_name": {"from": "redcap_event_name"}}})");
    m_server->setServerTime(utc(12, 30));
    const int before = m_server->requestCount();
    const Run r = run();
    QVERIFY2(r.exitCode == 0, r.output.constData());
    const auto exports = recordExports(before);
    QCOMPARE(exports.size(), 2);
    for (const auto& e : exports)
        QVERIFY(!e.form().hasQueryItem(QStringLiteral("dateRangeBegin")));
    QCOMPARE(counts(r.result, "visit").value(QStringLiteral("updated")).toInt(), 18);
    QCOMPARE(counts(r.result, "subject").value(QStringLiteral("unchanged")).toInt(), 3);
    QCOMPARE(query(QStringLiteral("SELECT DISTINCT cursor FROM source_cursor")),
             QStringList{"2026-01-15 12:30:00"});

    // Under the same documents, the next run is incremental again.
    const int next = m_server->requestCount();
    QVERIFY(run().exitCode == 0);
    for (const auto& e : recordExports(next))
        QCOMPARE(e.form().queryItemValue(QStringLiteral("dateRangeBegin"), QUrl::FullyDecoded),
                 QStringLiteral("2026-01-15 12:30:00"));
}

void TestRestPipeline::configurationErrors_data()
{
    QTest::addColumn<QByteArray>("pipeline");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("unknown connection")
        << QByteArray(R"({"mapping": "subjects.mapping.json", "source": "nosuch"})")
        << QByteArray("steps[0] (subjects.mapping.json): the connection \"nosuch\" does not exist (no "
                      "nosuch.connection.json)");
    QTest::newRow("a file instead of a connection")
        << QByteArray(R"({"mapping": "subjects.mapping.json", "source": "export.csv"})")
        << QByteArray("steps[0] (subjects.mapping.json): \"source\" must name a connection");
    QTest::newRow("secret not stored")
        << QByteArray(R"({"mapping": "subjects.mapping.json", "source": "other"})")
        << QByteArray("steps[0] (subjects.mapping.json): the secret other/token of the connection \"other\": "
                      "not stored");
    QTest::newRow("connection of another kind")
        << QByteArray(R"({"mapping": "subjects.mapping.json", "source": "sftp"})")
        << QByteArray("the mapping reads from redcap, but the connection \"sftp\" is of kind sftp (expected "
                      "redcap)");
}

void TestRestPipeline::configurationErrors()
{
    QFETCH(QByteArray, pipeline);
    QFETCH(QByteArray, expected);
    writeFile(
        m_ws, QStringLiteral("other.connection.json"),
        QJsonDocument(
            QJsonObject{{QStringLiteral("format"), QStringLiteral("trialbridge.connection/1")},
                        {QStringLiteral("kind"), QStringLiteral("redcap")},
                        {QStringLiteral("url"), m_server->url(QStringLiteral("/redcap/api/")).toString()}})
            .toJson());
    writeFile(m_ws, QStringLiteral("sftp.connection.json"),
              R"({"format": "trialbridge.connection/1", "kind": "sftp",
        "host": "127.0.0.1", "port": 22, "username": "u", "auth": "password", "path": "/drop",
        "hostKey": "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})");
    writeFile(m_ws, QStringLiteral("export.csv"), "study_id\n100\n");
    const QString path =
        writeFile(m_ws, QStringLiteral("bad.pipeline.json"),
                  R"({"format": "trialbridge.pipeline/1", "name": "bad", "study": "r.study.json",
        "target": {"kind": "sqlite", "database": "bad.db"}, "steps": [)" +
                      pipeline + "]}");
    const int before = m_server->requestCount();
    const auto r = runCli({QStringLiteral("run"), path});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(expected), r.err.constData());
    QCOMPARE(m_server->requestCount(), before); // nothing was asked
    QVERIFY(!QFile::exists(m_ws + QStringLiteral("/bad.db")));
}

void TestRestPipeline::wrongTokenIsAClearError()
{
    QVERIFY(storeToken(WrongToken));
    const QStringList subjects =
        query(QStringLiteral("SELECT subject_id, informed_consent_date FROM subject ORDER BY 1"));
    const QStringList cursors = query(QStringLiteral("SELECT cursor FROM source_cursor"));
    const Run r = run();
    QVERIFY(storeToken(Token));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.output.contains("REDCap refused the logging export (HTTP 403"), r.output.constData());
    QVERIFY2(r.output.contains("check the token stored for this connection"), r.output.constData());
    for (const char* secret : {WrongToken, Token}) {
        QVERIFY(!r.output.contains(secret));
        QVERIFY(!r.output.contains(QByteArray(secret).left(12)));
    }
    QCOMPARE(query(QStringLiteral("SELECT subject_id, informed_consent_date FROM subject ORDER BY 1")),
             subjects);
    QCOMPARE(query(QStringLiteral("SELECT cursor FROM source_cursor")), cursors);
}

void TestRestPipeline::runnerWithoutSecretStore()
{
    PipelineRunner runner; // no Options::secret
    const RunResult r = runner.run(m_ws + QStringLiteral("/r.pipeline.json"));
    QCOMPARE(r.status, RunResult::Status::ConfigError);
    QVERIFY2(r.message.contains(
                 QStringLiteral("steps[0] (subjects.mapping.json): the connection \"edc\" needs its secret "
                                "edc/token, and this run has no secret store")),
             qPrintable(r.message));
}

void TestRestPipeline::cancelStopsThePull()
{
    // The run's feedback reaches the fetcher: a cancel ends a request that is still waiting for its answer.
    const QStringList cursors = query(QStringLiteral("SELECT cursor FROM source_cursor"));
    m_server->setValue(QStringLiteral("100"), QStringLiteral("enrollment_arm_1"),
                       QStringLiteral("date_enrolled"), QStringLiteral("2015-04-30"), utc(13));
    m_server->setSlowMs(2500);
    m_server->setFaultForAll(FakeEdcServer::Fault::Slow);
    PipelineRunner::Options options;
    options.secret = [](const QString& connection, const QString& field, QByteArray* value, QString*) {
        *value = Token;
        return connection == QLatin1String("edc") && field == QLatin1String("token");
    };
    PipelineRunner runner(options);
    RunFeedback feedback;
    // The fetch runs a local event loop on this thread: the timer fires while the request waits.
    QTimer::singleShot(200, [&feedback] { feedback.cancel(); });
    QElapsedTimer timer;
    timer.start();
    const RunResult r = runner.run(m_ws + QStringLiteral("/r.pipeline.json"), &feedback);
    const qint64 elapsed = timer.elapsed();
    m_server->setFaultForAll(FakeEdcServer::Fault::None);
    QCOMPARE(r.status, RunResult::Status::Cancelled);
    QVERIFY2(r.message.contains(QStringLiteral("nothing was loaded")), qPrintable(r.message));
    QVERIFY2(elapsed < 2000, qPrintable(QString::number(elapsed)));
    QCOMPARE(query(QStringLiteral("SELECT informed_consent_date FROM subject WHERE subject_id = '100'")),
             QStringList{"2015-04-02"});
    QCOMPARE(query(QStringLiteral("SELECT cursor FROM source_cursor")), cursors);
}

void TestRestPipeline::killedRunLosesNothing()
{
    // Killed while it pulls (after the run was recorded as running): the cursor stays, and the next run
    // marks the dead run interrupted and pulls the same changes again.
    const QStringList cursors = query(QStringLiteral("SELECT cursor FROM source_cursor"));
    m_server->setSlowMs(1500);
    m_server->setFaultForAll(FakeEdcServer::Fault::Slow);
    const int before = m_server->requestCount();
    QProcess cli;
    cli.setProcessChannelMode(QProcess::MergedChannels);
    cli.start(QStringLiteral(TB_CLI_PATH),
              {QStringLiteral("run"), m_ws + QStringLiteral("/r.pipeline.json")});
    QVERIFY(cli.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(m_server->requestCount() > before, 10000);
    cli.kill();
    QVERIFY(cli.waitForFinished(5000));
    m_server->setFaultForAll(FakeEdcServer::Fault::None);
    QCOMPARE(query(QStringLiteral("SELECT status FROM run ORDER BY run_id DESC LIMIT 1")),
             QStringList{"running"});
    QCOMPARE(query(QStringLiteral("SELECT cursor FROM source_cursor")), cursors);

    const Run r = run();
    QVERIFY2(r.exitCode == 0, r.output.constData());
    QCOMPARE(query(QStringLiteral("SELECT status FROM run ORDER BY run_id DESC LIMIT 2")),
             (QStringList{"succeeded", "interrupted"}));
    QCOMPARE(counts(r.result, "subject").value(QStringLiteral("updated")).toInt(),
             1); // record 100, changed at 13:00
    QCOMPARE(query(QStringLiteral("SELECT informed_consent_date FROM subject WHERE subject_id = '100'")),
             QStringList{"2015-04-30"});
    QCOMPARE(query(QStringLiteral("SELECT COUNT(*) FROM subject")), QStringList{"3"});
    QCOMPARE(query(QStringLiteral("SELECT COUNT(*) FROM visit")), QStringList{"18"});
}

void TestRestPipeline::deletedRecordsAreRemoved()
{
    // Record 304 is deleted in REDCap: the logging export says so, and the next run deletes the subject with
    // its six visits, each with an audit entry; running again changes nothing.
    m_server->deleteRecord(QStringLiteral("304"), utc(14), QStringLiteral("alice"));
    m_server->setServerTime(utc(14, 30));
    Run r = run();
    QVERIFY2(r.exitCode == 0, r.output.constData());
    QCOMPARE(counts(r.result, "subject").value(QStringLiteral("deleted")).toInt(), 1);
    QCOMPARE(counts(r.result, "visit").value(QStringLiteral("deleted")).toInt(), 6);
    QCOMPARE(query(QStringLiteral("SELECT subject_id FROM subject ORDER BY subject_id")), (QStringList{"100", "220"}));
    QCOMPARE(query(QStringLiteral("SELECT COUNT(*) FROM visit WHERE subject_id = '304'")), QStringList{"0"});
    QCOMPARE(query(QStringLiteral("SELECT COUNT(*) FROM visit")), QStringList{"12"});
    const QString runId = QString::number(r.result.value(QStringLiteral("run_id")).toInt());
    QCOMPARE(query(QStringLiteral("SELECT entity, COUNT(*) FROM audit_log WHERE run_id = %1 AND action = 'delete' "
                                  "AND subject_id = '304' AND source_ref LIKE '%deleted record 304 (logging export)%' "
                                  "GROUP BY entity ORDER BY entity").arg(runId)),
             (QStringList{"subject|1", "visit|6"}));

    r = run();
    QVERIFY2(r.exitCode == 0, r.output.constData());
    for (const char* entity : {"subject", "visit"})
        for (const char* count : {"inserted", "updated", "deleted"})
            QVERIFY2(counts(r.result, entity).value(QLatin1String(count)).toInt() == 0,
                     qPrintable(QStringLiteral("%1 %2").arg(entity, count)));
    QCOMPARE(query(QStringLiteral("SELECT COUNT(*) FROM subject")), QStringList{"2"});
}

QTEST_GUILESS_MAIN(TestRestPipeline)
#include "tst_restpipeline.moc"
