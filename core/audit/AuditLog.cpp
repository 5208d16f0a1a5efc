#include "audit/AuditLog.h"

#include "audit/AuditSigner.h"
#include "util/Logging.h"

#include <sqlite3.h>

#include <cstring>
#include <utility>

namespace tb::core {

namespace {

QString sqliteError(sqlite3* db)
{
    return QString::fromUtf8(sqlite3_errmsg(db));
}

bool prepareStatement(sqlite3* db, const char* sql, sqlite3_stmt** out, QString* error)
{
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, out, nullptr) == SQLITE_OK)
        return true;
    *error = QStringLiteral("%1 (in: %2)").arg(sqliteError(db), QString::fromUtf8(sql));
    *out = nullptr;
    return false;
}

} // namespace

AuditLog::~AuditLog()
{
    sqlite3_finalize(m_insert);
    sqlite3_finalize(m_insertBatch);
    sqlite3_finalize(m_insertCheckpoint);
}

bool AuditLog::prepare(sqlite3* db, QString* error)
{
    m_db = db;
    m_headKnown = false;
    sqlite3_stmt* chain = nullptr;
    if (!prepareStatement(db, "SELECT chain_id, first_seq FROM audit_chain", &chain, error))
        return false;
    const bool found =
        sqlite3_step(chain) == SQLITE_ROW && sqlite3_column_bytes(chain, 0) == AuditChain::ChainIdBytes;
    if (found) {
        m_chainId =
            QByteArray(static_cast<const char*>(sqlite3_column_blob(chain, 0)), AuditChain::ChainIdBytes);
        m_firstSeq = sqlite3_column_int64(chain, 1);
    }
    sqlite3_finalize(chain);
    if (!found) {
        *error = QStringLiteral("the audit chain's identity (table audit_chain) is missing or damaged");
        return false;
    }
    m_genesis = AuditChain::genesis(m_chainId, m_firstSeq);
    const QByteArray insert = "INSERT INTO audit_log (seq, ts_utc, actor, action, entity, natural_key, study_id, "
                              "site_id, subject_id, before_json, after_json, run_id, source_ref, reason, "
                              "prev_hash, hash) VALUES ";
    const QByteArray row = "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    QByteArray rows = row;
    for (int i = 1; i < BatchRows; ++i)
        rows += ',' + row;
    // OR FAIL: a failing entry keeps those before it, so the statement needs no journal of its own (a sixth
    // of its cost); the writer rolls the whole transaction back anyway.
    const QByteArray insertOrFail = QByteArray(insert).replace("INSERT INTO", "INSERT OR FAIL INTO");
    return prepareStatement(db, (insert + row).constData(), &m_insert, error)
           && prepareStatement(db, (insertOrFail + rows).constData(), &m_insertBatch, error)
           && prepareStatement(
               db,
               "INSERT INTO audit_checkpoint (checkpoint_id, last_seq, head_hash, created_utc, run_id, "
               "reason, public_key, signature) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
               &m_insertCheckpoint, error);
}

void AuditLog::setSigning(std::shared_ptr<const AuditSigner> signer, qint64 runId, qint64 checkpointEvery)
{
    m_signer = std::move(signer);
    m_runId = runId;
    m_checkpointEvery = checkpointEvery;
}

bool AuditLog::fail(const QString& message)
{
    m_error = message;
    return false;
}

bool AuditLog::loadHead()
{
    // Chains from the last entry that carries a hash. An entry without one can only have been added
    // behind the engine's back; `audit verify` names it, and the chain goes on from the entry before.
    sqlite3_stmt* st = nullptr;
    QString err;
    if (!prepareStatement(m_db, "SELECT MAX(seq) FROM audit_log", &st, &err))
        return fail(err);
    qint64 maxSeq = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    m_lastSeq = qMax(maxSeq, m_firstSeq - 1);
    m_head = m_genesis;
    if (!prepareStatement(m_db,
                          "SELECT seq, hash FROM audit_log WHERE seq >= ?1 AND length(hash) = 32 "
                          "ORDER BY seq DESC LIMIT 1",
                          &st, &err))
        return fail(err);
    sqlite3_bind_int64(st, 1, m_firstSeq);
    if (sqlite3_step(st) == SQLITE_ROW) {
        std::memcpy(m_head.data(), sqlite3_column_blob(st, 1), AuditChain::HashBytes);
        if (sqlite3_column_int64(st, 0) != maxSeq)
            qCWarning(lcAudit)
                << "audit entries after seq" << sqlite3_column_int64(st, 0)
                << "have no chain hash (added outside TrialBridge?): chaining from that entry; "
                   "run trialbridge-cli audit verify";
    }
    sqlite3_finalize(st);
    if (!prepareStatement(m_db, "SELECT COALESCE(MAX(checkpoint_id), 0) FROM audit_checkpoint", &st, &err))
        return fail(err);
    m_lastCheckpointId = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    m_headKnown = true;
    return true;
}

bool AuditLog::append(const AuditEntry& e)
{
    AuditChain::Encoder& enc = m_encoder;
    enc.clear();
    const QString* fields[AuditChain::FieldCount] = {
        &e.timeUtc,   &e.actor,      &e.action,    &e.entity, &e.naturalKey, &e.studyId, &e.siteId,
        &e.subjectId, &e.beforeJson, &e.afterJson, nullptr,   &e.sourceRef,  &e.reason};
    for (int i = 0; i < AuditChain::FieldCount; ++i) {
        if (i == AuditChain::RunIdField) {
            if (e.runId > 0)
                enc.addInteger(e.runId);
            else
                enc.addNull();
        } else {
            enc.addText(*fields[i]);
        }
    }
    return appendEncoded(reinterpret_cast<const unsigned char*>(enc.data()), enc.size());
}

bool AuditLog::head(AuditChain::Head* out)
{
    if (!m_headKnown && !loadHead())
        return false;
    out->lastSeq = m_lastSeq;
    out->hash = m_head;
    return true;
}

bool AuditLog::appendEncoded(const unsigned char* fields, qsizetype bytes, const Prehashed* hashed)
{
    if (!m_headKnown && !loadHead())
        return false;
    Pending& e = m_pending[size_t(m_pendingCount)];
    e.fields = fields;
    e.seq = m_lastSeq + 1;
    e.prev = m_head;
    if (hashed && hashed->seq == e.seq && hashed->prev == m_head)
        e.hash = hashed->hash;
    else
        AuditChain::hashEntry(m_head.data(), e.seq, fields, bytes, e.hash.data());
    m_lastSeq = e.seq;
    m_head = e.hash;
    ++m_pendingCount;
    if ((!m_batched || m_pendingCount == BatchRows) && !flush())
        return false;
    if (m_checkpointEvery > 0 && (m_lastSeq - m_firstSeq + 1) % m_checkpointEvery == 0) {
        AuditChain::Field f;
        AuditChain::readField(fields, &f); // ts_utc
        return checkpoint(CheckpointReason::Periodic, QString::fromUtf8(f.data, f.size));
    }
    return true;
}

void AuditLog::bindEntry(sqlite3_stmt* st, int first, const Pending& e)
{
    // The statement binds the fields where they are encoded: the bytes the hash covers.
    sqlite3_bind_int64(st, first, e.seq);
    const unsigned char* p = e.fields;
    AuditChain::Field f;
    for (int i = 0; i < AuditChain::FieldCount; ++i) {
        p = AuditChain::readField(p, &f);
        switch (f.type) {
        case AuditChain::Text:
            sqlite3_bind_text(st, first + 1 + i, f.data, int(f.size), SQLITE_STATIC);
            break;
        case AuditChain::Integer:
            sqlite3_bind_int64(st, first + 1 + i, f.integer);
            break;
        default:
            sqlite3_bind_null(st, first + 1 + i);
        }
    }
    sqlite3_bind_blob(st, first + 14, e.prev.data(), AuditChain::HashBytes, SQLITE_STATIC);
    sqlite3_bind_blob(st, first + 15, e.hash.data(), AuditChain::HashBytes, SQLITE_STATIC);
}

bool AuditLog::flush()
{
    // A full batch in one statement (SQLite's per-statement work is a fifth of an audit row's cost); the rest
    // one by one.
    constexpr int Columns = 16;
    const int count = std::exchange(m_pendingCount, 0);
    int done = 0;
    if (count == BatchRows) {
        for (int i = 0; i < BatchRows; ++i)
            bindEntry(m_insertBatch, 1 + i * Columns, m_pending[size_t(i)]);
        const int rc = sqlite3_step(m_insertBatch);
        sqlite3_reset(m_insertBatch);
        if (rc == SQLITE_DONE)
            return true;
        // The entries before the failing one stay written (OR FAIL; a trigger's ABORT takes them all back):
        // the rest one by one names it.
        done = qBound(0, sqlite3_changes(m_db), BatchRows - 1);
    }
    for (; done < count; ++done) {
        bindEntry(m_insert, 1, m_pending[size_t(done)]);
        const int rc = sqlite3_step(m_insert);
        sqlite3_reset(m_insert);
        if (rc != SQLITE_DONE)
            return failFlush(m_pending[size_t(done)].seq);
    }
    if (count == BatchRows && done == count) // the batch failed, each entry alone did not
        return failFlush(m_pending[0].seq);
    return true;
}

bool AuditLog::failFlush(qint64 seq)
{
    // The entries are not written: the caller rolls back, and the head is read again in the next transaction.
    m_headKnown = false;
    m_pendingCount = 0;
    return fail(QStringLiteral("entry %1: %2").arg(seq).arg(sqliteError(m_db)));
}

bool AuditLog::checkpoint(CheckpointReason reason, const QString& timeUtc)
{
    if (!m_headKnown && !loadHead())
        return false;
    if (m_pendingCount && !flush())
        return false;
    const qint64 id = m_lastCheckpointId + 1;
    const QByteArray head(reinterpret_cast<const char*>(m_head.data()), AuditChain::HashBytes);
    const QString why = reasonName(reason);
    const QByteArray publicKey = m_signer ? m_signer->publicKey() : QByteArray();
    QByteArray signature;
    if (m_signer)
        signature = m_signer->sign(
            AuditChain::checkpointMessage(m_chainId, id, m_lastSeq, head, timeUtc, m_runId, why, publicKey));
    const QByteArray utcBytes = timeUtc.toUtf8(), whyBytes = why.toUtf8();
    sqlite3_stmt* st = m_insertCheckpoint;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, m_lastSeq);
    sqlite3_bind_blob(st, 3, head.constData(), int(head.size()), SQLITE_STATIC);
    sqlite3_bind_text(st, 4, utcBytes.constData(), int(utcBytes.size()), SQLITE_STATIC);
    if (m_runId > 0)
        sqlite3_bind_int64(st, 5, m_runId);
    else
        sqlite3_bind_null(st, 5);
    sqlite3_bind_text(st, 6, whyBytes.constData(), int(whyBytes.size()), SQLITE_STATIC);
    if (m_signer) {
        sqlite3_bind_blob(st, 7, publicKey.constData(), int(publicKey.size()), SQLITE_STATIC);
        sqlite3_bind_blob(st, 8, signature.constData(), int(signature.size()), SQLITE_STATIC);
    } else {
        sqlite3_bind_null(st, 7);
        sqlite3_bind_null(st, 8);
    }
    const int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return fail(sqliteError(m_db));
    m_lastCheckpointId = id;
    return true;
}

bool AuditLog::writeRunEndCheckpoint(sqlite3* db, std::shared_ptr<const AuditSigner> signer, qint64 runId,
                                     const QString& timeUtc, QString* error)
{
    AuditLog log;
    if (!log.prepare(db, error))
        return false;
    log.setSigning(std::move(signer), runId, 0);
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
        *error = sqliteError(db);
        return false;
    }
    if (!log.checkpoint(CheckpointReason::RunEnd, timeUtc)
        || sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        *error = log.error().isEmpty() ? sqliteError(db) : log.error();
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        return false;
    }
    return true;
}

QString AuditLog::reasonName(CheckpointReason reason)
{
    switch (reason) {
    case CheckpointReason::Periodic: return QStringLiteral("periodic");
    case CheckpointReason::RunEnd: return QStringLiteral("run_end");
    case CheckpointReason::Signature: return QStringLiteral("signature");
    }
    return {};
}

} // namespace tb::core
