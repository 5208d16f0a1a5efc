#pragma once

#include <QTcpServer>

#include <functional>

class QTcpSocket;

namespace tb::cli {

// The listening socket of `serve`. QtHttpServer 6.4 buffers a whole request, body included, before any
// handler sees it, and has no size limit of its own; this server watches each connection's bytes before the
// HTTP parser does, so that an oversized delivery is refused with 413 as soon as its header block declares
// it (Content-Length above the limit), or as soon as more body arrives than the limit allows (chunked or
// undeclared bodies), instead of being held in memory. A header block above 64 KiB gets 431. It also refuses
// (400) a request that repeats X-TrialBridge-Timestamp or X-TrialBridge-Signature: QtHttpServer 6.4 keeps one
// value per header name, so the verifier would never see the repetition.
class RequestGuardTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    RequestGuardTcpServer(qint64 maxBodyBytes, std::function<void(const QString& why)> log, QObject* parent = nullptr);

    // Called once a response was written: the next request on that connection starts afresh.
    static void requestDone(QTcpSocket* socket);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void watch(QTcpSocket* socket);
    void refuse(QTcpSocket* socket, int status, const QByteArray& reason, const QString& why);

    qint64 m_maxBodyBytes;
    std::function<void(const QString&)> m_log;
};

} // namespace tb::cli
