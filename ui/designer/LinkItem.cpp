#include "designer/LinkItem.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPalette>

namespace tb::ui {

LinkItem::LinkItem(int id) : m_id(id)
{
    setFlags(ItemIsSelectable);
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
    setPath(curve(from, to));
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
    // Wide enough to hit with the mouse.
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    return stroker.createStroke(path());
}

QRectF LinkItem::boundingRect() const
{
    return shape().boundingRect().adjusted(-6, -6, 6, 6);
}

void LinkItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const QPalette pal = QApplication::palette();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor color = m_broken ? QColor(0xc6, 0x28, 0x28) : QColor(0x3b, 0x6e, 0xa8);
    QPen pen(color, isSelected() ? 3.5 : 2);
    if (m_broken)
        pen.setStyle(Qt::DashLine);
    if (isSelected()) {
        // A halo, so that the selection reads also where links cross.
        painter->setPen(QPen(pal.color(QPalette::Highlight).lighter(150), 7, Qt::SolidLine, Qt::RoundCap));
        painter->drawPath(path());
    }
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());
    if (isSelected()) {
        // The handle that re-targets the link when dragged.
        painter->setBrush(color);
        painter->drawEllipse(m_to, 5, 5);
    }
}

} // namespace tb::ui
