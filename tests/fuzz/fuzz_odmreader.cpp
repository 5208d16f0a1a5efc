// OdmReader on arbitrary bytes, once alone and once as the second file of a Transactional series. Invariants:
// no crash; every record names the file, a line and its subject; levels come parents first (a group's form,
// event and subject were delivered before it); an error names the file and a line; reading twice gives the
// same records.
#include "FuzzSupport.h"

#include "source/OdmReader.h"

using namespace tb::core;

namespace {

QStringList readAll(const QString& path, OdmReader::Options options, SourceError* error)
{
    OdmReader reader;
    QStringList seen;
    if (reader.open(path, options)) {
        QString subject;
        while (reader.next()) {
            const OdmClinicalRecord& r = reader.record();
            TB_FUZZ_CHECK(r.file == path && r.line >= 1, r.location().toString());
            if (r.level == OdmClinicalRecord::Level::Subject)
                subject = r.subjectKey;
            else if (!r.subjectKey.isNull())
                TB_FUZZ_CHECK(r.subjectKey == subject, QStringLiteral("record of %1 after %2").arg(r.subjectKey, subject));
            QString line = r.xpath();
            for (const OdmItemValue& v : r.items)
                line += QLatin1Char('|') + v.itemOid + QLatin1Char('=') + v.value;
            seen << line;
        }
    }
    *error = reader.error();
    if (!error->isNull())
        TB_FUZZ_CHECK(error->where.file == path && !error->message.isEmpty(), error->toString());
    return seen;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static tb::fuzz::InputFile input;
    const QString path = input.write(data, size);
    SourceError first, second;
    const QStringList once = readAll(path, {}, &first);
    const QStringList twice = readAll(path, {}, &second);
    TB_FUZZ_CHECK(once == twice && first.toString() == second.toString(), QStringLiteral("two reads differ"));
    // As a series: the same file twice against one state (Insert of what the first inserted is an error).
    OdmEntityState state;
    OdmReader::Options options;
    options.state = &state;
    readAll(path, options, &first);
    readAll(path, options, &second);
    return 0;
}
