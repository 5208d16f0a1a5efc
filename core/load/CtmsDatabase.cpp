#include "load/CtmsDatabase.h"

#include "load/SqliteStatement.h"
#include "util/Clock.h"
#include "util/Logging.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <map>

namespace tb::core {

namespace {

QAtomicInt g_connectionCounter;

// Migration scripts by version, from the resource folder: "0002_integration_state.sql" → 2.
std::map<int, QString> migrationScripts()
{
    std::map<int, QString> scripts;
    static const QRegularExpression name(QStringLiteral("^(\\d{4})_[a-z0-9_]+\\.sql$"));
    const QDir dir(QStringLiteral(":/migrations/sqlite"));
    for (const QString& file : dir.entryList(QDir::Files, QDir::Name)) {
        const auto m = name.match(file);
        if (m.hasMatch())
            scripts.emplace(m.captured(1).toInt(), dir.filePath(file));
    }
    return scripts;
}

} // namespace

CtmsDatabase::CtmsDatabase()
    : m_connectionName(QStringLiteral("tb-ctms-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1)))
{
}

CtmsDatabase::~CtmsDatabase()
{
    close();
}

int CtmsDatabase::latestSchemaVersion()
{
    const auto scripts = migrationScripts();
    return scripts.empty() ? 0 : scripts.rbegin()->first;
}

QString CtmsDatabase::errorText(const QSqlError& e)
{
    return e.databaseText().isEmpty() ? e.text() : e.databaseText();
}

bool CtmsDatabase::open(const QString& path, QString* error, int targetVersion)
{
    close();
    m_path = path;
    // SQLite counts every allocation under a global mutex unless told so before it starts; nothing here
    // reads the counts, and the loader's writer allocates for every row.
    static const bool uncounted = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    Q_UNUSED(uncounted);
    const QFileInfo info(path);
    if (!info.absoluteDir().exists()) {
        *error = QStringLiteral("%1: the folder does not exist").arg(path);
        return false;
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        if (!db.open()) {
            *error = QStringLiteral("%1: cannot open the database: %2").arg(path, errorText(db.lastError()));
            return false;
        }
        const QVariant h = db.driver()->handle();
        if (!h.isValid() || qstrcmp(h.typeName(), "sqlite3*") != 0 || !(m_handle = *static_cast<sqlite3* const*>(h.data()))) {
            *error = QStringLiteral("%1: the Qt SQLite driver gave no native handle").arg(path);
            return false;
        }
    }
    // A database that cannot be used (foreign file, newer schema, failed migration) is not left open.
    auto failed = [this] {
        close();
        return false;
    };
    // WAL lets readers (the GUI, reports) work during a load; NORMAL sync is durable at checkpoints
    // and never corrupts. Foreign keys keep the study hierarchy intact whatever the loader does.
    QString err;
    if (!exec(QStringLiteral("PRAGMA page_size=8192; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
                             "PRAGMA busy_timeout=10000; PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY; "
                             "PRAGMA journal_size_limit=67108864;"),
              &err)) {
        *error = QStringLiteral("%1: %2").arg(path, err);
        return failed();
    }
    // A file that is not a database fails here, on the first read.
    if (!exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                             "name TEXT NOT NULL, applied_utc TEXT NOT NULL)"),
              &err)) {
        // An I/O error on that read is not the file's fault.
        const bool notADatabase = sqlite3_errcode(m_handle) == SQLITE_NOTADB;
        *error = notADatabase ? QStringLiteral("%1: not a TrialBridge database: %2").arg(path, err)
                              : QStringLiteral("%1: cannot read the database: %2").arg(path, err);
        return failed();
    }
    return migrate(targetVersion, error) || failed();
}

void CtmsDatabase::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_handle = nullptr;
}

bool CtmsDatabase::isOpen() const
{
    return m_handle != nullptr;
}

QSqlDatabase CtmsDatabase::sql() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int CtmsDatabase::schemaVersion() const
{
    SqliteStatement st;
    QString err;
    if (!st.prepare(m_handle, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"), &err)
        || !st.next())
        return -1;
    return int(st.columnInt64(0));
}

bool CtmsDatabase::exec(const QString& sql, QString* error)
{
    char* message = nullptr;
    if (sqlite3_exec(m_handle, sql.toUtf8().constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(message ? message : sqlite3_errmsg(m_handle));
        sqlite3_free(message);
        return false;
    }
    return true;
}

bool CtmsDatabase::foreignKeysHold(QString* error)
{
    SqliteStatement st;
    if (!st.prepare(m_handle, QStringLiteral("PRAGMA foreign_key_check"), error))
        return false;
    if (st.next()) {
        *error = QStringLiteral("a row of %1 refers to a missing row of %2").arg(st.columnText(0), st.columnText(2));
        return false;
    }
    return true;
}

void CtmsDatabase::rollback()
{
    if (m_handle && !sqlite3_get_autocommit(m_handle))
        exec(QStringLiteral("ROLLBACK"), nullptr);
}

bool CtmsDatabase::migrate(int targetVersion, QString* error)
{
    const auto scripts = migrationScripts();
    const int latest = scripts.empty() ? 0 : scripts.rbegin()->first;
    if (targetVersion < 0)
        targetVersion = latest;
    // -1: the version could not be read. Taken for 0 it would run every migration again over the tables.
    const auto unreadableVersion = [&] {
        *error = QStringLiteral("%1: cannot read the schema version: %2")
                     .arg(m_path, QString::fromUtf8(sqlite3_errmsg(m_handle)));
        return false;
    };
    const int current = schemaVersion();
    if (current < 0)
        return unreadableVersion();
    if (current > latest) {
        *error = QStringLiteral("%1: the database has schema version %2, newer than this TrialBridge knows (%3): "
                                "use a newer TrialBridge")
                     .arg(m_path)
                     .arg(current)
                     .arg(latest);
        return false;
    }
    // Migrations may rebuild tables (SQLite's way to change a constraint): foreign keys are off while they
    // run, as SQLite's documented procedure asks, and checked before each commits.
    if (current < targetVersion && !exec(QStringLiteral("PRAGMA foreign_keys=OFF"), error))
        return false;
    auto restoreForeignKeys = [this] { exec(QStringLiteral("PRAGMA foreign_keys=ON"), nullptr); };
    for (const auto& [version, file] : scripts) {
        if (version <= current || version > targetVersion)
            continue;
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("migration %1 is missing").arg(file);
            restoreForeignKeys();
            return false;
        }
        const QString script = QString::fromUtf8(f.readAll());
        QString err;
        if (!begin(&err)) {
            *error = QStringLiteral("%1: migration %2 failed: %3").arg(m_path, QFileInfo(file).fileName(), err);
            restoreForeignKeys();
            return false;
        }
        // Another connection may have applied it while this one waited for the lock.
        const int now = schemaVersion();
        if (now < 0) {
            unreadableVersion();
            rollback();
            restoreForeignKeys();
            return false;
        }
        if (now >= version) {
            rollback();
            continue;
        }
        // Each migration commits whole or not at all.
        if (!exec(script, &err) || !foreignKeysHold(&err)
            || !exec(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_utc) VALUES (%1, '%2', '%3')")
                         .arg(version)
                         .arg(QFileInfo(file).fileName(), toIsoUtc(Clock::system().nowUtc())),
                     &err)
            || !commit(&err)) {
            rollback();
            restoreForeignKeys();
            *error = QStringLiteral("%1: migration %2 failed: %3").arg(m_path, QFileInfo(file).fileName(), err);
            return false;
        }
        qCInfo(lcLoad) << "migrated" << m_path << "to schema version" << version;
    }
    restoreForeignKeys();
    return true;
}

} // namespace tb::core
