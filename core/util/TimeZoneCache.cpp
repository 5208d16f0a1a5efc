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
    if (zoneId != m_lastZone || !m_lastDays) {
        m_lastZone = zoneId;
        m_lastDays = &m_utc[zoneId];
    }
    auto& cache = *m_lastDays;
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
    // Try the offset in force a day earlier, then the one that reading gives; the first that maps back to
    // the same wall-clock time wins. In an overlap that is the earlier occurrence; in a gap neither fits
    // and the offset from before the change is used (02:30 in a 02:00→03:00 gap is 03:30 after it) —
    // the same convention east and west of UTC.
    const int before = offsetForUtc(zoneId, localSecs - 86400);
    const int atBefore = offsetForUtc(zoneId, localSecs - before);
    if (atBefore == before)
        return before;
    if (offsetForUtc(zoneId, localSecs - atBefore) == atBefore)
        return atBefore;
    return before;
}

} // namespace tb::core
