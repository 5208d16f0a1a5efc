#pragma once

#include "audit/AuditVerifier.h"
#include "esign/SignatureLog.h"

namespace tb::core {

// The whole check of a target's audit trail, as `audit verify`, the PDF report and the console's Verify make it:
// the hash chain and the checkpoint signatures (AuditVerifier) against the keys the workspace lists, and every
// electronic signature (SignatureLog::check: valid, and matching its audit entry).
struct TrailCheck
{
    AuditVerifier::Report report;
    SignatureLog::Check signatures;

    bool intact() const { return report.intact() && signatures.problems.isEmpty(); }

    // workspace: whose key list is trusted; empty: the nearest workspace above the database (none: keys are not
    // checked). False when that key list cannot be read.
    static bool run(const QString& databasePath, QString workspace, TrailCheck* out, QString* error);
};

} // namespace tb::core
