#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <unordered_map>

namespace tb::core {

// What the values of one column or item look like, gathered one value at a time with bounded memory (the
// profilers' column statistics): null and value counts, the narrowest type all values fit, distinct
// values up to DistinctCap (long values by a digest) and the most frequent ones as samples.
//
// type(): "integer" (no leading zeros, which would be lost), "decimal" (integers and numbers with a '.' or ','
// decimal separator or an exponent), "date" (YYYY-MM-DD), "partial_date" (YYYY, YYYY-MM and YYYY-MM-DD
// mixed), "datetime" (YYYY-MM-DDThh:mm[:ss[.f]] with an optional zone, 'T' or a space, possibly mixed with
// dates), "empty" (no values), else "text".
class ValueProfile
{
public:
    static constexpr int DistinctCap = 1000;
    static constexpr int SampleCount = 10;
    static constexpr int MaxSampleLength = 200; // longer values are shortened in samples()

    void add(const QString& value); // a null QString counts as null

    qint64 nulls() const { return m_nulls; }
    qint64 values() const { return m_values; }
    qint64 distinct() const { return qint64(m_tallies.size()); }
    bool capped() const { return m_capped; }
    QString type() const;
    // Up to SampleCount most frequent values, ties in order of first appearance.
    QJsonArray samples() const;
    // The distinct values seen (those short enough to be kept whole), in no particular order.
    QStringList distinctValues() const;
    // Adds "type", "nulls", "distinct", "distinct_capped" (only when capped) and "samples" to o.
    void writeTo(QJsonObject& o) const;

private:
    // FNV-1a over the UTF-16 units: for short values several times cheaper than qHash's AES hash on this Qt
    // build, and the tally lookup is the profilers' hot spot.
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

    unsigned m_kinds = 31; // every kind until a value rules one out
    qint64 m_nulls = 0;
    qint64 m_values = 0;
    bool m_capped = false;
    std::unordered_map<QString, Tally, TextHash> m_tallies;
};

} // namespace tb::core
