// Test connection over HTTPS against a local server with a certificate made by openssl at test time:
// a self-signed certificate is refused with a message that says which check failed, and accepted once
// its CA bundle is configured; a wrong pin is refused; credentials reach only a verified server; DNS,
// refused, time-out, auth, permission and redirects each get their own outcome. Nothing in the
// sources calls ignoreSslErrors.

#include "LocalHttpsServer.h"
#include "SecretsTestSupport.h"
#include "TestCertificates.h"
#include "TestSupport.h"

#include "connection/ConnectionTester.h"
#include "connection/HttpConnectionCheck.h"
#include "connection/TlsSettings.h"
#include "secrets/VaultSecretStore.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb::core;
using tb::test::LocalHttpsServer;
using Outcome = ConnectionTestResult::Outcome;

namespace {

const QByteArray Token = "tls-test-token-7f3a9c";

LocalHttpsServer::Reply respond(const LocalHttpsServer::Request& r)
{
    if (r.target.startsWith("/redirect"))
        return {302, "", {{"Location", "https://elsewhere.example.org/api?token=leak"}}};
    if (r.target.startsWith("/missing"))
        return {404, "not here", {}};
    if (r.target.startsWith("/forbidden"))
        return {403, "{\"error\":\"no access to this study\"}", {}};
    if (r.target.startsWith("/broken"))
        return {500, "database down", {}};
    if (r.target.startsWith("/huge-broken")) // longer than the check reads: judged by its status
        return {503, QByteArray(1024 * 1024, 'x'), {}};
    if (r.headers.value("authorization") != "Bearer " + Token)
        // A careless server that echoes what it got: the test checks that it does not reach the message.
        return {401, "bad credentials: Authorization: " + r.headers.value("authorization"), {}};
    if (r.target.startsWith("/huge"))
        return {200, QByteArray(1024 * 1024, ' ') + "{\"ok\":true}", {}};
    return {200, "{\"ok\":true}", {}};
}

} // namespace

class TestHttpConnectionCheck : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pinsAgreeWithOpenssl();
    void selfSignedIsRefusedUntilItsCaIsConfigured();
    void tls_data();
    void tls();
    void outcomes_data();
    void outcomes();
    void requestCarriesCredentialsPerMethod_data();
    void requestCarriesCredentialsPerMethod();
    void testerReadsSecretsFromTheStore();
    void nothingCallsIgnoreSslErrors();

private:
    ConnectionProfile profile(const QString& url, const QJsonObject& tls = {}) const;
    ConnectionTestResult check(const ConnectionProfile& p, const QByteArray& token = Token);

    QTemporaryDir m_tmp;
    tb::test::TestCertificate m_cert;      // localhost, 127.0.0.1
    tb::test::TestCertificate m_other;     // another self-signed localhost certificate
    tb::test::TestCertificate m_wrongName; // for other.example.org only
    LocalHttpsServer m_server;
    LocalHttpsServer m_wrongNameServer;
    LocalHttpsServer m_plainServer;
    LocalHttpsServer m_silentServer;
};

void TestHttpConnectionCheck::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    tb::test::isolateUserDirs(m_tmp.filePath(QStringLiteral("home")));
    QString error;
    const QString dir = m_tmp.filePath(QStringLiteral("tls"));
    QVERIFY2(tb::test::makeSelfSignedCertificate(dir, QStringLiteral("server"), QStringLiteral("localhost"),
                                                 {QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1")}, &m_cert, &error),
             qPrintable(error));
    QVERIFY2(tb::test::makeSelfSignedCertificate(dir, QStringLiteral("other"), QStringLiteral("localhost"),
                                                 {QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1")}, &m_other, &error),
             qPrintable(error));
    QVERIFY2(tb::test::makeSelfSignedCertificate(dir, QStringLiteral("wrongname"), QStringLiteral("other.example.org"),
                                                 {QStringLiteral("DNS:other.example.org")}, &m_wrongName, &error),
             qPrintable(error));
    QVERIFY(m_server.start(LocalHttpsServer::Mode::Tls, m_cert.certPath, m_cert.keyPath, respond));
    QVERIFY(m_wrongNameServer.start(LocalHttpsServer::Mode::Tls, m_wrongName.certPath, m_wrongName.keyPath, respond));
    QVERIFY(m_plainServer.start(LocalHttpsServer::Mode::Plain, {}, {}, respond));
    QVERIFY(m_silentServer.start(LocalHttpsServer::Mode::Silent));
}

ConnectionProfile TestHttpConnectionCheck::profile(const QString& url, const QJsonObject& tls) const
{
    QJsonObject o{{QStringLiteral("format"), QStringLiteral("trialbridge.connection/1")},
                  {QStringLiteral("kind"), QStringLiteral("edc-rest")},
                  {QStringLiteral("url"), url},
                  {QStringLiteral("timeoutSeconds"), 3},
                  {QStringLiteral("auth"), QJsonObject{{QStringLiteral("method"), QStringLiteral("bearer")}}}};
    if (!tls.isEmpty())
        o.insert(QStringLiteral("tls"), tls);
    ConnectionProfile p;
    QStringList errors;
    if (!ConnectionProfile::fromJson(QJsonDocument(o).toJson(), m_tmp.filePath(QStringLiteral("edc.connection.json")), &p, &errors))
        qWarning() << errors;
    return p;
}

ConnectionTestResult TestHttpConnectionCheck::check(const ConnectionProfile& p, const QByteArray& token)
{
    HttpConnectionCheck check;
    ConnectionTestResult result;
    bool done = false;
    check.start(p, {{QStringLiteral("token"), token}}, [&](const ConnectionTestResult& r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        result = ConnectionTestResult::make(Outcome::Network, QStringLiteral("the check never reported"));
    return result;
}

void TestHttpConnectionCheck::pinsAgreeWithOpenssl()
{
    // Known answers: the digests openssl computes for the same certificate.
    const QSslCertificate cert = QSslCertificate::fromPath(m_cert.certPath).value(0);
    QVERIFY(!cert.isNull());
    QCOMPARE(TlsSettings::publicKeySha256(cert), m_cert.publicKeySha256);
    QCOMPARE(TlsSettings::certificateSha256(cert), m_cert.certificateSha256);
}

void TestHttpConnectionCheck::selfSignedIsRefusedUntilItsCaIsConfigured()
{
    const QString url = QStringLiteral("https://localhost:%1/api/").arg(m_server.port());
    m_server.clearRequests();
    const ConnectionTestResult refused = check(profile(url));
    QCOMPARE(refused.outcome, Outcome::Tls);
    QVERIFY2(refused.message.contains(QLatin1String("TLS certificate verification failed: trust check failed")), qPrintable(refused.message));
    QVERIFY2(refused.message.contains(QLatin1String("self-signed")), qPrintable(refused.message));
    QVERIFY2(refused.message.contains(QLatin1String("tls.caBundle")), qPrintable(refused.message));
    QCOMPARE(m_server.requests().size(), 0); // the token never left

    const ConnectionTestResult accepted = check(profile(url, {{QStringLiteral("caBundle"), m_cert.certPath}}));
    QVERIFY2(accepted.ok(), qPrintable(accepted.message));
    QCOMPARE(m_server.requests().size(), 1);
    QCOMPARE(m_server.requests().first().headers.value("authorization"), "Bearer " + Token);
}

void TestHttpConnectionCheck::tls_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QJsonObject>("tls");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("words");
    QTest::addColumn<bool>("requestSent");
    const auto pin = [](const char* kind, const QByteArray& digest, bool hex = false) {
        return QJsonObject{{QLatin1String(kind), QString::fromLatin1(hex ? digest.toHex(':') : digest.toBase64())}};
    };
    const QJsonValue ca = m_cert.certPath;
    QTest::newRow("right public key pin")
        << "main" << QJsonObject{{"caBundle", ca}, {"pin", pin("publicKeySha256", m_cert.publicKeySha256)}} << int(Outcome::Ok) << "" << true;
    QTest::newRow("right certificate pin")
        << "main" << QJsonObject{{"caBundle", ca}, {"pin", pin("certificateSha256", m_cert.certificateSha256, true)}} << int(Outcome::Ok) << "" << true;
    QTest::newRow("wrong public key pin")
        << "main" << QJsonObject{{"caBundle", ca}, {"pin", pin("publicKeySha256", m_other.publicKeySha256)}} << int(Outcome::Tls)
        << "TLS pin check failed: the server's public key" << false;
    QTest::newRow("wrong certificate pin")
        << "main" << QJsonObject{{"caBundle", ca}, {"pin", pin("certificateSha256", m_other.certificateSha256)}} << int(Outcome::Tls)
        << "TLS pin check failed: the server's certificate" << false;
    QTest::newRow("another CA bundle")
        << "main" << QJsonObject{{"caBundle", m_other.certPath}} << int(Outcome::Tls) << "trust check failed" << false;
    QTest::newRow("host name mismatch")
        << "wrongname" << QJsonObject{{"caBundle", m_wrongName.certPath}} << int(Outcome::Tls)
        << "host name check failed: the certificate is for other.example.org, not localhost" << false;
    QTest::newRow("server without TLS")
        << "plain" << QJsonObject{} << int(Outcome::Tls) << "TLS handshake" << false;
    QTest::newRow("handshake never answered")
        << "silent" << QJsonObject{} << int(Outcome::Timeout) << "during the TLS handshake" << false;
}

void TestHttpConnectionCheck::tls()
{
    QFETCH(QString, server);
    QFETCH(QJsonObject, tls);
    QFETCH(int, outcome);
    QFETCH(QString, words);
    QFETCH(bool, requestSent);
    LocalHttpsServer* s = server == QLatin1String("main")        ? &m_server
                          : server == QLatin1String("wrongname") ? &m_wrongNameServer
                          : server == QLatin1String("plain")     ? &m_plainServer
                                                                 : &m_silentServer;
    s->clearRequests();
    const ConnectionTestResult r = check(profile(QStringLiteral("https://localhost:%1/api/").arg(s->port()), tls));
    qInfo("%s: %s", qPrintable(ConnectionTestResult::outcomeName(r.outcome)), qPrintable(r.message));
    QVERIFY2(int(r.outcome) == outcome, qPrintable(ConnectionTestResult::outcomeName(r.outcome) + QStringLiteral(": ") + r.message));
    QVERIFY2(r.message.contains(words), qPrintable(r.message));
    QCOMPARE(!s->requests().isEmpty(), requestSent);
    QVERIFY(!r.message.contains(QString::fromLatin1(Token)));
}

void TestHttpConnectionCheck::outcomes_data()
{
    QTest::addColumn<QString>("url"); // %1: the TLS server's port, %2: a closed port
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("words");
    QTest::newRow("ok") << "https://localhost:%1/api/" << Token << int(Outcome::Ok) << "HTTP 200";
    QTest::newRow("dns") << "https://no-such-host.invalid/api/" << Token << int(Outcome::Dns) << "DNS: the host name \"no-such-host.invalid\" does not resolve";
    QTest::newRow("refused") << "https://127.0.0.1:%2/api/" << Token << int(Outcome::Refused) << "refused the connection";
    QTest::newRow("auth") << "https://localhost:%1/api/" << QByteArray("wrong-token-123456") << int(Outcome::Auth) << "authentication failed";
    QTest::newRow("permission") << "https://localhost:%1/forbidden" << Token << int(Outcome::Permission) << "permission denied";
    QTest::newRow("not found") << "https://localhost:%1/missing" << Token << int(Outcome::NotFound) << "HTTP 404";
    QTest::newRow("redirect") << "https://localhost:%1/redirect" << Token << int(Outcome::Protocol) << "redirects (HTTP 302)";
    QTest::newRow("server error") << "https://localhost:%1/broken" << Token << int(Outcome::Protocol) << "a server error";
    QTest::newRow("ok, a body past the limit") << "https://localhost:%1/huge" << Token << int(Outcome::Ok) << "HTTP 200";
    QTest::newRow("error, a body past the limit") << "https://localhost:%1/huge-broken" << Token << int(Outcome::Protocol) << "HTTP 503";
}

void TestHttpConnectionCheck::outcomes()
{
    QFETCH(QString, url);
    QFETCH(QByteArray, token);
    QFETCH(int, outcome);
    QFETCH(QString, words);
    const QString u = url.contains(QLatin1String("%2")) ? QString(url).replace(QLatin1String("%2"), QString::number(tb::test::freePort()))
                                                        : url.contains(QLatin1String("%1")) ? url.arg(m_server.port()) : url;
    const ConnectionTestResult r = check(profile(u, {{QStringLiteral("caBundle"), m_cert.certPath}}), token);
    qInfo("%s: %s", qPrintable(ConnectionTestResult::outcomeName(r.outcome)), qPrintable(r.message));
    QVERIFY2(int(r.outcome) == outcome, qPrintable(ConnectionTestResult::outcomeName(r.outcome) + QStringLiteral(": ") + r.message));
    QVERIFY2(r.message.contains(words), qPrintable(r.message));
    // The server echoed the Authorization header in its 401 body; the message shows it masked.
    QVERIFY2(!r.message.contains(QString::fromLatin1(token)) || token == Token, qPrintable(r.message));
    QVERIFY2(!r.message.contains(QLatin1String("token=leak")), qPrintable(r.message));
}

void TestHttpConnectionCheck::requestCarriesCredentialsPerMethod_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QByteArray>("secretField");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("bearer") << QByteArray(R"({"format":"trialbridge.connection/1","kind":"edc-rest","url":"https://h.org/a/","auth":{"method":"bearer"},"test":{"path":"ping"}})")
                            << QByteArray("token") << QByteArray("GET /a/ping HTTP/1.1\r\nHost: h.org\r\n");
    QTest::newRow("basic") << QByteArray(R"({"format":"trialbridge.connection/1","kind":"erp","url":"https://h.org:8443/","auth":{"method":"basic","username":"svc"}})")
                           << QByteArray("password") << QByteArray("Authorization: Basic c3ZjOnMzY3JldC12YWx1ZQ==\r\n");
    QTest::newRow("header") << QByteArray(R"({"format":"trialbridge.connection/1","kind":"bi","url":"https://h.org/","auth":{"method":"header","header":"X-API-Key"}})")
                            << QByteArray("token") << QByteArray("X-API-Key: s3cret-value\r\n");
    QTest::newRow("redcap") << QByteArray(R"({"format":"trialbridge.connection/1","kind":"redcap","url":"https://h.org/api/"})")
                            << QByteArray("token") << QByteArray("\r\n\r\ntoken=s3cret-value&content=version&format=json&returnFormat=json");
    QTest::newRow("webhook") << QByteArray(R"({"format":"trialbridge.connection/1","kind":"webhook","url":"https://h.org/hook"})")
                             << QByteArray("signing_secret")
                             // HMAC-SHA-256("s3cret-value", "1700000000." + body), computed with openssl dgst -hmac.
                             << QByteArray("X-TrialBridge-Signature: sha256=");
}

void TestHttpConnectionCheck::requestCarriesCredentialsPerMethod()
{
    QFETCH(QByteArray, document);
    QFETCH(QByteArray, secretField);
    QFETCH(QByteArray, expected);
    ConnectionProfile p;
    QStringList errors;
    QVERIFY2(ConnectionProfile::fromJson(document, QStringLiteral("/w/c.connection.json"), &p, &errors), qPrintable(errors.join(';')));
    const QByteArray request = HttpConnectionCheck::buildRequest(p, {{QString::fromLatin1(secretField), "s3cret-value"}}, 1700000000);
    QVERIFY2(request.contains(expected), request.constData());
    QVERIFY(request.contains("Connection: close\r\n"));
    if (p.kind == ConnectionProfile::Kind::Webhook) {
        const QByteArray body = request.mid(request.indexOf("\r\n\r\n") + 4);
        QString out;
        QTemporaryDir dir;
        const QString bodyFile = tb::test::writeFile(dir.path(), QStringLiteral("body"), "1700000000." + body);
        QVERIFY(tb::test::runProgram(tb::test::findProgram(QStringLiteral("openssl")),
                                     {QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-hmac"),
                                      QStringLiteral("s3cret-value"), bodyFile},
                                     &out));
        const QByteArray hex = out.trimmed().section(QLatin1Char(' '), -1).toLatin1();
        QVERIFY2(request.contains("X-TrialBridge-Signature: sha256=" + hex + "\r\n"), request.constData());
    }
}

void TestHttpConnectionCheck::testerReadsSecretsFromTheStore()
{
    VaultSecretStore store(QStringLiteral("ws"), m_tmp.filePath(QStringLiteral("tester.tbvault")), "pass phrase x",
                           Vault::KdfParams::minimal());
    ConnectionTester tester(&store);
    const ConnectionProfile p = profile(QStringLiteral("https://localhost:%1/api/").arg(m_server.port()),
                                        {{QStringLiteral("caBundle"), m_cert.certPath}});
    ConnectionTestResult result;
    bool done = false;
    tester.test(p, [&](const ConnectionTestResult& r) {
        result = r;
        done = true;
    });
    QVERIFY(QTest::qWaitFor([&] { return done; }, 20000));
    QCOMPARE(result.outcome, Outcome::MissingSecret);
    QVERIFY2(result.hint.contains(QLatin1String("trialbridge-cli secrets set edc/token")), qPrintable(result.hint));

    done = false;
    store.write(QStringLiteral("edc/token"), Token, [&](const SecretResult& r) { done = r.ok(); });
    QVERIFY(QTest::qWaitFor([&] { return done; }, 20000));
    done = false;
    tester.test(p, [&](const ConnectionTestResult& r) {
        result = r;
        done = true;
    });
    QVERIFY(QTest::qWaitFor([&] { return done; }, 20000));
    QVERIFY2(result.ok(), qPrintable(result.message));
}

void TestHttpConnectionCheck::nothingCallsIgnoreSslErrors()
{
    QStringList offenders;
    for (const char* folder : {"core", "app", "ui"}) {
        QDirIterator it(tb::test::sourcePath(QLatin1String(folder)), {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray text = f.readAll();
            if (text.contains("ignoreSslErrors(") || text.contains("VerifyNone") || text.contains("QueryPeer"))
                offenders << f.fileName();
        }
    }
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QStringLiteral(", "))));
}

QTEST_GUILESS_MAIN(TestHttpConnectionCheck)
#include "tst_httpconnectioncheck.moc"
