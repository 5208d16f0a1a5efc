#pragma once

#include <QByteArray>

#include <atomic>

namespace tb::test {

// A SQLite VFS over the platform's own that fails chosen I/O calls on purpose, the way SQLite's own
// I/O-error tests do. Installed as the process's default, so every connection that opens a file under the
// watched path afterwards goes through it: the engine's writer and checkpointer connections and Qt's driver
// alike. Only calls on files under the watched path are counted; calls are counted from the last arm() or
// reset(), across threads.
//
// Memory-mapped reads are not offered (version 2 of the file methods), so every page read is an xRead.
class FaultyVfs
{
public:
    enum Op { Read, Write, Sync, Truncate, OpCount };

    // Registers the VFS as the default once; later calls return the same one.
    static FaultyVfs& install();

    // Count (and fail) calls on files whose full path starts with prefix; an empty prefix watches none.
    void watch(const QByteArray& prefix);
    // From now on, the nth call of op (1-based) fails with code (SQLite's extended I/O error codes, or
    // SQLITE_FULL for writes); with persistent, every later call of op fails too.
    void arm(Op op, qint64 nth, int code, bool persistent);
    // No more failures; the counts go on.
    void disarm();
    // Counts back to zero, nothing armed.
    void reset();

    qint64 calls(Op op) const { return m_calls[op].load(); }
    qint64 failures() const { return m_failures.load(); }

    static const char* opName(Op op);

    // For the VFS's callbacks.
    bool isWatched(const char* path) const;
    // Counts a call of op and says whether it must fail (with *code).
    bool shouldFail(Op op, int* code);

private:
    FaultyVfs() = default;

    QByteArray m_prefix;
    std::atomic<qint64> m_calls[OpCount] = {};
    std::atomic<qint64> m_failures{0};
    std::atomic<int> m_op{-1};
    std::atomic<qint64> m_nth{0};
    std::atomic<int> m_code{0};
    std::atomic<bool> m_persistent{false};
};

} // namespace tb::test
