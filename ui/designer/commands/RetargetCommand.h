#pragma once

#include <QCoreApplication>
#include <QUndoCommand>

namespace tb::core {
class MappingModel;
}

namespace tb::ui {

// Moves a link's target end to another field (as its last source); undo puts it back at its place and
// gives the new target back a constant or parameter the link replaced.
class RetargetCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(tb::ui::RetargetCommand)
public:
    RetargetCommand(core::MappingModel* model, int linkId, const QString& target, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    core::MappingModel* m_model;
    int m_id;
    QString m_oldTarget, m_target;
    int m_oldPosition;
    QString m_oldConst, m_oldParam; // of the new target
};

} // namespace tb::ui
