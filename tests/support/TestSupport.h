#pragma once

#include "mapping/MappingDocument.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace tb::test {

// A UTC time from ISO 8601 without a zone ("2026-01-15T09:00:00").
QDateTime utc(const char* iso);

QString testDataPath(const QString& relative);   // tests/data/<relative>
QString sharedDataPath(const QString& relative); // ../shared/data/<relative>, else the repository's copy
QString sourcePath(const QString& relative);     // project root/<relative>

// The bytes of a file; empty when it cannot be read.
QByteArray readFile(const QString& path);

// Writes bytes to dir/name (creating folders) and returns the full path.
QString writeFile(const QString& dir, const QString& name, const QByteArray& bytes);

struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// A small workspace in dir: study T1 with one site SITE1, subjects and visits (form F_VISIT, item I_VISDAT) read
// from the ODM file edc.xml by the pipeline t.pipeline.json into ctms.db.
void writeOdmWorkspace(const QString& dir);

// Gives the trialbridge-cli runs of this test a secret store of their own: a vault in dir (created with
// libsodium's minimal Argon2id limits, so that many runs stay quick) opened with a passphrase file there,
// named through the environment the CLI inherits. Runs sign their audit checkpoints with the workspace's
// key from the secret store (docs/audit.md); this keeps them off the user's keychain and vault and away
// from a passphrase prompt.
void useTestVault(const QString& dir);

// The rows a query gives on a CTMS database, each "v1|v2|...", or one line saying why there are none
// ("cannot open: ...", "query failed: ...").
QStringList queryRows(const QString& databasePath, const QString& sql);

// A mapping document from JSON written in a test ("test.mapping.json"); a document that does not load ends the
// test program with the loader's message (the JSON is the test's own, not the input under test).
core::MappingDocument parseMapping(const QByteArray& json);

// Runs trialbridge-cli with the arguments, optional working directory and standard input.
ProcessResult runCli(const QStringList& args, const QString& workingDir = {}, const QByteArray& input = {},
                     int timeoutMs = 600000);

} // namespace tb::test
