// HttpResponseParser on arbitrary bytes. The first byte chooses the limits (bits 0-1: body limit 64 B, 4 KiB,
// 1 MiB or the default; bit 2: small header limits, 256 bytes and 8 lines; bit 3: a 16-byte chunk-size line
// limit; bit 4: the answer to a HEAD request) and, with the second, where the rest is split. Invariants: no
// crash; fed whole, split in two at that byte, and fed in pieces of 1 to 7 bytes, the outcome is the same
// (state, error, message, offset, status, headers, body); an error names its byte; the body never exceeds its
// limit, nor a Content-Length; Done comes with a status in 200-599.
#include "FuzzSupport.h"

#include "source/http/HttpResponseParser.h"

#include <QRegularExpression>

#include <algorithm>

using namespace tb::core;

namespace {

struct Outcome
{
    HttpResponseParser::State fed;
    HttpResponseParser::State finished;
    HttpResponseParser::Error error;
    QString message;
    qint64 offset;
    int status;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    HttpResponseParser::Framing framing;
    qint64 headBytes, afterHead, fedBytes;

    bool operator==(const Outcome& o) const
    {
        return fed == o.fed && finished == o.finished && error == o.error && message == o.message && offset == o.offset &&
               status == o.status && headers == o.headers && body == o.body && framing == o.framing &&
               headBytes == o.headBytes && afterHead == o.afterHead && fedBytes == o.fedBytes;
    }
    QString describe() const
    {
        return QStringLiteral("state %1/%2, error %3 at %4 '%5', status %6, %7 headers, body %8 bytes, framing %9")
            .arg(int(fed))
            .arg(int(finished))
            .arg(int(error))
            .arg(offset)
            .arg(message)
            .arg(status)
            .arg(headers.size())
            .arg(body.size())
            .arg(int(framing));
    }
};

template <typename Feed>
Outcome run(const HttpResponseParser::Limits& limits, bool head, Feed feed)
{
    HttpResponseParser p(limits, head);
    Outcome o;
    o.fed = feed(p);
    o.status = p.status();
    o.headers = p.headers();
    o.framing = p.framing();
    o.finished = p.finish();
    o.error = p.error();
    o.message = p.errorMessage();
    o.offset = p.errorOffset();
    o.body = p.body();
    o.headBytes = p.headBytes();
    o.afterHead = p.bytesAfterHead();
    o.fedBytes = p.bytesFed();
    return o;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 2)
        return 0;
    const uint8_t mode = data[0];
    const uint8_t splitByte = data[1];
    const QByteArrayView input(reinterpret_cast<const char*>(data + 2), qsizetype(size - 2));

    HttpResponseParser::Limits limits;
    static const qint64 bodyLimits[] = {64, 4096, 1024 * 1024, limits.maxBodyBytes};
    limits.maxBodyBytes = bodyLimits[mode & 3];
    if (mode & 4) {
        limits.maxHeaderBytes = 256;
        limits.maxHeaderLines = 8;
    }
    if (mode & 8)
        limits.maxChunkLineBytes = 16;
    const bool head = mode & 16;

    const Outcome whole = run(limits, head, [&](HttpResponseParser& p) { return p.feed(input); });
    const qsizetype cut = input.isEmpty() ? 0 : qsizetype((size_t(splitByte) * 251 + size) % size_t(input.size() + 1));
    const Outcome split = run(limits, head, [&](HttpResponseParser& p) {
        p.feed(input.first(cut));
        return p.feed(input.sliced(cut));
    });
    TB_FUZZ_CHECK(split == whole,
                  QStringLiteral("split at %1: %2; whole: %3").arg(cut).arg(split.describe(), whole.describe()));
    const Outcome pieces = run(limits, head, [&](HttpResponseParser& p) {
        HttpResponseParser::State s = p.state();
        for (qsizetype at = 0, step = 1; at < input.size(); at += step, step = step % 7 + 1)
            s = p.feed(input.sliced(at, std::min(step, input.size() - at)));
        return s;
    });
    TB_FUZZ_CHECK(pieces == whole, QStringLiteral("in pieces: %1; whole: %2").arg(pieces.describe(), whole.describe()));

    using State = HttpResponseParser::State;
    TB_FUZZ_CHECK(whole.fedBytes == input.size(), QStringLiteral("%1 bytes fed of %2").arg(whole.fedBytes).arg(input.size()));
    TB_FUZZ_CHECK(whole.finished != State::NeedMore, whole.describe());
    TB_FUZZ_CHECK(whole.fed == State::NeedMore || whole.fed == whole.finished, whole.describe());
    TB_FUZZ_CHECK(whole.body.size() <= limits.maxBodyBytes, whole.describe());
    if (whole.finished == State::Error) {
        TB_FUZZ_CHECK(whole.error != HttpResponseParser::Error::None && !whole.message.isEmpty(), whole.describe());
        TB_FUZZ_CHECK(whole.offset >= 0 && whole.offset <= input.size(), whole.describe());
        // Only the end of the stream comes after the last byte; every other error fires at one of them.
        TB_FUZZ_CHECK(whole.error == HttpResponseParser::Error::Incomplete || whole.offset < input.size(),
                      QStringLiteral("an error after the last byte: %1").arg(whole.describe()));
        static const QRegularExpression namesAByte(QStringLiteral("\\(.*byte \\d+"));
        TB_FUZZ_CHECK(whole.error == HttpResponseParser::Error::Incomplete || whole.message.contains(namesAByte),
                      QStringLiteral("the message names no byte: %1").arg(whole.message));
    } else {
        TB_FUZZ_CHECK(whole.error == HttpResponseParser::Error::None && whole.status >= 200 && whole.status <= 599,
                      whole.describe());
        HttpResponseParser p(limits, head);
        p.feed(input);
        p.finish();
        if (whole.framing == HttpResponseParser::Framing::Length)
            TB_FUZZ_CHECK(p.contentLength() == whole.body.size(), whole.describe());
        if (whole.framing == HttpResponseParser::Framing::None)
            TB_FUZZ_CHECK(whole.body.isEmpty(), whole.describe());
    }
    return 0;
}
