#include "audit/TrailCheck.h"

#include "audit/AuditTrust.h"

#include <QDir>
#include <QFileInfo>

namespace tb::core {

bool TrailCheck::run(const QString& databasePath, QString workspace, TrailCheck* out, QString* error)
{
    *out = TrailCheck();
    if (workspace.isEmpty())
        workspace = AuditTrust::findWorkspace(QFileInfo(databasePath).absolutePath());
    QList<QByteArray> trusted;
    if (!workspace.isEmpty() && !AuditTrust::load(workspace, &trusted, error))
        return false;
    out->report = AuditVerifier::verify(databasePath, trusted, !workspace.isEmpty(),
                                        workspace.isEmpty() ? QString() : QDir(workspace).absolutePath());
    // The chain covers a signature's audit entry, not its row: each row is checked against its entry.
    QString e;
    if (out->report.error.isEmpty() && !SignatureLog::check(databasePath, &out->signatures, &e))
        out->signatures.problems << e;
    return true;
}

} // namespace tb::core
