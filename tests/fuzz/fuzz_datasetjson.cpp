// DatasetJsonReader on arbitrary bytes. The first byte's low bit chooses JSON or NDJSON. Invariants: no
// crash; every row has one value per column; offsets, lines and indexes grow; an error names the file and a
// line; seek() to a reported row reads the same values again.
#include "FuzzSupport.h"

#include "source/DatasetJsonReader.h"

#include <vector>

using namespace tb::core;

namespace {

struct Seen
{
    qint64 offset, line, index;
    std::vector<QString> fields;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    static tb::fuzz::InputFile input;
    const auto format = (data[0] & 1) ? DatasetJsonReader::Format::Ndjson : DatasetJsonReader::Format::Json;
    const QString path = input.write(data + 1, size - 1);

    DatasetJsonReader reader;
    if (!reader.open(path, format)) {
        TB_FUZZ_CHECK(reader.hasError() && reader.error().where.file == path && !reader.error().message.isEmpty(),
                      reader.error().toString());
        return 0;
    }
    const size_t columns = reader.columns().size();
    TB_FUZZ_CHECK(columns >= 1 && columns <= size_t(DatasetJsonReader::MaxColumns), QStringLiteral("%1 columns").arg(columns));
    std::vector<Seen> seen;
    qint64 lastOffset = -1, lastLine = 0, lastIndex = -1;
    while (reader.next()) {
        TB_FUZZ_CHECK(reader.fields().size() == columns, QStringLiteral("%1 values").arg(reader.fields().size()));
        TB_FUZZ_CHECK(reader.recordOffset() > lastOffset && reader.recordLine() >= lastLine
                          && reader.recordIndex() == lastIndex + 1,
                      QStringLiteral("row %1 at %2:%3").arg(reader.recordIndex()).arg(reader.recordOffset()).arg(reader.recordLine()));
        lastOffset = reader.recordOffset();
        lastLine = reader.recordLine();
        lastIndex = reader.recordIndex();
        if (seen.size() < 64)
            seen.push_back({lastOffset, lastLine, lastIndex, reader.fields()});
    }
    if (reader.hasError())
        TB_FUZZ_CHECK(reader.error().where.file == path && reader.error().where.line >= 1 && !reader.error().message.isEmpty(),
                      reader.error().toString());

    DatasetJsonReader again;
    TB_FUZZ_CHECK(again.open(path, format), again.error().toString());
    for (auto it = seen.rbegin(); it != seen.rend(); ++it) {
        TB_FUZZ_CHECK(again.seek(it->offset, it->line, it->index), again.error().toString());
        TB_FUZZ_CHECK(again.next(), QStringLiteral("no row at offset %1: %2").arg(it->offset).arg(again.error().toString()));
        TB_FUZZ_CHECK(again.fields() == it->fields && again.recordIndex() == it->index && again.recordLine() == it->line,
                      QStringLiteral("row %1 reads differently after seek").arg(it->index));
    }
    return 0;
}
