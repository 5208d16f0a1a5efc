#pragma once

#include <QGraphicsPathItem>

namespace tb::ui {

// The link being dragged: from the source column's anchor to the mouse (or to the target under it). Not a
// link of the model until it is dropped on a target field.
class DraftLinkItem : public QGraphicsPathItem
{
public:
    enum { Type = QGraphicsItem::UserType + 3 };

    DraftLinkItem(const QPointF& from, int retargetedLink = 0);

    int type() const override { return Type; }
    void setEnd(const QPointF& to);
    QPointF from() const { return m_from; }
    QPointF to() const { return m_to; }
    // The link being re-targeted by this drag; 0 when the drag makes a new link.
    int retargetedLink() const { return m_retargeted; }

private:
    QPointF m_from, m_to;
    int m_retargeted;
};

} // namespace tb::ui
