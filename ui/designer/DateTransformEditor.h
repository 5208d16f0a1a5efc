#pragma once

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace tb::ui {

// Edits a date transform: the source format, the source time zone (UTC, the record's site, the study's
// default or an IANA zone) and partial dates, with a live example computed by the real transform
// ("2026-01-31 08:00 Europe/Berlin → 2026-01-31T07:00Z"). The example follows what is typed; a format or zone
// is committed (parametersEdited) when chosen from the list or when its field is left with Return or Tab.
class DateTransformEditor : public QWidget
{
    Q_OBJECT
public:
    explicit DateTransformEditor(QWidget* parent = nullptr);

    void setParameters(const QJsonObject& params);
    // An example source value (e.g. the sample's first); empty: one made from the format.
    void setExampleInput(const QString& value);

    QComboBox* formatCombo() const { return m_format; }
    QComboBox* zoneCombo() const { return m_zone; }
    QComboBox* partialCombo() const { return m_partial; }
    QLineEdit* exampleEdit() const { return m_example; }
    QComboBox* exampleZoneCombo() const { return m_exampleZone; }
    QLabel* exampleResult() const { return m_result; }
    bool exampleIsValid() const { return m_valid; }

signals:
    void parametersEdited(const QJsonObject& params, const QString& text);

private:
    QJsonObject typedParameters() const;
    void commit(const QString& text);
    void updateExample();
    QString exampleFor(const QString& format) const;

    QJsonObject m_params;
    bool m_updating = false;
    bool m_valid = false;

    QComboBox* m_format;
    QComboBox* m_zone;
    QComboBox* m_partial;
    QLineEdit* m_example;
    QComboBox* m_exampleZone;
    QLabel* m_exampleZoneLabel;
    QLabel* m_result;
};

} // namespace tb::ui
