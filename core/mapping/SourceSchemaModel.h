#pragma once

#include "source/CsvDialect.h"
#include "source/OdmSelection.h"

#include <QAbstractItemModel>
#include <QStringList>

#include <memory>
#include <vector>

namespace tb::core {

class MappingDocument;

// The columns a mapping's source gives, as a tree for the designer: a CSV sample's header, a Dataset-JSON
// dataset's columns (with labels and types), or an ODM file's records as OdmRecordSource makes them —
// context and vendor columns, then StudyEvent / Form / ItemGroup / Item from the MetaDataVersion with names
// and labels, an item's column being its ItemOID. Leaves are columns (ColumnRole); the rest are groups.
class SourceSchemaModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, LabelColumn, TypeColumn, ColumnCount };
    enum Role {
        ColumnRole = Qt::UserRole + 1, // the source column a leaf stands for; empty for a group
        IsColumnRole,                  // bool
        OidRole,                       // ODM: the element's OID; ODM items: their OID path
    };

    explicit SourceSchemaModel(QObject* parent = nullptr);
    ~SourceSchemaModel() override;

    // Reads the sample's structure as the mapping's source section says (kind, dialect, ODM selection).
    // On failure the model is empty and error names the file and place.
    bool load(const QString& path, const MappingDocument& mapping, QString* error);
    bool loadCsv(const QString& path, const CsvDialect& dialect, QString* error);
    bool loadDatasetJson(const QString& path, QString* error);
    bool loadOdm(const QString& path, const OdmSelection& selection, QString* error);
    // Plain columns without a sample (e.g. the ones a mapping names).
    void setColumns(const QStringList& columns);
    void clear();

    QString sourceFile() const { return m_file; }
    QString sourceKind() const { return m_kind; }    // "csv", "dataset-json", "odm"; empty when none
    QStringList columns() const { return m_columns; } // every column once, in source order
    bool hasColumn(const QString& column) const { return m_columns.contains(column); }
    // The first leaf for the column; invalid when none.
    QModelIndex indexOfColumn(const QString& column) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;

    // Drag data of source columns: the column names, one per line, UTF-8.
    static constexpr const char* ColumnMimeType = "application/x-trialbridge-source-columns";

private:
    struct Node;
    Node* nodeOf(const QModelIndex& index) const;
    Node* addNode(Node* parent, const QString& name, const QString& label, const QString& type,
                  const QString& column, const QString& oid = {});
    void reset(const QString& file, const QString& kind);

    std::unique_ptr<Node> m_root;
    QString m_file;
    QString m_kind;
    QStringList m_columns;
};

} // namespace tb::core
