#pragma once

#include "mapping/MappingModel.h"

#include <QCoreApplication>
#include <QUndoCommand>
#include <QVector>

namespace tb::ui {

// Removes links; undo puts each back with its id at its place among its target's sources.
class RemoveLinksCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(tb::ui::RemoveLinksCommand)
public:
    RemoveLinksCommand(core::MappingModel* model, const QVector<int>& ids, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    struct Removed
    {
        core::MappingLink link;
        int position = 0;
    };
    core::MappingModel* m_model;
    QVector<Removed> m_removed; // in the model's link order
};

} // namespace tb::ui
