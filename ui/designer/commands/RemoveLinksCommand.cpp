#include "designer/commands/RemoveLinksCommand.h"

namespace tb::ui {

RemoveLinksCommand::RemoveLinksCommand(core::MappingModel* model, const QVector<int>& ids, QUndoCommand* parent)
    : QUndoCommand(parent), m_model(model)
{
    // Recorded in link order: putting them back in that order makes each one's position valid again.
    for (const core::MappingLink& l : model->links())
        if (ids.contains(l.id))
            m_removed << Removed{l, model->positionOf(l.id)};
    if (m_removed.size() == 1)
        setText(tr("Remove the link %1 → %2").arg(m_removed.first().link.column, m_removed.first().link.target));
    else
        setText(tr("Remove %1 links").arg(m_removed.size()));
}

void RemoveLinksCommand::redo()
{
    for (const Removed& r : m_removed)
        m_model->removeLink(r.link.id);
}

void RemoveLinksCommand::undo()
{
    for (const Removed& r : m_removed)
        m_model->addLink(r.link.column, r.link.target, r.position, r.link.id);
}

} // namespace tb::ui
