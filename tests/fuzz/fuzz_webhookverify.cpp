// WebhookVerifier::verify on arbitrary requests. The input is "TIMESTAMP\nSIGNATURE\nBODY" (missing lines are
// missing headers; a line "-" is a missing header; the rest after the second newline is the body). Invariants:
// the status matches the outcome; nothing is accepted unless its signature is the HMAC of "<timestamp>.<body>"
// under the secret, the timestamp lies in the window and the body within the limit; an accepted delivery is a
// duplicate the second time; a message names the request and never shows the secret or the expected signature;
// the same timestamp and body signed properly are accepted exactly when inside the window and limit.
#include "FuzzSupport.h"

#include "util/Clock.h"
#include "util/Crypto.h"
#include "webhook/WebhookVerifier.h"

using namespace tb::core;

namespace {

class FixedClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return QDateTime::fromSecsSinceEpoch(1768467600, Qt::UTC); }
};

const QByteArray Secret = "fuzz-signing-secret-7f3a";
const QString Path = QStringLiteral("/hooks/fuzz");

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const FixedClock clock;
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const qsizetype first = input.indexOf('\n');
    const qsizetype second = first < 0 ? -1 : input.indexOf('\n', first + 1);
    const QByteArray stampLine = first < 0 ? input : input.left(first);
    const QByteArray signatureLine = first < 0 ? QByteArray("-")
                                   : second < 0 ? input.mid(first + 1)
                                                : input.mid(first + 1, second - first - 1);
    const QByteArray body = second < 0 ? QByteArray() : input.mid(second + 1);
    WebhookVerifier::Headers headers;
    if (stampLine != "-")
        headers.append({"X-TrialBridge-Timestamp", stampLine});
    if (signatureLine != "-")
        headers.append({"X-TrialBridge-Signature", signatureLine});
    // Header values are compared without surrounding white space, as HTTP reads them.
    const QByteArray stamp = stampLine.trimmed();
    const QByteArray signature = signatureLine.trimmed();

    WebhookVerifier::Options o;
    o.clock = &clock;
    o.maxBodyBytes = 4096;
    WebhookVerifier v(o);
    const auto r = v.verify("POST", Path, headers, body, Secret);
    TB_FUZZ_CHECK(r.httpStatus == WebhookVerifier::httpStatus(r.outcome), r.message);
    TB_FUZZ_CHECK(r.message.startsWith(QStringLiteral("POST /hooks/fuzz: ")), r.message);
    TB_FUZZ_CHECK(!r.message.contains(QString::fromLatin1(Secret)), r.message);
    const qint64 now = clock.nowUtc().toSecsSinceEpoch();
    bool digits = !stamp.isEmpty() && stamp.size() <= 12;
    for (char c : stamp)
        digits = digits && c >= '0' && c <= '9';
    const qint64 t = digits ? stamp.toLongLong() : -1;
    if (digits) {
        const QByteArray expected = crypto::hmacSha256(Secret, stamp + '.' + body).toHex();
        TB_FUZZ_CHECK(!r.message.contains(QString::fromLatin1(expected), Qt::CaseInsensitive), r.message);
    }
    if (r.accepted()) {
        TB_FUZZ_CHECK(digits && qAbs(t - now) <= o.windowSeconds && body.size() <= o.maxBodyBytes, r.message);
        TB_FUZZ_CHECK(signature.startsWith("sha256=") &&
                          crypto::constantTimeEquals(QByteArray::fromHex(signature.mid(7)),
                                                     crypto::hmacSha256(Secret, stamp + '.' + body)),
                      QStringLiteral("accepted a signature that is not the HMAC"));
        const auto again = v.verify("POST", Path, headers, body, Secret);
        TB_FUZZ_CHECK(again.outcome == WebhookVerifier::Outcome::Duplicate, again.message);
    }
    // The same request signed properly (a fresh verifier: no duplicate).
    if (digits) {
        WebhookVerifier fresh(o);
        const WebhookVerifier::Headers good{
            {"X-TrialBridge-Timestamp", stamp},
            {"X-TrialBridge-Signature", "sha256=" + crypto::hmacSha256(Secret, stamp + '.' + body).toHex()}};
        const auto g = fresh.verify("POST", Path, good, body, Secret);
        const bool shouldPass = qAbs(t - now) <= o.windowSeconds && body.size() <= o.maxBodyBytes;
        TB_FUZZ_CHECK(g.accepted() == shouldPass, g.message);
    }
    return 0;
}
