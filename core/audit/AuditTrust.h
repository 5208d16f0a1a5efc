#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace tb::core {

// The audit signing keys a workspace vouches for: the public keys listed under "auditKeys" in its
// trialbridge.workspace.json, which is versioned with the workspace in git — outside the target database,
// where an intruder who rewrote the log and re-signed its checkpoints with a key of their own could also
// have replaced the key. `audit verify` accepts only checkpoints signed by a listed key.
class AuditTrust
{
public:
    // The nearest folder, from dir upwards, that holds trialbridge.workspace.json; empty when none does.
    static QString findWorkspace(const QString& dir);

    // The listed public keys (none when the file or the list is missing); false when the file is damaged.
    static bool load(const QString& workspaceDir, QList<QByteArray>* keys, QString* error);
    // Lists a public key (the workspace must have its id file); nothing is written when it is listed already.
    static bool add(const QString& workspaceDir, const QByteArray& publicKey, const QString& createdUtc,
                    QString* error);
};

} // namespace tb::core
