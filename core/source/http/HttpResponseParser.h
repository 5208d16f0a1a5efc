#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

#include <utility>

namespace tb::core {

// One HTTP/1.1 response (RFC 9112) read incrementally from the bytes of a connection as they arrive, for
// HttpFetcher and its fuzz target. Splitting the input differently never changes the outcome: every check
// fires at a fixed byte of the stream, and the messages name that byte (and the header line).
//
// Accepted: "HTTP/1.0" or "HTTP/1.1", a three-digit status in 100–599, interim 1xx answers (skipped), lines
// ending in CRLF or a bare LF, folded header lines (joined with a space, as RFC 9112 §5.2 asks of a client).
// The body is framed by Content-Length, by "Transfer-Encoding: chunked" (trailers are not read: the
// connection closes after the answer), by the end of the connection, or absent (HEAD, 204, 304).
// Refused: malformed status or header lines, field names that are not tokens, NUL or stray CR bytes,
// more header bytes or lines than the limits, a Content-Length that is not digits or appears twice, any
// transfer coding but chunked, Transfer-Encoding together with Content-Length (RFC 9112 §6.3: a sign of
// smuggling) or in an HTTP/1.0 answer, 101 (never asked for), malformed chunk-size lines or chunks not
// followed by CRLF, and bodies larger than the limit (declared or received). Sizes never overflow.
class HttpResponseParser
{
public:
    enum class State { NeedMore, Done, Error };
    enum class Framing { Unknown, None, Length, Chunked, Close };
    enum class Error {
        None,
        StatusLine,       // not "HTTP/1.x NNN reason"
        Header,           // a malformed header line
        HeaderTooLarge,   // more than Limits::maxHeaderBytes
        TooManyHeaders,   // more than Limits::maxHeaderLines
        ContentLength,    // not digits, or twice
        TransferEncoding, // not plain chunked, with Content-Length, or in HTTP/1.0
        Chunk,            // a malformed chunk-size line or chunk end
        BodyTooLarge,     // more than Limits::maxBodyBytes, declared or received
        Incomplete,       // the stream ended before the answer did (finish())
    };
    struct Limits
    {
        qint64 maxHeaderBytes = 64 * 1024; // one head: status line, field lines and their line ends
        int maxHeaderLines = 256;          // field lines of one head (folded continuations included)
        qint64 maxChunkLineBytes = 4096;   // one chunk-size line with its extensions
        qint64 maxBodyBytes = qint64(512) * 1024 * 1024;
    };

    HttpResponseParser();
    // answersHead: the answer to a HEAD request, which has no body whatever its header says.
    explicit HttpResponseParser(Limits limits, bool answersHead = false);

    // The next bytes of the connection. Bytes after a complete answer are counted and ignored.
    State feed(QByteArrayView data);
    // The connection ended: Done for an answer framed by the close, Error (Incomplete) for anything unfinished.
    State finish();

    State state() const { return m_state; }
    Error error() const { return m_error; }
    // Names the byte offset (from the first byte fed) and, in the header, the line (the status line is 1).
    const QString& errorMessage() const { return m_message; }
    qint64 errorOffset() const { return m_errorOffset; }

    // The final (non-1xx) head has been read: status() and headers() hold it.
    bool headComplete() const { return m_headComplete; }
    int status() const { return m_headComplete ? m_status : 0; }
    // Names as received, values without surrounding spaces and tabs.
    const QList<QPair<QByteArray, QByteArray>>& headers() const { return m_headers; }
    // The first value of a header (case-insensitive); null when absent.
    QByteArray header(QByteArrayView name) const;
    Framing framing() const { return m_framing; }
    // -1 unless framed by Content-Length.
    qint64 contentLength() const { return m_framing == Framing::Length ? m_contentLength : -1; }
    // The decoded body so far (complete once Done).
    const QByteArray& body() const { return m_body; }
    QByteArray takeBody() { return std::exchange(m_body, QByteArray()); }

    qint64 bytesFed() const { return m_fed; }
    // Bytes of the head being read (the last one, after any 1xx).
    qint64 headBytes() const { return m_headBytes; }
    // Bytes after the final head, framing included.
    qint64 bytesAfterHead() const { return m_afterHead; }

private:
    enum class Phase { Head, LengthBody, CloseBody, ChunkSize, ChunkData, ChunkEnd, End };

    State fail(Error error, qint64 offset, const QString& message);
    State done();
    bool headLine(const QByteArray& line);
    bool statusLine(const QByteArray& line);
    bool fieldLine(const QByteArray& line);
    bool endOfHead();
    bool chunkSizeLine(const QByteArray& line);
    QString where() const;
    QString whereField(qsizetype index) const;

    Limits m_limits;
    bool m_answersHead = false;
    State m_state = State::NeedMore;
    Phase m_phase = Phase::Head;
    Error m_error = Error::None;
    QString m_message;
    qint64 m_errorOffset = -1;

    qint64 m_fed = 0;       // bytes fed
    qint64 m_offset = 0;    // bytes parsed: the offset of the next one
    QByteArray m_line;      // the line being read, without its LF
    qint64 m_lineStart = 0; // its offset

    // The head being read.
    qint64 m_headStart = 0;
    qint64 m_headBytes = 0;
    int m_lineNumber = 0; // of the last line taken (the status line is 1)
    int m_minorVersion = 1;
    int m_status = 0;
    bool m_headComplete = false;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QList<QPair<int, qint64>> m_fieldPlaces; // line and offset of each header
    qsizetype m_lengthIndex = -1;           // the Content-Length header
    qint64 m_contentLength = -1;
    Framing m_framing = Framing::Unknown;

    // The body.
    qint64 m_afterHead = 0;
    qint64 m_left = 0; // bytes still to come of the body (Content-Length) or of the chunk
    QByteArray m_body;
    qint64 m_chunkStart = 0; // offset of the current chunk's data
    qint64 m_chunkSize = 0;
    bool m_chunkCr = false; // the CR after the chunk's data has arrived
};

} // namespace tb::core
