#pragma once

#include <QStringList>

namespace tb::cli {

// trialbridge-cli secrets set|list|delete|backend: connection secrets in the OS keychain or the
// encrypted vault, for the workspace in the current folder or --workspace DIR. No command prints a
// secret value.
int secretsCommand(const QStringList& args);

} // namespace tb::cli
