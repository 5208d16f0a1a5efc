#include "connection/SftpConnectionCheck.h"

#include "connection/SftpSession.h"

#include <QElapsedTimer>
#include <QMetaObject>

#include <libssh/libssh.h>
#include <libssh/sftp.h>

namespace tb::core {

namespace {

using Outcome = ConnectionTestResult::Outcome;

} // namespace

SftpConnectionCheck::SftpConnectionCheck(QObject* parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

SftpConnectionCheck::~SftpConnectionCheck()
{
    m_pool.waitForDone();
}

void SftpConnectionCheck::start(const ConnectionProfile& profile, const QByteArray& secret, Done done)
{
    m_pool.start([this, profile, secret, done] {
        QElapsedTimer clock;
        clock.start();
        ConnectionTestResult r = run(profile, secret);
        r.target = profile.target();
        r.elapsedMs = clock.elapsed();
        r = r.redacted();
        QMetaObject::invokeMethod(this, [done, r] { done(r); }, Qt::QueuedConnection);
    });
}

ConnectionTestResult SftpConnectionCheck::run(const ConnectionProfile& p, const QByteArray& secret)
{
    SftpSession session;
    ConnectionTestResult opened = session.open(p, secret);
    if (!opened.ok())
        return opened;
    sftp_session sftp = session.sftp();
    const QByteArray path = p.remotePath.toUtf8();
    // The connection can break or fall silent after the login too.
    const auto lost = [&](const QString& what) {
        return ConnectionTestResult::make(
            session.timedOut() ? Outcome::Timeout : Outcome::Network,
            QStringLiteral("%1 %2 \"%3\": %4")
                .arg(p.target(), what, p.remotePath, session.connectionProblem()));
    };
    sftp_dir dir = session.bounded([&] { return sftp_opendir(sftp, path.constData()); });
    if (!dir && !session.connectionProblem().isEmpty())
        return lost(QStringLiteral("stopped while opening"));
    if (!dir) {
        const int code = sftp_get_error(sftp);
        if (code == SSH_FX_PERMISSION_DENIED)
            return ConnectionTestResult::make(Outcome::Permission,
                                              QStringLiteral("permission denied: user \"%1\" logged in but may not list \"%2\"").arg(p.username, p.remotePath),
                                              QStringLiteral("the server's administrator grants read access to the folder"));
        if (code == SSH_FX_NO_SUCH_FILE || code == SSH_FX_NO_SUCH_PATH)
            return ConnectionTestResult::make(Outcome::NotFound, QStringLiteral("no folder \"%1\" on %2").arg(p.remotePath, p.target()),
                                              QStringLiteral("check path in the profile"));
        return ConnectionTestResult::make(Outcome::Protocol,
                                          QStringLiteral("cannot open \"%1\" on %2 (SFTP error %3)").arg(p.remotePath, p.target()).arg(code));
    }
    int entries = 0;
    while (sftp_attributes a = session.bounded([&] { return sftp_readdir(sftp, dir); })) {
        const QByteArray entryName(a->name ? a->name : "");
        if (entryName != "." && entryName != "..")
            ++entries;
        sftp_attributes_free(a);
    }
    const bool complete = sftp_dir_eof(dir);
    session.bounded([&] { return sftp_closedir(dir); });
    if (!complete)
        return lost(QStringLiteral("stopped while listing"));
    ConnectionTestResult r;
    r.outcome = Outcome::Ok;
    r.server = session.serverBanner();
    r.message = QStringLiteral("%1 verified (host key %2), user \"%3\" logged in and listed \"%4\" (%5 %6)")
                    .arg(p.target(), session.fingerprint(), p.username, p.remotePath)
                    .arg(entries)
                    .arg(entries == 1 ? QStringLiteral("entry") : QStringLiteral("entries"));
    return r;
}

} // namespace tb::core
