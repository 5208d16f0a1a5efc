#include "mapping/TransformFactory.h"
#include "model/CtmsSchema.h"
#include "model/Record.h"
#include "model/ReferenceData.h"
#include "study/StudyConfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace tb::core;

namespace {

const QString Null = QStringLiteral("<null>");

// Sites and lookups of study S1, answered from memory.
class FakeReference final : public ReferenceData
{
public:
    QHash<QString, QString> zones;        // site → IANA zone
    QHash<QString, QString> siteByNumber; // site_number → site_id

    bool siteExists(const QString& study, const QString& site) override
    {
        return study == QLatin1String("S1") && zones.contains(site);
    }
    QString siteTimeZone(const QString& study, const QString& site) override
    {
        return study == QLatin1String("S1") ? zones.value(site) : QString();
    }
    std::optional<VisitWindow> visitWindow(const QString&, const QString&) override { return std::nullopt; }
    std::optional<QString> lookup(const QString& entity, const QString& match, const QString& value,
                                  const QString& ret, const QString& study) override
    {
        if (entity != QLatin1String("site") || match != QLatin1String("site_number") ||
            ret != QLatin1String("site_id") || study != QLatin1String("S1") || !siteByNumber.contains(value))
            return std::nullopt;
        return siteByNumber.value(value);
    }
};

Values toValues(const QStringList& in)
{
    Values v;
    for (const QString& s : in)
        v.append(s == Null ? QString() : s);
    return v;
}

QStringList show(const Values& values)
{
    QStringList out;
    for (const QString& v : values)
        out << (v.isNull() ? Null : v);
    return out;
}

// Parameters as written in a mapping: an object or a scalar shorthand.
QJsonValue params(const QByteArray& json)
{
    QJsonParseError pe;
    const QJsonDocument d = QJsonDocument::fromJson("[" + json + "]", &pe);
    if (pe.error != QJsonParseError::NoError)
        qFatal("bad params in test table: %s", json.constData());
    return d.array().at(0);
}

void columns()
{
    QTest::addColumn<QString>("transform");
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<QString>("site");
    QTest::addColumn<QStringList>("inputs");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("rule");     // empty: the transform succeeds
    QTest::addColumn<QString>("mentions"); // text the failure message must contain
}

void pass(const char* tag, const char* transform, const QByteArray& p, const QStringList& in,
          const QStringList& out, const QString& site = QStringLiteral("DE01"))
{
    QTest::newRow(tag) << QString::fromLatin1(transform) << p << site << in << out << QString() << QString();
}

void fail(const char* tag, const char* transform, const QByteArray& p, const QStringList& in,
          const char* rule, const QString& mentions, const QString& site = QStringLiteral("DE01"))
{
    QTest::newRow(tag) << QString::fromLatin1(transform) << p << site << in << QStringList()
                       << QString::fromLatin1(rule) << mentions;
}

} // namespace

class TestTransforms : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void trim_data();
    void trim() { verifyRow(); }
    void caseChange_data();
    void caseChange() { verifyRow(); }
    void valueMap_data();
    void valueMap() { verifyRow(); }
    void dateIso_data();
    void dateIso() { verifyRow(); }
    void datePattern_data();
    void datePattern() { verifyRow(); }
    void dateZones_data();
    void dateZones() { verifyRow(); }
    void dateDaylightSaving_data();
    void dateDaylightSaving() { verifyRow(); }
    void number_data();
    void number() { verifyRow(); }
    void combine_data();
    void combine() { verifyRow(); }
    void defaultValue_data();
    void defaultValue() { verifyRow(); }
    void replace_data();
    void replace() { verifyRow(); }
    void lookup_data();
    void lookup() { verifyRow(); }

    void siteZoneFromUnitRoot();
    void daylightSavingIsDeterministic();
    void combinesFlag();
    void invalidSpecs_data();
    void invalidSpecs();

private:
    void verifyRow();

    std::shared_ptr<StudyConfig> m_study;
    FakeReference m_reference;
};

void TestTransforms::initTestCase()
{
    // defaultTimeZone drives the "study" zone.
    const QByteArray json =
        R"({"format": "trialbridge.study/1", "study_id": "S1", "defaultTimeZone": "America/New_York",
        "sites": [{"site_id": "DE01", "site_number": "101", "time_zone": "Europe/Berlin"},
                  {"site_id": "IN01", "site_number": "201", "time_zone": "Asia/Kolkata"}]})";
    QString error;
    m_study = StudyConfig::fromJson(json, QStringLiteral("s1.study.json"), CtmsSchema::builtIn(), &error);
    QVERIFY2(m_study, qPrintable(error));
    m_reference.zones = {{QStringLiteral("DE01"), QStringLiteral("Europe/Berlin")},
                         {QStringLiteral("IN01"), QStringLiteral("Asia/Kolkata")},
                         {QStringLiteral("US01"), QStringLiteral("America/New_York")}};
    m_reference.siteByNumber = {{QStringLiteral("101"), QStringLiteral("DE01")},
                                {QStringLiteral("201"), QStringLiteral("IN01")}};
}

// Applies the row's transform to its inputs on a subject of study S1 at the row's site.
void TestTransforms::verifyRow()
{
    QFETCH(QString, transform);
    QFETCH(QByteArray, params);
    QFETCH(QString, site);
    QFETCH(QStringList, inputs);
    QFETCH(QStringList, expected);
    QFETCH(QString, rule);
    QFETCH(QString, mentions);

    QString error;
    const auto t = TransformFactory::create(TransformSpec{transform, ::params(params)}, &error);
    QVERIFY2(t, qPrintable(error));

    Record subject(CtmsSchema::builtIn()->entity(QStringLiteral("subject")));
    subject.setValue(QStringLiteral("study_id"), QStringLiteral("S1"));
    if (!site.isEmpty())
        subject.setValue(QStringLiteral("site_id"), site);
    TransformContext ctx;
    ctx.study = m_study.get();
    ctx.reference = &m_reference;
    ctx.record = &subject;

    Values values = toValues(inputs);
    const bool ok = t->apply(values, ctx);
    if (rule.isEmpty()) {
        QVERIFY2(ok, qPrintable(ctx.failedRule + QStringLiteral(": ") + ctx.failedMessage));
        QCOMPARE(show(values), expected);
        // Transforms are shared by every row: a second row gives the same answer (caches included).
        Values again = toValues(inputs);
        QVERIFY(t->apply(again, ctx));
        QCOMPARE(show(again), expected);
    } else {
        QVERIFY2(!ok, qPrintable(QStringLiteral("unexpectedly gave ") + show(values).join(QLatin1Char('|'))));
        QCOMPARE(ctx.failedRule, rule);
        QVERIFY2(ctx.failedMessage.contains(mentions), qPrintable(ctx.failedMessage));
    }
}

void TestTransforms::trim_data()
{
    columns();
    pass("both ends", "trim", "{}", {" a b "}, {"a b"});
    pass("tabs and newlines", "trim", "{}", {"\t1001\r\n"}, {"1001"});
    pass("nothing to trim", "trim", "{}", {"x"}, {"x"});
    pass("only spaces become null", "trim", "{}", {"   "}, {Null});
    pass("empty becomes null", "trim", "{}", {""}, {Null});
    pass("null stays null", "trim", "{}", {Null}, {Null});
    pass("every value", "trim", "null", {" a", "b ", Null}, {"a", "b", Null});
}

void TestTransforms::caseChange_data()
{
    columns();
    pass("upper", "case", R"({"to": "upper"})", {"mild"}, {"MILD"});
    pass("lower", "case", R"({"to": "lower"})", {"MiLd"}, {"mild"});
    pass("string shorthand", "case", R"("lower")", {"ABC"}, {"abc"});
    pass("upper shorthand", "upper", "{}", {"s1-1001"}, {"S1-1001"});
    pass("lower shorthand", "lower", "{}", {"ÄÖÜ"}, {"äöü"});
    pass("non-ASCII upper", "upper", "{}", {"straße ä"}, {"STRASSE Ä"});
    pass("already upper", "upper", "{}", {"ABC-1"}, {"ABC-1"});
    pass("null and several values", "upper", "{}", {"a", Null, "b"}, {"A", Null, "B"});
}

void TestTransforms::valueMap_data()
{
    columns();
    const QByteArray map = R"({"map": {"DONE": "COMPLETED", "NOT DONE": "MISSED"}})";
    pass("mapped", "valueMap", map, {"DONE"}, {"COMPLETED"});
    pass("with space", "valueMap", map, {"NOT DONE"}, {"MISSED"});
    pass("null is not looked up", "valueMap", map, {Null}, {Null});
    fail("unmapped rejects by default", "valueMap", map, {"FINISHED"}, "value_map", "'FINISHED'");
    fail("message lists the mapped values", "valueMap", map, {"FINISHED"}, "value_map", "DONE, NOT DONE");
    fail("case matters", "valueMap", map, {"done"}, "value_map", "'done'");
    fail("rejects on the first bad value", "valueMap", map, {"DONE", "LATER"}, "value_map", "'LATER'");

    const QByteArray ignoreCase =
        R"({"map": {"Yes": "Y", "No": "N"}, "ignoreCase": true, "unmapped": "reject"})";
    pass("ignoreCase lower", "valueMap", ignoreCase, {"yes"}, {"Y"});
    pass("ignoreCase upper", "valueMap", ignoreCase, {"NO"}, {"N"});
    fail("ignoreCase unmapped", "valueMap", ignoreCase, {"maybe"}, "value_map", "'maybe'");

    pass("pass keeps the value", "valueMap", R"({"map": {"M": "MALE"}, "unmapped": "pass"})", {"F"}, {"F"});
    pass("pass still maps", "valueMap", R"({"map": {"M": "MALE"}, "unmapped": "pass"})", {"M"}, {"MALE"});
    pass("default replaces", "valueMap",
         R"({"map": {"M": "MALE"}, "unmapped": "default", "default": "UNKNOWN"})", {"X"}, {"UNKNOWN"});
    pass("default keeps nulls", "valueMap",
         R"({"map": {"M": "MALE"}, "unmapped": "default", "default": "UNKNOWN"})", {Null}, {Null});
    pass("null target", "valueMap", R"({"map": {"N/A": null, "M": "M"}})", {"N/A"}, {Null});
    pass("codelist is informational", "valueMap", R"({"map": {"a": "b"}, "codelist": "sex"})", {"a"}, {"b"});
}

void TestTransforms::dateIso_data()
{
    columns();
    const QByteArray iso = R"({"format": "iso"})";
    pass("date", "date", iso, {"2024-03-05"}, {"2024-03-05"});
    pass("default format is iso", "date", "{}", {"2024-03-05"}, {"2024-03-05"});
    pass("leap day", "date", iso, {"2024-02-29"}, {"2024-02-29"});
    pass("year and month kept partial", "date", iso, {"2013-05"}, {"2013-05"});
    pass("year kept partial", "date", iso, {"2013"}, {"2013"});
    pass("minutes, UTC", "date", iso, {"2024-03-05T09:30"}, {"2024-03-05T09:30Z"});
    pass("space separator and seconds", "date", iso, {"2024-03-05 09:30:15"}, {"2024-03-05T09:30:15Z"});
    pass("fraction dropped", "date", iso, {"2024-03-05T09:30:15.250"}, {"2024-03-05T09:30:15Z"});
    pass("Z", "date", iso, {"2024-03-05T09:30Z"}, {"2024-03-05T09:30Z"});
    pass("positive offset", "date", iso, {"2024-03-05T09:30+02:00"}, {"2024-03-05T07:30Z"});
    pass("negative offset", "date", iso, {"2024-03-05T21:30:05-05:00"}, {"2024-03-06T02:30:05Z"});
    pass("offset without colon", "date", iso, {"2024-03-05T00:30+0530"}, {"2024-03-04T19:00Z"});
    pass("hour-only offset", "date", iso, {"2024-01-01T00:15+01"}, {"2023-12-31T23:15Z"});
    pass("null", "date", iso, {Null}, {Null});

    fail("day 30 of February", "date", iso, {"2024-02-30"}, "date", "'2024-02-30'");
    fail("29 February of a common year", "date", iso, {"2023-02-29"}, "date", "'2023-02-29'");
    fail("month 13", "date", iso, {"2024-13-01"}, "date", "'2024-13-01'");
    fail("month 0", "date", iso, {"2024-00"}, "date", "'2024-00'");
    fail("month 13 without day", "date", iso, {"2024-13"}, "date", "'2024-13'");
    fail("day 0", "date", iso, {"2024-03-00"}, "date", "'2024-03-00'");
    fail("month 0 with day", "date", iso, {"2024-00-05"}, "date", "'2024-00-05'");
    fail("day 0 with time", "date", iso, {"2024-03-00T10:00"}, "date", "'2024-03-00T10:00'");
    fail("single-digit parts", "date", iso, {"2024-3-5"}, "date", "'2024-3-5'");
    fail("not ISO", "date", iso, {"05.03.2024"}, "date", "ISO 8601");
    fail("hour 24", "date", iso, {"2024-03-05T24:00"}, "date", "'2024-03-05T24:00'");
    fail("minute 60", "date", iso, {"2024-03-05T09:60"}, "date", "'2024-03-05T09:60'");
    fail("second 60", "date", iso, {"2024-03-05T09:30:60"}, "date", "'2024-03-05T09:30:60'");
    fail("hour without minutes", "date", iso, {"2024-03-05T09"}, "date", "'2024-03-05T09'");
    fail("offset beyond 18 hours", "date", iso, {"2024-03-05T09:30+19:00"}, "date",
         "'2024-03-05T09:30+19:00'");
    fail("trailing text", "date", iso, {"2024-03-05T09:30Zx"}, "date", "'2024-03-05T09:30Zx'");
    fail("unknown day is not ISO", "date", iso, {"2024-03-UN"}, "date", "'2024-03-UN'");
    fail("empty text", "date", iso, {""}, "date", "''");
    fail("partial rejected", "date", R"({"partial": "reject"})", {"2013-05"}, "partial_date", "'2013-05'");
    pass("complete with partial rejected", "date", R"({"partial": "reject"})", {"2013-05-14"},
         {"2013-05-14"});
}

void TestTransforms::datePattern_data()
{
    columns();
    const QByteArray de = R"({"format": "dd.MM.yyyy HH:mm"})";
    pass("date and time", "date", de, {"05.03.2024 09:30"}, {"2024-03-05T09:30Z"});
    pass("date part only", "date", de, {"05.03.2024"}, {"2024-03-05"});
    pass("unknown day", "date", de, {"UN.03.2024"}, {"2024-03"});
    pass("unknown day XX", "date", de, {"XX.03.2024"}, {"2024-03"});
    pass("unknown day --", "date", de, {"--.03.2024"}, {"2024-03"});
    pass("unknown day and month", "date", de, {"UN.UN.2024"}, {"2024"});
    fail("unknown month with known day", "date", de, {"05.UN.2024"}, "date", "'05.UN.2024'");
    fail("31 April", "date", de, {"31.04.2024 10:00"}, "date", "'31.04.2024 10:00'");
    fail("fixed width day", "date", de, {"5.03.2024"}, "date", "dd.MM.yyyy HH:mm");
    fail("fixed width hour", "date", de, {"05.03.2024 9:30"}, "date", "'05.03.2024 9:30'");
    fail("wrong separator", "date", de, {"05/03/2024"}, "date", "'05/03/2024'");
    fail("hour without minutes", "date", de, {"05.03.2024 09"}, "date", "'05.03.2024 09'");
    fail("stops after the colon", "date", de, {"05.03.2024 09:"}, "date", "'05.03.2024 09:'");
    fail("hour 25", "date", de, {"05.03.2024 25:00"}, "date", "'05.03.2024 25:00'");
    fail("extra text", "date", de, {"05.03.2024 09:30 CET"}, "date", "'05.03.2024 09:30 CET'");
    fail("partial rejected", "date", R"({"format": "dd.MM.yyyy", "partial": "reject"})", {"UN.03.2024"},
         "partial_date", "'UN.03.2024'");

    const QByteArray loose = R"({"format": "d.M.yyyy H:mm"})";
    pass("one-digit parts", "date", loose, {"5.3.2024 9:05"}, {"2024-03-05T09:05Z"});
    pass("two-digit parts in loose fields", "date", loose, {"15.12.2024 19:05"}, {"2024-12-15T19:05Z"});

    const QByteArray mon = R"({"format": "dd-MMM-yyyy"})";
    pass("month name", "date", mon, {"05-MAR-2024"}, {"2024-03-05"});
    pass("month name any case", "date", mon, {"05-mar-2024"}, {"2024-03-05"});
    pass("UNK day", "date", mon, {"UNK-DEC-2023"}, {"2023-12"});
    pass("UN day", "date", mon, {"UN-MAR-2023"}, {"2023-03"});
    pass("UN day and UNK month", "date", mon, {"UN-UNK-2023"}, {"2023"});
    fail("unknown month name", "date", mon, {"05-MRZ-2024"}, "date", "'05-MRZ-2024'");

    const QByteArray yy = R"({"format": "dd.MM.yy"})";
    pass("two-digit year 24", "date", yy, {"05.03.24"}, {"2024-03-05"});
    pass("two-digit year 00", "date", yy, {"05.03.00"}, {"2000-03-05"});
    pass("two-digit year 49", "date", yy, {"05.03.49"}, {"2049-03-05"});
    pass("two-digit year 50", "date", yy, {"05.03.50"}, {"1950-03-05"});
    pass("two-digit year 99", "date", yy, {"05.03.99"}, {"1999-03-05"});

    pass("compact", "date", R"({"format": "yyyyMMdd"})", {"20240305"}, {"2024-03-05"});
    pass("seconds", "date", R"({"format": "yyyy/MM/dd HH:mm:ss"})", {"2024/03/05 09:30:15"},
         {"2024-03-05T09:30:15Z"});
    pass("seconds may be left out", "date", R"({"format": "dd.MM.yyyy HH:mm:ss"})", {"05.03.2024 09:30"},
         {"2024-03-05T09:30Z"});
    pass("string shorthand", "date", R"("dd.MM.yyyy")", {"05.03.2024"}, {"2024-03-05"});
}

void TestTransforms::dateZones_data()
{
    columns();
    const QByteArray de = R"({"format": "dd.MM.yyyy HH:mm", "zone": "%1"})";
    auto in = [&](const char* zone) { return QByteArray(de).replace("%1", zone); };
    pass("UTC", "date", in("UTC"), {"05.03.2024 09:30"}, {"2024-03-05T09:30Z"});
    pass("Berlin winter", "date", in("Europe/Berlin"), {"05.03.2024 09:30"}, {"2024-03-05T08:30Z"});
    pass("Berlin summer", "date", in("Europe/Berlin"), {"05.07.2024 09:30"}, {"2024-07-05T07:30Z"});
    pass("Berlin, previous UTC day", "date", in("Europe/Berlin"), {"01.01.2024 00:30"},
         {"2023-12-31T23:30Z"});
    pass("New York winter", "date", in("America/New_York"), {"15.01.2024 08:00"}, {"2024-01-15T13:00Z"});
    pass("New York summer", "date", in("America/New_York"), {"15.07.2024 08:00"}, {"2024-07-15T12:00Z"});
    pass("New York, next UTC day", "date", in("America/New_York"), {"31.12.2024 22:15"},
         {"2025-01-01T03:15Z"});
    pass("Kolkata half hour", "date", in("Asia/Kolkata"), {"05.03.2024 09:30"}, {"2024-03-05T04:00Z"});
    pass("Kolkata, previous UTC day", "date", in("Asia/Kolkata"), {"01.03.2024 02:00"},
         {"2024-02-29T20:30Z"});
    pass("a date has no zone", "date", in("Asia/Kolkata"), {"05.03.2024"}, {"2024-03-05"});

    pass("study zone", "date", in("study"), {"15.07.2024 08:00"}, {"2024-07-15T12:00Z"});
    pass("site zone, Berlin", "date", in("site"), {"05.07.2024 09:30"}, {"2024-07-05T07:30Z"}, "DE01");
    pass("site zone, Kolkata", "date", in("site"), {"05.07.2024 09:30"}, {"2024-07-05T04:00Z"}, "IN01");
    fail("site zone, site not in the study", "date", in("site"), {"05.07.2024 09:30"}, "time_zone",
         "site 'XX99'", "XX99");
    fail("site zone, site unknown", "date", in("site"), {"05.07.2024 09:30"}, "time_zone",
         "'05.07.2024 09:30'", QString());
    pass("site zone, date needs no site", "date", in("site"), {"05.07.2024"}, {"2024-07-05"}, QString());

    // An offset in the value wins over the configured zone (and needs no site).
    const QByteArray isoSite = R"({"format": "iso", "zone": "site"})";
    pass("offset wins over site", "date", isoSite, {"2024-07-05T09:30+05:30"}, {"2024-07-05T04:00Z"},
         QString());
    pass("Z wins over zone", "date", R"({"zone": "Asia/Kolkata"})", {"2024-07-05T09:30Z"},
         {"2024-07-05T09:30Z"});
    pass("iso in site time", "date", isoSite, {"2024-07-05T09:30"}, {"2024-07-05T07:30Z"}, "DE01");
}

// Wall-clock times that do not exist or exist twice resolve by one rule east and west of UTC (see
// TimeZoneCache::offsetForLocal): an overlap is its earlier occurrence, a gap is read with the offset from
// before the change.
void TestTransforms::dateDaylightSaving_data()
{
    columns();
    const QByteArray berlin = R"({"format": "dd.MM.yyyy HH:mm", "zone": "Europe/Berlin"})";
    pass("Berlin before the spring gap", "date", berlin, {"31.03.2024 01:59"}, {"2024-03-31T00:59Z"});
    // 02:00–03:00 does not exist: read with the offset before the change (+01:00), so 02:30 = 03:30 CEST.
    pass("Berlin in the spring gap", "date", berlin, {"31.03.2024 02:30"}, {"2024-03-31T01:30Z"});
    pass("Berlin after the spring gap", "date", berlin, {"31.03.2024 03:00"}, {"2024-03-31T01:00Z"});
    pass("Berlin before the autumn overlap", "date", berlin, {"27.10.2024 01:59"}, {"2024-10-26T23:59Z"});
    // 02:00–03:00 happens twice: the first, summer-time occurrence (+02:00) is taken.
    pass("Berlin in the autumn overlap", "date", berlin, {"27.10.2024 02:30"}, {"2024-10-27T00:30Z"});
    pass("Berlin after the autumn overlap", "date", berlin, {"27.10.2024 03:00"}, {"2024-10-27T02:00Z"});

    const QByteArray ny = R"({"format": "dd.MM.yyyy HH:mm", "zone": "America/New_York"})";
    pass("New York before the spring gap", "date", ny, {"10.03.2024 01:59"}, {"2024-03-10T06:59Z"});
    // 02:00–03:00 does not exist: read with the offset before the change (-05:00), so 02:30 = 03:30 EDT.
    pass("New York in the spring gap", "date", ny, {"10.03.2024 02:30"}, {"2024-03-10T07:30Z"});
    pass("New York after the spring gap", "date", ny, {"10.03.2024 03:00"}, {"2024-03-10T07:00Z"});
    // 01:00–02:00 happens twice: the first, daylight-time occurrence (-04:00) is taken.
    pass("New York in the autumn overlap", "date", ny, {"03.11.2024 01:30"}, {"2024-11-03T05:30Z"});
    pass("New York after the autumn overlap", "date", ny, {"03.11.2024 02:00"}, {"2024-11-03T07:00Z"});
}

void TestTransforms::number_data()
{
    columns();
    pass("plain", "number", "{}", {"42"}, {"42"});
    pass("leading zeros", "number", "{}", {"007"}, {"7"});
    pass("trailing fraction zeros", "number", "{}", {"3.1400"}, {"3.14"});
    pass("plus sign", "number", "{}", {"+3.10"}, {"3.1"});
    pass("negative", "number", "{}", {"-12.5"}, {"-12.5"});
    pass("negative zero", "number", "{}", {"-0.0"}, {"0"});
    pass("zero fraction", "number", "{}", {"0.000"}, {"0"});
    pass("no integer part", "number", "{}", {".5"}, {"0.5"});
    pass("null", "number", "{}", {Null}, {Null});
    pass("decimal comma", "number", R"({"decimal": ","})", {"12,5"}, {"12.5"});
    pass("decimal comma, thousands dot", "number", R"({"decimal": ",", "thousands": "."})", {"1.234,50"},
         {"1234.5"});
    pass("thousands dot only", "number", R"({"decimal": ",", "thousands": "."})", {"1.234"}, {"1234"});
    pass("thousands comma", "number", R"({"thousands": ","})", {"1,234,567.25"}, {"1234567.25"});
    pass("thousands apostrophe", "number", R"({"thousands": "'"})", {"1'234.5"}, {"1234.5"});
    pass("thousands space", "number", R"({"decimal": ",", "thousands": " "})", {"1 234,5"}, {"1234.5"});
    pass("integer", "number", R"({"integer": true})", {"0042"}, {"42"});
    pass("integer with zero fraction", "number", R"({"decimal": ",", "integer": true})", {"2,0"}, {"2"});

    fail("comma without decimal comma", "number", "{}", {"12,5"}, "number", "'12,5'");
    fail("integer with a fraction", "number", R"({"decimal": ",", "integer": true})", {"42,5"}, "number",
         "'42,5' is not a whole number");
    fail("two decimal marks", "number", "{}", {"1.2.3"}, "number", "'1.2.3'");
    fail("thousands after the decimal mark", "number", R"({"thousands": ","})", {"1.5,1"}, "number",
         "'1.5,1'");
    fail("leading thousands separator", "number", R"({"thousands": ","})", {",123"}, "number", "',123'");
    fail("letters", "number", "{}", {"12a"}, "number", "'12a'");
    fail("sign only", "number", "{}", {"-"}, "number", "'-'");
    fail("empty text", "number", "{}", {""}, "number", "''");
    fail("exponent", "number", "{}", {"1e3"}, "number", "'1e3'");
    fail("inner space", "number", "{}", {"1 234"}, "number", "'1 234'");
}

void TestTransforms::combine_data()
{
    columns();
    pass("format shorthand", "format", R"("V{0}")", {"2"}, {"V2"});
    pass("format pattern", "format", R"({"pattern": "{0}-{1}"})", {"S1", "1001"}, {"S1-1001"});
    pass("format reorders", "format", R"("{1}/{0}")", {"a", "b"}, {"b/a"});
    pass("format repeats", "format", R"("{0}{0}")", {"ab"}, {"abab"});
    pass("format literal braces", "format", R"("{{{0}}}")", {"x"}, {"{x}"});
    pass("format missing value gives null", "format", R"("{0}-{1}")", {"a", Null}, {Null});
    pass("format unused value", "format", R"("V{1}")", {Null, "3"}, {"V3"});
    fail("format beyond the values", "format", R"("{0}{1}")", {"a"}, "format", "{1}");

    pass("concat", "concat", R"({"separator": " "})", {"John", "Smith"}, {"John Smith"});
    pass("concat skips missing", "concat", R"({"separator": ", "})", {"a", Null, "", "b"}, {"a, b"});
    pass("concat without separator", "concat", "{}", {"a", "b", "c"}, {"abc"});
    pass("concat of nothing", "concat", R"({"separator": " "})", {Null, Null}, {Null});

    pass("coalesce first present", "coalesce", "{}", {Null, "", "B", "C"}, {"B"});
    pass("coalesce first", "coalesce", "{}", {"A", "B"}, {"A"});
    pass("coalesce of nothing", "coalesce", "{}", {Null, Null}, {Null});
}

void TestTransforms::defaultValue_data()
{
    columns();
    pass("fills null", "default", R"({"value": "SCHEDULED"})", {Null}, {"SCHEDULED"});
    pass("keeps a value", "default", R"({"value": "SCHEDULED"})", {"DONE"}, {"DONE"});
    pass("keeps empty text", "default", R"({"value": "SCHEDULED"})", {""}, {""});
    pass("shorthand", "default", R"("N")", {Null, "Y"}, {"N", "Y"});
}

void TestTransforms::replace_data()
{
    columns();
    pass("strip leading zeros", "replace", R"({"regex": "^0+", "with": ""})", {"000123"}, {"123"});
    pass("groups", "replace", R"({"regex": "^(\\d+)-(\\d+)$", "with": "\\2-\\1"})", {"12-34"}, {"34-12"});
    pass("every match", "replace", R"({"regex": "\\s+", "with": "_"})", {"a  b \tc"}, {"a_b_c"});
    pass("no match", "replace", R"({"regex": "x", "with": "y"})", {"abc"}, {"abc"});
    pass("null", "replace", R"({"regex": ".*", "with": "y"})", {Null}, {Null});
}

void TestTransforms::lookup_data()
{
    columns();
    const QByteArray site = R"({"entity": "site", "match": "site_number", "return": "site_id"})";
    pass("found", "lookup", site, {"101"}, {"DE01"});
    pass("several", "lookup", site, {"201", Null, "101"}, {"IN01", Null, "DE01"});
    fail("missing rejects", "lookup", site, {"999"}, "lookup", "site_number '999'");
    fail("message names the study", "lookup", site, {"999"}, "lookup", "study S1");
    pass("missing passes", "lookup",
         R"({"entity": "site", "match": "site_number", "return": "site_id", "missing": "pass"})", {"DE01"},
         {"DE01"});
}

// A visit has no site of its own: site time comes from the unit's subject.
void TestTransforms::siteZoneFromUnitRoot()
{
    QString error;
    const auto t = TransformFactory::create(
        TransformSpec{QStringLiteral("date"), params(R"({"zone": "site"})")}, &error);
    QVERIFY2(t, qPrintable(error));
    const auto schema = CtmsSchema::builtIn();
    Record visit(schema->entity(QStringLiteral("visit")));
    visit.setValue(QStringLiteral("study_id"), QStringLiteral("S1"));
    Record subject(schema->entity(QStringLiteral("subject")));
    subject.setValue(QStringLiteral("site_id"), QStringLiteral("IN01"));

    TransformContext ctx;
    ctx.study = m_study.get();
    ctx.reference = &m_reference;
    ctx.record = &visit;
    Values v = toValues({QStringLiteral("2024-07-05T09:30")});
    QVERIFY(!t->apply(v, ctx)); // no unit root yet: the site is unknown
    QCOMPARE(ctx.failedRule, QStringLiteral("time_zone"));

    ctx.unitRoot = &subject;
    v = toValues({QStringLiteral("2024-07-05T09:30")});
    QVERIFY2(t->apply(v, ctx), qPrintable(ctx.failedMessage));
    QCOMPARE(show(v), QStringList{QStringLiteral("2024-07-05T04:00Z")});
}

// The same ambiguous and non-existent times give the same instant from fresh transforms, in any order.
void TestTransforms::daylightSavingIsDeterministic()
{
    const QStringList inputs{QStringLiteral("27.10.2024 02:30"), QStringLiteral("31.03.2024 02:30"),
                             QStringLiteral("27.10.2024 02:00"), QStringLiteral("27.10.2024 02:59")};
    const QStringList expected{QStringLiteral("2024-10-27T00:30Z"), QStringLiteral("2024-03-31T01:30Z"),
                               QStringLiteral("2024-10-27T00:00Z"), QStringLiteral("2024-10-27T00:59Z")};
    for (int order = 0; order < 2; ++order) {
        QString error;
        const auto t = TransformFactory::create(
            TransformSpec{QStringLiteral("date"),
                          params(R"({"format": "dd.MM.yyyy HH:mm", "zone": "Europe/Berlin"})")},
            &error);
        QVERIFY2(t, qPrintable(error));
        TransformContext ctx;
        for (int k = 0; k < inputs.size(); ++k) {
            const int i = order == 0 ? k : int(inputs.size()) - 1 - k;
            Values v = toValues({inputs[i]});
            QVERIFY(t->apply(v, ctx));
            QCOMPARE(v[0], expected[i]);
        }
    }
}

void TestTransforms::combinesFlag()
{
    QString error;
    for (const auto& [name, json] : {std::pair{"format", R"({"pattern": "{0}"})"}, std::pair{"concat", R"({"separator": "-"})"},
                                     std::pair{"coalesce", "{}"}}) {
        const auto t = TransformFactory::create(TransformSpec{QString::fromLatin1(name), params(json)}, &error);
        QVERIFY2(t, name);
        QVERIFY2(t->combines(), name);
    }
    for (const char* name : {"trim", "upper", "lower"}) {
        const auto t =
            TransformFactory::create(TransformSpec{QString::fromLatin1(name), params("{}")}, &error);
        QVERIFY2(t, name);
        QVERIFY2(!t->combines(), name);
    }
}

void TestTransforms::invalidSpecs_data()
{
    QTest::addColumn<QString>("transform");
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<QString>("message"); // the error must contain it

    auto row = [](const char* tag, const char* transform, const QByteArray& p, const QString& message) {
        QTest::newRow(tag) << QString::fromLatin1(transform) << p << message;
    };
    row("unknown transform", "trimm", "{}",
        "unknown transform 'trimm'; known transforms: case, coalesce, concat");
    row("trim with parameters", "trim", R"({"all": true})", "trim: takes no parameters");
    row("case to title", "case", R"({"to": "title"})", "case: \"to\" must be \"upper\" or \"lower\"");
    row("case without to", "case", "{}", "case: \"to\" must be");
    row("valueMap without map", "valueMap", R"({"unmapped": "pass"})", "valueMap: needs \"map\"");
    row("valueMap map is a list", "valueMap", R"({"map": ["A"]})", "valueMap: \"map\" must be an object");
    row("valueMap default without default", "valueMap", R"({"map": {"A": "B"}, "unmapped": "default"})",
        "valueMap: \"unmapped\": \"default\" needs \"default\"");
    row("valueMap bad unmapped", "valueMap", R"({"map": {"A": "B"}, "unmapped": "ignore"})",
        "\"unmapped\" must be \"reject\", \"default\" or \"pass\"");
    row("valueMap number target", "valueMap", R"({"map": {"A": 1}})",
        "map[\"A\"]: the target value must be a string");
    row("valueMap duplicate ignoring case", "valueMap",
        R"({"map": {"Yes": "Y", "YES": "Y"}, "ignoreCase": true})", "appears twice");
    row("date bad zone", "date", R"({"zone": "Europe/Berlinn"})", "date: zone 'Europe/Berlinn' is not");
    row("date zone offset", "date", R"({"zone": "+01:00"})", "zone '+01:00'");
    row("date bad partial", "date", R"({"partial": "drop"})",
        "date: \"partial\" must be \"keep\" or \"reject\"");
    row("date three y", "date", R"({"format": "dd.MM.yyy"})", "'yyy' is not a pattern element");
    row("date four M", "date", R"({"format": "dd MMMM yyyy"})", "'MMMM' is not a pattern element");
    row("date three d", "date", R"({"format": "ddd.MM.yyyy"})", "'ddd' is not a pattern element");
    row("date single m", "date", R"({"format": "yyyy-MM-dd HH:m"})", "'m' is not a pattern element");
    row("date no year", "date", R"({"format": "dd.MM"})", "date: format \"dd.MM\" has no year");
    row("number bad decimal", "number", R"({"decimal": ";"})", "number: \"decimal\" must be");
    row("number thousands equals decimal", "number", R"({"decimal": ",", "thousands": ","})",
        "\"thousands\" must be");
    row("number thousands letter", "number", R"({"thousands": "x"})", "\"thousands\" must be");
    row("number thousands two characters", "number", R"({"thousands": ".."})", "\"thousands\" must be");
    row("format without pattern", "format", "{}", "format: needs a pattern");
    row("format bad placeholder", "format", R"("V{x}")", "placeholders are {0} to {9}");
    row("format placeholder 10", "format", R"("V{10}")", "placeholders are {0} to {9}");
    row("format unclosed placeholder", "format", R"("V{0")", "placeholders are {0} to {9}");
    row("default without value", "default", "{}", "default: needs \"value\"");
    row("default number", "default", R"({"value": 1})", "default: \"value\" must be a string");
    // Every parameter has a type and a name: no wrong type or typo falls back to a default.
    row("date zone number", "date", R"({"zone": 5})", "date: \"zone\" must be a string");
    row("date format number", "date", R"({"format": 42})", "date: \"format\" must be a string");
    row("number integer text", "number", R"({"integer": "yes"})", "number: \"integer\" must be true or false");
    row("number decimal number", "number", R"({"decimal": 1})", "number: \"decimal\" must be a string");
    row("valueMap ignoreCase text", "valueMap", R"({"map": {}, "ignoreCase": "y"})", "valueMap: \"ignoreCase\" must be true or false");
    row("valueMap unmapped number", "valueMap", R"({"map": {}, "unmapped": 1})", "valueMap: \"unmapped\" must be a string");
    row("lookup missing bool", "lookup", R"({"entity": "site", "match": "site_number", "return": "site_id", "missing": true})",
        "lookup: \"missing\" must be a string");
    row("date misspelt key", "date", R"({"formt": "dd.MM.yyyy"})", "date: unknown parameter \"formt\"; known: format, zone, partial");
    row("trim with a parameter", "trim", R"({"all": true})", "trim: takes no parameters, found \"all\"");
    row("replace without regex", "replace", R"({"with": ""})", "replace: needs a valid \"regex\"");
    row("replace bad regex", "replace", R"({"regex": "(a", "with": ""})", "replace: needs a valid \"regex\"");
    row("replace without with", "replace", R"({"regex": "a"})", "replace: needs \"with\"");
    row("lookup unknown entity", "lookup",
        R"({"entity": "sites", "match": "site_number", "return": "site_id"})",
        "lookup: \"entity\" must name a CTMS entity, not 'sites'");
    row("lookup unknown field", "lookup", R"({"entity": "site", "match": "number", "return": "site_id"})",
        "'number' is not");
    row("lookup bad missing", "lookup",
        R"({"entity": "site", "match": "site_number", "return": "site_id", "missing": "skip"})",
        "lookup: \"missing\" must be \"reject\" or \"pass\"");
}

void TestTransforms::invalidSpecs()
{
    QFETCH(QString, transform);
    QFETCH(QByteArray, params);
    QFETCH(QString, message);
    QString error;
    const auto t = TransformFactory::create(TransformSpec{transform, ::params(params)}, &error);
    QVERIFY(!t);
    QVERIFY2(error.contains(message), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestTransforms)
#include "tst_transforms.moc"
