// Hostile and broken input through trialbridge-cli: every file of tests/data/bad (listed with what it checks
// in its README.md) replaces one file of a loaded demo workspace, and the run must end with the expected
// exit code, an error naming the file and the place (line:column, or the JSON path), and nothing written
// to the CTMS (for documents: no run started). Huge inputs are generated here instead of committed.
// SQL-looking values in every field of the demo's sources are stored as plain text.

#include "ReliabilitySupport.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb::test;

namespace {

// What a case leaves in the target's run table.
enum class Run {
    None,    // no run started: the documents or the source's header were refused before
    Failed,  // a run recorded as failed: structural errors found before anything was written
    Finished // a run that finished (with or without rejects)
};

struct Case
{
    const char* file; // in tests/data/bad, or generated/... (made by the test)
    int exitCode;
    const char* place; // regular expression the output must match: file name and place; "" = no error
    Run run;
};

// The engine's path policy (PipelineDocument): relative paths may not climb out of the workspace folder,
// neither lexically nor through a symbolic link; absolute paths are explicit and allowed.
// clang-format off
const Case kCases[] = {
    // CSV structure and encoding: refused before anything is written, with file:line:column (field).
    {"csv/visits-unbalanced-quote.csv", 1, R"(visits\.csv:4:25 \(VISIT_NAME\): unterminated quoted field)", Run::Failed},
    {"csv/visits-text-after-closing-quote.csv", 1, R"(visits\.csv:4:33 \(VISIT_NAME\): unexpected character after a closing quote)", Run::Failed},
    {"csv/adverse_events-unterminated-multiline.csv", 1, R"(adverse_events\.csv:4:25 \(TERM\): unterminated quoted field)", Run::Failed},
    {"csv/visits-mixed-delimiters.csv", 1, R"(visits\.csv:4:53 \(SUBJECT\): expected 6 fields, found 1)", Run::Failed},
    {"csv/subjects-mixed-delimiters.csv", 1, R"(subjects\.csv:4:104 \(SUBJECT\): expected 10 fields, found 1)", Run::Failed},
    {"csv/adverse_events-tab-separated-row.csv", 1, R"(adverse_events\.csv:4:74 \(SUBJECT\): expected 9 fields, found 1)", Run::Failed},
    {"csv/visits-extra-field.csv", 1, R"(visits\.csv:4:54: expected 6 fields, found 7)", Run::Failed},
    {"csv/visits-missing-field.csv", 1, R"(visits\.csv:4:48 \(VISIT_STATUS\): expected 6 fields, found 5)", Run::Failed},
    {"csv/visits-trailing-delimiter.csv", 1, R"(visits\.csv:2:65: expected 6 fields, found 7)", Run::Failed},
    {"csv/visits-whitespace-line.csv", 1, R"(visits\.csv:4:4 \(SUBJECT\): expected 6 fields, found 1)", Run::Failed},
    {"csv/visits-invalid-utf8.csv", 1, R"(visits\.csv:4:30 \(VISIT_NAME\): invalid UTF-8)", Run::Failed},
    {"csv/visits-invalid-utf8-overlong.csv", 1, R"(visits\.csv:4:30 \(VISIT_NAME\): invalid UTF-8)", Run::Failed},
    {"csv/visits-invalid-utf8-surrogate.csv", 1, R"(visits\.csv:4:30 \(VISIT_NAME\): invalid UTF-8)", Run::Failed},
    {"csv/visits-invalid-utf8-truncated.csv", 1, R"(visits\.csv:4:31 \(VISIT_NAME\): invalid UTF-8)", Run::Failed},
    {"csv/visits-invalid-utf8-above-max.csv", 1, R"(visits\.csv:4:30 \(VISIT_NAME\): invalid UTF-8)", Run::Failed},
    {"csv/visits-invalid-utf8-quoted.csv", 1, R"(visits\.csv:4:37 \(VISIT_NAME\): invalid UTF-8)", Run::Failed},
    {"csv/adverse_events-latin1.csv", 1, R"(adverse_events\.csv:4:31 \(TERM\): invalid UTF-8)", Run::Failed},
    {"csv/subjects-invalid-utf8-header.csv", 1, R"(subjects\.csv:1:11: invalid UTF-8)", Run::None},
    {"csv/visits-utf16le.csv", 1, R"(visits\.csv:1:4: NUL byte)", Run::None},
    {"csv/visits-nul-byte.csv", 1, R"(visits\.csv:4:29 \(VISIT_NAME\): NUL byte)", Run::Failed},
    {"csv/visits-nul-in-quoted-field.csv", 1, R"(visits\.csv:4:30 \(VISIT_NAME\): NUL byte)", Run::Failed},
    {"csv/adverse_events-nul-only.csv", 1, R"(adverse_events\.csv:1:1: NUL byte)", Run::None},
    {"csv/subjects-binary-garbage.csv", 1, R"(subjects\.csv:1:1: invalid UTF-8)", Run::None},
    {"csv/visits-empty.csv", 1, R"(visits\.csv:1: the file is empty: no header row)", Run::None},
    {"csv/visits-blank-lines-only.csv", 1, R"(visits\.csv:1: the file is empty: no header row)", Run::None},
    {"csv/visits-bom-only.csv", 1, R"(visits\.csv:1: the file is empty: no header row)", Run::None},
    {"csv/subjects-bom-and-line-end-only.csv", 1, R"(subjects\.csv:1: the file is empty: no header row)", Run::None},
    {"csv/visits-duplicate-headers.csv", 1, R"(visits\.csv:1:46 \(VISIT_NAME\): duplicate column name "VISIT_NAME")", Run::None},
    {"csv/adverse_events-duplicate-empty-headers.csv", 1, R"(adverse_events\.csv:1:21: duplicate column name "")", Run::None},
    // Headers that do not fit the mapping: a configuration error naming the mapping, the field and the column.
    {"csv/visits-missing-column.csv", 2, R"(visits\.mapping\.json: fields\.visit_date reads column 'VISIT_DATE', which edc/visits\.csv does not have)", Run::None},
    {"csv/visits-header-lowercase.csv", 2, R"(visits\.mapping\.json: fields\.status reads column 'VISIT_STATUS', which edc/visits\.csv does not have)", Run::None},
    // Unusual but valid files: read correctly, nothing changes (no rows, or rows equal to the CTMS).
    {"csv/visits-header-only.csv", 0, "", Run::Finished},
    {"csv/adverse_events-header-only-no-line-end.csv", 0, "", Run::Finished},
    {"csv/subjects-header-only.csv", 0, "", Run::Finished},
    {"csv/visits-cr-only.csv", 0, "", Run::Finished},
    {"csv/visits-mixed-line-ends.csv", 0, "", Run::Finished},
    // Record-level errors: the unit is rejected whole, the reject names file:line (field).
    {"csv/visits-only-delimiters.csv", 3, R"(visits\.csv:2: \[required\] Visit)", Run::Finished},
    {"csv/subjects-invalid-birth-date.csv", 3, R"(subjects\.csv:4 \(BIRTH_DATE\): \[date\] Subject TB-DEMO-001/101-00003: '31-FEB-1942')", Run::Finished},
    {"csv/visits-unknown-subject.csv", 3, R"(visits\.csv:4: \[parent_exists\] Visit TB-DEMO-001/999-99999/V3)", Run::Finished},

    // Mapping documents: refused with the JSON path, before a run starts.
    {"mapping/visits-truncated.mapping.json", 2, R"(visits\.mapping\.json: invalid JSON at offset \d+: unterminated string)", Run::None},
    {"mapping/visits-trailing-garbage.mapping.json", 2, R"(visits\.mapping\.json: invalid JSON at offset \d+: garbage at the end)", Run::None},
    {"mapping/visits-empty.mapping.json", 2, R"(visits\.mapping\.json: invalid JSON at offset 0)", Run::None},
    {"mapping/visits-array.mapping.json", 2, R"(visits\.mapping\.json: a mapping document must be a JSON object)", Run::None},
    {"mapping/visits-wrong-format.mapping.json", 2, R"(visits\.mapping\.json: format: expected "trialbridge\.mapping/1")", Run::None},
    {"mapping/visits-no-name.mapping.json", 2, R"(visits\.mapping\.json: name: required)", Run::None},
    {"mapping/visits-fields-array.mapping.json", 2, R"(visits\.mapping\.json: fields: required, an object)", Run::None},
    {"mapping/visits-rule-string.mapping.json", 2, R"(visits\.mapping\.json: fields\.visit_date: must be an object)", Run::None},
    {"mapping/visits-rule-unknown-key.mapping.json", 2, R"(visits\.mapping\.json: fields\.visit_name: unknown key "form")", Run::None},
    {"mapping/visits-rule-two-sources.mapping.json", 2, R"(visits\.mapping\.json: fields\.visit_name: give exactly one of)", Run::None},
    {"mapping/visits-const-boolean.mapping.json", 2, R"(visits\.mapping\.json: fields\.visit_name\.const: must be a string or a number)", Run::None},
    {"mapping/visits-from-number.mapping.json", 2, R"(visits\.mapping\.json: fields\.visit_name\.from: must be a column name)", Run::None},
    {"mapping/visits-unknown-transform.mapping.json", 2, R"(visits\.mapping\.json: fields\.visit_date\.transforms\[0\]: unknown transform 'datum')", Run::None},
    {"mapping/visits-transform-two-names.mapping.json", 2, R"(visits\.mapping\.json: fields\.subject_id\.transforms\[0\]: a transform is an object with one key)", Run::None},
    {"mapping/visits-transforms-object.mapping.json", 2, R"(visits\.mapping\.json: fields\.subject_id\.transforms: must be a list)", Run::None},
    {"mapping/visits-date-unknown-zone.mapping.json", 2, R"(visits\.mapping\.json: fields\.visit_date\.transforms\[0\]: date: zone 'Mars/Olympus_Mons')", Run::None},
    {"mapping/visits-date-format-number.mapping.json", 2, R"(visits\.mapping\.json: fields\.visit_date\.transforms\[0\]: date: "format" must be a string)", Run::None},
    {"mapping/visits-valuemap-bad-policy.mapping.json", 2, R"(visits\.mapping\.json: fields\.status\.transforms\[1\]: valueMap: "unmapped" must be)", Run::None},
    {"mapping/visits-valuemap-map-list.mapping.json", 2, R"(visits\.mapping\.json: fields\.status\.transforms\[1\]: valueMap: "map" must be an object)", Run::None},
    {"mapping/visits-replace-invalid-regex.mapping.json", 2, R"(visits\.mapping\.json: fields\.visit_name\.transforms\[0\]: replace: needs a valid "regex")", Run::None},
    {"mapping/visits-format-placeholder-out-of-range.mapping.json", 2, R"(visits\.mapping\.json: fields\.visit_code\.transforms\[1\]: format: pattern "V\{12\}": placeholders are \{0\} to \{9\})", Run::None},
    {"mapping/visits-number-bad-decimal.mapping.json", 2, R"(visits\.mapping\.json: fields\.visit_code\.transforms\[0\]: number: "decimal" must be)", Run::None},
    {"mapping/visits-lookup-unknown-entity.mapping.json", 2, R"(visits\.mapping\.json: fields\.visit_name\.transforms\[0\]: lookup: "entity" must name a CTMS entity, not 'sites')", Run::None},
    {"mapping/visits-missing-key-field.mapping.json", 2, R"(visits\.mapping\.json: the key field 'visit_code' of visit is not mapped)", Run::None},
    {"mapping/adverse_events-missing-required-field.mapping.json", 2, R"(adverse_events\.mapping\.json: the required field 'term' of adverse_event is not mapped)", Run::None},
    {"mapping/visits-unknown-entity.mapping.json", 2, R"(visits\.mapping\.json: target\.entity: 'visits' is not a CTMS entity)", Run::None},
    {"mapping/visits-unknown-target-field.mapping.json", 2, R"(visits\.mapping\.json: fields\.visit_day: visit has no field 'visit_day')", Run::None},
    {"mapping/visits-missing-column.mapping.json", 2, R"(visits\.mapping\.json: fields\.visit_name reads column 'VISIT_TITLE', which edc/visits\.csv does not have)", Run::None},
    {"mapping/visits-unknown-param.mapping.json", 2, R"(visits\.mapping\.json: fields\.study_id reads study parameter 'protocol_number')", Run::None},
    {"mapping/visits-merge-mode.mapping.json", 2, R"(visits\.mapping\.json: "merge" mode is for records of a unit's own entity)", Run::None},
    {"mapping/visits-filter-no-column.mapping.json", 2, R"(visits\.mapping\.json: filter\[0\]: needs "column")", Run::None},
    {"mapping/visits-filter-object.mapping.json", 2, R"(visits\.mapping\.json: filter: must be a list)", Run::None},
    {"mapping/visits-bad-delimiter.mapping.json", 2, R"(visits\.mapping\.json: source\."delimiter": unsupported value "::")", Run::None},
    {"mapping/visits-bad-encoding.mapping.json", 2, R"(visits\.mapping\.json: source\."encoding": unsupported value "ebcdic")", Run::None},
    {"mapping/visits-source-kind-xml.mapping.json", 2, R"(visits\.mapping\.json: source\.kind: "xml" is not supported; use "csv", "dataset-json", "odm", "redcap" or "rest")", Run::None},
    {"mapping/visits-odm-without-level.mapping.json", 2, R"(visits\.mapping\.json: source\.level: required for ODM)", Run::None},
    {"mapping/visits-source-string.mapping.json", 2, R"(visits\.mapping\.json: source: must be an object)", Run::None},
    {"mapping/visits-huge-revision.mapping.json", 2, R"(visits\.mapping\.json: revision: must be a whole number from 1)", Run::None},
    {"mapping/visits-revision-overflow.mapping.json", 2, R"(visits\.mapping\.json: revision: must be a whole number from 1)", Run::None},
    {"mapping/visits-number-out-of-range.mapping.json", 2, R"(visits\.mapping\.json: invalid JSON at offset \d+: illegal number)", Run::None},
    {"mapping/visits-deep-nesting.mapping.json", 2, R"(visits\.mapping\.json: invalid JSON at offset \d+: too deeply nested)", Run::None},
    {"mapping/visits-invalid-utf8.mapping.json", 2, R"(visits\.mapping\.json: invalid JSON at offset \d+: invalid UTF8)", Run::None},
    {"mapping/visits-nul-byte.mapping.json", 2, R"(visits\.mapping\.json: invalid JSON at offset 2)", Run::None},
    {"mapping/visits-duplicate-keys.mapping.json", 2, R"(visits\.mapping\.json: format: expected "trialbridge\.mapping/1")", Run::None},

    // Study documents.
    {"study/truncated.study.json", 2, R"(demo\.study\.json: invalid JSON at offset \d+: unterminated object)", Run::None},
    {"study/empty.study.json", 2, R"(demo\.study\.json: invalid JSON at offset 0)", Run::None},
    {"study/string.study.json", 2, R"(demo\.study\.json: invalid JSON at offset \d+)", Run::None},
    {"study/wrong-format.study.json", 2, R"(demo\.study\.json: format: expected "trialbridge\.study/1")", Run::None},
    {"study/missing-study-id.study.json", 2, R"(demo\.study\.json: study_id: required)", Run::None},
    {"study/bad-default-zone.study.json", 2, R"(demo\.study\.json: defaultTimeZone: 'Europe/Atlantis' is not an IANA time zone)", Run::None},
    {"study/bad-site-zone.study.json", 2, R"(demo\.study\.json: sites\[3\]\.time_zone: time_zone 'Mars/Olympus_Mons')", Run::None},
    {"study/duplicate-site.study.json", 2, R"(demo\.study\.json: sites\[12\]: duplicate site TB-DEMO-001/USA-001)", Run::None},
    {"study/unknown-site-field.study.json", 2, R"(demo\.study\.json: sites\[2\]\.colour: site has no field 'colour')", Run::None},
    {"study/site-not-object.study.json", 2, R"(demo\.study\.json: sites\[1\]: must be an object)", Run::None},
    {"study/site-field-object.study.json", 2, R"(demo\.study\.json: sites\[0\]\.name: must be a string or number)", Run::None},
    {"study/sites-not-list.study.json", 2, R"(demo\.study\.json: sites: must be a list)", Run::None},
    {"study/planned-day-text.study.json", 2, R"(demo\.study\.json: visitSchedule\[2\]\.planned_day: planned_day 'fifteen' is not a whole number)", Run::None},
    {"study/planned-day-huge.study.json", 2, R"(demo\.study\.json: visitSchedule\[2\]\.planned_day: )", Run::None},
    {"study/window-negative.study.json", 2, R"(demo\.study\.json: visitSchedule\[4\]\.window_before: window_before -3 is outside the allowed range)", Run::None},
    {"study/unknown-rule.study.json", 2, R"(demo\.study\.json: rules\.drop_tables: unknown rule)", Run::None},
    {"study/bad-rule-severity.study.json", 2, R"(demo\.study\.json: rules\.visit_window: must be "reject", "warn" or "off")", Run::None},
    {"study/unknown-codelist.study.json", 2, R"(demo\.study\.json: codelists\.colours: the CTMS model has no such codelist)", Run::None},
    {"study/empty-codelist.study.json", 2, R"(demo\.study\.json: codelists\.visit_status: needs at least one term)", Run::None},
    {"study/parameter-object.study.json", 2, R"(demo\.study\.json: parameters\.sponsor_code: must be a string or number)", Run::None},
    {"study/deep-nesting.study.json", 2, R"(demo\.study\.json: invalid JSON at offset \d+: too deeply nested)", Run::None},
    {"study/title-too-long.study.json", 2, R"(demo\.study\.json: title: title is 5000 characters long)", Run::None},
    {"study/invalid-utf8.study.json", 2, R"(demo\.study\.json: invalid JSON at offset \d+: invalid UTF8)", Run::None},

    // Pipeline documents.
    {"pipeline/truncated.pipeline.json", 2, R"(demo\.pipeline\.json: invalid JSON at offset 200)", Run::None},
    {"pipeline/empty.pipeline.json", 2, R"(demo\.pipeline\.json: invalid JSON at offset 0)", Run::None},
    {"pipeline/array.pipeline.json", 2, R"(demo\.pipeline\.json: a pipeline document must be a JSON object)", Run::None},
    {"pipeline/wrong-format.pipeline.json", 2, R"(demo\.pipeline\.json: format: expected "trialbridge\.pipeline/1")", Run::None},
    {"pipeline/name-number.pipeline.json", 2, R"(demo\.pipeline\.json: name: required)", Run::None},
    {"pipeline/missing-study.pipeline.json", 2, R"(demo\.pipeline\.json: study: required)", Run::None},
    {"pipeline/steps-empty.pipeline.json", 2, R"(demo\.pipeline\.json: steps: required)", Run::None},
    {"pipeline/steps-object.pipeline.json", 2, R"(demo\.pipeline\.json: steps: required)", Run::None},
    {"pipeline/step-without-source.pipeline.json", 2, R"(demo\.pipeline\.json: steps\[1\]: needs "mapping" and "source")", Run::None},
    {"pipeline/step-not-object.pipeline.json", 2, R"(demo\.pipeline\.json: steps\[2\]: needs "mapping" and "source")", Run::None},
    {"pipeline/target-postgresql.pipeline.json", 2, R"(demo\.pipeline\.json: target\.kind: "postgresql" is not supported)", Run::None},
    {"pipeline/target-without-database.pipeline.json", 2, R"(demo\.pipeline\.json: target\.database: required)", Run::None},
    {"pipeline/study-file-missing.pipeline.json", 2, R"(nosuch\.study\.json: cannot open: No such file)", Run::None},
    {"pipeline/source-file-missing.pipeline.json", 1, R"(edc/nosuch\.csv: cannot open file: No such file)", Run::None},
    {"pipeline/source-is-folder.pipeline.json", 1, R"(ws/edc: cannot open file: .*directory)", Run::None},
    {"pipeline/mapping-is-pipeline.pipeline.json", 2, R"(demo\.pipeline\.json: format: expected "trialbridge\.mapping/1")", Run::None},
    {"pipeline/study-is-pipeline.pipeline.json", 2, R"(demo\.pipeline\.json: format: expected "trialbridge\.study/1")", Run::None},
    {"pipeline/target-is-source-csv.pipeline.json", 1, R"(edc/visits\.csv: (file is not a database|not a TrialBridge database))", Run::None},
    {"pipeline/target-is-folder.pipeline.json", 1, R"(ws/edc: cannot open the database)", Run::None},
    {"pipeline/same-step-twice.pipeline.json", 2, R"(demo\.pipeline\.json: steps\[3\]: the same mapping and source as steps\[1\])", Run::None},
    {"pipeline/schedule-bad-hour.pipeline.json", 2, R"(demo\.pipeline\.json: schedule\.cron: cron "30 25 \* \* \*": hour at column 4: 25 is outside 0-23)", Run::None},
    {"pipeline/schedule-never.pipeline.json", 2, R"(demo\.pipeline\.json: schedule\.cron: cron "0 6 30 FEB \*": day-of-month 30 never falls in month FEB)", Run::None},
    {"pipeline/schedule-unknown-zone.pipeline.json", 2, R"(demo\.pipeline\.json: schedule\.timeZone: 'Europe/Atlantis' is not a known IANA time zone)", Run::None},
    {"pipeline/schedule-string.pipeline.json", 2, R"(demo\.pipeline\.json: schedule: an object with "cron")", Run::None},
    {"pipeline/schedule-enabled-string.pipeline.json", 2, R"(demo\.pipeline\.json: schedule\.enabled: true or false)", Run::None},
    {"pipeline/schedule-six-fields.pipeline.json", 2, R"(demo\.pipeline\.json: schedule\.cron: cron "0 30 2 \* \* \*": expected five fields \(minute hour day-of-month month day-of-week\), found 6)", Run::None},
    {"pipeline/deep-nesting.pipeline.json", 2, R"(demo\.pipeline\.json: invalid JSON at offset \d+: too deeply nested)", Run::None},
    {"pipeline/invalid-utf8.pipeline.json", 2, R"(demo\.pipeline\.json: invalid JSON at offset \d+: invalid UTF8)", Run::None},
    // Path traversal: relative paths may not leave the workspace folder.
    {"pipeline/traversal-source.pipeline.json", 2, R"(demo\.pipeline\.json: steps\[1\]\.source: '\.\./outside/visits\.csv' points outside the workspace folder)", Run::None},
    {"pipeline/traversal-mapping.pipeline.json", 2, R"(demo\.pipeline\.json: steps\[1\]\.mapping: '\.\./outside/visits\.mapping\.json' points outside the workspace folder)", Run::None},
    {"pipeline/traversal-study.pipeline.json", 2, R"(demo\.pipeline\.json: study: 'edc/\.\./\.\./outside/demo\.study\.json' points outside the workspace folder)", Run::None},
    {"pipeline/traversal-target.pipeline.json", 2, R"(demo\.pipeline\.json: target\.database: '\.\./outside/ctms\.db' points outside the workspace folder)", Run::None},
    // Absolute paths are explicit: a system file is read as a CSV and refused by its header.
    {"pipeline/absolute-source.pipeline.json", 2, R"(visits\.mapping\.json: fields\.status reads column 'VISIT_STATUS', which /etc/passwd does not have)", Run::None},

    // Generated by the test (too big to commit, or not a plain file).
    {"generated/visits-50mb-unquoted-field.csv", 1, R"(visits\.csv:4:25 \(VISIT_NAME\): field larger than 16777216 bytes)", Run::Failed},
    {"generated/visits-50mb-quoted-field.csv", 1, R"(visits\.csv:4:25 \(VISIT_NAME\): field larger than 16777216 bytes)", Run::Failed},
    {"generated/visits-million-columns-header.csv", 1, R"(visits\.csv:1:\d+: more than 4096 columns)", Run::None},
    {"generated/visits-million-fields-row.csv", 1, R"(visits\.csv:4:\d+: expected 6 fields, found more than 4096)", Run::Failed},
    {"generated/visits-80mb-record.csv", 1, R"(visits\.csv:4:1: record larger than 67108864 bytes)", Run::Failed},
    {"generated/visits-symlink-outside.csv", 2, R"(demo\.pipeline\.json: steps\[1\]\.source: .*outside the workspace folder)", Run::None},
};
// CDISC ODM (odm/): until ODM feeds a pipeline, `trialbridge-cli profile FILE.xml` reads each file whole with
// the same reader; a refused file names file:line:column and the element path (XPath-like), and no profile
// is printed.
struct OdmCase
{
    const char* file;
    int exitCode;
    const char* place; // regular expression over the output
};
const OdmCase kOdmCases[] = {
    {"odm/truncated.xml", 1, R"(truncated\.xml:14 \(/ODM/ClinicalData\[@StudyOID='S'\]\[@MetaDataVersionOID='M'\]\): the file ends inside <ClinicalData> \(truncated\?\))"},
    {"odm/wrong-namespace.xml", 1, R"(wrong-namespace\.xml:2:82 \(/ODM\): unknown ODM namespace "http://www\.cdisc\.org/ns/odm/v1\.2")"},
    {"odm/no-namespace-odm12.xml", 1, R"(no-namespace-odm12\.xml:2:58 \(/ODM\): the ODM element has no namespace \(as in ODM 1\.1 and 1\.2\))"},
    {"odm/not-odm.xml", 1, R"(not-odm\.xml:2:58 \(/Dataset\): not an ODM file: the root element is <Dataset>)"},
    {"odm/xxe-file.xml", 1, R"(xxe-file\.xml:4:2: a DTD with entity declarations is refused)"},
    {"odm/xxe-parameter-entity.xml", 1, R"(xxe-parameter-entity\.xml:5:2: a DTD with entity declarations is refused)"},
    {"odm/billion-laughs.xml", 1, R"(billion-laughs\.xml:13:2: a DTD with entity declarations is refused)"},
    {"odm/quadratic-blowup.xml", 1, R"(quadratic-blowup\.xml:4:2: a DTD with entity declarations is refused)"},
    {"odm/undeclared-entity.xml", 1, R"(undeclared-entity\.xml:11:42 \(.*/ItemGroupData\[@ItemGroupOID='IG_DM'\]\): malformed XML: Entity 'unknown' not declared)"},
    {"odm/deep-nesting.xml", 1, R"(deep-nesting\.xml:10:744 \(.*/SubjectData\[@SubjectKey='101-001'\]/Annotation/… \(61 nested <Annotation>\)\): elements nested deeper than 64 levels)"},
    {"odm/mismatched-tags.xml", 1, R"(mismatched-tags\.xml:11:17 \(.*/FormData\[@FormOID='F_DM'\]\): malformed XML: Opening and ending tag mismatch)"},
    {"odm/duplicate-attribute.xml", 1, R"(duplicate-attribute\.xml:11:47 \(.*/ItemGroupData\[@ItemGroupOID='IG_DM'\]\): malformed XML: Attribute 'Value' redefined)"},
    {"odm/subject-without-key.xml", 1, R"(subject-without-key\.xml:9:13 \(/ODM/ClinicalData\[@StudyOID='S'\]\[@MetaDataVersionOID='M'\]/SubjectData\): SubjectData has no SubjectKey)"},
    {"odm/item-without-oid.xml", 1, R"(item-without-oid\.xml:11:21 \(.*/ItemGroupData\[@ItemGroupOID='IG_DM'\]/ItemData\): ItemData has no ItemOID)"},
    {"odm/value-and-isnull.xml", 1, R"(value-and-isnull\.xml:11:50 \(.*/ItemData\[@ItemOID='I_SEX'\]\): ItemData has both a Value and IsNull="Yes")"},
    {"odm/update-in-snapshot.xml", 1, R"(update-in-snapshot\.xml:9:59 \(.*/SubjectData\[@SubjectKey='101-001'\]\): TransactionType "Update" in a Snapshot file)"},
    {"odm/unknown-transaction-type.xml", 1, R"(unknown-transaction-type\.xml:9:59 \(.*/SubjectData\[@SubjectKey='101-001'\]\): unknown TransactionType "Delete")"},
    {"odm/insert-twice.xml", 1, R"(insert-twice\.xml:14:59 \(.*/SubjectData\[@SubjectKey='101-001'\]\): Insert of SubjectData '101-001', which already exists \(the file series has it from .*insert-twice\.xml:9\))"},
    {"odm/remove-then-update.xml", 1, R"(remove-then-update\.xml:11:59 \(.*\): Update of SubjectData '101-001', which does not exist: the file series removed it at .*remove-then-update\.xml:9)"},
    {"odm/update-below-new-subject.xml", 1, R"(update-below-new-subject\.xml:10:68 \(.*/StudyEventData\[@StudyEventOID='SE_SCREEN'\]\): Update of StudyEventData 'SE_SCREEN', which does not exist: its <SubjectData> was inserted as new)"},
    {"odm/value-without-transaction.xml", 1, R"(value-without-transaction\.xml:11:37 \(.*/ItemData\[@ItemOID='I_SEX'\]\): ItemData 'I_SEX' has no TransactionType)"},
    {"odm/group-in-event-odm13.xml", 1, R"(group-in-event-odm13\.xml:11:37 \(.*/StudyEventData\[@StudyEventOID='SE_SCREEN'\]/ItemGroupData\): ItemGroupData directly inside StudyEventData is ODM 2\.0)"},
    {"odm/formdata-in-odm20.xml", 1, R"(formdata-in-odm20\.xml:6:26 \(.*/StudyEventData\[@StudyEventOID='SE_SCREEN'\]/FormData\): FormData is not part of ODM 2\.0)"},
    {"odm/latin1-declared-utf8.xml", 1, R"(latin1-declared-utf8\.xml:11:35: invalid UTF-8 \(the file declares no other encoding\))"},
    {"odm/nul-byte.xml", 1, R"(nul-byte\.xml:11:35 \(.*/ItemGroupData\[@ItemGroupOID='IG_DM'\]\): NUL byte)"},
    {"odm/empty.xml", 1, R"(empty\.xml:1: the file is empty: expected an ODM document)"},
    {"odm/text-only.xml", 1, R"(text-only\.xml:1:1: malformed XML: Start tag expected)"},
    // Valid: SQL-looking keys and values are read as plain text.
    {"odm/sql-looking-values.xml", 0, R"(sql-looking-values\.xml: ODM 1\.3\.2 Snapshot, FileOID BAD\.1)"},
};
// clang-format on

// The workspace file a corpus file replaces: csv/<entity>-… → edc/<entity>.csv, mapping/<entity>-… →
// <entity>.mapping.json, study/… → demo.study.json, pipeline/… → demo.pipeline.json.
QString replacedFile(const QString& file)
{
    const QString folder = file.section(QLatin1Char('/'), 0, 0);
    const QString name = file.section(QLatin1Char('/'), 1);
    const QString entity = name.section(QLatin1Char('-'), 0, 0);
    if (folder == QLatin1String("csv") || folder == QLatin1String("generated"))
        return QStringLiteral("edc/%1.csv").arg(entity);
    if (folder == QLatin1String("mapping"))
        return QStringLiteral("%1.mapping.json").arg(entity);
    if (folder == QLatin1String("study"))
        return QStringLiteral("demo.study.json");
    return QStringLiteral("demo.pipeline.json");
}

// SHA-256 of every file of a workspace but the target database.
QMap<QString, QByteArray> fileHashes(const QString& dir)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        if (QFileInfo(f).fileName().startsWith(QLatin1String("ctms.db")))
            continue;
        QFile file(f);
        QCryptographicHash h(QCryptographicHash::Sha256);
        if (file.open(QIODevice::ReadOnly))
            h.addData(&file);
        out.insert(QDir(dir).relativeFilePath(f), h.result());
    }
    return out;
}

// Writes a big file in pieces: header, the first rows, then the generated part.
bool writeParts(const QString& path, const QList<QByteArray>& parts)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    for (const QByteArray& p : parts)
        if (f.write(p) != p.size())
            return false;
    return true;
}

const QByteArray kVisitsHead = "STUDY;SUBJECT;VISIT_NO;VISIT_NAME;VISIT_DATE;VISIT_STATUS\n"
                               "TB-DEMO-001;101-00001;1;SCREENING CHANGED;14.05.2025 12:58;DONE\n"
                               "TB-DEMO-001;101-00001;2;BASELINE CHANGED;26.05.2025 08:05;DONE\n";

// A byte string of n copies of c, written in 1 MiB pieces.
QList<QByteArray> repeated(char c, qint64 n)
{
    QList<QByteArray> out;
    const QByteArray mib(1024 * 1024, c);
    for (; n >= mib.size(); n -= mib.size())
        out << mib;
    out << QByteArray(int(n), c);
    return out;
}

// Makes a generated case at path (the workspace file it replaces); outside is the folder beside the
// workspace.
bool generate(const QString& id, const QString& path, const QString& outside)
{
    const qint64 fifty = 50 * 1024 * 1024;
    if (id.endsWith(QLatin1String("50mb-unquoted-field.csv")))
        return writeParts(path, QList<QByteArray>{kVisitsHead, "TB-DEMO-001;101-00001;3;"} +
                                    repeated('A', fifty) + QList<QByteArray>{";09.06.2025 17:54;DONE\n"});
    if (id.endsWith(QLatin1String("50mb-quoted-field.csv")))
        return writeParts(path, QList<QByteArray>{kVisitsHead, "TB-DEMO-001;101-00001;3;\""} +
                                    repeated('A', fifty) + QList<QByteArray>{"\";09.06.2025 17:54;DONE\n"});
    if (id.endsWith(QLatin1String("80mb-record.csv"))) {
        // Six fields of 14 MiB: each under the field limit, together over the record limit.
        QList<QByteArray> parts{kVisitsHead};
        for (int i = 0; i < 6; ++i)
            parts += repeated(char('A' + i), 14 * 1024 * 1024) + QList<QByteArray>{i < 5 ? ";" : "\n"};
        return writeParts(path, parts);
    }
    if (id.endsWith(QLatin1String("million-columns-header.csv"))) {
        QByteArray header;
        header.reserve(9 * 1000 * 1000);
        for (int i = 0; i < 1000 * 1000; ++i)
            header += "COL" + QByteArray::number(i) + ';';
        header += "VISIT_STATUS\n";
        return writeParts(path, {header, kVisitsHead.mid(kVisitsHead.indexOf('\n') + 1)});
    }
    if (id.endsWith(QLatin1String("million-fields-row.csv")))
        return writeParts(path, QList<QByteArray>{kVisitsHead, "TB-DEMO-001;101-00001;3"} +
                                    repeated(';', 1000 * 1000) + QList<QByteArray>{"\n"});
    if (id.endsWith(QLatin1String("symlink-outside.csv"))) {
        QFile::remove(path);
        return QFile::link(outside + QStringLiteral("/visits.csv"), path);
    }
    return false;
}

} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void corpusIsComplete();
    void badInputIsRefused_data();
    void badInputIsRefused();
    void profileRefusesHugeInput_data();
    void profileRefusesHugeInput();
    void odmIsRefusedWithItsPlace_data();
    void odmIsRefusedWithItsPlace();
    void sqlLookingValuesAreStoredAsText_data();
    void sqlLookingValuesAreStoredAsText();
    void reportFiltersAreNotSql();

private:
    QString prepareCase(const QString& name);

    QTemporaryDir m_tmp;
    QString m_template; // a demo workspace with its target loaded
    QByteArray m_digest;
    qint64 m_runs = 0;
    int m_case = 0;
};

void TestBadInput::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    tb::test::useTestVault(m_tmp.filePath(QStringLiteral("secrets"))); // runs sign their audit trail
    m_template = m_tmp.filePath(QStringLiteral("template"));
    // The corpus's valid rows refer to this study: seed 11, subjects 101-00001 ….
    const auto demo = runCli({QStringLiteral("demo"), QStringLiteral("--out"), m_template,
                              QStringLiteral("--subjects"), QStringLiteral("40"), QStringLiteral("--seed"),
                              QStringLiteral("11"), QStringLiteral("--defect-rate"), QStringLiteral("0")});
    QVERIFY2(demo.exitCode == 0, demo.err.constData());
    const auto load = runCli({QStringLiteral("run"), m_template + QStringLiteral("/demo.pipeline.json")});
    QVERIFY2(load.exitCode == 0, load.out.constData());
    TargetDb db(m_template + QStringLiteral("/ctms.db"));
    QVERIFY(db.isOpen());
    m_digest = db.ctmsDigest();
    m_runs = db.runCount();
    QVERIFY(!m_digest.isEmpty());
    QCOMPARE(m_runs, qint64(1));
}

QString TestBadInput::prepareCase(const QString& name)
{
    // case-N/ws is the loaded workspace; case-N/outside holds valid copies of its documents and a
    // source, for the path-traversal cases to point at.
    const QString dir = m_tmp.filePath(QStringLiteral("case-%1").arg(++m_case));
    const QString ws = dir + QStringLiteral("/ws");
    if (!copyTree(m_template, ws))
        return {};
    const QString outside = dir + QStringLiteral("/outside");
    QDir().mkpath(outside);
    for (const char* f : {"edc/visits.csv", "visits.mapping.json", "demo.study.json"})
        QFile::copy(ws + QLatin1Char('/') + QLatin1String(f),
                    outside + QLatin1Char('/') + QFileInfo(QLatin1String(f)).fileName());
    Q_UNUSED(name)
    return ws;
}

void TestBadInput::corpusIsComplete()
{
    // Every corpus file has a row here and a line in the README; every row's file exists; files are small.
    const QString root = testDataPath(QStringLiteral("bad"));
    QFile readme(root + QStringLiteral("/README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString readmeText = QString::fromUtf8(readme.readAll());
    QSet<QString> rows;
    for (const Case& c : kCases) {
        const QString file = QLatin1String(c.file);
        rows.insert(file);
        if (!file.startsWith(QLatin1String("generated/")))
            QVERIFY2(QFileInfo::exists(root + QLatin1Char('/') + file), c.file);
        QVERIFY2(readmeText.contains(QFileInfo(file).fileName()),
                 qPrintable(file + QStringLiteral(" not in README.md")));
    }
    for (const OdmCase& c : kOdmCases) {
        rows.insert(QLatin1String(c.file));
        QVERIFY2(QFileInfo::exists(root + QLatin1Char('/') + QLatin1String(c.file)), c.file);
        QVERIFY2(readmeText.contains(QFileInfo(QLatin1String(c.file)).fileName()), c.file);
    }
    int files = 0;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        const QString rel = QDir(root).relativeFilePath(f);
        if (rel == QLatin1String("README.md"))
            continue;
        ++files;
        QVERIFY2(rows.contains(rel), qPrintable(rel + QStringLiteral(" has no test row")));
        QVERIFY2(QFileInfo(f).size() <= 64 * 1024, qPrintable(rel + QStringLiteral(" is not small")));
    }
    qInfo("%d corpus files, %d cases with the generated ones", files, int(rows.size()));
    QVERIFY(files >= 60);
}

void TestBadInput::badInputIsRefused_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("place");
    QTest::addColumn<int>("run");
    for (const Case& c : kCases)
        QTest::newRow(c.file) << QString::fromLatin1(c.file) << c.exitCode << QString::fromUtf8(c.place)
                              << int(c.run);
}

void TestBadInput::badInputIsRefused()
{
    QFETCH(QString, file);
    QFETCH(int, exitCode);
    QFETCH(QString, place);
    QFETCH(int, run);

    const QString ws = prepareCase(file);
    QVERIFY(!ws.isEmpty());
    const QString target = ws + QLatin1Char('/') + replacedFile(file);
    const QString outside = QFileInfo(ws).absolutePath() + QStringLiteral("/outside");
    QFile::remove(target);
    if (file.startsWith(QLatin1String("generated/")))
        QVERIFY(generate(file, target, outside));
    else
        QVERIFY(QFile::copy(testDataPath(QStringLiteral("bad/")) + file, target));
    const QMap<QString, QByteArray> before = fileHashes(ws);
    const QMap<QString, QByteArray> outsideBefore = fileHashes(outside);

    const auto r =
        runCli({QStringLiteral("run"), ws + QStringLiteral("/demo.pipeline.json")}, {}, {}, 120000);
    const QString output = QString::fromUtf8(r.err + r.out);
    QVERIFY2(r.exitCode >= 0, qPrintable(QStringLiteral("crashed or hung: ") + output.left(2000)));

    // Nothing partial: the CTMS (and audit log) are exactly as before; no source or document was written.
    {
        TargetDb db(ws + QStringLiteral("/ctms.db"));
        QVERIFY2(db.isOpen(), qPrintable(db.error()));
        QVERIFY2(db.ctmsDigest() == m_digest,
                 qPrintable(QStringLiteral("the CTMS changed: ") + output.left(1000)));
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
    }
    QCOMPARE(fileHashes(ws), before);
    QCOMPARE(fileHashes(outside), outsideBefore);
    QVERIFY2(!QFileInfo::exists(outside + QStringLiteral("/ctms.db")),
             "a database was created outside the workspace");

    QVERIFY2(
        r.exitCode == exitCode,
        qPrintable(
            QStringLiteral("exit %1, expected %2: %3").arg(r.exitCode).arg(exitCode).arg(output.left(1000))));
    if (place.isEmpty()) {
        QVERIFY2(r.err.isEmpty(), r.err.constData());
    } else {
        // The message names the file and the place.
        const QRegularExpression re(place);
        QVERIFY2(re.isValid(), qPrintable(place));
        QVERIFY2(re.match(output).hasMatch(),
                 qPrintable(QStringLiteral("output does not match /%1/:\n%2").arg(place, output.left(1000))));
    }
    TargetDb db(ws + QStringLiteral("/ctms.db"));
    switch (Run(run)) {
    case Run::None:
        QCOMPARE(db.runCount(), m_runs);
        break;
    case Run::Failed:
        QCOMPARE(db.runCount(), m_runs + 1);
        QCOMPARE(db.text(QStringLiteral("SELECT status FROM run ORDER BY run_id DESC LIMIT 1")),
                 QStringLiteral("failed"));
        break;
    case Run::Finished:
        QCOMPARE(db.runCount(), m_runs + 1);
        QVERIFY(db.text(QStringLiteral("SELECT status FROM run ORDER BY run_id DESC LIMIT 1"))
                    .startsWith(exitCode == 0 ? QLatin1String("succeeded")
                                              : QLatin1String("completed_with_rejects")));
        break;
    }
    QDir(QFileInfo(ws).absolutePath()).removeRecursively();
}

void TestBadInput::profileRefusesHugeInput_data()
{
    // trialbridge-cli profile detects the delimiter from the first line: with no line end in sight it must
    // still stop at the field limit instead of reading on.
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("place");
    QTest::newRow("50 MB unquoted field")
        << QStringLiteral("generated/visits-50mb-unquoted-field.csv")
        << QStringLiteral(R"(visits\.csv:4:25 \(VISIT_NAME\): field larger than 16777216 bytes)");
    QTest::newRow("50 MB field, no line end")
        << QStringLiteral("generated/visits-50mb-line.csv")
        << QStringLiteral(R"(visits\.csv:1:1: field larger than 16777216 bytes)");
    QTest::newRow("a million columns") << QStringLiteral("generated/visits-million-columns-header.csv")
                                       << QStringLiteral(R"(visits\.csv:1:\d+: more than 4096 columns)");
    QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero") << QStringLiteral(R"(/dev/zero:1:1: NUL byte)");
}

void TestBadInput::profileRefusesHugeInput()
{
    QFETCH(QString, file);
    QFETCH(QString, place);
    QString path = file;
    if (file.startsWith(QLatin1String("generated/"))) {
        path = m_tmp.filePath(QStringLiteral("profile/visits.csv"));
        QDir().mkpath(QFileInfo(path).absolutePath());
        if (file.endsWith(QLatin1String("50mb-line.csv")))
            QVERIFY(writeParts(path, repeated('A', 50 * 1024 * 1024)));
        else
            QVERIFY(generate(file, path, {}));
    }
    const auto r = runCli({QStringLiteral("profile"), path}, {}, {}, 60000);
    const QString output = QString::fromUtf8(r.err + r.out);
    QVERIFY2(r.exitCode == 1, qPrintable(output.left(1000)));
    QVERIFY2(QRegularExpression(place).match(output).hasMatch(), qPrintable(output.left(1000)));
    if (path != file) // only what this test generated (never /dev/zero: the tests run as root)
        QFile::remove(path);
}

void TestBadInput::odmIsRefusedWithItsPlace_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("place");
    for (const OdmCase& c : kOdmCases)
        QTest::newRow(c.file) << QString::fromLatin1(c.file) << c.exitCode << QString::fromUtf8(c.place);
}

void TestBadInput::odmIsRefusedWithItsPlace()
{
    QFETCH(QString, file);
    QFETCH(int, exitCode);
    QFETCH(QString, place);
    const QString path = testDataPath(QStringLiteral("bad/") + file);
    const auto text = runCli({QStringLiteral("profile"), path}, {}, {}, 60000);
    const QString output = QString::fromUtf8(text.err + text.out);
    QVERIFY2(text.exitCode == exitCode, qPrintable(output.left(1000)));
    QVERIFY2(QRegularExpression(place).match(output).hasMatch(), qPrintable(output.left(1000)));
    const auto json = runCli({QStringLiteral("profile"), QStringLiteral("--json"), path}, {}, {}, 60000);
    QCOMPARE(json.exitCode, exitCode);
    if (exitCode != 0) {
        QVERIFY2(text.out.isEmpty() && json.out.isEmpty(), "a refused file printed a profile");
        return;
    }
    // The valid file: keys and values that look like SQL are read as text, unchanged.
    const QJsonObject profile = QJsonDocument::fromJson(json.out).object();
    const QJsonArray samples = profile.value(QStringLiteral("columns")).toArray().at(0).toObject().value(QStringLiteral("samples")).toArray();
    QCOMPARE(samples, QJsonArray{QStringLiteral("F' OR '1'='1")});
    QCOMPARE(profile.value(QStringLiteral("subjects")).toInteger(), 1);
}

void TestBadInput::sqlLookingValuesAreStoredAsText_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("entity");
    QTest::addColumn<char>("delimiter");
    QTest::newRow("subjects.csv") << QStringLiteral("subjects") << QStringLiteral("subject") << ',';
    QTest::newRow("visits.csv") << QStringLiteral("visits") << QStringLiteral("visit") << ';';
    QTest::newRow("adverse_events.csv")
        << QStringLiteral("adverse_events") << QStringLiteral("adverse_event") << ',';
}

void TestBadInput::sqlLookingValuesAreStoredAsText()
{
    QFETCH(QString, file);
    QFETCH(QString, entity);
    QFETCH(char, delimiter);
    const QStringList payloads{QStringLiteral("'; DROP TABLE subject; --"),
                               QStringLiteral("Robert'); DROP TABLE visit;--")};

    const QString ws = prepareCase(file);
    QVERIFY(!ws.isEmpty());
    const QString source = ws + QStringLiteral("/edc/") + file + QStringLiteral(".csv");
    QFile f(source);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = f.readAll().split('\n');
    f.close();
    const bool crlf = lines.first().endsWith('\r');
    for (QByteArray& l : lines)
        if (l.endsWith('\r'))
            l.chop(1);
    QByteArray headerLine = lines.first();
    if (headerLine.startsWith("\xEF\xBB\xBF"))
        headerLine = headerLine.mid(3);
    const QList<QByteArray> header = headerLine.split(delimiter);

    // Column c's payload goes into a row of its own (rows without quotes), spread over the file so that
    // most land in different units: a payload that a rule rejects takes its whole unit with it.
    struct Injection
    {
        QString column;
        QString payload;
        int line;
    };
    QList<Injection> injections;
    int row = 1;
    const int spacing = qMax(1, int(lines.size() - 2) / int(header.size()));
    for (int c = 0; c < header.size(); ++c) {
        while (row < lines.size() && (lines[row].contains('"') || lines[row].isEmpty()))
            ++row;
        QVERIFY(row < lines.size());
        QList<QByteArray> fields = lines[row].split(delimiter);
        QCOMPARE(fields.size(), header.size());
        const QString payload = payloads[c % payloads.size()];
        fields[c] = '"' + payload.toUtf8() + '"'; // quoted: the payloads hold the visit file's delimiter
        lines[row] = fields.join(delimiter);
        injections.append({QString::fromUtf8(header[c]), payload, row + 1});
        row += spacing;
    }
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(lines.join(crlf ? "\r\n" : "\n"));
    f.close();

    QByteArray schema;
    {
        TargetDb db(ws + QStringLiteral("/ctms.db"));
        schema = db.text(QStringLiteral("SELECT group_concat(name || ':' || sql, '|') FROM "
                                        "(SELECT name, sql FROM sqlite_master ORDER BY name)"))
                     .toUtf8();
    }
    const auto r = runCli({QStringLiteral("run"), ws + QStringLiteral("/demo.pipeline.json")});
    QVERIFY2(r.exitCode == 0 || r.exitCode == 3, r.err.constData());

    TargetDb db(ws + QStringLiteral("/ctms.db"));
    QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
    QCOMPARE(db.text(QStringLiteral("SELECT group_concat(name || ':' || sql, '|') FROM "
                                    "(SELECT name, sql FROM sqlite_master ORDER BY name)"))
                 .toUtf8(),
             schema);
    for (const QString& t : ctmsTables())
        QVERIFY2(db.scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(t)) > 0, qPrintable(t));

    // Mapped columns: the payload is stored as text in the CTMS (trim/upper may change its case) or, when
    // a rule rejected the record, in the reject queue with the raw source row.
    QFile mf(ws + QLatin1Char('/') + file + QStringLiteral(".mapping.json"));
    QVERIFY(mf.open(QIODevice::ReadOnly));
    const QJsonObject fields =
        QJsonDocument::fromJson(mf.readAll()).object().value(QStringLiteral("fields")).toObject();
    QSet<QString> mapped;
    for (const QJsonValue& rule : fields) {
        const QJsonValue from = rule.toObject().value(QStringLiteral("from"));
        if (from.isString())
            mapped.insert(from.toString());
        for (const QJsonValue& c : from.toArray())
            mapped.insert(c.toString());
    }
    QStringList textColumns;
    {
        QSqlQuery q(db.sql());
        QVERIFY(q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(entity)));
        while (q.next())
            if (!q.value(1).toString().startsWith(QLatin1Char('_')))
                textColumns << QStringLiteral("instr(lower(%1), lower(?)) > 0").arg(q.value(1).toString());
    }
    int stored = 0, rejected = 0;
    for (const Injection& in : injections) {
        if (!mapped.contains(in.column))
            continue;
        QVariantList binds;
        for (int i = 0; i < textColumns.size(); ++i)
            binds << in.payload;
        const qint64 inCtms = db.scalar(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2")
                                            .arg(entity, textColumns.join(QStringLiteral(" OR "))),
                                        binds);
        const qint64 inRejects = db.scalar(
            QStringLiteral(
                "SELECT COUNT(*) FROM reject WHERE instr(source_record, ?) > 0 AND source_ref LIKE ?"),
            {in.payload, QStringLiteral("%%1.csv:%2%").arg(file).arg(in.line)});
        QVERIFY2(inCtms + inRejects > 0,
                 qPrintable(QStringLiteral("%1 (line %2): the value is neither in %3 nor in "
                                           "the reject queue")
                                .arg(in.column)
                                .arg(in.line)
                                .arg(entity)));
        stored += inCtms > 0;
        rejected += inCtms == 0;
    }
    qInfo("%s: %d columns injected, %d values stored in %s, %d kept with their rejected records",
          qPrintable(file), int(injections.size()), stored, qPrintable(entity), rejected);
    QVERIFY(stored > 0);
}

void TestBadInput::reportFiltersAreNotSql()
{
    const QString ws = prepareCase(QStringLiteral("report"));
    const auto r = runCli({QStringLiteral("report"), QStringLiteral("rejects"), QStringLiteral("--target"),
                           ws + QStringLiteral("/ctms.db"), QStringLiteral("--rule"),
                           QStringLiteral("x' OR '1'='1"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("rejects")).toArray().size(), 0);
    const auto bad =
        runCli({QStringLiteral("report"), QStringLiteral("rejects"), QStringLiteral("--target"),
                ws + QStringLiteral("/ctms.db"), QStringLiteral("--run"), QStringLiteral("1 OR 1=1")});
    QVERIFY(bad.exitCode == 0 || bad.exitCode == 2);
    TargetDb db(ws + QStringLiteral("/ctms.db"));
    QCOMPARE(db.ctmsDigest(), m_digest);
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
