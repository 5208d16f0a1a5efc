#include "source/drop/DropLedger.h"

namespace tb::core {

bool DropLedger::prepare(sqlite3* db, QString* error)
{
    return m_find.prepare(
               db,
               QStringLiteral("SELECT state, run_id FROM drop_ledger WHERE pipeline = ?1 AND source = ?2 AND "
                              "mapping = ?3 AND file_name = ?4 AND size = ?5 AND checksum = ?6"),
               error) &&
           m_save.prepare(
               db,
               QStringLiteral(
                   "INSERT OR REPLACE INTO drop_ledger (pipeline, source, mapping, file_name, size, "
                   "checksum, state, reason, run_id, recorded_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                   "?7, ?8, ?9, ?10)"),
               error);
}

bool DropLedger::find(const QString& pipeline, const File& f, bool* found, bool* loaded, qint64* runId)
{
    m_find.bindText(1, pipeline);
    m_find.bindText(2, f.source);
    m_find.bindText(3, f.mapping);
    m_find.bindText(4, f.name);
    m_find.bindInt64(5, f.size);
    m_find.bindText(6, f.checksum);
    *found = m_find.next();
    if (*found) {
        *loaded = m_find.columnText(0) == QLatin1String("loaded");
        *runId = m_find.columnInt64(1);
    }
    m_error = m_find.error();
    m_find.reset();
    return m_error.isEmpty();
}

bool DropLedger::save(const QString& pipeline, const File& f, qint64 runId, const QString& recordedUtc)
{
    m_save.bindText(1, pipeline);
    m_save.bindText(2, f.source);
    m_save.bindText(3, f.mapping);
    m_save.bindText(4, f.name);
    m_save.bindInt64(5, f.size);
    m_save.bindText(6, f.checksum);
    m_save.bindText(7, f.loaded ? QStringLiteral("loaded") : QStringLiteral("failed"));
    m_save.bindText(8, f.reason.isEmpty() ? QString() : f.reason);
    m_save.bindInt64(9, runId);
    m_save.bindText(10, recordedUtc);
    const bool ok = m_save.exec();
    if (!ok)
        m_error = m_save.error();
    return ok;
}

} // namespace tb::core
