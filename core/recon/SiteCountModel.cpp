#include "recon/SiteCountModel.h"

#include "load/CtmsDatabase.h"
#include "recon/TargetReader.h"

#include <QSqlError>
#include <QSqlQuery>

namespace tb::core {

SiteCountModel::SiteCountModel(QObject* parent) : QAbstractTableModel(parent) {}

void SiteCountModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

bool SiteCountModel::load(const QString& databasePath, QString* error)
{
    TargetReader target;
    if (!target.open(databasePath, error)) {
        clear();
        return false;
    }
    // Grouped counts joined to the sites: one pass over each table instead of a subquery per site.
    QSqlQuery q(target.sql());
    if (!q.exec(QStringLiteral(
            "SELECT si.study_id, si.site_id, si.name, COALESCE(s.n, 0), COALESCE(v.n, 0), COALESCE(a.n, 0) FROM site si "
            "LEFT JOIN (SELECT study_id, site_id, COUNT(*) AS n FROM subject GROUP BY study_id, site_id) s "
            "  ON s.study_id = si.study_id AND s.site_id = si.site_id "
            "LEFT JOIN (SELECT sj.study_id, sj.site_id, COUNT(*) AS n FROM visit x JOIN subject sj "
            "  ON sj.study_id = x.study_id AND sj.subject_id = x.subject_id GROUP BY sj.study_id, sj.site_id) v "
            "  ON v.study_id = si.study_id AND v.site_id = si.site_id "
            "LEFT JOIN (SELECT sj.study_id, sj.site_id, COUNT(*) AS n FROM adverse_event x JOIN subject sj "
            "  ON sj.study_id = x.study_id AND sj.subject_id = x.subject_id GROUP BY sj.study_id, sj.site_id) a "
            "  ON a.study_id = si.study_id AND a.site_id = si.site_id "
            "ORDER BY si.study_id, si.site_id"))) {
        *error = QStringLiteral("%1: cannot count the rows per site: %2")
                     .arg(databasePath, CtmsDatabase::errorText(q.lastError()));
        clear();
        return false;
    }
    QVector<Row> rows;
    while (q.next())
        rows << Row{q.value(0).toString(),   q.value(1).toString(),   q.value(2).toString(),
                    q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toLongLong()};
    // next() is false at the end and on a failed read alike: counts cut short must not be shown as the target's.
    if (q.lastError().isValid()) {
        *error = QStringLiteral("%1: cannot count the rows per site: %2")
                     .arg(databasePath, CtmsDatabase::errorText(q.lastError()));
        clear();
        return false;
    }
    q.finish();
    beginResetModel();
    m_rows = rows;
    endResetModel();
    return true;
}

SiteCountModel::Row SiteCountModel::total() const
{
    Row t;
    for (const Row& r : m_rows) {
        t.subjects += r.subjects;
        t.visits += r.visits;
        t.adverseEvents += r.adverseEvents;
    }
    return t;
}

int SiteCountModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SiteCountModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SiteCountModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& r = m_rows[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Study: return r.study;
        case Site: return r.site;
        case Name: return r.name;
        case Subjects: return r.subjects;
        case Visits: return r.visits;
        case AdverseEvents: return r.adverseEvents;
        }
    } else if (role == Qt::TextAlignmentRole && index.column() >= Subjects) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant SiteCountModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Study: return tr("Study");
    case Site: return tr("Site");
    case Name: return tr("Name");
    case Subjects: return tr("Subjects");
    case Visits: return tr("Visits");
    case AdverseEvents: return tr("Adverse events");
    }
    return {};
}

} // namespace tb::core
