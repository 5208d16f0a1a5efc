#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace tb::core {

class AuditSigner;

// An electronic signature (21 CFR Part 11 §11.50, §11.70): the signed content's hash, the signer's id and printed
// name, their role, the UTC date-time, the meaning, a comment, and what was signed, bound together by the
// signer's Ed25519 signature over manifest(). Whoever reads it can check it with the public key alone.
struct ElectronicSignature
{
    enum class Meaning { Authored, Reviewed, Approved, Rejected };

    qint64 id = 0; // esignature.signature_id once stored
    QString signedUtc;
    QString signerId;
    QString printedName;
    QString role;
    Meaning meaning = Meaning::Reviewed;
    QString comment;
    QString subject;         // what was signed, for people: "visits.mapping.json"
    QByteArray contentHash;  // BLAKE2b-256 of it
    QByteArray publicKey;    // the signer's, 32 bytes
    QByteArray signature;    // 64 bytes

    static bool parseMeaning(const QString& name, Meaning* out); // authored, reviewed, approved, rejected
    static QString meaningName(Meaning m);

    // The bytes signed: "TBES1" ‖ each text field (signed_utc, signer_id, printed_name, role, meaning, comment,
    // subject) as a 4-byte big-endian length and its UTF-8 ‖ content_hash (32) ‖ public_key (32).
    QByteArray manifest() const;
    // Fills publicKey and signature.
    void signWith(const AuditSigner& key);
    bool verify() const;

    // The columns, hashes and keys in hex; for audit entries, listings and exports.
    QJsonObject toJson() const;
};

} // namespace tb::core
