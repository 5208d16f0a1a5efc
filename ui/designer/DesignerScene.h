#pragma once

#include "designer/FieldItem.h"

#include <QGraphicsScene>
#include <QHash>
#include <QSet>

class QAbstractItemModel;
class QModelIndex;
class QUndoStack;

namespace tb::core {
class MappingModel;
class SourceSchemaModel;
class TargetSchemaModel;
}

namespace tb::ui {

class DraftLinkItem;
class LinkItem;

// The designer's picture of a mapping: the source tree (through the search filter) on the left, the target
// entity's fields on the right, the links between them. It mirrors the models' signals and changes nothing
// itself: every edit is an undo command on the MappingModel (connect, remove, re-target).
//
// Mouse: press on a source column and drag: a draft link follows the mouse; dropped on a target field it
// becomes a link, anywhere else nothing. Drag the end of a link (its handle) onto another field to
// re-target it. Click a group to fold or unfold it. Keyboard: Up / Down move within a column, Left / Right
// switch columns, Return folds a group; the last chosen source column stays marked ("armed") for
// connectSelected() (Connect, Ctrl+L) with the selected target field. Copy / cut / paste of links go through
// the clipboard (LinkClipboard).
class DesignerScene : public QGraphicsScene
{
    Q_OBJECT
public:
    static constexpr qreal ColumnWidth = 300;
    static constexpr qreal TargetX = 500;

    DesignerScene(core::MappingModel* mapping, core::SourceSchemaModel* source, QAbstractItemModel* sourceView,
                  core::TargetSchemaModel* target, QUndoStack* undoStack, QObject* parent = nullptr);
    ~DesignerScene() override;

    // The row that stands for a source column (its leaf, a folded group above it, or a missing-column
    // placeholder); null when the search hides it.
    FieldItem* sourceItem(const QString& column) const;
    FieldItem* targetItem(const QString& field) const;
    FieldItem* groupItem(const QString& path) const;
    LinkItem* linkItem(int id) const;
    QList<LinkItem*> linkItems() const;
    QList<FieldItem*> fieldItems(FieldItem::Side side) const; // top to bottom
    DraftLinkItem* draftLink() const { return m_draft; }
    FieldItem* armedSource() const;
    QString armedColumn() const { return m_armed; }

    // Keyboard Connect: the armed source column to the selected target field. False (with message())
    // when one is missing or they are already connected.
    bool connectSelected();
    // Removes the selected links, and the links of selected fields. False when nothing was selected.
    bool deleteSelected();
    bool canConnect() const;
    bool canDelete() const;

    // The links Delete would remove (selected links, links of selected fields) to the clipboard with their
    // target's transform chain. False (with message()) when there are none.
    bool copySelected();
    // Copy, then remove them: one undo step.
    bool cutSelected();
    // The clipboard's links: one link with target fields selected goes onto each of them (re-targeted);
    // otherwise each link onto the target field of its own name. Source columns are matched by name in the
    // current source. A target that has links gets one more source (as a drag does); a target without a
    // transform chain takes the copied one, a target with another chain keeps its own. Columns the source
    // lacks, targets the entity lacks and links that exist already are skipped and named in message().
    // One undo step; the pasted links end up selected. False when nothing was pasted.
    bool paste();

    void setExpanded(const QString& groupPath, bool expanded);
    // Selects a row (and arms a source column), as a click does.
    void selectField(FieldItem* item);

signals:
    void message(const QString& text); // a short explanation for the status line
    void selectionStateChanged();     // what Connect / Delete can do changed

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    // The plain curves of all links: under the rows, and cached by the view (CacheBackground) so that
    // scrolling paints only the strip that comes into view. invalidateLinks() after any link change.
    void drawBackground(QPainter* painter, const QRectF& rect) override;

private:
    void rebuild();
    void addSourceRows(const QModelIndex& parent, int depth, const QString& path, bool visible, FieldItem* folded,
                       qreal* y);
    void addLinkItem(int id);
    void updateLink(LinkItem* item);
    void invalidateLinks();
    void refreshStates();
    bool needsPlaceholder(const QString& column, const QString& target) const;
    FieldItem* fieldAt(const QPointF& pos) const;
    FieldItem* connectableTargetAt(const QPointF& pos) const;
    QVector<int> selectedLinkIds() const;
    QVector<int> linksOfSelection() const; // selected links and the links of selected fields
    QStringList selectedTargetFields() const;
    LinkItem* linkHandleAt(const QPointF& pos) const;
    void endDrag();
    FieldItem* currentField() const;
    void onSelectionChanged();

    core::MappingModel* m_mapping;
    core::SourceSchemaModel* m_source;
    QAbstractItemModel* m_sourceView;
    core::TargetSchemaModel* m_target;
    QUndoStack* m_undo;

    QHash<QString, FieldItem*> m_sourceItems; // column → row
    QHash<QString, FieldItem*> m_foldedItems; // column → the folded group row that hides it
    QHash<QString, FieldItem*> m_targetItems; // field → row
    QHash<QString, FieldItem*> m_groupItems;  // group path → row
    QHash<int, LinkItem*> m_links;
    QList<FieldItem*> m_sourceOrder, m_targetOrder;
    QSet<QString> m_collapsed;
    QString m_armed;

    // A drag in progress: pressed on a source row (or a link's handle), the draft once it moved enough.
    QString m_pressedColumn;
    int m_pressedLink = 0;
    QPointF m_pressPos;
    DraftLinkItem* m_draft = nullptr;
    FieldItem* m_dropTarget = nullptr;
    bool m_rebuilding = false;
};

} // namespace tb::ui
