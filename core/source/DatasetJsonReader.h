#pragma once

#include "source/SourceLocation.h"

#include <QFile>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace tb::core {

// A column of a Dataset-JSON dataset, as its "columns" entry declares it.
struct DatasetColumn
{
    QString itemOid;
    QString name;
    QString label;
    QString dataType; // string, integer, decimal, float, double, boolean, date, datetime, time, URI
    int length = 0;
    int keySequence = 0; // 0 when not part of the key
};

// Streaming reader of CDISC Dataset-JSON 1.1, both as one JSON document (`.json`) and as NDJSON (`.ndjson`:
// the metadata object on the first line, one row array per line). Memory is bounded by the largest row
// (at most MaxRecordBytes), never the file. Each row's values are checked against its column's data type;
// numbers keep the text the file gives them, JSON null becomes a null string. Rows can be revisited with
// seek(), like CsvReader's records, by their offset, line and index. Errors name the file, the line and
// column, and the JSON path (`rows[17][3] (AGE)`).
class DatasetJsonReader
{
public:
    static constexpr qint64 MaxRecordBytes = 64 * 1024 * 1024;
    static constexpr int MaxColumns = 4096;
    static constexpr int MaxDepth = 64;

    DatasetJsonReader();
    ~DatasetJsonReader();

    enum class Format { ByExtension, Json, Ndjson }; // by extension: `.ndjson` is NDJSON, anything else JSON

    // Opens the file and reads its metadata up to the first row. A JSON document whose "rows" come
    // before its "columns" is read too: the rows are skipped once to find the columns, then read.
    bool open(const QString& path, Format format = Format::ByExtension);
    void close();

    QString fileName() const { return m_fileName; }
    bool isNdjson() const { return m_ndjson; }
    const std::vector<DatasetColumn>& columns() const { return m_columns; }
    const QStringList& header() const { return m_header; } // the column names
    int columnIndex(const QString& name) const { return m_columnIndex.value(name, -1); }
    // The dataset's other top-level members (datasetJSONVersion, studyOID, itemGroupOID, records, name, ...).
    const QJsonObject& metadata() const { return m_metadata; }

    // Reads the next row into fields(). False at the end or on an error; hasError() tells which. At the
    // end, a "records" count that differs from the rows read is an error (a truncated file).
    bool next();
    const std::vector<QString>& fields() const { return m_fields; }
    QByteArrayView recordText() const { return m_recordText; } // the row as written
    qint64 recordLine() const { return m_recordLine; }     // 1-based line where the row starts
    qint64 recordOffset() const { return m_recordOffset; } // byte offset where the row starts
    qint64 recordIndex() const { return m_recordIndex; }   // 0-based index of the row in "rows"
    // "<file>: rows[17]" or, for NDJSON, "<file>:19" (the file as given to open())
    QString recordReference() const;

    // Positions the reader so that next() reads the row starting at offset (a recordOffset()), which
    // starts on the given line and has the given index.
    bool seek(qint64 offset, qint64 line, qint64 index);

    bool hasError() const { return !m_error.isNull(); }
    const SourceError& error() const { return m_error; }

private:
    // Bytes are addressed by file offset; the buffer keeps those from m_keep on.
    bool have(qint64 offset);
    char at(qint64 offset) const { return m_buffer.at(qsizetype(offset - m_bufferStart)); }
    QByteArrayView view(qint64 begin, qint64 end) const;
    bool skipSpace(qint64* pos, bool newlines = true);
    bool scanValue(qint64* pos, const QString& path);
    bool scanString(qint64* pos, const QString& path);
    bool expect(qint64* pos, char c, const QString& what, const QString& path);
    bool readDocumentHead();
    bool readMembers(qint64* pos, bool stopAtRows, bool first);
    bool readNdjsonHead();
    bool takeMetadata(const QString& key, qint64 begin, qint64 end);
    bool takeMetadataValue(const QString& key, const QJsonValue& v, qint64 begin);
    bool checkColumns(qint64 pos);
    bool finishDocument(qint64 pos);
    bool parseRow(qint64 begin, qint64 end);
    bool decodeString(QByteArrayView s, qint64 offset, const QString& path, QString* out);
    bool failAt(qint64 offset, const QString& message, const QString& path = {});

    QFile m_file;
    QString m_fileName;
    bool m_ndjson = false;
    std::vector<DatasetColumn> m_columns;
    QStringList m_header;
    QHash<QString, int> m_columnIndex;
    QJsonObject m_metadata;
    bool m_haveColumns = false;
    std::vector<QString> m_fields;
    QByteArrayView m_recordText;

    QByteArray m_buffer;       // file bytes [m_bufferStart, m_bufferStart + m_buffer.size())
    qint64 m_bufferStart = 0;
    qint64 m_keep = 0;         // the earliest offset still needed
    bool m_eof = false;
    qint64 m_pos = 0;          // where reading continues
    qint64 m_line = 1;         // line at the last newline counted
    qint64 m_lineStart = 0;    // offset where that line starts

    qint64 m_rowsOffset = -1;  // JSON: just after the "[" of "rows"
    qint64 m_rowsLine = 1;
    qint64 m_rowsLineStart = 0;
    bool m_needSeparator = false;
    bool m_done = false;
    qint64 m_recordLine = 0;
    qint64 m_recordOffset = 0;
    qint64 m_recordIndex = -1;
    qint64 m_valueOffset = 0; // where the metadata value being read starts, and its line
    qint64 m_valueLine = 1;
    qint64 m_nextIndex = 0;
    SourceError m_error;
};

} // namespace tb::core
