#include "workspace/Workspace.h"

#include "run/PipelineDocument.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUuid>

namespace tb::core {

QString Workspace::suffix(Kind kind)
{
    return QLatin1Char('.') + kindName(kind) + QStringLiteral(".json");
}

QString Workspace::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Connection: return QStringLiteral("connection");
    case Kind::Mapping: return QStringLiteral("mapping");
    case Kind::Pipeline: return QStringLiteral("pipeline");
    case Kind::Study: return QStringLiteral("study");
    }
    return {};
}

QList<Workspace::Kind> Workspace::kinds()
{
    return {Kind::Study, Kind::Connection, Kind::Mapping, Kind::Pipeline};
}

Workspace::Workspace(const QString& dir) : m_dir(dir.isEmpty() ? QString() : QDir(dir).absolutePath()) {}

bool Workspace::isValid() const
{
    return !m_dir.isEmpty() && QFileInfo(m_dir).isDir();
}

QString Workspace::name() const
{
    return QFileInfo(m_dir).fileName();
}

QStringList Workspace::documents(Kind kind) const
{
    QStringList out;
    if (!isValid())
        return out;
    const QDir root(m_dir);
    QDirIterator it(m_dir, {QLatin1Char('*') + suffix(kind)}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << root.relativeFilePath(it.next());
    out.sort();
    return out;
}

QString Workspace::absolutePath(const QString& relative) const
{
    return QDir(m_dir).filePath(relative);
}

QStringList Workspace::targetDatabases() const
{
    QStringList out;
    for (const QString& p : documents(Kind::Pipeline)) {
        PipelineDocument doc;
        QString error;
        if (PipelineDocument::load(absolutePath(p), &doc, &error)) {
            const QString db = doc.resolve(doc.targetDatabase);
            if (!out.contains(db))
                out << db;
        }
    }
    return out;
}

QString Workspace::id(QString* error) const
{
    const QString path = absolutePath(QLatin1String(IdFile));
    QFile f(path);
    if (!f.exists())
        return {};
    QJsonParseError pe;
    const QJsonDocument doc = f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll(), &pe) : QJsonDocument();
    const QString id = doc.object().value(QStringLiteral("id")).toString();
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{7,63}$"));
    if (!valid.match(id).hasMatch()) {
        if (error)
            *error = QStringLiteral("%1: no valid workspace id (\"id\": 8 to 64 letters, digits, '.', '_', '-')").arg(path);
        return {};
    }
    return id;
}

QString Workspace::ensureId(QString* error) const
{
    if (!isValid()) {
        if (error)
            *error = QStringLiteral("%1: no such workspace folder").arg(m_dir);
        return {};
    }
    QString readError;
    const QString existing = id(&readError);
    if (!existing.isEmpty())
        return existing;
    if (!readError.isEmpty()) {
        if (error)
            *error = readError; // a damaged id file is not silently replaced: its secrets would be orphaned
        return {};
    }
    const QString newId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject o{{QStringLiteral("format"), QStringLiteral("trialbridge.workspace/1")},
                        {QStringLiteral("id"), newId}};
    QSaveFile f(absolutePath(QLatin1String(IdFile)));
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(o).toJson(QJsonDocument::Indented)) < 0 || !f.commit()) {
        if (error)
            *error = QStringLiteral("%1: cannot write: %2").arg(f.fileName(), f.errorString());
        return {};
    }
    return newId;
}

} // namespace tb::core
