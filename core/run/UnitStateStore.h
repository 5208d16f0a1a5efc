#pragma once

#include "load/SqliteStatement.h"

#include <QByteArray>
#include <QString>

#include <unordered_map>
#include <utility>

namespace tb::core {

// The unit_state table: per pipeline and unit, the fingerprint of the source rows it was last loaded
// from and the records it produced. Lets a re-run skip units whose source did not change.
class UnitStateStore
{
public:
    struct State
    {
        std::pair<quint64, quint64> fingerprint;
        QByteArray counts; // pairs of int32: entity index, records
    };

    bool prepare(sqlite3* db, QString* error);
    // Every state of the pipeline's units of one entity, by unit key hash.
    bool load(const QString& pipeline, const QString& unitEntity, std::unordered_map<quint64, State>* out);
    bool save(const QString& pipeline, const QString& unitEntity, quint64 keyHash, const State& state, qint64 runId);
    QString error() const { return m_error; }

private:
    SqliteStatement m_load;
    SqliteStatement m_save;
    QString m_error;
};

} // namespace tb::core
