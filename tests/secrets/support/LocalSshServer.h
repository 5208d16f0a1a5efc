#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace tb::test {

// A throw-away OpenSSH server for tests: its own host key and configuration in a temporary folder,
// 127.0.0.1 on a free port, public-key login for the current user only, the internal SFTP server.
class LocalSshServer
{
public:
    LocalSshServer();
    ~LocalSshServer();

    bool start(QString* error);
    void stop();

    quint16 port() const { return m_port; }
    QString user() const { return m_user; }
    QString hostKeyFingerprint() const { return m_fingerprint; } // "SHA256:..." by ssh-keygen
    QByteArray clientKey() const { return m_clientKey; }         // authorised private key (OpenSSH text)
    QByteArray otherKey() const { return m_otherKey; }           // a private key the server does not know
    QString folder() const { return m_folder; }                  // an existing folder with one file

private:
    QTemporaryDir m_tmp;
    QProcess m_sshd;
    quint16 m_port = 0;
    QString m_user;
    QString m_fingerprint;
    QByteArray m_clientKey;
    QByteArray m_otherKey;
    QString m_folder;
};

} // namespace tb::test
