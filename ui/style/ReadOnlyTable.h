#pragma once

#include <QStringList>

class QTableWidget;

namespace tb::ui {

// A table the console fills itself and the user only reads and selects rows of: no editing, no row numbers,
// the last column taking the rest of the width.
QTableWidget* readOnlyTable(const QStringList& headers, const QString& objectName);

} // namespace tb::ui
