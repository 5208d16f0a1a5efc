#pragma once

#include "connection/ConnectionProfile.h"
#include "connection/ConnectionTestResult.h"
#include "connection/SocketWatchdog.h"

#include <QByteArray>
#include <QString>

#include <memory>

struct ssh_session_struct;
struct sftp_session_struct;

namespace tb::core {

// An authenticated SFTP session from a connection profile, shared by the connection check and the SFTP drop
// folder: connect, verify the server's host key against the profile's pinned SHA-256 fingerprint before
// authenticating (an impostor never sees a password), log in with the password or private key, start SFTP.
// Only the profile decides: no ~/.ssh/config, known_hosts or agent. Blocking; one thread at a time. Every
// network step after the connect is bounded by the profile's time-out (bounded()).
class SftpSession
{
public:
    SftpSession();
    ~SftpSession();
    SftpSession(const SftpSession&) = delete;
    SftpSession& operator=(const SftpSession&) = delete;

    // secret: the password or the private key (OpenSSH or PEM text, unencrypted). Ok, or why not.
    ConnectionTestResult open(const ConnectionProfile& profile, const QByteArray& secret);
    void close();

    ssh_session_struct* ssh() const;
    sftp_session_struct* sftp() const;
    QString fingerprint() const { return m_fingerprint; } // "SHA256:..." of the verified host key
    QString serverBanner() const;
    // The session's last error, redacted.
    QString lastError() const;
    // Why the connection no longer works — no answer within the time-out, or lost — or empty while it does.
    QString connectionProblem() const;
    // One blocking libssh call under the profile's time-out: session.bounded([&] { return sftp_read(...); }).
    template <typename Call> auto bounded(Call call) const
    {
        const SocketWatchdog::Call watched(watchdog());
        return call();
    }
    bool timedOut() const; // a call got no answer within the time-out: the connection was closed

private:
    SocketWatchdog* watchdog() const; // null before open()

    struct Handles;
    std::unique_ptr<Handles> m_h;
    QString m_fingerprint;
};

} // namespace tb::core
