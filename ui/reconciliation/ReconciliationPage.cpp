#include "reconciliation/ReconciliationPage.h"

#include "recon/ReconciliationModel.h"
#include "recon/SiteCountModel.h"
#include "run/PipelineListModel.h"
#include "style/ThemedIcon.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace tb::ui {

using core::ReconciliationModel;
using core::SiteCountModel;

namespace {

// Marks a row whose counts do not balance, and draws a rejected count as a link to the rejects.
class BalanceDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (!index.data(ReconciliationModel::BalancedRole).toBool()) {
            option->font.setBold(true);
            // Translucent over the base colour: readable on light and dark palettes alike.
            option->backgroundBrush = QColor(220, 50, 47, 70);
            if (index.column() == ReconciliationModel::Difference) {
                option->features |= QStyleOptionViewItem::HasDecoration;
                option->icon = QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
                option->decorationSize = QSize(16, 16);
            }
        }
        if (index.column() == ReconciliationModel::Rejected && index.data().toLongLong() > 0) {
            option->font.setUnderline(true);
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::Link));
        }
    }
};

QTableView* makeTable(QAbstractItemModel* model, const QString& name, const QString& accessibleName)
{
    auto* t = new QTableView;
    t->setObjectName(name);
    t->setAccessibleName(accessibleName);
    t->setModel(model);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->verticalHeader()->setVisible(false);
    // Numbers stay next to their headers; the free width goes to the table's end (or to a name column).
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(false);
    return t;
}

} // namespace

ReconciliationPage::ReconciliationPage(QWidget* parent)
    : QWidget(parent), m_model(new ReconciliationModel(this)), m_sites(new SiteCountModel(this))
{
    m_pipeline = new QComboBox;
    m_pipeline->setObjectName(QStringLiteral("reconciliationPipeline"));
    m_pipeline->setAccessibleName(tr("Pipeline"));
    m_pipeline->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_refresh = new QPushButton(ThemedIcon::get(QStringLiteral("refresh")), tr("Re&load"));
    m_refresh->setObjectName(QStringLiteral("reloadReconciliation"));
    m_run = new QLabel;
    m_run->setObjectName(QStringLiteral("reconciliationRun"));
    m_run->setWordWrap(true);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("reconciliationSummary"));
    m_summary->setWordWrap(true);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);

    m_entityTable = makeTable(m_model, QStringLiteral("reconciliationTable"), tr("Counts per entity"));
    m_entityTable->setItemDelegate(new BalanceDelegate(m_entityTable));
    m_entityTable->setMouseTracking(true);
    m_siteTable = makeTable(m_sites, QStringLiteral("siteCountTable"), tr("Rows per site"));
    m_siteTable->horizontalHeader()->setSectionResizeMode(SiteCountModel::Name, QHeaderView::Stretch);
    m_siteTotal = new QLabel;
    m_siteTotal->setObjectName(QStringLiteral("siteTotal"));

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Pipeline:")));
    top->addWidget(m_pipeline);
    top->addWidget(m_run, 1);
    top->addWidget(m_refresh);

    auto* entityBox = new QGroupBox(tr("Last run against the target, per entity"));
    auto* entityLayout = new QVBoxLayout(entityBox);
    entityLayout->addWidget(m_summary);
    entityLayout->addWidget(m_entityTable);
    auto* siteBox = new QGroupBox(tr("Rows in the target per site"));
    auto* siteLayout = new QVBoxLayout(siteBox);
    siteLayout->addWidget(m_siteTable);
    siteLayout->addWidget(m_siteTotal);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(entityBox);
    splitter->addWidget(siteBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(m_pipeline, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_refresh, &QPushButton::clicked, this, &ReconciliationPage::refresh);
    connect(m_entityTable, &QTableView::clicked, this, [this](const QModelIndex& index) {
        if (index.column() == ReconciliationModel::Rejected && index.data().toLongLong() > 0)
            emit rejectsRequested(m_model->databasePath(), m_model->runId());
    });
    refresh();
}

void ReconciliationPage::setPipelineModel(core::PipelineListModel* pipelines)
{
    m_pipelines = pipelines;
    m_pipeline->setModel(pipelines);
    m_pipeline->setModelColumn(core::PipelineListModel::Name);
    connect(pipelines, &QAbstractItemModel::modelReset, this, &ReconciliationPage::refresh);
    refresh();
}

void ReconciliationPage::selectPipeline(const QString& absolutePath)
{
    if (!m_pipelines)
        return;
    const int row = m_pipelines->rowOf(absolutePath);
    if (row >= 0 && row != m_pipeline->currentIndex())
        m_pipeline->setCurrentIndex(row); // refreshes
}

void ReconciliationPage::refresh()
{
    const int row = m_pipeline->currentIndex();
    QString error;
    m_summary->clear();
    m_siteTotal->clear();
    if (!m_pipelines || row < 0 || row >= m_pipelines->rowCount()) {
        m_model->clear();
        m_sites->clear();
        m_run->setText(tr("No pipeline: open a workspace with a *.pipeline.json."));
        return;
    }
    const core::PipelineListModel::Pipeline& p = m_pipelines->pipeline(row);
    if (!p.isValid()) {
        m_model->clear();
        m_sites->clear();
        m_run->setText(tr("%1 is not valid: see the Pipelines page.").arg(p.file));
        return;
    }
    const QString target = QDir::toNativeSeparators(p.target);
    if (!m_model->load(p.target, p.name, &error)) {
        m_run->setText(error);
    } else {
        m_run->setText(tr("Run %1 (%2) into %3")
                           .arg(m_model->runId())
                           .arg(QString(m_model->runStatus()).replace(QLatin1Char('_'), QLatin1Char(' ')), target));
        const QStringList off = m_model->unbalancedEntities();
        m_summary->setText(off.isEmpty()
                               ? tr("Every row read is accounted for in all %n entities.", nullptr, m_model->rowCount())
                               : tr("Does not reconcile: %1. Rows read and rows accounted for differ.")
                                     .arg(off.join(QStringLiteral(", "))));
    }
    QString siteError;
    if (!m_sites->load(p.target, &siteError)) {
        if (error.isEmpty())
            m_run->setText(siteError);
    } else {
        const SiteCountModel::Row t = m_sites->total();
        m_siteTotal->setText(tr("%n site(s): %1 subjects, %2 visits, %3 adverse events", nullptr, m_sites->rowCount())
                                 .arg(t.subjects)
                                 .arg(t.visits)
                                 .arg(t.adverseEvents));
    }
}

} // namespace tb::ui
