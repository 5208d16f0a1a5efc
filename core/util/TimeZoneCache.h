#pragma once

#include <QHash>
#include <QString>
#include <QTimeZone>

namespace tb::core {

// UTC offsets of IANA zones, cached by zone and day (half hour on days with a transition). Converting a million visit times through
// QDateTime/QTimeZone costs microseconds each; offsets change only on the hour or half hour, so one
// answer serves every time in the same half hour. Not thread-safe: one per thread.
class TimeZoneCache
{
public:
    TimeZoneCache() = default;
    TimeZoneCache(const TimeZoneCache&) = delete; // m_lastDays points into m_utc
    TimeZoneCache& operator=(const TimeZoneCache&) = delete;

    // Offset (seconds east of UTC) in force at a local wall-clock time, given as seconds since
    // 1970-01-01T00:00 of that wall clock. An ambiguous time (overlap) is its earlier occurrence; a time
    // that does not exist (gap) is read with the offset from before the change.
    int offsetForLocal(const QString& zoneId, qint64 localSecs);
    // Offset in force at a UTC instant.
    int offsetForUtc(const QString& zoneId, qint64 utcSecs);

    static constexpr qint64 UnixEpochJulianDay = 2440588;

private:
    const QTimeZone& zone(const QString& zoneId);
    static constexpr int kMixedDay = 0x7fffffff;

    QHash<QString, QTimeZone> m_zones;
    QHash<QString, QHash<qint64, int>> m_utc;          // by day
    QHash<QString, QHash<qint64, int>> m_utcHalfHours; // days with a transition, by half hour
    QString m_lastZone;                               // most lookups repeat the previous zone
    QHash<qint64, int>* m_lastDays = nullptr;
};

} // namespace tb::core
