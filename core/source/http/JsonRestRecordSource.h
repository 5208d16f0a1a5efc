#pragma once

#include "source/http/RestRecordSource.h"

#include <QJsonObject>

namespace tb::core {

// Records from a generic JSON REST API: the array at RestSourceConfig::recordsPath of every page, each
// object one row; nested objects become "a.b" columns, arrays their compact JSON text, numbers their shortest
// text, booleans "true"/"false", null and missing values null. Columns are the union over all records in name
// order (JSON objects keep no order), then "@where" ("page 2, data[17]").
//
// Paging (RestSourceConfig::paging): page numbers (pageParam from firstPage, pageSizeParam) or offset/limit,
// both ending at the first page shorter than pageSize; a cursor read from nextCursorPath in each body and
// sent back as cursorParam, ending when it is missing, null or empty; or the Link header's rel="next" URL,
// ending when there is none. A cursor or next URL seen before, a next URL on another host, or more than
// maxPages pages is an error rather than a loop. Credentials: "Authorization: Bearer <credential>" or
// "<authHeader>: <credential>". Incremental: cursorIn goes out as sinceParam; the new cursor is the largest
// value of modifiedField (as a date and time when every value is ISO 8601, else as text), or cursorIn when no
// record has one.
//
// Records go to a scratch file as they arrive (memory holds one page), then to the spill file once the
// columns are known.
class JsonRestRecordSource : public RestRecordSource
{
public:
    explicit JsonRestRecordSource(RestSourceConfig config);

    // {"a": {"b": 1}, "c": [1, 2]} -> {"a.b": "1", "c": "[1,2]"}; values are strings or null.
    static QJsonObject flatten(const QJsonObject& object);
    // The value at a dotted path ("meta.next_cursor"); undefined when absent. An empty path is the document.
    static QJsonValue valueAt(const QJsonValue& root, const QString& path);
    // The rel="next" target of a Link header, resolved against base; empty when there is none.
    static QUrl nextLink(const QByteArray& linkHeader, const QUrl& base);

protected:
    bool pull() override;
};

} // namespace tb::core
