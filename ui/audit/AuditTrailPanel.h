#pragma once

#include "audit/AuditExport.h"
#include "audit/TrailCheck.h"

#include <QFutureWatcher>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTableWidget;

namespace tb::core {
class AuditTrailModel;
class RunFeedback;
}

namespace tb::ui {

// The audit history of a target (21 CFR Part 11 §11.10(e)): filters (time range, entity, subject, site, user,
// run), the entries as the QA report words them, the selected entry's before and after images field by field,
// and "Verify", which checks the hash chain, the checkpoint signatures and the electronic signatures off the GUI
// thread (TrailCheck, as `audit verify`) and selects the first damaged entry. Export writes the QA report as CSV
// or PDF off the GUI thread, with its progress and a Cancel button.
class AuditTrailPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AuditTrailPanel(QWidget* parent = nullptr);
    ~AuditTrailPanel() override;

    void setDatabase(const QString& databasePath, const QString& workspace);
    void refresh();
    void verify();
    // Writes the QA report of the entries the filters select: PDF for *.pdf, else CSV; the outcome in the count line.
    void exportTo(const QString& path);
    bool isExporting() const { return m_exporting.isRunning(); }
    QLabel* countLine() const { return m_count; }
    QProgressBar* exportProgress() const { return m_exportProgress; }
    QPushButton* cancelExportButton() const { return m_cancelExport; }

    core::AuditTrailModel* model() const { return m_model; }
    QTableView* entryTable() const { return m_entries; }
    QTableWidget* imageTable() const { return m_images; }
    QLabel* verifyResult() const { return m_verifyResult; }
    QLineEdit* subjectFilter() const { return m_subject; }
    QComboBox* entityFilter() const { return m_entity; }
    bool isVerifying() const { return m_verifying.isRunning(); }

    static constexpr qint64 RowLimit = 20000;

signals:
    void exportFinished();

private:
    core::AuditFilter currentFilter() const;
    void showEntry();
    void verified();
    void chooseExport();
    void exported();

    QString m_database, m_workspace;
    QLineEdit* m_from;
    QLineEdit* m_to;
    QComboBox* m_entity;
    QLineEdit* m_subject;
    QLineEdit* m_site;
    QLineEdit* m_user;
    QLineEdit* m_run;
    QLabel* m_count;
    QTableView* m_entries;
    QTableWidget* m_images;
    QLabel* m_verifyResult;
    QPushButton* m_verifyButton;
    QPushButton* m_exportButton;
    QProgressBar* m_exportProgress;
    QPushButton* m_cancelExport;
    core::RunFeedback* m_exportFeedback = nullptr; // of the export under way
    core::AuditTrailModel* m_model;
    QFutureWatcher<core::TrailCheck> m_verifying;
    QFutureWatcher<QString> m_exporting;
};

} // namespace tb::ui
