#include "TestCertificates.h"

#include "SecretsTestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

namespace tb::test {

bool makeSelfSignedCertificate(const QString& dir, const QString& baseName, const QString& commonName,
                               const QStringList& names, TestCertificate* out, QString* error)
{
    const QString openssl = findProgram(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        *error = QStringLiteral("openssl is not installed");
        return false;
    }
    QDir().mkpath(dir);
    const QString base = QDir(dir).filePath(baseName);
    out->certPath = base + QStringLiteral(".pem");
    out->keyPath = base + QStringLiteral(".key");
    QString log;
    if (!runProgram(openssl,
                    {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                     QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                     QStringLiteral("-keyout"), out->keyPath, QStringLiteral("-out"), out->certPath,
                     QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                     QStringLiteral("/CN=") + commonName, QStringLiteral("-addext"),
                     QStringLiteral("subjectAltName=") + names.join(QLatin1Char(','))},
                    &log)) {
        *error = QStringLiteral("openssl req failed: %1").arg(log);
        return false;
    }
    // The pins, computed by openssl rather than by the code under test.
    const QString pub = base + QStringLiteral(".pub.pem");
    const QString pubDer = base + QStringLiteral(".pub.der");
    const QString certDer = base + QStringLiteral(".der");
    if (!runProgram(openssl, {QStringLiteral("x509"), QStringLiteral("-in"), out->certPath, QStringLiteral("-pubkey"),
                              QStringLiteral("-noout"), QStringLiteral("-out"), pub}, &log)
        || !runProgram(openssl, {QStringLiteral("pkey"), QStringLiteral("-pubin"), QStringLiteral("-in"), pub,
                                 QStringLiteral("-outform"), QStringLiteral("der"), QStringLiteral("-out"), pubDer}, &log)
        || !runProgram(openssl, {QStringLiteral("x509"), QStringLiteral("-in"), out->certPath, QStringLiteral("-outform"),
                                 QStringLiteral("der"), QStringLiteral("-out"), certDer}, &log)) {
        *error = QStringLiteral("openssl failed: %1").arg(log);
        return false;
    }
    QFile a(pubDer), b(certDer);
    if (!a.open(QIODevice::ReadOnly) || !b.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read openssl's output");
        return false;
    }
    out->publicKeySha256 = QCryptographicHash::hash(a.readAll(), QCryptographicHash::Sha256);
    out->certificateSha256 = QCryptographicHash::hash(b.readAll(), QCryptographicHash::Sha256);
    return true;
}

} // namespace tb::test
