#pragma once

#include "model/EntityDef.h"
#include "source/SourceLocation.h"

#include <QByteArray>
#include <QString>

#include <bitset>
#include <memory>
#include <vector>

namespace tb::core {

// One canonical entity instance: values by field index (a null QString is "no value"), where it came
// from, and the source's own modification time when the source gives one.
struct Record
{
    const EntityDef* entity = nullptr;
    std::vector<QString> values;
    // Bit i: the record sets field i (a merge record leaves the others alone). Fixed size: no allocation
    // per record on the loader's hot path.
    using FieldMask = std::bitset<EntityDef::MaxFields>;
    FieldMask assigned = FieldMask().set();
    SourceLocation source;
    QString sourceModified;        // UTC ISO 8601, empty when unknown
    QString provenance;            // the source system's own audit data for the record (RecordSource::provenance)
    std::shared_ptr<const QStringList> sourceHeader; // the raw source row, kept for rejects and provenance
    std::vector<QString> sourceFields;

    Record() = default;
    explicit Record(const EntityDef* e) : entity(e), values(size_t(e->fields.size())) {}

    bool isAssigned(int field) const { return assigned.test(size_t(field)); }
    void setAssigned(int field) { assigned.set(size_t(field)); }
    void clearAssigned(int field) { assigned.reset(size_t(field)); }
    void assignAll() { assigned.set(); }
    void assignNone() { assigned.reset(); }

    const QString& value(const QString& field) const;
    const QString& value(int index) const;        // "" (null) for -1
    void setValue(const QString& field, const QString& v);

    // Key values joined by U+001F: unique per entity.
    QString key() const;
    // A hash of the key values, for finding records by key without building key strings.
    quint64 keyHash() const { return keyHash(*entity, values); }
    static quint64 keyHash(const EntityDef& e, const std::vector<QString>& values);
    static bool sameKey(const EntityDef& e, const std::vector<QString>& a, const std::vector<QString>& b);
    // {"study_id":"S1","subject_id":"1001"}
    QString naturalKeyJson() const;
    // "S1/1001" for messages.
    QString keyLabel() const;
    // A 128-bit hash over every field value (with a null marker): the loader's change detector.
    QByteArray contentHash() const;
    // The raw source row as a JSON object (column → value), or {} when unknown.
    QString sourceRecordJson() const;
};

} // namespace tb::core
