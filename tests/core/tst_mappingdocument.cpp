#include "mapping/MappingDocument.h"
#include "mapping/MappingPlan.h"
#include "model/CtmsSchema.h"
#include "model/ReferenceData.h"
#include "study/StudyConfig.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb::core;

namespace {

const QStringList kVisitHeader{"SUBJECT", "VISIT_NO", "VISIT_NAME", "VISIT_DATE", "VISIT_STATUS"};

// Study S1's sites, answered from memory.
class FakeReference final : public ReferenceData
{
public:
    bool siteExists(const QString& study, const QString& site) override
    {
        return !siteTimeZone(study, site).isEmpty();
    }
    QString siteTimeZone(const QString& study, const QString& site) override
    {
        return study == QLatin1String("S1") && site == QLatin1String("DE01") ? QStringLiteral("Europe/Berlin")
                                                                             : QString();
    }
    std::optional<VisitWindow> visitWindow(const QString&, const QString&) override { return std::nullopt; }
    std::optional<QString> lookup(const QString& entity, const QString& match, const QString& value,
                                  const QString& ret, const QString& study) override
    {
        if (entity == QLatin1String("site") && match == QLatin1String("site_number") &&
            ret == QLatin1String("site_id") && study == QLatin1String("S1") && value == QLatin1String("101"))
            return QStringLiteral("DE01");
        return std::nullopt;
    }
};

QByteArray resource(const QString& name)
{
    QFile f(QStringLiteral(":/demo/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing resource %s", qPrintable(name));
    return f.readAll();
}

QJsonObject object(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}

// A small visit mapping; extra is spliced into the top-level object.
QByteArray visitMapping(const QByteArray& fields, const QByteArray& extra = {})
{
    return R"({"format": "trialbridge.mapping/1", "name": "v", "target": {"entity": "visit"}, "fields": )" +
           fields + (extra.isEmpty() ? QByteArray() : ", " + extra) + "}";
}

const QByteArray kVisitFields = R"({"study_id": {"param": "study_id"}, "subject_id": {"from": "SUBJECT"},
    "visit_code": {"from": "VISIT_NO"}, "visit_date": {"from": "VISIT_DATE"}})";

} // namespace

class TestMappingDocument : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void demoRoundTrip_data();
    void demoRoundTrip();
    void demoContents();
    void everyFeatureRoundTrip();
    void numericConstant();
    void errors_data();
    void errors();
    void saveAndLoad();

    void planErrors_data();
    void planErrors();
    void planAcceptsCombinedColumnsAndMerge();
    void planMapsRow();
    void planReportsFailingFields();
    void planMergeAssignsMappedFields();
    void planFilter();
    void planModifiedAt();

private:
    std::unique_ptr<MappingPlan> compile(const MappingDocument& doc, const QStringList& header,
                                         bool withStudy = true)
    {
        QString error;
        auto plan =
            MappingPlan::compile(doc, QStringLiteral("visits.mapping.json"), CtmsSchema::builtIn(), header,
                                 QStringLiteral("visits.csv"), withStudy ? m_study.get() : nullptr, &error);
        if (!plan)
            qWarning("%s", qPrintable(error));
        return plan;
    }

    std::shared_ptr<StudyConfig> m_study;
    FakeReference m_reference;
    QTemporaryDir m_dir;
};

void TestMappingDocument::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_study = StudyConfig::fromJson(
        R"({"format": "trialbridge.study/1", "study_id": "S1", "parameters": {"arm": "A"}})",
        QStringLiteral("s1.study.json"), CtmsSchema::builtIn(), &error);
    QVERIFY2(m_study, qPrintable(error));
}

void TestMappingDocument::demoRoundTrip_data()
{
    QTest::addColumn<QString>("file");
    for (const char* f : {"subjects.mapping.json", "visits.mapping.json", "adverse_events.mapping.json"})
        QTest::newRow(f) << QString::fromLatin1(f);
}

void TestMappingDocument::demoRoundTrip()
{
    QFETCH(QString, file);
    const QByteArray original = resource(file);
    MappingDocument doc;
    QString error;
    QVERIFY2(MappingDocument::fromJson(original, file, &doc, &error), qPrintable(error));
    // Nothing lost, nothing added.
    QCOMPARE(doc.toJson(), object(original));

    const QByteArray bytes = doc.toJsonBytes();
    MappingDocument again;
    QVERIFY2(MappingDocument::fromJson(bytes, file, &again, &error), qPrintable(error));
    QVERIFY(again == doc);
    QCOMPARE(again.fields, doc.fields);
    QCOMPARE(again.modifiedAt, doc.modifiedAt);
    QCOMPARE(again.toJsonBytes(), bytes); // stable: saving again changes no byte
    // Keys in a stable (sorted) order, so that revisions diff well.
    QVERIFY(bytes.indexOf("\"fields\"") < bytes.indexOf("\"format\""));
    QVERIFY(bytes.indexOf("\"format\"") < bytes.indexOf("\"name\""));
    QVERIFY(bytes.indexOf("\"name\"") < bytes.indexOf("\"target\""));
}

void TestMappingDocument::demoContents()
{
    MappingDocument doc;
    QString error;
    QVERIFY2(MappingDocument::fromJson(resource(QStringLiteral("visits.mapping.json")),
                                       QStringLiteral("visits.mapping.json"), &doc, &error),
             qPrintable(error));
    QCOMPARE(doc.name, QStringLiteral("demo-edc-visits"));
    QCOMPARE(doc.revision, 1);
    QCOMPARE(doc.targetEntity, QStringLiteral("visit"));
    QCOMPARE(doc.mode, MappingDocument::Mode::Upsert);
    QCOMPARE(doc.duplicates, MappingDocument::Duplicates::Reject);
    QCOMPARE(doc.dialect.delimiter, ';');
    QCOMPARE(doc.fields.size(), 6);
    const FieldRule* date = doc.field(QStringLiteral("visit_date"));
    QVERIFY(date);
    QCOMPARE(date->from, QStringList{"VISIT_DATE"});
    QCOMPARE(date->transforms.size(), 1);
    QCOMPARE(date->transforms[0].name, QStringLiteral("date"));
    QCOMPARE(date->transforms[0].params.toObject().value("zone").toString(), QStringLiteral("site"));
    const FieldRule* study = doc.field(QStringLiteral("study_id"));
    QVERIFY(study);
    QCOMPARE(study->param, QStringLiteral("study_id"));
    QVERIFY(study->constValue.isNull());
    QVERIFY(study->from.isEmpty());
    const FieldRule* code = doc.field(QStringLiteral("visit_code"));
    QVERIFY(code);
    QCOMPARE(code->transforms[1],
             (TransformSpec{QStringLiteral("format"), QJsonValue(QStringLiteral("V{0}"))}));
    QVERIFY(!doc.field(QStringLiteral("visit_day")));
    QVERIFY(doc.modifiedAt.target.isEmpty());
}

void TestMappingDocument::everyFeatureRoundTrip()
{
    const QByteArray json = R"({
        "format": "trialbridge.mapping/1", "name": "ae-merge", "revision": 7, "description": "merge outcomes",
        "source": {"kind": "csv", "delimiter": "|", "encoding": "windows-1252", "nulls": ["", "NA"]},
        "target": {"entity": "adverse_event", "mode": "merge", "duplicates": "identical"},
        "filter": [{"column": "FORM", "in": ["AE", "SAE"]}, {"column": "STATUS", "notIn": ["DELETED"]}],
        "fields": {
            "study_id": {"const": "S1"},
            "subject_id": {"from": ["SITE", "SUBJ"], "transforms": [{"format": {"pattern": "{0}-{1}"}}]},
            "ae_id": {"from": "AENO", "transforms": [{"trim": {}}, {"replace": {"regex": "^0+", "with": ""}}]},
            "outcome": {"from": "OUT", "transforms": [{"valueMap": {"map": {"R": "RECOVERED/RESOLVED"}, "unmapped": "pass"}}]},
            "relationship": {"const": ""}
        },
        "modifiedAt": {"from": "CHANGED", "transforms": [{"date": {"format": "dd.MM.yyyy HH:mm", "zone": "Europe/Berlin"}}]}
    })";
    MappingDocument doc;
    QString error;
    QVERIFY2(MappingDocument::fromJson(json, QStringLiteral("ae.mapping.json"), &doc, &error),
             qPrintable(error));
    QCOMPARE(doc.revision, 7);
    QCOMPARE(doc.mode, MappingDocument::Mode::Merge);
    QCOMPARE(doc.duplicates, MappingDocument::Duplicates::Identical);
    QCOMPARE(doc.dialect.delimiter, '|');
    QCOMPARE(doc.dialect.encoding, TextEncoding::Windows1252);
    QCOMPARE(doc.filters.size(), 2);
    QCOMPARE(doc.filters[0], (RowFilter{QStringLiteral("FORM"), {"AE", "SAE"}, false}));
    QCOMPARE(doc.filters[1], (RowFilter{QStringLiteral("STATUS"), {"DELETED"}, true}));
    QCOMPARE(doc.field(QStringLiteral("subject_id"))->from, (QStringList{"SITE", "SUBJ"}));
    QCOMPARE(doc.field(QStringLiteral("study_id"))->constValue, QStringLiteral("S1"));
    // An empty constant is a value, not "no constant".
    QVERIFY(!doc.field(QStringLiteral("relationship"))->constValue.isNull());
    QCOMPARE(doc.modifiedAt.target, QStringLiteral("_modified"));
    QCOMPARE(doc.modifiedAt.from, QStringList{"CHANGED"});

    QCOMPARE(doc.toJson(), object(json));
    MappingDocument again;
    QVERIFY2(MappingDocument::fromJson(doc.toJsonBytes(), QStringLiteral("ae.mapping.json"), &again, &error),
             qPrintable(error));
    QVERIFY(again == doc);
    QCOMPARE(again.toJsonBytes(), doc.toJsonBytes());

    // Any change is visible to ==.
    again.field(QStringLiteral("ae_id"))->transforms.removeLast();
    QVERIFY(!(again == doc));
}

// A number constant is kept as canonical text and written back as a string.
void TestMappingDocument::numericConstant()
{
    MappingDocument doc;
    QString error;
    const QByteArray json = visitMapping(R"({"study_id": {"const": 5}, "visit_name": {"const": 2.5}})");
    QVERIFY2(MappingDocument::fromJson(json, QStringLiteral("v.json"), &doc, &error), qPrintable(error));
    QCOMPARE(doc.field(QStringLiteral("study_id"))->constValue, QStringLiteral("5"));
    QCOMPARE(doc.field(QStringLiteral("visit_name"))->constValue, QStringLiteral("2.5"));
    QCOMPARE(doc.toJson().value("fields").toObject().value("study_id").toObject().value("const"),
             QJsonValue("5"));
}

void TestMappingDocument::errors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message"); // after "bad.mapping.json: "

    const QByteArray head =
        R"("format": "trialbridge.mapping/1", "name": "m", "target": {"entity": "visit"})";
    auto doc = [&](const QByteArray& rest) { return "{" + head + ", " + rest + "}"; };
    auto fields = [&](const QByteArray& f) { return doc(R"("fields": )" + f); };

    QTest::newRow("not JSON") << QByteArray("{\"format\": ") << "invalid JSON at offset";
    QTest::newRow("not an object") << QByteArray("[]") << "a mapping document must be a JSON object";
    QTest::newRow("no format") << QByteArray(R"({"name": "m"})")
                               << "format: expected \"trialbridge.mapping/1\"";
    QTest::newRow("other format") << QByteArray(R"({"format": "trialbridge.mapping/2", "name": "m"})")
                                  << "format: expected";
    QTest::newRow("no name") << QByteArray(
                                    R"({"format": "trialbridge.mapping/1", "fields": {"a": {"from": "A"}}})")
                             << "name: required";
    QTest::newRow("revision 0") << fields(R"({"a": {"from": "A"}}, "revision": 0)")
                                << "revision: must be a whole number from 1";
    QTest::newRow("revision 1.5") << fields(R"({"a": {"from": "A"}}, "revision": 1.5)") << "revision:";
    QTest::newRow("revision text") << fields(R"({"a": {"from": "A"}}, "revision": "2")") << "revision:";
    QTest::newRow("source kind") << fields(R"({"a": {"from": "A"}}, "source": {"kind": "xml"})")
                                 << "source.kind: \"xml\" is not supported";
    QTest::newRow("source delimiter") << fields(R"({"a": {"from": "A"}}, "source": {"delimiter": "x"})")
                                      << "source.\"delimiter\": unsupported value \"x\"";
    QTest::newRow("source encoding") << fields(R"({"a": {"from": "A"}}, "source": {"encoding": "latin9"})")
                                     << "source.\"encoding\"";
    QTest::newRow("no target entity")
        << QByteArray(R"({"format": "trialbridge.mapping/1", "name": "m", "fields": {"a": {"from": "A"}}})")
        << "target.entity: required";
    QTest::newRow("bad target mode")
        << QByteArray(
               R"({"format": "trialbridge.mapping/1", "name": "m", "target": {"entity": "visit", "mode": "replace"}, "fields": {"a": {"from": "A"}}})")
        << "target.mode: must be \"upsert\" or \"merge\"";
    QTest::newRow("bad duplicates")
        << QByteArray(
               R"({"format": "trialbridge.mapping/1", "name": "m", "target": {"entity": "visit", "duplicates": "keep"}, "fields": {"a": {"from": "A"}}})")
        << "target.duplicates: must be \"reject\" or \"identical\"";
    QTest::newRow("filter without column") << fields(R"({"a": {"from": "A"}}, "filter": [{"in": ["X"]}])")
                                           << "filter[0]: needs \"column\" and \"in\" or \"notIn\"";
    QTest::newRow("filter in is not a list")
        << fields(
               R"({"a": {"from": "A"}}, "filter": [{"column": "A", "in": ["X"]}, {"column": "B", "in": "X"}])")
        << "filter[1]: needs";
    QTest::newRow("filter without values")
        << fields(R"({"a": {"from": "A"}}, "filter": [{"column": "A"}])") << "filter[0]:";
    QTest::newRow("no fields") << doc(R"("description": "x")") << "fields: required";
    QTest::newRow("empty fields") << fields("{}") << "fields: required";
    QTest::newRow("rule is not an object")
        << fields(R"({"site_id": "SITE"})") << "fields.site_id: must be an object";
    QTest::newRow("unknown rule key")
        << fields(R"({"subject_id": {"form": "SUBJECT"}})") << "fields.subject_id: unknown key \"form\"";
    QTest::newRow("from and const")
        << fields(R"({"study_id": {"from": "STUDY", "const": "S1"}})")
        << "fields.study_id: give exactly one of \"from\", \"const\" and \"param\"";
    QTest::newRow("const and param") << fields(R"({"study_id": {"param": "study_id", "const": "S1"}})")
                                     << "fields.study_id: give exactly one";
    QTest::newRow("no source") << fields(R"({"study_id": {"transforms": []}})")
                               << "fields.study_id: give exactly one";
    QTest::newRow("from is a number")
        << fields(R"({"subject_id": {"from": 3}})") << "fields.subject_id.from: must be a column name";
    QTest::newRow("from list with a number") << fields(R"({"subject_id": {"from": ["A", 3]}})")
                                             << "fields.subject_id.from: column names must be strings";
    QTest::newRow("const is a boolean") << fields(R"({"study_id": {"const": true}})")
                                        << "fields.study_id.const: must be a string or a number";
    QTest::newRow("transforms not a list")
        << fields(R"({"subject_id": {"from": "S", "transforms": {"trim": {}}}})")
        << "fields.subject_id.transforms: must be a list";
    QTest::newRow("unknown transform")
        << fields(R"({"subject_id": {"from": "S", "transforms": [{"trim": {}}, {"uppper": {}}]}})")
        << "fields.subject_id.transforms[1]: unknown transform 'uppper'";
    QTest::newRow("transform with two keys")
        << fields(R"({"subject_id": {"from": "S", "transforms": [{"trim": {}, "upper": {}}]}})")
        << "fields.subject_id.transforms[0]: a transform is an object with one key";
    QTest::newRow("transform not an object")
        << fields(R"({"subject_id": {"from": "S", "transforms": ["trim"]}})")
        << "fields.subject_id.transforms[0]: a transform is an object";
    QTest::newRow("bad transform parameters")
        << fields(
               R"({"visit_date": {"from": "D", "transforms": [{"trim": {}}, {"date": {"zone": "Mars/Base"}}]}})")
        << "fields.visit_date.transforms[1]: date: zone 'Mars/Base'";
    QTest::newRow("bad modifiedAt")
        << fields(R"({"a": {"from": "A"}}, "modifiedAt": {"from": "M", "const": "x"})")
        << "modifiedAt: give exactly one";
    QTest::newRow("bad modifiedAt transform")
        << fields(
               R"({"a": {"from": "A"}}, "modifiedAt": {"from": "M", "transforms": [{"date": {"format": "dd.MM"}}]})")
        << "modifiedAt.transforms[0]: date: format \"dd.MM\" has no year";
}

void TestMappingDocument::errors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    MappingDocument doc;
    doc.name = QStringLiteral("untouched");
    QString error;
    QVERIFY(!MappingDocument::fromJson(json, QStringLiteral("bad.mapping.json"), &doc, &error));
    QVERIFY2(error.startsWith(QStringLiteral("bad.mapping.json: ")), qPrintable(error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QCOMPARE(doc.name, QStringLiteral("untouched")); // a failed parse leaves the output alone
}

void TestMappingDocument::saveAndLoad()
{
    MappingDocument doc;
    QString error;
    QVERIFY2(MappingDocument::fromJson(resource(QStringLiteral("adverse_events.mapping.json")),
                                       QStringLiteral("ae"), &doc, &error),
             qPrintable(error));
    const QString path = m_dir.filePath(QStringLiteral("ae.mapping.json"));
    QVERIFY2(doc.save(path, &error), qPrintable(error));
    MappingDocument loaded;
    QVERIFY2(MappingDocument::load(path, &loaded, &error), qPrintable(error));
    QVERIFY(loaded == doc);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), doc.toJsonBytes());

    const QString missing = m_dir.filePath(QStringLiteral("missing.mapping.json"));
    QVERIFY(!MappingDocument::load(missing, &loaded, &error));
    QVERIFY2(error.startsWith(missing + QStringLiteral(": cannot open")), qPrintable(error));
    QVERIFY(!doc.save(m_dir.filePath(QStringLiteral("no/such/folder/x.json")), &error));
    QVERIFY2(error.contains(QStringLiteral("no/such/folder/x.json: cannot write")), qPrintable(error));
}

void TestMappingDocument::planErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<bool>("withStudy");
    QTest::addColumn<QString>("message"); // after "visits.mapping.json: "

    QStringList noDate = kVisitHeader;
    noDate.removeAll(QStringLiteral("VISIT_DATE"));
    QTest::newRow("column missing")
        << visitMapping(kVisitFields) << noDate << true
        << "fields.visit_date reads column 'VISIT_DATE', which visits.csv does not have "
           "(columns: SUBJECT, VISIT_NO, VISIT_NAME, VISIT_STATUS)";
    QTest::newRow("key field not mapped")
        << visitMapping(R"({"study_id": {"param": "study_id"}, "subject_id": {"from": "SUBJECT"}})")
        << kVisitHeader << true << "the key field 'visit_code' of visit is not mapped";
    QTest::newRow("required field not mapped")
        << QByteArray(
               R"({"format": "trialbridge.mapping/1", "name": "ae", "target": {"entity": "adverse_event"},
            "fields": {"study_id": {"param": "study_id"}, "subject_id": {"from": "SUBJECT"}, "ae_id": {"from": "VISIT_NO"},
                       "start_date": {"from": "VISIT_DATE"}}})")
        << kVisitHeader << true
        << "the required field 'term' of adverse_event is not mapped: map a column or give it a constant";
    QTest::newRow("two columns, no combining transform")
        << visitMapping(R"({"study_id": {"param": "study_id"}, "subject_id": {"from": "SUBJECT"},
            "visit_code": {"from": "VISIT_NO"}, "visit_name": {"from": ["VISIT_NAME", "VISIT_NO"], "transforms": [{"trim": {}}]}})")
        << kVisitHeader << true
        << "fields.visit_name reads 2 columns: add a concat, format or coalesce transform to make one value";
    QTest::newRow("unknown study parameter")
        << visitMapping(
               R"({"study_id": {"param": "protocol_id"}, "subject_id": {"from": "SUBJECT"}, "visit_code": {"from": "VISIT_NO"}})")
        << kVisitHeader << true
        << "fields.study_id reads study parameter 'protocol_id', which the study document does not define";
    QTest::newRow("parameter without a study") << visitMapping(kVisitFields) << kVisitHeader << false
                                               << "fields.study_id reads study parameter 'study_id'";
    QTest::newRow("unknown entity")
        << QByteArray(
               R"({"format": "trialbridge.mapping/1", "name": "v", "target": {"entity": "visits"}, "fields": {"a": {"from": "A"}}})")
        << kVisitHeader << true
        << "target.entity: 'visits' is not a CTMS entity (entities: study, country, site";
    QTest::newRow("unknown field")
        << visitMapping(R"({"study_id": {"param": "study_id"}, "visit_day": {"from": "VISIT_NO"}})")
        << kVisitHeader << true
        << "fields.visit_day: visit has no field 'visit_day' (fields: study_id, subject_id, visit_code";
    QTest::newRow("filter column missing")
        << visitMapping(kVisitFields, R"("filter": [{"column": "FORM", "in": ["V"]}])") << kVisitHeader
        << true << "filter: column 'FORM' is not in visits.csv (columns: SUBJECT, VISIT_NO";
    QTest::newRow("modifiedAt column missing")
        << visitMapping(kVisitFields, R"("modifiedAt": {"from": "LAST_MODIFIED"})") << kVisitHeader << true
        << "modifiedAt reads column 'LAST_MODIFIED', which visits.csv does not have";
}

void TestMappingDocument::planErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, header);
    QFETCH(bool, withStudy);
    QFETCH(QString, message);

    MappingDocument doc;
    QString error;
    QVERIFY2(MappingDocument::fromJson(json, QStringLiteral("m.json"), &doc, &error), qPrintable(error));
    const auto plan =
        MappingPlan::compile(doc, QStringLiteral("visits.mapping.json"), CtmsSchema::builtIn(), header,
                             QStringLiteral("visits.csv"), withStudy ? m_study.get() : nullptr, &error);
    QVERIFY(!plan);
    QVERIFY2(error.startsWith(QStringLiteral("visits.mapping.json: ")), qPrintable(error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

// The counterparts of two plan errors: a combining transform, and merge mode, make them valid.
void TestMappingDocument::planAcceptsCombinedColumnsAndMerge()
{
    MappingDocument doc;
    QString error;
    const QByteArray combined =
        visitMapping(R"({"study_id": {"param": "study_id"}, "subject_id": {"from": "SUBJECT"},
        "visit_code": {"from": "VISIT_NO"}, "visit_name": {"from": ["VISIT_NAME", "VISIT_NO"],
        "transforms": [{"trim": {}}, {"concat": {"separator": " #"}}]}})");
    QVERIFY2(MappingDocument::fromJson(combined, QStringLiteral("m.json"), &doc, &error), qPrintable(error));
    const auto plan = compile(doc, kVisitHeader);
    QVERIFY(plan);
    TransformContext ctx;
    Record rec;
    QVector<ValidationIssue> issues;
    QVERIFY(plan->map({"1001", "3", " Week 3 ", "", "DONE"}, 2, ctx, rec, issues));
    QCOMPARE(rec.value(QStringLiteral("visit_name")), QStringLiteral("Week 3 #3"));
    QCOMPARE(plan->sourceColumns(QStringLiteral("visit_name")), QStringLiteral("VISIT_NAME+VISIT_NO"));

    const QByteArray merge = R"({"format": "trialbridge.mapping/1", "name": "ae",
        "target": {"entity": "adverse_event", "mode": "merge"},
        "fields": {"study_id": {"param": "study_id"}, "subject_id": {"from": "SUBJECT"}, "ae_id": {"from": "VISIT_NO"}}})";
    QVERIFY2(MappingDocument::fromJson(merge, QStringLiteral("m.json"), &doc, &error), qPrintable(error));
    QVERIFY(compile(doc, kVisitHeader));
}

void TestMappingDocument::planMapsRow()
{
    MappingDocument doc;
    QString error;
    QVERIFY2(MappingDocument::fromJson(resource(QStringLiteral("visits.mapping.json")),
                                       QStringLiteral("visits.mapping.json"), &doc, &error),
             qPrintable(error));
    const auto plan = compile(doc, kVisitHeader);
    QVERIFY(plan);
    QCOMPARE(plan->entity().name, QStringLiteral("visit"));
    QCOMPARE(plan->unitEntity().name, QStringLiteral("subject"));
    QCOMPARE(plan->sourceColumns(QStringLiteral("visit_date")), QStringLiteral("VISIT_DATE"));

    // The visit has no site: site time comes from its subject, the unit's root.
    Record subject(CtmsSchema::builtIn()->entity(QStringLiteral("subject")));
    subject.setValue(QStringLiteral("site_id"), QStringLiteral("DE01"));
    TransformContext ctx;
    ctx.study = m_study.get();
    ctx.reference = &m_reference;
    ctx.unitRoot = &subject;

    const std::vector<QString> row{" s1001 ", "2,0", "Week 2", "15.03.2024 09:30", " DONE "};
    Values key;
    QVERIFY(plan->unitKey(row, ctx, &key));
    QCOMPARE(QStringList(key.begin(), key.end()), (QStringList{"S1", "S1001"}));
    Record rec;
    QVector<ValidationIssue> issues;
    QVERIFY(plan->map(row, 3, ctx, rec, issues));
    QVERIFY(issues.isEmpty());
    QVERIFY(!ctx.record); // cleared after the row
    QCOMPARE(rec.entity, &plan->entity());
    QCOMPARE(rec.values,
             (std::vector<QString>{"S1", "S1001", "V2", "Week 2", "2024-03-15T08:30Z", "COMPLETED"}));
    QCOMPARE(rec.source.toString(), QStringLiteral("visits.csv:3"));
    QCOMPARE(rec.sourceFields, row);
    QCOMPARE(
        rec.sourceRecordJson(),
        QStringLiteral(
            R"({"SUBJECT":" s1001 ","VISIT_NO":"2,0","VISIT_NAME":"Week 2","VISIT_DATE":"15.03.2024 09:30","VISIT_STATUS":" DONE "})"));
    QVERIFY(plan->unitKey(rec, &key));
    QCOMPARE(QStringList(key.begin(), key.end()), (QStringList{"S1", "S1001"}));
    for (int i = 0; i < rec.entity->fields.size(); ++i)
        QVERIFY(rec.isAssigned(i));

    // A missing (null) source value stays null.
    QVERIFY(plan->map({"1002", "3", QString(), QString(), "PLANNED"}, 4, ctx, rec, issues));
    QVERIFY(rec.value(QStringLiteral("visit_name")).isNull());
    QVERIFY(rec.value(QStringLiteral("visit_date")).isNull());
    QCOMPARE(rec.value(QStringLiteral("status")), QStringLiteral("SCHEDULED"));
}

void TestMappingDocument::planReportsFailingFields()
{
    MappingDocument doc;
    QString error;
    QVERIFY2(MappingDocument::fromJson(resource(QStringLiteral("visits.mapping.json")),
                                       QStringLiteral("visits.mapping.json"), &doc, &error),
             qPrintable(error));
    const auto plan = compile(doc, kVisitHeader);
    QVERIFY(plan);
    Record subject(CtmsSchema::builtIn()->entity(QStringLiteral("subject")));
    subject.setValue(QStringLiteral("site_id"), QStringLiteral("DE01"));
    TransformContext ctx;
    ctx.study = m_study.get();
    ctx.reference = &m_reference;
    ctx.unitRoot = &subject;

    Record rec;
    QVector<ValidationIssue> issues;
    QVERIFY(!plan->map({"1001", "2", "Week 2", "31.04.2024 09:30", "FINISHED"}, 7, ctx, rec, issues));
    QCOMPARE(issues.size(), 2);
    // Failing fields stay null; the others are mapped.
    QVERIFY(rec.value(QStringLiteral("visit_date")).isNull());
    QVERIFY(rec.value(QStringLiteral("status")).isNull());
    QCOMPARE(rec.value(QStringLiteral("visit_code")), QStringLiteral("V2"));

    const ValidationIssue& date = issues[0];
    QCOMPARE(date.entity, QStringLiteral("visit"));
    const QString key = QStringLiteral(R"({"study_id":"S1","subject_id":"1001","visit_code":"V2"})");
    QCOMPARE(date.naturalKey, key);
    QCOMPARE(date.field, QStringLiteral("visit_date"));
    QCOMPARE(date.rule, QStringLiteral("date"));
    QCOMPARE(date.value, QStringLiteral("31.04.2024 09:30"));
    QCOMPARE(date.source.file, QStringLiteral("visits.csv"));
    QCOMPARE(date.source.line, qint64(7));
    QCOMPARE(date.source.field, QStringLiteral("VISIT_DATE"));
    QVERIFY2(
        date.message.startsWith(QStringLiteral("Visit S1/1001/V2: '31.04.2024 09:30' is not a valid date")),
        qPrintable(date.message));

    const ValidationIssue& status = issues[1];
    QCOMPARE(status.field, QStringLiteral("status"));
    QCOMPARE(status.rule, QStringLiteral("value_map"));
    QCOMPARE(status.value, QStringLiteral("FINISHED"));
    QVERIFY2(status.toString().startsWith(
                 QStringLiteral("visits.csv:7 (VISIT_STATUS): [value_map] Visit S1/1001/V2: "
                                "'FINISHED' has no entry in the value map")),
             qPrintable(status.toString()));

    // Site time without a known site fails with its own rule.
    ctx.unitRoot = nullptr;
    issues.clear();
    QVERIFY(!plan->map({"1001", "2", "Week 2", "15.03.2024 09:30", "DONE"}, 8, ctx, rec, issues));
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues[0].rule, QStringLiteral("time_zone"));
    QCOMPARE(issues[0].source.toString(), QStringLiteral("visits.csv:8 (VISIT_DATE)"));
}

// A merge record sets only the fields its mapping maps.
void TestMappingDocument::planMergeAssignsMappedFields()
{
    MappingDocument doc;
    QString error;
    const QByteArray json =
        R"({"format": "trialbridge.mapping/1", "name": "v", "target": {"entity": "visit", "mode": "merge"},
        "fields": {"study_id": {"const": "S1"}, "subject_id": {"from": "SUBJECT"}, "visit_code": {"from": "VISIT_NO"},
                   "status": {"from": "VISIT_STATUS"}}})";
    QVERIFY2(MappingDocument::fromJson(json, QStringLiteral("m.json"), &doc, &error), qPrintable(error));
    QCOMPARE(doc.mode, MappingDocument::Mode::Merge);
    const auto plan = compile(doc, kVisitHeader);
    QVERIFY(plan);
    QVERIFY(plan->isMerge());
    TransformContext ctx;
    Record rec;
    QVector<ValidationIssue> issues;
    QVERIFY(plan->map({"1001", "V1", "x", "y", "MISSED"}, 2, ctx, rec, issues));
    QStringList assigned;
    for (int i = 0; i < rec.entity->fields.size(); ++i)
        if (rec.isAssigned(i))
            assigned << rec.entity->fields[i].name;
    QCOMPARE(assigned, (QStringList{"study_id", "subject_id", "visit_code", "status"}));
}

void TestMappingDocument::planFilter()
{
    MappingDocument doc;
    QString error;
    const QByteArray json =
        visitMapping(kVisitFields, R"("filter": [{"column": "VISIT_STATUS", "notIn": ["PLANNED", ""]},
        {"column": "VISIT_NAME", "in": ["Week 1", "Week 2"]}])");
    QVERIFY2(MappingDocument::fromJson(json, QStringLiteral("m.json"), &doc, &error), qPrintable(error));
    const auto plan = compile(doc, kVisitHeader);
    QVERIFY(plan);
    QVERIFY(plan->accepts({"1", "1", "Week 1", "", "DONE"}));
    QVERIFY(plan->accepts({"1", "1", "Week 2", "", "MISSED"}));
    QVERIFY(!plan->accepts({"1", "1", "Week 2", "", "PLANNED"}));
    QVERIFY(!plan->accepts({"1", "1", "Week 3", "", "DONE"}));
    QVERIFY(!plan->accepts({"1", "1", "Week 1", "", ""}));
}

void TestMappingDocument::planModifiedAt()
{
    MappingDocument doc;
    QString error;
    QVERIFY2(MappingDocument::fromJson(resource(QStringLiteral("subjects.mapping.json")),
                                       QStringLiteral("subjects.mapping.json"), &doc, &error),
             qPrintable(error));
    const QStringList header{"SUBJECT",         "SITE",   "SEX", "BIRTH_DATE",   "CONSENT_DATE",
                             "FIRST_DOSE_DATE", "STATUS", "ARM", "LAST_MODIFIED"};
    QString compileError;
    const auto plan =
        MappingPlan::compile(doc, QStringLiteral("subjects.mapping.json"), CtmsSchema::builtIn(), header,
                             QStringLiteral("subjects.csv"), m_study.get(), &compileError);
    QVERIFY2(plan, qPrintable(compileError));
    TransformContext ctx;
    ctx.study = m_study.get();
    ctx.reference = &m_reference;

    std::vector<QString> row{"1001",        " 101 ",      "female",
                             "UN-JUL-1980", "2024-03-01", "2024-03-04",
                             "Enrolled",    "Placebo",    "2024-03-05T10:15:00+01:00"};
    Record rec;
    QVector<ValidationIssue> issues;
    QVERIFY2(plan->map(row, 2, ctx, rec, issues), qPrintable(issues.value(0).toString()));
    QCOMPARE(rec.sourceModified, QStringLiteral("2024-03-05T09:15:00Z"));
    QCOMPARE(rec.value(QStringLiteral("site_id")), QStringLiteral("DE01")); // looked up by site number
    QCOMPARE(rec.value(QStringLiteral("birth_date")), QStringLiteral("1980-07"));
    QCOMPARE(rec.value(QStringLiteral("sex")), QStringLiteral("F"));

    // A modification time must be a UTC date-time, not a date.
    row[8] = QStringLiteral("2024-03-05");
    QVERIFY(!plan->map(row, 3, ctx, rec, issues));
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues[0].field, QStringLiteral("_modified"));
    QCOMPARE(issues[0].rule, QStringLiteral("modified_at"));
    QCOMPARE(issues[0].source.toString(), QStringLiteral("subjects.csv:3 (LAST_MODIFIED)"));
    QVERIFY2(issues[0].message.contains(QStringLiteral("'2024-03-05' is not a UTC date-time")),
             qPrintable(issues[0].message));
}

QTEST_GUILESS_MAIN(TestMappingDocument)
#include "tst_mappingdocument.moc"
