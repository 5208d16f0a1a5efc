#pragma once

#include "util/Clock.h"

namespace tb::test {

// A clock the test sets and advances by hand.
class MockClock final : public tb::core::Clock
{
public:
    explicit MockClock(QDateTime t = QDateTime(QDate(2026, 1, 15), QTime(9, 0), Qt::UTC)) : m_now(t) {}
    QDateTime nowUtc() const override { return m_now; }
    void set(const QDateTime& t) { m_now = t; }
    void advance(qint64 seconds) { m_now = m_now.addSecs(seconds); }

private:
    QDateTime m_now;
};

} // namespace tb::test
