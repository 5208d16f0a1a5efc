#include "load/WalCheckpointer.h"

#include "util/Logging.h"

#include <sqlite3.h>

namespace tb::core {

WalCheckpointer::~WalCheckpointer()
{
    stop();
}

bool WalCheckpointer::start(sqlite3* db, QString* error)
{
    const char* path = sqlite3_db_filename(db, "main");
    if (!path || !*path) {
        *error = QStringLiteral("the database has no file to checkpoint");
        return false;
    }
    if (sqlite3_open_v2(path, &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        *error = QStringLiteral("cannot open %1 for checkpoints: %2").arg(QString::fromUtf8(path),
                                                                          QString::fromUtf8(sqlite3_errmsg(m_db)));
        sqlite3_close(m_db);
        m_db = nullptr;
        return false;
    }
    // A connection knows the database is in WAL mode only once it has read from it.
    if (sqlite3_exec(m_db, "PRAGMA schema_version", nullptr, nullptr, nullptr) != SQLITE_OK) {
        *error = QStringLiteral("cannot read %1 for checkpoints: %2").arg(QString::fromUtf8(path),
                                                                          QString::fromUtf8(sqlite3_errmsg(m_db)));
        sqlite3_close(m_db);
        m_db = nullptr;
        return false;
    }
    m_thread = std::thread([this] { loop(); });
    return true;
}

void WalCheckpointer::committed()
{
    std::unique_lock lock(m_mutex);
    m_pending = true;
    m_changed.notify_all();
}

bool WalCheckpointer::finish()
{
    {
        std::unique_lock lock(m_mutex);
        m_stop = m_lastPass = true;
        m_changed.notify_all();
    }
    join();
    std::unique_lock lock(m_mutex);
    return m_error.isEmpty();
}

void WalCheckpointer::stop()
{
    {
        std::unique_lock lock(m_mutex);
        m_stop = true;
        m_changed.notify_all();
    }
    join();
}

void WalCheckpointer::join()
{
    if (m_thread.joinable())
        m_thread.join();
    if (m_db) {
        sqlite3_close(m_db);
        m_db = nullptr;
    }
}

QString WalCheckpointer::error() const
{
    std::unique_lock lock(m_mutex);
    return m_error;
}

int WalCheckpointer::passes() const
{
    std::unique_lock lock(m_mutex);
    return m_passes;
}

bool WalCheckpointer::checkpoint()
{
    int logFrames = 0, copied = 0;
    const int rc = sqlite3_wal_checkpoint_v2(m_db, "main", SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copied);
    std::unique_lock lock(m_mutex);
    ++m_passes;
    // BUSY: another connection is checkpointing right now; it copies the same frames.
    if (rc == SQLITE_OK || rc == SQLITE_BUSY) {
        m_error.clear();
        return true;
    }
    m_error = QStringLiteral("checkpoint failed: %1").arg(QString::fromUtf8(sqlite3_errmsg(m_db)));
    qCWarning(lcLoad) << m_error << "(the data stays in the write-ahead log)";
    return false;
}

void WalCheckpointer::loop()
{
    for (;;) {
        bool stop = false, last = false;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_pending || m_stop; });
            stop = m_stop;
            last = m_lastPass;
            m_pending = false;
        }
        if (!stop || last)
            checkpoint();
        if (stop)
            return;
    }
}

} // namespace tb::core
