#pragma once

#include "audit/AuditLog.h"
#include "run/RunResult.h"
#include "run/SourceCursorStore.h"
#include "source/drop/DropLedger.h"
#include "run/UnitStateStore.h"
#include "validate/ValidationIssue.h"

#include <QString>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

struct sqlite3;

namespace tb::core {

class CtmsSchema;
class EntityDef;

// One write the loader decided on.
struct WriteOp
{
    enum class Kind { Insert, Update, Delete, Reject, Warning, UnitState };

    Kind kind = Kind::Insert;
    const EntityDef* entity = nullptr;   // Insert, Update, Delete
    std::vector<QString> values;         // Insert, Update: by field index
    std::vector<QString> before;         // Update, Delete: the stored values
    QByteArray hash;
    QString sourceRef;
    QString sourceModified;
    AuditEntry audit;                    // Insert, Update, Delete: the images are filled in by the writer

    // The rarer kinds keep their data out of line: every op of a million is built and destroyed.
    struct Extra
    {
        ValidationIssue issue;           // Reject, Warning
        QString sourceRecordJson;        // Reject
        QString rejectStatus;            // Reject: open, stale
        QString unitEntity;              // UnitState
        quint64 keyHash = 0;
        UnitStateStore::State state;
    };
    std::unique_ptr<Extra> extra;

    static WriteOp reject(const ValidationIssue& issue, const QString& sourceRecordJson, const QString& status);
    static WriteOp warning(const ValidationIssue& issue);
    static WriteOp unitState(const QString& unitEntity, quint64 keyHash, UnitStateStore::State state);
};

// Executes the loader's writes on the target connection in a thread of its own, so that reading,
// mapping and validating the next units overlaps with writing the previous ones (the two halves of a
// load cost about the same). Ops arrive a whole unit at a time and are committed in batches of about
// batchRecords, so a unit never straddles two transactions. The thread owns the connection between
// start() and finish()/abort(): nobody else may use it meanwhile.
class LoadWriter
{
public:
    LoadWriter(sqlite3* db, const CtmsSchema& schema, const QString& pipeline, qint64 runId, qint64 batchRecords);
    ~LoadWriter();
    LoadWriter(const LoadWriter&) = delete;
    LoadWriter& operator=(const LoadWriter&) = delete;

    // The key that signs the audit checkpoints (null: unsigned) and how many entries lie between two of them.
    void setAuditSigning(std::shared_ptr<const AuditSigner> signer, qint64 checkpointEvery);
    // Prepares the statements, opens the first transaction and starts the thread.
    bool start(QString* error);
    // Queues ops of whole units (blocks while the queue is full). False once the writer has failed.
    // Written chunks come back through push() and are destroyed by the caller's thread: memory is freed
    // by the thread that allocated it, which keeps the allocator's arenas uncontended.
    bool push(std::vector<WriteOp>&& ops);
    // Waits until everything queued is written and committed: other connections see it afterwards.
    bool barrier(QString* error);
    // Cursors of the remote sources that finish() writes with the run's outcome (none unless called: a run
    // that did not load everything it pulled must not move them).
    void setCursors(std::vector<SourceCursorStore::Cursor> cursors);
    // Files of folder drops that finish() records in the drop ledger with the run's outcome (same rule).
    void setDropFiles(std::vector<DropLedger::File> files);
    // Writes what is queued, records the run's outcome, the cursors and the audit trail's run-end checkpoint
    // in the same transaction, commits and stops.
    bool finish(const RunResult& result, const QString& endedUtc, QString* error);
    // Stops without committing the open batch (units of earlier batches stay, each whole).
    void abort();

    QString error() const;

private:
    void loop();
    bool execute(WriteOp& op);
    static void completeAudit(WriteOp& op);
    bool commitAndBegin();

    sqlite3* m_db;
    const CtmsSchema& m_schema;
    QString m_pipeline;
    qint64 m_runId;
    qint64 m_batchRecords;
    struct Statements;
    std::unique_ptr<Statements> m_statements;

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::vector<WriteOp>> m_queue;
    std::vector<std::vector<WriteOp>> m_written; // done, to be destroyed by the producer
    bool m_barrierRequested = false;
    bool m_stopRequested = false;
    bool m_commitOnStop = false;
    bool m_busy = false;
    QString m_error;
    qint64 m_inBatch = 0;
    std::thread m_thread;
    static constexpr size_t MaxQueuedChunks = 16; // bounds memory: the producer waits for the writer
};

} // namespace tb::core
