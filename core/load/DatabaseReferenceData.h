#pragma once

#include "load/SqliteStatement.h"
#include "model/ReferenceData.h"

#include "util/FastHash.h"

#include <QHash>

#include <unordered_map>

#include <map>
#include <memory>

namespace tb::core {

// ReferenceData answered from the CTMS tables through prepared statements, with caches that the
// runner clears whenever the tables they read may have changed.
class DatabaseReferenceData final : public ReferenceData
{
public:
    explicit DatabaseReferenceData(sqlite3* db);

    bool siteExists(const QString& studyId, const QString& siteId) override;
    QString siteTimeZone(const QString& studyId, const QString& siteId) override;
    std::optional<VisitWindow> visitWindow(const QString& studyId, const QString& visitCode) override;
    std::optional<QString> lookup(const QString& entity, const QString& matchField, const QString& value,
                                  const QString& returnField, const QString& studyId) override;

    void clearCaches();

    // Set once a read failed (an I/O error, not a missing row): the answers since then are unfounded, and
    // the runner fails the run rather than reject records for them. Not cleared by clearCaches().
    QString error() const { return m_error; }

private:
    std::optional<QString> siteZoneUncached(const QString& studyId, const QString& siteId); // nullopt: failed
    // True (and error() set) when the statement failed rather than found nothing.
    bool failed(SqliteStatement& st);

    sqlite3* m_db;
    SqliteStatement m_site;
    SqliteStatement m_window;
    std::map<QString, std::unique_ptr<SqliteStatement>> m_lookups;
    // site key → time zone; an empty zone marks a known missing site
    QHash<QString, QString> m_sites;
    QHash<QString, std::unordered_map<QString, std::optional<VisitWindow>, QStringHash>> m_windows; // study → code →
    QHash<QString, std::optional<QString>> m_lookupCache;
    QString m_lastStudy, m_lastSite, m_lastZone;
    QString m_error;
};

} // namespace tb::core
