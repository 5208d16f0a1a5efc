#pragma once

#include "model/FieldDef.h"

#include <QStringList>
#include <QVector>

namespace tb::core {

// A canonical CTMS entity: its fields, natural key and place in the study hierarchy.
class EntityDef
{
public:
    // Records track their assigned fields in a fixed bit set of this size (Record::assigned).
    static constexpr int MaxFields = 256;

    QString name;              // also the table name
    int index = -1;            // position in the schema (dependency order)
    QString label;
    QVector<FieldDef> fields;
    QVector<int> keyFields;    // indexes into fields, in key order
    QString parent;            // entity this one belongs to (subject → site), empty for the root
    QString unit;              // entity whose key groups this one into an atomic unit; empty = itself
    int studyField = -1;       // indexes of study_id, site_id and subject_id (-1 when absent): the hot
    int siteField = -1;        // paths ask for them by index, not by name
    int subjectField = -1;

    int indexOf(const QString& field) const;
    const FieldDef* field(const QString& name) const;
    QStringList keyNames() const;
    QStringList fieldNames() const;
    bool isKeyField(int index) const { return keyFields.contains(index); }
    QString unitEntity() const { return unit.isEmpty() ? name : unit; }
};

} // namespace tb::core
