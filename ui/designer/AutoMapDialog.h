#pragma once

#include "mapping/AutoMapper.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;
class QUndoStack;

namespace tb::core {
class MappingModel;
}

namespace tb::ui {

class AutoMapModel;

// Auto-map's proposals for the open mapping: one row each with confidence and reason, accepted or rejected
// one by one, or all pending ones at or above a confidence at once. Accepting connects through
// ConnectCommand: one undo step per accepted row, one macro for "accept all". A row's "accepted" follows the
// mapping: undoing its link makes it a proposal again, redoing it (or drawing the same link) accepts it.
class AutoMapDialog : public QDialog
{
    Q_OBJECT
public:
    AutoMapDialog(core::MappingModel* mapping, QUndoStack* undoStack, QWidget* parent = nullptr);

    void setProposals(const QVector<core::AutoMapProposal>& proposals);

    // False when the row is not pending.
    bool acceptProposal(int row);
    bool rejectProposal(int row);
    // Accepts every pending row with a confidence of at least percent; returns how many.
    int acceptAllAbove(int percent);

    AutoMapModel* proposalModel() const { return m_proposals; }
    QTableView* table() const { return m_table; }
    QPushButton* acceptButton() const { return m_accept; }
    QPushButton* rejectButton() const { return m_reject; }
    QPushButton* acceptAllButton() const { return m_acceptAll; }
    QSpinBox* minimumConfidence() const { return m_minimum; }
    QLabel* summaryLabel() const { return m_summary; }

private:
    int currentRow() const;
    void updateButtons();
    void followMapping();

    core::MappingModel* m_mapping;
    QUndoStack* m_undo;
    AutoMapModel* m_proposals;
    QTableView* m_table;
    QLabel* m_summary;
    QPushButton* m_accept;
    QPushButton* m_reject;
    QPushButton* m_acceptAll;
    QSpinBox* m_minimum;
};

} // namespace tb::ui
