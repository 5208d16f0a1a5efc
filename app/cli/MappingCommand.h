#pragma once

#include <QStringList>

namespace tb::cli {

// trialbridge-cli mapping diff A B [--json]: field-level differences between two mapping documents
// (exit 0 the same, 1 different, 2 usage or a document that cannot be read).
int mappingCommand(const QStringList& args);

} // namespace tb::cli
