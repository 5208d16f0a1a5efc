#pragma once

#include "source/SourceLocation.h"

#include <QString>

namespace tb::core {

// One finding about one record: which record (entity + natural key), which field and value, which rule,
// what to do about it, and where in the source the record came from.
struct ValidationIssue
{
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    QString entity;
    QString naturalKey;  // JSON object of the key fields
    QString field;
    QString value;
    QString rule;        // required, type, range, pattern, length, codelist, value_map, lookup, site_exists, ...
    QString message;     // for a person: what is wrong and what to do
    SourceLocation source;

    // "visits.csv:12 (VISIT_DATE): visit S1/1001/V2: ..." for logs and the CLI.
    QString toString() const;
};

} // namespace tb::core
