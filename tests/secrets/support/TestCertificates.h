#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace tb::test {

// A throw-away self-signed certificate made by openssl at test time (never committed).
struct TestCertificate
{
    QString certPath;           // PEM
    QString keyPath;            // PEM, unencrypted
    QByteArray publicKeySha256; // SHA-256 of the SubjectPublicKeyInfo as openssl extracts it
    QByteArray certificateSha256;
};

// names: subjectAltName entries ("DNS:localhost", "IP:127.0.0.1").
bool makeSelfSignedCertificate(const QString& dir, const QString& baseName, const QString& commonName,
                               const QStringList& names, TestCertificate* out, QString* error);

} // namespace tb::test
