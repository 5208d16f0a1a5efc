#include "source/DatasetJsonReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

#include <limits>

namespace tb::core {

namespace {

constexpr qint64 ChunkBytes = 1 << 20;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// JSON's number grammar; *integral is false when it has a fraction or an exponent.
bool isJsonNumber(QByteArrayView s, bool* integral)
{
    qsizetype i = 0;
    const qsizetype n = s.size();
    if (i < n && s[i] == '-')
        ++i;
    if (i == n || !isDigit(s[i]))
        return false;
    if (s[i] == '0')
        ++i;
    else
        while (i < n && isDigit(s[i]))
            ++i;
    *integral = true;
    if (i < n && s[i] == '.') {
        *integral = false;
        if (++i == n || !isDigit(s[i]))
            return false;
        while (i < n && isDigit(s[i]))
            ++i;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        *integral = false;
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            ++i;
        if (i == n || !isDigit(s[i]))
            return false;
        while (i < n && isDigit(s[i]))
            ++i;
    }
    return i == n;
}

// What a column of each Dataset-JSON data type may hold.
enum class Kind { Text, Integer, Number, Decimal, Boolean };

Kind kindOf(const QString& dataType, bool* known)
{
    *known = true;
    if (dataType == QLatin1String("integer"))
        return Kind::Integer;
    if (dataType == QLatin1String("float") || dataType == QLatin1String("double"))
        return Kind::Number;
    if (dataType == QLatin1String("decimal"))
        return Kind::Decimal; // a string in 1.1 (exact digits); a number is accepted as written
    if (dataType == QLatin1String("boolean"))
        return Kind::Boolean;
    *known = dataType == QLatin1String("string") || dataType == QLatin1String("date")
        || dataType == QLatin1String("datetime") || dataType == QLatin1String("time")
        || dataType == QLatin1String("URI");
    return Kind::Text;
}

} // namespace

DatasetJsonReader::DatasetJsonReader() = default;

DatasetJsonReader::~DatasetJsonReader() = default;

void DatasetJsonReader::close()
{
    m_file.close();
    m_buffer.clear();
}

QByteArrayView DatasetJsonReader::view(qint64 begin, qint64 end) const
{
    return QByteArrayView(m_buffer.constData() + (begin - m_bufferStart), end - begin);
}

bool DatasetJsonReader::have(qint64 offset)
{
    while (offset >= m_bufferStart + m_buffer.size()) {
        if (m_eof || hasError())
            return false;
        // Drop what is no longer needed, then read on.
        const qint64 drop = qMin<qint64>(m_keep - m_bufferStart, m_buffer.size());
        if (drop > 0) {
            m_buffer.remove(0, qsizetype(drop));
            m_bufferStart += drop;
        }
        if (m_buffer.size() > MaxRecordBytes)
            return failAt(m_keep, QStringLiteral("a row or value longer than %1 MiB").arg(MaxRecordBytes >> 20));
        const qsizetype old = m_buffer.size();
        m_buffer.resize(old + ChunkBytes);
        const qint64 got = m_file.read(m_buffer.data() + old, ChunkBytes);
        if (got < 0) {
            m_buffer.resize(old);
            return failAt(m_bufferStart + old, QStringLiteral("cannot read: %1").arg(m_file.errorString()));
        }
        m_buffer.resize(old + qsizetype(got));
        if (got == 0)
            m_eof = true;
    }
    return true;
}

bool DatasetJsonReader::failAt(qint64 offset, const QString& message, const QString& path)
{
    if (hasError())
        return false;
    // The line and column of offset: counted from the last line start known before it.
    qint64 line = m_line, lineStart = m_lineStart;
    if (offset < m_lineStart) {
        // Counted from the start of the row or metadata value it lies in.
        const bool inRow = m_recordOffset <= offset && (m_valueOffset > offset || m_recordOffset >= m_valueOffset);
        line = inRow ? m_recordLine : m_valueLine;
        lineStart = inRow ? m_recordOffset : m_valueOffset;
        for (qint64 o = lineStart; o < offset && o >= m_bufferStart && o < m_bufferStart + m_buffer.size(); ++o)
            if (at(o) == '\n') {
                ++line;
                lineStart = o + 1;
            }
    }
    m_error.where = SourceLocation{m_fileName, line, qMax<qint64>(1, offset - lineStart + 1), path};
    m_error.message = message;
    m_fields.clear();
    return false;
}

bool DatasetJsonReader::skipSpace(qint64* pos, bool newlines)
{
    while (have(*pos)) {
        const char c = at(*pos);
        if (!isSpace(c) || (!newlines && c == '\n'))
            return true;
        if (c == '\n') {
            ++m_line;
            m_lineStart = *pos + 1;
        }
        ++*pos;
    }
    return !hasError();
}

bool DatasetJsonReader::expect(qint64* pos, char c, const QString& what, const QString& path)
{
    if (!skipSpace(pos))
        return false;
    if (!have(*pos))
        return failAt(*pos, QStringLiteral("the file ends where %1 was expected (truncated?)").arg(what), path);
    if (at(*pos) != c)
        return failAt(*pos, QStringLiteral("expected %1").arg(what), path);
    ++*pos;
    return true;
}

bool DatasetJsonReader::scanString(qint64* pos, const QString& path)
{
    // *pos is on the opening quote; control characters are not allowed inside.
    for (qint64 p = *pos + 1;; ++p) {
        if (!have(p))
            return hasError() ? false : failAt(*pos, QStringLiteral("unterminated string (truncated file?)"), path);
        const char c = at(p);
        if (c == '"') {
            *pos = p + 1;
            return true;
        }
        if (c == '\\')
            ++p;
        else if (static_cast<unsigned char>(c) < 0x20)
            return failAt(p, QStringLiteral("a control character inside a string"), path);
    }
}

bool DatasetJsonReader::scanValue(qint64* pos, const QString& path)
{
    // Brackets are matched with a stack of what is open, so that hostile nesting costs no recursion.
    QByteArray open;
    for (;;) {
        if (!skipSpace(pos))
            return false;
        if (!have(*pos))
            return failAt(*pos, QStringLiteral("the file ends inside a value (truncated?)"), path);
        const char c = at(*pos);
        if (c == '{' || c == '[') {
            if (open.size() >= MaxDepth)
                return failAt(*pos, QStringLiteral("nested deeper than %1 levels").arg(MaxDepth), path);
            open.append(c);
            ++*pos;
            if (!skipSpace(pos))
                return false;
            if (have(*pos) && at(*pos) == (c == '{' ? '}' : ']')) {
                open.chop(1);
                ++*pos;
            } else {
                if (c == '{') {
                    if (!have(*pos) || at(*pos) != '"')
                        return failAt(*pos, QStringLiteral("expected a member name"), path);
                    if (!scanString(pos, path) || !expect(pos, ':', QStringLiteral("':'"), path))
                        return false;
                }
                continue;
            }
        } else if (c == '"') {
            if (!scanString(pos, path))
                return false;
        } else if (c == '-' || isDigit(c) || (c >= 'a' && c <= 'z')) {
            // A number or a literal: its characters up to the next delimiter, checked by the row parser.
            while (have(*pos) && !isSpace(at(*pos)) && at(*pos) != ',' && at(*pos) != ']' && at(*pos) != '}')
                ++*pos;
        } else {
            return failAt(*pos, QStringLiteral("unexpected character '%1'").arg(QChar::fromLatin1(c)), path);
        }
        // After a value: close what is complete, or go on to the next element.
        for (;;) {
            if (open.isEmpty())
                return true;
            if (!skipSpace(pos))
                return false;
            if (!have(*pos))
                return failAt(*pos, QStringLiteral("the file ends inside a value (truncated?)"), path);
            const char d = at(*pos);
            const char close = open.back() == '{' ? '}' : ']';
            if (d == close) {
                open.chop(1);
                ++*pos;
                continue;
            }
            if (d != ',')
                return failAt(*pos, QStringLiteral("expected ',' or '%1'").arg(QChar::fromLatin1(close)), path);
            ++*pos;
            if (open.back() == '{') {
                if (!skipSpace(pos))
                    return false;
                if (!have(*pos) || at(*pos) != '"')
                    return failAt(*pos, QStringLiteral("expected a member name"), path);
                if (!scanString(pos, path) || !expect(pos, ':', QStringLiteral("':'"), path))
                    return false;
            }
            break;
        }
    }
}

bool DatasetJsonReader::open(const QString& path, Format format)
{
    close();
    m_columns.clear();
    m_header.clear();
    m_columnIndex.clear();
    m_metadata = QJsonObject();
    m_haveColumns = false;
    m_fields.clear();
    m_recordText = {};
    m_bufferStart = m_keep = m_pos = m_lineStart = 0;
    m_eof = false;
    m_line = 1;
    m_rowsOffset = -1;
    m_rowsLine = 1;
    m_needSeparator = m_done = false;
    m_recordLine = m_recordOffset = 0;
    m_recordIndex = -1;
    m_valueOffset = 0;
    m_valueLine = 1;
    m_nextIndex = 0;
    m_error = SourceError();
    m_fileName = path;
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        m_error.where.file = path;
        m_error.message = QStringLiteral("cannot open file: %1").arg(m_file.errorString());
        return false;
    }
    m_ndjson = format == Format::Ndjson
        || (format == Format::ByExtension && path.endsWith(QLatin1String(".ndjson"), Qt::CaseInsensitive));
    // A UTF-8 byte order mark is tolerated.
    if (have(2) && at(0) == '\xEF' && at(1) == '\xBB' && at(2) == '\xBF')
        m_pos = m_keep = m_lineStart = 3;
    if (hasError())
        return false;
    return m_ndjson ? readNdjsonHead() : readDocumentHead();
}

bool DatasetJsonReader::takeMetadata(const QString& key, qint64 begin, qint64 end)
{
    QJsonParseError pe;
    const QByteArray wrapped = "[" + view(begin, end).toByteArray() + "]";
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &pe);
    if (pe.error != QJsonParseError::NoError)
        return failAt(begin + qMax(0, pe.offset - 1), QStringLiteral("invalid JSON: %1").arg(pe.errorString()), key);
    return takeMetadataValue(key, doc.array().first(), begin);
}

bool DatasetJsonReader::takeMetadataValue(const QString& key, const QJsonValue& v, qint64 begin)
{
    if (key != QLatin1String("columns")) {
        m_metadata.insert(key, v);
        return true;
    }
    if (!v.isArray())
        return failAt(begin, QStringLiteral("\"columns\" must be a list"), key);
    const QJsonArray list = v.toArray();
    if (list.isEmpty() || list.size() > MaxColumns)
        return failAt(begin, QStringLiteral("\"columns\" must list 1 to %1 columns").arg(MaxColumns), key);
    m_columns.clear();
    m_header.clear();
    m_columnIndex.clear();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = QStringLiteral("columns[%1]").arg(i);
        const QJsonObject o = list[i].toObject();
        DatasetColumn c;
        c.itemOid = o.value(QLatin1String("itemOID")).toString();
        c.name = o.value(QLatin1String("name")).toString();
        c.label = o.value(QLatin1String("label")).toString();
        c.dataType = o.value(QLatin1String("dataType")).toString();
        c.length = o.value(QLatin1String("length")).toInt();
        c.keySequence = o.value(QLatin1String("keySequence")).toInt();
        if (!list[i].isObject() || c.name.isEmpty() || c.itemOid.isEmpty())
            return failAt(begin, QStringLiteral("a column needs \"itemOID\" and \"name\""), where);
        bool known = false;
        kindOf(c.dataType, &known);
        if (!known)
            return failAt(begin,
                          QStringLiteral("column %1: unknown dataType \"%2\" (string, integer, decimal, float, double, "
                                         "boolean, date, datetime, time, URI)")
                              .arg(c.name, c.dataType),
                          where);
        if (m_columnIndex.contains(c.name))
            return failAt(begin, QStringLiteral("column %1 appears twice").arg(c.name), where);
        m_columnIndex.insert(c.name, int(i));
        m_header << c.name;
        m_columns.push_back(c);
    }
    m_haveColumns = true;
    return true;
}

bool DatasetJsonReader::checkColumns(qint64 pos)
{
    if (!m_haveColumns)
        return failAt(pos, QStringLiteral("no \"columns\": a Dataset-JSON file names its columns"));
    const QJsonValue records = m_metadata.value(QLatin1String("records"));
    if (!records.isUndefined() && (!records.isDouble() || records.toDouble() < 0))
        return failAt(pos, QStringLiteral("\"records\" must be a count"), QStringLiteral("records"));
    m_fields.resize(m_columns.size());
    return true;
}

bool DatasetJsonReader::readMembers(qint64* pos, bool stopAtRows, bool first)
{
    // Members of the top-level object, from just after "{" (first) or after a member; returns just inside
    // "rows" (stopAtRows) or after "}".
    for (;;) {
        if (!skipSpace(pos))
            return false;
        if (!have(*pos))
            return failAt(*pos, QStringLiteral("the file ends inside the dataset (truncated?)"));
        if (at(*pos) == '}') {
            ++*pos;
            return true;
        }
        if (!first && !expect(pos, ',', QStringLiteral("',' or '}'"), {}))
            return false;
        first = false;
        if (!skipSpace(pos))
            return false;
        if (!have(*pos) || at(*pos) != '"')
            return failAt(*pos, QStringLiteral("expected a member name"));
        const qint64 keyBegin = *pos;
        m_keep = keyBegin;
        if (!scanString(pos, {}))
            return false;
        QString key;
        if (!decodeString(view(keyBegin + 1, *pos - 1), keyBegin + 1, {}, &key)
            || !expect(pos, ':', QStringLiteral("':'"), key) || !skipSpace(pos))
            return false;
        if (key == QLatin1String("rows")) {
            if (!stopAtRows || m_rowsOffset >= 0)
                return failAt(keyBegin, QStringLiteral("\"rows\" appears twice"), key);
            if (!expect(pos, '[', QStringLiteral("'[' (\"rows\" is a list of rows)"), key))
                return false;
            m_rowsOffset = *pos;
            m_rowsLine = m_line;
            m_rowsLineStart = m_lineStart;
            return true;
        }
        const qint64 begin = *pos;
        m_keep = begin;
        // Errors inside the value count their lines from its start.
        m_valueOffset = begin;
        m_valueLine = m_line;
        if (!scanValue(pos, key) || !takeMetadata(key, begin, *pos))
            return false;
    }
}

bool DatasetJsonReader::readDocumentHead()
{
    qint64 pos = m_pos;
    if (!skipSpace(&pos))
        return false;
    if (!have(pos))
        return failAt(pos, QStringLiteral("the file is empty: expected a Dataset-JSON object"));
    if (at(pos) != '{')
        return failAt(pos, QStringLiteral("expected '{': a Dataset-JSON document is an object"));
    ++pos;
    if (!readMembers(&pos, true, true))
        return false;
    if (m_rowsOffset >= 0 && !m_haveColumns) {
        // "rows" came before "columns": skip the rows (keeping none of their bytes), read on to the end,
        // then come back to the rows.
        --pos;
        m_keep = std::numeric_limits<qint64>::max();
        if (!scanValue(&pos, QStringLiteral("rows")) || !readMembers(&pos, false, false) || !checkColumns(pos))
            return false;
        if (!seek(m_rowsOffset, m_rowsLine, 0))
            return false;
        m_lineStart = m_rowsLineStart;
        return true;
    }
    if (m_rowsOffset < 0) { // no rows at all: the object has ended
        if (!checkColumns(pos) || !finishDocument(pos))
            return false;
        m_done = true;
        m_pos = pos;
        return true;
    }
    m_pos = m_keep = pos;
    m_needSeparator = false;
    return checkColumns(pos);
}

bool DatasetJsonReader::finishDocument(qint64 pos)
{
    // After the top-level object only white space may follow.
    if (!skipSpace(&pos))
        return false;
    if (have(pos))
        return failAt(pos, QStringLiteral("unexpected content after the dataset"));
    if (hasError())
        return false;
    const QJsonValue records = m_metadata.value(QLatin1String("records"));
    if (records.isDouble() && qint64(records.toDouble()) != m_nextIndex)
        return failAt(pos,
                      QStringLiteral("\"records\" says %1 rows, the file has %2: it may be truncated or edited")
                          .arg(qint64(records.toDouble()))
                          .arg(m_nextIndex),
                      QStringLiteral("records"));
    return true;
}

bool DatasetJsonReader::readNdjsonHead()
{
    qint64 pos = m_pos;
    if (!skipSpace(&pos))
        return false;
    if (!have(pos) || at(pos) != '{')
        return failAt(pos, QStringLiteral("expected the metadata object on the first line of an NDJSON dataset"));
    const qint64 begin = pos;
    m_keep = begin;
    if (!scanValue(&pos, {}))
        return false;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(view(begin, pos).toByteArray(), &pe);
    if (pe.error != QJsonParseError::NoError)
        return failAt(begin + pe.offset, QStringLiteral("invalid JSON: %1").arg(pe.errorString()));
    const QJsonObject o = doc.object();
    if (o.contains(QLatin1String("rows")))
        return failAt(begin, QStringLiteral("the metadata line of an NDJSON dataset holds no rows (one row per line follows it)"),
                      QStringLiteral("rows"));
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!takeMetadataValue(it.key(), it.value(), begin))
            return false;
    if (!skipSpace(&pos, false))
        return false;
    if (have(pos) && at(pos) != '\n')
        return failAt(pos, QStringLiteral("expected the end of the metadata line"));
    m_pos = m_keep = pos;
    return checkColumns(pos);
}

bool DatasetJsonReader::seek(qint64 offset, qint64 line, qint64 index)
{
    m_error = SourceError();
    if (!m_file.seek(offset)) {
        m_error.where.file = m_fileName;
        m_error.message = QStringLiteral("cannot seek to byte %1: %2").arg(offset).arg(m_file.errorString());
        return false;
    }
    m_buffer.clear();
    m_bufferStart = m_keep = m_pos = offset;
    m_eof = false;
    m_line = line;
    m_lineStart = offset;
    m_nextIndex = index;
    m_needSeparator = false;
    m_done = false;
    return true;
}

bool DatasetJsonReader::next()
{
    if (m_done || hasError())
        return false;
    qint64 pos = m_pos;
    m_keep = pos;
    if (!skipSpace(&pos))
        return false;
    if (m_ndjson) {
        if (!have(pos)) {
            m_done = true;
            return !hasError() && finishDocument(pos) && false;
        }
    } else {
        if (!have(pos))
            return failAt(pos, QStringLiteral("the file ends inside \"rows\" (truncated?)"), QStringLiteral("rows"));
        if (at(pos) == ']') {
            // The rows end; the rest of the object may still hold metadata.
            ++pos;
            m_done = true;
            if (!readMembers(&pos, false, false) || !checkColumns(pos))
                return false;
            return finishDocument(pos) && false;
        }
        if (m_needSeparator && !expect(&pos, ',', QStringLiteral("',' or ']' after a row"), QStringLiteral("rows")))
            return false;
        if (m_needSeparator && !skipSpace(&pos))
            return false;
    }
    const QString path = QStringLiteral("rows[%1]").arg(m_nextIndex);
    if (!have(pos))
        return failAt(pos, QStringLiteral("the file ends where a row was expected (truncated?)"), path);
    if (at(pos) != '[')
        return failAt(pos, QStringLiteral("a row is a list of values"), path);
    m_recordOffset = m_keep = pos;
    m_recordLine = m_line;
    if (!scanValue(&pos, path))
        return false;
    if (m_ndjson) {
        // One row per line.
        if (!skipSpace(&pos, false))
            return false;
        if (have(pos) && at(pos) != '\n')
            return failAt(pos, QStringLiteral("expected one row per line"), path);
    }
    m_recordIndex = m_nextIndex;
    m_recordText = view(m_recordOffset, pos);
    if (!parseRow(m_recordOffset, pos))
        return false;
    ++m_nextIndex;
    m_needSeparator = true;
    m_pos = pos;
    return true;
}

bool DatasetJsonReader::decodeString(QByteArrayView s, qint64 offset, const QString& path, QString* out)
{
    const auto utf8 = [&](QByteArrayView bytes) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        *out = decoder.decode(bytes);
        return !decoder.hasError() || failAt(offset, QStringLiteral("invalid UTF-8 in a string"), path);
    };
    // Plain UTF-8 without escapes is the common case.
    if (!s.contains('\\'))
        return utf8(s);
    QByteArray plain;
    plain.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] != '\\') {
            plain.append(s[i]);
            continue;
        }
        if (++i == s.size())
            return failAt(offset + i, QStringLiteral("an escape at the end of a string"), path);
        switch (s[i]) {
        case '"': plain.append('"'); break;
        case '\\': plain.append('\\'); break;
        case '/': plain.append('/'); break;
        case 'b': plain.append('\b'); break;
        case 'f': plain.append('\f'); break;
        case 'n': plain.append('\n'); break;
        case 'r': plain.append('\r'); break;
        case 't': plain.append('\t'); break;
        case 'u': {
            auto hex4 = [&](qsizetype at, char32_t* v) {
                if (at + 4 > s.size())
                    return false;
                bool ok = false;
                *v = QByteArrayView(s.data() + at, 4).toByteArray().toUInt(&ok, 16);
                return ok;
            };
            char32_t cp = 0;
            if (!hex4(i + 1, &cp))
                return failAt(offset + i, QStringLiteral("a \\u escape needs four hex digits"), path);
            i += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                char32_t low = 0;
                if (i + 2 < s.size() && s[i + 1] == '\\' && s[i + 2] == 'u' && hex4(i + 3, &low) && low >= 0xDC00
                    && low <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    i += 6;
                } else {
                    return failAt(offset + i, QStringLiteral("an unpaired surrogate in a \\u escape"), path);
                }
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                return failAt(offset + i, QStringLiteral("an unpaired surrogate in a \\u escape"), path);
            }
            plain.append(QString::fromUcs4(&cp, 1).toUtf8());
            break;
        }
        default:
            return failAt(offset + i, QStringLiteral("unknown escape '\\%1'").arg(QChar::fromLatin1(s[i])), path);
        }
    }
    return utf8(plain);
}

bool DatasetJsonReader::parseRow(qint64 begin, qint64 end)
{
    const QByteArrayView row = view(begin, end);
    const int columns = int(m_columns.size());
    int item = 0;
    qsizetype i = 1; // after '['
    auto space = [&] {
        while (i < row.size() && isSpace(row[i]))
            ++i;
    };
    auto where = [&](int k) {
        return QStringLiteral("rows[%1][%2]%3")
            .arg(m_nextIndex)
            .arg(k)
            .arg(k < columns ? QStringLiteral(" (%1)").arg(m_columns[size_t(k)].name) : QString());
    };
    space();
    if (i < row.size() && row[i] == ']')
        i = row.size();
    while (i < row.size()) {
        space();
        if (item >= columns)
            return failAt(begin + i, QStringLiteral("the row has more values than the %1 columns").arg(columns), where(item));
        const DatasetColumn& col = m_columns[size_t(item)];
        bool known = false;
        const Kind kind = kindOf(col.dataType, &known);
        QString& out = m_fields[size_t(item)];
        const qsizetype start = i;
        const char c = row[i];
        auto wrongType = [&](const QString& found) {
            return failAt(begin + start, QStringLiteral("column %1 is %2, the value is %3").arg(col.name, col.dataType, found),
                          where(item));
        };
        if (c == '"') {
            qsizetype j = i + 1;
            while (row[j] != '"')
                j += row[j] == '\\' ? 2 : 1;
            if (kind != Kind::Text && kind != Kind::Decimal)
                return wrongType(QStringLiteral("a string"));
            if (!decodeString(row.sliced(i + 1, j - i - 1), begin + i + 1, where(item), &out))
                return false;
            i = j + 1;
        } else if (c == '[' || c == '{') {
            return failAt(begin + i, QStringLiteral("a value must be a string, a number, true, false or null"), where(item));
        } else {
            qsizetype j = i;
            while (j < row.size() && !isSpace(row[j]) && row[j] != ',' && row[j] != ']')
                ++j;
            const QByteArrayView token = row.sliced(i, j - i);
            bool integral = false;
            if (token == "null") {
                out = QString();
            } else if (token == "true" || token == "false") {
                if (kind != Kind::Boolean)
                    return wrongType(QString::fromLatin1(token));
                out = QString::fromLatin1(token);
            } else if (isJsonNumber(token, &integral)) {
                if (kind == Kind::Text || kind == Kind::Boolean)
                    return wrongType(QStringLiteral("the number %1").arg(QString::fromLatin1(token)));
                if (kind == Kind::Integer && !integral)
                    return wrongType(QStringLiteral("the number %1").arg(QString::fromLatin1(token)));
                out = QString::fromLatin1(token);
            } else {
                return failAt(begin + i, QStringLiteral("'%1' is not a JSON value").arg(QString::fromUtf8(token.first(qMin<qsizetype>(40, token.size())))),
                              where(item));
            }
            i = j;
        }
        ++item;
        space();
        if (i < row.size() && row[i] == ',')
            ++i;
        else
            break;
    }
    if (item < columns)
        return failAt(begin + i,
                      QStringLiteral("the row has %1 values for %2 columns").arg(item).arg(columns), where(item));
    return true;
}

QString DatasetJsonReader::recordReference() const
{
    return m_ndjson ? QStringLiteral("%1:%2").arg(m_fileName).arg(m_recordLine)
                    : QStringLiteral("%1: rows[%2]").arg(m_fileName).arg(m_recordIndex);
}

} // namespace tb::core
