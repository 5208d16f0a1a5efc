#include "designer/MappingsPage.h"

#include "changecontrol/ChangeControl.h"
#include "designer/MappingDesigner.h"
#include "designer/PreviewPanel.h"
#include "load/CtmsDatabase.h"
#include "mapping/MappingDocument.h"
#include "mapping/MappingModel.h"
#include "mapping/MappingPreview.h"
#include "run/PipelineDocument.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QSignalBlocker>
#include <QSplitter>
#include <QVBoxLayout>

namespace tb::ui {

MappingsPage::MappingsPage(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("mappingsPage"));
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("mappingList"));
    m_list->setAccessibleName(tr("Mappings"));
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("mappingError"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    m_revision = new QLabel;
    m_revision->setObjectName(QStringLiteral("mappingRevisionStatus"));
    m_revision->setWordWrap(true);
    m_revision->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_designer = new MappingDesigner;

    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(tr("&Mappings"));
    label->setBuddy(m_list);
    leftLayout->addWidget(label);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addWidget(m_error);
    leftLayout->addWidget(m_revision);

    auto* splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(m_designer);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({200, 900});
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    m_designer->setOpenHandler([this](const QString& path) {
        openFile(path);
        return true;
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &MappingsPage::openCurrent);
    connect(m_designer, &MappingDesigner::saved, this, &MappingsPage::mappingSaved);
    connect(m_designer, &MappingDesigner::saved, this, &MappingsPage::showRevisionStatus);
}

void MappingsPage::setWorkspace(const core::Workspace& workspace)
{
    m_workspace = workspace;
    const QString shown = m_shownRow >= 0 && m_list->item(m_shownRow) ? m_list->item(m_shownRow)->text() : QString();
    {
        const QSignalBlocker block(m_list);
        m_list->clear();
        m_list->addItems(workspace.documents(core::Workspace::Kind::Mapping));
    }
    m_shownRow = -1;
    m_designer->closeMapping();
    const QList<QListWidgetItem*> same = m_list->findItems(shown, Qt::MatchExactly);
    m_list->setCurrentRow(!same.isEmpty() ? m_list->row(same.first()) : m_list->count() > 0 ? 0 : -1);
}

bool MappingsPage::selectMapping(const QString& relativePath)
{
    const QList<QListWidgetItem*> found = m_list->findItems(relativePath, Qt::MatchExactly);
    if (found.isEmpty())
        return false;
    m_list->setCurrentItem(found.first());
    return m_designer->hasDocument() && m_shownRow == m_list->row(found.first());
}

void MappingsPage::openFile(const QString& path)
{
    const QString wanted = QFileInfo(path).canonicalFilePath();
    for (int row = 0; row < m_list->count(); ++row)
        if (!wanted.isEmpty()
            && QFileInfo(m_workspace.absolutePath(m_list->item(row)->text())).canonicalFilePath() == wanted) {
            m_list->setCurrentRow(row); // asks about unsaved changes and stays when the user cancels
            return;
        }
    QString error;
    if (!m_designer->openAlone(path, &error)) { // a broken file changes nothing shown
        m_error->setText(error);
        m_error->setVisible(!error.isEmpty());
        return;
    }
    {
        const QSignalBlocker block(m_list);
        m_list->setCurrentRow(-1);
    }
    m_shownRow = -1;
    showRevisionStatus({});
    m_error->setVisible(false);
}

bool MappingsPage::stepFor(const QString& mappingPath, core::PipelineDocument* pipeline, int* step) const
{
    const QString wanted = QFileInfo(mappingPath).canonicalFilePath();
    for (const QString& p : m_workspace.documents(core::Workspace::Kind::Pipeline)) {
        QString error;
        if (!core::PipelineDocument::load(m_workspace.absolutePath(p), pipeline, &error))
            continue;
        for (int i = 0; i < int(pipeline->steps.size()); ++i)
            if (QFileInfo(pipeline->resolve(pipeline->steps[i].mapping)).canonicalFilePath() == wanted) {
                *step = i;
                return true;
            }
    }
    return false;
}

QString MappingsPage::sampleFor(const QString& mappingPath) const
{
    core::PipelineDocument pipeline;
    int step = 0;
    if (!stepFor(mappingPath, &pipeline, &step))
        return {};
    const QString source = pipeline.resolve(pipeline.steps[step].source);
    return QFileInfo(source).isFile() ? source : QString();
}

void MappingsPage::showRevisionStatus(const QString& mappingPath)
{
    m_revision->clear();
    core::PipelineDocument pipeline;
    int step = 0;
    core::MappingDocument doc;
    QString error;
    if (mappingPath.isEmpty() || !stepFor(mappingPath, &pipeline, &step) || !core::MappingDocument::load(mappingPath, &doc, &error))
        return;
    const QString target = pipeline.resolve(pipeline.targetDatabase);
    core::CtmsDatabase db;
    core::ChangeControl::FileStatus status;
    if (!QFileInfo::exists(target) || !db.open(target, &error) || !core::ChangeControl::statusOf(db, doc, &status, &error)) {
        m_revision->setText(error);
        return;
    }
    m_revision->setText(tr("Change control in %1: %2").arg(QFileInfo(target).fileName(), status.describe()));
}

bool MappingsPage::maybeSave()
{
    return m_designer->maybeSave();
}

void MappingsPage::openCurrent()
{
    const int row = m_list->currentRow();
    if (row == m_shownRow)
        return;
    if (!m_designer->maybeSave()) {
        // Stay on the mapping with the unsaved changes.
        const QSignalBlocker block(m_list);
        m_list->setCurrentRow(m_shownRow);
        return;
    }
    m_shownRow = row;
    m_error->setVisible(false);
    if (row < 0) {
        m_designer->closeMapping();
        showRevisionStatus({});
        return;
    }
    const QString path = m_workspace.absolutePath(m_list->item(row)->text());
    showRevisionStatus(path);
    // The preview checks with the pipeline's study document and reads a child's roots (subjects) from it.
    core::PipelineDocument pipeline;
    int step = 0;
    m_designer->previewPanel()->setContext(stepFor(path, &pipeline, &step)
                                               ? core::MappingPreview::contextFor(pipeline, path, m_designer->model()->schema())
                                               : core::MappingPreview::Context());
    QString error;
    if (!m_designer->openMapping(path, sampleFor(path), &error)) {
        m_error->setText(error);
        m_error->setVisible(true);
    }
}

} // namespace tb::ui
