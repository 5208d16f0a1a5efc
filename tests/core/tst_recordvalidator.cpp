#include "model/CtmsSchema.h"
#include "study/StudyConfig.h"
#include "validate/RecordValidator.h"

#include <QtTest>

using namespace tb::core;

namespace {

const QString Null = QStringLiteral("<null>");

// Study S1 narrows the sex codelist and extends the visit status codelist.
const QByteArray kStudy = R"({"format": "trialbridge.study/1", "study_id": "S1",
    "codelists": {"sex": ["M", "F"],
                  "visit_status": ["SCHEDULED", "COMPLETED", "MISSED", "CANCELLED", "UNSCHEDULED"]}})";

// A record of the entity with every required field valid.
Record validRecord(const QString& entity)
{
    static const QHash<QString, QStringList> values{
        {"study", {"study_id", "S1"}},
        {"site", {"study_id", "S1", "site_id", "DE01", "time_zone", "Europe/Berlin"}},
        {"visit_schedule",
         {"study_id", "S1", "visit_code", "V1", "planned_day", "1", "window_before", "0", "window_after",
          "0"}},
        {"subject", {"study_id", "S1", "subject_id", "1001", "site_id", "DE01"}},
        {"visit", {"study_id", "S1", "subject_id", "1001", "visit_code", "V1"}},
        {"adverse_event",
         {"study_id", "S1", "subject_id", "1001", "ae_id", "AE1", "term", "Headache", "start_date",
          "2024-03-05"}},
        {"payment",
         {"study_id", "S1", "payment_id", "P1", "site_id", "DE01", "amount", "100", "currency", "EUR",
          "status", "DRAFT"}},
    };
    const EntityDef* e = CtmsSchema::builtIn()->entity(entity);
    if (!e || !values.contains(entity))
        qFatal("no valid record for %s", qPrintable(entity));
    Record r(e);
    r.source = SourceLocation{QStringLiteral("in.csv"), 7, 0, QString()};
    const QStringList& kv = values[entity];
    for (int i = 0; i < kv.size(); i += 2)
        r.setValue(kv[i], kv[i + 1]);
    return r;
}

QStringList rules(const QVector<ValidationIssue>& issues)
{
    QStringList out;
    for (const ValidationIssue& is : issues)
        out << is.field + QLatin1Char(':') + is.rule;
    return out;
}

} // namespace

class TestRecordValidator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void validRecords_data();
    void validRecords();
    void field_data();
    void field();
    void severalIssues();
    void requiredOnlyWhenAssigned();
    void reportedFieldsAreNotRepeated();
    void nonPartialDateTime();

    void canonicalNumbers_data();
    void canonicalNumbers();
    void timeZones_data();
    void timeZones();

private:
    std::shared_ptr<StudyConfig> m_study;
};

void TestRecordValidator::initTestCase()
{
    QString error;
    m_study = StudyConfig::fromJson(kStudy, QStringLiteral("s1.study.json"), CtmsSchema::builtIn(), &error);
    QVERIFY2(m_study, qPrintable(error));
}

void TestRecordValidator::validRecords_data()
{
    QTest::addColumn<QString>("entity");
    for (const char* e : {"study", "site", "visit_schedule", "subject", "visit", "adverse_event", "payment"})
        QTest::newRow(e) << QString::fromLatin1(e);
}

void TestRecordValidator::validRecords()
{
    QFETCH(QString, entity);
    QVector<ValidationIssue> out;
    QVERIFY(RecordValidator(*m_study).validate(validRecord(entity), out));
    QVERIFY2(out.isEmpty(), qPrintable(out.value(0).toString()));
}

void TestRecordValidator::field_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("rule");     // empty: valid
    QTest::addColumn<QString>("mentions"); // text the message must contain besides the field name

    auto ok = [](const char* tag, const char* entity, const char* field, const QString& value) {
        QTest::newRow(tag) << entity << field << value << QString() << QString();
    };
    auto bad = [](const char* tag, const char* entity, const char* field, const QString& value,
                  const char* rule, const QString& mentions) {
        QTest::newRow(tag) << entity << field << value << rule << mentions;
    };

    // required
    bad("required site of a subject", "subject", "site_id", Null, "required", "S1/1001");
    bad("required AE start", "adverse_event", "start_date", Null, "required", "Start (UTC)");
    bad("required time zone", "site", "time_zone", Null, "required", "S1/DE01");
    bad("required study id", "subject", "study_id", Null, "required", "study_id");
    ok("optional field missing", "subject", "sex", Null);
    ok("empty text is a value", "adverse_event", "relationship", "");

    // study_id must be the study's
    bad("other study", "subject", "study_id", "S2", "study", "'S2'");
    bad("other study names this study", "visit", "study_id", "S2", "study", "loads study 'S1'");
    bad("study id case", "subject", "study_id", "s1", "study", "'s1'");

    // integer and range
    ok("integer", "visit_schedule", "planned_day", "14");
    ok("negative integer", "visit_schedule", "planned_day", "-14");
    ok("range low end", "visit_schedule", "planned_day", "-3650");
    ok("range high end", "visit_schedule", "planned_day", "36500");
    bad("below range", "visit_schedule", "planned_day", "-3651", "range", "-3651");
    bad("above range", "visit_schedule", "planned_day", "36501", "range", "36501");
    bad("negative window", "visit_schedule", "window_before", "-1", "range",
        "-1 is outside the allowed range 0 to 3650");
    bad("fraction", "visit_schedule", "planned_day", "1.5", "type", "'1.5' is not a whole number");
    bad("plus sign", "visit_schedule", "planned_day", "+3", "type", "'+3'");
    bad("empty integer", "visit_schedule", "planned_day", "", "type", "''");
    bad("minus only", "visit_schedule", "planned_day", "-", "type", "'-'");
    bad("trailing space", "visit_schedule", "planned_day", "3 ", "type", "'3 '");
    bad("letters", "visit_schedule", "window_after", "three", "type", "'three'");

    // decimal and range
    ok("decimal", "payment", "amount", "12.50");
    ok("zero", "payment", "amount", "0");
    ok("no integer part", "payment", "amount", ".5");
    bad("decimal comma", "payment", "amount", "1,5", "type", "'1,5'");
    bad("trailing point", "payment", "amount", "1.", "type", "'1.'");
    bad("exponent", "payment", "amount", "1e3", "type", "'1e3'");
    bad("negative without integer part", "payment", "amount", "-.5", "type", "'-.5'");
    bad("two points", "payment", "amount", "1.2.3", "type", "'1.2.3'");
    bad("negative amount", "payment", "amount", "-0.01", "range", "-0.01 is outside the allowed range 0 to");

    // dates
    ok("complete date", "subject", "informed_consent_date", "2024-03-05");
    bad("partial date not allowed", "subject", "informed_consent_date", "2024-03", "partial_date",
        "'2024-03'");
    bad("year not allowed", "subject", "informed_consent_date", "2024", "partial_date", "'2024'");
    ok("partial date allowed, month", "subject", "birth_date", "1980-07");
    ok("partial date allowed, year", "subject", "birth_date", "1980");
    bad("date with a time", "subject", "informed_consent_date", "2024-03-05T09:30Z", "type",
        "date (YYYY-MM-DD)");
    bad("not ISO", "subject", "informed_consent_date", "05.03.2024", "type", "'05.03.2024'");
    bad("impossible date", "subject", "birth_date", "1980-02-30", "type", "'1980-02-30'");
    bad("partial field still checks the type", "subject", "birth_date", "1980-13", "type", "'1980-13'");

    // date-times
    ok("UTC date-time", "visit", "visit_date", "2024-03-05T09:30Z");
    ok("with seconds", "visit", "visit_date", "2024-03-05T09:30:15Z");
    ok("date in a date-time field", "visit", "visit_date", "2024-03-05");
    ok("partial date-time", "adverse_event", "start_date", "2024-03");
    bad("local date-time", "visit", "visit_date", "2024-03-05T09:30", "type", "date-time in UTC");
    bad("offset date-time", "visit", "visit_date", "2024-03-05T09:30+01:00", "type",
        "'2024-03-05T09:30+01:00'");

    // time zones
    ok("IANA zone", "site", "time_zone", "Asia/Kolkata");
    ok("UTC zone", "site", "time_zone", "UTC");
    bad("misspelt zone", "site", "time_zone", "Europe/Berlinn", "type",
        "'Europe/Berlinn' is not an IANA time zone");
    bad("zone case", "site", "time_zone", "europe/berlin", "type", "'europe/berlin'");
    bad("offset is no zone", "site", "time_zone", "+01:00", "type", "'+01:00'");

    // length
    ok("40 characters", "visit", "visit_code", QString(40, u'V'));
    bad("41 characters", "visit", "visit_code", QString(41, u'V'), "length",
        "41 characters long; at most 40");
    ok("400 characters", "adverse_event", "term", QString(400, u't'));
    bad("401 characters", "adverse_event", "term", QString(401, u't'), "length", "at most 400");
    bad("long study title", "study", "title", QString(401, u'T'), "length", "at most 400");

    // pattern
    ok("subject id", "subject", "subject_id", "S1-1001_a.b");
    bad("space in subject id", "subject", "subject_id", "10 01", "pattern", "'10 01'");
    bad("empty subject id", "subject", "subject_id", "", "pattern", "''");
    bad("41-character subject id", "subject", "subject_id", QString(41, u'1'), "pattern", "does not match");
    bad("slash in site id", "site", "site_id", "DE/01", "pattern", "'DE/01'");
    bad("lower-case currency", "payment", "currency", "eur", "pattern", "^[A-Z]{3}$");
    bad("four-letter currency", "payment", "currency", "EURO", "pattern", "'EURO'");

    // codelists, with the study's overrides
    ok("term", "subject", "sex", "F");
    bad("term removed by the study", "subject", "sex", "U", "codelist",
        "'U' is not a term of codelist sex (M, F)");
    bad("term case", "subject", "sex", "m", "codelist", "'m'");
    ok("schema codelist", "subject", "status", "ENROLLED");
    bad("schema codelist, not a term", "subject", "status", "Enrolled", "codelist", "'Enrolled'");
    ok("term added by the study", "visit", "status", "UNSCHEDULED");
    ok("schema term kept by the study", "visit", "status", "MISSED");
    bad("not in the study's list", "visit", "status", "DONE", "codelist", "UNSCHEDULED");
    bad("required code", "payment", "status", Null, "required", "status");
}

void TestRecordValidator::field()
{
    QFETCH(QString, entity);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, rule);
    QFETCH(QString, mentions);

    Record r = validRecord(entity);
    QVERIFY(r.entity->indexOf(field) >= 0);
    r.setValue(field, value == Null ? QString() : value);
    QVector<ValidationIssue> out;
    const bool ok = RecordValidator(*m_study).validate(r, out);
    if (rule.isEmpty()) {
        QVERIFY2(out.isEmpty(), qPrintable(out.value(0).toString()));
        QVERIFY(ok);
        return;
    }
    QVERIFY(!ok);
    QCOMPARE(rules(out), QStringList{field + QLatin1Char(':') + rule});
    const ValidationIssue& is = out.first();
    QCOMPARE(is.severity, ValidationIssue::Severity::Error);
    QCOMPARE(is.entity, entity);
    QCOMPARE(is.naturalKey, r.naturalKeyJson());
    QCOMPARE(is.value, value == Null ? QString() : value);
    QCOMPARE(is.value.isNull(), value == Null);
    QCOMPARE(is.source.toString(), QStringLiteral("in.csv:7"));
    if (rule != QLatin1String("study")) // that one names the studies instead
        QVERIFY2(is.message.contains(field), qPrintable(is.message));
    QVERIFY2(is.message.contains(mentions), qPrintable(is.message));
}

void TestRecordValidator::severalIssues()
{
    Record r = validRecord(QStringLiteral("payment"));
    r.setValue(QStringLiteral("amount"), QStringLiteral("-5"));
    r.setValue(QStringLiteral("currency"), QStringLiteral("eur"));
    r.setValue(QStringLiteral("status"), QStringLiteral("OPEN"));
    r.setValue(QStringLiteral("due_date"), QStringLiteral("2024-02-30"));
    const QVector<ValidationIssue> issues = RecordValidator(*m_study).validate(r);
    // One issue per field, in schema order.
    QCOMPARE(rules(issues),
             (QStringList{"amount:range", "currency:pattern", "status:codelist", "due_date:type"}));
}

// A merge record sets only some fields: missing required fields it does not set are not its business.
void TestRecordValidator::requiredOnlyWhenAssigned()
{
    const EntityDef* e = CtmsSchema::builtIn()->entity(QStringLiteral("adverse_event"));
    Record r = validRecord(QStringLiteral("adverse_event"));
    r.setValue(QStringLiteral("term"), QString());
    r.setValue(QStringLiteral("start_date"), QString());
    r.assigned = 0;
    for (const char* f : {"study_id", "subject_id", "ae_id", "start_date", "severity"})
        r.setAssigned(e->indexOf(QLatin1String(f)));

    QVector<ValidationIssue> out;
    QVERIFY(!RecordValidator(*m_study).validate(r, out));
    QCOMPARE(rules(out), QStringList{"start_date:required"});

    // Values the record does set are still checked.
    r.setValue(QStringLiteral("start_date"), QStringLiteral("2024-03-05"));
    r.setValue(QStringLiteral("severity"), QStringLiteral("HIGH"));
    out.clear();
    QVERIFY(!RecordValidator(*m_study).validate(r, out));
    QCOMPARE(rules(out), QStringList{"severity:codelist"});
}

// A field the mapping already reported (its transform failed, so it is null) is not reported again.
void TestRecordValidator::reportedFieldsAreNotRepeated()
{
    Record r = validRecord(QStringLiteral("adverse_event"));
    r.setValue(QStringLiteral("start_date"), QString());            // required, but its date transform failed
    r.setValue(QStringLiteral("severity"), QStringLiteral("HIGH")); // a new problem
    QVector<ValidationIssue> out;
    ValidationIssue mapped;
    mapped.field = QStringLiteral("start_date");
    mapped.rule = QStringLiteral("date");
    out << mapped;

    QVERIFY(!RecordValidator(*m_study).validate(r, out));
    QCOMPARE(rules(out), (QStringList{"start_date:date", "severity:codelist"}));

    // With only the already reported field wrong, nothing new is found.
    r.setValue(QStringLiteral("severity"), QStringLiteral("MILD"));
    out.resize(1);
    QVERIFY(RecordValidator(*m_study).validate(r, out));
    QCOMPARE(rules(out), QStringList{"start_date:date"});

    // Without the earlier issue, the missing start is reported.
    QCOMPARE(rules(RecordValidator(*m_study).validate(r)), QStringList{"start_date:required"});
}

// The built-in date-time fields all allow partial values: a schema with one that does not.
void TestRecordValidator::nonPartialDateTime()
{
    const QByteArray schemaJson = R"({"name": "mini", "version": 1, "codelists": {},
        "entities": [
          {"name": "study", "key": ["study_id"], "fields": [{"name": "study_id", "type": "text", "required": true}]},
          {"name": "event", "key": ["study_id", "event_id"], "fields": [
            {"name": "study_id", "type": "text", "required": true},
            {"name": "event_id", "type": "text", "required": true},
            {"name": "at", "type": "datetime"},
            {"name": "score", "type": "decimal", "max": 10}]}]})";
    QString error;
    const auto schema = CtmsSchema::fromJson(schemaJson, QStringLiteral("mini.json"), &error);
    QVERIFY2(schema, qPrintable(error));
    const auto study = StudyConfig::fromJson(R"({"format": "trialbridge.study/1", "study_id": "S1"})",
                                             QStringLiteral("s.json"), schema, &error);
    QVERIFY2(study, qPrintable(error));
    const RecordValidator validator(*study);

    Record r(schema->entity(QStringLiteral("event")));
    r.setValue(QStringLiteral("study_id"), QStringLiteral("S1"));
    r.setValue(QStringLiteral("event_id"), QStringLiteral("E1"));
    r.setValue(QStringLiteral("at"), QStringLiteral("2024-03-05T09:30Z"));
    r.setValue(QStringLiteral("score"), QStringLiteral("10"));
    QCOMPARE(rules(validator.validate(r)), QStringList());
    r.setValue(QStringLiteral("at"), QStringLiteral("2024-03-05"));
    QCOMPARE(rules(validator.validate(r)), QStringList());
    r.setValue(QStringLiteral("at"), QStringLiteral("2024-03"));
    QCOMPARE(rules(validator.validate(r)), QStringList{"at:partial_date"});
    r.setValue(QStringLiteral("at"), QString());
    r.setValue(QStringLiteral("score"), QStringLiteral("10.01"));
    QCOMPARE(rules(validator.validate(r)), QStringList{"score:range"});
}

void TestRecordValidator::canonicalNumbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("integer");
    QTest::addColumn<bool>("decimal");

    QTest::newRow("0") << "0" << true << true;
    QTest::newRow("-12") << "-12" << true << true;
    QTest::newRow("12.5") << "12.5" << false << true;
    QTest::newRow("-0.25") << "-0.25" << false << true;
    QTest::newRow(".5") << ".5" << false << true;
    QTest::newRow("empty") << "" << false << false;
    QTest::newRow("-") << "-" << false << false;
    QTest::newRow("+1") << "+1" << false << false;
    QTest::newRow("1.") << "1." << false << false;
    QTest::newRow("1.-5") << "1.-5" << false << false;
    QTest::newRow("-.5") << "-.5" << false << false;
    QTest::newRow("1,5") << "1,5" << false << false;
    QTest::newRow("1 000") << "1 000" << false << false;
    QTest::newRow("--1") << "--1" << false << false;
}

void TestRecordValidator::canonicalNumbers()
{
    QFETCH(QString, text);
    QFETCH(bool, integer);
    QFETCH(bool, decimal);
    QCOMPARE(RecordValidator::isCanonicalInteger(text), integer);
    QCOMPARE(RecordValidator::isCanonicalDecimal(text), decimal);
}

void TestRecordValidator::timeZones_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("Europe/Berlin") << "Europe/Berlin" << true;
    QTest::newRow("America/Los_Angeles") << "America/Los_Angeles" << true;
    QTest::newRow("Asia/Kolkata") << "Asia/Kolkata" << true;
    QTest::newRow("UTC") << "UTC" << true;
    QTest::newRow("misspelt") << "Europe/Berlinn" << false;
    QTest::newRow("lower case") << "europe/berlin" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("city only") << "Berlin" << false;
}

void TestRecordValidator::timeZones()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(RecordValidator::isTimeZone(id), valid);
}

QTEST_GUILESS_MAIN(TestRecordValidator)
#include "tst_recordvalidator.moc"
