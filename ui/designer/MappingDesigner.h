#pragma once

#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QGraphicsView;
class QLabel;
class QLineEdit;
class QListWidget;
class QSortFilterProxyModel;
class QToolBar;
class QUndoStack;

namespace tb::core {
class CtmsSchema;
class MappingDocument;
class MappingModel;
class SourceSchemaModel;
class TargetSchemaModel;
}

namespace tb::ui {

class AutoMapDialog;
class DesignerScene;
class PreviewPanel;
class TransformPanel;

// The mapping designer: a mapping document (*.mapping.json) as a picture — source columns on the left,
// the target entity's fields on the right, links between them (DesignerScene) — with search over the
// source, undo / redo of every edit, zoom, and the problems (unmapped required fields, broken links)
// listed below. Saving writes exactly MappingDocument::save's output, the format the CLI runs.
class MappingDesigner : public QWidget
{
    Q_OBJECT
public:
    explicit MappingDesigner(QWidget* parent = nullptr);
    // Another target schema than the built-in CTMS one (the benchmark's 120-field entity).
    explicit MappingDesigner(std::shared_ptr<const core::CtmsSchema> schema, QWidget* parent = nullptr);
    ~MappingDesigner() override;

    // Opens a mapping; sample (optional) is a source file whose columns make the source tree (else the
    // columns the mapping names). False with error naming the file and place; a bad sample still opens the
    // mapping (its columns only) and reports the sample's error.
    bool openMapping(const QString& path, const QString& sample, QString* error);
    // What the Open button does with the chosen file: the open handler first (the Mappings page opens a mapping of
    // its workspace as if picked from its list, with the pipeline's study and sample); otherwise openAlone, its
    // error in a message box.
    void openChosen(const QString& path);
    // Opens a mapping without a pipeline (no study document, its own columns) after asking about unsaved changes.
    // False when the file cannot be read (error names file and place; nothing changes) or the user cancels (error
    // empty).
    bool openAlone(const QString& path, QString* error);
    // Returns true when it took the file over.
    void setOpenHandler(std::function<bool(const QString& path)> handler) { m_openHandler = std::move(handler); }
    void setDocument(const core::MappingDocument& doc, const QString& path = {});
    bool loadSample(const QString& path, QString* error);
    void closeMapping();
    bool save(QString* error);
    bool saveAs(const QString& path, QString* error);
    // Asks whether to save unsaved changes (Save, Discard, Cancel); false when the user cancels.
    bool maybeSave();

    QString fileName() const { return m_fileName; }
    QString sampleFile() const;
    bool hasDocument() const { return m_hasDocument; }
    bool isModified() const;

    core::MappingModel* model() const { return m_model; }
    core::SourceSchemaModel* sourceModel() const { return m_source; }
    QSortFilterProxyModel* sourceFilter() const { return m_filter; }
    core::TargetSchemaModel* targetModel() const { return m_target; }
    DesignerScene* scene() const { return m_scene; }
    TransformPanel* transformPanel() const { return m_transforms; }
    // The live preview below the problems (issue 6).
    PreviewPanel* previewPanel() const { return m_preview; }
    QGraphicsView* view() const { return m_view; }
    QUndoStack* undoStack() const { return m_undo; }
    QLineEdit* searchField() const { return m_search; }
    QListWidget* problemList() const { return m_problems; }
    QLabel* statusLabel() const { return m_status; }
    QAction* connectAction() const { return m_connect; }
    QAction* deleteAction() const { return m_delete; }
    QAction* cutAction() const { return m_cut; }
    QAction* copyAction() const { return m_copy; }
    QAction* pasteAction() const { return m_paste; }
    QAction* undoAction() const { return m_undoAction; }
    QAction* redoAction() const { return m_redoAction; }
    QAction* saveAction() const { return m_save; }
    QAction* zoomInAction() const { return m_zoomIn; }
    QAction* zoomOutAction() const { return m_zoomOut; }
    QAction* fitAction() const { return m_fit; }
    QAction* autoMapAction() const { return m_autoMap; }
    // Null until auto-map was first opened.
    AutoMapDialog* autoMapDialog() const { return m_autoMapDialog; }
    qreal zoom() const;

    void zoomIn();
    void zoomOut();
    void fitToView();
    // Proposes links for the unmapped fields (core::AutoMapper) in the auto-map dialog.
    void showAutoMap();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

signals:
    void saved(const QString& path);
    void modifiedChanged(bool modified);

private:
    void chooseMapping();
    void useMappingColumns();
    void chooseSample();
    void updateTitle();
    void updateActions();
    void updateProblems();
    void showProblem();
    void setZoom(qreal zoom);
    void fitWidth();

    core::MappingModel* m_model;
    core::SourceSchemaModel* m_source;
    QSortFilterProxyModel* m_filter;
    core::TargetSchemaModel* m_target;
    QUndoStack* m_undo;
    DesignerScene* m_scene;
    TransformPanel* m_transforms;
    PreviewPanel* m_preview;
    QString m_fileName;
    std::function<bool(const QString&)> m_openHandler;
    bool m_hasDocument = false;
    bool m_fitWidth = true; // follow the view's width until the user zooms

    QToolBar* m_toolBar;
    QLabel* m_title;
    QLineEdit* m_search;
    QGraphicsView* m_view;
    QListWidget* m_problems;
    QLabel* m_status;
    QAction* m_open;
    QAction* m_openSample;
    QAction* m_save;
    QAction* m_undoAction;
    QAction* m_redoAction;
    QAction* m_connect;
    QAction* m_delete;
    QAction* m_cut;
    QAction* m_copy;
    QAction* m_paste;
    QAction* m_zoomIn;
    QAction* m_zoomOut;
    QAction* m_fit;
    QAction* m_autoMap;
    AutoMapDialog* m_autoMapDialog = nullptr;
};

} // namespace tb::ui
