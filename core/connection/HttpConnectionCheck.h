#pragma once

#include "connection/ConnectionProfile.h"
#include "connection/ConnectionTestResult.h"
#include "source/http/HttpResponseParser.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSslError>
#include <QTimer>

#include <functional>

class QSslSocket;

namespace tb::core {

// Tests an HTTP connection (EDC REST, REDCap, ERP, webhook, BI) with one request over a QSslSocket:
// resolve, connect, TLS handshake with full verification, pin check, and only then the request with
// its credentials — so a server that fails any check never sees them. (QNetworkAccessManager sends
// from its own thread; its encrypted() signal cannot hold the request back reliably.) Redirects are
// reported, not followed, so credentials never go to another host. Each failure names its stage.
class HttpConnectionCheck : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const ConnectionTestResult&)>;
    static constexpr qsizetype MaxResponseBytes = 256 * 1024;

    explicit HttpConnectionCheck(QObject* parent = nullptr);
    ~HttpConnectionCheck() override;

    // secrets: field -> value ("token", "password", "signing_secret"). done runs later, once.
    void start(const ConnectionProfile& profile, const QHash<QString, QByteArray>& secrets, Done done);

    // The request the check sends: method, path, Host, credentials per the profile's method.
    static QByteArray buildRequest(const ConnectionProfile& profile, const QHash<QString, QByteArray>& secrets,
                                   qint64 unixTime);

private:
    enum class Stage { Connecting, Handshake, Waiting };

    void onConnected();
    void onEncrypted();
    void onSslErrors(const QList<QSslError>& errors);
    void onSocketError(QAbstractSocket::SocketError error);
    void onReadyRead();
    void onClosed();
    void onTimeout();
    void sendRequest();
    ConnectionTestResult judge() const;
    void finish(ConnectionTestResult result);

    ConnectionProfile m_profile;
    QByteArray m_request;
    Done m_done;
    QSslSocket* m_socket = nullptr;
    QTimer m_timer;
    QElapsedTimer m_clock;
    Stage m_stage = Stage::Connecting;
    bool m_tls = true;
    bool m_finished = false;
    QList<QSslError> m_sslErrors;
    QString m_pinError;
    HttpResponseParser m_response; // the same framing rules as the REST fetcher's, the body capped
};

} // namespace tb::core
