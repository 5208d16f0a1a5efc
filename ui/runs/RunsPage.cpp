#include "runs/RunsPage.h"

#include "run/RunHistoryModel.h"
#include "style/ReadOnlyTable.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tb::ui {

using core::RunHistoryModel;

namespace {

QTableWidgetItem* number(qint64 v)
{
    auto* item = new QTableWidgetItem(QString::number(v));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

RunsPage::RunsPage(QWidget* parent) : QWidget(parent), m_model(new RunHistoryModel(this))
{
    m_target = new QComboBox;
    m_target->setObjectName(QStringLiteral("targetDatabase"));
    m_target->setAccessibleName(tr("Target database"));
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("runsMessage"));
    m_message->setWordWrap(true);

    m_runs = new QTableView;
    m_runs->setObjectName(QStringLiteral("runTable"));
    m_runs->setModel(m_model);
    m_runs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runs->setSelectionMode(QAbstractItemView::SingleSelection);
    m_runs->verticalHeader()->setVisible(false);
    // The pipeline's name takes the spare width: the counts stay next to their titles.
    m_runs->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_runs->horizontalHeader()->setSectionResizeMode(core::RunHistoryModel::Pipeline, QHeaderView::Stretch);
    m_runs->horizontalHeader()->setStretchLastSection(false);

    m_entities = readOnlyTable({tr("Entity"), tr("Read"), tr("Inserted"), tr("Updated"), tr("Deleted"),
                                tr("Unchanged"), tr("Rejected"), tr("Stale"), tr("Warnings")},
                               QStringLiteral("entityTable"));
    m_entities->horizontalHeader()->setStretchLastSection(false);
    m_rejects = readOnlyTable({tr("Source"), tr("Rule"), tr("Message")}, QStringLiteral("rejectTable"));
    m_rejects->setWordWrap(true);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Target:")));
    top->addWidget(m_target, 1);
    auto* details = new QSplitter(Qt::Vertical);
    details->addWidget(m_entities);
    details->addWidget(m_rejects);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_runs);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_target, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_runs->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showRun(current.isValid() ? current.row() : -1); });
}

void RunsPage::setTargets(const QStringList& databases)
{
    const QSignalBlocker blocker(m_target);
    m_target->clear();
    for (const QString& db : databases)
        m_target->addItem(QFileInfo(db).fileName(), db);
    refresh();
}

void RunsPage::refresh()
{
    const QString db = m_target->currentData().toString();
    QString error;
    if (db.isEmpty()) {
        m_model->clear();
        m_message->setText(tr("This workspace has no pipeline, so no target database."));
    } else if (!m_model->load(db, &error)) {
        m_message->setText(error);
    } else {
        m_message->setText(tr("%n run(s) in %1", nullptr, m_model->rowCount()).arg(QDir::toNativeSeparators(db)));
    }
    if (m_model->rowCount() > 0)
        m_runs->selectRow(0);
    else
        showRun(-1);
}

bool RunsPage::selectRun(const QString& database, qint64 runId)
{
    const int target = m_target->findData(database);
    if (target < 0)
        return false;
    if (target != m_target->currentIndex())
        m_target->setCurrentIndex(target); // reloads the runs
    else
        refresh();
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_model->run(row).id == runId) {
            m_runs->selectRow(row);
            m_runs->scrollTo(m_model->index(row, 0));
            return true;
        }
    return false;
}

void RunsPage::showRun(int row)
{
    m_entities->setRowCount(0);
    m_rejects->setRowCount(0);
    if (row < 0 || row >= m_model->rowCount())
        return;
    const RunHistoryModel::Run& run = m_model->run(row);
    for (const auto& [entity, c] : run.entities) {
        const int r = m_entities->rowCount();
        m_entities->insertRow(r);
        m_entities->setItem(r, 0, new QTableWidgetItem(entity));
        int col = 1;
        for (qint64 v : {c.read, c.inserted, c.updated, c.deleted, c.unchanged, c.rejected, c.stale, c.warnings})
            m_entities->setItem(r, col++, number(v));
    }
    m_entities->resizeColumnsToContents();

    QVector<RunHistoryModel::Reject> rejects;
    QString error;
    if (!RunHistoryModel::rejects(m_model->databasePath(), run.id, 500, &rejects, &error))
        m_message->setText(error);
    for (const RunHistoryModel::Reject& reject : rejects) {
        const int r = m_rejects->rowCount();
        m_rejects->insertRow(r);
        int c = 0;
        for (const QString& text : {reject.sourceRef, reject.rule, reject.message}) {
            auto* item = new QTableWidgetItem(text);
            item->setToolTip(reject.message);
            m_rejects->setItem(r, c++, item);
        }
    }
    m_rejects->resizeColumnToContents(0);
    m_rejects->resizeColumnToContents(1);
}

} // namespace tb::ui
