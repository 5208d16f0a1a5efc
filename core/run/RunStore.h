#pragma once

#include "load/SqliteStatement.h"
#include "run/RunResult.h"
#include "validate/ValidationIssue.h"

namespace tb::core {

// The run history, reject queue and warnings in the target database. Rejects and warnings are written
// in the loader's transaction, beside the data they explain.
class RunStore
{
public:
    bool prepare(sqlite3* db, QString* error);

    // Marks the runs left 'running' as 'interrupted'; called while holding the target's lock, so their
    // processes are gone.
    bool markInterrupted(const QString& nowUtc, QString* error);
    // Inserts a 'running' run row (in its own transaction, so that an interrupted run stays visible).
    // mode: production or uat.
    qint64 startRun(const QString& pipeline, const QString& pipelineFile, const QString& mode, const QString& actor,
                    const QString& startedUtc, QString* error);
    // Records the run's end: status, message and counts, all or nothing (a savepoint: on its own, or inside
    // the writer's final transaction).
    bool finishRun(const RunResult& result, const QString& endedUtc, QString* error);

    bool addReject(qint64 runId, const ValidationIssue& issue, const QString& sourceRecordJson,
                   const QString& status = QStringLiteral("open"));
    bool addWarning(qint64 runId, const ValidationIssue& issue);
    QString error() const { return m_error; }

private:
    bool writeEnd(const RunResult& result, const QString& endedUtc, QString* error);

    sqlite3* m_db = nullptr;
    SqliteStatement m_reject;
    SqliteStatement m_warning;
    QString m_error;
};

} // namespace tb::core
