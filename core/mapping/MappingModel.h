#pragma once

#include "mapping/MappingDocument.h"
#include "model/CtmsSchema.h"

#include <QObject>
#include <QSet>
#include <QStringList>
#include <QVector>

#include <memory>

namespace tb::core {

// One source column feeding one target field. The id is stable for the life of the model (undo commands
// and the designer's scene refer to links by it); ids are never reused, also not after a removal.
struct MappingLink
{
    int id = 0;
    QString column;
    QString target;

    bool operator==(const MappingLink& o) const { return id == o.id && column == o.column && target == o.target; }
};

// Something the designer highlights: a required target field nothing fills, a link whose column the source
// does not have, a link or rule naming a field the target entity does not have, an unknown target entity.
struct MappingProblem
{
    enum class Kind { UnmappedRequired, BrokenLink, UnknownTarget, UnknownEntity };

    Kind kind = Kind::UnmappedRequired;
    QString target;   // the target field (empty for UnknownEntity)
    QString column;   // BrokenLink: the missing column
    int linkId = 0;   // BrokenLink, UnknownTarget of a link
    QString message;  // for the user, translated

    bool operator==(const MappingProblem& o) const
    {
        return kind == o.kind && target == o.target && column == o.column && linkId == o.linkId;
    }
};

// The editable form of a MappingDocument for the designer (model first: no QGraphics or Widgets here).
// Every `from` of the document becomes links, one per column, in the document's order; everything else
// (source dialect, filters, constants, parameters, transforms, modifiedAt) is kept as it was, so that
// toDocument() gives back exactly the document setDocument() was given while nothing changed.
//
// Target "_modified" (ModifiedTarget) is the document's modifiedAt. A field whose last link is removed is
// not written (a rule needs a source) but keeps its transforms in the model, so that undoing the removal,
// or a new link, brings them back.
class MappingModel : public QObject
{
    Q_OBJECT
public:
    static constexpr const char* ModifiedTarget = "_modified";

    explicit MappingModel(std::shared_ptr<const CtmsSchema> schema = CtmsSchema::builtIn(), QObject* parent = nullptr);
    ~MappingModel() override;

    void setDocument(const MappingDocument& doc);
    MappingDocument toDocument() const;
    std::shared_ptr<const CtmsSchema> schema() const { return m_schema; }
    const EntityDef* entity() const; // null when the document's entity is not in the schema

    // Links, all in order; the links of one target in the order of its `from` list.
    const QVector<MappingLink>& links() const { return m_links; }
    bool hasLink(int id) const { return indexOfLink(id) >= 0; }
    MappingLink link(int id) const; // a default link (id 0) when there is none
    QVector<int> linksTo(const QString& target) const;
    QVector<int> linksFrom(const QString& column) const;
    int findLink(const QString& column, const QString& target) const; // 0 when none
    int positionOf(int id) const; // place among the links of its target, -1 when none

    // Edits. Each emits its signal, then changed() and problemsChanged().
    // Adds column → target as the position-th source of target (-1: last). id 0 takes a new id; a given id
    // (undo of a removal) must not be in use. A constant or parameter target had is cleared: a rule has one
    // kind of source. Returns the id, 0 when target or column is empty or the id is in use.
    int addLink(const QString& column, const QString& target, int position = -1, int id = 0);
    bool removeLink(int id);
    // Re-targets a link (keeps its id), as the position-th source of the new target (-1: last).
    bool moveLink(int id, const QString& target, int position = -1);

    // A target's constant or study parameter (null / empty: none). Setting one when the target has links
    // is refused: the document allows one kind of source per field.
    QString constValue(const QString& target) const;
    QString param(const QString& target) const;
    bool setFieldValue(const QString& target, const QString& constValue, const QString& param);
    QVector<TransformSpec> transforms(const QString& target) const;
    // Replaces a target's transform chain (the designer's add, move, remove and edit of one transform all
    // end here). Emits fieldChanged; false for an empty target. A target without a rule gets one, which is
    // written once it has a source.
    bool setTransforms(const QString& target, const QVector<TransformSpec>& transforms);
    bool isMapped(const QString& target) const; // links, a constant or a parameter
    // Key fields always, required fields in upsert mode.
    bool mustBeMapped(const QString& target) const;

    // The columns of the current source (a sample file's header); links from other columns are broken.
    // Unknown until set: then no link is reported broken.
    void setSourceColumns(const QStringList& columns);
    void clearSourceColumns();
    bool hasSourceColumns() const { return m_hasColumns; }
    bool hasSourceColumn(const QString& column) const { return m_columns.contains(column); }

    // In target field order: entity problems, then per field unmapped, unknown targets, broken links.
    QVector<MappingProblem> problems() const;

signals:
    void documentReset();
    void linkAdded(int id);
    void linkAboutToBeRemoved(int id);
    void linkRemoved(int id, const QString& column, const QString& target);
    void linkChanged(int id); // re-targeted
    void fieldChanged(const QString& target); // constant, parameter or its rule
    void sourceColumnsChanged();
    void changed();
    void problemsChanged();

private:
    int indexOfLink(int id) const;
    FieldRule* rule(const QString& target);
    const FieldRule* rule(const QString& target) const;
    FieldRule& ensureRule(const QString& target);
    int insertionIndex(const QString& target, int position) const;
    bool isKnownTarget(const QString& target) const;
    void edited();

    std::shared_ptr<const CtmsSchema> m_schema;
    MappingDocument m_doc;           // fields and modifiedAt without their `from`: the links hold those
    QVector<MappingLink> m_links;
    int m_nextId = 1;
    QSet<QString> m_columns;
    bool m_hasColumns = false;
};

} // namespace tb::core
