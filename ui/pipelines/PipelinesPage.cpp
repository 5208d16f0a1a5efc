#include "pipelines/PipelinesPage.h"

#include "run/PipelineListModel.h"
#include "style/ThemedIcon.h"

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace tb::ui {

using core::PipelineListModel;

PipelinesPage::PipelinesPage(QWidget* parent) : QWidget(parent), m_model(new PipelineListModel(this))
{
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("pipelineTable"));
    m_table->setAccessibleName(tr("Pipelines"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(PipelineListModel::Name, QHeaderView::Stretch);

    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("pipelineTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("pipelineSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_run = new QPushButton(ThemedIcon::get(QStringLiteral("run")), tr("&Run"));
    m_run->setObjectName(QStringLiteral("runSelectedPipeline"));
    m_run->setToolTip(tr("Run the selected pipeline into its target (Ctrl+R)"));
    m_run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_run->setEnabled(false);
    m_reconcile = new QPushButton(ThemedIcon::get(QStringLiteral("reconciliation")), tr("Re&concile"));
    m_reconcile->setObjectName(QStringLiteral("reconcilePipeline"));
    m_reconcile->setToolTip(tr("Show the reconciliation of the selected pipeline's last run"));
    m_reconcile->setEnabled(false);

    m_steps = new QListWidget;
    m_steps->setObjectName(QStringLiteral("pipelineSteps"));
    m_steps->setAccessibleName(tr("Steps"));
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_problemsTitle = new QLabel(tr("Problems"));
    m_problems = new QListWidget;
    m_problems->setObjectName(QStringLiteral("pipelineProblems"));
    m_problems->setAccessibleName(tr("Problems"));
    m_problems->setWordWrap(true);

    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_reconcile);
    header->addWidget(m_run);
    auto* details = new QWidget;
    auto* detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addLayout(header);
    detailsLayout->addWidget(m_summary);
    detailsLayout->addWidget(new QLabel(tr("Steps")));
    detailsLayout->addWidget(m_steps, 2);
    detailsLayout->addWidget(m_problemsTitle);
    detailsLayout->addWidget(m_problems, 1);

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_table);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showPipeline(current.isValid() ? current.row() : -1); });
    connect(m_run, &QPushButton::clicked, this, [this] {
        if (!selectedPipeline().isEmpty())
            emit runPipelineRequested(selectedPipeline());
    });
    connect(m_reconcile, &QPushButton::clicked, this, [this] {
        if (!selectedPipeline().isEmpty())
            emit reconcileRequested(selectedPipeline());
    });
    showPipeline(-1);
}

void PipelinesPage::setWorkspace(const core::Workspace& workspace)
{
    m_workspace = workspace;
    refresh();
}

void PipelinesPage::refresh()
{
    const QString selected = selectedPipeline();
    m_model->load(m_workspace);
    if (!selectPipeline(selected) && m_model->rowCount() > 0)
        m_table->selectRow(0);
    if (m_model->rowCount() == 0)
        showPipeline(-1);
}

bool PipelinesPage::selectPipeline(const QString& absolutePath)
{
    const int row = absolutePath.isEmpty() ? -1 : m_model->rowOf(absolutePath);
    if (row < 0)
        return false;
    m_table->selectRow(row);
    showPipeline(row); // also when the row was current already (a reload)
    return true;
}

QString PipelinesPage::selectedPipeline() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() && current.row() < m_model->rowCount() ? m_model->pipeline(current.row()).path : QString();
}

void PipelinesPage::setRunning(bool running)
{
    m_running = running;
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    showPipeline(current.isValid() ? current.row() : -1);
}

void PipelinesPage::showPipeline(int row)
{
    m_steps->clear();
    m_problems->clear();
    if (row < 0 || row >= m_model->rowCount()) {
        m_title->setText(m_workspace.isValid() ? tr("No pipeline in this workspace") : tr("No workspace"));
        m_summary->setText(m_workspace.isValid()
                               ? tr("A pipeline is a *.pipeline.json document in the workspace folder.")
                               : QString());
        m_run->setEnabled(false);
        m_reconcile->setEnabled(false);
        m_problemsTitle->setVisible(false);
        m_problems->setVisible(false);
        emit currentPipelineChanged(QString());
        return;
    }
    const PipelineListModel::Pipeline& p = m_model->pipeline(row);
    m_title->setText(p.name);
    QStringList summary;
    if (!p.description.isEmpty())
        summary << p.description.toHtmlEscaped();
    if (!p.target.isEmpty())
        summary << tr("Target: %1").arg(QDir::toNativeSeparators(p.target).toHtmlEscaped());
    if (!p.schedule.isEmpty())
        summary << tr("Schedule: %1 — runs while trialbridge-cli serve is running")
                       .arg(PipelineListModel::describeSchedule(p).toHtmlEscaped());
    if (p.lastRun.id > 0) {
        const core::EntityCounts& t = p.lastRun.total;
        summary << tr("Last run: %1, %2, started %3 — %4 read, %5 inserted, %6 updated, %7 rejected")
                       .arg(p.lastRun.id)
                       .arg(QString(p.lastRun.status).replace(QLatin1Char('_'), QLatin1Char(' ')), p.lastRun.started)
                       .arg(t.read)
                       .arg(t.inserted)
                       .arg(t.updated)
                       .arg(t.rejected);
    } else if (!p.runError.isEmpty()) {
        summary << tr("Last run: unknown (%1)").arg(p.runError.toHtmlEscaped());
    } else if (p.isValid()) {
        summary << tr("Not run yet.");
    }
    m_summary->setText(summary.join(QStringLiteral("<br>")));
    for (const PipelineListModel::Step& s : p.steps) {
        auto* item = new QListWidgetItem(PipelineListModel::describe(s), m_steps);
        item->setIcon(ThemedIcon::get(s.kind == QLatin1String("file")   ? QStringLiteral("sample")
                                      : s.kind == QLatin1String("drop") ? QStringLiteral("folder")
                                                                        : QStringLiteral("connections")));
    }
    for (const QString& problem : p.problems)
        new QListWidgetItem(ThemedIcon::get(QStringLiteral("problems")), problem, m_problems);
    m_problemsTitle->setVisible(!p.isValid());
    m_problems->setVisible(!p.isValid());
    m_run->setEnabled(p.isValid() && !m_running);
    m_reconcile->setEnabled(p.lastRun.id > 0);
    emit currentPipelineChanged(p.path);
}

} // namespace tb::ui
