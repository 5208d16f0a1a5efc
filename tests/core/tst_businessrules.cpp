#include "model/CtmsSchema.h"
#include "model/ReferenceData.h"
#include "study/StudyConfig.h"
#include "validate/BusinessRules.h"

#include <QtTest>

using namespace tb::core;

namespace {

const QString Null = QStringLiteral("<null>");

// Sites and visit windows of study S1, answered from memory.
class FakeReference final : public ReferenceData
{
public:
    QHash<QString, QString> zones{{"DE01", "Europe/Berlin"},
                                  {"JP01", "Asia/Tokyo"},
                                  {"LA01", "America/Los_Angeles"},
                                  {"NZ00", ""}}; // a site whose zone is not known
    QHash<QString, VisitWindow> windows;

    bool siteExists(const QString& study, const QString& site) override
    {
        return study == QLatin1String("S1") && zones.contains(site);
    }
    QString siteTimeZone(const QString& study, const QString& site) override
    {
        return study == QLatin1String("S1") ? zones.value(site) : QString();
    }
    std::optional<VisitWindow> visitWindow(const QString& study, const QString& code) override
    {
        if (study != QLatin1String("S1") || !windows.contains(code))
            return std::nullopt;
        return windows.value(code);
    }
    std::optional<QString> lookup(const QString&, const QString&, const QString&, const QString&,
                                  const QString&) override
    {
        return std::nullopt;
    }
};

std::shared_ptr<StudyConfig> study(const QByteArray& rules = "{}")
{
    QString error;
    auto s = StudyConfig::fromJson(R"({"format": "trialbridge.study/1", "study_id": "S1", "rules": )" +
                                       rules + "}",
                                   QStringLiteral("s1.study.json"), CtmsSchema::builtIn(), &error);
    if (!s)
        qFatal("%s", qPrintable(error));
    return s;
}

Record record(const char* entity, const QStringList& values)
{
    Record r(CtmsSchema::builtIn()->entity(QLatin1String(entity)));
    r.source = SourceLocation{QStringLiteral("edc.csv"), 12, 0, QString()};
    r.setValue(QStringLiteral("study_id"), QStringLiteral("S1"));
    for (int i = 0; i + 1 < values.size(); i += 2)
        r.setValue(values[i], values[i + 1] == Null ? QString() : values[i + 1]);
    return r;
}

Record subject(const QString& site, const QString& referenceStart, const QString& consent = Null)
{
    return record("subject", {"subject_id", "1001", "site_id", site, "reference_start_date", referenceStart,
                              "informed_consent_date", consent});
}

Record visit(const QString& code, const QString& date)
{
    return record("visit", {"subject_id", "1001", "visit_code", code, "visit_date", date});
}

Record adverseEvent(const QString& start, const QString& end)
{
    return record("adverse_event", {"subject_id", "1001", "ae_id", "AE1", "term", "Headache", "start_date",
                                    start, "end_date", end});
}

QStringList rules(const QVector<ValidationIssue>& issues)
{
    QStringList out;
    for (const ValidationIssue& is : issues)
        out << is.field + QLatin1Char(':') + is.rule +
                   (is.severity == ValidationIssue::Severity::Warning ? QStringLiteral(":warn") : QString());
    return out;
}

} // namespace

class TestBusinessRules : public QObject
{
    Q_OBJECT

private slots:
    void studyDay_data();
    void studyDay();

    void siteExists_data();
    void siteExists();

    void visitWindow_data();
    void visitWindow();
    void visitWindowNotMeasured_data();
    void visitWindowNotMeasured();
    void visitWindowIssue();

    void aeAfterConsent_data();
    void aeAfterConsent();
    void aeEndAfterStart_data();
    void aeEndAfterStart();
    void aeWithoutSubject();
    void severities_data();
    void severities();

    void otherEntitiesPass();

private:
    FakeReference m_reference;
};

void TestBusinessRules::studyDay_data()
{
    QTest::addColumn<int>("offset"); // days after the reference date
    QTest::addColumn<int>("day");
    QTest::newRow("reference date is day 1") << 0 << 1;
    QTest::newRow("next day") << 1 << 2;
    QTest::newRow("day before is -1") << -1 << -1;
    QTest::newRow("two weeks before") << -14 << -14;
    QTest::newRow("two weeks after") << 14 << 15;
}

void TestBusinessRules::studyDay()
{
    QFETCH(int, offset);
    QFETCH(int, day);
    const qint64 reference = QDate(2024, 3, 1).toJulianDay();
    QCOMPARE(BusinessRules::studyDay(reference + offset, reference), day);
}

void TestBusinessRules::siteExists_data()
{
    QTest::addColumn<QByteArray>("rules");
    QTest::addColumn<QString>("site");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("loads");

    QTest::newRow("known site") << QByteArray("{}") << "DE01" << QStringList() << true;
    QTest::newRow("unknown site") << QByteArray("{}") << "XX99" << QStringList{"site_id:site_exists"}
                                  << false;
    QTest::newRow("no site: the validator's business") << QByteArray("{}") << Null << QStringList() << true;
    QTest::newRow("warn") << QByteArray(R"({"site_exists": "warn"})") << "XX99"
                          << QStringList{"site_id:site_exists:warn"} << true;
    QTest::newRow("off") << QByteArray(R"({"site_exists": "off"})") << "XX99" << QStringList() << true;
    QTest::newRow("explicit reject") << QByteArray(R"({"site_exists": "reject"})") << "XX99"
                                     << QStringList{"site_id:site_exists"} << false;
}

void TestBusinessRules::siteExists()
{
    QFETCH(QByteArray, rules);
    QFETCH(QString, site);
    QFETCH(QStringList, expected);
    QFETCH(bool, loads);

    const auto s = study(rules);
    BusinessRules br(*s, m_reference);
    const Record r = subject(site, Null);
    QVector<ValidationIssue> out;
    QCOMPARE(br.check(r, nullptr, out), loads);
    QCOMPARE(::rules(out), expected);
    if (!out.isEmpty()) {
        QCOMPARE(out[0].value, site);
        QCOMPARE(out[0].entity, QStringLiteral("subject"));
        QCOMPARE(out[0].naturalKey, QStringLiteral(R"({"study_id":"S1","subject_id":"1001"})"));
        QCOMPARE(out[0].source.toString(), QStringLiteral("edc.csv:12"));
        QVERIFY2(out[0].message.contains(QStringLiteral("site 'XX99', which study S1 does not have")),
                 qPrintable(out[0].message));
    }
}

void TestBusinessRules::visitWindow_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<int>("plannedDay");
    QTest::addColumn<int>("before");
    QTest::addColumn<int>("after");
    QTest::addColumn<QString>("site");
    QTest::addColumn<QString>("visitDate");
    QTest::addColumn<int>("outsideOnDay"); // 0: in the window; else the study day the issue reports

    auto row = [](const char* tag, int planned, int before, int after, const char* site, const char* date,
                  int day, const char* reference = "2024-03-01") {
        QTest::newRow(tag) << reference << planned << before << after << site << date << day;
    };
    // SDTM: the reference date is day 1, there is no day 0.
    row("day 1 window 0/0 on the reference date", 1, 0, 0, "DE01", "2024-03-01", 0);
    row("day 1 window 0/0 a day late", 1, 0, 0, "DE01", "2024-03-02", 2);
    row("day 1 window 0/0 a day early", 1, 0, 0, "DE01", "2024-02-29", -1);
    row("day 15 window 3/3 first day", 15, 3, 3, "DE01", "2024-03-12", 0);
    row("day 15 window 3/3 last day", 15, 3, 3, "DE01", "2024-03-18", 0);
    row("day 15 window 3/3 just before", 15, 3, 3, "DE01", "2024-03-11", 11);
    row("day 15 window 3/3 just after", 15, 3, 3, "DE01", "2024-03-19", 19);
    // Screening: day -14, window 14/13 covers days -28 to -1.
    row("screening first day", -14, 14, 13, "DE01", "2024-02-02", 0);
    row("screening just before", -14, 14, 13, "DE01", "2024-02-01", -29);
    row("screening last day", -14, 14, 13, "DE01", "2024-02-29", 0);
    row("screening on day 1", -14, 14, 13, "DE01", "2024-03-01", 1);
    // Windows that cross the reference date skip day 0.
    row("day -1 window 0/1 reaches day 1", -1, 0, 1, "DE01", "2024-03-01", 0);
    row("day -1 window 0/1 not day 2", -1, 0, 1, "DE01", "2024-03-02", 2);
    row("day 1 window 1/0 reaches day -1", 1, 1, 0, "DE01", "2024-02-29", 0);
    row("day 1 window 1/0 not day -2", 1, 1, 0, "DE01", "2024-02-28", -2);
    row("day 2 window 2/0 reaches day -1", 2, 2, 0, "DE01", "2024-02-29", 0);
    // Date-times are UTC; the study day is the site's local date.
    row("Tokyo: previous UTC day, local day 1", 1, 0, 0, "JP01", "2024-02-29T20:00Z", 0);
    row("Tokyo: local midnight", 1, 0, 0, "JP01", "2024-02-29T15:00Z", 0);
    row("Tokyo: local day -1", 1, 0, 0, "JP01", "2024-02-29T14:59Z", -1);
    row("Tokyo: same UTC day, local day 2", 1, 0, 0, "JP01", "2024-03-01T16:00Z", 2);
    row("Los Angeles: next UTC day, local day 1", 1, 0, 0, "LA01", "2024-03-02T05:00Z", 0);
    row("Los Angeles: same UTC day, local day -1", 1, 0, 0, "LA01", "2024-03-01T07:00Z", -1);
    row("Los Angeles: local midnight", 1, 0, 0, "LA01", "2024-03-01T08:00Z", 0);
    row("Los Angeles summer: local 23:59", 1, 0, 0, "LA01", "2024-07-02T06:59Z", 0, "2024-07-01");
    row("Los Angeles summer: local midnight, day 2", 1, 0, 0, "LA01", "2024-07-02T07:00Z", 2, "2024-07-01");
    row("Berlin: next local day", 1, 0, 0, "DE01", "2024-03-01T23:30Z", 2);
    row("zone unknown: UTC date", 1, 0, 0, "NZ00", "2024-03-01T23:30Z", 0);
}

void TestBusinessRules::visitWindow()
{
    QFETCH(QString, reference);
    QFETCH(int, plannedDay);
    QFETCH(int, before);
    QFETCH(int, after);
    QFETCH(QString, site);
    QFETCH(QString, visitDate);
    QFETCH(int, outsideOnDay);

    m_reference.windows = {{QStringLiteral("V2"), VisitWindow{plannedDay, before, after}}};
    const auto s = study();
    BusinessRules br(*s, m_reference);
    const Record subj = subject(site, reference);
    const Record v = visit(QStringLiteral("V2"), visitDate);
    QVector<ValidationIssue> out;
    const bool ok = br.check(v, &subj, out);
    if (outsideOnDay == 0) {
        QVERIFY2(out.isEmpty(), qPrintable(out.value(0).message));
        QVERIFY(ok);
        return;
    }
    QVERIFY(!ok);
    QCOMPARE(rules(out), QStringList{"visit_date:visit_window"});
    QVERIFY2(out[0].message.contains(QStringLiteral(" is study day %1, ").arg(outsideOnDay)),
             qPrintable(out[0].message));
    // The message names the local date the day was counted on.
    const QDate ref = QDate::fromString(reference, Qt::ISODate);
    const QString local =
        ref.addDays(outsideOnDay > 0 ? outsideOnDay - 1 : outsideOnDay).toString(Qt::ISODate);
    const bool siteTime = visitDate.contains(u'T') && !m_reference.zones.value(site).isEmpty();
    const QString on =
        QStringLiteral("V2 on %1%2 is").arg(local, siteTime ? QStringLiteral(" (site time)") : QString());
    QVERIFY2(out[0].message.contains(on), qPrintable(out[0].message));
}

void TestBusinessRules::visitWindowNotMeasured_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("visitDate");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<bool>("withSubject");

    // V2 (day 1, window 0/0) would reject 2025-01-01 when it could be measured.
    QTest::newRow("measured: control row") << "V2"
                                           << "2025-01-01"
                                           << "2024-03-01" << true;
    QTest::newRow("unscheduled visit") << "UNS1"
                                       << "2025-01-01"
                                       << "2024-03-01" << true;
    QTest::newRow("partial visit date") << "V2"
                                        << "2025-01"
                                        << "2024-03-01" << true;
    QTest::newRow("no visit date") << "V2" << Null << "2024-03-01" << true;
    QTest::newRow("partial reference start") << "V2"
                                             << "2025-01-01"
                                             << "2024-03" << true;
    QTest::newRow("no reference start") << "V2"
                                        << "2025-01-01" << Null << true;
    QTest::newRow("subject not known") << "V2"
                                       << "2025-01-01"
                                       << "2024-03-01" << false;
}

void TestBusinessRules::visitWindowNotMeasured()
{
    QFETCH(QString, code);
    QFETCH(QString, visitDate);
    QFETCH(QString, reference);
    QFETCH(bool, withSubject);

    m_reference.windows = {{QStringLiteral("V2"), VisitWindow{1, 0, 0}}};
    const auto s = study();
    BusinessRules br(*s, m_reference);
    const Record subj = subject(QStringLiteral("DE01"), reference);
    QVector<ValidationIssue> out;
    const bool ok = br.check(visit(code, visitDate), withSubject ? &subj : nullptr, out);
    const bool measurable = QTest::currentDataTag() == QLatin1String("measured: control row");
    QCOMPARE(ok, !measurable);
    QCOMPARE(out.size(), measurable ? 1 : 0);
}

void TestBusinessRules::visitWindowIssue()
{
    m_reference.windows = {{QStringLiteral("V3"), VisitWindow{15, 3, 3}}};
    const auto s = study();
    BusinessRules br(*s, m_reference);
    const Record subj = subject(QStringLiteral("DE01"), QStringLiteral("2024-03-01"));
    QVector<ValidationIssue> out;
    QVERIFY(!br.check(visit(QStringLiteral("V3"), QStringLiteral("2024-03-20")), &subj, out));
    QCOMPARE(out.size(), 1);
    const ValidationIssue& is = out[0];
    QCOMPARE(is.severity, ValidationIssue::Severity::Error);
    QCOMPARE(is.entity, QStringLiteral("visit"));
    QCOMPARE(is.naturalKey, QStringLiteral(R"({"study_id":"S1","subject_id":"1001","visit_code":"V3"})"));
    QCOMPARE(is.field, QStringLiteral("visit_date"));
    QCOMPARE(is.value, QStringLiteral("2024-03-20"));
    QCOMPARE(is.source.toString(), QStringLiteral("edc.csv:12"));
    QVERIFY2(is.message.contains(
                 QStringLiteral("Visit S1/1001/V3 on 2024-03-20 is study day 20, outside its window "
                                "day 12 to 18 (planned day 15, -3/+3, reference start 2024-03-01)")),
             qPrintable(is.message));
}

void TestBusinessRules::aeAfterConsent_data()
{
    QTest::addColumn<QString>("consent");
    QTest::addColumn<QString>("start");
    QTest::addColumn<bool>("before"); // the rule finds the AE before consent

    QTest::newRow("same day") << "2024-03-05"
                              << "2024-03-05" << false;
    QTest::newRow("after") << "2024-03-05"
                           << "2024-03-06" << false;
    QTest::newRow("day before") << "2024-03-05"
                                << "2024-03-04" << true;
    QTest::newRow("year before") << "2024-03-05"
                                 << "2023-12-31" << true;
    // Partial dates: only a difference in the known parts decides.
    QTest::newRow("same month: indeterminate") << "2024-03-05"
                                               << "2024-03" << false;
    QTest::newRow("earlier month") << "2024-03-05"
                                   << "2024-02" << true;
    QTest::newRow("later month") << "2024-03-05"
                                 << "2024-04" << false;
    QTest::newRow("same year: indeterminate") << "2024-03-05"
                                              << "2024" << false;
    QTest::newRow("earlier year") << "2024-03-05"
                                  << "2023" << true;
    // A UTC date-time against the consent date: another date decides, the same date is indeterminate.
    QTest::newRow("date-time on the consent date") << "2024-03-05"
                                                   << "2024-03-05T01:00Z" << false;
    QTest::newRow("date-time the day before") << "2024-03-05"
                                              << "2024-03-04T12:00Z" << true;
    QTest::newRow("no consent date") << Null << "2024-03-04" << false;
    QTest::newRow("no start date") << "2024-03-05" << Null << false;
}

void TestBusinessRules::aeAfterConsent()
{
    QFETCH(QString, consent);
    QFETCH(QString, start);
    QFETCH(bool, before);

    const auto s = study();
    BusinessRules br(*s, m_reference);
    const Record subj = subject(QStringLiteral("DE01"), Null, consent);
    QVector<ValidationIssue> out;
    QCOMPARE(br.check(adverseEvent(start, Null), &subj, out), !before);
    QCOMPARE(rules(out), before ? QStringList{"start_date:ae_after_consent"} : QStringList());
    if (before) {
        QCOMPARE(out[0].value, start);
        QVERIFY2(out[0].message.contains(
                     QStringLiteral("starts %1, before informed consent on %2").arg(start, consent)),
                 qPrintable(out[0].message));
    }
}

void TestBusinessRules::aeEndAfterStart_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end");
    QTest::addColumn<bool>("before"); // the rule finds the end before the start

    QTest::newRow("same day") << "2024-03-05"
                              << "2024-03-05" << false;
    QTest::newRow("later") << "2024-03-05"
                           << "2024-03-07" << false;
    QTest::newRow("day before") << "2024-03-05"
                                << "2024-03-04" << true;
    QTest::newRow("end month of start: indeterminate") << "2024-03-05"
                                                       << "2024-03" << false;
    QTest::newRow("end month before") << "2024-03-05"
                                      << "2024-02" << true;
    QTest::newRow("start year, end in it: indeterminate") << "2024"
                                                          << "2024-01-01" << false;
    QTest::newRow("start year, end before") << "2024"
                                            << "2023-12-31" << true;
    QTest::newRow("hour before") << "2024-03-05T10:00Z"
                                 << "2024-03-05T09:00Z" << true;
    QTest::newRow("same minute") << "2024-03-05T10:00Z"
                                 << "2024-03-05T10:00Z" << false;
    QTest::newRow("a second later") << "2024-03-05T10:00:00Z"
                                    << "2024-03-05T10:00:01Z" << false;
    QTest::newRow("date against a date-time the same day") << "2024-03-05T10:00Z"
                                                           << "2024-03-05" << false;
    QTest::newRow("no end") << "2024-03-05" << Null << false;
    QTest::newRow("no start") << Null << "2024-03-04" << false;
}

void TestBusinessRules::aeEndAfterStart()
{
    QFETCH(QString, start);
    QFETCH(QString, end);
    QFETCH(bool, before);

    const auto s = study();
    BusinessRules br(*s, m_reference);
    QVector<ValidationIssue> out;
    QCOMPARE(br.check(adverseEvent(start, end), nullptr, out), !before);
    QCOMPARE(rules(out), before ? QStringList{"end_date:ae_end_after_start"} : QStringList());
    if (before) {
        QCOMPARE(out[0].value, end);
        QVERIFY2(out[0].message.contains(QStringLiteral("ends %1, before it starts %2").arg(end, start)),
                 qPrintable(out[0].message));
    }
}

// Without the subject, consent cannot be checked, but the AE's own dates can.
void TestBusinessRules::aeWithoutSubject()
{
    const auto s = study();
    BusinessRules br(*s, m_reference);
    QVector<ValidationIssue> out;
    QVERIFY(br.check(adverseEvent(QStringLiteral("2020-01-01"), QStringLiteral("2020-01-02")), nullptr, out));
    QVERIFY(out.isEmpty());
}

void TestBusinessRules::severities_data()
{
    QTest::addColumn<QByteArray>("rules");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("loads");

    // The AE starts before consent and ends before it starts.
    QTest::newRow("default: both reject")
        << QByteArray("{}") << QStringList{"start_date:ae_after_consent", "end_date:ae_end_after_start"}
        << false;
    QTest::newRow("one warns") << QByteArray(R"({"ae_after_consent": "warn"})")
                               << QStringList{"start_date:ae_after_consent:warn",
                                              "end_date:ae_end_after_start"}
                               << false;
    QTest::newRow("both warn") << QByteArray(R"({"ae_after_consent": "warn", "ae_end_after_start": "warn"})")
                               << QStringList{"start_date:ae_after_consent:warn",
                                              "end_date:ae_end_after_start:warn"}
                               << true;
    QTest::newRow("warn and off") << QByteArray(
                                         R"({"ae_after_consent": "warn", "ae_end_after_start": "off"})")
                                  << QStringList{"start_date:ae_after_consent:warn"} << true;
    QTest::newRow("both off") << QByteArray(R"({"ae_after_consent": "off", "ae_end_after_start": "off"})")
                              << QStringList() << true;
    QTest::newRow("other rules do not matter")
        << QByteArray(R"({"visit_window": "off", "site_exists": "warn"})")
        << QStringList{"start_date:ae_after_consent", "end_date:ae_end_after_start"} << false;
}

void TestBusinessRules::severities()
{
    QFETCH(QByteArray, rules);
    QFETCH(QStringList, expected);
    QFETCH(bool, loads);

    const auto s = study(rules);
    BusinessRules br(*s, m_reference);
    const Record subj = subject(QStringLiteral("DE01"), Null, QStringLiteral("2024-03-05"));
    QVector<ValidationIssue> out;
    QCOMPARE(br.check(adverseEvent(QStringLiteral("2024-03-01"), QStringLiteral("2024-02-28")), &subj, out),
             loads);
    QCOMPARE(::rules(out), expected);
}

void TestBusinessRules::otherEntitiesPass()
{
    const auto s = study();
    BusinessRules br(*s, m_reference);
    QVector<ValidationIssue> out;
    // A site of another study would break site_exists if sites were checked; they are not.
    QVERIFY(br.check(record("site", {"site_id", "XX99", "time_zone", "UTC"}), nullptr, out));
    QVERIFY(br.check(record("payment", {"payment_id", "P1", "site_id", "XX99"}), nullptr, out));
    QVERIFY(out.isEmpty());
}

QTEST_GUILESS_MAIN(TestBusinessRules)
#include "tst_businessrules.moc"
