#pragma once

#include <QString>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace tb::test {

// A TCP relay on 127.0.0.1 in front of a server on loopback that breaks the way networks do, for clients
// whose sockets a test cannot reach (libssh in trialbridge-cli): once the server has sent a given number of
// bytes it closes the connection, resets it, or stops relaying while keeping it open (a stall); or it
// relays everything, slowly. Its threads are plain sockets, so it works while the test blocks on a process.
class FaultyTcpProxy
{
public:
    enum class Fault { None, Close, Reset, Stall, Slow };

    FaultyTcpProxy();
    ~FaultyTcpProxy();
    FaultyTcpProxy(const FaultyTcpProxy&) = delete;
    FaultyTcpProxy& operator=(const FaultyTcpProxy&) = delete;

    bool start(quint16 serverPort, QString* error);
    void stop();
    quint16 port() const { return m_port; }

    // For connections accepted from now on; Close, Reset and Stall strike after afterBytes bytes from the
    // server (all connections together); Slow waits delayMs before each piece of at most 1 KiB.
    void setFault(Fault fault, qint64 afterBytes = 0, int delayMs = 0);
    qint64 bytesToClient() const { return m_toClient.load(); } // since the last setFault
    bool struck() const { return m_struck.load(); }            // the fault happened

private:
    void acceptLoop();
    void relay(int client);

    quint16 m_serverPort = 0;
    quint16 m_port = 0;
    int m_listen = -1;
    int m_wake[2] = {-1, -1}; // closing the write end wakes every thread to stop
    std::thread m_acceptor;
    std::mutex m_mutex; // guards m_relays and the fault settings
    std::vector<std::thread> m_relays;
    Fault m_fault = Fault::None;
    qint64 m_afterBytes = 0;
    int m_delayMs = 0;
    std::atomic<qint64> m_toClient{0};
    std::atomic<bool> m_struck{false};
};

} // namespace tb::test
