#pragma once

#include <QStringList>

namespace tb::cli {

// trialbridge-cli connection test NAME [--workspace DIR] [--json]: tests a connection profile of the
// workspace with its stored secrets and says precisely what failed (DNS, refused, TLS, host key,
// auth, permission, timeout, ...).
int connectionCommand(const QStringList& args);

} // namespace tb::cli
