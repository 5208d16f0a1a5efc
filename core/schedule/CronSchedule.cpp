#include "schedule/CronSchedule.h"

#include <QVector>

#include <array>

namespace tb::core {

namespace {

struct FieldSpec
{
    const char* name;
    int min;
    int max;
    const char* const* names; // three-letter names for min..; nullptr when the field has none
    int nameCount;
};

constexpr const char* MonthNames[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                      "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
constexpr const char* WeekdayNames[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

constexpr std::array<FieldSpec, 5> Fields{{
    {"minute", 0, 59, nullptr, 0},
    {"hour", 0, 23, nullptr, 0},
    {"day-of-month", 1, 31, nullptr, 0},
    {"month", 1, 12, MonthNames, 12},
    {"day-of-week", 0, 7, WeekdayNames, 7},
}};

struct Macro
{
    const char* name;
    const char* expansion;
};
constexpr Macro Macros[] = {{"@yearly", "0 0 1 1 *"},  {"@annually", "0 0 1 1 *"}, {"@monthly", "0 0 1 * *"},
                            {"@weekly", "0 0 * * 0"},  {"@daily", "0 0 * * *"},    {"@midnight", "0 0 * * *"},
                            {"@hourly", "0 * * * *"}};

constexpr qint64 DaySecs = 86400;
constexpr qint64 UnixEpochJulianDay = 2440588;
constexpr int DaysScanned = 366 * 29; // a 29 February that is a Monday comes back within 28 years

// A value of a field: digits, or a name where the field has names. -1 when it is neither.
int valueOf(const QString& token, const FieldSpec& f)
{
    if (token.isEmpty())
        return -1;
    bool digits = true;
    for (QChar c : token)
        digits = digits && c >= QLatin1Char('0') && c <= QLatin1Char('9');
    if (digits)
        return token.size() > 4 ? 10000 : token.toInt(); // 10000: out of every range, said so by the caller
    for (int i = 0; i < f.nameCount; ++i)
        if (token.compare(QLatin1String(f.names[i]), Qt::CaseInsensitive) == 0)
            return f.min + i;
    return -1;
}

QString allowed(const FieldSpec& f)
{
    QString text = QStringLiteral("%1-%2").arg(f.min).arg(f.max);
    if (f.names)
        text += QStringLiteral(" or %1-%2").arg(QLatin1String(f.names[0]), QLatin1String(f.names[f.nameCount - 1]));
    return text;
}

// Parses one field into mask (bit v for value v). column is where the field starts in the expression (from 1).
bool parseField(const QString& text, int column, const FieldSpec& f, quint64* mask, QString* error)
{
    auto fail = [&](int at, const QString& message) {
        *error = QStringLiteral("%1 at column %2: %3").arg(QLatin1String(f.name)).arg(column + at).arg(message);
        return false;
    };
    *mask = 0;
    int at = 0;
    for (const QString& item : text.split(QLatin1Char(','))) {
        if (item.isEmpty())
            return fail(at, QStringLiteral("an empty list item; separate values with single commas (1,15,30)"));
        const qsizetype slash = item.indexOf(QLatin1Char('/'));
        const QString base = slash < 0 ? item : item.left(slash);
        int lo = f.min, hi = f.max;
        if (base != QLatin1String("*")) {
            const qsizetype dash = base.indexOf(QLatin1Char('-'));
            const QString first = dash < 0 ? base : base.left(dash);
            lo = valueOf(first, f);
            if (lo < 0)
                return fail(at, QStringLiteral("'%1' is not a value; use %2, '*', ranges (a-b) and steps (*/n)")
                                    .arg(first, allowed(f)));
            if (lo < f.min || lo > f.max)
                return fail(at, QStringLiteral("%1 is outside %2").arg(first, allowed(f)));
            hi = slash < 0 ? lo : f.max; // "5/15": from 5 to the end in steps of 15
            if (dash >= 0) {
                const QString last = base.mid(dash + 1);
                hi = valueOf(last, f);
                const int lastAt = at + int(dash) + 1;
                if (hi < 0)
                    return fail(lastAt, QStringLiteral("'%1' is not a value; use %2").arg(last, allowed(f)));
                if (hi < f.min || hi > f.max)
                    return fail(lastAt, QStringLiteral("%1 is outside %2").arg(last, allowed(f)));
                if (hi < lo)
                    return fail(at, QStringLiteral("the range %1 runs backwards; write it from low to high").arg(base));
            }
        }
        int step = 1;
        if (slash >= 0) {
            const QString s = item.mid(slash + 1);
            bool digits = !s.isEmpty() && s.size() <= 4;
            for (QChar c : s)
                digits = digits && c >= QLatin1Char('0') && c <= QLatin1Char('9');
            step = digits ? s.toInt() : 0;
            if (step < 1 || step > f.max - f.min + 1)
                return fail(at + int(slash) + 1, QStringLiteral("the step '%1' must be a whole number from 1 to %2")
                                                     .arg(s)
                                                     .arg(f.max - f.min + 1));
        }
        for (int v = lo; v <= hi; v += step)
            *mask |= quint64(1) << v;
        at += int(item.size()) + 1;
    }
    return true;
}

int daysInMonth(int month)
{
    static constexpr int days[] = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[month];
}

qint64 offsetAt(const QTimeZone& zone, qint64 utcSecs)
{
    return zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(utcSecs, Qt::UTC));
}

} // namespace

bool CronSchedule::parse(const QString& text, const QTimeZone& zone, CronSchedule* out, QString* error)
{
    auto fail = [&](const QString& message) {
        *error = QStringLiteral("cron \"%1\": %2").arg(text, message);
        return false;
    };
    if (!zone.isValid())
        return fail(QStringLiteral("the time zone is not known"));
    QString expression = text.trimmed();
    if (expression.startsWith(QLatin1Char('@'))) {
        bool known = false;
        for (const Macro& m : Macros)
            if (expression.compare(QLatin1String(m.name), Qt::CaseInsensitive) == 0) {
                expression = QLatin1String(m.expansion);
                known = true;
            }
        if (!known)
            return fail(QStringLiteral("'%1' is not a shorthand; use @hourly, @daily, @midnight, @weekly, @monthly, "
                                       "@yearly or @annually, or five fields")
                            .arg(expression));
    }
    // Fields with the column each starts at (from 1, in the text as written).
    QVector<QPair<QString, int>> fields;
    int lead = 0; // leading white space: columns count in the text as written
    while (lead < text.size() && text[lead].isSpace())
        ++lead;
    for (int i = 0; i < expression.size();) {
        if (expression[i].isSpace()) {
            ++i;
            continue;
        }
        int j = i;
        while (j < expression.size() && !expression[j].isSpace())
            ++j;
        fields.append({expression.mid(i, j - i), lead + i + 1});
        i = j;
    }
    if (fields.size() != 5)
        return fail(QStringLiteral("expected five fields (minute hour day-of-month month day-of-week), found %1")
                        .arg(fields.size()));
    quint64 masks[5];
    for (int i = 0; i < 5; ++i) {
        QString fieldError;
        if (!parseField(fields[i].first, fields[i].second, Fields[size_t(i)], &masks[i], &fieldError))
            return fail(fieldError);
    }
    CronSchedule c;
    c.m_text = text.trimmed();
    c.m_zone = zone;
    c.m_minutes = std::bitset<60>(masks[0]);
    c.m_hours = std::bitset<24>(masks[1]);
    c.m_days = std::bitset<32>(masks[2]);
    c.m_months = std::bitset<13>(masks[3]);
    c.m_weekdays = std::bitset<7>((masks[4] | (masks[4] >> 7)) & 0x7f); // 7 is Sunday as well
    c.m_repeatInOverlap = fields[1].first.startsWith(QLatin1Char('*'));
    c.m_dayStar = fields[2].first.startsWith(QLatin1Char('*'));
    c.m_weekdayStar = fields[4].first.startsWith(QLatin1Char('*'));
    // With both day fields needed, days that no chosen month has ("30 2") would never come.
    if (c.m_dayStar || c.m_weekdayStar) {
        bool some = false;
        for (int m = 1; m <= 12 && !some; ++m)
            for (int d = 1; d <= daysInMonth(m) && !some; ++d)
                some = c.m_months[size_t(m)] && c.m_days[size_t(d)];
        if (!some)
            return fail(QStringLiteral("day-of-month %1 never falls in month %2: the schedule would never fire")
                            .arg(fields[2].first, fields[3].first));
    }
    c.m_valid = true;
    *out = c;
    return true;
}

bool CronSchedule::dayMatches(const QDate& d) const
{
    if (!m_months[size_t(d.month())])
        return false;
    const bool day = m_days[size_t(d.day())];
    const bool weekday = m_weekdays[size_t(d.dayOfWeek() % 7)];
    return (m_dayStar || m_weekdayStar) ? day && weekday : day || weekday;
}

bool CronSchedule::matchesWallClock(const QDateTime& t) const
{
    if (!m_valid)
        return false;
    const QDateTime local = t.toTimeZone(m_zone);
    return dayMatches(local.date()) && m_hours[size_t(local.time().hour())]
        && m_minutes[size_t(local.time().minute())];
}

QDateTime CronSchedule::next(const QDateTime& after) const
{
    if (!m_valid || !after.isValid())
        return {};
    const qint64 afterSecs = after.toSecsSinceEpoch();
    // Wall-clock seconds ("local time as if it were UTC") of after; candidates well before it cannot follow it.
    const qint64 afterWall = afterSecs + offsetAt(m_zone, afterSecs);
    const qint64 firstDay = (afterWall >= 0 ? afterWall / DaySecs : (afterWall - DaySecs + 1) / DaySecs) - 1;
    qint64 best = 0;
    bool found = false;
    const auto consider = [&](qint64 utc) {
        if (utc > afterSecs && (!found || utc < best)) {
            best = utc;
            found = true;
        }
    };
    for (qint64 day = firstDay; day < firstDay + DaysScanned; ++day) {
        // A day's occurrences lie within a day or so of its wall-clock times: once one is found, the days that
        // could still hold an earlier one (a change of offset around midnight) are looked at, then no more.
        if (found && day * DaySecs > best + 2 * DaySecs)
            break;
        const QDate date = QDate::fromJulianDay(day + UnixEpochJulianDay);
        if (!dayMatches(date))
            continue;
        const qint64 dayWall = day * DaySecs;
        // The zone's offsets a day either side: equal (nearly every day) means no change in between.
        const qint64 offBefore = offsetAt(m_zone, dayWall - DaySecs);
        const qint64 offAfter = offsetAt(m_zone, dayWall + 2 * DaySecs);
        for (int h = 0; h < 24; ++h) {
            if (!m_hours[size_t(h)])
                continue;
            for (int m = 0; m < 60; ++m) {
                if (!m_minutes[size_t(m)])
                    continue;
                const qint64 wall = dayWall + h * 3600 + m * 60;
                if (wall + 2 * DaySecs < afterWall)
                    continue;
                if (offBefore == offAfter) {
                    consider(wall - offBefore);
                    continue;
                }
                const qint64 early = wall - qMax(offBefore, offAfter);
                const qint64 late = wall - qMin(offBefore, offAfter);
                const bool earlyReal = early + offsetAt(m_zone, early) == wall;
                const bool lateReal = late + offsetAt(m_zone, late) == wall;
                if (earlyReal && lateReal && early != late) { // happens twice
                    consider(early);
                    if (m_repeatInOverlap)
                        consider(late);
                } else if (earlyReal || lateReal) {
                    consider(earlyReal ? early : late);
                } else { // skipped: as far after the change as it was after the gap's start
                    consider(wall - offBefore);
                }
            }
        }
    }
    return found ? QDateTime::fromSecsSinceEpoch(best, Qt::UTC) : QDateTime();
}

} // namespace tb::core
