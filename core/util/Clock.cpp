#include "util/Clock.h"

#include <QTimeZone>

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
    const QDateTime utc = t.toUTC();
    return utc.time().msec() ? utc.toString(Qt::ISODateWithMs) : utc.toString(Qt::ISODate);
}

} // namespace tb::core
