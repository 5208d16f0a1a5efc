#include "model/CtmsSchema.h"
#include "study/StudyConfig.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include "TestSupport.h"

using namespace tb::core;

namespace {

const QByteArray kValid = R"({
    "format": "trialbridge.study/1", "study_id": "S1", "title": "A study", "phase": "II", "status": "ACTIVE",
    "defaultTimeZone": "Europe/Berlin",
    "parameters": {"sponsor_code": "ACME", "version": 3, "ratio": 1.5, "nothing": null},
    "codelists": {"sex": ["M", "F"]},
    "rules": {"visit_window": "warn", "ae_after_consent": "off", "site_exists": "reject"},
    "sites": [
        {"site_id": "DE01", "site_number": "101", "time_zone": "Europe/Berlin", "country_code": "DEU"},
        {"site_id": "US01", "site_number": 201, "time_zone": "America/New_York", "country_code": "USA"},
        {"site_id": "DE02", "time_zone": "Europe/Berlin", "country_code": "DEU", "status": "PLANNED"}
    ],
    "visitSchedule": [
        {"visit_code": "SCR", "planned_day": -14, "window_before": 14, "window_after": 13},
        {"visit_code": "V2", "visit_name": "Week 2", "planned_day": 15, "window_before": 3, "window_after": 3}
    ]
})";

// "entity:key label" of each record.
QStringList labels(const std::vector<Record>& records)
{
    QStringList out;
    for (const Record& r : records)
        out << r.entity->name + QLatin1Char(':') + r.keyLabel();
    return out;
}

} // namespace

class TestStudyConfig : public QObject
{
    Q_OBJECT

private slots:
    void validDocument();
    void records();
    void explicitCountries();
    void defaults();
    void load();
    void errors_data();
    void errors();
};

void TestStudyConfig::validDocument()
{
    QString error;
    const auto s =
        StudyConfig::fromJson(kValid, QStringLiteral("s1.study.json"), CtmsSchema::builtIn(), &error);
    QVERIFY2(s, qPrintable(error));
    QCOMPARE(s->fileName(), QStringLiteral("s1.study.json"));
    QCOMPARE(s->studyId(), QStringLiteral("S1"));
    QCOMPARE(s->defaultTimeZone(), QStringLiteral("Europe/Berlin"));
    QCOMPARE(s->toJson(), QJsonDocument::fromJson(kValid).object());

    // Parameters: the document's, as canonical text, plus study_id and defaultTimeZone.
    QCOMPARE(s->parameter(QStringLiteral("sponsor_code")), QStringLiteral("ACME"));
    QCOMPARE(s->parameter(QStringLiteral("version")), QStringLiteral("3"));
    QCOMPARE(s->parameter(QStringLiteral("ratio")), QStringLiteral("1.5"));
    QVERIFY(s->parameter(QStringLiteral("nothing")).isNull());
    QCOMPARE(s->parameter(QStringLiteral("study_id")), QStringLiteral("S1"));
    QCOMPARE(s->parameter(QStringLiteral("defaultTimeZone")), QStringLiteral("Europe/Berlin"));
    QVERIFY(s->parameter(QStringLiteral("unknown")).isNull());

    // Codelists: the study's override, else the schema's.
    QCOMPARE(s->codelist(QStringLiteral("sex")), (QStringList{"M", "F"}));
    QCOMPARE(s->codelist(QStringLiteral("visit_status")),
             CtmsSchema::builtIn()->codelist(QStringLiteral("visit_status")));
    QVERIFY(s->codelist(QStringLiteral("visit_status")).contains(QStringLiteral("MISSED")));

    // Rule severities; rules the document does not name reject.
    QCOMPARE(s->ruleSeverity(QStringLiteral("visit_window")), RuleSeverity::Warn);
    QCOMPARE(s->ruleSeverity(QStringLiteral("ae_after_consent")), RuleSeverity::Off);
    QCOMPARE(s->ruleSeverity(QStringLiteral("site_exists")), RuleSeverity::Reject);
    QCOMPARE(s->ruleSeverity(QStringLiteral("ae_end_after_start")), RuleSeverity::Reject);
    QCOMPARE(StudyConfig::ruleNames(),
             (QStringList{"site_exists", "visit_window", "ae_after_consent", "ae_end_after_start"}));
}

void TestStudyConfig::records()
{
    QString error;
    const auto s =
        StudyConfig::fromJson(kValid, QStringLiteral("s1.study.json"), CtmsSchema::builtIn(), &error);
    QVERIFY2(s, qPrintable(error));
    const std::vector<Record>& r = s->records();
    // The study, countries derived from the sites (once each, in order of appearance), sites, the schedule.
    QCOMPARE(labels(r),
             (QStringList{"study:S1", "country:S1/DEU", "country:S1/USA", "site:S1/DE01", "site:S1/US01",
                          "site:S1/DE02", "visit_schedule:S1/SCR", "visit_schedule:S1/V2"}));
    QCOMPARE(r[0].value(QStringLiteral("title")), QStringLiteral("A study"));
    QCOMPARE(r[0].value(QStringLiteral("status")), QStringLiteral("ACTIVE"));
    QVERIFY(r[0].value(QStringLiteral("sponsor")).isNull());
    QVERIFY(r[1].value(QStringLiteral("name")).isNull());
    QCOMPARE(r[4].value(QStringLiteral("site_number")), QStringLiteral("201")); // a number becomes text
    QCOMPARE(r[4].value(QStringLiteral("time_zone")), QStringLiteral("America/New_York"));
    QCOMPARE(r[5].value(QStringLiteral("status")), QStringLiteral("PLANNED"));
    QCOMPARE(r[6].value(QStringLiteral("planned_day")), QStringLiteral("-14"));
    QCOMPARE(r[7].value(QStringLiteral("visit_name")), QStringLiteral("Week 2"));
    for (const Record& rec : r)
        QCOMPARE(rec.value(QStringLiteral("study_id")), QStringLiteral("S1"));
    // Each record says where in the document it came from.
    QCOMPARE(r[0].source.toString(), QStringLiteral("s1.study.json (study)"));
    QCOMPARE(r[4].source.toString(), QStringLiteral("s1.study.json (sites[1])"));
    QCOMPARE(r[7].source.toString(), QStringLiteral("s1.study.json (visitSchedule[1])"));
}

void TestStudyConfig::explicitCountries()
{
    const QByteArray json = R"({"format": "trialbridge.study/1", "study_id": "S1",
        "countries": [{"country_code": "FRA", "name": "France"}],
        "sites": [{"site_id": "DE01", "time_zone": "Europe/Berlin", "country_code": "DEU"}]})";
    QString error;
    const auto s = StudyConfig::fromJson(json, QStringLiteral("s.json"), CtmsSchema::builtIn(), &error);
    QVERIFY2(s, qPrintable(error));
    QCOMPARE(labels(s->records()), (QStringList{"study:S1", "country:S1/FRA", "site:S1/DE01"}));
    QCOMPARE(s->records()[1].value(QStringLiteral("name")), QStringLiteral("France"));
}

void TestStudyConfig::defaults()
{
    QString error;
    const auto s = StudyConfig::fromJson(R"({"format": "trialbridge.study/1", "study_id": "MIN"})",
                                         QStringLiteral("s.json"), CtmsSchema::builtIn(), &error);
    QVERIFY2(s, qPrintable(error));
    QCOMPARE(s->defaultTimeZone(), QStringLiteral("UTC"));
    QCOMPARE(s->parameter(QStringLiteral("defaultTimeZone")), QStringLiteral("UTC"));
    QCOMPARE(labels(s->records()), QStringList{"study:MIN"});
    for (const QString& rule : StudyConfig::ruleNames())
        QCOMPARE(s->ruleSeverity(rule), RuleSeverity::Reject);
}

void TestStudyConfig::load()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = tb::test::writeFile(dir.path(), QStringLiteral("s1.study.json"), kValid);
    QString error;
    const auto s = StudyConfig::load(path, CtmsSchema::builtIn(), &error);
    QVERIFY2(s, qPrintable(error));
    QCOMPARE(s->fileName(), path);
    QCOMPARE(s->records().size(), size_t(8));

    const QString missing = dir.filePath(QStringLiteral("missing.study.json"));
    QVERIFY(!StudyConfig::load(missing, CtmsSchema::builtIn(), &error));
    QVERIFY2(error.startsWith(missing + QStringLiteral(": cannot open")), qPrintable(error));
}

void TestStudyConfig::errors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message"); // after "bad.study.json: "

    // A valid document with one key replaced (or added).
    auto with = [](const QByteArray& key, const QByteArray& value) {
        QJsonObject o = QJsonDocument::fromJson(kValid).object();
        o.insert(QString::fromUtf8(key), QJsonDocument::fromJson("[" + value + "]").array().at(0));
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    };
    const QByteArray de01 = R"({"site_id": "DE01", "time_zone": "Europe/Berlin"})";

    QTest::newRow("not JSON") << QByteArray("{") << "invalid JSON at offset";
    QTest::newRow("not an object") << QByteArray("[]") << "a study document must be a JSON object";
    QTest::newRow("no format") << QByteArray(R"({"study_id": "S1"})")
                               << "format: expected \"trialbridge.study/1\"";
    QTest::newRow("no study id") << with("study_id", "\"\"") << "study_id: required";
    QTest::newRow("bad study id") << with("study_id", "\"S 1\"")
                                  << ": study_id: study_id 'S 1' does not match";
    QTest::newRow("bad defaultTimeZone") << with("defaultTimeZone", "\"Mars/Olympus\"")
                                         << "defaultTimeZone: 'Mars/Olympus' is not an IANA time zone";
    QTest::newRow("parameter is an object")
        << with("parameters", R"({"x": {"a": 1}})") << "parameters.x: must be a string or number";
    QTest::newRow("unknown codelist override") << with("codelists", R"({"colour": ["RED"]})")
                                               << "codelists.colour: the CTMS model has no such codelist";
    QTest::newRow("empty codelist override")
        << with("codelists", R"({"sex": []})") << "codelists.sex: needs at least one term";
    QTest::newRow("unknown rule")
        << with("rules", R"({"visit_windows": "warn"})")
        << "rules.visit_windows: unknown rule; known rules: site_exists, visit_window";
    QTest::newRow("bad severity") << with("rules", R"({"visit_window": "error"})")
                                  << "rules.visit_window: must be \"reject\", \"warn\" or \"off\"";
    QTest::newRow("severity not text")
        << with("rules", R"({"visit_window": true})") << "rules.visit_window: must be";
    QTest::newRow("study status not a term")
        << with("status", "\"LIVE\"") << ": status: status 'LIVE' is not a term";
    QTest::newRow("site time zone")
        << with("sites", "[" + de01 + R"(, {"site_id": "DE02", "time_zone": "Europe/Berlinn"}])")
        << "sites[1].time_zone: time_zone 'Europe/Berlinn' is not an IANA time zone";
    QTest::newRow("site without time zone")
        << with("sites", R"([{"site_id": "DE01"}])") << "sites[0].time_zone: Site S1/DE01 has no time_zone";
    QTest::newRow("duplicate site") << with("sites", "[" + de01 + ", " + de01 + "]")
                                    << "sites[1]: duplicate site S1/DE01";
    QTest::newRow("unknown site field") << with("sites", R"([{"site_id": "DE01", "colour": "red"}])")
                                        << "sites[0].colour: site has no field 'colour'";
    QTest::newRow("site not an object") << with("sites", R"(["DE01"])") << "sites[0]: must be an object";
    QTest::newRow("site field not a scalar")
        << with("sites", R"([{"site_id": "DE01", "time_zone": ["UTC"]}])")
        << "sites[0].time_zone: must be a string or number";
    QTest::newRow("bad site id") << with("sites", R"([{"site_id": "DE 01", "time_zone": "UTC"}])")
                                 << "sites[0].site_id: site_id 'DE 01' does not match";
    QTest::newRow("bad site status")
        << with("sites", R"([{"site_id": "DE01", "time_zone": "UTC", "status": "OPEN"}])")
        << "sites[0].status: status 'OPEN' is not a term of codelist site_status";
    QTest::newRow("country code") << with("countries", R"([{"country_code": "de"}])")
                                  << "countries[0].country_code: country_code 'de' does not match";
    // Countries derived from the sites are reported at the site that names them.
    QTest::newRow("derived country code")
        << with("sites", R"([{"site_id": "DE01", "time_zone": "UTC", "country_code": "DEU"},
                             {"site_id": "FR01", "time_zone": "UTC", "country_code": "fr"}])")
        << "sites[1].country_code: country_code 'fr' does not match";
    QTest::newRow("duplicate country")
        << with("countries", R"([{"country_code": "DEU"}, {"country_code": "DEU"}])")
        << "countries[1]: duplicate country S1/DEU";
    QTest::newRow("planned day not a number")
        << with("visitSchedule",
                R"([{"visit_code": "V1", "planned_day": "x", "window_before": 0, "window_after": 0}])")
        << "visitSchedule[0].planned_day: planned_day 'x' is not a whole number";
    QTest::newRow("negative window")
        << with("visitSchedule",
                R"([{"visit_code": "V1", "planned_day": 1, "window_before": -1, "window_after": 0}])")
        << "visitSchedule[0].window_before: window_before -1 is outside the allowed range";
    QTest::newRow("planned day missing")
        << with("visitSchedule", R"([{"visit_code": "V1", "window_before": 0, "window_after": 0}])")
        << "visitSchedule[0].planned_day:";
    QTest::newRow("fractional planned day")
        << with("visitSchedule",
                R"([{"visit_code": "V1", "planned_day": 1.5, "window_before": 0, "window_after": 0}])")
        << "visitSchedule[0].planned_day: planned_day '1.5' is not a whole number";
    QTest::newRow("duplicate visit")
        << with("visitSchedule",
                R"([{"visit_code": "V1", "planned_day": 1, "window_before": 0, "window_after": 0},
                                     {"visit_code": "V1", "planned_day": 8, "window_before": 0, "window_after": 0}])")
        << "visitSchedule[1]: duplicate visit_schedule S1/V1";
}

void TestStudyConfig::errors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    QString error;
    const auto s =
        StudyConfig::fromJson(json, QStringLiteral("bad.study.json"), CtmsSchema::builtIn(), &error);
    QVERIFY(!s);
    QVERIFY2(error.startsWith(QStringLiteral("bad.study.json: ")), qPrintable(error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestStudyConfig)
#include "tst_studyconfig.moc"
