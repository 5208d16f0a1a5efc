// Test connection against real local servers: a throw-away PostgreSQL cluster (password auth, and
// TLS that must verify) and a throw-away OpenSSH server (host key pinned, key login, SFTP).

#include "FaultyTcpProxy.h"
#include "LocalPostgres.h"
#include "LocalSshServer.h"
#include "SecretsTestSupport.h"
#include "TestCertificates.h"
#include "TestSupport.h"

#include "connection/PostgresConnectionCheck.h"
#include "connection/SftpConnectionCheck.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb::core;
using Outcome = ConnectionTestResult::Outcome;

namespace {

const QByteArray AppPassword = "pg-app-password-51c2e8";

template <typename Check> ConnectionTestResult run(Check& check, const ConnectionProfile& p, const QByteArray& secret)
{
    ConnectionTestResult result;
    bool done = false;
    check.start(p, secret, [&](const ConnectionTestResult& r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 60000))
        result = ConnectionTestResult::make(Outcome::Network, QStringLiteral("the check never reported"));
    return result;
}

ConnectionProfile profileFrom(const QJsonObject& o, const QString& file)
{
    ConnectionProfile p;
    QStringList errors;
    if (!ConnectionProfile::fromJson(QJsonDocument(o).toJson(), file, &p, &errors))
        qWarning() << errors;
    return p;
}

} // namespace

class TestServerConnectionChecks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void postgres_data();
    void postgres();
    void postgresTlsIsVerified_data();
    void postgresTlsIsVerified();
    void sftp_data();
    void sftp();
    void sftpNetworkFaults_data();
    void sftpNetworkFaults();

private:
    ConnectionProfile sftpProfile(const QString& host, quint16 port, const QString& path,
                                  const QString& hostKey, int timeoutSeconds);

    QTemporaryDir m_tmp;
    tb::test::TestCertificate m_cert;
    tb::test::LocalPostgres m_pg;
    tb::test::LocalSshServer m_ssh;
    tb::test::FaultyTcpProxy m_proxy; // in front of m_ssh
    qint64 m_checkBytes = 0;          // from the server in an undisturbed check through m_proxy
};

void TestServerConnectionChecks::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    tb::test::isolateUserDirs(m_tmp.filePath(QStringLiteral("home")));
    QString error;
    QVERIFY2(tb::test::makeSelfSignedCertificate(m_tmp.filePath(QStringLiteral("tls")), QStringLiteral("pg"), QStringLiteral("localhost"),
                                                 {QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1")}, &m_cert, &error),
             qPrintable(error));
    QVERIFY2(m_pg.start(&error, m_cert.certPath, m_cert.keyPath), qPrintable(error));
    QVERIFY2(m_pg.exec({QStringLiteral("CREATE ROLE tb_app LOGIN PASSWORD '%1'").arg(QString::fromLatin1(AppPassword)),
                        QStringLiteral("CREATE DATABASE ctms OWNER tb_app"),
                        QStringLiteral("CREATE DATABASE locked"),
                        QStringLiteral("REVOKE CONNECT ON DATABASE locked FROM PUBLIC")},
                       &error),
             qPrintable(error));
    QVERIFY2(m_ssh.start(&error), qPrintable(error));
    QVERIFY2(m_proxy.start(m_ssh.port(), &error), qPrintable(error));
}

void TestServerConnectionChecks::postgres_data()
{
    QTest::addColumn<QString>("host"); // "socket" or a host name
    QTest::addColumn<int>("port");     // 0: the server's
    QTest::addColumn<QString>("database");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("words");
    QTest::newRow("ok") << "socket" << 0 << "ctms" << AppPassword << int(Outcome::Ok) << "accepted user \"tb_app\"";
    QTest::newRow("wrong password") << "socket" << 0 << "ctms" << QByteArray("not-the-password") << int(Outcome::Auth)
                                    << "authentication failed for user \"tb_app\"";
    QTest::newRow("no database") << "socket" << 0 << "nosuchdb" << AppPassword << int(Outcome::NotFound) << "no such database";
    QTest::newRow("no connect privilege") << "socket" << 0 << "locked" << AppPassword << int(Outcome::Permission) << "permission denied";
    QTest::newRow("refused") << "127.0.0.1" << -1 << "ctms" << AppPassword << int(Outcome::Refused) << "refused the connection";
    QTest::newRow("dns") << "no-such-host.invalid" << 0 << "ctms" << AppPassword << int(Outcome::Dns) << "does not resolve";
}

void TestServerConnectionChecks::postgres()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, database);
    QFETCH(QByteArray, password);
    QFETCH(int, outcome);
    QFETCH(QString, words);
    const bool socket = host == QLatin1String("socket");
    QJsonObject o{{QStringLiteral("format"), QStringLiteral("trialbridge.connection/1")},
                  {QStringLiteral("kind"), QStringLiteral("postgresql")},
                  {QStringLiteral("host"), socket ? m_pg.socketDir() : host},
                  {QStringLiteral("port"), port == 0 ? int(m_pg.port()) : int(tb::test::freePort())},
                  {QStringLiteral("database"), database},
                  {QStringLiteral("username"), QStringLiteral("tb_app")},
                  {QStringLiteral("timeoutSeconds"), 5}};
    if (socket || host == QLatin1String("127.0.0.1"))
        o.insert(QStringLiteral("tls"), QJsonObject{{QStringLiteral("mode"), QStringLiteral("disable")}});
    const ConnectionProfile p = profileFrom(o, m_tmp.filePath(QStringLiteral("pg.connection.json")));
    PostgresConnectionCheck check;
    const ConnectionTestResult r = run(check, p, password);
    qInfo("%s: %s", qPrintable(ConnectionTestResult::outcomeName(r.outcome)), qPrintable(r.message));
    QVERIFY2(int(r.outcome) == outcome, qPrintable(ConnectionTestResult::outcomeName(r.outcome) + QStringLiteral(": ") + r.message));
    QVERIFY2(r.message.contains(words), qPrintable(r.message));
    QVERIFY(!r.message.contains(QString::fromLatin1(password)));
    if (r.ok())
        QVERIFY2(r.server.startsWith(QLatin1String("PostgreSQL ")), qPrintable(r.server));
}

void TestServerConnectionChecks::postgresTlsIsVerified_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("withCa");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("words");
    QTest::newRow("self-signed without its CA") << "localhost" << false << int(Outcome::Tls) << "TLS:";
    QTest::newRow("with its CA bundle") << "localhost" << true << int(Outcome::Ok) << "over verified TLS";
}

void TestServerConnectionChecks::postgresTlsIsVerified()
{
    QFETCH(QString, host);
    QFETCH(bool, withCa);
    QFETCH(int, outcome);
    QFETCH(QString, words);
    QJsonObject tls{{QStringLiteral("mode"), QStringLiteral("verify-full")}};
    if (withCa)
        tls.insert(QStringLiteral("caBundle"), m_cert.certPath);
    const ConnectionProfile p = profileFrom({{QStringLiteral("format"), QStringLiteral("trialbridge.connection/1")},
                                             {QStringLiteral("kind"), QStringLiteral("postgresql")},
                                             {QStringLiteral("host"), host},
                                             {QStringLiteral("port"), int(m_pg.port())},
                                             {QStringLiteral("database"), QStringLiteral("ctms")},
                                             {QStringLiteral("username"), QStringLiteral("tb_app")},
                                             {QStringLiteral("timeoutSeconds"), 5},
                                             {QStringLiteral("tls"), tls}},
                                            m_tmp.filePath(QStringLiteral("pgtls.connection.json")));
    PostgresConnectionCheck check;
    const ConnectionTestResult r = run(check, p, AppPassword);
    qInfo("%s: %s", qPrintable(ConnectionTestResult::outcomeName(r.outcome)), qPrintable(r.message));
    QVERIFY2(int(r.outcome) == outcome, qPrintable(ConnectionTestResult::outcomeName(r.outcome) + QStringLiteral(": ") + r.message));
    QVERIFY2(r.message.contains(words), qPrintable(r.message));
}

void TestServerConnectionChecks::sftp_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("rightHostKey");
    QTest::addColumn<bool>("rightKey");
    QTest::addColumn<QString>("path"); // empty: the server's folder
    QTest::addColumn<bool>("closedPort");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("words");
    QTest::newRow("ok") << "127.0.0.1" << true << true << "" << false << int(Outcome::Ok) << "logged in and listed";
    QTest::newRow("wrong host key") << "127.0.0.1" << false << true << "" << false << int(Outcome::HostKey)
                                    << "host key check failed";
    QTest::newRow("key not authorised") << "127.0.0.1" << true << false << "" << false << int(Outcome::Auth) << "authentication failed";
    QTest::newRow("no such folder") << "127.0.0.1" << true << true << "/no/such/folder" << false << int(Outcome::NotFound)
                                    << "no folder \"/no/such/folder\"";
    QTest::newRow("refused") << "127.0.0.1" << true << true << "" << true << int(Outcome::Refused) << "refused";
    QTest::newRow("dns") << "no-such-host.invalid" << true << true << "" << false << int(Outcome::Dns) << "does not resolve";
}

void TestServerConnectionChecks::sftp()
{
    QFETCH(QString, host);
    QFETCH(bool, rightHostKey);
    QFETCH(bool, rightKey);
    QFETCH(QString, path);
    QFETCH(bool, closedPort);
    QFETCH(int, outcome);
    QFETCH(QString, words);
    const ConnectionProfile p = sftpProfile(
        host, closedPort ? tb::test::freePort() : m_ssh.port(), path.isEmpty() ? m_ssh.folder() : path,
        rightHostKey ? m_ssh.hostKeyFingerprint()
                     : QStringLiteral("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU"),
        5);
    QVERIFY(!p.hostKey.isEmpty());
    SftpConnectionCheck check;
    const QByteArray key = rightKey ? m_ssh.clientKey() : m_ssh.otherKey();
    const ConnectionTestResult r = run(check, p, key);
    qInfo("%s: %s", qPrintable(ConnectionTestResult::outcomeName(r.outcome)), qPrintable(r.message));
    QVERIFY2(int(r.outcome) == outcome, qPrintable(ConnectionTestResult::outcomeName(r.outcome) + QStringLiteral(": ") + r.message));
    QVERIFY2(r.message.contains(words), qPrintable(r.message));
    if (r.ok())
        QVERIFY2(r.message.contains(QLatin1String("(1 entry)")), qPrintable(r.message));
}

ConnectionProfile TestServerConnectionChecks::sftpProfile(const QString& host, quint16 port,
                                                          const QString& path, const QString& hostKey,
                                                          int timeoutSeconds)
{
    return profileFrom(
        {{QStringLiteral("format"), QStringLiteral("trialbridge.connection/1")},
         {QStringLiteral("kind"), QStringLiteral("sftp")},
         {QStringLiteral("host"), host},
         {QStringLiteral("port"), int(port)},
         {QStringLiteral("username"), m_ssh.user()},
         {QStringLiteral("path"), path},
         {QStringLiteral("timeoutSeconds"), timeoutSeconds},
         {QStringLiteral("hostKey"), hostKey},
         {QStringLiteral("auth"), QJsonObject{{QStringLiteral("method"), QStringLiteral("key")}}}},
        m_tmp.filePath(QStringLiteral("drop.connection.json")));
}

void TestServerConnectionChecks::sftpNetworkFaults_data()
{
    QTest::addColumn<int>("fault"); // FaultyTcpProxy::Fault
    QTest::addColumn<double>("at"); // share of an undisturbed check's bytes from the server
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("words");
    // From the key exchange through the login and the start of SFTP to the listing.
    for (const double at : {0.1, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}) {
        QTest::newRow(qPrintable(QStringLiteral("stalled at %1 %").arg(at * 100)))
            << int(tb::test::FaultyTcpProxy::Fault::Stall) << at << int(Outcome::Timeout)
            << QStringLiteral("no answer within 1 s");
        QTest::newRow(qPrintable(QStringLiteral("closed at %1 %").arg(at * 100)))
            << int(tb::test::FaultyTcpProxy::Fault::Close) << at << int(Outcome::Network) << QString();
    }
}

void TestServerConnectionChecks::sftpNetworkFaults()
{
    // A server that falls silent (keeping the connection open) or closes the connection at any step: the
    // check ends after the profile's time-out at most, with Timeout or Network naming the server — never a
    // refused login, a server without SFTP, or a folder listed in part taken for a success.
    QFETCH(int, fault);
    QFETCH(double, at);
    QFETCH(int, outcome);
    QFETCH(QString, words);
    const ConnectionProfile p = sftpProfile(QStringLiteral("127.0.0.1"), m_proxy.port(), m_ssh.folder(),
                                            m_ssh.hostKeyFingerprint(), 1);
    SftpConnectionCheck check;
    if (m_checkBytes == 0) {
        m_proxy.setFault(tb::test::FaultyTcpProxy::Fault::None);
        const ConnectionTestResult undisturbed = run(check, p, m_ssh.clientKey());
        QVERIFY2(undisturbed.ok(), qPrintable(undisturbed.message));
        m_checkBytes = m_proxy.bytesToClient();
        qInfo("an undisturbed check: %lld bytes from the server", m_checkBytes);
    }
    m_proxy.setFault(tb::test::FaultyTcpProxy::Fault(fault), qint64(at * double(m_checkBytes)));
    const ConnectionTestResult r = run(check, p, m_ssh.clientKey());
    qInfo("%s: %s", qPrintable(ConnectionTestResult::outcomeName(r.outcome)), qPrintable(r.message));
    QVERIFY(m_proxy.struck());
    QVERIFY2(int(r.outcome) == outcome, qPrintable(r.message));
    QVERIFY2(r.message.contains(p.target()) && r.message.contains(words), qPrintable(r.message));
}

QTEST_GUILESS_MAIN(TestServerConnectionChecks)
#include "tst_serverconnectionchecks.moc"
