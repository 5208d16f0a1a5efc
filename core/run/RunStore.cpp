#include "run/RunStore.h"

#include <sqlite3.h>

namespace tb::core {

bool RunStore::prepare(sqlite3* db, QString* error)
{
    m_db = db;
    return m_reject.prepare(db,
                            QStringLiteral("INSERT INTO reject (run_id, entity, natural_key, field, value, rule, message, "
                                           "source_ref, source_record, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                           "?9, ?10)"),
                            error)
        && m_warning.prepare(db,
                             QStringLiteral("INSERT INTO run_warning (run_id, entity, natural_key, field, value, rule, "
                                            "message, source_ref) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
                             error);
}

bool RunStore::markInterrupted(const QString& nowUtc, QString* error)
{
    SqliteStatement st;
    if (!st.prepare(m_db,
                    QStringLiteral("UPDATE run SET status = 'interrupted', ended_utc = ?1, message = 'the process "
                                   "ended before the run finished (killed or crashed); the units it committed are "
                                   "complete, the next run loads the rest' WHERE status = 'running'"),
                    error))
        return false;
    st.bindText(1, nowUtc);
    if (!st.exec()) {
        *error = st.error();
        return false;
    }
    return true;
}

qint64 RunStore::startRun(const QString& pipeline, const QString& pipelineFile, const QString& mode,
                          const QString& actor, const QString& startedUtc, QString* error)
{
    SqliteStatement st;
    if (!st.prepare(m_db,
                    QStringLiteral("INSERT INTO run (pipeline, pipeline_file, actor, started_utc, mode, status) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, 'running')"),
                    error))
        return 0;
    st.bindText(1, pipeline);
    st.bindText(2, pipelineFile);
    st.bindText(3, actor);
    st.bindText(4, startedUtc);
    st.bindText(5, mode);
    if (!st.exec()) {
        *error = st.error();
        return 0;
    }
    return sqlite3_last_insert_rowid(m_db);
}

bool RunStore::finishRun(const RunResult& result, const QString& endedUtc, QString* error)
{
    if (sqlite3_exec(m_db, "SAVEPOINT finish_run", nullptr, nullptr, nullptr) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(m_db));
        return false;
    }
    if (writeEnd(result, endedUtc, error)) {
        if (sqlite3_exec(m_db, "RELEASE finish_run", nullptr, nullptr, nullptr) == SQLITE_OK)
            return true;
        *error = QString::fromUtf8(sqlite3_errmsg(m_db));
    }
    // Fails harmlessly where SQLite already rolled the transaction back.
    sqlite3_exec(m_db, "ROLLBACK TO finish_run; RELEASE finish_run", nullptr, nullptr, nullptr);
    return false;
}

bool RunStore::writeEnd(const RunResult& result, const QString& endedUtc, QString* error)
{
    SqliteStatement st;
    QString status = result.statusName();
    if (result.status == RunResult::Status::ConfigError)
        status = QStringLiteral("failed");
    if (!st.prepare(m_db, QStringLiteral("UPDATE run SET ended_utc = ?1, status = ?2, message = ?3 WHERE run_id = ?4"),
                    error))
        return false;
    st.bindText(1, endedUtc);
    st.bindText(2, status);
    st.bindText(3, result.message.isEmpty() ? QString() : result.message);
    st.bindInt64(4, result.runId);
    if (!st.exec()) {
        *error = st.error();
        return false;
    }
    SqliteStatement counts;
    if (!counts.prepare(m_db,
                        QStringLiteral("INSERT OR REPLACE INTO run_entity (run_id, entity, read, inserted, updated, "
                                       "unchanged, rejected, stale, warnings, deleted, deleted_with_parent) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"),
                        error))
        return false;
    for (const auto& [entity, c] : result.entities) {
        counts.bindInt64(1, result.runId);
        counts.bindText(2, entity);
        counts.bindInt64(3, c.read);
        counts.bindInt64(4, c.inserted);
        counts.bindInt64(5, c.updated);
        counts.bindInt64(6, c.unchanged);
        counts.bindInt64(7, c.rejected);
        counts.bindInt64(8, c.stale);
        counts.bindInt64(9, c.warnings);
        counts.bindInt64(10, c.deleted);
        counts.bindInt64(11, c.deletedWithParent);
        if (!counts.exec()) {
            *error = counts.error();
            return false;
        }
    }
    return true;
}

namespace {

// The first eight parameters of run_reject and run_warning rows.
void bindIssue(SqliteStatement& st, qint64 runId, const ValidationIssue& is)
{
    st.bindInt64(1, runId);
    st.bindText(2, is.entity);
    st.bindText(3, is.naturalKey);
    st.bindText(4, is.field.isEmpty() ? QString() : is.field);
    st.bindText(5, is.value);
    st.bindText(6, is.rule);
    st.bindText(7, is.message);
    st.bindText(8, is.source.toString());
}

} // namespace

bool RunStore::addReject(qint64 runId, const ValidationIssue& is, const QString& sourceRecordJson, const QString& status)
{
    bindIssue(m_reject, runId, is);
    m_reject.bindText(9, sourceRecordJson);
    m_reject.bindText(10, status);
    const bool ok = m_reject.exec();
    m_error = m_reject.error();
    return ok;
}

bool RunStore::addWarning(qint64 runId, const ValidationIssue& is)
{
    bindIssue(m_warning, runId, is);
    const bool ok = m_warning.exec();
    m_error = m_warning.error();
    return ok;
}

} // namespace tb::core
