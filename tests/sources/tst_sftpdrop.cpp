// Folder drops over real SFTP (a throw-away OpenSSH server on loopback) through trialbridge-cli: a pipeline
// pulls two files and archives them, a re-run loads nothing, a broken file goes to error/ with its reason, a
// server whose host key is not the pinned one is refused before anything is sent — and the CLI killed with
// SIGKILL at several moments, then run again, leaves the target equal to an uninterrupted run's: no file
// lost, none read twice, every audit entry exactly once.

#include "LocalSshServer.h"
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
    // A workspace pipeline NAME reading the sftp connection NAME (remote folder: inbox-NAME) into NAME.db.
    QString addPipeline(const QString& name, const QString& hostKey = {});
    QString remoteFolder(const QString& name) const
    {
        return m_server.folder() + QStringLiteral("/inbox-") + name;
    }
    QStringList snapshot(const QString& db); // subjects and the audit trail's entries, for comparisons

    LocalSshServer m_server;
    QTemporaryDir m_tmp;
    QString m_ws;
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

QString TestSftpDrop::addPipeline(const QString& name, const QString& hostKey)
{
    QDir().mkpath(remoteFolder(name));
    writeFile(
        m_ws, name + QStringLiteral(".connection.json"),
        QJsonDocument(
            QJsonObject{
                {QStringLiteral("format"), QStringLiteral("trialbridge.connection/1")},
                {QStringLiteral("kind"), QStringLiteral("sftp")},
                {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                {QStringLiteral("port"), int(m_server.port())},
                {QStringLiteral("username"), m_server.user()},
                {QStringLiteral("auth"), QJsonObject{{QStringLiteral("method"), QStringLiteral("key")}}},
                {QStringLiteral("path"), remoteFolder(name)},
                {QStringLiteral("hostKey"), hostKey.isEmpty() ? m_server.hostKeyFingerprint() : hostKey},
                {QStringLiteral("timeoutSeconds"), 10}})
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
    // The reference: the same deliveries, loaded without interruption.
    static bool referenceLoaded = false;
    if (!referenceLoaded) {
        deliver(addPipeline(QStringLiteral("reference")));
        QVERIFY(storeKey(QStringLiteral("reference"), m_server.clientKey()));
        const Run r = run(QStringLiteral("reference"));
        QVERIFY2(r.exitCode == 0, r.output.constData());
        QCOMPARE(query(QStringLiteral("reference"), QStringLiteral("SELECT COUNT(*) FROM subject")),
                 QStringList{"1000"});
        referenceLoaded = true;
    }
    const QStringList reference = snapshot(QStringLiteral("reference"));

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

    const Run again = run(name);
    QVERIFY2(again.exitCode == 0, again.output.constData());
    QCOMPARE(snapshot(name), reference);
    QCOMPARE(query(name, QStringLiteral(
                             "SELECT file_name, COUNT(*) FROM drop_ledger GROUP BY file_name ORDER BY 1")),
             (QStringList{"subjects_1.csv|1", "subjects_2.csv|1", "subjects_3.csv|1"}));
    QCOMPARE(filesIn(inbox), QStringList());
    QCOMPARE(filesIn(inbox + QStringLiteral("/archive")),
             (QStringList{"subjects_1.csv", "subjects_1.csv.done", "subjects_2.csv", "subjects_2.csv.done",
                          "subjects_3.csv", "subjects_3.csv.done"}));
    // And once more: nothing left to do.
    const Run third = run(name);
    QVERIFY2(third.exitCode == 0, third.output.constData());
    QCOMPARE(counts(third.result, "subject").value(QStringLiteral("read")).toInt(), 0);
    QCOMPARE(snapshot(name), reference);
}

QTEST_GUILESS_MAIN(TestSftpDrop)
#include "tst_sftpdrop.moc"
