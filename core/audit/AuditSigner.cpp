#include "audit/AuditSigner.h"

#include "util/Crypto.h"

#include <sodium.h>

namespace tb::core {

static_assert(AuditSigner::SeedBytes == crypto_sign_SEEDBYTES, "seed size");
static_assert(AuditSigner::PublicKeyBytes == crypto_sign_PUBLICKEYBYTES, "public key size");
static_assert(AuditSigner::SignatureBytes == crypto_sign_BYTES, "signature size");

QByteArray AuditSigner::newSeed()
{
    return crypto::randomBytes(SeedBytes);
}

std::shared_ptr<const AuditSigner> AuditSigner::fromSeed(const QByteArray& seed)
{
    if (seed.size() != SeedBytes || !crypto::init())
        return nullptr;
    std::shared_ptr<AuditSigner> s(new AuditSigner);
    s->m_publicKey = QByteArray(PublicKeyBytes, Qt::Uninitialized);
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char*>(s->m_publicKey.data()), s->m_secretKey,
                             reinterpret_cast<const unsigned char*>(seed.constData()));
    return s;
}

AuditSigner::~AuditSigner()
{
    static_assert(sizeof m_secretKey == crypto_sign_SECRETKEYBYTES, "secret key size");
    sodium_memzero(m_secretKey, sizeof m_secretKey);
}

QByteArray AuditSigner::sign(const QByteArray& message) const
{
    QByteArray signature(SignatureBytes, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char*>(message.constData()), quint64(message.size()),
                         m_secretKey);
    return signature;
}

bool AuditSigner::verify(const QByteArray& publicKey, const QByteArray& message, const QByteArray& signature)
{
    if (publicKey.size() != PublicKeyBytes || signature.size() != SignatureBytes || !crypto::init())
        return false;
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.constData()),
                                       reinterpret_cast<const unsigned char*>(message.constData()),
                                       quint64(message.size()),
                                       reinterpret_cast<const unsigned char*>(publicKey.constData()))
           == 0;
}

QString AuditSigner::keyIdOf(const QByteArray& publicKey)
{
    return QString::fromLatin1(crypto::blake2b(publicKey).left(8).toHex());
}

} // namespace tb::core
