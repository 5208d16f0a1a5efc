#include "run/UnitIndex.h"

namespace tb::core {

UnitIndex::UnitIndex(int steps)
    : m_steps(steps), m_runs(size_t(steps)), m_lastUnit(size_t(steps), -1), m_rowCounts(size_t(steps), 0)
{
}

int UnitIndex::add(int step, quint64 keyHash, qint64 offset, qint64 line, qint64 rowIndex)
{
    auto [it, inserted] = m_unitByHash.try_emplace(keyHash, qint32(m_hashes.size()));
    const qint32 unit = it->second;
    if (inserted) {
        m_hashes.push_back(keyHash);
        m_first.resize(m_first.size() + size_t(m_steps), -1);
        m_last.resize(m_last.size() + size_t(m_steps), -1);
        m_fingerprints.emplace_back(0, 0);
    }
    ++m_rowCounts[size_t(step)];
    auto& runs = m_runs[size_t(step)];
    const size_t slot = size_t(unit) * size_t(m_steps) + size_t(step);
    if (m_lastUnit[size_t(step)] == unit) {
        ++runs[size_t(m_last[slot])].count;
        return unit;
    }
    m_lastUnit[size_t(step)] = unit;
    const qint32 index = qint32(runs.size());
    runs.push_back(Run{offset, qint32(line), 1, -1, qint32(rowIndex)});
    if (m_first[slot] < 0)
        m_first[slot] = index;
    else
        runs[size_t(m_last[slot])].next = index;
    m_last[slot] = index;
    return unit;
}

void UnitIndex::addToFingerprint(int unit, quint64 h0, quint64 h1)
{
    m_fingerprints[size_t(unit)].first += h0;
    m_fingerprints[size_t(unit)].second += h1;
}

} // namespace tb::core
