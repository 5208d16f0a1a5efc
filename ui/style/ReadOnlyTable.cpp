#include "style/ReadOnlyTable.h"

#include <QHeaderView>
#include <QTableWidget>

namespace tb::ui {

QTableWidget* readOnlyTable(const QStringList& headers, const QString& objectName)
{
    auto* t = new QTableWidget(0, int(headers.size()));
    t->setHorizontalHeaderLabels(headers);
    t->setObjectName(objectName);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->setVisible(false);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

void fitColumnsToContents(QTableView* table)
{
    const int last = table->model()->columnCount() - 1;
    for (int c = 0; c < last; ++c)
        table->resizeColumnToContents(c);
}

} // namespace tb::ui
