#pragma once

#include "connection/TlsSettings.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace tb::core {

// A connection profile (*.connection.json in the workspace): where a system is and how to
// authenticate — never the secret itself. The profile's name is its file name without
// ".connection.json"; its secrets are stored as "<name>/<field>" (secretNames()). Format in
// docs/secrets.md.
class ConnectionProfile
{
public:
    static constexpr const char* Format = "trialbridge.connection/1";

    enum class Kind { EdcRest, Redcap, Sftp, Postgresql, Erp, Webhook, Bi };
    // HTTP authentication (EDC REST, ERP, BI); REDCap always sends its token, a webhook signs with
    // HMAC-SHA-256, SFTP uses password or key, PostgreSQL a password.
    enum class Auth { None, Bearer, Basic, Header, Password, PrivateKey };

    static QString kindName(Kind kind); // "edc-rest", "redcap", "sftp", "postgresql", "erp", "webhook", "bi"
    static bool parseKind(const QString& text, Kind* out);
    static QList<Kind> kinds();
    static QString authName(Auth auth);

    // Reads and validates; every problem is one line in errors ("file: field: what is wrong").
    static bool load(const QString& path, ConnectionProfile* out, QStringList* errors);
    static bool fromJson(const QByteArray& json, const QString& fileName, ConnectionProfile* out, QStringList* errors);
    QJsonObject toJson() const;
    bool save(const QString& path, QString* error) const;
    // The name a file gives its profile: "edc-prod.connection.json" -> "edc-prod".
    static QString nameFromFileName(const QString& fileName);

    bool isHttp() const;
    // Fields of the secrets this profile needs ("token", "password", "private_key", "signing_secret").
    QStringList secretFields() const;
    // Their store names: "<name>/<field>".
    QStringList secretNames() const;
    QString secretName(const QString& field) const { return name + QLatin1Char('/') + field; }
    // What the profile points at, for messages: the URL without credentials, or host:port.
    QString target() const;

    QString fileName;
    QString name;
    Kind kind = Kind::EdcRest;
    QString description;
    int timeoutMs = 15000;

    // HTTP kinds
    QUrl url;
    QString testPath; // appended to url for the test request (EDC REST, ERP, BI)
    Auth auth = Auth::None;
    QString username;     // Basic, SFTP, PostgreSQL
    QString headerName;   // Auth::Header
    TlsSettings tls;

    // SFTP and PostgreSQL
    QString host;
    int port = 0;
    QString remotePath;   // SFTP folder to list
    QString hostKey;      // SFTP: "SHA256:<base64>" as ssh-keygen -l prints it
    QString database;     // PostgreSQL
    bool tlsEnabled = true; // PostgreSQL: off only for a Unix socket or loopback host
};

} // namespace tb::core
