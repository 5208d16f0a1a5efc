#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace tb::core {

// Bounds blocking calls on a socket that the caller cannot give a time-out (libssh 0.10's SFTP calls wait
// without end for a server that stops answering while keeping the connection open): when one call outlasts
// the limit, a thread of its own shuts the socket down, and the call fails as on a broken connection.
// Each call is bounded on its own, so a long transfer that keeps moving never times out.
class SocketWatchdog
{
public:
    SocketWatchdog(int fd, std::chrono::milliseconds limit);
    ~SocketWatchdog();
    SocketWatchdog(const SocketWatchdog&) = delete;
    SocketWatchdog& operator=(const SocketWatchdog&) = delete;

    // While it lives, one call is under watch. A null watchdog watches nothing.
    class Call
    {
    public:
        explicit Call(SocketWatchdog* watchdog);
        ~Call();
        Call(const Call&) = delete;
        Call& operator=(const Call&) = delete;

    private:
        SocketWatchdog* m_watchdog;
    };

    bool fired() const { return m_fired.load(); } // the socket was shut down: a call took too long
    std::chrono::milliseconds limit() const { return m_limit; }

private:
    void watch();

    const int m_fd;
    const std::chrono::milliseconds m_limit;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_armed = false;
    bool m_stop = false;
    std::chrono::steady_clock::time_point m_deadline;
    std::atomic<bool> m_fired{false};
    std::thread m_thread; // last: starts once the members above exist
};

} // namespace tb::core
