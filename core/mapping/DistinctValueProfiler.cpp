#include "mapping/DistinctValueProfiler.h"

#include "mapping/MappingDocument.h"
#include "source/RecordSource.h"

#include <QFileInfo>
#include <QHash>

namespace tb::core {

DistinctValueProfiler::Result DistinctValueProfiler::profile(const QString& path, const MappingDocument& mapping,
                                                             const QString& column, int limit,
                                                             const std::atomic_bool* cancel)
{
    Result out;
    RecordSource::Kind kind;
    if (!RecordSource::parseKind(mapping.sourceKind, &kind) || RecordSource::isRemote(kind)) {
        out.error = QStringLiteral("%1: a %2 source has no sample file to profile")
                        .arg(QFileInfo(path).fileName(), mapping.sourceKind);
        return out;
    }
    std::unique_ptr<RecordSource> source = RecordSource::create(kind, mapping.dialect, mapping.odm);
    if (!source->open(path)) {
        out.error = source->error().toString();
        return out;
    }
    const QStringList& header = source->header();
    const qsizetype index = header.indexOf(column);
    if (index < 0) {
        out.error = QStringLiteral("%1: the source has no column %2").arg(QFileInfo(path).fileName(), column);
        return out;
    }
    // The rows the pipeline would use: the document's filter applies as MappingPlan applies it.
    struct Filter
    {
        qsizetype column;
        const RowFilter* filter;
    };
    QVector<Filter> filters;
    std::vector<bool> decoded(size_t(header.size()), false);
    decoded[size_t(index)] = true;
    for (const RowFilter& f : mapping.filters) {
        const qsizetype i = header.indexOf(f.column);
        if (i < 0) {
            out.error = QStringLiteral("%1: the filter's column %2 is not in the source")
                            .arg(QFileInfo(path).fileName(), f.column);
            return out;
        }
        decoded[size_t(i)] = true;
        filters.append({i, &f});
    }
    source->setDecodedColumns(decoded);

    QHash<QString, qsizetype> seen; // value → its place in out.values
    while (source->next()) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            out = Result();
            out.cancelled = true;
            out.error = QStringLiteral("%1: cancelled").arg(QFileInfo(path).fileName());
            return out;
        }
        const std::vector<QString>& fields = source->fields();
        const auto field = [&](qsizetype i) { return size_t(i) < fields.size() ? fields[size_t(i)] : QString(); };
        bool kept = true;
        for (const Filter& f : filters)
            if (f.filter->values.contains(field(f.column)) == f.filter->negate) {
                kept = false;
                break;
            }
        if (!kept)
            continue;
        ++out.rows;
        const QString value = field(index);
        if (value.isNull()) {
            ++out.nulls;
            continue;
        }
        const auto it = seen.constFind(value);
        if (it != seen.constEnd()) {
            ++out.values[*it].count;
        } else if (out.values.size() < limit) {
            seen.insert(value, out.values.size());
            out.values.append({value, 1});
        } else {
            out.capped = true;
            ++out.uncounted;
        }
    }
    if (source->hasError()) {
        out.error = source->error().toString();
        out.values.clear();
    }
    return out;
}

} // namespace tb::core
