#pragma once

#include <QString>
#include <QVector>

#include <atomic>

namespace tb::core {

class MappingDocument;

// The distinct values of one source column as a mapping reads them (its source kind, dialect, ODM level and
// row filter), with how often each occurs: what a value map has to cover. Bounded: after `limit` distinct
// values further new values are only counted, and the result says it is capped.
class DistinctValueProfiler
{
public:
    static constexpr int DefaultLimit = 500;

    struct Value
    {
        QString value;
        qint64 count = 0;
    };
    struct Result
    {
        QVector<Value> values; // in order of first appearance
        qint64 rows = 0;       // rows the filter kept
        qint64 nulls = 0;      // of those, rows without a value in the column
        qint64 uncounted = 0;  // rows whose value was new after the cap: not in values
        bool capped = false;
        QString error;         // file and place, or the missing column; empty on success
        bool cancelled = false; // stopped through `cancel`: values empty
    };

    // Runs on any thread; cancel (optional) is polled per row, so that a designer closing its editor stops
    // the read of a large sample at once.
    static Result profile(const QString& path, const MappingDocument& mapping, const QString& column,
                          int limit = DefaultLimit, const std::atomic_bool* cancel = nullptr);
};

} // namespace tb::core
