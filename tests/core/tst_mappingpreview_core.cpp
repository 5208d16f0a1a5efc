// core::MappingPreview on small hand-written workspaces: the values and issues of the first N records as a
// run would map and check them (site times from the subject's site in the study document, value maps, field
// and business rules, the filter, duplicates, a visit whose subject is missing), and every input it cannot
// preview named with file and place.

#include "TestSupport.h"
#include "mapping/MappingPreview.h"
#include "run/PipelineDocument.h"
#include "study/StudyConfig.h"
#include "study/StudyReferenceData.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace tb;
using core::MappingDocument;
using core::MappingPreview;

namespace {

const QByteArray StudyJson = R"({
  "format": "trialbridge.study/1", "study_id": "S1",
  "sites": [{"site_id": "BER", "site_number": "1", "name": "Berlin", "country_code": "DEU", "time_zone": "Europe/Berlin"},
            {"site_id": "NYC", "site_number": "2", "name": "New York", "country_code": "USA", "time_zone": "America/New_York"}],
  "visitSchedule": [{"visit_code": "V1", "visit_name": "SCREENING", "planned_day": -14, "window_before": 14, "window_after": 13},
                    {"visit_code": "V2", "visit_name": "BASELINE", "planned_day": 1, "window_before": 0, "window_after": 0}]
})";

const QByteArray SubjectsMapping = R"({
  "format": "trialbridge.mapping/1", "name": "subjects", "revision": 1,
  "source": {"kind": "csv", "delimiter": ",", "nulls": [""]},
  "target": {"entity": "subject"},
  "fields": {"study_id": {"param": "study_id"}, "subject_id": {"from": "SUBJECT"},
             "site_id": {"from": "SITE", "transforms": [{"lookup": {"entity": "site", "match": "site_number", "return": "site_id"}}]},
             "reference_start_date": {"from": "FIRST_DOSE"}}
})";

const QByteArray VisitsMapping = R"({
  "format": "trialbridge.mapping/1", "name": "visits", "revision": 1,
  "source": {"kind": "csv", "delimiter": ";", "nulls": [""]},
  "target": {"entity": "visit"},
  "filter": [{"column": "KIND", "in": ["SCHEDULED"]}],
  "fields": {"study_id": {"param": "study_id"}, "subject_id": {"from": "SUBJECT"},
             "visit_code": {"from": "VISIT"},
             "visit_date": {"from": "DATE", "transforms": [{"date": {"format": "dd.MM.yyyy HH:mm", "zone": "site"}}]},
             "status": {"from": "STATUS", "transforms": [{"valueMap": {"codelist": "visit_status", "map": {"DONE": "COMPLETED"}, "unmapped": "reject"}}]}}
})";

const QByteArray Subjects = "SUBJECT,SITE,FIRST_DOSE\n001,1,2024-02-15\n002,2,2024-03-01\n";

const QByteArray Visits =
    "SUBJECT;VISIT;DATE;STATUS;KIND\n"
    "001;V1;01.02.2024 10:00;DONE;SCHEDULED\n"   // line 2: Berlin, UTC+1
    "001;V9;02.02.2024 10:00;DONE;UNSCHEDULED\n" // line 3: filtered out
    "002;V1;15.02.2024 10:00;DONE?;SCHEDULED\n"  // line 4: New York, UTC-5; unmapped code
    "002;V2;20.04.2024 10:00;DONE;SCHEDULED\n"   // line 5: outside V2's window (day 1 only)
    "003;V1;01.02.2024 10:00;DONE;SCHEDULED\n"   // line 6: no such subject
    "001;V1;01.02.2024 10:00;DONE;SCHEDULED\n";  // line 7: the key of line 2 again

} // namespace

class TestMappingPreviewCore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cells_data();
    void cells();
    void recordIssuesAndRows();
    void limitCountsKeptRows();
    void rulesSetToWarnGiveWarnings();
    void withoutAStudyDocument();
    void contextFromThePipeline();
    void badInputsAreNamed_data();
    void badInputsAreNamed();

private:
    MappingPreview::Input input(const QByteArray& mapping = VisitsMapping) const;
    MappingPreview::Result m_result;
    QTemporaryDir m_dir;
};

void TestMappingPreviewCore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::writeFile(m_dir.path(), QStringLiteral("demo.study.json"), StudyJson);
    test::writeFile(m_dir.path(), QStringLiteral("subjects.mapping.json"), SubjectsMapping);
    test::writeFile(m_dir.path(), QStringLiteral("visits.mapping.json"), VisitsMapping);
    test::writeFile(m_dir.path(), QStringLiteral("edc/subjects.csv"), Subjects);
    test::writeFile(m_dir.path(), QStringLiteral("edc/visits.csv"), Visits);
    test::writeFile(m_dir.path(), QStringLiteral("demo.pipeline.json"), R"({
      "format": "trialbridge.pipeline/1", "name": "p", "study": "demo.study.json",
      "steps": [{"mapping": "subjects.mapping.json", "source": "edc/subjects.csv"},
                {"mapping": "visits.mapping.json", "source": "edc/visits.csv"}],
      "target": {"database": "ctms.db", "kind": "sqlite"}})");
    m_result = MappingPreview::run(input());
    QVERIFY2(m_result.error.isEmpty(), qPrintable(m_result.error));
}

MappingPreview::Input TestMappingPreviewCore::input(const QByteArray& mapping) const
{
    core::PipelineDocument pipeline;
    QString error;
    if (!core::PipelineDocument::load(m_dir.filePath(QStringLiteral("demo.pipeline.json")), &pipeline,
                                      &error))
        qFatal("%s", qPrintable(error));
    MappingPreview::Input in;
    in.mapping = test::parseMapping(mapping);
    in.mappingFile = m_dir.filePath(QStringLiteral("visits.mapping.json"));
    in.sample = m_dir.filePath(QStringLiteral("edc/visits.csv"));
    in.context = MappingPreview::contextFor(pipeline, in.mappingFile);
    return in;
}

void TestMappingPreviewCore::cells_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("rule"); // empty: no issue
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("source"); // the unmappable source value
    QTest::newRow("Berlin time") << 2 << "visit_date"
                                 << "2024-02-01T09:00Z"
                                 << ""
                                 << "" << QString();
    QTest::newRow("value map") << 2 << "status"
                               << "COMPLETED"
                               << ""
                               << "" << QString();
    QTest::newRow("study parameter") << 2 << "study_id"
                                     << "S1"
                                     << ""
                                     << "" << QString();
    QTest::newRow("New York time") << 4 << "visit_date"
                                   << "2024-02-15T15:00Z"
                                   << ""
                                   << "" << QString();
    QTest::newRow("unmapped code") << 4 << "status" << QString() << "value_map"
                                   << "DONE?"
                                   << "DONE?";
    QTest::newRow("out of window") << 5 << "visit_date"
                                   << "2024-04-20T14:00Z"
                                   << "visit_window"
                                   << "window" << QString();
    QTest::newRow("subject unknown") << 6 << "visit_date" << QString() << "time_zone"
                                     << "site is not known"
                                     << "01.02.2024 10:00";
}

void TestMappingPreviewCore::cells()
{
    QFETCH(int, line);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, rule);
    QFETCH(QString, message);
    QFETCH(QString, source);
    const int column = int(m_result.fields.indexOf(field));
    QVERIFY(column >= 0);
    const MappingPreview::Row* row = nullptr;
    for (const MappingPreview::Row& r : m_result.rows)
        if (r.source.line == line)
            row = &r;
    QVERIFY(row);
    QCOMPARE(row->source.file, QStringLiteral("visits.csv"));
    const MappingPreview::Cell& cell = row->cells[column];
    QCOMPARE(cell.value, value);
    QCOMPARE(cell.source, source);
    QCOMPARE(cell.hasIssue, !rule.isEmpty());
    QCOMPARE(cell.rule, rule);
    QVERIFY2(cell.message.contains(message), qPrintable(cell.message));
}

void TestMappingPreviewCore::recordIssuesAndRows()
{
    QCOMPARE(m_result.entity, QStringLiteral("visit"));
    QCOMPARE(m_result.fields, QStringList({"study_id", "subject_id", "visit_code", "visit_date", "status"}));
    QCOMPARE(m_result.labels.size(), m_result.fields.size());
    QList<qint64> lines;
    for (const MappingPreview::Row& r : m_result.rows)
        lines << r.source.line;
    QCOMPARE(lines, QList<qint64>({2, 4, 5, 6, 7})); // line 3 is filtered out
    QCOMPARE(m_result.rows[0].key, QStringLiteral("S1/001/V1"));
    QVERIFY(m_result.rows[0].recordIssues.isEmpty());
    QVERIFY(!m_result.rows[0].hasError());
    QCOMPARE(m_result.rows[3].recordIssues.size(), 1);
    QVERIFY2(m_result.rows[3].recordIssues[0].contains(QLatin1String("has no subject")),
             qPrintable(m_result.rows[3].recordIssues[0]));
    QCOMPARE(m_result.rows[4].recordIssues,
             QStringList{QStringLiteral("Visit S1/001/V1 appears twice: also at visits.csv:2")});
    QCOMPARE(m_result.invalidCells, 3);
    QCOMPARE(m_result.warningCells, 0);
    QVERIFY(m_result.notes.isEmpty());
}

void TestMappingPreviewCore::limitCountsKeptRows()
{
    MappingPreview::Input in = input();
    in.limit = 2;
    const MappingPreview::Result r = MappingPreview::run(in);
    QCOMPARE(r.rows.size(), 2);
    QCOMPARE(r.rows[1].source.line, 4);
}

void TestMappingPreviewCore::rulesSetToWarnGiveWarnings()
{
    QByteArray warn = StudyJson;
    warn.replace(R"("study_id": "S1",)", R"("study_id": "S1", "rules": {"visit_window": "warn"},)");
    QString error;
    MappingPreview::Input in = input();
    in.context.study = core::StudyConfig::fromJson(warn, QStringLiteral("warn.study.json"),
                                                   core::CtmsSchema::builtIn(), &error);
    QVERIFY2(in.context.study, qPrintable(error));
    const MappingPreview::Result r = MappingPreview::run(in);
    const MappingPreview::Cell& late = r.rows[2].cells[int(r.fields.indexOf(QStringLiteral("visit_date")))];
    QCOMPARE(r.rows[2].source.line, 5);
    QVERIFY(late.hasIssue);
    QCOMPARE(late.severity, core::ValidationIssue::Severity::Warning);
    QCOMPARE(late.rule, QStringLiteral("visit_window"));
    QCOMPARE(late.value, QStringLiteral("2024-04-20T14:00Z"));
    QVERIFY(!r.rows[2].hasError());
    QCOMPARE(r.invalidCells, 2);
    QCOMPARE(r.warningCells, 1);
}

void TestMappingPreviewCore::withoutAStudyDocument()
{
    // No study: the parameter cannot be resolved, as in a run.
    MappingPreview::Input in = input();
    in.context = {};
    MappingPreview::Result r = MappingPreview::run(in);
    QVERIFY2(r.error.contains(
                 QLatin1String("visits.mapping.json: fields.study_id reads study parameter 'study_id'")),
             qPrintable(r.error));
    QVERIFY(r.rows.isEmpty());
    // With a constant instead, the rows come, and the note says what is missing.
    QByteArray constant = VisitsMapping;
    constant.replace(R"({"param": "study_id"})", R"({"const": "S1"})");
    in = input(constant);
    in.context = {};
    r = MappingPreview::run(in);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.rows.size(), 5);
    QCOMPARE(r.notes.size(), 1);
    QVERIFY(r.notes[0].startsWith(QLatin1String("no study document")));
}

void TestMappingPreviewCore::contextFromThePipeline()
{
    const MappingPreview::Input in = input();
    QVERIFY(in.context.study);
    QCOMPARE(in.context.study->studyId(), QStringLiteral("S1"));
    QCOMPARE(in.context.roots.size(), 1);
    QCOMPARE(QFileInfo(in.context.roots[0].source).fileName(), QStringLiteral("subjects.csv"));
    // The root mapping has no roots of its own; a mapping no step uses gets nothing.
    core::PipelineDocument pipeline;
    QString error;
    QVERIFY(core::PipelineDocument::load(m_dir.filePath(QStringLiteral("demo.pipeline.json")), &pipeline,
                                         &error));
    const auto subjects =
        MappingPreview::contextFor(pipeline, m_dir.filePath(QStringLiteral("subjects.mapping.json")));
    QVERIFY(subjects.study);
    QVERIFY(subjects.roots.isEmpty());
    const auto none =
        MappingPreview::contextFor(pipeline, m_dir.filePath(QStringLiteral("other.mapping.json")));
    QVERIFY(!none.study);
    // The study document's records answer like the CTMS after a run loaded them.
    core::StudyReferenceData ref(in.context.study);
    QVERIFY(ref.siteExists(QStringLiteral("S1"), QStringLiteral("BER")));
    QVERIFY(!ref.siteExists(QStringLiteral("S2"), QStringLiteral("BER")));
    QCOMPARE(ref.siteTimeZone(QStringLiteral("S1"), QStringLiteral("NYC")),
             QStringLiteral("America/New_York"));
    QCOMPARE(ref.visitWindow(QStringLiteral("S1"), QStringLiteral("V1"))->plannedDay, -14);
    QVERIFY(!ref.visitWindow(QStringLiteral("S1"), QStringLiteral("V7")));
    QCOMPARE(*ref.lookup(QStringLiteral("site"), QStringLiteral("site_number"), QStringLiteral("2"),
                         QStringLiteral("site_id"), QStringLiteral("S1")),
             QStringLiteral("NYC"));
    QVERIFY(!ref.lookup(QStringLiteral("site"), QStringLiteral("site_number"), QStringLiteral("3"),
                        QStringLiteral("site_id"), QStringLiteral("S1")));
}

void TestMappingPreviewCore::badInputsAreNamed_data()
{
    QTest::addColumn<QByteArray>("mapping");
    QTest::addColumn<QString>("sample");   // file name in the test folder; empty: none
    QTest::addColumn<QByteArray>("bytes"); // its content; null: not written
    QTest::addColumn<QString>("error");
    QTest::newRow("unterminated quote")
        << VisitsMapping << "quote.csv"
        << QByteArray("SUBJECT;VISIT;DATE;STATUS;KIND\n001;V1;\"01.02.2024;DONE;SCHEDULED\n")
        << "quote.csv:2";
    QTest::newRow("too many fields")
        << VisitsMapping << "fields.csv"
        << QByteArray(
               "SUBJECT;VISIT;DATE;STATUS;KIND\n001;V1;x;DONE;SCHEDULED\n002;V1;x;DONE;SCHEDULED;extra\n")
        << "fields.csv:3";
    QTest::newRow("missing column")
        << VisitsMapping << "columns.csv" << QByteArray("SUBJECT;VISIT;STATUS;KIND\n")
        << "visits.mapping.json: fields.visit_date reads column 'DATE', which columns.csv does not have";
    QTest::newRow("no such file") << VisitsMapping << "missing.csv" << QByteArray() << "missing.csv";
    QTest::newRow("no sample") << VisitsMapping << "" << QByteArray() << "no sample file";
    QByteArray noKey = VisitsMapping;
    noKey.replace(R"("visit_code": {"from": "VISIT"},)", "");
    QTest::newRow("key field unmapped")
        << noKey << "visits.csv" << QByteArray()
        << "visits.mapping.json: the key field 'visit_code' of visit is not mapped";
    QByteArray rest = VisitsMapping;
    rest.replace(R"("kind": "csv", "delimiter": ";", "nulls": [""])", R"("kind": "redcap")");
    QTest::newRow("remote source") << rest << "visits.csv" << QByteArray()
                                   << "a redcap source has no sample file";
}

void TestMappingPreviewCore::badInputsAreNamed()
{
    QFETCH(QByteArray, mapping);
    QFETCH(QString, sample);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    MappingPreview::Input in = input(mapping);
    in.sample = sample.isEmpty()                        ? QString()
                : sample == QLatin1String("visits.csv") ? in.sample
                                                        : m_dir.filePath(sample);
    if (!bytes.isNull())
        test::writeFile(m_dir.path(), sample, bytes);
    const MappingPreview::Result r = MappingPreview::run(in);
    QVERIFY2(r.error.contains(error), qPrintable(r.error));
    QVERIFY(r.rows.isEmpty());
}

QTEST_GUILESS_MAIN(TestMappingPreviewCore)
#include "tst_mappingpreview_core.moc"
