#pragma once

#include "secrets/SecretStore.h"
#include "secrets/SecretsSettings.h"
#include "secrets/Vault.h"

#include <QObject>

#include <functional>
#include <memory>

namespace tb::core {

// Decides which back end holds the secrets, and says why: the vault when configured; otherwise the OS
// keychain if it answers the probe (KeychainProbe); otherwise — preference "auto" only — the vault.
// A configured keychain that does not answer is an error, never a silent switch; nothing ever falls
// back to plain text.
class SecretBackendChooser : public QObject
{
    Q_OBJECT
public:
    struct Choice
    {
        bool ok = false;
        SecretStore::Backend backend = SecretStore::Backend::Vault;
        QString reason;    // one sentence for people: what was chosen and why
        QString vaultPath; // when the vault is chosen
        QString error;     // when !ok
    };

    explicit SecretBackendChooser(QObject* parent = nullptr);

    // Asynchronous (the probe talks to the keychain); done runs later from the event loop.
    void choose(const SecretsSettings& settings, std::function<void(const Choice&)> done);

    // The store for a choice; the passphrase is used only by the vault.
    static std::unique_ptr<SecretStore> createStore(const Choice& choice, const QString& scope,
                                                    const QByteArray& passphrase,
                                                    const Vault::KdfParams& params = Vault::KdfParams::recommended());
};

} // namespace tb::core
