#pragma once

#include "model/CtmsSchema.h"

#include <QAbstractItemModel>

#include <memory>

namespace tb::core {

// The target of a mapping for the designer: the CTMS entity as the root, its fields as children in schema
// order (name, label, type, and whether the mapping must fill it), then "_modified" (the document's
// modifiedAt: the source's modification time). Which fields must be mapped depends on the mode: key fields
// always, required fields in upsert mode, as MappingPlan::compile checks.
class TargetSchemaModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, LabelColumn, TypeColumn, RequiredColumn, ColumnCount };
    enum Role {
        FieldRole = Qt::UserRole + 1, // the target field's name (the mapping's key); empty for the entity
        IsFieldRole,                  // bool
        RequiredRole,                 // bool: the mapping must fill it
        KeyRole,                      // bool: part of the entity's natural key
    };

    explicit TargetSchemaModel(QObject* parent = nullptr);
    ~TargetSchemaModel() override;

    // An entity of the schema; an unknown entity leaves the model empty and returns false.
    bool setEntity(std::shared_ptr<const CtmsSchema> schema, const QString& entity, bool upsert = true);
    void clear();
    QString entityName() const { return m_entity ? m_entity->name : QString(); }
    QStringList fields() const; // in display order, "_modified" last
    QModelIndex indexOfField(const QString& field) const;
    bool isRequired(const QString& field) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    // internalId: 0 for the entity row, 1 + n for its n-th child.
    std::shared_ptr<const CtmsSchema> m_schema;
    const EntityDef* m_entity = nullptr;
    bool m_upsert = true;
};

} // namespace tb::core
