#pragma once

#include "connection/ConnectionProfile.h"
#include "connection/ConnectionTestResult.h"

#include <QByteArray>
#include <QObject>
#include <QThreadPool>

#include <functional>

namespace tb::core {

// Tests an SFTP connection with libssh: connect, verify the server's host key against the profile's
// pinned SHA-256 fingerprint (before authenticating — an impostor never sees a password), log in
// with the stored password or private key, and open the remote folder. libssh blocks, so the check
// runs on a worker thread; the result comes back through the owner's event loop.
class SftpConnectionCheck : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const ConnectionTestResult&)>;

    explicit SftpConnectionCheck(QObject* parent = nullptr);
    ~SftpConnectionCheck() override; // waits for a running check

    // secret: the password or the private key (OpenSSH or PEM text, unencrypted).
    void start(const ConnectionProfile& profile, const QByteArray& secret, Done done);

private:
    static ConnectionTestResult run(const ConnectionProfile& profile, const QByteArray& secret);

    QThreadPool m_pool;
};

} // namespace tb::core
