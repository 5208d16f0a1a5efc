#pragma once

#include <QStringList>

namespace tb::cli {

// trialbridge-cli schedule list | next CRON: the schedules of a workspace's pipelines with their next runs, and
// the next occurrences of any expression in any zone (to check one before putting it in a pipeline).
int scheduleCommand(const QStringList& args);

} // namespace tb::cli
