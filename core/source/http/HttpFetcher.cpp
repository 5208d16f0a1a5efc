#include "source/http/HttpFetcher.h"

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
    enum class Framing { Unknown, None, Length, Chunked, Close };

    bool done = false;
    bool ok = false;
    bool retryable = false;
    Failure failure = Failure::None;
    QString cause;
    qint64 retryAfterMs = -1;

    QByteArray raw;         // bytes received
    qsizetype bodyStart = -1;
    Framing framing = Framing::Unknown;
    qint64 contentLength = -1;
    qsizetype chunkPos = 0; // in raw: the next chunk-size line
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
    // Parses what arrived; true when the answer is complete.
    auto parse = [&]() -> bool {
        if (a.bodyStart < 0) {
            for (;;) {
                const qsizetype end = a.raw.indexOf("\r\n\r\n");
                if (end < 0)
                    return false;
                const QList<QByteArray> lines = a.raw.left(end).split('\n');
                const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
                bool ok = false;
                const int status = statusLine.value(1).toInt(&ok);
                if (!statusLine.value(0).startsWith("HTTP/1.") || !ok) {
                    finish(false, Failure::Network, QStringLiteral("%1 did not answer with HTTP/1.x").arg(hostPort));
                    return false;
                }
                if (status >= 100 && status < 200) { // interim (100 Continue): the real answer follows
                    a.raw.remove(0, end + 4);
                    continue;
                }
                a.response.status = status;
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const qsizetype colon = lines[i].indexOf(':');
                    if (colon > 0)
                        a.response.headers.push_back({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
                }
                a.bodyStart = end + 4;
                a.chunkPos = a.bodyStart;
                if (request.method == "HEAD" || status == 204 || status == 304)
                    a.framing = Attempt::Framing::None;
                else if (a.response.header("transfer-encoding").toLower().contains("chunked"))
                    a.framing = Attempt::Framing::Chunked;
                else if (!a.response.header("content-length").isEmpty()) {
                    a.framing = Attempt::Framing::Length;
                    a.contentLength = a.response.header("content-length").trimmed().toLongLong(&ok);
                    if (!ok || a.contentLength < 0) {
                        finish(false, Failure::Network, QStringLiteral("an invalid Content-Length from %1").arg(hostPort));
                        return false;
                    }
                    if (a.contentLength > m_policy.maxBodyBytes) {
                        finish(false, Failure::TooLarge,
                               QStringLiteral("the answer would be %1 bytes, more than the %2 allowed")
                                   .arg(a.contentLength)
                                   .arg(m_policy.maxBodyBytes));
                        return false;
                    }
                } else
                    a.framing = Attempt::Framing::Close;
                break;
            }
        }
        switch (a.framing) {
        case Attempt::Framing::None:
            return true;
        case Attempt::Framing::Length:
            if (a.raw.size() - a.bodyStart < a.contentLength)
                return false;
            a.response.body = a.raw.mid(a.bodyStart, a.contentLength);
            return true;
        case Attempt::Framing::Chunked:
            for (;;) {
                const qsizetype eol = a.raw.indexOf("\r\n", a.chunkPos);
                if (eol < 0)
                    return false;
                bool ok = false;
                const qint64 size = a.raw.mid(a.chunkPos, eol - a.chunkPos).split(';').value(0).trimmed().toLongLong(&ok, 16);
                if (!ok || size < 0) {
                    finish(false, Failure::Network, QStringLiteral("invalid chunked encoding from %1").arg(hostPort));
                    return false;
                }
                if (size == 0)
                    return true; // trailers, if any, do not matter: the connection closes
                if (a.raw.size() < eol + 2 + size + 2)
                    return false;
                a.response.body += a.raw.mid(eol + 2, size);
                a.chunkPos = eol + 2 + size + 2;
                if (a.response.body.size() > m_policy.maxBodyBytes) {
                    finish(false, Failure::TooLarge,
                           QStringLiteral("the answer is larger than the %1 bytes allowed").arg(m_policy.maxBodyBytes));
                    return false;
                }
            }
        case Attempt::Framing::Close:
        case Attempt::Framing::Unknown:
            if (a.raw.size() - a.bodyStart > m_policy.maxBodyBytes)
                finish(false, Failure::TooLarge,
                       QStringLiteral("the answer is larger than the %1 bytes allowed").arg(m_policy.maxBodyBytes));
            return false;
        }
        return false;
    };
    auto onReadyRead = [&] {
        if (a.done)
            return;
        a.raw += socket.readAll();
        if (parse())
            succeed();
    };
    auto onClosed = [&] {
        if (a.done)
            return;
        a.raw += socket.readAll();
        if (parse()) {
            succeed();
            return;
        }
        if (a.done)
            return;
        if (a.bodyStart < 0) {
            finish(true, Failure::Network,
                   stage == Stage::Handshake
                       ? QStringLiteral("%1 closed the connection during the TLS handshake").arg(hostPort)
                       : QStringLiteral("%1 closed the connection before a complete answer (%2 bytes of headers received)")
                             .arg(hostPort)
                             .arg(a.raw.size()));
            return;
        }
        const qint64 got = a.raw.size() - a.bodyStart;
        switch (a.framing) {
        case Attempt::Framing::Close:
            a.response.body = a.raw.mid(a.bodyStart);
            succeed();
            return;
        case Attempt::Framing::Length:
            finish(true, Failure::Network,
                   QStringLiteral("HTTP %1, but the connection closed after %2 of the %3 bytes of the body")
                       .arg(a.response.status)
                       .arg(got)
                       .arg(a.contentLength));
            return;
        default:
            finish(true, Failure::Network,
                   QStringLiteral("HTTP %1, but the connection closed inside the chunked body (%2 bytes received)")
                       .arg(a.response.status)
                       .arg(got));
            return;
        }
    };

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
            if (a.bodyStart >= 0 || stage == Stage::Waiting) {
                const QString reason = socket.errorString();
                a.raw += socket.readAll();
                if (parse()) {
                    succeed();
                    return;
                }
                finish(true, Failure::Network,
                       QStringLiteral("the connection to %1 failed after %2 bytes of the answer: %3").arg(hostPort).arg(a.raw.size()).arg(reason));
                return;
            }
            finish(true, Failure::Network, QStringLiteral("network error talking to %1: %2").arg(hostPort, socket.errorString()));
            return;
        }
    });
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        if (stage == Stage::Waiting)
            finish(true, Failure::Timeout,
                   QStringLiteral("no complete answer within %1 s (%2 bytes received)").arg(seconds(m_policy.transferTimeoutMs)).arg(a.raw.size()));
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
