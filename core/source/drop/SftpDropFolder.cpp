#include "source/drop/SftpDropFolder.h"

#include <libssh/libssh.h>
#include <libssh/sftp.h>

#include <fcntl.h>

namespace tb::core {

namespace {

QString statusText(int code)
{
    switch (code) {
    case SSH_FX_NO_SUCH_FILE:
        return QStringLiteral("no such file");
    case SSH_FX_PERMISSION_DENIED:
        return QStringLiteral("permission denied");
    case SSH_FX_FILE_ALREADY_EXISTS:
        return QStringLiteral("exists already");
    case SSH_FX_NO_SUCH_PATH:
        return QStringLiteral("no such folder");
    case SSH_FX_FAILURE:
        return QStringLiteral("the server reported a failure");
    case SSH_FX_CONNECTION_LOST:
        return QStringLiteral("connection lost");
    default:
        return QStringLiteral("SFTP error %1").arg(code);
    }
}

} // namespace

SftpDropFolder::SftpDropFolder(const ConnectionProfile& profile) : m_profile(profile) {}

ConnectionTestResult SftpDropFolder::open(const QByteArray& secret)
{
    ConnectionTestResult r = m_session.open(m_profile, secret);
    if (!r.ok())
        return r.redacted();
    sftp_attributes a =
        m_session.bounded([&] { return sftp_stat(m_session.sftp(), pathOf(QString()).constData()); });
    const bool folder = a && a->type == SSH_FILEXFER_TYPE_DIRECTORY;
    if (a)
        sftp_attributes_free(a);
    if (!folder)
        return ConnectionTestResult::make(
            ConnectionTestResult::Outcome::NotFound,
            QStringLiteral("no folder \"%1\" on %2").arg(m_profile.remotePath, m_profile.target()),
            QStringLiteral("check path in the profile"));
    return r;
}

QString SftpDropFolder::describe() const
{
    return QStringLiteral("sftp %1:%2").arg(m_profile.target(), m_profile.remotePath);
}

QByteArray SftpDropFolder::pathOf(const QString& relativePath) const
{
    QString base = m_profile.remotePath.isEmpty() ? QStringLiteral(".") : m_profile.remotePath;
    if (relativePath.isEmpty())
        return base.toUtf8();
    if (!base.endsWith(QLatin1Char('/')))
        base += QLatin1Char('/');
    return (base + relativePath).toUtf8();
}

QString SftpDropFolder::failure(const QString& what) const
{
    // A broken or silent connection says so; the SFTP status it leaves behind ("failure") would not.
    QString why = m_session.connectionProblem();
    if (why.isEmpty()) {
        const int code = m_session.sftp() ? sftp_get_error(m_session.sftp()) : -1;
        why = code > 0 ? statusText(code) : m_session.lastError();
    }
    return QStringLiteral("%1: %2: %3").arg(describe(), what, why);
}

bool SftpDropFolder::list(QVector<Entry>* out, QString* error)
{
    out->clear();
    sftp_dir dir =
        m_session.bounded([&] { return sftp_opendir(m_session.sftp(), pathOf(QString()).constData()); });
    if (!dir) {
        *error = failure(QStringLiteral("cannot list the folder"));
        return false;
    }
    while (sftp_attributes a = m_session.bounded([&] { return sftp_readdir(m_session.sftp(), dir); })) {
        // Symbolic links are not followed (their type is "symlink"), nor are folders read.
        if (a->type == SSH_FILEXFER_TYPE_REGULAR && a->name)
            out->append({QString::fromUtf8(a->name), qint64(a->size), qint64(a->mtime)});
        sftp_attributes_free(a);
    }
    const bool complete = sftp_dir_eof(dir);
    m_session.bounded([&] { return sftp_closedir(dir); });
    if (!complete) {
        *error = failure(QStringLiteral("listing the folder broke off"));
        return false;
    }
    return true;
}

bool SftpDropFolder::read(const QString& name, const Sink& sink, QString* error)
{
    sftp_file f =
        m_session.bounded([&] { return sftp_open(m_session.sftp(), pathOf(name).constData(), O_RDONLY, 0); });
    if (!f) {
        *error = failure(QStringLiteral("cannot open %1").arg(name));
        return false;
    }
    QByteArray buffer(1 << 15, Qt::Uninitialized);
    bool ok = true;
    for (;;) {
        const ssize_t n =
            m_session.bounded([&] { return sftp_read(f, buffer.data(), size_t(buffer.size())); });
        if (n < 0) {
            *error = failure(QStringLiteral("cannot read %1").arg(name));
            ok = false;
            break;
        }
        if (n == 0)
            break;
        if (!sink(buffer.constData(), qint64(n))) {
            *error = QStringLiteral("%1: cannot keep a copy of %2 (disk full?)").arg(describe(), name);
            ok = false;
            break;
        }
    }
    m_session.bounded([&] { return sftp_close(f); });
    return ok;
}

bool SftpDropFolder::exists(const QString& relativePath)
{
    sftp_attributes a =
        m_session.bounded([&] { return sftp_lstat(m_session.sftp(), pathOf(relativePath).constData()); });
    if (!a)
        return false;
    sftp_attributes_free(a);
    return true;
}

bool SftpDropFolder::makeFolder(const QString& name, QString* error)
{
    sftp_attributes a =
        m_session.bounded([&] { return sftp_stat(m_session.sftp(), pathOf(name).constData()); });
    if (a) {
        const bool folder = a->type == SSH_FILEXFER_TYPE_DIRECTORY;
        sftp_attributes_free(a);
        if (folder)
            return true;
        *error = QStringLiteral("%1: %2 exists but is no folder").arg(describe(), name);
        return false;
    }
    if (m_session.bounded([&] { return sftp_mkdir(m_session.sftp(), pathOf(name).constData(), 0750); }) !=
        0) {
        *error = failure(QStringLiteral("cannot create the folder %1").arg(name));
        return false;
    }
    return true;
}

bool SftpDropFolder::rename(const QString& from, const QString& to, QString* error)
{
    // SFTP version 3's rename never replaces an existing file: a name taken meanwhile is an error, not a
    // loss.
    if (m_session.bounded([&] {
            return sftp_rename(m_session.sftp(), pathOf(from).constData(), pathOf(to).constData());
        }) != 0) {
        *error = failure(QStringLiteral("cannot move %1 to %2").arg(from, to));
        return false;
    }
    return true;
}

bool SftpDropFolder::write(const QString& relativePath, const QByteArray& bytes, QString* error)
{
    sftp_file f = m_session.bounded([&] {
        return sftp_open(m_session.sftp(), pathOf(relativePath).constData(), O_WRONLY | O_CREAT | O_TRUNC,
                         0640);
    });
    if (!f) {
        *error = failure(QStringLiteral("cannot write %1").arg(relativePath));
        return false;
    }
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = m_session.bounded(
            [&] { return sftp_write(f, bytes.constData() + done, size_t(bytes.size() - done)); });
        if (n <= 0)
            break;
        done += n;
    }
    const bool closed = m_session.bounded([&] { return sftp_close(f); }) == SSH_NO_ERROR;
    if (done != bytes.size() || !closed) {
        *error = failure(QStringLiteral("cannot write %1").arg(relativePath));
        return false;
    }
    return true;
}

} // namespace tb::core
