// MappingDocument::fromJson on arbitrary bytes, then MappingPlan::compile against a fixed header and a fixed
// study, then mapping a few fixed rows. Invariants: an error names the file; a document that loads
// survives toJson() → fromJson() unchanged; a compiled plan maps every row without crashing, and keys of
// rows that map cleanly are complete.
#include "FuzzSupport.h"

#include "mapping/MappingDocument.h"
#include "mapping/MappingPlan.h"

using namespace tb::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char*>(data), qsizetype(size));
    const QString file = QStringLiteral("fuzz.mapping.json");
    MappingDocument doc;
    QString error;
    if (!MappingDocument::fromJson(json, file, &doc, &error)) {
        TB_FUZZ_CHECK(error.startsWith(file + QStringLiteral(": ")) && error.size() > file.size() + 2, error);
        return 0;
    }
    MappingDocument again;
    QString againError;
    TB_FUZZ_CHECK(MappingDocument::fromJson(doc.toJsonBytes(), file, &again, &againError),
                  againError + QStringLiteral("\n") + QString::fromUtf8(doc.toJsonBytes()));
    TB_FUZZ_CHECK(again == doc, QString::fromUtf8(doc.toJsonBytes()) + QStringLiteral("\nvs\n") +
                                    QString::fromUtf8(again.toJsonBytes()));

    const auto plan = MappingPlan::compile(doc, file, tb::fuzz::schema(), tb::fuzz::sourceHeader(),
                                           QStringLiteral("fuzz.csv"), tb::fuzz::study().get(), &error);
    if (!plan) {
        TB_FUZZ_CHECK(error.startsWith(file + QStringLiteral(": ")), error);
        return 0;
    }
    tb::fuzz::FixedReference reference;
    qint64 line = 1;
    for (const std::vector<QString>& row : tb::fuzz::sourceRows()) {
        TransformContext ctx;
        ctx.study = tb::fuzz::study().get();
        ctx.reference = &reference;
        Values key;
        const bool hasKey = plan->unitKey(row, ctx, &key);
        if (!plan->accepts(row))
            continue;
        Record record;
        QVector<ValidationIssue> issues;
        const bool clean = plan->map(row, ++line, ctx, record, issues);
        TB_FUZZ_CHECK(record.entity == &plan->entity(), QStringLiteral("record of the wrong entity"));
        TB_FUZZ_CHECK(clean == issues.isEmpty() || !clean, QStringLiteral("a clean map with issues"));
        for (const ValidationIssue& i : issues)
            TB_FUZZ_CHECK(!i.message.isEmpty() && !i.rule.isEmpty(),
                          QStringLiteral("an issue without a message"));
        Values mappedKey;
        if (plan->unitKey(record, &mappedKey) && hasKey)
            TB_FUZZ_CHECK(mappedKey.size() == key.size(), QStringLiteral("unit keys of different sizes"));
        (void)record.contentHash();
        (void)record.naturalKeyJson();
    }
    return 0;
}
