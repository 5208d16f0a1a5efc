#pragma once

#include "source/DatasetJsonReader.h"
#include "source/RecordSource.h"

namespace tb::core {

// A CDISC Dataset-JSON dataset (.json or .ndjson, by extension) as a record source: its columns by name,
// its rows as records; a record's place is "rows[17]". The empty string is missing, like null: SAS-born
// datasets write missing character values so, and "required" must see them as missing.
class DatasetJsonRecordSource : public RecordSource
{
public:
    bool open(const QString& path) override { return m_reader.open(path); }
    const QStringList& header() const override { return m_reader.header(); }
    bool next() override
    {
        if (!m_reader.next())
            return false;
        m_fields = m_reader.fields();
        for (QString& v : m_fields)
            if (v.isEmpty())
                v = QString();
        return true;
    }
    const std::vector<QString>& fields() const override { return m_fields; }
    QByteArrayView recordText() const override { return m_reader.recordText(); }
    RecordPosition position() const override
    {
        return {m_reader.recordOffset(), m_reader.recordLine(), m_reader.recordIndex()};
    }
    SourceLocation location() const override
    {
        return {m_reader.fileName(), m_reader.recordLine(), 0, QStringLiteral("rows[%1]").arg(m_reader.recordIndex())};
    }
    bool seek(const RecordPosition& p) override { return m_reader.seek(p.offset, p.line, p.index); }
    const SourceError& error() const override { return m_reader.error(); }

private:
    DatasetJsonReader m_reader;
    std::vector<QString> m_fields;
};

} // namespace tb::core
