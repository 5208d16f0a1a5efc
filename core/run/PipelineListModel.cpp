#include "run/PipelineListModel.h"

#include "load/CtmsDatabase.h"
#include "mapping/MappingDocument.h"
#include "recon/TargetReader.h"
#include "run/PipelineDocument.h"

#include <QDir>
#include <QFileInfo>
#include <QTimeZone>
#include <QSqlError>
#include <QSqlQuery>

namespace tb::core {

PipelineListModel::PipelineListModel(QObject* parent) : QAbstractTableModel(parent) {}

void PipelineListModel::clear()
{
    beginResetModel();
    m_pipelines.clear();
    endResetModel();
}

void PipelineListModel::load(const Workspace& workspace)
{
    QVector<Pipeline> pipelines;
    if (workspace.isValid())
        for (const QString& relative : workspace.documents(Workspace::Kind::Pipeline))
            pipelines << read(workspace, relative);
    beginResetModel();
    m_pipelines = pipelines;
    endResetModel();
}

PipelineListModel::Pipeline PipelineListModel::read(const Workspace& workspace, const QString& relative) const
{
    Pipeline p;
    p.file = relative;
    p.path = workspace.absolutePath(relative);
    p.name = QFileInfo(relative).fileName();
    PipelineDocument doc;
    QString error;
    // The document's own messages already read "FILE: JSON.PATH: what is wrong".
    if (!PipelineDocument::load(p.path, &doc, &error)) {
        p.problems << error;
        return p;
    }
    p.name = doc.name;
    p.description = doc.description;
    if (doc.hasSchedule()) {
        p.schedule = doc.scheduleCron.trimmed();
        p.scheduleZone = QString::fromUtf8(doc.scheduleZone().id());
        p.schedulePaused = !doc.scheduleEnabled;
        if (!p.schedulePaused)
            p.nextRun = doc.schedule().next(m_clock->nowUtc());
    }
    p.target = doc.resolve(doc.targetDatabase);
    for (int i = 0; i < doc.steps.size(); ++i) {
        const PipelineDocument::Step& s = doc.steps[i];
        Step step;
        step.source = s.source;
        step.mapping = s.mapping;
        step.dropPattern = s.dropPattern;
        step.kind = s.isDrop() ? QStringLiteral("drop") : QStringLiteral("file");
        const QString where = QStringLiteral("%1: steps[%2]").arg(p.path).arg(i);
        MappingDocument mapping;
        QString mappingError;
        const QString mappingPath = doc.resolve(s.mapping);
        if (!QFileInfo::exists(mappingPath)) {
            p.problems << QStringLiteral("%1.mapping: '%2' does not exist").arg(where, s.mapping);
        } else if (!MappingDocument::load(mappingPath, &mapping, &mappingError)) {
            p.problems << QStringLiteral("%1.mapping: %2").arg(where, mappingError);
        } else {
            step.entity = mapping.targetEntity;
            if (mapping.sourceKind == QLatin1String("redcap") || mapping.sourceKind == QLatin1String("rest"))
                step.kind = mapping.sourceKind;
        }
        // A file source must be there before a run; a drop folder, a connection or an sftp drop is checked
        // by the run itself (they may be remote).
        if (step.kind == QLatin1String("file") && !QFileInfo::exists(doc.resolve(s.source)))
            p.problems << QStringLiteral("%1.source: '%2' does not exist").arg(where, s.source);
        p.steps << step;
    }
    if (!lastRun(p.target, p.name, &p.lastRun, &error) && QFileInfo::exists(p.target))
        p.runError = error;
    return p;
}

bool PipelineListModel::lastRun(const QString& databasePath, const QString& pipelineName, Run* out, QString* error)
{
    *out = Run();
    TargetReader target;
    if (!target.open(databasePath, error))
        return false;
    QSqlQuery q(target.sql());
    q.prepare(QStringLiteral("SELECT r.run_id, r.status, r.started_utc, r.ended_utc, SUM(e.read), SUM(e.inserted), "
                             "SUM(e.updated), SUM(e.deleted), SUM(e.unchanged), SUM(e.rejected), SUM(e.stale), "
                             "SUM(e.warnings) FROM run r LEFT JOIN run_entity e ON e.run_id = r.run_id "
                             "WHERE r.run_id = (SELECT MAX(run_id) FROM run WHERE pipeline = ? AND mode = 'production') "
                             "GROUP BY r.run_id"));
    q.addBindValue(pipelineName);
    if (!q.exec()) {
        *error = QStringLiteral("%1: cannot read the run table: %2")
                     .arg(databasePath, CtmsDatabase::errorText(q.lastError()));
        return false;
    }
    if (q.next()) {
        out->id = q.value(0).toLongLong();
        out->status = q.value(1).toString();
        out->started = q.value(2).toString();
        out->ended = q.value(3).toString();
        out->total.read = q.value(4).toLongLong();
        out->total.inserted = q.value(5).toLongLong();
        out->total.updated = q.value(6).toLongLong();
        out->total.deleted = q.value(7).toLongLong();
        out->total.unchanged = q.value(8).toLongLong();
        out->total.rejected = q.value(9).toLongLong();
        out->total.stale = q.value(10).toLongLong();
        out->total.warnings = q.value(11).toLongLong();
    }
    return true;
}

QString PipelineListModel::describe(const Step& step)
{
    QString source = step.source;
    if (step.kind == QLatin1String("drop"))
        source = tr("drop %1 (%2)").arg(step.source, step.dropPattern);
    else if (step.kind == QLatin1String("redcap") || step.kind == QLatin1String("rest"))
        source = tr("%1 connection %2").arg(step.kind == QLatin1String("redcap") ? QStringLiteral("REDCap")
                                                                                 : QStringLiteral("REST"),
                                            step.source);
    return QStringLiteral("%1 → %2 → %3")
        .arg(source, step.mapping, step.entity.isEmpty() ? QStringLiteral("?") : step.entity);
}

QString PipelineListModel::describeSchedule(const Pipeline& p)
{
    if (p.schedule.isEmpty())
        return {};
    if (p.schedulePaused)
        return tr("%1 (%2), paused").arg(p.schedule, p.scheduleZone);
    const QDateTime local = p.nextRun.toTimeZone(QTimeZone(p.scheduleZone.toUtf8()));
    return tr("%1 (%2), next %3 (%4 UTC)")
        .arg(p.schedule, p.scheduleZone, local.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
             p.nextRun.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

int PipelineListModel::rowOf(const QString& absolutePath) const
{
    for (int i = 0; i < m_pipelines.size(); ++i)
        if (QDir::cleanPath(m_pipelines[i].path) == QDir::cleanPath(absolutePath))
            return i;
    return -1;
}

int PipelineListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_pipelines.size());
}

int PipelineListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PipelineListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_pipelines.size())
        return {};
    const Pipeline& p = m_pipelines[index.row()];
    const bool ran = p.lastRun.id > 0;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name: return p.name;
        case File: return p.file;
        case Steps: return int(p.steps.size());
        case Target: return QFileInfo(p.target).fileName();
        case Schedule: return p.schedulePaused ? tr("%1 (paused)").arg(p.schedule) : p.schedule;
        case LastRun: return ran ? QVariant(p.lastRun.id) : QVariant();
        case Status:
            if (!p.isValid())
                return tr("invalid");
            return ran ? QString(p.lastRun.status).replace(QLatin1Char('_'), QLatin1Char(' ')) : tr("never run");
        case Started: return ran ? p.lastRun.started : QString();
        case Read: return ran ? QVariant(p.lastRun.total.read) : QVariant();
        case Rejected: return ran ? QVariant(p.lastRun.total.rejected) : QVariant();
        }
    } else if (role == Qt::ToolTipRole) {
        if (!p.isValid())
            return p.problems.join(QLatin1Char('\n'));
        if (index.column() == Target)
            return QDir::toNativeSeparators(p.target);
        if (index.column() == Schedule && !p.schedule.isEmpty())
            return describeSchedule(p);
        if (!p.runError.isEmpty())
            return p.runError;
        return p.description.isEmpty() ? QVariant() : QVariant(p.description);
    } else if (role == Qt::TextAlignmentRole && (index.column() == Steps || index.column() == LastRun
                                                || index.column() == Read || index.column() == Rejected)) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == ProblemRole) {
        return p.problems;
    } else if (role == StatusRole) {
        return p.isValid() ? p.lastRun.status : QStringLiteral("invalid");
    }
    return {};
}

QVariant PipelineListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Pipeline");
    case File: return tr("File");
    case Steps: return tr("Steps");
    case Target: return tr("Target");
    case Schedule: return tr("Schedule");
    case LastRun: return tr("Last run");
    case Status: return tr("Status");
    case Started: return tr("Started (UTC)");
    case Read: return tr("Read");
    case Rejected: return tr("Rejected");
    }
    return {};
}

} // namespace tb::core
