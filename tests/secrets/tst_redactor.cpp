// Redactor: known secret values (and their encodings) and credential syntax never survive into text.

#include "util/Redactor.h"

#include <QtTest>

using tb::core::Redactor;

class TestRedactor : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_redactor.clear(); }
    void masksRegisteredValues_data();
    void masksRegisteredValues();
    void masksCredentialHeaders_data();
    void masksCredentialHeaders();
    void redactsUrls_data();
    void redactsUrls();
    void ignoresTooShortValues();
    void redactingTwiceChangesNothingMore();
    void messageHandlerRedactsLogLines();

private:
    Redactor m_redactor;
};

void TestRedactor::masksRegisteredValues_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QString>("text");
    const QByteArray s = "s3cr3t-t0ken/+=&x";
    QTest::newRow("raw") << s << QStringLiteral("token is s3cr3t-t0ken/+=&x, ok");
    QTest::newRow("percent-encoded") << s << QStringLiteral("GET /api?token=") + QString::fromLatin1(s.toPercentEncoding());
    QTest::newRow("base64") << s << QStringLiteral("key file: ") + QString::fromLatin1(s.toBase64());
    QTest::newRow("base64url") << s
                               << QString::fromLatin1(s.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    QTest::newRow("twice") << s << QStringLiteral("a s3cr3t-t0ken/+=&x b s3cr3t-t0ken/+=&x");
    QTest::newRow("utf-8") << QByteArray("pässwörd-ü") << QStringLiteral("password pässwörd-ü rejected");
}

void TestRedactor::masksRegisteredValues()
{
    QFETCH(QByteArray, secret);
    QFETCH(QString, text);
    m_redactor.addSecret(secret);
    const QString out = m_redactor.redact(text);
    QVERIFY2(!out.toUtf8().contains(secret), qPrintable(out));
    QVERIFY2(!out.toUtf8().contains(secret.toBase64()), qPrintable(out));
    QVERIFY2(!out.toUtf8().contains(secret.toPercentEncoding()), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String(Redactor::Mask)), qPrintable(out));
}

void TestRedactor::masksCredentialHeaders_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mustVanish");
    QTest::newRow("bearer") << QStringLiteral("Authorization: Bearer abc.def.ghi") << QStringLiteral("abc.def.ghi");
    QTest::newRow("basic lower case") << QStringLiteral("authorization: Basic dXNlcjpwdw==") << QStringLiteral("dXNlcjpwdw==");
    QTest::newRow("in a message") << QStringLiteral("server echoed Authorization: Bearer zzz-unknown-token and failed")
                                  << QStringLiteral("zzz-unknown-token");
    QTest::newRow("api key header") << QStringLiteral("X-API-Key: k-123456789") << QStringLiteral("k-123456789");
    QTest::newRow("cookie") << QStringLiteral("Set-Cookie: session=abcdef; HttpOnly") << QStringLiteral("session=abcdef");
    QTest::newRow("proxy") << QStringLiteral("Proxy-Authorization: Basic Zm9vOmJhcg==") << QStringLiteral("Zm9vOmJhcg==");
    QTest::newRow("signature") << QStringLiteral("X-TrialBridge-Signature: sha256=00ff") << QStringLiteral("sha256=00ff");
    QTest::newRow("multi-line") << QStringLiteral("GET / HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t-1\r\nAccept: */*\r\n")
                                << QStringLiteral("t-1");
}

void TestRedactor::masksCredentialHeaders()
{
    QFETCH(QString, text);
    QFETCH(QString, mustVanish);
    const QString out = m_redactor.redact(text);
    QVERIFY2(!out.contains(mustVanish), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String(Redactor::Mask)), qPrintable(out));
}

void TestRedactor::redactsUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("user info") << QStringLiteral("https://user:pw@edc.example.org/api") << QStringLiteral("https://edc.example.org/api");
    QTest::newRow("token parameter") << QStringLiteral("https://x.org/a?study=1&token=abc") << QStringLiteral("https://x.org/a?study=1&token=[redacted]");
    QTest::newRow("api_key parameter") << QStringLiteral("https://x.org/a?api_key=abc") << QStringLiteral("https://x.org/a?api_key=[redacted]");
    QTest::newRow("harmless") << QStringLiteral("https://x.org/a?page=2") << QStringLiteral("https://x.org/a?page=2");
}

void TestRedactor::redactsUrls()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QCOMPARE(Redactor::redactUrl(QUrl(url)), expected);
}

void TestRedactor::ignoresTooShortValues()
{
    m_redactor.addSecret("abc");
    QCOMPARE(m_redactor.secretCount(), 0);
    QCOMPARE(m_redactor.redact(QStringLiteral("abc abc")), QStringLiteral("abc abc"));
}

void TestRedactor::redactingTwiceChangesNothingMore()
{
    // Messages are redacted where they are made and again where they are shown: the second pass must
    // keep what was written after the first mask (here, a closing quote).
    const QString once = m_redactor.redact(QStringLiteral("Authorization: Bearer t-123456"));
    QCOMPARE(once, QStringLiteral("Authorization: [redacted]"));
    const QString quoted = QStringLiteral("The server said: \"") + once + QStringLiteral("\" (HTTP 401)");
    QCOMPARE(m_redactor.redact(quoted), quoted);
}

void TestRedactor::messageHandlerRedactsLogLines()
{
    static QStringList captured;
    captured.clear();
    const QtMessageHandler previous = qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString& m) {
        captured << m;
    });
    Redactor::global().addSecret("logged-secret-value-42");
    Redactor::installMessageHandler(); // wraps the capturing handler
    qWarning("connecting with logged-secret-value-42 and Authorization: Bearer other-token-99");
    qInstallMessageHandler(previous);
    QCOMPARE(captured.size(), 1);
    QVERIFY2(!captured.first().contains(QLatin1String("logged-secret-value-42")), qPrintable(captured.first()));
    QVERIFY2(!captured.first().contains(QLatin1String("other-token-99")), qPrintable(captured.first()));
    Redactor::global().clear();
}

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
