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

} // namespace tb::ui
