#include "designer/TransformPanel.h"

#include "designer/DateTransformEditor.h"
#include "designer/DesignerScene.h"
#include "designer/FieldItem.h"
#include "designer/LinkItem.h"
#include "designer/ValueMapEditor.h"
#include "designer/commands/SetTransformsCommand.h"
#include "mapping/MappingModel.h"
#include "mapping/SourceSchemaModel.h"
#include "mapping/TransformFactory.h"
#include "style/ThemedIcon.h"

#include <QAction>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace tb::ui {

namespace {

QString compactJson(const QJsonValue& v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    // A scalar short form ("V{0}"): as its JSON text.
    const QByteArray wrapped = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

// The editor pages, in the stack's order.
enum Page { NoEditorPage, ValueMapPage, DatePage, GenericPage };

} // namespace

TransformPanel::TransformPanel(core::MappingModel* mapping, core::SourceSchemaModel* source, DesignerScene* scene,
                               QUndoStack* undoStack, QWidget* parent)
    : QWidget(parent), m_mapping(mapping), m_source(source), m_scene(scene), m_undo(undoStack)
{
    setObjectName(QStringLiteral("transformPanel"));
    setMinimumWidth(300);

    m_targetLabel = new QLabel;
    m_targetLabel->setObjectName(QStringLiteral("transformTarget"));
    m_targetLabel->setTextFormat(Qt::PlainText);
    m_targetLabel->setWordWrap(true);
    QFont bold = m_targetLabel->font();
    bold.setBold(true);
    m_targetLabel->setFont(bold);
    m_sourcesLabel = new QLabel;
    m_sourcesLabel->setObjectName(QStringLiteral("transformSources"));
    m_sourcesLabel->setTextFormat(Qt::PlainText);
    m_sourcesLabel->setWordWrap(true);

    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("transformList"));
    m_list->setAccessibleName(tr("Transforms, applied from top to bottom"));
    // About five transforms before it scrolls: the editor below needs the height.
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 5 + 2 * m_list->frameWidth() + 6);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        updateButtons();
        showEditor();
    });
    auto* listLabel = new QLabel(tr("&Transforms (applied top to bottom):"));
    listLabel->setBuddy(m_list);

    auto button = [this](const QString& text, const char* icon, const char* name, const QKeySequence& key) {
        auto* b = new QToolButton;
        b->setObjectName(QLatin1String(name));
        b->setText(text);
        b->setIcon(ThemedIcon::get(QLatin1String(icon)));
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        b->setFocusPolicy(Qt::StrongFocus);
        if (!key.isEmpty()) {
            // A panel-wide shortcut: it works from the list and from the editors, not only on the button.
            auto* a = new QAction(text, this);
            a->setShortcut(key);
            a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            addAction(a);
            connect(a, &QAction::triggered, b, &QToolButton::click);
            b->setToolTip(QStringLiteral("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')), key.toString(QKeySequence::NativeText)));
        }
        return b;
    };
    m_add = button(tr("&Add"), "add", "addTransform", {});
    m_addMenu = new QMenu(m_add);
    m_addMenu->setObjectName(QStringLiteral("addTransformMenu"));
    for (const QString& name : core::TransformFactory::names()) {
        QAction* a = m_addMenu->addAction(name);
        a->setObjectName(QStringLiteral("add-") + name);
        connect(a, &QAction::triggered, this, [this, name] { addTransform(name); });
    }
    m_add->setMenu(m_addMenu);
    m_add->setPopupMode(QToolButton::InstantPopup);
    m_add->setToolTip(tr("Add a transform after the selected one"));
    m_up = button(tr("&Up"), "up", "moveTransformUp", QKeySequence(Qt::ALT | Qt::Key_Up));
    m_down = button(tr("Do&wn"), "down", "moveTransformDown", QKeySequence(Qt::ALT | Qt::Key_Down));
    m_remove = button(tr("&Remove"), "delete", "removeTransform", {});
    m_remove->setToolTip(tr("Remove the selected transform"));
    connect(m_up, &QToolButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveCurrent(1); });
    connect(m_remove, &QToolButton::clicked, this, [this] { removeCurrent(); });

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("transformError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    m_noEditor = new QLabel;
    m_noEditor->setObjectName(QStringLiteral("transformHint"));
    m_noEditor->setWordWrap(true);
    m_noEditor->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_valueMap = new ValueMapEditor;
    m_date = new DateTransformEditor;
    m_generic = new QWidget;
    m_parameters = new QLineEdit;
    m_parameters->setObjectName(QStringLiteral("transformParameters"));
    m_parameters->setAccessibleName(tr("Parameters of the transform (JSON)"));
    m_parametersHelp = new QLabel;
    m_parametersHelp->setWordWrap(true);
    m_parametersHelp->setTextFormat(Qt::PlainText);
    auto* parametersLabel = new QLabel(tr("&Parameters (JSON):"));
    parametersLabel->setBuddy(m_parameters);
    auto* genericLayout = new QVBoxLayout(m_generic);
    genericLayout->setContentsMargins(0, 0, 0, 0);
    genericLayout->addWidget(parametersLabel);
    genericLayout->addWidget(m_parameters);
    genericLayout->addWidget(m_parametersHelp);
    genericLayout->addStretch(1);
    connect(m_parameters, &QLineEdit::editingFinished, this, [this] {
        const int row = currentTransform();
        if (row < 0 || !m_parameters->isModified())
            return;
        m_parameters->setModified(false);
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson("[" + m_parameters->text().toUtf8() + "]", &parseError);
        if (parseError.error != QJsonParseError::NoError || doc.array().size() != 1) {
            m_error->setText(tr("The parameters are not JSON: %1").arg(parseError.errorString()));
            m_error->show();
            return;
        }
        // A spec the engine would refuse stays in the field with the reason; the document keeps the last valid one.
        QString error;
        if (!core::TransformFactory::create({m_chain[row].name, doc.array().first()}, &error)) {
            m_error->setText(tr("Not valid: %1").arg(error));
            m_error->show();
            return;
        }
        replaceCurrent(doc.array().first(), tr("Edit the parameters of %1").arg(m_chain[row].name));
    });

    m_editors = new QStackedWidget;
    m_editors->setObjectName(QStringLiteral("transformEditors"));
    m_editors->insertWidget(NoEditorPage, m_noEditor);
    m_editors->insertWidget(ValueMapPage, m_valueMap);
    m_editors->insertWidget(DatePage, m_date);
    m_editors->insertWidget(GenericPage, m_generic);
    connect(m_valueMap, &ValueMapEditor::parametersEdited, this, &TransformPanel::replaceCurrent);
    connect(m_date, &DateTransformEditor::parametersEdited, this, &TransformPanel::replaceCurrent);

    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    for (QToolButton* b : {m_add, m_up, m_down, m_remove})
        buttons->addWidget(b);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->addWidget(m_targetLabel);
    layout->addWidget(m_sourcesLabel);
    layout->addWidget(listLabel);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    layout->addWidget(m_error);
    // The editor scrolls when the pane is short, rather than holding the window taller than the screen.
    auto* editorScroll = new QScrollArea;
    editorScroll->setObjectName(QStringLiteral("transformEditorScroll"));
    editorScroll->setWidget(m_editors);
    editorScroll->setWidgetResizable(true);
    editorScroll->setFrameShape(QFrame::NoFrame);
    editorScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(editorScroll, 1);

    connect(m_mapping, &core::MappingModel::fieldChanged, this, [this](const QString& target) {
        if (target == m_target)
            refresh();
    });
    connect(m_mapping, &core::MappingModel::documentReset, this, [this] { showTarget({}, {}); });
    connect(m_mapping, &core::MappingModel::changed, this, [this] {
        if (!m_target.isEmpty())
            refresh(); // the sources of the field
    });
    connect(m_scene, &DesignerScene::selectionStateChanged, this, &TransformPanel::followSelection);
    showTarget({}, {});
}

void TransformPanel::followSelection()
{
    // One link: its field and column. One target field: its chain, read from its first source.
    QString target, column;
    const QList<QGraphicsItem*> selected = m_scene->selectedItems();
    if (selected.size() == 1 && selected.first()->type() == LinkItem::Type) {
        const core::MappingLink l = m_mapping->link(static_cast<LinkItem*>(selected.first())->id());
        target = l.target;
        column = l.column;
    } else if (selected.size() == 1 && selected.first()->type() == FieldItem::Type) {
        auto* f = static_cast<FieldItem*>(selected.first());
        if (f->side() == FieldItem::Side::Target && f->isConnectable()) {
            target = f->key();
            const QVector<int> links = m_mapping->linksTo(target);
            if (!links.isEmpty())
                column = m_mapping->link(links.first()).column;
        }
    }
    if (target != m_target || column != m_column)
        showTarget(target, column);
}

void TransformPanel::showTarget(const QString& target, const QString& column)
{
    m_target = target;
    m_column = column;
    m_editorRow = -1;
    m_pendingRow = target.isEmpty() ? -1 : 0;
    refresh();
}

QString TransformPanel::fieldCodelist() const
{
    const core::EntityDef* e = m_mapping->entity();
    const core::FieldDef* f = e ? e->field(m_target) : nullptr;
    return f ? f->codelist : QString();
}

QJsonValue TransformPanel::defaultParameters(const QString& name) const
{
    if (name == QLatin1String("valueMap")) {
        QJsonObject p{{QStringLiteral("map"), QJsonObject()}, {QStringLiteral("unmapped"), QStringLiteral("reject")}};
        if (!fieldCodelist().isEmpty())
            p.insert(QLatin1String("codelist"), fieldCodelist());
        return p;
    }
    if (name == QLatin1String("date"))
        return QJsonObject{{QStringLiteral("format"), QStringLiteral("iso")}};
    if (name == QLatin1String("case"))
        return QJsonObject{{QStringLiteral("to"), QStringLiteral("upper")}};
    if (name == QLatin1String("number"))
        return QJsonObject{{QStringLiteral("decimal"), QStringLiteral(".")}};
    if (name == QLatin1String("format"))
        return QJsonObject{{QStringLiteral("pattern"), QStringLiteral("{0}")}};
    if (name == QLatin1String("concat"))
        return QJsonObject{{QStringLiteral("separator"), QStringLiteral(" ")}};
    if (name == QLatin1String("default"))
        return QJsonObject{{QStringLiteral("value"), QString()}};
    if (name == QLatin1String("replace"))
        return QJsonObject{{QStringLiteral("regex"), QStringLiteral("\\s+")}, {QStringLiteral("with"), QStringLiteral(" ")}};
    if (name == QLatin1String("lookup"))
        return QJsonObject{{QStringLiteral("entity"), QStringLiteral("site")},
                           {QStringLiteral("match"), QStringLiteral("site_number")},
                           {QStringLiteral("return"), QStringLiteral("site_id")}};
    return QJsonObject();
}

QString TransformPanel::summary(const core::TransformSpec& spec) const
{
    const QJsonObject o = spec.params.toObject();
    if (spec.name == QLatin1String("valueMap"))
        return tr("valueMap: %n code(s), unmapped %1", nullptr, int(o.value(QLatin1String("map")).toObject().size()))
            .arg(o.value(QLatin1String("unmapped")).toString(QStringLiteral("reject")));
    if (spec.name == QLatin1String("date") && spec.params.isObject())
        return tr("date: %1, zone %2")
            .arg(o.value(QLatin1String("format")).toString(QStringLiteral("iso")),
                 o.value(QLatin1String("zone")).toString(QStringLiteral("UTC")));
    const QString params = compactJson(spec.params);
    return params == QLatin1String("{}") ? spec.name : spec.name + QStringLiteral(" ") + params;
}

void TransformPanel::refresh()
{
    const int keep = m_pendingRow >= 0 ? m_pendingRow : m_list->currentRow();
    m_pendingRow = -1;
    m_chain = m_target.isEmpty() ? QVector<core::TransformSpec>() : m_mapping->transforms(m_target);

    const QSignalBlocker block(m_list);
    m_list->clear();
    if (m_target.isEmpty()) {
        m_targetLabel->setText(tr("Transforms"));
        m_sourcesLabel->setText(tr("Select a link or a target field to see and edit its transforms."));
    } else {
        m_targetLabel->setText(tr("Target field: %1").arg(m_target));
        QStringList columns;
        for (int id : m_mapping->linksTo(m_target))
            columns << m_mapping->link(id).column;
        if (!columns.isEmpty())
            m_sourcesLabel->setText(tr("From: %1").arg(columns.join(QStringLiteral(", "))));
        else if (!m_mapping->param(m_target).isEmpty())
            m_sourcesLabel->setText(tr("From the study parameter %1").arg(m_mapping->param(m_target)));
        else if (!m_mapping->constValue(m_target).isNull())
            m_sourcesLabel->setText(tr("The constant \"%1\"").arg(m_mapping->constValue(m_target)));
        else
            m_sourcesLabel->setText(tr("Not mapped: its transforms apply once a source column is connected."));
        for (const core::TransformSpec& spec : std::as_const(m_chain)) {
            auto* item = new QListWidgetItem(summary(spec), m_list);
            QString error;
            if (!core::TransformFactory::create(spec, &error)) {
                item->setIcon(ThemedIcon::get(QStringLiteral("problems")));
                item->setToolTip(error);
            }
        }
    }
    if (!m_chain.isEmpty())
        m_list->setCurrentRow(qBound(0, keep, int(m_chain.size()) - 1));
    updateButtons();
    showEditor();
}

void TransformPanel::updateButtons()
{
    const int row = m_list->currentRow();
    m_list->setEnabled(!m_target.isEmpty());
    m_add->setEnabled(!m_target.isEmpty());
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_chain.size());
    m_remove->setEnabled(row >= 0);
}

void TransformPanel::showEditor()
{
    const int row = currentTransform();
    if (row < 0) {
        m_error->hide();
        m_noEditor->setText(m_target.isEmpty() ? QString()
                                               : tr("No transform selected: the value is used as it is read. "
                                                    "Add one with Add."));
        m_editors->setCurrentIndex(NoEditorPage);
        m_editorRow = -1;
        return;
    }
    const core::TransformSpec& spec = m_chain[row];
    QString error;
    const bool valid = core::TransformFactory::create(spec, &error) != nullptr;
    m_error->setText(valid ? QString() : tr("Not valid: %1").arg(error));
    m_error->setVisible(!valid);
    const bool same = m_editorTarget == m_target && m_editorRow == row && m_editorName == spec.name;
    m_editorTarget = m_target;
    m_editorRow = row;
    m_editorName = spec.name;

    if (spec.name == QLatin1String("valueMap") && spec.params.isObject()) {
        const QJsonObject p = spec.params.toObject();
        const QString codelist = p.value(QLatin1String("codelist")).toString(fieldCodelist());
        const auto schema = m_mapping->schema();
        m_valueMap->setCodelist(codelist, schema ? schema->codelist(codelist) : QStringList());
        m_valueMap->setSample(m_mapping, m_source->sourceFile(), m_column);
        m_valueMap->setParameters(p, same);
        m_editors->setCurrentIndex(ValueMapPage);
    } else if (spec.name == QLatin1String("date") && spec.params.isObject()) {
        m_date->setParameters(spec.params.toObject());
        m_editors->setCurrentIndex(DatePage);
    } else {
        if (!same || !m_parameters->hasFocus()) {
            m_parameters->setText(compactJson(spec.params));
            m_parameters->setModified(false);
        }
        m_parametersHelp->setText(tr("The parameters of %1 as in the mapping document (docs/mapping-format.md).")
                                      .arg(spec.name));
        m_editors->setCurrentIndex(GenericPage);
    }
}

int TransformPanel::currentTransform() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_chain.size() ? row : -1;
}

void TransformPanel::setCurrentTransform(int index)
{
    m_list->setCurrentRow(index);
}

void TransformPanel::push(const QVector<core::TransformSpec>& chain, const QString& text, int selectAfter)
{
    m_pendingRow = selectAfter;
    m_undo->push(new SetTransformsCommand(m_mapping, m_target, chain, text));
    m_pendingRow = -1;
}

bool TransformPanel::addTransform(const QString& name)
{
    if (m_target.isEmpty() || !core::TransformFactory::names().contains(name))
        return false;
    QVector<core::TransformSpec> chain = m_chain;
    const int at = currentTransform() + 1 > 0 ? currentTransform() + 1 : int(chain.size());
    chain.insert(at, core::TransformSpec{name, defaultParameters(name)});
    push(chain, tr("Add %1 to %2").arg(name, m_target), at);
    m_list->setFocus(Qt::OtherFocusReason);
    return true;
}

bool TransformPanel::moveCurrent(int delta)
{
    const int row = currentTransform();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_chain.size())
        return false;
    QVector<core::TransformSpec> chain = m_chain;
    chain.move(row, to);
    push(chain, tr("Move %1 of %2 %3").arg(m_chain[row].name, m_target, delta < 0 ? tr("up") : tr("down")), to);
    return true;
}

bool TransformPanel::removeCurrent()
{
    const int row = currentTransform();
    if (row < 0)
        return false;
    QVector<core::TransformSpec> chain = m_chain;
    chain.removeAt(row);
    push(chain, tr("Remove %1 from %2").arg(m_chain[row].name, m_target), qMin(row, int(chain.size()) - 1));
    return true;
}

void TransformPanel::replaceCurrent(const QJsonValue& params, const QString& text)
{
    const int row = currentTransform();
    if (row < 0)
        return;
    QVector<core::TransformSpec> chain = m_chain;
    if (chain[row].params == params)
        return;
    chain[row].params = params;
    push(chain, text, row);
}

} // namespace tb::ui
