#pragma once

#include <QStringList>

class QTextStream;

namespace tb::cli {

// Exit codes shared by every command.
enum ExitCode { Ok = 0, Failed = 1, Usage = 2, Rejected = 3 };

int runCli(const QStringList& args);

// Standard output and error of every command (one buffered stream each: flush before exiting).
QTextStream& out();
QTextStream& err();

} // namespace tb::cli
