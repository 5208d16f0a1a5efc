#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace tb::cli {

// PipelineRunner::Options::secret for `run`: the connection secrets of the workspace that holds the pipeline,
// read from its secret store (opened once, on first need, like `secrets get` would). A secret that is not
// stored says how to store it; the message never carries a value.
std::function<bool(const QString& connection, const QString& field, QByteArray* value, QString* error)>
workspaceSecretReader(const QString& pipelinePath);

} // namespace tb::cli
