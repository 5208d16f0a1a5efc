// PipelineDocument::fromJson on arbitrary bytes. Invariants: an error names the file; a pipeline that
// loads has a name, a study, a target and steps, survives toJson() → fromJson() unchanged, and resolves
// its paths without crashing.
#include "FuzzSupport.h"

#include "run/PipelineDocument.h"

#include <QJsonDocument>

using namespace tb::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char*>(data), qsizetype(size));
    const QString file = QStringLiteral("/workspace/fuzz.pipeline.json");
    PipelineDocument doc;
    QString error;
    if (!PipelineDocument::fromJson(json, file, &doc, &error)) {
        TB_FUZZ_CHECK(error.startsWith(file + QStringLiteral(": ")) && error.size() > file.size() + 2, error);
        return 0;
    }
    TB_FUZZ_CHECK(!doc.name.isEmpty() && !doc.study.isEmpty() && !doc.targetDatabase.isEmpty() &&
                      !doc.steps.isEmpty(),
                  QStringLiteral("an incomplete pipeline loaded"));
    PipelineDocument again;
    QString againError;
    TB_FUZZ_CHECK(PipelineDocument::fromJson(QJsonDocument(doc.toJson()).toJson(), file, &again, &againError),
                  againError);
    TB_FUZZ_CHECK(again.toJson() == doc.toJson(), QString::fromUtf8(QJsonDocument(doc.toJson()).toJson()));
    (void)doc.resolve(doc.study);
    (void)doc.resolve(doc.targetDatabase);
    for (const PipelineDocument::Step& s : doc.steps) {
        (void)doc.resolve(s.mapping);
        (void)doc.resolve(s.source);
    }
    return 0;
}
