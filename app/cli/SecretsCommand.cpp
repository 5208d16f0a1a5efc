#include "SecretsCommand.h"

#include "CliApp.h"
#include "SecretSession.h"

#include "connection/ConnectionProfile.h"
#include "secrets/SecretsSettings.h"
#include "secrets/Vault.h"
#include "util/Crypto.h"
#include "util/Redactor.h"
#include "workspace/Workspace.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <unistd.h>

namespace tb::cli {

using namespace tb::core;

namespace {

const QString Usage = QStringLiteral(
    "Usage: trialbridge-cli secrets <action> [options]\n\n"
    "Stores, lists and deletes connection secrets (API tokens, passwords, private keys) in the OS keychain\n"
    "or, where no keychain answers, in an encrypted vault file. Secrets belong to a workspace: the one in\n"
    "the current folder, or the one named by --workspace DIR. Secret values are never printed.\n\n"
    "Actions:\n"
    "  set NAME [--from-file F]   store a secret; NAME is CONNECTION/FIELD (edc-prod/token); the value is\n"
    "                             read from F (one trailing line break removed), else asked for\n"
    "                             (or read from standard input when that is not a terminal)\n"
    "  list [--json]              the stored names, and secrets the workspace's connections still need\n"
    "  delete NAME                remove a secret\n"
    "  backend [--use auto|keychain|vault] [--vault-file PATH] [--json]\n"
    "                             which back end is in use and why; --use and --vault-file change the\n"
    "                             choice in the user's settings file\n\n"
    "Options:\n"
    "  --workspace DIR            the workspace (default: the current folder)\n\n"
    "The vault passphrase is read from the file named by TRIALBRIDGE_VAULT_PASSPHRASE_FILE, or asked for;\n"
    "it is never taken from the command line. TRIALBRIDGE_SECRETS_BACKEND (auto, keychain, vault) and\n"
    "TRIALBRIDGE_VAULT_FILE override the settings file.\n");

struct Parsed
{
    QString action;
    QStringList positional;
    QString workspace;
    bool json = false;
    QString fromFile;
    QString use;
    QString vaultFile;
};

// Returns false (and the exit code) for help and usage errors.
bool parseArgs(const QStringList& args, Parsed* p, int* code)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption({QStringLiteral("workspace"), QStringLiteral("Workspace folder."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("from-file"), QStringLiteral("Read the value from a file."), QStringLiteral("F")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    parser.addOption({QStringLiteral("use"), QStringLiteral("auto, keychain or vault."), QStringLiteral("BACKEND")});
    parser.addOption({QStringLiteral("vault-file"), QStringLiteral("Vault file to use."), QStringLiteral("PATH")});
    parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
    QStringList full = args;
    full.prepend(QStringLiteral("trialbridge-cli secrets"));
    if (!parser.parse(full)) {
        err() << "trialbridge-cli secrets: " << parser.errorText() << "\nTry 'trialbridge-cli secrets --help'.\n";
        *code = tb::cli::Usage;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << Usage;
        *code = Ok;
        return false;
    }
    const QStringList pos = parser.positionalArguments();
    if (pos.isEmpty()) {
        err() << Usage;
        *code = tb::cli::Usage;
        return false;
    }
    p->action = pos.first();
    p->positional = pos.mid(1);
    p->workspace = parser.isSet(QStringLiteral("workspace")) ? parser.value(QStringLiteral("workspace")) : QDir::currentPath();
    p->json = parser.isSet(QStringLiteral("json"));
    p->fromFile = parser.value(QStringLiteral("from-file"));
    p->use = parser.value(QStringLiteral("use"));
    p->vaultFile = parser.value(QStringLiteral("vault-file"));
    const auto only = [&](const QStringList& allowed) {
        for (const QString& o : parser.optionNames())
            if (!allowed.contains(o) && o != QLatin1String("workspace")) {
                err() << "trialbridge-cli secrets " << p->action << ": --" << o << " does not apply here\n";
                *code = tb::cli::Usage;
                return false;
            }
        return true;
    };
    if (p->action == QLatin1String("set"))
        return only({QStringLiteral("from-file")});
    if (p->action == QLatin1String("list"))
        return only({QStringLiteral("json")});
    if (p->action == QLatin1String("delete"))
        return only({});
    if (p->action == QLatin1String("backend"))
        return only({QStringLiteral("json"), QStringLiteral("use"), QStringLiteral("vault-file")});
    err() << "trialbridge-cli secrets: unknown action '" << p->action << "' (set, list, delete, backend)\n";
    *code = tb::cli::Usage;
    return false;
}

// The secrets the workspace's connection profiles need.
QStringList neededSecrets(const Workspace& ws)
{
    QStringList out;
    for (const QString& rel : ws.documents(Workspace::Kind::Connection)) {
        ConnectionProfile p;
        QStringList errors;
        if (ConnectionProfile::load(ws.absolutePath(rel), &p, &errors))
            out << p.secretNames();
    }
    out.sort();
    out.removeDuplicates();
    return out;
}

int setSecret(const Parsed& a, const Workspace& ws)
{
    if (a.positional.size() != 1) {
        err() << "trialbridge-cli secrets set: give one NAME (CONNECTION/FIELD)\n";
        return tb::cli::Usage;
    }
    const QString name = a.positional.first();
    QString error;
    if (!SecretStore::isValidName(name, &error)) {
        err() << "trialbridge-cli secrets set: " << error << "\n";
        return tb::cli::Usage;
    }
    SecretSession session;
    if (!session.choose(&error)) {
        err() << "trialbridge-cli secrets set: " << error << "\n";
        return Failed;
    }
    const QString scope = ws.ensureId(&error);
    if (scope.isEmpty()) {
        err() << "trialbridge-cli secrets set: " << error << "\n";
        return Failed;
    }
    if (!session.open(scope, true, &error)) {
        err() << "trialbridge-cli secrets set: " << error << "\n";
        return Failed;
    }
    // The value: a file, else a prompt (asked twice on a terminal), else standard input.
    QByteArray value;
    if (!a.fromFile.isEmpty()) {
        QFile f(a.fromFile);
        if (!f.open(QIODevice::ReadOnly)) {
            err() << "trialbridge-cli secrets set: " << a.fromFile << ": " << f.errorString() << "\n";
            return Failed;
        }
        value = f.readAll();
        SecretSession::stripLineBreak(value);
    } else if (isatty(STDIN_FILENO)) {
        if (!SecretSession::prompt(QStringLiteral("Value of %1: ").arg(name), &value, &error)) {
            err() << "trialbridge-cli secrets set: " << error << "\n";
            return Failed;
        }
        QByteArray again;
        if (!SecretSession::prompt(QStringLiteral("The same value again: "), &again, &error)
            || !crypto::constantTimeEquals(again, value)) {
            err() << "trialbridge-cli secrets set: the two values differ; nothing was stored\n";
            crypto::wipe(again);
            crypto::wipe(value);
            return Failed;
        }
        crypto::wipe(again);
    } else {
        value = SecretSession::readStandardInput();
    }
    if (value.size() < Redactor::MinimumSecretLength) {
        err() << "trialbridge-cli secrets set: the value is empty or shorter than " << Redactor::MinimumSecretLength
              << " bytes; nothing was stored (such a value could not be kept out of logs reliably)\n";
        crypto::wipe(value);
        return tb::cli::Usage;
    }
    const SecretResult r = session.write(name, value);
    crypto::wipe(value);
    if (!r.ok()) {
        err() << "trialbridge-cli secrets set: " << r.message << "\n";
        return Failed;
    }
    out() << "Stored " << name << " in the " << session.describe() << ".\n";
    const QStringList needed = neededSecrets(ws);
    if (!needed.isEmpty() && !needed.contains(name))
        err() << "trialbridge-cli secrets set: note: no connection profile of this workspace uses " << name
              << " (they use " << needed.join(QStringLiteral(", ")) << ")\n";
    return Ok;
}

int listSecrets(const Parsed& a, const Workspace& ws)
{
    if (!a.positional.isEmpty()) {
        err() << "trialbridge-cli secrets list: takes no NAME\n";
        return tb::cli::Usage;
    }
    QString error;
    SecretSession session;
    if (!session.choose(&error)) {
        err() << "trialbridge-cli secrets list: " << error << "\n";
        return Failed;
    }
    const QString scope = ws.id(&error);
    if (!error.isEmpty()) {
        err() << "trialbridge-cli secrets list: " << error << "\n";
        return Failed;
    }
    QStringList names;
    if (!scope.isEmpty()) { // without an id, nothing was ever stored for this workspace
        if (!session.open(scope, false, &error)) {
            err() << "trialbridge-cli secrets list: " << error << "\n";
            return Failed;
        }
        const SecretResult r = session.list();
        if (!r.ok()) {
            err() << "trialbridge-cli secrets list: " << r.message << "\n";
            return Failed;
        }
        names = r.names;
    }
    QStringList missing;
    for (const QString& n : neededSecrets(ws))
        if (!names.contains(n))
            missing << n;
    const QString backend = session.describe();
    if (a.json) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("backend"), SecretStore::backendName(session.choice().backend)},
                                           {QStringLiteral("store"), backend},
                                           {QStringLiteral("reason"), session.choice().reason},
                                           {QStringLiteral("workspace"), ws.dir()},
                                           {QStringLiteral("names"), QJsonArray::fromStringList(names)},
                                           {QStringLiteral("missing"), QJsonArray::fromStringList(missing)}})
                     .toJson(QJsonDocument::Indented);
        return Ok;
    }
    out() << "Secrets of " << ws.dir() << " in the " << backend << ":\n";
    for (const QString& n : names)
        out() << "  " << n << "\n";
    if (names.isEmpty())
        out() << "  (none)\n";
    if (!missing.isEmpty())
        out() << "Needed by the workspace's connections but not stored: " << missing.join(QStringLiteral(", ")) << "\n";
    return Ok;
}

int deleteSecret(const Parsed& a, const Workspace& ws)
{
    if (a.positional.size() != 1) {
        err() << "trialbridge-cli secrets delete: give one NAME\n";
        return tb::cli::Usage;
    }
    const QString name = a.positional.first();
    QString error;
    if (!SecretStore::isValidName(name, &error)) {
        err() << "trialbridge-cli secrets delete: " << error << "\n";
        return tb::cli::Usage;
    }
    SecretSession session;
    if (!session.choose(&error)) {
        err() << "trialbridge-cli secrets delete: " << error << "\n";
        return Failed;
    }
    const QString scope = ws.id(&error);
    if (scope.isEmpty()) {
        err() << "trialbridge-cli secrets delete: "
              << (error.isEmpty() ? QStringLiteral("no secret named \"%1\": no secret was ever stored for %2").arg(name, ws.dir()) : error)
              << "\n";
        return Failed;
    }
    if (!session.open(scope, false, &error)) {
        err() << "trialbridge-cli secrets delete: " << error << "\n";
        return Failed;
    }
    const SecretResult r = session.remove(name);
    if (!r.ok()) {
        err() << "trialbridge-cli secrets delete: " << r.message << "\n";
        return Failed;
    }
    out() << "Deleted " << name << " from the " << session.describe() << ".\n";
    return Ok;
}

int backend(const Parsed& a)
{
    if (!a.positional.isEmpty()) {
        err() << "trialbridge-cli secrets backend: takes no NAME\n";
        return tb::cli::Usage;
    }
    SecretsSettings settings = SecretsSettings::load();
    if (!a.use.isEmpty() || !a.vaultFile.isEmpty()) {
        // Only what the user asked to change is written; the environment's overrides are not persisted.
        SecretsSettings stored = settings;
        if (!a.use.isEmpty() && !SecretsSettings::parsePreference(a.use, &stored.preference)) {
            err() << "trialbridge-cli secrets backend: --use takes auto, keychain or vault\n";
            return tb::cli::Usage;
        }
        if (a.vaultFile.isEmpty() && settings.vaultFileSource.startsWith(QLatin1String("environment")))
            stored.vaultFile.clear();
        if (!a.vaultFile.isEmpty())
            stored.vaultFile = QFileInfo(a.vaultFile).absoluteFilePath();
        QString error;
        if (!stored.save(&error)) {
            err() << "trialbridge-cli secrets backend: " << error << "\n";
            return Failed;
        }
        out() << "Saved in " << SecretsSettings::settingsFile() << ": secrets backend "
              << SecretsSettings::preferenceName(stored.preference) << ".\n";
        settings = SecretsSettings::load();
    }
    QString error;
    SecretSession session;
    const bool ok = session.choose(&error);
    const auto& c = session.choice();
    QJsonObject vault;
    QString vaultLine;
    if (ok && c.backend == SecretStore::Backend::Vault) {
        Vault::Header h;
        Vault::Error ve;
        QString message;
        vault.insert(QStringLiteral("file"), c.vaultPath);
        if (!QFileInfo::exists(c.vaultPath)) {
            vault.insert(QStringLiteral("exists"), false);
            vaultLine = QStringLiteral("The vault file does not exist yet; \"secrets set\" creates it.");
        } else if (Vault::inspect(c.vaultPath, &h, &ve, &message)) {
            vault.insert(QStringLiteral("exists"), true);
            vault.insert(QStringLiteral("format_version"), h.version);
            vault.insert(QStringLiteral("kdf"), QStringLiteral("argon2id"));
            vault.insert(QStringLiteral("ops_limit"), qint64(h.kdf.opsLimit));
            vault.insert(QStringLiteral("mem_limit"), qint64(h.kdf.memLimit));
            vault.insert(QStringLiteral("entries"), h.entryCount);
            vaultLine = QStringLiteral("Vault file: format %1, Argon2id (%2 passes, %3 MiB), XChaCha20-Poly1305, %4 %5 (all workspaces).")
                            .arg(h.version).arg(h.kdf.opsLimit).arg(double(h.kdf.memLimit) / (1024 * 1024)).arg(h.entryCount)
                            .arg(h.entryCount == 1 ? QStringLiteral("entry") : QStringLiteral("entries"));
        } else {
            vault.insert(QStringLiteral("exists"), true);
            vault.insert(QStringLiteral("error"), message);
            vaultLine = QStringLiteral("The vault file cannot be used: %1").arg(message);
        }
    }
    if (a.json) {
        QJsonObject o{{QStringLiteral("ok"), ok},
                      {QStringLiteral("preference"), SecretsSettings::preferenceName(settings.preference)},
                      {QStringLiteral("preference_source"), settings.preferenceSource},
                      {QStringLiteral("settings_file"), SecretsSettings::settingsFile()}};
        if (ok) {
            o.insert(QStringLiteral("backend"), SecretStore::backendName(c.backend));
            o.insert(QStringLiteral("store"), session.describe());
            o.insert(QStringLiteral("reason"), c.reason);
        } else {
            o.insert(QStringLiteral("error"), error);
        }
        if (!vault.isEmpty())
            o.insert(QStringLiteral("vault"), vault);
        out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return ok ? Ok : Failed;
    }
    if (!ok) {
        err() << "trialbridge-cli secrets backend: " << error << "\n";
        return Failed;
    }
    out() << "Back end: " << session.describe() << "\n"
          << "Why: " << c.reason << "\n";
    if (!vaultLine.isEmpty())
        out() << vaultLine << "\n";
    out() << "Settings file: " << SecretsSettings::settingsFile() << "\n";
    return Ok;
}

} // namespace

int secretsCommand(const QStringList& args)
{
    Redactor::installMessageHandler();
    Parsed a;
    int code = Ok;
    if (!parseArgs(args, &a, &code))
        return code;
    int result = Ok;
    if (a.action == QLatin1String("backend")) {
        result = backend(a);
    } else {
        const Workspace ws(a.workspace);
        if (!ws.isValid()) {
            err() << "trialbridge-cli secrets " << a.action << ": " << a.workspace << ": no such workspace folder\n";
            return tb::cli::Usage;
        }
        if (a.action == QLatin1String("set"))
            result = setSecret(a, ws);
        else if (a.action == QLatin1String("list"))
            result = listSecrets(a, ws);
        else
            result = deleteSecret(a, ws);
    }
    out().flush();
    err().flush();
    return result;
}

} // namespace tb::cli
