#include "run/LoadWriter.h"

#include "audit/AuditSigner.h"
#include "load/EntityTable.h"
#include "load/WalCheckpointer.h"
#include "model/CtmsSchema.h"
#include "run/RunStore.h"
#include "util/JsonText.h"
#include "util/Logging.h"

#include <sqlite3.h>

namespace tb::core {


struct LoadWriter::Statements
{
    std::vector<EntityTable> tables; // by entity index
    AuditLog audit;
    RunStore store;
    UnitStateStore states;
    SourceCursorStore cursors;
    std::vector<SourceCursorStore::Cursor> finalCursors;
    DropLedger dropLedger;
    std::vector<DropLedger::File> finalDropFiles;
    RunResult finalResult;
    QString endedUtc;
    std::shared_ptr<const AuditSigner> signer;
    qint64 checkpointEvery = 0;
    std::vector<AuditChain::Field> row; // the row image being written, decoded (sized once: no per-op clearing)
    WalCheckpointer walCheckpointer;
    bool ownCheckpoints = false; // walCheckpointer runs, SQLite's automatic checkpoint is off
};

LoadWriter::LoadWriter(sqlite3* db, const CtmsSchema& schema, const QString& pipeline, qint64 runId,
                       qint64 batchRecords)
    : m_db(db), m_schema(schema), m_pipeline(pipeline), m_runId(runId), m_batchRecords(batchRecords),
      m_statements(std::make_unique<Statements>())
{
}

LoadWriter::~LoadWriter()
{
    abort();
}

void LoadWriter::setAuditSigning(std::shared_ptr<const AuditSigner> signer, qint64 checkpointEvery)
{
    m_statements->signer = std::move(signer);
    m_statements->checkpointEvery = checkpointEvery;
}

bool LoadWriter::start(QString* error)
{
    Statements& s = *m_statements;
    s.tables.resize(size_t(m_schema.entities().size()));
    s.row.resize(EntityDef::MaxFields + EntityTable::BookkeepingColumns);
    for (const EntityDef& e : m_schema.entities())
        if (!s.tables[size_t(e.index)].prepare(m_db, e, *m_schema.entity(e.unitEntity()), error))
            return false;
    if (!s.audit.prepare(m_db, error) || !s.store.prepare(m_db, error) || !s.states.prepare(m_db, error)
        || !s.cursors.prepare(m_db, error) || !s.dropLedger.prepare(m_db, error))
        return false;
    s.audit.setSigning(s.signer, m_runId, s.checkpointEvery);
    s.audit.setBatched(true);
    QString why;
    s.ownCheckpoints = s.walCheckpointer.start(m_db, &why);
    if (s.ownCheckpoints)
        sqlite3_wal_autocheckpoint(m_db, 0);
    else
        qCInfo(lcLoad) << "checkpoints stay with the writer:" << why;
    char* message = nullptr;
    if (sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, &message) != SQLITE_OK) {
        *error = QString::fromUtf8(message);
        sqlite3_free(message);
        return false;
    }
    if (!s.audit.head(&m_chainHead)) {
        *error = s.audit.error();
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        return false;
    }
    m_thread = std::thread([this] { loop(); });
    return true;
}

bool LoadWriter::push(WriteChunk&& chunk, WriteChunk* next)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_queue.size() < MaxQueuedChunks || !m_error.isEmpty(); });
    if (!m_error.isEmpty())
        return false;
    m_queue.push_back(std::move(chunk));
    if (!m_written.empty()) {
        *next = std::move(m_written.back());
        m_written.pop_back();
    } else {
        *next = WriteChunk();
    }
    m_changed.notify_all();
    lock.unlock();
    next->clear(); // outside the lock, in the thread that filled it
    return true;
}

bool LoadWriter::barrier(QString* error)
{
    std::unique_lock lock(m_mutex);
    m_barrierRequested = true;
    m_changed.notify_all();
    m_changed.wait(lock, [this] { return (!m_barrierRequested && m_queue.empty() && !m_busy) || !m_error.isEmpty(); });
    if (!m_error.isEmpty()) {
        *error = m_error;
        return false;
    }
    return true;
}

void LoadWriter::setCursors(std::vector<SourceCursorStore::Cursor> cursors)
{
    std::unique_lock lock(m_mutex);
    m_statements->finalCursors = std::move(cursors);
}

void LoadWriter::setDropFiles(std::vector<DropLedger::File> files)
{
    std::unique_lock lock(m_mutex);
    m_statements->finalDropFiles = std::move(files);
}

bool LoadWriter::finish(const RunResult& result, const QString& endedUtc, QString* error)
{
    {
        std::unique_lock lock(m_mutex);
        m_statements->finalResult = result;
        m_statements->endedUtc = endedUtc;
        m_stopRequested = true;
        m_commitOnStop = true;
        m_changed.notify_all();
    }
    if (m_thread.joinable())
        m_thread.join();
    std::unique_lock lock(m_mutex);
    if (!m_error.isEmpty()) {
        *error = m_error;
        return false;
    }
    return true;
}

void LoadWriter::abort()
{
    {
        std::unique_lock lock(m_mutex);
        m_stopRequested = true;
        m_commitOnStop = false;
        m_changed.notify_all();
    }
    if (m_thread.joinable())
        m_thread.join();
}

QString LoadWriter::error() const
{
    std::unique_lock lock(m_mutex);
    return m_error;
}

bool LoadWriter::commitAndBegin()
{
    char* message = nullptr;
    if (sqlite3_exec(m_db, "COMMIT; BEGIN IMMEDIATE", nullptr, nullptr, &message) != SQLITE_OK) {
        std::unique_lock lock(m_mutex);
        m_error = QStringLiteral("cannot commit: %1").arg(QString::fromUtf8(message));
        sqlite3_free(message);
        return false;
    }
    m_statements->audit.transactionStarted();
    m_statements->walCheckpointer.committed();
    m_inBatch = 0;
    return true;
}

bool LoadWriter::flushQueued()
{
    QString failure;
    for (EntityTable& t : m_statements->tables)
        if (failure.isEmpty() && !t.flush())
            failure = QStringLiteral("cannot write %1 %2: %3").arg(t.entity().name, t.failedKey(), t.error());
    if (failure.isEmpty() && !m_statements->audit.flush())
        failure = QStringLiteral("cannot write the audit entries: %1").arg(m_statements->audit.error());
    if (failure.isEmpty())
        return true;
    std::unique_lock lock(m_mutex);
    m_error = failure;
    return false;
}

bool LoadWriter::execute(const WriteOp& op, const WriteChunk& chunk)
{
    Statements& s = *m_statements;
    QString failure;
    switch (op.kind) {
    case WriteOp::Kind::Insert:
    case WriteOp::Kind::Update:
    case WriteOp::Kind::Delete: {
        EntityTable& t = s.tables[size_t(op.entity->index)];
        bool ok;
        if (op.kind == WriteOp::Kind::Insert) {
            ok = t.queueInsert(chunk.bytes(op.row));
        } else {
            // Queued inserts first: an update or delete may be about one of them.
            AuditChain::Field* row = s.row.data();
            const int fields = int(op.entity->fields.size()) + (op.kind == WriteOp::Kind::Delete ? 0 : EntityTable::BookkeepingColumns);
            const unsigned char* p = chunk.bytes(op.row);
            for (int i = 0; i < fields; ++i)
                p = AuditChain::readField(p, &row[i]);
            ok = t.flush() && (op.kind == WriteOp::Kind::Update ? t.update(row) : t.remove(row));
        }
        if (!ok)
            failure = QStringLiteral("cannot write %1 %2: %3").arg(op.entity->name, t.failedKey(), t.error());
        else if (!s.audit.appendEncoded(chunk.bytes(op.audit), op.auditBytes, op.hashed.seq ? &op.hashed : nullptr))
            failure = QStringLiteral("cannot write the audit entry: %1").arg(s.audit.error());
        ++m_inBatch;
        break;
    }
    case WriteOp::Kind::Reject:
        if (!s.store.addReject(m_runId, op.extra->issue, op.extra->sourceRecordJson, op.extra->rejectStatus))
            failure = QStringLiteral("cannot record a reject: %1").arg(s.store.error());
        ++m_inBatch;
        break;
    case WriteOp::Kind::Warning:
        if (!s.store.addWarning(m_runId, op.extra->issue))
            failure = QStringLiteral("cannot record a warning: %1").arg(s.store.error());
        break;
    case WriteOp::Kind::UnitState:
        if (!s.states.save(m_pipeline, op.extra->unitEntity, op.extra->keyHash, op.extra->state, m_runId))
            failure = QStringLiteral("cannot record the unit state: %1").arg(s.states.error());
        break;
    }
    if (failure.isEmpty())
        return true;
    std::unique_lock lock(m_mutex);
    m_error = failure;
    return false;
}

void LoadWriter::loop()
{
    for (;;) {
        WriteChunk chunk;
        bool took = false, barrier = false, stop = false, commit = false;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return !m_queue.empty() || m_barrierRequested || m_stopRequested; });
            const bool aborting = m_stopRequested && !m_commitOnStop;
            if (!m_queue.empty() && m_error.isEmpty() && !aborting) {
                chunk = std::move(m_queue.front());
                m_queue.pop_front();
                took = m_busy = true;
            } else {
                m_queue.clear();
                barrier = m_barrierRequested;
                stop = m_stopRequested;
                commit = m_commitOnStop && m_error.isEmpty();
            }
            m_changed.notify_all();
        }
        if (took) {
            bool ok = true;
            for (const WriteOp& op : chunk.ops())
                if (!(ok = execute(op, chunk)))
                    break;
            // Queued rows and audit entries are bound where the chunk holds them: written before it goes back.
            if (ok)
                ok = flushQueued();
            // Units never straddle two transactions: commit only between units.
            if (ok && m_inBatch >= m_batchRecords)
                commitAndBegin();
            std::unique_lock lock(m_mutex);
            m_written.push_back(std::move(chunk));
            m_busy = false;
            m_changed.notify_all();
            continue;
        }
        if (stop) {
            QString failure;
            if (commit) {
                QString error;
                if (!m_statements->store.finishRun(m_statements->finalResult, m_statements->endedUtc, &error))
                    failure = QStringLiteral("cannot record the run: %1").arg(error);
                for (const SourceCursorStore::Cursor& c : m_statements->finalCursors)
                    if (failure.isEmpty() && !m_statements->cursors.save(m_pipeline, c, m_runId, m_statements->endedUtc))
                        failure = QStringLiteral("cannot record the cursor of %1: %2").arg(c.source, m_statements->cursors.error());
                for (const DropLedger::File& f : m_statements->finalDropFiles)
                    if (failure.isEmpty() && !m_statements->dropLedger.save(m_pipeline, f, m_runId, m_statements->endedUtc))
                        failure = QStringLiteral("cannot record the file %1 of %2: %3").arg(f.name, f.source, m_statements->dropLedger.error());
                if (failure.isEmpty() && !m_statements->audit.checkpoint(AuditLog::CheckpointReason::RunEnd, m_statements->endedUtc))
                    failure = QStringLiteral("cannot write the audit checkpoint: %1").arg(m_statements->audit.error());
                if (failure.isEmpty() && sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
                    failure = QStringLiteral("cannot commit: %1").arg(QString::fromUtf8(sqlite3_errmsg(m_db)));
            }
            if (!sqlite3_get_autocommit(m_db))
                sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
            // The run's data reaches the database file before the run counts as done, as with SQLite's
            // own checkpoints (a failed run leaves it to the next checkpoint).
            if (m_statements->ownCheckpoints) {
                if (commit && failure.isEmpty())
                    m_statements->walCheckpointer.finish();
                else
                    m_statements->walCheckpointer.stop();
                sqlite3_wal_autocheckpoint(m_db, 1000); // SQLite's default
            }
            std::unique_lock lock(m_mutex);
            if (!failure.isEmpty() && m_error.isEmpty())
                m_error = failure;
            m_changed.notify_all();
            return;
        }
        if (barrier) {
            if (m_error.isEmpty())
                commitAndBegin();
            std::unique_lock lock(m_mutex);
            m_barrierRequested = false;
            m_changed.notify_all();
        }
    }
}

} // namespace tb::core
