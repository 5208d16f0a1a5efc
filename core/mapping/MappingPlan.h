#pragma once

#include "mapping/MappingDocument.h"
#include "mapping/Transform.h"
#include "model/CtmsSchema.h"
#include "model/Record.h"
#include "validate/ValidationIssue.h"

#include "util/FastHash.h"

#include <array>
#include <functional>
#include <memory>
#include <unordered_set>
#include <vector>

namespace tb::core {

class StudyConfig;

// A mapping document compiled against the schema and one source's columns: column indexes resolved,
// transforms built, fields ordered so that keys and the site come first (later fields may need them:
// a date in site time needs the site). Immutable; maps any number of rows.
class MappingPlan
{
public:
    // Errors name the mapping file, the field and the missing column or rule.
    // Study parameters ({"param": ...}) are resolved from study; without one they are an error.
    static std::unique_ptr<MappingPlan> compile(const MappingDocument& doc, const QString& mappingFile,
                                                std::shared_ptr<const CtmsSchema> schema, const QStringList& header,
                                                const QString& sourceFile, const StudyConfig* study, QString* error);

    const MappingDocument& document() const { return m_doc; }
    const EntityDef& entity() const { return *m_entity; }
    const EntityDef& unitEntity() const { return *m_unitEntity; }
    QString mappingFile() const { return m_mappingFile; }
    QString sourceFile() const { return m_sourceFile; }
    const QStringList& header() const { return *m_header; }
    bool isMerge() const { return m_doc.mode == MappingDocument::Mode::Merge; }
    // The source column(s) a target field reads, for messages ("VISIT_DATE").
    QString sourceColumns(const QString& targetField) const;

    // The source columns the unit key and the filter read: all a first pass over the file needs.
    std::vector<bool> indexColumns() const;

    // False when the row is excluded by the document's filter.
    bool accepts(const std::vector<QString>& row) const;

    // The key values of the unit this row belongs to (the unit entity's key fields, e.g. study and
    // subject); false when one cannot be computed.
    bool unitKey(const std::vector<QString>& row, TransformContext& ctx, Values* key) const;
    // The same key, read from a record this plan mapped.
    bool unitKey(const Record& r, Values* key) const;

    // Maps a row to a record. Fields that cannot be transformed stay null and add an issue; returns false
    // then. ctx.record is set to the record being built.
    bool map(const std::vector<QString>& row, qint64 line, TransformContext& ctx, Record& out,
             QVector<ValidationIssue>& issues) const;
    // The same for a record whose place the source names (file, line, and the place within the file such as
    // an ODM element's XPath, which issues name before the columns).
    bool map(const std::vector<QString>& row, const SourceLocation& where, TransformContext& ctx, Record& out,
             QVector<ValidationIssue>& issues) const;

    // For a record that changes only the columns it names (an ODM Update): fields read only from columns it
    // does not name are left unassigned, and their issues dropped; key fields always stay.
    void keepNamed(Record& rec, QVector<ValidationIssue>& issues, const std::function<bool(int column)>& named) const;

private:
    struct CompiledField
    {
        int target = -1;              // field index in the entity; -1 for modifiedAt
        QString targetName;
        QVector<int> columns;         // source column indexes
        QString constant;             // a const, or the study parameter's value
        bool isConstant = false;
        std::vector<std::shared_ptr<const Transform>> transforms;

        // Memo of a one-column chain of pure transforms: codes, statuses and ids repeat row after row.
        // Switched off when the column's values hardly repeat (dates, free text).
        struct Memo
        {
            QString input, output, rule, message;
            bool used = false, ok = true;
        };
        static constexpr int MemoSlots = 64;
        mutable bool memoise = false;
        mutable std::unique_ptr<std::array<Memo, MemoSlots>> memo;
        mutable qint64 memoLookups = 0, memoHits = 0;
    };

    bool evaluate(const CompiledField& f, const std::vector<QString>& row, TransformContext& ctx, QString* out) const;

    MappingDocument m_doc;
    QString m_mappingFile;
    QString m_sourceFile;
    std::shared_ptr<const CtmsSchema> m_schema;
    const EntityDef* m_entity = nullptr;
    const EntityDef* m_unitEntity = nullptr;
    std::shared_ptr<const QStringList> m_header;
    std::vector<CompiledField> m_fields;     // evaluation order
    std::vector<int> m_unitKeyFields;        // indexes into m_fields, in unit key order
    std::vector<int> m_unitKeyTargets;       // the same fields as entity field indexes
    std::unique_ptr<CompiledField> m_modified;
    struct CompiledFilter
    {
        int column;
        std::unordered_set<QString, QStringHash> values;
        bool negate;
    };
    std::vector<CompiledFilter> m_filters;
};

} // namespace tb::core
