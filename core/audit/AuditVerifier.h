#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVector>

namespace tb::core {

// Checks a target database's audit trail: recomputes the hash chain entry by entry (streamed with
// SQLite's C API, read-only, in one read transaction) and every checkpoint's signature, compares the
// checkpoints with the chain, and names the first entry that was changed, deleted, inserted or
// reordered — as precisely as the damage lets it be told (docs/audit.md).
class AuditVerifier
{
public:
    struct Problem
    {
        enum class Kind {
            Changed,           // an entry's content no longer matches its hash
            Deleted,           // entries are missing (a gap, a cut-off end, renumbered rest)
            Inserted,          // an entry that is not part of the chain
            Reordered,         // an entry stands at another place than where it was written
            ChainRewritten,    // a signed checkpoint disagrees with a chain that is consistent in itself
            BadSignature,      // a checkpoint was changed or its signature forged
            CheckpointDeleted, // a gap in the checkpoint numbers
            Unsigned,          // a checkpoint written without a signing key
            UntrustedKey,      // signed by a key the workspace does not list
            NoChain,           // the database has no audit chain (older schema, damaged identity)
        };
        Kind kind = Kind::Changed;
        qint64 seq = 0;          // the first entry concerned (0: none)
        qint64 lastSeq = 0;      // the last entry of a range (0: a single entry)
        qint64 checkpointId = 0; // the checkpoint concerned (0: none)
        QString message;

        static QString kindName(Kind kind); // changed, deleted, inserted, reordered, chain_rewritten, ...
        QJsonObject toJson() const;
    };

    struct KeyUse
    {
        QByteArray publicKey;
        qint64 checkpoints = 0;
        bool trusted = false; // listed by the workspace (meaningful when Report::trustChecked)
    };

    struct Report
    {
        QString database;
        QString error;     // the database could not be read: nothing was verified
        QString workspace; // whose key list was checked (empty: none)
        bool trustChecked = false;
        qint64 entries = 0;       // chained entries read
        qint64 legacyEntries = 0; // written before the chain existed (not covered)
        qint64 firstSeq = 1;
        qint64 lastSeq = 0;
        QByteArray headHash;
        qint64 checkpoints = 0;
        qint64 signedCheckpoints = 0;
        qint64 lastCheckpointId = 0;
        qint64 lastCheckpointSeq = 0;
        QString lastCheckpointUtc;
        qint64 uncoveredEntries = 0; // after the last checkpoint (a run that was killed)
        QVector<KeyUse> keys;
        QVector<Problem> problems; // the first one is the first damage found in the chain
        qint64 durationMs = 0;

        bool intact() const { return error.isEmpty() && problems.isEmpty(); }
        QJsonObject toJson() const;
    };

    // trustedKeys: the public keys the workspace lists (see AuditTrust); checked when trustChecked.
    static Report verify(const QString& databasePath, const QList<QByteArray>& trustedKeys = {},
                         bool checkTrust = false, const QString& workspace = {});
};

} // namespace tb::core
