#include "util/TimeZoneCache.h"

#include <QDateTime>

namespace tb::core {

TimeZoneCache::Zone& TimeZoneCache::zone(const QString& zoneId)
{
    if (m_last && zoneId == m_lastZone)
        return *m_last;
    auto it = m_zones.find(zoneId);
    if (it == m_zones.end()) {
        auto z = std::make_unique<Zone>();
        z->zone = QTimeZone(zoneId.toUtf8());
        it = m_zones.emplace(zoneId, std::move(z)).first;
    }
    m_lastZone = zoneId;
    m_last = it->second.get();
    return *m_last;
}

int TimeZoneCache::offset(Zone& z, qint64 utcSecs)
{
    // Most days have no transition: one entry answers the whole day. Days with one are cached by
    // half hour (zones change on the hour or half hour).
    const qint64 day = utcSecs >= 0 ? utcSecs / 86400 : (utcSecs - 86399) / 86400;
    qint64 i = day - z.firstDay;
    if (z.byDay.empty() || i < 0 || i >= qint64(z.byDay.size())) {
        // Grow to cover the day with ten years to spare on the side it grew (a few dozen KiB per zone).
        const qint64 first = z.byDay.empty() ? day - 3650 : qMin(z.firstDay, day - 3650);
        const qint64 last = z.byDay.empty() ? day + 3650 : qMax(z.firstDay + qint64(z.byDay.size()) - 1, day + 3650);
        std::vector<int> grown(size_t(last - first + 1), kUnknown);
        if (!z.byDay.empty())
            std::copy(z.byDay.begin(), z.byDay.end(), grown.begin() + (z.firstDay - first));
        z.byDay.swap(grown);
        z.firstDay = first;
        i = day - first;
    }
    int& known = z.byDay[size_t(i)];
    if (known == kUnknown) {
        const int start = z.zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(day * 86400, Qt::UTC));
        const int end = z.zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(day * 86400 + 86399, Qt::UTC));
        known = start == end ? start : kMixedDay;
    }
    if (known != kMixedDay)
        return known;
    const qint64 halfHour = utcSecs >= 0 ? utcSecs / 1800 : (utcSecs - 1799) / 1800;
    auto hit = z.halfHours.constFind(halfHour);
    if (hit == z.halfHours.constEnd())
        hit = z.halfHours.insert(halfHour, z.zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(halfHour * 1800, Qt::UTC)));
    return *hit;
}

int TimeZoneCache::offsetForUtc(const QString& zoneId, qint64 utcSecs)
{
    if (zoneId == QLatin1String("UTC"))
        return 0;
    return offset(zone(zoneId), utcSecs);
}

int TimeZoneCache::offsetForLocal(const QString& zoneId, qint64 localSecs)
{
    if (zoneId == QLatin1String("UTC"))
        return 0;
    // Try the offset in force a day earlier, then the one that reading gives; the first that maps back to
    // the same wall-clock time wins. In an overlap that is the earlier occurrence; in a gap neither fits
    // and the offset from before the change is used (02:30 in a 02:00→03:00 gap is 03:30 after it) —
    // the same convention east and west of UTC.
    Zone& z = zone(zoneId);
    const int before = offset(z, localSecs - 86400);
    const int atBefore = offset(z, localSecs - before);
    if (atBefore == before)
        return before;
    if (offset(z, localSecs - atBefore) == atBefore)
        return atBefore;
    return before;
}

} // namespace tb::core
