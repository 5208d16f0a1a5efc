#pragma once

#include "mapping/DistinctValueProfiler.h"

#include <QJsonObject>
#include <QWidget>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
template <typename T>
class QFutureWatcher;

namespace tb::core {
class MappingModel;
class ValueMapModel;
}

namespace tb::ui {

class ValueMapDelegate;

// Edits a valueMap transform: the table of source value → target code (core::ValueMapModel) with the flags
// in colour, "Profile values" reading the distinct values of the link's column from the sample and
// pre-filling codes that spell a codelist term, values added by hand, what happens to values without a code
// (reject, a default, pass) and case. Profiling reads the sample on a worker thread (a busy bar meanwhile, the
// button disabled); another transform, column or sample, or the editor closing, cancels it and drops its result.
// It changes nothing itself: every edit is parametersEdited(), which the
// panel makes an undo command of.
class ValueMapEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ValueMapEditor(QWidget* parent = nullptr);
    ~ValueMapEditor() override;

    // The transform to show. A different transform (or target) forgets the profile and the added rows.
    void setParameters(const QJsonObject& params, bool sameTransform);
    void setCodelist(const QString& name, const QStringList& terms);
    // Where "Profile values" reads: the mapping's sample file and the link's column (empty: none).
    void setSample(const core::MappingModel* mapping, const QString& file, const QString& column);
    // Starts reading the column's distinct values; profileFinished() follows, after which the codes are
    // pre-filled (or the reason shown). False when there is nothing to read or a read is running.
    bool profileValues();
    bool isProfiling() const;
    void cancelProfile();

    core::ValueMapModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QPushButton* profileButton() const { return m_profile; }
    QLineEdit* newValueEdit() const { return m_newValue; }
    QPushButton* addValueButton() const { return m_addValue; }
    QComboBox* unmappedCombo() const { return m_unmapped; }
    QLineEdit* defaultEdit() const { return m_default; }
    QCheckBox* ignoreCaseBox() const { return m_ignoreCase; }
    QLabel* summaryLabel() const { return m_summary; }
    QLabel* codelistLabel() const { return m_codelist; }
    QProgressBar* busyIndicator() const { return m_busy; }

signals:
    void parametersEdited(const QJsonObject& params, const QString& text);
    void profileFinished(bool ok); // not after a cancel

protected:
    void hideEvent(QHideEvent* event) override;

private:
    void edit(const QString& key, const QJsonValue& value, const QString& text);
    void updateSummary();
    void addValue();
    void profiled();
    void updateProfileButton();

    core::ValueMapModel* m_model;
    ValueMapDelegate* m_delegate;
    QJsonObject m_params;
    const core::MappingModel* m_mapping = nullptr;
    QString m_file, m_column;
    QString m_profileNote;
    bool m_updating = false;
    QFutureWatcher<core::DistinctValueProfiler::Result>* m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel; // of the running read; shared with its thread
    QString m_profiledColumn;

    QLabel* m_codelist;
    QTableView* m_table;
    QPushButton* m_profile;
    QProgressBar* m_busy;
    QLineEdit* m_newValue;
    QPushButton* m_addValue;
    QComboBox* m_unmapped;
    QLineEdit* m_default;
    QCheckBox* m_ignoreCase;
    QLabel* m_summary;
};

} // namespace tb::ui
