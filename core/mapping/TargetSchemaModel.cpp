#include "mapping/TargetSchemaModel.h"

#include "mapping/MappingModel.h"

namespace tb::core {

namespace {
constexpr quintptr EntityId = 0; // the entity row
constexpr quintptr FieldId = 1;  // a row below it
} // namespace

TargetSchemaModel::TargetSchemaModel(QObject* parent) : QAbstractItemModel(parent)
{
}

TargetSchemaModel::~TargetSchemaModel() = default;

bool TargetSchemaModel::setEntity(std::shared_ptr<const CtmsSchema> schema, const QString& entity, bool upsert)
{
    beginResetModel();
    m_schema = std::move(schema);
    m_entity = m_schema ? m_schema->entity(entity) : nullptr;
    m_upsert = upsert;
    endResetModel();
    return m_entity != nullptr;
}

void TargetSchemaModel::clear()
{
    beginResetModel();
    m_schema.reset();
    m_entity = nullptr;
    endResetModel();
}

QStringList TargetSchemaModel::fields() const
{
    if (!m_entity)
        return {};
    return m_entity->fieldNames() << QLatin1String(MappingModel::ModifiedTarget);
}

QModelIndex TargetSchemaModel::indexOfField(const QString& field) const
{
    const int row = int(fields().indexOf(field));
    return row < 0 ? QModelIndex() : createIndex(row, 0, FieldId);
}

bool TargetSchemaModel::isRequired(const QString& field) const
{
    if (!m_entity)
        return false;
    const int i = m_entity->indexOf(field);
    return i >= 0 && (m_entity->isKeyField(i) || (m_upsert && m_entity->fields[i].required));
}

QModelIndex TargetSchemaModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, parent.isValid() ? FieldId : EntityId);
}

QModelIndex TargetSchemaModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == EntityId)
        return {};
    return createIndex(0, 0, EntityId);
}

int TargetSchemaModel::rowCount(const QModelIndex& parent) const
{
    if (!m_entity)
        return 0;
    if (!parent.isValid())
        return 1;
    if (parent.internalId() == EntityId && parent.column() == 0)
        return int(m_entity->fields.size()) + 1;
    return 0;
}

int TargetSchemaModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant TargetSchemaModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_entity)
        return {};
    if (index.internalId() == EntityId) {
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == NameColumn)
                return m_entity->name;
            if (index.column() == LabelColumn)
                return m_entity->label;
            return {};
        case Qt::ToolTipRole:
            return tr("CTMS entity %1, key: %2").arg(m_entity->name, m_entity->keyNames().join(QStringLiteral(", ")));
        case IsFieldRole:
        case RequiredRole:
        case KeyRole: return false;
        case FieldRole: return QString();
        }
        return {};
    }
    const int row = index.row();
    const bool modified = row == m_entity->fields.size();
    const FieldDef* f = modified ? nullptr : &m_entity->fields[row];
    const QString name = modified ? QLatin1String(MappingModel::ModifiedTarget) : f->name;
    const bool key = f && m_entity->isKeyField(row);
    const bool required = isRequired(name);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return name;
        case LabelColumn: return modified ? tr("Modified at (source)") : f->label;
        case TypeColumn:
            if (modified)
                return fieldTypeName(FieldType::DateTime);
            return f->codelist.isEmpty() ? fieldTypeName(f->type)
                                         : QStringLiteral("%1 (%2)").arg(fieldTypeName(f->type), f->codelist);
        case RequiredColumn: return key ? tr("key") : required ? tr("required") : QString();
        }
        return {};
    case Qt::ToolTipRole:
        if (modified)
            return tr("The source's modification time: older records than those loaded are not applied");
        return key ? tr("%1: part of the key, must be mapped").arg(f->label)
                   : required ? tr("%1: required, must be mapped").arg(f->label) : f->label;
    case FieldRole: return name;
    case IsFieldRole: return true;
    case RequiredRole: return required;
    case KeyRole: return key;
    }
    return {};
}

QVariant TargetSchemaModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Field");
    case LabelColumn: return tr("Label");
    case TypeColumn: return tr("Type");
    case RequiredColumn: return tr("Required");
    }
    return {};
}

Qt::ItemFlags TargetSchemaModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalId() == FieldId)
        f |= Qt::ItemIsDropEnabled | Qt::ItemNeverHasChildren;
    return f;
}

} // namespace tb::core
