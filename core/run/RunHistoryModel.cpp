#include "run/RunHistoryModel.h"

#include "load/CtmsDatabase.h"
#include "model/CtmsSchema.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace tb::core {

RunHistoryModel::RunHistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

bool RunHistoryModel::rejects(const QString& databasePath, qint64 runId, int limit, QVector<Reject>* out,
                              QString* error)
{
    out->clear();
    CtmsDatabase db;
    if (!db.open(databasePath, error))
        return false;
    QSqlQuery q(db.sql());
    q.prepare(QStringLiteral("SELECT source_ref, rule, message FROM reject WHERE run_id = ? AND rule <> 'unit' "
                             "ORDER BY reject_id LIMIT ?"));
    q.addBindValue(runId);
    q.addBindValue(limit);
    if (q.exec())
        while (q.next())
            out->append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    // next() is false at the end and on a failed read alike.
    if (q.lastError().isValid()) {
        *error = tr("%1: cannot read the rejected records: %2")
                     .arg(databasePath, CtmsDatabase::errorText(q.lastError()));
        out->clear();
        return false;
    }
    return true;
}

void RunHistoryModel::clear()
{
    beginResetModel();
    m_runs.clear();
    m_path.clear();
    endResetModel();
}

bool RunHistoryModel::load(const QString& databasePath, QString* error)
{
    QVector<Run> runs;
    QString failure;
    if (!QFileInfo::exists(databasePath)) {
        failure = tr("%1 does not exist yet: run a pipeline to create it").arg(databasePath);
    } else {
        CtmsDatabase db;
        if (db.open(databasePath, &failure)) {
            QSqlQuery q(db.sql());
            // The model then shows nothing rather than part of the history.
            const auto readFailed = [&](const QSqlQuery& query) {
                failure = tr("%1: cannot read the run history: %2")
                              .arg(databasePath, CtmsDatabase::errorText(query.lastError()));
            };
            if (!q.exec(QStringLiteral("SELECT run_id, pipeline, status, started_utc, ended_utc, actor, message "
                                       "FROM run ORDER BY run_id DESC")))
                readFailed(q);
            while (q.next()) {
                Run r;
                r.id = q.value(0).toLongLong();
                r.pipeline = q.value(1).toString();
                r.status = q.value(2).toString();
                r.started = q.value(3).toString();
                r.ended = q.value(4).toString();
                r.actor = q.value(5).toString();
                r.message = q.value(6).toString();
                runs << r;
            }
            // next() is false at the end and on a failed read alike.
            if (q.lastError().isValid())
                readFailed(q);
            QSqlQuery c(db.sql());
            c.prepare(QStringLiteral("SELECT entity, read, inserted, updated, unchanged, rejected, stale, warnings, deleted "
                                     "FROM run_entity WHERE run_id = ?"));
            const auto schema = CtmsSchema::builtIn();
            for (Run& r : runs) {
                c.addBindValue(r.id);
                if (!c.exec()) {
                    readFailed(c);
                    break;
                }
                while (c.next()) {
                    EntityCounts e;
                    e.read = c.value(1).toLongLong();
                    e.inserted = c.value(2).toLongLong();
                    e.updated = c.value(3).toLongLong();
                    e.unchanged = c.value(4).toLongLong();
                    e.rejected = c.value(5).toLongLong();
                    e.stale = c.value(6).toLongLong();
                    e.warnings = c.value(7).toLongLong();
                    e.deleted = c.value(8).toLongLong();
                    r.entities.append({c.value(0).toString(), e});
                    r.total.read += e.read;
                    r.total.inserted += e.inserted;
                    r.total.updated += e.updated;
                    r.total.deleted += e.deleted;
                    r.total.unchanged += e.unchanged;
                    r.total.rejected += e.rejected;
                    r.total.stale += e.stale;
                    r.total.warnings += e.warnings;
                }
                if (c.lastError().isValid()) {
                    readFailed(c);
                    break;
                }
                // Entities in the model's order (study before sites before subjects), not by name.
                std::stable_sort(r.entities.begin(), r.entities.end(), [&](const auto& a, const auto& b) {
                    return schema->entityIndex(a.first) < schema->entityIndex(b.first);
                });
            }
        }
    }
    beginResetModel();
    m_runs = failure.isEmpty() ? runs : QVector<Run>();
    m_path = databasePath;
    endResetModel();
    if (error)
        *error = failure;
    return failure.isEmpty();
}

int RunHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_runs.size())
        return {};
    const Run& r = m_runs[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case RunId: return r.id;
        case Pipeline: return r.pipeline;
        case Status: return QString(r.status).replace(QLatin1Char('_'), QLatin1Char(' '));
        case Started: return r.started;
        case Ended: return r.ended;
        case Actor: return r.actor;
        case Read: return r.total.read;
        case Inserted: return r.total.inserted;
        case Updated: return r.total.updated;
        case Rejected: return r.total.rejected;
        }
    } else if (role == Qt::ToolTipRole && !r.message.isEmpty()) {
        return r.message;
    } else if (role == Qt::TextAlignmentRole && index.column() >= Read) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::UserRole) {
        return r.status; // for views that colour by status
    }
    return {};
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RunId: return tr("Run");
    case Pipeline: return tr("Pipeline");
    case Status: return tr("Status");
    case Started: return tr("Started (UTC)");
    case Ended: return tr("Ended (UTC)");
    case Actor: return tr("User");
    case Read: return tr("Read");
    case Inserted: return tr("Inserted");
    case Updated: return tr("Updated");
    case Rejected: return tr("Rejected");
    }
    return {};
}

} // namespace tb::core
