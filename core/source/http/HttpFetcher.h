#pragma once

#include "connection/TlsSettings.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>

namespace tb::core {

class Clock;

// One logical HTTP request with bounded retries, blocking, for a pipeline's worker thread (each request runs
// a local event loop; nothing is shared between threads). HTTP/1.1 over a QSslSocket, like
// HttpConnectionCheck and for the same reasons: the certificate chain, host name and pin are verified before
// a byte of the request (with its credentials) leaves, redirects are refused rather than followed (so that
// credentials never reach another host), and the body's framing (Content-Length, chunked) is checked byte by
// byte, so a dropped connection is never mistaken for a short answer.
//
// Retried, up to Policy::maxAttempts attempts in all: 429 (after its Retry-After, seconds or an HTTP date,
// when that is within Policy::maxRetryAfterMs; else exponential backoff), 408, 500, 502, 503, 504, refused,
// reset or dropped connections, bodies cut short, time-outs — with exponential backoff and full jitter
// (a random wait in [0, min(maxDelayMs, baseDelayMs * 2^(attempt-1)))). Not retried: other statuses, TLS and
// DNS failures, invalid JSON in a complete body. Errors name the URL (credentials masked), the status, the
// attempts and the cause, and pass through the Redactor.
class HttpFetcher
{
public:
    struct Request
    {
        QByteArray method = "GET";
        QUrl url;
        QList<QPair<QByteArray, QByteArray>> headers; // may carry credentials; never printed
        QByteArray body;
        QByteArray contentType; // for a body
        // Values masked in every message besides the Redactor's (a token in a form body, say); the values of
        // the headers above are masked anyway.
        QList<QByteArray> secrets;
    };
    struct Response
    {
        int status = 0;
        QList<QPair<QByteArray, QByteArray>> headers; // as received
        QByteArray body;
        // The first value of a header (case-insensitive); all values joined with ", " for allValues.
        QByteArray header(const QByteArray& name) const;
        QByteArray allValues(const QByteArray& name) const;
    };
    struct Policy
    {
        int maxAttempts = 5;
        int connectTimeoutMs = 15000;   // to connect (and finish the TLS handshake)
        int transferTimeoutMs = 120000; // from sending the request to the last byte of the answer
        int baseDelayMs = 500;
        int maxDelayMs = 30000;
        int maxRetryAfterMs = 120000;   // a longer Retry-After ends the request with an error
        qint64 maxBodyBytes = qint64(512) * 1024 * 1024;
    };
    enum class Failure { None, Http, Timeout, Network, Refused, Dns, Tls, Redirect, Json, TooLarge, Canceled };

    HttpFetcher();
    HttpFetcher(TlsSettings tls, Policy policy);
    ~HttpFetcher();

    // Waits between attempts (default: QThread::msleep); tests pass one that records instead of sleeping.
    void setSleeper(std::function<void(int ms)> sleeper) { m_sleep = std::move(sleeper); }
    // A uniform random number in [0, 1) for the jitter (default: QRandomGenerator::global()).
    void setRandom(std::function<double()> random) { m_random = std::move(random); }
    // Reads "now" for Retry-After given as an HTTP date.
    void setClock(const Clock* clock) { m_clock = clock; }
    // Asked between attempts and while waiting; true stops the request with Failure::Canceled.
    void setCancelCheck(std::function<bool()> canceled) { m_canceled = std::move(canceled); }
    // Answers every attempt with these raw bytes instead of a connection, which then closes (fuzzing the
    // sources above HTTP: the answer still goes through the parser and the status and retry rules).
    void setExchange(std::function<QByteArray(const Request&)> exchange) { m_exchange = std::move(exchange); }
    const Policy& policy() const { return m_policy; }

    // A 2xx answer into response; false otherwise, with error(), failure() and attempts() saying why.
    bool fetch(const Request& request, Response* response);
    // fetch() and parse the body as JSON; an invalid or truncated body names the byte offset.
    bool fetchJson(const Request& request, QJsonDocument* json, Response* response = nullptr);

    const QString& error() const { return m_error; }
    Failure failure() const { return m_failure; }
    int attempts() const { return m_attempts; }
    int lastStatus() const { return m_status; }
    // The body of the last non-2xx answer (for the error messages of APIs such as REDCap's); may hold anything.
    const QByteArray& lastErrorBody() const { return m_errorBody; }

    // "2026-01-15T09:00:00Z" + Retry-After -> milliseconds to wait; -1 when the value is neither seconds nor
    // an HTTP date.
    static qint64 retryAfterMs(const QByteArray& value, const QDateTime& now);
    // An HTTP date (RFC 9110 IMF-fixdate, "Thu, 15 Jan 2026 09:00:30 GMT", or RFC 2822 with an offset) in UTC;
    // invalid when it is neither.
    static QDateTime parseHttpDate(const QByteArray& value);
    // The URL for messages: no user info, credential parameters masked.
    static QString displayUrl(const QUrl& url);

private:
    struct Attempt;
    void runAttempt(const Request& request, Attempt& a);
    bool wait(int ms);
    bool fail(Failure failure, const QString& message);
    QString mask(const QString& text) const;

    TlsSettings m_tls;
    Policy m_policy;
    std::function<void(int)> m_sleep;
    std::function<double()> m_random;
    std::function<bool()> m_canceled;
    std::function<QByteArray(const Request&)> m_exchange;
    const Clock* m_clock = nullptr;
    QList<QByteArray> m_masks; // the request's credentials, longest first
    QString m_error;
    Failure m_failure = Failure::None;
    int m_attempts = 0;
    int m_status = 0;
    QByteArray m_errorBody;
};

} // namespace tb::core
