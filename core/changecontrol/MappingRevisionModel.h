#pragma once

#include "changecontrol/MappingRevision.h"
#include "esign/ElectronicSignature.h"

#include <QAbstractTableModel>

#include <vector>

namespace tb::core {

// The mapping register of a target database (ChangeControl) as a table for the console: every submitted
// revision with its state and the electronic signatures on it.
class MappingRevisionModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Mapping, Revision, State, Since, Author, Signatures, ColumnCount };

    explicit MappingRevisionModel(QObject* parent = nullptr);

    // A target without the register (older schema, not created yet) is an empty one.
    bool load(const QString& databasePath, QString* error);
    void clear();
    bool approvalRequired() const { return m_required; }

    const MappingRevision& revision(int row) const { return m_rows[size_t(row)].revision; }
    const std::vector<ElectronicSignature>& signatures(int row) const { return m_rows[size_t(row)].signatures; }
    // The revision before row's of the same mapping; -1 for a first revision.
    int previousRevisionRow(int row) const;
    int rowOf(const QString& mapping, int revision) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row
    {
        MappingRevision revision;
        std::vector<ElectronicSignature> signatures;
    };
    std::vector<Row> m_rows;
    bool m_required = false;
};

} // namespace tb::core
