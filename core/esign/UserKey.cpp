#include "esign/UserKey.h"

#include "audit/AuditSigner.h"
#include "esign/UserAccount.h"
#include "util/Crypto.h"

#include <QtEndian>

namespace tb::core {

namespace {

constexpr char Magic[4] = {'T', 'B', 'U', 'K'};
constexpr int Version = 1;
constexpr int HeaderBytes = 4 + 1 + 8 + 8 + crypto::PasswordSaltBytes;
constexpr int SealedBytes = HeaderBytes + crypto::AeadNonceBytes + 32 + crypto::AeadTagBytes;

void appendBe(QByteArray& b, quint64 v)
{
    char bytes[8];
    qToBigEndian(v, bytes);
    b.append(bytes, 8);
}

} // namespace

QByteArray UserKey::seal(const QByteArray& seed, const QByteArray& passphrase, const Limits& limits)
{
    if (!crypto::passphraseLimitsSupported(limits.opsLimit, limits.memLimit) || seed.size() != AuditSigner::SeedBytes)
        return {};
    QByteArray header(Magic, 4);
    header.append(char(Version));
    appendBe(header, limits.opsLimit);
    appendBe(header, limits.memLimit);
    header.append(crypto::randomBytes(crypto::PasswordSaltBytes));
    QByteArray key = crypto::deriveKeyFromPassphrase(passphrase, header.right(crypto::PasswordSaltBytes), limits.opsLimit,
                                                     limits.memLimit, crypto::AeadKeyBytes);
    if (key.isEmpty())
        return {};
    const QByteArray nonce = crypto::randomBytes(crypto::AeadNonceBytes);
    QByteArray out = header + nonce + crypto::aeadEncrypt(key, nonce, seed, header);
    crypto::wipe(key);
    return out;
}

std::shared_ptr<const AuditSigner> UserKey::unseal(const QByteArray& sealed, const QByteArray& passphrase, QString* error)
{
    if (sealed.size() != SealedBytes || !sealed.startsWith(QByteArray(Magic, 4)) || sealed.at(4) != char(Version)) {
        *error = QStringLiteral("the sealed signing key is damaged (unknown format)");
        return nullptr;
    }
    const quint64 ops = qFromBigEndian<quint64>(sealed.constData() + 5);
    const quint64 mem = qFromBigEndian<quint64>(sealed.constData() + 13);
    if (!crypto::passphraseLimitsSupported(ops, mem)) {
        *error = QStringLiteral("the sealed signing key is damaged (key derivation limits out of range)");
        return nullptr;
    }
    const QByteArray header = sealed.left(HeaderBytes);
    QByteArray key = crypto::deriveKeyFromPassphrase(passphrase, header.right(crypto::PasswordSaltBytes), ops, mem,
                                                     crypto::AeadKeyBytes);
    QByteArray seed;
    const bool opened = !key.isEmpty()
        && crypto::aeadDecrypt(key, sealed.mid(HeaderBytes, crypto::AeadNonceBytes), sealed.mid(HeaderBytes + crypto::AeadNonceBytes),
                               header, &seed);
    crypto::wipe(key);
    if (!opened) {
        *error = QStringLiteral("wrong passphrase (or a damaged key)");
        return nullptr;
    }
    auto signer = AuditSigner::fromSeed(seed);
    crypto::wipe(seed);
    if (!signer)
        *error = QStringLiteral("the sealed signing key is damaged");
    return signer;
}

std::shared_ptr<const AuditSigner> UserKey::openFor(const UserAccount& user, const QByteArray& sealed,
                                                   const QByteArray& passphrase, QString* error)
{
    auto key = unseal(sealed, passphrase, error);
    if (!key) {
        *error = QStringLiteral("%1: %2").arg(user.id, *error);
        return nullptr;
    }
    if (key->publicKey() != user.publicKey) {
        *error = QStringLiteral("the key in the secret store is not the one %1 lists").arg(UserAccount::fileName(user.id));
        return nullptr;
    }
    return key;
}

} // namespace tb::core
