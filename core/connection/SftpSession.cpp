#include "connection/SftpSession.h"

#include "util/Redactor.h"

#include <libssh/libssh.h>
#include <libssh/sftp.h>

namespace tb::core {

namespace {

using Outcome = ConnectionTestResult::Outcome;

struct KeyDeleter
{
    void operator()(ssh_key k) const { ssh_key_free(k); }
};
using Key = std::unique_ptr<ssh_key_struct, KeyDeleter>;

ConnectionTestResult connectFailure(const QString& error, const ConnectionProfile& p)
{
    const QString m = error.toLower();
    if (m.contains(QLatin1String("resolve")))
        return ConnectionTestResult::make(
            Outcome::Dns,
            QStringLiteral("DNS: the host name \"%1\" does not resolve (%2)").arg(p.host, error),
            QStringLiteral("check host in the profile, and the machine's DNS settings"));
    if (m.contains(QLatin1String("refused")))
        return ConnectionTestResult::make(
            Outcome::Refused, QStringLiteral("%1 refused the connection (%2)").arg(p.target(), error),
            QStringLiteral("is the SSH server running on that port?"));
    if (m.contains(QLatin1String("timeout")) || m.contains(QLatin1String("timed out")))
        return ConnectionTestResult::make(
            Outcome::Timeout,
            QStringLiteral("no answer within %1 s from %2 (%3)")
                .arg(p.timeoutMs / 1000)
                .arg(p.target(), error),
            QStringLiteral("a firewall may drop the packets; timeoutSeconds in the profile sets the limit"));
    return ConnectionTestResult::make(Outcome::Network,
                                      QStringLiteral("cannot connect to %1: %2").arg(p.target(), error));
}

} // namespace

struct SftpSession::Handles
{
    ssh_session session = nullptr;
    sftp_session sftp = nullptr;
    std::unique_ptr<SocketWatchdog> watchdog; // from the connect on
    ~Handles()
    {
        watchdog.reset(); // before the socket closes
        if (sftp)
            sftp_free(sftp);
        if (session) {
            if (ssh_is_connected(session))
                ssh_disconnect(session);
            ssh_free(session);
        }
    }
};

SftpSession::SftpSession() = default;
SftpSession::~SftpSession() = default;

void SftpSession::close()
{
    m_h.reset();
    m_fingerprint.clear();
}

ssh_session_struct* SftpSession::ssh() const
{
    return m_h ? m_h->session : nullptr;
}

sftp_session_struct* SftpSession::sftp() const
{
    return m_h ? m_h->sftp : nullptr;
}

QString SftpSession::serverBanner() const
{
    return m_h && m_h->session ? QString::fromUtf8(ssh_get_serverbanner(m_h->session)) : QString();
}

SocketWatchdog* SftpSession::watchdog() const
{
    return m_h ? m_h->watchdog.get() : nullptr;
}

bool SftpSession::timedOut() const
{
    return m_h && m_h->watchdog && m_h->watchdog->fired();
}

QString SftpSession::lastError() const
{
    if (timedOut())
        return QStringLiteral("timed out");
    return m_h && m_h->session ? Redactor::global().redact(QString::fromUtf8(ssh_get_error(m_h->session)))
                               : QString();
}

QString SftpSession::connectionProblem() const
{
    if (!m_h || !m_h->session)
        return QStringLiteral("not connected");
    if (timedOut())
        return QStringLiteral(
                   "no answer within %1 s, the connection was closed (timeoutSeconds in the profile "
                   "sets the limit)")
            .arg(m_h->watchdog->limit().count() / 1000);
    if (!ssh_is_connected(m_h->session) || (ssh_get_status(m_h->session) & (SSH_CLOSED | SSH_CLOSED_ERROR)))
        return QStringLiteral("the connection was lost (%1)").arg(lastError());
    return {};
}

ConnectionTestResult SftpSession::open(const ConnectionProfile& p, const QByteArray& secret)
{
    close();
    m_h = std::make_unique<Handles>();
    m_h->session = ssh_new();
    ssh_session session = m_h->session;
    if (!session)
        return ConnectionTestResult::make(Outcome::Network,
                                          QStringLiteral("libssh could not create a session"));
    const QByteArray host = p.host.toUtf8();
    const QByteArray user = p.username.toUtf8();
    const unsigned int port = unsigned(p.port);
    const long timeout = qMax(1L, long(p.timeoutMs / 1000));
    const bool no = false;
    ssh_options_set(session, SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(session, SSH_OPTIONS_PORT, &port);
    ssh_options_set(session, SSH_OPTIONS_USER, user.constData());
    ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &timeout);
    // Only the profile decides: no ~/.ssh/config, no known_hosts, no agent keys.
    ssh_options_set(session, SSH_OPTIONS_PROCESS_CONFIG, &no);
    ssh_options_set(session, SSH_OPTIONS_KNOWNHOSTS, "/dev/null");
    ssh_options_set(session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");

    if (ssh_connect(session) != SSH_OK) // bounded by SSH_OPTIONS_TIMEOUT
        return connectFailure(lastError(), p);
    m_h->watchdog = std::make_unique<SocketWatchdog>(ssh_get_fd(session), std::chrono::seconds(timeout));
    // From here on the watchdog is the one clock: libssh's own limit (which only some of its calls heed, and
    // which ends a login as "denied") lies beyond it, so a silent server always ends the same way.
    const long beyond = 2 * timeout + 1;
    ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &beyond);

    // The server's identity first: nothing is sent to a host whose key is not the pinned one.
    ssh_key rawKey = nullptr;
    if (ssh_get_server_publickey(session, &rawKey) != SSH_OK)
        return ConnectionTestResult::make(
            Outcome::Protocol, QStringLiteral("%1 sent no host key: %2").arg(p.target(), lastError()));
    Key serverKey(rawKey);
    unsigned char* hash = nullptr;
    size_t hashLen = 0;
    if (ssh_get_publickey_hash(serverKey.get(), SSH_PUBLICKEY_HASH_SHA256, &hash, &hashLen) != 0)
        return ConnectionTestResult::make(Outcome::Protocol,
                                          QStringLiteral("cannot hash the host key of %1").arg(p.target()));
    const QString fingerprint =
        QStringLiteral("SHA256:") +
        QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(hash), qsizetype(hashLen))
                                .toBase64(QByteArray::OmitTrailingEquals));
    ssh_clean_pubkey_hash(&hash);
    if (fingerprint != p.hostKey)
        return ConnectionTestResult::make(
            Outcome::HostKey,
            QStringLiteral("host key check failed: %1 presented the %2 key %3, but the profile pins %4")
                .arg(p.target(), QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(serverKey.get()))),
                     fingerprint, p.hostKey),
            QStringLiteral(
                "if the server's key was replaced on purpose, update hostKey; otherwise something is "
                "intercepting the connection"));

    // The login and the start of SFTP: a few round trips, bounded together.
    const SocketWatchdog::Call call(m_h->watchdog.get());
    int auth = SSH_AUTH_ERROR;
    if (p.auth == ConnectionProfile::Auth::PrivateKey) {
        ssh_key rawPrivate = nullptr;
        if (ssh_pki_import_privkey_base64(secret.constData(), nullptr, nullptr, nullptr, &rawPrivate) !=
            SSH_OK)
            return ConnectionTestResult::make(
                Outcome::Auth,
                QStringLiteral("the stored private key %1 cannot be read (OpenSSH or PEM "
                               "text without a passphrase is expected)")
                    .arg(p.secretName(QStringLiteral("private_key"))),
                QStringLiteral("store it again: trialbridge-cli secrets set %1 --from-file KEY")
                    .arg(p.secretName(QStringLiteral("private_key"))));
        Key privateKey(rawPrivate);
        auth = ssh_userauth_publickey(session, nullptr, privateKey.get());
    } else {
        auth = ssh_userauth_password(session, nullptr, secret.constData()); // QByteArray is NUL-terminated
    }
    // A silent server is no refusal.
    if (auth == SSH_AUTH_AGAIN) // libssh's own limit passed
        return connectFailure(QStringLiteral("timed out"), p);
    if (auth == SSH_AUTH_ERROR || timedOut())
        return connectFailure(lastError(), p);
    if (auth != SSH_AUTH_SUCCESS) {
        const QString secretName = p.secretFields().value(0);
        return ConnectionTestResult::make(
            Outcome::Auth,
            QStringLiteral("authentication failed: %1 refused %2 for user \"%3\"%4")
                .arg(p.target(),
                     p.auth == ConnectionProfile::Auth::PrivateKey ? QStringLiteral("the key")
                                                                   : QStringLiteral("the password"),
                     p.username,
                     auth == SSH_AUTH_PARTIAL ? QStringLiteral(" (it wants a further factor)") : QString()),
            QStringLiteral("check username and the stored secret (trialbridge-cli secrets set %1)")
                .arg(p.secretName(secretName)));
    }

    m_h->sftp = sftp_new(session);
    const bool started = m_h->sftp && sftp_init(m_h->sftp) == SSH_OK;
    if (!started && !connectionProblem().isEmpty())
        return connectFailure(lastError(), p);
    if (!started)
        return ConnectionTestResult::make(
            Outcome::Protocol, QStringLiteral("%1 accepted the login but offers no SFTP subsystem: %2")
                                   .arg(p.target(), lastError()));
    m_fingerprint = fingerprint;
    return ConnectionTestResult::make(Outcome::Ok, QString());
}

} // namespace tb::core
