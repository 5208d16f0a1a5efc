#pragma once

#include "source/DatasetJsonReader.h"
#include "source/SourceLocation.h"

#include <QJsonObject>

namespace tb::core {

// Describes a CDISC Dataset-JSON file for `trialbridge-cli profile FILE.json|.ndjson`, in one streaming pass:
//
// {"format":"dataset-json", "file", "ndjson": bool, "name", "label", "itemGroupOID", "rows": N,
//  "columns": [{"name", "itemOid", "label", "dataType" (declared), "keySequence" (when a key),
//               "type", "nulls", "distinct", "samples"}]}      (type and the rest as in ValueProfile)
// JSON null and the empty string both count as null: SAS-born datasets write missing character values as "".
class DatasetJsonProfiler
{
public:
    // The profile, or an empty object with *error set when the file cannot be read.
    static QJsonObject profile(const QString& path, DatasetJsonReader::Format format = DatasetJsonReader::Format::ByExtension,
                               SourceError* error = nullptr);
};

} // namespace tb::core
