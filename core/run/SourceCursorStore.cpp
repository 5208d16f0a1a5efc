#include "run/SourceCursorStore.h"

namespace tb::core {

bool SourceCursorStore::prepare(sqlite3* db, QString* error)
{
    return m_load.prepare(db,
                          QStringLiteral("SELECT cursor, basis FROM source_cursor WHERE pipeline = ?1 AND "
                                         "source = ?2 AND mapping = ?3"),
                          error) &&
           m_save.prepare(
               db,
               QStringLiteral(
                   "INSERT OR REPLACE INTO source_cursor (pipeline, source, mapping, cursor, basis, "
                   "run_id, committed_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
               error);
}

bool SourceCursorStore::load(const QString& pipeline, const QString& source, const QString& mapping,
                             QString* cursor, QString* basis)
{
    cursor->clear();
    basis->clear();
    m_load.bindText(1, pipeline);
    m_load.bindText(2, source);
    m_load.bindText(3, mapping);
    if (m_load.next()) {
        *cursor = m_load.columnText(0);
        *basis = m_load.columnText(1);
    }
    m_error = m_load.error();
    m_load.reset();
    return m_error.isEmpty();
}

bool SourceCursorStore::save(const QString& pipeline, const Cursor& c, qint64 runId,
                             const QString& committedUtc)
{
    m_save.bindText(1, pipeline);
    m_save.bindText(2, c.source);
    m_save.bindText(3, c.mapping);
    m_save.bindText(4, c.cursor);
    m_save.bindText(5, c.basis);
    m_save.bindInt64(6, runId);
    m_save.bindText(7, committedUtc);
    const bool ok = m_save.exec();
    if (!ok)
        m_error = m_save.error();
    return ok;
}

} // namespace tb::core
