#include "workspace/DemoStudyGenerator.h"

#include "run/RunFeedback.h"
#include "util/TimeZoneCache.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <array>

namespace tb::core {

namespace {

// SplitMix64: tiny, fast and identical on every platform and library (std:: distributions are not).
class Random
{
public:
    explicit Random(quint64 seed) : m_state(seed) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int range(int lo, int hi) { return lo + int(next() % quint64(hi - lo + 1)); } // inclusive
    bool chance(double p) { return double(next() >> 11) * (1.0 / 9007199254740992.0) < p; }

private:
    quint64 m_state;
};

struct SiteTemplate
{
    const char* country;
    const char* countryName;
    const char* zone;
    const char* city;
};

constexpr std::array<SiteTemplate, 12> kSites{{
    {"USA", "United States", "America/New_York", "Boston"},
    {"DEU", "Germany", "Europe/Berlin", "Berlin"},
    {"JPN", "Japan", "Asia/Tokyo", "Osaka"},
    {"USA", "United States", "America/Los_Angeles", "San Diego"},
    {"FRA", "France", "Europe/Paris", "Lyon"},
    {"AUS", "Australia", "Australia/Sydney", "Sydney"},
    {"GBR", "United Kingdom", "Europe/London", "Manchester"},
    {"BRA", "Brazil", "America/Sao_Paulo", "São Paulo"},
    {"IND", "India", "Asia/Kolkata", "Pune"},
    {"USA", "United States", "America/Chicago", "Chicago"},
    {"CAN", "Canada", "America/Toronto", "Toronto"},
    {"ESP", "Spain", "Europe/Madrid", "Barcelona"},
}};

struct VisitTemplate
{
    const char* code; // VISIT_NO as the EDC writes it
    const char* name;
    int plannedDay;
    int before;
    int after;
};

constexpr std::array<VisitTemplate, 12> kSchedule{{
    {"1", "SCREENING", -14, 14, 13},
    {"2", "BASELINE", 1, 0, 0},
    {"3", "WEEK 2", 15, 3, 3},
    {"4", "WEEK 4", 29, 3, 3},
    {"5", "WEEK 8", 57, 5, 5},
    {"6", "WEEK 12", 85, 5, 5},
    {"7", "WEEK 16", 113, 7, 7},
    {"8", "WEEK 20", 141, 7, 7},
    {"9", "WEEK 24", 169, 7, 7},
    {"10", "WEEK 36", 253, 10, 10},
    {"11", "WEEK 48", 337, 10, 10},
    {"12", "FOLLOW-UP", 365, 14, 14},
}};

const char* const kTerms[] = {"Headache", "Nausea", "Fatigue", "Rash, maculo-papular", "Injection site reaction",
                              "Dizziness", "Upper respiratory tract infection", "\"Flu-like\" symptoms",
                              "Back pain", "Insomnia", "Diarrhoea", "Hypertension", "Arthralgia", "Cough"};
const char* const kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

// The data cut: visits after it have not happened yet and are not in the export.
const QDate kDataCut(2026, 9, 30);

QByteArray csvField(const QString& v, char delimiter)
{
    QByteArray b = v.toUtf8();
    if (b.contains(delimiter) || b.contains('"') || b.contains('\n') || b.contains('\r')) {
        b.replace("\"", "\"\"");
        b = '"' + b + '"';
    }
    return b;
}

// Buffered CSV output that knows the line it is on (for the defect manifest).
class CsvOut
{
public:
    CsvOut(const QString& path, char delimiter, const char* eol, bool bom)
        : m_file(path), m_delimiter(delimiter), m_eol(eol)
    {
        if (m_file.open(QIODevice::WriteOnly) && bom)
            m_buffer += "\xEF\xBB\xBF";
    }
    bool isOpen() const { return m_file.isOpen(); }
    QString errorString() const { return m_file.errorString(); }
    // Returns the line the row starts on.
    qint64 row(const QStringList& fields)
    {
        const qint64 line = m_line;
        for (int i = 0; i < fields.size(); ++i) {
            if (i)
                m_buffer += m_delimiter;
            const QByteArray f = csvField(fields[i], m_delimiter);
            m_line += f.count('\n');
            m_buffer += f;
        }
        m_buffer += m_eol;
        ++m_line;
        if (m_buffer.size() > (1 << 20))
            flush();
        return line;
    }
    bool finish()
    {
        flush();
        return m_file.commit();
    }

private:
    void flush()
    {
        m_file.write(m_buffer);
        m_buffer.clear();
    }
    QSaveFile m_file;
    QByteArray m_buffer;
    char m_delimiter;
    const char* m_eol;
    qint64 m_line = 1;
};

QString two(int v)
{
    return QString::number(v).rightJustified(2, QLatin1Char('0'));
}

QString iso(const QDate& d)
{
    return d.toString(Qt::ISODate);
}

bool writeText(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) < 0 || !f.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

bool copyResource(const QString& resource, const QString& path, QString* error)
{
    QFile in(resource);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("missing resource %1").arg(resource);
        return false;
    }
    return writeText(path, in.readAll(), error);
}

} // namespace

QStringList DemoStudyGenerator::defectClasses()
{
    return {QStringLiteral("unknown_site"), QStringLiteral("out_of_window"), QStringLiteral("invalid_date"),
            QStringLiteral("unmapped_code"), QStringLiteral("duplicate_row")};
}

bool DemoStudyGenerator::write(const QString& dirPath, QString* error, RunFeedback* feedback)
{
    const Options& o = m_options;
    if (o.subjects < 1 || o.sites < 1 || o.sites > 999 || o.defectRate < 0 || o.defectRate > 1) {
        *error = QStringLiteral("demo: need at least 1 subject, 1 to 999 sites and a defect rate from 0 to 1");
        return false;
    }
    QDir dir(dirPath);
    if (!dir.mkpath(QStringLiteral("edc"))) {
        *error = QStringLiteral("%1: cannot create the folder").arg(dirPath);
        return false;
    }
    Random rnd(o.seed);
    m_visits = m_adverseEvents = 0;
    m_defects = QJsonArray();
    const QString studyId = QStringLiteral("TB-DEMO-001");

    // Study document: sites with their zones, the schedule, rules.
    struct Site
    {
        QString id, number, zone;
    };
    QVector<Site> sites;
    QJsonArray sitesJson;
    for (int i = 0; i < o.sites; ++i) {
        const SiteTemplate& t = kSites[size_t(i) % kSites.size()];
        Site s{QStringLiteral("%1-%2").arg(QLatin1String(t.country)).arg(i + 1, 3, 10, QLatin1Char('0')),
               QString::number(101 + i), QLatin1String(t.zone)};
        sites << s;
        sitesJson.append(QJsonObject{{QStringLiteral("site_id"), s.id},
                                     {QStringLiteral("site_number"), s.number},
                                     {QStringLiteral("name"), QStringLiteral("%1 Clinical Research Center %2")
                                                                  .arg(QString::fromUtf8(t.city))
                                                                  .arg(i / int(kSites.size()) + 1)},
                                     {QStringLiteral("country_code"), QLatin1String(t.country)},
                                     {QStringLiteral("time_zone"), s.zone},
                                     {QStringLiteral("principal_investigator"), QStringLiteral("Dr. Investigator %1").arg(i + 1)},
                                     {QStringLiteral("status"), QStringLiteral("ACTIVE")}});
    }
    QJsonArray countries;
    QStringList seenCountries;
    for (int i = 0; i < o.sites; ++i) {
        const SiteTemplate& t = kSites[size_t(i) % kSites.size()];
        if (seenCountries.contains(QLatin1String(t.country)))
            continue;
        seenCountries << QLatin1String(t.country);
        countries.append(QJsonObject{{QStringLiteral("country_code"), QLatin1String(t.country)},
                                     {QStringLiteral("name"), QString::fromUtf8(t.countryName)}});
    }
    QJsonArray schedule;
    for (const VisitTemplate& v : kSchedule)
        schedule.append(QJsonObject{{QStringLiteral("visit_code"), QStringLiteral("V%1").arg(QLatin1String(v.code))},
                                    {QStringLiteral("visit_name"), QLatin1String(v.name)},
                                    {QStringLiteral("planned_day"), v.plannedDay},
                                    {QStringLiteral("window_before"), v.before},
                                    {QStringLiteral("window_after"), v.after}});
    const QJsonObject study{
        {QStringLiteral("format"), QStringLiteral("trialbridge.study/1")},
        {QStringLiteral("study_id"), studyId},
        {QStringLiteral("title"), QStringLiteral("TrialBridge demonstration study (synthetic data)")},
        {QStringLiteral("phase"), QStringLiteral("PHASE III")},
        {QStringLiteral("sponsor"), QStringLiteral("TrialBridge Demo Sponsor")},
        {QStringLiteral("status"), QStringLiteral("ACTIVE")},
        {QStringLiteral("defaultTimeZone"), QStringLiteral("UTC")},
        {QStringLiteral("countries"), countries},
        {QStringLiteral("sites"), sitesJson},
        {QStringLiteral("visitSchedule"), schedule},
        {QStringLiteral("rules"), QJsonObject{{QStringLiteral("site_exists"), QStringLiteral("reject")},
                                              {QStringLiteral("visit_window"), QStringLiteral("reject")},
                                              {QStringLiteral("ae_after_consent"), QStringLiteral("reject")},
                                              {QStringLiteral("ae_end_after_start"), QStringLiteral("reject")}}}};
    if (!writeText(dir.filePath(QStringLiteral("demo.study.json")), QJsonDocument(study).toJson(), error))
        return false;
    for (const char* name : {"subjects.mapping.json", "visits.mapping.json", "adverse_events.mapping.json",
                             "demo.pipeline.json"})
        if (!copyResource(QStringLiteral(":/demo/") + QLatin1String(name), dir.filePath(QLatin1String(name)), error))
            return false;

    // The three exports, each in the dialect a real EDC might use.
    CsvOut subjects(dir.filePath(QStringLiteral("edc/subjects.csv")), ',', "\r\n", true);
    CsvOut visits(dir.filePath(QStringLiteral("edc/visits.csv")), ';', "\n", false);
    CsvOut aes(dir.filePath(QStringLiteral("edc/adverse_events.csv")), ',', "\n", false);
    for (CsvOut* out : {&subjects, &visits, &aes})
        if (!out->isOpen()) {
            *error = QStringLiteral("%1: cannot write the EDC export: %2").arg(dirPath, out->errorString());
            return false;
        }
    subjects.row({QStringLiteral("STUDY"), QStringLiteral("SUBJECT"), QStringLiteral("SITE"), QStringLiteral("STATUS"),
                  QStringLiteral("SEX"), QStringLiteral("BIRTH_DATE"), QStringLiteral("CONSENT_DATE"),
                  QStringLiteral("FIRST_DOSE_DATE"), QStringLiteral("ARM"), QStringLiteral("LAST_MODIFIED")});
    visits.row({QStringLiteral("STUDY"), QStringLiteral("SUBJECT"), QStringLiteral("VISIT_NO"),
                QStringLiteral("VISIT_NAME"), QStringLiteral("VISIT_DATE"), QStringLiteral("VISIT_STATUS")});
    aes.row({QStringLiteral("STUDY"), QStringLiteral("SUBJECT"), QStringLiteral("AE_NO"), QStringLiteral("TERM"),
             QStringLiteral("START_DATE"), QStringLiteral("END_DATE"), QStringLiteral("SEVERITY"),
             QStringLiteral("SERIOUS"), QStringLiteral("OUTCOME")});

    const QStringList classes = defectClasses();
    int nextDefect = 0;
    TimeZoneCache zones;
    const QDate recruitStart(2024, 1, 8);
    const int recruitDays = 540;
    const int perSite = (o.subjects + o.sites - 1) / o.sites;
    int written = 0;

    for (int si = 0; si < o.sites && written < o.subjects; ++si) {
        const Site& site = sites[si];
        for (int n = 1; n <= perSite && written < o.subjects; ++n, ++written) {
            if (feedback && written % 1000 == 0)
                feedback->setProgress(100.0 * written / o.subjects);
            const QString subject = QStringLiteral("%1-%2").arg(site.number).arg(n, 5, 10, QLatin1Char('0'));
            const QDate screening = recruitStart.addDays(rnd.range(0, recruitDays));
            const QDate consent = screening.addDays(-rnd.range(0, 3));
            const bool screenFail = rnd.chance(0.08);
            const QDate reference = screening.addDays(rnd.range(7, 21)); // baseline, study day 1
            const bool discontinued = !screenFail && rnd.chance(0.07);
            const int lastVisit = screenFail ? 0 : discontinued ? rnd.range(2, 10) : int(kSchedule.size()) - 1;

            // One defect for a share of the subjects, cycling through the classes.
            QString defect;
            if (rnd.chance(o.defectRate)) {
                defect = classes[nextDefect % classes.size()];
                if (defect == QLatin1String("out_of_window") && lastVisit < 3)
                    defect = classes[++nextDefect % classes.size()];
                ++nextDefect;
            }
            auto noteDefect = [&](const QString& entity, const QString& file, qint64 line, const QString& rule,
                                  const QString& value) {
                m_defects.append(QJsonObject{{QStringLiteral("class"), defect},
                                             {QStringLiteral("subject"), subject},
                                             {QStringLiteral("entity"), entity},
                                             {QStringLiteral("file"), file},
                                             {QStringLiteral("line"), line},
                                             {QStringLiteral("rule"), rule},
                                             {QStringLiteral("value"), value}});
            };

            QString status = screenFail ? QStringLiteral("Screen Failure")
                             : discontinued ? QStringLiteral("Discontinued")
                             : reference.addDays(365) <= kDataCut ? QStringLiteral("Completed")
                                                                  : QStringLiteral("Enrolled");
            const QDate birth(rnd.range(1940, 2004), rnd.range(1, 12), rnd.range(1, 28));
            const QString birthText = rnd.chance(0.03)
                ? QStringLiteral("UN-%1-%2").arg(QLatin1String(kMonths[birth.month() - 1])).arg(birth.year())
                : QStringLiteral("%1-%2-%3").arg(two(birth.day()), QLatin1String(kMonths[birth.month() - 1])).arg(birth.year());
            const QString siteNumber = defect == QLatin1String("unknown_site") ? QStringLiteral("999") : site.number;
            const qint64 subjectLine = subjects.row(
                {studyId, subject, siteNumber, status, rnd.chance(0.5) ? QStringLiteral("Female") : QStringLiteral("Male"),
                 birthText, iso(consent), screenFail ? QString() : iso(reference),
                 screenFail ? QString() : (rnd.chance(0.5) ? QStringLiteral("Active 10 mg") : QStringLiteral("Placebo")),
                 QStringLiteral("%1T%2:%3:00Z").arg(iso(qMin(kDataCut, screening.addDays(rnd.range(0, 60)))),
                                                    two(rnd.range(0, 23)), two(rnd.range(0, 59)))});
            if (defect == QLatin1String("unknown_site"))
                noteDefect(QStringLiteral("subject"), QStringLiteral("edc/subjects.csv"), subjectLine,
                           QStringLiteral("lookup"), siteNumber);

            // Visits, local site time, some missed.
            const int defectVisit = lastVisit >= 3 ? rnd.range(2, lastVisit) : 0;
            QDate lastDate = screening;
            for (int vi = 0; vi <= lastVisit; ++vi) {
                const VisitTemplate& v = kSchedule[size_t(vi)];
                QDate date;
                const int offset = v.plannedDay > 0 ? v.plannedDay - 1 : v.plannedDay;
                if (vi == 0) {
                    date = screening;
                } else {
                    const int jitter = v.before + v.after == 0 ? 0 : rnd.range(-v.before / 2, v.after / 2);
                    date = reference.addDays(offset + jitter);
                }
                if (date > kDataCut)
                    break;
                lastDate = date;
                const bool missed = vi > 1 && rnd.chance(0.03);
                QString dateText = missed ? QString()
                                          : QStringLiteral("%1.%2.%3 %4:%5")
                                                .arg(two(date.day()), two(date.month()))
                                                .arg(date.year())
                                                .arg(two(rnd.range(8, 17)), two(rnd.range(0, 59)));
                QString statusText = missed ? QStringLiteral("NOT DONE") : QStringLiteral("DONE");
                const bool here = vi == defectVisit && !missed;
                QString rule, value;
                if (here && defect == QLatin1String("out_of_window")) {
                    const QDate late = reference.addDays(offset + v.after + rnd.range(5, 20));
                    dateText = QStringLiteral("%1.%2.%3 10:00").arg(two(late.day()), two(late.month())).arg(late.year());
                    rule = QStringLiteral("visit_window");
                    value = dateText;
                } else if (here && defect == QLatin1String("invalid_date")) {
                    dateText = QStringLiteral("31.02.%1 10:00").arg(date.year());
                    rule = QStringLiteral("date");
                    value = dateText;
                } else if (here && defect == QLatin1String("unmapped_code")) {
                    statusText = QStringLiteral("DONE?");
                    rule = QStringLiteral("value_map");
                    value = statusText;
                }
                const QStringList row{studyId, subject, QLatin1String(v.code), QLatin1String(v.name), dateText, statusText};
                const qint64 line = visits.row(row);
                ++m_visits;
                if (here && defect == QLatin1String("duplicate_row")) {
                    visits.row(row);
                    ++m_visits;
                    rule = QStringLiteral("duplicate_key");
                    value = QStringLiteral("V%1").arg(QLatin1String(v.code));
                }
                if (!rule.isEmpty())
                    noteDefect(QStringLiteral("visit"), QStringLiteral("edc/visits.csv"), line, rule, value);
                // An occasional unscheduled visit, numbered the EDC way (4,1 after visit 4).
                if (vi >= 2 && vi < lastVisit && !missed && rnd.chance(0.04)) {
                    const QDate extra = date.addDays(rnd.range(1, 5));
                    if (extra <= kDataCut) {
                        visits.row({studyId, subject, QStringLiteral("%1,1").arg(QLatin1String(v.code)),
                                    QStringLiteral("UNSCHEDULED"),
                                    QStringLiteral("%1.%2.%3 %4:00").arg(two(extra.day()), two(extra.month())).arg(extra.year()).arg(two(rnd.range(8, 17))),
                                    QStringLiteral("DONE")});
                        ++m_visits;
                    }
                }
            }

            // Adverse events after consent, some ongoing, some with partial dates.
            const int aeCount = screenFail ? (rnd.chance(0.1) ? 1 : 0) : rnd.range(0, 3);
            const int span = qMax(1, int(consent.daysTo(qMax(lastDate, consent.addDays(1)))));
            for (int a = 1; a <= aeCount; ++a) {
                const QDate start = consent.addDays(rnd.range(1, span));
                const bool partial = rnd.chance(0.05);
                const bool ongoing = rnd.chance(0.3);
                const QDate end = start.addDays(rnd.range(0, 30));
                const int sev = rnd.range(0, 99);
                QString term = QLatin1String(kTerms[rnd.range(0, int(std::size(kTerms)) - 1)]);
                if (rnd.chance(0.005))
                    term += QStringLiteral("\n(reported by phone)");
                aes.row({studyId, subject, QString::number(a), term,
                         partial ? start.toString(QStringLiteral("yyyy-MM")) : iso(start),
                         ongoing ? QString() : iso(end),
                         sev < 65 ? QStringLiteral("Mild") : sev < 95 ? QStringLiteral("Moderate") : QStringLiteral("Severe"),
                         rnd.chance(0.03) ? QStringLiteral("Yes") : QStringLiteral("No"),
                         ongoing ? QStringLiteral("Not recovered") : QStringLiteral("Recovered")});
                ++m_adverseEvents;
            }
        }
    }
    if (!subjects.finish() || !visits.finish() || !aes.finish()) {
        *error = QStringLiteral("%1: cannot write the EDC export").arg(dirPath);
        return false;
    }
    const QJsonObject manifest{{QStringLiteral("subjects"), o.subjects},
                               {QStringLiteral("sites"), o.sites},
                               {QStringLiteral("seed"), QString::number(o.seed)},
                               {QStringLiteral("defect_rate"), o.defectRate},
                               {QStringLiteral("visits"), m_visits},
                               {QStringLiteral("adverse_events"), m_adverseEvents},
                               {QStringLiteral("defects"), m_defects}};
    if (feedback)
        feedback->setProgress(100);
    return writeText(dir.filePath(QStringLiteral("demo-defects.json")), QJsonDocument(manifest).toJson(), error);
}

} // namespace tb::core
