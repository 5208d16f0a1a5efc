#include "source/drop/DropRecordSource.h"

#include "source/OdmSelection.h"

#include <QFileInfo>

namespace tb::core {

DropRecordSource::DropRecordSource(Kind kind, const CsvDialect& dialect) : m_kind(kind), m_dialect(dialect) {}

DropRecordSource::~DropRecordSource() = default;

bool DropRecordSource::addFile(const QString& name, const QString& path, std::unique_ptr<QFile> keep,
                               QString* error)
{
    File f;
    f.name = name;
    f.keep = std::move(keep);
    f.reader = RecordSource::create(m_kind, m_dialect, OdmSelection());
    if (!f.reader || !f.reader->open(path)) {
        *error = f.reader ? f.reader->error().message : QStringLiteral("not a file source");
        return false;
    }
    f.size = f.keep ? f.keep->size() : QFileInfo(path).size();
    if (m_files.empty()) {
        m_header = f.reader->header();
        f.known = true; // base 0
    }
    if (!m_decoded.empty())
        f.reader->setDecodedColumns(m_decoded);
    m_files.push_back(std::move(f));
    return true;
}

void DropRecordSource::setDecodedColumns(std::vector<bool> columns)
{
    m_decoded = columns;
    for (File& f : m_files)
        f.reader->setDecodedColumns(columns);
}

bool DropRecordSource::enter(size_t i)
{
    File& f = m_files[i];
    if (i > 0) {
        // Each file's numbers follow the previous file's: offsets by size, lines and rows by the last one
        // seen.
        const File& before = m_files[i - 1];
        f.base.offset = before.base.offset + before.size + 1;
        f.base.line = before.base.line + (before.hasFirst ? before.last.line : 0) + 1;
        f.base.index = before.base.index + (before.hasFirst ? before.last.index : 0) + 1;
        f.known = true;
    }
    m_current = i;
    return !f.hasFirst || f.reader->seek(f.first);
}

bool DropRecordSource::next()
{
    while (m_current < m_files.size()) {
        File& f = m_files[m_current];
        if (f.reader->next()) {
            const RecordPosition p = f.reader->position();
            if (!f.hasFirst) {
                f.first = p;
                f.hasFirst = true;
            }
            if (p.offset >= f.last.offset)
                f.last = p;
            return true;
        }
        if (f.reader->hasError()) {
            m_error = f.reader->error();
            m_error.where.file = f.name;
            return false;
        }
        if (m_current + 1 >= m_files.size())
            return false;
        if (!enter(m_current + 1)) {
            m_error = m_files[m_current].reader->error();
            m_error.where.file = m_files[m_current].name;
            return false;
        }
    }
    return false;
}

const std::vector<QString>& DropRecordSource::fields() const
{
    return m_current < m_files.size() ? m_files[m_current].reader->fields() : m_none;
}

QByteArrayView DropRecordSource::recordText() const
{
    return m_current < m_files.size() ? m_files[m_current].reader->recordText() : QByteArrayView();
}

RecordPosition DropRecordSource::position() const
{
    if (m_current >= m_files.size())
        return {};
    const File& f = m_files[m_current];
    const RecordPosition p = f.reader->position();
    return {f.base.offset + p.offset, f.base.line + p.line, f.base.index + p.index};
}

SourceLocation DropRecordSource::location() const
{
    if (m_current >= m_files.size())
        return {};
    SourceLocation where = m_files[m_current].reader->location();
    where.file = m_files[m_current].name;
    return where;
}

bool DropRecordSource::seek(const RecordPosition& p)
{
    // The last file whose numbers start at or before the offset (positions come from a full first read).
    size_t i = 0;
    for (size_t j = 0; j < m_files.size(); ++j)
        if (m_files[j].known && m_files[j].base.offset <= p.offset)
            i = j;
    if (i >= m_files.size())
        return false;
    File& f = m_files[i];
    m_current = i;
    if (!f.reader->seek({p.offset - f.base.offset, p.line - f.base.line, p.index - f.base.index})) {
        m_error = f.reader->error();
        m_error.where.file = f.name;
        return false;
    }
    return true;
}

QString DropRecordSource::provenance() const
{
    return m_current < m_files.size() ? m_files[m_current].reader->provenance() : QString();
}

} // namespace tb::core
