#include "designer/AutoMapDialog.h"

#include "designer/AutoMapModel.h"
#include "designer/commands/ConnectCommand.h"
#include "mapping/MappingModel.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

namespace tb::ui {

AutoMapDialog::AutoMapDialog(core::MappingModel* mapping, QUndoStack* undoStack, QWidget* parent)
    : QDialog(parent), m_mapping(mapping), m_undo(undoStack)
{
    setObjectName(QStringLiteral("autoMapDialog"));
    setWindowTitle(tr("Auto-map"));
    m_proposals = new AutoMapModel(this);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("autoMapSummary"));
    m_summary->setWordWrap(true);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("autoMapTable"));
    m_table->setAccessibleName(tr("Proposed links"));
    m_table->setModel(m_proposals);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_accept = new QPushButton(tr("&Accept"));
    m_accept->setObjectName(QStringLiteral("acceptProposal"));
    m_accept->setToolTip(tr("Connect the selected proposal's column to its field"));
    m_reject = new QPushButton(tr("&Reject"));
    m_reject->setObjectName(QStringLiteral("rejectProposal"));
    m_reject->setToolTip(tr("Leave the selected proposal out"));
    m_minimum = new QSpinBox;
    m_minimum->setObjectName(QStringLiteral("minimumConfidence"));
    m_minimum->setRange(0, 100);
    m_minimum->setSuffix(tr(" %"));
    m_minimum->setValue(90);
    m_minimum->setAccessibleName(tr("Minimum confidence"));
    m_acceptAll = new QPushButton(tr("Accept all &above"));
    m_acceptAll->setObjectName(QStringLiteral("acceptAllProposals"));
    m_acceptAll->setToolTip(tr("Accept every proposed link with at least this confidence, as one undo step"));
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_accept);
    buttons->addWidget(m_reject);
    buttons->addSpacing(16);
    buttons->addWidget(m_acceptAll);
    buttons->addWidget(m_minimum);
    buttons->addStretch(1);
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    resize(720, 420);

    connect(m_accept, &QPushButton::clicked, this, [this] { acceptProposal(currentRow()); });
    connect(m_reject, &QPushButton::clicked, this, [this] { rejectProposal(currentRow()); });
    connect(m_acceptAll, &QPushButton::clicked, this, [this] { acceptAllAbove(m_minimum->value()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AutoMapDialog::updateButtons);
    connect(m_proposals, &QAbstractItemModel::dataChanged, this, &AutoMapDialog::updateButtons);
    connect(m_proposals, &QAbstractItemModel::modelReset, this, &AutoMapDialog::updateButtons);
    connect(m_mapping, &core::MappingModel::changed, this, &AutoMapDialog::followMapping);
    updateButtons();
}

void AutoMapDialog::setProposals(const QVector<core::AutoMapProposal>& proposals)
{
    m_proposals->setProposals(proposals);
    if (!proposals.isEmpty())
        m_table->selectRow(0);
}

int AutoMapDialog::currentRow() const
{
    const QModelIndex i = m_table->selectionModel()->currentIndex();
    return i.isValid() ? i.row() : -1;
}

bool AutoMapDialog::acceptProposal(int row)
{
    if (row < 0 || row >= m_proposals->rowCount() || m_proposals->state(row) != AutoMapModel::State::Pending)
        return false;
    const core::AutoMapProposal& p = m_proposals->proposal(row);
    // A link the user drew meanwhile is not drawn twice.
    if (!m_mapping->findLink(p.column, p.target))
        m_undo->push(new ConnectCommand(m_mapping, p.column, p.target));
    m_proposals->setState(row, AutoMapModel::State::Accepted);
    // On to the next pending row, so that Accept / Reject can be pressed in a row.
    for (int r = row + 1; r < m_proposals->rowCount(); ++r)
        if (m_proposals->state(r) == AutoMapModel::State::Pending) {
            m_table->selectRow(r);
            break;
        }
    return true;
}

bool AutoMapDialog::rejectProposal(int row)
{
    if (row < 0 || row >= m_proposals->rowCount() || m_proposals->state(row) != AutoMapModel::State::Pending)
        return false;
    m_proposals->setState(row, AutoMapModel::State::Rejected);
    for (int r = row + 1; r < m_proposals->rowCount(); ++r)
        if (m_proposals->state(r) == AutoMapModel::State::Pending) {
            m_table->selectRow(r);
            break;
        }
    return true;
}

int AutoMapDialog::acceptAllAbove(int percent)
{
    QVector<int> rows;
    for (int r = 0; r < m_proposals->rowCount(); ++r)
        if (m_proposals->state(r) == AutoMapModel::State::Pending
            && std::lround(m_proposals->proposal(r).confidence * 100) >= percent)
            rows << r;
    if (rows.isEmpty())
        return 0;
    m_undo->beginMacro(tr("Auto-map %n link(s)", nullptr, int(rows.size())));
    for (int r : std::as_const(rows)) {
        const core::AutoMapProposal& p = m_proposals->proposal(r);
        if (!m_mapping->findLink(p.column, p.target))
            m_undo->push(new ConnectCommand(m_mapping, p.column, p.target));
        m_proposals->setState(r, AutoMapModel::State::Accepted);
    }
    m_undo->endMacro();
    return int(rows.size());
}

void AutoMapDialog::followMapping()
{
    // Rejections are the user's word, not the mapping's: they stay.
    for (int r = 0; r < m_proposals->rowCount(); ++r) {
        const AutoMapModel::State s = m_proposals->state(r);
        if (s == AutoMapModel::State::Rejected)
            continue;
        const core::AutoMapProposal& p = m_proposals->proposal(r);
        m_proposals->setState(r, m_mapping->findLink(p.column, p.target) ? AutoMapModel::State::Accepted
                                                                         : AutoMapModel::State::Pending);
    }
}

void AutoMapDialog::updateButtons()
{
    const int row = currentRow();
    const bool pending = row >= 0 && m_proposals->state(row) == AutoMapModel::State::Pending;
    m_accept->setEnabled(pending);
    m_reject->setEnabled(pending);
    m_acceptAll->setEnabled(m_proposals->pendingCount() > 0);
    if (m_proposals->rowCount() == 0)
        m_summary->setText(tr("No proposals: every field is mapped, or no source column resembles an unmapped field."));
    else
        m_summary->setText(tr("%1 proposed link(s), %2 still to decide. Accepting one connects it (undo with Ctrl+Z).")
                               .arg(m_proposals->rowCount())
                               .arg(m_proposals->pendingCount()));
}

} // namespace tb::ui
