#include "run/UnitStateStore.h"

#include <cstring>

namespace tb::core {

bool UnitStateStore::prepare(sqlite3* db, QString* error)
{
    return m_load.prepare(db,
                          QStringLiteral("SELECT key_hash, fingerprint, counts FROM unit_state "
                                         "WHERE pipeline = ?1 AND unit_entity = ?2"),
                          error)
        && m_save.prepare(db,
                          QStringLiteral("INSERT OR REPLACE INTO unit_state (pipeline, unit_entity, key_hash, "
                                         "fingerprint, counts, run_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
                          error);
}

bool UnitStateStore::load(const QString& pipeline, const QString& unitEntity, std::unordered_map<quint64, State>* out)
{
    m_load.bindText(1, pipeline);
    m_load.bindText(2, unitEntity);
    while (m_load.next()) {
        const QByteArray fp = m_load.columnBlob(1);
        if (fp.size() != 16)
            continue; // not ours: the unit is simply loaded again
        State s;
        std::memcpy(&s.fingerprint.first, fp.constData(), 8);
        std::memcpy(&s.fingerprint.second, fp.constData() + 8, 8);
        s.counts = m_load.columnBlob(2);
        out->emplace(quint64(m_load.columnInt64(0)), std::move(s));
    }
    m_error = m_load.error();
    m_load.reset();
    return m_error.isEmpty();
}

bool UnitStateStore::save(const QString& pipeline, const QString& unitEntity, quint64 keyHash, const State& state,
                          qint64 runId)
{
    QByteArray fp(16, Qt::Uninitialized);
    std::memcpy(fp.data(), &state.fingerprint.first, 8);
    std::memcpy(fp.data() + 8, &state.fingerprint.second, 8);
    m_save.bindText(1, pipeline);
    m_save.bindText(2, unitEntity);
    m_save.bindInt64(3, qint64(keyHash));
    m_save.bindBlob(4, fp);
    m_save.bindBlob(5, state.counts);
    m_save.bindInt64(6, runId);
    const bool ok = m_save.exec();
    if (!ok)
        m_error = m_save.error();
    return ok;
}

} // namespace tb::core
