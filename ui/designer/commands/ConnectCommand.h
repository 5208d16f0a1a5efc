#pragma once

#include <QCoreApplication>
#include <QUndoCommand>

namespace tb::core {
class MappingModel;
}

namespace tb::ui {

// Connects a source column to a target field (as its last source). Undo removes the link and gives the
// field back the constant or study parameter the link replaced.
class ConnectCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(tb::ui::ConnectCommand)
public:
    ConnectCommand(core::MappingModel* model, const QString& column, const QString& target, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;
    int linkId() const { return m_id; }

private:
    core::MappingModel* m_model;
    QString m_column, m_target;
    QString m_oldConst, m_oldParam;
    int m_id = 0;
};

} // namespace tb::ui
