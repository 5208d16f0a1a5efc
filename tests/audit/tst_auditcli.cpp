// The audit trail through trialbridge-cli: `run` signs with the workspace's key from the secret store
// (created on first need, listed in trialbridge.workspace.json) and stops before loading when the store
// cannot be opened; `audit verify` says intact (exit 0) or names the damage (exit 1), as text and as JSON.

#include "AuditTestSupport.h"
#include "TestSupport.h"

#include "audit/AuditSigner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb::test;

namespace {

// Sets (or, with a null value, unsets) environment variables for the length of a scope.
class EnvScope
{
public:
    EnvScope(const char* name, const QByteArray& value)
        : m_name(name), m_wasSet(qEnvironmentVariableIsSet(name)), m_old(qgetenv(name))
    {
        value.isNull() ? qunsetenv(name) : qputenv(name, value);
    }
    ~EnvScope() { m_wasSet ? qputenv(m_name, m_old) : qunsetenv(m_name); }

private:
    const char* m_name;
    bool m_wasSet;
    QByteArray m_old;
};

// The current data row's tag as a file name.
QString tagName()
{
    return QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
}

QJsonObject json(const ProcessResult& r)
{
    return QJsonDocument::fromJson(r.out).object();
}

} // namespace

class TestAuditCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void helpListsTheCommand();
    void runSignsWithTheWorkspaceKey();
    void untouchedLogVerifies();
    void verifyJson();
    void tamperedLogFails_data();
    void tamperedLogFails();
    void reRunsKeepTheKeyAndVerify();
    void otherWorkspacesKeyIsNotTrusted();
    void noSecretStoreStopsTheRunBeforeLoading_data();
    void noSecretStoreStopsTheRunBeforeLoading();
    void usageErrors_data();
    void usageErrors();
    void damagedKeyListIsNamed();

private:
    QString demo(const QString& name);

    QTemporaryDir m_tmp;
    QString m_ws;
    QString m_db;
    int m_firstExit = -1;
};

QString TestAuditCli::demo(const QString& name)
{
    const QString dir = m_tmp.filePath(name);
    const auto r = runCli({QStringLiteral("demo"), QStringLiteral("--out"), dir, QStringLiteral("--subjects"),
                           QStringLiteral("60"), QStringLiteral("--defect-rate"), QStringLiteral("0.05")});
    if (r.exitCode != 0)
        qFatal("demo failed: %s", r.err.constData());
    return dir;
}

void TestAuditCli::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    useTestVault(m_tmp.filePath(QStringLiteral("secrets")));
    m_ws = demo(QStringLiteral("ws"));
    m_db = m_ws + QStringLiteral("/ctms.db");
    const auto r = runCli({QStringLiteral("run"), m_ws + QStringLiteral("/demo.pipeline.json")});
    m_firstExit = r.exitCode;
    QVERIFY2(r.exitCode == 3, r.err.constData());
}

void TestAuditCli::helpListsTheCommand()
{
    const auto all = runCli({QStringLiteral("--help")});
    QCOMPARE(all.exitCode, 0);
    QVERIFY(all.out.contains("  audit "));
    const auto help = runCli({QStringLiteral("audit"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("audit verify --target DB [--workspace DIR] [--json]"));
    QVERIFY(help.out.contains("0 intact, 1 broken"));
}

void TestAuditCli::runSignsWithTheWorkspaceKey()
{
    // The key pair was made on first need: its seed in the secret store, its public half in the workspace.
    QFile f(m_ws + QStringLiteral("/trialbridge.workspace.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject ws = QJsonDocument::fromJson(f.readAll()).object();
    QVERIFY(!ws.value(QStringLiteral("id")).toString().isEmpty());
    const QJsonArray keys = ws.value(QStringLiteral("auditKeys")).toArray();
    QCOMPARE(keys.size(), 1);
    const QString publicKey = keys[0].toObject().value(QStringLiteral("publicKey")).toString();
    QCOMPARE(publicKey.size(), 64);
    QCOMPARE(keys[0].toObject().value(QStringLiteral("keyId")).toString(),
             tb::core::AuditSigner::keyIdOf(QByteArray::fromHex(publicKey.toLatin1())));
    const auto list =
        runCli({QStringLiteral("secrets"), QStringLiteral("list"), QStringLiteral("--workspace"), m_ws});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains("trialbridge-audit/ed25519-seed"), list.out.constData());
    // Every checkpoint of the run carries that key and a signature.
    const qint64 checkpoints = scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM audit_checkpoint"));
    QVERIFY(checkpoints >= 1);
    QCOMPARE(scalar(m_db, QStringLiteral(
                              "SELECT COUNT(*) FROM audit_checkpoint WHERE lower(hex(public_key)) = '%1' "
                              "AND length(signature) = 64")
                              .arg(publicKey)),
             checkpoints);
}

void TestAuditCli::untouchedLogVerifies()
{
    const auto r =
        runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--target"), m_db});
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY2(text.contains(QStringLiteral("Audit trail of %1: intact").arg(m_db)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("listed by the workspace %1").arg(QDir(m_ws).absolutePath())),
             qPrintable(text));
    const qint64 n = scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    QVERIFY2(text.contains(QStringLiteral("(seq 1–%1)").arg(n)), qPrintable(text));
    QVERIFY(r.err.isEmpty());
}

void TestAuditCli::verifyJson()
{
    const auto r = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--target"),
                           m_db, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = json(r);
    const qint64 n = scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    QCOMPARE(o.value(QStringLiteral("result")).toString(), QStringLiteral("intact"));
    QCOMPARE(o.value(QStringLiteral("entries")).toInteger(), n);
    QCOMPARE(o.value(QStringLiteral("last_seq")).toInteger(), n);
    QCOMPARE(o.value(QStringLiteral("checkpoints")).toInteger(),
             scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM audit_checkpoint")));
    QCOMPARE(o.value(QStringLiteral("signed_checkpoints")).toInteger(),
             o.value(QStringLiteral("checkpoints")).toInteger());
    QCOMPARE(o.value(QStringLiteral("last_checkpoint")).toObject().value(QStringLiteral("seq")).toInteger(),
             n);
    QCOMPARE(o.value(QStringLiteral("head_hash")).toString().size(), 64);
    QCOMPARE(o.value(QStringLiteral("uncovered_entries")).toInteger(), 0);
    QVERIFY(o.value(QStringLiteral("first_problem")).isNull());
    QVERIFY(o.value(QStringLiteral("problems")).toArray().isEmpty());
    QVERIFY(o.value(QStringLiteral("trust_checked")).toBool());
    QCOMPARE(o.value(QStringLiteral("workspace")).toString(), QDir(m_ws).absolutePath());
    const QJsonArray keys = o.value(QStringLiteral("keys")).toArray();
    QCOMPARE(keys.size(), 1);
    QVERIFY(keys[0].toObject().value(QStringLiteral("trusted")).toBool());
}

void TestAuditCli::tamperedLogFails_data()
{
    QTest::addColumn<QStringList>("sql");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<qint64>("seq");
    const qint64 n = scalar(m_db, QStringLiteral("SELECT MAX(seq) FROM audit_log"));
    QTest::newRow("edited") << QStringList{QStringLiteral(
        "UPDATE audit_log SET actor = 'eve' WHERE seq = 30")}
                            << QStringLiteral("changed") << qint64(30);
    QTest::newRow("deleted") << QStringList{QStringLiteral("DELETE FROM audit_log WHERE seq = 30")}
                             << QStringLiteral("deleted") << qint64(30);
    QTest::newRow("truncated")
        << QStringList{QStringLiteral("DELETE FROM audit_log WHERE seq > %1").arg(n - 3)}
        << QStringLiteral("deleted") << n - 2;
    QTest::newRow("inserted") << QStringList{QStringLiteral(
        "INSERT INTO audit_log (ts_utc, actor, action, entity, "
        "natural_key) VALUES ('x', 'eve', 'delete', 'site', '{}')")}
                              << QStringLiteral("inserted") << n + 1;
    QTest::newRow("swapped") << swapEntries(30, 31) << QStringLiteral("reordered") << qint64(30);
    QTest::newRow("checkpoint edited")
        << QStringList{QStringLiteral("UPDATE audit_checkpoint SET created_utc = '2000-01-01T00:00:00Z'")}
        << QStringLiteral("bad_signature") << n;
    QTest::newRow("checkpoint signature forged")
        << QStringList{QStringLiteral("UPDATE audit_checkpoint SET signature = randomblob(64)")}
        << QStringLiteral("bad_signature") << n;
}

void TestAuditCli::tamperedLogFails()
{
    QFETCH(QStringList, sql);
    QFETCH(QString, kind);
    QFETCH(qint64, seq);
    const QString db = m_tmp.filePath(QStringLiteral("tampered-%1.db").arg(tagName()));
    QString error;
    QVERIFY2(copyDatabase(m_db, db, &error), qPrintable(error));
    QVERIFY2(tamper(db, sql, &error), qPrintable(error));

    const auto j = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--target"), db,
                           QStringLiteral("--workspace"), m_ws, QStringLiteral("--json")});
    QCOMPARE(j.exitCode, 1);
    const QJsonObject o = json(j);
    QCOMPARE(o.value(QStringLiteral("result")).toString(), QStringLiteral("broken"));
    const QJsonObject first = o.value(QStringLiteral("first_problem")).toObject();
    QVERIFY2(first.value(QStringLiteral("kind")).toString() == kind, j.out.constData());
    QVERIFY2(first.value(QStringLiteral("seq")).toInteger() == seq, j.out.constData());
    QCOMPARE(o.value(QStringLiteral("problems")).toArray().first().toObject(), first);

    const auto text = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--target"),
                              db, QStringLiteral("--workspace"), m_ws});
    QCOMPARE(text.exitCode, 1);
    QVERIFY2(text.out.contains(": BROKEN"), text.out.constData());
    QVERIFY2(text.out.contains("first problem    [" + kind.toUtf8() + "] "), text.out.constData());
    QVERIFY2(text.out.contains(QByteArray::number(seq)), text.out.constData());
}

void TestAuditCli::reRunsKeepTheKeyAndVerify()
{
    const QString pipeline = m_ws + QStringLiteral("/demo.pipeline.json");
    const qint64 before = scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM audit_checkpoint"));
    QCOMPARE(runCli({QStringLiteral("run"), pipeline}).exitCode, m_firstExit);
    QCOMPARE(runCli({QStringLiteral("run"), pipeline, QStringLiteral("--full")}).exitCode, m_firstExit);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM audit_checkpoint")), before + 2);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT COUNT(DISTINCT public_key) FROM audit_checkpoint")),
             qint64(1));
    QFile f(m_ws + QStringLiteral("/trialbridge.workspace.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(
        QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("auditKeys")).toArray().size(), 1);
    const auto r =
        runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--target"), m_db});
    QVERIFY2(r.exitCode == 0, r.out.constData());
}

void TestAuditCli::otherWorkspacesKeyIsNotTrusted()
{
    const QString other = demo(QStringLiteral("other"));
    QCOMPARE(runCli({QStringLiteral("run"), other + QStringLiteral("/demo.pipeline.json")}).exitCode, 3);
    // Each workspace has its own key: the other one's list does not vouch for this database's checkpoints.
    const auto r = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--target"),
                           m_db, QStringLiteral("--workspace"), other, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject first = json(r).value(QStringLiteral("first_problem")).toObject();
    QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("untrusted_key"));
    QVERIFY(first.value(QStringLiteral("message")).toString().contains(QDir(other).absolutePath()));
}

void TestAuditCli::noSecretStoreStopsTheRunBeforeLoading_data()
{
    QTest::addColumn<QByteArray>("passphraseFile"); // null: the variable is not set
    QTest::addColumn<QString>("expected");
    QTest::newRow("no passphrase given")
        << QByteArray() << QStringLiteral("TRIALBRIDGE_VAULT_PASSPHRASE_FILE");
    QTest::newRow("wrong passphrase") << writeFile(m_tmp.filePath(QStringLiteral("secrets")),
                                                   QStringLiteral("wrong.pass"), "not-the-passphrase")
                                             .toLocal8Bit()
                                      << QStringLiteral("passphrase");
    QTest::newRow("unreadable passphrase file")
        << m_tmp.filePath(QStringLiteral("no-such.pass")).toLocal8Bit() << QStringLiteral("no-such.pass");
}

void TestAuditCli::noSecretStoreStopsTheRunBeforeLoading()
{
    QFETCH(QByteArray, passphraseFile);
    QFETCH(QString, expected);
    const QString ws = demo(QStringLiteral("locked-%1").arg(tagName()));
    const EnvScope env("TRIALBRIDGE_VAULT_PASSPHRASE_FILE", passphraseFile);
    const auto r = runCli({QStringLiteral("run"), ws + QStringLiteral("/demo.pipeline.json")});
    QCOMPARE(r.exitCode, 2);
    const QString message = QString::fromUtf8(r.err);
    QVERIFY2(message.contains(QLatin1String("cannot sign the audit trail")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("nothing was loaded")), qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY(!QFileInfo::exists(ws + QStringLiteral("/ctms.db")));
    // --json says the same as a configuration error.
    const auto j =
        runCli({QStringLiteral("run"), ws + QStringLiteral("/demo.pipeline.json"), QStringLiteral("--json")});
    QCOMPARE(j.exitCode, 2);
    QCOMPARE(json(j).value(QStringLiteral("status")).toString(), QStringLiteral("config_error"));
    QVERIFY(json(j)
                .value(QStringLiteral("message"))
                .toString()
                .contains(QLatin1String("cannot sign the audit trail")));
}

void TestAuditCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString missing = m_tmp.filePath(QStringLiteral("missing/ctms.db"));
    QTest::newRow("no action") << QStringList{QStringLiteral("audit")} << 2
                               << QStringLiteral("Usage: trialbridge-cli audit");
    QTest::newRow("unknown action") << QStringList{QStringLiteral("audit"), QStringLiteral("sign")} << 2
                                    << QStringLiteral("unknown action 'sign'");
    QTest::newRow("no target") << QStringList{QStringLiteral("audit"), QStringLiteral("verify")} << 2
                               << QStringLiteral("usage: audit verify --target DB");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("audit"), QStringLiteral("verify"),
                                                   QStringLiteral("--frob")}
                                    << 2 << QStringLiteral("frob");
    QTest::newRow("missing database")
        << QStringList{QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--target"), missing}
        << 1 << missing + QStringLiteral(": no such database");
    QTest::newRow("not a workspace") << QStringList{QStringLiteral("audit"),       QStringLiteral("verify"),
                                                    QStringLiteral("--target"),    m_db,
                                                    QStringLiteral("--workspace"), m_tmp.path()}
                                     << 2 << QStringLiteral("not a workspace with an id");
}

void TestAuditCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const auto r = runCli(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(r.err + r.out).contains(message), (r.err + r.out).constData());
}

void TestAuditCli::damagedKeyListIsNamed()
{
    const QString ws = m_tmp.filePath(QStringLiteral("damaged-list"));
    QVERIFY(QDir().mkpath(ws));
    const QString file =
        writeFile(ws, QStringLiteral("trialbridge.workspace.json"),
                  R"({"format": "trialbridge.workspace/1", "id": "damaged-list-0001", "auditKeys": "x"})");
    const auto r = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--target"),
                           m_db, QStringLiteral("--workspace"), ws});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(file.toUtf8() + ": \"auditKeys\" must be an array"), r.err.constData());
    writeFile(
        ws, QStringLiteral("trialbridge.workspace.json"),
        R"({"format": "trialbridge.workspace/1", "id": "damaged-list-0001", "auditKeys": [{"publicKey": "abcd"}]})");
    const auto shortKey = runCli({QStringLiteral("audit"), QStringLiteral("verify"),
                                  QStringLiteral("--target"), m_db, QStringLiteral("--workspace"), ws});
    QCOMPARE(shortKey.exitCode, 1);
    QVERIFY2(shortKey.err.contains("\"auditKeys\"[0].publicKey must be 32 bytes in hex"),
             shortKey.err.constData());
}

QTEST_GUILESS_MAIN(TestAuditCli)
#include "tst_auditcli.moc"
