#pragma once

#include "load/SqliteStatement.h"
#include "model/Record.h"

#include <vector>

namespace tb::core {

// A CTMS row as stored: values by field index plus the bookkeeping the loader decides with.
struct StoredRow
{
    std::vector<QString> values;
    QByteArray hash;
    QString sourceModified;
    bool keysOnly = false; // only the key values were read (see EntityTable::selectByUnit)
};

// The prepared statements of one entity's table: read by key or by unit, insert, update, delete.
class EntityTable
{
public:
    bool prepare(sqlite3* db, const EntityDef& entity, const EntityDef& unitEntity, QString* error);
    const EntityDef& entity() const { return *m_entity; }

    // The row with r's natural key; false when there is none (or on an error: see error).
    bool selectByKey(const Record& r, StoredRow* out);
    // Every row of the unit whose key values (the unit entity's key fields) are given — only the key,
    // the hash and the source time: enough to tell unchanged from changed; selectByKey() gives the rest.
    bool selectByUnit(const QString* unitKey, int count, std::vector<StoredRow>& out);
    // Record::keyHash() of every stored row, sorted: a key whose hash is not among them is not stored,
    // which spares a first load its lookups (a hash that is there may still be another key's).
    bool keyHashes(std::vector<quint64>* out);
    // The writes take a row image (WriteChunk): the values by field index in AuditChain's encoding, then
    // the bookkeeping columns _hash, _source_ref, _source_modified and _run_id (not for remove()).
    static constexpr int BookkeepingColumns = 4;
    bool insert(const AuditChain::Field* row);
    bool update(const AuditChain::Field* row);
    // Deletes the row with the key these values hold.
    bool remove(const AuditChain::Field* row);
    // Inserts BatchRows row images at a time in one statement (SQLite's per-statement work is a fifth of a
    // row's cost); the images must stay where they are until the batch or flush() has written them.
    static constexpr int BatchRows = 32;
    bool queueInsert(const unsigned char* image);
    bool flush();
    // The key of the row a failed write was about ("S1/1001"), for messages.
    QString failedKey() const { return m_failedKey; }

    QString error() const { return m_error; }

private:
    StoredRow readRow(const SqliteStatement& st) const;
    const unsigned char* decode(const unsigned char* image, AuditChain::Field* row) const;
    bool failed(const SqliteStatement& st, const AuditChain::Field* row);

    const EntityDef* m_entity = nullptr;
    SqliteStatement m_selectByKey;
    SqliteStatement m_selectByUnit;
    SqliteStatement m_selectKeys;
    SqliteStatement m_insert;
    SqliteStatement m_insertBatch;
    std::vector<const unsigned char*> m_queued;
    std::vector<AuditChain::Field> m_row;
    SqliteStatement m_update;
    SqliteStatement m_delete;
    QString m_error;
    QString m_failedKey;
};

} // namespace tb::core
