#include "source/http/JsonRestRecordSource.h"

#include "util/Logging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>

#include <map>

namespace tb::core {

namespace {

void flattenInto(const QJsonObject& o, const QString& prefix, QJsonObject& out)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString name = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        const QJsonValue v = it.value();
        if (v.isObject())
            flattenInto(v.toObject(), name, out);
        else if (v.isNull() || v.isUndefined())
            out.insert(name, QJsonValue::Null);
        else
            out.insert(name, RestRecordSource::scalarText(v));
    }
}

// A is later than b: as date-times when both are ISO 8601, else as text.
bool later(const QString& a, const QString& b)
{
    const QDateTime da = QDateTime::fromString(a, Qt::ISODateWithMs), db = QDateTime::fromString(b, Qt::ISODateWithMs);
    if (da.isValid() && db.isValid())
        return da > db;
    return a > b;
}

} // namespace

JsonRestRecordSource::JsonRestRecordSource(RestSourceConfig config) : RestRecordSource(std::move(config))
{
}

QJsonObject JsonRestRecordSource::flatten(const QJsonObject& object)
{
    QJsonObject out;
    flattenInto(object, QString(), out);
    return out;
}

QJsonValue JsonRestRecordSource::valueAt(const QJsonValue& root, const QString& path)
{
    if (path.isEmpty())
        return root;
    QJsonValue v = root;
    for (const QString& part : path.split(QLatin1Char('.'))) {
        if (!v.isObject())
            return QJsonValue(QJsonValue::Undefined);
        v = v.toObject().value(part);
    }
    return v;
}

QUrl JsonRestRecordSource::nextLink(const QByteArray& linkHeader, const QUrl& base)
{
    // <https://api/x?page=2>; rel="next", <...>; rel="last"  (RFC 8288; rel may list several types)
    static const QRegularExpression link(QStringLiteral(R"(<([^>]*)>((?:\s*;\s*[^;,]+)*))"));
    static const QRegularExpression rel(QStringLiteral(R"re(;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]+)))re"),
                                        QRegularExpression::CaseInsensitiveOption);
    auto it = link.globalMatch(QString::fromLatin1(linkHeader));
    while (it.hasNext()) {
        const auto m = it.next();
        const auto r = rel.match(m.captured(2));
        if (!r.hasMatch())
            continue;
        const QString types = r.captured(1).isEmpty() ? r.captured(2) : r.captured(1);
        if (types.split(QLatin1Char(' '), Qt::SkipEmptyParts).contains(QStringLiteral("next"), Qt::CaseInsensitive))
            return base.resolved(QUrl(m.captured(1)));
    }
    return {};
}

bool JsonRestRecordSource::pull()
{
    using Paging = RestSourceConfig::Paging;
    const RestSourceConfig& c = m_config;
    if (c.pageSize <= 0 && (c.paging == Paging::Page || c.paging == Paging::Offset))
        return fail(QStringLiteral("paging by %1 needs a page size above 0").arg(RestSourceConfig::pagingName(c.paging)));

    HttpFetcher::Request request;
    switch (c.auth) {
    case RestSourceConfig::Auth::Bearer: request.headers.push_back({"Authorization", "Bearer " + c.credential}); break;
    case RestSourceConfig::Auth::ApiKeyHeader: request.headers.push_back({c.authHeader.toLatin1(), c.credential}); break;
    case RestSourceConfig::Auth::None: break;
    }

    QString scratchPath, error;
    std::unique_ptr<QFile> scratch = SpillFile::createUnnamed(&scratchPath, &error);
    if (!scratch)
        return fail(QStringLiteral("cannot create a temporary file for the records: %1").arg(error));

    QSet<QString> columnSet;
    QString maxModified;
    QSet<QString> seenCursors;
    QSet<QUrl> seenUrls;
    QUrl url = c.url;
    QString cursor;
    qint64 offset = 0;
    qint64 total = 0;
    for (int page = 1;; ++page) {
        if (page > c.maxPages)
            return fail(QStringLiteral("more than %1 pages: the server never signalled the last page").arg(c.maxPages));
        if (c.paging != Paging::LinkHeader || page == 1) {
            url = c.url;
            QUrlQuery q(c.url);
            auto set = [&](const QString& name, const QString& value) {
                q.removeAllQueryItems(name);
                q.addQueryItem(name, value);
            };
            if (!c.sinceParam.isEmpty() && !c.cursorIn.isEmpty())
                set(c.sinceParam, c.cursorIn);
            switch (c.paging) {
            case Paging::Page:
                set(c.pageParam, QString::number(c.firstPage + page - 1));
                set(c.pageSizeParam, QString::number(c.pageSize));
                break;
            case Paging::Offset:
                set(c.offsetParam, QString::number(offset));
                set(c.limitParam, QString::number(c.pageSize));
                break;
            case Paging::Cursor:
                if (!cursor.isEmpty())
                    set(c.cursorParam, cursor);
                break;
            case Paging::None:
            case Paging::LinkHeader:
                break;
            }
            url.setQuery(q);
        }
        request.url = url;
        QJsonDocument doc;
        HttpFetcher::Response response;
        if (!m_fetcher.fetchJson(request, &doc, &response))
            return failFetch();
        const QString urlText = HttpFetcher::displayUrl(url);
        const QJsonValue root = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
        const QJsonValue recordsValue = valueAt(root, c.recordsPath);
        if (!recordsValue.isArray())
            return fail(QStringLiteral("%1: the answer has no array of records at \"%2\"")
                            .arg(urlText, c.recordsPath.isEmpty() ? QStringLiteral("(the top level)") : c.recordsPath),
                        false);
        const QJsonArray records = recordsValue.toArray();
        const QString arrayName = c.recordsPath.isEmpty() ? QString() : c.recordsPath.section(QLatin1Char('.'), -1);
        for (qsizetype i = 0; i < records.size(); ++i) {
            const QString where = QStringLiteral("page %1, %2[%3]").arg(page).arg(arrayName).arg(i);
            if (!records[i].isObject())
                return fail(QStringLiteral("%1: %2 is not an object").arg(urlText, where.section(QStringLiteral(", "), 1)), false);
            const QJsonObject flat = flatten(records[i].toObject());
            for (auto it = flat.begin(); it != flat.end(); ++it)
                columnSet.insert(it.key());
            if (!c.modifiedField.isEmpty()) {
                const QString m = flat.value(c.modifiedField).toString();
                if (!m.isEmpty() && (maxModified.isEmpty() || later(m, maxModified)))
                    maxModified = m;
            }
            const QByteArray line = QJsonDocument(QJsonArray{where, flat}).toJson(QJsonDocument::Compact) + '\n';
            if (scratch->write(line) != line.size())
                return fail(QStringLiteral("cannot write the temporary file of records: %1").arg(scratch->errorString()));
        }
        total += records.size();
        qCDebug(lcSource).noquote() << urlText << ":" << records.size() << "records";

        bool last = false;
        switch (c.paging) {
        case Paging::None:
            last = true;
            break;
        case Paging::Page:
            last = records.size() < c.pageSize;
            break;
        case Paging::Offset:
            offset += records.size();
            last = records.size() < c.pageSize;
            break;
        case Paging::Cursor: {
            const QJsonValue next = valueAt(root, c.nextCursorPath);
            cursor = next.isDouble() ? scalarText(next) : next.toString();
            last = cursor.isEmpty();
            if (!last && seenCursors.contains(cursor))
                return fail(QStringLiteral("%1: the server gave the cursor \"%2\" (at %3) a second time: the paging would never end")
                                .arg(urlText, cursor, c.nextCursorPath),
                            false);
            seenCursors.insert(cursor);
            break;
        }
        case Paging::LinkHeader: {
            seenUrls.insert(url);
            const QUrl next = nextLink(response.allValues("link"), url);
            last = next.isEmpty();
            if (!last) {
                if (next.scheme() != c.url.scheme() || next.host() != c.url.host() || next.port() != c.url.port())
                    return fail(QStringLiteral("%1: the Link header's next page is on another server (%2); it is not followed, "
                                               "so that credentials never go to another host")
                                    .arg(urlText, HttpFetcher::displayUrl(next)),
                                false);
                if (seenUrls.contains(next))
                    return fail(QStringLiteral("%1: the Link header's next page (%2) was read before: the paging would never end")
                                    .arg(urlText, HttpFetcher::displayUrl(next)),
                                false);
                url = next;
            }
            break;
        }
        }
        if (last)
            break;
    }

    // The rows, now that the columns are known.
    for (const QString& column : c.columns)
        columnSet.insert(column);
    QStringList columns(columnSet.begin(), columnSet.end());
    std::sort(columns.begin(), columns.end());
    if (columns.contains(QStringLiteral("@where")))
        return fail(QStringLiteral("a record has a field named \"@where\", the name of the column that says where a row came from"));
    if (!startSpill(columns))
        return false;
    if (!scratch->flush() || !scratch->seek(0))
        return fail(QStringLiteral("cannot read back the temporary file of records: %1").arg(scratch->errorString()));
    std::vector<QString> row(size_t(columns.size()));
    std::map<QString, size_t> index;
    for (int i = 0; i < columns.size(); ++i)
        index.emplace(columns[i], size_t(i));
    for (qint64 n = 0; n < total; ++n) {
        const QByteArray line = scratch->readLine();
        const QJsonArray entry = QJsonDocument::fromJson(line).array();
        if (entry.size() != 2)
            return fail(QStringLiteral("cannot read back the temporary file of records"));
        std::fill(row.begin(), row.end(), QString());
        const QJsonObject flat = entry[1].toObject();
        for (auto it = flat.begin(); it != flat.end(); ++it)
            if (it.value().isString())
                row[index.at(it.key())] = it.value().toString();
        if (!spillRow(row, entry[0].toString()))
            return false;
    }
    m_newCursor = maxModified.isEmpty() ? c.cursorIn : maxModified;
    return true;
}

} // namespace tb::core
