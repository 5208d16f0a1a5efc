#include "source/http/HttpFetcher.h"

#include "source/http/HttpResponseParser.h"
#include "util/Clock.h"
#include "util/Crypto.h"
#include "util/HttpText.h"
#include "util/Logging.h"
#include "util/Redactor.h"

#include <QEventLoop>
#include <QLocale>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QThread>
#include <QTimeZone>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace tb::core {

using http::excerpt;
using http::hostHeader;

namespace {

QByteArray requestTarget(const QUrl& url)
{
    QByteArray path = url.path(QUrl::FullyEncoded).toLatin1();
    if (path.isEmpty())
        path = "/";
    if (url.hasQuery())
        path += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    return path;
}

bool retryableStatus(int status)
{
    return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'g', 6);
}

} // namespace

struct HttpFetcher::Attempt
{
    bool done = false;
    bool ok = false;
    bool retryable = false;
    Failure failure = Failure::None;
    QString cause;
    qint64 retryAfterMs = -1;

    HttpResponseParser parser;
    qint64 received = 0; // bytes of the answer
    Response response;
};

QByteArray HttpFetcher::Response::header(const QByteArray& name) const
{
    for (const auto& [n, v] : headers)
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

QByteArray HttpFetcher::Response::allValues(const QByteArray& name) const
{
    QByteArray out;
    for (const auto& [n, v] : headers)
        if (n.compare(name, Qt::CaseInsensitive) == 0) {
            if (!out.isEmpty())
                out += ", ";
            out += v;
        }
    return out;
}

HttpFetcher::HttpFetcher() : HttpFetcher(TlsSettings(), Policy())
{
}

HttpFetcher::HttpFetcher(TlsSettings tls, Policy policy) : m_tls(std::move(tls)), m_policy(policy)
{
}

HttpFetcher::~HttpFetcher() = default;

QString HttpFetcher::displayUrl(const QUrl& url)
{
    return Redactor::redactUrl(url);
}

QDateTime HttpFetcher::parseHttpDate(const QByteArray& value)
{
    const QString text = QString::fromLatin1(value.trimmed());
    QDateTime t = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (t.isValid()) {
        t.setTimeZone(QTimeZone::utc());
        return t;
    }
    t = QDateTime::fromString(text, Qt::RFC2822Date); // Qt 6.4 wants a numeric offset here
    return t.isValid() ? t.toUTC() : QDateTime();
}

qint64 HttpFetcher::retryAfterMs(const QByteArray& value, const QDateTime& now)
{
    const QByteArray v = value.trimmed();
    bool ok = false;
    const qint64 s = v.toLongLong(&ok);
    if (ok)
        return s < 0 ? -1 : s * 1000;
    const QDateTime at = parseHttpDate(v);
    if (!at.isValid())
        return -1;
    return std::max<qint64>(0, now.msecsTo(at));
}

QString HttpFetcher::mask(const QString& text) const
{
    QString out = Redactor::global().redact(text);
    for (const QByteArray& m : m_masks) {
        out.replace(QString::fromUtf8(m), QLatin1String(Redactor::Mask));
        out.replace(QString::fromLatin1(m.toPercentEncoding()), QLatin1String(Redactor::Mask));
    }
    return out;
}

bool HttpFetcher::fail(Failure failure, const QString& message)
{
    m_failure = failure;
    m_error = mask(message);
    qCWarning(lcSource).noquote() << m_error;
    return false;
}

bool HttpFetcher::wait(int ms)
{
    if (m_sleep) {
        m_sleep(ms);
        return !(m_canceled && m_canceled());
    }
    // In slices, so that a cancel is seen within a tenth of a second.
    for (int left = ms; left > 0; left -= 100) {
        if (m_canceled && m_canceled())
            return false;
        QThread::msleep(ulong(std::min(left, 100)));
    }
    return !(m_canceled && m_canceled());
}

bool HttpFetcher::fetch(const Request& request, Response* response)
{
    m_error.clear();
    m_failure = Failure::None;
    m_attempts = 0;
    m_status = 0;
    m_errorBody.clear();
    // Whatever the request carries as credentials never appears in a message, even echoed by the server.
    m_masks.clear();
    auto addMask = [this](const QByteArray& v) {
        if (v.size() >= 4 && !m_masks.contains(v))
            m_masks << v;
    };
    for (const auto& [name, value] : request.headers) {
        addMask(value.trimmed());
        const qsizetype space = value.trimmed().lastIndexOf(' ');
        if (space > 0)
            addMask(value.trimmed().mid(space + 1)); // "Bearer <token>"
    }
    for (const QByteArray& s : request.secrets)
        addMask(s);
    std::sort(m_masks.begin(), m_masks.end(), [](const QByteArray& a, const QByteArray& b) { return a.size() > b.size(); });
    const QString what = QStringLiteral("%1 %2").arg(QString::fromLatin1(request.method), displayUrl(request.url));
    const QString scheme = request.url.scheme();
    if (!request.url.isValid() || (scheme != QLatin1String("https") && scheme != QLatin1String("http")) || request.url.host().isEmpty())
        return fail(Failure::Network, QStringLiteral("%1: not an http(s) URL with a host").arg(what));
    const int maxAttempts = std::max(1, m_policy.maxAttempts);
    for (;;) {
        if (m_canceled && m_canceled())
            return fail(Failure::Canceled, QStringLiteral("%1: canceled").arg(what));
        ++m_attempts;
        Attempt a;
        runAttempt(request, a);
        m_status = a.response.status;
        if (a.ok) {
            *response = std::move(a.response);
            return true;
        }
        if (a.response.status && !(a.response.status >= 200 && a.response.status < 300))
            m_errorBody = a.response.body;
        qCDebug(lcSource).noquote() << what << "attempt" << m_attempts << ":" << mask(a.cause);
        const QString tries = m_attempts == 1 ? QStringLiteral("1 attempt") : QStringLiteral("%1 attempts").arg(m_attempts);
        if (!a.retryable)
            return fail(a.failure, QStringLiteral("%1: %2 (%3)").arg(what, a.cause, tries));
        if (m_attempts >= maxAttempts)
            return fail(a.failure, QStringLiteral("%1: %2 — gave up after %3, the limit").arg(what, a.cause, tries));
        qint64 delay;
        if (a.retryAfterMs >= 0) {
            if (a.retryAfterMs > m_policy.maxRetryAfterMs)
                return fail(a.failure, QStringLiteral("%1: %2; the server asks to wait %3 s before trying again, longer than "
                                                      "the %4 s allowed (%5): run again later")
                                           .arg(what, a.cause, seconds(a.retryAfterMs), seconds(m_policy.maxRetryAfterMs), tries));
            delay = a.retryAfterMs;
        } else {
            const double cap = std::min<double>(m_policy.maxDelayMs, double(m_policy.baseDelayMs) * std::pow(2.0, m_attempts - 1));
            const double r = m_random ? m_random() : QRandomGenerator::global()->generateDouble();
            delay = qint64(std::clamp(r, 0.0, 1.0) * cap);
        }
        if (!wait(int(delay)))
            return fail(Failure::Canceled, QStringLiteral("%1: canceled while waiting to try again after: %2").arg(what, a.cause));
    }
}

void HttpFetcher::runAttempt(const Request& request, Attempt& a)
{
    const QUrl& url = request.url;
    const bool tls = url.scheme() == QLatin1String("https");
    const QString host = url.host();
    const quint16 port = quint16(url.port(tls ? 443 : 80));
    const QString hostPort = QStringLiteral("%1:%2").arg(host).arg(port);

    QSslConfiguration config;
    QString tlsError;
    if (tls && !m_tls.configure(&config, &tlsError)) {
        a.failure = Failure::Tls;
        a.cause = tlsError;
        return;
    }

    HttpResponseParser::Limits limits;
    limits.maxBodyBytes = m_policy.maxBodyBytes;
    a.parser = HttpResponseParser(limits, request.method == "HEAD");

    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QSslSocket socket;
    socket.setSslConfiguration(config);
    enum class Stage { Connecting, Handshake, Waiting } stage = Stage::Connecting;
    QList<QSslError> sslErrors;

    auto finish = [&](bool retryable, Failure failure, const QString& cause) {
        if (a.done)
            return;
        a.done = true;
        a.retryable = retryable;
        a.failure = failure;
        a.cause = cause;
        loop.quit();
    };
    auto succeed = [&] {
        if (a.done)
            return;
        const int status = a.response.status;
        if (status >= 200 && status < 300) {
            a.done = true;
            a.ok = true;
            loop.quit();
            return;
        }
        if (status >= 300 && status < 400) {
            finish(false, Failure::Redirect,
                   QStringLiteral("HTTP %1: a redirect to %2, which is not followed so that credentials never go to another "
                                  "host; set the URL to the final address")
                       .arg(status)
                       .arg(displayUrl(url.resolved(QUrl(QString::fromLatin1(a.response.header("location")))))));
            return;
        }
        QString cause = QStringLiteral("HTTP %1").arg(status);
        if (status == 429) {
            cause += QStringLiteral(" (rate limited)");
            const QByteArray ra = a.response.header("retry-after");
            if (!ra.isEmpty())
                a.retryAfterMs = retryAfterMs(ra, (m_clock ? *m_clock : Clock::system()).nowUtc());
        } else if (status >= 500) {
            cause += QStringLiteral(" (a server error)");
        }
        finish(retryableStatus(status), Failure::Http, cause + excerpt(a.response.body));
    };
    auto sendRequest = [&] {
        stage = Stage::Waiting;
        QByteArray r = request.method + ' ' + requestTarget(url) + " HTTP/1.1\r\n";
        r += "Host: " + hostHeader(url) + "\r\n";
        r += "User-Agent: TrialBridge/" TB_VERSION "\r\n";
        r += "Accept: application/json\r\n";
        r += "Connection: close\r\n";
        for (const auto& [name, value] : request.headers)
            r += name + ": " + value + "\r\n";
        if (!request.body.isEmpty() || request.method == "POST" || request.method == "PUT") {
            if (!request.contentType.isEmpty())
                r += "Content-Type: " + request.contentType + "\r\n";
            r += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n";
        }
        r += "\r\n";
        r += request.body;
        socket.write(r);
        crypto::wipe(r);
        timer.start(m_policy.transferTimeoutMs);
    };
    // The answer breaks HTTP/1.1 or a limit: not retried, the server would send the same again.
    auto refuse = [&] {
        const QString detail = a.parser.errorMessage();
        using Error = HttpResponseParser::Error;
        switch (a.parser.error()) {
        case Error::StatusLine:
            finish(false, Failure::Network, QStringLiteral("%1 did not answer with HTTP/1.x: %2").arg(hostPort, detail));
            return;
        case Error::ContentLength:
            finish(false, Failure::Network, QStringLiteral("an invalid Content-Length from %1: %2").arg(hostPort, detail));
            return;
        case Error::Chunk:
            finish(false, Failure::Network, QStringLiteral("invalid chunked encoding from %1: %2").arg(hostPort, detail));
            return;
        case Error::BodyTooLarge:
            finish(false, Failure::TooLarge, detail);
            return;
        case Error::HeaderTooLarge:
        case Error::TooManyHeaders:
            finish(false, Failure::TooLarge, QStringLiteral("the answer from %1 is refused: %2").arg(hostPort, detail));
            return;
        case Error::Header:
        case Error::TransferEncoding:
        case Error::Incomplete:
        case Error::None:
            break;
        }
        finish(false, Failure::Network, QStringLiteral("an invalid answer from %1: %2").arg(hostPort, detail));
    };
    // Parses what arrived; true when the answer is complete.
    auto parse = [&](const QByteArray& bytes) -> bool {
        a.received += bytes.size();
        const HttpResponseParser::State state = a.parser.feed(bytes);
        if (a.parser.headComplete() && a.response.status == 0) {
            a.response.status = a.parser.status();
            a.response.headers = a.parser.headers();
        }
        if (state == HttpResponseParser::State::Done) {
            a.response.body = a.parser.takeBody();
            return true;
        }
        if (state == HttpResponseParser::State::Error)
            refuse();
        return false;
    };
    auto onReadyRead = [&] {
        if (a.done)
            return;
        if (parse(socket.readAll()))
            succeed();
    };
    // The connection closed after these last bytes.
    auto closedAfter = [&](const QByteArray& rest) {
        if (a.done)
            return;
        if (parse(rest)) {
            succeed();
            return;
        }
        if (a.done)
            return;
        if (a.parser.finish() == HttpResponseParser::State::Done) {
            a.response.body = a.parser.takeBody();
            succeed();
            return;
        }
        if (!a.parser.headComplete()) {
            finish(true, Failure::Network,
                   stage == Stage::Handshake
                       ? QStringLiteral("%1 closed the connection during the TLS handshake").arg(hostPort)
                       : QStringLiteral("%1 closed the connection before a complete answer (%2 bytes of headers received)")
                             .arg(hostPort)
                             .arg(a.parser.headBytes()));
            return;
        }
        // "HTTP 200, but the connection closed after 10 of the 20 bytes of the body" or "... inside the chunked body"
        finish(true, Failure::Network, a.parser.errorMessage());
    };
    auto onClosed = [&] { closedAfter(socket.readAll()); };

    QObject::connect(&socket, &QSslSocket::connected, &loop, [&] {
        if (tls)
            stage = Stage::Handshake;
        else
            sendRequest();
    });
    QObject::connect(&socket, &QSslSocket::encrypted, &loop, [&] {
        // Chain and host name are verified by now (errors stop the handshake); the pin before any byte leaves.
        QString error;
        if (!m_tls.verifyPin(socket.peerCertificate(), &error)) {
            finish(false, Failure::Tls, error);
            return;
        }
        sendRequest();
    });
    QObject::connect(&socket, &QSslSocket::sslErrors, &loop, [&](const QList<QSslError>& errors) {
        sslErrors += errors; // recorded for the message, never ignored
    });
    QObject::connect(&socket, &QSslSocket::readyRead, &loop, onReadyRead);
    QObject::connect(&socket, &QSslSocket::disconnected, &loop, onClosed);
    QObject::connect(&socket, &QSslSocket::errorOccurred, &loop, [&](QAbstractSocket::SocketError error) {
        if (a.done)
            return;
        switch (error) {
        case QAbstractSocket::RemoteHostClosedError:
            onClosed();
            return;
        case QAbstractSocket::ConnectionRefusedError:
            finish(true, Failure::Refused,
                   QStringLiteral("%1 refused the connection (nothing listens on that port, or a firewall rejects it)").arg(hostPort));
            return;
        case QAbstractSocket::HostNotFoundError:
            finish(false, Failure::Dns, QStringLiteral("the host name \"%1\" does not resolve").arg(host));
            return;
        case QAbstractSocket::SslHandshakeFailedError:
        case QAbstractSocket::SslInternalError:
        case QAbstractSocket::SslInvalidUserDataError:
            finish(false, Failure::Tls,
                   sslErrors.isEmpty() ? QStringLiteral("TLS handshake with %1 failed: %2").arg(hostPort, socket.errorString())
                                       : m_tls.describe(sslErrors, host));
            return;
        default:
            // A reset connection ends up here too: the answer, if any, is incomplete.
            if (a.parser.headComplete() || stage == Stage::Waiting) {
                const QString reason = socket.errorString();
                if (parse(socket.readAll())) {
                    succeed();
                    return;
                }
                finish(true, Failure::Network,
                       QStringLiteral("the connection to %1 failed after %2 bytes of the answer: %3").arg(hostPort).arg(a.received).arg(reason));
                return;
            }
            finish(true, Failure::Network, QStringLiteral("network error talking to %1: %2").arg(hostPort, socket.errorString()));
            return;
        }
    });
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        if (stage == Stage::Waiting)
            finish(true, Failure::Timeout,
                   QStringLiteral("no complete answer within %1 s (%2 bytes received)").arg(seconds(m_policy.transferTimeoutMs)).arg(a.received));
        else
            finish(true, Failure::Timeout,
                   QStringLiteral("%1 within %2 s").arg(stage == Stage::Handshake ? QStringLiteral("no TLS handshake with %1").arg(hostPort)
                                                                                   : QStringLiteral("no connection to %1").arg(hostPort),
                                                         seconds(m_policy.connectTimeoutMs)));
    });
    QTimer cancelPoll;
    if (m_canceled) {
        QObject::connect(&cancelPoll, &QTimer::timeout, &loop, [&] {
            if (m_canceled())
                finish(false, Failure::Canceled, QStringLiteral("canceled"));
        });
        cancelPoll.start(100);
    }

    if (m_exchange) {
        stage = Stage::Waiting;
        closedAfter(m_exchange(request));
        return;
    }
    timer.start(m_policy.connectTimeoutMs);
    if (tls)
        socket.connectToHostEncrypted(host, port);
    else
        socket.connectToHost(host, port);
    if (!a.done)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    timer.stop();
    cancelPoll.stop();
    socket.disconnect();
    socket.abort();
}

bool HttpFetcher::fetchJson(const Request& request, QJsonDocument* json, Response* response)
{
    Response local;
    Response& r = response ? *response : local;
    if (!fetch(request, &r))
        return false;
    QJsonParseError error;
    *json = QJsonDocument::fromJson(r.body, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(Failure::Json,
                    QStringLiteral("%1 %2: the answer is not valid JSON: %3 at byte offset %4 (the body has %5 bytes)%6")
                        .arg(QString::fromLatin1(request.method), displayUrl(request.url), error.errorString())
                        .arg(error.offset)
                        .arg(r.body.size())
                        .arg(error.offset >= r.body.size() - 1 ? QStringLiteral("; it ends early: cut short?") : QString()));
    return true;
}

} // namespace tb::core
