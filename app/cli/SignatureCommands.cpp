#include "SignatureCommands.h"

#include "AuditCommand.h"
#include "CliApp.h"
#include "SecretSession.h"
#include "SignerPrompt.h"

#include "audit/AuditSigner.h"
#include "changecontrol/MappingRevision.h"
#include "esign/ElectronicSignature.h"
#include "esign/SignatureLog.h"
#include "esign/UserAccount.h"
#include "esign/UserKey.h"
#include "load/CtmsDatabase.h"
#include "mapping/MappingDocument.h"
#include "run/PipelineRunner.h"
#include "util/Clock.h"
#include "util/Crypto.h"
#include "workspace/Workspace.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <unistd.h>

namespace tb::cli {

using namespace tb::core;

namespace {

constexpr int MinPassphraseLength = 10;

// Parses "trialbridge-cli <command> ..." with the options given; prints help or the error. False: stop with *code.
bool parse(QCommandLineParser& p, const QString& command, const QStringList& args, const QString& help, int* code)
{
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
    QStringList full = args;
    full.prepend(QStringLiteral("trialbridge-cli ") + command);
    if (!p.parse(full)) {
        err() << "trialbridge-cli " << command << ": " << p.errorText() << "\nTry 'trialbridge-cli " << command << " --help'.\n";
        *code = Usage;
        return false;
    }
    if (p.isSet(QStringLiteral("help"))) {
        out() << help;
        *code = Ok;
        return false;
    }
    return true;
}

QString workspaceOf(const QCommandLineParser& p)
{
    return QDir(p.isSet(QStringLiteral("workspace")) ? p.value(QStringLiteral("workspace")) : QDir::currentPath()).absolutePath();
}

const QString UserHelp = QStringLiteral(
    "Usage: trialbridge-cli user create ID --name \"PRINTED NAME\" --role ROLE [--workspace DIR]\n"
    "       trialbridge-cli user list [--workspace DIR] [--json]\n\n"
    "Users sign electronically (mapping reviews and approvals, reports). create makes a user with an\n"
    "Ed25519 key pair: the public key goes into the workspace as ID.user.json, the private key is sealed\n"
    "with the user's passphrase (Argon2id) and kept in the secret store. The passphrase (at least 10\n"
    "characters) is asked for twice on a terminal, else read from the first line of standard input; it is\n"
    "never taken from the command line. Ids are never reused. Roles: analyst, study_manager, qa.\n");

int createUser(const QCommandLineParser& p)
{
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 2 || !p.isSet(QStringLiteral("name")) || !p.isSet(QStringLiteral("role"))) {
        err() << "trialbridge-cli user create: give ID, --name and --role\n";
        return Usage;
    }
    UserAccount user;
    user.id = pos[1];
    user.printedName = p.value(QStringLiteral("name")).simplified();
    QString error;
    if (!UserAccount::isValidId(user.id, &error)) {
        err() << "trialbridge-cli user create: " << error << "\n";
        return Usage;
    }
    if (user.printedName.isEmpty()) {
        err() << "trialbridge-cli user create: --name: the printed name signatures show is required\n";
        return Usage;
    }
    if (!UserAccount::parseRole(p.value(QStringLiteral("role")), &user.role)) {
        err() << "trialbridge-cli user create: --role: '" << p.value(QStringLiteral("role"))
              << "' is not a role (analyst, study_manager, qa)\n";
        return Usage;
    }
    const QString ws = workspaceOf(p);
    if (QFileInfo::exists(QDir(ws).filePath(UserAccount::fileName(user.id)))) {
        err() << "trialbridge-cli user create: the user '" << user.id << "' exists; ids are never reused\n";
        return Failed;
    }
    QByteArray passphrase, again;
    if (!SecretSession::prompt(QStringLiteral("Passphrase for %1: ").arg(user.id), &passphrase, &error)) {
        err() << "trialbridge-cli user create: " << error << "\n";
        return Failed;
    }
    if (isatty(STDIN_FILENO) && (!SecretSession::prompt(QStringLiteral("Again: "), &again, &error) || again != passphrase)) {
        crypto::wipe(passphrase);
        err() << "trialbridge-cli user create: the passphrases differ\n";
        return Failed;
    }
    if (passphrase.size() < MinPassphraseLength) {
        crypto::wipe(passphrase);
        err() << "trialbridge-cli user create: the passphrase must have at least " << MinPassphraseLength << " characters\n";
        return Failed;
    }
    QByteArray seed = AuditSigner::newSeed();
    const auto key = AuditSigner::fromSeed(seed);
    const QByteArray sealed = UserKey::seal(seed, passphrase, UserKey::Limits());
    crypto::wipe(seed);
    crypto::wipe(passphrase);
    SecretSession session;
    if (!openWorkspaceStore(ws, true, &session, &error)) {
        err() << "trialbridge-cli user create: " << error << "\n";
        return Failed;
    }
    const SecretResult stored = session.write(UserAccount::secretName(user.id), sealed);
    if (!stored.ok()) {
        err() << "trialbridge-cli user create: cannot store the sealed key in " << session.describe() << ": " << stored.message << "\n";
        return Failed;
    }
    user.publicKey = key->publicKey();
    user.createdUtc = toIsoUtc(Clock::system().nowUtc());
    if (!user.create(ws, &error)) {
        session.remove(UserAccount::secretName(user.id));
        err() << "trialbridge-cli user create: " << error << "\n";
        return Failed;
    }
    out() << "user " << user.id << " (" << user.printedName << ", " << UserAccount::roleName(user.role) << ") created, key "
          << key->keyId() << "; the private key is sealed in " << session.describe() << "\n";
    return Ok;
}

int listUsers(const QCommandLineParser& p)
{
    QList<UserAccount> users;
    QString error;
    if (!UserAccount::loadAll(workspaceOf(p), &users, &error)) {
        err() << "trialbridge-cli user list: " << error << "\n";
        return Failed;
    }
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const UserAccount& u : users)
            list.append(QJsonObject{{QStringLiteral("id"), u.id},
                                    {QStringLiteral("printed_name"), u.printedName},
                                    {QStringLiteral("role"), UserAccount::roleName(u.role)},
                                    {QStringLiteral("key_id"), AuditSigner::keyIdOf(u.publicKey)},
                                    {QStringLiteral("created"), u.createdUtc}});
        out() << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return Ok;
    }
    for (const UserAccount& u : users)
        out() << u.id.leftJustified(20) << u.printedName.leftJustified(32) << UserAccount::roleName(u.role).leftJustified(15)
              << AuditSigner::keyIdOf(u.publicKey) << "\n";
    if (users.isEmpty())
        out() << "no users (trialbridge-cli user create makes one)\n";
    return Ok;
}

// What a signature signs: a mapping document by its canonical form (formatting changes do not matter, content
// does), anything else by its bytes.
bool contentOf(const QString& file, QByteArray* hash, QString* subject, QString* error)
{
    if (file.endsWith(QLatin1String(".mapping.json"))) {
        MappingDocument doc;
        if (!MappingDocument::load(file, &doc, error))
            return false;
        *hash = crypto::blake2b(doc.toJsonBytes());
        *subject = MappingRevision::subjectOf(QFileInfo(file).fileName(), doc.name, doc.revision);
        return true;
    }
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(file, f.errorString());
        return false;
    }
    *hash = crypto::blake2b(f.readAll());
    *subject = QFileInfo(file).fileName();
    return true;
}

} // namespace

const QString SignHelp = QStringLiteral(
    "Usage: trialbridge-cli sign FILE --target DB --meaning MEANING [--comment TEXT] [--workspace DIR]\n\n"
    "Signs FILE electronically (21 CFR Part 11): asks for the user id and the passphrase (on a terminal; else\n"
    "the first two lines of standard input), unseals the user's key and stores the signature — content hash,\n"
    "signer id and printed name, role, UTC time, meaning, comment — in the target's esignature table, with an\n"
    "audit entry and a checkpoint signed with the workspace's key. Meanings: authored, reviewed, approved,\n"
    "rejected. A mapping document is hashed in its canonical form. Exit 0 signed, 1 refused, 2 usage.\n");

int signCommand(const QStringList& args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("file"), QStringLiteral("What to sign."));
    p.addOption({QStringLiteral("target"), QStringLiteral("The target database."), QStringLiteral("DB")});
    p.addOption({QStringLiteral("meaning"), QStringLiteral("authored, reviewed, approved or rejected."), QStringLiteral("M")});
    p.addOption({QStringLiteral("comment"), QStringLiteral("A comment kept with the signature."), QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("workspace"), QStringLiteral("The workspace of the users (default: the current folder)."),
                 QStringLiteral("DIR")});
    int code = Ok;
    if (!parse(p, QStringLiteral("sign"), args, SignHelp, &code))
        return code;
    ElectronicSignature sig;
    if (p.positionalArguments().size() != 1 || !p.isSet(QStringLiteral("target")) || !p.isSet(QStringLiteral("meaning"))) {
        err() << "trialbridge-cli sign: give FILE, --target and --meaning\n";
        return Usage;
    }
    if (!ElectronicSignature::parseMeaning(p.value(QStringLiteral("meaning")), &sig.meaning)) {
        err() << "trialbridge-cli sign: --meaning: '" << p.value(QStringLiteral("meaning"))
              << "' is not a meaning (authored, reviewed, approved, rejected)\n";
        return Usage;
    }
    sig.comment = p.value(QStringLiteral("comment"));
    QString error;
    if (!contentOf(p.positionalArguments().first(), &sig.contentHash, &sig.subject, &error)) {
        err() << "trialbridge-cli sign: " << error << "\n";
        return Failed;
    }
    const QString ws = workspaceOf(p);
    if (!signAsUser(ws, &sig, &error)) {
        err() << "trialbridge-cli sign: " << error << " — not signed\n";
        return Failed;
    }
    const auto workspaceKey = workspaceAuditSigner(QDir(ws).filePath(QStringLiteral("trialbridge.workspace.json")), &error);
    if (!workspaceKey) {
        err() << "trialbridge-cli sign: " << error << "\n";
        return Failed;
    }
    CtmsDatabase db;
    if (!db.open(p.value(QStringLiteral("target")), &error)
        || !SignatureLog::append(db, sig, workspaceKey, PipelineRunner::currentUser(), &error)) {
        err() << "trialbridge-cli sign: " << error << " — not signed\n";
        return Failed;
    }
    out().flush();
    out() << "signed " << sig.subject << ": " << ElectronicSignature::meaningName(sig.meaning) << " by " << sig.printedName
          << " (" << sig.signerId << ", " << sig.role << ") at " << sig.signedUtc << ", signature " << sig.id << "\n";
    out().flush();
    return Ok;
}

const QString SignaturesHelp = QStringLiteral(
    "Usage: trialbridge-cli signatures --target DB [--file FILE] [--workspace DIR] [--json]\n\n"
    "Lists the electronic signatures of a target (or those of FILE) and checks each: the Ed25519 signature\n"
    "over its manifest, and that the signer is a user of the workspace with that key. Exit 0 all valid,\n"
    "1 one or more invalid, 2 usage.\n");

int signaturesCommand(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("target"), QStringLiteral("The target database."), QStringLiteral("DB")});
    p.addOption({QStringLiteral("file"), QStringLiteral("Only the signatures of this file."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("workspace"), QStringLiteral("The workspace of the users (default: the current folder)."),
                 QStringLiteral("DIR")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    int code = Ok;
    if (!parse(p, QStringLiteral("signatures"), args, SignaturesHelp, &code))
        return code;
    if (!p.isSet(QStringLiteral("target")) || !p.positionalArguments().isEmpty()) {
        err() << "trialbridge-cli signatures: give --target\n";
        return Usage;
    }
    QString error, subject;
    QByteArray hash;
    if (p.isSet(QStringLiteral("file")) && !contentOf(p.value(QStringLiteral("file")), &hash, &subject, &error)) {
        err() << "trialbridge-cli signatures: " << error << "\n";
        return Failed;
    }
    const QString target = p.value(QStringLiteral("target"));
    if (!QFileInfo::exists(target)) {
        err() << "trialbridge-cli signatures: " << target << ": no such database\n";
        return Failed;
    }
    CtmsDatabase db;
    std::vector<ElectronicSignature> list;
    if (!db.open(target, &error) || !SignatureLog::list(db, hash, &list, &error)) {
        err() << "trialbridge-cli signatures: " << error << "\n";
        return Failed;
    }
    const QString ws = workspaceOf(p);
    int invalid = 0;
    QJsonArray json;
    for (const ElectronicSignature& s : list) {
        QString problem;
        UserAccount user;
        QString e;
        if (!s.verify())
            problem = QStringLiteral("the signature does not verify: the record was changed after signing");
        else if (!UserAccount::load(ws, s.signerId, &user, &e))
            problem = QStringLiteral("the signer is not a user of this workspace");
        else if (user.publicKey != s.publicKey)
            problem = QStringLiteral("signed with a key that is not the signer's");
        invalid += problem.isEmpty() ? 0 : 1;
        QJsonObject o = s.toJson();
        o.insert(QStringLiteral("valid"), problem.isEmpty());
        if (!problem.isEmpty())
            o.insert(QStringLiteral("problem"), problem);
        json.append(o);
        if (!p.isSet(QStringLiteral("json")))
            out() << s.id << "  " << s.signedUtc << "  " << ElectronicSignature::meaningName(s.meaning).leftJustified(9) << s.printedName
                  << " (" << s.signerId << ", " << s.role << ")  " << s.subject
                  << (s.comment.isEmpty() ? QString() : QStringLiteral("  \"%1\"").arg(s.comment)) << "  "
                  << (problem.isEmpty() ? QStringLiteral("valid") : QStringLiteral("INVALID: ") + problem) << "\n";
    }
    if (p.isSet(QStringLiteral("json")))
        out() << QJsonDocument(QJsonObject{{QStringLiteral("signatures"), json}, {QStringLiteral("invalid"), invalid}})
                     .toJson(QJsonDocument::Indented);
    else
        out() << list.size() << " signature(s), " << invalid << " invalid\n";
    out().flush();
    return invalid == 0 ? Ok : Failed;
}

int userCommand(const QStringList& args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("action"), QStringLiteral("create or list"));
    p.addOption({QStringLiteral("name"), QStringLiteral("The printed name signatures show."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("role"), QStringLiteral("analyst, study_manager or qa."), QStringLiteral("ROLE")});
    p.addOption({QStringLiteral("workspace"), QStringLiteral("The workspace (default: the current folder)."), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    int code = Ok;
    if (!parse(p, QStringLiteral("user"), args, UserHelp, &code))
        return code;
    const QString action = p.positionalArguments().value(0);
    if (action == QLatin1String("create"))
        code = createUser(p);
    else if (action == QLatin1String("list"))
        code = listUsers(p);
    else {
        err() << (action.isEmpty() ? UserHelp : QStringLiteral("trialbridge-cli user: unknown action '%1' (create, list)\n").arg(action));
        code = Usage;
    }
    out().flush();
    return code;
}

} // namespace tb::cli
