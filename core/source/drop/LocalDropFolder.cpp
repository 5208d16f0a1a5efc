#include "source/drop/LocalDropFolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace tb::core {

LocalDropFolder::LocalDropFolder(const QString& path) : m_path(QDir::cleanPath(path)) {}

bool LocalDropFolder::list(QVector<Entry>* out, QString* error)
{
    out->clear();
    const QDir dir(m_path);
    if (!dir.exists()) {
        *error = QStringLiteral("%1: no such folder").arg(m_path);
        return false;
    }
    if (!QFileInfo(m_path).isReadable()) {
        *error = QStringLiteral("%1: the folder cannot be read (permission denied)").arg(m_path);
        return false;
    }
    // Symbolic links are not followed: a link could point anywhere outside the folder.
    for (const QFileInfo& fi :
         dir.entryInfoList(QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks, QDir::Name))
        out->append({fi.fileName(), fi.size(), fi.lastModified().toSecsSinceEpoch()});
    return true;
}

bool LocalDropFolder::read(const QString& name, const Sink& sink, QString* error)
{
    QFile f(pathOf(name));
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read: %2").arg(f.fileName(), f.errorString());
        return false;
    }
    QByteArray buffer(1 << 16, Qt::Uninitialized);
    for (;;) {
        const qint64 n = f.read(buffer.data(), buffer.size());
        if (n < 0) {
            *error = QStringLiteral("%1: cannot read: %2").arg(f.fileName(), f.errorString());
            return false;
        }
        if (n == 0)
            return true;
        if (!sink(buffer.constData(), n)) {
            *error = QStringLiteral("%1: cannot keep a copy of it (disk full?)").arg(f.fileName());
            return false;
        }
    }
}

bool LocalDropFolder::exists(const QString& relativePath)
{
    return QFileInfo::exists(pathOf(relativePath));
}

bool LocalDropFolder::makeFolder(const QString& name, QString* error)
{
    if (QFileInfo(pathOf(name)).isDir() || QDir(m_path).mkdir(name))
        return true;
    *error = QStringLiteral("%1: cannot create the folder %2").arg(m_path, name);
    return false;
}

bool LocalDropFolder::rename(const QString& from, const QString& to, QString* error)
{
    if (exists(to)) {
        *error = QStringLiteral("%1: %2 exists already").arg(m_path, to);
        return false;
    }
    // rename(2), not QFile::rename: no copy-and-delete fallback, which a kill could leave half done.
    if (std::rename(QFile::encodeName(pathOf(from)).constData(), QFile::encodeName(pathOf(to)).constData()) !=
        0) {
        *error = QStringLiteral("%1: cannot move %2 to %3: %4")
                     .arg(m_path, from, to, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

bool LocalDropFolder::write(const QString& relativePath, const QByteArray& bytes, QString* error)
{
    QSaveFile f(pathOf(relativePath));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(f.fileName(), f.errorString());
        return false;
    }
    return true;
}

} // namespace tb::core
