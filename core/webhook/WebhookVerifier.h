#pragma once

#include "util/Clock.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

namespace tb::core {

// Verifies one webhook delivery, without any networking: `POST` with
//   X-TrialBridge-Timestamp: <unix seconds>
//   X-TrialBridge-Signature: sha256=<hex HMAC-SHA-256(secret, timestamp "." body)>
// inside the replay window of the injected clock, with a body no larger than the limit, and not seen
// before (a bounded cache of accepted deliveries). Messages name the request and what is wrong, never the
// secret or the signature that was expected. Not thread-safe: one verifier per server thread.
class WebhookVerifier
{
public:
    static constexpr const char* TimestampHeader = "X-TrialBridge-Timestamp";
    static constexpr const char* SignatureHeader = "X-TrialBridge-Signature";

    struct Options
    {
        const Clock* clock = &Clock::system();
        qint64 windowSeconds = 300;       // a timestamp further than this from now, either side, is refused
        qint64 maxBodyBytes = 1024 * 1024;
        int replayCacheSize = 10000;      // accepted deliveries remembered (the oldest go first when full)
        // Where accepted deliveries are also written (a line "TIMESTAMP HMAC-HEX" each, before verify() returns),
        // so that a restart inside the window still refuses a replay; empty: memory only. See openDeliveryFile().
        QString deliveryFile;
    };

    enum class Outcome {
        Accepted,
        MethodNotAllowed,   // 405: anything but POST
        TooLarge,           // 413: body (or its declared Content-Length) above the limit
        MissingTimestamp,   // 401
        MissingSignature,   // 401
        MalformedTimestamp, // 400: not digits, too long, several headers
        MalformedSignature, // 400: not "sha256=" + 64 hex digits, several signatures
        Stale,              // 401: older than the window
        FromFuture,         // 401: newer than the window
        WrongSignature,     // 401: HMAC does not match (wrong secret, changed body or timestamp)
        Duplicate,          // 409: the same timestamp and signature were accepted before, inside the window
    };

    struct Result
    {
        Outcome outcome = Outcome::Accepted;
        int httpStatus = 202;
        QString message;
        bool accepted() const { return outcome == Outcome::Accepted; }
    };

    using Headers = QList<QPair<QByteArray, QByteArray>>;

    WebhookVerifier();
    explicit WebhookVerifier(Options options);

    // Reads the deliveries the file remembers that are still inside the window, rewrites it with only those and
    // keeps it open for appending. On false, error names the file (and the line of an entry it cannot read:
    // such lines are dropped, the others kept); a file that cannot be written leaves the cache in memory only.
    bool openDeliveryFile(QString* error);
    // Why the last accepted delivery could not be written to the file (empty when it was).
    QString deliveryFileError() const { return m_deliveryError; }

    // path only names the request in messages. An accepted delivery enters the replay cache.
    Result verify(const QByteArray& method, const QString& path, const Headers& headers, const QByteArray& body,
                  const QByteArray& secret);

    // The header value a sender puts in X-TrialBridge-Signature ("sha256=<lower-case hex>").
    static QByteArray sign(const QByteArray& secret, qint64 timestamp, const QByteArray& body);
    static QString outcomeName(Outcome outcome); // "accepted", "stale", "wrong_signature", ...
    static int httpStatus(Outcome outcome);

    const Options& options() const { return m_options; }
    int replayCacheCount() const { return m_seenCount; }

private:
    void forgetExpired(qint64 now);
    void remember(qint64 timestamp, const QByteArray& mac);
    bool writeDeliveryFile(QString* error);

    Options m_options;
    // timestamp -> signatures accepted with it; ordered so expired and oldest entries leave first.
    QMap<qint64, QList<QByteArray>> m_seen;
    int m_seenCount = 0;
    QFile m_deliveries;
    int m_linesWritten = 0; // since the file was last rewritten
    QString m_deliveryError;
};

} // namespace tb::core
