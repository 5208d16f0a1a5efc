#include "RequestGuardTcpServer.h"

#include "webhook/WebhookVerifier.h"

#include <QTcpSocket>

namespace tb::cli {

namespace {

constexpr qsizetype MaxHeaderBytes = 64 * 1024;
// Chunk sizes and line ends around a chunked body: what may arrive beyond the body limit itself.
constexpr qint64 FramingAllowance = 64 * 1024;

// What has arrived of the current request on one connection.
struct Progress
{
    QByteArray head;      // until the blank line that ends the header block
    bool headDone = false;
    qint64 bodyBytes = 0; // after it
};

const char* ProgressProperty = "tbRequestProgress";

Progress* progressOf(QTcpSocket* socket)
{
    return static_cast<Progress*>(socket->property(ProgressProperty).value<void*>());
}

// The Content-Length of a header block, -1 when it declares none, -2 when it is not a number.
qint64 declaredLength(const QByteArray& head)
{
    qint64 length = -1;
    for (const QByteArray& line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.left(colon).trimmed().compare("content-length", Qt::CaseInsensitive) != 0)
            continue;
        bool ok = false;
        const qint64 value = line.mid(colon + 1).trimmed().toLongLong(&ok);
        if (!ok || value < 0)
            return -2;
        length = qMax(length, value);
    }
    return length;
}

// How often the header block names a header.
int occurrences(const QByteArray& head, const char* name)
{
    int n = 0;
    for (const QByteArray& line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            ++n;
    }
    return n;
}

} // namespace

RequestGuardTcpServer::RequestGuardTcpServer(qint64 maxBodyBytes, std::function<void(const QString&)> log, QObject* parent)
    : QTcpServer(parent), m_maxBodyBytes(maxBodyBytes), m_log(std::move(log))
{
}

void RequestGuardTcpServer::requestDone(QTcpSocket* socket)
{
    if (Progress* p = progressOf(socket))
        *p = Progress();
}

void RequestGuardTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    watch(socket);
    addPendingConnection(socket);
}

void RequestGuardTcpServer::watch(QTcpSocket* socket)
{
    auto* progress = new Progress;
    socket->setProperty(ProgressProperty, QVariant::fromValue<void*>(progress));
    QObject::connect(socket, &QObject::destroyed, socket, [progress] { delete progress; });
    // Connected before QtHttpServer connects its parser (it does so once the connection is pending), so this runs
    // first on every readyRead and sees exactly the bytes the parser is about to read.
    QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket, progress] {
        const QByteArray fresh = socket->peek(socket->bytesAvailable());
        if (progress->headDone) {
            progress->bodyBytes += fresh.size();
        } else {
            progress->head += fresh;
            const qsizetype end = progress->head.indexOf("\r\n\r\n");
            if (end < 0) {
                if (progress->head.size() > MaxHeaderBytes)
                    refuse(socket, 431, "Request Header Fields Too Large",
                           QStringLiteral("header block above %1 bytes").arg(MaxHeaderBytes));
                return;
            }
            progress->headDone = true;
            progress->bodyBytes = progress->head.size() - (end + 4);
            progress->head.truncate(end);
            for (const char* name : {tb::core::WebhookVerifier::TimestampHeader, tb::core::WebhookVerifier::SignatureHeader}) {
                const int n = occurrences(progress->head, name);
                if (n > 1) {
                    refuse(socket, 400, "Bad Request",
                           QStringLiteral("%1 given %2 times (exactly one expected)").arg(QLatin1String(name)).arg(n));
                    return;
                }
            }
            const qint64 declared = declaredLength(progress->head);
            if (declared > m_maxBodyBytes) {
                refuse(socket, 413, "Payload Too Large",
                       QStringLiteral("Content-Length %1 exceeds the limit of %2 bytes (refused before the body was "
                                      "read)")
                           .arg(declared)
                           .arg(m_maxBodyBytes));
                return;
            }
        }
        if (progress->bodyBytes > m_maxBodyBytes + FramingAllowance)
            refuse(socket, 413, "Payload Too Large",
                   QStringLiteral("more than %1 body bytes arrived (limit %2); the connection was closed")
                       .arg(progress->bodyBytes)
                       .arg(m_maxBodyBytes));
    });
}

void RequestGuardTcpServer::refuse(QTcpSocket* socket, int status, const QByteArray& reason, const QString& why)
{
    const QByteArray peer = socket->peerAddress().toString().toUtf8();
    if (m_log)
        m_log(QStringLiteral("refused a request from %1 with %2: %3").arg(QString::fromUtf8(peer)).arg(status).arg(why));
    // Nothing more of this connection reaches the HTTP parser (a disconnected slot is skipped even during the
    // emission that is going on), so no handler ever sees the request.
    QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    const QByteArray body = reason + ": " + why.toUtf8() + "\n";
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                  "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: " +
                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
    socket->disconnectFromHost();
}

} // namespace tb::cli
