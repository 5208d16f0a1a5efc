#pragma once

#include <QStringList>

namespace tb::cli {

// Exit codes shared by every command.
enum ExitCode { Ok = 0, Failed = 1, Usage = 2, Rejected = 3 };

int runCli(const QStringList& args);

} // namespace tb::cli
