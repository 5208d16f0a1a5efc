#pragma once

#include <QString>

#include <functional>
#include <memory>

namespace tb::core {

class AuditSigner;
class SecretStore;

// The workspace's audit signing key (docs/audit.md), shared by `trialbridge-cli run` and the console: the seed is
// read from the workspace's secret store — or, on first need, created there and read back (another run may have
// created one meanwhile) — and its public key is listed in the workspace's trialbridge.workspace.json, where an
// intruder in the database cannot replace it.
class WorkspaceSigningKey
{
public:
    static const QString SecretName; // "trialbridge-audit/ed25519-seed"

    using Done = std::function<void(std::shared_ptr<const AuditSigner> signer, const QString& error)>;

    // store: open, in the workspace's scope. done runs later from the event loop, with a null signer and the
    // reason when there is none.
    static void obtain(SecretStore* store, const QString& workspaceDir, Done done);
};

} // namespace tb::core
