#include "source/CsvProfiler.h"

#include "source/CsvReader.h"
#include "source/ValueProfile.h"

#include <QJsonArray>

#include <vector>

namespace tb::core {

QJsonObject CsvProfiler::profile(const QString& path, const CsvDialect& dialect, SourceError* error)
{
    CsvReader reader(dialect);
    if (!reader.open(path)) {
        if (error)
            *error = reader.error();
        return {};
    }
    const qsizetype width = dialect.header ? reader.header().size() : 0;
    std::vector<ValueProfile> stats(static_cast<size_t>(width));
    qint64 rows = 0;
    while (reader.next()) {
        const std::vector<QString>& fields = reader.fields();
        if (stats.size() < fields.size())
            stats.resize(fields.size()); // no header: the first record tells the width
        for (size_t i = 0; i < fields.size(); ++i)
            stats[i].add(fields[i]);
        ++rows;
    }
    if (reader.hasError()) {
        if (error)
            *error = reader.error();
        return {};
    }

    QJsonArray columns;
    for (size_t i = 0; i < stats.size(); ++i) {
        QJsonObject column;
        // Without a header, columns are named by position: column1, column2, ...
        column.insert(QLatin1String("name"), i < size_t(reader.header().size())
                                                 ? reader.header().at(qsizetype(i))
                                                 : QStringLiteral("column%1").arg(i + 1));
        stats[i].writeTo(column);
        columns.append(column);
    }

    QJsonObject o;
    o.insert(QLatin1String("format"), QStringLiteral("csv"));
    o.insert(QLatin1String("file"), path);
    o.insert(QLatin1String("encoding"), dialect.encoding == TextEncoding::Utf8
                                            ? QStringLiteral("utf-8")
                                            : QStringLiteral("windows-1252"));
    o.insert(QLatin1String("delimiter"), QString(QLatin1Char(reader.delimiter())));
    o.insert(QLatin1String("rows"), rows);
    o.insert(QLatin1String("columns"), columns);
    return o;
}

} // namespace tb::core
