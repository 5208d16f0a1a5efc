#pragma once

#include "run/RunResult.h"

#include <QAbstractTableModel>
#include <QVector>

namespace tb::core {

// The run history of a target database as a table (newest first): the engine's view that the console's
// Runs page and later the monitoring dashboards show. Reads through its own connection.
class RunHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { RunId, Pipeline, Status, Started, Ended, Actor, Read, Inserted, Updated, Rejected, ColumnCount };

    struct Run
    {
        qint64 id = 0;
        QString pipeline, status, started, ended, actor, message;
        QVector<QPair<QString, EntityCounts>> entities;
        EntityCounts total;
    };

    struct Reject
    {
        QString sourceRef, rule, message;
    };

    explicit RunHistoryModel(QObject* parent = nullptr);

    // Loads the runs of the database; false (and an empty model) with error set when it cannot be read.
    bool load(const QString& databasePath, QString* error = nullptr);
    void clear();
    QString databasePath() const { return m_path; }
    const Run& run(int row) const { return m_runs[row]; }

    // The first records a run rejected, in the order it met them (without the entries that only say a record was
    // rejected with its unit); false (and none) with error set when they cannot be read.
    static bool rejects(const QString& databasePath, qint64 runId, int limit, QVector<Reject>* out, QString* error);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString m_path;
    QVector<Run> m_runs;
};

} // namespace tb::core
