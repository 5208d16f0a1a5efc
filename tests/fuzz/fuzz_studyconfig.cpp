// StudyConfig::fromJson on arbitrary bytes. Invariants: an error names the file; a study that loads has a
// study id and its records, survives toJson() → fromJson() with the same records, and answers its
// parameter, codelist and rule look-ups.
#include "FuzzSupport.h"

#include <QJsonDocument>

using namespace tb::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char*>(data), qsizetype(size));
    const QString file = QStringLiteral("fuzz.study.json");
    QString error;
    const auto study = StudyConfig::fromJson(json, file, tb::fuzz::schema(), &error);
    if (!study) {
        TB_FUZZ_CHECK(error.startsWith(file + QStringLiteral(": ")) && error.size() > file.size() + 2, error);
        return 0;
    }
    TB_FUZZ_CHECK(!study->studyId().isEmpty(), QStringLiteral("a study without an id"));
    TB_FUZZ_CHECK(!study->records().empty() &&
                      study->records().front().entity->name == QLatin1String("study"),
                  QStringLiteral("the study record comes first"));
    QString againError;
    const auto again =
        StudyConfig::fromJson(QJsonDocument(study->toJson()).toJson(), file, tb::fuzz::schema(), &againError);
    TB_FUZZ_CHECK(again, againError);
    TB_FUZZ_CHECK(again->records().size() == study->records().size(),
                  QStringLiteral("records changed in a round trip"));
    for (size_t i = 0; i < study->records().size(); ++i)
        TB_FUZZ_CHECK(again->records()[i].values == study->records()[i].values &&
                          again->records()[i].contentHash() == study->records()[i].contentHash(),
                      study->records()[i].keyLabel());
    (void)study->parameter(QStringLiteral("study_id"));
    for (const QString& name : study->schema().codelists().keys())
        (void)study->codelist(name);
    for (const QString& rule : StudyConfig::ruleNames())
        (void)study->ruleSeverity(rule);
    return 0;
}
