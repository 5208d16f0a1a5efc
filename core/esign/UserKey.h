#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

namespace tb::core {

class AuditSigner;
struct UserAccount;

// A user's Ed25519 signing key sealed with their passphrase: Argon2id (limits and salt in the header, so they can
// change later) derives the key of an XChaCha20-Poly1305 box around the 32-byte seed; the header is the box's
// associated data. Layout: "TBUK" ‖ version (1) ‖ ops (8, big-endian) ‖ mem (8) ‖ salt (16) ‖ nonce (24) ‖
// sealed seed (32 + 16).
class UserKey
{
public:
    struct Limits
    {
        quint64 opsLimit = 3;
        quint64 memLimit = 64ull * 1024 * 1024; // RFC 9106's second recommended option, as the vault's
        static Limits minimal() { return {1, 8192}; } // for tests: libsodium's smallest
    };

    // The sealed form of a seed; empty when the limits are not supported.
    static QByteArray seal(const QByteArray& seed, const QByteArray& passphrase, const Limits& limits);
    // The signer the sealed seed makes, or null with a message: a wrong passphrase and a damaged key are told apart
    // only as far as the box allows (a changed header is "damaged").
    static std::shared_ptr<const AuditSigner> unseal(const QByteArray& sealed, const QByteArray& passphrase, QString* error);
    // user's signer: unseal, and it must be the key user's document lists. Slow on purpose (Argon2id).
    static std::shared_ptr<const AuditSigner> openFor(const UserAccount& user, const QByteArray& sealed,
                                                      const QByteArray& passphrase, QString* error);
};

} // namespace tb::core
