#pragma once

#include "mapping/MappingPreview.h"

#include <QAbstractTableModel>

namespace tb::ui {

// The designer's live preview as a table: one column per target field the mapping writes, one row per
// previewed source record. A value that could not be mapped is shown as the source has it, in italics.
// Invalid cells have a background colour (errors red, warnings amber) and their messages as tool tip; the
// vertical header names the source line and the record's own problems.
class PreviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit PreviewModel(QObject* parent = nullptr);

    void setResult(const core::MappingPreview::Result& result);
    void clear();
    const core::MappingPreview::Result& result() const { return m_result; }

    // "50 records, 3 invalid cells"
    QString statusText() const;
    int columnOf(const QString& field) const { return int(m_result.fields.indexOf(field)); }
    static QColor errorColor();
    static QColor warningColor();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    core::MappingPreview::Result m_result;
};

} // namespace tb::ui
