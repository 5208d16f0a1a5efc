#include "esign/ElectronicSignature.h"

#include "audit/AuditSigner.h"

#include <QtEndian>

namespace tb::core {

namespace {

const char* const MeaningNames[] = {"authored", "reviewed", "approved", "rejected"};

void appendText(QByteArray& b, const QString& s)
{
    const QByteArray utf8 = s.toUtf8();
    char length[4];
    qToBigEndian(quint32(utf8.size()), length);
    b.append(length, 4);
    b.append(utf8);
}

} // namespace

bool ElectronicSignature::parseMeaning(const QString& name, Meaning* out)
{
    for (int i = 0; i < 4; ++i)
        if (name == QLatin1String(MeaningNames[i])) {
            *out = Meaning(i);
            return true;
        }
    return false;
}

QString ElectronicSignature::meaningName(Meaning m)
{
    return QLatin1String(MeaningNames[int(m)]);
}

QByteArray ElectronicSignature::manifest() const
{
    QByteArray b("TBES1");
    for (const QString* s : {&signedUtc, &signerId, &printedName, &role})
        appendText(b, *s);
    appendText(b, meaningName(meaning));
    appendText(b, comment);
    appendText(b, subject);
    b.append(contentHash);
    b.append(publicKey);
    return b;
}

void ElectronicSignature::signWith(const AuditSigner& key)
{
    publicKey = key.publicKey();
    signature = key.sign(manifest());
}

bool ElectronicSignature::verify() const
{
    return contentHash.size() == 32 && publicKey.size() == AuditSigner::PublicKeyBytes
        && AuditSigner::verify(publicKey, manifest(), signature);
}

QJsonObject ElectronicSignature::toJson() const
{
    QJsonObject o{{QStringLiteral("signed_utc"), signedUtc},
                  {QStringLiteral("signer_id"), signerId},
                  {QStringLiteral("printed_name"), printedName},
                  {QStringLiteral("role"), role},
                  {QStringLiteral("meaning"), meaningName(meaning)},
                  {QStringLiteral("comment"), comment},
                  {QStringLiteral("subject"), subject},
                  {QStringLiteral("content_hash"), QString::fromLatin1(contentHash.toHex())},
                  {QStringLiteral("key_id"), AuditSigner::keyIdOf(publicKey)},
                  {QStringLiteral("signature"), QString::fromLatin1(signature.toHex())}};
    if (id > 0)
        o.insert(QStringLiteral("signature_id"), id);
    return o;
}

} // namespace tb::core
