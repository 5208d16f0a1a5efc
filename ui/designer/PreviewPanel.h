#pragma once

#include "mapping/MappingPreview.h"

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QSpinBox;
class QStackedWidget;
class QTableView;

namespace tb::core {
class MappingModel;
class SourceSchemaModel;
} // namespace tb::core

namespace tb::ui {

class PreviewModel;

// The designer's live preview: the first N records of the sample run through the mapping as it stands
// (core::MappingPreview), shown as target rows with invalid cells highlighted. Follows every edit of the
// mapping model and every new sample, debounced; computed on a pool thread, and a result that an edit made
// stale in the meantime is dropped (generation counter), so typing stays smooth. When the mapping cannot be
// planned the panel shows why instead of rows.
class PreviewPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int DebounceMs = 150;

    PreviewPanel(core::MappingModel* mapping, core::SourceSchemaModel* source, QWidget* parent = nullptr);
    ~PreviewPanel() override;

    // The study document and root sources of the pipeline around the mapping (see
    // MappingPreview::contextFor).
    void setContext(const core::MappingPreview::Context& context);
    // The mapping's file, for messages.
    void setMappingFile(const QString& path);

    PreviewModel* previewModel() const { return m_model; }
    QTableView* table() const { return m_table; }
    QSpinBox* limitBox() const { return m_limit; }
    QCheckBox* pauseBox() const { return m_pause; }
    QLabel* statusLabel() const { return m_status; }
    QLabel* errorLabel() const { return m_error; }
    QLabel* notesLabel() const { return m_notes; }
    bool isShowingError() const;
    // Edits seen so far, and the edit whose result is shown (equal when the preview is up to date).
    quint64 generation() const { return m_generation; }
    quint64 shownGeneration() const { return m_shown; }

signals:
    void updated();

private:
    void schedule();
    void start();
    void showResult(quint64 generation, const core::MappingPreview::Result& result);

    core::MappingModel* m_mapping;
    core::SourceSchemaModel* m_source;
    core::MappingPreview::Context m_context;
    QString m_mappingFile;
    PreviewModel* m_model;
    QTimer m_debounce;
    quint64 m_generation = 0;
    quint64 m_shown = 0;

    QSpinBox* m_limit;
    QCheckBox* m_pause;
    QLabel* m_status;
    QStackedWidget* m_stack;
    QTableView* m_table;
    QLabel* m_error;
    QLabel* m_notes;
};

} // namespace tb::ui
