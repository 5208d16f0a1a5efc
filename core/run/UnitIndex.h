#pragma once

#include <QtGlobal>

#include <unordered_map>
#include <vector>

namespace tb::core {

// Where each unit's rows lie in the source files of a unit group (a subject's rows in subjects.csv,
// visits.csv, adverse_events.csv), so that units can be loaded atomically however the files are ordered
// — and, because sorted exports give one run of rows per unit and file, read sequentially.
// Memory grows with the number of units (and runs), not with the size of the files.
class UnitIndex
{
public:
    struct Run
    {
        qint64 offset = 0; // byte offset of the first row
        qint32 line = 0;   // its line
        qint32 count = 0;  // accepted rows in the run (rows skipped by a filter do not break a run)
        qint32 next = -1;  // the unit's next run in this step, or -1
        qint32 index = 0;  // the first row's ordinal in its file, for sources that name rows by it (in padding)
    };

    explicit UnitIndex(int steps = 0);

    // Records an accepted row of a step (rows of one step in file order) and returns its unit.
    int add(int step, quint64 keyHash, qint64 offset, qint64 line, qint64 rowIndex = 0);

    // The unit's fingerprint: the sum of its rows' hashes (order does not matter, repeats do).
    void addToFingerprint(int unit, quint64 h0, quint64 h1);
    std::pair<quint64, quint64> fingerprint(int unit) const { return m_fingerprints[size_t(unit)]; }

    int unitCount() const { return int(m_hashes.size()); }
    quint64 unitHash(int unit) const { return m_hashes[size_t(unit)]; }
    int firstRun(int unit, int step) const { return m_first[size_t(unit) * size_t(m_steps) + size_t(step)]; }
    const Run& run(int step, int index) const { return m_runs[size_t(step)][size_t(index)]; }
    qint64 rows(int step) const { return m_rowCounts[size_t(step)]; }

private:
    int m_steps;
    std::unordered_map<quint64, qint32> m_unitByHash;
    std::vector<quint64> m_hashes;                 // unit → key hash, in order of first appearance
    std::vector<qint32> m_first;                   // unit × step → first run
    std::vector<qint32> m_last;                    // unit × step → last run
    std::vector<std::vector<Run>> m_runs;          // per step
    std::vector<qint32> m_lastUnit;                // per step: unit of the previous accepted row
    std::vector<qint64> m_rowCounts;
    std::vector<std::pair<quint64, quint64>> m_fingerprints; // by unit
};

} // namespace tb::core
