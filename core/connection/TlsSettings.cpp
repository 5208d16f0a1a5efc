#include "connection/TlsSettings.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonValue>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

#include <algorithm>

namespace tb::core {

namespace {

QString subjectOf(const QSslCertificate& c)
{
    const QStringList cn = c.subjectInfo(QSslCertificate::CommonName);
    return cn.isEmpty() ? c.subjectDisplayName() : cn.join(QStringLiteral(", "));
}

QString issuerOf(const QSslCertificate& c)
{
    const QStringList cn = c.issuerInfo(QSslCertificate::CommonName);
    return cn.isEmpty() ? c.issuerDisplayName() : cn.join(QStringLiteral(", "));
}

QString namesOf(const QSslCertificate& c)
{
    QStringList names;
    const auto alt = c.subjectAlternativeNames();
    for (auto it = alt.cbegin(); it != alt.cend(); ++it)
        names << it.value();
    if (names.isEmpty())
        names = c.subjectInfo(QSslCertificate::CommonName);
    return names.join(QStringLiteral(", "));
}

} // namespace

QByteArray TlsSettings::parsePin(const QString& text)
{
    QString t = text.trimmed();
    if (t.startsWith(QLatin1String("sha256//")))
        t = t.mid(8);
    QString hex = t;
    hex.remove(QLatin1Char(':'));
    static const QString hexDigits = QStringLiteral("0123456789abcdefABCDEF");
    if (hex.size() == 64 && std::all_of(hex.begin(), hex.end(), [](QChar c) { return hexDigits.contains(c); }))
        return QByteArray::fromHex(hex.toLatin1());
    const auto decoded = QByteArray::fromBase64Encoding(t.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (decoded && decoded.decoded.size() == 32)
        return decoded.decoded;
    return {};
}

bool TlsSettings::fromJson(const QJsonValue& json, const QString& baseDir, TlsSettings* out, QString* error)
{
    *out = TlsSettings();
    if (json.isUndefined() || json.isNull())
        return true;
    if (!json.isObject()) {
        *error = QStringLiteral("tls: must be an object");
        return false;
    }
    const QJsonObject o = json.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == QLatin1String("caBundle")) {
            const QString path = it.value().toString();
            if (path.isEmpty()) {
                *error = QStringLiteral("tls.caBundle: must name a PEM file");
                return false;
            }
            out->caBundle = QFileInfo(QDir(baseDir), path).absoluteFilePath();
        } else if (it.key() == QLatin1String("pin")) {
            const QJsonObject pin = it.value().toObject();
            if (pin.isEmpty()) {
                *error = QStringLiteral("tls.pin: must be {\"publicKeySha256\": ...} or {\"certificateSha256\": ...}");
                return false;
            }
            for (auto p = pin.begin(); p != pin.end(); ++p) {
                const QByteArray value = parsePin(p.value().toString());
                if (value.isEmpty()) {
                    *error = QStringLiteral("tls.pin.%1: must be a SHA-256 digest in Base64 or hex (64 digits)").arg(p.key());
                    return false;
                }
                if (p.key() == QLatin1String("publicKeySha256"))
                    out->publicKeyPin = value;
                else if (p.key() == QLatin1String("certificateSha256"))
                    out->certificatePin = value;
                else {
                    *error = QStringLiteral("tls.pin.%1: unknown pin kind (publicKeySha256 or certificateSha256)").arg(p.key());
                    return false;
                }
            }
        } else if (it.key() == QLatin1String("verify")) {
            *error = QStringLiteral("tls.verify: certificate verification cannot be turned off; trust a private CA with "
                                    "tls.caBundle instead");
            return false;
        } else if (it.key() != QLatin1String("mode")) { // mode: read by the PostgreSQL profile
            *error = QStringLiteral("tls.%1: unknown field (caBundle, pin)").arg(it.key());
            return false;
        }
    }
    return true;
}

QJsonObject TlsSettings::toJson(const QString& baseDir) const
{
    QJsonObject o;
    if (!caBundle.isEmpty())
        o.insert(QStringLiteral("caBundle"), QDir(baseDir).relativeFilePath(caBundle));
    QJsonObject pin;
    if (!publicKeyPin.isEmpty())
        pin.insert(QStringLiteral("publicKeySha256"), QString::fromLatin1(publicKeyPin.toBase64()));
    if (!certificatePin.isEmpty())
        pin.insert(QStringLiteral("certificateSha256"), QString::fromLatin1(certificatePin.toHex(':').toUpper()));
    if (!pin.isEmpty())
        o.insert(QStringLiteral("pin"), pin);
    return o;
}

bool TlsSettings::configure(QSslConfiguration* config, QString* error) const
{
    *config = QSslConfiguration::defaultConfiguration();
    config->setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (caBundle.isEmpty())
        return true;
    if (!QFileInfo::exists(caBundle)) {
        *error = QStringLiteral("tls.caBundle: %1 does not exist").arg(caBundle);
        return false;
    }
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(caBundle, QSsl::Pem);
    if (certs.isEmpty()) {
        *error = QStringLiteral("tls.caBundle: %1 holds no PEM certificate").arg(caBundle);
        return false;
    }
    config->addCaCertificates(certs);
    return true;
}

QByteArray TlsSettings::publicKeySha256(const QSslCertificate& certificate)
{
    // QSslKey::toDer() of a public key is its SubjectPublicKeyInfo, the structure HPKP pins.
    return QCryptographicHash::hash(certificate.publicKey().toDer(), QCryptographicHash::Sha256);
}

QByteArray TlsSettings::certificateSha256(const QSslCertificate& certificate)
{
    return certificate.digest(QCryptographicHash::Sha256);
}

bool TlsSettings::verifyPin(const QSslCertificate& peer, QString* error) const
{
    if (peer.isNull()) {
        *error = QStringLiteral("TLS pin check failed: the server presented no certificate");
        return false;
    }
    if (!publicKeyPin.isEmpty() && publicKeySha256(peer) != publicKeyPin) {
        *error = QStringLiteral("TLS pin check failed: the server's public key (SHA-256 %1, certificate \"%2\") does "
                                "not match the pinned publicKeySha256 %3. If the server's key was replaced on purpose, "
                                "update tls.pin; otherwise something is intercepting the connection")
                     .arg(QString::fromLatin1(publicKeySha256(peer).toBase64()), subjectOf(peer),
                          QString::fromLatin1(publicKeyPin.toBase64()));
        return false;
    }
    if (!certificatePin.isEmpty() && certificateSha256(peer) != certificatePin) {
        *error = QStringLiteral("TLS pin check failed: the server's certificate \"%1\" (SHA-256 %2) does not match the "
                                "pinned certificateSha256 %3. If the certificate was renewed, update tls.pin (or pin "
                                "the public key, which survives renewals)")
                     .arg(subjectOf(peer), QString::fromLatin1(certificateSha256(peer).toHex(':').toUpper()),
                          QString::fromLatin1(certificatePin.toHex(':').toUpper()));
        return false;
    }
    return true;
}

QString TlsSettings::describe(const QList<QSslError>& errors, const QString& host) const
{
    QStringList parts;
    const QString trustHint = caBundle.isEmpty()
                                  ? QStringLiteral("not in the system's CA store; if it is your organisation's CA, name "
                                                   "its PEM file as tls.caBundle")
                                  : QStringLiteral("neither in the system's CA store nor in the CA bundle %1").arg(caBundle);
    for (const QSslError& e : errors) {
        const QSslCertificate c = e.certificate();
        QString part;
        switch (e.error()) {
        case QSslError::HostNameMismatch:
            part = QStringLiteral("host name check failed: the certificate is for %1, not %2").arg(namesOf(c), host);
            break;
        case QSslError::SelfSignedCertificate:
            part = QStringLiteral("trust check failed: the certificate \"%1\" is self-signed and %2")
                       .arg(subjectOf(c), trustHint);
            break;
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::CertificateUntrusted:
        case QSslError::InvalidCaCertificate:
            part = QStringLiteral("trust check failed: the certificate \"%1\" was issued by \"%2\", which is %3")
                       .arg(subjectOf(c), issuerOf(c), trustHint);
            break;
        case QSslError::CertificateExpired:
            part = QStringLiteral("validity check failed: the certificate \"%1\" expired on %2")
                       .arg(subjectOf(c), c.expiryDate().toUTC().toString(Qt::ISODate));
            break;
        case QSslError::CertificateNotYetValid:
            part = QStringLiteral("validity check failed: the certificate \"%1\" is not valid before %2")
                       .arg(subjectOf(c), c.effectiveDate().toUTC().toString(Qt::ISODate));
            break;
        case QSslError::CertificateRevoked:
            part = QStringLiteral("revocation check failed: the certificate \"%1\" was revoked").arg(subjectOf(c));
            break;
        default:
            part = QStringLiteral("certificate check failed: %1").arg(e.errorString());
            break;
        }
        if (!parts.contains(part))
            parts << part;
    }
    return QStringLiteral("TLS certificate verification failed: %1").arg(parts.join(QStringLiteral("; ")));
}

} // namespace tb::core
