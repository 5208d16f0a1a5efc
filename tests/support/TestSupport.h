#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace tb::test {

QString testDataPath(const QString& relative);   // tests/data/<relative>
QString sharedDataPath(const QString& relative); // ../shared/data/<relative>, else the repository's copy
QString sourcePath(const QString& relative);     // project root/<relative>

// Writes bytes to dir/name (creating folders) and returns the full path.
QString writeFile(const QString& dir, const QString& name, const QByteArray& bytes);

struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs trialbridge-cli with the arguments, optional working directory and standard input.
ProcessResult runCli(const QStringList& args, const QString& workingDir = {}, const QByteArray& input = {},
                     int timeoutMs = 600000);

} // namespace tb::test
