#include "designer/MappingDesigner.h"

#include "designer/AutoMapDialog.h"
#include "designer/DesignerScene.h"
#include "designer/LinkClipboard.h"
#include "designer/LinkItem.h"
#include "designer/PreviewPanel.h"
#include "designer/TransformPanel.h"
#include "mapping/AutoMapper.h"
#include "mapping/MappingDocument.h"
#include "mapping/MappingModel.h"
#include "mapping/SourceSchemaModel.h"
#include "style/ThemedIcon.h"
#include "mapping/TargetSchemaModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace tb::ui {

namespace {
constexpr qreal MinZoom = 0.2;
constexpr qreal MaxZoom = 3.0;
constexpr qreal ZoomStep = 1.25;
enum ProblemRole { ProblemTargetRole = Qt::UserRole + 1, ProblemLinkRole, ProblemColumnRole };
} // namespace

MappingDesigner::MappingDesigner(QWidget* parent) : MappingDesigner(core::CtmsSchema::builtIn(), parent) {}

MappingDesigner::MappingDesigner(std::shared_ptr<const core::CtmsSchema> schema, QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("mappingDesigner"));
    m_model = new core::MappingModel(std::move(schema), this);
    m_source = new core::SourceSchemaModel(this);
    m_filter = new QSortFilterProxyModel(this);
    m_filter->setSourceModel(m_source);
    m_filter->setRecursiveFilteringEnabled(true);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterKeyColumn(-1); // name, label or type
    m_target = new core::TargetSchemaModel(this);
    m_undo = new QUndoStack(this);
    m_scene = new DesignerScene(m_model, m_source, m_filter, m_target, m_undo, this);

    m_title = new QLabel(tr("No mapping open"));
    m_title->setObjectName(QStringLiteral("designerTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("sourceSearch"));
    m_search->setPlaceholderText(tr("Search the source columns (name, label, type)"));
    m_search->setAccessibleName(tr("Search the source columns"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);

    m_view = new QGraphicsView(m_scene);
    m_view->setObjectName(QStringLiteral("designerView"));
    m_view->setAccessibleName(tr("Mapping: source columns and target fields"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_view->setDragMode(QGraphicsView::NoDrag);
    m_view->setFocusPolicy(Qt::StrongFocus);
    m_view->setCacheMode(QGraphicsView::CacheBackground); // the links: see DesignerScene::drawBackground

    m_problems = new QListWidget;
    m_problems->setObjectName(QStringLiteral("problemList"));
    m_problems->setAccessibleName(tr("Problems"));
    m_problems->setMaximumHeight(96);
    m_problems->setMinimumHeight(m_problems->fontMetrics().height() * 2 + 8); // "no problems" needs one line
    connect(m_problems, &QListWidget::itemActivated, this, &MappingDesigner::showProblem);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("designerStatus"));
    connect(m_scene, &DesignerScene::message, m_status, &QLabel::setText);

    // Actions: buttons, shortcuts while the designer has the focus.
    auto action = [this](const QString& text, const QKeySequence& key, const char* icon, const char* name) {
        auto* a = new QAction(ThemedIcon::get(QLatin1String(icon)), text, this);
        a->setObjectName(QLatin1String(name));
        if (!key.isEmpty())
            a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
        return a;
    };
    m_open = action(tr("&Open Mapping…"), {}, "open", "openMapping");
    m_openSample = action(tr("Open S&ample…"), {}, "sample", "openSample");
    m_save = action(tr("&Save"), QKeySequence::Save, "save", "saveMapping");
    m_undoAction = action(tr("&Undo"), QKeySequence(Qt::CTRL | Qt::Key_Z), "undo", "undo");
    m_redoAction = action(tr("&Redo"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), "redo", "redo");
    m_connect = action(tr("&Connect"), QKeySequence(Qt::CTRL | Qt::Key_L), "link", "connect");
    m_delete = action(tr("&Delete"), QKeySequence::Delete, "delete", "deleteLinks");
    m_zoomIn = action(tr("Zoom &In"), QKeySequence::ZoomIn, "zoom-in", "zoomIn");
    m_zoomOut = action(tr("Zoom &Out"), QKeySequence::ZoomOut, "zoom-out", "zoomOut");
    m_fit = action(tr("&Fit to View"), QKeySequence(Qt::CTRL | Qt::Key_0), "zoom-fit", "fitToView");
    m_autoMap = action(tr("Auto-&map…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), "automap", "autoMap");
    m_autoMap->setToolTip(tr("Propose links for the unmapped fields by name, label and OID (Ctrl+Shift+M)"));
    connect(m_autoMap, &QAction::triggered, this, &MappingDesigner::showAutoMap);
    QAction* find = action(tr("&Find Source Column"), QKeySequence::Find, "search", "find");
    m_connect->setToolTip(tr("Connect the chosen source column to the selected target field (Ctrl+L)"));
    m_delete->setToolTip(tr("Remove the selected links, or the links of the selected fields (Del)"));
    connect(m_open, &QAction::triggered, this, &MappingDesigner::chooseMapping);
    connect(m_openSample, &QAction::triggered, this, &MappingDesigner::chooseSample);
    connect(m_save, &QAction::triggered, this, [this] {
        QString error;
        if (!save(&error) && !error.isEmpty())
            QMessageBox::warning(this, tr("Save Mapping"), error);
    });
    connect(m_undoAction, &QAction::triggered, m_undo, &QUndoStack::undo);
    connect(m_redoAction, &QAction::triggered, m_undo, &QUndoStack::redo);
    connect(m_connect, &QAction::triggered, m_scene, &DesignerScene::connectSelected);
    connect(m_delete, &QAction::triggered, m_scene, &DesignerScene::deleteSelected);
    connect(m_zoomIn, &QAction::triggered, this, &MappingDesigner::zoomIn);
    connect(m_zoomOut, &QAction::triggered, this, &MappingDesigner::zoomOut);
    connect(m_fit, &QAction::triggered, this, &MappingDesigner::fitToView);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    // Copy / paste of links: shortcuts only while the picture has the focus (the search field and the
    // transform panel's editors keep their own Ctrl+C / Ctrl+V); also the picture's context menu.
    m_cut = new QAction(ThemedIcon::get(QStringLiteral("cut")), tr("Cu&t Links"), this);
    m_copy = new QAction(ThemedIcon::get(QStringLiteral("copy")), tr("C&opy Links"), this);
    m_paste = new QAction(ThemedIcon::get(QStringLiteral("paste")), tr("&Paste Links"), this);
    m_cut->setObjectName(QStringLiteral("cutLinks"));
    m_copy->setObjectName(QStringLiteral("copyLinks"));
    m_paste->setObjectName(QStringLiteral("pasteLinks"));
    m_cut->setShortcut(QKeySequence::Cut);
    m_copy->setShortcut(QKeySequence::Copy);
    m_paste->setShortcut(QKeySequence::Paste);
    m_cut->setToolTip(tr("Cut the selected links, or the links of the selected fields (Ctrl+X)"));
    m_copy->setToolTip(tr("Copy the selected links with their transforms (Ctrl+C)"));
    m_paste->setToolTip(tr("Paste links onto the fields of the same name, or one link onto the selected field (Ctrl+V)"));
    connect(m_cut, &QAction::triggered, m_scene, &DesignerScene::cutSelected);
    connect(m_copy, &QAction::triggered, m_scene, &DesignerScene::copySelected);
    connect(m_paste, &QAction::triggered, m_scene, &DesignerScene::paste);
    connect(QApplication::clipboard(), &QClipboard::dataChanged, this, &MappingDesigner::updateActions);
    auto* editSeparator = new QAction(this);
    editSeparator->setSeparator(true);
    for (QAction* a : {m_cut, m_copy, m_paste})
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addActions({m_cut, m_copy, m_paste, editSeparator, m_connect, m_delete});
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_toolBar = new QToolBar;
    m_toolBar->setObjectName(QStringLiteral("designerToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->addActions({m_open, m_openSample, m_save});
    m_toolBar->addSeparator();
    m_toolBar->addActions({m_undoAction, m_redoAction});
    m_toolBar->addSeparator();
    m_toolBar->addActions({m_connect, m_delete, m_autoMap});
    m_toolBar->addSeparator();
    m_toolBar->addActions({m_zoomIn, m_zoomOut, m_fit});
    // Words where they explain, icons (with tool tips) where they are familiar.
    for (QAction* a : {m_undoAction, m_redoAction, m_zoomIn, m_zoomOut, m_fit})
        if (auto* button = qobject_cast<QToolButton*>(m_toolBar->widgetForAction(a)))
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);

    auto* problemsLabel = new QLabel(tr("Problems"));
    problemsLabel->setBuddy(m_problems);
    auto* lower = new QWidget;
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(problemsLabel);
    lowerLayout->addWidget(m_problems);
    // The transform panel beside the picture, always there so that selecting a link never moves the picture.
    m_transforms = new TransformPanel(m_model, m_source, m_scene, m_undo);
    auto* side = new QSplitter(Qt::Horizontal);
    side->setObjectName(QStringLiteral("designerSideSplitter"));
    side->addWidget(m_view);
    side->addWidget(m_transforms);
    side->setStretchFactor(0, 1);
    side->setChildrenCollapsible(false);
    side->setSizes({700, 360});
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(side);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 1);
    // Live preview (issue 6): follows the model's edits by itself.
    m_preview = new PreviewPanel(m_model, m_source);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(2, 1);
    splitter->setSizes({500, 70, 240}); // the picture and its transform first; the user moves them (remembered)
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_title);
    layout->addWidget(m_search);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) {
        updateTitle();
        emit modifiedChanged(!clean);
    });
    connect(m_undo, &QUndoStack::indexChanged, this, &MappingDesigner::updateActions);
    connect(m_undo, &QUndoStack::indexChanged, m_status, [this] { m_status->clear(); });
    connect(m_scene, &DesignerScene::selectionStateChanged, this, &MappingDesigner::updateActions);
    connect(m_model, &core::MappingModel::problemsChanged, this, &MappingDesigner::updateProblems);
    updateActions();
    updateProblems();
}

MappingDesigner::~MappingDesigner()
{
    // The scene refers to the models: it goes first; the undo stack's last signals reach no one.
    m_undo->blockSignals(true);
    delete m_view;
    delete m_scene;
}

bool MappingDesigner::openMapping(const QString& path, const QString& sample, QString* error)
{
    core::MappingDocument doc;
    if (!core::MappingDocument::load(path, &doc, error))
        return false;
    setDocument(doc, path);
    if (!sample.isEmpty() && !loadSample(sample, error))
        return false;
    return true;
}

void MappingDesigner::setDocument(const core::MappingDocument& doc, const QString& path)
{
    m_undo->clear();
    m_search->clear();
    m_target->setEntity(m_model->schema(), doc.targetEntity, doc.mode == core::MappingDocument::Mode::Upsert);
    m_model->setDocument(doc);
    useMappingColumns();
    m_fileName = path;
    m_preview->setMappingFile(path);
    m_hasDocument = true;
    m_status->clear();
    updateTitle();
    updateActions();
    // Both columns side by side, from the top: a long source tree scrolls rather than shrinking out of
    // reading. Followed while the view is sized, until the user zooms.
    m_fitWidth = true;
    fitWidth();
}

void MappingDesigner::fitWidth()
{
    const QRectF r = m_scene->sceneRect();
    const int width = m_view->viewport()->width();
    if (r.isEmpty() || !m_view->isVisible() || width < 100) {
        setZoom(1.0);
        return;
    }
    setZoom(qMin<qreal>(1.0, (width - 4) / r.width()));
    m_view->horizontalScrollBar()->setValue(m_view->horizontalScrollBar()->minimum());
    m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->minimum());
}

void MappingDesigner::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (m_fitWidth)
        fitWidth();
}

void MappingDesigner::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_fitWidth)
        fitWidth();
}

bool MappingDesigner::loadSample(const QString& path, QString* error)
{
    if (!m_source->load(path, m_model->toDocument(), error)) {
        useMappingColumns();
        m_status->setText(tr("The sample could not be read: %1").arg(*error));
        return false;
    }
    m_model->setSourceColumns(m_source->columns());
    updateTitle();
    return true;
}

void MappingDesigner::useMappingColumns()
{
    // Without a sample, the columns the mapping names are the source; none can be broken then.
    QStringList columns;
    for (const core::MappingLink& l : m_model->links())
        if (!columns.contains(l.column))
            columns << l.column;
    for (const core::RowFilter& f : m_model->toDocument().filters)
        if (!columns.contains(f.column))
            columns << f.column;
    m_model->clearSourceColumns();
    m_source->setColumns(columns);
}

QString MappingDesigner::sampleFile() const
{
    return m_source->sourceFile();
}

void MappingDesigner::closeMapping()
{
    m_undo->clear();
    m_model->setDocument(core::MappingDocument());
    m_model->clearSourceColumns();
    m_source->clear();
    m_target->clear();
    m_fileName.clear();
    m_hasDocument = false;
    updateTitle();
    updateActions();
}

bool MappingDesigner::isModified() const
{
    return !m_undo->isClean();
}

bool MappingDesigner::save(QString* error)
{
    if (!m_hasDocument)
        return false;
    QString path = m_fileName;
    if (path.isEmpty()) {
        path = QFileDialog::getSaveFileName(this, tr("Save Mapping"), {}, tr("Mappings (*.mapping.json)"));
        if (path.isEmpty())
            return false;
    }
    return saveAs(path, error);
}

bool MappingDesigner::saveAs(const QString& path, QString* error)
{
    if (!m_model->toDocument().save(path, error))
        return false;
    m_fileName = path;
    m_undo->setClean();
    updateTitle();
    m_status->setText(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    emit saved(path);
    return true;
}

bool MappingDesigner::maybeSave()
{
    if (!m_hasDocument || !isModified())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved Changes"),
        tr("%1 has unsaved changes. Save them?").arg(QFileInfo(m_fileName).fileName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Discard)
        return true;
    QString error;
    if (!save(&error)) {
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Save Mapping"), error);
        return false;
    }
    return true;
}

void MappingDesigner::chooseMapping()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Mapping"), QFileInfo(m_fileName).absolutePath(),
                                                      tr("Mappings (*.mapping.json)"));
    if (!path.isEmpty())
        openChosen(path);
}

void MappingDesigner::openChosen(const QString& path)
{
    if (m_openHandler && m_openHandler(path))
        return;
    QString error;
    if (!openAlone(path, &error) && !error.isEmpty())
        QMessageBox::warning(this, tr("Open Mapping"), error);
}

bool MappingDesigner::openAlone(const QString& path, QString* error)
{
    core::MappingDocument doc;
    if (!core::MappingDocument::load(path, &doc, error))
        return false;
    if (!maybeSave()) {
        error->clear();
        return false;
    }
    // A file from anywhere: the study and subject source of the last pipeline step shown do not belong to it.
    m_preview->setContext({});
    setDocument(doc, path);
    return true;
}

void MappingDesigner::chooseSample()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Sample"), QFileInfo(m_fileName).absolutePath(),
        tr("Source files (*.csv *.txt *.json *.ndjson *.xml);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!loadSample(path, &error))
        QMessageBox::warning(this, tr("Open Sample"), error);
}

void MappingDesigner::updateTitle()
{
    if (!m_hasDocument) {
        m_title->setText(tr("No mapping open"));
        return;
    }
    const core::MappingDocument doc = m_model->toDocument();
    QString title = tr("%1 (revision %2): %3 → %4")
                        .arg(doc.name)
                        .arg(doc.revision)
                        .arg(doc.sourceKind, doc.targetEntity);
    if (!m_fileName.isEmpty())
        title += QStringLiteral(" — ") + QFileInfo(m_fileName).fileName();
    if (isModified())
        title += QStringLiteral(" *");
    m_title->setText(title);
}

void MappingDesigner::updateActions()
{
    m_undoAction->setEnabled(m_undo->canUndo());
    m_redoAction->setEnabled(m_undo->canRedo());
    m_undoAction->setToolTip(m_undo->canUndo() ? tr("Undo: %1").arg(m_undo->undoText()) : tr("Nothing to undo"));
    m_redoAction->setToolTip(m_undo->canRedo() ? tr("Redo: %1").arg(m_undo->redoText()) : tr("Nothing to redo"));
    m_save->setEnabled(m_hasDocument);
    m_openSample->setEnabled(m_hasDocument);
    m_connect->setEnabled(m_hasDocument && m_scene->canConnect());
    m_delete->setEnabled(m_hasDocument && m_scene->canDelete());
    m_cut->setEnabled(m_hasDocument && m_scene->canDelete());
    m_copy->setEnabled(m_hasDocument && m_scene->canDelete());
    m_paste->setEnabled(m_hasDocument && LinkClipboard::hasLinks(QApplication::clipboard()->mimeData()));
    m_autoMap->setEnabled(m_hasDocument);
    updateTitle();
}

void MappingDesigner::updateProblems()
{
    m_problems->clear();
    if (!m_hasDocument)
        return;
    const QVector<core::MappingProblem> problems = m_model->problems();
    for (const core::MappingProblem& p : problems) {
        auto* item = new QListWidgetItem(ThemedIcon::get(QStringLiteral("problems")), p.message, m_problems);
        item->setData(ProblemTargetRole, p.target);
        item->setData(ProblemLinkRole, p.linkId);
        item->setData(ProblemColumnRole, p.column);
    }
    if (problems.isEmpty())
        new QListWidgetItem(ThemedIcon::get(QStringLiteral("ok")),
                            tr("No problems: every required field is mapped and every link has its column."), m_problems);
}

void MappingDesigner::showProblem()
{
    QListWidgetItem* item = m_problems->currentItem();
    if (!item)
        return;
    const int link = item->data(ProblemLinkRole).toInt();
    if (LinkItem* l = link ? m_scene->linkItem(link) : nullptr) {
        m_scene->clearSelection();
        l->setSelected(true);
        m_view->ensureVisible(l);
    } else if (FieldItem* f = m_scene->targetItem(item->data(ProblemTargetRole).toString())) {
        m_scene->selectField(f);
    }
    m_view->setFocus(Qt::OtherFocusReason);
}

void MappingDesigner::showAutoMap()
{
    if (!m_hasDocument)
        return;
    if (!m_autoMapDialog) {
        m_autoMapDialog = new AutoMapDialog(m_model, m_undo, this);
        // Proposals for another document would connect the wrong columns.
        connect(m_model, &core::MappingModel::documentReset, m_autoMapDialog, &QDialog::hide);
    }
    m_autoMapDialog->setProposals(core::AutoMapper().propose(*m_source, *m_target, *m_model));
    m_autoMapDialog->show();
    m_autoMapDialog->raise();
    m_autoMapDialog->activateWindow();
}

qreal MappingDesigner::zoom() const
{
    return m_view->transform().m11();
}

void MappingDesigner::setZoom(qreal z)
{
    z = qBound(MinZoom, z, MaxZoom);
    m_view->setTransform(QTransform::fromScale(z, z));
}

void MappingDesigner::zoomIn()
{
    m_fitWidth = false;
    setZoom(zoom() * ZoomStep);
}

void MappingDesigner::zoomOut()
{
    m_fitWidth = false;
    setZoom(zoom() / ZoomStep);
}

void MappingDesigner::fitToView()
{
    m_fitWidth = false;
    const QRectF r = m_scene->sceneRect();
    if (r.isEmpty() || m_view->viewport()->width() < 10)
        return;
    // The whole picture, never enlarged beyond its natural size.
    const qreal z = std::min<qreal>({1.0, (m_view->viewport()->width() - 8) / r.width(),
                                 (m_view->viewport()->height() - 8) / r.height()});
    setZoom(z);
    m_view->centerOn(r.center());
}

} // namespace tb::ui
