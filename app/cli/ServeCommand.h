#pragma once

#include <QStringList>

namespace tb::cli {

// trialbridge-cli serve: receives signed webhooks (POST /hooks/<pipeline>) for the pipelines of a workspace and
// runs each pipeline incrementally when one arrives; see docs/cli.md "Webhooks".
int serveCommand(const QStringList& args);

} // namespace tb::cli
