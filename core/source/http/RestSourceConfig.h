#pragma once

#include "connection/TlsSettings.h"
#include "source/http/HttpFetcher.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace tb::core {

// What a REST source (RedcapRecordSource, JsonRestRecordSource) needs for one pull. The non-secret parts come
// from the connection profile and the pipeline; the credential is handed in as bytes by the caller, who reads
// it from the secret store — never from a workspace document.
struct RestSourceConfig
{
    enum class Kind { Redcap, JsonRest };
    enum class RedcapType { Flat, Eav };
    enum class Paging { None, Page, Offset, Cursor, LinkHeader };
    enum class Auth { None, Bearer, ApiKeyHeader };

    Kind kind = Kind::JsonRest;
    QUrl url; // REDCap: the API endpoint (".../api/"); generic: the collection's first page
    TlsSettings tls;
    HttpFetcher::Policy policy;
    QByteArray credential; // REDCap token, bearer token or API key

    // The incremental cursor from the last committed run (empty: a full pull). REDCap: dateRangeBegin,
    // "yyyy-MM-dd HH:mm:ss" in the server's time zone; generic: the value sent as sinceParam.
    QString cursorIn;

    // Columns every row has, null where no record gives them (the runner passes the mapping's columns): an
    // incremental pull may return no record, or none with an optional field, and the mapping still compiles.
    QStringList columns;

    // REDCap
    RedcapType redcapType = RedcapType::Flat;
    QStringList fields, forms, events; // export filters; empty = all
    bool exportDeletions = true;       // read the logging export for deleted records
    QString serverTimeZone = QStringLiteral("UTC"); // REDCap's dateRangeBegin is in the server's local time

    // Generic JSON REST
    QString resourcePath;      // appended to the connection's URL for the first page ("subjects", "v1/visits?all=1")
    QString recordsPath;       // dotted path to the array of records ("data", "result.items"); empty: the body
    Paging paging = Paging::None;
    QString pageParam = QStringLiteral("page");
    int firstPage = 1;
    QString pageSizeParam = QStringLiteral("per_page"); // Page; Offset uses limitParam
    QString offsetParam = QStringLiteral("offset");
    QString limitParam = QStringLiteral("limit");
    int pageSize = 100;
    QString cursorParam = QStringLiteral("cursor");      // query parameter carrying the cursor
    QString nextCursorPath = QStringLiteral("next_cursor"); // dotted path to the next cursor in the body
    Auth auth = Auth::None;
    QString authHeader = QStringLiteral("X-API-Key");   // Auth::ApiKeyHeader
    QString sinceParam;    // query parameter for cursorIn ("updated_since"); none: cursorIn is not sent
    QString modifiedField; // flattened column whose maximum becomes the new cursor ("meta.updated_at")
    int maxPages = 100000; // a server that never says "last page" is an error, not an endless loop

    static QString pagingName(Paging paging); // "none", "page", "offset", "cursor", "link"
    static bool parsePaging(const QString& name, Paging* out);

    // The settings a mapping document's "source" object gives (docs/mapping-format.md, Sources): REDCap
    // ("type", "forms", "events", "fields", "serverTimeZone") or a generic API ("path", "records", "paging", "sinceParam",
    // "modifiedField"); kind is taken as given. Absent keys keep their defaults; unknown keys and wrong values are
    // errors naming the JSON path ("source.paging.pageSize: ..."). Connection, credential and cursor are not
    // touched: they come from the connection profile, the secret store and the target database.
    static bool fromJson(const QJsonObject& source, Kind kind, RestSourceConfig* out, QString* error);
    // base + "/" + path (one slash between them); a query in path is added to base's.
    static QUrl endpointUrl(const QUrl& base, const QString& path);
    // Writes the settings fromJson reads that differ from the defaults (not "kind").
    void writeTo(QJsonObject& source) const;
};

} // namespace tb::core
