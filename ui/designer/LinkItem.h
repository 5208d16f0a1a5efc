#pragma once

#include <QGraphicsPathItem>

namespace tb::ui {

// A link of the mapping (MappingModel's link id) drawn as a cubic curve from a source column's anchor to a
// target field's anchor; red and dashed when broken. Selectable; its target end can be dragged elsewhere.
// The item itself paints only the selection (halo, thick line, handle): the plain curves of all links are
// painted by DesignerScene::drawBackground through paintCurve(), which the view caches while it scrolls.
class LinkItem : public QGraphicsPathItem
{
public:
    enum { Type = QGraphicsItem::UserType + 2 };

    explicit LinkItem(int id);

    int type() const override { return Type; }
    int id() const { return m_id; }
    void setEnds(const QPointF& from, const QPointF& to);
    QPointF from() const { return m_from; }
    QPointF to() const { return m_to; }
    void setBroken(bool broken);
    bool isBroken() const { return m_broken; }

    QPainterPath shape() const override;
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    // The curve every link and the draft link follow: horizontal at both ends.
    static QPainterPath curve(const QPointF& from, const QPointF& to);
    // The plain curve (broken: red and dashed), the part of it that reaches exposed (scene coordinates).
    void paintCurve(QPainter* painter, const QRectF& exposed) const;

private:
    void drawCurve(QPainter* painter, const QRectF& exposed) const;

    int m_id;
    QPointF m_from, m_to;
    QPainterPath m_shape; // the hit area, made by setEnds
    QPolygonF m_points;   // the curve flattened
    QRectF m_bounds;
    bool m_broken = false;
};

} // namespace tb::ui
