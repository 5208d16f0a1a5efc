// CronSchedule::parse and next on arbitrary text. The input's first byte picks the time zone (UTC, two zones with
// daylight saving time, a half-hour change), the rest is the expression. Invariants: a refused expression says
// where; an accepted one fires after every start (whole minutes, strictly later, within 29 years), every moment
// up to an occurrence leads to it, occurrences rise, the text read again gives the same schedule; in UTC each
// occurrence is a minute the expression names and no minute before it in the next day is.
#include "FuzzSupport.h"

#include "schedule/CronSchedule.h"
#include "util/Clock.h"

using tb::core::CronSchedule;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0 || size > 4096)
        return 0;
    static const QTimeZone zones[] = {QTimeZone::utc(), QTimeZone("Europe/Berlin"), QTimeZone("America/New_York"),
                                      QTimeZone("Australia/Lord_Howe")};
    const QTimeZone& zone = zones[data[0] % 4];
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data) + 1, qsizetype(size) - 1);
    CronSchedule c;
    QString error;
    if (!CronSchedule::parse(text, zone, &c, &error)) {
        TB_FUZZ_CHECK(!c.isValid(), error);
        TB_FUZZ_CHECK(error.startsWith(QStringLiteral("cron \"") + text + QStringLiteral("\": ")), error);
        TB_FUZZ_CHECK(error.size() > text.size() + 10, error);
        return 0;
    }
    TB_FUZZ_CHECK(c.isValid() && error.isEmpty(), error);
    CronSchedule again;
    TB_FUZZ_CHECK(CronSchedule::parse(c.text(), zone, &again, &error), error);
    // Ordinary days, and the nights the clocks change in each zone.
    static const qint64 starts[] = {1768467630, 1774742400, 1792800000, 1772928000, 1793505600, 1791000000};
    for (qint64 start : starts) {
        const QDateTime from = QDateTime::fromSecsSinceEpoch(start, Qt::UTC);
        QDateTime t = from;
        for (int i = 0; i < 4; ++i) {
            const QDateTime n = c.next(t);
            const QString where = text + QStringLiteral(" after ") + tb::core::toIsoUtc(t);
            TB_FUZZ_CHECK(n.isValid() && n > t, where);
            TB_FUZZ_CHECK(n.toSecsSinceEpoch() % 60 == 0, where);
            TB_FUZZ_CHECK(t.secsTo(n) <= qint64(29) * 366 * 86400, where);
            TB_FUZZ_CHECK(c.next(n.addSecs(-1)) == n, where);
            TB_FUZZ_CHECK(again.next(t) == n, where);
            if (zone == QTimeZone::utc()) {
                TB_FUZZ_CHECK(c.matchesWallClock(n), where);
                for (QDateTime m = t.addSecs(60 - t.toSecsSinceEpoch() % 60); m < n && m < t.addDays(1); m = m.addSecs(60))
                    TB_FUZZ_CHECK(!c.matchesWallClock(m), where + QStringLiteral(": skipped ") + tb::core::toIsoUtc(m));
            }
            t = n;
        }
    }
    return 0;
}
