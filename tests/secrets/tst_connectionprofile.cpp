// Connection profiles: every kind validates with its fields, names the secrets it needs, and refuses
// what would weaken security (secrets in the file, plain http, TLS switched off, no SSH host key).

#include "connection/ConnectionProfile.h"

#include <QJsonDocument>
#include <QtTest>

using tb::core::ConnectionProfile;

namespace {

QByteArray json(const char* text)
{
    return QByteArray(text);
}

const char* HostKey = "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU";

} // namespace

class TestConnectionProfile : public QObject
{
    Q_OBJECT

private slots:
    void validProfiles_data();
    void validProfiles();
    void invalidProfiles_data();
    void invalidProfiles();
    void roundTripsThroughJson();
    void pinsAcceptHexAndBase64();
};

void TestConnectionProfile::validProfiles_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("secrets");
    QTest::addColumn<QString>("target");
    QTest::newRow("edc-rest bearer")
        << json(R"({"format":"trialbridge.connection/1","kind":"edc-rest","url":"https://edc.example.org/api/v2/","auth":{"method":"bearer"},"test":{"path":"studies"}})")
        << "edc-rest" << QStringList{QStringLiteral("conn/token")} << "https://edc.example.org/api/v2/";
    QTest::newRow("redcap")
        << json(R"({"format":"trialbridge.connection/1","kind":"redcap","url":"https://redcap.example.org/api/","tls":{"caBundle":"certs/ca.pem"}})")
        << "redcap" << QStringList{QStringLiteral("conn/token")} << "https://redcap.example.org/api/";
    QTest::newRow("sftp key")
        << json(QStringLiteral(R"({"format":"trialbridge.connection/1","kind":"sftp","host":"sftp.example.org","username":"drop","path":"/outgoing","hostKey":"%1","auth":{"method":"key"}})").arg(QLatin1String(HostKey)).toUtf8().constData())
        << "sftp" << QStringList{QStringLiteral("conn/private_key")} << "sftp.example.org:22";
    QTest::newRow("sftp password")
        << json(QStringLiteral(R"({"format":"trialbridge.connection/1","kind":"sftp","host":"sftp.example.org","port":2222,"username":"drop","hostKey":"%1"})").arg(QLatin1String(HostKey)).toUtf8().constData())
        << "sftp" << QStringList{QStringLiteral("conn/password")} << "sftp.example.org:2222";
    QTest::newRow("postgresql")
        << json(R"({"format":"trialbridge.connection/1","kind":"postgresql","host":"db.example.org","database":"ctms","username":"tb"})")
        << "postgresql" << QStringList{QStringLiteral("conn/password")} << "db.example.org:5432";
    QTest::newRow("postgresql socket without tls")
        << json(R"({"format":"trialbridge.connection/1","kind":"postgresql","host":"/run/postgresql","database":"ctms","username":"tb","tls":{"mode":"disable"}})")
        << "postgresql" << QStringList{QStringLiteral("conn/password")} << "/run/postgresql (socket, port 5432)";
    QTest::newRow("erp basic")
        << json(R"({"format":"trialbridge.connection/1","kind":"erp","url":"https://erp.example.org/","auth":{"method":"basic","username":"svc"}})")
        << "erp" << QStringList{QStringLiteral("conn/password")} << "https://erp.example.org/";
    QTest::newRow("webhook")
        << json(R"({"format":"trialbridge.connection/1","kind":"webhook","url":"https://hooks.example.org/tb","timeoutSeconds":5})")
        << "webhook" << QStringList{QStringLiteral("conn/signing_secret")} << "https://hooks.example.org/tb";
    QTest::newRow("bi api key header")
        << json(R"({"format":"trialbridge.connection/1","kind":"bi","url":"https://bi.example.org/feed","auth":{"method":"header","header":"X-API-Key"}})")
        << "bi" << QStringList{QStringLiteral("conn/token")} << "https://bi.example.org/feed";
    QTest::newRow("bi without auth on loopback http")
        << json(R"({"format":"trialbridge.connection/1","kind":"bi","url":"http://127.0.0.1:8080/feed","auth":{"method":"none"}})")
        << "bi" << QStringList{} << "http://127.0.0.1:8080/feed";
}

void TestConnectionProfile::validProfiles()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, kind);
    QFETCH(QStringList, secrets);
    QFETCH(QString, target);
    ConnectionProfile p;
    QStringList errors;
    QVERIFY2(ConnectionProfile::fromJson(document, QStringLiteral("/ws/conn.connection.json"), &p, &errors),
             qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(p.name, QStringLiteral("conn"));
    QCOMPARE(ConnectionProfile::kindName(p.kind), kind);
    QCOMPARE(p.secretNames(), secrets);
    QCOMPARE(p.target(), target);
}

void TestConnectionProfile::invalidProfiles_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("error"); // a phrase the message must contain
    QTest::newRow("not json") << json("{") << "not a JSON object";
    QTest::newRow("format") << json(R"({"kind":"redcap","url":"https://r.org/api/"})") << "format: must be";
    QTest::newRow("kind") << json(R"({"format":"trialbridge.connection/1","kind":"ftp"})") << "kind: \"ftp\" is not a connection kind";
    QTest::newRow("password in the file")
        << json(R"({"format":"trialbridge.connection/1","kind":"postgresql","host":"h","database":"d","username":"u","password":"x"})")
        << "password: secrets never go into connection files";
    QTest::newRow("token in auth")
        << json(R"({"format":"trialbridge.connection/1","kind":"edc-rest","url":"https://e.org/","auth":{"method":"bearer","token":"x"}})")
        << "auth.token: secrets never go into connection files";
    QTest::newRow("credentials in the url")
        << json(R"({"format":"trialbridge.connection/1","kind":"erp","url":"https://u:p@e.org/","auth":{"method":"none"}})")
        << "url: must not contain a user name or password";
    QTest::newRow("token in the query")
        << json(R"({"format":"trialbridge.connection/1","kind":"bi","url":"https://e.org/?token=x","auth":{"method":"none"}})")
        << "looks like a credential";
    QTest::newRow("plain http to a remote host")
        << json(R"({"format":"trialbridge.connection/1","kind":"redcap","url":"http://redcap.example.org/api/"})")
        << "plain http:// would send credentials unencrypted";
    QTest::newRow("verification off")
        << json(R"({"format":"trialbridge.connection/1","kind":"redcap","url":"https://r.org/api/","tls":{"verify":false}})")
        << "certificate verification cannot be turned off";
    QTest::newRow("bad pin")
        << json(R"({"format":"trialbridge.connection/1","kind":"redcap","url":"https://r.org/api/","tls":{"pin":{"publicKeySha256":"abc"}}})")
        << "tls.pin.publicKeySha256: must be a SHA-256 digest";
    QTest::newRow("sftp without host key")
        << json(R"({"format":"trialbridge.connection/1","kind":"sftp","host":"h","username":"u"})")
        << "hostKey: is required";
    QTest::newRow("postgresql tls off over the network")
        << json(R"({"format":"trialbridge.connection/1","kind":"postgresql","host":"db.example.org","database":"d","username":"u","tls":{"mode":"disable"}})")
        << "\"disable\" is allowed only for a Unix socket or a loopback host";
    QTest::newRow("postgresql pin")
        << json(R"({"format":"trialbridge.connection/1","kind":"postgresql","host":"h","database":"d","username":"u","tls":{"pin":{"publicKeySha256":"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="}}})")
        << "PostgreSQL connections cannot pin";
    QTest::newRow("port") << json(R"({"format":"trialbridge.connection/1","kind":"postgresql","host":"h","port":70000,"database":"d","username":"u"})")
                          << "port: must be a whole number";
    QTest::newRow("unknown field") << json(R"({"format":"trialbridge.connection/1","kind":"webhook","url":"https://h.org/","retries":3})")
                                   << "retries: unknown field";
    QTest::newRow("auth method") << json(R"({"format":"trialbridge.connection/1","kind":"erp","url":"https://e.org/","auth":{"method":"ntlm"}})")
                                 << "auth.method: \"ntlm\" is not one of";
    QTest::newRow("basic without user") << json(R"({"format":"trialbridge.connection/1","kind":"erp","url":"https://e.org/","auth":{"method":"basic"}})")
                                        << "auth.username";
    QTest::newRow("name differs") << json(R"({"format":"trialbridge.connection/1","kind":"webhook","name":"other","url":"https://h.org/"})")
                                  << "differs from the file's name";
}

void TestConnectionProfile::invalidProfiles()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, error);
    ConnectionProfile p;
    QStringList errors;
    QVERIFY(!ConnectionProfile::fromJson(document, QStringLiteral("/ws/conn.connection.json"), &p, &errors));
    const QString all = errors.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(error), qPrintable(all));
    QVERIFY2(all.startsWith(QLatin1String("conn.connection.json: ")), qPrintable(all)); // names the file
}

void TestConnectionProfile::roundTripsThroughJson()
{
    const QByteArray doc = json(R"({"format":"trialbridge.connection/1","kind":"edc-rest","url":"https://edc.example.org/api/",
        "auth":{"method":"header","header":"X-API-Key"},"test":{"path":"ping"},
        "tls":{"caBundle":"certs/ca.pem","pin":{"publicKeySha256":"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="}}})");
    ConnectionProfile a, b;
    QStringList errors;
    QVERIFY(ConnectionProfile::fromJson(doc, QStringLiteral("/ws/edc.connection.json"), &a, &errors));
    QVERIFY(ConnectionProfile::fromJson(QJsonDocument(a.toJson()).toJson(), QStringLiteral("/ws/edc.connection.json"), &b, &errors));
    QCOMPARE(b.toJson(), a.toJson());
    QCOMPARE(b.tls.caBundle, QStringLiteral("/ws/certs/ca.pem"));
    QCOMPARE(b.tls.publicKeyPin, a.tls.publicKeyPin);
    QCOMPARE(b.headerName, QStringLiteral("X-API-Key"));
}

void TestConnectionProfile::pinsAcceptHexAndBase64()
{
    const QByteArray digest = QByteArray::fromHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QCOMPARE(tb::core::TlsSettings::parsePin(QString::fromLatin1(digest.toBase64())), digest);
    QCOMPARE(tb::core::TlsSettings::parsePin(QStringLiteral("sha256//") + QString::fromLatin1(digest.toBase64())), digest);
    QCOMPARE(tb::core::TlsSettings::parsePin(QString::fromLatin1(digest.toHex(':').toUpper())), digest);
    QCOMPARE(tb::core::TlsSettings::parsePin(QString::fromLatin1(digest.toHex())), digest);
    QVERIFY(tb::core::TlsSettings::parsePin(QStringLiteral("00ff")).isEmpty());
}

QTEST_GUILESS_MAIN(TestConnectionProfile)
#include "tst_connectionprofile.moc"
