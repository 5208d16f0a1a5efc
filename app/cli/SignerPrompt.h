#pragma once

#include <QString>

#include <memory>

namespace tb::core {
class AuditSigner;
struct ElectronicSignature;
struct UserAccount;
} // namespace tb::core

namespace tb::cli {

class SecretSession;

// The workspace's secret store, opened (and created when creating) for the workspace folder.
bool openWorkspaceStore(const QString& workspace, bool creating, SecretSession* session, QString* error);

// Both components of an electronic signature, every time (21 CFR Part 11 §11.200(a)): asks for the user id and
// the passphrase (on a terminal; else the first two lines of standard input) and unseals that user's key from
// the secret store. Null with *error when the user, the store or the passphrase is wrong.
std::shared_ptr<const core::AuditSigner> authenticateUser(const QString& workspace, core::UserAccount* user,
                                                          QString* error);

// authenticateUser, then fills the signer's fields and the time of *sig (its content hash, subject, meaning and
// comment set by the caller) and signs it.
bool signAsUser(const QString& workspace, core::ElectronicSignature* sig, QString* error);

} // namespace tb::cli
