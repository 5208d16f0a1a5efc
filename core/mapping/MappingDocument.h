#pragma once

#include "source/CsvDialect.h"
#include "source/OdmSelection.h"
#include "source/http/RestSourceConfig.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QVector>

namespace tb::core {

// One step of a field's transform chain as written in the document: {"date": {"format": "dd.MM.yyyy"}}.
struct TransformSpec
{
    QString name;
    QJsonValue params; // an object, or a scalar shorthand some transforms accept ({"format": "V{0}"})

    bool operator==(const TransformSpec& o) const { return name == o.name && params == o.params; }
};

// How one target field is filled: from source column(s), a constant or a study parameter, then a chain
// of transforms.
struct FieldRule
{
    QString target;
    QStringList from;   // source columns; several feed concat / format / coalesce
    QString constValue; // used when from is empty and param is empty (null = no constant)
    QString param;      // study parameter (study_id, defaultTimeZone, ...)
    QVector<TransformSpec> transforms;

    bool operator==(const FieldRule& o) const
    {
        return target == o.target && from == o.from && constValue == o.constValue && param == o.param
            && transforms == o.transforms && constValue.isNull() == o.constValue.isNull();
    }
};

// A row filter: the row is used only when column's value is (or, with negate, is not) one of values.
struct RowFilter
{
    QString column;
    QStringList values;
    bool negate = false;

    bool operator==(const RowFilter& o) const { return column == o.column && values == o.values && negate == o.negate; }
};

// A mapping document (*.mapping.json): one source format onto one CTMS entity. The JSON form is the
// contract between the designer, the CLI and version control: toJson() writes keys in a stable order
// so that revisions diff well. Format reference: docs/mapping-format.md.
class MappingDocument
{
public:
    static constexpr const char* Format = "trialbridge.mapping/1";

    enum class Mode { Upsert, Merge };          // merge: sets only the mapped fields of an existing record
    enum class Duplicates { Reject, Identical }; // identical: repeated keys with identical content are fine

    static bool fromJson(const QByteArray& json, const QString& fileName, MappingDocument* out, QString* error);
    static bool load(const QString& path, MappingDocument* out, QString* error);
    QJsonObject toJson() const;
    QByteArray toJsonBytes() const;
    bool save(const QString& path, QString* error) const;

    QString name;
    int revision = 1;
    QString description;
    QString sourceKind = QStringLiteral("csv"); // csv, dataset-json, odm, redcap or rest (RecordSource::Kind)
    CsvDialect dialect;                         // csv
    OdmSelection odm;                           // odm: which records
    RestSourceConfig rest;                      // redcap, rest: what to export and how to page (no URL, no
                                                // credential: the pipeline step names the connection)
    QString targetEntity;
    Mode mode = Mode::Upsert;
    Duplicates duplicates = Duplicates::Reject;
    QVector<RowFilter> filters;
    QVector<FieldRule> fields;      // in target field order of the schema when saved
    FieldRule modifiedAt;           // target "_modified": the source's modification time, optional

    const FieldRule* field(const QString& target) const;
    FieldRule* field(const QString& target);

    bool operator==(const MappingDocument& o) const;
};

} // namespace tb::core
