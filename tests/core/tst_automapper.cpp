// Auto-map on real headers: the CDISC pilot's SDTM DM / AE / SV (CSV and Dataset-JSON with labels), the demo
// study's EDC exports and the OpenClinica Juno AE log (ODM OIDs). Each row lists exactly the proposals
// expected, so anything absurd added later fails the row; the building blocks (words, similarity, the
// threshold, one proposal per field and column, mapped fields skipped, the order) are checked on their own.

#include "TestSupport.h"
#include "mapping/AutoMapper.h"
#include "mapping/MappingDocument.h"
#include "mapping/MappingModel.h"
#include "mapping/SourceSchemaModel.h"
#include "mapping/TargetSchemaModel.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace tb;
using core::AutoMapper;
using core::AutoMapProposal;

namespace {

core::MappingDocument parse(const QByteArray& json)
{
    core::MappingDocument doc;
    QString error;
    if (!core::MappingDocument::fromJson(json, QStringLiteral("test.mapping.json"), &doc, &error))
        qFatal("%s", qPrintable(error));
    return doc;
}

core::MappingDocument emptyMapping(const QString& entity, const QByteArray& source)
{
    // A document needs a field to load; a new mapping in the designer starts with none.
    core::MappingDocument doc = parse(R"({"format": "trialbridge.mapping/1", "name": "m", "source": )" + source
                                      + R"(, "target": {"entity": ")" + entity.toUtf8()
                                      + R"("}, "fields": {"study_id": {"param": "study_id"}}})");
    doc.fields.clear();
    return doc;
}

QStringList pairs(const QVector<AutoMapProposal>& proposals)
{
    QStringList out;
    for (const AutoMapProposal& p : proposals)
        out << p.column + QStringLiteral(" -> ") + p.target;
    return out;
}

} // namespace

class TestAutoMapper : public QObject
{
    Q_OBJECT
private slots:
    void words_data();
    void words();
    void similarity_data();
    void similarity();
    void realHeaders_data();
    void realHeaders();
    void reasons_data();
    void reasons();
    void eachFieldAndColumnOnce();
    void mappedFieldsAreSkipped();
    void thresholdDropsWeakProposals();
    void nothingForUnrelatedColumns();

private:
    QTemporaryDir m_tmp;
};

void TestAutoMapper::words_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QString>("normalised");
    QTest::newRow("snake") << "VISIT_DATE" << QStringList{"visit", "date"} << "visitdate";
    QTest::newRow("camel") << "StudySubjectID" << QStringList{"study", "subject", "id"} << "studysubjectid";
    QTest::newRow("acronym first") << "ODMVersion" << QStringList{"odm", "version"} << "odmversion";
    QTest::newRow("spaces and dashes") << "Date of birth - local" << QStringList{"date", "of", "birth", "local"}
                                       << "dateofbirthlocal";
    QTest::newRow("odm attribute") << "SubjectData@OpenClinica:Sex"
                                   << QStringList{"subject", "data", "open", "clinica", "sex"} << "subjectdataopenclinicasex";
    QTest::newRow("oid") << "I_ADVER_AE_SEV" << QStringList{"i", "adver", "ae", "sev"} << "iadveraesev";
    QTest::newRow("digits") << "SAE1_YN" << QStringList{"sae1", "yn"} << "sae1yn";
    QTest::newRow("empty") << "" << QStringList{} << "";
    QTest::newRow("only separators") << "_ - _" << QStringList{} << "";
}

void TestAutoMapper::words()
{
    QFETCH(QString, text);
    QFETCH(QStringList, words);
    QFETCH(QString, normalised);
    QCOMPARE(AutoMapper::words(text), words);
    QCOMPARE(AutoMapper::normalise(text), normalised);
}

void TestAutoMapper::similarity_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<double>("expected");
    QTest::newRow("equal after normalising") << "Visit-Date" << "visit_date" << 1.0;
    QTest::newRow("nothing shared") << "SEX" << "visit_code" << 0.0;
    QTest::newRow("contained") << "AETERM" << "term" << 0.75;          // 2·3 / (5 + 3)
    QTest::newRow("repeated bigrams pair once") << "aaaa" << "aa" << 0.5; // 2·1 / (3 + 1)
    QTest::newRow("single letters") << "a" << "b" << 0.0;
    QTest::newRow("empty") << "" << "x" << 0.0;
}

void TestAutoMapper::similarity()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(double, expected);
    QCOMPARE(AutoMapper::similarity(a, b), expected);
    QCOMPARE(AutoMapper::similarity(b, a), expected);
}

void TestAutoMapper::realHeaders_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QStringList>("expected"); // in order: confidence, then target order

    const QByteArray csv = R"({"kind": "csv"})";
    const QByteArray json = R"({"kind": "dataset-json"})";
    QTest::newRow("SDTM DM csv → subject")
        << test::sharedDataPath(QStringLiteral("real/cdiscpilot01-sdtm/dm.csv")) << csv << "subject"
        << QStringList{"STUDYID -> study_id", "SITEID -> site_id", "SEX -> sex", "ARM -> arm",
                       "USUBJID -> subject_id", "BRTHDTC -> birth_date", "RFICDTC -> informed_consent_date",
                       "RFSTDTC -> reference_start_date", "RFENDTC -> reference_end_date"};
    QTest::newRow("SDTM AE csv → adverse_event")
        << test::sharedDataPath(QStringLiteral("real/cdiscpilot01-sdtm/ae.csv")) << csv << "adverse_event"
        << QStringList{"STUDYID -> study_id", "USUBJID -> subject_id", "AESEQ -> ae_id", "AETERM -> term",
                       "AEDECOD -> decoded_term", "AEBODSYS -> body_system", "AESTDTC -> start_date",
                       "AEENDTC -> end_date", "AESEV -> severity", "AESER -> serious", "AEOUT -> outcome",
                       "AEREL -> relationship"};
    QTest::newRow("SDTM SV csv → visit")
        << test::sharedDataPath(QStringLiteral("real/cdiscpilot01-sdtm/sv.csv")) << csv << "visit"
        << QStringList{"STUDYID -> study_id", "USUBJID -> subject_id", "VISITNUM -> visit_code",
                       "VISIT -> visit_name", "SVSTDTC -> visit_date"};
    QTest::newRow("Dataset-JSON DM (labels) → subject")
        << test::testDataPath(QStringLiteral("datasetjson/dm.json")) << json << "subject"
        << QStringList{"STUDYID -> study_id", "SITEID -> site_id", "SEX -> sex", "ARM -> arm",
                       "USUBJID -> subject_id", "BRTHDTC -> birth_date", "RFICDTC -> informed_consent_date",
                       "RFSTDTC -> reference_start_date", "RFENDTC -> reference_end_date"};
    QTest::newRow("Dataset-JSON SV → visit")
        << test::testDataPath(QStringLiteral("datasetjson/sv.json")) << json << "visit"
        << QStringList{"STUDYID -> study_id", "USUBJID -> subject_id", "VISITNUM -> visit_code",
                       "VISIT -> visit_name", "SVSTDTC -> visit_date"};
    QTest::newRow("demo subjects → subject")
        << QStringLiteral("demo/subjects.csv") << csv << "subject"
        << QStringList{"STATUS -> status", "SEX -> sex", "BIRTH_DATE -> birth_date", "ARM -> arm",
                       "LAST_MODIFIED -> _modified", "STUDY -> study_id", "SITE -> site_id",
                       "CONSENT_DATE -> informed_consent_date", "SUBJECT -> subject_id",
                       "FIRST_DOSE_DATE -> reference_start_date"};
    QTest::newRow("demo visits → visit")
        << QStringLiteral("demo/visits.csv") << QByteArray(R"({"kind": "csv", "delimiter": ";"})") << "visit"
        << QStringList{"VISIT_NAME -> visit_name", "VISIT_DATE -> visit_date", "STUDY -> study_id",
                       "VISIT_NO -> visit_code", "SUBJECT -> subject_id", "VISIT_STATUS -> status"};
    QTest::newRow("demo adverse events → adverse_event")
        << QStringLiteral("demo/adverse_events.csv") << csv << "adverse_event"
        << QStringList{"TERM -> term", "START_DATE -> start_date", "END_DATE -> end_date", "SEVERITY -> severity",
                       "SERIOUS -> serious", "OUTCOME -> outcome", "STUDY -> study_id", "SUBJECT -> subject_id",
                       "AE_NO -> ae_id"};
    QTest::newRow("Juno AE log (ODM OIDs) → adverse_event")
        << test::sharedDataPath(QStringLiteral("real/odm/openclinica-juno-full-extract.xml"))
        << QByteArray(R"({"kind": "odm", "level": "itemGroup", "itemGroups": ["IG_ADVER_AELOG"]})") << "adverse_event"
        << QStringList{"SubjectKey -> subject_id", "StudyOID -> study_id", "I_ADVER_AE_OUT -> outcome",
                       "I_ADVER_AE_DESC -> term", "I_ADVER_AE_DTON -> start_date", "I_ADVER_AE_DTRE -> end_date",
                       "I_ADVER_AE_SEV -> severity"};
}

void TestAutoMapper::realHeaders()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, source);
    QFETCH(QString, entity);
    QFETCH(QStringList, expected);
    if (file.startsWith(QLatin1String("demo/"))) {
        // The demo study's EDC headers, as `trialbridge-cli demo` writes them.
        static const QHash<QString, QByteArray> demo{
            {"demo/subjects.csv", "\xEF\xBB\xBFSTUDY,SUBJECT,SITE,STATUS,SEX,BIRTH_DATE,CONSENT_DATE,FIRST_DOSE_DATE,ARM,"
                                  "LAST_MODIFIED\r\n"},
            {"demo/visits.csv", "STUDY;SUBJECT;VISIT_NO;VISIT_NAME;VISIT_DATE;VISIT_STATUS\n"},
            {"demo/adverse_events.csv", "STUDY,SUBJECT,AE_NO,TERM,START_DATE,END_DATE,SEVERITY,SERIOUS,OUTCOME\n"},
        };
        file = test::writeFile(m_tmp.path(), file, demo.value(file));
    }
    const core::MappingDocument doc = emptyMapping(entity, source);
    core::SourceSchemaModel sourceModel;
    QString error;
    QVERIFY2(sourceModel.load(file, doc, &error), qPrintable(error));
    core::TargetSchemaModel targetModel;
    QVERIFY(targetModel.setEntity(core::CtmsSchema::builtIn(), entity));
    core::MappingModel mapping;
    mapping.setDocument(doc);
    const QVector<AutoMapProposal> proposals = AutoMapper().propose(sourceModel, targetModel, mapping);
    QCOMPARE(pairs(proposals), expected);
    for (const AutoMapProposal& p : proposals) {
        QVERIFY(p.confidence >= AutoMapper::DefaultThreshold && p.confidence <= 1.0);
        QVERIFY(!p.reasonText().isEmpty());
        QVERIFY2(sourceModel.hasColumn(p.column), qPrintable(p.column));
    }
}

void TestAutoMapper::reasons_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("oid");
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("target");
    QTest::addColumn<double>("confidence");
    QTest::addColumn<QString>("reason");
    QTest::newRow("same name") << "Visit Date" << "" << "" << "visit" << "visit_date" << 1.0 << "same name";
    QTest::newRow("entity prefix") << "VISIT_STATUS" << "" << "" << "visit" << "status" << 0.9 << "same name";
    QTest::newRow("first synonym") << "USUBJID" << "" << "" << "visit" << "subject_id" << 0.95 << "known synonym USUBJID";
    QTest::newRow("second synonym") << "SUBJID" << "" << "" << "visit" << "subject_id" << 0.94 << "known synonym SUBJID";
    QTest::newRow("odm attribute") << "SubjectData@OpenClinica:DateOfBirth" << "" << "" << "subject" << "birth_date"
                                   << 0.93 << "known synonym DATEOFBIRTH";
    QTest::newRow("label") << "XQ17" << "Body System or Organ Class" << "" << "adverse_event" << "body_system" << 0.9
                           << "label matches";
    QTest::newRow("oid suffix") << "I_AE_TERM" << "" << "" << "adverse_event" << "term" << 0.85 << "OID suffix AETERM";
    QTest::newRow("oid path") << "COL1" << "" << "SE_V1/F_AE/IG_AE/I_AE_SEV" << "adverse_event" << "severity" << 0.85
                              << "OID suffix AESEV";
    QTest::newRow("similar name") << "VISITDAT" << "" << "" << "visit" << "visit_date" << 0.8 << "similar name 0.80";
    QTest::newRow("similar label") << "XQ18" << "Reported Terms" << "" << "adverse_event" << "term" << 0.84
                                   << "similar label 0.96";
}

void TestAutoMapper::reasons()
{
    QFETCH(QString, column);
    QFETCH(QString, label);
    QFETCH(QString, oid);
    QFETCH(QString, entity);
    QFETCH(QString, target);
    QFETCH(double, confidence);
    QFETCH(QString, reason);
    const core::EntityDef* e = core::CtmsSchema::builtIn()->entity(entity);
    QVERIFY(e);
    QVector<core::AutoMapField> fields;
    for (const core::FieldDef& f : e->fields)
        fields << core::AutoMapField{f.name, f.label};
    const auto proposals = AutoMapper().propose({core::AutoMapColumn{column, label, oid}}, entity, fields);
    QCOMPARE(proposals.size(), 1);
    QCOMPARE(proposals[0].target, target);
    QVERIFY2(qAbs(proposals[0].confidence - confidence) < 0.005, qPrintable(QString::number(proposals[0].confidence)));
    QCOMPARE(proposals[0].reasonText(), reason);
}

void TestAutoMapper::eachFieldAndColumnOnce()
{
    // SUBJECT and USUBJID both name subject_id; VISIT would fit visit_code and visit_name.
    const QVector<core::AutoMapColumn> columns{{"SUBJECT", {}, {}}, {"USUBJID", {}, {}}, {"VISIT", {}, {}},
                                               {"VISITNUM", {}, {}}};
    const QVector<core::AutoMapField> fields{{"subject_id", "Subject identifier"},
                                             {"visit_code", "Visit code"},
                                             {"visit_name", "Visit name"}};
    const auto proposals = AutoMapper().propose(columns, QStringLiteral("visit"), fields);
    QCOMPARE(pairs(proposals), (QStringList{"USUBJID -> subject_id", "VISITNUM -> visit_code", "VISIT -> visit_name"}));
    for (int i = 1; i < proposals.size(); ++i)
        QVERIFY(proposals[i - 1].confidence >= proposals[i].confidence);
}

void TestAutoMapper::mappedFieldsAreSkipped()
{
    const QString file = test::writeFile(m_tmp.path(), QStringLiteral("skip.csv"), "SUBJECT;VISIT_NO;VISIT_DATE\n1;2;3\n");
    const core::MappingDocument doc = parse(R"({"format": "trialbridge.mapping/1", "name": "m",
        "source": {"kind": "csv", "delimiter": ";"}, "target": {"entity": "visit"},
        "fields": {"study_id": {"param": "study_id"}, "visit_code": {"from": "VISIT_NO"}}})");
    core::SourceSchemaModel source;
    QString error;
    QVERIFY2(source.load(file, doc, &error), qPrintable(error));
    core::TargetSchemaModel target;
    QVERIFY(target.setEntity(core::CtmsSchema::builtIn(), QStringLiteral("visit")));
    core::MappingModel mapping;
    mapping.setDocument(doc);
    // study_id (a parameter) and visit_code (a link) are filled: only the others are proposed.
    QCOMPARE(pairs(AutoMapper().propose(source, target, mapping)),
             (QStringList{"VISIT_DATE -> visit_date", "SUBJECT -> subject_id"}));
}

void TestAutoMapper::thresholdDropsWeakProposals()
{
    const QVector<core::AutoMapColumn> columns{{"VISITDAT", {}, {}}, {"USUBJID", {}, {}}};
    const QVector<core::AutoMapField> fields{{"visit_date", "Visit date"}, {"subject_id", "Subject identifier"}};
    QCOMPARE(pairs(AutoMapper(0.7).propose(columns, QStringLiteral("visit"), fields)),
             (QStringList{"USUBJID -> subject_id", "VISITDAT -> visit_date"}));
    QCOMPARE(pairs(AutoMapper(0.9).propose(columns, QStringLiteral("visit"), fields)),
             (QStringList{"USUBJID -> subject_id"}));
    AutoMapper strict;
    strict.setThreshold(0.99);
    QVERIFY(strict.propose(columns, QStringLiteral("visit"), fields).isEmpty());
}

void TestAutoMapper::nothingForUnrelatedColumns()
{
    // Columns of another domain, and columns that only share a letter pair with a field: no proposal.
    const QVector<core::AutoMapColumn> columns{{"DOMAIN", {}, {}}, {"AGE", {}, {}}, {"RACE", {}, {}},
                                               {"ARMCD", {}, {}}, {"VISITDY", "Planned Study Day of Visit", {}},
                                               {"LBORRES", "Result or Finding in Original Units", {}}, {"", {}, {}}};
    const core::EntityDef* e = core::CtmsSchema::builtIn()->entity(QStringLiteral("subject"));
    QVector<core::AutoMapField> fields;
    for (const core::FieldDef& f : e->fields)
        fields << core::AutoMapField{f.name, f.label};
    QCOMPARE(pairs(AutoMapper().propose(columns, QStringLiteral("subject"), fields)), QStringList{});
    QVERIFY(AutoMapper().propose({}, QStringLiteral("subject"), fields).isEmpty());
    QVERIFY(AutoMapper().propose(columns, QStringLiteral("subject"), {}).isEmpty());
}

QTEST_MAIN(TestAutoMapper)
#include "tst_automapper.moc"
