#include "designer/PreviewPanel.h"

#include "designer/PreviewModel.h"
#include "mapping/MappingModel.h"
#include "mapping/SourceSchemaModel.h"
#include "settings/ConsoleSettings.h"

#include <QCheckBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace tb::ui {

PreviewPanel::PreviewPanel(core::MappingModel* mapping, core::SourceSchemaModel* source, QWidget* parent)
    : QWidget(parent), m_mapping(mapping), m_source(source)
{
    setObjectName(QStringLiteral("previewPanel"));
    m_model = new PreviewModel(this);

    auto* title = new QLabel(tr("Preview"));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);

    m_limit = new QSpinBox;
    m_limit->setObjectName(QStringLiteral("previewLimit"));
    m_limit->setRange(1, 1000);
    m_limit->setValue(qBound(1, ConsoleSettings::previewRows(), 1000)); // Settings ▸ Preview rows
    m_limit->setPrefix(tr("first "));
    m_limit->setSuffix(tr(" records"));
    m_limit->setAccessibleName(tr("Number of source records to preview"));
    m_limit->setKeyboardTracking(false);

    m_pause = new QCheckBox(tr("&Pause"));
    m_pause->setObjectName(QStringLiteral("previewPause"));
    m_pause->setToolTip(tr("Stop following the edits (for large samples)"));

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("previewStatus"));

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setAccessibleName(tr("Preview: target rows of the first source records"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("previewError"));
    m_error->setWordWrap(true);
    m_error->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setMargin(6);

    m_stack = new QStackedWidget;
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_error);

    m_notes = new QLabel;
    m_notes->setObjectName(QStringLiteral("previewNotes"));
    m_notes->setWordWrap(true);
    m_notes->setTextFormat(Qt::PlainText);
    m_notes->setVisible(false);

    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(title);
    top->addWidget(m_limit);
    top->addWidget(m_pause);
    top->addStretch(1);
    top->addWidget(m_status);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_notes);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &PreviewPanel::start);
    connect(m_mapping, &core::MappingModel::changed, this, &PreviewPanel::schedule);
    connect(m_mapping, &core::MappingModel::documentReset, this, &PreviewPanel::schedule);
    connect(m_mapping, &core::MappingModel::sourceColumnsChanged, this, &PreviewPanel::schedule);
    connect(m_source, &QAbstractItemModel::modelReset, this, &PreviewPanel::schedule);
    connect(m_limit, &QSpinBox::valueChanged, this, &PreviewPanel::schedule);
    connect(m_pause, &QCheckBox::toggled, this, [this](bool paused) {
        if (paused)
            m_status->setText(tr("Paused"));
        else
            schedule();
    });
    schedule();
}

PreviewPanel::~PreviewPanel() = default;

void PreviewPanel::setContext(const core::MappingPreview::Context& context)
{
    m_context = context;
    schedule();
}

void PreviewPanel::setMappingFile(const QString& path)
{
    // Another mapping: its rows replace the last one's, which must not stand in for them meanwhile.
    if (path != m_mappingFile) {
        m_model->setResult({});
        m_status->setText(tr("Updating…"));
    }
    m_mappingFile = path;
    schedule();
}

bool PreviewPanel::isShowingError() const
{
    return m_stack->currentWidget() == m_error;
}

void PreviewPanel::schedule()
{
    // Every edit makes what is computing now stale.
    ++m_generation;
    if (!m_pause->isChecked())
        m_debounce.start();
}

void PreviewPanel::start()
{
    if (m_pause->isChecked())
        return;
    const quint64 generation = m_generation;
    core::MappingPreview::Input input;
    input.mapping = m_mapping->toDocument();
    if (input.mapping.targetEntity.isEmpty()) {
        showResult(generation, {});
        return;
    }
    input.mappingFile = m_mappingFile.isEmpty() ? input.mapping.name : m_mappingFile;
    input.sample = m_source->sourceFile();
    input.context = m_context;
    input.limit = m_limit->value();
    input.schema = m_mapping->schema();
    m_status->setText(tr("Updating…"));
    auto* watcher = new QFutureWatcher<core::MappingPreview::Result>(this);
    connect(watcher, &QFutureWatcher<core::MappingPreview::Result>::finished, this,
            [this, watcher, generation] {
                watcher->deleteLater();
                if (generation == m_generation) // else an edit came since: its own run follows
                    showResult(generation, watcher->result());
            });
    watcher->setFuture(QtConcurrent::run([input] { return core::MappingPreview::run(input); }));
}

void PreviewPanel::showResult(quint64 generation, const core::MappingPreview::Result& result)
{
    m_shown = generation;
    m_model->setResult(result);
    if (result.entity.isEmpty()) {
        m_stack->setCurrentWidget(m_table);
        m_status->setText(tr("No mapping open"));
    } else if (!result.error.isEmpty()) {
        m_error->setText(tr("The mapping cannot be previewed: %1").arg(result.error));
        m_stack->setCurrentWidget(m_error);
        m_status->setText(tr("No preview"));
    } else {
        m_stack->setCurrentWidget(m_table);
        m_status->setText(m_model->statusText());
        m_table->resizeColumnsToContents();
    }
    m_notes->setText(result.notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!result.notes.isEmpty());
    emit updated();
}

} // namespace tb::ui
