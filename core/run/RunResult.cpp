#include "run/RunResult.h"

namespace tb::core {

EntityCounts& RunResult::counts(const QString& entity)
{
    for (auto& [name, c] : entities)
        if (name == entity)
            return c;
    entities.append({entity, EntityCounts{}});
    return entities.last().second;
}

EntityCounts RunResult::counts(const QString& entity) const
{
    for (const auto& [name, c] : entities)
        if (name == entity)
            return c;
    return {};
}

EntityCounts RunResult::total() const
{
    EntityCounts t;
    for (const auto& [name, c] : entities) {
        t.read += c.read;
        t.inserted += c.inserted;
        t.updated += c.updated;
        t.unchanged += c.unchanged;
        t.deleted += c.deleted;
        t.deletedWithParent += c.deletedWithParent;
        t.rejected += c.rejected;
        t.stale += c.stale;
        t.warnings += c.warnings;
    }
    return t;
}

QString RunResult::statusName() const
{
    switch (status) {
    case Status::Succeeded: return QStringLiteral("succeeded");
    case Status::CompletedWithRejects: return QStringLiteral("completed_with_rejects");
    case Status::Failed: return QStringLiteral("failed");
    case Status::Cancelled: return QStringLiteral("cancelled");
    case Status::ConfigError: return QStringLiteral("config_error");
    }
    return {};
}

int RunResult::exitCode() const
{
    switch (status) {
    case Status::Succeeded: return 0;
    case Status::CompletedWithRejects: return 3;
    case Status::ConfigError: return 2;
    case Status::Failed:
    case Status::Cancelled: return 1;
    }
    return 1;
}

QJsonObject RunResult::toJson() const
{
    QJsonObject entitiesJson;
    for (const auto& [name, c] : entities)
        entitiesJson.insert(name, QJsonObject{{QStringLiteral("read"), c.read},
                                              {QStringLiteral("inserted"), c.inserted},
                                              {QStringLiteral("updated"), c.updated},
                                              {QStringLiteral("deleted"), c.deleted},
                                              {QStringLiteral("deleted_with_parent"), c.deletedWithParent},
                                              {QStringLiteral("unchanged"), c.unchanged},
                                              {QStringLiteral("rejected"), c.rejected},
                                              {QStringLiteral("stale"), c.stale},
                                              {QStringLiteral("warnings"), c.warnings}});
    QJsonObject o{{QStringLiteral("run_id"), runId},
                  {QStringLiteral("status"), statusName()},
                  {QStringLiteral("entities"), entitiesJson},
                  {QStringLiteral("duration_ms"), durationMs}};
    if (!target.isEmpty())
        o.insert(QStringLiteral("target"), target);
    if (uat)
        o.insert(QStringLiteral("mode"), QStringLiteral("uat"));
    if (!message.isEmpty())
        o.insert(QStringLiteral("message"), message);
    return o;
}

} // namespace tb::core
