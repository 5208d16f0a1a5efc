#pragma once

#include "load/SqliteStatement.h"

#include <QString>

namespace tb::core {

// One computer-generated audit entry: who changed what, when, from what to what, why, and from which
// source record.
struct AuditEntry
{
    QString timeUtc;
    QString actor;
    QString action;      // insert, update, delete
    QString entity;
    QString naturalKey;  // JSON object of the key fields
    QString studyId, siteId, subjectId;
    QString beforeJson;  // changed fields before (null for inserts)
    QString afterJson;   // changed fields after (every field for inserts)
    qint64 runId = 0;
    QString sourceRef;   // file:line or the source system's record id
    QString reason;
};

// Appends entries to audit_log in the caller's transaction, so that a change and its audit entry
// commit together or not at all.
class AuditLog
{
public:
    bool prepare(sqlite3* db, QString* error);
    bool append(const AuditEntry& e);
    QString error() const { return m_error; }

private:
    SqliteStatement m_insert;
    QString m_error;
};

} // namespace tb::core
