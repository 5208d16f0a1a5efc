#include "util/TimeZoneCache.h"

#include <QDateTime>

namespace tb::core {

const QTimeZone& TimeZoneCache::zone(const QString& zoneId)
{
    auto it = m_zones.find(zoneId);
    if (it == m_zones.end())
        it = m_zones.insert(zoneId, QTimeZone(zoneId.toUtf8()));
    return *it;
}

int TimeZoneCache::offsetForUtc(const QString& zoneId, qint64 utcSecs)
{
    if (zoneId == QLatin1String("UTC"))
        return 0;
    auto& cache = m_utc[zoneId];
    // Most days have no transition: one entry answers the whole day. Days with one are cached by
    // half hour (zones change on the hour or half hour).
    const qint64 day = utcSecs >= 0 ? utcSecs / 86400 : (utcSecs - 86399) / 86400;
    auto it = cache.constFind(day);
    if (it == cache.constEnd()) {
        const QTimeZone& z = zone(zoneId);
        const int start = z.offsetFromUtc(QDateTime::fromSecsSinceEpoch(day * 86400, Qt::UTC));
        const int end = z.offsetFromUtc(QDateTime::fromSecsSinceEpoch(day * 86400 + 86399, Qt::UTC));
        it = cache.insert(day, start == end ? start : kMixedDay);
    }
    if (*it != kMixedDay)
        return *it;
    auto& halves = m_utcHalfHours[zoneId];
    const qint64 halfHour = utcSecs >= 0 ? utcSecs / 1800 : (utcSecs - 1799) / 1800;
    auto hit = halves.constFind(halfHour);
    if (hit == halves.constEnd())
        hit = halves.insert(halfHour, zone(zoneId).offsetFromUtc(QDateTime::fromSecsSinceEpoch(halfHour * 1800, Qt::UTC)));
    return *hit;
}

int TimeZoneCache::offsetForLocal(const QString& zoneId, qint64 localSecs)
{
    if (zoneId == QLatin1String("UTC"))
        return 0;
    // Guess with the offset at the wall-clock time read as UTC, then correct once: this lands on the
    // offset in force at that instant, and resolves gaps and overlaps the same way every time.
    const int guess = offsetForUtc(zoneId, localSecs);
    return offsetForUtc(zoneId, localSecs - guess);
}

} // namespace tb::core
