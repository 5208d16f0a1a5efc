#pragma once

#include "run/RunResult.h"
#include "util/Clock.h"
#include "workspace/Workspace.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <QVector>

namespace tb::core {

// The workspace's pipelines (*.pipeline.json) as a table: each with its steps, its target and the last
// production run recorded in that target (read-only). A document that does not validate stays in the list
// with its problems, each naming the file and the JSON path, so that it can be fixed rather than vanish.
class PipelineListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, File, Steps, Target, Schedule, LastRun, Status, Started, Read, Rejected, ColumnCount };
    enum Role { ProblemRole = Qt::UserRole, StatusRole };

    struct Step
    {
        QString source, mapping, entity;
        QString kind;        // file, drop, or the mapping's remote source kind (redcap, rest)
        QString dropPattern;
    };

    struct Run
    {
        qint64 id = 0;       // 0: never run (or the target cannot be read)
        QString status, started, ended;
        EntityCounts total;
    };

    struct Pipeline
    {
        QString file;        // relative to the workspace
        QString path;        // absolute
        QString name, description, target;
        QVector<Step> steps;
        QStringList problems; // "FILE: JSON.PATH: message"; empty when the document is valid
        Run lastRun;
        QString runError;    // why the target's run table could not be read (not a document problem)
        QString schedule;    // cron expression; empty when the pipeline runs only when asked
        QString scheduleZone; // IANA id
        bool schedulePaused = false;
        QDateTime nextRun;   // UTC, the schedule's next occurrence when the list was read (if not paused)
        bool isValid() const { return problems.isEmpty(); }
    };

    explicit PipelineListModel(QObject* parent = nullptr);
    void setClock(const Clock* clock) { m_clock = clock; } // what "next run" counts from

    // "30 2 * * * (Europe/Berlin), next 2026-12-04 02:30" or "..., paused"; empty without a schedule.
    static QString describeSchedule(const Pipeline& p);

    void load(const Workspace& workspace);
    void clear();
    const Pipeline& pipeline(int row) const { return m_pipelines[row]; }
    int rowOf(const QString& absolutePath) const; // -1 when not listed

    // "edc/visits.csv → visits.mapping.json → visit", for a step of a pipeline.
    static QString describe(const Step& step);
    // The last production run of a pipeline in a target database; false with error when the target cannot be read.
    static bool lastRun(const QString& databasePath, const QString& pipelineName, Run* out, QString* error);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Pipeline read(const Workspace& workspace, const QString& relative) const;

    QVector<Pipeline> m_pipelines;
    const Clock* m_clock = &Clock::system();
};

} // namespace tb::core
