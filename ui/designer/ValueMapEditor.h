#pragma once

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace tb::core {
class MappingModel;
class ValueMapModel;
}

namespace tb::ui {

class ValueMapDelegate;

// Edits a valueMap transform: the table of source value → target code (core::ValueMapModel) with the flags
// in colour, "Profile values" reading the distinct values of the link's column from the sample and
// pre-filling codes that spell a codelist term, values added by hand, what happens to values without a code
// (reject, a default, pass) and case. It changes nothing itself: every edit is parametersEdited(), which the
// panel makes an undo command of.
class ValueMapEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ValueMapEditor(QWidget* parent = nullptr);

    // The transform to show. A different transform (or target) forgets the profile and the added rows.
    void setParameters(const QJsonObject& params, bool sameTransform);
    void setCodelist(const QString& name, const QStringList& terms);
    // Where "Profile values" reads: the mapping's sample file and the link's column (empty: none).
    void setSample(const core::MappingModel* mapping, const QString& file, const QString& column);
    // Reads the column's distinct values and pre-fills; false (with the reason shown) when it cannot.
    bool profileValues();

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

signals:
    void parametersEdited(const QJsonObject& params, const QString& text);

private:
    void edit(const QString& key, const QJsonValue& value, const QString& text);
    void updateSummary();
    void addValue();

    core::ValueMapModel* m_model;
    ValueMapDelegate* m_delegate;
    QJsonObject m_params;
    const core::MappingModel* m_mapping = nullptr;
    QString m_file, m_column;
    QString m_profileNote;
    bool m_updating = false;

    QLabel* m_codelist;
    QTableView* m_table;
    QPushButton* m_profile;
    QLineEdit* m_newValue;
    QPushButton* m_addValue;
    QComboBox* m_unmapped;
    QLineEdit* m_default;
    QCheckBox* m_ignoreCase;
    QLabel* m_summary;
};

} // namespace tb::ui
