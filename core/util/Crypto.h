#pragma once

#include <QByteArray>

namespace tb::core::crypto {

// Initialises libsodium once; safe to call from anywhere, any number of times.
[[nodiscard]] bool init();

// BLAKE2b digests (libsodium crypto_generichash).
[[nodiscard]] QByteArray blake2b(const QByteArray& data, int bytes = 32);

// Keyed BLAKE2b (a MAC); key of 16 to 64 bytes.
[[nodiscard]] QByteArray blake2bKeyed(const QByteArray& data, const QByteArray& key, int bytes = 32);

// Bytes from the operating system's CSPRNG (libsodium randombytes_buf).
[[nodiscard]] QByteArray randomBytes(int bytes);

// Overwrites the bytes with zeros in a way the compiler does not optimise away.
void wipe(QByteArray& bytes);

// Compares in time independent of the contents (for MACs, tags and pins).
[[nodiscard]] bool constantTimeEquals(const QByteArray& a, const QByteArray& b);

// HMAC-SHA-256 (webhook signatures).
[[nodiscard]] QByteArray hmacSha256(const QByteArray& key, const QByteArray& message);

// Argon2id v1.3 key derivation (crypto_pwhash). Empty on failure (out of memory, limits out of range).
constexpr int Argon2id13 = 2; // crypto_pwhash_ALG_ARGON2ID13, the value stored in vault headers
constexpr int PasswordSaltBytes = 16;
[[nodiscard]] QByteArray deriveKeyFromPassphrase(const QByteArray& passphrase, const QByteArray& salt,
                                                 quint64 opsLimit, quint64 memLimit, int bytes = 32);
[[nodiscard]] bool passphraseLimitsSupported(quint64 opsLimit, quint64 memLimit);

// Subkey number id of a 32-byte master key for an 8-character context (crypto_kdf).
[[nodiscard]] QByteArray deriveSubkey(const QByteArray& masterKey, quint64 id, const char (&context)[9]);

// XChaCha20-Poly1305 (IETF) authenticated encryption: 32-byte key, 24-byte nonce, 16-byte tag appended.
constexpr int AeadKeyBytes = 32;
constexpr int AeadNonceBytes = 24;
constexpr int AeadTagBytes = 16;
[[nodiscard]] QByteArray aeadEncrypt(const QByteArray& key, const QByteArray& nonce, const QByteArray& plaintext,
                                     const QByteArray& associatedData);
// False when the tag does not verify (wrong key, changed ciphertext, nonce or associated data).
[[nodiscard]] bool aeadDecrypt(const QByteArray& key, const QByteArray& nonce, const QByteArray& ciphertext,
                               const QByteArray& associatedData, QByteArray* plaintext);

// Incremental BLAKE2b for hashing many small parts without concatenating them.
class Blake2b
{
public:
    explicit Blake2b(int bytes = 32);
    void add(const char* data, qsizetype size);
    void add(const QByteArray& data) { add(data.constData(), data.size()); }
    [[nodiscard]] QByteArray finish();

private:
    alignas(64) unsigned char m_state[384];
    int m_bytes;
};

} // namespace tb::core::crypto
