#include "designer/PreviewModel.h"

#include <QColor>
#include <QFont>

namespace tb::ui {

using Severity = core::ValidationIssue::Severity;

PreviewModel::PreviewModel(QObject* parent) : QAbstractTableModel(parent) {}

QColor PreviewModel::errorColor()
{
    // Translucent: readable over the light and the dark palette alike.
    return QColor(220, 50, 47, 90);
}

QColor PreviewModel::warningColor()
{
    return QColor(230, 160, 0, 90);
}

void PreviewModel::setResult(const core::MappingPreview::Result& result)
{
    beginResetModel();
    m_result = result;
    endResetModel();
}

void PreviewModel::clear()
{
    setResult({});
}

QString PreviewModel::statusText() const
{
    const QString records =
        tr("%1 records, %2 invalid cells").arg(m_result.rows.size()).arg(m_result.invalidCells);
    return m_result.warningCells > 0 ? tr("%1, %2 warnings").arg(records).arg(m_result.warningCells)
                                     : records;
}

int PreviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_result.rows.size());
}

int PreviewModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_result.fields.size());
}

QVariant PreviewModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::MappingPreview::Cell& cell = m_result.rows[index.row()].cells[index.column()];
    switch (role) {
    case Qt::DisplayRole:
        // What could not be mapped is shown as the source has it, in italics: the value to correct.
        return cell.value.isNull() ? cell.source : cell.value;
    case Qt::FontRole:
        if (cell.value.isNull() && !cell.source.isEmpty()) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
        return cell.hasIssue ? QVariant(cell.message) : QVariant();
    case Qt::BackgroundRole:
        if (!cell.hasIssue)
            return {};
        return cell.severity == Severity::Error ? errorColor() : warningColor();
    default:
        return {};
    }
}

QVariant PreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= m_result.fields.size())
            return {};
        if (role == Qt::DisplayRole)
            return m_result.fields[section];
        if (role == Qt::ToolTipRole)
            return m_result.labels.value(section);
        return {};
    }
    if (section < 0 || section >= m_result.rows.size())
        return {};
    const core::MappingPreview::Row& row = m_result.rows[section];
    switch (role) {
    case Qt::DisplayRole:
        return row.source.line > 0 ? QVariant(row.source.line) : QVariant(section + 1);
    case Qt::ToolTipRole: {
        QStringList lines{row.source.toString()};
        lines += row.recordIssues;
        lines += row.recordWarnings;
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::BackgroundRole:
        if (!row.recordIssues.isEmpty())
            return errorColor();
        return row.recordWarnings.isEmpty() ? QVariant() : QVariant(warningColor());
    case Qt::FontRole:
        if (!row.recordIssues.isEmpty() || !row.recordWarnings.isEmpty()) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default:
        return {};
    }
}

} // namespace tb::ui
