#include "secrets/VaultSecretStore.h"

#include "util/Crypto.h"
#include "util/Redactor.h"

#include <QFileInfo>
#include <QMetaObject>

namespace tb::core {

struct VaultSecretStore::State
{
    Vault vault;
    QByteArray passphrase;
    Vault::KdfParams params;

    ~State() { crypto::wipe(passphrase); }

    // Opens the vault once (create only for writes); an error result otherwise.
    SecretResult ensureOpen(const QString& path, bool create)
    {
        if (vault.isOpen())
            return vault.reload() ? SecretResult() : failure(); // another process may have written
        if (!create && !QFileInfo::exists(path)) {
            SecretResult r;
            r.status = SecretResult::Status::NotFound;
            r.message = QStringLiteral("the vault %1 does not exist yet (it is created by the first \"secrets set\")").arg(path);
            return r;
        }
        if (vault.open(path, passphrase, create, params))
            return {};
        return failure();
    }

    SecretResult failure() const
    {
        SecretResult r;
        r.message = vault.errorString();
        switch (vault.error()) {
        case Vault::Error::None: break;
        case Vault::Error::Missing:
        case Vault::Error::NotFound: r.status = SecretResult::Status::NotFound; break;
        case Vault::Error::WrongPassphrase: r.status = SecretResult::Status::WrongPassphrase; break;
        case Vault::Error::WrongHeader:
        case Vault::Error::UnsupportedVersion:
        case Vault::Error::UnsupportedParameters:
        case Vault::Error::Truncated:
        case Vault::Error::Corrupted:
        case Vault::Error::Tampered: r.status = SecretResult::Status::Corrupted; break;
        case Vault::Error::Busy:
        case Vault::Error::Io: r.status = SecretResult::Status::Failed; break;
        }
        return r;
    }
};

VaultSecretStore::VaultSecretStore(const QString& scope, const QString& path, const QByteArray& passphrase,
                                   const Vault::KdfParams& params, QObject* parent)
    : SecretStore(scope, parent), m_path(QFileInfo(path).absoluteFilePath()), m_state(std::make_shared<State>())
{
    m_state->passphrase = passphrase;
    m_state->params = params;
    m_pool.setMaxThreadCount(1);
}

VaultSecretStore::~VaultSecretStore()
{
    m_pool.waitForDone();
}

QString VaultSecretStore::description() const
{
    return QStringLiteral("encrypted vault %1").arg(m_path);
}

void VaultSecretStore::submit(Work work, Callback done)
{
    auto state = m_state;
    m_pool.start([this, state, work = std::move(work), done = std::move(done)] {
        const SecretResult r = work(*state);
        // Queued to this object's thread; dropped if the store is gone (its destructor waits for us, and
        // Qt discards calls queued to a deleted object).
        QMetaObject::invokeMethod(this, [this, r, done] { finishLater(done, r); }, Qt::QueuedConnection);
    });
}

void VaultSecretStore::read(const QString& name, Callback done)
{
    QString error;
    if (!isValidName(name, &error)) {
        finishLater(done, {SecretResult::Status::Failed, error, {}, {}});
        return;
    }
    const QString key = qualified(name);
    submit(
        [key, name, path = m_path](State& s) {
            SecretResult r = s.ensureOpen(path, false);
            if (r.status == SecretResult::Status::NotFound)
                r.message = QStringLiteral("no secret named \"%1\" (the vault %2 does not exist yet)").arg(name, path);
            if (!r.ok())
                return r;
            if (!s.vault.read(key, &r.value)) {
                r = s.failure();
                if (r.status == SecretResult::Status::NotFound)
                    r.message = QStringLiteral("no secret named \"%1\" in the vault %2").arg(name, path);
            }
            return r;
        },
        std::move(done));
}

void VaultSecretStore::write(const QString& name, const QByteArray& value, Callback done)
{
    QString error;
    if (!isValidName(name, &error)) {
        finishLater(done, {SecretResult::Status::Failed, error, {}, {}});
        return;
    }
    Redactor::global().addSecret(value);
    const QString key = qualified(name);
    submit(
        [key, value, path = m_path](State& s) {
            SecretResult r = s.ensureOpen(path, true);
            if (r.ok() && !s.vault.write(key, value))
                r = s.failure();
            return r;
        },
        std::move(done));
}

void VaultSecretStore::remove(const QString& name, Callback done)
{
    QString error;
    if (!isValidName(name, &error)) {
        finishLater(done, {SecretResult::Status::Failed, error, {}, {}});
        return;
    }
    const QString key = qualified(name);
    submit(
        [key, name, path = m_path](State& s) {
            SecretResult r = s.ensureOpen(path, false);
            if (r.ok() && !s.vault.remove(key))
                r = s.failure();
            if (r.status == SecretResult::Status::NotFound)
                r.message = QStringLiteral("no secret named \"%1\" in the vault %2").arg(name, path);
            return r;
        },
        std::move(done));
}

void VaultSecretStore::list(Callback done)
{
    const QString prefix = scope() + QLatin1Char('/');
    submit(
        [prefix, path = m_path](State& s) {
            SecretResult r = s.ensureOpen(path, false);
            if (r.status == SecretResult::Status::NotFound)
                return SecretResult(); // no vault yet: nothing stored
            if (!r.ok())
                return r;
            for (const QString& n : s.vault.names())
                if (n.startsWith(prefix))
                    r.names << n.mid(prefix.size());
            return r;
        },
        std::move(done));
}

} // namespace tb::core
