#include "FaultyTcpProxy.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace tb::test {

namespace {

bool sendAll(int fd, const char* data, qint64 n)
{
    while (n > 0) {
        const ssize_t sent = ::send(fd, data, size_t(n), MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent <= 0)
            return false;
        data += sent;
        n -= sent;
    }
    return true;
}

int connectTo(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a = {};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0)
        return fd;
    if (fd >= 0)
        ::close(fd);
    return -1;
}

} // namespace

FaultyTcpProxy::FaultyTcpProxy() = default;

FaultyTcpProxy::~FaultyTcpProxy()
{
    stop();
}

bool FaultyTcpProxy::start(quint16 serverPort, QString* error)
{
    m_serverPort = serverPort;
    m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a = {};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (m_listen < 0 || ::bind(m_listen, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
        ::listen(m_listen, 8) != 0 || ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&a), &len) != 0 ||
        ::pipe2(m_wake, O_CLOEXEC) != 0) {
        *error =
            QStringLiteral("the proxy cannot listen: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    m_port = ntohs(a.sin_port);
    m_acceptor = std::thread([this] { acceptLoop(); });
    return true;
}

void FaultyTcpProxy::stop()
{
    if (m_wake[1] >= 0) {
        ::close(m_wake[1]); // every poll below sees the hang-up
        m_wake[1] = -1;
    }
    if (m_acceptor.joinable())
        m_acceptor.join();
    for (std::thread& t : m_relays)
        t.join();
    m_relays.clear();
    for (int* fd : {&m_listen, &m_wake[0]}) {
        if (*fd >= 0)
            ::close(*fd);
        *fd = -1;
    }
}

void FaultyTcpProxy::setFault(Fault fault, qint64 afterBytes, int delayMs)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_fault = fault;
    m_afterBytes = afterBytes;
    m_delayMs = delayMs;
    m_toClient = 0;
    m_struck = false;
}

void FaultyTcpProxy::acceptLoop()
{
    for (;;) {
        pollfd p[2] = {{m_listen, POLLIN, 0}, {m_wake[0], POLLIN, 0}};
        if (::poll(p, 2, -1) < 0 && errno != EINTR)
            return;
        if (p[1].revents)
            return;
        if (!(p[0].revents & POLLIN))
            continue;
        const int client = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0)
            continue;
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_relays.emplace_back([this, client] { relay(client); });
    }
}

void FaultyTcpProxy::relay(int client)
{
    Fault fault;
    qint64 afterBytes;
    int delayMs;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        fault = m_fault;
        afterBytes = m_afterBytes;
        delayMs = m_delayMs;
    }
    const bool strikes = fault == Fault::Close || fault == Fault::Reset || fault == Fault::Stall;
    const int server = connectTo(m_serverPort);
    bool stalled = false, reset = false;
    char buffer[16384];
    while (server >= 0) {
        pollfd p[3] = {{client, POLLIN, 0}, {stalled ? -1 : server, POLLIN, 0}, {m_wake[0], POLLIN, 0}};
        if (::poll(p, 3, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (p[2].revents)
            break;
        if (p[0].revents) {
            const ssize_t n = ::read(client, buffer, sizeof buffer);
            if (n <= 0 || (!stalled && !sendAll(server, buffer, n)))
                break; // a stalled relay swallows what the client sends until it gives up
        }
        if (p[1].revents) {
            ssize_t n = ::read(server, buffer, fault == Fault::Slow ? 1024 : sizeof buffer);
            if (n <= 0)
                break;
            const qint64 before = m_toClient.load();
            const bool strike = strikes && before + n >= afterBytes;
            if (strike)
                n = ssize_t(qMax<qint64>(0, afterBytes - before));
            if (fault == Fault::Slow)
                ::usleep(useconds_t(delayMs) * 1000);
            m_toClient += n;
            if (!sendAll(client, buffer, n))
                break;
            if (strike) {
                m_struck = true;
                if (fault != Fault::Stall) {
                    reset = fault == Fault::Reset;
                    break;
                }
                stalled = true;
            }
        }
    }
    if (reset) {
        const linger abort = {1, 0}; // close with RST, as a crashed middlebox does
        ::setsockopt(client, SOL_SOCKET, SO_LINGER, &abort, sizeof abort);
    }
    ::close(client);
    if (server >= 0)
        ::close(server);
}

} // namespace tb::test
