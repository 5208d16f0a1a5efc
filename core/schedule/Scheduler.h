#pragma once

#include "schedule/CronSchedule.h"
#include "util/Clock.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <QVector>

namespace tb::core {

// Says when scheduled pipelines are due, against a clock that may jump, a machine that may sleep and a
// process that may be stopped for days. Each schedule counts its next occurrence from its basis: the clock
// time of its last run, or when it was first seen. Kept in a state file, so that a restart neither repeats
// nor forgets:
// - occurrences missed while stopped, asleep or skipped by a clock set forward make one run, at once (an
//   incremental run reads everything that changed meanwhile; several would only repeat it);
// - a clock set back does not repeat what already ran: the schedule waits for its next occurrence after the
//   last run, unless that run lies more than a day (Options::trustedBackwardSecs) ahead of the clock, when
//   the earlier clock was wrong and the schedule counts from now.
// Daylight saving time is the CronSchedule's business: the scheduler works in UTC only.
class Scheduler : public QObject
{
    Q_OBJECT

public:
    struct Entry
    {
        QString name;         // NAME of NAME.pipeline.json
        QString pipelinePath;
        CronSchedule schedule;
    };

    struct Options
    {
        const Clock* clock = &Clock::system();
        QString stateFile;                 // empty: nothing kept across restarts
        qint64 trustedBackwardSecs = 86400; // how far a last run may lie ahead of the clock and still count
        int pollMs = 30000;                // the longest wait between looks at the clock (it may jump meanwhile)
    };

    explicit Scheduler(Options options, QObject* parent = nullptr);

    // The schedules of the pipelines in a workspace folder (those with an enabled "schedule"); problems gets one
    // line per pipeline document that cannot be read, naming the file.
    static QVector<Entry> fromWorkspace(const QString& dir, QStringList* problems);

    // Reads the state file. On false, error names the file and the place; the scheduler then counts every
    // schedule from now (nothing runs twice: a missed occurrence waits for the next one).
    bool loadState(QString* error);
    // The schedules to follow. Entries no longer listed are forgotten; a new or changed expression or time zone
    // counts from now.
    void setEntries(const QVector<Entry>& entries);

    // Looks at the clock: emits due() for each schedule whose occurrence has come, in time order, and arms
    // the timer for the next look.
    void check();
    void start();
    void stop();

    QDateTime nextDue(const QString& name) const;
    QStringList names() const;

signals:
    // late: the occurrence came more than a minute before this look (a stop, sleep or clock jump).
    void due(const QString& name, const QString& pipelinePath, const QDateTime& occurrence, bool late);
    // The clock went back, a state the scheduler cannot keep, a last run it cannot trust.
    void notice(const QString& message);

private:
    struct Slot
    {
        QString cron;
        QString timeZone;
        QDateTime basis;
        QString pipelinePath;
        CronSchedule schedule;
        QDateTime nextDue;
    };

    void save();
    void arm();

    Options m_options;
    QHash<QString, Slot> m_slots;
    QTimer m_timer;
    QDateTime m_lastLook;
    bool m_running = false;
};

} // namespace tb::core
