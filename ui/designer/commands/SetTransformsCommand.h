#pragma once

#include "mapping/MappingDocument.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace tb::core {
class MappingModel;
}

namespace tb::ui {

// Replaces a target field's transform chain: adding, moving, removing or editing one transform (one cell of
// a value map, one parameter field left) is one of these, with the chain before and after.
class SetTransformsCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(tb::ui::SetTransformsCommand)
public:
    SetTransformsCommand(core::MappingModel* model, const QString& target, const QVector<core::TransformSpec>& chain,
                         const QString& text, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    core::MappingModel* m_model;
    QString m_target;
    QVector<core::TransformSpec> m_before, m_after;
};

} // namespace tb::ui
