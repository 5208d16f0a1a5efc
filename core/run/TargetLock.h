#pragma once

#include <QString>

namespace tb::core {

// One run at a time per target: an exclusive flock() on "<target>.lock", held for the run's whole length.
// The kernel drops the lock when its process dies, however it dies, so there is no stale lock to guess
// about: no PIDs that a later process may reuse, no half-written lock file, no age limit on hours-long
// loads. The file names its holder (QLockFile's layout: PID, application, host) for the refusal message;
// QLockFile holds the same flock, so either kind of holder excludes the other.
class TargetLock
{
public:
    enum class Outcome { Acquired, Held, NotWritable, DiskFull, Failed };

    explicit TargetLock(QString fileName);
    ~TargetLock();
    TargetLock(const TargetLock&) = delete;
    TargetLock& operator=(const TargetLock&) = delete;

    Outcome acquire();
    // Removes the file while still holding the lock (a process that opened it meanwhile sees it go and
    // retries on a new file), then lets go.
    void release();

    bool isHeld() const { return m_fd >= 0; }
    QString fileName() const { return m_fileName; }
    // After Held: the holder as its file names it; 0 / empty while the holder has not written it yet.
    qint64 holderPid() const { return m_holderPid; }
    QString holderHost() const { return m_holderHost; }
    // After NotWritable, DiskFull or Failed: the system's reason.
    QString errorString() const { return m_error; }

private:
    Outcome fail(int err);
    void readHolder(int fd);

    QString m_fileName;
    int m_fd = -1;
    qint64 m_holderPid = 0;
    QString m_holderHost;
    QString m_error;
};

} // namespace tb::core
