#include "connection/HttpConnectionCheck.h"

#include "util/Crypto.h"
#include "util/HttpText.h"
#include "util/Logging.h"
#include "util/Redactor.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSslConfiguration>
#include <QSslSocket>

namespace tb::core {

using http::excerpt;
using http::hostHeader;

namespace {

using Outcome = ConnectionTestResult::Outcome;

QByteArray requestTarget(const ConnectionProfile& p)
{
    QByteArray path = p.url.path(QUrl::FullyEncoded).toLatin1();
    if (path.isEmpty())
        path = "/";
    if (!p.testPath.isEmpty()) {
        const QByteArray extra = QUrl(p.testPath).toString(QUrl::FullyEncoded).toLatin1();
        if (!path.endsWith('/'))
            path += '/';
        path += extra.startsWith('/') ? extra.mid(1) : extra;
    }
    if (p.url.hasQuery())
        path += '?' + p.url.query(QUrl::FullyEncoded).toLatin1();
    return path;
}

} // namespace

namespace {
HttpResponseParser::Limits checkLimits()
{
    HttpResponseParser::Limits limits;
    limits.maxBodyBytes = HttpConnectionCheck::MaxResponseBytes; // the start of a body tells enough
    return limits;
}
} // namespace

HttpConnectionCheck::HttpConnectionCheck(QObject* parent) : QObject(parent), m_response(checkLimits())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnectionCheck::onTimeout);
}

HttpConnectionCheck::~HttpConnectionCheck()
{
    crypto::wipe(m_request);
}

QByteArray HttpConnectionCheck::buildRequest(const ConnectionProfile& p, const QHash<QString, QByteArray>& secrets,
                                             qint64 unixTime)
{
    QByteArray method = "GET";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    switch (p.kind) {
    case ConnectionProfile::Kind::Redcap:
        // The REDCap API takes the token in the form body; "version" needs no project rights.
        method = "POST";
        body = "token=" + secrets.value(QStringLiteral("token")).toPercentEncoding()
               + "&content=version&format=json&returnFormat=json";
        headers.push_back({"Content-Type", "application/x-www-form-urlencoded"});
        break;
    case ConnectionProfile::Kind::Webhook: {
        // A signed ping: the receiver checks HMAC-SHA-256(secret, timestamp "." body).
        method = "POST";
        const QByteArray ts = QByteArray::number(unixTime);
        body = QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("trialbridge.ping")},
                                         {QStringLiteral("sent_at"), QDateTime::fromSecsSinceEpoch(unixTime, Qt::UTC)
                                                                         .toString(Qt::ISODate)}})
                   .toJson(QJsonDocument::Compact);
        const QByteArray mac = crypto::hmacSha256(secrets.value(QStringLiteral("signing_secret")), ts + '.' + body);
        headers.push_back({"Content-Type", "application/json"});
        headers.push_back({"X-TrialBridge-Timestamp", ts});
        headers.push_back({"X-TrialBridge-Signature", "sha256=" + mac.toHex()});
        break;
    }
    default:
        switch (p.auth) {
        case ConnectionProfile::Auth::Bearer:
            headers.push_back({"Authorization", "Bearer " + secrets.value(QStringLiteral("token"))});
            break;
        case ConnectionProfile::Auth::Basic:
            headers.push_back({"Authorization",
                            "Basic " + (p.username.toUtf8() + ':' + secrets.value(QStringLiteral("password"))).toBase64()});
            break;
        case ConnectionProfile::Auth::Header:
            headers.push_back({p.headerName.toLatin1(), secrets.value(QStringLiteral("token"))});
            break;
        default:
            break;
        }
        break;
    }
    QByteArray r = method + ' ' + requestTarget(p) + " HTTP/1.1\r\n";
    r += "Host: " + hostHeader(p.url) + "\r\n";
    r += "User-Agent: TrialBridge/" TB_VERSION " (connection test)\r\n";
    r += "Accept: application/json, text/plain, */*\r\n";
    r += "Connection: close\r\n";
    for (const auto& [name, value] : headers)
        r += name + ": " + value + "\r\n";
    if (method == "POST")
        r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    r += "\r\n" + body;
    return r;
}

void HttpConnectionCheck::start(const ConnectionProfile& profile, const QHash<QString, QByteArray>& secrets, Done done)
{
    m_profile = profile;
    m_done = std::move(done);
    m_request = buildRequest(profile, secrets, QDateTime::currentSecsSinceEpoch());
    m_tls = profile.url.scheme() == QLatin1String("https");
    m_clock.start();

    QSslConfiguration config;
    QString error;
    if (!profile.tls.configure(&config, &error)) {
        finish(ConnectionTestResult::make(Outcome::InvalidProfile,
                                          QStringLiteral("%1: %2").arg(QFileInfo(profile.fileName).fileName(), error)));
        return;
    }
    m_socket = new QSslSocket(this);
    m_socket->setSslConfiguration(config);
    m_socket->setReadBufferSize(0);
    connect(m_socket, &QSslSocket::connected, this, &HttpConnectionCheck::onConnected);
    connect(m_socket, &QSslSocket::encrypted, this, &HttpConnectionCheck::onEncrypted);
    connect(m_socket, &QSslSocket::sslErrors, this, &HttpConnectionCheck::onSslErrors);
    connect(m_socket, &QSslSocket::errorOccurred, this, &HttpConnectionCheck::onSocketError);
    connect(m_socket, &QSslSocket::readyRead, this, &HttpConnectionCheck::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, &HttpConnectionCheck::onClosed);
    m_timer.start(profile.timeoutMs);
    m_stage = Stage::Connecting;
    const QString host = profile.url.host();
    const quint16 port = quint16(profile.url.port(m_tls ? 443 : 80));
    qCDebug(lcConnection) << "testing" << profile.name << "at" << profile.target();
    if (m_tls)
        m_socket->connectToHostEncrypted(host, port);
    else
        m_socket->connectToHost(host, port);
}

void HttpConnectionCheck::onConnected()
{
    if (m_tls) {
        m_stage = Stage::Handshake;
        return;
    }
    sendRequest();
}

void HttpConnectionCheck::onEncrypted()
{
    // The chain and host name were verified by now (errors would have stopped the handshake); the pin
    // is checked before a single byte of the request leaves.
    QString error;
    if (!m_profile.tls.verifyPin(m_socket->peerCertificate(), &error)) {
        m_pinError = error;
        finish(ConnectionTestResult::make(Outcome::Tls, error));
        return;
    }
    sendRequest();
}

void HttpConnectionCheck::sendRequest()
{
    m_stage = Stage::Waiting;
    m_socket->write(m_request);
    crypto::wipe(m_request);
}

void HttpConnectionCheck::onSslErrors(const QList<QSslError>& errors)
{
    // Recorded for the message; never ignored, so the handshake fails.
    m_sslErrors += errors;
}

void HttpConnectionCheck::onSocketError(QAbstractSocket::SocketError error)
{
    if (m_finished)
        return;
    const QString where = m_profile.target();
    const QString host = m_profile.url.host();
    switch (error) {
    case QAbstractSocket::HostNotFoundError:
        finish(ConnectionTestResult::make(Outcome::Dns, QStringLiteral("DNS: the host name \"%1\" does not resolve").arg(host),
                                          QStringLiteral("check the host name in url, and the machine's DNS settings")));
        return;
    case QAbstractSocket::ConnectionRefusedError:
        finish(ConnectionTestResult::make(Outcome::Refused,
                                          QStringLiteral("%1:%2 refused the connection").arg(host).arg(m_profile.url.port(m_tls ? 443 : 80)),
                                          QStringLiteral("nothing listens on that port, or a firewall rejects it; "
                                                         "check host and port in url")));
        return;
    case QAbstractSocket::SocketTimeoutError:
        onTimeout();
        return;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        if (!m_sslErrors.isEmpty())
            finish(ConnectionTestResult::make(Outcome::Tls, m_profile.tls.describe(m_sslErrors, host)));
        else
            finish(ConnectionTestResult::make(Outcome::Tls,
                                              QStringLiteral("TLS handshake with %1 failed: %2").arg(where, m_socket->errorString()),
                                              QStringLiteral("does the server speak TLS on this port?")));
        return;
    case QAbstractSocket::RemoteHostClosedError:
        onClosed();
        return;
    default:
        finish(ConnectionTestResult::make(Outcome::Network,
                                          QStringLiteral("network error talking to %1: %2").arg(where, m_socket->errorString())));
        return;
    }
}

void HttpConnectionCheck::onReadyRead()
{
    if (m_finished)
        return;
    switch (m_response.feed(m_socket->readAll())) {
    case HttpResponseParser::State::NeedMore:
        return;
    case HttpResponseParser::State::Done:
        finish(judge());
        return;
    case HttpResponseParser::State::Error:
        break;
    }
    if (m_response.error() == HttpResponseParser::Error::BodyTooLarge && m_response.headComplete()) {
        finish(judge()); // a long answer: its status and first bytes are what the check needs
        return;
    }
    finish(ConnectionTestResult::make(
        Outcome::Protocol,
        m_response.headComplete()
            ? QStringLiteral("%1 sent a malformed HTTP answer: %2").arg(m_profile.target(), m_response.errorMessage())
            : QStringLiteral("%1 did not answer with HTTP: %2").arg(m_profile.target(), m_response.errorMessage())));
}

void HttpConnectionCheck::onClosed()
{
    if (m_finished)
        return;
    if (m_response.headComplete()) {
        m_response.finish(); // a body framed by the close ends here; a cut-off one is judged by its status
        finish(judge());
        return;
    }
    if (m_stage == Stage::Handshake) {
        finish(ConnectionTestResult::make(Outcome::Tls,
                                          QStringLiteral("%1 closed the connection during the TLS handshake").arg(m_profile.target()),
                                          QStringLiteral("does the server speak TLS on this port?")));
        return;
    }
    finish(ConnectionTestResult::make(Outcome::Protocol,
                                      QStringLiteral("%1 closed the connection without an HTTP response").arg(m_profile.target())));
}

void HttpConnectionCheck::onTimeout()
{
    if (m_finished)
        return;
    const QString seconds = QString::number(m_profile.timeoutMs / 1000.0);
    QString stage;
    switch (m_stage) {
    case Stage::Connecting: stage = QStringLiteral("while connecting to %1").arg(m_profile.target()); break;
    case Stage::Handshake: stage = QStringLiteral("during the TLS handshake with %1").arg(m_profile.target()); break;
    case Stage::Waiting: stage = QStringLiteral("waiting for %1 to answer the HTTP request").arg(m_profile.target()); break;
    }
    finish(ConnectionTestResult::make(Outcome::Timeout, QStringLiteral("no answer within %1 s %2").arg(seconds, stage),
                                      QStringLiteral("a firewall may drop the packets, or the server is overloaded; "
                                                     "timeoutSeconds in the profile sets the limit")));
}

ConnectionTestResult HttpConnectionCheck::judge() const
{
    const QByteArray& body = m_response.body();
    const int status = m_response.status();
    const bool redcap = m_profile.kind == ConnectionProfile::Kind::Redcap;
    const QStringList secrets = m_profile.secretNames();
    const QString secretHint =
        secrets.isEmpty() ? QString()
                          : QStringLiteral("check the stored secret (trialbridge-cli secrets set %1)").arg(secrets.join(QStringLiteral(", ")));
    const QString http = QStringLiteral("HTTP %1").arg(status);
    ConnectionTestResult r;
    if (status >= 200 && status < 300) {
        r.outcome = Outcome::Ok;
        r.message = QStringLiteral("%1 answered %2%3").arg(m_profile.target(), http,
                                                            secrets.isEmpty() ? QString() : QStringLiteral("; the credentials were accepted"));
        if (redcap && !body.trimmed().isEmpty())
            r.server = QStringLiteral("REDCap %1").arg(QString::fromUtf8(body.trimmed().left(40)).remove(QLatin1Char('"')));
        else if (!m_response.header("server").isNull())
            r.server = QString::fromLatin1(m_response.header("server").left(80));
        return r;
    }
    if (status >= 300 && status < 400) {
        const QString location = Redactor::redactUrl(QUrl(QString::fromLatin1(m_response.header("location"))));
        return ConnectionTestResult::make(
            Outcome::Protocol, QStringLiteral("%1 redirects (%2) to %3").arg(m_profile.target(), http, location),
            QStringLiteral("set url to the final address; redirects are not followed, so that credentials never go "
                           "to another host"));
    }
    switch (status) {
    case 401:
        return ConnectionTestResult::make(Outcome::Auth,
                                          QStringLiteral("authentication failed: %1 refused the credentials (%2).%3")
                                              .arg(m_profile.target(), http, excerpt(body)),
                                          secretHint);
    case 403:
        if (redcap)
            return ConnectionTestResult::make(Outcome::Permission,
                                              QStringLiteral("permission denied: REDCap refused the token (%1): it is "
                                                             "unknown, or lacks API rights in its project.%2")
                                                  .arg(http, excerpt(body)),
                                              QStringLiteral("check the token and the user's API rights in REDCap; ") + secretHint);
        return ConnectionTestResult::make(Outcome::Permission,
                                          QStringLiteral("permission denied: %1 accepted the connection but forbids "
                                                         "access (%2).%3")
                                              .arg(m_profile.target(), http, excerpt(body)),
                                          QStringLiteral("the account behind the credentials lacks the rights for this endpoint"));
    case 404:
        return ConnectionTestResult::make(Outcome::NotFound,
                                          QStringLiteral("no such endpoint: %1 answered %2 for %3")
                                              .arg(m_profile.url.host(), http, QString::fromLatin1(requestTarget(m_profile))),
                                          QStringLiteral("check url (and test.path)"));
    case 407:
        return ConnectionTestResult::make(Outcome::Auth, QStringLiteral("a proxy requires authentication (%1)").arg(http));
    case 429:
        return ConnectionTestResult::make(Outcome::Protocol,
                                          QStringLiteral("%1 is reachable but rate-limits us (%2, retry after %3 s)")
                                              .arg(m_profile.target(), http,
                                                   QString::fromLatin1(m_response.header("retry-after").isNull() ? QByteArray("?") : m_response.header("retry-after"))));
    default:
        break;
    }
    return ConnectionTestResult::make(Outcome::Protocol,
                                      QStringLiteral("%1 answered %2 (%3).%4")
                                          .arg(m_profile.target(), http,
                                               status >= 500 ? QStringLiteral("a server error") : QStringLiteral("unexpected"),
                                               excerpt(body)));
}

void HttpConnectionCheck::finish(ConnectionTestResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    crypto::wipe(m_request);
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    result.target = m_profile.target();
    result.elapsedMs = m_clock.elapsed();
    result = result.redacted();
    qCDebug(lcConnection) << "test of" << m_profile.name << ":" << ConnectionTestResult::outcomeName(result.outcome)
                          << result.message;
    if (m_done) // queued: never inside start()
        QMetaObject::invokeMethod(this, [done = m_done, result] { done(result); }, Qt::QueuedConnection);
}

} // namespace tb::core
