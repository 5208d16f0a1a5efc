#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace tb::core {

// Which audit entries an export holds; empty members do not filter.
struct AuditFilter
{
    QString fromUtc, toUtc; // ISO 8601 UTC, inclusive (a date alone: the whole day)
    QString entity, subjectId, siteId, userId;
    qint64 runId = 0;

    QString describe() const; // "entity visit, subject 101-001" or "all entries"
};

// The QA audit report as CSV (21 CFR Part 11 §11.10(e)): one row per audit entry, oldest first, with the columns
// below; values as stored, RFC 4180 quoting, UTF-8. Electronic signatures are rows too (entity "esignature") with
// their meaning and signer. Reads the database without changing it.
class AuditExport
{
public:
    // seq, time_utc, user_id, printed_name, action, entity, entity_key, changes ("field: old → new; …"),
    // reason, source, run_id, signature ("approved by Jane Doe (jdoe, qa)" for signature entries)
    static QStringList columns();

    // printedNames: user id → printed name (the workspace's users); rows receives the number written.
    static bool writeCsv(const QString& databasePath, const AuditFilter& filter, const QHash<QString, QString>& printedNames,
                         const QString& outPath, qint64* rows, QString* error);
};

} // namespace tb::core
