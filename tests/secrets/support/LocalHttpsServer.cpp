#include "LocalHttpsServer.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>

namespace tb::test {

class LocalHttpsServerWorker : public QTcpServer
{
public:
    LocalHttpsServerWorker(LocalHttpsServer* owner, LocalHttpsServer::Mode mode, const QSslCertificate& cert,
                           const QSslKey& key, LocalHttpsServer::Handler handler)
        : m_owner(owner), m_mode(mode), m_cert(cert), m_key(key), m_handler(std::move(handler))
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        m_owner->countConnection();
        auto* socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        if (m_mode == LocalHttpsServer::Mode::Silent)
            return; // keep it open, answer nothing
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QSslSocket::readyRead, socket, [this, socket, buffer] {
            *buffer += socket->readAll();
            handle(socket, *buffer);
        });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QSslSocket::errorOccurred, socket, [socket](QAbstractSocket::SocketError) {
            socket->abort(); // the client refused our certificate, or went away
            socket->deleteLater();
        });
        if (m_mode == LocalHttpsServer::Mode::Tls) {
            socket->setLocalCertificate(m_cert);
            socket->setPrivateKey(m_key);
            socket->setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates in these tests
            socket->startServerEncryption();
        }
    }

private:
    void handle(QSslSocket* socket, QByteArray& buffer)
    {
        if (!buffer.isEmpty() && uchar(buffer.at(0)) == 0x16) {
            // A TLS ClientHello on a plain port: answer like a web server does, in plain text.
            socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
            buffer.clear();
            return;
        }
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        LocalHttpsServer::Request req;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        req.method = first.value(0);
        req.target = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                req.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = req.headers.value("content-length").toLongLong();
        if (buffer.size() < end + 4 + length)
            return;
        req.body = buffer.mid(end + 4, length);
        buffer.clear();
        m_owner->record(req);
        const LocalHttpsServer::Reply reply = m_handler ? m_handler(req) : LocalHttpsServer::Reply{200, "ok", {}};
        QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + " Status\r\n";
        out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\nConnection: close\r\nServer: LocalHttpsServer\r\n";
        for (const auto& [name, value] : reply.headers)
            out += name + ": " + value + "\r\n";
        out += "\r\n" + reply.body;
        socket->write(out);
        socket->disconnectFromHost();
    }

    LocalHttpsServer* m_owner;
    LocalHttpsServer::Mode m_mode;
    QSslCertificate m_cert;
    QSslKey m_key;
    LocalHttpsServer::Handler m_handler;
};

LocalHttpsServer::LocalHttpsServer() = default;

LocalHttpsServer::~LocalHttpsServer()
{
    stop();
}

bool LocalHttpsServer::start(Mode mode, const QString& certPath, const QString& keyPath, Handler handler)
{
    QSslCertificate cert;
    QSslKey key;
    if (mode == Mode::Tls) {
        const auto certs = QSslCertificate::fromPath(certPath);
        QFile kf(keyPath);
        if (certs.isEmpty() || !kf.open(QIODevice::ReadOnly))
            return false;
        cert = certs.first();
        const QByteArray pem = kf.readAll();
        key = QSslKey(pem, QSsl::Ec);
        if (key.isNull())
            key = QSslKey(pem, QSsl::Rsa);
        if (key.isNull())
            return false;
    }
    auto* server = new LocalHttpsServerWorker(this, mode, cert, key, std::move(handler));
    server->moveToThread(&m_thread);
    m_thread.start();
    bool ok = false;
    QMetaObject::invokeMethod(
        server, [&] { ok = server->listen(QHostAddress::LocalHost, 0); }, Qt::BlockingQueuedConnection);
    m_server = server;
    m_port = ok ? server->serverPort() : 0;
    if (!ok)
        stop();
    return ok;
}

void LocalHttpsServer::stop()
{
    if (!m_server)
        return;
    QTcpServer* server = m_server;
    QMetaObject::invokeMethod(
        server,
        [server] {
            server->close();
            server->deleteLater(); // runs when the thread ends, with the open sockets (its children)
        },
        Qt::BlockingQueuedConnection);
    m_server = nullptr;
    m_thread.quit();
    m_thread.wait();
}

QList<LocalHttpsServer::Request> LocalHttpsServer::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

void LocalHttpsServer::clearRequests()
{
    QMutexLocker lock(&m_mutex);
    m_requests.clear();
    m_connections = 0;
}

int LocalHttpsServer::connections() const
{
    QMutexLocker lock(&m_mutex);
    return m_connections;
}

void LocalHttpsServer::record(const Request& request)
{
    QMutexLocker lock(&m_mutex);
    m_requests.append(request);
}

void LocalHttpsServer::countConnection()
{
    QMutexLocker lock(&m_mutex);
    ++m_connections;
}

} // namespace tb::test
