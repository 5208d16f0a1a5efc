#pragma once

#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace tb::core {

// Copies the write-ahead log of a database into the database file on a thread and connection of its own,
// while a bulk load goes on writing. SQLite's automatic checkpoint runs inside the committing connection and
// waits for two fsyncs each time — at every batch of a load, most of a second in all for 30,000 subjects.
// The loader turns it off on its connection (wal_autocheckpoint=0) and calls committed() after each commit;
// PASSIVE checkpoints never block the writer or the readers, and a checkpoint only ever copies committed
// frames, so a kill at any moment leaves the database as SQLite's own checkpoints would.
class WalCheckpointer
{
public:
    WalCheckpointer() = default;
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // Opens its own connection to the database file of db and starts the thread.
    bool start(sqlite3* db, QString* error);
    // Something was committed: copy it over when the thread is free.
    void committed();
    // Copies whatever is committed and not yet copied, then stops: the load's data is in the database file,
    // as if it had been checkpointed the usual way. Returns false (see error) if that last checkpoint failed;
    // the data is safe in the log all the same, and the next checkpoint copies it.
    bool finish();
    // Stops without a last checkpoint (a failed load: closing the last connection checkpoints).
    void stop();

    QString error() const;
    // Checkpoints run so far (for the tests).
    int passes() const;

private:
    void loop();
    bool checkpoint();
    void join();

    sqlite3* m_db = nullptr;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_pending = false;
    bool m_stop = false;
    bool m_lastPass = false;
    int m_passes = 0;
    QString m_error;
};

} // namespace tb::core
