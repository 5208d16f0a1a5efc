#pragma once

#include "util/FastHash.h"

#include <QHash>
#include <QString>
#include <QTimeZone>

#include <memory>
#include <unordered_map>
#include <vector>

namespace tb::core {


// UTC offsets of IANA zones, cached by zone and day (half hour on days with a transition). Converting a million visit times through
// QDateTime/QTimeZone costs microseconds each; offsets change only on the hour or half hour, so one
// answer serves every time in the same half hour. Not thread-safe: one per thread.
class TimeZoneCache
{
public:
    TimeZoneCache() = default;
    TimeZoneCache(const TimeZoneCache&) = delete; // m_last points into m_zones
    TimeZoneCache& operator=(const TimeZoneCache&) = delete;

    // Offset (seconds east of UTC) in force at a local wall-clock time, given as seconds since
    // 1970-01-01T00:00 of that wall clock. An ambiguous time (overlap) is its earlier occurrence; a time
    // that does not exist (gap) is read with the offset from before the change.
    int offsetForLocal(const QString& zoneId, qint64 localSecs);
    // Offset in force at a UTC instant.
    int offsetForUtc(const QString& zoneId, qint64 utcSecs);

    static constexpr qint64 UnixEpochJulianDay = 2440588;

private:
    struct Zone
    {
        QTimeZone zone;
        qint64 firstDay = 0;          // the day byDay[0] is about (days since 1970-01-01 UTC)
        std::vector<int> byDay;       // the offset in force all day, kMixedDay, or kUnknown
        QHash<qint64, int> halfHours; // days with a transition, by half hour
    };
    Zone& zone(const QString& zoneId);
    int offset(Zone& z, qint64 utcSecs);
    static constexpr int kMixedDay = 0x7fffffff;
    static constexpr int kUnknown = 0x7ffffffe;

    // Days by index, not by hash: a load asks about the same few years of days a million times.
    std::unordered_map<QString, std::unique_ptr<Zone>, QStringHash> m_zones;
    QString m_lastZone; // most lookups repeat the previous zone
    Zone* m_last = nullptr;
};

} // namespace tb::core
