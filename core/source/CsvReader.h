#pragma once

#include "source/CsvDialect.h"
#include "source/SourceLocation.h"

#include <QFile>
#include <QHash>
#include <QStringList>

#include <array>
#include <vector>

namespace tb::core {

// Streaming RFC 4180 reader: quoted fields with embedded delimiters, quotes and newlines; CRLF or LF;
// UTF-8 (BOM skipped) or Windows-1252; null tokens. Memory is bounded by the largest record (at most
// MaxRecordBytes), never the file. Records can be revisited with seek() using the offset and line reported
// for them, which the pipeline uses to assemble units from files in any order.
// Completely empty lines are skipped anywhere. Null tokens match the field text whether it was quoted
// or not ("" is an empty field). A quote inside an unquoted field is kept as a character.
class CsvReader
{
public:
    static constexpr qint64 MaxFieldBytes = 16 * 1024 * 1024;
    static constexpr qint64 MaxRecordBytes = 4 * MaxFieldBytes;
    static constexpr int MaxColumns = 4096;

    explicit CsvReader(CsvDialect dialect = {});
    ~CsvReader();

    // Opens the file and reads the header row (when the dialect has one), detecting the delimiter.
    bool open(const QString& path);
    void close();

    QString fileName() const; // as given to open()
    char delimiter() const;   // detected or configured
    const QStringList& header() const;
    int columnIndex(const QString& name) const; // -1 when absent

    // Reads the next record into fields(). Returns false at the end of the file or on an error;
    // hasError() tells which. A record with a different field count than the header is an error.
    bool next();
    const std::vector<QString>& fields() const { return m_fields; }
    // The current record exactly as written in the file (without its line end).
    QByteArrayView recordText() const { return m_recordText; }

    // Decode only the flagged columns into fields() (the others stay null, but are still checked for
    // valid encoding): a pass that needs a few columns skips the cost of the rest. Empty = all.
    void setDecodedColumns(std::vector<bool> columns) { m_decoded = std::move(columns); }
    qint64 recordLine() const { return m_recordLine; }     // 1-based line where the record starts
    qint64 recordOffset() const { return m_recordOffset; } // byte offset where the record starts

    // Positions the reader so that next() reads the record starting at offset (from recordOffset()),
    // which starts on the given line.
    bool seek(qint64 offset, qint64 line);

    bool hasError() const { return !m_error.isNull(); }
    const SourceError& error() const { return m_error; }

private:
    enum class Step { Record, End, NeedMore, Error };

    bool fill();
    bool detectDelimiter();
    Step parseRecord(bool header);
    bool readRecord(bool header);
    bool storeField(QString& out, const char* data, qsizetype size, bool ascii, bool header, int column);
    Step failAt(const char* at, int column, const QString& message);
    bool fail(qint64 line, qint64 column, const QString& message, const QString& field = {});

    CsvDialect m_dialect;
    QFile m_file;
    QString m_fileName;
    QStringList m_header;
    QHash<QString, int> m_columnIndex;
    std::vector<QString> m_fields;
    std::vector<bool> m_decoded;   // see setDecodedColumns()
    // Short ASCII values repeat (study ids, codes, statuses, names): per column, the last strings decoded
    // by hash slot, handed out shared instead of decoded and allocated again for every row.
    struct Interned
    {
        char bytes[24];
        qint8 size = -1;
        QString value;
    };
    static constexpr int InternSlots = 32;
    std::vector<std::array<Interned, InternSlots>> m_interned;
    QByteArrayView m_recordText;
    QByteArray m_buffer; // file bytes [m_bufferStart, m_bufferStart + m_buffer.size())
    qint64 m_bufferStart = 0;
    qsizetype m_pos = 0;   // read position inside m_buffer (start of the next record)
    qint64 m_readSize = 0; // bytes asked for by the next fill()
    bool m_eof = false;
    qint64 m_line = 1;      // line of the read position
    qint64 m_dataStart = 0; // file offset after the BOM
    qint64 m_recordLine = 0;
    qint64 m_recordOffset = 0;
    int m_columns = -1; // fields per record, -1 until the header (or first record) is read
    char m_delimiter = ',';
    unsigned char m_stop[256] = {};       // bytes that end a scan, see StopBits in the .cpp
    QByteArray m_field;                   // scratch for quoted fields with doubled quotes
    std::vector<QByteArray> m_nullTokens; // non-empty null tokens, encoded like the file
    bool m_emptyIsNull = false;
    std::vector<qsizetype> m_headerStarts; // where each header name starts, for duplicate errors
    SourceError m_error;
};

} // namespace tb::core
