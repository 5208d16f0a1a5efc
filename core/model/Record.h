#pragma once

#include "model/EntityDef.h"
#include "source/SourceLocation.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <vector>

namespace tb::core {

// One canonical entity instance: values by field index (a null QString is "no value"), where it came
// from, and the source's own modification time when the source gives one.
struct Record
{
    const EntityDef* entity = nullptr;
    std::vector<QString> values;
    std::vector<bool> assigned;    // fields this record sets; a merge record leaves the others alone
    SourceLocation source;
    QString sourceModified;        // UTC ISO 8601, empty when unknown
    std::shared_ptr<const QStringList> sourceHeader; // the raw source row, kept for rejects and provenance
    std::vector<QString> sourceFields;

    Record() = default;
    explicit Record(const EntityDef* e) : entity(e), values(e->fields.size()), assigned(e->fields.size(), true) {}

    const QString& value(const QString& field) const;
    const QString& value(int index) const;        // "" (null) for -1
    void setValue(const QString& field, const QString& v);

    // Key values joined by U+001F: unique per entity, cheap to hash and compare.
    QString key() const;
    // {"study_id":"S1","subject_id":"1001"}
    QString naturalKeyJson() const;
    // "S1/1001" for messages.
    QString keyLabel() const;
    // BLAKE2b-128 over every field value (with a null marker), the change detector of the loader.
    QByteArray contentHash() const;
    // The raw source row as a JSON object (column → value), or {} when unknown.
    QString sourceRecordJson() const;
};

} // namespace tb::core
