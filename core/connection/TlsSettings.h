#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QSslError>
#include <QString>

class QSslCertificate;
class QSslConfiguration;

namespace tb::core {

// TLS of one connection. Peer verification is always on — there is no switch to turn it off and
// nothing calls ignoreSslErrors. A connection may add a CA bundle (PEM; trusted in addition to the
// system's CAs) and pin the server: SHA-256 of its public key (SubjectPublicKeyInfo, as in HPKP and
// curl's --pinnedpubkey) or of its certificate (DER, as `openssl x509 -fingerprint -sha256`).
// JSON: "tls": {"caBundle": "certs/edc-ca.pem", "pin": {"publicKeySha256": "<base64 or hex>"}}
class TlsSettings
{
public:
    // baseDir resolves a relative caBundle (the connection file's folder).
    static bool fromJson(const QJsonValue& json, const QString& baseDir, TlsSettings* out, QString* error);
    QJsonObject toJson(const QString& baseDir) const;

    bool hasPin() const { return !publicKeyPin.isEmpty() || !certificatePin.isEmpty(); }

    // A client configuration: system CAs plus the bundle's, peer verification required.
    bool configure(QSslConfiguration* config, QString* error) const;
    // Checks the pins against the server's certificate; the message says which pin failed and what
    // the server presented.
    bool verifyPin(const QSslCertificate& peer, QString* error) const;
    // Which verification checks failed, in words, with what to do about it.
    QString describe(const QList<QSslError>& errors, const QString& host) const;

    static QByteArray publicKeySha256(const QSslCertificate& certificate);
    static QByteArray certificateSha256(const QSslCertificate& certificate);
    // Accepts Base64 (optionally "sha256//" prefixed) or hex (colons allowed) of 32 bytes.
    static QByteArray parsePin(const QString& text);

    QString caBundle; // absolute path, or empty
    QByteArray publicKeyPin;
    QByteArray certificatePin;
};

} // namespace tb::core
