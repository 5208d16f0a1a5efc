#include "designer/DateTransformEditor.h"

#include "mapping/TransformFactory.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTimeZone>

namespace tb::ui {

namespace {

const char* const ExampleZone = "Europe/Berlin";

QComboBox* editableCombo(const char* name, const QStringList& items)
{
    auto* combo = new QComboBox;
    combo->setObjectName(QLatin1String(name));
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->addItems(items);
    // Inline: the rest of a zone id is offered as selected text; a popup would take the keys from the field.
    combo->completer()->setCompletionMode(QCompleter::InlineCompletion);
    combo->completer()->setCaseSensitivity(Qt::CaseSensitive);
    return combo;
}

QStringList zoneIds()
{
    QStringList ids;
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds())
        ids << QString::fromLatin1(id);
    return ids;
}

} // namespace

DateTransformEditor::DateTransformEditor(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("dateTransformEditor"));
    m_format = editableCombo("dateFormat", {QStringLiteral("iso"), QStringLiteral("dd.MM.yyyy"),
                                            QStringLiteral("dd.MM.yyyy HH:mm"), QStringLiteral("yyyy-MM-dd HH:mm"),
                                            QStringLiteral("yyyy-MM-dd HH:mm:ss"), QStringLiteral("MM/dd/yyyy"),
                                            QStringLiteral("dd/MM/yyyy HH:mm"), QStringLiteral("ddMMMyyyy"),
                                            QStringLiteral("dd-MMM-yyyy")});
    m_format->setCompleter(nullptr); // a pattern is typed as it is, never completed to a longer one
    m_format->setToolTip(tr("\"iso\" or a pattern of yyyy yy MM M MMM dd d HH H mm ss"));
    m_zone = editableCombo("dateZone", QStringList{QStringLiteral("UTC"), QStringLiteral("site"), QStringLiteral("study")}
                                           + zoneIds());
    m_zone->setToolTip(tr("The source's time zone: UTC, site (the record's site), study (the study's default) or "
                          "an IANA time zone"));
    m_partial = new QComboBox;
    m_partial->setObjectName(QStringLiteral("datePartial"));
    m_partial->addItem(tr("Keep partial dates"), QStringLiteral("keep"));
    m_partial->addItem(tr("Reject partial dates"), QStringLiteral("reject"));
    m_example = new QLineEdit;
    m_example->setObjectName(QStringLiteral("dateExample"));
    m_example->setAccessibleName(tr("Example source value"));
    m_exampleZone = editableCombo("dateExampleZone", zoneIds());
    m_exampleZone->setCurrentText(QLatin1String(ExampleZone));
    m_exampleZone->setToolTip(tr("The zone the example assumes for the site or the study"));
    m_result = new QLabel;
    m_result->setObjectName(QStringLiteral("dateExampleResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    auto row = [form](const QString& text, QWidget* field) {
        auto* label = new QLabel(text);
        label->setBuddy(field);
        form->addRow(label, field);
        return label;
    };
    row(tr("&Format:"), m_format);
    row(tr("Time &zone:"), m_zone);
    row(tr("&Partial dates:"), m_partial);
    row(tr("E&xample:"), m_example);
    m_exampleZoneLabel = row(tr("Example's site &zone:"), m_exampleZone);
    form->addRow(m_result);

    for (QComboBox* c : {m_format, m_zone}) {
        connect(c, &QComboBox::editTextChanged, this, &DateTransformEditor::updateExample);
        connect(c, &QComboBox::activated, this, [this, c] {
            commit(c == m_format ? tr("Set the date format to %1").arg(c->currentText())
                                 : tr("Set the source time zone to %1").arg(c->currentText()));
        });
        connect(c->lineEdit(), &QLineEdit::editingFinished, this, [this, c] {
            commit(c == m_format ? tr("Set the date format to %1").arg(c->currentText())
                                 : tr("Set the source time zone to %1").arg(c->currentText()));
        });
    }
    connect(m_partial, &QComboBox::activated, this, [this] { commit(tr("Partial dates: %1").arg(m_partial->currentText())); });
    connect(m_example, &QLineEdit::textChanged, this, &DateTransformEditor::updateExample);
    connect(m_exampleZone, &QComboBox::editTextChanged, this, &DateTransformEditor::updateExample);
}

void DateTransformEditor::setParameters(const QJsonObject& params)
{
    m_updating = true;
    m_params = params;
    m_format->setCurrentText(params.value(QLatin1String("format")).toString(QStringLiteral("iso")));
    m_zone->setCurrentText(params.value(QLatin1String("zone")).toString(QStringLiteral("UTC")));
    m_partial->setCurrentIndex(
        qMax(0, m_partial->findData(params.value(QLatin1String("partial")).toString(QStringLiteral("keep")))));
    m_updating = false;
    updateExample();
}

void DateTransformEditor::setExampleInput(const QString& value)
{
    m_example->setText(value);
}

QJsonObject DateTransformEditor::typedParameters() const
{
    // Only what differs from the transform's defaults is written, as in the examples; keys the document had
    // stay.
    QJsonObject p = m_params;
    const auto set = [&p](const char* key, const QString& value, const char* byDefault) {
        if (value == QLatin1String(byDefault) && !p.contains(QLatin1String(key)))
            return;
        p.insert(QLatin1String(key), value);
    };
    set("format", m_format->currentText().trimmed(), "iso");
    set("zone", m_zone->currentText().trimmed(), "UTC");
    set("partial", m_partial->currentData().toString(), "keep");
    return p;
}

void DateTransformEditor::commit(const QString& text)
{
    if (m_updating)
        return;
    const QJsonObject p = typedParameters();
    QString error;
    // An invalid format or zone stays in its field, shown as such; the document keeps the last valid one.
    if (p == m_params || !core::TransformFactory::create({QStringLiteral("date"), p}, &error))
        return;
    emit parametersEdited(p, text);
}

QString DateTransformEditor::exampleFor(const QString& format) const
{
    const QDateTime sample(QDate(2026, 1, 31), QTime(8, 0));
    if (format == QLatin1String("iso"))
        return QStringLiteral("2026-01-31T08:00");
    // The pattern letters are Qt's own; MMM in the C locale is "Jan", which the transform reads in any case.
    return QLocale::c().toString(sample, format);
}

void DateTransformEditor::updateExample()
{
    QJsonObject p = typedParameters();
    const QString zone = p.value(QLatin1String("zone")).toString(QStringLiteral("UTC"));
    const bool needsExampleZone = zone == QLatin1String("site") || zone == QLatin1String("study");
    m_exampleZone->setVisible(needsExampleZone);
    m_exampleZoneLabel->setVisible(needsExampleZone);
    const QString shownZone = needsExampleZone ? m_exampleZone->currentText() : zone;
    if (needsExampleZone)
        p.insert(QLatin1String("zone"), shownZone); // the example stands for one site
    const QString format = p.value(QLatin1String("format")).toString(QStringLiteral("iso"));
    const QString input = m_example->text().isEmpty() ? exampleFor(format) : m_example->text();
    m_example->setPlaceholderText(exampleFor(format));

    QString error;
    const auto transform = core::TransformFactory::create({QStringLiteral("date"), p}, &error);
    QString text;
    m_valid = false;
    if (!transform) {
        text = tr("Not valid: %1").arg(error);
    } else {
        core::Values values;
        values.append(input);
        core::TransformContext ctx;
        if (transform->apply(values, ctx)) {
            m_valid = true;
            text = tr("%1 %2 → %3").arg(input, shownZone, values[0]);
        } else {
            text = tr("%1 cannot be read: %2").arg(input, ctx.failedMessage);
        }
    }
    m_result->setText(text);
    m_result->setStyleSheet(m_valid ? QString() : QStringLiteral("color: #b00020;"));
}

} // namespace tb::ui
