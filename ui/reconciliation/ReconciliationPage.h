#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace tb::core {
class PipelineListModel;
class ReconciliationModel;
class SiteCountModel;
}

namespace tb::ui {

// Reconciliation of a pipeline's last run against its target: per entity the rows read against what became of
// them (a difference other than 0 is flagged) and the rows the target holds, per entity and per site. The
// rejected count opens the run's rejects on the Runs page. Read-only; the models live in core.
class ReconciliationPage : public QWidget
{
    Q_OBJECT
public:
    explicit ReconciliationPage(QWidget* parent = nullptr);

    // The pipelines to choose from (the Pipelines page's model, shared).
    void setPipelineModel(core::PipelineListModel* pipelines);
    void selectPipeline(const QString& absolutePath);
    void refresh();

    core::ReconciliationModel* model() const { return m_model; }
    core::SiteCountModel* siteModel() const { return m_sites; }
    QComboBox* pipelineBox() const { return m_pipeline; }
    QTableView* entityTable() const { return m_entityTable; }
    QTableView* siteTable() const { return m_siteTable; }
    QLabel* summaryLabel() const { return m_summary; }

signals:
    // The rejects of a run, for the Runs page to show.
    void rejectsRequested(const QString& databasePath, qint64 runId);

private:
    core::PipelineListModel* m_pipelines = nullptr;
    core::ReconciliationModel* m_model;
    core::SiteCountModel* m_sites;
    QComboBox* m_pipeline;
    QPushButton* m_refresh;
    QLabel* m_run;
    QLabel* m_summary;
    QTableView* m_entityTable;
    QTableView* m_siteTable;
    QLabel* m_siteTotal;
};

} // namespace tb::ui
