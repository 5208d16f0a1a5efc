// CsvReader on arbitrary bytes. The first byte chooses the dialect (bits 0-2 delimiter: auto , ; TAB |;
// bit 3 Windows-1252; bit 4 no header; bit 5 "NA" is a null token; bits 6-7 which columns a second pass
// decodes). Invariants: no crash; every record has the header's field count; offsets and lines grow; an
// error names the file and a line; seek() to a reported offset reads the same record again; decoding only
// some columns gives the same values there and the same error.
#include "FuzzSupport.h"

#include "source/CsvReader.h"

#include <vector>

using namespace tb::core;

namespace {

struct Seen
{
    qint64 offset;
    qint64 line;
    std::vector<QString> fields;
};

QString describe(const std::vector<QString>& fields)
{
    QStringList out;
    for (const QString& f : fields)
        out << (f.isNull() ? QStringLiteral("<null>") : f.left(40));
    return out.join(QLatin1Char('|'));
}

} // namespace

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
    const qint64 fileSize = qint64(size - 1);

    CsvReader reader(dialect);
    if (!reader.open(path)) {
        TB_FUZZ_CHECK(reader.hasError() && !reader.error().message.isEmpty(),
                      QStringLiteral("open failed silently"));
        TB_FUZZ_CHECK(reader.error().where.file == path, reader.error().toString());
        return 0;
    }
    const int columns = dialect.header ? int(reader.header().size()) : -1;
    TB_FUZZ_CHECK(!dialect.header || columns >= 1, QStringLiteral("a header without columns"));
    std::vector<Seen> seen;
    qint64 lastOffset = -1, lastLine = 0, records = 0;
    int width = columns;
    while (reader.next()) {
        const qint64 offset = reader.recordOffset();
        const qint64 line = reader.recordLine();
        TB_FUZZ_CHECK(offset > lastOffset && offset < fileSize,
                      QStringLiteral("offset %1 after %2").arg(offset).arg(lastOffset));
        TB_FUZZ_CHECK(line > lastLine, QStringLiteral("line %1 after %2").arg(line).arg(lastLine));
        if (width < 0)
            width = int(reader.fields().size());
        TB_FUZZ_CHECK(int(reader.fields().size()) == width,
                      QStringLiteral("%1 fields, expected %2").arg(reader.fields().size()).arg(width));
        TB_FUZZ_CHECK(width >= 1 && width <= CsvReader::MaxColumns, QStringLiteral("%1 fields").arg(width));
        lastOffset = offset;
        lastLine = line;
        if (seen.size() < 64)
            seen.push_back({offset, line, reader.fields()});
        ++records;
    }
    const bool failed = reader.hasError();
    const QString error = reader.error().toString();
    if (failed)
        TB_FUZZ_CHECK(reader.error().where.file == path && reader.error().where.line >= 1 &&
                          !reader.error().message.isEmpty(),
                      error);

    // Revisit records with a fresh reader, last first (backwards seeks, out of the buffer and inside it).
    CsvReader again(dialect);
    TB_FUZZ_CHECK(again.open(path), again.error().toString());
    for (auto it = seen.rbegin(); it != seen.rend(); ++it) {
        TB_FUZZ_CHECK(again.seek(it->offset, it->line), again.error().toString());
        TB_FUZZ_CHECK(
            again.next(),
            QStringLiteral("no record at offset %1: %2").arg(it->offset).arg(again.error().toString()));
        TB_FUZZ_CHECK(again.recordOffset() == it->offset && again.recordLine() == it->line,
                      QStringLiteral("record at %1:%2 read back at %3:%4")
                          .arg(it->offset)
                          .arg(it->line)
                          .arg(again.recordOffset())
                          .arg(again.recordLine()));
        TB_FUZZ_CHECK(again.fields() == it->fields,
                      QStringLiteral("record at offset %1 reads differently after seek: %2 vs %3")
                          .arg(it->offset)
                          .arg(describe(again.fields()), describe(it->fields)));
    }

    // Decoding only some columns: the same values in those, nulls elsewhere, the same outcome.
    std::vector<bool> decoded(size_t(qMax(width, 1)));
    for (size_t i = 0; i < decoded.size(); ++i)
        decoded[i] = ((mode >> 6) + i) % 3 == 0;
    CsvReader partial(dialect);
    TB_FUZZ_CHECK(partial.open(path), partial.error().toString());
    partial.setDecodedColumns(decoded);
    qint64 partialRecords = 0;
    while (partial.next()) {
        if (size_t(partialRecords) < seen.size()) {
            const std::vector<QString>& full = seen[size_t(partialRecords)].fields;
            const std::vector<QString>& part = partial.fields();
            TB_FUZZ_CHECK(part.size() == full.size(),
                          QStringLiteral("partial decoding changed the field count"));
            for (size_t i = 0; i < part.size(); ++i) {
                // Without a header the first record fixes the width, and all its columns are decoded.
                const bool want =
                    i >= decoded.size() || decoded[i] || (!dialect.header && partialRecords == 0);
                TB_FUZZ_CHECK(want ? part[i] == full[i] && part[i].isNull() == full[i].isNull()
                                   : part[i].isNull(),
                              QStringLiteral("column %1 of record %2: '%3' vs '%4'")
                                  .arg(i)
                                  .arg(partialRecords)
                                  .arg(part[i], full[i]));
            }
        }
        ++partialRecords;
    }
    TB_FUZZ_CHECK(partialRecords == records && partial.hasError() == failed &&
                      partial.error().toString() == error,
                  QStringLiteral("partial decoding: %1 records, '%2'; full: %3 records, '%4'")
                      .arg(partialRecords)
                      .arg(partial.error().toString())
                      .arg(records)
                      .arg(error));
    return 0;
}
