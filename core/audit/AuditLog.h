#pragma once

#include "audit/AuditChain.h"

#include <QString>

#include <array>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace tb::core {

class AuditSigner;

// One computer-generated audit entry: who changed what, when, from what to what, why, and from which
// source record.
struct AuditEntry
{
    QString timeUtc;
    QString actor;
    QString action; // insert, update, delete
    QString entity;
    QString naturalKey; // JSON object of the key fields
    QString studyId, siteId, subjectId;
    QString beforeJson; // changed fields before (null for inserts)
    QString afterJson;  // changed fields after (every field for inserts)
    qint64 runId = 0;
    QString sourceRef; // file:line or the source system's record id
    QString reason;
};

// Appends entries to audit_log in the caller's transaction, so that a change and its audit entry commit
// together or not at all — each chained to the one before (AuditChain), and every checkpointEvery entries
// followed by a signed checkpoint. The caller holds the write lock (BEGIN IMMEDIATE) and calls
// transactionStarted() after every BEGIN: the head of the chain is read again inside each transaction.
class AuditLog
{
public:
    enum class CheckpointReason { Periodic, RunEnd, Signature }; // Signature: after an electronic signature

    AuditLog() = default;
    ~AuditLog();
    AuditLog(const AuditLog&) = delete;
    AuditLog& operator=(const AuditLog&) = delete;

    // Prepares the statements and reads the chain's identity (audit_chain).
    bool prepare(sqlite3* db, QString* error);
    // signer null: checkpoints are written unsigned (and `audit verify` reports them).
    void setSigning(std::shared_ptr<const AuditSigner> signer, qint64 runId, qint64 checkpointEvery);
    void transactionStarted() { m_headKnown = false; }

    bool append(const AuditEntry& e);
    // An entry whose 13 fields are already in AuditChain's encoding (AuditChain::Encoder, from clear()):
    // the bulk loader builds them on its producer thread.
    // hashed: the entry's hash if it was already made for seq hashed->seq after hashed->prev (AuditChain::Head);
    // made again here when the chain stands elsewhere (an entry written meanwhile by another process).
    struct Prehashed
    {
        qint64 seq = 0;
        AuditChain::Hash prev{};
        AuditChain::Hash hash{};
    };
    bool appendEncoded(const unsigned char* fields, qsizetype bytes, const Prehashed* hashed = nullptr);
    // Where the chain stands in the current transaction (read at its first use).
    bool head(AuditChain::Head* out);
    // Batched: appendEncoded() inserts BatchRows entries at a time, in one statement; the fields must stay
    // where they are until flush() (or the batch) has written them, and flush() must run before a commit.
    // Off by default (every entry is written at once).
    static constexpr int BatchRows = 32;
    void setBatched(bool batched) { m_batched = batched; }
    bool flush();
    // A checkpoint of the chain as it stands, in the caller's transaction.
    bool checkpoint(CheckpointReason reason, const QString& timeUtc);
    QString error() const { return m_error; }

    // A run-end checkpoint in a transaction of its own, for runs that end without their writer (failed).
    static bool writeRunEndCheckpoint(sqlite3* db, std::shared_ptr<const AuditSigner> signer, qint64 runId,
                                      const QString& timeUtc, QString* error);

    static QString reasonName(CheckpointReason reason);

private:
    struct Pending
    {
        const unsigned char* fields = nullptr;
        qint64 seq = 0;
        AuditChain::Hash prev{};
        AuditChain::Hash hash{};
    };
    bool loadHead();
    bool fail(const QString& message);
    static void bindEntry(sqlite3_stmt* st, int first, const Pending& e);
    bool failFlush(qint64 seq);

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_insert = nullptr;
    sqlite3_stmt* m_insertBatch = nullptr;
    sqlite3_stmt* m_insertCheckpoint = nullptr;
    std::shared_ptr<const AuditSigner> m_signer;
    qint64 m_runId = 0;
    qint64 m_checkpointEvery = 0;

    QByteArray m_chainId;
    qint64 m_firstSeq = 1;
    AuditChain::Hash m_genesis{};

    bool m_headKnown = false;
    qint64 m_lastSeq = 0;      // the last entry's seq (first_seq - 1 while the chain is empty)
    AuditChain::Hash m_head{}; // its hash
    qint64 m_lastCheckpointId = 0;
    AuditChain::Encoder m_encoder;
    bool m_batched = false;
    std::array<Pending, BatchRows> m_pending;
    int m_pendingCount = 0;
    QString m_error;
};

} // namespace tb::core
