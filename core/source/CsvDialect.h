#pragma once

#include <QJsonObject>
#include <QStringList>

namespace tb::core {

enum class TextEncoding { Utf8, Windows1252 };

// How a CSV file is written. Mapping documents carry it in their "source" section.
struct CsvDialect
{
    char delimiter = 0;                       // 0 = detect from the header line: , ; TAB |
    TextEncoding encoding = TextEncoding::Utf8; // a UTF-8 BOM is always skipped
    QStringList nullTokens{QString()};        // exact field texts read as null; "" = empty field
    bool header = true;

    // Keys: "delimiter" (",", ";", "\t", "|", "auto"), "encoding" ("utf-8", "windows-1252"),
    // "nulls" (array of strings). Unknown values give an error naming the key.
    static CsvDialect fromJson(const QJsonObject& o, QString* error = nullptr);
    QJsonObject toJson() const;

    // Appends one field as RFC 4180 writes it in a comma-delimited UTF-8 file: quoted, with doubled quotes, when it
    // holds a comma, a quote or a line break; empty (read back as null by default) when empty.
    static void appendField(QByteArray& out, const QString& value);
};

} // namespace tb::core
