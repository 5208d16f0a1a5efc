#pragma once

#include "audit/AuditChain.h"
#include "audit/AuditLog.h"
#include "run/UnitStateStore.h"
#include "validate/ValidationIssue.h"

#include <QString>

#include <memory>
#include <vector>

namespace tb::core {

class EntityDef;
struct Record;

// One write the loader decided on.
struct WriteOp
{
    enum class Kind { Insert, Update, Delete, Reject, Warning, UnitState };

    Kind kind = Kind::Insert;
    const EntityDef* entity = nullptr; // Insert, Update, Delete
    qsizetype row = 0;                 // Insert, Update, Delete: where the row image starts in the chunk's bytes
    qsizetype audit = 0;               // Insert, Update, Delete: where its audit entry's fields start
    qsizetype auditBytes = 0;          // and their length
    AuditLog::Prehashed hashed;        // the audit entry's hash, when the producer chained it (seq > 0)

    // The rarer kinds keep their data out of line: every op of a million is built and destroyed.
    struct Extra
    {
        ValidationIssue issue;    // Reject, Warning
        QString sourceRecordJson; // Reject
        QString rejectStatus;     // Reject: open, stale
        QString unitEntity;       // UnitState
        quint64 keyHash = 0;
        UnitStateStore::State state;
    };
    std::unique_ptr<Extra> extra;

    static WriteOp reject(const ValidationIssue& issue, const QString& sourceRecordJson, const QString& status);
    static WriteOp warning(const ValidationIssue& issue);
    static WriteOp unitState(const QString& unitEntity, quint64 keyHash, UnitStateStore::State state);
};

// The writes of whole units, ready for the writer thread: the loader's producer thread turns each row
// and its audit entry into UTF-8 bytes here, in AuditChain's field encoding, back to back in one buffer.
// The writer binds them where they lie and hashes the audit fields as they are — it does nothing but
// the database's own work, which is what limits a load. A chunk is reused once written (no allocation
// once its buffers have grown).
class WriteChunk
{
public:
    // What every audit entry of a unit shares, and the one thing that differs by cause.
    struct AuditFacts
    {
        const QString* timeUtc = nullptr;
        const QString* actor = nullptr;
        qint64 runId = 0;
        QString sourceRef;
        QString reason;
        // The chain as the producer expects the writer to find it: entries are hashed here, on the thread
        // with time to spare, and advance it (null: the writer hashes).
        AuditChain::Head* chain = nullptr;
    };

    // rec's values (with its hash and source time) as a new row, or over the stored ones (before).
    void addInsert(const Record& rec, const QByteArray& hash, const AuditFacts& facts);
    void addUpdate(const Record& rec, const std::vector<QString>& before, const QByteArray& hash,
                   const AuditFacts& facts);
    // The stored row with these values goes; its audit entry keeps them whole.
    void addDelete(const EntityDef& e, const std::vector<QString>& before, const AuditFacts& facts);
    void add(WriteOp&& op) { m_ops.push_back(std::move(op)); }

    std::vector<WriteOp>& ops() { return m_ops; }
    const unsigned char* bytes(qsizetype offset) const
    {
        return reinterpret_cast<const unsigned char*>(m_bytes.data()) + offset;
    }
    size_t size() const { return m_ops.size(); }
    bool empty() const { return m_ops.empty(); }
    // Empties the chunk, keeping what its buffers have grown to.
    void clear();

private:
    // An insert (before null) or an update: the row image and its audit entry.
    void addChange(WriteOp::Kind kind, const Record& rec, const std::vector<QString>* before, const QByteArray& hash,
                   const AuditFacts& facts);
    void addRow(const EntityDef& e, const std::vector<QString>& values, const QByteArray* hash,
                const QString& sourceModified, const AuditFacts& facts);
    void addAudit(const char* action, const EntityDef& e, const std::vector<QString>& key,
                  const std::vector<QString>* before, const std::vector<QString>* after, const AuditFacts& facts);

    void chainAudit(WriteOp& op, const AuditFacts& facts) const;

    std::vector<WriteOp> m_ops;
    AuditChain::Encoder m_bytes;
};

} // namespace tb::core
