#pragma once

#include "source/CsvReader.h"
#include "source/RecordSource.h"

namespace tb::core {

// A CSV file as a record source: CsvReader's records, positions and errors.
class CsvRecordSource : public RecordSource
{
public:
    explicit CsvRecordSource(const CsvDialect& dialect) : m_reader(dialect) {}

    bool open(const QString& path) override { return m_reader.open(path); }
    const QStringList& header() const override { return m_reader.header(); }
    void setDecodedColumns(std::vector<bool> columns) override { m_reader.setDecodedColumns(std::move(columns)); }
    bool next() override { return m_reader.next(); }
    const std::vector<QString>& fields() const override { return m_reader.fields(); }
    QByteArrayView recordText() const override { return m_reader.recordText(); }
    RecordPosition position() const override { return {m_reader.recordOffset(), m_reader.recordLine(), 0}; }
    SourceLocation location() const override { return {m_reader.fileName(), m_reader.recordLine(), 0, QString()}; }
    bool seek(const RecordPosition& p) override { return m_reader.seek(p.offset, p.line); }
    const SourceError& error() const override { return m_reader.error(); }

private:
    CsvReader m_reader;
};

} // namespace tb::core
