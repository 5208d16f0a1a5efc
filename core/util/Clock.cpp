#include "util/Clock.h"

#include <QDate>

namespace tb::core {

namespace {
class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
};
} // namespace

const Clock& Clock::system()
{
    static const SystemClock clock;
    return clock;
}

QString toIsoUtc(const QDateTime& t)
{
    // Formatted by hand: QDateTime::toString() goes through printf and costs as much as a database
    // write, and the loader stamps every unit it writes.
    const qint64 ms = t.toMSecsSinceEpoch();
    const qint64 secs = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    const int milli = int(ms - secs * 1000);
    const qint64 days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
    const int daySecs = int(secs - days * 86400);
    const QDate d = QDate::fromJulianDay(days + 2440588);
    char buf[32];
    auto put = [&buf](int at, int v, int n) {
        for (int i = n - 1; i >= 0; --i, v /= 10)
            buf[at + i] = char('0' + v % 10);
    };
    put(0, d.year(), 4);
    buf[4] = '-';
    put(5, d.month(), 2);
    buf[7] = '-';
    put(8, d.day(), 2);
    buf[10] = 'T';
    put(11, daySecs / 3600, 2);
    buf[13] = ':';
    put(14, daySecs / 60 % 60, 2);
    buf[16] = ':';
    put(17, daySecs % 60, 2);
    int n = 19;
    if (milli) {
        buf[19] = '.';
        put(20, milli, 3);
        n = 23;
    }
    buf[n++] = 'Z';
    return QString::fromLatin1(buf, n);
}

} // namespace tb::core
