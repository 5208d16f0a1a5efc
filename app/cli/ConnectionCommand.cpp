#include "ConnectionCommand.h"

#include "CliApp.h"
#include "SecretSession.h"

#include "connection/ConnectionProfile.h"
#include "connection/ConnectionTester.h"
#include "util/Redactor.h"
#include "workspace/Workspace.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace tb::cli {

using namespace tb::core;

namespace {

const QString Help = QStringLiteral(
    "Usage: trialbridge-cli connection test NAME [--workspace DIR] [--json]\n\n"
    "Tests the connection profile NAME.connection.json of the workspace (the current folder, or DIR) with\n"
    "its stored secrets: resolves the host, connects, verifies TLS (or the SSH host key), authenticates and\n"
    "checks access, and says which step failed: dns, refused, timeout, tls, host_key, auth, permission,\n"
    "not_found, protocol, network, missing_secret, secret_store or invalid_profile.\n"
    "Exit status: 0 the connection works, 1 it does not, 2 usage error or invalid profile.\n");

void printResult(const ConnectionProfile& p, const ConnectionTestResult& r, const QString& store)
{
    out() << p.name << " (" << ConnectionProfile::kindName(p.kind) << ", " << r.target << "): ";
    if (r.ok())
        out() << "OK — " << r.message;
    else
        out() << "FAILED [" << ConnectionTestResult::outcomeName(r.outcome) << "] " << r.message;
    out() << " (" << r.elapsedMs << " ms)\n";
    if (!r.server.isEmpty())
        out() << "Server: " << r.server << "\n";
    if (!r.hint.isEmpty())
        out() << "Hint: " << r.hint << "\n";
    if (!store.isEmpty())
        out() << "Secrets from the " << store << "\n";
}

} // namespace

int connectionCommand(const QStringList& args)
{
    Redactor::installMessageHandler();
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption({QStringLiteral("workspace"), QStringLiteral("Workspace folder."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
    parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
    QStringList full = args;
    full.prepend(QStringLiteral("trialbridge-cli connection"));
    if (!parser.parse(full)) {
        err() << "trialbridge-cli connection: " << parser.errorText() << "\nTry 'trialbridge-cli connection --help'.\n";
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << Help;
        return Ok;
    }
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2 || pos[0] != QLatin1String("test")) {
        err() << Help;
        return Usage;
    }
    const QString name = pos[1];
    const Workspace ws(parser.isSet(QStringLiteral("workspace")) ? parser.value(QStringLiteral("workspace")) : QDir::currentPath());
    if (!ws.isValid()) {
        err() << "trialbridge-cli connection: " << ws.dir() << ": no such workspace folder\n";
        return Usage;
    }
    QString path;
    QStringList known;
    for (const QString& rel : ws.documents(Workspace::Kind::Connection)) {
        known << ConnectionProfile::nameFromFileName(rel);
        if (ConnectionProfile::nameFromFileName(rel) == name)
            path = ws.absolutePath(rel);
    }
    known.sort();
    if (path.isEmpty()) {
        err() << "trialbridge-cli connection test: no connection \"" << name << "\" in " << ws.dir()
              << (known.isEmpty() ? QStringLiteral(" (it has no *.connection.json)")
                                  : QStringLiteral(" (it has: %1)").arg(known.join(QStringLiteral(", "))))
              << "\n";
        return Usage;
    }
    ConnectionProfile profile;
    QStringList errors;
    const bool json = parser.isSet(QStringLiteral("json"));
    if (!ConnectionProfile::load(path, &profile, &errors)) {
        if (json) {
            out() << QJsonDocument(QJsonObject{{QStringLiteral("connection"), name},
                                               {QStringLiteral("ok"), false},
                                               {QStringLiteral("outcome"), QStringLiteral("invalid_profile")},
                                               {QStringLiteral("errors"), QJsonArray::fromStringList(errors)}})
                         .toJson(QJsonDocument::Indented);
        } else {
            err() << "trialbridge-cli connection test: the profile is not valid:\n";
            for (const QString& e : errors)
                err() << "  " << e << "\n";
        }
        return Usage;
    }

    SecretSession session;
    QString storeText;
    ConnectionTestResult result;
    bool haveResult = false;
    if (!profile.secretFields().isEmpty()) {
        QString error;
        const QString scope = ws.id(&error);
        if (!error.isEmpty()) {
            result = ConnectionTestResult::make(ConnectionTestResult::Outcome::SecretStore, error);
            haveResult = true;
        } else if (scope.isEmpty()) {
            result = ConnectionTestResult::make(
                ConnectionTestResult::Outcome::MissingSecret,
                QStringLiteral("the secret %1 is not stored (no secret was ever stored for this workspace)")
                    .arg(profile.secretNames().join(QStringLiteral(", "))),
                QStringLiteral("store it: trialbridge-cli secrets set %1").arg(profile.secretNames().value(0)));
            haveResult = true;
        } else if (!session.choose(&error) || !session.open(scope, false, &error)) {
            result = ConnectionTestResult::make(ConnectionTestResult::Outcome::SecretStore, error);
            haveResult = true;
        } else {
            storeText = session.describe();
        }
        result.target = profile.target();
    }
    if (!haveResult) {
        ConnectionTester tester(session.store());
        result = await<ConnectionTestResult>([&](auto done) { tester.test(profile, done); });
    }
    result = result.redacted();
    if (json) {
        QJsonObject o = result.toJson();
        o.insert(QStringLiteral("connection"), profile.name);
        o.insert(QStringLiteral("kind"), ConnectionProfile::kindName(profile.kind));
        if (!storeText.isEmpty()) {
            o.insert(QStringLiteral("backend"), SecretStore::backendName(session.choice().backend));
            o.insert(QStringLiteral("store"), storeText);
        }
        out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        printResult(profile, result, storeText);
    }
    out().flush();
    return result.ok() ? Ok : Failed;
}

} // namespace tb::cli
