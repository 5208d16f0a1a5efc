#include "designer/commands/RetargetCommand.h"

#include "mapping/MappingModel.h"

namespace tb::ui {

RetargetCommand::RetargetCommand(core::MappingModel* model, int linkId, const QString& target, QUndoCommand* parent)
    : QUndoCommand(parent), m_model(model), m_id(linkId), m_oldTarget(model->link(linkId).target), m_target(target),
      m_oldPosition(model->positionOf(linkId)), m_oldConst(model->constValue(target)), m_oldParam(model->param(target))
{
    setText(tr("Re-target %1 from %2 to %3").arg(model->link(linkId).column, m_oldTarget, target));
}

void RetargetCommand::redo()
{
    m_model->moveLink(m_id, m_target);
}

void RetargetCommand::undo()
{
    m_model->moveLink(m_id, m_oldTarget, m_oldPosition);
    if (!m_oldConst.isNull() || !m_oldParam.isEmpty())
        m_model->setFieldValue(m_target, m_oldConst, m_oldParam);
}

} // namespace tb::ui
