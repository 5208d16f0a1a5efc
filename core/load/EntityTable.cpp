#include "load/EntityTable.h"

#include <QStringList>

#include <algorithm>

namespace tb::core {

bool EntityTable::prepare(sqlite3* db, const EntityDef& e, const EntityDef& unitEntity, QString* error)
{
    m_entity = &e;
    const QStringList columns = e.fieldNames();
    auto where = [](const QStringList& names, int firstParam) {
        QStringList parts;
        for (int i = 0; i < names.size(); ++i)
            parts << QStringLiteral("%1 = ?%2").arg(names[i]).arg(firstParam + i);
        return parts.join(QStringLiteral(" AND "));
    };
    const QString select = QStringLiteral("SELECT %1, _hash, _source_modified FROM %2 WHERE ")
                               .arg(columns.join(QStringLiteral(", ")), e.name);
    QStringList placeholders;
    for (int i = 1; i <= columns.size() + BookkeepingColumns; ++i)
        placeholders << QStringLiteral("?%1").arg(i);
    const QString rowOfPlaceholders =
        QLatin1Char('(') + QStringList(placeholders.size(), QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    const QString batchValues = QStringList(BatchRows, rowOfPlaceholders).join(QLatin1Char(','));
    m_row.resize(size_t(columns.size() + BookkeepingColumns));
    m_queued.reserve(BatchRows);
    QStringList sets;
    for (int i = 0; i < columns.size(); ++i)
        sets << QStringLiteral("%1 = ?%2").arg(columns[i]).arg(i + 1);
    const int n = int(columns.size());
    sets << QStringLiteral("_hash = ?%1").arg(n + 1) << QStringLiteral("_source_ref = ?%1").arg(n + 2)
         << QStringLiteral("_source_modified = ?%1").arg(n + 3) << QStringLiteral("_run_id = ?%1").arg(n + 4);
    return m_selectByKey.prepare(db, select + where(e.keyNames(), 1), error)
        && m_selectByUnit.prepare(db,
                                  QStringLiteral("SELECT %1, _hash, _source_modified FROM %2 WHERE %3")
                                      .arg(e.keyNames().join(QStringLiteral(", ")), e.name,
                                           where(unitEntity.keyNames(), 1)),
                                  error)
        && m_insert.prepare(db,
                            QStringLiteral("INSERT INTO %1 (%2, _hash, _source_ref, _source_modified, _run_id) VALUES (%3)")
                                .arg(e.name, columns.join(QStringLiteral(", ")), placeholders.join(QStringLiteral(", "))),
                            error)
        // OR FAIL: a failing row keeps the rows before it, so the statement needs no journal of its own (a
        // sixth of its cost); the loader rolls the whole batch back anyway.
        && m_insertBatch.prepare(db,
                                 QStringLiteral("INSERT OR FAIL INTO %1 (%2, _hash, _source_ref, _source_modified, _run_id) VALUES %3")
                                     .arg(e.name, columns.join(QStringLiteral(", ")), batchValues),
                                 error)
        && m_update.prepare(db,
                            QStringLiteral("UPDATE %1 SET %2 WHERE %3")
                                .arg(e.name, sets.join(QStringLiteral(", ")), where(e.keyNames(), n + 5)),
                            error)
        && m_delete.prepare(db, QStringLiteral("DELETE FROM %1 WHERE %2").arg(e.name, where(e.keyNames(), 1)), error)
        && m_selectKeys.prepare(db, QStringLiteral("SELECT %1 FROM %2").arg(e.keyNames().join(QStringLiteral(", ")), e.name),
                                error);
}

StoredRow EntityTable::readRow(const SqliteStatement& st) const
{
    StoredRow row;
    const int n = int(m_entity->fields.size());
    row.values.resize(size_t(n));
    for (int i = 0; i < n; ++i)
        row.values[size_t(i)] = st.columnText(i);
    row.hash = st.columnBlob(n);
    row.sourceModified = st.columnText(n + 1);
    row.keysOnly = false;
    return row;
}

bool EntityTable::selectByKey(const Record& r, StoredRow* out)
{
    m_error.clear();
    int p = 1;
    for (int k : m_entity->keyFields)
        m_selectByKey.bindText(p++, r.values[size_t(k)]);
    const bool found = m_selectByKey.next();
    if (found)
        *out = readRow(m_selectByKey);
    else
        m_error = m_selectByKey.error();
    m_selectByKey.reset();
    return found;
}

bool EntityTable::selectByUnit(const QString* unitKey, int count, std::vector<StoredRow>& out)
{
    for (int i = 0; i < count; ++i)
        m_selectByUnit.bindText(i + 1, unitKey[i]);
    const int keys = int(m_entity->keyFields.size());
    while (m_selectByUnit.next()) {
        StoredRow row;
        row.values.resize(size_t(m_entity->fields.size()));
        for (int k = 0; k < keys; ++k)
            row.values[size_t(m_entity->keyFields[k])] = m_selectByUnit.columnText(k);
        row.hash = m_selectByUnit.columnBlob(keys);
        row.sourceModified = m_selectByUnit.columnText(keys + 1);
        row.keysOnly = true;
        out.push_back(std::move(row));
    }
    m_error = m_selectByUnit.error();
    m_selectByUnit.reset();
    return m_error.isEmpty();
}

bool EntityTable::keyHashes(std::vector<quint64>* out)
{
    out->clear();
    std::vector<QString> values(size_t(m_entity->fields.size()));
    const int keys = int(m_entity->keyFields.size());
    while (m_selectKeys.next()) {
        for (int k = 0; k < keys; ++k)
            values[size_t(m_entity->keyFields[k])] = m_selectKeys.columnText(k);
        out->push_back(Record::keyHash(*m_entity, values));
    }
    m_error = m_selectKeys.error();
    m_selectKeys.reset();
    std::sort(out->begin(), out->end());
    return m_error.isEmpty();
}

bool EntityTable::failed(const SqliteStatement& st, const AuditChain::Field* row)
{
    m_error = st.error();
    QStringList parts;
    for (int k : m_entity->keyFields)
        parts << (row[k].type == AuditChain::Text ? QString::fromUtf8(row[k].data, int(row[k].size))
                  : row[k].type == AuditChain::Integer ? QString::number(row[k].integer)
                                                      : QStringLiteral("(none)"));
    m_failedKey = parts.join(QLatin1Char('/'));
    return false;
}

const unsigned char* EntityTable::decode(const unsigned char* image, AuditChain::Field* row) const
{
    for (size_t i = 0; i < m_row.size(); ++i)
        image = AuditChain::readField(image, &row[i]);
    return image;
}

bool EntityTable::insert(const AuditChain::Field* row)
{
    for (size_t i = 0; i < m_row.size(); ++i)
        m_insert.bindField(int(i) + 1, row[i]);
    return m_insert.exec() || failed(m_insert, row);
}

bool EntityTable::queueInsert(const unsigned char* image)
{
    m_queued.push_back(image);
    return m_queued.size() < BatchRows || flush();
}

bool EntityTable::flush()
{
    AuditChain::Field* row = m_row.data();
    const int columns = int(m_row.size());
    size_t done = 0;
    if (m_queued.size() == BatchRows) {
        for (int r = 0; r < BatchRows; ++r) {
            decode(m_queued[size_t(r)], row);
            for (int i = 0; i < columns; ++i)
                m_insertBatch.bindField(r * columns + i + 1, row[i]);
        }
        if (m_insertBatch.exec()) {
            m_queued.clear();
            return true;
        }
        // The rows before the failing one stay written (OR FAIL): the rest one by one names it.
        done = size_t(qBound(0, m_insertBatch.changes(), BatchRows - 1));
    }
    for (; done < m_queued.size(); ++done) {
        decode(m_queued[done], row);
        if (!insert(row)) {
            m_queued.clear();
            return false;
        }
    }
    const bool batchFailed = m_queued.size() == BatchRows && !m_insertBatch.error().isEmpty();
    m_queued.clear();
    return !batchFailed || failed(m_insertBatch, row);
}

bool EntityTable::update(const AuditChain::Field* row)
{
    const int n = int(m_row.size());
    for (int i = 0; i < n; ++i)
        m_update.bindField(i + 1, row[i]);
    int p = n + 1;
    for (int k : m_entity->keyFields)
        m_update.bindField(p++, row[k]);
    return m_update.exec() || failed(m_update, row);
}

bool EntityTable::remove(const AuditChain::Field* row)
{
    int p = 1;
    for (int k : m_entity->keyFields)
        m_delete.bindField(p++, row[k]);
    return m_delete.exec() || failed(m_delete, row);
}

} // namespace tb::core
