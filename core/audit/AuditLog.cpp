#include "audit/AuditLog.h"

namespace tb::core {

bool AuditLog::prepare(sqlite3* db, QString* error)
{
    return m_insert.prepare(db,
                            QStringLiteral("INSERT INTO audit_log (ts_utc, actor, action, entity, natural_key, study_id, "
                                           "site_id, subject_id, before_json, after_json, run_id, source_ref, reason) "
                                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"),
                            error);
}

bool AuditLog::append(const AuditEntry& e)
{
    m_insert.bindText(1, e.timeUtc);
    m_insert.bindText(2, e.actor);
    m_insert.bindText(3, e.action);
    m_insert.bindText(4, e.entity);
    m_insert.bindText(5, e.naturalKey);
    m_insert.bindText(6, e.studyId);
    m_insert.bindText(7, e.siteId);
    m_insert.bindText(8, e.subjectId);
    m_insert.bindText(9, e.beforeJson);
    m_insert.bindText(10, e.afterJson);
    if (e.runId > 0)
        m_insert.bindInt64(11, e.runId);
    else
        m_insert.bindNull(11);
    m_insert.bindText(12, e.sourceRef);
    m_insert.bindText(13, e.reason);
    const bool ok = m_insert.exec();
    if (!ok)
        m_error = m_insert.error();
    return ok;
}

} // namespace tb::core
