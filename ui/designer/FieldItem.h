#pragma once

#include <QGraphicsItem>
#include <QString>

namespace tb::ui {

// One row of the designer's source or target column: a header, a group (ODM event, form, item group; the
// entity), a field (a source column or a target field), or a placeholder for something a link names that
// the schema lacks (a missing source column, an unknown target field).
class FieldItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };
    enum class Side { Source, Target };
    enum class Kind { Header, Group, Field, Missing };

    static constexpr qreal RowHeight = 26;

    FieldItem(Side side, Kind kind, const QString& key, const QString& text, const QString& detail, int depth,
              qreal width);
    ~FieldItem() override;

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    Side side() const { return m_side; }
    Kind kind() const { return m_kind; }
    // The source column or target field; for a group its path in the tree.
    QString key() const { return m_key; }
    QString text() const { return m_text; }
    bool isConnectable() const { return m_kind == Kind::Field || m_kind == Kind::Missing; }
    // Where links attach, in scene coordinates: the right edge of a source row, the left edge of a target row.
    QPointF anchor() const;

    void setRequired(bool required);
    void setProblem(bool problem);     // a required field nothing fills; a missing column
    void setLinked(bool linked);
    void setArmed(bool armed);         // the source a keyboard Connect will use
    void setDropTarget(bool on);       // the target under a dragged link
    void setExpanded(bool expanded);   // groups
    void setHasChildren(bool has) { m_hasChildren = has; }
    bool isExpanded() const { return m_expanded; }
    bool hasProblem() const { return m_problem; }
    bool isArmed() const { return m_armed; }
    bool isDropTarget() const { return m_dropTarget; }

private:
    Side m_side;
    Kind m_kind;
    QString m_key, m_text, m_detail;
    int m_depth;
    qreal m_width;
    bool m_required = false, m_problem = false, m_linked = false, m_armed = false, m_dropTarget = false;
    bool m_expanded = true, m_hasChildren = false;
};

} // namespace tb::ui
