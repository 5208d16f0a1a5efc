// ConnectionProfile::fromJson on arbitrary bytes: a workspace's connection files are edited by hand and
// shared in git. Invariants: every error names the file; a profile that loads carries no credential in its
// URL, names its secrets under its own name, and survives toJson() → fromJson() unchanged.
#include "FuzzSupport.h"

#include "connection/ConnectionProfile.h"

#include <QJsonDocument>

using namespace tb::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char*>(data), qsizetype(size));
    const QString file = QStringLiteral("/workspace/fuzz.connection.json");
    const QString prefix = QStringLiteral("fuzz.connection.json: ");
    ConnectionProfile profile;
    QStringList errors;
    if (!ConnectionProfile::fromJson(json, file, &profile, &errors)) {
        TB_FUZZ_CHECK(!errors.isEmpty(), QStringLiteral("refused without a reason"));
        for (const QString& e : errors)
            TB_FUZZ_CHECK(e.startsWith(prefix) && e.size() > prefix.size(), e);
        return 0;
    }
    TB_FUZZ_CHECK(errors.isEmpty(), errors.join(QLatin1Char('\n')));
    TB_FUZZ_CHECK(profile.name == QLatin1String("fuzz"), profile.name);
    TB_FUZZ_CHECK(profile.url.userName().isEmpty() && profile.url.password().isEmpty(),
                  profile.url.toString());
    for (const QString& secret : profile.secretNames())
        TB_FUZZ_CHECK(secret.startsWith(QLatin1String("fuzz/")), secret);
    (void)profile.target();
    (void)profile.isHttp();

    const QByteArray saved = QJsonDocument(profile.toJson()).toJson(QJsonDocument::Compact);
    ConnectionProfile again;
    QStringList againErrors;
    TB_FUZZ_CHECK(ConnectionProfile::fromJson(saved, file, &again, &againErrors),
                  QString::fromUtf8(saved) + QLatin1Char('\n') + againErrors.join(QLatin1Char('\n')));
    const QByteArray savedAgain = QJsonDocument(again.toJson()).toJson(QJsonDocument::Compact);
    TB_FUZZ_CHECK(savedAgain == saved,
                  QString::fromUtf8(saved) + QStringLiteral(" became ") + QString::fromUtf8(savedAgain));
    TB_FUZZ_CHECK(again.secretNames() == profile.secretNames() && again.target() == profile.target(),
                  again.target());
    return 0;
}
