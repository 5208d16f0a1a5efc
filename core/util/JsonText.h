#pragma once

#include <QJsonObject>
#include <QString>

namespace tb::core::json {

// Appends s as a JSON string literal (quoted, escaped) — the hot path of audit entries, where building
// QJsonObjects per row would cost more than the database write.
void appendString(QString& out, const QString& s);

// Appends "name":value to an object being written (a comma first unless it is the first member);
// a null value becomes JSON null.
inline void appendMember(QString& out, const QString& name, const QString& value, bool* first)
{
    if (!*first)
        out += QLatin1Char(',');
    *first = false;
    appendString(out, name);
    out += QLatin1Char(':');
    if (value.isNull())
        out += QLatin1String("null");
    else
        appendString(out, value);
}

// Appends a JSON object built from parallel name/value lists; null values become JSON null.
template <typename Names, typename Values>
void appendObject(QString& out, const Names& names, const Values& values)
{
    if (out.capacity() - out.size() < 256)
        out.reserve(out.size() + 256);
    out += QLatin1Char('{');
    for (qsizetype i = 0; i < qsizetype(names.size()); ++i) {
        if (i)
            out += QLatin1Char(',');
        appendString(out, names[i]);
        out += QLatin1Char(':');
        if (values[i].isNull())
            out += QLatin1String("null");
        else
            appendString(out, values[i]);
    }
    out += QLatin1Char('}');
}

// Reads a workspace document: a JSON object whose "format" is format. Otherwise false, and *message says
// what is wrong without the file's name, which the caller puts first: "invalid JSON at offset 12: …", "a
// <kind> must be a JSON object", "format: expected \"trialbridge.mapping/1\"".
bool parseDocument(const QByteArray& json, const char* kind, const char* format, QJsonObject* out,
                   QString* message);

} // namespace tb::core::json
