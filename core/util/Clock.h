#pragma once

#include <QDateTime>

namespace tb::core {

// Injectable time source: everything time-based (run records, audit time stamps, cursors,
// schedules) asks a Clock so that tests can pin the time with a MockClock.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;

    // The process-wide system clock.
    static const Clock& system();
};

// "2024-03-01T09:30:00Z" (seconds precision) or with milliseconds when they are not zero.
QString toIsoUtc(const QDateTime& t);

} // namespace tb::core
