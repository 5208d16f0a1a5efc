#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>

namespace tb::core {

class RunFeedback;

// Which audit entries an export holds; empty members do not filter.
struct AuditFilter
{
    QString fromUtc, toUtc; // ISO 8601 UTC, inclusive (a date alone: the whole day)
    QString entity, subjectId, siteId, userId;
    qint64 runId = 0;

    QString describe() const; // "entity visit, subject 101-001" or "all entries"
};

// The QA audit report (21 CFR Part 11 §11.10(e)): one row per audit entry, oldest first, with the columns below.
// rows() reads them — the one query and row formatting that both the CSV (writeCsv) and the PDF (AuditReportPdf)
// are made of, so the two formats always hold the same entries. Electronic signatures are rows too (entity
// "esignature") with their manifestation. Reads the database without changing it.
class AuditExport
{
public:
    struct Row
    {
        qint64 seq = 0;
        QString timeUtc, userId, printedName, action, entity, entityKey;
        QStringList changes; // "field: old → new" each ("(none)" where a side has no value); none for signatures
        QString reason, source, runId;
        QString signature; // "reviewed by Jane Doe (jdoe, qa), signed 2026-03-01T09:30:00Z" for signature entries
        QString studyId;   // not a column: the report's header names the studies

        QStringList cells() const; // in the order of columns(); changes joined with "; "
    };

    // seq, time_utc, user_id, printed_name, action, entity, entity_key, changes, reason, source, run_id, signature
    static QStringList columns();

    // What a canceled export (CSV or PDF) says.
    static QString canceledMessage(const QString& outPath);

    // Calls onRow for each entry the filter lets through, oldest first; onRow returns false to stop (then rows()
    // returns false with the error onRow left). printedNames: user id → printed name (the workspace's users).
    static bool rows(const QString& databasePath, const AuditFilter& filter, const QHash<QString, QString>& printedNames,
                     const std::function<bool(const Row&)>& onRow, QString* error);

    // The CSV form: RFC 4180 quoting, UTF-8, written whole or not at all; rows receives the number written.
    // feedback, when given, may cancel (then no file is left).
    static bool writeCsv(const QString& databasePath, const AuditFilter& filter, const QHash<QString, QString>& printedNames,
                         const QString& outPath, qint64* rows, QString* error, RunFeedback* feedback = nullptr);
};

} // namespace tb::core
