#include "source/CsvReader.h"

#include "util/FastHash.h"

#include <algorithm>
#include <cstring>

namespace tb::core {

namespace {

// Sequential reads ask for 1 MiB. After a seek outside the buffer the first read is small, because the
// pipeline often reads only a unit's few records there; reads double back to 1 MiB while reading on.
constexpr qint64 ChunkSize = 1024 * 1024;
constexpr qint64 SeekChunkSize = 8 * 1024;

// Bits of CsvReader::m_stop: which bytes end the scan of an unquoted or a quoted field.
enum StopBits : unsigned char { UnquotedStop = 1, QuotedStop = 2 };

// Windows-1252 0x80-0x9F; the five unassigned bytes map to the C1 controls, as WHATWG does.
constexpr char16_t kCp1252High[32] = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                      0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

QByteArray encodeCp1252(const QString& s, bool* ok)
{
    QByteArray out;
    *ok = true;
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (u < 0x80 || (u >= 0xA0 && u <= 0xFF)) {
            out.append(char(u));
            continue;
        }
        const auto* hit = std::find(std::begin(kCp1252High), std::end(kCp1252High), u);
        if (hit == std::end(kCp1252High)) {
            *ok = false; // a token the file cannot contain
            return {};
        }
        out.append(char(0x80 + (hit - std::begin(kCp1252High))));
    }
    return out;
}

// Decodes (Write) or only validates UTF-8. Returns the UTF-16 length, or -1 with *bad set to the
// offset of the first byte of the first invalid sequence (overlong forms, surrogates and code
// points above U+10FFFF are invalid).
template <bool Write> qsizetype decodeUtf8(const unsigned char* s, qsizetype n, char16_t* out, qsizetype* bad)
{
    qsizetype i = 0;
    qsizetype o = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            if constexpr (Write)
                out[o] = c;
            ++o;
            ++i;
            continue;
        }
        int len;
        char32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            *bad = i;
            return -1;
        }
        if (n - i < len) {
            *bad = i;
            return -1;
        }
        for (int k = 1; k < len; ++k) {
            const unsigned char b = s[i + k];
            if ((b & 0xC0) != 0x80) {
                *bad = i;
                return -1;
            }
            cp = (cp << 6) | (b & 0x3F);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
            *bad = i;
            return -1;
        }
        if (cp >= 0x10000) {
            if constexpr (Write) {
                out[o] = QChar::highSurrogate(cp);
                out[o + 1] = QChar::lowSurrogate(cp);
            }
            o += 2;
        } else {
            if constexpr (Write)
                out[o] = char16_t(cp);
            ++o;
        }
        i += len;
    }
    return o;
}

// Makes s a writable string of n characters, reusing its allocation when nobody else shares it:
// most fields of a column have similar lengths, so steady-state reading allocates nothing. A string
// grown by one huge field is not kept for small ones.
inline char16_t* prepare(QString& s, qsizetype n)
{
    if (s.isDetached() && s.capacity() >= n && s.capacity() - n <= 64 * 1024) {
        if (s.size() != n) // resize() is an out-of-line call; fixed-width columns skip it
            s.resize(n);
    } else {
        s = QString(n, Qt::Uninitialized);
    }
    return reinterpret_cast<char16_t*>(s.data());
}

inline void setEmpty(QString& s)
{
    if (s.isDetached())
        s.resize(0); // stays non-null
    else
        s = QString(QLatin1String("")); // non-null, no allocation
}

} // namespace

CsvReader::CsvReader(CsvDialect dialect) : m_dialect(std::move(dialect)) {}

CsvReader::~CsvReader() = default;

QString CsvReader::fileName() const
{
    return m_fileName;
}

char CsvReader::delimiter() const
{
    return m_delimiter;
}

const QStringList& CsvReader::header() const
{
    return m_header;
}

int CsvReader::columnIndex(const QString& name) const
{
    return m_columnIndex.value(name, -1);
}

void CsvReader::close()
{
    m_file.close();
    m_buffer = QByteArray();
    m_field = QByteArray();
    m_bufferStart = 0;
    m_pos = 0;
    m_eof = false;
}

bool CsvReader::open(const QString& path)
{
    close();
    m_fileName = path;
    m_header.clear();
    m_columnIndex.clear();
    m_fields.clear();
    m_headerStarts.clear();
    m_error = {};
    m_line = 1;
    m_recordLine = 0;
    m_recordOffset = 0;
    m_dataStart = 0;
    m_columns = -1;
    m_readSize = ChunkSize;

    m_emptyIsNull = false;
    m_nullTokens.clear();
    for (const QString& token : m_dialect.nullTokens) {
        if (token.isEmpty()) {
            m_emptyIsNull = true;
        } else if (m_dialect.encoding == TextEncoding::Utf8) {
            m_nullTokens.push_back(token.toUtf8());
        } else {
            bool ok = false;
            const QByteArray bytes = encodeCp1252(token, &ok);
            if (ok)
                m_nullTokens.push_back(bytes);
        }
    }

    m_file.setFileName(path);
    // Unbuffered: QFile's own buffer would only add a copy in front of ours.
    if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return fail(0, 0, QStringLiteral("cannot open file: %1").arg(m_file.errorString()));

    while (m_buffer.size() < 3 && fill()) {
    }
    if (hasError())
        return false;
    if (m_buffer.startsWith("\xEF\xBB\xBF")) {
        m_pos = 3;
        m_dataStart = 3;
    }

    m_delimiter = m_dialect.delimiter;
    if (m_delimiter == 0 && !detectDelimiter())
        return false;
    if (m_delimiter == '"' || m_delimiter == '\n' || m_delimiter == '\r' || m_delimiter == '\0')
        return fail(0, 0, QStringLiteral("unsupported delimiter"));

    std::fill(std::begin(m_stop), std::end(m_stop), 0);
    m_stop[uchar(m_delimiter)] |= UnquotedStop;
    for (const char c : {'\n', '\r', '\0'})
        m_stop[uchar(c)] |= UnquotedStop | QuotedStop;
    m_stop[uchar('"')] |= QuotedStop;

    if (!m_dialect.header)
        return true;
    if (!readRecord(true)) {
        if (!hasError())
            fail(1, 0, QStringLiteral("the file is empty: no header row"));
        return false;
    }
    m_columns = int(m_fields.size());
    m_header.reserve(m_columns);
    for (int i = 0; i < m_columns; ++i) {
        const QString& name = m_fields[i];
        if (m_columnIndex.contains(name)) {
            const qint64 start = m_recordOffset - m_bufferStart + m_headerStarts[i];
            failAt(m_buffer.constData() + start, -1,
                   QStringLiteral("duplicate column name \"%1\"").arg(name));
            m_error.where.field = name;
            return false;
        }
        m_columnIndex.insert(name, i);
        m_header.append(name);
    }
    return true;
}

bool CsvReader::next()
{
    if (!m_file.isOpen() || hasError())
        return false;
    if (!readRecord(false))
        return false;
    if (m_columns < 0) // without a header the first record fixes the number of fields
        m_columns = int(m_fields.size());
    return true;
}

bool CsvReader::seek(qint64 offset, qint64 line)
{
    if (!m_file.isOpen() || hasError())
        return false;
    if (offset < m_dataStart)
        return fail(line, 0, QStringLiteral("cannot seek to byte offset %1").arg(offset));
    if (offset >= m_bufferStart && offset <= m_bufferStart + m_buffer.size()) {
        m_pos = qsizetype(offset - m_bufferStart);
    } else {
        if (offset > m_file.size() || !m_file.seek(offset))
            return fail(line, 0, QStringLiteral("cannot seek to byte offset %1").arg(offset));
        m_buffer.resize(0);
        m_bufferStart = offset;
        m_pos = 0;
        m_eof = false;
        m_readSize = SeekChunkSize;
    }
    m_line = line;
    return true;
}

bool CsvReader::fill()
{
    // Keep only the record being read: the buffer holds at most one record plus one read.
    if (m_pos > 0) {
        const qsizetype keep = m_buffer.size() - m_pos;
        if (keep > 0)
            std::memmove(m_buffer.data(), m_buffer.constData() + m_pos, size_t(keep));
        m_buffer.resize(keep);
        m_bufferStart += m_pos;
        m_pos = 0;
    }
    const qsizetype old = m_buffer.size();
    // A record larger than the buffer doubles it, so a huge record is read in O(size).
    const qint64 want = std::max<qint64>(m_readSize, old);
    m_buffer.resize(old + want);
    const qint64 got = m_file.read(m_buffer.data() + old, want);
    m_buffer.resize(old + std::max<qint64>(got, 0));
    if (got < 0) {
        fail(m_line, 0, QStringLiteral("read error: %1").arg(m_file.errorString()));
        return false;
    }
    if (got == 0) {
        m_eof = true;
        return false;
    }
    m_readSize = std::min(m_readSize * 2, ChunkSize);
    return true;
}

bool CsvReader::detectDelimiter()
{
    // Count the candidates outside quotes on the first non-empty line; ties go to the comma.
    for (;;) {
        const char* p = m_buffer.constData() + m_pos;
        const char* end = m_buffer.constData() + m_buffer.size();
        while (p < end && (*p == '\n' || *p == '\r'))
            ++p;
        qint64 comma = 0, semicolon = 0, tab = 0, pipe = 0;
        bool inQuotes = false;
        bool complete = false;
        for (; p < end; ++p) {
            const char c = *p;
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes) {
                if (c == '\n' || c == '\r') {
                    complete = true;
                    break;
                }
                comma += c == ',';
                semicolon += c == ';';
                tab += c == '\t';
                pipe += c == '|';
            }
        }
        // A first line longer than any field may be (a stream without line ends, /dev/zero) is judged by
        // what was read: reading on would grow the buffer without bound.
        if (!complete && end - (m_buffer.constData() + m_pos) > MaxFieldBytes)
            complete = true;
        if (complete || m_eof || !fill()) {
            if (hasError())
                return false;
            m_delimiter = ',';
            qint64 best = comma;
            for (const auto& [delimiter, count] : {std::pair{';', semicolon}, {'\t', tab}, {'|', pipe}}) {
                if (count > best) {
                    best = count;
                    m_delimiter = delimiter;
                }
            }
            return true;
        }
    }
}

bool CsvReader::readRecord(bool header)
{
    for (;;) {
        switch (parseRecord(header)) {
        case Step::Record:
            return true;
        case Step::End:
        case Step::Error:
            return false;
        case Step::NeedMore:
            // The record being read stays whole in the buffer: bound it, or 4096 fields just under the
            // field limit would take 64 GiB.
            if (m_buffer.size() - m_pos > MaxRecordBytes)
                return fail(m_recordLine, 1, QStringLiteral("record larger than %1 bytes").arg(MaxRecordBytes));
            if (!fill() && hasError())
                return false;
            break;
        }
    }
}

CsvReader::Step CsvReader::parseRecord(bool header)
{
    const char* const base = m_buffer.constData();
    const char* const end = base + m_buffer.size();
    const char* p = base + m_pos;
    qint64 line = m_line;

    // Completely empty lines are skipped anywhere: they carry no fields, and exports often end with some.
    while (p < end && (*p == '\n' || *p == '\r')) {
        if (*p == '\r' && p + 1 == end && !m_eof)
            break; // a CRLF split by the buffer end: decide after the next read
        p += (*p == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
        ++line;
    }
    m_pos = p - base;
    m_line = line;
    if (p == end || *p == '\r')
        return m_eof && p == end ? Step::End : Step::NeedMore;

    m_recordOffset = m_bufferStart + m_pos;
    m_recordLine = line;
    // The first record (the header, or the first data record without one) decides the field count.
    const bool defining = m_columns < 0;
    if (defining)
        m_headerStarts.clear();

    const qsizetype limit = defining ? qsizetype(MaxColumns) : qsizetype(m_fields.size());
    int count = 0;
    const char* extraStart = nullptr; // first field beyond the header, for the error
    for (;;) {
        if (count == m_columns && !extraStart)
            extraStart = p;
        if (count == MaxColumns) {
            if (extraStart) // stop counting: the record is already known to be wrong
                return failAt(
                    extraStart, -1,
                    QStringLiteral("expected %1 fields, found more than %2").arg(m_columns).arg(MaxColumns));
            return failAt(p, -1, QStringLiteral("more than %1 columns").arg(MaxColumns));
        }

        const char* data;
        qsizetype size;
        const char* q;
        unsigned char high = 0;  // OR of all bytes: < 0x80 means ASCII
        bool rawInBuffer = true; // data points into the buffer (no doubled quotes removed)
        if (p < end && *p == '"') {
            const char* seg = p + 1;
            q = seg;
            bool escaped = false;
            for (;;) {
                while (q < end && !(m_stop[uchar(*q)] & QuotedStop)) {
                    high |= uchar(*q);
                    ++q;
                }
                if (q == end) {
                    if (m_eof)
                        return failAt(p, count, QStringLiteral("unterminated quoted field"));
                    if ((escaped ? m_field.size() : 0) + (q - seg) > MaxFieldBytes)
                        return failAt(p, count,
                                      QStringLiteral("field larger than %1 bytes").arg(MaxFieldBytes));
                    return Step::NeedMore;
                }
                const char c = *q;
                if (c == '"') {
                    if (q + 1 == end && !m_eof)
                        return Step::NeedMore;
                    if (q + 1 < end && q[1] == '"') {
                        if (!escaped) {
                            m_field.resize(0);
                            escaped = true;
                        }
                        m_field.append(seg, q + 1 - seg);
                        q += 2;
                        seg = q;
                        continue;
                    }
                    break; // the closing quote
                }
                if (c == '\n') {
                    ++line;
                } else if (c == '\r') {
                    if (q + 1 == end && !m_eof)
                        return Step::NeedMore;
                    if (q + 1 == end || q[1] != '\n')
                        ++line; // a lone CR ends a line; CRLF counts at the LF
                } else {
                    return failAt(q, count, QStringLiteral("NUL byte"));
                }
                ++q;
            }
            if (escaped) {
                m_field.append(seg, q - seg);
                data = m_field.constData();
                size = m_field.size();
                rawInBuffer = false;
            } else {
                data = seg;
                size = q - seg;
            }
            ++q;
            if (q < end && *q != m_delimiter && *q != '\n' && *q != '\r')
                return failAt(q, count, QStringLiteral("unexpected character after a closing quote"));
        } else {
            q = p;
            while (q < end && !(m_stop[uchar(*q)] & UnquotedStop)) {
                high |= uchar(*q);
                ++q;
            }
            if (q == end && !m_eof) {
                if (q - p > MaxFieldBytes)
                    return failAt(p, count, QStringLiteral("field larger than %1 bytes").arg(MaxFieldBytes));
                return Step::NeedMore;
            }
            if (q < end && *q == '\0')
                return failAt(q, count, QStringLiteral("NUL byte"));
            data = p;
            size = q - p;
        }
        if (size > MaxFieldBytes)
            return failAt(p, count, QStringLiteral("field larger than %1 bytes").arg(MaxFieldBytes));

        if (count < limit) {
            if (defining) {
                if (qsizetype(m_fields.size()) <= count)
                    m_fields.emplace_back();
                m_headerStarts.push_back(p - base - m_pos);
            }
            // A column nobody asked for is only checked, not decoded.
            const bool skip = !header && !defining && count < qsizetype(m_decoded.size()) && !m_decoded[size_t(count)];
            bool valid = true;
            if (skip) {
                m_fields[count] = QString();
                qsizetype bad = 0;
                valid = high < 0x80 || m_dialect.encoding != TextEncoding::Utf8
                    || decodeUtf8<false>(reinterpret_cast<const unsigned char*>(data), size, nullptr, &bad) >= 0;
            } else {
                valid = storeField(m_fields[count], data, size, high < 0x80, header, count);
            }
            if (!valid) {
                // Find the bad byte in the raw text: removing doubled quotes (ASCII) moves no error.
                const char* raw = rawInBuffer ? data : p + 1;
                const qsizetype rawSize = rawInBuffer ? size : (q - 1) - raw;
                qsizetype bad = 0;
                decodeUtf8<false>(reinterpret_cast<const unsigned char*>(raw), rawSize, nullptr, &bad);
                return failAt(raw + bad, count, QStringLiteral("invalid UTF-8"));
            }
        }
        ++count;

        if (q < end && *q == m_delimiter) {
            p = q + 1;
            continue;
        }
        // The record ends at a line end or at the end of the file.
        const char* recordEnd = q;
        if (q < end) {
            if (*q == '\r') {
                if (q + 1 == end && !m_eof)
                    return Step::NeedMore;
                q += (q + 1 < end && q[1] == '\n') ? 2 : 1;
            } else {
                ++q;
            }
        }
        if (m_columns >= 0 && count != m_columns) {
            const QString message = QStringLiteral("expected %1 fields, found %2").arg(m_columns).arg(count);
            return count > m_columns ? failAt(extraStart, -1, message) : failAt(recordEnd, count, message);
        }
        // A record that arrived whole with the last read is held to the same limit as one still growing.
        if (recordEnd - (base + m_pos) > MaxRecordBytes)
            return failAt(base + m_pos, -1, QStringLiteral("record larger than %1 bytes").arg(MaxRecordBytes));
        if (defining)
            m_fields.resize(count);
        m_recordText = QByteArrayView(base + m_pos, recordEnd - (base + m_pos));
        m_pos = q - base;
        m_line = line + 1;
        return Step::Record;
    }
}

bool CsvReader::storeField(QString& out, const char* data, qsizetype size, bool ascii, bool header, int column)
{
    if (size == 0) {
        if (m_emptyIsNull && !header)
            out = QString();
        else
            setEmpty(out);
        return true;
    }
    if (!header) {
        for (const QByteArray& token : m_nullTokens) {
            if (token.size() == size && std::memcmp(token.constData(), data, size_t(size)) == 0) {
                out = QString();
                return true;
            }
        }
    }
    const auto* s = reinterpret_cast<const unsigned char*>(data);
    if (ascii && !header && size <= qsizetype(sizeof(Interned::bytes))) {
        if (size_t(column) >= m_interned.size())
            m_interned.resize(size_t(column) + 1);
        Interned& slot = m_interned[size_t(column)][hashBytes64(data, size_t(size)) % InternSlots];
        if (slot.size == size && std::memcmp(slot.bytes, data, size_t(size)) == 0) {
            out = slot.value;
            return true;
        }
        QString value(size, Qt::Uninitialized);
        char16_t* d = reinterpret_cast<char16_t*>(value.data());
        for (qsizetype i = 0; i < size; ++i)
            d[i] = s[i];
        std::memcpy(slot.bytes, data, size_t(size));
        slot.size = qint8(size);
        slot.value = value;
        out = std::move(value);
        return true;
    }
    if (ascii) {
        char16_t* d = prepare(out, size);
        for (qsizetype i = 0; i < size; ++i)
            d[i] = s[i];
        return true;
    }
    if (m_dialect.encoding == TextEncoding::Windows1252) {
        char16_t* d = prepare(out, size);
        for (qsizetype i = 0; i < size; ++i)
            d[i] = (s[i] >= 0x80 && s[i] < 0xA0) ? kCp1252High[s[i] - 0x80] : char16_t(s[i]);
        return true;
    }
    // UTF-8 never needs more UTF-16 units than bytes.
    char16_t* d = prepare(out, size);
    qsizetype bad = 0;
    const qsizetype n = decodeUtf8<true>(s, size, d, &bad);
    if (n < 0)
        return false;
    out.resize(n);
    return true;
}

CsvReader::Step CsvReader::failAt(const char* at, int column, const QString& message)
{
    // Lines and character columns are counted from the start of the record, which is in the buffer.
    const char* p = m_buffer.constData() + (m_recordOffset - m_bufferStart);
    qint64 line = m_recordLine;
    qint64 col = 1;
    const bool utf8 = m_dialect.encoding == TextEncoding::Utf8;
    const char* end = m_buffer.constData() + m_buffer.size();
    for (; p < at; ++p) {
        const unsigned char c = uchar(*p);
        if (c == '\n' || (c == '\r' && !(p + 1 < end && p[1] == '\n'))) {
            ++line;
            col = 1;
        } else if (c != '\r' && !(utf8 && (c & 0xC0) == 0x80)) {
            ++col;
        }
    }
    fail(line, col, message, column >= 0 && column < m_header.size() ? m_header.at(column) : QString());
    return Step::Error;
}

bool CsvReader::fail(qint64 line, qint64 column, const QString& message, const QString& field)
{
    m_error.where = SourceLocation{m_fileName, line, column, field};
    m_error.message = message;
    return false;
}

} // namespace tb::core
