#include "workspace/WorkspacePage.h"

#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tb::ui {

using core::Workspace;

namespace {

QString kindTitle(Workspace::Kind kind)
{
    switch (kind) {
    case Workspace::Kind::Study: return WorkspacePage::tr("Studies");
    case Workspace::Kind::Connection: return WorkspacePage::tr("Connections");
    case Workspace::Kind::Mapping: return WorkspacePage::tr("Mappings");
    case Workspace::Kind::Pipeline: return WorkspacePage::tr("Pipelines");
    }
    return {};
}

constexpr int PathRole = Qt::UserRole;
constexpr int KindRole = Qt::UserRole + 1;

} // namespace

WorkspacePage::WorkspacePage(QWidget* parent) : QWidget(parent)
{
    m_tree = new QTreeWidget;
    m_tree->setHeaderLabels({tr("Document")});
    m_tree->header()->setVisible(false);
    m_tree->setObjectName(QStringLiteral("documentTree"));
    m_tree->setAccessibleName(tr("Workspace documents"));

    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("documentTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_run = new QPushButton(tr("&Run pipeline"));
    m_run->setObjectName(QStringLiteral("runPipeline"));
    m_run->setToolTip(tr("Run the selected pipeline into its target (Ctrl+R)"));
    m_run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_run->setEnabled(false);

    m_content = new QPlainTextEdit;
    m_content->setReadOnly(true);
    m_content->setObjectName(QStringLiteral("documentContent"));
    m_content->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_content->setPlaceholderText(tr("Select a document to see its content."));

    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_run);
    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(header);
    rightLayout->addWidget(m_content, 1);

    auto* splitter = new QSplitter;
    splitter->addWidget(m_tree);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) { showDocument(item); });
    connect(m_run, &QPushButton::clicked, this, [this] {
        if (!selectedDocument().isEmpty())
            emit runPipelineRequested(m_workspace.absolutePath(selectedDocument()));
    });
}

void WorkspacePage::setWorkspace(const Workspace& workspace)
{
    m_workspace = workspace;
    m_tree->clear();
    for (Workspace::Kind kind : Workspace::kinds()) {
        const QStringList docs = workspace.documents(kind);
        auto* group = new QTreeWidgetItem(m_tree, {QStringLiteral("%1 (%2)").arg(kindTitle(kind)).arg(docs.size())});
        group->setFlags(Qt::ItemIsEnabled);
        for (const QString& doc : docs) {
            auto* item = new QTreeWidgetItem(group, {doc});
            item->setData(0, PathRole, doc);
            item->setData(0, KindRole, int(kind));
            item->setToolTip(0, workspace.absolutePath(doc));
        }
        group->setExpanded(true);
    }
    showDocument(nullptr);
    // Start on the first pipeline: the thing most people open a workspace to run.
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* group = m_tree->topLevelItem(i);
        if (group->childCount() && group->child(0)->data(0, KindRole).toInt() == int(Workspace::Kind::Pipeline))
            m_tree->setCurrentItem(group->child(0));
    }
}

QString WorkspacePage::selectedDocument() const
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    return item ? item->data(0, PathRole).toString() : QString();
}

void WorkspacePage::setRunning(bool running)
{
    m_running = running;
    showDocument(m_tree->currentItem());
}

void WorkspacePage::showDocument(QTreeWidgetItem* item)
{
    const QString path = item ? item->data(0, PathRole).toString() : QString();
    const bool isPipeline = item && item->data(0, KindRole).toInt() == int(Workspace::Kind::Pipeline);
    m_run->setEnabled(isPipeline && !m_running);
    if (path.isEmpty()) {
        m_title->setText(m_workspace.isValid() ? m_workspace.name() : tr("No workspace"));
        m_content->clear();
        return;
    }
    m_title->setText(path);
    QFile f(m_workspace.absolutePath(path));
    m_content->setPlainText(f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll())
                                                        : tr("Cannot read %1: %2").arg(f.fileName(), f.errorString()));
}

} // namespace tb::ui
