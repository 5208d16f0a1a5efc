#include "designer/ValueMapEditor.h"

#include "designer/ValueMapDelegate.h"
#include "mapping/DistinctValueProfiler.h"
#include "mapping/MappingModel.h"
#include "mapping/ValueMapModel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHideEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>
#include <QTableView>
#include <QVBoxLayout>

namespace tb::ui {

ValueMapEditor::ValueMapEditor(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("valueMapEditor"));
    m_model = new core::ValueMapModel(this);
    m_delegate = new ValueMapDelegate(this);

    m_codelist = new QLabel;
    m_codelist->setObjectName(QStringLiteral("valueMapCodelist"));
    m_codelist->setWordWrap(true);
    m_codelist->setTextFormat(Qt::PlainText);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("valueMapTable"));
    m_table->setAccessibleName(tr("Value map: source values and their target codes"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(m_delegate);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8); // compact rows
    // Never fewer than five codes in view, however much room the preview below takes.
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height()
                              + 5 * m_table->verticalHeader()->defaultSectionSize() + 2 * m_table->frameWidth());
    m_table->horizontalHeader()->setSectionResizeMode(core::ValueMapModel::SourceColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(core::ValueMapModel::CodeColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(core::ValueMapModel::CountColumn, QHeaderView::ResizeToContents);
    m_table->setTabKeyNavigation(false); // Tab leaves the table for the buttons

    m_profile = new QPushButton(tr("&Profile Values"));
    m_profile->setObjectName(QStringLiteral("profileValues"));
    m_profile->setToolTip(tr("Read the distinct values of the source column from the sample and pre-fill the codes "
                             "that match the codelist"));
    connect(m_profile, &QPushButton::clicked, this, &ValueMapEditor::profileValues);
    m_busy = new QProgressBar;
    m_busy->setObjectName(QStringLiteral("profileBusy"));
    m_busy->setRange(0, 0); // no length known: a busy bar
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(m_profile->sizeHint().height() / 2);
    m_busy->setAccessibleName(tr("Reading the sample"));
    m_busy->hide();
    m_watcher = new QFutureWatcher<core::DistinctValueProfiler::Result>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &ValueMapEditor::profiled);

    m_newValue = new QLineEdit;
    m_newValue->setObjectName(QStringLiteral("newSourceValue"));
    m_newValue->setPlaceholderText(tr("Another source value"));
    m_newValue->setAccessibleName(tr("Source value to add"));
    m_addValue = new QPushButton(tr("A&dd Value"));
    m_addValue->setObjectName(QStringLiteral("addSourceValue"));
    connect(m_addValue, &QPushButton::clicked, this, &ValueMapEditor::addValue);
    connect(m_newValue, &QLineEdit::returnPressed, this, &ValueMapEditor::addValue);

    m_unmapped = new QComboBox;
    m_unmapped->setObjectName(QStringLiteral("unmappedPolicy"));
    m_unmapped->addItem(tr("Reject the record"), QStringLiteral("reject"));
    m_unmapped->addItem(tr("Use the default"), QStringLiteral("default"));
    m_unmapped->addItem(tr("Pass the value unchanged"), QStringLiteral("pass"));
    m_default = new QLineEdit;
    m_default->setObjectName(QStringLiteral("unmappedDefault"));
    m_default->setPlaceholderText(tr("Default code"));
    m_ignoreCase = new QCheckBox(tr("&Ignore case"));
    m_ignoreCase->setObjectName(QStringLiteral("ignoreCase"));

    connect(m_unmapped, &QComboBox::activated, this, [this] {
        const QString policy = m_unmapped->currentData().toString();
        QJsonObject p = m_params;
        p.insert(QLatin1String("unmapped"), policy);
        // "default" needs a value: start from the text typed, else the codelist's first term.
        if (policy == QLatin1String("default") && !p.value(QLatin1String("default")).isString())
            p.insert(QLatin1String("default"), m_default->text().isEmpty() && !m_model->codelist().isEmpty()
                                                   ? m_model->codelist().first()
                                                   : m_default->text());
        if (p != m_params)
            emit parametersEdited(p, tr("Values without a code: %1").arg(m_unmapped->currentText()));
    });
    connect(m_default, &QLineEdit::editingFinished, this, [this] {
        if (m_default->isModified() && !m_updating) {
            m_default->setModified(false);
            edit(QStringLiteral("default"), m_default->text(), tr("Set the default code to %1").arg(m_default->text()));
        }
    });
    connect(m_ignoreCase, &QCheckBox::clicked, this, [this](bool on) {
        QJsonObject p = m_params;
        if (on)
            p.insert(QLatin1String("ignoreCase"), true);
        else
            p.remove(QLatin1String("ignoreCase"));
        emit parametersEdited(p, on ? tr("Ignore case in the value map") : tr("Match case in the value map"));
    });
    connect(m_model, &core::ValueMapModel::mapEdited, this, [this] {
        edit(QStringLiteral("map"), m_model->map(), tr("Edit a code of the value map"));
    });

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("valueMapSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);

    auto* profileRow = new QHBoxLayout;
    profileRow->addWidget(m_profile);
    profileRow->addWidget(m_busy, 1);
    profileRow->addStretch(1);
    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_newValue, 1);
    addRow->addWidget(m_addValue);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* unmappedLabel = new QLabel(tr("&Without a code:"));
    unmappedLabel->setBuddy(m_unmapped);
    form->addRow(unmappedLabel, m_unmapped);
    auto* defaultLabel = new QLabel(tr("D&efault:"));
    defaultLabel->setBuddy(m_default);
    auto* defaultRow = new QHBoxLayout; // one row for both: the room goes to the table
    defaultRow->addWidget(m_default, 1);
    defaultRow->addWidget(m_ignoreCase);
    form->addRow(defaultLabel, defaultRow);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_codelist);
    layout->addLayout(profileRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addLayout(addRow);
    layout->addLayout(form);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ValueMapEditor::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ValueMapEditor::updateSummary);
}

ValueMapEditor::~ValueMapEditor()
{
    // The read holds copies and the shared flag only: told to stop, it ends on its own, soon, without us.
    if (m_cancel)
        m_cancel->store(true);
}

void ValueMapEditor::setParameters(const QJsonObject& params, bool sameTransform)
{
    m_updating = true;
    if (!sameTransform) {
        cancelProfile();
        m_model->clearExtraRows();
        m_profileNote.clear();
    }
    m_params = params;
    m_model->setParameters(params);
    const QString policy = params.value(QLatin1String("unmapped")).toString(QStringLiteral("reject"));
    m_unmapped->setCurrentIndex(qMax(0, m_unmapped->findData(policy)));
    if (!m_default->hasFocus() || !sameTransform)
        m_default->setText(params.value(QLatin1String("default")).toString());
    m_default->setEnabled(policy == QLatin1String("default"));
    m_ignoreCase->setChecked(params.value(QLatin1String("ignoreCase")).toBool());
    m_updating = false;
    updateSummary();
}

void ValueMapEditor::setCodelist(const QString& name, const QStringList& terms)
{
    m_model->setCodelist(name, terms);
    m_codelist->setText(name.isEmpty() ? tr("No codelist: any code is accepted.")
                                       : tr("Codelist %1: %2").arg(name, terms.join(QStringLiteral(", "))));
}

void ValueMapEditor::setSample(const core::MappingModel* mapping, const QString& file, const QString& column)
{
    if (mapping != m_mapping || file != m_file || column != m_column)
        cancelProfile();
    m_mapping = mapping;
    m_file = file;
    m_column = column;
    updateProfileButton();
    m_profile->setToolTip(file.isEmpty() ? tr("Open a sample to profile the values of the source column")
                                         : tr("Read the distinct values of %1 from %2 and pre-fill the codes that "
                                              "match the codelist")
                                               .arg(column, QFileInfo(file).fileName()));
}

bool ValueMapEditor::profileValues()
{
    if (!m_mapping || m_file.isEmpty() || m_column.isEmpty() || isProfiling())
        return false;
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancel;
    m_profiledColumn = m_column;
    // The thread gets copies only: the editor may be gone before it ends.
    m_watcher->setFuture(QtConcurrent::run([file = m_file, doc = m_mapping->toDocument(), column = m_column, cancel] {
        return core::DistinctValueProfiler::profile(file, doc, column, core::DistinctValueProfiler::DefaultLimit,
                                                    cancel.get());
    }));
    m_profileNote = tr("Reading the values of %1 from %2…").arg(m_column, QFileInfo(m_file).fileName());
    m_busy->show();
    updateProfileButton();
    updateSummary();
    return true;
}

bool ValueMapEditor::isProfiling() const
{
    return m_cancel != nullptr;
}

void ValueMapEditor::cancelProfile()
{
    if (!m_cancel)
        return;
    m_cancel->store(true);
    m_cancel.reset();
    m_watcher->disconnect(this);
    // A new watcher: the old one's finished signal, already queued, must not reach profiled().
    m_watcher->deleteLater();
    m_watcher = new QFutureWatcher<core::DistinctValueProfiler::Result>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &ValueMapEditor::profiled);
    m_busy->hide();
    m_profileNote.clear();
    updateProfileButton();
    updateSummary();
}

void ValueMapEditor::hideEvent(QHideEvent* event)
{
    // Closed (another transform shown, the panel or page left), not merely minimised.
    if (!event->spontaneous())
        cancelProfile();
    QWidget::hideEvent(event);
}

void ValueMapEditor::updateProfileButton()
{
    m_profile->setEnabled(!m_file.isEmpty() && !m_column.isEmpty() && !isProfiling());
}

void ValueMapEditor::profiled()
{
    if (!m_cancel)
        return;
    const core::DistinctValueProfiler::Result r = m_watcher->result();
    m_cancel.reset();
    m_busy->hide();
    updateProfileButton();
    if (!r.error.isEmpty()) {
        m_profileNote = tr("The values could not be read: %1").arg(r.error);
        updateSummary();
        emit profileFinished(false);
        return;
    }
    const QLocale locale;
    m_profileNote = tr("%1: %2 distinct values in %3 rows (%4 empty).")
                        .arg(m_profiledColumn, locale.toString(r.values.size()), locale.toString(r.rows),
                             locale.toString(r.nulls));
    if (r.capped)
        m_profileNote += QLatin1Char(' ')
            + tr("Only the first %1 distinct values are shown; %2 more rows have other values.")
                  .arg(locale.toString(core::DistinctValueProfiler::DefaultLimit), locale.toString(r.uncounted));
    m_model->setProfile(r);
    const QJsonObject prefilled = m_model->prefilledMap();
    if (prefilled != m_model->map())
        edit(QStringLiteral("map"), prefilled, tr("Pre-fill the value map from the values of %1").arg(m_profiledColumn));
    updateSummary();
    emit profileFinished(true);
}

void ValueMapEditor::edit(const QString& key, const QJsonValue& value, const QString& text)
{
    if (m_updating)
        return;
    QJsonObject p = m_params;
    p.insert(key, value);
    if (p != m_params)
        emit parametersEdited(p, text);
}

void ValueMapEditor::addValue()
{
    const QString value = m_newValue->text();
    if (m_model->addSourceValue(value)) {
        m_newValue->clear();
        const int row = m_model->rowOf(value);
        m_table->setCurrentIndex(m_model->index(row, core::ValueMapModel::CodeColumn));
        m_table->setFocus(Qt::OtherFocusReason);
    }
}

void ValueMapEditor::updateSummary()
{
    QStringList parts;
    if (!m_profileNote.isEmpty())
        parts << m_profileNote;
    const int unmapped = m_model->count(core::ValueMapModel::NotMapped);
    const int outside = m_model->count(core::ValueMapModel::NotInCodelist);
    if (unmapped)
        parts << tr("%n value(s) without a code.", nullptr, unmapped);
    if (outside)
        parts << tr("%n code(s) outside the codelist.", nullptr, outside);
    m_summary->setText(parts.join(QLatin1Char(' ')));
}

} // namespace tb::ui
