#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace tb::core {

// Finds out whether an OS keychain answers. QtKeychain cannot tell a missing Secret Service daemon
// from other errors (and a locked keychain may wait forever for a prompt), so the probe writes,
// reads back and deletes a throw-away entry, all within a time limit.
class KeychainProbe : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        bool available = false;
        QString reason; // why not, or what answered
        qint64 elapsedMs = 0;
    };

    static constexpr int DefaultTimeoutMs = 5000;

    explicit KeychainProbe(QObject* parent = nullptr);

    // Asynchronous: done runs later from the event loop, exactly once.
    void start(int timeoutMs, std::function<void(const Result&)> done);

private:
    void finish(bool available, const QString& reason);

    std::function<void(const Result&)> m_done;
    qint64 m_started = 0;
    bool m_finished = false;
};

} // namespace tb::core
