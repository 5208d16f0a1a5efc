#include "audit/AuditTrust.h"

#include "audit/AuditSigner.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace tb::core {

namespace {

const QString KeysMember = QStringLiteral("auditKeys");

bool readFile(const QString& path, QJsonObject* out, QString* error)
{
    QFile f(path);
    if (!f.exists())
        return true;
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read: %2").arg(path, f.errorString());
        return false;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (!doc.isObject()) {
        *error = QStringLiteral("%1: not a JSON object (%2 at offset %3)")
                     .arg(path, pe.errorString())
                     .arg(pe.offset);
        return false;
    }
    *out = doc.object();
    return true;
}

} // namespace

QString AuditTrust::findWorkspace(const QString& dir)
{
    for (QDir d(QFileInfo(dir).absoluteFilePath());;) {
        if (QFileInfo::exists(d.filePath(QLatin1String(Workspace::IdFile))))
            return d.absolutePath();
        if (!d.cdUp())
            return {};
    }
}

bool AuditTrust::load(const QString& workspaceDir, QList<QByteArray>* keys, QString* error)
{
    const QString path = QDir(workspaceDir).filePath(QLatin1String(Workspace::IdFile));
    QJsonObject o;
    if (!readFile(path, &o, error))
        return false;
    const QJsonValue list = o.value(KeysMember);
    if (!list.isUndefined() && !list.isArray()) {
        *error = QStringLiteral("%1: \"%2\" must be an array").arg(path, KeysMember);
        return false;
    }
    const QJsonArray a = list.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QByteArray key =
            QByteArray::fromHex(a[i].toObject().value(QStringLiteral("publicKey")).toString().toLatin1());
        if (key.size() != AuditSigner::PublicKeyBytes) {
            *error = QStringLiteral("%1: \"%2\"[%3].publicKey must be %4 bytes in hex")
                         .arg(path, KeysMember)
                         .arg(i)
                         .arg(AuditSigner::PublicKeyBytes);
            return false;
        }
        keys->append(key);
    }
    return true;
}

bool AuditTrust::add(const QString& workspaceDir, const QByteArray& publicKey, const QString& createdUtc,
                     QString* error)
{
    QList<QByteArray> keys;
    if (!load(workspaceDir, &keys, error))
        return false;
    if (keys.contains(publicKey))
        return true;
    const QString path = QDir(workspaceDir).filePath(QLatin1String(Workspace::IdFile));
    QJsonObject o;
    if (!readFile(path, &o, error))
        return false;
    QJsonArray list = o.value(KeysMember).toArray();
    list.append(QJsonObject{{QStringLiteral("keyId"), AuditSigner::keyIdOf(publicKey)},
                            {QStringLiteral("publicKey"), QString::fromLatin1(publicKey.toHex())},
                            {QStringLiteral("created"), createdUtc}});
    o.insert(KeysMember, list);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(o).toJson(QJsonDocument::Indented)) < 0
        || !f.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace tb::core
