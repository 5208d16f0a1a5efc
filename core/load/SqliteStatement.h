#pragma once

#include "audit/AuditChain.h"

#include <QByteArray>
#include <QString>

#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace tb::core {

// A prepared statement on SQLite's native handle, reused across rows. The bulk-load hot path uses it
// instead of QSqlQuery, whose QVariant binding costs more than the write itself (DESIGN.md §6).
// Text is converted to UTF-8 into buffers the statement keeps per parameter (ASCII without allocating),
// cheaper than letting SQLite translate UTF-16.
class SqliteStatement
{
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    SqliteStatement(SqliteStatement&& o) noexcept;
    SqliteStatement& operator=(SqliteStatement&& o) noexcept;

    bool prepare(sqlite3* db, const QString& sql, QString* error);
    bool isValid() const { return m_stmt != nullptr; }

    // Parameters are 1-based, like SQLite's. A null QString binds NULL.
    void bindText(int i, const QString& v);
    void bindInt64(int i, qint64 v);
    void bindBlob(int i, const QByteArray& v);
    void bindNull(int i);
    // A field of AuditChain's encoding (the loader's row images), bound where it lies: it must outlive
    // the statement's next exec().
    void bindField(int i, const AuditChain::Field& f);

    // True while a row is available; false at the end or on an error (then error() is set).
    bool next();
    // Runs a statement that returns no rows; false on an error.
    bool exec();
    // Rows the last exec() inserted, updated or deleted (also those before a failing row of INSERT OR FAIL).
    int changes() const;
    void reset();

    QString columnText(int i) const;  // null QString for SQL NULL
    qint64 columnInt64(int i) const;
    QByteArray columnBlob(int i) const;
    bool columnIsNull(int i) const;

    QString error() const { return m_error; }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    QString m_error;

    std::vector<QByteArray> m_buffers; // UTF-8 of bound text, by parameter
};

} // namespace tb::core
