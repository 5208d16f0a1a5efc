#pragma once

#include "source/CsvReader.h"

#include <QFile>
#include <QStringList>

#include <memory>
#include <vector>

namespace tb::core {

// Rows a source produced (the records of an ODM file, the pages of a REST export) kept on disk as a
// comma-delimited UTF-8 CSV file so that the pipeline can read them twice and seek() back to a unit, with
// memory as flat as for a CSV file. The file is unnamed (O_TMPFILE): it vanishes with the process, even a
// killed one; a named temporary file stands in where the file system cannot make one. An empty value is
// read back as null.
class SpillFile
{
public:
    SpillFile();
    ~SpillFile();
    SpillFile(const SpillFile&) = delete;
    SpillFile& operator=(const SpillFile&) = delete;

    // Starts a new file with these columns; what names the rows in messages ("ODM records").
    bool create(const QStringList& header, const QString& what, QString* error);
    // Buffered; rows have exactly the header's column count.
    bool append(const std::vector<QString>& row);
    // Writes what is buffered and opens the reader on the file.
    bool finish(QString* error);

    // An unnamed scratch file, read-write (O_TMPFILE, else a named temporary file); path gets a name that
    // opens it again. Sources use one for what they keep before the spill file's columns are known.
    static std::unique_ptr<QFile> createUnnamed(QString* path, QString* error);

    CsvReader& reader() { return m_reader; }
    const CsvReader& reader() const { return m_reader; }

private:
    bool flushBuffer();

    std::unique_ptr<QFile> m_file;
    QString m_path;
    QString m_what;
    QByteArray m_buffer;
    bool m_writeFailed = false;
    CsvReader m_reader;
};

} // namespace tb::core
