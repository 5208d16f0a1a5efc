#include "FakeEdcServer.h"
#include "LocalHttpsServer.h"
#include "MockClock.h"
#include "TestCertificates.h"

#include "source/http/HttpFetcher.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb::core;
using tb::test::FakeEdcServer;
using Fault = FakeEdcServer::Fault;

// One logical request with bounded retries against a local server that misbehaves on purpose. The sleeper
// records the waits instead of sleeping, so backoff costs no time.
class TestHttpFetcher : public QObject
{
    Q_OBJECT

private:
    struct Setup
    {
        FakeEdcServer server;
        QList<int> waits;
        std::unique_ptr<HttpFetcher> fetcher;
    };
    static std::unique_ptr<Setup> makeSetup(HttpFetcher::Policy policy = {})
    {
        auto s = std::make_unique<Setup>();
        if (!s->server.start())
            return nullptr;
        s->server.setItems(QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("S-001")}},
                                      QJsonObject{{QStringLiteral("id"), QStringLiteral("S-002")}}});
        policy.connectTimeoutMs = 3000;
        if (policy.transferTimeoutMs == HttpFetcher::Policy().transferTimeoutMs)
            policy.transferTimeoutMs = 3000;
        s->fetcher = std::make_unique<HttpFetcher>(TlsSettings(), policy);
        s->fetcher->setSleeper([w = &s->waits](int ms) { *w << ms; });
        s->fetcher->setRandom([] { return 1.0; }); // the top of the jitter range: waits equal their cap
        return s;
    }
    static HttpFetcher::Request get(const QUrl& url)
    {
        HttpFetcher::Request r;
        r.url = url;
        return r;
    }

private slots:
    void retryAfterParsing_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("seconds") << QByteArray("120") << qint64(120000);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("spaces") << QByteArray(" 7 ") << qint64(7000);
        QTest::newRow("http date") << QByteArray("Thu, 15 Jan 2026 09:00:30 GMT") << qint64(30000);
        QTest::newRow("date in the past") << QByteArray("Thu, 15 Jan 2026 08:00:00 GMT") << qint64(0);
        QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
        QTest::newRow("words") << QByteArray("soon") << qint64(-1);
        QTest::newRow("numeric offset") << QByteArray("Thu, 15 Jan 2026 10:00:10 +0100") << qint64(10000);
    }
    void retryAfterParsing()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, expected);
        QCOMPARE(HttpFetcher::retryAfterMs(value, QDateTime(QDate(2026, 1, 15), QTime(9, 0), Qt::UTC)), expected);
    }

    void rateLimitHonoursRetryAfter_data()
    {
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("expectedWait");
        QTest::newRow("seconds") << QByteArray("2") << 2000;
        QTest::newRow("http date") << QByteArray("Thu, 15 Jan 2026 09:00:03 GMT") << 3000;
        QTest::newRow("no value: backoff") << QByteArray() << 500;
    }
    void rateLimitHonoursRetryAfter()
    {
        QFETCH(QByteArray, retryAfter);
        QFETCH(int, expectedWait);
        auto s = makeSetup();
        QVERIFY(s);
        tb::test::MockClock clock;
        s->fetcher->setClock(&clock);
        s->server.setRetryAfter(retryAfter);
        s->server.setFault(1, Fault::RateLimit);
        QJsonDocument doc;
        QVERIFY2(s->fetcher->fetchJson(get(s->server.url(QStringLiteral("/items/all"))), &doc), qPrintable(s->fetcher->error()));
        QCOMPARE(s->fetcher->attempts(), 2);
        QCOMPARE(s->waits, QList<int>{expectedWait});
        QCOMPARE(doc.object().value(QStringLiteral("data")).toArray().size(), 2);
    }

    void retriedFaultsRecover_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<int>("attempts");
        QTest::newRow("500 once") << int(Fault::ServerError) << 2;
        QTest::newRow("dropped mid-body") << int(Fault::DropMidBody) << 2;
        QTest::newRow("closed without an answer") << int(Fault::CloseWithoutAnswer) << 2;
        QTest::newRow("chunked answer (no fault)") << int(Fault::Chunked) << 1;
    }
    void retriedFaultsRecover()
    {
        QFETCH(int, fault);
        QFETCH(int, attempts);
        auto s = makeSetup();
        QVERIFY(s);
        s->server.setFault(1, Fault(fault));
        QJsonDocument doc;
        QVERIFY2(s->fetcher->fetchJson(get(s->server.url(QStringLiteral("/items/all"))), &doc), qPrintable(s->fetcher->error()));
        QCOMPARE(s->fetcher->attempts(), attempts);
        QCOMPARE(s->waits.size(), attempts - 1);
        QCOMPARE(doc.object().value(QStringLiteral("data")).toArray().size(), 2);
    }

    void persistentFaultsStopAtTheBound_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<QString>("cause");
        QTest::addColumn<int>("failure");
        QTest::newRow("500 storm") << int(Fault::ServerError) << QStringLiteral("HTTP 500 (a server error)") << int(HttpFetcher::Failure::Http);
        QTest::newRow("429 storm") << int(Fault::RateLimit) << QStringLiteral("HTTP 429 (rate limited)") << int(HttpFetcher::Failure::Http);
        QTest::newRow("drops") << int(Fault::DropMidBody) << QStringLiteral("the connection closed after") << int(HttpFetcher::Failure::Network);
        QTest::newRow("closes") << int(Fault::CloseWithoutAnswer) << QStringLiteral("closed the connection before a complete answer")
                                << int(HttpFetcher::Failure::Network);
    }
    void persistentFaultsStopAtTheBound()
    {
        QFETCH(int, fault);
        QFETCH(QString, cause);
        QFETCH(int, failure);
        HttpFetcher::Policy policy;
        policy.maxAttempts = 4;
        auto s = makeSetup(policy);
        QVERIFY(s);
        s->server.setRetryAfter("1");
        s->server.setFaultForAll(Fault(fault));
        QJsonDocument doc;
        const QUrl url = s->server.url(QStringLiteral("/items/all"));
        QVERIFY(!s->fetcher->fetchJson(get(url), &doc));
        QCOMPARE(s->fetcher->attempts(), 4);
        QCOMPARE(s->server.requestCount(), 4);
        QCOMPARE(int(s->fetcher->failure()), failure);
        const QString e = s->fetcher->error();
        QVERIFY2(e.startsWith(QStringLiteral("GET %1: ").arg(url.toString())), qPrintable(e));
        QVERIFY2(e.contains(cause), qPrintable(e));
        QVERIFY2(e.contains(QStringLiteral("gave up after 4 attempts")), qPrintable(e));
        // Backoff with full jitter (random = 1: each wait is its cap, 500 ms doubling) or Retry-After's second.
        if (Fault(fault) == Fault::RateLimit)
            QCOMPARE(s->waits, (QList<int>{1000, 1000, 1000}));
        else
            QCOMPARE(s->waits, (QList<int>{500, 1000, 2000}));
    }

    void jitterStaysUnderTheCap()
    {
        HttpFetcher::Policy policy;
        policy.maxAttempts = 8;
        policy.baseDelayMs = 100;
        policy.maxDelayMs = 1000;
        auto s = makeSetup(policy);
        QVERIFY(s);
        double r = 0.0;
        s->fetcher->setRandom([&r] { return r += 0.13; });
        s->server.setFaultForAll(Fault::ServerError);
        HttpFetcher::Response response;
        QVERIFY(!s->fetcher->fetch(get(s->server.url(QStringLiteral("/items/all"))), &response));
        QCOMPARE(s->waits.size(), 7);
        const double caps[] = {100, 200, 400, 800, 1000, 1000, 1000};
        double expected = 0.0;
        for (int i = 0; i < 7; ++i) {
            expected += 0.13;
            QCOMPARE(s->waits[i], int(expected * caps[i]));
            QVERIFY(s->waits[i] < caps[i]);
        }
    }

    void longRetryAfterEndsTheRequest()
    {
        auto s = makeSetup();
        QVERIFY(s);
        s->server.setRetryAfter("3600");
        s->server.setFaultForAll(Fault::RateLimit);
        HttpFetcher::Response response;
        QVERIFY(!s->fetcher->fetch(get(s->server.url(QStringLiteral("/items/all"))), &response));
        QCOMPARE(s->fetcher->attempts(), 1);
        QVERIFY(s->waits.isEmpty());
        QVERIFY2(s->fetcher->error().contains(QStringLiteral("asks to wait 3600 s")), qPrintable(s->fetcher->error()));
        QVERIFY2(s->fetcher->error().contains(QStringLiteral("run again later")), qPrintable(s->fetcher->error()));
    }

    void slowResponseTimesOut()
    {
        HttpFetcher::Policy policy;
        policy.maxAttempts = 2;
        policy.transferTimeoutMs = 300;
        auto s = makeSetup(policy);
        QVERIFY(s);
        s->server.setSlowMs(2000);
        s->server.setFaultForAll(Fault::Slow);
        QElapsedTimer t;
        t.start();
        HttpFetcher::Response response;
        QVERIFY(!s->fetcher->fetch(get(s->server.url(QStringLiteral("/items/all"))), &response));
        QVERIFY(t.elapsed() < 1800);
        QCOMPARE(int(s->fetcher->failure()), int(HttpFetcher::Failure::Timeout));
        QCOMPARE(s->fetcher->attempts(), 2);
        QVERIFY2(s->fetcher->error().contains(QStringLiteral("no complete answer within 0.3 s")), qPrintable(s->fetcher->error()));
        QVERIFY2(s->fetcher->error().contains(QStringLiteral("gave up after 2 attempts")), qPrintable(s->fetcher->error()));
    }

    void slowButInTimeSucceeds()
    {
        HttpFetcher::Policy policy;
        policy.transferTimeoutMs = 2000;
        auto s = makeSetup(policy);
        QVERIFY(s);
        s->server.setSlowMs(200);
        s->server.setFault(1, Fault::Slow);
        HttpFetcher::Response response;
        QVERIFY2(s->fetcher->fetch(get(s->server.url(QStringLiteral("/items/all"))), &response), qPrintable(s->fetcher->error()));
        QCOMPARE(s->fetcher->attempts(), 1);
    }

    void truncatedJsonNamesTheOffset()
    {
        auto s = makeSetup();
        QVERIFY(s);
        s->server.setFault(1, Fault::TruncatedJson);
        QJsonDocument doc;
        const QUrl url = s->server.url(QStringLiteral("/items/all"));
        HttpFetcher::Response response;
        QVERIFY(!s->fetcher->fetchJson(get(url), &doc, &response));
        QCOMPARE(int(s->fetcher->failure()), int(HttpFetcher::Failure::Json));
        QCOMPARE(s->fetcher->attempts(), 1);
        QJsonParseError parse;
        QJsonDocument::fromJson(response.body, &parse);
        const QString e = s->fetcher->error();
        QVERIFY2(e.startsWith(QStringLiteral("GET %1: the answer is not valid JSON").arg(url.toString())), qPrintable(e));
        QVERIFY2(e.contains(QStringLiteral("at byte offset %1 (the body has %2 bytes); it ends early").arg(parse.offset).arg(response.body.size())), qPrintable(e));
    }

    void refusedConnectionIsClear()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        } // closed: nothing listens there now
        HttpFetcher::Policy policy;
        policy.maxAttempts = 3;
        HttpFetcher fetcher(TlsSettings(), policy);
        QList<int> waits;
        fetcher.setSleeper([&](int ms) { waits << ms; });
        HttpFetcher::Response response;
        HttpFetcher::Request r;
        r.url = QUrl(QStringLiteral("http://127.0.0.1:%1/items/all").arg(port));
        QVERIFY(!fetcher.fetch(r, &response));
        QCOMPARE(int(fetcher.failure()), int(HttpFetcher::Failure::Refused));
        QCOMPARE(fetcher.attempts(), 3);
        QCOMPARE(waits.size(), 2);
        QVERIFY2(fetcher.error().contains(QStringLiteral("127.0.0.1:%1 refused the connection").arg(port)), qPrintable(fetcher.error()));
    }

    void cancelStopsTheRequest_data()
    {
        QTest::addColumn<int>("fault");
        QTest::newRow("while waiting to retry") << int(Fault::ServerError);
        QTest::newRow("while the server is slow") << int(Fault::Slow);
    }
    void cancelStopsTheRequest()
    {
        QFETCH(int, fault);
        auto s = makeSetup();
        QVERIFY(s);
        s->server.setSlowMs(3000);
        s->server.setFaultForAll(Fault(fault));
        bool canceled = false;
        s->fetcher->setSleeper([&](int) { canceled = true; }); // the user cancels during the first wait
        QElapsedTimer t;
        t.start();
        if (Fault(fault) == Fault::Slow)
            QTimer::singleShot(200, [&] { canceled = true; });
        s->fetcher->setCancelCheck([&] { return canceled; });
        HttpFetcher::Response response;
        QVERIFY(!s->fetcher->fetch(get(s->server.url(QStringLiteral("/items/all"))), &response));
        QCOMPARE(int(s->fetcher->failure()), int(HttpFetcher::Failure::Canceled));
        QCOMPARE(s->fetcher->attempts(), 1);
        QVERIFY(t.elapsed() < 2500);
        QVERIFY2(s->fetcher->error().contains(QStringLiteral("canceled")), qPrintable(s->fetcher->error()));
    }

    void clientErrorsAreNotRetried()
    {
        auto s = makeSetup();
        QVERIFY(s);
        HttpFetcher::Response response;
        QVERIFY(!s->fetcher->fetch(get(s->server.url(QStringLiteral("/nothing"))), &response));
        QCOMPARE(s->fetcher->attempts(), 1);
        QCOMPARE(s->fetcher->lastStatus(), 404);
        QVERIFY2(s->fetcher->error().contains(QStringLiteral("HTTP 404")), qPrintable(s->fetcher->error()));
        QVERIFY2(s->fetcher->error().contains(QStringLiteral("no such endpoint")), qPrintable(s->fetcher->error()));
    }

    void tlsIsVerifiedBeforeTheRequest_data()
    {
        QTest::addColumn<bool>("trust");
        QTest::addColumn<int>("pin"); // 0 none, 1 the server's key, 2 another key
        QTest::addColumn<bool>("succeeds");
        QTest::addColumn<QString>("message");
        QTest::newRow("untrusted certificate") << false << 0 << false << QString();
        QTest::newRow("trusted through the CA bundle") << true << 0 << true << QString();
        QTest::newRow("pinned key matches") << true << 1 << true << QString();
        QTest::newRow("pinned key differs") << true << 2 << false << QString();
    }
    void tlsIsVerifiedBeforeTheRequest()
    {
        QFETCH(bool, trust);
        QFETCH(int, pin);
        QFETCH(bool, succeeds);
        QTemporaryDir dir;
        tb::test::TestCertificate cert, other;
        QString error;
        QVERIFY2(tb::test::makeSelfSignedCertificate(dir.path(), QStringLiteral("edc"), QStringLiteral("localhost"),
                                                     {QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1")}, &cert, &error),
                 qPrintable(error));
        QVERIFY2(tb::test::makeSelfSignedCertificate(dir.path(), QStringLiteral("other"), QStringLiteral("localhost"),
                                                     {QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1")}, &other, &error),
                 qPrintable(error));
        tb::test::LocalHttpsServer server;
        QVERIFY(server.start(tb::test::LocalHttpsServer::Mode::Tls, cert.certPath, cert.keyPath,
                             [](const tb::test::LocalHttpsServer::Request&) { return tb::test::LocalHttpsServer::Reply{200, "{\"data\":[]}", {}}; }));
        TlsSettings tls;
        if (trust)
            tls.caBundle = cert.certPath;
        if (pin)
            tls.publicKeyPin = TlsSettings::publicKeySha256(QSslCertificate::fromPath(pin == 1 ? cert.certPath : other.certPath).value(0));
        HttpFetcher::Policy policy;
        policy.connectTimeoutMs = 5000;
        HttpFetcher fetcher(tls, policy);
        fetcher.setSleeper([](int) {});
        HttpFetcher::Request r;
        r.url = QUrl(QStringLiteral("https://127.0.0.1:%1/items").arg(server.port()));
        r.headers = {{"Authorization", "Bearer tls-secret-123456"}};
        QJsonDocument doc;
        QCOMPARE(fetcher.fetchJson(r, &doc), succeeds);
        if (succeeds) {
            QCOMPARE(server.requests().size(), 1);
            QCOMPARE(server.requests().value(0).headers.value("authorization"), QByteArray("Bearer tls-secret-123456"));
            return;
        }
        QCOMPARE(int(fetcher.failure()), int(HttpFetcher::Failure::Tls));
        QCOMPARE(fetcher.attempts(), 1); // not retried
        QVERIFY2(server.requests().isEmpty(), "the request (with its credentials) left before the TLS checks");
        QVERIFY(!fetcher.error().contains(QStringLiteral("tls-secret-123456")));
    }

    void noSecretInAnyError_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<QString>("path");
        QTest::newRow("401") << int(Fault::None) << QStringLiteral("/items/all");
        QTest::newRow("echoed by the server") << int(Fault::None) << QStringLiteral("/items/echo");
        QTest::newRow("500 storm") << int(Fault::ServerError) << QStringLiteral("/items/all");
        QTest::newRow("drops") << int(Fault::DropMidBody) << QStringLiteral("/items/all");
        QTest::newRow("truncated") << int(Fault::TruncatedJson) << QStringLiteral("/items/all");
    }
    void noSecretInAnyError()
    {
        QFETCH(int, fault);
        QFETCH(QString, path);
        auto s = makeSetup();
        QVERIFY(s);
        const QByteArray secret = "s3cr3t-Token-77d1e0";
        s->server.setItemsCredential("X-API-Key", "the-right-key-000");
        s->server.setFaultForAll(Fault(fault));
        HttpFetcher::Request r = get(s->server.url(path));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("api_key"), QString::fromLatin1(secret));
        QUrl url = r.url;
        url.setQuery(q);
        url.setUserInfo(QStringLiteral("user:") + QString::fromLatin1(secret));
        r.url = url;
        r.headers = {{"X-API-Key", secret}, {"Authorization", "Bearer " + secret}};
        QJsonDocument doc;
        QVERIFY(!s->fetcher->fetchJson(r, &doc));
        QVERIFY(!s->fetcher->error().isEmpty());
        QVERIFY2(!s->fetcher->error().contains(QString::fromLatin1(secret)), qPrintable(s->fetcher->error()));
        if (path.endsWith(QLatin1String("echo")))
            QVERIFY2(s->fetcher->error().contains(QStringLiteral("bad key [redacted] / ")), qPrintable(s->fetcher->error()));
        QVERIFY2(s->fetcher->error().contains(QStringLiteral("127.0.0.1:%1").arg(s->server.port())), qPrintable(s->fetcher->error()));
        // ... and it did go out, in the header, to the server that asked for it.
        QCOMPARE(s->server.requests().value(0).headers.value("x-api-key"), secret);
    }
};

QTEST_GUILESS_MAIN(TestHttpFetcher)
#include "tst_httpfetcher.moc"
