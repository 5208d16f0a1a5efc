#include "designer/ValueMapDelegate.h"

#include "mapping/ValueMapModel.h"


namespace tb::ui {

void ValueMapDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const int flags = index.data(core::ValueMapModel::FlagsRole).toInt();
    if (flags & core::ValueMapModel::NotMapped) {
        option->backgroundBrush = QColor(0xff, 0xec, 0xb3); // amber: needs a decision
        option->palette.setColor(QPalette::Text, QColor(0x20, 0x20, 0x20));
    } else if ((flags & core::ValueMapModel::NotInCodelist) && index.column() == core::ValueMapModel::CodeColumn) {
        option->backgroundBrush = QColor(0xff, 0xcd, 0xd2); // red: will fail validation
        option->palette.setColor(QPalette::Text, QColor(0xb0, 0x00, 0x20));
        option->font.setBold(true);
    }
}

} // namespace tb::ui
