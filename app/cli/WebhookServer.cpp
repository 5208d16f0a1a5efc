#include "WebhookServer.h"

#include "RequestGuardTcpServer.h"
#include "connection/ConnectionProfile.h"
#include "util/Crypto.h"

#include <QDir>
#include <QFileInfo>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMetaEnum>
#include <QRegularExpression>
#include <QTcpSocket>

namespace tb::cli {

using namespace tb::core;

WebhookServer::WebhookServer(const QString& workspaceDir, WebhookVerifier::Options options, SecretReader secret,
                             std::function<void(const QString&)> log, QObject* parent)
    : QAbstractHttpServer(parent), m_dir(workspaceDir), m_verifier(options), m_secret(std::move(secret)),
      m_log(std::move(log))
{
}

bool WebhookServer::openDeliveryFile(QString* error)
{
    return m_verifier.openDeliveryFile(error);
}

QString WebhookServer::connectionName(const QString& pipeline)
{
    return pipeline + QStringLiteral("-webhook");
}

QString WebhookServer::pipelinePath(const QString& pipeline) const
{
    return QDir(m_dir).filePath(pipeline + QStringLiteral(".pipeline.json"));
}

WebhookServer::Answer WebhookServer::answer(const QHttpServerRequest& request)
{
    const QString path = request.url().path();
    const QByteArray method =
        QByteArray(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(request.method()))).toUpper();
    const QString what = QStringLiteral("%1 %2").arg(QString::fromLatin1(method.isEmpty() ? "?" : method), path.left(200));
    static const QRegularExpression route(QStringLiteral("^/hooks/([A-Za-z0-9_-]{1,100})$"));
    const QRegularExpressionMatch m = route.match(path);
    if (!m.hasMatch())
        return {404, what + QStringLiteral(": no such hook (hooks are POST /hooks/<pipeline>)"), "Not Found\n", {}};
    const QString name = m.captured(1);
    if (!QFileInfo(pipelinePath(name)).isFile())
        return {404, what + QStringLiteral(": the workspace has no pipeline %1.pipeline.json").arg(name), "Not Found\n",
                {}};
    if (method != "POST")
        return {405, what + QStringLiteral(": only POST delivers a webhook"), "Method Not Allowed\n", {}};

    const QString connection = connectionName(name);
    const QString profilePath = QDir(m_dir).filePath(connection + QStringLiteral(".connection.json"));
    if (!QFileInfo(profilePath).isFile())
        return {404,
                what + QStringLiteral(": pipeline %1 takes no webhooks (no %2.connection.json of kind webhook)")
                           .arg(name, connection),
                "Not Found\n", {}};
    ConnectionProfile profile;
    QStringList errors;
    if (!ConnectionProfile::load(profilePath, &profile, &errors))
        return {500, what + QStringLiteral(": %1").arg(errors.join(QStringLiteral("; "))), "Webhook Not Configured\n",
                {}};
    if (profile.kind != ConnectionProfile::Kind::Webhook)
        return {500,
                what + QStringLiteral(": %1.connection.json is a %2 connection, not a webhook")
                           .arg(connection, ConnectionProfile::kindName(profile.kind)),
                "Webhook Not Configured\n", {}};
    QByteArray secret;
    QString error;
    if (!m_secret || !m_secret(connection, QStringLiteral("signing_secret"), &secret, &error))
        return {500, what + QStringLiteral(": the signing secret %1/signing_secret: %2").arg(connection, error),
                "Webhook Not Configured\n", {}};

    const WebhookVerifier::Result r = m_verifier.verify(method, path, request.headers(), request.body(), secret);
    crypto::wipe(secret);
    if (!r.accepted())
        return {r.httpStatus, r.message, r.message.section(QStringLiteral(": "), 1, -1).toUtf8() + '\n', {}};
    if (m_log && !m_verifier.deliveryFileError().isEmpty())
        m_log(m_verifier.deliveryFileError() + QStringLiteral("; a replay after a restart would not be recognised"));
    return {202, what + QStringLiteral(": accepted, run of %1 queued").arg(name), "Accepted: run queued\n", name};
}

void WebhookServer::respond(const QHttpServerRequest& request, QTcpSocket* socket, const Answer& a)
{
    if (m_log && a.status != 202)
        m_log(QStringLiteral("refused with %1: %2").arg(a.status).arg(a.message));
    else if (m_log)
        m_log(a.message);
    QHttpServerResponder responder = makeResponder(request, socket);
    if (a.status == 405)
        responder.write(a.body, {{"Content-Type", "text/plain; charset=utf-8"}, {"Allow", "POST"}},
                        QHttpServerResponder::StatusCode(a.status));
    else
        responder.write(a.body, {{"Content-Type", "text/plain; charset=utf-8"}},
                        QHttpServerResponder::StatusCode(a.status));
    RequestGuardTcpServer::requestDone(socket);
}

bool WebhookServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const Answer a = answer(request);
    respond(request, socket, a);
    if (!a.pipeline.isEmpty())
        emit hookAccepted(a.pipeline);
    return true;
}

void WebhookServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    respond(request, socket, {404, request.url().path().left(200) + QStringLiteral(": no handler"), "Not Found\n", {}});
}

} // namespace tb::cli
