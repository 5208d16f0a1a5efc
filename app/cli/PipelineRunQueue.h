#pragma once

#include "run/RunResult.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>

namespace tb::cli {

// Runs pipelines off the caller's thread, one run per pipeline at a time: a request that arrives while its
// pipeline runs is remembered, and however many arrive, they make one follow-up run once the current run ends
// (an incremental run reads whatever changed meanwhile, so nothing is lost and nothing runs twice in parallel).
class PipelineRunQueue : public QObject
{
    Q_OBJECT

public:
    // Runs one pipeline file to its end (on a thread of its own).
    using Runner = std::function<tb::core::RunResult(const QString& pipelinePath)>;

    explicit PipelineRunQueue(Runner runner, QObject* parent = nullptr);
    ~PipelineRunQueue() override;

    // Starts a run of name, or queues its follow-up run when one is going.
    void request(const QString& name, const QString& pipelinePath);
    // No more runs start (queued follow-ups are dropped); idle() comes when the current runs have ended.
    void stop();
    bool isRunning() const { return !m_running.isEmpty(); }
    QStringList running() const;

signals:
    void started(const QString& name, bool followUp);
    void finished(const QString& name, const tb::core::RunResult& result);
    void idle();

private:
    void start(const QString& name, const QString& pipelinePath, bool followUp);

    Runner m_runner;
    QSet<QString> m_running;
    QHash<QString, QString> m_followUps; // name -> pipeline path
    bool m_stopping = false;
};

} // namespace tb::cli
