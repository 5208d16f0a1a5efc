#include "AuditCommand.h"

#include "CancelOnSignal.h"
#include "CliApp.h"
#include "SecretSession.h"

#include "audit/AuditExport.h"
#include "audit/AuditReportPdf.h"
#include "audit/AuditSigner.h"
#include "audit/AuditTrust.h"
#include "audit/AuditVerifier.h"
#include "audit/TrailCheck.h"
#include "audit/WorkspaceSigningKey.h"
#include "esign/SignatureLog.h"
#include "esign/UserAccount.h"
#include "run/RunFeedback.h"
#include "workspace/Workspace.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#ifdef Q_OS_UNIX
#endif

namespace tb::cli {

using namespace tb::core;

namespace {

const QString UsageText = QStringLiteral(
    "Usage: trialbridge-cli audit verify --target DB [--workspace DIR] [--json]\n\n"
    "Checks the audit trail of a target database: recomputes the hash chain of every entry and checks the\n"
    "signature of every checkpoint, then says whether the trail is intact or names the first entry that was\n"
    "changed, deleted, inserted or reordered. Needs no secret: checkpoints are checked with public keys.\n\n"
    "Options:\n"
    "  --target DB        the target database\n"
    "  --workspace DIR    the workspace whose listed keys (trialbridge.workspace.json) must have signed the\n"
    "                     checkpoints (default: the nearest folder from the database's upwards that has "
    "one)\n"
    "  --json             print the result as one JSON object\n\n"
    "Exit status: 0 intact, 1 broken or not readable, 2 usage.\n\n"
    "Usage: trialbridge-cli audit export --target DB --format csv|pdf --out FILE [filters] [--workspace DIR]\n\n"
    "Writes the QA audit report: one row per entry (seq, UTC time, user id and printed name, action, entity and\n"
    "key, changes old -> new, reason, source, run, signature), electronic signatures included. Filters:\n"
    "--from T, --to T (UTC, inclusive; a date alone is the whole day), --entity E, --subject ID, --site ID,\n"
    "--user ID, --run N. Printed names come from the workspace's users. --format pdf writes the same rows as a\n"
    "landscape A4 report whose header names the studies, the filters, who exported it and when, the entry count,\n"
    "the head hash and the result of verifying the trail (a broken trail still exports and says so), with\n"
    "'Page X of Y' on every page; it needs no display. The file is written whole or not at all.\n"
    "Exit 0 written, 1 failed, 2 usage.\n");

// Who runs the export, for the report's header: the login name, else the account of the process (cron, sudo -u).
QString grouped(qint64 n)
{
    QString s = QString::number(n);
    for (qsizetype i = s.size() - 3; i > (n < 0 ? 1 : 0); i -= 3)
        s.insert(i, QLatin1Char(','));
    return s;
}

void printReport(const AuditVerifier::Report& r)
{
    if (!r.error.isEmpty()) {
        out() << "Audit trail of " << r.database << ": NOT VERIFIED\n  " << r.error << "\n";
        return;
    }
    out() << "Audit trail of " << r.database << ": " << (r.intact() ? "intact" : "BROKEN") << "\n";
    out() << "  entries          " << grouped(r.entries);
    if (r.entries)
        out() << " (seq " << r.firstSeq << "–" << r.lastSeq << ")";
    if (r.legacyEntries)
        out() << "; " << grouped(r.legacyEntries) << " written before the chain existed, not covered";
    out() << "\n  checkpoints      " << r.checkpoints << " (" << r.signedCheckpoints
          << " with a valid signature)";
    if (r.lastCheckpointId)
        out() << ", the last: " << r.lastCheckpointId << " at seq " << r.lastCheckpointSeq << ", "
              << r.lastCheckpointUtc;
    out() << "\n";
    for (const AuditVerifier::KeyUse& k : r.keys) {
        out() << "  signing key      " << AuditSigner::keyIdOf(k.publicKey) << " (signed " << k.checkpoints
              << (k.checkpoints == 1 ? " checkpoint): " : " checkpoints): ");
        if (!r.trustChecked)
            out() << "not compared with a workspace (none found; give --workspace DIR)\n";
        else
            out() << (k.trusted ? "listed by the workspace " : "NOT listed by the workspace ") << r.workspace
                  << "\n";
    }
    if (r.intact()) {
        out() << "  head             seq " << r.lastSeq << ", hash "
              << QString::fromLatin1(r.headHash.toHex()) << "\n";
        if (r.uncoveredEntries)
            out() << "  not yet covered  " << grouped(r.uncoveredEntries)
                  << " entries after the last checkpoint (a run that did not finish); the next run covers "
                     "them\n";
        return;
    }
    const AuditVerifier::Problem& first = r.problems.first();
    out() << "  first problem    [" << AuditVerifier::Problem::kindName(first.kind) << "] " << first.message
          << "\n";
    for (qsizetype i = 1; i < r.problems.size() && i < 20; ++i)
        out() << "  also             [" << AuditVerifier::Problem::kindName(r.problems[i].kind) << "] "
              << r.problems[i].message << "\n";
    if (r.problems.size() > 20)
        out() << "  … and " << r.problems.size() - 20 << " more (--json lists all)\n";
}

int verifyCommand(const QCommandLineParser& p)
{
    if (!p.isSet(QStringLiteral("target")) || p.positionalArguments().size() != 1) {
        err() << "trialbridge-cli audit verify: usage: audit verify --target DB [--workspace DIR] [--json]\n";
        return tb::cli::Usage;
    }
    const QString db = p.value(QStringLiteral("target"));
    const QString workspace = p.value(QStringLiteral("workspace"));
    if (p.isSet(QStringLiteral("workspace"))
        && !QFileInfo::exists(QDir(workspace).filePath(QLatin1String(Workspace::IdFile)))) {
        err() << "trialbridge-cli audit verify: " << workspace << ": not a workspace with an id ("
              << Workspace::IdFile << " is missing)\n";
        return tb::cli::Usage;
    }
    TrailCheck check;
    QString error;
    if (!TrailCheck::run(db, workspace, &check, &error)) {
        err() << "trialbridge-cli audit verify: " << error << "\n";
        return Failed;
    }
    const AuditVerifier::Report& r = check.report;
    const SignatureLog::Check& signatures = check.signatures;
    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject o = r.toJson();
        o.insert(QStringLiteral("esignatures"), QJsonObject{{QStringLiteral("count"), signatures.signatures},
                                                            {QStringLiteral("problems"), QJsonArray::fromStringList(signatures.problems)}});
        if (r.error.isEmpty() && !signatures.problems.isEmpty())
            o.insert(QStringLiteral("result"), QStringLiteral("broken"));
        out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
        out().flush();
    } else {
        printReport(r);
        if (r.error.isEmpty()) {
            out() << "  e-signatures     " << signatures.signatures
                  << (signatures.problems.isEmpty() ? QStringLiteral(", each valid and in the trail") : QStringLiteral(", NOT all valid"))
                  << "\n";
            for (const QString& problem : signatures.problems)
                out() << "  signature        " << problem << "\n";
        }
    }
    if (!r.error.isEmpty())
        err() << "trialbridge-cli audit verify: " << r.error << "\n";
    return r.intact() && signatures.problems.isEmpty() ? Ok : Failed;
}

int exportCommand(const QCommandLineParser& p)
{
    const QString target = p.value(QStringLiteral("target"));
    if (target.isEmpty() || p.value(QStringLiteral("out")).isEmpty() || p.positionalArguments().size() != 1) {
        err() << "trialbridge-cli audit export: give --target, --format and --out\n";
        return tb::cli::Usage;
    }
    const QString format = p.value(QStringLiteral("format"));
    if (format != QLatin1String("csv") && format != QLatin1String("pdf")) {
        err() << "trialbridge-cli audit export: --format '" << format << "' is not available (csv, pdf)\n";
        return tb::cli::Usage;
    }
    if (!QFileInfo(target).isFile()) {
        err() << "trialbridge-cli audit export: " << target << ": no such database\n";
        return Failed;
    }
    AuditFilter filter;
    filter.fromUtc = p.value(QStringLiteral("from"));
    filter.toUtc = p.value(QStringLiteral("to"));
    filter.entity = p.value(QStringLiteral("entity"));
    filter.subjectId = p.value(QStringLiteral("subject"));
    filter.siteId = p.value(QStringLiteral("site"));
    filter.userId = p.value(QStringLiteral("user"));
    if (p.isSet(QStringLiteral("run"))) {
        bool number = false;
        filter.runId = p.value(QStringLiteral("run")).toLongLong(&number);
        if (!number || filter.runId < 1) {
            err() << "trialbridge-cli audit export: --run: a run id (1, 2, ...)\n";
            return tb::cli::Usage;
        }
    }
    QString workspace = p.value(QStringLiteral("workspace"));
    if (workspace.isEmpty())
        workspace = AuditTrust::findWorkspace(QFileInfo(target).absolutePath());
    const QHash<QString, QString> names = UserAccount::printedNames(workspace);
    QString error;
    qint64 rows = 0;
    bool written = false;
    QString trail; // the PDF's verdict on the trail, repeated on the console
    RunFeedback feedback;
    attachProgress(feedback);
    const CancelOnSignal cancelOnSignal(feedback); // Ctrl-C: no file is left
    if (format == QLatin1String("pdf")) {
        TrailCheck check;
        if (!TrailCheck::run(target, workspace, &check, &error)) {
            err() << "trialbridge-cli audit export: " << error << "\n";
            return Failed;
        }
        const AuditReportPdf::Context context = AuditReportPdf::Context::of(check, names);
        written = AuditReportPdf::write(target, filter, names, context, p.value(QStringLiteral("out")), &rows, &error,
                                        &feedback);
        if (!check.intact())
            trail = QStringLiteral("; the trail: ") + AuditReportPdf::verificationText(context);
    } else {
        written = AuditExport::writeCsv(target, filter, names, p.value(QStringLiteral("out")), &rows, &error,
                                        &feedback);
    }
    endProgress();
    if (!written) {
        err() << "trialbridge-cli audit export: " << error << "\n";
        return Failed;
    }
    out() << rows << " audit entries (" << filter.describe() << ") written to " << p.value(QStringLiteral("out")) << trail << "\n";
    out().flush();
    return Ok;
}

} // namespace

int auditCommand(const QStringList& args)
{
    QCommandLineParser p;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.addOption({QStringLiteral("target"), QStringLiteral("The target database."), QStringLiteral("DB")});
    p.addOption({QStringLiteral("workspace"), QStringLiteral("The workspace listing the trusted keys."),
                 QStringLiteral("DIR")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    for (const char* option : {"format", "out", "from", "to", "entity", "subject", "site", "user", "run"})
        p.addOption({QLatin1String(option), QStringLiteral("See --help."), QStringLiteral("VALUE")});
    p.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
    QStringList full = args;
    full.prepend(QStringLiteral("trialbridge-cli audit"));
    if (!p.parse(full)) {
        err() << "trialbridge-cli audit: " << p.errorText() << "\nTry 'trialbridge-cli audit --help'.\n";
        return tb::cli::Usage;
    }
    if (p.isSet(QStringLiteral("help"))) {
        out() << UsageText;
        return Ok;
    }
    const QStringList pos = p.positionalArguments();
    if (pos.value(0) == QLatin1String("verify"))
        return verifyCommand(p);
    if (pos.value(0) == QLatin1String("export"))
        return exportCommand(p);
    err() << (pos.isEmpty()
                  ? UsageText
                  : QStringLiteral("trialbridge-cli audit: unknown action '%1' (verify, export)\n").arg(pos[0]));
    return tb::cli::Usage;
}

std::shared_ptr<const AuditSigner> workspaceAuditSigner(const QString& pipelinePath, QString* error)
{
    const QString pipelineDir = QFileInfo(pipelinePath).absolutePath();
    QString dir = AuditTrust::findWorkspace(pipelineDir);
    if (dir.isEmpty())
        dir = pipelineDir;
    auto failed = [&](const QString& why) {
        *error =
            QStringLiteral("cannot sign the audit trail: %1 — nothing was loaded (the workspace's signing "
                           "key is kept in the secret store, see docs/audit.md)")
                .arg(why);
        return nullptr;
    };
    QString e;
    const QString scope = Workspace(dir).ensureId(&e);
    if (scope.isEmpty())
        return failed(e);
    SecretSession session;
    if (!session.choose(&e) || !session.open(scope, true, &e))
        return failed(QStringLiteral("the secret store cannot be opened: %1").arg(e));
    using Answer = std::pair<std::shared_ptr<const AuditSigner>, QString>;
    const Answer answer = await<Answer>([&](auto done) {
        WorkspaceSigningKey::obtain(session.store(), dir, [done](std::shared_ptr<const AuditSigner> signer, const QString& why) {
            done(Answer{std::move(signer), why});
        });
    });
    if (!answer.first)
        return failed(answer.second);
    return answer.first;
}

} // namespace tb::cli
