#pragma once

#include "audit/AuditExport.h"
#include "audit/AuditVerifier.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

namespace tb::core {

class RunFeedback;
struct TrailCheck;

// The QA audit report as PDF (docs/audit.md): landscape A4, a header (studies, filters, who exported and
// when, entry count, head hash, verification result) and one table row per entry made from
// AuditExport::rows() — the same rows as the CSV — with signature entries showing their manifestation; "Page
// X of Y" on every page. Pages end where the rows' measured heights say; then each page's rows are laid out
// again and painted, so memory holds the entries and one page, not the whole document. QTextLayout and QPdfWriter
// need a QGuiApplication (any platform, "offscreen" too) to exist.
class AuditReportPdf
{
public:
    struct Context
    {
        QString exportedBy;                 // the operating-system user who exported
        QDateTime exportedUtc;              // when (UTC)
        AuditVerifier::Report verification; // of the whole trail, made just before the export
        qint64 signatures = 0;              // electronic signatures checked (SignatureLog::check)
        QStringList signatureProblems;      // empty: each signature valid and in the trail

        // The check's verdict, exported now by the operating-system user (with their printed name when a user of
        // the workspace has that id).
        static Context of(const TrailCheck& check, const QHash<QString, QString>& printedNames);
    };

    // "intact (…)" or "BROKEN — …" naming the first damaged entry, as the report's header says it.
    static QString verificationText(const Context& context);

    // Writes the whole file or nothing (a failed or canceled export leaves no partial file); rows receives the
    // entries written. feedback, when given, receives progress and may cancel.
    static bool write(const QString& databasePath, const AuditFilter& filter,
                      const QHash<QString, QString>& printedNames, const Context& context,
                      const QString& outPath, qint64* rows, QString* error, RunFeedback* feedback = nullptr);
};

} // namespace tb::core
