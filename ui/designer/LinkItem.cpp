#include "designer/LinkItem.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

namespace tb::ui {

namespace {
QColor linkColor(bool broken)
{
    return broken ? QColor(0xc6, 0x28, 0x28) : QColor(0x3b, 0x6e, 0xa8);
}
} // namespace

LinkItem::LinkItem(int id) : m_id(id)
{
    setFlags(ItemIsSelectable | ItemUsesExtendedStyleOption); // exposedRect: see paint()
    setZValue(-1); // under the rows, whose connectors cover its ends
}

QPainterPath LinkItem::curve(const QPointF& from, const QPointF& to)
{
    QPainterPath p(from);
    const qreal dx = qMax<qreal>(40, qAbs(to.x() - from.x()) / 2);
    p.cubicTo(from + QPointF(dx, 0), to - QPointF(dx, 0), to);
    return p;
}

void LinkItem::setEnds(const QPointF& from, const QPointF& to)
{
    m_from = from;
    m_to = to;
    const QPainterPath p = curve(from, to);
    // The scene asks for the bounding rect on every paint and index lookup: stroke the hit area once here.
    prepareGeometryChange();
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    m_shape = stroker.createStroke(p);
    m_bounds = m_shape.boundingRect().adjusted(-6, -6, 6, 6);
    m_points = p.toSubpathPolygons().value(0);
    setPath(p);
}

void LinkItem::setBroken(bool broken)
{
    if (m_broken != broken) {
        m_broken = broken;
        update();
    }
}

QPainterPath LinkItem::shape() const
{
    return m_shape; // wide enough to hit with the mouse
}

QRectF LinkItem::boundingRect() const
{
    return m_bounds;
}

void LinkItem::drawCurve(QPainter* painter, const QRectF& exposed) const
{
    // A link across a tall picture is mostly outside the view, and stroking all of it every frame was most
    // of a frame's time with many links: draw the runs of its flattened curve that reach the exposed area.
    const QRectF area = exposed.adjusted(-8, -8, 8, 8);
    if (area.contains(m_bounds) || m_points.size() < 2) {
        painter->drawPath(path());
        return;
    }
    int start = -1;
    for (int i = 1; i < m_points.size(); ++i) {
        const bool inside = area.intersects(QRectF(m_points[i - 1], m_points[i]).normalized().adjusted(-1, -1, 1, 1));
        if (inside && start < 0)
            start = i - 1;
        if (!inside && start >= 0) {
            painter->drawPolyline(m_points.constData() + start, i - start);
            start = -1;
        }
    }
    if (start >= 0)
        painter->drawPolyline(m_points.constData() + start, int(m_points.size()) - start);
}

void LinkItem::paintCurve(QPainter* painter, const QRectF& exposed) const
{
    QPen pen(linkColor(m_broken), 2);
    if (m_broken)
        pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    drawCurve(painter, exposed);
}

void LinkItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    if (!isSelected())
        return; // the scene's background has the plain curve
    const QPalette pal = QApplication::palette();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor color = linkColor(m_broken);
    QPen pen(color, 3.5);
    if (m_broken)
        pen.setStyle(Qt::DashLine);
    // A halo, so that the selection reads also where links cross.
    painter->setPen(QPen(pal.color(QPalette::Highlight).lighter(150), 7, Qt::SolidLine, Qt::RoundCap));
    drawCurve(painter, option->exposedRect);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    drawCurve(painter, option->exposedRect);
    // The handle that re-targets the link when dragged.
    painter->setBrush(color);
    painter->drawEllipse(m_to, 5, 5);
}

} // namespace tb::ui
