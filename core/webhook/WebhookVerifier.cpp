#include "webhook/WebhookVerifier.h"

#include "util/Crypto.h"

#include <QSaveFile>

namespace tb::core {

namespace {

constexpr int SignatureHexDigits = 64;
constexpr int MaxTimestampDigits = 12; // ~ year 33658: anything longer is not a time

bool allDigits(const QByteArray& text)
{
    if (text.isEmpty())
        return false;
    for (char c : text)
        if (c < '0' || c > '9')
            return false;
    return true;
}

// A line of the delivery file.
QByteArray deliveryLine(qint64 timestamp, const QByteArray& mac)
{
    return QByteArray::number(timestamp) + ' ' + mac.toHex() + '\n';
}

bool allHex(const QByteArray& text)
{
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    return true;
}

// Every value of a header (names compare case-insensitively, as HTTP says).
QList<QByteArray> values(const WebhookVerifier::Headers& headers, const char* name)
{
    QList<QByteArray> out;
    for (const auto& [key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            out << value.trimmed();
    return out;
}

} // namespace

WebhookVerifier::WebhookVerifier() : WebhookVerifier(Options()) {}

WebhookVerifier::WebhookVerifier(Options options) : m_options(options) {}

QByteArray WebhookVerifier::sign(const QByteArray& secret, qint64 timestamp, const QByteArray& body)
{
    return "sha256=" + crypto::hmacSha256(secret, QByteArray::number(timestamp) + '.' + body).toHex();
}

QString WebhookVerifier::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Accepted: return QStringLiteral("accepted");
    case Outcome::MethodNotAllowed: return QStringLiteral("method_not_allowed");
    case Outcome::TooLarge: return QStringLiteral("too_large");
    case Outcome::MissingTimestamp: return QStringLiteral("missing_timestamp");
    case Outcome::MissingSignature: return QStringLiteral("missing_signature");
    case Outcome::MalformedTimestamp: return QStringLiteral("malformed_timestamp");
    case Outcome::MalformedSignature: return QStringLiteral("malformed_signature");
    case Outcome::Stale: return QStringLiteral("stale");
    case Outcome::FromFuture: return QStringLiteral("from_future");
    case Outcome::WrongSignature: return QStringLiteral("wrong_signature");
    case Outcome::Duplicate: return QStringLiteral("duplicate");
    }
    return {};
}

int WebhookVerifier::httpStatus(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Accepted: return 202;
    case Outcome::MethodNotAllowed: return 405;
    case Outcome::TooLarge: return 413;
    case Outcome::MalformedTimestamp:
    case Outcome::MalformedSignature: return 400;
    case Outcome::Duplicate: return 409;
    case Outcome::MissingTimestamp:
    case Outcome::MissingSignature:
    case Outcome::Stale:
    case Outcome::FromFuture:
    case Outcome::WrongSignature: return 401;
    }
    return 500;
}

void WebhookVerifier::forgetExpired(qint64 now)
{
    // A delivery older than the window is refused as stale anyway: it need not be remembered.
    while (!m_seen.isEmpty() && m_seen.firstKey() < now - m_options.windowSeconds) {
        m_seenCount -= int(m_seen.first().size());
        m_seen.erase(m_seen.begin());
    }
}

WebhookVerifier::Result WebhookVerifier::verify(const QByteArray& method, const QString& path, const Headers& headers,
                                                const QByteArray& body, const QByteArray& secret)
{
    const QString request = QStringLiteral("%1 %2").arg(QString::fromLatin1(method.left(16)), path.left(200));
    const auto refuse = [&](Outcome outcome, const QString& why) {
        return Result{outcome, httpStatus(outcome), QStringLiteral("%1: %2").arg(request, why)};
    };

    if (method != "POST")
        return refuse(Outcome::MethodNotAllowed, QStringLiteral("only POST delivers a webhook"));
    if (body.size() > m_options.maxBodyBytes)
        return refuse(Outcome::TooLarge, QStringLiteral("body of %1 bytes exceeds the limit of %2 bytes")
                                             .arg(body.size())
                                             .arg(m_options.maxBodyBytes));

    const QList<QByteArray> stamps = values(headers, TimestampHeader);
    if (stamps.isEmpty())
        return refuse(Outcome::MissingTimestamp, QStringLiteral("no %1 header").arg(QLatin1String(TimestampHeader)));
    if (stamps.size() > 1)
        return refuse(Outcome::MalformedTimestamp,
                      QStringLiteral("%1 headers given %2 times (one expected)")
                          .arg(QLatin1String(TimestampHeader))
                          .arg(stamps.size()));
    const QByteArray& stamp = stamps.first();
    if (!allDigits(stamp) || stamp.size() > MaxTimestampDigits)
        return refuse(Outcome::MalformedTimestamp,
                      QStringLiteral("%1 must be Unix seconds (up to %2 digits, nothing else)")
                          .arg(QLatin1String(TimestampHeader))
                          .arg(MaxTimestampDigits));

    const QList<QByteArray> signatures = values(headers, SignatureHeader);
    if (signatures.isEmpty())
        return refuse(Outcome::MissingSignature, QStringLiteral("no %1 header").arg(QLatin1String(SignatureHeader)));
    if (signatures.size() > 1 || signatures.first().contains(','))
        return refuse(Outcome::MalformedSignature,
                      QStringLiteral("several signatures in %1 (exactly one expected)").arg(QLatin1String(SignatureHeader)));
    const QByteArray& signature = signatures.first();
    const QByteArray hex = signature.mid(7);
    if (!signature.startsWith("sha256=") || hex.size() != SignatureHexDigits || !allHex(hex))
        return refuse(Outcome::MalformedSignature,
                      QStringLiteral("%1 must be \"sha256=\" followed by %2 hex digits")
                          .arg(QLatin1String(SignatureHeader))
                          .arg(SignatureHexDigits));

    const qint64 timestamp = stamp.toLongLong();
    const qint64 now = m_options.clock->nowUtc().toSecsSinceEpoch();
    if (timestamp < now - m_options.windowSeconds)
        return refuse(Outcome::Stale, QStringLiteral("timestamp %1 is %2 s old; deliveries older than %3 s are refused "
                                                     "(a replay, or the sender's clock is off)")
                                          .arg(timestamp)
                                          .arg(now - timestamp)
                                          .arg(m_options.windowSeconds));
    if (timestamp > now + m_options.windowSeconds)
        return refuse(Outcome::FromFuture, QStringLiteral("timestamp %1 is %2 s ahead of this server's clock; more than "
                                                          "%3 s is refused (check both clocks)")
                                               .arg(timestamp)
                                               .arg(timestamp - now)
                                               .arg(m_options.windowSeconds));

    const QByteArray given = QByteArray::fromHex(hex);
    const QByteArray expected = crypto::hmacSha256(secret, stamp + '.' + body);
    if (!crypto::constantTimeEquals(given, expected))
        return refuse(Outcome::WrongSignature,
                      QStringLiteral("the signature does not match the body and timestamp (wrong signing secret, or the "
                                     "request was changed on the way)"));

    forgetExpired(now);
    if (m_seen.value(timestamp).contains(given))
        return refuse(Outcome::Duplicate, QStringLiteral("this delivery (timestamp %1, same signature) was accepted "
                                                         "before; a repeat is not run again")
                                              .arg(timestamp));
    remember(timestamp, given);
    m_deliveryError.clear();
    if (m_deliveries.isOpen()) {
        QString error;
        // Rewritten now and then, so that the file holds about what the window does.
        const bool written = m_linesWritten >= 2 * m_options.replayCacheSize
            ? writeDeliveryFile(&error)
            : (m_deliveries.write(deliveryLine(timestamp, given)) > 0
               && m_deliveries.flush());
        ++m_linesWritten;
        if (!written)
            m_deliveryError = error.isEmpty() ? QStringLiteral("%1: cannot write: %2").arg(m_deliveries.fileName(),
                                                                                          m_deliveries.errorString())
                                              : error;
    }
    return {Outcome::Accepted, 202, QStringLiteral("%1: accepted").arg(request)};
}

void WebhookVerifier::remember(qint64 timestamp, const QByteArray& mac)
{
    m_seen[timestamp] << mac;
    ++m_seenCount;
    // Bounded: when full, the oldest deliveries go first (they are the nearest to leaving the window).
    while (m_seenCount > m_options.replayCacheSize && !m_seen.isEmpty()) {
        QList<QByteArray>& oldest = m_seen.first();
        oldest.removeFirst();
        --m_seenCount;
        if (oldest.isEmpty())
            m_seen.erase(m_seen.begin());
    }
}

bool WebhookVerifier::openDeliveryFile(QString* error)
{
    const QString path = m_options.deliveryFile;
    if (path.isEmpty())
        return true;
    QStringList problems;
    QFile in(path);
    if (in.exists() && !in.open(QIODevice::ReadOnly))
        problems << QStringLiteral("%1: cannot read: %2").arg(path, in.errorString());
    const qint64 now = m_options.clock->nowUtc().toSecsSinceEpoch();
    for (int line = 1; in.isOpen() && !in.atEnd(); ++line) {
        const QByteArray text = in.readLine(1024).trimmed();
        const qsizetype space = text.indexOf(' ');
        const QByteArray stamp = text.left(space), hex = text.mid(space + 1);
        if (space < 1 || !allDigits(stamp) || stamp.size() > MaxTimestampDigits || hex.size() != SignatureHexDigits
            || !allHex(hex)) {
            if (problems.size() < 5)
                problems << QStringLiteral("%1:%2: not \"TIMESTAMP HMAC\"; the line is dropped").arg(path).arg(line);
            continue;
        }
        const qint64 t = stamp.toLongLong();
        const QByteArray mac = QByteArray::fromHex(hex);
        if (t >= now - m_options.windowSeconds && !m_seen.value(t).contains(mac))
            remember(t, mac);
    }
    in.close();
    QString writeError;
    if (!writeDeliveryFile(&writeError))
        problems << writeError + QStringLiteral("; accepted deliveries are remembered in memory only");
    if (problems.isEmpty())
        return true;
    *error = problems.join(QLatin1Char('\n'));
    return false;
}

bool WebhookVerifier::writeDeliveryFile(QString* error)
{
    m_deliveries.close();
    QSaveFile out(m_options.deliveryFile);
    if (out.open(QIODevice::WriteOnly)) {
        for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it)
            for (const QByteArray& mac : it.value())
                out.write(deliveryLine(it.key(), mac));
    }
    m_deliveries.setFileName(m_options.deliveryFile);
    if (!out.commit() || !m_deliveries.open(QIODevice::Append)) {
        *error = QStringLiteral("%1: cannot write: %2")
                     .arg(m_options.deliveryFile,
                          out.error() != QFileDevice::NoError ? out.errorString() : m_deliveries.errorString());
        return false;
    }
    m_linesWritten = m_seenCount;
    return true;
}

} // namespace tb::core
