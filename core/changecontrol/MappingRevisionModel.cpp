#include "changecontrol/MappingRevisionModel.h"

#include "changecontrol/ChangeControl.h"
#include "esign/SignatureLog.h"
#include "load/CtmsDatabase.h"

#include <QFileInfo>

namespace tb::core {

MappingRevisionModel::MappingRevisionModel(QObject* parent) : QAbstractTableModel(parent) {}

bool MappingRevisionModel::load(const QString& databasePath, QString* error)
{
    std::vector<Row> rows;
    bool required = false;
    if (QFileInfo::exists(databasePath)) {
        CtmsDatabase db;
        std::vector<MappingRevision> list;
        if (!db.open(databasePath, error) || !ChangeControl::approvalRequired(db.handle(), &required, error)
            || !ChangeControl::revisions(db.handle(), {}, &list, error))
            return false;
        for (MappingRevision& r : list) {
            Row row{std::move(r), {}};
            if (!SignatureLog::list(db, row.revision.contentHash, &row.signatures, error))
                return false;
            rows.push_back(std::move(row));
        }
    }
    beginResetModel();
    m_rows = std::move(rows);
    m_required = required;
    endResetModel();
    return true;
}

void MappingRevisionModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_required = false;
    endResetModel();
}

int MappingRevisionModel::previousRevisionRow(int row) const
{
    int best = -1;
    const MappingRevision& r = revision(row);
    for (int i = 0; i < rowCount(); ++i) {
        const MappingRevision& o = revision(i);
        if (o.mapping == r.mapping && o.revision < r.revision && (best < 0 || o.revision > revision(best).revision))
            best = i;
    }
    return best;
}

int MappingRevisionModel::rowOf(const QString& mapping, int rev) const
{
    for (int i = 0; i < rowCount(); ++i)
        if (revision(i).mapping == mapping && revision(i).revision == rev)
            return i;
    return -1;
}

int MappingRevisionModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MappingRevisionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MappingRevisionModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = m_rows[size_t(index.row())];
    const MappingRevision& r = row.revision;
    if (role == Qt::TextAlignmentRole && index.column() == Revision)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Mapping: return r.mapping;
    case Revision: return r.revision;
    case State:
        switch (r.state) {
        case MappingRevision::State::InReview: return tr("in review");
        case MappingRevision::State::Approved: return tr("approved");
        case MappingRevision::State::Rejected: return tr("rejected");
        case MappingRevision::State::Retired: return tr("retired");
        }
        return {};
    case Since: return r.stateUtc;
    case Author: return r.authorId;
    case Signatures: {
        QStringList s;
        for (const ElectronicSignature& sig : row.signatures)
            s << QStringLiteral("%1: %2").arg(ElectronicSignature::meaningName(sig.meaning), sig.printedName);
        return s.join(QStringLiteral(", "));
    }
    case ColumnCount: break;
    }
    return {};
}

QVariant MappingRevisionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Mapping: return tr("Mapping");
    case Revision: return tr("Revision");
    case State: return tr("State");
    case Since: return tr("Since (UTC)");
    case Author: return tr("Author");
    case Signatures: return tr("Signatures");
    case ColumnCount: break;
    }
    return {};
}

} // namespace tb::core
