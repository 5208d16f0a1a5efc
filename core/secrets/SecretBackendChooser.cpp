#include "secrets/SecretBackendChooser.h"

#include "secrets/KeychainProbe.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/VaultSecretStore.h"
#include "util/Logging.h"

#include <QMetaObject>

namespace tb::core {

SecretBackendChooser::SecretBackendChooser(QObject* parent) : QObject(parent) {}

void SecretBackendChooser::choose(const SecretsSettings& settings, std::function<void(const Choice&)> done)
{
    const QString source = settings.preferenceSource;
    if (settings.preference == SecretsSettings::Preference::Vault) {
        Choice c;
        c.ok = true;
        c.backend = SecretStore::Backend::Vault;
        c.vaultPath = settings.vaultFile;
        c.reason = QStringLiteral("the vault is configured (secrets backend \"vault\" from the %1)").arg(source);
        QMetaObject::invokeMethod(this, [done, c] { done(c); }, Qt::QueuedConnection);
        return;
    }
    auto* probe = new KeychainProbe(this);
    probe->start(settings.probeTimeoutMs, [probe, settings, source, done](const KeychainProbe::Result& r) {
        probe->deleteLater();
        Choice c;
        if (r.available) {
            c.ok = true;
            c.backend = SecretStore::Backend::Keychain;
            c.reason = settings.preference == SecretsSettings::Preference::Keychain
                           ? QStringLiteral("the OS keychain is configured (from the %1) and %2").arg(source, r.reason)
                           : QStringLiteral("%1 (secrets backend \"auto\" from the %2)").arg(r.reason, source);
        } else if (settings.preference == SecretsSettings::Preference::Keychain) {
            c.ok = false;
            c.error = QStringLiteral("secrets backend \"keychain\" is configured (from the %1), but %2. Secrets are "
                                     "never stored in plain text; start the keychain, or choose the encrypted vault: "
                                     "trialbridge-cli secrets backend --use vault")
                          .arg(source, r.reason);
        } else {
            c.ok = true;
            c.backend = SecretStore::Backend::Vault;
            c.vaultPath = settings.vaultFile;
            c.reason = QStringLiteral("%1; using the encrypted vault instead (secrets backend \"auto\" from the %2)")
                           .arg(r.reason, source);
        }
        qCInfo(lcSecrets) << "secret back end:" << (c.ok ? SecretStore::backendName(c.backend) : QStringLiteral("none"))
                          << "-" << (c.ok ? c.reason : c.error);
        done(c);
    });
}

std::unique_ptr<SecretStore> SecretBackendChooser::createStore(const Choice& choice, const QString& scope,
                                                               const QByteArray& passphrase,
                                                               const Vault::KdfParams& params)
{
    if (!choice.ok)
        return nullptr;
    if (choice.backend == SecretStore::Backend::Keychain)
        return std::make_unique<KeychainSecretStore>(scope);
    return std::make_unique<VaultSecretStore>(scope, choice.vaultPath, passphrase, params);
}

} // namespace tb::core
