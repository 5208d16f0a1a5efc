#pragma once

#include "run/RunResult.h"

#include <QAbstractTableModel>
#include <QVector>

namespace tb::core {

// Reconciliation of one run against its target, per entity: the source rows the run read against what became
// of them (inserted + updated + unchanged + deleted + rejected + stale) — the difference must be 0 — and the
// rows the target holds now. Rows deleted together with their subject were not read, so they are left out of
// the balance (counts.deletedWithParent). Read-only, and reads targets of every schema version; the console's
// Reconciliation page shows it, later dashboards will chart it.
class ReconciliationModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Entity, Read, Inserted, Updated, Unchanged, Deleted, Rejected, Stale, Difference, InTarget, ColumnCount };
    enum Role { BalancedRole = Qt::UserRole, EntityNameRole };

    struct Row
    {
        QString entity;
        bool inRun = false;        // false: the target holds rows of an entity the run did not touch
        EntityCounts counts;
        qint64 inTarget = 0;
        qint64 difference() const;
        bool balanced() const { return !inRun || difference() == 0; }
    };

    explicit ReconciliationModel(QObject* parent = nullptr);

    // The last production run of the pipeline in the target; false with error (and an empty model) when the
    // target cannot be read or the pipeline has no run there.
    bool load(const QString& databasePath, const QString& pipelineName, QString* error);
    bool loadRun(const QString& databasePath, qint64 runId, QString* error);
    void clear();

    qint64 runId() const { return m_runId; }
    QString runStatus() const { return m_runStatus; }
    QString databasePath() const { return m_path; }
    const Row& row(int r) const { return m_rows[r]; }
    QStringList unbalancedEntities() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void reset(const QVector<Row>& rows, qint64 runId, const QString& status, const QString& path);

    QVector<Row> m_rows;
    qint64 m_runId = 0;
    QString m_runStatus;
    QString m_path;
};

} // namespace tb::core
