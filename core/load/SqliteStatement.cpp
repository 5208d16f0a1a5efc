#include "load/SqliteStatement.h"

#include <sqlite3.h>

#include <cstring>
#include <utility>

namespace tb::core {

SqliteStatement::~SqliteStatement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

SqliteStatement::SqliteStatement(SqliteStatement&& o) noexcept
    : m_db(std::exchange(o.m_db, nullptr)), m_stmt(std::exchange(o.m_stmt, nullptr)), m_error(std::move(o.m_error))
{
}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& o) noexcept
{
    if (this != &o) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_db = std::exchange(o.m_db, nullptr);
        m_stmt = std::exchange(o.m_stmt, nullptr);
        m_error = std::move(o.m_error);
    }
    return *this;
}

bool SqliteStatement::prepare(sqlite3* db, const QString& sql, QString* error)
{
    m_db = db;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v3(db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr)
        != SQLITE_OK) {
        *error = QStringLiteral("%1 (in: %2)").arg(QString::fromUtf8(sqlite3_errmsg(db)), sql);
        m_stmt = nullptr;
        return false;
    }
    return true;
}

void SqliteStatement::bindText(int i, const QString& v)
{
    // No reference to v is kept: copying a QString touches its reference count, and the strings bound
    // here are shared with the thread that made them — the cache line would bounce between the cores.
    if (size_t(i) >= m_buffers.size())
        m_buffers.resize(size_t(i) + 1);
    if (v.isNull()) {
        sqlite3_bind_null(m_stmt, i);
        return;
    }
    QByteArray& b = m_buffers[size_t(i)];
    const qsizetype n = v.size();
    const char16_t* src = reinterpret_cast<const char16_t*>(v.utf16());
    b.resize(n);
    char* dst = b.data();
    qsizetype k = 0;
    // ASCII four characters at a time; anything else goes through Qt's UTF-8 encoder.
    for (; k + 4 <= n; k += 4) {
        quint64 w;
        std::memcpy(&w, src + k, 8);
        if (w & 0xFF80FF80FF80FF80ULL)
            break;
        dst[k] = char(w);
        dst[k + 1] = char(w >> 16);
        dst[k + 2] = char(w >> 32);
        dst[k + 3] = char(w >> 48);
    }
    for (; k < n && src[k] < 0x80; ++k)
        dst[k] = char(src[k]);
    if (k < n)
        b = v.toUtf8();
    sqlite3_bind_text(m_stmt, i, b.constData(), int(b.size()), SQLITE_STATIC);
}

void SqliteStatement::bindInt64(int i, qint64 v)
{
    sqlite3_bind_int64(m_stmt, i, v);
}

void SqliteStatement::bindBlob(int i, const QByteArray& v)
{
    sqlite3_bind_blob(m_stmt, i, v.constData(), int(v.size()), SQLITE_STATIC);
}

void SqliteStatement::bindNull(int i)
{
    sqlite3_bind_null(m_stmt, i);
}

void SqliteStatement::bindField(int i, const AuditChain::Field& f)
{
    switch (f.type) {
    case AuditChain::Text:
        sqlite3_bind_text(m_stmt, i, f.data, int(f.size), SQLITE_STATIC);
        break;
    case AuditChain::Blob:
        sqlite3_bind_blob(m_stmt, i, f.data, int(f.size), SQLITE_STATIC);
        break;
    case AuditChain::Integer:
        sqlite3_bind_int64(m_stmt, i, f.integer);
        break;
    case AuditChain::Real:
        sqlite3_bind_double(m_stmt, i, f.real);
        break;
    case AuditChain::Null:
        sqlite3_bind_null(m_stmt, i);
        break;
    }
}

bool SqliteStatement::next()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    return false;
}

bool SqliteStatement::exec()
{
    const int rc = sqlite3_step(m_stmt);
    const bool ok = rc == SQLITE_DONE || rc == SQLITE_ROW;
    if (!ok)
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    sqlite3_reset(m_stmt);
    return ok;
}

int SqliteStatement::changes() const
{
    return sqlite3_changes(m_db);
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    m_error.clear();
}

QString SqliteStatement::columnText(int i) const
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, i));
    if (!text)
        return QString();
    return QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, i));
}

qint64 SqliteStatement::columnInt64(int i) const
{
    return sqlite3_column_int64(m_stmt, i);
}

QByteArray SqliteStatement::columnBlob(int i) const
{
    const void* data = sqlite3_column_blob(m_stmt, i);
    return QByteArray(static_cast<const char*>(data), sqlite3_column_bytes(m_stmt, i));
}

bool SqliteStatement::columnIsNull(int i) const
{
    return sqlite3_column_type(m_stmt, i) == SQLITE_NULL;
}

} // namespace tb::core
