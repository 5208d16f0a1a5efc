// Folder drops over real SFTP (a throw-away OpenSSH server on loopback) through trialbridge-cli: a pipeline
// pulls two files and archives them, a re-run loads nothing, a broken file goes to error/ with its reason, a
// server whose host key is not the pinned one is refused before anything is sent — and the CLI killed with
// SIGKILL at several moments, or its connection closed, reset or stalled at points across the whole exchange
// (through FaultyTcpProxy), then run again, leaves the target equal to an uninterrupted run's: no file lost,
// none read twice, every audit entry exactly once.

#include "FaultyTcpProxy.h"
#include "LocalSshServer.h"
#include "SecretsTestSupport.h"
#include "TestSupport.h"

#include "load/CtmsDatabase.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb::core;
using tb::test::FaultyTcpProxy;
using tb::test::LocalSshServer;
using tb::test::runCli;
using tb::test::writeFile;

namespace {

QStringList filesIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files, QDir::Name);
}

QJsonObject counts(const QJsonObject& run, const char* entity)
{
    return run.value(QStringLiteral("entities")).toObject().value(QLatin1String(entity)).toObject();
}

// Three deliveries of a few hundred subjects; later files correct earlier ones (name order matters).
void deliver(const QString& folder)
{
    for (int file = 1; file <= 3; ++file) {
        QByteArray csv = "SUBJECT,SITE,CONSENT\n";
        for (int i = 0; i < 400; ++i) {
            const int subject = (file - 1) * 300 + i; // 100 subjects overlap with the next file
            csv += QStringLiteral("S%1,site_a,2020-%2-%3\n")
                       .arg(subject, 5, 10, QLatin1Char('0'))
                       .arg(file, 2, 10, QLatin1Char('0'))
                       .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                       .toUtf8();
        }
        const QString name = QStringLiteral("subjects_%1.csv").arg(file);
        writeFile(folder, name, csv);
        writeFile(folder, name + QStringLiteral(".done"), "");
    }
}

} // namespace

class TestSftpDrop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pullsTwoFilesAndArchivesThem();
    void rerunLoadsNothing();
    void brokenFileGoesToError();
    void hostKeyMismatchIsRefused();
    void killAndResume_data();
    void killAndResume();
    void brokenConnectionLosesNothing_data();
    void brokenConnectionLosesNothing();
    void stalledServerTimesOut();
    void slowServerLoadsEverything();
    void refusedConnectionIsClear();

private:
    struct Run
    {
        int exitCode = -1;
        QJsonObject result;
        QByteArray output;
    };
    Run run(const QString& pipeline);
    QStringList query(const QString& db, const QString& sql);
    bool storeKey(const QString& connection, const QByteArray& key);
    // A workspace pipeline NAME reading the sftp connection NAME (remote folder: inbox-NAME) into NAME.db,
    // connecting to port (the server's when 0).
    QString addPipeline(const QString& name, const QString& hostKey = {}, quint16 port = 0,
                        int timeoutSeconds = 10);
    // The same deliveries loaded without interruption into reference.db: its snapshot.
    QStringList reference();
    // Runs NAME again and proves the target equal to the reference, every file loaded once and archived.
    void resumesToTheReference(const QString& name);
    // Bytes the server sends through the proxy in an undisturbed run of the deliveries.
    qint64 undisturbedBytes();
    QString remoteFolder(const QString& name) const
    {
        return m_server.folder() + QStringLiteral("/inbox-") + name;
    }
    QStringList snapshot(const QString& db); // subjects and the audit trail's entries, for comparisons

    LocalSshServer m_server;
    FaultyTcpProxy m_proxy; // in front of m_server
    QTemporaryDir m_tmp;
    QString m_ws;
    QStringList m_reference;   // see reference()
    qint64 m_relayedBytes = 0; // see undisturbedBytes()
};

TestSftpDrop::Run TestSftpDrop::run(const QString& pipeline)
{
    const auto r =
        runCli({QStringLiteral("run"), m_ws + QLatin1Char('/') + pipeline + QStringLiteral(".pipeline.json"),
                QStringLiteral("--json")},
               {}, {}, 120000);
    return {r.exitCode, QJsonDocument::fromJson(r.out).object(), r.out + r.err};
}

QStringList TestSftpDrop::query(const QString& dbName, const QString& sql)
{
    return tb::test::queryRows(m_ws + QLatin1Char('/') + dbName + QStringLiteral(".db"), sql);
}

QStringList TestSftpDrop::snapshot(const QString& db)
{
    return query(db, QStringLiteral(
                         "SELECT subject_id, site_id, informed_consent_date FROM subject ORDER BY 1")) +
           query(db, QStringLiteral(
                         "SELECT action, entity, natural_key, after_json FROM audit_log ORDER BY seq"));
}

bool TestSftpDrop::storeKey(const QString& connection, const QByteArray& key)
{
    const auto r = runCli({QStringLiteral("secrets"), QStringLiteral("set"),
                           connection + QStringLiteral("/private_key"), QStringLiteral("--workspace"), m_ws},
                          {}, key);
    if (r.exitCode != 0)
        qWarning() << r.err;
    return r.exitCode == 0;
}

QString TestSftpDrop::addPipeline(const QString& name, const QString& hostKey, quint16 port,
                                  int timeoutSeconds)
{
    QDir().mkpath(remoteFolder(name));
    writeFile(
        m_ws, name + QStringLiteral(".connection.json"),
        QJsonDocument(
            QJsonObject{
                {QStringLiteral("format"), QStringLiteral("trialbridge.connection/1")},
                {QStringLiteral("kind"), QStringLiteral("sftp")},
                {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                {QStringLiteral("port"), int(port ? port : m_server.port())},
                {QStringLiteral("username"), m_server.user()},
                {QStringLiteral("auth"), QJsonObject{{QStringLiteral("method"), QStringLiteral("key")}}},
                {QStringLiteral("path"), remoteFolder(name)},
                {QStringLiteral("hostKey"), hostKey.isEmpty() ? m_server.hostKeyFingerprint() : hostKey},
                {QStringLiteral("timeoutSeconds"), timeoutSeconds}})
            .toJson());
    writeFile(
        m_ws, name + QStringLiteral(".pipeline.json"),
        QJsonDocument(
            QJsonObject{{QStringLiteral("format"), QStringLiteral("trialbridge.pipeline/1")},
                        {QStringLiteral("name"), name},
                        {QStringLiteral("study"), QStringLiteral("d.study.json")},
                        {QStringLiteral("target"),
                         QJsonObject{{QStringLiteral("kind"), QStringLiteral("sqlite")},
                                     {QStringLiteral("database"), name + QStringLiteral(".db")}}},
                        {QStringLiteral("steps"),
                         QJsonArray{QJsonObject{
                             {QStringLiteral("mapping"), QStringLiteral("subjects.mapping.json")},
                             {QStringLiteral("source"), name},
                             {QStringLiteral("drop"),
                              QJsonObject{{QStringLiteral("pattern"), QStringLiteral("subjects_*.csv")}}}}}}})
            .toJson());
    return remoteFolder(name);
}

void TestSftpDrop::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QVERIFY(m_tmp.isValid());
    tb::test::useTestVault(m_tmp.filePath(QStringLiteral("secrets")));
    m_ws = m_tmp.filePath(QStringLiteral("ws"));
    writeFile(m_ws, QStringLiteral("d.study.json"), R"({"format": "trialbridge.study/1", "study_id": "SD1",
        "defaultTimeZone": "UTC",
        "sites": [{"site_id": "site_a", "name": "A", "country_code": "DEU", "time_zone": "Europe/Berlin"}]})");
    writeFile(m_ws, QStringLiteral("subjects.mapping.json"),
              R"({"format": "trialbridge.mapping/1", "name": "s",
        "source": {"kind": "csv"}, "target": {"entity": "subject"},
        "fields": {"study_id": {"param": "study_id"}, "subject_id": {"from": "SUBJECT"},
                   "site_id": {"from": "SITE"}, "informed_consent_date": {"from": "CONSENT"}}})");
    addPipeline(QStringLiteral("partner"));
    QVERIFY(storeKey(QStringLiteral("partner"), m_server.clientKey()));
    QVERIFY2(m_proxy.start(m_server.port(), &error), qPrintable(error));
}

QStringList TestSftpDrop::reference()
{
    if (m_reference.isEmpty()) {
        deliver(addPipeline(QStringLiteral("reference")));
        if (!storeKey(QStringLiteral("reference"), m_server.clientKey()))
            return {};
        const Run r = run(QStringLiteral("reference"));
        if (r.exitCode != 0 || query(QStringLiteral("reference"),
                                     QStringLiteral("SELECT COUNT(*) FROM subject")) != QStringList{"1000"}) {
            qWarning("the reference load failed: %s", r.output.constData());
            return {};
        }
        m_reference = snapshot(QStringLiteral("reference"));
    }
    return m_reference;
}

void TestSftpDrop::resumesToTheReference(const QString& name)
{
    const QString inbox = remoteFolder(name);
    const Run again = run(name);
    QVERIFY2(again.exitCode == 0, again.output.constData());
    QCOMPARE(snapshot(name), reference());
    QCOMPARE(query(name, QStringLiteral(
                             "SELECT file_name, COUNT(*) FROM drop_ledger GROUP BY file_name ORDER BY 1")),
             (QStringList{"subjects_1.csv|1", "subjects_2.csv|1", "subjects_3.csv|1"}));
    QCOMPARE(filesIn(inbox), QStringList());
    QCOMPARE(filesIn(inbox + QStringLiteral("/archive")),
             (QStringList{"subjects_1.csv", "subjects_1.csv.done", "subjects_2.csv", "subjects_2.csv.done",
                          "subjects_3.csv", "subjects_3.csv.done"}));
}

void TestSftpDrop::pullsTwoFilesAndArchivesThem()
{
    const QString inbox = remoteFolder(QStringLiteral("partner"));
    writeFile(inbox, QStringLiteral("subjects_1.csv"),
              "SUBJECT,SITE,CONSENT\nS1,site_a,2020-01-01\nS2,site_a,2020-01-02\n");
    writeFile(inbox, QStringLiteral("subjects_1.csv.done"), "");
    writeFile(inbox, QStringLiteral("subjects_2.csv"),
              "SUBJECT,SITE,CONSENT\nS1,site_a,2020-02-01\nS3,site_a,2020-01-03\n");
    writeFile(inbox, QStringLiteral("subjects_2.csv.done"), "");
    const Run r = run(QStringLiteral("partner"));
    QVERIFY2(r.exitCode == 0, r.output.constData());
    QCOMPARE(counts(r.result, "subject").value(QStringLiteral("inserted")).toInt(), 3);
    QCOMPARE(query(QStringLiteral("partner"),
                   QStringLiteral("SELECT subject_id, informed_consent_date FROM subject ORDER BY 1")),
             (QStringList{"S1|2020-02-01", "S2|2020-01-02", "S3|2020-01-03"}));
    QCOMPARE(filesIn(inbox), QStringList());
    QCOMPARE(filesIn(inbox + QStringLiteral("/archive")),
             (QStringList{"subjects_1.csv", "subjects_1.csv.done", "subjects_2.csv", "subjects_2.csv.done"}));
    QCOMPARE(query(QStringLiteral("partner"),
                   QStringLiteral("SELECT source, file_name, state FROM drop_ledger ORDER BY 2")),
             (QStringList{"partner|subjects_1.csv|loaded", "partner|subjects_2.csv|loaded"}));
}

void TestSftpDrop::rerunLoadsNothing()
{
    const QStringList before = snapshot(QStringLiteral("partner"));
    const Run r = run(QStringLiteral("partner"));
    QVERIFY2(r.exitCode == 0, r.output.constData());
    QCOMPARE(counts(r.result, "subject").value(QStringLiteral("read")).toInt(), 0);
    QCOMPARE(snapshot(QStringLiteral("partner")), before);
    QCOMPARE(query(QStringLiteral("partner"), QStringLiteral("SELECT COUNT(*) FROM drop_ledger")),
             QStringList{"2"});
}

void TestSftpDrop::brokenFileGoesToError()
{
    const QString inbox = remoteFolder(QStringLiteral("partner"));
    writeFile(inbox, QStringLiteral("subjects_3.csv"),
              "SUBJECT,SITE,CONSENT\nS4,site_a,2020-01-04\n\"S5,site_a,2020-01-05\n");
    writeFile(inbox, QStringLiteral("subjects_3.csv.done"), "");
    writeFile(inbox, QStringLiteral("subjects_4.csv"), "SUBJECT,SITE,CONSENT\nS6,site_a,2020-01-06\n");
    writeFile(inbox, QStringLiteral("subjects_4.csv.done"), "");
    const Run r = run(QStringLiteral("partner"));
    QCOMPARE(r.exitCode, 3); // completed with rejects: the run reports the file
    const QString message = r.result.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(
                 QStringLiteral("subjects_3.csv was not loaded and was moved to error/: subjects_3.csv:3")),
             r.output.constData());
    QCOMPARE(query(QStringLiteral("partner"),
                   QStringLiteral("SELECT subject_id FROM subject WHERE subject_id IN ('S4', 'S5', 'S6')")),
             QStringList{"S6"});
    QCOMPARE(filesIn(inbox + QStringLiteral("/error")),
             (QStringList{"subjects_3.csv", "subjects_3.csv.done", "subjects_3.csv.reason.txt"}));
    QFile reason(inbox + QStringLiteral("/error/subjects_3.csv.reason.txt"));
    QVERIFY(reason.open(QIODevice::ReadOnly));
    QVERIFY2(reason.readAll().startsWith("subjects_3.csv:3"), "the reason names the file and the line");
    QVERIFY(filesIn(inbox + QStringLiteral("/archive")).contains(QStringLiteral("subjects_4.csv")));
    QCOMPARE(query(QStringLiteral("partner"),
                   QStringLiteral("SELECT state FROM drop_ledger WHERE file_name = 'subjects_3.csv'")),
             QStringList{"failed"});
}

void TestSftpDrop::hostKeyMismatchIsRefused()
{
    const QString inbox = addPipeline(QStringLiteral("impostor"),
                                      QStringLiteral("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    QVERIFY(storeKey(QStringLiteral("impostor"), m_server.clientKey()));
    writeFile(inbox, QStringLiteral("subjects_1.csv"), "SUBJECT,SITE,CONSENT\nS1,site_a,2020-01-01\n");
    writeFile(inbox, QStringLiteral("subjects_1.csv.done"), "");
    const Run r = run(QStringLiteral("impostor"));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.output.contains("host key check failed"), r.output.constData());
    QVERIFY2(r.output.contains("but the profile pins SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
             r.output.constData());
    QVERIFY2(r.output.contains("nothing was loaded"), r.output.constData());
    QCOMPARE(filesIn(inbox), (QStringList{"subjects_1.csv", "subjects_1.csv.done"}));
    QCOMPARE(query(QStringLiteral("impostor"), QStringLiteral("SELECT COUNT(*) FROM subject")),
             QStringList{"0"});
    QCOMPARE(query(QStringLiteral("impostor"), QStringLiteral("SELECT COUNT(*) FROM drop_ledger")),
             QStringList{"0"});
}

void TestSftpDrop::killAndResume_data()
{
    QTest::addColumn<QString>("pause"); // TB_TEST_DROP_PAUSE, or empty for a kill after a delay
    QTest::addColumn<int>("delayMs");
    QTest::addColumn<QString>("name"); // of its pipeline, connection, remote folder and database
    QTest::newRow("during the download")
        << QStringLiteral("download") << 0 << QStringLiteral("kill_download");
    QTest::newRow("after the commit, before the archive")
        << QStringLiteral("archive") << 0 << QStringLiteral("kill_archive");
    QTest::newRow("early") << QString() << 150 << QStringLiteral("kill_150ms");
    QTest::newRow("later") << QString() << 350 << QStringLiteral("kill_350ms");
}

void TestSftpDrop::killAndResume()
{
    QFETCH(QString, pause);
    QFETCH(int, delayMs);
    QFETCH(QString, name);
    const QStringList reference = this->reference();
    QVERIFY(!reference.isEmpty());

    const QString inbox = addPipeline(name);
    deliver(inbox);
    QVERIFY(storeKey(name, m_server.clientKey()));

    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!pause.isEmpty())
        env.insert(QStringLiteral("TB_TEST_DROP_PAUSE"), pause);
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(TB_CLI_PATH),
              {QStringLiteral("run"), m_ws + QLatin1Char('/') + name + QStringLiteral(".pipeline.json")});
    QVERIFY(cli.waitForStarted());
    if (!pause.isEmpty()) {
        QByteArray err;
        QElapsedTimer timer;
        timer.start();
        while (!err.contains("paused at " + pause.toUtf8()) && timer.elapsed() < 60000 &&
               cli.state() == QProcess::Running) {
            cli.waitForReadyRead(200);
            err += cli.readAllStandardError();
        }
        QVERIFY2(err.contains("paused at " + pause.toUtf8()), err.constData());
    } else {
        QTest::qWait(delayMs);
    }
    if (cli.state() != QProcess::NotRunning) {
        cli.kill(); // SIGKILL
        QVERIFY(cli.waitForFinished(10000));
        // Killed, or it finished just before the kill reached it.
        QVERIFY2(cli.exitStatus() == QProcess::CrashExit || cli.exitCode() == 0, cli.readAll().constData());
    }
    // Where the timed kills landed, for the log: subjects committed, files recorded, files still waiting.
    qInfo().noquote() << QTest::currentDataTag() << ": after the kill"
                      << query(name, QStringLiteral("SELECT COUNT(*) FROM subject")).value(0) << "subjects,"
                      << query(name, QStringLiteral("SELECT COUNT(*) FROM drop_ledger")).value(0)
                      << "files in the ledger," << filesIn(inbox).size() / 2 << "files not yet archived";

    if (pause == QLatin1String("download")) {
        QCOMPARE(query(name, QStringLiteral("SELECT COUNT(*) FROM subject")), QStringList{"0"});
        QCOMPARE(query(name, QStringLiteral("SELECT COUNT(*) FROM drop_ledger")), QStringList{"0"});
        QCOMPARE(filesIn(inbox).size(), 6);
    } else if (pause == QLatin1String("archive")) {
        // Committed, with the ledger; no file moved yet.
        QCOMPARE(query(name, QStringLiteral("SELECT COUNT(*) FROM subject")), QStringList{"1000"});
        QCOMPARE(query(name, QStringLiteral("SELECT COUNT(*) FROM drop_ledger WHERE state = 'loaded'")),
                 QStringList{"3"});
        QCOMPARE(filesIn(inbox).size(), 6);
    }

    resumesToTheReference(name);
    if (QTest::currentTestFailed())
        return;
    // And once more: nothing left to do.
    const Run third = run(name);
    QVERIFY2(third.exitCode == 0, third.output.constData());
    QCOMPARE(counts(third.result, "subject").value(QStringLiteral("read")).toInt(), 0);
    QCOMPARE(snapshot(name), reference);
}

qint64 TestSftpDrop::undisturbedBytes()
{
    if (m_relayedBytes == 0) {
        const QString name = QStringLiteral("relayed");
        deliver(addPipeline(name, {}, m_proxy.port()));
        if (!storeKey(name, m_server.clientKey()))
            return 0;
        m_proxy.setFault(FaultyTcpProxy::Fault::None);
        const Run r = run(name);
        // The relay itself changes nothing: the target equals a direct connection's.
        if (r.exitCode != 0 || snapshot(name) != reference()) {
            qWarning("the undisturbed run through the relay failed: %s", r.output.constData());
            return 0;
        }
        m_relayedBytes = m_proxy.bytesToClient();
        qInfo("an undisturbed run: %lld bytes from the server", m_relayedBytes);
    }
    return m_relayedBytes;
}

void TestSftpDrop::brokenConnectionLosesNothing_data()
{
    QTest::addColumn<int>("fault"); // FaultyTcpProxy::Fault
    QTest::addColumn<double>("at"); // share of an undisturbed run's bytes from the server
    // From the key exchange through the downloads to the moves to archive/ after the commit.
    for (const double at : {0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.97, 0.995}) {
        QTest::newRow(qPrintable(QStringLiteral("closed at %1 %").arg(at * 100)))
            << int(FaultyTcpProxy::Fault::Close) << at;
        QTest::newRow(qPrintable(QStringLiteral("reset at %1 %").arg(at * 100)))
            << int(FaultyTcpProxy::Fault::Reset) << at;
    }
}

void TestSftpDrop::brokenConnectionLosesNothing()
{
    QFETCH(int, fault);
    QFETCH(double, at);
    const QStringList reference = this->reference();
    QVERIFY(!reference.isEmpty());
    const qint64 whole = undisturbedBytes();
    QVERIFY(whole > 0);
    static int trial = 0;
    const QString name = QStringLiteral("broken%1").arg(++trial);
    const QString inbox = addPipeline(name, {}, m_proxy.port());
    deliver(inbox);
    QVERIFY(storeKey(name, m_server.clientKey()));

    m_proxy.setFault(FaultyTcpProxy::Fault(fault), qint64(at * double(whole)));
    const Run broken = run(name);
    QVERIFY2(m_proxy.struck(), "the connection was not broken");
    m_proxy.setFault(FaultyTcpProxy::Fault::None);
    const QString message = broken.result.value(QStringLiteral("message")).toString();
    qInfo().noquote() << "exit" << broken.exitCode << "—" << message;
    if (broken.exitCode == 1) {
        // The run failed naming the server and saying so; the target and the folder are as they were.
        QVERIFY2(message.contains(QStringLiteral("127.0.0.1:%1").arg(m_proxy.port())),
                 broken.output.constData());
        QVERIFY2(message.contains(QLatin1String("nothing was loaded")), broken.output.constData());
        QCOMPARE(query(name, QStringLiteral("SELECT COUNT(*) FROM subject")), QStringList{"0"});
        QCOMPARE(query(name, QStringLiteral("SELECT COUNT(*) FROM drop_ledger")), QStringList{"0"});
        QCOMPARE(filesIn(inbox).size(), 6);
    } else {
        // Broken after the commit, while moving files to archive/: the load stands, the moves wait, and the
        // run says which files wait (or, when the listing broke, that they all do).
        QVERIFY2(broken.exitCode == 0, broken.output.constData());
        QCOMPARE(snapshot(name), reference);
        const QStringList left = filesIn(inbox);
        if (left.isEmpty()) {
            QVERIFY2(!message.contains(QLatin1String("archive/")), qPrintable(message));
        } else {
            QVERIFY2(message.contains(QLatin1String("loaded files to archive/")) &&
                         message.contains(QLatin1String("the next run moves them")),
                     qPrintable(message));
            if (!message.contains(QLatin1String("move the loaded files")))
                for (QString f : left) // a file, or the marker of one that went without it
                    QVERIFY2(message.contains(f.remove(QLatin1String(".done"))),
                             qPrintable(f + QStringLiteral(" — ") + message));
        }
    }
    resumesToTheReference(name);
}

void TestSftpDrop::stalledServerTimesOut()
{
    // The server stops answering but keeps the connection open: the run ends after the profile's time-out
    // (1 s here) with a clear error, not after the test's patience, and the next run loads everything.
    const qint64 whole = undisturbedBytes();
    QVERIFY(whole > 0);
    const QString name = QStringLiteral("stalled");
    const QString inbox = addPipeline(name, {}, m_proxy.port(), 1);
    QVERIFY(storeKey(name, m_server.clientKey()));
    for (const double at : {0.01, 0.04, 0.07, 0.5, 0.97}) {
        deliver(inbox);
        m_proxy.setFault(FaultyTcpProxy::Fault::Stall, qint64(at * double(whole)));
        QElapsedTimer timer;
        timer.start();
        const Run stalled = run(name);
        const qint64 ms = timer.elapsed();
        QVERIFY2(m_proxy.struck(), "the connection did not stall");
        m_proxy.setFault(FaultyTcpProxy::Fault::None);
        const QString message = stalled.result.value(QStringLiteral("message")).toString();
        qInfo().noquote() << "stalled at" << at * 100 << "%: exit" << stalled.exitCode << "after" << ms
                          << "ms —" << message;
        if (stalled.exitCode == 1) {
            QVERIFY2(message.contains(QStringLiteral("127.0.0.1:%1").arg(m_proxy.port())),
                     stalled.output.constData());
            QVERIFY2(message.contains(QLatin1String("no answer")) ||
                         message.contains(QLatin1String("timed out")),
                     stalled.output.constData());
            QCOMPARE(query(name, QStringLiteral("SELECT COUNT(*) FROM subject")), QStringList{"0"});
            QCOMPARE(filesIn(inbox).size(), 6);
        } else {
            QVERIFY2(stalled.exitCode == 0, stalled.output.constData()); // stalled while archiving
            QCOMPARE(snapshot(name), reference());
        }
        resumesToTheReference(name);
        if (QTest::currentTestFailed())
            return;
        // The next point starts afresh: an empty archive/ and no target.
        for (const QString& f : filesIn(inbox + QStringLiteral("/archive")))
            QVERIFY(QFile::remove(inbox + QStringLiteral("/archive/") + f));
        QVERIFY(QFile::remove(m_ws + QLatin1Char('/') + name + QStringLiteral(".db")));
    }
}

void TestSftpDrop::slowServerLoadsEverything()
{
    // Every KiB 100 ms late: the whole run takes longer than the 3 s time-out (at least 36 KiB, so 3.6 s of
    // delays alone), no single wait does (a file is 11 KiB).
    QVERIFY(undisturbedBytes() > 36 * 1024);
    const QString name = QStringLiteral("slow");
    deliver(addPipeline(name, {}, m_proxy.port(), 3));
    QVERIFY(storeKey(name, m_server.clientKey()));
    m_proxy.setFault(FaultyTcpProxy::Fault::Slow, 0, 100);
    QElapsedTimer timer;
    timer.start();
    const Run slow = run(name);
    const qint64 ms = timer.elapsed();
    qInfo("the slow run took %lld ms", ms);
    m_proxy.setFault(FaultyTcpProxy::Fault::None);
    QVERIFY2(ms > 3000, "the relay did not slow the run past the time-out");
    QVERIFY2(slow.exitCode == 0, slow.output.constData());
    QCOMPARE(snapshot(name), reference());
}

void TestSftpDrop::refusedConnectionIsClear()
{
    const quint16 port = tb::test::freePort(); // nobody listens there
    const QString name = QStringLiteral("refused");
    const QString inbox = addPipeline(name, {}, port);
    deliver(inbox);
    QVERIFY(storeKey(name, m_server.clientKey()));
    const Run r = run(name);
    QCOMPARE(r.exitCode, 1);
    const QString message = r.result.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(QStringLiteral("127.0.0.1:%1").arg(port)), r.output.constData());
    QVERIFY2(message.contains(QLatin1String("refused")), r.output.constData());
    QVERIFY2(message.contains(QLatin1String("nothing was loaded")), r.output.constData());
    QCOMPARE(query(name, QStringLiteral("SELECT COUNT(*) FROM subject")), QStringList{"0"});
    QCOMPARE(filesIn(inbox).size(), 6);
}

QTEST_GUILESS_MAIN(TestSftpDrop)
#include "tst_sftpdrop.moc"
