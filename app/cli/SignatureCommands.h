#pragma once

#include <QStringList>

namespace tb::cli {

// trialbridge-cli user create ID --name NAME --role ROLE | user list: the workspace's signers.
int userCommand(const QStringList& args);
// trialbridge-cli sign FILE --target DB --meaning M [--comment C]: an electronic signature, stored with its audit entry.
int signCommand(const QStringList& args);
// trialbridge-cli signatures --target DB [--file F] [--json]: the signatures, each checked.
int signaturesCommand(const QStringList& args);

} // namespace tb::cli
