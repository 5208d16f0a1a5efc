#include "source/CsvProfiler.h"

#include "source/CsvReader.h"

#include <QCryptographicHash>
#include <QDate>
#include <QJsonArray>

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace tb::core {

namespace {

// The column types a single value fits; a column's type is decided by the AND over its values.
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

// FNV-1a over the UTF-16 units: for the short values of a column, several times cheaper than qHash's
// AES hash on this Qt build, and the tally lookup is the profiler's hot spot.
struct TextHash
{
    size_t operator()(const QString& s) const noexcept
    {
        quint64 h = 14695981039346656037ull;
        for (const QChar c : s) {
            h ^= c.unicode();
            h *= 1099511628211ull;
        }
        return size_t(h);
    }
};

struct Tally
{
    qint64 count = 0;
    qint64 first = 0; // order of first appearance, for stable samples
    QString display;  // the shortened value when the key is a digest
};

struct ColumnStats
{
    unsigned kinds = AllKinds;
    qint64 nulls = 0;
    qint64 values = 0;
    bool capped = false;
    std::unordered_map<QString, Tally, TextHash> tallies;

    void add(const QString& value)
    {
        if (value.isNull()) {
            ++nulls;
            return;
        }
        ++values;
        // Long values are counted by digest so that DistinctCap values stay small.
        const bool isLong = value.size() > CsvProfiler::MaxSampleLength;
        const QString key = isLong ? digestKey(value) : value;
        auto it = tallies.find(key);
        if (it != tallies.end()) {
            ++it->second.count; // a value seen before cannot change the column's kinds
            return;
        }
        if (kinds)
            kinds &= classify(value);
        if (tallies.size() >= size_t(CsvProfiler::DistinctCap)) {
            capped = true;
            return;
        }
        Tally t{1, qint64(tallies.size()), QString()};
        if (isLong)
            t.display = value.left(CsvProfiler::MaxSampleLength) + QChar(0x2026);
        tallies.emplace(key, std::move(t));
    }

    QJsonArray samples() const
    {
        std::vector<std::pair<QString, const Tally*>> order;
        order.reserve(tallies.size());
        for (const auto& [key, tally] : tallies)
            order.emplace_back(key, &tally);
        const auto byFrequency = [](const auto& a, const auto& b) {
            return a.second->count != b.second->count ? a.second->count > b.second->count
                                                      : a.second->first < b.second->first;
        };
        const size_t n = std::min<size_t>(order.size(), CsvProfiler::SampleCount);
        std::partial_sort(order.begin(), order.begin() + qsizetype(n), order.end(), byFrequency);
        QJsonArray out;
        for (size_t i = 0; i < n; ++i)
            out.append(order[i].second->display.isNull() ? order[i].first : order[i].second->display);
        return out;
    }
};

} // namespace

QJsonObject CsvProfiler::profile(const QString& path, const CsvDialect& dialect, SourceError* error)
{
    CsvReader reader(dialect);
    if (!reader.open(path)) {
        if (error)
            *error = reader.error();
        return {};
    }
    const qsizetype width = dialect.header ? reader.header().size() : 0;
    std::vector<ColumnStats> stats(static_cast<size_t>(width));
    qint64 rows = 0;
    while (reader.next()) {
        const std::vector<QString>& fields = reader.fields();
        if (stats.size() < fields.size())
            stats.resize(fields.size()); // no header: the first record tells the width
        for (size_t i = 0; i < fields.size(); ++i)
            stats[i].add(fields[i]);
        ++rows;
    }
    if (reader.hasError()) {
        if (error)
            *error = reader.error();
        return {};
    }

    QJsonArray columns;
    for (size_t i = 0; i < stats.size(); ++i) {
        const ColumnStats& c = stats[i];
        QJsonObject column;
        // Without a header, columns are named by position: column1, column2, ...
        column.insert(QLatin1String("name"), i < size_t(reader.header().size())
                                                 ? reader.header().at(qsizetype(i))
                                                 : QStringLiteral("column%1").arg(i + 1));
        column.insert(QLatin1String("type"), typeName(c.kinds, c.values));
        column.insert(QLatin1String("nulls"), c.nulls);
        column.insert(QLatin1String("distinct"), qint64(c.tallies.size()));
        if (c.capped)
            column.insert(QLatin1String("distinct_capped"), true);
        column.insert(QLatin1String("samples"), c.samples());
        columns.append(column);
    }

    QJsonObject o;
    o.insert(QLatin1String("format"), QStringLiteral("csv"));
    o.insert(QLatin1String("file"), path);
    o.insert(QLatin1String("encoding"), dialect.encoding == TextEncoding::Utf8
                                            ? QStringLiteral("utf-8")
                                            : QStringLiteral("windows-1252"));
    o.insert(QLatin1String("delimiter"), QString(QLatin1Char(reader.delimiter())));
    o.insert(QLatin1String("rows"), rows);
    o.insert(QLatin1String("columns"), columns);
    return o;
}

} // namespace tb::core
