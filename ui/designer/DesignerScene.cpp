#include "designer/DesignerScene.h"

#include "designer/DraftLinkItem.h"
#include "designer/LinkClipboard.h"
#include "designer/LinkItem.h"
#include "designer/commands/ConnectCommand.h"
#include "designer/commands/RemoveLinksCommand.h"
#include "designer/commands/RetargetCommand.h"
#include "designer/commands/SetTransformsCommand.h"
#include "mapping/MappingModel.h"
#include "mapping/SourceSchemaModel.h"
#include "mapping/TargetSchemaModel.h"

#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QKeyEvent>
#include <QLineF>
#include <QMimeData>
#include <QPainter>
#include <QUndoStack>

#include <algorithm>

namespace tb::ui {

namespace {
constexpr qreal HeaderGap = 8;
constexpr qreal HandleRadius = 9;

QString joinDetail(const QString& a, const QString& b)
{
    if (a.isEmpty())
        return b;
    if (b.isEmpty())
        return a;
    return a + QStringLiteral(" · ") + b;
}
} // namespace

DesignerScene::DesignerScene(core::MappingModel* mapping, core::SourceSchemaModel* source,
                             QAbstractItemModel* sourceView, core::TargetSchemaModel* target, QUndoStack* undoStack,
                             QObject* parent)
    : QGraphicsScene(parent), m_mapping(mapping), m_source(source), m_sourceView(sourceView), m_target(target),
      m_undo(undoStack)
{
    using core::MappingModel;
    connect(m_mapping, &MappingModel::documentReset, this, &DesignerScene::rebuild);
    connect(m_mapping, &MappingModel::sourceColumnsChanged, this, &DesignerScene::rebuild);
    connect(m_mapping, &MappingModel::fieldChanged, this, &DesignerScene::rebuild);
    connect(m_mapping, &MappingModel::linkChanged, this, &DesignerScene::rebuild);
    connect(m_mapping, &MappingModel::linkAdded, this, [this](int id) {
        const core::MappingLink l = m_mapping->link(id);
        if (needsPlaceholder(l.column, l.target))
            rebuild();
        else
            addLinkItem(id);
    });
    connect(m_mapping, &MappingModel::linkRemoved, this, [this](int id, const QString& column, const QString& target) {
        if (LinkItem* item = m_links.take(id)) {
            delete item;
            invalidateLinks();
        }
        if (needsPlaceholder(column, target))
            rebuild();
    });
    connect(m_mapping, &MappingModel::problemsChanged, this, &DesignerScene::refreshStates);
    for (QAbstractItemModel* m : {m_sourceView, static_cast<QAbstractItemModel*>(m_target)}) {
        connect(m, &QAbstractItemModel::modelReset, this, &DesignerScene::rebuild);
        connect(m, &QAbstractItemModel::layoutChanged, this, &DesignerScene::rebuild);
        connect(m, &QAbstractItemModel::rowsInserted, this, &DesignerScene::rebuild);
        connect(m, &QAbstractItemModel::rowsRemoved, this, &DesignerScene::rebuild);
    }
    connect(this, &QGraphicsScene::selectionChanged, this, &DesignerScene::onSelectionChanged);
    rebuild();
}

DesignerScene::~DesignerScene()
{
    // The base destructor deletes the items and reports the selection changing: not to us any more.
    disconnect(this, nullptr, this, nullptr);
    m_links.clear();
    m_sourceOrder.clear();
    m_targetOrder.clear();
}

FieldItem* DesignerScene::sourceItem(const QString& column) const
{
    if (FieldItem* f = m_sourceItems.value(column))
        return f;
    return m_foldedItems.value(column);
}

FieldItem* DesignerScene::targetItem(const QString& field) const
{
    return m_targetItems.value(field);
}

FieldItem* DesignerScene::groupItem(const QString& path) const
{
    return m_groupItems.value(path);
}

LinkItem* DesignerScene::linkItem(int id) const
{
    return m_links.value(id);
}

QList<LinkItem*> DesignerScene::linkItems() const
{
    return m_links.values();
}

QList<FieldItem*> DesignerScene::fieldItems(FieldItem::Side side) const
{
    return side == FieldItem::Side::Source ? m_sourceOrder : m_targetOrder;
}

FieldItem* DesignerScene::armedSource() const
{
    return m_armed.isEmpty() ? nullptr : m_sourceItems.value(m_armed);
}

bool DesignerScene::needsPlaceholder(const QString& column, const QString& target) const
{
    return !m_source->hasColumn(column) || !m_target->fields().contains(target);
}

void DesignerScene::rebuild()
{
    if (m_rebuilding)
        return;
    m_rebuilding = true;
    // Keep what was selected and focused across the rebuild, by key.
    QSet<QString> selectedSources, selectedTargets, selectedGroups;
    const QVector<int> selectedLinks = selectedLinkIds();
    QString focusKey;
    FieldItem::Side focusSide = FieldItem::Side::Source;
    for (QGraphicsItem* i : selectedItems())
        if (i->type() == FieldItem::Type) {
            auto* f = static_cast<FieldItem*>(i);
            (f->kind() == FieldItem::Kind::Group ? selectedGroups
             : f->side() == FieldItem::Side::Source ? selectedSources
                                                     : selectedTargets)
                .insert(f->key());
        }
    if (FieldItem* f = currentField()) {
        focusKey = f->key();
        focusSide = f->side();
    }
    const bool hadSelection = !selectedItems().isEmpty();
    if (hadSelection)
        blockSignals(true);

    for (LinkItem* l : std::as_const(m_links))
        delete l;
    for (FieldItem* f : std::as_const(m_sourceOrder))
        delete f;
    for (FieldItem* f : std::as_const(m_targetOrder))
        delete f;
    for (QGraphicsItem* i : items())
        if (i->type() == FieldItem::Type) // the headers
            delete i;
    m_links.clear();
    m_sourceItems.clear();
    m_foldedItems.clear();
    m_targetItems.clear();
    m_groupItems.clear();
    m_sourceOrder.clear();
    m_targetOrder.clear();
    m_dropTarget = nullptr;

    // Source column.
    const QString file = m_source->sourceFile();
    auto* sourceHeader = new FieldItem(FieldItem::Side::Source, FieldItem::Kind::Header, {},
                                       file.isEmpty() ? tr("Source") : tr("Source: %1").arg(QFileInfo(file).fileName()),
                                       file.isEmpty() ? tr("columns the mapping names; open a sample for all") : QString(),
                                       0, ColumnWidth);
    addItem(sourceHeader);
    qreal y = FieldItem::RowHeight + HeaderGap;
    addSourceRows({}, 0, {}, true, nullptr, &y);
    // Columns the links name that the source lacks: placeholders, so that broken links show where they go.
    QStringList missing;
    for (const core::MappingLink& l : m_mapping->links())
        if (!m_source->hasColumn(l.column) && !missing.contains(l.column))
            missing << l.column;
    if (!missing.isEmpty())
        y += HeaderGap;
    for (const QString& c : std::as_const(missing)) {
        auto* f = new FieldItem(FieldItem::Side::Source, FieldItem::Kind::Missing, c, c, tr("not in the source"), 0,
                                ColumnWidth);
        f->setPos(0, y);
        addItem(f);
        m_sourceItems.insert(c, f);
        m_sourceOrder << f;
        y += FieldItem::RowHeight;
    }

    // Target column.
    const QModelIndex entity = m_target->index(0, 0);
    auto* targetHeader = new FieldItem(
        FieldItem::Side::Target, FieldItem::Kind::Header, {},
        entity.isValid() ? tr("Target: %1").arg(entity.data().toString()) : tr("Target: no entity"),
        entity.isValid() ? m_target->index(0, core::TargetSchemaModel::LabelColumn).data().toString() : QString(), 0,
        ColumnWidth);
    targetHeader->setPos(TargetX, 0);
    addItem(targetHeader);
    y = FieldItem::RowHeight + HeaderGap;
    const int fields = m_target->rowCount(entity);
    for (int row = 0; row < fields; ++row) {
        const QModelIndex i = m_target->index(row, 0, entity);
        const QString name = i.data(core::TargetSchemaModel::FieldRole).toString();
        QString detail = joinDetail(m_target->index(row, core::TargetSchemaModel::LabelColumn, entity).data().toString(),
                                    m_target->index(row, core::TargetSchemaModel::TypeColumn, entity).data().toString());
        if (!m_mapping->param(name).isEmpty())
            detail = tr("= study parameter %1").arg(m_mapping->param(name));
        else if (!m_mapping->constValue(name).isNull())
            detail = tr("= \"%1\"").arg(m_mapping->constValue(name));
        auto* f = new FieldItem(FieldItem::Side::Target, FieldItem::Kind::Field, name, name, detail, 0, ColumnWidth);
        f->setRequired(i.data(core::TargetSchemaModel::RequiredRole).toBool());
        f->setPos(TargetX, y);
        addItem(f);
        m_targetItems.insert(name, f);
        m_targetOrder << f;
        y += FieldItem::RowHeight;
    }
    QStringList unknown;
    for (const core::MappingLink& l : m_mapping->links())
        if (!m_targetItems.contains(l.target) && !unknown.contains(l.target))
            unknown << l.target;
    if (!unknown.isEmpty())
        y += HeaderGap;
    for (const QString& t : std::as_const(unknown)) {
        auto* f = new FieldItem(FieldItem::Side::Target, FieldItem::Kind::Missing, t, t, tr("not a field of the entity"),
                                0, ColumnWidth);
        f->setPos(TargetX, y);
        addItem(f);
        m_targetItems.insert(t, f);
        m_targetOrder << f;
        y += FieldItem::RowHeight;
    }

    for (const core::MappingLink& l : m_mapping->links())
        addLinkItem(l.id);

    // Selection and focus back.
    for (FieldItem* f : std::as_const(m_sourceOrder))
        if ((f->kind() == FieldItem::Kind::Group ? selectedGroups : selectedSources).contains(f->key()))
            f->setSelected(true);
    for (FieldItem* f : std::as_const(m_targetOrder))
        if (selectedTargets.contains(f->key()))
            f->setSelected(true);
    for (int id : selectedLinks)
        if (LinkItem* l = m_links.value(id))
            l->setSelected(true);
    if (!focusKey.isEmpty()) {
        const QList<FieldItem*>& list = focusSide == FieldItem::Side::Source ? m_sourceOrder : m_targetOrder;
        for (FieldItem* f : list)
            if (f->key() == focusKey) {
                setFocusItem(f);
                break;
            }
    }
    if (hadSelection)
        blockSignals(false);
    setSceneRect(itemsBoundingRect().adjusted(-16, -16, 16, 16));
    m_rebuilding = false;
    refreshStates();
    emit selectionStateChanged();
}

void DesignerScene::addSourceRows(const QModelIndex& parent, int depth, const QString& path, bool visible,
                                  FieldItem* folded, qreal* y)
{
    const int rows = m_sourceView->rowCount(parent);
    for (int row = 0; row < rows; ++row) {
        const QModelIndex i = m_sourceView->index(row, 0, parent);
        const QString name = i.data().toString();
        const QString column = i.data(core::SourceSchemaModel::ColumnRole).toString();
        const QString detail =
            joinDetail(m_sourceView->index(row, core::SourceSchemaModel::LabelColumn, parent).data().toString(),
                       m_sourceView->index(row, core::SourceSchemaModel::TypeColumn, parent).data().toString());
        if (!column.isEmpty()) {
            if (visible && !m_sourceItems.contains(column)) {
                auto* f = new FieldItem(FieldItem::Side::Source, FieldItem::Kind::Field, column, name, detail, depth,
                                        ColumnWidth);
                f->setPos(0, *y);
                addItem(f);
                m_sourceItems.insert(column, f);
                m_sourceOrder << f;
                *y += FieldItem::RowHeight;
            } else if (visible) {
                // An ODM item used in several places: its other places are rows too, but links attach to the first.
                auto* f = new FieldItem(FieldItem::Side::Source, FieldItem::Kind::Field, column, name, detail, depth,
                                        ColumnWidth);
                f->setPos(0, *y);
                addItem(f);
                m_sourceOrder << f;
                *y += FieldItem::RowHeight;
            } else if (folded && !m_foldedItems.contains(column)) {
                m_foldedItems.insert(column, folded);
            }
            continue;
        }
        const QString groupPath = path + QLatin1Char('/') + name;
        const bool expanded = !m_collapsed.contains(groupPath);
        FieldItem* group = nullptr;
        if (visible) {
            group = new FieldItem(FieldItem::Side::Source, FieldItem::Kind::Group, groupPath, name, detail, depth,
                                  ColumnWidth);
            group->setHasChildren(m_sourceView->rowCount(i) > 0);
            group->setExpanded(expanded);
            group->setPos(0, *y);
            addItem(group);
            m_groupItems.insert(groupPath, group);
            m_sourceOrder << group;
            *y += FieldItem::RowHeight;
        }
        addSourceRows(i, depth + 1, groupPath, visible && expanded, visible ? (expanded ? nullptr : group) : folded, y);
    }
}

void DesignerScene::addLinkItem(int id)
{
    auto* item = new LinkItem(id);
    addItem(item);
    m_links.insert(id, item);
    updateLink(item);
    invalidateLinks();
}

void DesignerScene::invalidateLinks()
{
    invalidate(QRectF(), BackgroundLayer);
}

void DesignerScene::drawBackground(QPainter* painter, const QRectF& rect)
{
    QGraphicsScene::drawBackground(painter, rect);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing); // the view's cache painter does not inherit its hints
    for (const bool broken : {false, true}) // broken links over the others
        for (LinkItem* l : std::as_const(m_links))
            if (l->isVisible() && l->isBroken() == broken && l->boundingRect().intersects(rect))
                l->paintCurve(painter, rect);
    painter->restore();
}

void DesignerScene::updateLink(LinkItem* item)
{
    const core::MappingLink l = m_mapping->link(item->id());
    FieldItem* s = sourceItem(l.column);
    FieldItem* t = targetItem(l.target);
    // While its end is dragged elsewhere, the draft stands for it.
    const bool dragged = m_draft && m_draft->retargetedLink() == item->id();
    item->setVisible(s && t && !dragged);
    if (s && t)
        item->setEnds(s->anchor(), t->anchor());
    item->setToolTip(QStringLiteral("%1 → %2").arg(l.column, l.target));
}

void DesignerScene::refreshStates()
{
    if (m_rebuilding)
        return;
    const QVector<core::MappingProblem> problems = m_mapping->problems();
    QSet<int> broken;
    QSet<QString> unmapped;
    for (const core::MappingProblem& p : problems) {
        if (p.kind == core::MappingProblem::Kind::UnmappedRequired)
            unmapped.insert(p.target);
        else if (p.linkId)
            broken.insert(p.linkId);
    }
    for (FieldItem* f : std::as_const(m_targetOrder)) {
        f->setProblem(f->kind() == FieldItem::Kind::Missing || unmapped.contains(f->key()));
        f->setLinked(!m_mapping->linksTo(f->key()).isEmpty());
    }
    for (FieldItem* f : std::as_const(m_sourceOrder)) {
        if (f->kind() == FieldItem::Kind::Group)
            continue;
        f->setProblem(f->kind() == FieldItem::Kind::Missing);
        f->setLinked(!m_mapping->linksFrom(f->key()).isEmpty());
        f->setArmed(f->key() == m_armed && m_sourceItems.value(f->key()) == f);
    }
    for (LinkItem* l : std::as_const(m_links)) {
        l->setBroken(broken.contains(l->id()));
        updateLink(l);
    }
    invalidateLinks();
}

FieldItem* DesignerScene::fieldAt(const QPointF& pos) const
{
    for (QGraphicsItem* i : items(pos))
        if (i->type() == FieldItem::Type)
            return static_cast<FieldItem*>(i);
    return nullptr;
}

FieldItem* DesignerScene::connectableTargetAt(const QPointF& pos) const
{
    FieldItem* f = fieldAt(pos);
    return f && f->side() == FieldItem::Side::Target && f->kind() == FieldItem::Kind::Field ? f : nullptr;
}

LinkItem* DesignerScene::linkHandleAt(const QPointF& pos) const
{
    LinkItem* best = nullptr;
    qreal bestDistance = HandleRadius;
    for (LinkItem* l : std::as_const(m_links)) {
        if (!l->isVisible())
            continue;
        const qreal d = QLineF(l->to(), pos).length();
        // Several links end at one field: the selected one first.
        if (d < bestDistance || (best && d <= HandleRadius && l->isSelected() && !best->isSelected())) {
            best = l;
            bestDistance = d;
        }
    }
    return best;
}

QVector<int> DesignerScene::selectedLinkIds() const
{
    QVector<int> ids;
    for (QGraphicsItem* i : selectedItems())
        if (i->type() == LinkItem::Type)
            ids << static_cast<LinkItem*>(i)->id();
    return ids;
}

FieldItem* DesignerScene::currentField() const
{
    if (QGraphicsItem* f = focusItem(); f && f->type() == FieldItem::Type && f->isSelected())
        return static_cast<FieldItem*>(f);
    for (QGraphicsItem* i : selectedItems())
        if (i->type() == FieldItem::Type)
            return static_cast<FieldItem*>(i);
    return nullptr;
}

void DesignerScene::selectField(FieldItem* item)
{
    clearSelection();
    if (!item)
        return;
    item->setSelected(true);
    setFocusItem(item);
    for (QGraphicsView* v : views())
        v->ensureVisible(item, 8, 8);
}

void DesignerScene::onSelectionChanged()
{
    for (QGraphicsItem* i : selectedItems())
        if (i->type() == FieldItem::Type) {
            auto* f = static_cast<FieldItem*>(i);
            if (f->side() == FieldItem::Side::Source && f->kind() == FieldItem::Kind::Field) {
                m_armed = f->key();
                break;
            }
        }
    refreshStates();
    emit selectionStateChanged();
}

void DesignerScene::setExpanded(const QString& groupPath, bool expanded)
{
    if (expanded)
        m_collapsed.remove(groupPath);
    else
        m_collapsed.insert(groupPath);
    rebuild();
}

bool DesignerScene::canConnect() const
{
    if (m_armed.isEmpty() || !m_source->hasColumn(m_armed))
        return false;
    for (QGraphicsItem* i : selectedItems())
        if (i->type() == FieldItem::Type) {
            auto* f = static_cast<FieldItem*>(i);
            if (f->side() == FieldItem::Side::Target && f->kind() == FieldItem::Kind::Field)
                return true;
        }
    return false;
}

bool DesignerScene::connectSelected()
{
    if (m_armed.isEmpty() || !m_source->hasColumn(m_armed)) {
        emit message(tr("Choose a source column first, then a target field."));
        return false;
    }
    QStringList targets;
    for (QGraphicsItem* i : selectedItems())
        if (i->type() == FieldItem::Type) {
            auto* f = static_cast<FieldItem*>(i);
            if (f->side() == FieldItem::Side::Target && f->kind() == FieldItem::Kind::Field)
                targets << f->key();
        }
    if (targets.isEmpty()) {
        emit message(tr("Choose a target field for %1.").arg(m_armed));
        return false;
    }
    QStringList todo;
    for (const QString& t : std::as_const(targets))
        if (!m_mapping->findLink(m_armed, t))
            todo << t;
    if (todo.isEmpty()) {
        emit message(tr("%1 is already connected to %2.").arg(m_armed, targets.join(QStringLiteral(", "))));
        return false;
    }
    if (todo.size() == 1) {
        m_undo->push(new ConnectCommand(m_mapping, m_armed, todo.first()));
    } else {
        m_undo->beginMacro(tr("Connect %1 to %2 fields").arg(m_armed).arg(todo.size()));
        for (const QString& t : std::as_const(todo))
            m_undo->push(new ConnectCommand(m_mapping, m_armed, t));
        m_undo->endMacro();
    }
    return true;
}

bool DesignerScene::canDelete() const
{
    for (QGraphicsItem* i : selectedItems()) {
        if (i->type() == LinkItem::Type)
            return true;
        if (i->type() == FieldItem::Type) {
            auto* f = static_cast<FieldItem*>(i);
            if (f->isConnectable()
                && !(f->side() == FieldItem::Side::Source ? m_mapping->linksFrom(f->key()) : m_mapping->linksTo(f->key()))
                        .isEmpty())
                return true;
        }
    }
    return false;
}

QVector<int> DesignerScene::linksOfSelection() const
{
    QVector<int> ids = selectedLinkIds();
    for (QGraphicsItem* i : selectedItems())
        if (i->type() == FieldItem::Type) {
            auto* f = static_cast<FieldItem*>(i);
            if (!f->isConnectable())
                continue;
            const QVector<int> more =
                f->side() == FieldItem::Side::Source ? m_mapping->linksFrom(f->key()) : m_mapping->linksTo(f->key());
            for (int id : more)
                if (!ids.contains(id))
                    ids << id;
        }
    // In the model's order, so that copies and the document list them alike.
    QVector<int> ordered;
    for (const core::MappingLink& l : m_mapping->links())
        if (ids.contains(l.id))
            ordered << l.id;
    return ordered;
}

QStringList DesignerScene::selectedTargetFields() const
{
    QStringList targets;
    for (FieldItem* f : m_targetOrder)
        if (f->isSelected() && f->kind() == FieldItem::Kind::Field)
            targets << f->key();
    return targets;
}

bool DesignerScene::deleteSelected()
{
    const QVector<int> ids = linksOfSelection();
    if (ids.isEmpty()) {
        emit message(tr("Select a link, or a field whose links to remove."));
        return false;
    }
    m_undo->push(new RemoveLinksCommand(m_mapping, ids));
    return true;
}

bool DesignerScene::copySelected()
{
    const QVector<int> ids = linksOfSelection();
    if (ids.isEmpty()) {
        emit message(tr("Select a link, or a field whose links to copy."));
        return false;
    }
    LinkClipboard clip;
    clip.entity = m_mapping->toDocument().targetEntity;
    for (int id : ids) {
        const core::MappingLink l = m_mapping->link(id);
        clip.links << LinkClipboard::Link{l.column, l.target, m_mapping->transforms(l.target)};
    }
    QApplication::clipboard()->setMimeData(clip.toMimeData());
    emit message(tr("Copied %n link(s).", nullptr, int(ids.size())));
    emit selectionStateChanged(); // Paste can do something now
    return true;
}

bool DesignerScene::cutSelected()
{
    const QVector<int> ids = linksOfSelection();
    if (!copySelected())
        return false;
    auto* command = new RemoveLinksCommand(m_mapping, ids);
    command->setText(tr("Cut %n link(s)", nullptr, int(ids.size())));
    m_undo->push(command);
    emit message(tr("Cut %n link(s): paste them onto fields of the same name, or one onto a selected field.", nullptr,
                    int(ids.size())));
    return true;
}

bool DesignerScene::paste()
{
    LinkClipboard clip;
    QString error;
    if (!LinkClipboard::fromMimeData(QApplication::clipboard()->mimeData(), &clip, &error)) {
        emit message(error.isEmpty() ? tr("The clipboard holds no links.") : error);
        return false;
    }
    const QStringList selectedTargets = selectedTargetFields();
    const bool retarget = clip.links.size() == 1 && !selectedTargets.isEmpty();
    const QStringList fields = m_target->fields();
    struct Todo
    {
        QString column, target;
        QVector<core::TransformSpec> transforms;
    };
    QVector<Todo> todo;
    QStringList noColumn, noTarget, existing;
    auto note = [](QStringList& list, const QString& name) {
        if (!list.contains(name))
            list << name;
    };
    for (const LinkClipboard::Link& l : std::as_const(clip.links)) {
        if (!m_source->hasColumn(l.column)) {
            note(noColumn, l.column);
            continue;
        }
        for (const QString& target : retarget ? selectedTargets : QStringList{l.target}) {
            if (!fields.contains(target)) {
                note(noTarget, target);
                continue;
            }
            const bool planned = std::any_of(todo.cbegin(), todo.cend(), [&](const Todo& t) {
                return t.column == l.column && t.target == target;
            });
            if (planned || m_mapping->findLink(l.column, target)) {
                note(existing, QStringLiteral("%1 → %2").arg(l.column, target));
                continue;
            }
            todo << Todo{l.column, target, l.transforms};
        }
    }

    QStringList keptChains;
    QVector<int> pasted;
    if (!todo.isEmpty()) {
        m_undo->beginMacro(tr("Paste %n link(s)", nullptr, int(todo.size())));
        for (const Todo& t : std::as_const(todo)) {
            auto* connect = new ConnectCommand(m_mapping, t.column, t.target);
            m_undo->push(connect);
            pasted << connect->linkId();
            if (t.transforms.isEmpty())
                continue;
            // Transforms belong to the target field, not to one link: a field that has its own keeps them.
            const QVector<core::TransformSpec> own = m_mapping->transforms(t.target);
            if (own.isEmpty())
                m_undo->push(new SetTransformsCommand(m_mapping, t.target, t.transforms,
                                                      tr("Set the transforms of %1").arg(t.target)));
            else if (own != t.transforms)
                note(keptChains, t.target);
        }
        m_undo->endMacro();
        clearSelection();
        for (int id : std::as_const(pasted))
            if (LinkItem* item = m_links.value(id))
                item->setSelected(true);
    }

    const QString separator = QStringLiteral(", ");
    QStringList report;
    report << (pasted.isEmpty() ? tr("Nothing pasted.") : tr("Pasted %n link(s).", nullptr, int(pasted.size())));
    if (!noColumn.isEmpty())
        report << tr("Not in the source: %1.").arg(noColumn.join(separator));
    if (!noTarget.isEmpty())
        report << tr("Not a field of %1: %2.").arg(m_mapping->toDocument().targetEntity, noTarget.join(separator));
    if (!existing.isEmpty())
        report << tr("Already connected: %1.").arg(existing.join(separator));
    if (!keptChains.isEmpty())
        report << tr("Kept the transforms of %1 (they differ from the copied ones).").arg(keptChains.join(separator));
    emit message(report.join(QLatin1Char(' ')));
    return !pasted.isEmpty();
}

void DesignerScene::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QGraphicsScene::mousePressEvent(event);
        return;
    }
    const QPointF pos = event->scenePos();
    if (LinkItem* l = linkHandleAt(pos)) {
        m_pressedLink = l->id();
        m_pressPos = pos;
        clearSelection();
        l->setSelected(true);
        event->accept();
        return;
    }
    FieldItem* f = fieldAt(pos);
    if (f && f->side() == FieldItem::Side::Source && f->kind() == FieldItem::Kind::Field) {
        m_pressedColumn = f->key();
        m_pressPos = pos;
        selectField(f);
        event->accept();
        return;
    }
    if (f && f->kind() == FieldItem::Kind::Group) {
        const QString path = f->key();
        const bool expanded = f->isExpanded();
        selectField(f);
        setExpanded(path, !expanded); // rebuilds: f is gone
        event->accept();
        return;
    }
    QGraphicsScene::mousePressEvent(event);
}

void DesignerScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_pressedColumn.isEmpty() && !m_pressedLink) {
        QGraphicsScene::mouseMoveEvent(event);
        return;
    }
    event->accept();
    const QPointF pos = event->scenePos();
    if (!m_draft) {
        if ((pos - m_pressPos).manhattanLength() < QApplication::startDragDistance())
            return;
        QPointF from;
        LinkItem* moved = nullptr;
        if (m_pressedLink) {
            moved = m_links.value(m_pressedLink);
            if (!moved) {
                m_pressedLink = 0;
                return;
            }
            from = moved->from();
        } else {
            FieldItem* s = m_sourceItems.value(m_pressedColumn);
            if (!s) {
                m_pressedColumn.clear();
                return;
            }
            from = s->anchor();
        }
        m_draft = new DraftLinkItem(from, m_pressedLink);
        addItem(m_draft);
        if (moved) {
            moved->setVisible(false); // the draft stands for it while it moves (updateLink knows)
            invalidateLinks();
        }
    }
    m_draft->setEnd(pos);
    FieldItem* target = connectableTargetAt(pos);
    if (target != m_dropTarget) {
        if (m_dropTarget)
            m_dropTarget->setDropTarget(false);
        m_dropTarget = target;
        if (target)
            target->setDropTarget(true);
    }
}

void DesignerScene::endDrag()
{
    if (m_dropTarget)
        m_dropTarget->setDropTarget(false);
    m_dropTarget = nullptr;
    if (m_draft) {
        removeItem(m_draft);
        delete m_draft;
        m_draft = nullptr;
    }
    // A re-targeted link shows again, selected (in its new place once the command has run).
    if (LinkItem* l = m_links.value(m_pressedLink)) {
        updateLink(l);
        l->setSelected(true);
        invalidateLinks();
    }
    m_pressedColumn.clear();
    m_pressedLink = 0;
}

void DesignerScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_pressedColumn.isEmpty() && !m_pressedLink) {
        QGraphicsScene::mouseReleaseEvent(event);
        return;
    }
    event->accept();
    const bool dragged = m_draft != nullptr;
    const QString column = m_pressedColumn;
    const int linkId = m_pressedLink;
    FieldItem* target = dragged ? connectableTargetAt(event->scenePos()) : nullptr;
    const QString field = target ? target->key() : QString();
    endDrag();
    if (!dragged)
        return;
    if (field.isEmpty()) {
        emit message(tr("Dropped outside a target field: nothing changed."));
        return;
    }
    if (linkId) {
        const core::MappingLink l = m_mapping->link(linkId);
        if (l.target == field)
            return;
        if (m_mapping->findLink(l.column, field)) {
            emit message(tr("%1 is already connected to %2.").arg(l.column, field));
            return;
        }
        m_undo->push(new RetargetCommand(m_mapping, linkId, field));
        return;
    }
    if (m_mapping->findLink(column, field)) {
        emit message(tr("%1 is already connected to %2.").arg(column, field));
        return;
    }
    m_undo->push(new ConnectCommand(m_mapping, column, field));
}

void DesignerScene::keyPressEvent(QKeyEvent* event)
{
    FieldItem* current = currentField();
    const QList<FieldItem*>& sources = m_sourceOrder;
    const QList<FieldItem*>& targets = m_targetOrder;
    switch (event->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down: {
        const QList<FieldItem*>& list = current && current->side() == FieldItem::Side::Target ? targets : sources;
        if (list.isEmpty())
            break;
        int i = current ? int(list.indexOf(current)) : -1;
        i = event->key() == Qt::Key_Down ? i + 1 : (i < 0 ? 0 : i - 1);
        selectField(list.value(qBound(0, i, int(list.size()) - 1)));
        event->accept();
        return;
    }
    case Qt::Key_Left:
    case Qt::Key_Right: {
        const bool toTarget = event->key() == Qt::Key_Right;
        const QList<FieldItem*>& list = toTarget ? targets : sources;
        if (list.isEmpty())
            break;
        // The row of the other column nearest to the current one.
        FieldItem* best = list.first();
        if (current)
            for (FieldItem* f : list)
                if (qAbs(f->y() - current->y()) < qAbs(best->y() - current->y()))
                    best = f;
        if (!toTarget && armedSource())
            best = armedSource();
        selectField(best);
        event->accept();
        return;
    }
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (current && current->kind() == FieldItem::Kind::Group) {
            setExpanded(current->key(), !current->isExpanded());
            event->accept();
            return;
        }
        break;
    default:
        break;
    }
    QGraphicsScene::keyPressEvent(event);
}

} // namespace tb::ui
