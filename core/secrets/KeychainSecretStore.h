#pragma once

#include "secrets/SecretStore.h"

namespace tb::core {

// Secrets in the OS keychain through QtKeychain (Secret Service on Linux, Keychain on macOS,
// Credential Manager on Windows). Entries are stored under service "TrialBridge" with the key
// "<workspace id>/<connection>/<field>"; the insecure plain-text fallback of QtKeychain is off.
// A keychain cannot enumerate its entries, so the store keeps the list of names in one more entry,
// "<workspace id>/.index" (names only, never values).
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    static constexpr const char* Service = "TrialBridge";
    // An operation that gets no answer in this time fails as Unavailable (a locked keychain waiting
    // for a prompt nobody sees, a daemon that hangs).
    static constexpr int OperationTimeoutMs = 30000;

    explicit KeychainSecretStore(const QString& scope, QObject* parent = nullptr);

    Backend backend() const override { return Backend::Keychain; }
    QString description() const override;
    static QString platformDescription(); // "OS keychain (Secret Service)" on Linux

    void read(const QString& name, Callback done) override;
    void write(const QString& name, const QByteArray& value, Callback done) override;
    void remove(const QString& name, Callback done) override;
    void list(Callback done) override;

private:
    using JobDone = std::function<void(const SecretResult&)>;
    void readKey(const QString& key, JobDone done);
    void writeKey(const QString& key, const QByteArray& value, JobDone done);
    void deleteKey(const QString& key, JobDone done);
    void readIndex(std::function<void(const SecretResult&)> done);
    void updateIndex(const QString& name, bool add, JobDone done);
    QString indexKey() const;
};

} // namespace tb::core
