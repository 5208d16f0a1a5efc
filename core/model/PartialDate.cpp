#include "model/PartialDate.h"

#include <QDate>

namespace tb::core {

namespace {

// Reads exactly n ASCII digits at pos.
bool digits(QStringView s, qsizetype pos, int n, int* out)
{
    if (pos + n > s.size())
        return false;
    int v = 0;
    for (int i = 0; i < n; ++i) {
        const char16_t c = s[pos + i].unicode();
        if (c < u'0' || c > u'9')
            return false;
        v = v * 10 + (c - u'0');
    }
    *out = v;
    return true;
}

} // namespace

std::optional<PartialDate> PartialDate::parse(QStringView s)
{
    PartialDate d(0, 0, 0, Precision::Year);
    if (!digits(s, 0, 4, &d.m_year))
        return std::nullopt;
    if (s.size() == 4)
        return d;
    if (s[4] != u'-' || !digits(s, 5, 2, &d.m_month) || d.m_month < 1 || d.m_month > 12)
        return std::nullopt;
    d.m_precision = Precision::Month;
    if (s.size() == 7)
        return d;
    if (s[7] != u'-' || !digits(s, 8, 2, &d.m_day) || !QDate::isValid(d.m_year, d.m_month, d.m_day))
        return std::nullopt;
    d.m_precision = Precision::Day;
    if (s.size() == 10)
        return d;
    // Time part: THH:MMZ or THH:MM:SSZ — always UTC in the canonical model.
    if (s[10] != u'T' || !digits(s, 11, 2, &d.m_hour) || s.size() < 17 || s[13] != u':'
        || !digits(s, 14, 2, &d.m_minute) || d.m_hour > 23 || d.m_minute > 59)
        return std::nullopt;
    d.m_precision = Precision::Minute;
    qsizetype pos = 16;
    if (s[pos] == u':') {
        if (!digits(s, pos + 1, 2, &d.m_second) || d.m_second > 59)
            return std::nullopt;
        d.m_precision = Precision::Second;
        pos += 3;
    }
    if (pos != s.size() - 1 || s[pos] != u'Z')
        return std::nullopt;
    return d;
}

qint64 PartialDate::julianDay() const
{
    return isComplete() ? QDate(m_year, m_month, m_day).toJulianDay() : 0;
}

qint64 PartialDate::secsSinceEpoch() const
{
    constexpr qint64 kUnixEpochJulianDay = 2440588;
    return (julianDay() - kUnixEpochJulianDay) * 86400 + m_hour * 3600 + m_minute * 60 + m_second;
}

std::optional<int> PartialDate::compare(const PartialDate& a, const PartialDate& b)
{
    const int parts[2][6] = {{a.m_year, a.m_month, a.m_day, a.m_hour, a.m_minute, a.m_second},
                             {b.m_year, b.m_month, b.m_day, b.m_hour, b.m_minute, b.m_second}};
    // Number of leading components each value knows (minute precision knows hour and minute).
    auto known = [](Precision p) { return p == Precision::Year ? 1 : p == Precision::Month ? 2 : p == Precision::Day ? 3 : p == Precision::Minute ? 5 : 6; };
    const int common = qMin(known(a.m_precision), known(b.m_precision));
    for (int i = 0; i < common; ++i)
        if (parts[0][i] != parts[1][i])
            return parts[0][i] < parts[1][i] ? -1 : 1;
    if (known(a.m_precision) == known(b.m_precision))
        return 0;
    // Equal as far as both go: with dates only (no time), a full date equals the same day; otherwise unknown.
    return std::nullopt;
}

QString PartialDate::toString() const
{
    QString s = QString::number(m_year).rightJustified(4, QLatin1Char('0'));
    if (m_precision == Precision::Year)
        return s;
    s += QStringLiteral("-%1").arg(m_month, 2, 10, QLatin1Char('0'));
    if (m_precision == Precision::Month)
        return s;
    s += QStringLiteral("-%1").arg(m_day, 2, 10, QLatin1Char('0'));
    if (m_precision == Precision::Day)
        return s;
    s += QStringLiteral("T%1:%2").arg(m_hour, 2, 10, QLatin1Char('0')).arg(m_minute, 2, 10, QLatin1Char('0'));
    if (m_precision == Precision::Second)
        s += QStringLiteral(":%1").arg(m_second, 2, 10, QLatin1Char('0'));
    return s + QLatin1Char('Z');
}

} // namespace tb::core
