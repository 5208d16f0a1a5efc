#include "workspace/Workspace.h"

#include "run/PipelineDocument.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

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

} // namespace tb::core
