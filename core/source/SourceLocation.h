#pragma once

#include <QString>

namespace tb::core {

// Where a value or an error came from: file, 1-based line and column, and the source field name.
// Any part may be absent (0 / empty); toString() prints only what is known.
struct SourceLocation
{
    QString file;
    qint64 line = 0;
    qint64 column = 0;
    QString field;

    // "visits.csv:12:7 (VISIT_DATE)", "visits.csv:12", "visits.csv"
    QString toString() const;
};

// A fatal problem with a source as a whole (structure, encoding, I/O): names the place.
struct SourceError
{
    SourceLocation where;
    QString message;

    bool isNull() const { return message.isEmpty(); }
    // "visits.csv:12:7: unterminated quoted field"
    QString toString() const;
};

} // namespace tb::core
