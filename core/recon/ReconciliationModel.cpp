#include "recon/ReconciliationModel.h"

#include "load/CtmsDatabase.h"
#include "model/CtmsSchema.h"
#include "recon/TargetReader.h"

#include <QSqlError>
#include <QSqlQuery>

namespace tb::core {

qint64 ReconciliationModel::Row::difference() const
{
    const EntityCounts& c = counts;
    return c.read - (c.inserted + c.updated + c.unchanged + (c.deleted - c.deletedWithParent) + c.rejected + c.stale);
}

ReconciliationModel::ReconciliationModel(QObject* parent) : QAbstractTableModel(parent) {}

void ReconciliationModel::reset(const QVector<Row>& rows, qint64 runId, const QString& status, const QString& path)
{
    beginResetModel();
    m_rows = rows;
    m_runId = runId;
    m_runStatus = status;
    m_path = path;
    endResetModel();
}

void ReconciliationModel::clear()
{
    reset({}, 0, {}, {});
}

bool ReconciliationModel::load(const QString& databasePath, const QString& pipelineName, QString* error)
{
    TargetReader target;
    if (!target.open(databasePath, error)) {
        clear();
        return false;
    }
    QSqlQuery q(target.sql());
    q.prepare(QStringLiteral("SELECT MAX(run_id) FROM run WHERE pipeline = ? AND mode = 'production'"));
    q.addBindValue(pipelineName);
    if (!q.exec() || !q.next() || q.value(0).isNull()) {
        *error = q.lastError().isValid()
                     ? QStringLiteral("%1: cannot read the run table: %2")
                           .arg(databasePath, CtmsDatabase::errorText(q.lastError()))
                     : tr("%1 has no run of pipeline %2 yet").arg(databasePath, pipelineName);
        clear();
        return false;
    }
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    return loadRun(databasePath, id, error);
}

bool ReconciliationModel::loadRun(const QString& databasePath, qint64 runId, QString* error)
{
    TargetReader target;
    if (!target.open(databasePath, error)) {
        clear();
        return false;
    }
    auto fail = [&](const QSqlQuery& q) {
        *error = QStringLiteral("%1: %2").arg(databasePath, CtmsDatabase::errorText(q.lastError()));
        clear();
        return false;
    };
    QSqlQuery q(target.sql());
    q.prepare(QStringLiteral("SELECT status FROM run WHERE run_id = ?"));
    q.addBindValue(runId);
    if (!q.exec())
        return fail(q);
    if (!q.next()) {
        *error = tr("%1 has no run %2").arg(databasePath).arg(runId);
        clear();
        return false;
    }
    const QString status = q.value(0).toString();

    const auto schema = CtmsSchema::builtIn();
    QVector<Row> rows(schema->entities().size());
    for (int i = 0; i < rows.size(); ++i)
        rows[i].entity = schema->entities()[i].name;
    auto rowOf = [&](const QString& entity) -> Row* {
        const int i = schema->entityIndex(entity);
        return i < 0 ? nullptr : &rows[i];
    };

    // A target last written before schema version 11 has no deleted_with_parent (this model never migrates):
    // its runs' cascades are counted from their audit entries, as migration 11 counts them.
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM pragma_table_info('run_entity') WHERE name = 'deleted_with_parent'")) ||
        !q.next())
        return fail(q);
    const QString withParent = q.value(0).toLongLong() > 0
                                   ? QStringLiteral("deleted_with_parent")
                                   : QStringLiteral("(SELECT COUNT(*) FROM audit_log a WHERE a.run_id = e.run_id AND "
                                                    "a.entity = e.entity AND a.action = 'delete' AND "
                                                    "a.reason LIKE 'removed with %')");
    q.prepare(QStringLiteral("SELECT entity, read, inserted, updated, unchanged, deleted, rejected, stale, warnings, %1 "
                             "FROM run_entity e WHERE run_id = ?")
                  .arg(withParent));
    q.addBindValue(runId);
    if (!q.exec())
        return fail(q);
    while (q.next()) {
        Row* r = rowOf(q.value(0).toString());
        if (!r)
            continue; // an entity of another schema version: nothing to compare it with here
        r->inRun = true;
        r->counts.read = q.value(1).toLongLong();
        r->counts.inserted = q.value(2).toLongLong();
        r->counts.updated = q.value(3).toLongLong();
        r->counts.unchanged = q.value(4).toLongLong();
        r->counts.deleted = q.value(5).toLongLong();
        r->counts.rejected = q.value(6).toLongLong();
        r->counts.stale = q.value(7).toLongLong();
        r->counts.warnings = q.value(8).toLongLong();
        r->counts.deletedWithParent = q.value(9).toLongLong();
    }
    if (q.lastError().isValid()) // a failed read, not the end of the rows
        return fail(q);
    for (Row& r : rows) {
        // Table names come from the built-in schema, never from the database or the user.
        if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM \"%1\"").arg(r.entity)) || !q.next())
            return fail(q);
        r.inTarget = q.value(0).toLongLong();
    }
    rows.removeIf([](const Row& r) { return !r.inRun && r.inTarget == 0; });
    q.finish();
    reset(rows, runId, status, databasePath);
    return true;
}

QStringList ReconciliationModel::unbalancedEntities() const
{
    QStringList out;
    for (const Row& r : m_rows)
        if (!r.balanced())
            out << r.entity;
    return out;
}

int ReconciliationModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReconciliationModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReconciliationModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& r = m_rows[index.row()];
    const int column = index.column();
    if (role == Qt::DisplayRole) {
        if (column == Entity)
            return r.entity;
        if (column == InTarget)
            return r.inTarget;
        if (!r.inRun)
            return {}; // not part of this run: nothing to balance
        switch (column) {
        case Read: return r.counts.read;
        case Inserted: return r.counts.inserted;
        case Updated: return r.counts.updated;
        case Unchanged: return r.counts.unchanged;
        case Deleted: return r.counts.deleted;
        case Rejected: return r.counts.rejected;
        case Stale: return r.counts.stale;
        case Difference: return r.difference();
        }
    } else if (role == Qt::ToolTipRole) {
        if (column == Deleted && r.counts.deletedWithParent > 0)
            return tr("%1 of them removed together with their subject (not read, left out of the balance)")
                .arg(r.counts.deletedWithParent);
        if (column == Difference && r.inRun)
            return r.balanced() ? tr("Every row read is accounted for")
                                : tr("%1 rows read are not accounted for by the run's counts").arg(r.difference());
        if (!r.inRun)
            return tr("Not loaded by this run");
    } else if (role == Qt::TextAlignmentRole && column != Entity) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == BalancedRole) {
        return r.balanced();
    } else if (role == EntityNameRole) {
        return r.entity;
    }
    return {};
}

QVariant ReconciliationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Entity: return tr("Entity");
    case Read: return tr("Read");
    case Inserted: return tr("Inserted");
    case Updated: return tr("Updated");
    case Unchanged: return tr("Unchanged");
    case Deleted: return tr("Deleted");
    case Rejected: return tr("Rejected");
    case Stale: return tr("Stale");
    case Difference: return tr("Difference");
    case InTarget: return tr("In target");
    }
    return {};
}

} // namespace tb::core
