#pragma once

#include "source/CsvDialect.h"
#include "source/SourceLocation.h"

#include <QJsonObject>

namespace tb::core {

// Describes a CSV file column by column for `trialbridge-cli profile FILE --json`, in one streaming pass:
//
// {"format":"csv", "file":..., "encoding":"utf-8", "delimiter":",", "rows":N,
//  "columns":[{"name":..., "type":..., "nulls":N, "distinct":N, "distinct_capped":true (only when
//  capped), "samples":[up to SampleCount most frequent values, ties in order of first appearance]}]}
//
// "type" is the narrowest type all non-null values fit: "integer" (no leading zeros, which would be
// lost), "decimal" (integers and numbers with a '.' or ',' decimal separator or an exponent), "date"
// (YYYY-MM-DD), "partial_date" (YYYY, YYYY-MM and YYYY-MM-DD mixed), "datetime" (YYYY-MM-DDThh:mm[:ss[.f]]
// with an optional zone, 'T' or a space, possibly mixed with dates), "empty" (no values), else "text".
// Memory is bounded: each column tracks at most DistinctCap distinct values, long values by a digest.
class CsvProfiler
{
public:
    static constexpr int DistinctCap = 1000;
    static constexpr int SampleCount = 10;
    static constexpr int MaxSampleLength = 200; // longer values are shortened in "samples"

    // The profile, or an empty object with *error set when the file cannot be opened or is malformed.
    static QJsonObject profile(const QString& path, const CsvDialect& dialect, SourceError* error = nullptr);
};

} // namespace tb::core
