#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QThread>

#include <functional>

class QTcpServer;

namespace tb::test {

// A small HTTPS (or HTTP) server on 127.0.0.1 for tests. Qt 6.4 has no QSslServer, so it is a
// QTcpServer handing each connection to a QSslSocket. It runs on its own thread, so that it keeps
// answering while the test blocks (waiting for trialbridge-cli, say). It records every request it
// received — tests use that to prove credentials were (or were not) sent.
class LocalHttpsServer
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray target;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };
    struct Reply
    {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    using Handler = std::function<Reply(const Request&)>; // called on the server's thread

    enum class Mode {
        Tls,    // TLS with certPath/keyPath
        Plain,  // plain HTTP
        Silent, // accepts connections and never says a word (time-out tests)
    };

    LocalHttpsServer();
    ~LocalHttpsServer();
    LocalHttpsServer(const LocalHttpsServer&) = delete;
    LocalHttpsServer& operator=(const LocalHttpsServer&) = delete;

    bool start(Mode mode, const QString& certPath = {}, const QString& keyPath = {}, Handler handler = {});
    void stop();
    quint16 port() const { return m_port; }

    QList<Request> requests() const;
    void clearRequests();
    int connections() const;

private:
    friend class LocalHttpsServerWorker;
    void record(const Request& request);
    void countConnection();

    QThread m_thread;
    QTcpServer* m_server = nullptr;
    quint16 m_port = 0;
    mutable QMutex m_mutex;
    QList<Request> m_requests;
    int m_connections = 0;
};

} // namespace tb::test
