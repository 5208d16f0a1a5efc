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
// Each column's statistics are a ValueProfile (types, bounded distinct counts, samples).
class CsvProfiler
{
public:
    // The profile, or an empty object with *error set when the file cannot be opened or is malformed.
    static QJsonObject profile(const QString& path, const CsvDialect& dialect, SourceError* error = nullptr);
};

} // namespace tb::core
