#pragma once

#include <QJsonObject>
#include <QString>
#include <QVector>

namespace tb::core {

// What happened to one entity's records in a run. read = inserted + updated + deleted + unchanged + rejected +
// stale, except that deleted also counts the rows deleted together with their subject, which were not read.
struct EntityCounts
{
    qint64 read = 0;
    qint64 inserted = 0;
    qint64 updated = 0;
    qint64 deleted = 0;   // removed by the source (ODM Remove), or with the subject they belong to
    qint64 deletedWithParent = 0; // of deleted: removed with the subject they belong to (not read)
    qint64 unchanged = 0;
    qint64 rejected = 0;
    qint64 stale = 0;     // older than what the target holds from the same source: kept in reject, not applied
    qint64 warnings = 0;  // findings of rules set to "warn" (records loaded)
};

struct RunResult
{
    enum class Status { Succeeded, CompletedWithRejects, Failed, Cancelled, ConfigError };

    qint64 runId = 0;
    Status status = Status::Failed;
    QString message;                            // why a run failed; empty otherwise
    QString target;                             // the database loaded (a UAT run's sandbox)
    bool uat = false;
    QVector<QPair<QString, EntityCounts>> entities; // in schema order
    qint64 durationMs = 0;

    EntityCounts& counts(const QString& entity);
    EntityCounts counts(const QString& entity) const;
    EntityCounts total() const;
    QString statusName() const; // succeeded, completed_with_rejects, failed, cancelled, config_error
    // The CLI contract: 0 all loaded, 3 finished with rejected records, 1 failed, 2 configuration error.
    int exitCode() const;
    QJsonObject toJson() const;
};

} // namespace tb::core
