#include "designer/commands/ConnectCommand.h"

#include "mapping/MappingModel.h"

namespace tb::ui {

ConnectCommand::ConnectCommand(core::MappingModel* model, const QString& column, const QString& target,
                               QUndoCommand* parent)
    : QUndoCommand(parent), m_model(model), m_column(column), m_target(target),
      m_oldConst(model->constValue(target)), m_oldParam(model->param(target))
{
    setText(tr("Connect %1 to %2").arg(column, target));
}

void ConnectCommand::redo()
{
    m_id = m_model->addLink(m_column, m_target, -1, m_id);
}

void ConnectCommand::undo()
{
    m_model->removeLink(m_id);
    if (!m_oldConst.isNull() || !m_oldParam.isEmpty())
        m_model->setFieldValue(m_target, m_oldConst, m_oldParam);
}

} // namespace tb::ui
