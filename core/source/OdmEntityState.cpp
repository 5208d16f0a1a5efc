#include "source/OdmEntityState.h"

#include "util/FastHash.h"

namespace tb::core {

namespace {

constexpr quint64 SeedA = 0x6a09e667f3bcc908ULL;
constexpr quint64 SeedB = 0xbb67ae8584caa73bULL;

quint64 mix(quint64 h, QStringView s, quint64 seed)
{
    // Length-prefixed by hashing: "AB"+"C" and "A"+"BC" differ.
    return hash64(s, h ^ seed ^ (quint64(s.size()) * 0x9e3779b97f4a7c15ULL));
}

} // namespace

OdmEntityState::Entity OdmEntityState::study(QStringView mainStudyOid)
{
    Entity e;
    e.key.a = mix(0, mainStudyOid, SeedA);
    e.key.b = mix(0, mainStudyOid, SeedB);
    return e;
}

OdmEntityState::Key OdmEntityState::childKey(const Entity& parent, Kind kind, QStringView oid, QStringView repeatKey)
{
    const quint64 salt = (quint64(kind) + 1) * 0xff51afd7ed558ccdULL + quint64(parent.generation) * 0xc4ceb9fe1a85ec53ULL;
    Key k;
    k.a = mix(mix(parent.key.a ^ salt, oid, SeedA), repeatKey, SeedB);
    k.b = mix(mix(parent.key.b + salt, oid, SeedB), repeatKey, SeedA);
    return k;
}

void OdmEntityState::beginFile(const QString& name)
{
    if (m_files.isEmpty() || m_files.back() != name)
        m_files << name;
}

OdmEntityState::Result OdmEntityState::apply(const Key& key, OdmTransaction t, const Entity& parent, qint64 line,
                                             Entity* out)
{
    Result r;
    *out = Entity();
    out->key = key;
    const auto it = m_entities.find(key);
    const bool known = it != m_entities.end();
    const State state = known ? it->second.state : State::Exists;
    const quint32 generation = known ? it->second.generation : 0;
    out->generation = generation;

    auto conflict = [&](Conflict c, const Entry* at) {
        r.conflict = c;
        if (at) {
            r.earlierFile = m_files.value(int(at->file));
            r.earlierLine = at->line;
        }
        return r;
    };
    if (parent.removed && t != OdmTransaction::Remove && t != OdmTransaction::None)
        return conflict(Conflict::ParentRemoved, nullptr);

    // Does the entity exist before this instruction? Yes, no, or unknown (the target knows).
    enum class Exists { Yes, No, Unknown } exists = Exists::Unknown;
    if (known)
        exists = state == State::Removed ? Exists::No : Exists::Yes;
    else if (parent.fresh)
        exists = Exists::No;

    auto missing = [&] {
        if (known)
            return conflict(Conflict::WasRemoved, &it->second);
        const auto p = m_entities.find(parent.key);
        return conflict(Conflict::ParentIsNew, p == m_entities.end() ? nullptr : &p->second);
    };
    auto store = [&](State s, quint32 g) {
        Entry& e = m_entities[key];
        e.state = s;
        e.generation = g;
        e.file = quint32(qMax(0, int(m_files.size()) - 1));
        e.line = line;
        out->generation = g;
        out->fresh = s == State::Inserted;
        out->removed = s == State::Removed;
    };

    switch (t) {
    case OdmTransaction::None:
        out->fresh = known && state == State::Inserted;
        break;
    case OdmTransaction::Insert:
        if (exists == Exists::Yes)
            return conflict(Conflict::AlreadyExists, &it->second);
        store(State::Inserted, known ? generation + 1 : 0);
        break;
    case OdmTransaction::Update:
    case OdmTransaction::Context:
        if (exists == Exists::No)
            return missing();
        if (!known)
            store(State::Exists, 0);
        else
            out->fresh = state == State::Inserted;
        break;
    case OdmTransaction::Upsert:
        if (exists == Exists::No)
            store(State::Inserted, known ? generation + 1 : 0);
        else if (!known)
            store(State::Exists, 0);
        else
            out->fresh = state == State::Inserted;
        break;
    case OdmTransaction::Remove:
        if (exists == Exists::No)
            return missing();
        store(State::Removed, generation);
        break;
    }
    return r;
}

void OdmEntityState::clear()
{
    m_entities.clear();
    m_files.clear();
}

} // namespace tb::core
