#pragma once

#include "mapping/AutoMapper.h"

#include <QAbstractTableModel>
#include <QVector>

namespace tb::ui {

// Auto-map's proposals for the designer's dialog, one row each: source column, target field, confidence,
// reason, and what the user decided (pending, accepted, rejected).
class AutoMapModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SourceColumn, TargetColumn, ConfidenceColumn, ReasonColumn, StateColumn, ColumnCount };
    enum class State { Pending, Accepted, Rejected };
    enum Role {
        ConfidenceRole = Qt::UserRole + 1, // double 0..1
        StateRole,                         // int (State)
    };

    explicit AutoMapModel(QObject* parent = nullptr);

    void setProposals(const QVector<core::AutoMapProposal>& proposals);
    const QVector<core::AutoMapProposal>& proposals() const { return m_proposals; }
    const core::AutoMapProposal& proposal(int row) const { return m_proposals.at(row); }
    State state(int row) const { return m_states.at(row); }
    void setState(int row, State state);
    int pendingCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<core::AutoMapProposal> m_proposals;
    QVector<State> m_states;
};

} // namespace tb::ui
