#include "load/EntityTable.h"

#include <QStringList>

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
    for (int i = 1; i <= columns.size() + 4; ++i)
        placeholders << QStringLiteral("?%1").arg(i);
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
        && m_update.prepare(db,
                            QStringLiteral("UPDATE %1 SET %2 WHERE %3")
                                .arg(e.name, sets.join(QStringLiteral(", ")), where(e.keyNames(), n + 5)),
                            error)
        && m_delete.prepare(db, QStringLiteral("DELETE FROM %1 WHERE %2").arg(e.name, where(e.keyNames(), 1)), error);
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

bool EntityTable::insert(const AuditChain::Field* row)
{
    const int n = int(m_entity->fields.size()) + BookkeepingColumns;
    for (int i = 0; i < n; ++i)
        m_insert.bindField(i + 1, row[i]);
    const bool ok = m_insert.exec();
    if (!ok)
        m_error = m_insert.error();
    return ok;
}

bool EntityTable::update(const AuditChain::Field* row)
{
    const int n = int(m_entity->fields.size()) + BookkeepingColumns;
    for (int i = 0; i < n; ++i)
        m_update.bindField(i + 1, row[i]);
    int p = n + 1;
    for (int k : m_entity->keyFields)
        m_update.bindField(p++, row[k]);
    const bool ok = m_update.exec();
    if (!ok)
        m_error = m_update.error();
    return ok;
}

bool EntityTable::remove(const AuditChain::Field* row)
{
    int p = 1;
    for (int k : m_entity->keyFields)
        m_delete.bindField(p++, row[k]);
    const bool ok = m_delete.exec();
    if (!ok)
        m_error = m_delete.error();
    return ok;
}

} // namespace tb::core
