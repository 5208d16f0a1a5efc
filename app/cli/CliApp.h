#pragma once

#include <QStringList>

class QTextStream;

namespace tb::core {
class RunFeedback;
}

namespace tb::cli {

// Exit codes shared by every command.
enum ExitCode { Ok = 0, Failed = 1, Usage = 2, Rejected = 3 };

int runCli(const QStringList& args);

// Standard output and error of every command (one buffered stream each: flush before exiting).
QTextStream& out();
QTextStream& err();

// Shows a long command's progress ("  42 %") on a terminal only: scripts and CI see clean output. endProgress
// clears the line.
void attachProgress(core::RunFeedback& feedback);
void endProgress();

} // namespace tb::cli
