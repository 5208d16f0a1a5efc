#include "secrets/SecretsSettings.h"

#include "secrets/Vault.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace tb::core {

namespace {

QSettings userSettings()
{
    // Shared by the console and the CLI, so both use the same back end.
    return QSettings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("TrialBridge"),
                     QStringLiteral("TrialBridge"));
}

} // namespace

QString SecretsSettings::preferenceName(Preference preference)
{
    switch (preference) {
    case Preference::Auto: return QStringLiteral("auto");
    case Preference::Keychain: return QStringLiteral("keychain");
    case Preference::Vault: return QStringLiteral("vault");
    }
    return {};
}

bool SecretsSettings::parsePreference(const QString& text, Preference* out)
{
    for (Preference p : {Preference::Auto, Preference::Keychain, Preference::Vault})
        if (text.trimmed().compare(preferenceName(p), Qt::CaseInsensitive) == 0) {
            *out = p;
            return true;
        }
    return false;
}

QString SecretsSettings::settingsFile()
{
    return userSettings().fileName();
}

SecretsSettings SecretsSettings::load()
{
    SecretsSettings s;
    s.vaultFile = Vault::defaultPath();
    const QSettings settings = userSettings();
    const QString file = settings.fileName();
    Preference p;
    if (settings.contains(QStringLiteral("secrets/backend"))
        && parsePreference(settings.value(QStringLiteral("secrets/backend")).toString(), &p)) {
        s.preference = p;
        s.preferenceSource = QStringLiteral("settings file %1").arg(file);
    }
    if (!settings.value(QStringLiteral("secrets/vaultFile")).toString().isEmpty()) {
        s.vaultFile = settings.value(QStringLiteral("secrets/vaultFile")).toString();
        s.vaultFileSource = QStringLiteral("settings file %1").arg(file);
    }
    const QString env = qEnvironmentVariable(BackendEnv);
    if (!env.isEmpty() && parsePreference(env, &p)) {
        s.preference = p;
        s.preferenceSource = QStringLiteral("environment variable %1").arg(QLatin1String(BackendEnv));
    }
    const QString vaultEnv = qEnvironmentVariable(VaultFileEnv);
    if (!vaultEnv.isEmpty()) {
        s.vaultFile = vaultEnv;
        s.vaultFileSource = QStringLiteral("environment variable %1").arg(QLatin1String(VaultFileEnv));
    }
    s.vaultFile = QFileInfo(s.vaultFile).absoluteFilePath();
    return s;
}

bool SecretsSettings::save(QString* error) const
{
    QSettings settings = userSettings();
    settings.setValue(QStringLiteral("secrets/backend"), preferenceName(preference));
    if (vaultFile.isEmpty() || QFileInfo(vaultFile).absoluteFilePath() == QFileInfo(Vault::defaultPath()).absoluteFilePath())
        settings.remove(QStringLiteral("secrets/vaultFile"));
    else
        settings.setValue(QStringLiteral("secrets/vaultFile"), QFileInfo(vaultFile).absoluteFilePath());
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        if (error)
            *error = QStringLiteral("cannot write %1").arg(settings.fileName());
        return false;
    }
    return true;
}

} // namespace tb::core
