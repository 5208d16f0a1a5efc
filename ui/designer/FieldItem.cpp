#include "designer/FieldItem.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

namespace tb::ui {

namespace {
constexpr qreal Indent = 16;
constexpr qreal Dot = 4;
} // namespace

FieldItem::FieldItem(Side side, Kind kind, const QString& key, const QString& text, const QString& detail, int depth,
                     qreal width)
    : m_side(side), m_kind(kind), m_key(key), m_text(text), m_detail(detail), m_depth(depth), m_width(width)
{
    if (kind != Kind::Header)
        setFlags(ItemIsSelectable | ItemIsFocusable);
    setToolTip(detail.isEmpty() ? text : QStringLiteral("%1 — %2").arg(text, detail));
    // A row repaints as a pixmap while links are dragged or the view scrolls; its setters call update().
    setCacheMode(DeviceCoordinateCache);
}

FieldItem::~FieldItem()
{
    // Qt 6.4 does not free a cached item's pixmap cache record when the item is destroyed (LeakSanitizer).
    setCacheMode(NoCache);
}

QRectF FieldItem::boundingRect() const
{
    return QRectF(0, 0, m_width, RowHeight);
}

QPointF FieldItem::anchor() const
{
    return mapToScene(m_side == Side::Source ? QPointF(m_width, RowHeight / 2) : QPointF(0, RowHeight / 2));
}

void FieldItem::setRequired(bool required)
{
    if (m_required != required) {
        m_required = required;
        update();
    }
}

void FieldItem::setProblem(bool problem)
{
    if (m_problem != problem) {
        m_problem = problem;
        update();
    }
}

void FieldItem::setLinked(bool linked)
{
    if (m_linked != linked) {
        m_linked = linked;
        update();
    }
}

void FieldItem::setArmed(bool armed)
{
    if (m_armed != armed) {
        m_armed = armed;
        update();
    }
}

void FieldItem::setDropTarget(bool on)
{
    if (m_dropTarget != on) {
        m_dropTarget = on;
        update();
    }
}

void FieldItem::setExpanded(bool expanded)
{
    if (m_expanded != expanded) {
        m_expanded = expanded;
        update();
    }
}

void FieldItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const QPalette pal = QApplication::palette();
    const QRectF r = boundingRect().adjusted(0.5, 1.5, -0.5, -1.5);
    const QColor problemColor(0xc6, 0x28, 0x28);
    QColor fill = pal.color(QPalette::Base);
    QColor text = pal.color(QPalette::Text);
    if (m_kind == Kind::Header)
        fill = pal.color(QPalette::Button);
    else if (m_kind == Kind::Group)
        fill = pal.color(QPalette::AlternateBase);
    if (m_problem)
        fill = QColor(0xfd, 0xe7, 0xe7);
    if (m_dropTarget)
        fill = QColor(0xd7, 0xf0, 0xdb);
    if (isSelected()) {
        fill = pal.color(QPalette::Highlight);
        text = pal.color(QPalette::HighlightedText);
    }
    painter->setRenderHint(QPainter::Antialiasing);
    QPen border(m_problem ? problemColor : pal.color(QPalette::Mid), m_problem ? 1.5 : 1);
    if (m_kind == Kind::Missing)
        border.setStyle(Qt::DashLine);
    if (m_armed) {
        border = QPen(pal.color(QPalette::Highlight), 2.5);
    }
    painter->setPen(border);
    painter->setBrush(fill);
    painter->drawRoundedRect(r, 3, 3);

    qreal x = 6 + m_depth * Indent + (m_side == Side::Target && isConnectable() ? 10 : 0);
    if (m_kind == Kind::Group && m_hasChildren) {
        // The expand arrow.
        painter->setPen(Qt::NoPen);
        painter->setBrush(text);
        const qreal cy = RowHeight / 2;
        QPolygonF arrow;
        if (m_expanded)
            arrow << QPointF(x, cy - 3) << QPointF(x + 8, cy - 3) << QPointF(x + 4, cy + 3);
        else
            arrow << QPointF(x + 2, cy - 4) << QPointF(x + 2, cy + 4) << QPointF(x + 7, cy);
        painter->drawPolygon(arrow);
        x += 12;
    }
    QFont font = painter->font();
    font.setBold(m_kind == Kind::Header || m_kind == Kind::Group || m_required);
    painter->setFont(font);
    const QFontMetricsF fm(font);
    QString label = m_text;
    if (m_required)
        label += QStringLiteral(" *");
    const qreal available = m_width - x - 14;
    const qreal nameWidth = qMin(fm.horizontalAdvance(label), available);
    painter->setPen(m_problem && !isSelected() ? problemColor : text);
    painter->drawText(QRectF(x, 0, nameWidth, RowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                      fm.elidedText(label, Qt::ElideRight, available));
    if (!m_detail.isEmpty() && available - nameWidth > 30) {
        QFont small = painter->font();
        small.setBold(false);
        painter->setFont(small);
        QColor detail = isSelected() ? text : pal.color(QPalette::PlaceholderText);
        painter->setPen(detail);
        const QFontMetricsF sm(small);
        const qreal dx = x + nameWidth + 8;
        painter->drawText(QRectF(dx, 0, m_width - dx - 14, RowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                          sm.elidedText(m_detail, Qt::ElideRight, m_width - dx - 14));
    }
    if (isConnectable()) {
        // The connector: filled when a link uses it.
        const QPointF c = m_side == Side::Source ? QPointF(m_width - 7, RowHeight / 2) : QPointF(7, RowHeight / 2);
        painter->setPen(QPen(m_problem ? problemColor : pal.color(QPalette::Dark), 1.2));
        painter->setBrush(m_linked ? QBrush(pal.color(QPalette::Highlight)) : QBrush(pal.color(QPalette::Base)));
        painter->drawEllipse(c, Dot, Dot);
    }
}

} // namespace tb::ui
