#pragma once

#include <QStyledItemDelegate>

namespace tb::ui {

// Shows a value map's flags (core::ValueMapModel::FlagsRole) in colour: a source value without a code on an
// amber row, a code outside the codelist in red; the model's tool tip says why.
class ValueMapDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

} // namespace tb::ui
