#pragma once

#include <QStringList>

class QTableView;
class QTableWidget;

namespace tb::ui {

// A table the console fills itself and the user only reads and selects rows of: no editing, no row numbers,
// the last column taking the rest of the width.
QTableWidget* readOnlyTable(const QStringList& headers, const QString& objectName);

// Sizes every column to its contents except the last, which keeps filling the rest of the width
// (resizeColumnsToContents() would size that one too, and a table already shown keeps it so until resized).
void fitColumnsToContents(QTableView* table);

} // namespace tb::ui
