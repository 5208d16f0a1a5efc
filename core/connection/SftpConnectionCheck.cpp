#include "connection/SftpConnectionCheck.h"

#include "util/Crypto.h"
#include "util/Logging.h"
#include "util/Redactor.h"

#include <QElapsedTimer>
#include <QMetaObject>

#include <libssh/libssh.h>
#include <libssh/sftp.h>

#include <memory>

namespace tb::core {

namespace {

using Outcome = ConnectionTestResult::Outcome;

struct SessionDeleter
{
    void operator()(ssh_session s) const
    {
        if (ssh_is_connected(s))
            ssh_disconnect(s);
        ssh_free(s);
    }
};
struct SftpDeleter
{
    void operator()(sftp_session s) const { sftp_free(s); }
};
struct KeyDeleter
{
    void operator()(ssh_key k) const { ssh_key_free(k); }
};
using Session = std::unique_ptr<ssh_session_struct, SessionDeleter>;
using Sftp = std::unique_ptr<sftp_session_struct, SftpDeleter>;
using Key = std::unique_ptr<ssh_key_struct, KeyDeleter>;

QString sshError(ssh_session s)
{
    return Redactor::global().redact(QString::fromUtf8(ssh_get_error(s)));
}

ConnectionTestResult connectFailure(const QString& error, const ConnectionProfile& p)
{
    const QString m = error.toLower();
    if (m.contains(QLatin1String("resolve")))
        return ConnectionTestResult::make(Outcome::Dns, QStringLiteral("DNS: the host name \"%1\" does not resolve (%2)").arg(p.host, error),
                                          QStringLiteral("check host in the profile, and the machine's DNS settings"));
    if (m.contains(QLatin1String("refused")))
        return ConnectionTestResult::make(Outcome::Refused, QStringLiteral("%1 refused the connection (%2)").arg(p.target(), error),
                                          QStringLiteral("is the SSH server running on that port?"));
    if (m.contains(QLatin1String("timeout")) || m.contains(QLatin1String("timed out")))
        return ConnectionTestResult::make(Outcome::Timeout,
                                          QStringLiteral("no answer within %1 s from %2 (%3)").arg(p.timeoutMs / 1000).arg(p.target(), error),
                                          QStringLiteral("a firewall may drop the packets; timeoutSeconds in the profile sets the limit"));
    return ConnectionTestResult::make(Outcome::Network, QStringLiteral("cannot connect to %1: %2").arg(p.target(), error));
}

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
    Session session(ssh_new());
    if (!session)
        return ConnectionTestResult::make(Outcome::Network, QStringLiteral("libssh could not create a session"));
    const QByteArray host = p.host.toUtf8();
    const QByteArray user = p.username.toUtf8();
    const unsigned int port = unsigned(p.port);
    const long timeout = qMax(1L, long(p.timeoutMs / 1000));
    const bool no = false;
    ssh_options_set(session.get(), SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(session.get(), SSH_OPTIONS_PORT, &port);
    ssh_options_set(session.get(), SSH_OPTIONS_USER, user.constData());
    ssh_options_set(session.get(), SSH_OPTIONS_TIMEOUT, &timeout);
    // Only the profile decides: no ~/.ssh/config, no known_hosts, no agent keys.
    ssh_options_set(session.get(), SSH_OPTIONS_PROCESS_CONFIG, &no);
    ssh_options_set(session.get(), SSH_OPTIONS_KNOWNHOSTS, "/dev/null");
    ssh_options_set(session.get(), SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");

    if (ssh_connect(session.get()) != SSH_OK)
        return connectFailure(sshError(session.get()), p);

    // The server's identity first: nothing is sent to a host whose key is not the pinned one.
    ssh_key rawKey = nullptr;
    if (ssh_get_server_publickey(session.get(), &rawKey) != SSH_OK)
        return ConnectionTestResult::make(Outcome::Protocol, QStringLiteral("%1 sent no host key: %2").arg(p.target(), sshError(session.get())));
    Key serverKey(rawKey);
    unsigned char* hash = nullptr;
    size_t hashLen = 0;
    if (ssh_get_publickey_hash(serverKey.get(), SSH_PUBLICKEY_HASH_SHA256, &hash, &hashLen) != 0)
        return ConnectionTestResult::make(Outcome::Protocol, QStringLiteral("cannot hash the host key of %1").arg(p.target()));
    const QString fingerprint = QStringLiteral("SHA256:")
                                + QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(hash), qsizetype(hashLen))
                                                          .toBase64(QByteArray::OmitTrailingEquals));
    ssh_clean_pubkey_hash(&hash);
    if (fingerprint != p.hostKey)
        return ConnectionTestResult::make(
            Outcome::HostKey,
            QStringLiteral("host key check failed: %1 presented the %2 key %3, but the profile pins %4")
                .arg(p.target(), QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(serverKey.get()))), fingerprint,
                     p.hostKey),
            QStringLiteral("if the server's key was replaced on purpose, update hostKey; otherwise something is "
                           "intercepting the connection"));

    int auth = SSH_AUTH_ERROR;
    if (p.auth == ConnectionProfile::Auth::PrivateKey) {
        ssh_key rawPrivate = nullptr;
        if (ssh_pki_import_privkey_base64(secret.constData(), nullptr, nullptr, nullptr, &rawPrivate) != SSH_OK)
            return ConnectionTestResult::make(Outcome::Auth,
                                              QStringLiteral("the stored private key %1 cannot be read (OpenSSH or PEM "
                                                             "text without a passphrase is expected)")
                                                  .arg(p.secretName(QStringLiteral("private_key"))),
                                              QStringLiteral("store it again: trialbridge-cli secrets set %1 --from-file KEY")
                                                  .arg(p.secretName(QStringLiteral("private_key"))));
        Key privateKey(rawPrivate);
        auth = ssh_userauth_publickey(session.get(), nullptr, privateKey.get());
    } else {
        auth = ssh_userauth_password(session.get(), nullptr, secret.constData()); // QByteArray is NUL-terminated
    }
    if (auth == SSH_AUTH_ERROR)
        return connectFailure(sshError(session.get()), p);
    if (auth != SSH_AUTH_SUCCESS) {
        const QString secretName = p.secretFields().value(0);
        return ConnectionTestResult::make(
            Outcome::Auth,
            QStringLiteral("authentication failed: %1 refused %2 for user \"%3\"%4")
                .arg(p.target(), p.auth == ConnectionProfile::Auth::PrivateKey ? QStringLiteral("the key") : QStringLiteral("the password"),
                     p.username, auth == SSH_AUTH_PARTIAL ? QStringLiteral(" (it wants a further factor)") : QString()),
            QStringLiteral("check username and the stored secret (trialbridge-cli secrets set %1)").arg(p.secretName(secretName)));
    }

    Sftp sftp(sftp_new(session.get()));
    if (!sftp || sftp_init(sftp.get()) != SSH_OK)
        return ConnectionTestResult::make(Outcome::Protocol,
                                          QStringLiteral("%1 accepted the login but offers no SFTP subsystem: %2").arg(p.target(), sshError(session.get())));
    const QByteArray path = p.remotePath.toUtf8();
    sftp_dir dir = sftp_opendir(sftp.get(), path.constData());
    if (!dir) {
        const int code = sftp_get_error(sftp.get());
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
    while (sftp_attributes a = sftp_readdir(sftp.get(), dir)) {
        const QByteArray entryName(a->name ? a->name : "");
        if (entryName != "." && entryName != "..")
            ++entries;
        sftp_attributes_free(a);
    }
    sftp_closedir(dir);
    ConnectionTestResult r;
    r.outcome = Outcome::Ok;
    r.server = QString::fromUtf8(ssh_get_serverbanner(session.get()));
    r.message = QStringLiteral("%1 verified (host key %2), user \"%3\" logged in and listed \"%4\" (%5 %6)")
                    .arg(p.target(), fingerprint, p.username, p.remotePath)
                    .arg(entries)
                    .arg(entries == 1 ? QStringLiteral("entry") : QStringLiteral("entries"));
    return r;
}

} // namespace tb::core
