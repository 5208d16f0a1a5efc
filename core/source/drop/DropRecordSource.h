#pragma once

#include "source/CsvDialect.h"
#include "source/RecordSource.h"

#include <QFile>

#include <memory>
#include <vector>

namespace tb::core {

// The new files of a folder drop, read one after the other as one source (CSV or Dataset-JSON, all with the
// same columns). Positions are numbered across the files (each file's offsets, lines and row indexes follow
// the previous file's), so the pipeline's unit index and seek() work as for one file; messages name the
// delivered file and its own line. The files are local copies, kept open here for the run.
class DropRecordSource : public RecordSource
{
public:
    DropRecordSource(Kind kind, const CsvDialect& dialect);
    ~DropRecordSource() override;

    // The columns when no file came (the mapping's columns): the step then reads nothing.
    void setHeader(const QStringList& header) { m_header = header; }
    // Appends a copy of a delivered file (name: for messages). The first file sets the header.
    bool addFile(const QString& name, const QString& path, std::unique_ptr<QFile> keep, QString* error);
    int fileCount() const { return int(m_files.size()); }

    bool open(const QString&) override { return true; }
    const QStringList& header() const override { return m_header; }
    void setDecodedColumns(std::vector<bool> columns) override;
    bool next() override;
    const std::vector<QString>& fields() const override;
    QByteArrayView recordText() const override;
    RecordPosition position() const override;
    SourceLocation location() const override;
    bool seek(const RecordPosition& position) override;
    QString provenance() const override;
    const SourceError& error() const override { return m_error; }

private:
    struct File
    {
        QString name;
        std::unique_ptr<QFile> keep;
        std::unique_ptr<RecordSource> reader;
        qint64 size = 0;
        RecordPosition base;  // added to the file's own positions; known once the file before was read
        RecordPosition first; // its first record, to come back to it
        RecordPosition last;  // its last record seen
        bool known = false;   // base is known (the file before was read to its end)
        bool hasFirst = false;
    };
    bool enter(size_t file); // positions the reader at the file's first record

    Kind m_kind;
    CsvDialect m_dialect;
    QStringList m_header;
    std::vector<bool> m_decoded;
    std::vector<File> m_files;
    size_t m_current = 0;
    SourceError m_error;
    std::vector<QString> m_none;
};

} // namespace tb::core
