#include "designer/AutoMapModel.h"

#include <QBrush>
#include <QPalette>

#include <algorithm>
#include <cmath>

namespace tb::ui {

AutoMapModel::AutoMapModel(QObject* parent) : QAbstractTableModel(parent) {}

void AutoMapModel::setProposals(const QVector<core::AutoMapProposal>& proposals)
{
    beginResetModel();
    m_proposals = proposals;
    m_states = QVector<State>(proposals.size(), State::Pending);
    endResetModel();
}

void AutoMapModel::setState(int row, State state)
{
    if (row < 0 || row >= m_states.size() || m_states[row] == state)
        return;
    m_states[row] = state;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int AutoMapModel::pendingCount() const
{
    return int(std::count(m_states.cbegin(), m_states.cend(), State::Pending));
}

int AutoMapModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_proposals.size());
}

int AutoMapModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AutoMapModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::AutoMapProposal& p = m_proposals.at(index.row());
    const State s = m_states.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SourceColumn: return p.column;
        case TargetColumn: return p.target;
        case ConfidenceColumn: return tr("%1 %").arg(int(std::lround(p.confidence * 100)));
        case ReasonColumn: return p.reasonText();
        case StateColumn:
            return s == State::Accepted ? tr("Accepted") : s == State::Rejected ? tr("Rejected") : tr("Proposed");
        }
        return {};
    case Qt::ToolTipRole:
        return tr("%1 → %2: %3").arg(p.column, p.target, p.reasonText());
    case Qt::TextAlignmentRole:
        if (index.column() == ConfidenceColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        // Decided rows step back; the pending ones are what is left to look at.
        if (s != State::Pending)
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case ConfidenceRole:
        return p.confidence;
    case StateRole:
        return int(s);
    }
    return {};
}

QVariant AutoMapModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SourceColumn: return tr("Source column");
    case TargetColumn: return tr("Target field");
    case ConfidenceColumn: return tr("Confidence");
    case ReasonColumn: return tr("Reason");
    case StateColumn: return tr("Decision");
    }
    return {};
}

} // namespace tb::ui
