#include "LocalSshServer.h"

#include "SecretsTestSupport.h"

#include <QDir>
#include <QFile>
#include <QTcpSocket>
#include <QThread>

#include <pwd.h>
#include <unistd.h>

namespace tb::test {

LocalSshServer::LocalSshServer() = default;

LocalSshServer::~LocalSshServer()
{
    stop();
}

bool LocalSshServer::start(QString* error)
{
    const QString sshd = findProgram(QStringLiteral("sshd"));
    const QString keygen = findProgram(QStringLiteral("ssh-keygen"));
    if (sshd.isEmpty() || keygen.isEmpty()) {
        *error = QStringLiteral("OpenSSH's sshd/ssh-keygen are not installed (package openssh-server, see scripts/setup.sh)");
        return false;
    }
    const passwd* pw = getpwuid(geteuid());
    m_user = pw ? QString::fromLocal8Bit(pw->pw_name) : QString();
    // As root, sshd insists on its privilege separation folder (systemd creates it at boot).
    if (geteuid() == 0 && !QFileInfo::exists(QStringLiteral("/run/sshd")))
        QDir().mkpath(QStringLiteral("/run/sshd"));
    const QDir dir(m_tmp.path());
    QString log;
    for (const QString& key : {QStringLiteral("host_key"), QStringLiteral("client_key"), QStringLiteral("other_key")})
        if (!runProgram(keygen, {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                                 QString(), QStringLiteral("-C"), key, QStringLiteral("-f"), dir.filePath(key)},
                        &log)) {
            *error = QStringLiteral("ssh-keygen failed: %1").arg(log);
            return false;
        }
    if (!runProgram(keygen, {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"), QStringLiteral("-f"),
                             dir.filePath(QStringLiteral("host_key.pub"))},
                    &log)) {
        *error = QStringLiteral("ssh-keygen -l failed: %1").arg(log);
        return false;
    }
    m_fingerprint = log.split(QLatin1Char(' ')).value(1);
    const auto read = [&](const QString& name) {
        QFile f(dir.filePath(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    m_clientKey = read(QStringLiteral("client_key"));
    m_otherKey = read(QStringLiteral("other_key"));
    QFile::copy(dir.filePath(QStringLiteral("client_key.pub")), dir.filePath(QStringLiteral("authorized_keys")));
    m_folder = dir.filePath(QStringLiteral("drop"));
    QDir().mkpath(m_folder);
    QFile marker(m_folder + QStringLiteral("/subjects.csv"));
    (void)marker.open(QIODevice::WriteOnly);
    marker.write("STUDY,SUBJECT\n");
    marker.close();

    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = freePort();
        const QString config = dir.filePath(QStringLiteral("sshd_config"));
        QFile cfg(config);
        if (!cfg.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            *error = QStringLiteral("cannot write %1").arg(config);
            return false;
        }
        cfg.write(QStringLiteral("Port %1\nListenAddress 127.0.0.1\nHostKey %2\nPidFile %3\nAuthorizedKeysFile %4\n"
                                 "StrictModes no\nPubkeyAuthentication yes\nPasswordAuthentication no\n"
                                 "KbdInteractiveAuthentication no\nUsePAM no\nPermitRootLogin prohibit-password\n"
                                 "Subsystem sftp internal-sftp\nLogLevel ERROR\n")
                      .arg(m_port)
                      .arg(dir.filePath(QStringLiteral("host_key")), dir.filePath(QStringLiteral("sshd.pid")),
                           dir.filePath(QStringLiteral("authorized_keys")))
                      .toLocal8Bit());
        cfg.close();
        m_sshd.setProcessChannelMode(QProcess::MergedChannels);
        m_sshd.start(sshd, {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), config});
        if (!m_sshd.waitForStarted()) {
            *error = QStringLiteral("cannot start %1").arg(sshd);
            return false;
        }
        for (int i = 0; i < 50; ++i) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_port);
            if (probe.waitForConnected(200))
                return true;
            if (m_sshd.state() != QProcess::Running)
                break;
            QThread::msleep(100);
        }
        log = QString::fromLocal8Bit(m_sshd.readAll());
        stop();
    }
    *error = QStringLiteral("sshd did not start: %1").arg(log);
    return false;
}

void LocalSshServer::stop()
{
    if (m_sshd.state() == QProcess::NotRunning)
        return;
    m_sshd.terminate();
    if (!m_sshd.waitForFinished(5000)) {
        m_sshd.kill();
        m_sshd.waitForFinished();
    }
}

} // namespace tb::test
