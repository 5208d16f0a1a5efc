#pragma once

#include "source/OdmClinicalRecord.h"

#include <QString>
#include <QStringList>

#include <unordered_map>

namespace tb::core {

// What the Transactional files of a series have done to each clinical entity (subject, study event, form,
// item group, item), so that the reader refuses instructions it knows to be wrong:
// - Insert of an entity the series inserted, updated or named as context (and did not remove since);
// - Update, Remove or Context of an entity the series removed, or of one below an entity the series
//   inserted as new that the series never inserted itself (a new subject has no old visits);
// - any instruction but Remove below an entity that is being removed.
// Whatever the series never mentioned may exist in the target or not: that is the loader's to check.
// Keys are 128-bit hashes of the entity's path (its study, then OIDs and repeat keys down to it), so memory
// grows with the number of entities the series touched (about 60 bytes each), never with values.
class OdmEntityState
{
public:
    enum class Kind : quint8 { Subject, StudyEvent, Form, ItemGroup, Item };

    struct Key
    {
        quint64 a = 0, b = 0;
        bool operator==(const Key& o) const { return a == o.a && b == o.b; }
    };

    // An entity as its children see it.
    struct Entity
    {
        Key key;
        quint32 generation = 0; // children of a removed-then-inserted entity are new entities
        bool fresh = false;     // inserted as new by the series: nothing below it existed before
        bool removed = false;   // being removed by this instruction
    };

    enum class Conflict { None, AlreadyExists, WasRemoved, ParentIsNew, ParentRemoved };
    struct Result
    {
        Conflict conflict = Conflict::None;
        QString earlierFile; // where the series last inserted/removed it (AlreadyExists, WasRemoved, ParentIsNew)
        qint64 earlierLine = 0;
    };

    // The study an entity tree hangs from (subjects of one study are one namespace).
    static Entity study(QStringView mainStudyOid);
    static Key childKey(const Entity& parent, Kind kind, QStringView oid, QStringView repeatKey);

    // Names the file whose instructions follow (for the places in conflicts).
    void beginFile(const QString& name);

    // Applies an instruction to the entity key below parent, seen at line of the current file. On a
    // conflict nothing changes and the result says why; *out describes the entity for its children.
    Result apply(const Key& key, OdmTransaction t, const Entity& parent, qint64 line, Entity* out);

    qint64 size() const { return qint64(m_entities.size()); }
    void clear();

private:
    enum class State : quint8 { Inserted, Exists, Removed };
    struct Entry
    {
        State state = State::Exists;
        quint32 generation = 0;
        quint32 file = 0;
        qint64 line = 0;
    };
    struct KeyHash
    {
        size_t operator()(const Key& k) const { return size_t(k.a ^ (k.b * 0x9e3779b97f4a7c15ULL)); }
    };

    std::unordered_map<Key, Entry, KeyHash> m_entities;
    QStringList m_files;
};

} // namespace tb::core
