#include "source/DatasetJsonProfiler.h"

#include "source/ValueProfile.h"

#include <QJsonArray>

#include <vector>

namespace tb::core {

QJsonObject DatasetJsonProfiler::profile(const QString& path, DatasetJsonReader::Format format, SourceError* error)
{
    DatasetJsonReader reader;
    if (!reader.open(path, format)) {
        if (error)
            *error = reader.error();
        return {};
    }
    std::vector<ValueProfile> stats(reader.columns().size());
    qint64 rows = 0;
    while (reader.next()) {
        const std::vector<QString>& fields = reader.fields();
        // SAS-born datasets write a missing character value as "": counted as null like JSON's null.
        for (size_t i = 0; i < fields.size(); ++i)
            stats[i].add(fields[i].isEmpty() ? QString() : fields[i]);
        ++rows;
    }
    if (reader.hasError()) {
        if (error)
            *error = reader.error();
        return {};
    }
    QJsonArray columns;
    for (size_t i = 0; i < stats.size(); ++i) {
        const DatasetColumn& c = reader.columns()[i];
        QJsonObject column{{QLatin1String("name"), c.name}, {QLatin1String("itemOid"), c.itemOid},
                           {QLatin1String("label"), c.label}, {QLatin1String("dataType"), c.dataType}};
        if (c.keySequence > 0)
            column.insert(QLatin1String("keySequence"), c.keySequence);
        stats[i].writeTo(column);
        columns.append(column);
    }
    const QJsonObject& meta = reader.metadata();
    QJsonObject o;
    o.insert(QLatin1String("format"), QStringLiteral("dataset-json"));
    o.insert(QLatin1String("file"), path);
    o.insert(QLatin1String("ndjson"), reader.isNdjson());
    for (const char* key : {"name", "label", "itemGroupOID"})
        if (meta.contains(QLatin1String(key)))
            o.insert(QLatin1String(key), meta.value(QLatin1String(key)));
    o.insert(QLatin1String("rows"), rows);
    o.insert(QLatin1String("columns"), columns);
    return o;
}

} // namespace tb::core
