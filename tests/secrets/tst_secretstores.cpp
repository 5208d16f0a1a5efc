// Both secret back ends through the one SecretStore interface: against a real Secret Service
// (gnome-keyring under dbus-run-session) and against the vault. Same expectations for both:
// round trips, lists, deletes, namespacing by workspace, asynchronous callbacks.

#include "SecretsTestSupport.h"

#include "secrets/KeychainProbe.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretBackendChooser.h"
#include "secrets/SecretsSettings.h"
#include "secrets/VaultSecretStore.h"
#include "util/Crypto.h"
#include "util/Redactor.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace tb::core;

namespace {

// Waits (event loop: tests may) for one store operation.
template <typename Start> SecretResult await(Start start)
{
    SecretResult out;
    bool done = false;
    start([&](const SecretResult& r) {
        out = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 60000))
        out = {SecretResult::Status::Failed, QStringLiteral("no answer within 60 s"), {}, {}};
    return out;
}

} // namespace

class TestSecretStores : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void roundTrip_data();
    void roundTrip();
    void binaryValues_data();
    void binaryValues();
    void listAndDelete_data();
    void listAndDelete();
    void workspacesDoNotShareSecrets_data();
    void workspacesDoNotShareSecrets();
    void callbacksNeverRunInsideTheCall_data();
    void callbacksNeverRunInsideTheCall();
    void operationsRunInOrder_data();
    void operationsRunInOrder();
    void invalidNamesAreRefused_data();
    void invalidNamesAreRefused();
    void readValuesAreRedactedFromLogs();
    void probeFindsTheSecretService();
    void chooserPicksTheKeychainWhenItAnswers();
    void chooserPicksTheVaultWhenConfigured();
    void vaultStoreReportsWrongPassphrase();

private:
    std::unique_ptr<SecretStore> make(const QString& backend, const QString& scope);
    QStringList m_cleanup; // keychain entries to delete
    QTemporaryDir m_tmp;
};

void TestSecretStores::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    tb::test::isolateUserDirs(m_tmp.filePath(QStringLiteral("home")));
}

std::unique_ptr<SecretStore> TestSecretStores::make(const QString& backend, const QString& scope)
{
    if (backend == QLatin1String("keychain"))
        return std::make_unique<KeychainSecretStore>(scope);
    return std::make_unique<VaultSecretStore>(scope, m_tmp.filePath(QStringLiteral("stores.tbvault")), "store passphrase",
                                              Vault::KdfParams::minimal());
}

void TestSecretStores::cleanup()
{
    // Leave nothing behind in the user's keychain.
    QString why;
    if (!tb::test::keyringAnswers(&why))
        m_cleanup.clear();
    for (const QString& entry : std::as_const(m_cleanup)) {
        const QString scope = entry.section(QLatin1Char('|'), 0, 0);
        const QString name = entry.section(QLatin1Char('|'), 1);
        KeychainSecretStore store(scope);
        (void)await([&](auto done) { store.remove(name, done); });
    }
    m_cleanup.clear();
}

#define BACKENDS()                                                                                            \
    QTest::addColumn<QString>("backend");                                                                     \
    QTest::newRow("vault") << QStringLiteral("vault");                                                        \
    QTest::newRow("keychain") << QStringLiteral("keychain")

#define NEED_BACKEND(backend)                                                                                 \
    do {                                                                                                      \
        if (backend == QLatin1String("keychain"))                                                             \
            TB_NEED_KEYRING();                                                                                \
    } while (false)

void TestSecretStores::roundTrip_data()
{
    BACKENDS();
}

void TestSecretStores::roundTrip()
{
    QFETCH(QString, backend);
    NEED_BACKEND(backend);
    const QString scope = QStringLiteral("test-") + QString::fromLatin1(crypto::randomBytes(6).toHex());
    auto store = make(backend, scope);
    m_cleanup << scope + QStringLiteral("|edc/token");
    QCOMPARE(store->backend(), backend == QLatin1String("vault") ? SecretStore::Backend::Vault : SecretStore::Backend::Keychain);
    SecretResult r = await([&](auto done) { store->write(QStringLiteral("edc/token"), "round-trip-value-1", done); });
    QVERIFY2(r.ok(), qPrintable(r.message));
    r = await([&](auto done) { store->read(QStringLiteral("edc/token"), done); });
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(r.value, QByteArray("round-trip-value-1"));
    r = await([&](auto done) { store->write(QStringLiteral("edc/token"), "round-trip-value-2", done); });
    QVERIFY(r.ok());
    r = await([&](auto done) { store->read(QStringLiteral("edc/token"), done); });
    QCOMPARE(r.value, QByteArray("round-trip-value-2"));
    r = await([&](auto done) { store->read(QStringLiteral("edc/password"), done); });
    QCOMPARE(r.status, SecretResult::Status::NotFound);
    QVERIFY2(r.message.contains(QLatin1String("edc/password")), qPrintable(r.message));
}

void TestSecretStores::binaryValues_data()
{
    BACKENDS();
}

void TestSecretStores::binaryValues()
{
    QFETCH(QString, backend);
    NEED_BACKEND(backend);
    const QString scope = QStringLiteral("test-") + QString::fromLatin1(crypto::randomBytes(6).toHex());
    auto store = make(backend, scope);
    m_cleanup << scope + QStringLiteral("|sftp/private_key");
    QByteArray all;
    for (int i = 255; i >= 0; --i)
        all.append(char(i));
    QVERIFY(await([&](auto done) { store->write(QStringLiteral("sftp/private_key"), all, done); }).ok());
    const SecretResult r = await([&](auto done) { store->read(QStringLiteral("sftp/private_key"), done); });
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(r.value, all);
}

void TestSecretStores::listAndDelete_data()
{
    BACKENDS();
}

void TestSecretStores::listAndDelete()
{
    QFETCH(QString, backend);
    NEED_BACKEND(backend);
    const QString scope = QStringLiteral("test-") + QString::fromLatin1(crypto::randomBytes(6).toHex());
    auto store = make(backend, scope);
    m_cleanup << scope + QStringLiteral("|b/token") << scope + QStringLiteral("|a/password");
    SecretResult r = await([&](auto done) { store->list(done); });
    QVERIFY2(r.ok(), qPrintable(r.message));
    QVERIFY(r.names.isEmpty());
    QVERIFY(await([&](auto done) { store->write(QStringLiteral("b/token"), "list-value-b1", done); }).ok());
    QVERIFY(await([&](auto done) { store->write(QStringLiteral("a/password"), "list-value-a1", done); }).ok());
    r = await([&](auto done) { store->list(done); });
    QCOMPARE(r.names, (QStringList{QStringLiteral("a/password"), QStringLiteral("b/token")}));
    QVERIFY(r.value.isEmpty()); // a list carries names only
    r = await([&](auto done) { store->remove(QStringLiteral("b/token"), done); });
    QVERIFY2(r.ok(), qPrintable(r.message));
    r = await([&](auto done) { store->remove(QStringLiteral("b/token"), done); });
    QCOMPARE(r.status, SecretResult::Status::NotFound);
    QVERIFY2(r.message.contains(QLatin1String("no secret named \"b/token\"")), qPrintable(r.message));
    r = await([&](auto done) { store->read(QStringLiteral("b/token"), done); });
    QCOMPARE(r.status, SecretResult::Status::NotFound);
    r = await([&](auto done) { store->list(done); });
    QCOMPARE(r.names, QStringList{QStringLiteral("a/password")});
}

void TestSecretStores::workspacesDoNotShareSecrets_data()
{
    BACKENDS();
}

void TestSecretStores::workspacesDoNotShareSecrets()
{
    QFETCH(QString, backend);
    NEED_BACKEND(backend);
    const QString one = QStringLiteral("test-") + QString::fromLatin1(crypto::randomBytes(6).toHex());
    const QString two = QStringLiteral("test-") + QString::fromLatin1(crypto::randomBytes(6).toHex());
    auto a = make(backend, one);
    auto b = make(backend, two);
    m_cleanup << one + QStringLiteral("|edc/token") << two + QStringLiteral("|edc/token");
    QVERIFY(await([&](auto done) { a->write(QStringLiteral("edc/token"), "workspace-one-value", done); }).ok());
    SecretResult r = await([&](auto done) { b->read(QStringLiteral("edc/token"), done); });
    QCOMPARE(r.status, SecretResult::Status::NotFound);
    QVERIFY(await([&](auto done) { b->write(QStringLiteral("edc/token"), "workspace-two-value", done); }).ok());
    r = await([&](auto done) { a->read(QStringLiteral("edc/token"), done); });
    QCOMPARE(r.value, QByteArray("workspace-one-value"));
    r = await([&](auto done) { b->list(done); });
    QCOMPARE(r.names, QStringList{QStringLiteral("edc/token")});
}

void TestSecretStores::callbacksNeverRunInsideTheCall_data()
{
    BACKENDS();
}

void TestSecretStores::callbacksNeverRunInsideTheCall()
{
    QFETCH(QString, backend);
    NEED_BACKEND(backend);
    auto store = make(backend, QStringLiteral("test-sync"));
    bool returned = false;
    bool calledBeforeReturn = false;
    bool called = false;
    store->read(QStringLiteral("not/stored"), [&](const SecretResult&) {
        calledBeforeReturn = !returned;
        called = true;
    });
    returned = true;
    QVERIFY(!called); // nothing happens until the event loop runs
    QVERIFY(QTest::qWaitFor([&] { return called; }, 30000));
    QVERIFY(!calledBeforeReturn);
    // Invalid names are answered the same way.
    called = false;
    returned = false;
    store->read(QStringLiteral("no slash"), [&](const SecretResult&) {
        calledBeforeReturn = !returned;
        called = true;
    });
    returned = true;
    QVERIFY(!called);
    QVERIFY(QTest::qWaitFor([&] { return called; }, 5000));
}

void TestSecretStores::operationsRunInOrder_data()
{
    BACKENDS();
}

void TestSecretStores::operationsRunInOrder()
{
    QFETCH(QString, backend);
    NEED_BACKEND(backend);
    const QString scope = QStringLiteral("test-") + QString::fromLatin1(crypto::randomBytes(6).toHex());
    auto store = make(backend, scope);
    m_cleanup << scope + QStringLiteral("|x/token");
    QStringList order;
    QByteArray last;
    // Started without waiting: write, write, read — the read sees the second write.
    store->write(QStringLiteral("x/token"), "first-value-1", [&](const SecretResult&) { order << QStringLiteral("w1"); });
    store->write(QStringLiteral("x/token"), "second-value-2", [&](const SecretResult&) { order << QStringLiteral("w2"); });
    store->read(QStringLiteral("x/token"), [&](const SecretResult& r) {
        order << QStringLiteral("r");
        last = r.value;
    });
    QVERIFY(QTest::qWaitFor([&] { return order.size() == 3; }, 60000));
    QCOMPARE(order, (QStringList{QStringLiteral("w1"), QStringLiteral("w2"), QStringLiteral("r")}));
    QCOMPARE(last, QByteArray("second-value-2"));
}

void TestSecretStores::invalidNamesAreRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("no field") << QStringLiteral("edc");
    QTest::newRow("three parts") << QStringLiteral("a/b/c");
    QTest::newRow("dot start") << QStringLiteral(".index/x");
    QTest::newRow("space") << QStringLiteral("edc prod/token");
    QTest::newRow("traversal") << QStringLiteral("../token");
}

void TestSecretStores::invalidNamesAreRefused()
{
    QFETCH(QString, name);
    QString error;
    QVERIFY(!SecretStore::isValidName(name, &error));
    QVERIFY(error.contains(QLatin1String("CONNECTION/FIELD")));
    VaultSecretStore store(QStringLiteral("scope"), m_tmp.filePath(QStringLiteral("names.tbvault")), "pass phrase",
                           Vault::KdfParams::minimal());
    const SecretResult r = await([&](auto done) { store.write(name, "some-value-1", done); });
    QVERIFY(!r.ok());
}

void TestSecretStores::readValuesAreRedactedFromLogs()
{
    Redactor::global().clear();
    VaultSecretStore store(QStringLiteral("redact"), m_tmp.filePath(QStringLiteral("redact.tbvault")), "pass phrase",
                           Vault::KdfParams::minimal());
    QVERIFY(await([&](auto done) { store.write(QStringLiteral("edc/token"), "value-that-must-vanish", done); }).ok());
    Redactor::global().clear(); // as in a later process that only reads it
    QVERIFY(await([&](auto done) { store.read(QStringLiteral("edc/token"), done); }).ok());
    QCOMPARE(Redactor::global().redact(QStringLiteral("x value-that-must-vanish y")), QStringLiteral("x [redacted] y"));
}

void TestSecretStores::probeFindsTheSecretService()
{
    TB_NEED_KEYRING();
    KeychainProbe probe;
    KeychainProbe::Result result;
    bool done = false;
    probe.start(10000, [&](const KeychainProbe::Result& r) {
        result = r;
        done = true;
    });
    QVERIFY(QTest::qWaitFor([&] { return done; }, 15000));
    QVERIFY2(result.available, qPrintable(result.reason));
    QVERIFY(result.reason.contains(QLatin1String("write, read and delete")));
}

void TestSecretStores::chooserPicksTheKeychainWhenItAnswers()
{
    TB_NEED_KEYRING();
    SecretBackendChooser chooser;
    SecretsSettings settings = SecretsSettings::load();
    QCOMPARE(settings.preference, SecretsSettings::Preference::Auto);
    SecretBackendChooser::Choice choice;
    bool done = false;
    chooser.choose(settings, [&](const SecretBackendChooser::Choice& c) {
        choice = c;
        done = true;
    });
    QVERIFY(QTest::qWaitFor([&] { return done; }, 15000));
    QVERIFY(choice.ok);
    QCOMPARE(choice.backend, SecretStore::Backend::Keychain);
    QVERIFY2(choice.reason.contains(QLatin1String("answered")), qPrintable(choice.reason));
}

void TestSecretStores::chooserPicksTheVaultWhenConfigured()
{
    qputenv(SecretsSettings::BackendEnv, "vault");
    qputenv(SecretsSettings::VaultFileEnv, m_tmp.filePath(QStringLiteral("configured.tbvault")).toLocal8Bit());
    const SecretsSettings settings = SecretsSettings::load();
    qunsetenv(SecretsSettings::BackendEnv);
    qunsetenv(SecretsSettings::VaultFileEnv);
    QCOMPARE(settings.preference, SecretsSettings::Preference::Vault);
    QVERIFY(settings.preferenceSource.contains(QLatin1String("TRIALBRIDGE_SECRETS_BACKEND")));
    SecretBackendChooser chooser;
    SecretBackendChooser::Choice choice;
    bool done = false;
    chooser.choose(settings, [&](const SecretBackendChooser::Choice& c) {
        choice = c;
        done = true;
    });
    QVERIFY(QTest::qWaitFor([&] { return done; }, 5000));
    QVERIFY(choice.ok);
    QCOMPARE(choice.backend, SecretStore::Backend::Vault);
    QCOMPARE(choice.vaultPath, m_tmp.filePath(QStringLiteral("configured.tbvault")));
    QVERIFY2(choice.reason.contains(QLatin1String("configured")), qPrintable(choice.reason));
}

void TestSecretStores::vaultStoreReportsWrongPassphrase()
{
    const QString path = m_tmp.filePath(QStringLiteral("wrong.tbvault"));
    {
        VaultSecretStore store(QStringLiteral("s"), path, "the right one", Vault::KdfParams::minimal());
        QVERIFY(await([&](auto done) { store.write(QStringLiteral("a/token"), "some-value-1", done); }).ok());
    }
    VaultSecretStore store(QStringLiteral("s"), path, "the wrong one", Vault::KdfParams::minimal());
    const SecretResult r = await([&](auto done) { store.read(QStringLiteral("a/token"), done); });
    QCOMPARE(r.status, SecretResult::Status::WrongPassphrase);
    QVERIFY2(r.message.contains(QLatin1String("wrong passphrase")), qPrintable(r.message));
}

QTEST_GUILESS_MAIN(TestSecretStores)
#include "tst_secretstores.moc"
