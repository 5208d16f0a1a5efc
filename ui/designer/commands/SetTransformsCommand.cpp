#include "designer/commands/SetTransformsCommand.h"

#include "mapping/MappingModel.h"

namespace tb::ui {

SetTransformsCommand::SetTransformsCommand(core::MappingModel* model, const QString& target,
                                           const QVector<core::TransformSpec>& chain, const QString& text,
                                           QUndoCommand* parent)
    : QUndoCommand(text, parent), m_model(model), m_target(target), m_before(model->transforms(target)),
      m_after(chain)
{
}

void SetTransformsCommand::redo()
{
    m_model->setTransforms(m_target, m_after);
}

void SetTransformsCommand::undo()
{
    m_model->setTransforms(m_target, m_before);
}

} // namespace tb::ui
