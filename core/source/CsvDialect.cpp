#include "source/CsvDialect.h"

#include <QJsonArray>

namespace tb::core {

namespace {

struct DelimiterName
{
    char delimiter;
    const char* name;
};

// "auto" first so that toJson() of the default dialect names it.
constexpr DelimiterName kDelimiters[] = {{0, "auto"}, {',', ","}, {';', ";"}, {'\t', "\t"}, {'|', "|"}};

bool setError(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

CsvDialect CsvDialect::fromJson(const QJsonObject& o, QString* error)
{
    if (error)
        error->clear();
    CsvDialect d;

    // Keys that are absent keep their defaults; other keys belong to the rest of the source section.
    if (const QJsonValue v = o.value(QLatin1String("delimiter")); !v.isUndefined()) {
        const QString s = v.toString();
        bool found = false;
        for (const DelimiterName& n : kDelimiters) {
            if (!found && v.isString() && s == QLatin1String(n.name)) {
                d.delimiter = n.delimiter;
                found = true;
            }
        }
        if (!found) {
            setError(error, QStringLiteral("\"delimiter\": unsupported value %1 (expected \",\", \";\", "
                                           "\"\\t\", \"|\" or \"auto\")")
                                .arg(v.isString() ? QLatin1Char('"') + s + QLatin1Char('"')
                                                  : QStringLiteral("of the wrong type")));
            return {};
        }
    }

    if (const QJsonValue v = o.value(QLatin1String("encoding")); !v.isUndefined()) {
        const QString s = v.toString();
        if (v.isString() && s == QLatin1String("utf-8")) {
            d.encoding = TextEncoding::Utf8;
        } else if (v.isString() && s == QLatin1String("windows-1252")) {
            d.encoding = TextEncoding::Windows1252;
        } else {
            setError(error, QStringLiteral("\"encoding\": unsupported value %1 (expected \"utf-8\" or "
                                           "\"windows-1252\")")
                                .arg(v.isString() ? QLatin1Char('"') + s + QLatin1Char('"')
                                                  : QStringLiteral("of the wrong type")));
            return {};
        }
    }

    if (const QJsonValue v = o.value(QLatin1String("nulls")); !v.isUndefined()) {
        if (!v.isArray()) {
            setError(error, QStringLiteral("\"nulls\": expected an array of strings"));
            return {};
        }
        d.nullTokens.clear();
        for (const QJsonValue& t : v.toArray()) {
            if (!t.isString()) {
                setError(error, QStringLiteral("\"nulls\": expected an array of strings"));
                return {};
            }
            // The empty token is stored as a null QString, like the default list.
            const QString s = t.toString();
            d.nullTokens.append(s.isEmpty() ? QString() : s);
        }
    }
    return d;
}

QJsonObject CsvDialect::toJson() const
{
    QJsonObject o;
    QString delimiterName = QString(QLatin1Char(delimiter));
    for (const DelimiterName& n : kDelimiters) {
        if (n.delimiter == delimiter)
            delimiterName = QLatin1String(n.name);
    }
    o.insert(QLatin1String("delimiter"), delimiterName);
    o.insert(QLatin1String("encoding"),
             encoding == TextEncoding::Utf8 ? QStringLiteral("utf-8") : QStringLiteral("windows-1252"));
    QJsonArray nulls;
    for (const QString& t : nullTokens)
        nulls.append(t.isNull() ? QString(QLatin1String("")) : t);
    o.insert(QLatin1String("nulls"), nulls);
    return o;
}

void CsvDialect::appendField(QByteArray& out, const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    if (!utf8.contains(',') && !utf8.contains('"') && !utf8.contains('\n') && !utf8.contains('\r')) {
        out += utf8;
        return;
    }
    out += '"';
    for (const char c : utf8) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

} // namespace tb::core
