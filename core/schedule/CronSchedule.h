#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <bitset>

namespace tb::core {

// A cron expression read in a time zone: five fields (minute hour day-of-month month day-of-week) with
// lists, ranges, steps and names (JAN-DEC, SUN-SAT, 7 is Sunday too), or @hourly, @daily, @midnight,
// @weekly, @monthly, @yearly, @annually. When both day fields are restricted a day matching either one
// counts (as in Vixie cron); when one starts with '*', both must match.
//
// Wall-clock times are what the expression names, so daylight saving time is the zone's business:
// - a time the zone skips (02:30 on a spring-forward night in Europe/Berlin) fires once, as far after the
//   change as the skipped time was after its start (03:30);
// - a time that happens twice (02:30 on the fall-back night) fires at its first occurrence only, unless the
//   hour field starts with '*' ("*/15 * * * *", "0 * * * *"): such schedules count real time and also
//   fire in the repeated hour.
class CronSchedule
{
public:
    // On failure, error names the field, its column in text (from 1) and what the field allows.
    static bool parse(const QString& text, const QTimeZone& zone, CronSchedule* out, QString* error);

    bool isValid() const { return m_valid; }
    QString text() const { return m_text; }
    QTimeZone timeZone() const { return m_zone; }

    // The first occurrence strictly after `after` (a whole minute, UTC). Always found for a parsed
    // expression (every one fires within 28 years); invalid only for an invalid schedule.
    QDateTime next(const QDateTime& after) const;

    // Whether the wall-clock minute of t in the zone is one the expression names (ignoring seconds).
    bool matchesWallClock(const QDateTime& t) const;

private:
    bool dayMatches(const QDate& d) const;

    QString m_text;
    QTimeZone m_zone;
    bool m_valid = false;
    std::bitset<60> m_minutes;
    std::bitset<24> m_hours;
    std::bitset<32> m_days;   // 1..31
    std::bitset<13> m_months; // 1..12
    std::bitset<7> m_weekdays; // 0 = Sunday
    bool m_dayStar = false;     // day-of-month starts with '*'
    bool m_weekdayStar = false; // day-of-week starts with '*'
    bool m_repeatInOverlap = false; // hour field starts with '*'
};

} // namespace tb::core
