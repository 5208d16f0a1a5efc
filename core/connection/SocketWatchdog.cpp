#include "connection/SocketWatchdog.h"

#include <sys/socket.h>

namespace tb::core {

SocketWatchdog::SocketWatchdog(int fd, std::chrono::milliseconds limit)
    : m_fd(fd), m_limit(limit), m_thread([this] { watch(); })
{
}

SocketWatchdog::~SocketWatchdog()
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_one();
    m_thread.join();
}

void SocketWatchdog::watch()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_stop) {
        if (!m_armed) {
            m_changed.wait(lock);
        } else if (m_changed.wait_until(lock, m_deadline) == std::cv_status::timeout && m_armed && !m_stop &&
                   std::chrono::steady_clock::now() >= m_deadline) {
            // Under the lock, while the call that owns the socket still waits: the descriptor is open. Fired
            // first: the call wakes up at once and asks why it failed.
            m_fired = true;
            ::shutdown(m_fd, SHUT_RDWR);
            m_armed = false;
        }
    }
}

SocketWatchdog::Call::Call(SocketWatchdog* watchdog) : m_watchdog(watchdog)
{
    if (!m_watchdog)
        return;
    {
        const std::lock_guard<std::mutex> lock(m_watchdog->m_mutex);
        m_watchdog->m_armed = true;
        m_watchdog->m_deadline = std::chrono::steady_clock::now() + m_watchdog->m_limit;
    }
    m_watchdog->m_changed.notify_one();
}

SocketWatchdog::Call::~Call()
{
    if (!m_watchdog)
        return;
    const std::lock_guard<std::mutex> lock(m_watchdog->m_mutex);
    m_watchdog->m_armed = false; // the thread sleeps on until the next call or the end
}

} // namespace tb::core
