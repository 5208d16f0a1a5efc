#include "audit/WorkspaceSigningKey.h"

#include "audit/AuditSigner.h"
#include "audit/AuditTrust.h"
#include "secrets/SecretStore.h"
#include "util/Clock.h"
#include "util/Crypto.h"

#include <QPointer>

namespace tb::core {

const QString WorkspaceSigningKey::SecretName = QStringLiteral("trialbridge-audit/ed25519-seed");

void WorkspaceSigningKey::obtain(SecretStore* store, const QString& workspaceDir, Done done)
{
    QPointer<SecretStore> guard(store);
    const QString where = store->description();
    const auto finish = [workspaceDir, where, done](SecretResult stored) {
        if (!stored.ok())
            return done(nullptr, QStringLiteral("cannot read the signing key %1 from %2: %3").arg(SecretName, where, stored.message));
        const std::shared_ptr<const AuditSigner> signer = AuditSigner::fromSeed(stored.value);
        crypto::wipe(stored.value);
        if (!signer)
            return done(nullptr, QStringLiteral("the signing key %1 in %2 is damaged (not %3 bytes)")
                                     .arg(SecretName, where)
                                     .arg(AuditSigner::SeedBytes));
        QString e;
        if (!AuditTrust::add(workspaceDir, signer->publicKey(), toIsoUtc(Clock::system().nowUtc()), &e))
            return done(nullptr, e);
        done(signer, {});
    };
    store->read(SecretName, [guard, where, finish, done](const SecretResult& stored) {
        if (stored.status != SecretResult::Status::NotFound)
            return finish(stored);
        if (!guard)
            return done(nullptr, QStringLiteral("the secret store was closed"));
        QByteArray seed = AuditSigner::newSeed();
        guard->write(SecretName, seed, [guard, where, finish, done](const SecretResult& written) {
            if (!written.ok())
                return done(nullptr, QStringLiteral("cannot store a new signing key in %1: %2").arg(where, written.message));
            if (!guard)
                return done(nullptr, QStringLiteral("the secret store was closed"));
            guard->read(SecretName, finish);
        });
        crypto::wipe(seed);
    });
}

} // namespace tb::core
