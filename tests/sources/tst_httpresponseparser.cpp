#include "source/http/HttpResponseParser.h"

#include <QtTest>

using namespace tb::core;
using Parser = HttpResponseParser;
using State = HttpResponseParser::State;
using Error = HttpResponseParser::Error;
using Framing = HttpResponseParser::Framing;

// Every framing path and every refusal of the HTTP/1.1 response parser, each fed whole, split in two at every
// byte boundary and byte by byte: the outcome (state, error, message, offset, status, headers, body) must
// not depend on how the bytes arrived.
class TestHttpResponseParser : public QObject
{
    Q_OBJECT

private:
    struct Outcome
    {
        State fed = State::NeedMore; // after the last byte
        State finished = State::NeedMore; // after finish()
        Error error = Error::None;
        QString message;
        qint64 offset = -1;
        int status = 0;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        Framing framing = Framing::Unknown;
        qint64 headBytes = 0, afterHead = 0, fedBytes = 0;

        bool operator==(const Outcome& o) const
        {
            return fed == o.fed && finished == o.finished && error == o.error && message == o.message &&
                   offset == o.offset && status == o.status && headers == o.headers && body == o.body &&
                   framing == o.framing && headBytes == o.headBytes && afterHead == o.afterHead &&
                   fedBytes == o.fedBytes;
        }
        QString describe() const
        {
            return QStringLiteral("fed %1, finished %2, error %3 at %4 \"%5\", status %6, %7 headers, body %8 bytes, "
                                  "framing %9")
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

    static Parser::Limits limits(qint64 header, qint64 lines, qint64 chunkLine, qint64 body)
    {
        Parser::Limits l;
        if (header > 0)
            l.maxHeaderBytes = header;
        if (lines > 0)
            l.maxHeaderLines = int(lines);
        if (chunkLine > 0)
            l.maxChunkLineBytes = chunkLine;
        if (body >= 0)
            l.maxBodyBytes = body;
        return l;
    }

    // Feeds the pieces in order, then ends the stream.
    static Outcome run(const QList<QByteArrayView>& pieces, const Parser::Limits& l, bool head)
    {
        Parser p(l, head);
        Outcome o;
        for (const QByteArrayView piece : pieces)
            o.fed = p.feed(piece);
        if (pieces.isEmpty())
            o.fed = p.state();
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

    static void addColumns()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("answersHead");
        QTest::addColumn<QList<qint64>>("limits"); // header bytes, header lines, chunk line, body; <= 0 (body < 0): default
        QTest::addColumn<int>("fed");      // State after the last byte
        QTest::addColumn<int>("finished"); // State after finish()
        QTest::addColumn<int>("error");
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<QString>("message"); // a part of the message
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("framing");
        QTest::addColumn<QByteArray>("header"); // "name: value" that must be among the headers, if not empty
    }

    static void accepted(const char* name, const QByteArray& input, int status, const QByteArray& body, Framing framing,
                         const QByteArray& header = {}, bool doneBeforeClose = true, bool head = false,
                         const QList<qint64>& l = {0, 0, 0, -1})
    {
        QTest::newRow(name) << input << head << l << int(doneBeforeClose ? State::Done : State::NeedMore) << int(State::Done)
                            << int(Error::None) << qint64(-1) << QString() << status << body << int(framing) << header;
    }

    static void refused(const char* name, const QByteArray& input, Error error, qint64 offset, const QString& message,
                        const QList<qint64>& l = {0, 0, 0, -1}, bool head = false)
    {
        const State fed = error == Error::Incomplete ? State::NeedMore : State::Error;
        // status, body and framing are checked against the parser's own view in parse(); -1 skips them here.
        QTest::newRow(name) << input << head << l << int(fed) << int(State::Error) << int(error) << offset << message << -1
                            << QByteArray() << -1 << QByteArray();
    }

private slots:
    void parse_data()
    {
        addColumns();
        const QByteArray ok = "HTTP/1.1 200 OK\r\n"; // 17 bytes: the second line starts at byte 17
        const QByteArray chunked = ok + "Transfer-Encoding: chunked\r\n\r\n"; // the body starts at byte 47

        // Framing paths.
        accepted("content-length", ok + "Content-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello", 200, "hello",
                 Framing::Length, "Content-Type: text/plain");
        accepted("content-length zero", ok + "Content-Length: 0\r\n\r\n", 200, "", Framing::Length);
        accepted("content-length with leading zeros", ok + "Content-Length: 0003\r\n\r\nabc", 200, "abc", Framing::Length);
        accepted("bytes after the body are ignored", ok + "Content-Length: 5\r\n\r\nhelloHTTP/1.1 500 Oops\r\n\r\n", 200,
                 "hello", Framing::Length);
        accepted("chunked", chunked + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", 200, "hello world", Framing::Chunked);
        accepted("chunked: hex in either case, leading zeros, extensions",
                 chunked + "00A;name=\"v\"\r\n0123456789\r\nf \t;x\r\nabcdefghijklmno\r\n000\r\n", 200,
                 "0123456789abcdefghijklmno", Framing::Chunked);
        accepted("chunked: trailers are not read", chunked + "2\r\nok\r\n0\r\nX-Trailer: whatever\r\n\r\n", 200, "ok",
                 Framing::Chunked);
        accepted("chunked: bare LF after size and data", chunked + "2\nok\n0\n", 200, "ok", Framing::Chunked);
        accepted("chunked: coding in any case, empty list elements", ok + "Transfer-Encoding: , Chunked ,\r\n\r\n2\r\nok\r\n0\r\n",
                 200, "ok", Framing::Chunked);
        accepted("close-delimited", ok + "Content-Type: application/json\r\n\r\n{\"a\": 1}", 200, "{\"a\": 1}", Framing::Close,
                 {}, false);
        accepted("close-delimited, empty", ok + "\r\n", 200, "", Framing::Close, {}, false);
        accepted("HTTP/1.0, close-delimited", "HTTP/1.0 200 OK\r\nServer: old\r\n\r\nbody", 200, "body", Framing::Close,
                 "Server: old", false);
        accepted("HEAD: no body whatever the length", ok + "Content-Length: 100\r\n\r\n", 200, "", Framing::None, {}, true, true);
        accepted("HEAD: a length over the body limit does not matter", ok + "Content-Length: 100\r\n\r\n", 200, "",
                 Framing::None, {}, true, true, {0, 0, 0, 10});
        accepted("204: no body", "HTTP/1.1 204 No Content\r\nContent-Length: 7\r\n\r\n", 204, "", Framing::None);
        accepted("304: no body", "HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n", 304, "", Framing::None);
        accepted("100 Continue first", "HTTP/1.1 100 Continue\r\nX-Interim: 1\r\n\r\n" + ok + "Content-Length: 2\r\n\r\nok",
                 200, "ok", Framing::Length);
        accepted("two interim answers (100, 103)",
                 "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n" + ok + "Content-Length: 2\r\n\r\nok",
                 200, "ok", Framing::Length);
        accepted("bare LF line ends", "HTTP/1.1 200 OK\nContent-Length: 2\n\nok", 200, "ok", Framing::Length);
        accepted("folded header line", ok + "X-Long: one\r\n  two\r\n\tthree\r\nContent-Length: 0\r\n\r\n", 200, "",
                 Framing::Length, "X-Long: one two three");
        accepted("no reason phrase", "HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n", 200, "", Framing::Length);
        accepted("empty reason phrase", "HTTP/1.1 404 \r\nContent-Length: 3\r\n\r\nnot", 404, "not", Framing::Length);
        accepted("reason phrase with any bytes", "HTTP/1.1 503 Service \xc3\xa9 Unavailable\r\nContent-Length: 0\r\n\r\n", 503,
                 "", Framing::Length);
        accepted("empty header value", ok + "Retry-After:\r\nContent-Length: 0\r\n\r\n", 200, "", Framing::Length,
                 "Retry-After: ");
        accepted("values lose outer spaces and tabs only", ok + "X-A: \t a  b \t\r\nContent-Length: 0\r\n\r\n", 200, "",
                 Framing::Length, "X-A: a  b");
        accepted("content-length at the body limit", ok + "Content-Length: 5\r\n\r\nhello", 200, "hello", Framing::Length, {},
                 true, false, {0, 0, 0, 5});
        accepted("chunks at the body limit", chunked + "3\r\nhel\r\n2\r\nlo\r\n0\r\n", 200, "hello", Framing::Chunked, {}, true,
                 false, {0, 0, 0, 5});
        accepted("close-delimited at the body limit", ok + "\r\nhello", 200, "hello", Framing::Close, {}, false, false,
                 {0, 0, 0, 5});
        accepted("header at its byte limit", ok + "X: 1\r\n\r\n", 200, "", Framing::Close, {}, false, false, {25, 0, 0, -1});
        accepted("header at its line limit", ok + "A: 1\r\nB: 2\r\n\r\n", 200, "", Framing::Close, {}, false, false,
                 {0, 2, 0, -1});

        // The status line.
        refused("not HTTP", "SSH-2.0-OpenSSH_9.2\r\n", Error::StatusLine, 0,
                QStringLiteral("the status line \"SSH-2.0-OpenSSH_9.2\" (byte 0) is not \"HTTP/1.x NNN reason\""));
        refused("percent signs are quoted as they are", "HTT\xb5/1].0 2%0 OK\r\n\r\n", Error::StatusLine, 0,
                QStringLiteral("the status line \"HTT\\xb5/1].0 2%0 OK\" (byte 0) is not"));
        refused("HTTP/2", "HTTP/2 200 OK\r\n\r\n", Error::StatusLine, 0, QStringLiteral("is not \"HTTP/1.x NNN reason\""));
        refused("HTTP/1.1x", "HTTP/1.1x 200 OK\r\n\r\n", Error::StatusLine, 0, QStringLiteral("is not \"HTTP/1.x"));
        refused("four-digit status", "HTTP/1.1 2000 OK\r\n\r\n", Error::StatusLine, 0, QStringLiteral("is not \"HTTP/1.x"));
        refused("two-digit status", "HTTP/1.1 20 OK\r\n\r\n", Error::StatusLine, 0, QStringLiteral("is not \"HTTP/1.x"));
        refused("status with a sign", "HTTP/1.1 +20 OK\r\n\r\n", Error::StatusLine, 0, QStringLiteral("is not \"HTTP/1.x"));
        refused("two spaces", "HTTP/1.1  200 OK\r\n\r\n", Error::StatusLine, 0, QStringLiteral("is not \"HTTP/1.x"));
        refused("leading space", " HTTP/1.1 200 OK\r\n\r\n", Error::StatusLine, 0, QStringLiteral("is not \"HTTP/1.x"));
        refused("blank line first", "\r\nHTTP/1.1 200 OK\r\n\r\n", Error::StatusLine, 0,
                QStringLiteral("the status line \"\" (byte 0)"));
        refused("status 600", "HTTP/1.1 600 Nope\r\n\r\n", Error::StatusLine, 9, QStringLiteral("has status 600, outside 100–599"));
        refused("status 099", "HTTP/1.1 099 Nope\r\n\r\n", Error::StatusLine, 9, QStringLiteral("has status 099"));
        refused("101 Switching Protocols", "HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n", Error::StatusLine, 0,
                QStringLiteral("101 Switching Protocols (byte 0), but no protocol change was asked for"));
        refused("101 after a 100", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 101 Switching Protocols\r\n\r\n", Error::StatusLine, 25,
                QStringLiteral("(byte 25)"));
        refused("CR inside the status line", "HTTP/1.1 200 O\rK\r\n\r\n", Error::StatusLine, 14,
                QStringLiteral("line 1 of the header (byte 0) holds a CR (byte 14) that does not end it"));
        refused("NUL in the status line", QByteArray("HTTP/1.1 200 O\0K\r\n\r\n", 20), Error::StatusLine, 14,
                QStringLiteral("holds a NUL byte (byte 14)"));
        refused("a second status line after a 100 is checked too", "HTTP/1.1 100 Continue\r\n\r\nHTTP/9 200\r\n\r\n",
                Error::StatusLine, 25, QStringLiteral("the status line \"HTTP/9 200\" (byte 25)"));

        // Header lines.
        refused("no colon", ok + "Content-Length 5\r\n\r\n", Error::Header, 17,
                QStringLiteral("line 2 of the header (byte 17) has no colon: \"Content-Length 5\""));
        refused("space before the colon", ok + "Content-Length : 5\r\n\r\nhello", Error::Header, 31,
                QStringLiteral("line 2 of the header (byte 17): the field name \"Content-Length \" is not a token"));
        refused("empty field name", ok + "X: 1\r\n: 5\r\n\r\n", Error::Header, 23,
                QStringLiteral("line 3 of the header (byte 23): the field name \"\" is not a token"));
        refused("field name with a slash", ok + "X/Y: 1\r\n\r\n", Error::Header, 18, QStringLiteral("\"X/Y\" is not a token"));
        refused("field name with a high byte", ok + "X\xe9: 1\r\n\r\n", Error::Header, 18, QStringLiteral("\"X\\xe9\" is not a token"));
        refused("folded line first", ok + " X: y\r\n\r\n", Error::Header, 17,
                QStringLiteral("line 2 of the header (byte 17) continues a field, but none precedes it"));
        refused("NUL in a value", ok + QByteArray("X: a\0b\r\n\r\n", 10), Error::Header, 21,
                QStringLiteral("line 2 of the header (byte 17) holds a NUL byte (byte 21)"));
        refused("stray CR in a value", ok + "X: a\rb\r\n\r\n", Error::Header, 21,
                QStringLiteral("line 2 of the header (byte 17) holds a CR (byte 21) that does not end it"));
        refused("CR CR LF", ok + "X: a\r\r\n\r\n", Error::Header, 21, QStringLiteral("holds a CR (byte 21)"));
        refused("header over its byte limit", ok + "X: 12\r\n\r\n", Error::HeaderTooLarge, 25,
                QStringLiteral("the header is larger than the 25 bytes allowed (at byte 25)"), {25, 0, 0, -1});
        refused("header over its byte limit without a line end", ok + "X-Endless: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                Error::HeaderTooLarge, 40, QStringLiteral("larger than the 40 bytes allowed (at byte 40)"), {40, 0, 0, -1});
        refused("header over its line limit", ok + "A: 1\r\nB: 2\r\nC: 3\r\n\r\n", Error::TooManyHeaders, 29,
                QStringLiteral("the header has more than the 2 field lines allowed (line 4 of the header (byte 29))"),
                {0, 2, 0, -1});
        refused("folded lines count against the line limit", ok + "A: 1\r\n 2\r\n 3\r\n\r\n", Error::TooManyHeaders, 27,
                QStringLiteral("more than the 2 field lines"), {0, 2, 0, -1});
        refused("each interim answer has the byte limit", "HTTP/1.1 100 Continue\r\nX: 1234567890\r\n\r\n" + ok,
                Error::HeaderTooLarge, 30, QStringLiteral("(at byte 30)"), {30, 0, 0, -1});

        // Content-Length.
        refused("content-length not a number", ok + "Content-Length: 5x\r\n\r\n", Error::ContentLength, 17,
                QStringLiteral("line 2 of the header (byte 17): Content-Length \"5x\" is not a number of bytes"));
        refused("content-length with a sign", ok + "Content-Length: +5\r\n\r\nhello", Error::ContentLength, 17,
                QStringLiteral("Content-Length \"+5\" is not a number"));
        refused("content-length negative", ok + "Content-Length: -1\r\n\r\n", Error::ContentLength, 17,
                QStringLiteral("Content-Length \"-1\""));
        refused("content-length in hex", ok + "Content-Length: 0x10\r\n\r\n", Error::ContentLength, 17,
                QStringLiteral("Content-Length \"0x10\""));
        refused("content-length empty", ok + "Content-Length:\r\n\r\nhello", Error::ContentLength, 17,
                QStringLiteral("Content-Length \"\" is not a number"));
        refused("content-length as a list", ok + "Content-Length: 5, 5\r\n\r\nhello", Error::ContentLength, 17,
                QStringLiteral("Content-Length \"5, 5\""));
        refused("content-length twice, same value", ok + "Content-Length: 5\r\ncontent-length: 5\r\n\r\nhello",
                Error::ContentLength, 36, QStringLiteral("line 3 of the header (byte 36): a second Content-Length (the first is on line 2)"));
        refused("content-length twice, different values", ok + "Content-Length: 5\r\nX: y\r\nCONTENT-LENGTH: 3\r\n\r\nhello",
                Error::ContentLength, 42, QStringLiteral("line 4 of the header (byte 42): a second Content-Length"));
        refused("content-length over the body limit", ok + "Content-Length: 6\r\n\r\nhello!", Error::BodyTooLarge, 17,
                QStringLiteral("the answer would be 6 bytes, more than the 5 allowed"), {0, 0, 0, 5});
        refused("content-length beyond 64 bits", ok + "Content-Length: 000123456789012345678901234567890\r\n\r\n",
                Error::BodyTooLarge, 17,
                QStringLiteral("the answer would be 123456789012345678901234567890 bytes, more than the 536870912 allowed"));
        refused("content-length just over 2^63", ok + "Content-Length: 9223372036854775808\r\n\r\n", Error::BodyTooLarge, 17,
                QStringLiteral("the answer would be 9223372036854775808 bytes"));
        refused("folded content-length", ok + "Content-Length: 5\r\n 6\r\n\r\nhello", Error::ContentLength, 17,
                QStringLiteral("Content-Length \"5 6\""));

        // Transfer-Encoding.
        refused("transfer-encoding and content-length", ok + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
                Error::TransferEncoding, 36,
                QStringLiteral("line 3 of the header (byte 36): Transfer-Encoding together with the Content-Length of line 2"));
        refused("content-length after transfer-encoding", ok + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n",
                Error::TransferEncoding, 17, QStringLiteral("together with the Content-Length of line 3"));
        refused("gzip, chunked", ok + "Transfer-Encoding: gzip, chunked\r\n\r\n", Error::TransferEncoding, 17,
                QStringLiteral("line 2 of the header (byte 17): Transfer-Encoding \"gzip, chunked\" is not supported (only \"chunked\")"));
        refused("codings over two lines", ok + "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n",
                Error::TransferEncoding, 17, QStringLiteral("Transfer-Encoding \"gzip, chunked\" is not supported"));
        refused("chunked twice", ok + "Transfer-Encoding: chunked, chunked\r\n\r\n", Error::TransferEncoding, 17,
                QStringLiteral("is not supported"));
        refused("identity", ok + "Transfer-Encoding: identity\r\n\r\n", Error::TransferEncoding, 17,
                QStringLiteral("\"identity\" is not supported"));
        refused("a coding that only contains chunked", ok + "Transfer-Encoding: notchunked\r\n\r\n", Error::TransferEncoding, 17,
                QStringLiteral("\"notchunked\""));
        refused("empty transfer-encoding", ok + "Transfer-Encoding:\r\n\r\n", Error::TransferEncoding, 17,
                QStringLiteral("\"\" is not supported"));
        refused("transfer-encoding in HTTP/1.0", "HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n",
                Error::TransferEncoding, 17, QStringLiteral("Transfer-Encoding in an HTTP/1.0 answer"));

        // Chunks.
        refused("chunk size not hex", chunked + "zz\r\n", Error::Chunk, 47,
                QStringLiteral("the chunk-size line \"zz\" (byte 47) is not a hexadecimal size"));
        refused("chunk size with 0x", chunked + "0x5\r\nhello\r\n0\r\n", Error::Chunk, 47, QStringLiteral("\"0x5\""));
        refused("chunk size with percent signs", chunked + "%1%2\r\n", Error::Chunk, 47,
                QStringLiteral("the chunk-size line \"%1%2\" (byte 47) is not"));
        refused("chunk size negative", chunked + "-5\r\n", Error::Chunk, 47, QStringLiteral("\"-5\""));
        refused("chunk size with a leading space", chunked + " 5\r\nhello\r\n0\r\n", Error::Chunk, 47, QStringLiteral("\" 5\""));
        refused("chunk size missing", chunked + "\r\n", Error::Chunk, 47, QStringLiteral("\"\" (byte 47)"));
        refused("chunk size with junk after it", chunked + "5 x\r\nhello\r\n0\r\n", Error::Chunk, 47, QStringLiteral("\"5 x\""));
        refused("chunk size line with a stray CR", chunked + "5\r;x\r\nhello\r\n0\r\n", Error::Chunk, 47,
                QStringLiteral("\"5\\x0d;x\""));
        refused("chunk size line with a NUL", chunked + QByteArray("5;\0\r\nhello\r\n0\r\n", 15), Error::Chunk, 47,
                QStringLiteral("\"5;\\x00\""));
        refused("chunk longer than its size", chunked + "5\r\nhello!\r\n0\r\n", Error::Chunk, 55,
                QStringLiteral("the chunk of 5 bytes at byte 50 is not followed by CRLF (byte 55 is \"!\")"));
        refused("chunk followed by CR CR", chunked + "5\r\nhello\r\r\n", Error::Chunk, 56, QStringLiteral("(byte 56 is \"\\x0d\")"));
        refused("chunk-size line over its limit", chunked + "5;a-very-long-extension=1\r\nhello\r\n0\r\n", Error::Chunk, 63,
                QStringLiteral("the chunk-size line at byte 47 is longer than the 16 bytes allowed"), {0, 0, 16, -1});
        refused("chunk over the body limit", chunked + "6\r\nhello!\r\n0\r\n", Error::BodyTooLarge, 47,
                QStringLiteral("the answer is larger than the 5 bytes allowed"), {0, 0, 0, 5});
        refused("chunks together over the body limit", chunked + "3\r\nhel\r\n3\r\nlo!\r\n0\r\n", Error::BodyTooLarge, 55,
                QStringLiteral("the answer is larger than the 5 bytes allowed"), {0, 0, 0, 5});
        refused("chunk size beyond 64 bits", chunked + "fffffffffffffffffffffffff\r\n", Error::BodyTooLarge, 47,
                QStringLiteral("the answer is larger than the 536870912 bytes allowed"));
        refused("chunk size 2^63 - 1", chunked + "7fffffffffffffff\r\nx", Error::BodyTooLarge, 47,
                QStringLiteral("the answer is larger than"));

        // Close-delimited.
        refused("close-delimited over the body limit", ok + "\r\nhello!", Error::BodyTooLarge, 24,
                QStringLiteral("the answer is larger than the 5 bytes allowed"), {0, 0, 0, 5});

        // Cut short (the connection closed).
        refused("nothing at all", "", Error::Incomplete, 0,
                QStringLiteral("the connection closed before a complete answer (0 bytes of headers received)"));
        refused("head cut short", ok + "Content-Le", Error::Incomplete, 27,
                QStringLiteral("the connection closed before a complete answer (27 bytes of headers received)"));
        refused("head without its empty line", ok + "Content-Length: 5\r\n", Error::Incomplete, 36,
                QStringLiteral("(36 bytes of headers received)"));
        refused("only a 100 Continue", "HTTP/1.1 100 Continue\r\n\r\n", Error::Incomplete, 25,
                QStringLiteral("(0 bytes of headers received)"));
        refused("body cut short", ok + "Content-Length: 10\r\n\r\nhell", Error::Incomplete, 43,
                QStringLiteral("HTTP 200, but the connection closed after 4 of the 10 bytes of the body"));
        refused("chunk cut short", chunked + "5\r\nhel", Error::Incomplete, 53,
                QStringLiteral("HTTP 200, but the connection closed inside the chunked body (6 bytes received)"));
        refused("chunked without its last chunk", chunked + "5\r\nhello\r\n", Error::Incomplete, 57,
                QStringLiteral("inside the chunked body (10 bytes received)"));
        refused("chunk without its CRLF", chunked + "5\r\nhello", Error::Incomplete, 55,
                QStringLiteral("inside the chunked body (8 bytes received)"));
    }
    void parse()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, answersHead);
        QFETCH(QList<qint64>, limits);
        QFETCH(int, fed);
        QFETCH(int, finished);
        QFETCH(int, error);
        QFETCH(qint64, offset);
        QFETCH(QString, message);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, framing);
        QFETCH(QByteArray, header);
        const Parser::Limits l = TestHttpResponseParser::limits(limits[0], limits[1], limits[2], limits[3]);

        const Outcome whole = run({input}, l, answersHead);
        QCOMPARE(int(whole.fed), fed);
        QCOMPARE(int(whole.finished), finished);
        QCOMPARE(int(whole.error), error);
        QCOMPARE(whole.offset, offset);
        if (message.isEmpty())
            QVERIFY2(whole.message.isEmpty(), qPrintable(whole.message));
        else
            QVERIFY2(whole.message.contains(message), qPrintable(whole.message));
        QCOMPARE(whole.fedBytes, qint64(input.size()));
        if (status >= 0) {
            QCOMPARE(whole.status, status);
            QCOMPARE(whole.body, body);
            QCOMPARE(int(whole.framing), framing);
        }
        if (!header.isEmpty()) {
            const qsizetype colon = header.indexOf(':');
            const QPair<QByteArray, QByteArray> h{header.left(colon), header.mid(colon + 1).trimmed()};
            QVERIFY2(whole.headers.contains(h), header.constData());
        }

        // Split in two at every byte, then byte by byte: the same outcome.
        for (qsizetype cut = 0; cut <= input.size(); ++cut) {
            const QByteArrayView v(input);
            const Outcome split = run({v.first(cut), v.sliced(cut)}, l, answersHead);
            QVERIFY2(split == whole, qPrintable(QStringLiteral("split at %1: %2; whole: %3").arg(cut).arg(split.describe(), whole.describe())));
        }
        QList<QByteArrayView> bytes;
        for (qsizetype i = 0; i < input.size(); ++i)
            bytes << QByteArrayView(input).sliced(i, 1);
        const Outcome byByte = run(bytes, l, answersHead);
        QVERIFY2(byByte == whole, qPrintable(QStringLiteral("byte by byte: %1; whole: %2").arg(byByte.describe(), whole.describe())));
    }

    void defaultLimits_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("error");
        QTest::addColumn<qint64>("offset");
        const QByteArray ok = "HTTP/1.1 200 OK\r\n";
        const Parser::Limits l;
        QByteArray fields = ok;
        for (int i = 0; i < l.maxHeaderLines; ++i)
            fields += "X-" + QByteArray::number(i) + ": " + QByteArray::number(i) + "\r\n";
        QTest::newRow("256 field lines") << fields + "\r\n" << int(Error::None) << qint64(-1);
        const qint64 line257 = fields.size();
        QTest::newRow("257 field lines") << fields + "X: y\r\n\r\n" << int(Error::TooManyHeaders) << line257;
        const QByteArray big = ok + "X-Big: " + QByteArray(l.maxHeaderBytes - ok.size() - 7 - 4, 'a') + "\r\n\r\n";
        QTest::newRow("64 KiB header") << big << int(Error::None) << qint64(-1);
        QTest::newRow("64 KiB + 1 header") << ok + "X-Big: a" + big.mid(ok.size() + 7) << int(Error::HeaderTooLarge)
                                           << qint64(l.maxHeaderBytes);
        QTest::newRow("4 KiB chunk-size line") << ok + "Transfer-Encoding: chunked\r\n\r\n1;" + QByteArray(4096 - 4, 'x') +
                                                      "\r\na\r\n0\r\n"
                                               << int(Error::None) << qint64(-1);
        QTest::newRow("4 KiB + 1 chunk-size line") << ok + "Transfer-Encoding: chunked\r\n\r\n1;" + QByteArray(4096 - 3, 'x') +
                                                          "\r\na\r\n0\r\n"
                                                   << int(Error::Chunk) << qint64(47 + 4096);
    }
    void defaultLimits()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, error);
        QFETCH(qint64, offset);
        Parser p;
        p.feed(input);
        p.finish();
        QCOMPARE(int(p.error()), error);
        QCOMPARE(p.errorOffset(), offset);
        QCOMPARE(p.state(), error == int(Error::None) ? State::Done : State::Error);
    }

    void stopsAtTheFirstError()
    {
        Parser p;
        QCOMPARE(p.feed("HTTP/1.1 200 OK\r\nbad line\r\n"), State::Error);
        const QString message = p.errorMessage();
        QCOMPARE(p.feed("Content-Length: 0\r\n\r\n"), State::Error);
        QCOMPARE(p.finish(), State::Error);
        QCOMPARE(p.errorMessage(), message);
        QCOMPARE(p.bytesFed(), qint64(48));
    }

    void doneStaysDone()
    {
        Parser p;
        QCOMPARE(p.feed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"), State::Done);
        QCOMPARE(p.feed("garbage that is not HTTP\r\n"), State::Done);
        QCOMPARE(p.finish(), State::Done);
        QCOMPARE(p.contentLength(), qint64(2));
        QCOMPARE(p.takeBody(), QByteArray("ok"));
        QVERIFY(p.body().isEmpty());
        QCOMPARE(p.header("content-length"), QByteArray("2"));
    }

    void headersBeforeTheBody()
    {
        Parser p;
        QCOMPARE(p.feed("HTTP/1.1 100 Continue\r\nX-Interim: yes\r\n\r\nHTTP/1.1 429 Too Many\r\nRetry-After: 7\r\nContent-Length: 9\r\n\r\nslow"),
                 State::NeedMore);
        QVERIFY(p.headComplete());
        QCOMPARE(p.status(), 429);
        QCOMPARE(p.header("retry-after"), QByteArray("7"));
        QVERIFY(p.header("x-interim").isNull());
        QCOMPARE(p.framing(), Framing::Length);
        QCOMPARE(p.bytesAfterHead(), qint64(4));
    }
};

QTEST_GUILESS_MAIN(TestHttpResponseParser)
#include "tst_httpresponseparser.moc"
