#include "source/ValueProfile.h"

#include <QCryptographicHash>
#include <QDate>

#include <algorithm>

namespace tb::core {

namespace {

// The types a single value fits; a column's type is decided by the AND over its values.
enum Kind : unsigned {
    Integer = 1,
    Decimal = 2,     // any number, integers included
    Date = 4,        // YYYY-MM-DD
    PartialDate = 8, // YYYY, YYYY-MM or YYYY-MM-DD
    DateTime = 16,   // date-time, or a date (a date-time column may hold days without a time)
    AllKinds = 31,
};

bool isDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

// Reads exactly n digits at s[i]; advances i.
bool digits(const char16_t* s, qsizetype size, qsizetype& i, int n, int* value)
{
    if (size - i < n)
        return false;
    int v = 0;
    for (int k = 0; k < n; ++k, ++i) {
        if (!isDigit(s[i]))
            return false;
        v = v * 10 + (s[i] - u'0');
    }
    *value = v;
    return true;
}

unsigned classifyNumber(const char16_t* s, qsizetype n)
{
    qsizetype i = 0;
    if (i < n && (s[i] == u'+' || s[i] == u'-'))
        ++i;
    const qsizetype intStart = i;
    while (i < n && isDigit(s[i]))
        ++i;
    const qsizetype intDigits = i - intStart;
    if (intDigits == 0 || (intDigits > 1 && s[intStart] == u'0'))
        return 0; // leading zeros (codes like "007") would be lost as numbers
    if (i == n)
        return Integer | Decimal;
    if (s[i] == u'.' || s[i] == u',') {
        const qsizetype fracStart = ++i;
        while (i < n && isDigit(s[i]))
            ++i;
        if (i == fracStart)
            return 0;
    }
    if (i < n && (s[i] == u'e' || s[i] == u'E')) {
        ++i;
        if (i < n && (s[i] == u'+' || s[i] == u'-'))
            ++i;
        const qsizetype expStart = i;
        while (i < n && isDigit(s[i]))
            ++i;
        if (i == expStart)
            return 0;
    }
    return i == n ? unsigned(Decimal) : 0u;
}

// hh:mm[:ss[.fff]][Z|+hh[:mm]|-hh[:mm]] from s[i] to the end.
bool isTime(const char16_t* s, qsizetype n, qsizetype i)
{
    int h = 0, m = 0, sec = 0;
    if (!digits(s, n, i, 2, &h) || h > 23 || i >= n || s[i++] != u':' || !digits(s, n, i, 2, &m) || m > 59)
        return false;
    if (i < n && s[i] == u':') {
        ++i;
        if (!digits(s, n, i, 2, &sec) || sec > 60)
            return false;
        if (i < n && (s[i] == u'.' || s[i] == u',')) {
            const qsizetype fracStart = ++i;
            while (i < n && isDigit(s[i]))
                ++i;
            if (i == fracStart)
                return false;
        }
    }
    if (i == n)
        return true;
    if (s[i] == u'Z')
        return i + 1 == n;
    if (s[i] != u'+' && s[i] != u'-')
        return false;
    ++i;
    int zh = 0, zm = 0;
    if (!digits(s, n, i, 2, &zh) || zh > 14)
        return false;
    if (i < n && s[i] == u':')
        ++i;
    if (i == n)
        return true;
    return digits(s, n, i, 2, &zm) && zm <= 59 && i == n;
}

unsigned classifyDate(const char16_t* s, qsizetype n)
{
    qsizetype i = 0;
    int y = 0, m = 0, d = 0;
    if (!digits(s, n, i, 4, &y))
        return 0;
    if (i == n)
        return PartialDate;
    if (s[i++] != u'-' || !digits(s, n, i, 2, &m) || m < 1 || m > 12)
        return 0;
    if (i == n)
        return PartialDate;
    if (s[i++] != u'-' || !digits(s, n, i, 2, &d) || !QDate::isValid(y, m, d))
        return 0;
    if (i == n)
        return Date | PartialDate | DateTime;
    if ((s[i] == u'T' || s[i] == u' ') && isTime(s, n, i + 1))
        return DateTime;
    return 0;
}

unsigned classify(const QString& value)
{
    const auto* s = reinterpret_cast<const char16_t*>(value.constData());
    const qsizetype n = value.size();
    return classifyNumber(s, n) | classifyDate(s, n);
}

QString typeName(unsigned kinds, qint64 values)
{
    if (values == 0)
        return QStringLiteral("empty");
    if (kinds & Integer)
        return QStringLiteral("integer");
    if (kinds & Decimal)
        return QStringLiteral("decimal");
    if (kinds & Date)
        return QStringLiteral("date");
    if (kinds & PartialDate)
        return QStringLiteral("partial_date");
    if (kinds & DateTime)
        return QStringLiteral("datetime");
    return QStringLiteral("text");
}

// "\x01" and the SHA-1 of the UTF-16 text; the control character keeps it apart from ordinary values.
QString digestKey(const QString& value)
{
    const QByteArrayView utf16(reinterpret_cast<const char*>(value.constData()), value.size() * 2);
    return QLatin1Char('\x01') +
           QString::fromLatin1(QCryptographicHash::hash(utf16, QCryptographicHash::Sha1).toHex());
}

} // namespace

void ValueProfile::add(const QString& value)
{
    if (value.isNull()) {
        ++m_nulls;
        return;
    }
    ++m_values;
    // Long values are counted by digest so that DistinctCap values stay small.
    const bool isLong = value.size() > MaxSampleLength;
    const QString key = isLong ? digestKey(value) : value;
    auto it = m_tallies.find(key);
    if (it != m_tallies.end()) {
        ++it->second.count; // a value seen before cannot change the kinds
        return;
    }
    if (m_kinds)
        m_kinds &= classify(value);
    if (m_tallies.size() >= size_t(DistinctCap)) {
        m_capped = true;
        return;
    }
    Tally t{1, qint64(m_tallies.size()), QString()};
    if (isLong)
        t.display = value.left(MaxSampleLength) + QChar(0x2026);
    m_tallies.emplace(key, std::move(t));
}

QString ValueProfile::type() const
{
    return typeName(m_kinds, m_values);
}

QJsonArray ValueProfile::samples() const
{
    std::vector<std::pair<const QString*, const Tally*>> order;
    order.reserve(m_tallies.size());
    for (const auto& [key, tally] : m_tallies)
        order.emplace_back(&key, &tally);
    const auto byFrequency = [](const auto& a, const auto& b) {
        return a.second->count != b.second->count ? a.second->count > b.second->count : a.second->first < b.second->first;
    };
    const size_t n = std::min<size_t>(order.size(), SampleCount);
    std::partial_sort(order.begin(), order.begin() + qsizetype(n), order.end(), byFrequency);
    QJsonArray out;
    for (size_t i = 0; i < n; ++i)
        out.append(order[i].second->display.isNull() ? *order[i].first : order[i].second->display);
    return out;
}

QStringList ValueProfile::distinctValues() const
{
    QStringList out;
    for (const auto& [key, tally] : m_tallies)
        if (tally.display.isNull())
            out << key;
    return out;
}

void ValueProfile::writeTo(QJsonObject& o) const
{
    o.insert(QLatin1String("type"), type());
    o.insert(QLatin1String("nulls"), m_nulls);
    o.insert(QLatin1String("distinct"), distinct());
    if (m_capped)
        o.insert(QLatin1String("distinct_capped"), true);
    o.insert(QLatin1String("samples"), samples());
}

} // namespace tb::core
