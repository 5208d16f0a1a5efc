#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace tb::core {

// An ISO 8601 date or UTC date-time that may be partial ("2013", "2013-05", "2013-05-14",
// "2013-05-14T08:30Z", "2013-05-14T08:30:15Z"). Clinical data keeps partial dates as they are: an AE
// that started "in May 2013" must not become 2013-05-01.
class PartialDate
{
public:
    enum class Precision { Year, Month, Day, Minute, Second };

    static std::optional<PartialDate> parse(QStringView text);
    static PartialDate fromDate(int y, int m, int d) { return PartialDate(y, m, d, Precision::Day); }

    Precision precision() const { return m_precision; }
    bool isComplete() const { return m_precision >= Precision::Day; }
    bool hasTime() const { return m_precision >= Precision::Minute; }
    int year() const { return m_year; }
    int month() const { return m_month; }
    int day() const { return m_day; }
    qint64 julianDay() const; // complete dates only
    int hour() const { return m_hour; }
    int minute() const { return m_minute; }
    int second() const { return m_second; }
    qint64 secsSinceEpoch() const; // UTC; date-times only

    // -1, 0, +1 comparing at the precision both values have; nullopt when that precision cannot decide
    // (2013-05 against 2013-05-14).
    static std::optional<int> compare(const PartialDate& a, const PartialDate& b);

    QString toString() const;

private:
    PartialDate(int y, int m, int d, Precision p) : m_year(y), m_month(m), m_day(d), m_precision(p) {}

    int m_year = 0, m_month = 0, m_day = 0, m_hour = 0, m_minute = 0, m_second = 0;
    Precision m_precision = Precision::Year;
};

} // namespace tb::core
