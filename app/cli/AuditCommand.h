#pragma once

#include <QString>
#include <QStringList>

#include <memory>

namespace tb::core {
class AuditSigner;
}

namespace tb::cli {

// trialbridge-cli audit verify --target DB [--workspace DIR] [--json]: checks the audit trail's hash chain
// and checkpoint signatures; exit 0 intact, 1 broken (or unreadable), 2 usage.
int auditCommand(const QStringList& args);

// The audit signing key of the workspace that holds the pipeline, for PipelineRunner::Options::auditSigner:
// read from the secret store, or created there on first need and then listed in the workspace's
// trialbridge.workspace.json. Null with a message saying what to do when the store cannot be opened.
std::shared_ptr<const tb::core::AuditSigner> workspaceAuditSigner(const QString& pipelinePath,
                                                                  QString* error);

} // namespace tb::cli
