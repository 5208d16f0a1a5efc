#pragma once

#include "mapping/MappingDocument.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QStackedWidget;
class QToolButton;
class QUndoStack;

namespace tb::core {
class MappingModel;
class SourceSchemaModel;
}

namespace tb::ui {

class DateTransformEditor;
class DesignerScene;
class ValueMapEditor;

// The designer's side panel for the selected link (or target field): the target field, its source columns
// and its transform chain, with Add (a menu of the transform kinds), Up, Down, Remove and an editor for the
// selected transform — the value map editor, the date editor, or the parameters as JSON for the others. It
// mirrors the MappingModel: every change is a SetTransformsCommand on the designer's undo stack.
class TransformPanel : public QWidget
{
    Q_OBJECT
public:
    TransformPanel(core::MappingModel* mapping, core::SourceSchemaModel* source, DesignerScene* scene,
                   QUndoStack* undoStack, QWidget* parent = nullptr);

    // The target field whose chain is shown (empty: none) and the link's column ("Profile values" reads it).
    void showTarget(const QString& target, const QString& column);
    QString target() const { return m_target; }
    QString column() const { return m_column; }

    int currentTransform() const; // -1 when none
    void setCurrentTransform(int index);
    // Each is one undo command; false when there is nothing to do.
    bool addTransform(const QString& name);
    bool moveCurrent(int delta);
    bool removeCurrent();
    // What a new transform of that kind starts with, for the target field (a value map takes its codelist).
    QJsonValue defaultParameters(const QString& name) const;

    QLabel* targetLabel() const { return m_targetLabel; }
    QLabel* sourcesLabel() const { return m_sourcesLabel; }
    QListWidget* transformList() const { return m_list; }
    QToolButton* addButton() const { return m_add; }
    QMenu* addMenu() const { return m_addMenu; }
    QToolButton* upButton() const { return m_up; }
    QToolButton* downButton() const { return m_down; }
    QToolButton* removeButton() const { return m_remove; }
    QStackedWidget* editorStack() const { return m_editors; }
    ValueMapEditor* valueMapEditor() const { return m_valueMap; }
    DateTransformEditor* dateEditor() const { return m_date; }
    QLineEdit* parameterEdit() const { return m_parameters; }
    QLabel* transformError() const { return m_error; }

private:
    void followSelection();
    void refresh();
    void showEditor();
    void updateButtons();
    void replaceCurrent(const QJsonValue& params, const QString& text);
    void push(const QVector<core::TransformSpec>& chain, const QString& text, int selectAfter);
    QString summary(const core::TransformSpec& spec) const;
    QString fieldCodelist() const;

    core::MappingModel* m_mapping;
    core::SourceSchemaModel* m_source;
    DesignerScene* m_scene;
    QUndoStack* m_undo;
    QString m_target, m_column;
    QVector<core::TransformSpec> m_chain;
    int m_pendingRow = -1;
    // The transform the editor shows, to keep its profile while the same one is edited.
    QString m_editorTarget;
    int m_editorRow = -1;
    QString m_editorName;

    QLabel* m_targetLabel;
    QLabel* m_sourcesLabel;
    QListWidget* m_list;
    QToolButton* m_add;
    QMenu* m_addMenu;
    QToolButton* m_up;
    QToolButton* m_down;
    QToolButton* m_remove;
    QLabel* m_error;
    QStackedWidget* m_editors;
    QLabel* m_noEditor;
    ValueMapEditor* m_valueMap;
    DateTransformEditor* m_date;
    QWidget* m_generic;
    QLineEdit* m_parameters;
    QLabel* m_parametersHelp;
};

} // namespace tb::ui
