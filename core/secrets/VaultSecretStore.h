#pragma once

#include "secrets/SecretStore.h"
#include "secrets/Vault.h"

#include <QThreadPool>

#include <memory>

namespace tb::core {

// Secrets in the encrypted vault file (Vault). Entries are named "<workspace id>/<connection>/<field>",
// so one vault serves every workspace of a user. The vault is opened on the first operation — the
// Argon2id derivation and every file access run on a private worker thread, one at a time, and the
// result comes back through the owner's event loop. A missing vault file is created on the first
// write with the given parameters; reads and lists of a missing vault find nothing.
class VaultSecretStore : public SecretStore
{
    Q_OBJECT
public:
    VaultSecretStore(const QString& scope, const QString& path, const QByteArray& passphrase,
                     const Vault::KdfParams& params = Vault::KdfParams::recommended(), QObject* parent = nullptr);
    ~VaultSecretStore() override; // waits for a running operation

    Backend backend() const override { return Backend::Vault; }
    QString description() const override;
    QString path() const { return m_path; }

    void read(const QString& name, Callback done) override;
    void write(const QString& name, const QByteArray& value, Callback done) override;
    void remove(const QString& name, Callback done) override;
    void list(Callback done) override;

private:
    struct State;
    using Work = std::function<SecretResult(State&)>;
    void submit(Work work, Callback done);

    QString m_path;
    std::shared_ptr<State> m_state;
    QThreadPool m_pool; // one thread: operations run one at a time, in order
};

} // namespace tb::core
