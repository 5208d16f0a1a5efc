#pragma once

#include "workspace/Workspace.h"

#include <QWidget>

class QLabel;
class QListWidget;

namespace tb::core {
class PipelineDocument;
}

namespace tb::ui {

class MappingDesigner;

// The workspace's mappings (*.mapping.json) and the designer for the chosen one. A mapping that a pipeline
// step uses gets that step's source file as its sample, so that the designer shows every column the source
// has and which links are broken.
class MappingsPage : public QWidget
{
    Q_OBJECT
public:
    explicit MappingsPage(QWidget* parent = nullptr);

    void setWorkspace(const core::Workspace& workspace);
    QListWidget* mappingList() const { return m_list; }
    MappingDesigner* designer() const { return m_designer; }
    // Opens a mapping by its path relative to the workspace; false when it is not listed or cannot be read.
    bool selectMapping(const QString& relativePath);
    // The designer's Open button: a mapping of the workspace is selected in the list (with its pipeline's study
    // and sample, as a click on it would); any other file is opened alone, the list then selecting none.
    void openFile(const QString& path);
    // The source file of the first pipeline step that uses the mapping; empty when none names an existing one.
    QString sampleFor(const QString& mappingPath) const;
    // Where the shown mapping file stands in change control (draft, in review, approved … with its signatures)
    // in the target of the first pipeline that uses it.
    QLabel* revisionStatus() const { return m_revision; }
    // Why the last mapping chosen could not be opened (hidden when it could).
    QLabel* errorLabel() const { return m_error; }
    // Asks about unsaved changes (see MappingDesigner::maybeSave).
    bool maybeSave();

signals:
    void mappingSaved(const QString& path);

private:
    void openCurrent();
    void showRevisionStatus(const QString& mappingPath);
    // The first pipeline step that uses the mapping; false when none does.
    bool stepFor(const QString& mappingPath, core::PipelineDocument* pipeline, int* step) const;

    core::Workspace m_workspace;
    QListWidget* m_list;
    QLabel* m_error;
    QLabel* m_revision;
    MappingDesigner* m_designer;
    int m_shownRow = -1;
};

} // namespace tb::ui
