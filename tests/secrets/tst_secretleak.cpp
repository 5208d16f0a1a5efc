// No secret leaks: distinctive secrets for every connection kind are stored (in the OS keychain and in
// the vault), every kind's test-connection path uses them against a local server (HTTPS for EDC REST,
// REDCap, ERP, webhook and BI; PostgreSQL; SFTP), a wrong one is tried against a server that echoes
// credentials back, the demo pipeline runs, and then every file of the workspace, the target
// database, the settings files, the vault — and everything the CLI printed, debug logging on — is
// searched for the secrets' bytes, raw and encoded. None may be found.

#include "LocalHttpsServer.h"
#include "LocalPostgres.h"
#include "LocalSshServer.h"
#include "SecretsTestSupport.h"
#include "TestCertificates.h"
#include "TestSupport.h"

#include "util/Crypto.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using tb::test::LocalHttpsServer;
using tb::test::runCli;

namespace {

struct Secrets
{
    QByteArray edcToken, redcapToken, erpPassword, webhookSecret, biToken, pgPassword, wrongToken;
    QByteArray sftpKey; // the authorised private key (its bytes are the secret)

    QList<QByteArray> all() const
    {
        return {edcToken, redcapToken, erpPassword, webhookSecret, biToken, pgPassword, wrongToken, sftpKey,
                // a private key's distinctive middle line, in case the text was reflowed
                sftpKey.split('\n').value(2)};
    }
};

// Distinct for every run, so that a hit cannot come from an earlier run.
QByteArray distinctive(const char* label)
{
    return QByteArray("LEAKCHECK-") + label + '-' + tb::core::crypto::randomBytes(12).toHex();
}

} // namespace

class TestSecretLeak : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void noSecretBytesAnywhere_data();
    void noSecretBytesAnywhere();

private:
    LocalHttpsServer::Reply respond(const LocalHttpsServer::Request& r) const;
    void writeProfiles(const QString& ws);
    tb::test::ProcessResult cli(const QStringList& args, const QByteArray& input = {});

    QTemporaryDir m_tmp;
    QString m_home;
    QString m_ws;
    QString m_inputs; // the secrets' source files: outside everything searched
    Secrets m_s;
    tb::test::TestCertificate m_cert;
    LocalHttpsServer m_https;
    tb::test::LocalPostgres m_pg;
    tb::test::LocalSshServer m_ssh;
    QByteArray m_output; // everything the CLI printed
};

LocalHttpsServer::Reply TestSecretLeak::respond(const LocalHttpsServer::Request& r) const
{
    // Each endpoint checks its kind's credential; a refusal echoes what it got, as careless servers do.
    const auto refuse = [&](int status) {
        QByteArray echo = "refused. You sent:";
        for (auto it = r.headers.cbegin(); it != r.headers.cend(); ++it)
            echo += ' ' + it.key() + ": " + it.value() + ';';
        return LocalHttpsServer::Reply{status, echo + " body: " + r.body, {}};
    };
    const auto h = [&](const char* name) { return r.headers.value(name); };
    if (r.target.startsWith("/edc/"))
        return h("authorization") == "Bearer " + m_s.edcToken ? LocalHttpsServer::Reply{200, "{\"studies\":[]}", {}} : refuse(401);
    if (r.target.startsWith("/redcap/api/"))
        return r.body.startsWith("token=" + m_s.redcapToken + '&') ? LocalHttpsServer::Reply{200, "14.0.1", {}} : refuse(403);
    if (r.target.startsWith("/erp/"))
        return h("authorization") == "Basic " + ("svc-erp:" + m_s.erpPassword).toBase64() ? LocalHttpsServer::Reply{200, "{}", {}}
                                                                                           : refuse(401);
    if (r.target.startsWith("/hooks/")) {
        const QByteArray expected = "sha256=" + tb::core::crypto::hmacSha256(m_s.webhookSecret, h("x-trialbridge-timestamp") + '.' + r.body).toHex();
        return h("x-trialbridge-signature") == expected ? LocalHttpsServer::Reply{204, "", {}} : refuse(401);
    }
    if (r.target.startsWith("/bi/"))
        return h("x-api-key") == m_s.biToken ? LocalHttpsServer::Reply{200, "[]", {}} : refuse(403);
    return refuse(404);
}

void TestSecretLeak::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_home = m_tmp.filePath(QStringLiteral("home"));
    tb::test::isolateUserDirs(m_home);
    m_inputs = m_tmp.filePath(QStringLiteral("inputs"));
    m_s.edcToken = distinctive("edc");
    m_s.redcapToken = tb::core::crypto::randomBytes(16).toHex().toUpper(); // REDCap tokens are 32 hex digits
    m_s.erpPassword = distinctive("erp");
    m_s.webhookSecret = distinctive("webhook");
    m_s.biToken = distinctive("bi");
    m_s.pgPassword = distinctive("pg");
    m_s.wrongToken = distinctive("wrong");

    QString error;
    QVERIFY2(tb::test::makeSelfSignedCertificate(m_tmp.filePath(QStringLiteral("tls")), QStringLiteral("server"), QStringLiteral("localhost"),
                                                 {QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1")}, &m_cert, &error),
             qPrintable(error));
    QVERIFY(m_https.start(LocalHttpsServer::Mode::Tls, m_cert.certPath, m_cert.keyPath,
                          [this](const LocalHttpsServer::Request& r) { return respond(r); }));
    QVERIFY2(m_pg.start(&error), qPrintable(error));
    QVERIFY2(m_pg.exec({QStringLiteral("CREATE ROLE tb_app LOGIN PASSWORD '%1'").arg(QString::fromLatin1(m_s.pgPassword)),
                        QStringLiteral("CREATE DATABASE ctms OWNER tb_app")},
                       &error),
             qPrintable(error));
    QVERIFY2(m_ssh.start(&error), qPrintable(error));
    m_s.sftpKey = m_ssh.clientKey();
    QVERIFY(m_s.sftpKey.contains("PRIVATE KEY"));

    // The demo workspace: study, EDC exports, mappings, a pipeline into ctms.db.
    m_ws = m_tmp.filePath(QStringLiteral("workspace"));
    const auto demo = runCli({QStringLiteral("demo"), QStringLiteral("--out"), m_ws, QStringLiteral("--subjects"), QStringLiteral("50")});
    QVERIFY2(demo.exitCode == 0, demo.err.constData());
    writeProfiles(m_ws);
    // Debug logging of every module, so that log lines are searched too.
    qputenv("QT_LOGGING_RULES", "tb.*.debug=true");
}

void TestSecretLeak::writeProfiles(const QString& ws)
{
    // The CA bundle is not secret: it lives in the workspace like any other document.
    QDir().mkpath(ws + QStringLiteral("/certs"));
    QFile::copy(m_cert.certPath, ws + QStringLiteral("/certs/local-ca.pem"));
    const QString base = QStringLiteral("https://localhost:%1").arg(m_https.port());
    const QJsonObject tls{{QStringLiteral("caBundle"), QStringLiteral("../certs/local-ca.pem")}}; // relative to the profile
    const auto http = [&](const QString& kind, const QString& path, const QJsonObject& auth) {
        QJsonObject o{{QStringLiteral("format"), QStringLiteral("trialbridge.connection/1")},
                      {QStringLiteral("kind"), kind},
                      {QStringLiteral("url"), base + path},
                      {QStringLiteral("tls"), tls},
                      {QStringLiteral("timeoutSeconds"), 10}};
        if (!auth.isEmpty())
            o.insert(QStringLiteral("auth"), auth);
        return o;
    };
    const QList<QPair<QString, QJsonObject>> profiles{
        {QStringLiteral("edc"), http(QStringLiteral("edc-rest"), QStringLiteral("/edc/api/"), {{QStringLiteral("method"), QStringLiteral("bearer")}})},
        {QStringLiteral("redcap"), http(QStringLiteral("redcap"), QStringLiteral("/redcap/api/"), {})},
        {QStringLiteral("erp"), http(QStringLiteral("erp"), QStringLiteral("/erp/v1/"),
                                     {{QStringLiteral("method"), QStringLiteral("basic")}, {QStringLiteral("username"), QStringLiteral("svc-erp")}})},
        {QStringLiteral("hook"), http(QStringLiteral("webhook"), QStringLiteral("/hooks/trialbridge"), {})},
        {QStringLiteral("bi"), http(QStringLiteral("bi"), QStringLiteral("/bi/feed"),
                                    {{QStringLiteral("method"), QStringLiteral("header")}, {QStringLiteral("header"), QStringLiteral("X-API-Key")}})},
        {QStringLiteral("ctms-db"),
         QJsonObject{{QStringLiteral("format"), QStringLiteral("trialbridge.connection/1")},
                     {QStringLiteral("kind"), QStringLiteral("postgresql")},
                     {QStringLiteral("host"), m_pg.socketDir()},
                     {QStringLiteral("port"), int(m_pg.port())},
                     {QStringLiteral("database"), QStringLiteral("ctms")},
                     {QStringLiteral("username"), QStringLiteral("tb_app")},
                     {QStringLiteral("tls"), QJsonObject{{QStringLiteral("mode"), QStringLiteral("disable")}}}}},
        {QStringLiteral("drop"),
         QJsonObject{{QStringLiteral("format"), QStringLiteral("trialbridge.connection/1")},
                     {QStringLiteral("kind"), QStringLiteral("sftp")},
                     {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                     {QStringLiteral("port"), int(m_ssh.port())},
                     {QStringLiteral("username"), m_ssh.user()},
                     {QStringLiteral("path"), m_ssh.folder()},
                     {QStringLiteral("hostKey"), m_ssh.hostKeyFingerprint()},
                     {QStringLiteral("auth"), QJsonObject{{QStringLiteral("method"), QStringLiteral("key")}}}}},
    };
    for (const auto& [name, o] : profiles)
        tb::test::writeFile(ws, QStringLiteral("connections/%1.connection.json").arg(name), QJsonDocument(o).toJson());
}

tb::test::ProcessResult TestSecretLeak::cli(const QStringList& args, const QByteArray& input)
{
    const auto r = runCli(args + QStringList{QStringLiteral("--workspace"), m_ws}, QString(), input);
    m_output += r.out + r.err;
    return r;
}

void TestSecretLeak::noSecretBytesAnywhere_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("vault") << QStringLiteral("vault");
    QTest::newRow("keychain") << QStringLiteral("keychain");
}

void TestSecretLeak::noSecretBytesAnywhere()
{
    QFETCH(QString, backend);
    if (backend == QLatin1String("keychain"))
        TB_NEED_KEYRING();
    m_output.clear();
    qputenv("TRIALBRIDGE_SECRETS_BACKEND", backend.toLatin1());
    const QString passFile = tb::test::writeFile(m_tmp.path(), QStringLiteral("passphrase"), "leak test passphrase");
    QFile::setPermissions(passFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    qputenv("TRIALBRIDGE_VAULT_PASSPHRASE_FILE", passFile.toLocal8Bit());

    const QList<QPair<QString, QByteArray>> stored{
        {QStringLiteral("edc/token"), m_s.edcToken},         {QStringLiteral("redcap/token"), m_s.redcapToken},
        {QStringLiteral("erp/password"), m_s.erpPassword},   {QStringLiteral("hook/signing_secret"), m_s.webhookSecret},
        {QStringLiteral("bi/token"), m_s.biToken},           {QStringLiteral("ctms-db/password"), m_s.pgPassword},
        {QStringLiteral("drop/private_key"), m_s.sftpKey},
    };
    const auto store = [&](const QString& name, const QByteArray& value) {
        const QString file = tb::test::writeFile(m_inputs, QString(name).replace(QLatin1Char('/'), QLatin1Char('_')), value);
        const auto r = cli({QStringLiteral("secrets"), QStringLiteral("set"), name, QStringLiteral("--from-file"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(QString::fromUtf8(r.out + r.err)));
        QVERIFY(QString::fromUtf8(r.out).contains(backend == QLatin1String("vault") ? QLatin1String("encrypted vault")
                                                                                   : QLatin1String("OS keychain")));
    };
    // The user's settings file exists (and is searched below).
    QCOMPARE(cli({QStringLiteral("secrets"), QStringLiteral("backend"), QStringLiteral("--use"), QStringLiteral("auto")}).exitCode, 0);
    // A wrong token first, against the server that echoes credentials in its refusal.
    store(QStringLiteral("edc/token"), m_s.wrongToken);
    auto r = cli({QStringLiteral("connection"), QStringLiteral("test"), QStringLiteral("edc"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("outcome")).toString() == QLatin1String("auth"), r.out.constData());
    QVERIFY2(r.out.contains("[redacted]"), r.out.constData()); // the echo was there, masked

    for (const auto& [name, value] : stored)
        store(name, value);
    const int before = m_https.requests().size();
    for (const QString& c : {QStringLiteral("edc"), QStringLiteral("redcap"), QStringLiteral("erp"), QStringLiteral("hook"),
                             QStringLiteral("bi"), QStringLiteral("ctms-db"), QStringLiteral("drop")}) {
        r = cli({QStringLiteral("connection"), QStringLiteral("test"), c, QStringLiteral("--json")});
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QVERIFY2(r.exitCode == 0 && o.value(QStringLiteral("ok")).toBool(), qPrintable(c + QStringLiteral(": ") + QString::fromUtf8(r.out + r.err)));
        QCOMPARE(o.value(QStringLiteral("backend")).toString(), backend);
    }
    QCOMPARE(m_https.requests().size(), before + 5); // each HTTP kind reached its server with its credential

    r = cli({QStringLiteral("secrets"), QStringLiteral("list")});
    QCOMPARE(r.exitCode, 0);
    for (const auto& [name, value] : stored)
        QVERIFY2(r.out.contains(name.toUtf8()), r.out.constData());

    // The demo pipeline, into the workspace's ctms.db.
    const auto run = runCli({QStringLiteral("run"), m_ws + QStringLiteral("/demo.pipeline.json")});
    m_output += run.out + run.err;
    QVERIFY2(run.exitCode == 0 || run.exitCode == 3, run.err.constData());
    QVERIFY(QFile::exists(m_ws + QStringLiteral("/ctms.db")));
    r = cli({QStringLiteral("secrets"), QStringLiteral("backend")});
    QCOMPARE(r.exitCode, 0);

    QList<QByteArray> needles;
    for (const QByteArray& s : m_s.all())
        needles += tb::test::leakForms(s);
    // Every file of the workspace (the target database ctms.db and its WAL included), the settings
    // files, the vault; then everything the CLI printed.
    const QStringList found = tb::test::filesContaining({m_ws, m_home}, needles);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    QVERIFY(QFile::exists(m_home + QStringLiteral("/xdg_config_home/TrialBridge/TrialBridge.conf"))); // searched above
    for (const QByteArray& n : needles)
        QVERIFY2(!m_output.contains(n), qPrintable(QStringLiteral("the CLI printed a secret: ") + QString::fromLatin1(n.left(14))));
    if (backend == QLatin1String("vault"))
        QVERIFY(QFile::exists(m_home + QStringLiteral("/xdg_data_home/TrialBridge/secrets.tbvault")));

    // Leave nothing behind in the keychain.
    for (const auto& [name, value] : stored)
        QCOMPARE(cli({QStringLiteral("secrets"), QStringLiteral("delete"), name}).exitCode, 0);
    qunsetenv("TRIALBRIDGE_SECRETS_BACKEND");
}

QTEST_GUILESS_MAIN(TestSecretLeak)
#include "tst_secretleak.moc"
