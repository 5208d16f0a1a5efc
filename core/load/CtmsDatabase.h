#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

struct sqlite3;

namespace tb::core {

// The embedded CTMS database (SQLite): the CTMS tables and the integration state beside them (runs,
// rejects, audit), created and upgraded by the versioned migrations in resources/migrations/sqlite.
// One instance = one connection; use it from one thread.
class CtmsDatabase
{
public:
    CtmsDatabase();
    ~CtmsDatabase();
    CtmsDatabase(const CtmsDatabase&) = delete;
    CtmsDatabase& operator=(const CtmsDatabase&) = delete;

    // Opens (creating the file when missing) and upgrades the schema to targetVersion (-1 = latest).
    bool open(const QString& path, QString* error, int targetVersion = -1);
    void close();
    bool isOpen() const;

    QString path() const { return m_path; }
    QSqlDatabase sql() const;          // for ordinary queries through Qt Sql
    sqlite3* handle() const { return m_handle; } // for the bulk-load hot path

    int schemaVersion() const; // -1 when it cannot be read
    static int latestSchemaVersion();
    // SQLite's own words for a Qt Sql error ("disk I/O error"); QSqlError::text() appends the driver's
    // ("Unable to fetch row"), which tells a user nothing more.
    static QString errorText(const QSqlError& e);

    // Runs SQL (several statements allowed) on the native handle.
    bool exec(const QString& sql, QString* error);
    bool begin(QString* error) { return exec(QStringLiteral("BEGIN IMMEDIATE"), error); }
    bool commit(QString* error) { return exec(QStringLiteral("COMMIT"), error); }
    void rollback();

private:
    bool migrate(int targetVersion, QString* error);
    bool foreignKeysHold(QString* error); // PRAGMA foreign_key_check finds nothing

    QString m_connectionName;
    QString m_path;
    sqlite3* m_handle = nullptr;
};

} // namespace tb::core
