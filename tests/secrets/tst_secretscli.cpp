// trialbridge-cli secrets and connection: set, list, delete and backend on the vault and on a real
// Secret Service; passphrases only from a prompt or a file; no command prints a secret value; damaged
// vaults, wrong passphrases and missing keychains give clear errors and never plain text.

#include "SecretsTestSupport.h"
#include "TestSupport.h"

#include "secrets/Vault.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using tb::test::runCli;

namespace {

// Sets environment variables for the lifetime of the object.
class EnvScope
{
public:
    EnvScope(std::initializer_list<std::pair<const char*, QByteArray>> vars)
    {
        for (const auto& [name, value] : vars) {
            m_saved.append({name, qEnvironmentVariableIsSet(name), qgetenv(name)});
            if (value.isNull())
                qunsetenv(name);
            else
                qputenv(name, value);
        }
    }
    ~EnvScope()
    {
        for (const auto& s : m_saved)
            s.wasSet ? qputenv(s.name, s.value) : qunsetenv(s.name);
    }

private:
    struct Saved
    {
        const char* name;
        bool wasSet;
        QByteArray value;
    };
    QList<Saved> m_saved;
};

QString all(const tb::test::ProcessResult& r)
{
    return QString::fromUtf8(r.out + r.err);
}

} // namespace

class TestSecretsCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void lifecycle_data();
    void lifecycle();
    void valueFromStandardInput();
    void passphraseNeverFromTheCommandLine();
    void wrongPassphrase();
    void damagedVault_data();
    void damagedVault();
    void backendIsAlwaysVisible();
    void choiceIsSavedInTheSettingsFile();
    void withoutKeychainTheVaultIsUsedNeverPlainText();
    void configuredKeychainThatDoesNotAnswerIsAnError();
    void tooShortValuesAreRefused();
    void connectionTestNamesWhatIsMissing();

private:
    QString freshWorkspace();
    QString vaultPath() const { return m_home + QStringLiteral("/xdg_data_home/TrialBridge/secrets.tbvault"); }

    QTemporaryDir m_tmp;
    QString m_home;
    QString m_passFile;
    int m_workspaces = 0;
};

void TestSecretsCli::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_home = m_tmp.filePath(QStringLiteral("home"));
    tb::test::isolateUserDirs(m_home);
    m_passFile = tb::test::writeFile(m_tmp.path(), QStringLiteral("passphrase"), "cli test passphrase\n");
    QFile::setPermissions(m_passFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

QString TestSecretsCli::freshWorkspace()
{
    const QString dir = m_tmp.filePath(QStringLiteral("ws%1").arg(++m_workspaces));
    QDir().mkpath(dir);
    return dir;
}

void TestSecretsCli::lifecycle_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("vault") << QStringLiteral("vault");
    QTest::newRow("keychain") << QStringLiteral("keychain");
}

void TestSecretsCli::lifecycle()
{
    QFETCH(QString, backend);
    if (backend == QLatin1String("keychain"))
        TB_NEED_KEYRING();
    const EnvScope env{{"TRIALBRIDGE_SECRETS_BACKEND", backend.toLatin1()},
                       {"TRIALBRIDGE_VAULT_PASSPHRASE_FILE", m_passFile.toLocal8Bit()}};
    const QString ws = freshWorkspace();
    const QByteArray value = "cli-lifecycle-" + backend.toLatin1() + "-9d8e7f";
    const QString valueFile = tb::test::writeFile(m_tmp.path(), QStringLiteral("value-%1").arg(backend), value + '\n');
    const QString where = backend == QLatin1String("vault") ? QStringLiteral("encrypted vault") : QStringLiteral("OS keychain (Secret Service)");

    auto r = runCli({QStringLiteral("secrets"), QStringLiteral("set"), QStringLiteral("edc/token"), QStringLiteral("--from-file"),
                     valueFile, QStringLiteral("--workspace"), ws});
    QVERIFY2(r.exitCode == 0, qPrintable(all(r)));
    QVERIFY2(all(r).contains(QStringLiteral("Stored edc/token in the ") + where), qPrintable(all(r)));
    QVERIFY(QFile::exists(ws + QStringLiteral("/trialbridge.workspace.json")));

    // The current folder is the default workspace.
    r = runCli({QStringLiteral("secrets"), QStringLiteral("list")}, ws);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(all(r).contains(QLatin1String("edc/token")), qPrintable(all(r)));
    QVERIFY2(all(r).contains(where), qPrintable(all(r)));

    r = runCli({QStringLiteral("secrets"), QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--workspace"), ws});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("backend")).toString(), backend);
    QCOMPARE(o.value(QStringLiteral("names")).toArray(), QJsonArray{QStringLiteral("edc/token")});

    // Another workspace does not see it.
    r = runCli({QStringLiteral("secrets"), QStringLiteral("list"), QStringLiteral("--workspace"), freshWorkspace()});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!all(r).contains(QLatin1String("edc/token")));

    r = runCli({QStringLiteral("secrets"), QStringLiteral("delete"), QStringLiteral("edc/token"), QStringLiteral("--workspace"), ws});
    QVERIFY2(r.exitCode == 0, qPrintable(all(r)));
    r = runCli({QStringLiteral("secrets"), QStringLiteral("delete"), QStringLiteral("edc/token"), QStringLiteral("--workspace"), ws});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(all(r).contains(QLatin1String("no secret named \"edc/token\"")), qPrintable(all(r)));
    r = runCli({QStringLiteral("secrets"), QStringLiteral("list"), QStringLiteral("--workspace"), ws});
    QVERIFY(!all(r).contains(QLatin1String("edc/token")));
    // Nothing printed the value, in any form.
    for (const QByteArray& form : tb::test::leakForms(value))
        QVERIFY(!r.out.contains(form) && !r.err.contains(form));
}

void TestSecretsCli::valueFromStandardInput()
{
    const EnvScope env{{"TRIALBRIDGE_SECRETS_BACKEND", "vault"}, {"TRIALBRIDGE_VAULT_PASSPHRASE_FILE", m_passFile.toLocal8Bit()}};
    const QString ws = freshWorkspace();
    auto r = runCli({QStringLiteral("secrets"), QStringLiteral("set"), QStringLiteral("pg/password")}, ws, "piped-in-value-123\n");
    QVERIFY2(r.exitCode == 0, qPrintable(all(r)));
    QVERIFY(!all(r).contains(QLatin1String("piped-in-value-123")));
    // Without the passphrase file the passphrase is the first line of standard input.
    const EnvScope noFile{{"TRIALBRIDGE_VAULT_PASSPHRASE_FILE", QByteArray()}};
    r = runCli({QStringLiteral("secrets"), QStringLiteral("list")}, ws, "cli test passphrase\n");
    QVERIFY2(r.exitCode == 0, qPrintable(all(r)));
    QVERIFY(all(r).contains(QLatin1String("pg/password")));
}

void TestSecretsCli::passphraseNeverFromTheCommandLine()
{
    const EnvScope env{{"TRIALBRIDGE_SECRETS_BACKEND", "vault"}};
    auto r = runCli({QStringLiteral("secrets"), QStringLiteral("list"), QStringLiteral("--passphrase"), QStringLiteral("x")},
                    freshWorkspace());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(all(r).contains(QLatin1String("Unknown option 'passphrase'")), qPrintable(all(r)));
    r = runCli({QStringLiteral("secrets"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(all(r).contains(QLatin1String("TRIALBRIDGE_VAULT_PASSPHRASE_FILE")));
    QVERIFY(all(r).contains(QLatin1String("never taken from the command line")));
}

void TestSecretsCli::wrongPassphrase()
{
    const QString ws = freshWorkspace();
    {
        const EnvScope env{{"TRIALBRIDGE_SECRETS_BACKEND", "vault"}, {"TRIALBRIDGE_VAULT_PASSPHRASE_FILE", m_passFile.toLocal8Bit()}};
        const QString f = tb::test::writeFile(m_tmp.path(), QStringLiteral("v-wrong"), "some-long-value");
        QCOMPARE(runCli({QStringLiteral("secrets"), QStringLiteral("set"), QStringLiteral("a/token"), QStringLiteral("--from-file"), f}, ws).exitCode, 0);
    }
    const QString other = tb::test::writeFile(m_tmp.path(), QStringLiteral("other-passphrase"), "not the passphrase");
    QFile::setPermissions(other, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const EnvScope env{{"TRIALBRIDGE_SECRETS_BACKEND", "vault"}, {"TRIALBRIDGE_VAULT_PASSPHRASE_FILE", other.toLocal8Bit()}};
    const auto r = runCli({QStringLiteral("secrets"), QStringLiteral("list")}, ws);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(all(r).contains(QLatin1String("wrong passphrase for this vault")), qPrintable(all(r)));
}

void TestSecretsCli::damagedVault_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("words");
    QTest::newRow("flipped byte") << "flip" << "corrupted (checksum mismatch";
    QTest::newRow("truncated") << "truncate" << "truncated";
    QTest::newRow("wrong header") << "header" << "not a TrialBridge vault (wrong header";
}

void TestSecretsCli::damagedVault()
{
    QFETCH(QString, damage);
    QFETCH(QString, words);
    const QString vault = m_tmp.filePath(QStringLiteral("damaged-%1.tbvault").arg(damage));
    const EnvScope env{{"TRIALBRIDGE_SECRETS_BACKEND", "vault"},
                       {"TRIALBRIDGE_VAULT_FILE", vault.toLocal8Bit()},
                       {"TRIALBRIDGE_VAULT_PASSPHRASE_FILE", m_passFile.toLocal8Bit()}};
    const QString ws = freshWorkspace();
    const QString f = tb::test::writeFile(m_tmp.path(), QStringLiteral("v-damaged"), "some-long-value");
    QCOMPARE(runCli({QStringLiteral("secrets"), QStringLiteral("set"), QStringLiteral("a/token"), QStringLiteral("--from-file"), f}, ws).exitCode, 0);
    QFile file(vault);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray b = file.readAll();
    file.close();
    if (damage == QLatin1String("flip"))
        b[150] = char(b[150] ^ 0x20);
    else if (damage == QLatin1String("truncate"))
        b.chop(20);
    else
        b.replace(0, 7, "{\"json\"");
    tb::test::writeFile(m_tmp.path(), QFileInfo(vault).fileName(), b);
    for (const QString& action : {QStringLiteral("list"), QStringLiteral("set")}) {
        QStringList args{QStringLiteral("secrets"), action};
        if (action == QLatin1String("set"))
            args << QStringLiteral("a/token") << QStringLiteral("--from-file") << f;
        const auto r = runCli(args, ws);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(all(r).contains(words), qPrintable(all(r)));
        QVERIFY2(!all(r).contains(QLatin1String("passphrase")), qPrintable(all(r))); // damage is not blamed on it
    }
    // The damaged file was left alone, not replaced by a fresh vault.
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), b);
    const auto r = runCli({QStringLiteral("secrets"), QStringLiteral("backend")});
    QVERIFY2(all(r).contains(QLatin1String("The vault file cannot be used")), qPrintable(all(r)));
}

void TestSecretsCli::backendIsAlwaysVisible()
{
    const EnvScope env{{"TRIALBRIDGE_SECRETS_BACKEND", "vault"}};
    auto r = runCli({QStringLiteral("secrets"), QStringLiteral("backend")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(all(r).contains(QStringLiteral("Back end: encrypted vault ") + vaultPath()), qPrintable(all(r)));
    QVERIFY2(all(r).contains(QLatin1String("Why: the vault is configured (secrets backend \"vault\" from the environment variable "
                                           "TRIALBRIDGE_SECRETS_BACKEND)")),
             qPrintable(all(r)));
    r = runCli({QStringLiteral("secrets"), QStringLiteral("backend"), QStringLiteral("--json")});
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("backend")).toString(), QStringLiteral("vault"));
    QVERIFY(!o.value(QStringLiteral("reason")).toString().isEmpty());
    // list and set name the store they use, too.
    const EnvScope pass{{"TRIALBRIDGE_VAULT_PASSPHRASE_FILE", m_passFile.toLocal8Bit()}};
    r = runCli({QStringLiteral("secrets"), QStringLiteral("list")}, freshWorkspace());
    QVERIFY2(all(r).contains(QLatin1String("in the encrypted vault")), qPrintable(all(r)));
}

void TestSecretsCli::choiceIsSavedInTheSettingsFile()
{
    auto r = runCli({QStringLiteral("secrets"), QStringLiteral("backend"), QStringLiteral("--use"), QStringLiteral("vault")});
    QVERIFY2(r.exitCode == 0, qPrintable(all(r)));
    const QString settings = m_home + QStringLiteral("/xdg_config_home/TrialBridge/TrialBridge.conf");
    QVERIFY2(QFile::exists(settings), qPrintable(all(r)));
    r = runCli({QStringLiteral("secrets"), QStringLiteral("backend")});
    QVERIFY2(all(r).contains(QStringLiteral("from the settings file ") + settings), qPrintable(all(r)));
    r = runCli({QStringLiteral("secrets"), QStringLiteral("backend"), QStringLiteral("--use"), QStringLiteral("auto")});
    QCOMPARE(r.exitCode, 0);
    r = runCli({QStringLiteral("secrets"), QStringLiteral("backend"), QStringLiteral("--use"), QStringLiteral("plaintext")});
    QCOMPARE(r.exitCode, 2);
}

void TestSecretsCli::withoutKeychainTheVaultIsUsedNeverPlainText()
{
    // No session bus: nothing can answer the probe.
    const EnvScope env{{"DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus"}, {"DISPLAY", QByteArray()},
                       {"TRIALBRIDGE_VAULT_PASSPHRASE_FILE", m_passFile.toLocal8Bit()}};
    auto r = runCli({QStringLiteral("secrets"), QStringLiteral("backend")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(all(r).contains(QLatin1String("Back end: encrypted vault")), qPrintable(all(r)));
    QVERIFY2(all(r).contains(QLatin1String("the OS keychain failed the probe")) || all(r).contains(QLatin1String("no OS keychain answered")),
             qPrintable(all(r)));
    QVERIFY2(all(r).contains(QLatin1String("using the encrypted vault instead")), qPrintable(all(r)));
    const QString ws = freshWorkspace();
    const QString f = tb::test::writeFile(m_tmp.path(), QStringLiteral("v-nokeychain"), "no-keychain-value-77");
    r = runCli({QStringLiteral("secrets"), QStringLiteral("set"), QStringLiteral("x/token"), QStringLiteral("--from-file"), f}, ws);
    QVERIFY2(r.exitCode == 0, qPrintable(all(r)));
    QVERIFY(all(r).contains(QLatin1String("encrypted vault")));
    QVERIFY(tb::test::filesContaining({m_home, ws}, tb::test::leakForms("no-keychain-value-77")).isEmpty());
}

void TestSecretsCli::configuredKeychainThatDoesNotAnswerIsAnError()
{
    const QString vault = m_tmp.filePath(QStringLiteral("never-created.tbvault"));
    const EnvScope env{{"DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus"}, {"DISPLAY", QByteArray()},
                       {"TRIALBRIDGE_SECRETS_BACKEND", "keychain"}, {"TRIALBRIDGE_VAULT_FILE", vault.toLocal8Bit()},
                       {"TRIALBRIDGE_VAULT_PASSPHRASE_FILE", m_passFile.toLocal8Bit()}};
    const QString ws = freshWorkspace();
    const QString f = tb::test::writeFile(m_tmp.path(), QStringLiteral("v-configured"), "configured-keychain-value");
    const auto r = runCli({QStringLiteral("secrets"), QStringLiteral("set"), QStringLiteral("x/token"), QStringLiteral("--from-file"), f}, ws);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(all(r).contains(QLatin1String("secrets backend \"keychain\" is configured")), qPrintable(all(r)));
    QVERIFY2(all(r).contains(QLatin1String("never stored in plain text")), qPrintable(all(r)));
    QVERIFY(!QFile::exists(vault));
    QVERIFY(tb::test::filesContaining({m_home, ws}, tb::test::leakForms("configured-keychain-value")).isEmpty());
}

void TestSecretsCli::tooShortValuesAreRefused()
{
    const EnvScope env{{"TRIALBRIDGE_SECRETS_BACKEND", "vault"}, {"TRIALBRIDGE_VAULT_PASSPHRASE_FILE", m_passFile.toLocal8Bit()}};
    const auto r = runCli({QStringLiteral("secrets"), QStringLiteral("set"), QStringLiteral("x/token")}, freshWorkspace(), "abc\n");
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(all(r).contains(QLatin1String("nothing was stored")), qPrintable(all(r)));
}

void TestSecretsCli::connectionTestNamesWhatIsMissing()
{
    const EnvScope env{{"TRIALBRIDGE_SECRETS_BACKEND", "vault"}, {"TRIALBRIDGE_VAULT_PASSPHRASE_FILE", m_passFile.toLocal8Bit()}};
    const QString ws = freshWorkspace();
    tb::test::writeFile(ws, QStringLiteral("edc.connection.json"),
                        R"({"format":"trialbridge.connection/1","kind":"redcap","url":"https://redcap.invalid/api/"})");
    tb::test::writeFile(ws, QStringLiteral("sub/bad.connection.json"),
                        R"({"format":"trialbridge.connection/1","kind":"postgresql","host":"h","database":"d","username":"u","password":"oops"})");
    auto r = runCli({QStringLiteral("connection"), QStringLiteral("test"), QStringLiteral("edc"), QStringLiteral("--json")}, ws);
    QCOMPARE(r.exitCode, 1);
    QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("outcome")).toString(), QStringLiteral("missing_secret"));
    QVERIFY2(o.value(QStringLiteral("hint")).toString().contains(QLatin1String("trialbridge-cli secrets set edc/token")), r.out.constData());

    r = runCli({QStringLiteral("connection"), QStringLiteral("test"), QStringLiteral("bad")}, ws);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(all(r).contains(QLatin1String("bad.connection.json: password: secrets never go into connection files")), qPrintable(all(r)));

    r = runCli({QStringLiteral("connection"), QStringLiteral("test"), QStringLiteral("nope")}, ws);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(all(r).contains(QLatin1String("(it has: bad, edc)")), qPrintable(all(r)));

    // secrets list names what the profiles still need.
    r = runCli({QStringLiteral("secrets"), QStringLiteral("list")}, ws);
    QVERIFY2(all(r).contains(QLatin1String("not stored: edc/token")), qPrintable(all(r)));

    // With the token stored, the REDCap test fails at DNS — the next step — and says so.
    const QString f = tb::test::writeFile(m_tmp.path(), QStringLiteral("v-redcap"), "ABCDEF0123456789ABCDEF0123456789");
    QCOMPARE(runCli({QStringLiteral("secrets"), QStringLiteral("set"), QStringLiteral("edc/token"), QStringLiteral("--from-file"), f}, ws).exitCode, 0);
    r = runCli({QStringLiteral("connection"), QStringLiteral("test"), QStringLiteral("edc")}, ws);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(all(r).contains(QLatin1String("FAILED [dns]")), qPrintable(all(r)));
    QVERIFY(!all(r).contains(QLatin1String("ABCDEF0123456789ABCDEF0123456789")));
}

QTEST_GUILESS_MAIN(TestSecretsCli)
#include "tst_secretscli.moc"
