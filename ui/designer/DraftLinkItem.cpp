#include "designer/DraftLinkItem.h"

#include "designer/LinkItem.h"

#include <QPen>

namespace tb::ui {

DraftLinkItem::DraftLinkItem(const QPointF& from, int retargetedLink) : m_from(from), m_to(from), m_retargeted(retargetedLink)
{
    setPen(QPen(QColor(0x3b, 0x6e, 0xa8), 2, Qt::DashLine, Qt::RoundCap));
    setZValue(10);
    setAcceptedMouseButtons(Qt::NoButton);
    setEnd(from);
}

void DraftLinkItem::setEnd(const QPointF& to)
{
    m_to = to;
    setPath(LinkItem::curve(m_from, to));
}

} // namespace tb::ui
