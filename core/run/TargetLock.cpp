#include "run/TargetLock.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tb::core {

namespace {

bool sameFile(int fd, const QByteArray& path)
{
    struct stat opened {}, named {};
    return ::fstat(fd, &opened) == 0 && ::stat(path.constData(), &named) == 0 && opened.st_dev == named.st_dev &&
           opened.st_ino == named.st_ino;
}

// As QLockFile writes it, so that either reads the other's file.
QString executableName()
{
    return QCoreApplication::instance() ? QFileInfo(QCoreApplication::applicationFilePath()).fileName() : QString();
}

} // namespace

TargetLock::TargetLock(QString fileName) : m_fileName(std::move(fileName))
{
}

TargetLock::~TargetLock()
{
    release();
}

TargetLock::Outcome TargetLock::acquire()
{
    release();
    m_holderPid = 0;
    m_holderHost.clear();
    m_error.clear();
    const QByteArray path = QFile::encodeName(m_fileName);
    // A holder releasing between our open() and our flock() has removed the file we hold: try a new one.
    for (int attempt = 0; attempt < 64; ++attempt) {
        const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
        if (fd < 0)
            return fail(errno);
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int err = errno;
            if (err == EWOULDBLOCK)
                readHolder(fd);
            ::close(fd);
            return err == EWOULDBLOCK ? Outcome::Held : fail(err);
        }
        if (!sameFile(fd, path)) {
            ::close(fd);
            continue;
        }
        const QByteArray holder = QByteArray::number(QCoreApplication::applicationPid()) + '\n' +
                                  executableName().toUtf8() + '\n' +
                                  QSysInfo::machineHostName().toUtf8() + '\n';
        errno = 0;
        if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, holder.constData(), size_t(holder.size()), 0) != holder.size()) {
            const int err = errno ? errno : ENOSPC; // a short write means the disk filled up
            ::unlink(path.constData());
            ::close(fd);
            return fail(err);
        }
        m_fd = fd;
        return Outcome::Acquired;
    }
    m_error = QStringLiteral("the lock file is removed and created again faster than it can be locked");
    return Outcome::Failed;
}

void TargetLock::release()
{
    if (m_fd < 0)
        return;
    const QByteArray path = QFile::encodeName(m_fileName);
    if (sameFile(m_fd, path)) // never the file of a run that started after ours was deleted by hand
        ::unlink(path.constData());
    ::close(m_fd);
    m_fd = -1;
}

TargetLock::Outcome TargetLock::fail(int err)
{
    m_error = QString::fromLocal8Bit(std::strerror(err));
    switch (err) {
    case EACCES:
    case EPERM:
    case EROFS:
        return Outcome::NotWritable;
    case ENOSPC:
    case EDQUOT:
        return Outcome::DiskFull;
    default:
        return Outcome::Failed;
    }
}

void TargetLock::readHolder(int fd)
{
    char buffer[1024];
    const ssize_t n = ::pread(fd, buffer, sizeof buffer, 0);
    if (n <= 0)
        return; // the holder has opened the file but not written it yet
    const QList<QByteArray> lines = QByteArray(buffer, n).split('\n');
    m_holderPid = lines.value(0).toLongLong();
    m_holderHost = QString::fromUtf8(lines.value(2));
}

} // namespace tb::core
