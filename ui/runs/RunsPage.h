#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;
class QTableWidget;

namespace tb::core {
class RunHistoryModel;
}

namespace tb::ui {

// Run history of a target database: every run with its outcome, and for the selected run the counts
// per entity and its rejected records with the reason.
class RunsPage : public QWidget
{
    Q_OBJECT
public:
    explicit RunsPage(QWidget* parent = nullptr);

    void setTargets(const QStringList& databases);
    void refresh();
    // Shows a run of a target (its counts and rejects); false when the target or the run is not listed.
    bool selectRun(const QString& database, qint64 runId);
    core::RunHistoryModel* model() const { return m_model; }
    QTableView* runTable() const { return m_runs; }
    QTableWidget* entityTable() const { return m_entities; }
    QTableWidget* rejectTable() const { return m_rejects; }

private:
    void showRun(int row);

    QComboBox* m_target;
    QLabel* m_message;
    QTableView* m_runs;
    QTableWidget* m_entities;
    QTableWidget* m_rejects;
    core::RunHistoryModel* m_model;
};

} // namespace tb::ui
