#include "source/http/HttpResponseParser.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace tb::core {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isOws(char c)
{
    return c == ' ' || c == '\t';
}

// RFC 9110 §5.6.2.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c))
        return true;
    return c != 0 && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

QByteArray trimOws(QByteArrayView v)
{
    qsizetype from = 0, to = v.size();
    while (from < to && isOws(v[from]))
        ++from;
    while (to > from && isOws(v[to - 1]))
        --to;
    return v.sliced(from, to - from).toByteArray();
}

// A line for a message: quoted, at most 60 bytes, anything but printable ASCII as \xNN.
QString quoted(QByteArrayView text)
{
    QString out = QStringLiteral("\"");
    for (qsizetype i = 0; i < std::min<qsizetype>(text.size(), 60); ++i) {
        const auto c = uchar(text[i]);
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
            out += QLatin1Char(char(c));
        else
            out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
    }
    if (text.size() > 60)
        out += QStringLiteral("…");
    return out + QLatin1Char('"');
}

// Digits as a number; saturates at limit + 1 (so nothing overflows, whatever the count of digits).
qint64 saturatedNumber(QByteArrayView digits, int base, qint64 limit)
{
    qint64 value = 0;
    for (const char c : digits) {
        const int d = hexValue(c);
        if (value > (std::numeric_limits<qint64>::max() - d) / base)
            return limit + 1;
        value = value * base + d;
        if (value > limit)
            return limit + 1;
    }
    return value;
}

} // namespace

HttpResponseParser::HttpResponseParser() : HttpResponseParser(Limits())
{
}

HttpResponseParser::HttpResponseParser(Limits limits, bool answersHead) : m_limits(limits), m_answersHead(answersHead)
{
    m_limits.maxBodyBytes = std::clamp<qint64>(m_limits.maxBodyBytes, 0, std::numeric_limits<qint64>::max() - 1);
}

QByteArray HttpResponseParser::header(QByteArrayView name) const
{
    for (const auto& [n, v] : m_headers)
        if (QByteArrayView(n).compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

HttpResponseParser::State HttpResponseParser::fail(Error error, qint64 offset, const QString& message)
{
    m_state = State::Error;
    m_phase = Phase::End;
    m_error = error;
    m_errorOffset = offset;
    m_message = message;
    return m_state;
}

HttpResponseParser::State HttpResponseParser::done()
{
    m_state = State::Done;
    m_phase = Phase::End;
    return m_state;
}

QString HttpResponseParser::where() const
{
    return QStringLiteral("line %1 of the header (byte %2)").arg(m_lineNumber).arg(m_lineStart);
}

QString HttpResponseParser::whereField(qsizetype index) const
{
    return QStringLiteral("line %1 of the header (byte %2)").arg(m_fieldPlaces[index].first).arg(m_fieldPlaces[index].second);
}

HttpResponseParser::State HttpResponseParser::feed(QByteArrayView data)
{
    m_fed += data.size();
    qsizetype pos = 0;
    // Each check below depends only on bytes up to the one it fires at, never on how the input was split.
    while (m_state == State::NeedMore && pos < data.size()) {
        switch (m_phase) {
        case Phase::Head:
        case Phase::ChunkSize: {
            const bool head = m_phase == Phase::Head;
            const qint64 room = std::max<qint64>(
                0, head ? m_limits.maxHeaderBytes - m_headBytes : m_limits.maxChunkLineBytes - (m_offset - m_lineStart));
            const qsizetype lf = data.indexOf('\n', pos);
            const qsizetype end = lf < 0 ? data.size() : lf + 1;
            if (end - pos > room) {
                // Up to the limit, so that what was taken does not depend on the split either.
                m_line.append(data.sliced(pos, room));
                m_offset += room;
                (head ? m_headBytes : m_afterHead) += room;
                if (head)
                    return fail(Error::HeaderTooLarge, m_offset,
                                QStringLiteral("the header is larger than the %1 bytes allowed (at byte %2)")
                                    .arg(m_limits.maxHeaderBytes)
                                    .arg(m_offset));
                return fail(Error::Chunk, m_offset,
                            QStringLiteral("the chunk-size line at byte %1 is longer than the %2 bytes allowed (at byte %3)")
                                .arg(m_lineStart)
                                .arg(m_limits.maxChunkLineBytes)
                                .arg(m_offset));
            }
            m_line.append(data.sliced(pos, lf < 0 ? end - pos : end - pos - 1));
            m_offset += end - pos;
            (head ? m_headBytes : m_afterHead) += end - pos;
            pos = end;
            if (lf < 0)
                break;
            QByteArray line = std::exchange(m_line, QByteArray());
            if (line.endsWith('\r')) // CRLF, or a bare LF (RFC 9112 §2.2 allows both)
                line.chop(1);
            if (!(head ? headLine(line) : chunkSizeLine(line)))
                return m_state;
            m_lineStart = m_offset;
            break;
        }
        case Phase::LengthBody:
        case Phase::ChunkData: {
            const qsizetype n = qsizetype(std::min<qint64>(m_left, data.size() - pos));
            m_body.append(data.sliced(pos, n));
            pos += n;
            m_offset += n;
            m_afterHead += n;
            m_left -= n;
            if (m_left == 0) {
                if (m_phase == Phase::LengthBody)
                    return done();
                m_phase = Phase::ChunkEnd;
                m_chunkCr = false;
            }
            break;
        }
        case Phase::ChunkEnd: {
            const char c = data[pos];
            if (c == '\n' || (c == '\r' && !m_chunkCr)) {
                ++pos;
                ++m_offset;
                ++m_afterHead;
                m_chunkCr = c == '\r';
                if (c == '\n') {
                    m_phase = Phase::ChunkSize;
                    m_lineStart = m_offset;
                }
                break;
            }
            return fail(Error::Chunk, m_offset,
                        QStringLiteral("the chunk of %1 bytes at byte %2 is not followed by CRLF (byte %3 is %4)")
                            .arg(QString::number(m_chunkSize), QString::number(m_chunkStart), QString::number(m_offset),
                                 quoted(QByteArrayView(&c, 1))));
        }
        case Phase::CloseBody: {
            const qsizetype n = data.size() - pos;
            if (const qint64 room = m_limits.maxBodyBytes - m_body.size(); n > room) {
                m_body.append(data.sliced(pos, qsizetype(room)));
                m_offset += room;
                m_afterHead += room;
                return fail(Error::BodyTooLarge, m_offset,
                            QStringLiteral("the answer is larger than the %1 bytes allowed (at byte %2)")
                                .arg(m_limits.maxBodyBytes)
                                .arg(m_offset));
            }
            m_body.append(data.sliced(pos, n));
            pos += n;
            m_offset += n;
            m_afterHead += n;
            break;
        }
        case Phase::End:
            pos = data.size();
            break;
        }
    }
    return m_state;
}

HttpResponseParser::State HttpResponseParser::finish()
{
    if (m_state != State::NeedMore)
        return m_state;
    switch (m_phase) {
    case Phase::CloseBody:
        return done();
    case Phase::Head:
        return fail(Error::Incomplete, m_offset,
                    QStringLiteral("the connection closed before a complete answer (%1 bytes of headers received)")
                        .arg(m_headBytes));
    case Phase::LengthBody:
        return fail(Error::Incomplete, m_offset,
                    QStringLiteral("HTTP %1, but the connection closed after %2 of the %3 bytes of the body")
                        .arg(m_status)
                        .arg(m_body.size())
                        .arg(m_contentLength));
    default:
        return fail(Error::Incomplete, m_offset,
                    QStringLiteral("HTTP %1, but the connection closed inside the chunked body (%2 bytes received)")
                        .arg(m_status)
                        .arg(m_afterHead));
    }
}

bool HttpResponseParser::headLine(const QByteArray& line)
{
    ++m_lineNumber;
    const Error kind = m_lineNumber == 1 ? Error::StatusLine : Error::Header;
    // RFC 9110 §5.5: CR, LF and NUL in a field are dangerous; refused rather than replaced.
    if (const qsizetype cr = line.indexOf('\r'); cr >= 0) {
        fail(kind, m_lineStart + cr, QStringLiteral("%1 holds a CR (byte %2) that does not end it").arg(where()).arg(m_lineStart + cr));
        return false;
    }
    if (const qsizetype nul = line.indexOf('\0'); nul >= 0) {
        fail(kind, m_lineStart + nul, QStringLiteral("%1 holds a NUL byte (byte %2)").arg(where()).arg(m_lineStart + nul));
        return false;
    }
    return m_lineNumber == 1 ? statusLine(line) : fieldLine(line);
}

bool HttpResponseParser::statusLine(const QByteArray& line)
{
    // status-line = HTTP-version SP status-code SP [ reason-phrase ]; the last SP is often left out.
    const bool shape = line.size() >= 12 && line.startsWith("HTTP/1.") && isDigit(line[7]) && line[8] == ' ' &&
                       isDigit(line[9]) && isDigit(line[10]) && isDigit(line[11]) && (line.size() == 12 || line[12] == ' ');
    if (!shape) {
        fail(Error::StatusLine, m_lineStart,
             QStringLiteral("the status line %1 (byte %2) is not \"HTTP/1.x NNN reason\"").arg(quoted(line), QString::number(m_lineStart)));
        return false;
    }
    m_minorVersion = line[7] - '0';
    m_status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
    if (m_status < 100 || m_status > 599) {
        fail(Error::StatusLine, m_lineStart + 9,
             QStringLiteral("the status line %1 (byte %2) has status %3, outside 100–599")
                 .arg(quoted(line), QString::number(m_lineStart), QString::fromLatin1(line.mid(9, 3))));
        return false;
    }
    return true;
}

bool HttpResponseParser::fieldLine(const QByteArray& line)
{
    if (line.isEmpty())
        return endOfHead();
    if (m_lineNumber - 1 > m_limits.maxHeaderLines) {
        fail(Error::TooManyHeaders, m_lineStart,
             QStringLiteral("the header has more than the %1 field lines allowed (%2)").arg(m_limits.maxHeaderLines).arg(where()));
        return false;
    }
    if (isOws(line[0])) {
        // obs-fold: a client replaces it with a space (RFC 9112 §5.2).
        if (m_headers.isEmpty()) {
            fail(Error::Header, m_lineStart, QStringLiteral("%1 continues a field, but none precedes it").arg(where()));
            return false;
        }
        QByteArray& value = m_headers.last().second;
        const QByteArray more = trimOws(line);
        if (!more.isEmpty())
            value = value.isEmpty() ? more : value + ' ' + more;
        return true;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon < 0) {
        fail(Error::Header, m_lineStart, QStringLiteral("%1 has no colon: %2").arg(where(), quoted(line)));
        return false;
    }
    const QByteArray name = line.left(colon);
    const auto bad = std::find_if(name.begin(), name.end(), [](char c) { return !isTokenChar(c); });
    if (name.isEmpty() || bad != name.end()) {
        // Whitespace before the colon included: RFC 9112 §5.1 forbids it (a classic smuggling vector).
        fail(Error::Header, m_lineStart + (bad - name.begin()),
             QStringLiteral("%1: the field name %2 is not a token").arg(where(), quoted(name)));
        return false;
    }
    if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
        if (m_lengthIndex >= 0) {
            fail(Error::ContentLength, m_lineStart,
                 QStringLiteral("%1: a second Content-Length (the first is on line %2)")
                     .arg(where())
                     .arg(m_fieldPlaces[m_lengthIndex].first));
            return false;
        }
        m_lengthIndex = m_headers.size();
    }
    m_headers.push_back({name, trimOws(QByteArrayView(line).sliced(colon + 1))});
    m_fieldPlaces.push_back({m_lineNumber, m_lineStart});
    return true;
}

bool HttpResponseParser::endOfHead()
{
    if (m_status < 200) {
        if (m_status == 101) {
            fail(Error::StatusLine, m_headStart,
                 QStringLiteral("101 Switching Protocols (byte %1), but no protocol change was asked for").arg(m_headStart));
            return false;
        }
        // An interim answer (100 Continue, 103 Early Hints): the real one follows.
        m_headers.clear();
        m_fieldPlaces.clear();
        m_lengthIndex = -1;
        m_status = 0;
        m_lineNumber = 0;
        m_headBytes = 0;
        m_headStart = m_offset;
        return true;
    }
    m_headComplete = true;

    qsizetype codingIndex = -1;
    QList<QByteArray> codings;
    for (qsizetype i = 0; i < m_headers.size(); ++i) {
        if (m_headers[i].first.compare("transfer-encoding", Qt::CaseInsensitive) != 0)
            continue;
        if (codingIndex < 0)
            codingIndex = i;
        for (const QByteArray& c : m_headers[i].second.split(','))
            if (const QByteArray t = trimOws(c).toLower(); !t.isEmpty()) // empty list elements are allowed
                codings << t;
    }
    if (codingIndex >= 0) {
        const qint64 at = m_fieldPlaces[codingIndex].second;
        if (m_minorVersion == 0) {
            fail(Error::TransferEncoding, at,
                 QStringLiteral("%1: Transfer-Encoding in an HTTP/1.0 answer, whose framing cannot be trusted (RFC 9112 §6.1)")
                     .arg(whereField(codingIndex)));
            return false;
        }
        if (m_lengthIndex >= 0) {
            fail(Error::TransferEncoding, at,
                 QStringLiteral("%1: Transfer-Encoding together with the Content-Length of line %2 (RFC 9112 §6.3: a sign of "
                                "response smuggling)")
                     .arg(whereField(codingIndex))
                     .arg(m_fieldPlaces[m_lengthIndex].first));
            return false;
        }
        if (codings != QList<QByteArray>{"chunked"}) {
            QByteArray all;
            for (qsizetype i = codingIndex; i < m_headers.size(); ++i)
                if (m_headers[i].first.compare("transfer-encoding", Qt::CaseInsensitive) == 0)
                    all += (all.isEmpty() ? "" : ", ") + m_headers[i].second;
            fail(Error::TransferEncoding, at,
                 QStringLiteral("%1: Transfer-Encoding %2 is not supported (only \"chunked\")").arg(whereField(codingIndex), quoted(all)));
            return false;
        }
    }
    if (m_lengthIndex >= 0) {
        const QByteArray& v = m_headers[m_lengthIndex].second;
        if (v.isEmpty() || !std::all_of(v.begin(), v.end(), isDigit)) {
            fail(Error::ContentLength, m_fieldPlaces[m_lengthIndex].second,
                 QStringLiteral("%1: Content-Length %2 is not a number of bytes").arg(whereField(m_lengthIndex), quoted(v)));
            return false;
        }
        m_contentLength = saturatedNumber(v, 10, m_limits.maxBodyBytes);
    }

    if (m_answersHead || m_status == 204 || m_status == 304) {
        m_framing = Framing::None;
        done();
        return true;
    }
    if (codingIndex >= 0) {
        m_framing = Framing::Chunked;
        m_phase = Phase::ChunkSize;
        return true;
    }
    if (m_lengthIndex < 0) {
        m_framing = Framing::Close;
        m_phase = Phase::CloseBody;
        return true;
    }
    if (m_contentLength > m_limits.maxBodyBytes) {
        QByteArray digits = m_headers[m_lengthIndex].second;
        while (digits.size() > 1 && digits.startsWith('0'))
            digits.remove(0, 1);
        fail(Error::BodyTooLarge, m_fieldPlaces[m_lengthIndex].second,
             QStringLiteral("the answer would be %1 bytes, more than the %2 allowed (Content-Length on %3)")
                 .arg(QString::fromLatin1(digits))
                 .arg(m_limits.maxBodyBytes)
                 .arg(whereField(m_lengthIndex)));
        return false;
    }
    m_framing = Framing::Length;
    m_left = m_contentLength;
    if (m_left == 0)
        done();
    else
        m_phase = Phase::LengthBody;
    return true;
}

bool HttpResponseParser::chunkSizeLine(const QByteArray& line)
{
    // chunk = chunk-size [ chunk-ext ] CRLF; the extensions are not used.
    qsizetype i = 0;
    while (i < line.size() && hexValue(line[i]) >= 0)
        ++i;
    qsizetype rest = i;
    while (rest < line.size() && isOws(line[rest]))
        ++rest;
    const qsizetype bad = line.indexOf('\r') >= 0 ? line.indexOf('\r') : line.indexOf('\0');
    if (i == 0 || (rest < line.size() && line[rest] != ';') || bad >= 0) {
        fail(Error::Chunk, m_lineStart,
             QStringLiteral("the chunk-size line %1 (byte %2) is not a hexadecimal size (with optional extensions)")
                 .arg(quoted(line), QString::number(m_lineStart)));
        return false;
    }
    const qint64 room = m_limits.maxBodyBytes - m_body.size();
    const qint64 size = saturatedNumber(QByteArrayView(line).first(i), 16, room);
    if (size > room) {
        fail(Error::BodyTooLarge, m_lineStart,
             QStringLiteral("the answer is larger than the %1 bytes allowed (chunk-size line %2 at byte %3)")
                 .arg(QString::number(m_limits.maxBodyBytes), quoted(line), QString::number(m_lineStart)));
        return false;
    }
    if (size == 0) { // the last chunk; trailers, if any, do not matter: the connection closes
        done();
        return false;
    }
    m_chunkSize = size;
    m_left = size;
    m_chunkStart = m_offset;
    m_phase = Phase::ChunkData;
    return true;
}

} // namespace tb::core
