#pragma once

#include <QString>

namespace tb::core {

// Where secrets go on this machine: a per-user choice (not per workspace — a workspace is shared
// through git, the keychain is not). Read from, in order: the environment
// (TRIALBRIDGE_SECRETS_BACKEND, TRIALBRIDGE_VAULT_FILE), the user's settings file
// (~/.config/TrialBridge/TrialBridge.conf, group [secrets]), the defaults (auto; the vault in
// $XDG_DATA_HOME/TrialBridge/secrets.tbvault). Each value remembers where it came from, so that
// "secrets backend" can say why.
class SecretsSettings
{
public:
    enum class Preference { Auto, Keychain, Vault };

    static constexpr const char* BackendEnv = "TRIALBRIDGE_SECRETS_BACKEND";
    static constexpr const char* VaultFileEnv = "TRIALBRIDGE_VAULT_FILE";

    static QString preferenceName(Preference preference); // "auto", "keychain", "vault"
    static bool parsePreference(const QString& text, Preference* out);
    static QString settingsFile();

    static SecretsSettings load();
    // Stores preference and vault file in the user's settings file (not the environment's values).
    bool save(QString* error) const;

    Preference preference = Preference::Auto;
    QString preferenceSource = QStringLiteral("default");
    QString vaultFile;
    QString vaultFileSource = QStringLiteral("default");
    int probeTimeoutMs = 5000;
};

} // namespace tb::core
