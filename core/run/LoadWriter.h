#pragma once

#include "audit/AuditLog.h"
#include "run/RunResult.h"
#include "run/SourceCursorStore.h"
#include "source/drop/DropLedger.h"
#include "run/UnitStateStore.h"
#include "run/WriteChunk.h"

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
    // Where the audit chain stood when start() opened the first transaction: the producer chains its entries
    // from there (WriteChunk::AuditFacts::chain), and the writer checks each against where it really stands.
    AuditChain::Head chainHead() const { return m_chainHead; }
    // Queues a chunk of whole units (blocks while the queue is full) and hands back an empty one to fill
    // next: a chunk the writer is done with, so that chunks and their buffers go round instead of being
    // allocated and freed (and freed by the thread that allocated them). False once the writer has failed.
    bool push(WriteChunk&& chunk, WriteChunk* next);
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
    bool execute(const WriteOp& op, const WriteChunk& chunk);
    bool flushQueued();
    bool commitAndBegin();

    sqlite3* m_db;
    const CtmsSchema& m_schema;
    QString m_pipeline;
    qint64 m_runId;
    qint64 m_batchRecords;
    AuditChain::Head m_chainHead;
    struct Statements;
    std::unique_ptr<Statements> m_statements;

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<WriteChunk> m_queue;
    std::vector<WriteChunk> m_written; // done, to be emptied and reused by the producer
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
