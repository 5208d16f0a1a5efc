// Webhook verification without a network: every refusal path with its status, on a pinned clock — stale and
// future timestamps, the window's edges, duplicates, a wrong secret, one changed byte, malformed headers, the size
// limit — and messages that never show the secret or the expected signature.

#include "MockClock.h"
#include "TestSupport.h"

#include "util/Crypto.h"
#include "webhook/WebhookVerifier.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace tb::core;
using tb::test::MockClock;
using Outcome = WebhookVerifier::Outcome;
using Headers = WebhookVerifier::Headers;

Q_DECLARE_METATYPE(WebhookVerifier::Outcome)
Q_DECLARE_METATYPE(WebhookVerifier::Headers)

namespace {

const QByteArray Secret = "whsec-0123456789abcdef-TOPSECRET";
const QByteArray Body = R"({"event":"record.updated","record":"1001"})";
const QString Path = QStringLiteral("/hooks/demo");

// Options on a clock, remembering accepted deliveries in a file.
WebhookVerifier::Options withDeliveryFile(const tb::core::Clock* clock, const QString& file)
{
    WebhookVerifier::Options o;
    o.clock = clock;
    o.deliveryFile = file;
    return o;
}

Headers signedHeaders(qint64 timestamp, const QByteArray& body = Body, const QByteArray& secret = Secret)
{
    return {{"Content-Type", "application/json"},
            {"X-TrialBridge-Timestamp", QByteArray::number(timestamp)},
            {"X-TrialBridge-Signature", WebhookVerifier::sign(secret, timestamp, body)}};
}

} // namespace

class TestWebhookVerifier : public QObject
{
    Q_OBJECT

private slots:
    void knownAnswer();
    void verify_data();
    void verify();
    void windowEdges_data();
    void windowEdges();
    void duplicateIsRefusedInsideTheWindow();
    void replayCacheIsBounded();
    void clockChanges();
    void customLimits();
    void deliveriesSurviveARestart();
    void deliveryFileKeepsOnlyTheWindow();
    void brokenDeliveryLinesAreNamed();
    void unwritableDeliveryFileIsSaid();

private:
    MockClock m_clock;
    qint64 now() const { return m_clock.nowUtc().toSecsSinceEpoch(); }
};

void TestWebhookVerifier::knownAnswer()
{
    // RFC 4231 test case 2 (key "Jefe"), with the message split as "<timestamp>.<body>" would be.
    QCOMPARE(crypto::hmacSha256("Jefe", "what do ya want for nothing?").toHex(),
             QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    QCOMPARE(WebhookVerifier::sign("key", 1700000000, "{}"),
             "sha256=" + crypto::hmacSha256("key", "1700000000.{}").toHex());
}

void TestWebhookVerifier::verify_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("says");

    const qint64 t = m_clock.nowUtc().toSecsSinceEpoch();
    const Headers ok = signedHeaders(t);
    const auto without = [&](const char* name) {
        Headers h = ok;
        h.removeIf([&](const auto& p) { return p.first.compare(name, Qt::CaseInsensitive) == 0; });
        return h;
    };
    const auto with = [&](const char* name, const QByteArray& value) {
        Headers h = without(name);
        h.append({name, value});
        return h;
    };
    const QByteArray sig = WebhookVerifier::sign(Secret, t, Body);

    QTest::newRow("valid") << QByteArray("POST") << ok << Body << Secret << Outcome::Accepted << 202 << "accepted";
    QTest::newRow("header names in any case")
        << QByteArray("POST")
        << Headers{{"x-trialbridge-timestamp", QByteArray::number(t)}, {"X-TRIALBRIDGE-SIGNATURE", sig}} << Body
        << Secret << Outcome::Accepted << 202 << "accepted";
    QTest::newRow("upper-case hex") << QByteArray("POST") << with("X-TrialBridge-Signature", "sha256=" + sig.mid(7).toUpper())
                                    << Body << Secret << Outcome::Accepted << 202 << "accepted";
    QTest::newRow("empty body") << QByteArray("POST") << signedHeaders(t, QByteArray()) << QByteArray() << Secret
                                << Outcome::Accepted << 202 << "accepted";
    QTest::newRow("GET") << QByteArray("GET") << ok << Body << Secret << Outcome::MethodNotAllowed << 405 << "only POST";
    QTest::newRow("wrong secret") << QByteArray("POST") << signedHeaders(t, Body, "another-secret") << Body << Secret
                                  << Outcome::WrongSignature << 401 << "does not match";
    QByteArray changed = Body;
    changed[10] = changed[10] ^ 0x01;
    QTest::newRow("body changed by one byte") << QByteArray("POST") << ok << changed << Secret
                                              << Outcome::WrongSignature << 401 << "does not match";
    QTest::newRow("body with a byte more") << QByteArray("POST") << ok << Body + ' ' << Secret
                                           << Outcome::WrongSignature << 401 << "does not match";
    QTest::newRow("timestamp changed") << QByteArray("POST") << with("X-TrialBridge-Timestamp", QByteArray::number(t - 1))
                                       << Body << Secret << Outcome::WrongSignature << 401 << "does not match";
    QTest::newRow("signature of another body")
        << QByteArray("POST") << with("X-TrialBridge-Signature", WebhookVerifier::sign(Secret, t, "{}")) << Body
        << Secret << Outcome::WrongSignature << 401 << "does not match";
    QTest::newRow("stale") << QByteArray("POST") << signedHeaders(t - 301) << Body << Secret << Outcome::Stale << 401
                           << "301 s old";
    QTest::newRow("an hour old") << QByteArray("POST") << signedHeaders(t - 3600) << Body << Secret << Outcome::Stale
                                 << 401 << "older than 300 s";
    QTest::newRow("future") << QByteArray("POST") << signedHeaders(t + 301) << Body << Secret << Outcome::FromFuture
                            << 401 << "301 s ahead";
    QTest::newRow("epoch") << QByteArray("POST") << signedHeaders(0) << Body << Secret << Outcome::Stale << 401 << "old";
    QTest::newRow("no timestamp") << QByteArray("POST") << without("X-TrialBridge-Timestamp") << Body << Secret
                                  << Outcome::MissingTimestamp << 401 << "no X-TrialBridge-Timestamp";
    QTest::newRow("no signature") << QByteArray("POST") << without("X-TrialBridge-Signature") << Body << Secret
                                  << Outcome::MissingSignature << 401 << "no X-TrialBridge-Signature";
    QTest::newRow("no headers") << QByteArray("POST") << Headers{} << Body << Secret << Outcome::MissingTimestamp << 401
                                << "no X-TrialBridge-Timestamp";
    QTest::newRow("timestamp not digits") << QByteArray("POST") << with("X-TrialBridge-Timestamp", "17000000x0") << Body
                                          << Secret << Outcome::MalformedTimestamp << 400 << "Unix seconds";
    QTest::newRow("timestamp negative") << QByteArray("POST") << with("X-TrialBridge-Timestamp", "-5") << Body << Secret
                                        << Outcome::MalformedTimestamp << 400 << "Unix seconds";
    QTest::newRow("timestamp in milliseconds")
        << QByteArray("POST") << with("X-TrialBridge-Timestamp", QByteArray::number(t * 1000)) << Body << Secret
        << Outcome::MalformedTimestamp << 400 << "up to 12 digits";
    QTest::newRow("timestamp ISO") << QByteArray("POST") << with("X-TrialBridge-Timestamp", "2026-01-15T09:00:00Z")
                                   << Body << Secret << Outcome::MalformedTimestamp << 400 << "Unix seconds";
    QTest::newRow("timestamp empty") << QByteArray("POST") << with("X-TrialBridge-Timestamp", "") << Body << Secret
                                     << Outcome::MalformedTimestamp << 400 << "Unix seconds";
    Headers twoStamps = ok;
    twoStamps.append({"X-TrialBridge-Timestamp", QByteArray::number(t)});
    QTest::newRow("two timestamps") << QByteArray("POST") << twoStamps << Body << Secret
                                    << Outcome::MalformedTimestamp << 400 << "2 times";
    Headers twoSigs = ok;
    twoSigs.append({"X-TrialBridge-Signature", sig});
    QTest::newRow("two signature headers") << QByteArray("POST") << twoSigs << Body << Secret
                                           << Outcome::MalformedSignature << 400 << "several signatures";
    QTest::newRow("two signatures in one header")
        << QByteArray("POST") << with("X-TrialBridge-Signature", sig + "," + sig) << Body << Secret
        << Outcome::MalformedSignature << 400 << "several signatures";
    QTest::newRow("no sha256= prefix") << QByteArray("POST") << with("X-TrialBridge-Signature", sig.mid(7)) << Body
                                       << Secret << Outcome::MalformedSignature << 400 << "\"sha256=\"";
    QTest::newRow("sha1 prefix") << QByteArray("POST") << with("X-TrialBridge-Signature", "sha1=" + sig.mid(7)) << Body
                                 << Secret << Outcome::MalformedSignature << 400 << "\"sha256=\"";
    QTest::newRow("hex too short") << QByteArray("POST") << with("X-TrialBridge-Signature", sig.left(sig.size() - 2))
                                   << Body << Secret << Outcome::MalformedSignature << 400 << "64 hex digits";
    QTest::newRow("hex too long") << QByteArray("POST") << with("X-TrialBridge-Signature", sig + "00") << Body << Secret
                                  << Outcome::MalformedSignature << 400 << "64 hex digits";
    QTest::newRow("not hex") << QByteArray("POST")
                             << with("X-TrialBridge-Signature", "sha256=" + QByteArray(64, 'g')) << Body << Secret
                             << Outcome::MalformedSignature << 400 << "64 hex digits";
    QTest::newRow("base64 instead of hex")
        << QByteArray("POST")
        << with("X-TrialBridge-Signature", "sha256=" + QByteArray::fromHex(sig.mid(7)).toBase64()) << Body << Secret
        << Outcome::MalformedSignature << 400 << "64 hex digits";
    QTest::newRow("body above the limit") << QByteArray("POST") << signedHeaders(t, QByteArray(1024 * 1024 + 1, 'x'))
                                          << QByteArray(1024 * 1024 + 1, 'x') << Secret << Outcome::TooLarge << 413
                                          << "1048577 bytes exceeds the limit of 1048576";
    QTest::newRow("body at the limit") << QByteArray("POST") << signedHeaders(t, QByteArray(1024 * 1024, 'x'))
                                       << QByteArray(1024 * 1024, 'x') << Secret << Outcome::Accepted << 202
                                       << "accepted";
    QTest::newRow("too large before unsigned") << QByteArray("POST") << Headers{} << QByteArray(2 * 1024 * 1024, 'x')
                                               << Secret << Outcome::TooLarge << 413 << "exceeds the limit";
}

void TestWebhookVerifier::verify()
{
    QFETCH(QByteArray, method);
    QFETCH(Headers, headers);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, secret);
    QFETCH(Outcome, outcome);
    QFETCH(int, status);
    QFETCH(QString, says);

    WebhookVerifier::Options o;
    o.clock = &m_clock;
    WebhookVerifier v(o);
    const auto r = v.verify(method, Path, headers, body, secret);
    QVERIFY2(r.outcome == outcome, qPrintable(WebhookVerifier::outcomeName(r.outcome) + QStringLiteral(": ") + r.message));
    QCOMPARE(r.httpStatus, status);
    QCOMPARE(WebhookVerifier::httpStatus(r.outcome), status);
    QVERIFY2(r.message.startsWith(QString::fromLatin1(method) + QLatin1Char(' ') + Path + QStringLiteral(": ")),
             qPrintable(r.message));
    QVERIFY2(r.message.contains(says), qPrintable(r.message));
    // Never the secret, never what the signature should have been.
    QVERIFY(!r.message.contains(QString::fromLatin1(secret)));
    for (qint64 t : {now(), now() - 1, now() - 301, now() + 301}) {
        const QByteArray expected = WebhookVerifier::sign(secret, t, body).mid(7);
        QVERIFY(!r.message.contains(QString::fromLatin1(expected), Qt::CaseInsensitive));
    }
    QCOMPARE(v.replayCacheCount(), r.accepted() ? 1 : 0);
}

void TestWebhookVerifier::windowEdges_data()
{
    QTest::addColumn<qint64>("offset"); // timestamp - now
    QTest::addColumn<Outcome>("outcome");
    QTest::newRow("now") << qint64(0) << Outcome::Accepted;
    QTest::newRow("300 s old") << qint64(-300) << Outcome::Accepted;
    QTest::newRow("301 s old") << qint64(-301) << Outcome::Stale;
    QTest::newRow("300 s ahead") << qint64(300) << Outcome::Accepted;
    QTest::newRow("301 s ahead") << qint64(301) << Outcome::FromFuture;
}

void TestWebhookVerifier::windowEdges()
{
    QFETCH(qint64, offset);
    QFETCH(Outcome, outcome);
    WebhookVerifier::Options o;
    o.clock = &m_clock;
    WebhookVerifier v(o);
    const qint64 t = now() + offset;
    const auto r = v.verify("POST", Path, signedHeaders(t), Body, Secret);
    QVERIFY2(r.outcome == outcome, qPrintable(r.message));
}

void TestWebhookVerifier::duplicateIsRefusedInsideTheWindow()
{
    MockClock clock(m_clock.nowUtc());
    WebhookVerifier::Options o;
    o.clock = &clock;
    WebhookVerifier v(o);
    const qint64 t = now();
    QVERIFY(v.verify("POST", Path, signedHeaders(t), Body, Secret).accepted());
    // The same delivery again, also to another pipeline and with headers in another order: refused.
    auto r = v.verify("POST", Path, signedHeaders(t), Body, Secret);
    QCOMPARE(r.outcome, Outcome::Duplicate);
    QCOMPARE(r.httpStatus, 409);
    QVERIFY2(r.message.contains(QStringLiteral("accepted before")), qPrintable(r.message));
    Headers reversed = signedHeaders(t);
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(v.verify("POST", QStringLiteral("/hooks/other"), reversed, Body, Secret).outcome, Outcome::Duplicate);
    // A refused delivery does not enter the cache: a wrong signature first, then the right one is accepted.
    const QByteArray other = R"({"event":"record.created"})";
    QCOMPARE(v.verify("POST", Path, signedHeaders(t, other, "wrong"), other, Secret).outcome, Outcome::WrongSignature);
    QVERIFY(v.verify("POST", Path, signedHeaders(t, other), other, Secret).accepted());
    // Another body in the same second is another delivery.
    QCOMPARE(v.replayCacheCount(), 2);
    // Until the end of the window the repeat is a duplicate; after it, stale (never accepted again).
    clock.advance(300);
    QCOMPARE(v.verify("POST", Path, signedHeaders(t), Body, Secret).outcome, Outcome::Duplicate);
    clock.advance(1);
    QCOMPARE(v.verify("POST", Path, signedHeaders(t), Body, Secret).outcome, Outcome::Stale);
    // Expired entries are forgotten when the next delivery is accepted.
    QVERIFY(v.verify("POST", Path, signedHeaders(now() + 301), Body, Secret).accepted());
    QCOMPARE(v.replayCacheCount(), 1);
}

void TestWebhookVerifier::replayCacheIsBounded()
{
    WebhookVerifier::Options o;
    o.clock = &m_clock;
    o.replayCacheSize = 3;
    WebhookVerifier v(o);
    for (int i = 0; i < 5; ++i) {
        const QByteArray body = "{\"n\":" + QByteArray::number(i) + "}";
        QVERIFY(v.verify("POST", Path, signedHeaders(now() - 10 + i, body), body, Secret).accepted());
    }
    QCOMPARE(v.replayCacheCount(), 3);
    // The newest are remembered; the oldest left first.
    const QByteArray newest = "{\"n\":4}";
    QCOMPARE(v.verify("POST", Path, signedHeaders(now() - 6, newest), newest, Secret).outcome, Outcome::Duplicate);
    const QByteArray oldest = "{\"n\":0}";
    QCOMPARE(v.verify("POST", Path, signedHeaders(now() - 10, oldest), oldest, Secret).outcome, Outcome::Accepted);
}

void TestWebhookVerifier::clockChanges()
{
    // The server's clock jumps back an hour and forward again: a delivery accepted before is never accepted again.
    MockClock clock(m_clock.nowUtc());
    WebhookVerifier::Options o;
    o.clock = &clock;
    WebhookVerifier v(o);
    const qint64 t = now();
    QVERIFY(v.verify("POST", Path, signedHeaders(t), Body, Secret).accepted());
    clock.advance(-3600);
    QCOMPARE(v.verify("POST", Path, signedHeaders(t), Body, Secret).outcome, Outcome::FromFuture);
    // Deliveries signed by the sender's (right) clock are refused while this clock is wrong, and the message says so.
    const auto r = v.verify("POST", Path, signedHeaders(t + 5), Body, Secret);
    QCOMPARE(r.outcome, Outcome::FromFuture);
    QVERIFY2(r.message.contains(QStringLiteral("check both clocks")), qPrintable(r.message));
    clock.advance(3600);
    QCOMPARE(v.verify("POST", Path, signedHeaders(t), Body, Secret).outcome, Outcome::Duplicate);
    clock.advance(3600);
    QCOMPARE(v.verify("POST", Path, signedHeaders(t), Body, Secret).outcome, Outcome::Stale);
}

void TestWebhookVerifier::customLimits()
{
    WebhookVerifier::Options o;
    o.clock = &m_clock;
    o.windowSeconds = 30;
    o.maxBodyBytes = 16;
    WebhookVerifier v(o);
    QCOMPARE(v.verify("POST", Path, signedHeaders(now() - 31, "{}"), "{}", Secret).outcome, Outcome::Stale);
    QCOMPARE(v.verify("POST", Path, signedHeaders(now() - 30, "0123456789abcdef"), "0123456789abcdef", Secret).outcome,
             Outcome::Accepted);
    const auto r = v.verify("POST", Path, signedHeaders(now(), "0123456789abcdefX"), "0123456789abcdefX", Secret);
    QCOMPARE(r.outcome, Outcome::TooLarge);
    QVERIFY2(r.message.contains(QStringLiteral("17 bytes exceeds the limit of 16")), qPrintable(r.message));
}

void TestWebhookVerifier::deliveriesSurviveARestart()
{
    QTemporaryDir dir;
    MockClock clock(m_clock.nowUtc());
    WebhookVerifier::Options o = withDeliveryFile(&clock, dir.filePath(QStringLiteral("deliveries")));
    const qint64 t = now();
    const QByteArray other = R"({"event":"record.created"})";
    {
        WebhookVerifier v(o);
        QString error;
        QVERIFY2(v.openDeliveryFile(&error), qPrintable(error));
        QVERIFY(v.verify("POST", Path, signedHeaders(t), Body, Secret).accepted());
        QVERIFY(v.verify("POST", Path, signedHeaders(t + 1, other), other, Secret).accepted());
        QVERIFY(v.deliveryFileError().isEmpty());
        // Written when accepted, not when the verifier goes.
        QCOMPARE(tb::test::readFile(o.deliveryFile).count('\n'), 2);
    }
    // A restart 100 s later: both are still replays.
    clock.advance(100);
    WebhookVerifier v(o);
    QString error;
    QVERIFY2(v.openDeliveryFile(&error), qPrintable(error));
    QCOMPARE(v.replayCacheCount(), 2);
    QCOMPARE(v.verify("POST", Path, signedHeaders(t), Body, Secret).outcome, Outcome::Duplicate);
    QCOMPARE(v.verify("POST", Path, signedHeaders(t + 1, other), other, Secret).outcome, Outcome::Duplicate);
    QVERIFY(v.verify("POST", Path, signedHeaders(t + 2), Body, Secret).accepted());
    // The file holds only HMACs and timestamps: never the secret or a body.
    const QByteArray file = tb::test::readFile(o.deliveryFile);
    QVERIFY(!file.contains(Secret) && !file.contains("record"));
    QVERIFY(file.contains(QByteArray::number(t) + ' ' + tb::core::crypto::hmacSha256(Secret, QByteArray::number(t) + '.' + Body).toHex()));
}

void TestWebhookVerifier::deliveryFileKeepsOnlyTheWindow()
{
    QTemporaryDir dir;
    MockClock clock(m_clock.nowUtc());
    WebhookVerifier::Options o = withDeliveryFile(&clock, dir.filePath(QStringLiteral("deliveries")));
    o.replayCacheSize = 3;
    QString error;
    {
        WebhookVerifier v(o);
        QVERIFY(v.openDeliveryFile(&error));
        // Twenty deliveries: the file is rewritten as it grows, so it never holds much more than the cache.
        for (int i = 0; i < 20; ++i) {
            QVERIFY(v.verify("POST", Path, signedHeaders(now() + i % 5, QByteArray::number(i)), QByteArray::number(i),
                             Secret)
                        .accepted());
            QVERIFY(tb::test::readFile(o.deliveryFile).count('\n') <= 3 * o.replayCacheSize);
        }
    }
    // After the window, a restart keeps nothing and says nothing.
    clock.advance(o.windowSeconds + 10);
    WebhookVerifier v(o);
    QVERIFY2(v.openDeliveryFile(&error), qPrintable(error));
    QCOMPARE(v.replayCacheCount(), 0);
    QCOMPARE(tb::test::readFile(o.deliveryFile), QByteArray());
}

void TestWebhookVerifier::brokenDeliveryLinesAreNamed()
{
    QTemporaryDir dir;
    MockClock clock(m_clock.nowUtc());
    WebhookVerifier::Options o = withDeliveryFile(&clock, dir.filePath(QStringLiteral("deliveries")));
    const qint64 t = now();
    const QByteArray good = QByteArray::number(t) + ' '
        + tb::core::crypto::hmacSha256(Secret, QByteArray::number(t) + '.' + Body).toHex() + '\n';
    tb::test::writeFile(dir.path(), QStringLiteral("deliveries"),
                        "garbage\n" + good + QByteArray::number(t) + " abc\n" + "12 " + QByteArray(64, 'z') + "\n");
    WebhookVerifier v(o);
    QString error;
    QVERIFY(!v.openDeliveryFile(&error));
    QCOMPARE(error, QStringLiteral("%1:1: not \"TIMESTAMP HMAC\"; the line is dropped\n"
                                   "%1:3: not \"TIMESTAMP HMAC\"; the line is dropped\n"
                                   "%1:4: not \"TIMESTAMP HMAC\"; the line is dropped")
                        .arg(o.deliveryFile));
    // The good line is kept, the file rewritten with it alone.
    QCOMPARE(v.verify("POST", Path, signedHeaders(t), Body, Secret).outcome, Outcome::Duplicate);
    QCOMPARE(tb::test::readFile(o.deliveryFile), good);
}

void TestWebhookVerifier::unwritableDeliveryFileIsSaid()
{
    MockClock clock(m_clock.nowUtc());
    const WebhookVerifier::Options o = withDeliveryFile(&clock, QStringLiteral("/nonexistent-folder/deliveries"));
    WebhookVerifier v(o);
    QString error;
    QVERIFY(!v.openDeliveryFile(&error));
    QVERIFY2(error.startsWith(QStringLiteral("/nonexistent-folder/deliveries: cannot write")), qPrintable(error));
    QVERIFY2(error.endsWith(QStringLiteral("; accepted deliveries are remembered in memory only")), qPrintable(error));
    // Still verifies, and still refuses a replay while it runs.
    QVERIFY(v.verify("POST", Path, signedHeaders(now()), Body, Secret).accepted());
    QCOMPARE(v.verify("POST", Path, signedHeaders(now()), Body, Secret).outcome, Outcome::Duplicate);
}

QTEST_GUILESS_MAIN(TestWebhookVerifier)
#include "tst_webhookverifier.moc"
