#include "util/Crypto.h"

#include <sodium.h>

namespace tb::core::crypto {

static_assert(sizeof(crypto_generichash_state) <= 384, "Blake2b state buffer too small");

bool init()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}

QByteArray blake2b(const QByteArray& data, int bytes)
{
    (void)init();
    QByteArray out(bytes, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), size_t(bytes),
                       reinterpret_cast<const unsigned char*>(data.constData()), size_t(data.size()),
                       nullptr, 0);
    return out;
}

QByteArray blake2bKeyed(const QByteArray& data, const QByteArray& key, int bytes)
{
    (void)init();
    QByteArray out(bytes, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), size_t(bytes),
                       reinterpret_cast<const unsigned char*>(data.constData()), size_t(data.size()),
                       reinterpret_cast<const unsigned char*>(key.constData()), size_t(key.size()));
    return out;
}

QByteArray randomBytes(int bytes)
{
    (void)init();
    QByteArray out(bytes, Qt::Uninitialized);
    randombytes_buf(out.data(), size_t(bytes));
    return out;
}

void wipe(QByteArray& bytes)
{
    if (!bytes.isEmpty() && !bytes.isDetached()) {
        // Another QByteArray shares the buffer: wiping it would change that copy too. Drop our reference.
        bytes = QByteArray();
        return;
    }
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

bool constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    return a.isEmpty() || sodium_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

QByteArray hmacSha256(const QByteArray& key, const QByteArray& message)
{
    (void)init();
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.constData()), size_t(key.size()));
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.constData()),
                                  quint64(message.size()));
    QByteArray out(crypto_auth_hmacsha256_BYTES, Qt::Uninitialized);
    crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char*>(out.data()));
    sodium_memzero(&state, sizeof state);
    return out;
}

static_assert(Argon2id13 == crypto_pwhash_ALG_ARGON2ID13, "vault headers store libsodium's algorithm id");
static_assert(PasswordSaltBytes == crypto_pwhash_SALTBYTES, "salt size");
static_assert(AeadKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES, "key size");
static_assert(AeadNonceBytes == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, "nonce size");
static_assert(AeadTagBytes == crypto_aead_xchacha20poly1305_ietf_ABYTES, "tag size");

bool passphraseLimitsSupported(quint64 opsLimit, quint64 memLimit)
{
    return opsLimit >= crypto_pwhash_OPSLIMIT_MIN && opsLimit <= crypto_pwhash_OPSLIMIT_MAX
           && memLimit >= crypto_pwhash_MEMLIMIT_MIN && memLimit <= crypto_pwhash_MEMLIMIT_MAX;
}

QByteArray deriveKeyFromPassphrase(const QByteArray& passphrase, const QByteArray& salt, quint64 opsLimit,
                                   quint64 memLimit, int bytes)
{
    (void)init();
    if (salt.size() != crypto_pwhash_SALTBYTES || !passphraseLimitsSupported(opsLimit, memLimit))
        return {};
    QByteArray key(bytes, Qt::Uninitialized);
    if (crypto_pwhash(reinterpret_cast<unsigned char*>(key.data()), quint64(bytes), passphrase.constData(),
                      quint64(passphrase.size()), reinterpret_cast<const unsigned char*>(salt.constData()),
                      opsLimit, size_t(memLimit), crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return {};
    return key;
}

QByteArray deriveSubkey(const QByteArray& masterKey, quint64 id, const char (&context)[9])
{
    (void)init();
    if (masterKey.size() != crypto_kdf_KEYBYTES)
        return {};
    QByteArray out(32, Qt::Uninitialized);
    crypto_kdf_derive_from_key(reinterpret_cast<unsigned char*>(out.data()), size_t(out.size()), id, context,
                               reinterpret_cast<const unsigned char*>(masterKey.constData()));
    return out;
}

QByteArray aeadEncrypt(const QByteArray& key, const QByteArray& nonce, const QByteArray& plaintext,
                       const QByteArray& associatedData)
{
    (void)init();
    if (key.size() != AeadKeyBytes || nonce.size() != AeadNonceBytes)
        return {};
    QByteArray out(plaintext.size() + AeadTagBytes, Qt::Uninitialized);
    unsigned long long outSize = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char*>(out.data()), &outSize,
        reinterpret_cast<const unsigned char*>(plaintext.constData()), quint64(plaintext.size()),
        reinterpret_cast<const unsigned char*>(associatedData.constData()), quint64(associatedData.size()), nullptr,
        reinterpret_cast<const unsigned char*>(nonce.constData()),
        reinterpret_cast<const unsigned char*>(key.constData()));
    out.resize(qsizetype(outSize));
    return out;
}

bool aeadDecrypt(const QByteArray& key, const QByteArray& nonce, const QByteArray& ciphertext,
                 const QByteArray& associatedData, QByteArray* plaintext)
{
    (void)init();
    if (key.size() != AeadKeyBytes || nonce.size() != AeadNonceBytes || ciphertext.size() < AeadTagBytes)
        return false;
    QByteArray out(ciphertext.size() - AeadTagBytes, Qt::Uninitialized);
    unsigned long long outSize = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(out.data()), &outSize, nullptr,
            reinterpret_cast<const unsigned char*>(ciphertext.constData()), quint64(ciphertext.size()),
            reinterpret_cast<const unsigned char*>(associatedData.constData()), quint64(associatedData.size()),
            reinterpret_cast<const unsigned char*>(nonce.constData()),
            reinterpret_cast<const unsigned char*>(key.constData()))
        != 0)
        return false;
    out.resize(qsizetype(outSize));
    *plaintext = out;
    return true;
}

Blake2b::Blake2b(int bytes) : m_bytes(bytes)
{
    (void)init();
    crypto_generichash_init(reinterpret_cast<crypto_generichash_state*>(m_state), nullptr, 0,
                            size_t(bytes));
}

void Blake2b::add(const char* data, qsizetype size)
{
    crypto_generichash_update(reinterpret_cast<crypto_generichash_state*>(m_state),
                              reinterpret_cast<const unsigned char*>(data), size_t(size));
}

QByteArray Blake2b::finish()
{
    QByteArray out(m_bytes, Qt::Uninitialized);
    crypto_generichash_final(reinterpret_cast<crypto_generichash_state*>(m_state),
                             reinterpret_cast<unsigned char*>(out.data()), size_t(m_bytes));
    return out;
}

} // namespace tb::core::crypto
