#include "source/http/RestSourceConfig.h"

#include <QJsonArray>
#include <QTimeZone>

#include <cmath>

namespace tb::core {

QString RestSourceConfig::pagingName(Paging paging)
{
    switch (paging) {
    case Paging::None:
        return QStringLiteral("none");
    case Paging::Page:
        return QStringLiteral("page");
    case Paging::Offset:
        return QStringLiteral("offset");
    case Paging::Cursor:
        return QStringLiteral("cursor");
    case Paging::LinkHeader:
        return QStringLiteral("link");
    }
    return {};
}

bool RestSourceConfig::parsePaging(const QString& name, Paging* out)
{
    for (Paging p : {Paging::None, Paging::Page, Paging::Offset, Paging::Cursor, Paging::LinkHeader})
        if (pagingName(p) == name) {
            *out = p;
            return true;
        }
    return false;
}

} // namespace tb::core

namespace tb::core {

namespace {

bool unknownKeys(const QJsonObject& o, const QStringList& known, const QString& path, QString* error)
{
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!known.contains(it.key())) {
            *error = QStringLiteral("%1: unknown key \"%2\" (expected %3)")
                         .arg(path, it.key(), known.join(QStringLiteral(", ")));
            return true;
        }
    return false;
}

bool readString(const QJsonObject& o, const char* key, const QString& path, QString* out, QString* error,
                bool mayBeEmpty = false)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return true;
    if (!v.isString() || (!mayBeEmpty && v.toString().isEmpty())) {
        *error = QStringLiteral("%1.%2: must be a non-empty string").arg(path, QLatin1String(key));
        return false;
    }
    *out = v.toString();
    return true;
}

bool readInt(const QJsonObject& o, const char* key, const QString& path, int min, int max, int* out,
             QString* error)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return true;
    const double d = v.toDouble(-1e300);
    if (!v.isDouble() || !(d >= min && d <= max) || d != std::floor(d)) {
        *error = QStringLiteral("%1.%2: must be a whole number from %3 to %4")
                     .arg(path, QLatin1String(key))
                     .arg(min)
                     .arg(max);
        return false;
    }
    *out = int(d);
    return true;
}

bool readNames(const QJsonObject& o, const char* key, const QString& path, QStringList* out, QString* error)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return true;
    const QString where = QStringLiteral("%1.%2").arg(path, QLatin1String(key));
    if (!v.isArray()) {
        *error = where + QStringLiteral(": must be a list of names");
        return false;
    }
    const QJsonArray a = v.toArray();
    out->clear();
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a[i].isString() || a[i].toString().trimmed().isEmpty()) {
            *error = QStringLiteral("%1[%2]: must be a non-empty string").arg(where).arg(i);
            return false;
        }
        if (out->contains(a[i].toString())) {
            *error = QStringLiteral("%1[%2]: \"%3\" is listed twice").arg(where).arg(i).arg(a[i].toString());
            return false;
        }
        *out << a[i].toString();
    }
    return true;
}

} // namespace

bool RestSourceConfig::fromJson(const QJsonObject& source, Kind kind, RestSourceConfig* out, QString* error)
{
    const QString path = QStringLiteral("source");
    RestSourceConfig c;
    c.kind = kind;
    if (kind == Kind::Redcap) {
        if (unknownKeys(source,
                        {QStringLiteral("kind"), QStringLiteral("type"), QStringLiteral("forms"),
                         QStringLiteral("events"), QStringLiteral("fields"),
                         QStringLiteral("serverTimeZone")},
                        path, error))
            return false;
        QString type = QStringLiteral("flat");
        if (!readString(source, "type", path, &type, error))
            return false;
        if (type == QLatin1String("flat"))
            c.redcapType = RedcapType::Flat;
        else if (type == QLatin1String("eav"))
            c.redcapType = RedcapType::Eav;
        else {
            *error =
                QStringLiteral("source.type: \"%1\" is not a REDCap export type; use \"flat\" or \"eav\"")
                    .arg(type);
            return false;
        }
        if (!readNames(source, "forms", path, &c.forms, error) ||
            !readNames(source, "events", path, &c.events, error) ||
            !readNames(source, "fields", path, &c.fields, error) ||
            !readString(source, "serverTimeZone", path, &c.serverTimeZone, error))
            return false;
        if (!QTimeZone(c.serverTimeZone.toUtf8()).isValid()) {
            *error =
                QStringLiteral("source.serverTimeZone: \"%1\" is not a known time zone (an IANA name such as "
                               "Europe/Berlin; REDCap's times are in its server's zone)")
                    .arg(c.serverTimeZone);
            return false;
        }
        *out = c;
        return true;
    }

    if (unknownKeys(source,
                    {QStringLiteral("kind"), QStringLiteral("path"), QStringLiteral("records"),
                     QStringLiteral("paging"), QStringLiteral("sinceParam"), QStringLiteral("modifiedField")},
                    path, error))
        return false;
    if (!readString(source, "path", path, &c.resourcePath, error) ||
        !readString(source, "records", path, &c.recordsPath, error, true) ||
        !readString(source, "sinceParam", path, &c.sinceParam, error) ||
        !readString(source, "modifiedField", path, &c.modifiedField, error))
        return false;
    // One without the other would either never move the cursor or never send it.
    if (c.sinceParam.isEmpty() != c.modifiedField.isEmpty()) {
        *error = c.sinceParam.isEmpty() ? QStringLiteral("source.modifiedField: needs \"sinceParam\", the "
                                                         "query parameter that sends the cursor back")
                                        : QStringLiteral("source.sinceParam: needs \"modifiedField\", the "
                                                         "field whose latest value becomes the cursor");
        return false;
    }
    const QJsonValue pv = source.value(QLatin1String("paging"));
    if (!pv.isUndefined()) {
        const QString pp = QStringLiteral("source.paging");
        if (!pv.isObject()) {
            *error = pp + QStringLiteral(": must be an object with \"style\" and its parameters");
            return false;
        }
        const QJsonObject p = pv.toObject();
        if (unknownKeys(p,
                        {QStringLiteral("style"), QStringLiteral("pageParam"), QStringLiteral("firstPage"),
                         QStringLiteral("pageSizeParam"), QStringLiteral("pageSize"),
                         QStringLiteral("offsetParam"), QStringLiteral("limitParam"),
                         QStringLiteral("cursorParam"), QStringLiteral("nextCursorPath"),
                         QStringLiteral("maxPages")},
                        pp, error))
            return false;
        QString style;
        if (!readString(p, "style", pp, &style, error))
            return false;
        if (style.isEmpty() || !parsePaging(style, &c.paging)) {
            *error =
                QStringLiteral(
                    "source.paging.style: %1; use \"none\", \"page\", \"offset\", \"cursor\" or \"link\"")
                    .arg(style.isEmpty() ? QStringLiteral("required")
                                         : QStringLiteral("\"%1\" is not a paging style").arg(style));
            return false;
        }
        if (!readString(p, "pageParam", pp, &c.pageParam, error) ||
            !readInt(p, "firstPage", pp, 0, 1000000, &c.firstPage, error) ||
            !readString(p, "pageSizeParam", pp, &c.pageSizeParam, error) ||
            !readInt(p, "pageSize", pp, 1, 100000, &c.pageSize, error) ||
            !readString(p, "offsetParam", pp, &c.offsetParam, error) ||
            !readString(p, "limitParam", pp, &c.limitParam, error) ||
            !readString(p, "cursorParam", pp, &c.cursorParam, error) ||
            !readString(p, "nextCursorPath", pp, &c.nextCursorPath, error) ||
            !readInt(p, "maxPages", pp, 1, 100000000, &c.maxPages, error))
            return false;
    }
    *out = c;
    return true;
}

QUrl RestSourceConfig::endpointUrl(const QUrl& base, const QString& path)
{
    if (path.isEmpty())
        return base;
    QUrl url = base;
    QString p = path.section(QLatin1Char('?'), 0, 0);
    const QString query = path.section(QLatin1Char('?'), 1);
    while (p.startsWith(QLatin1Char('/')))
        p.remove(0, 1);
    QString basePath = url.path();
    if (!basePath.endsWith(QLatin1Char('/')))
        basePath += QLatin1Char('/');
    url.setPath(basePath + p);
    if (!query.isEmpty())
        url.setQuery(url.query().isEmpty() ? query : url.query() + QLatin1Char('&') + query);
    return url;
}

void RestSourceConfig::writeTo(QJsonObject& source) const
{
    const RestSourceConfig d;
    if (kind == Kind::Redcap) {
        if (redcapType == RedcapType::Eav)
            source.insert(QStringLiteral("type"), QStringLiteral("eav"));
        if (!forms.isEmpty())
            source.insert(QStringLiteral("forms"), QJsonArray::fromStringList(forms));
        if (!events.isEmpty())
            source.insert(QStringLiteral("events"), QJsonArray::fromStringList(events));
        if (!fields.isEmpty())
            source.insert(QStringLiteral("fields"), QJsonArray::fromStringList(fields));
        if (serverTimeZone != d.serverTimeZone)
            source.insert(QStringLiteral("serverTimeZone"), serverTimeZone);
        return;
    }
    if (!resourcePath.isEmpty())
        source.insert(QStringLiteral("path"), resourcePath);
    if (!recordsPath.isEmpty())
        source.insert(QStringLiteral("records"), recordsPath);
    if (!sinceParam.isEmpty())
        source.insert(QStringLiteral("sinceParam"), sinceParam);
    if (!modifiedField.isEmpty())
        source.insert(QStringLiteral("modifiedField"), modifiedField);
    QJsonObject p;
    auto text = [&](const char* key, const QString& value, const QString& def) {
        if (value != def)
            p.insert(QLatin1String(key), value);
    };
    auto number = [&](const char* key, int value, int def) {
        if (value != def)
            p.insert(QLatin1String(key), value);
    };
    text("pageParam", pageParam, d.pageParam);
    number("firstPage", firstPage, d.firstPage);
    text("pageSizeParam", pageSizeParam, d.pageSizeParam);
    number("pageSize", pageSize, d.pageSize);
    text("offsetParam", offsetParam, d.offsetParam);
    text("limitParam", limitParam, d.limitParam);
    text("cursorParam", cursorParam, d.cursorParam);
    text("nextCursorPath", nextCursorPath, d.nextCursorPath);
    number("maxPages", maxPages, d.maxPages);
    if (paging != Paging::None || !p.isEmpty()) {
        p.insert(QStringLiteral("style"), pagingName(paging));
        source.insert(QStringLiteral("paging"), p);
    }
}

} // namespace tb::core
