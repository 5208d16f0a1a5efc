#include "source/SpillFile.h"

#include <QDir>
#include <QTemporaryFile>

#include <fcntl.h>
#include <unistd.h>

namespace tb::core {

namespace {

CsvDialect spillDialect()
{
    CsvDialect d;
    d.delimiter = ',';
    return d; // UTF-8, header, the empty field is null
}

void appendRow(QByteArray& out, const QString* fields, qsizetype count)
{
    for (qsizetype i = 0; i < count; ++i) {
        if (i)
            out += ',';
        CsvDialect::appendField(out, fields[i]);
    }
    out += '\n';
}

} // namespace

SpillFile::SpillFile() : m_reader(spillDialect())
{
}

SpillFile::~SpillFile() = default;

bool SpillFile::create(const QStringList& header, const QString& what, QString* error)
{
    m_reader.close();
    m_what = what;
    m_buffer.clear();
    m_writeFailed = false;
    QString reason;
    m_file = createUnnamed(&m_path, &reason);
    if (!m_file) {
        *error = QStringLiteral("cannot create a temporary file for the %1: %2").arg(what, reason);
        return false;
    }
    appendRow(m_buffer, header.constData(), header.size());
    return true;
}

std::unique_ptr<QFile> SpillFile::createUnnamed(QString* path, QString* error)
{
    auto file = std::make_unique<QFile>();
    const int fd = ::open(QFile::encodeName(QDir::tempPath()).constData(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0 && file->open(fd, QIODevice::ReadWrite, QFileDevice::AutoCloseHandle)) {
        *path = QStringLiteral("/proc/self/fd/%1").arg(fd);
        return file;
    }
    if (fd >= 0)
        ::close(fd);
    auto named = std::make_unique<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/trialbridge-spill-XXXXXX"));
    if (!named->open()) {
        *error = named->errorString();
        return nullptr;
    }
    *path = named->fileName();
    return named;
}

bool SpillFile::flushBuffer()
{
    if (!m_writeFailed && m_file->write(m_buffer) != m_buffer.size())
        m_writeFailed = true;
    m_buffer.clear();
    return !m_writeFailed;
}

bool SpillFile::append(const std::vector<QString>& row)
{
    appendRow(m_buffer, row.data(), qsizetype(row.size()));
    return m_buffer.size() <= (1 << 20) || flushBuffer();
}

bool SpillFile::finish(QString* error)
{
    if (!flushBuffer() || !m_file->flush()) {
        *error = QStringLiteral("cannot write the temporary file of %1: %2").arg(m_what, m_file->errorString());
        return false;
    }
    if (!m_reader.open(m_path)) {
        *error = m_reader.error().message;
        return false;
    }
    return true;
}

} // namespace tb::core
