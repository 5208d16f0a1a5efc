#pragma once

#include "esign/ElectronicSignature.h"

#include <QStringList>

struct sqlite3;

#include <memory>
#include <vector>

namespace tb::core {

class AuditLog;
class AuditSigner;
class CtmsDatabase;

// Electronic signatures in the target database (table esignature): each one written with an audit entry
// (entity "esignature", action insert, the signature as its after image) and a checkpoint signed with the
// workspace's key, in one transaction — a signature is part of the tamper-evident trail like any change.
class SignatureLog
{
public:
    // Stores sig (signed already) and sets its id. actor: who ran the command (the OS user).
    static bool append(CtmsDatabase& db, ElectronicSignature& sig, std::shared_ptr<const AuditSigner> workspaceKey,
                       const QString& actor, QString* error);
    // Stores sig and its audit entry in the caller's transaction (audit prepared on db, transactionStarted()
    // called); the caller writes the checkpoint and commits. For acts that sign and change something together.
    static bool store(sqlite3* db, AuditLog& audit, ElectronicSignature& sig, const QString& actor, QString* error);
    // Every signature, oldest first; contentHash narrows to one signed thing when not empty.
    static bool list(CtmsDatabase& db, const QByteArray& contentHash, std::vector<ElectronicSignature>* out, QString* error);

    // For `audit verify`, reading the database without changing it: every stored signature must verify over its
    // manifest and have its audit entry with the same content (a row changed, or inserted outside the trail, is
    // found). A database without the table has no signatures.
    struct Check
    {
        qint64 signatures = 0;
        QStringList problems; // one line each, naming the signature
    };
    static bool check(const QString& databasePath, Check* out, QString* error);
};

} // namespace tb::core
