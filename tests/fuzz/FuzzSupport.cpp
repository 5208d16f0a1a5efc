#include "FuzzSupport.h"

#include <QFile>

#include <cstdio>
#include <cstdlib>
#include <sys/mman.h>
#include <unistd.h>

namespace tb::fuzz {

using namespace tb::core;

InputFile::InputFile()
{
    m_fd = memfd_create("tb-fuzz-input", 0);
    if (m_fd < 0)
        fail("memfd_create", QStringLiteral("cannot create the input file"));
    m_path = QStringLiteral("/proc/self/fd/%1").arg(m_fd);
}

InputFile::~InputFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

QString InputFile::write(const uint8_t* data, size_t size)
{
    if (ftruncate(m_fd, 0) != 0)
        fail("ftruncate", m_path);
    size_t done = 0;
    while (done < size) {
        const ssize_t n = pwrite(m_fd, data + done, size - done, off_t(done));
        if (n <= 0)
            fail("pwrite", m_path);
        done += size_t(n);
    }
    return m_path;
}

void fail(const char* check, const QString& detail)
{
    std::fprintf(stderr, "fuzz invariant failed: %s\n  %s\n", check, detail.toUtf8().constData());
    std::fflush(stderr);
    std::abort();
}

std::shared_ptr<const CtmsSchema> schema()
{
    static const auto s = CtmsSchema::builtIn();
    return s;
}

std::shared_ptr<const StudyConfig> study()
{
    static const std::shared_ptr<const StudyConfig> s = [] {
        const QByteArray json = R"({
            "format": "trialbridge.study/1", "study_id": "S1", "title": "Fuzz study", "defaultTimeZone": "Europe/Paris",
            "sites": [{"site_id": "DE01", "site_number": "101", "country_code": "DEU", "time_zone": "Europe/Berlin"},
                      {"site_id": "US01", "site_number": "201", "country_code": "USA", "time_zone": "America/New_York"}],
            "visitSchedule": [{"visit_code": "V1", "planned_day": 1, "window_before": 0, "window_after": 0},
                              {"visit_code": "V2", "planned_day": 15, "window_before": 3, "window_after": 3}],
            "parameters": {"sponsor_code": "X", "arm": "A"}
        })";
        QString error;
        auto st = StudyConfig::fromJson(json, QStringLiteral("fuzz.study.json"), schema(), &error);
        if (!st)
            fail("fixed study", error);
        return st;
    }();
    return s;
}

bool FixedReference::siteExists(const QString& study, const QString& site)
{
    return !siteTimeZone(study, site).isEmpty();
}

QString FixedReference::siteTimeZone(const QString& study, const QString& site)
{
    if (study != QLatin1String("S1"))
        return {};
    if (site == QLatin1String("DE01"))
        return QStringLiteral("Europe/Berlin");
    if (site == QLatin1String("US01"))
        return QStringLiteral("America/New_York");
    return {};
}

std::optional<VisitWindow> FixedReference::visitWindow(const QString& study, const QString& visitCode)
{
    if (study == QLatin1String("S1") && visitCode == QLatin1String("V2"))
        return VisitWindow{15, 3, 3};
    return std::nullopt;
}

std::optional<QString> FixedReference::lookup(const QString& entity, const QString& match,
                                              const QString& value, const QString& ret, const QString& study)
{
    if (entity == QLatin1String("site") && match == QLatin1String("site_number") &&
        ret == QLatin1String("site_id") && (study.isEmpty() || study == QLatin1String("S1"))) {
        if (value == QLatin1String("101"))
            return QStringLiteral("DE01");
        if (value == QLatin1String("201"))
            return QStringLiteral("US01");
    }
    return std::nullopt;
}

const QStringList& sourceHeader()
{
    static const QStringList h{QStringLiteral("STUDY"),
                               QStringLiteral("SUBJECT"),
                               QStringLiteral("SITE"),
                               QStringLiteral("STATUS"),
                               QStringLiteral("SEX"),
                               QStringLiteral("BIRTH_DATE"),
                               QStringLiteral("CONSENT_DATE"),
                               QStringLiteral("FIRST_DOSE_DATE"),
                               QStringLiteral("ARM"),
                               QStringLiteral("LAST_MODIFIED"),
                               QStringLiteral("VISIT_NO"),
                               QStringLiteral("VISIT_NAME"),
                               QStringLiteral("VISIT_DATE"),
                               QStringLiteral("VISIT_STATUS"),
                               QStringLiteral("AE_NO"),
                               QStringLiteral("TERM"),
                               QStringLiteral("START_DATE"),
                               QStringLiteral("END_DATE"),
                               QStringLiteral("SEVERITY"),
                               QStringLiteral("SERIOUS"),
                               QStringLiteral("OUTCOME"),
                               QStringLiteral("A"),
                               QStringLiteral("B"),
                               QStringLiteral("C")};
    return h;
}

const std::vector<std::vector<QString>>& sourceRows()
{
    static const std::vector<std::vector<QString>> rows = [] {
        const QList<QStringList> text{
            {"S1",
             "101-00001",
             "101",
             "Enrolled",
             "Female",
             "21-MAR-1955",
             "2025-05-13",
             "2025-05-26",
             "Active 10 mg",
             "2025-07-10T19:31:00Z",
             "1",
             "SCREENING",
             "14.05.2025 12:58",
             "DONE",
             "1",
             "Insomnia",
             "2025-07-09",
             "",
             "Mild",
             "No",
             "Recovered",
             "1.234,50",
             "UN-UNK-2020",
             "x"},
            {"S1",
             " 201-00002 ",
             "201",
             "Completed",
             "Male",
             "UN-MAR-1950",
             "2024-03-10",
             "2024-03-10",
             "",
             "",
             "2,5",
             "WEEK 2",
             "31.03.2024 02:30",
             "NOT DONE",
             "2",
             "Headache",
             "2024-03",
             "2024-03-31T23:59:59+02:00",
             "Severe",
             "Yes",
             "Not recovered",
             "-0007",
             "2024-02-30",
             ""},
            {"", "", "999", "???", "U", "", "", "", " ", "not a date", "", "",
             "", "", "",    "",    "",  "", "", "", "",  "",           "", ""},
        };
        std::vector<std::vector<QString>> out;
        for (const QStringList& r : text) {
            std::vector<QString> row;
            for (const QString& v : r)
                row.push_back(v.isEmpty() ? QString() : v); // empty fields are null, as CsvReader gives them
            out.push_back(std::move(row));
        }
        return out;
    }();
    return rows;
}

} // namespace tb::fuzz
