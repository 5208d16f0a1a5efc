#pragma once

#include "webhook/WebhookVerifier.h"

#include <QAbstractHttpServer>

#include <functional>

namespace tb::cli {

// The HTTP side of `serve`: routes POST /hooks/<pipeline> of a workspace, verifies the delivery with the
// pipeline's webhook connection (<pipeline>-webhook.connection.json, kind webhook, secret
// <pipeline>-webhook/signing_secret) and emits hookAccepted; every refusal is answered with its status and
// logged with the reason, and nothing is triggered. Runs nothing itself.
class WebhookServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    using SecretReader =
        std::function<bool(const QString& connection, const QString& field, QByteArray* value, QString* error)>;

    WebhookServer(const QString& workspaceDir, tb::core::WebhookVerifier::Options options, SecretReader secret,
                  std::function<void(const QString& line)> log, QObject* parent = nullptr);

    // Reads and keeps open the file of accepted deliveries (Options::deliveryFile); see WebhookVerifier.
    bool openDeliveryFile(QString* error);

    // "<name>-webhook": the connection that signs the hooks of pipeline <name>.
    static QString connectionName(const QString& pipeline);
    QString pipelinePath(const QString& pipeline) const;

signals:
    void hookAccepted(const QString& pipeline);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    struct Answer
    {
        int status = 202;
        QString message;         // for the log
        QByteArray body;         // for the caller: no internals, no secrets
        QString pipeline;        // accepted: the pipeline to run
    };
    Answer answer(const QHttpServerRequest& request);
    void respond(const QHttpServerRequest& request, QTcpSocket* socket, const Answer& a);

    QString m_dir;
    tb::core::WebhookVerifier m_verifier;
    SecretReader m_secret;
    std::function<void(const QString&)> m_log;
};

} // namespace tb::cli
