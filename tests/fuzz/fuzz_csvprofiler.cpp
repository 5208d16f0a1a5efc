// CsvProfiler on arbitrary bytes (first byte: the dialect, as in fuzz_csvreader). Invariants: an error
// names the file; otherwise the profile counts as many rows as CsvReader reads, has one entry per column
// with nulls <= rows, distinct <= the cap and at most SampleCount samples of bounded length.
#include "FuzzSupport.h"

#include "source/CsvProfiler.h"
#include "source/CsvReader.h"
#include "source/ValueProfile.h"

#include <QJsonArray>

using namespace tb::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    static tb::fuzz::InputFile input;
    const uint8_t mode = data[0];
    static const char delimiters[] = {0, ',', ';', '\t', '|'};
    CsvDialect dialect;
    dialect.delimiter = delimiters[(mode & 7) % 5];
    dialect.encoding = (mode & 8) ? TextEncoding::Windows1252 : TextEncoding::Utf8;
    dialect.header = !(mode & 16);
    if (mode & 32)
        dialect.nullTokens = {QString(), QStringLiteral("NA")};
    const QString path = input.write(data + 1, size - 1);

    SourceError error;
    const QJsonObject profile = CsvProfiler::profile(path, dialect, &error);
    CsvReader reader(dialect);
    qint64 rows = 0;
    if (reader.open(path))
        while (reader.next())
            ++rows;
    if (!error.isNull()) {
        TB_FUZZ_CHECK(profile.isEmpty() && error.where.file == path, error.toString());
        TB_FUZZ_CHECK(
            reader.hasError() && reader.error().toString() == error.toString(),
            QStringLiteral("profiler: '%1', reader: '%2'").arg(error.toString(), reader.error().toString()));
        return 0;
    }
    TB_FUZZ_CHECK(!reader.hasError(), reader.error().toString());
    TB_FUZZ_CHECK(profile.value(QStringLiteral("rows")).toInteger() == rows,
                  QStringLiteral("%1 rows profiled, %2 read")
                      .arg(profile.value(QStringLiteral("rows")).toInteger())
                      .arg(rows));
    const QJsonArray columns = profile.value(QStringLiteral("columns")).toArray();
    if (dialect.header)
        TB_FUZZ_CHECK(columns.size() == reader.header().size(),
                      QStringLiteral("%1 columns").arg(columns.size()));
    for (const QJsonValue& cv : columns) {
        const QJsonObject c = cv.toObject();
        const qint64 nulls = c.value(QStringLiteral("nulls")).toInteger();
        const qint64 distinct = c.value(QStringLiteral("distinct")).toInteger();
        const QJsonArray samples = c.value(QStringLiteral("samples")).toArray();
        TB_FUZZ_CHECK(nulls >= 0 && nulls <= rows,
                      QStringLiteral("%1 nulls in %2 rows").arg(nulls).arg(rows));
        TB_FUZZ_CHECK(distinct >= 0 && distinct <= qMin<qint64>(rows - nulls, ValueProfile::DistinctCap),
                      QStringLiteral("%1 distinct of %2 values").arg(distinct).arg(rows - nulls));
        TB_FUZZ_CHECK(samples.size() <= qMin<qint64>(distinct, ValueProfile::SampleCount),
                      QStringLiteral("%1 samples").arg(samples.size()));
        for (const QJsonValue& s : samples)
            TB_FUZZ_CHECK(s.toString().size() <= ValueProfile::MaxSampleLength + 1,
                          QStringLiteral("a long sample"));
        static const QStringList types{QStringLiteral("integer"),  QStringLiteral("decimal"),
                                       QStringLiteral("date"),     QStringLiteral("partial_date"),
                                       QStringLiteral("datetime"), QStringLiteral("empty"),
                                       QStringLiteral("text")};
        TB_FUZZ_CHECK(types.contains(c.value(QStringLiteral("type")).toString()),
                      c.value(QStringLiteral("type")).toString());
        TB_FUZZ_CHECK((c.value(QStringLiteral("type")).toString() == QLatin1String("empty")) ==
                          (nulls == rows),
                      QStringLiteral("type %1 with %2 nulls of %3")
                          .arg(c.value(QStringLiteral("type")).toString())
                          .arg(nulls)
                          .arg(rows));
    }
    return 0;
}
