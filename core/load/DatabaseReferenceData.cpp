#include "load/DatabaseReferenceData.h"

namespace tb::core {

namespace {
// Bounded so that a lookup over a huge entity cannot grow memory without limit.
constexpr int kMaxLookupCache = 100000;
} // namespace

DatabaseReferenceData::DatabaseReferenceData(sqlite3* db) : m_db(db)
{
    m_site.prepare(db, QStringLiteral("SELECT time_zone FROM site WHERE study_id = ?1 AND site_id = ?2"), &m_error);
    m_window.prepare(db,
                     QStringLiteral("SELECT planned_day, window_before, window_after FROM visit_schedule "
                                    "WHERE study_id = ?1 AND visit_code = ?2"),
                     &m_error);
}

bool DatabaseReferenceData::failed(SqliteStatement& st)
{
    if (st.error().isEmpty())
        return false;
    if (m_error.isEmpty())
        m_error = st.error();
    st.reset();
    return true;
}

void DatabaseReferenceData::clearCaches()
{
    m_lastSite = QString();
    m_sites.clear();
    m_windows.clear();
    m_lookupCache.clear();
}

QString DatabaseReferenceData::siteTimeZone(const QString& studyId, const QString& siteId)
{
    // The records of a unit share one site: answer repeated questions without building a key.
    if (siteId == m_lastSite && studyId == m_lastStudy && !m_lastSite.isNull())
        return m_lastZone;
    const std::optional<QString> zone = siteZoneUncached(studyId, siteId);
    if (!zone)
        return QString();
    m_lastStudy = studyId;
    m_lastSite = siteId;
    m_lastZone = *zone;
    return m_lastZone;
}

std::optional<QString> DatabaseReferenceData::siteZoneUncached(const QString& studyId, const QString& siteId)
{
    const QString key = studyId + QChar(0x1F) + siteId;
    const auto it = m_sites.constFind(key);
    if (it != m_sites.constEnd())
        return *it;
    m_site.bindText(1, studyId);
    m_site.bindText(2, siteId);
    const QString zone = m_site.next() ? m_site.columnText(0) : QString(); // empty: unknown site
    if (failed(m_site))
        return std::nullopt; // not cached
    m_site.reset();
    m_sites.insert(key, zone);
    return zone;
}

bool DatabaseReferenceData::siteExists(const QString& studyId, const QString& siteId)
{
    // A site always has a time zone (NOT NULL), so a known zone means a known site.
    return !siteTimeZone(studyId, siteId).isEmpty();
}

std::optional<VisitWindow> DatabaseReferenceData::visitWindow(const QString& studyId, const QString& visitCode)
{
    auto& windows = m_windows[studyId];
    const auto it = windows.find(visitCode);
    if (it != windows.end())
        return it->second;
    m_window.bindText(1, studyId);
    m_window.bindText(2, visitCode);
    std::optional<VisitWindow> w;
    if (m_window.next())
        w = VisitWindow{int(m_window.columnInt64(0)), int(m_window.columnInt64(1)), int(m_window.columnInt64(2))};
    if (failed(m_window))
        return std::nullopt; // not cached
    m_window.reset();
    windows.emplace(visitCode, w);
    return w;
}

std::optional<QString> DatabaseReferenceData::lookup(const QString& entity, const QString& matchField,
                                                     const QString& value, const QString& returnField,
                                                     const QString& studyId)
{
    // entity and field names come from the schema (checked when the transform was built), never from data.
    const QString stmtKey = entity + QLatin1Char('.') + matchField + QLatin1Char('.') + returnField;
    const QString cacheKey = stmtKey + QChar(0x1F) + studyId + QChar(0x1F) + value;
    const auto cached = m_lookupCache.constFind(cacheKey);
    if (cached != m_lookupCache.constEnd())
        return *cached;
    auto& st = m_lookups[stmtKey];
    if (!st) {
        st = std::make_unique<SqliteStatement>();
        if (!st->prepare(m_db,
                         QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?1 AND (?2 IS NULL OR study_id = ?2) LIMIT 2")
                             .arg(returnField, entity, matchField),
                         &m_error))
            return std::nullopt;
    }
    st->bindText(1, value);
    st->bindText(2, studyId.isEmpty() ? QString() : studyId);
    std::optional<QString> result;
    if (st->next()) {
        result = st->columnText(0);
        if (st->next()) // ambiguous: two rows match
            result.reset();
    }
    if (failed(*st))
        return std::nullopt; // not cached
    st->reset();
    if (m_lookupCache.size() >= kMaxLookupCache)
        m_lookupCache.clear();
    m_lookupCache.insert(cacheKey, result);
    return result;
}

} // namespace tb::core
