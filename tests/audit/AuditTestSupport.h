#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace tb::core {
class AuditSigner;
}

namespace tb::test {

// Changes a target database the way an intruder with access to the file would: the append-only triggers
// are dropped first, then the statements run. False (and a message) when a statement fails.
bool tamper(const QString& dbPath, const QStringList& statements, QString* error);

// Recomputes prev_hash and hash of the entries fromSeq..toSeq from the entry before — what an intruder who
// knows the (public) algorithm does after changing an entry.
bool rechain(const QString& dbPath, qint64 fromSeq, qint64 toSeq, QString* error);

// Signs a checkpoint again with another key: a valid signature, by a key nobody vouches for.
bool resign(const QString& dbPath, qint64 checkpointId, const tb::core::AuditSigner& signer, QString* error);

// Statements that swap two entries by renumbering them (seq is the primary key).
QStringList swapEntries(qint64 a, qint64 b);

// Copies a database file (after folding its WAL into it) to a new path.
bool copyDatabase(const QString& from, const QString& to, QString* error);

qint64 scalar(const QString& dbPath, const QString& sql);

} // namespace tb::test
