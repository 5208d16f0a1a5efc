#include "mapping/SourceSchemaModel.h"

#include "mapping/MappingDocument.h"
#include "source/CsvReader.h"
#include "source/DatasetJsonReader.h"
#include "source/OdmReader.h"
#include "source/OdmRecordSource.h"

#include <QMimeData>
#include <QSet>

namespace tb::core {

struct SourceSchemaModel::Node
{
    QString name, label, type, column, oid;
    Node* parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    int row() const
    {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i)
            if (parent->children[i].get() == this)
                return int(i);
        return 0;
    }
};

namespace {

QString withName(const QString& oid, const QString& name)
{
    return name.isEmpty() || name == oid ? oid : QStringLiteral("%1 (%2)").arg(name, oid);
}

} // namespace

SourceSchemaModel::SourceSchemaModel(QObject* parent) : QAbstractItemModel(parent), m_root(std::make_unique<Node>())
{
}

SourceSchemaModel::~SourceSchemaModel() = default;

SourceSchemaModel::Node* SourceSchemaModel::addNode(Node* parent, const QString& name, const QString& label,
                                                    const QString& type, const QString& column, const QString& oid)
{
    auto n = std::make_unique<Node>();
    n->name = name;
    n->label = label;
    n->type = type;
    n->column = column;
    n->oid = oid;
    n->parent = parent;
    parent->children.push_back(std::move(n));
    if (!column.isEmpty() && !m_columns.contains(column))
        m_columns << column;
    return parent->children.back().get();
}

void SourceSchemaModel::reset(const QString& file, const QString& kind)
{
    m_root = std::make_unique<Node>();
    m_columns.clear();
    m_file = file;
    m_kind = kind;
}

void SourceSchemaModel::clear()
{
    beginResetModel();
    reset({}, {});
    endResetModel();
}

bool SourceSchemaModel::load(const QString& path, const MappingDocument& mapping, QString* error)
{
    if (mapping.sourceKind == QLatin1String("dataset-json"))
        return loadDatasetJson(path, error);
    if (mapping.sourceKind == QLatin1String("odm"))
        return loadOdm(path, mapping.odm, error);
    return loadCsv(path, mapping.dialect, error);
}

bool SourceSchemaModel::loadCsv(const QString& path, const CsvDialect& dialect, QString* error)
{
    CsvReader reader(dialect);
    beginResetModel();
    reset({}, {});
    if (!reader.open(path)) {
        *error = reader.error().toString();
        endResetModel();
        return false;
    }
    reset(path, QStringLiteral("csv"));
    for (const QString& c : reader.header())
        addNode(m_root.get(), c, {}, {}, c);
    endResetModel();
    return true;
}

bool SourceSchemaModel::loadDatasetJson(const QString& path, QString* error)
{
    DatasetJsonReader reader;
    beginResetModel();
    reset({}, {});
    if (!reader.open(path)) {
        *error = reader.error().toString();
        endResetModel();
        return false;
    }
    reset(path, QStringLiteral("dataset-json"));
    for (const DatasetColumn& c : reader.columns())
        addNode(m_root.get(), c.name, c.label, c.dataType, c.name, c.itemOid);
    endResetModel();
    return true;
}

bool SourceSchemaModel::loadOdm(const QString& path, const OdmSelection& selection, QString* error)
{
    beginResetModel();
    reset({}, {});
    // One pass like OdmRecordSource's first: the metadata's items for the selection, then what the records
    // add (vendor attributes of the record's element and of its parents, items the metadata lacks).
    OdmReader reader;
    if (!reader.open(path)) {
        *error = reader.error().toString();
        endResetModel();
        return false;
    }
    const OdmMetaData& meta = reader.metaData();
    const bool withItems = selection.level == OdmSelection::Level::Form || selection.level == OdmSelection::Level::ItemGroup;
    std::vector<OdmField> items;
    QSet<QString> itemOids;
    if (withItems)
        for (const OdmField& f : meta.fields())
            if ((selection.studyEvents.isEmpty() || f.studyEventOid.isEmpty() || selection.studyEvents.contains(f.studyEventOid))
                && (selection.forms.isEmpty() || selection.forms.contains(f.formOid))
                && (selection.itemGroups.isEmpty() || selection.itemGroups.contains(f.itemGroupOid))) {
                items.push_back(f);
                itemOids.insert(f.itemOid);
            }
    QStringList vendorColumns, otherItems;
    QSet<QString> vendorSeen;
    std::vector<std::vector<QString>> ancestry; // vendor columns per level of the current record's parents
    while (reader.next()) {
        const OdmClinicalRecord& r = reader.record();
        const size_t depth = size_t(r.level);
        ancestry.resize(depth + 1);
        ancestry[depth].clear();
        for (const OdmVendorAttribute& a : r.vendorAttributes)
            ancestry[depth].push_back(r.levelName() + QLatin1Char('@') + a.qualifiedName);
        if (!selection.matches(r))
            continue;
        for (size_t d = 0; d <= depth; ++d)
            for (const QString& name : ancestry[d])
                if (!vendorSeen.contains(name)) {
                    vendorSeen.insert(name);
                    vendorColumns << name;
                }
        if (withItems)
            for (const OdmItemValue& v : r.items)
                if (!itemOids.contains(v.itemOid)) {
                    itemOids.insert(v.itemOid);
                    otherItems << v.itemOid;
                }
    }
    if (reader.hasError()) {
        *error = reader.error().toString();
        endResetModel();
        return false;
    }

    reset(path, QStringLiteral("odm"));
    Node* context = addNode(m_root.get(), tr("Context"), tr("Study, site, subject and the audit record"), {}, {});
    for (const QString& c : OdmRecordSource::contextColumns())
        addNode(context, c, {}, {}, c);
    if (!vendorColumns.isEmpty()) {
        Node* vendor = addNode(m_root.get(), tr("Vendor attributes"), {}, {}, {});
        for (const QString& c : vendorColumns)
            addNode(vendor, c, {}, {}, c);
    }
    // StudyEvent / Form / ItemGroup / Item, as the metadata places them (an item used in several places
    // appears in each; parts a path lacks are left out).
    QHash<QString, Node*> groups; // path prefix → node
    for (const OdmField& f : items) {
        const OdmMetaDataVersion* v = meta.metaDataVersion(f.studyOid, f.metaDataVersionOid);
        Node* parent = m_root.get();
        QString prefix;
        auto level = [&](const QString& oid, const QString& name, const QString& type) {
            if (oid.isEmpty())
                return;
            prefix += QLatin1Char('/') + oid;
            Node*& n = groups[prefix];
            if (!n)
                n = addNode(parent, withName(oid, name), {}, type, {}, oid);
            parent = n;
        };
        const OdmStudyEventDef* se = v ? meta.studyEventDef(*v, f.studyEventOid) : nullptr;
        const OdmFormDef* form = v ? meta.formDef(*v, f.formOid) : nullptr;
        const OdmItemGroupDef* group = v ? meta.itemGroupDef(*v, f.itemGroupOid) : nullptr;
        level(f.studyEventOid, se ? se->name : QString(), tr("study event"));
        level(f.formOid, form ? form->name : QString(), tr("form"));
        level(f.itemGroupOid, group ? group->name : QString(),
              f.repeatingGroup ? tr("repeating item group") : tr("item group"));
        addNode(parent, f.itemOid, f.label.isEmpty() ? f.name : f.label, f.dataType, f.itemOid, f.path);
    }
    if (!otherItems.isEmpty()) {
        Node* other = addNode(m_root.get(), tr("Items without metadata"), {}, {}, {});
        for (const QString& c : otherItems)
            addNode(other, c, {}, {}, c);
    }
    Node* place = addNode(m_root.get(), tr("Place in the file"), {}, {}, {});
    addNode(place, QStringLiteral("@line"), tr("Line of the element"), QStringLiteral("integer"), QStringLiteral("@line"));
    addNode(place, QStringLiteral("@xpath"), tr("XPath of the element"), QStringLiteral("text"), QStringLiteral("@xpath"));
    endResetModel();
    return true;
}

void SourceSchemaModel::setColumns(const QStringList& columns)
{
    beginResetModel();
    reset({}, {});
    for (const QString& c : columns)
        if (!m_columns.contains(c))
            addNode(m_root.get(), c, {}, {}, c);
    endResetModel();
}

QModelIndex SourceSchemaModel::indexOfColumn(const QString& column) const
{
    // Depth first, in display order.
    std::vector<const Node*> stack{m_root.get()};
    while (!stack.empty()) {
        const Node* n = stack.back();
        stack.pop_back();
        if (n != m_root.get() && n->column == column)
            return createIndex(n->row(), 0, const_cast<Node*>(n));
        for (auto it = n->children.rbegin(); it != n->children.rend(); ++it)
            stack.push_back(it->get());
    }
    return {};
}

SourceSchemaModel::Node* SourceSchemaModel::nodeOf(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex SourceSchemaModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node* p = nodeOf(parent);
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex SourceSchemaModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    Node* p = nodeOf(child)->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(p->row(), 0, p);
}

int SourceSchemaModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int SourceSchemaModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant SourceSchemaModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const Node* n = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return n->name;
        case LabelColumn: return n->label;
        case TypeColumn: return n->type;
        }
        return {};
    case Qt::ToolTipRole:
        if (n->column.isEmpty())
            return n->oid.isEmpty() ? n->name : n->oid;
        return n->label.isEmpty() ? n->column : QStringLiteral("%1 — %2").arg(n->column, n->label);
    case ColumnRole: return n->column;
    case IsColumnRole: return !n->column.isEmpty();
    case OidRole: return n->oid;
    }
    return {};
}

QVariant SourceSchemaModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Column");
    case LabelColumn: return tr("Label");
    case TypeColumn: return tr("Type");
    }
    return {};
}

Qt::ItemFlags SourceSchemaModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!nodeOf(index)->column.isEmpty())
        f |= Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
    return f;
}

QStringList SourceSchemaModel::mimeTypes() const
{
    return {QLatin1String(ColumnMimeType)};
}

QMimeData* SourceSchemaModel::mimeData(const QModelIndexList& indexes) const
{
    QStringList columns;
    for (const QModelIndex& i : indexes) {
        const QString c = nodeOf(i)->column;
        if (!c.isEmpty() && !columns.contains(c))
            columns << c;
    }
    if (columns.isEmpty())
        return nullptr;
    auto* mime = new QMimeData;
    mime->setData(QLatin1String(ColumnMimeType), columns.join(QLatin1Char('\n')).toUtf8());
    return mime;
}

} // namespace tb::core
