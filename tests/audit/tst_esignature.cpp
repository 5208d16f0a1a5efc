// Electronic signatures: the manifest a signature binds (byte for byte, every field), users' keys sealed with
// their passphrase, and through trialbridge-cli the whole path — user create and list, sign (user id and
// passphrase asked every time), the signature stored with its audit entry and a signed checkpoint, signatures
// listed and checked, and every refusal: wrong passphrase, unknown user, reused id, weak passphrase, changed
// records, another key.

#include "AuditTestSupport.h"
#include "TestSupport.h"

#include "audit/AuditSigner.h"
#include "esign/ElectronicSignature.h"
#include "esign/UserKey.h"
#include "load/CtmsDatabase.h"
#include "util/Crypto.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb::core;
using tb::test::runCli;

namespace {

ElectronicSignature sample()
{
    ElectronicSignature s;
    s.signedUtc = QStringLiteral("2026-12-01T10:00:00.000Z");
    s.signerId = QStringLiteral("jdoe");
    s.printedName = QStringLiteral("Jane Doe");
    s.role = QStringLiteral("qa");
    s.meaning = ElectronicSignature::Meaning::Approved;
    s.comment = QStringLiteral("ok");
    s.subject = QStringLiteral("v.mapping.json");
    s.contentHash = QByteArray(32, '\x11');
    return s;
}

const QByteArray kPassphrase = "correct horse battery";

} // namespace

class TestESignature : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void manifestIsExact();
    void everyFieldIsBound_data();
    void everyFieldIsBound();
    void sealedKeyOpensOnlyWithThePassphrase();
    void createAndListUsers();
    void userCreateRefusals_data();
    void userCreateRefusals();
    void signStoresSignatureAuditEntryAndCheckpoint();
    void signRefusals_data();
    void signRefusals();
    void mappingsAreSignedByContent();
    void changedSignaturesAreFound();
    void userDocumentHoldsNoSecret();

private:
    qint64 scalar(const QString& sql);
    tb::test::ProcessResult sign(const QByteArray& input, const QString& file, const QString& meaning = QStringLiteral("approved"));

    QTemporaryDir m_tmp;
    QString m_ws;
    QString m_db;
};

qint64 TestESignature::scalar(const QString& sql)
{
    return tb::test::scalar(m_db, sql); // stops the test when the query fails
}

tb::test::ProcessResult TestESignature::sign(const QByteArray& input, const QString& file, const QString& meaning)
{
    return runCli({QStringLiteral("sign"), file, QStringLiteral("--target"), m_db, QStringLiteral("--meaning"), meaning,
                   QStringLiteral("--comment"), QStringLiteral("checked against the protocol"), QStringLiteral("--workspace"), m_ws},
                  {}, input);
}

void TestESignature::initTestCase()
{
    tb::test::useTestVault(m_tmp.filePath(QStringLiteral("secrets")));
    m_ws = m_tmp.filePath(QStringLiteral("ws"));
    auto r = runCli({QStringLiteral("demo"), QStringLiteral("--out"), m_ws, QStringLiteral("--subjects"), QStringLiteral("20")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = runCli({QStringLiteral("run"), m_ws + QStringLiteral("/demo.pipeline.json")});
    QVERIFY2(r.exitCode == 0 || r.exitCode == 3, r.err.constData());
    m_db = m_ws + QStringLiteral("/ctms.db");
    r = runCli({QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("jdoe"), QStringLiteral("--name"), QStringLiteral("Jane Doe"),
                QStringLiteral("--role"), QStringLiteral("qa"), QStringLiteral("--workspace"), m_ws},
               {}, kPassphrase + "\n");
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void TestESignature::manifestIsExact()
{
    ElectronicSignature s = sample();
    s.publicKey = QByteArray(32, '\x22');
    QByteArray expected("TBES1");
    for (const char* text : {"2026-12-01T10:00:00.000Z", "jdoe", "Jane Doe", "qa", "approved", "ok", "v.mapping.json"}) {
        const QByteArray t(text);
        expected += QByteArray(3, '\0') + char(t.size()) + t;
    }
    expected += QByteArray(32, '\x11') + QByteArray(32, '\x22');
    QCOMPARE(s.manifest(), expected);
}

void TestESignature::everyFieldIsBound_data()
{
    QTest::addColumn<int>("field");
    const char* names[] = {"signed_utc", "signer_id", "printed_name", "role", "meaning", "comment", "subject", "content_hash", "public_key"};
    for (int i = 0; i < 9; ++i)
        QTest::newRow(names[i]) << i;
}

void TestESignature::everyFieldIsBound()
{
    QFETCH(int, field);
    const auto key = AuditSigner::fromSeed(AuditSigner::newSeed());
    ElectronicSignature s = sample();
    s.signWith(*key);
    QVERIFY(s.verify());
    switch (field) {
    case 0: s.signedUtc += QLatin1Char('1'); break;
    case 1: s.signerId = QStringLiteral("jdoe2"); break;
    case 2: s.printedName = QStringLiteral("Jane Doe "); break;
    case 3: s.role = QStringLiteral("analyst"); break;
    case 4: s.meaning = ElectronicSignature::Meaning::Rejected; break;
    case 5: s.comment = QString(); break;
    case 6: s.subject = QStringLiteral("w.mapping.json"); break;
    case 7: s.contentHash[31] = '\x12'; break;
    case 8: s.publicKey = AuditSigner::fromSeed(AuditSigner::newSeed())->publicKey(); break;
    }
    QVERIFY(!s.verify());
}

void TestESignature::sealedKeyOpensOnlyWithThePassphrase()
{
    QByteArray seed = AuditSigner::newSeed();
    const auto original = AuditSigner::fromSeed(seed);
    const QByteArray sealed = UserKey::seal(seed, kPassphrase, UserKey::Limits::minimal());
    QVERIFY(!sealed.isEmpty());
    QVERIFY(!sealed.contains(seed)); // the seed is not in the clear
    QString error;
    const auto opened = UserKey::unseal(sealed, kPassphrase, &error);
    QVERIFY2(opened, qPrintable(error));
    QCOMPARE(opened->publicKey(), original->publicKey());
    QVERIFY(!UserKey::unseal(sealed, "correct horse batterY", &error));
    QCOMPARE(error, QStringLiteral("wrong passphrase (or a damaged key)"));
    QByteArray damaged = sealed;
    damaged[30] = char(damaged[30] ^ 1); // the salt: the key derived differs
    QVERIFY(!UserKey::unseal(damaged, kPassphrase, &error));
    QVERIFY(!UserKey::unseal(sealed.left(sealed.size() - 1), kPassphrase, &error));
    QVERIFY(error.contains(QStringLiteral("damaged")));
    QByteArray huge = sealed;
    huge[13] = '\x7f'; // memory limit far out of range
    QVERIFY(!UserKey::unseal(huge, kPassphrase, &error));
    QVERIFY(error.contains(QStringLiteral("limits out of range")));
    // Two seals of one seed differ (fresh salt and nonce).
    QVERIFY(UserKey::seal(seed, kPassphrase, UserKey::Limits::minimal()) != sealed);
    crypto::wipe(seed);
}

void TestESignature::createAndListUsers()
{
    const auto r = runCli({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--workspace"), m_ws});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray users = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(users.size(), 1);
    const QJsonObject u = users[0].toObject();
    QCOMPARE(u.value(QStringLiteral("id")).toString(), QStringLiteral("jdoe"));
    QCOMPARE(u.value(QStringLiteral("printed_name")).toString(), QStringLiteral("Jane Doe"));
    QCOMPARE(u.value(QStringLiteral("role")).toString(), QStringLiteral("qa"));
    QCOMPARE(u.value(QStringLiteral("key_id")).toString().size(), 16);
}

void TestESignature::userCreateRefusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    auto create = [](const QString& id, const QString& role) {
        return QStringList{QStringLiteral("user"), QStringLiteral("create"), id, QStringLiteral("--name"), QStringLiteral("Someone"),
                           QStringLiteral("--role"), role};
    };
    QTest::newRow("reused id") << create(QStringLiteral("jdoe"), QStringLiteral("analyst")) << QByteArray("another passphrase\n") << 1
                               << "the user 'jdoe' exists; ids are never reused";
    QTest::newRow("unknown role") << create(QStringLiteral("amy"), QStringLiteral("admin")) << QByteArray("another passphrase\n") << 2
                                  << "'admin' is not a role (analyst, study_manager, qa)";
    QTest::newRow("bad id") << create(QStringLiteral("../amy"), QStringLiteral("qa")) << QByteArray("another passphrase\n") << 2
                            << "user id '../amy': 1 to 64 letters";
    QTest::newRow("short passphrase") << create(QStringLiteral("amy"), QStringLiteral("qa")) << QByteArray("short\n") << 1
                                      << "the passphrase must have at least 10 characters";
    QTest::newRow("no name") << QStringList{QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("amy"), QStringLiteral("--role"),
                                            QStringLiteral("qa")}
                             << QByteArray("another passphrase\n") << 2 << "give ID, --name and --role";
}

void TestESignature::userCreateRefusals()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const auto r = runCli(args + QStringList{QStringLiteral("--workspace"), m_ws}, {}, input);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY(!QFileInfo::exists(m_ws + QStringLiteral("/amy.user.json")));
}

void TestESignature::signStoresSignatureAuditEntryAndCheckpoint()
{
    const qint64 entriesBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    const auto r = sign("jdoe\n" + kPassphrase + "\n", m_ws + QStringLiteral("/visits.mapping.json"));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("approved by Jane Doe (jdoe, qa)"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM esignature WHERE signer_id = 'jdoe' AND meaning = 'approved' "
                                   "AND printed_name = 'Jane Doe' AND comment = 'checked against the protocol'")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")), entriesBefore + 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'esignature' AND action = 'insert' AND "
                                   "reason = 'electronic signature: approved by Jane Doe (jdoe)' AND after_json LIKE '%\"meaning\":\"approved\"%'")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT reason = 'signature' AND last_seq = (SELECT MAX(seq) FROM audit_log) FROM audit_checkpoint "
                                   "ORDER BY checkpoint_id DESC LIMIT 1")), 1);
    const auto list = runCli({QStringLiteral("signatures"), QStringLiteral("--target"), m_db, QStringLiteral("--workspace"), m_ws, QStringLiteral("--json")});
    QVERIFY2(list.exitCode == 0, list.out.constData());
    const QJsonArray sigs = QJsonDocument::fromJson(list.out).object().value(QStringLiteral("signatures")).toArray();
    QCOMPARE(sigs.size(), 1);
    QVERIFY(sigs[0].toObject().value(QStringLiteral("valid")).toBool());
    QVERIFY(sigs[0].toObject().value(QStringLiteral("subject")).toString().startsWith(QStringLiteral("visits.mapping.json (mapping ")));
    const auto verify = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--target"), m_db, QStringLiteral("--workspace"), m_ws});
    QVERIFY2(verify.exitCode == 0, verify.out.constData());
    QVERIFY2(verify.out.contains("e-signatures     1, each valid and in the trail"), verify.out.constData());
}

void TestESignature::signRefusals_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("meaning");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("wrong passphrase") << QByteArray("jdoe\ncorrect horse batterY\n") << "approved" << 1
                                      << "jdoe: wrong passphrase (or a damaged key) — not signed";
    QTest::newRow("unknown user") << QByteArray("jroe\ncorrect horse battery\n") << "approved" << 1 << "no user 'jroe' in the workspace";
    QTest::newRow("no passphrase") << QByteArray("jdoe\n") << "approved" << 1 << "wrong passphrase";
    QTest::newRow("unknown meaning") << QByteArray("jdoe\ncorrect horse battery\n") << "ok" << 2 << "'ok' is not a meaning";
}

void TestESignature::signRefusals()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, meaning);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const qint64 before = scalar(QStringLiteral("SELECT COUNT(*) FROM esignature"));
    const qint64 entries = scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    const auto r = sign(input, m_ws + QStringLiteral("/subjects.mapping.json"), meaning);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM esignature")), before);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")), entries);
}

void TestESignature::mappingsAreSignedByContent()
{
    const QString mapping = m_ws + QStringLiteral("/adverse_events.mapping.json");
    QVERIFY(sign("jdoe\n" + kPassphrase + "\n", mapping, QStringLiteral("reviewed")).exitCode == 0);
    auto signaturesOf = [&](const QString& file) {
        const auto r = runCli({QStringLiteral("signatures"), QStringLiteral("--target"), m_db, QStringLiteral("--file"), file,
                               QStringLiteral("--workspace"), m_ws, QStringLiteral("--json")});
        return QJsonDocument::fromJson(r.out).object().value(QStringLiteral("signatures")).toArray().size();
    };
    QCOMPARE(signaturesOf(mapping), 1);
    // Formatting is not content: the same document written compactly keeps its signature.
    QFile f(mapping);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray original = f.readAll();
    f.close();
    const QString compact = m_ws + QStringLiteral("/compact.mapping.json");
    tb::test::writeFile(m_ws, QStringLiteral("compact.mapping.json"), QJsonDocument::fromJson(original).toJson(QJsonDocument::Compact));
    QCOMPARE(signaturesOf(compact), 1);
    // A changed rule is another document: not signed.
    QJsonObject doc = QJsonDocument::fromJson(original).object();
    doc.insert(QStringLiteral("description"), QStringLiteral("changed after review"));
    tb::test::writeFile(m_ws, QStringLiteral("changed.mapping.json"), QJsonDocument(doc).toJson());
    QCOMPARE(signaturesOf(m_ws + QStringLiteral("/changed.mapping.json")), 0);
}

void TestESignature::changedSignaturesAreFound()
{
    // A copy of the target whose signature row is edited behind the triggers' back.
    const QString copy = m_tmp.filePath(QStringLiteral("tampered.db"));
    {
        CtmsDatabase db;
        QString error;
        QVERIFY2(db.open(m_db, &error), qPrintable(error));
        QVERIFY(db.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), &error));
    }
    QVERIFY(QFile::copy(m_db, copy));
    {
        CtmsDatabase db;
        QString error;
        QVERIFY2(db.open(copy, &error), qPrintable(error));
        QVERIFY(db.exec(QStringLiteral("DROP TRIGGER esignature_no_update; UPDATE esignature SET meaning = 'rejected' "
                                       "WHERE signature_id = 1"), &error));
    }
    auto r = runCli({QStringLiteral("signatures"), QStringLiteral("--target"), copy, QStringLiteral("--workspace"), m_ws});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("INVALID: the signature does not verify"), r.out.constData());
    // audit verify finds it too, though the chain itself is untouched.
    r = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--target"), copy, QStringLiteral("--workspace"), m_ws,
                QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject report = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(report.value(QStringLiteral("result")).toString(), QStringLiteral("broken"));
    QVERIFY2(report.value(QStringLiteral("esignatures")).toObject().value(QStringLiteral("problems")).toArray().first().toString()
                 .startsWith(QStringLiteral("electronic signature 1 (rejected by Jane Doe of visits.mapping.json")),
             r.out.constData());
    // A signature row added behind the trail's back (a valid signature copied, so only the missing entry shows).
    {
        CtmsDatabase db;
        QString error;
        QVERIFY2(db.open(copy, &error), qPrintable(error));
        QVERIFY(db.exec(QStringLiteral("UPDATE esignature SET meaning = 'approved' WHERE signature_id = 1; "
                                       "INSERT INTO esignature (signed_utc, signer_id, printed_name, role, meaning, comment, subject, "
                                       "content_hash, public_key, signature) SELECT signed_utc, signer_id, printed_name, role, meaning, "
                                       "comment, subject, content_hash, public_key, signature FROM esignature WHERE signature_id = 1"),
                        &error));
    }
    r = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--target"), copy, QStringLiteral("--workspace"), m_ws});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("has no audit entry — written outside the audit trail"), r.out.constData());
    QVERIFY2(!r.out.contains("electronic signature 1 "), r.out.constData()); // the first is whole again
    // A workspace whose jdoe has another key: the stored signatures are not theirs.
    const QString other = m_tmp.filePath(QStringLiteral("other"));
    QVERIFY(QDir().mkpath(other));
    r = runCli({QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("jdoe"), QStringLiteral("--name"), QStringLiteral("Jane Doe"),
                QStringLiteral("--role"), QStringLiteral("qa"), QStringLiteral("--workspace"), other},
               {}, kPassphrase + "\n");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = runCli({QStringLiteral("signatures"), QStringLiteral("--target"), m_db, QStringLiteral("--workspace"), other});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("INVALID: signed with a key that is not the signer's"), r.out.constData());
}

void TestESignature::userDocumentHoldsNoSecret()
{
    QFile f(m_ws + QStringLiteral("/jdoe.user.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(QStringList(o.keys()), (QStringList{QStringLiteral("created"), QStringLiteral("format"), QStringLiteral("id"),
                                                 QStringLiteral("printedName"), QStringLiteral("publicKey"), QStringLiteral("role")}));
    QCOMPARE(QByteArray::fromBase64(o.value(QStringLiteral("publicKey")).toString().toLatin1()).size(), 32);
}

QTEST_GUILESS_MAIN(TestESignature)
#include "tst_esignature.moc"
