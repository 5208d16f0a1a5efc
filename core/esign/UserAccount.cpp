#include "esign/UserAccount.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

namespace tb::core {

namespace {

constexpr char Format[] = "trialbridge.user/1";
const char* const RoleNames[] = {"analyst", "study_manager", "qa"};

bool fromJson(const QByteArray& bytes, const QString& file, UserAccount* out, QString* error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("%1: not a user document (%2)").arg(file, pe.errorString());
        return false;
    }
    const QJsonObject o = doc.object();
    auto bad = [&](const char* member) {
        *error = QStringLiteral("%1: %2: missing or invalid").arg(file, QLatin1String(member));
        return false;
    };
    if (o.value(QLatin1String("format")).toString() != QLatin1String(Format))
        return bad("format");
    UserAccount u;
    u.id = o.value(QLatin1String("id")).toString();
    QString idError;
    if (!UserAccount::isValidId(u.id, &idError))
        return bad("id");
    u.printedName = o.value(QLatin1String("printedName")).toString();
    if (u.printedName.trimmed().isEmpty())
        return bad("printedName");
    if (!UserAccount::parseRole(o.value(QLatin1String("role")).toString(), &u.role))
        return bad("role");
    u.publicKey = QByteArray::fromBase64(o.value(QLatin1String("publicKey")).toString().toLatin1(),
                                         QByteArray::AbortOnBase64DecodingErrors);
    if (u.publicKey.size() != 32)
        return bad("publicKey");
    u.createdUtc = o.value(QLatin1String("created")).toString();
    *out = u;
    return true;
}

} // namespace

bool UserAccount::isValidId(const QString& id, QString* error)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    if (pattern.match(id).hasMatch())
        return true;
    *error = QStringLiteral("user id '%1': 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit").arg(id);
    return false;
}

bool UserAccount::parseRole(const QString& name, Role* out)
{
    for (int i = 0; i < 3; ++i)
        if (name == QLatin1String(RoleNames[i])) {
            *out = Role(i);
            return true;
        }
    return false;
}

QString UserAccount::roleName(Role role)
{
    return QLatin1String(RoleNames[int(role)]);
}

bool UserAccount::load(const QString& workspaceDir, const QString& id, UserAccount* out, QString* error)
{
    if (!isValidId(id, error))
        return false;
    QFile f(QDir(workspaceDir).filePath(fileName(id)));
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("no user '%1' in the workspace %2 (trialbridge-cli user create makes one)").arg(id, workspaceDir);
        return false;
    }
    if (!fromJson(f.readAll(), f.fileName(), out, error))
        return false;
    if (out->id != id) {
        *error = QStringLiteral("%1: its id is '%2', not '%3'").arg(f.fileName(), out->id, id);
        return false;
    }
    return true;
}

bool UserAccount::loadAll(const QString& workspaceDir, QList<UserAccount>* out, QString* error)
{
    out->clear();
    const QDir dir(workspaceDir);
    for (const QString& name : dir.entryList({QStringLiteral("*.user.json")}, QDir::Files, QDir::Name)) {
        UserAccount u;
        if (!load(workspaceDir, name.chopped(int(qstrlen(".user.json"))), &u, error))
            return false;
        out->append(u);
    }
    return true;
}

bool UserAccount::create(const QString& workspaceDir, QString* error) const
{
    if (!isValidId(id, error))
        return false;
    const QString path = QDir(workspaceDir).filePath(fileName(id));
    if (QFileInfo::exists(path)) {
        *error = QStringLiteral("%1: the user '%2' exists; ids are never reused").arg(path, id);
        return false;
    }
    const QJsonObject o{{QStringLiteral("format"), QLatin1String(Format)},
                        {QStringLiteral("id"), id},
                        {QStringLiteral("printedName"), printedName},
                        {QStringLiteral("role"), roleName(role)},
                        {QStringLiteral("publicKey"), QString::fromLatin1(publicKey.toBase64())},
                        {QStringLiteral("created"), createdUtc}};
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(o).toJson(QJsonDocument::Indented)) < 0 || !f.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

QHash<QString, QString> UserAccount::printedNames(const QString& workspaceDir)
{
    QHash<QString, QString> names;
    QList<UserAccount> users;
    QString error;
    if (!workspaceDir.isEmpty() && loadAll(workspaceDir, &users, &error))
        for (const UserAccount& u : users)
            names.insert(u.id, u.printedName);
    return names;
}

} // namespace tb::core
