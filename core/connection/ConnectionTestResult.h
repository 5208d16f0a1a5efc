#pragma once

#include <QJsonObject>
#include <QString>

namespace tb::core {

// What "test connection" found: one outcome from a fixed list, a specific message (what failed,
// where) and a hint (what to do). Messages pass through the Redactor: they never hold a secret.
struct ConnectionTestResult
{
    enum class Outcome {
        Ok,
        InvalidProfile, // the profile does not validate
        MissingSecret,  // a secret it needs is not stored
        SecretStore,    // the secret store failed (locked keychain, wrong vault passphrase)
        Dns,            // the host name does not resolve
        Refused,        // nothing accepts connections there
        Timeout,
        Tls,            // certificate verification or pin failed, or the handshake did
        HostKey,        // SSH host key differs from the pinned fingerprint
        Auth,           // credentials refused
        Permission,     // credentials accepted, access denied
        NotFound,       // no such endpoint, database or folder
        Protocol,       // the server answered unexpectedly (redirect, server error, not HTTP)
        Network,        // any other network failure
    };

    Outcome outcome = Outcome::Ok;
    QString message;
    QString hint;
    QString server;  // what answered, when known ("REDCap 14.0.1", "PostgreSQL 15.18")
    QString target;  // where (URL without credentials, host:port)
    qint64 elapsedMs = 0;

    bool ok() const { return outcome == Outcome::Ok; }
    static QString outcomeName(Outcome outcome); // "ok", "dns", "refused", "tls", "auth", ...
    QJsonObject toJson() const;
    // Message and hint passed through the global Redactor.
    ConnectionTestResult redacted() const;

    static ConnectionTestResult make(Outcome outcome, const QString& message, const QString& hint = {});
};

} // namespace tb::core
