#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

namespace tb::core {

// A workspace's Ed25519 key pair for signing audit checkpoints. The private half lives in the secret store
// as a 32-byte seed and in memory only while a run needs it (wiped when the signer goes); verifying needs
// only the public key. Signing is const and thread-safe: the writer thread signs while others hold it.
class AuditSigner
{
public:
    static constexpr int SeedBytes = 32;
    static constexpr int PublicKeyBytes = 32;
    static constexpr int SignatureBytes = 64;

    // A fresh random seed, for a key pair created on first need.
    [[nodiscard]] static QByteArray newSeed();
    // Null when the seed does not have SeedBytes bytes.
    static std::shared_ptr<const AuditSigner> fromSeed(const QByteArray& seed);

    ~AuditSigner();
    AuditSigner(const AuditSigner&) = delete;
    AuditSigner& operator=(const AuditSigner&) = delete;

    QByteArray publicKey() const { return m_publicKey; }
    QString keyId() const { return keyIdOf(m_publicKey); }
    [[nodiscard]] QByteArray sign(const QByteArray& message) const;

    [[nodiscard]] static bool verify(const QByteArray& publicKey, const QByteArray& message,
                                     const QByteArray& signature);
    // A short name for a public key: the first 8 bytes of its BLAKE2b-256 digest, in hex.
    static QString keyIdOf(const QByteArray& publicKey);

private:
    AuditSigner() = default;

    unsigned char m_secretKey[64] = {}; // libsodium's form: seed ‖ public key
    QByteArray m_publicKey;
};

} // namespace tb::core
