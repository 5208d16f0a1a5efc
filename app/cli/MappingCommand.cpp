#include "MappingCommand.h"

#include "AuditCommand.h"
#include "CliApp.h"
#include "SignerPrompt.h"

#include "changecontrol/ChangeControl.h"
#include "esign/ElectronicSignature.h"
#include "esign/SignatureLog.h"
#include "esign/UserAccount.h"
#include "load/CtmsDatabase.h"
#include "mapping/MappingDiff.h"
#include "mapping/MappingDocument.h"
#include "run/PipelineRunner.h"
#include "util/Clock.h"
#include "util/Crypto.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>

namespace tb::cli {

using namespace tb::core;

namespace {

const QString UsageText = QStringLiteral(
    "Usage: trialbridge-cli mapping diff A B [--target DB] [--json]\n"
    "       trialbridge-cli mapping submit FILE --target DB [--comment TEXT] [--workspace DIR]\n"
    "       trialbridge-cli mapping review|approve|reject REF --target DB [--comment TEXT] [--workspace DIR]\n"
    "       trialbridge-cli mapping retire REF --target DB [--comment TEXT] [--workspace DIR]\n"
    "       trialbridge-cli mapping history [NAME] --target DB [--workspace DIR] [--json]\n"
    "       trialbridge-cli mapping show REF --target DB\n"
    "       trialbridge-cli mapping require-approval --target DB [--workspace DIR]\n\n"
    "diff shows the field-level differences between two mapping documents: each change with its path in the\n"
    "document (fields.visit_date.transforms[0].date.format) and the values before and after; '+' added,\n"
    "'-' removed, '~' changed. Key order and formatting never count. Exit 0 the same, 1 different, 2 a\n"
    "document that cannot be read.\n\n"
    "Change control (docs/audit.md): submit freezes the mapping file's revision in the target's register, in\n"
    "review, signed by its author (meaning authored). review, approve and reject sign the frozen revision\n"
    "(reject needs --comment); nobody reviews or approves what they authored. Approving a revision retires\n"
    "the mapping's previously approved one; retire takes an approved revision out of use. require-approval\n"
    "makes every later production run into the target refuse a mapping that is not an approved revision or\n"
    "whose content changed since; it cannot be undone (try unapproved mappings with run --uat). history\n"
    "lists the revisions with their signatures, show prints a revision as it was submitted.\n"
    "Every act asks for the user id and passphrase (on a terminal; else the first two lines of standard\n"
    "input) and is written to the target's audit trail.\n\n"
    "REF is a mapping file (its name and revision) or NAME@REVISION; A and B of diff may be NAME@REVISION\n"
    "with --target. --workspace: the workspace of the users (default: the current folder).\n"
    "Exit 0 done, 1 refused or failed, 2 usage.\n");

struct Context
{
    QCommandLineParser& p;
    QString action;
    QStringList args; // positional arguments after the action
    QString prefix;   // "trialbridge-cli mapping submit: "

    QString target() const { return p.value(QStringLiteral("target")); }
    QString workspace() const
    {
        return QDir(p.isSet(QStringLiteral("workspace")) ? p.value(QStringLiteral("workspace")) : QDir::currentPath())
            .absolutePath();
    }
    int fail(const QString& message, int code = Failed) const
    {
        out().flush();
        err() << prefix << message << "\n";
        return code;
    }
};

bool openTarget(const Context& c, CtmsDatabase* db, QString* error)
{
    if (!c.p.isSet(QStringLiteral("target"))) {
        *error = QStringLiteral("give --target DB");
        return false;
    }
    return db->open(c.target(), error);
}

// Opens --target; when it cannot, says why and gives the exit code (0 when open).
int openTarget(const Context& c, CtmsDatabase* db)
{
    QString error;
    if (openTarget(c, db, &error))
        return Ok;
    return c.fail(error, c.p.isSet(QStringLiteral("target")) ? Failed : Usage);
}

bool isRevisionRef(const QString& ref, QString* name, int* revision)
{
    static const QRegularExpression re(QStringLiteral("^(.+)@([0-9]{1,9})$"));
    const auto m = re.match(ref);
    if (!m.hasMatch() || QFileInfo::exists(ref))
        return false;
    *name = m.captured(1);
    *revision = m.captured(2).toInt();
    return true;
}

// A submitted revision named by a file (its name and revision; the file must still hold what was submitted)
// or by NAME@REVISION.
bool resolve(sqlite3* db, const QString& ref, MappingRevision* out, QString* error)
{
    QString name;
    int revision = 0;
    QByteArray fileHash;
    if (!isRevisionRef(ref, &name, &revision)) {
        MappingDocument doc;
        if (!MappingDocument::load(ref, &doc, error))
            return false;
        name = doc.name;
        revision = doc.revision;
        fileHash = crypto::blake2b(doc.toJsonBytes());
    }
    bool found = false;
    if (!ChangeControl::find(db, name, revision, out, &found, error))
        return false;
    if (!found) {
        *error = QStringLiteral("%1 revision %2 was never submitted for review (trialbridge-cli mapping submit)").arg(name).arg(revision);
        return false;
    }
    if (!fileHash.isEmpty() && fileHash != out->contentHash) {
        *error = QStringLiteral("%1 has changed since %2 was submitted: sign the submitted revision (%3@%4, see mapping show) "
                                "or submit the change as a new revision")
                     .arg(ref, out->label(), name)
                     .arg(revision);
        return false;
    }
    return true;
}


// Opens --target and the revision the one argument names; when it cannot, says why and gives the exit code.
int openRevision(const Context& c, CtmsDatabase* db, MappingRevision* r)
{
    if (const int code = openTarget(c, db))
        return code;
    QString error;
    return resolve(db->handle(), c.args[0], r, &error) ? Ok : c.fail(error);
}

std::shared_ptr<const AuditSigner> workspaceKey(const Context& c, QString* error)
{
    return workspaceAuditSigner(QDir(c.workspace()).filePath(QStringLiteral("trialbridge.workspace.json")), error);
}

bool loadDocument(const Context& c, const QString& ref, MappingDocument* doc, QString* label, QString* error)
{
    QString name;
    int revision = 0;
    if (!isRevisionRef(ref, &name, &revision)) {
        *label = QFileInfo(ref).fileName();
        return MappingDocument::load(ref, doc, error);
    }
    CtmsDatabase db;
    MappingRevision r;
    if (!openTarget(c, &db, error) || !resolve(db.handle(), ref, &r, error))
        return false;
    *label = QStringLiteral("%1 as submitted").arg(r.label());
    return MappingDocument::fromJson(r.document, r.label(), doc, error);
}

int diff(const Context& c)
{
    if (c.args.size() != 2)
        return c.fail(QStringLiteral("give two mapping documents (files or NAME@REVISION with --target)"), Usage);
    MappingDocument before, after;
    QString error, beforeLabel, afterLabel;
    if (!loadDocument(c, c.args[0], &before, &beforeLabel, &error) || !loadDocument(c, c.args[1], &after, &afterLabel, &error))
        return c.fail(error, Usage);
    const QList<MappingDiff::Change> changes = MappingDiff::diff(before, after);
    if (c.p.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const MappingDiff::Change& ch : changes)
            list.append(ch.toJson());
        out() << QJsonDocument(QJsonObject{{QStringLiteral("before"), c.args[0]},
                                           {QStringLiteral("after"), c.args[1]},
                                           {QStringLiteral("changes"), list}})
                     .toJson(QJsonDocument::Indented);
    } else {
        out() << beforeLabel << " (" << before.name << ", revision " << before.revision << ") \u2192 " << afterLabel << " ("
              << after.name << ", revision " << after.revision << "): "
              << (changes.isEmpty() ? QStringLiteral("the same") : QStringLiteral("%1 change(s)").arg(changes.size())) << "\n";
        for (const MappingDiff::Change& ch : changes)
            out() << "  " << ch.toString() << "\n";
    }
    return changes.isEmpty() ? Ok : Failed;
}

int submit(const Context& c)
{
    if (c.args.size() != 1)
        return c.fail(QStringLiteral("give one mapping file"), Usage);
    MappingDocument doc;
    QString error;
    if (!MappingDocument::load(c.args[0], &doc, &error))
        return c.fail(error);
    CtmsDatabase db;
    if (const int code = openTarget(c, &db))
        return code;
    // Said before anyone types a passphrase; checked again when it is stored.
    MappingRevision existing;
    bool found = false;
    if (!ChangeControl::find(db.handle(), doc.name, doc.revision, &existing, &found, &error))
        return c.fail(error);
    if (found)
        return c.fail(QStringLiteral("%1 was submitted already (%2, %3): raise \"revision\" in %4 to submit a change")
                          .arg(existing.label(), existing.submittedUtc, MappingRevision::describeState(existing.state),
                               QFileInfo(c.args[0]).fileName()));
    ElectronicSignature sig;
    sig.meaning = ElectronicSignature::Meaning::Authored;
    sig.comment = c.p.value(QStringLiteral("comment"));
    sig.contentHash = crypto::blake2b(doc.toJsonBytes());
    MappingRevision r;
    r.mapping = doc.name;
    r.revision = doc.revision;
    r.file = QFileInfo(c.args[0]).fileName();
    sig.subject = r.subject();
    if (!signAsUser(c.workspace(), &sig, &error))
        return c.fail(error + QStringLiteral(" — not submitted"));
    const auto key = workspaceKey(c, &error);
    if (!key)
        return c.fail(error);
    if (!ChangeControl::submit(db, doc, c.args[0], sig, key, PipelineRunner::currentUser(), &r, &error))
        return c.fail(error + QStringLiteral(" — not submitted"));
    out() << r.label() << " submitted for review by " << sig.printedName << " (" << sig.signerId << ") at " << sig.signedUtc
          << ", signature " << sig.id << "; content " << r.contentHash.toHex().left(16) << "…\n";
    return Ok;
}

int decide(const Context& c, ElectronicSignature::Meaning meaning)
{
    if (c.args.size() != 1)
        return c.fail(QStringLiteral("give one mapping file or NAME@REVISION"), Usage);
    if (meaning == ElectronicSignature::Meaning::Rejected && c.p.value(QStringLiteral("comment")).trimmed().isEmpty())
        return c.fail(QStringLiteral("a rejection says why: give --comment"), Usage);
    CtmsDatabase db;
    MappingRevision r;
    if (const int code = openRevision(c, &db, &r))
        return code;
    QString error;
    const QString what = ElectronicSignature::meaningName(meaning);
    if (r.state != MappingRevision::State::InReview)
        return c.fail(QStringLiteral("%1 is %2: only a revision in review is %3")
                          .arg(r.label(), MappingRevision::describeState(r.state), what));
    ElectronicSignature sig;
    sig.meaning = meaning;
    sig.comment = c.p.value(QStringLiteral("comment"));
    sig.contentHash = r.contentHash;
    sig.subject = r.subject();
    if (!signAsUser(c.workspace(), &sig, &error))
        return c.fail(error + QStringLiteral(" — not signed"));
    const auto key = workspaceKey(c, &error);
    if (!key)
        return c.fail(error);
    QStringList retired;
    if (!ChangeControl::decide(db, sig, key, PipelineRunner::currentUser(), &r, &retired, &error))
        return c.fail(error + QStringLiteral(" — not signed"));
    out() << r.label() << " " << what << " by " << sig.printedName << " (" << sig.signerId << ", " << sig.role << ") at "
          << sig.signedUtc << ", signature " << sig.id << "; now " << MappingRevision::describeState(r.state) << "\n";
    for (const QString& old : retired)
        out() << old << " retired: superseded\n";
    return Ok;
}

int retire(const Context& c)
{
    if (c.args.size() != 1)
        return c.fail(QStringLiteral("give one mapping file or NAME@REVISION"), Usage);
    CtmsDatabase db;
    MappingRevision r;
    if (const int code = openRevision(c, &db, &r))
        return code;
    QString error;
    if (r.state != MappingRevision::State::Approved)
        return c.fail(QStringLiteral("%1 is %2: only an approved revision is retired").arg(r.label(), MappingRevision::describeState(r.state)));
    UserAccount user;
    if (!authenticateUser(c.workspace(), &user, &error))
        return c.fail(error + QStringLiteral(" — not retired"));
    const auto key = workspaceKey(c, &error);
    if (!key)
        return c.fail(error);
    const QString now = toIsoUtc(Clock::system().nowUtc());
    if (!ChangeControl::retire(db, r.mapping, r.revision, user.id, c.p.value(QStringLiteral("comment")), now, key,
                               PipelineRunner::currentUser(), &error))
        return c.fail(error + QStringLiteral(" — not retired"));
    out() << r.label() << " retired by " << user.printedName << " (" << user.id << ") at " << now << "\n";
    return Ok;
}

int requireApproval(const Context& c)
{
    if (!c.args.isEmpty())
        return c.fail(QStringLiteral("takes no file: give --target"), Usage);
    CtmsDatabase db;
    if (const int code = openTarget(c, &db))
        return code;
    QString error;
    bool required = false;
    if (!ChangeControl::approvalRequired(db.handle(), &required, &error))
        return c.fail(error);
    if (required)
        return c.fail(QStringLiteral("%1 requires approved mappings already").arg(c.target()));
    UserAccount user;
    if (!authenticateUser(c.workspace(), &user, &error))
        return c.fail(error + QStringLiteral(" — nothing changed"));
    const auto key = workspaceKey(c, &error);
    if (!key)
        return c.fail(error);
    const QString now = toIsoUtc(Clock::system().nowUtc());
    if (!ChangeControl::requireApproval(db, user.id, now, key, PipelineRunner::currentUser(), &error))
        return c.fail(error);
    out() << "from now on production runs into " << c.target() << " use approved mappings only (required by "
          << user.printedName << ", " << user.id << ", at " << now << ")\n";
    return Ok;
}

int history(const Context& c)
{
    if (c.args.size() > 1)
        return c.fail(QStringLiteral("give at most one mapping name"), Usage);
    CtmsDatabase db;
    if (const int code = openTarget(c, &db))
        return code;
    QString error;
    bool required = false;
    std::vector<MappingRevision> list;
    if (!ChangeControl::approvalRequired(db.handle(), &required, &error)
        || !ChangeControl::revisions(db.handle(), c.args.value(0), &list, &error))
        return c.fail(error);
    const QString ws = c.workspace();
    int invalid = 0;
    QJsonArray json;
    for (const MappingRevision& r : list) {
        std::vector<ElectronicSignature> sigs;
        if (!SignatureLog::list(db, r.contentHash, &sigs, &error))
            return c.fail(error);
        QJsonArray sigJson;
        QStringList lines;
        for (const ElectronicSignature& s : sigs) {
            UserAccount user;
            QString e;
            const bool valid = s.verify() && UserAccount::load(ws, s.signerId, &user, &e) && user.publicKey == s.publicKey;
            invalid += valid ? 0 : 1;
            QJsonObject o = s.toJson();
            o.insert(QStringLiteral("valid"), valid);
            sigJson.append(o);
            lines << QStringLiteral("    %1  %2 %3 (%4, %5)%6%7")
                         .arg(s.signedUtc, ElectronicSignature::meaningName(s.meaning).leftJustified(9), s.printedName,
                              s.signerId, s.role,
                              s.comment.isEmpty() ? QString() : QStringLiteral("  \"%1\"").arg(s.comment),
                              valid ? QString() : QStringLiteral("  INVALID"));
        }
        QJsonObject o = r.toJson();
        o.insert(QStringLiteral("signatures"), sigJson);
        json.append(o);
        if (!c.p.isSet(QStringLiteral("json"))) {
            out() << r.label() << "  " << MappingRevision::describeState(r.state) << " since " << r.stateUtc << "  " << r.file
                  << "  content " << r.contentHash.toHex().left(16) << "…\n";
            for (const QString& l : lines)
                out() << l << "\n";
        }
    }
    if (c.p.isSet(QStringLiteral("json")))
        out() << QJsonDocument(QJsonObject{{QStringLiteral("approval_required"), required},
                                           {QStringLiteral("revisions"), json},
                                           {QStringLiteral("invalid_signatures"), invalid}})
                     .toJson(QJsonDocument::Indented);
    else
        out() << list.size() << " revision(s); production runs "
              << (required ? QStringLiteral("use approved mappings only") : QStringLiteral("do not require approval yet"))
              << (invalid ? QStringLiteral("; %1 INVALID signature(s)").arg(invalid) : QString()) << "\n";
    return invalid == 0 ? Ok : Failed;
}

int show(const Context& c)
{
    if (c.args.size() != 1)
        return c.fail(QStringLiteral("give NAME@REVISION or a mapping file"), Usage);
    CtmsDatabase db;
    MappingRevision r;
    if (const int code = openRevision(c, &db, &r))
        return code;
    out() << r.document;
    return Ok;
}

} // namespace

int mappingCommand(const QStringList& args)
{
    QCommandLineParser p;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    p.addOption({QStringLiteral("target"), QStringLiteral("The target database."), QStringLiteral("DB")});
    p.addOption({QStringLiteral("comment"), QStringLiteral("A comment kept with the signature."), QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("workspace"), QStringLiteral("The workspace of the users."), QStringLiteral("DIR")});
    p.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
    QStringList full = args;
    full.prepend(QStringLiteral("trialbridge-cli mapping"));
    if (!p.parse(full)) {
        err() << "trialbridge-cli mapping: " << p.errorText() << "\nTry 'trialbridge-cli mapping --help'.\n";
        return Usage;
    }
    if (p.isSet(QStringLiteral("help"))) {
        out() << UsageText;
        out().flush();
        return Ok;
    }
    const QStringList pos = p.positionalArguments();
    const QString action = pos.value(0);
    Context c{p, action, pos.mid(1), QStringLiteral("trialbridge-cli mapping %1: ").arg(action)};
    int code = Usage;
    if (action == QLatin1String("diff"))
        code = diff(c);
    else if (action == QLatin1String("submit"))
        code = submit(c);
    else if (action == QLatin1String("review"))
        code = decide(c, ElectronicSignature::Meaning::Reviewed);
    else if (action == QLatin1String("approve"))
        code = decide(c, ElectronicSignature::Meaning::Approved);
    else if (action == QLatin1String("reject"))
        code = decide(c, ElectronicSignature::Meaning::Rejected);
    else if (action == QLatin1String("retire"))
        code = retire(c);
    else if (action == QLatin1String("history"))
        code = history(c);
    else if (action == QLatin1String("show"))
        code = show(c);
    else if (action == QLatin1String("require-approval"))
        code = requireApproval(c);
    else
        err() << (action.isEmpty() ? UsageText
                                   : QStringLiteral("trialbridge-cli mapping: unknown action '%1' (diff, submit, review, "
                                                    "approve, reject, retire, history, show, require-approval)\n")
                                         .arg(action));
    out().flush();
    return code;
}

} // namespace tb::cli
