#include "CliApp.h"
#include "AuditCommand.h"
#include "CancelOnSignal.h"
#include "RunSecrets.h"
#include "ConnectionCommand.h"
#include "MappingCommand.h"
#include "SecretsCommand.h"
#include "ScheduleCommand.h"
#include "ServeCommand.h"
#include "SignatureCommands.h"

#include "load/CtmsDatabase.h"
#include "run/PipelineDocument.h"
#include "run/PipelineRunner.h"
#include "run/RunFeedback.h"
#include "run/RunHistoryModel.h"
#include "source/CsvProfiler.h"
#include "source/DatasetJsonProfiler.h"
#include "source/OdmProfiler.h"
#include "workspace/DemoStudyGenerator.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>

#include <cstdio>
#include <functional>
#include <unistd.h>

namespace tb::cli {

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream& err()
{
    static QTextStream s(stderr);
    return s;
}

void attachProgress(core::RunFeedback& feedback)
{
    if (!isatty(fileno(stderr)))
        return;
    QObject::connect(&feedback, &core::RunFeedback::progressChanged, [](double p) {
        err() << "\r" << QString::number(int(p)).rightJustified(3) << " %";
        err().flush();
    });
}

void endProgress()
{
    if (!isatty(fileno(stderr)))
        return;
    err() << "\r      \r";
    err().flush();
}

using namespace tb::core;

namespace {

struct Command
{
    QString name;
    QString summary;
    std::function<int(const QStringList&)> run;
};

// Parses a command's arguments; prints help or usage errors and returns false when the command
// should end with exitCode.
bool parse(QCommandLineParser& p, const QStringList& args, const QString& command, const QString& description,
           int* exitCode)
{
    p.setApplicationDescription(description);
    p.addHelpOption();
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    QStringList full = args;
    full.prepend(QStringLiteral("trialbridge-cli ") + command);
    if (!p.parse(full)) {
        err() << "trialbridge-cli " << command << ": " << p.errorText() << "\n"
              << "Try 'trialbridge-cli " << command << " --help'.\n";
        *exitCode = Usage;
        return false;
    }
    if (p.isSet(QStringLiteral("help"))) {
        out() << p.helpText().replace(QStringLiteral("trialbridge-cli ") + command + QStringLiteral(" [options]"),
                                      QStringLiteral("trialbridge-cli ") + command + QStringLiteral(" [options]"));
        *exitCode = Ok;
        return false;
    }
    return true;
}

void printJson(const QJsonObject& o)
{
    out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
    out().flush();
}

int demoCommand(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("out"), QStringLiteral("Folder to write the demo workspace to."), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("subjects"), QStringLiteral("Number of subjects (default 2000)."), QStringLiteral("N"), QStringLiteral("2000")});
    p.addOption({QStringLiteral("sites"), QStringLiteral("Number of sites (default 12)."), QStringLiteral("M"), QStringLiteral("12")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 1): the same seed writes the same files."), QStringLiteral("S"), QStringLiteral("1")});
    p.addOption({QStringLiteral("defect-rate"), QStringLiteral("Share of subjects with one seeded defect, 0 to 1 (default 0.02)."), QStringLiteral("R"), QStringLiteral("0.02")});
    int code = Ok;
    if (!parse(p, args, QStringLiteral("demo"),
               QStringLiteral("Writes a demo workspace: a synthetic study exported as EDC CSV files with seeded defects,\n"
                              "its mappings, study document and an EDC → CTMS pipeline targeting DIR/ctms.db."),
               &code))
        return code;
    if (!p.isSet(QStringLiteral("out"))) {
        err() << "trialbridge-cli demo: --out DIR is required\n";
        return Usage;
    }
    DemoStudyGenerator::Options o;
    bool ok1, ok2, ok3, ok4;
    o.subjects = p.value(QStringLiteral("subjects")).toInt(&ok1);
    o.sites = p.value(QStringLiteral("sites")).toInt(&ok2);
    o.seed = p.value(QStringLiteral("seed")).toULongLong(&ok3);
    o.defectRate = p.value(QStringLiteral("defect-rate")).toDouble(&ok4);
    if (!ok1 || !ok2 || !ok3 || !ok4) {
        err() << "trialbridge-cli demo: --subjects, --sites and --seed take whole numbers, --defect-rate a number\n";
        return Usage;
    }
    DemoStudyGenerator gen(o);
    QString error;
    RunFeedback feedback;
    attachProgress(feedback);
    const QString dir = p.value(QStringLiteral("out"));
    if (!gen.write(dir, &error, &feedback)) {
        err() << "trialbridge-cli demo: " << error << "\n";
        return o.subjects < 1 || o.sites < 1 ? Usage : Failed;
    }
    endProgress();
    out() << "Demo workspace written to " << QDir(dir).absolutePath() << ": " << o.subjects << " subjects at "
          << o.sites << " sites, " << gen.visitCount() << " visits, " << gen.adverseEventCount()
          << " adverse events, " << gen.defects().size() << " seeded defects (demo-defects.json).\n"
          << "Run it: trialbridge-cli run " << QDir(dir).filePath(QStringLiteral("demo.pipeline.json")) << "\n";
    return Ok;
}

void printSummary(const RunResult& r, const QString& pipelinePath)
{
    out() << "Run " << r.runId << ": " << r.statusName().replace(QLatin1Char('_'), QLatin1Char(' ')) << " in "
          << QString::number(double(r.durationMs) / 1000.0, 'f', 1) << " s\n";
    if (r.uat)
        out() << "UAT run into the sandbox " << r.target << " (the target was only read)\n";
    if (!r.message.isEmpty())
        out() << r.message << "\n";
    if (r.entities.isEmpty())
        return;
    const QStringList columns{QStringLiteral("read"), QStringLiteral("inserted"), QStringLiteral("updated"),
                              QStringLiteral("deleted"), QStringLiteral("unchanged"), QStringLiteral("rejected"), QStringLiteral("stale"),
                              QStringLiteral("warnings")};
    out() << QStringLiteral("entity").leftJustified(20);
    for (const QString& c : columns)
        out() << c.rightJustified(11);
    out() << "\n";
    for (const auto& [name, c] : r.entities) {
        out() << name.leftJustified(20);
        for (qint64 v : {c.read, c.inserted, c.updated, c.deleted, c.unchanged, c.rejected, c.stale, c.warnings})
            out() << QString::number(v).rightJustified(11);
        out() << "\n";
    }
    Q_UNUSED(pipelinePath)
}

// The first rejects of a run, for the summary.
void printRejects(const QString& dbPath, qint64 runId, int limit)
{
    QVector<RunHistoryModel::Reject> rejects;
    QString error;
    if (!QFileInfo::exists(dbPath))
        return;
    if (!RunHistoryModel::rejects(dbPath, runId, limit, &rejects, &error)) {
        err() << "trialbridge-cli run: " << error << "\n";
        return;
    }
    if (!rejects.isEmpty())
        out() << "First rejected records (all: trialbridge-cli report rejects --target " << dbPath << "):\n";
    for (const RunHistoryModel::Reject& r : rejects)
        out() << "  " << r.sourceRef << ": [" << r.rule << "] " << r.message << "\n";
}

int runCommand(const QStringList& args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("pipeline"), QStringLiteral("The *.pipeline.json file to run."));
    p.addOption({QStringLiteral("json"), QStringLiteral("Print the result as one JSON object.")});
    p.addOption({QStringLiteral("full"), QStringLiteral("Read and compare every unit, also those whose source rows did not\n"
                                                        "change since their last load.")});
    p.addOption({QStringLiteral("uat"), QStringLiteral("User acceptance test: run into a fresh copy of the target (DB.uat.EXT\n"
                                                       "beside it), with mappings that need no approval; every record\n"
                                                       "written is marked UAT. The target itself is only read.")});
    int code = Ok;
    if (!parse(p, args, QStringLiteral("run"),
               QStringLiteral("Runs a pipeline: reads its sources, maps and validates the records and loads them\n"
                              "into the target, one unit at a time, with an audit entry per change.\n"
                              "When the target requires approval (mapping require-approval), a production run\n"
                              "refuses mappings that are not approved revisions or changed since.\n"
                              "Ctrl-C or SIGTERM cancels between units (a second one stops at once).\n"
                              "Exit status: 0 all loaded, 3 finished with rejected records, 1 failed or cancelled,\n"
                              "2 usage or configuration error (also a mapping refused by change control)."),
               &code))
        return code;
    if (p.positionalArguments().size() != 1) {
        err() << "trialbridge-cli run: give one pipeline file\n";
        return Usage;
    }
    const QString pipeline = p.positionalArguments().first();
    RunFeedback feedback;
    attachProgress(feedback);
    PipelineRunner::Options options;
    options.fullCompare = p.isSet(QStringLiteral("full"));
    options.uat = p.isSet(QStringLiteral("uat"));
    options.auditSigner = workspaceAuditSigner;
    options.secret = workspaceSecretReader(pipeline);
    PipelineRunner runner(options);
    const RunResult r = [&] {
        const CancelOnSignal cancelOnSignal(feedback);
        return runner.run(pipeline, &feedback);
    }();
    endProgress();
    if (p.isSet(QStringLiteral("json"))) {
        printJson(r.toJson());
    } else {
        printSummary(r, pipeline);
        if (r.total().rejected > 0) {
            PipelineDocument doc;
            QString error;
            if (PipelineDocument::load(pipeline, &doc, &error))
                printRejects(r.target.isEmpty() ? doc.resolve(doc.targetDatabase) : r.target, r.runId, 10);
        }
    }
    if (r.status == RunResult::Status::Failed || r.status == RunResult::Status::ConfigError
        || r.status == RunResult::Status::Cancelled)
        err() << "trialbridge-cli run: " << r.message << "\n";
    return r.exitCode();
}

// Text form of a column's or item's statistics (ValueProfile::writeTo).
void printValueTable(const QString& firstHeader, const QJsonArray& entries, const QString& nameKey)
{
    // The first column fits its longest name up to MaxWidth; a longer name gets a line of its own.
    constexpr int MaxWidth = 48;
    int width = int(firstHeader.size());
    for (const QJsonValue& v : entries)
        width = qMax(width, int(v.toObject().value(nameKey).toString().size()));
    width = qMin(width, MaxWidth) + 2;
    out() << firstHeader.leftJustified(width) << QStringLiteral("type").leftJustified(14)
          << QStringLiteral("nulls").rightJustified(9) << QStringLiteral("distinct").rightJustified(10) << "  samples\n";
    for (const QJsonValue& v : entries) {
        const QJsonObject c = v.toObject();
        QStringList samples;
        for (const QJsonValue& s : c.value(QStringLiteral("samples")).toArray())
            samples << s.toString();
        const QString name = c.value(nameKey).toString();
        if (name.size() >= width)
            out() << name << "\n" << QString(width, QLatin1Char(' '));
        else
            out() << name.leftJustified(width);
        out() << c.value(QStringLiteral("type")).toString().leftJustified(14)
              << QString::number(c.value(QStringLiteral("nulls")).toInteger()).rightJustified(9)
              << (QString::number(c.value(QStringLiteral("distinct")).toInteger())
                  + (c.value(QStringLiteral("distinct_capped")).toBool() ? QStringLiteral("+") : QString()))
                     .rightJustified(10)
              << "  " << samples.mid(0, 5).join(QStringLiteral(", ")) << "\n";
        const QJsonArray outside = c.value(QStringLiteral("notInCodeList")).toArray();
        if (!outside.isEmpty()) {
            QStringList values;
            for (const QJsonValue& o : outside)
                values << o.toString();
            out() << "    not in codelist " << c.value(QStringLiteral("codeList")).toString() << ": "
                  << values.join(QStringLiteral(", ")) << "\n";
        }
    }
}

void printProfile(const QJsonObject& profile)
{
    const QString format = profile.value(QStringLiteral("format")).toString();
    const QString file = profile.value(QStringLiteral("file")).toString();
    if (format == QLatin1String("odm")) {
        const QJsonObject& c = profile;
        out() << file << ": ODM " << profile.value(QStringLiteral("odm_version")).toString() << " "
              << profile.value(QStringLiteral("file_type")).toString() << ", FileOID "
              << profile.value(QStringLiteral("file_oid")).toString() << "\n";
        out() << "  " << c.value(QStringLiteral("subjects")).toInteger() << " subjects, "
              << c.value(QStringLiteral("study_events")).toInteger() << " study events, "
              << c.value(QStringLiteral("forms")).toInteger() << " forms, " << c.value(QStringLiteral("item_groups")).toInteger()
              << " item groups, " << c.value(QStringLiteral("items")).toInteger() << " items, "
              << c.value(QStringLiteral("audit_records")).toInteger() << " audit records\n";
        QStringList sites;
        for (const QJsonValue& s : profile.value(QStringLiteral("subjects_per_site")).toArray()) {
            const QJsonObject site = s.toObject();
            const QString name = site.value(QStringLiteral("site")).toString();
            sites << QStringLiteral("%1 %2").arg(name.isEmpty() ? QStringLiteral("(no site)") : name)
                         .arg(site.value(QStringLiteral("subjects")).toInteger());
        }
        out() << "  subjects per site: " << sites.join(QStringLiteral(", ")) << "\n";
        const QJsonObject tx = profile.value(QStringLiteral("transactions")).toObject();
        if (!tx.isEmpty()) {
            QStringList parts;
            for (auto it = tx.begin(); it != tx.end(); ++it)
                parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value().toInteger());
            out() << "  values by transaction: " << parts.join(QStringLiteral(", ")) << "\n";
        }
        printValueTable(QStringLiteral("item (event/form/group/item)"), profile.value(QStringLiteral("columns")).toArray(),
                        QStringLiteral("path"));
        return;
    }
    out() << file << ": " << profile.value(QStringLiteral("rows")).toInteger() << " rows";
    if (format == QLatin1String("csv"))
        out() << ", delimiter '" << profile.value(QStringLiteral("delimiter")).toString() << "'";
    else
        out() << ", Dataset-JSON dataset " << profile.value(QStringLiteral("name")).toString()
              << (profile.value(QStringLiteral("ndjson")).toBool() ? " (NDJSON)" : "");
    out() << "\n";
    printValueTable(QStringLiteral("column"), profile.value(QStringLiteral("columns")).toArray(), QStringLiteral("name"));
}

int profileCommand(const QStringList& args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The source file to describe."));
    p.addOption({QStringLiteral("json"), QStringLiteral("Print the profile as JSON.")});
    p.addOption({QStringLiteral("format"),
                 QStringLiteral("csv, odm or dataset-json; by the extension when not given (.xml ODM, .json and .ndjson "
                                "Dataset-JSON, others CSV)."),
                 QStringLiteral("F")});
    p.addOption({QStringLiteral("delimiter"), QStringLiteral("CSV delimiter (, ; tab |); detected when not given."), QStringLiteral("C")});
    p.addOption({QStringLiteral("encoding"), QStringLiteral("CSV: utf-8 (default) or windows-1252."), QStringLiteral("E"), QStringLiteral("utf-8")});
    p.addOption({QStringLiteral("nulls"), QStringLiteral("CSV: comma-separated texts read as missing (default: the empty field)."), QStringLiteral("LIST")});
    int code = Ok;
    if (!parse(p, args, QStringLiteral("profile"),
               QStringLiteral("Describes what a source file holds. CSV and Dataset-JSON: rows, columns, inferred types,\n"
                              "null counts and samples of distinct values. CDISC ODM: the file's type and series, counts\n"
                              "of subjects, events, forms, groups and items, subjects per site, and every item with its\n"
                              "OID path, label, type, samples and values outside its codelist."),
               &code))
        return code;
    if (p.positionalArguments().size() != 1) {
        err() << "trialbridge-cli profile: give one file\n";
        return Usage;
    }
    const QString file = p.positionalArguments().first();
    QString format = p.value(QStringLiteral("format"));
    if (format.isEmpty()) {
        const QString suffix = QFileInfo(file).suffix().toLower();
        format = suffix == QLatin1String("xml")                                       ? QStringLiteral("odm")
            : suffix == QLatin1String("json") || suffix == QLatin1String("ndjson") ? QStringLiteral("dataset-json")
                                                                                      : QStringLiteral("csv");
    }
    SourceError error;
    QJsonObject profile;
    if (format == QLatin1String("odm")) {
        profile = OdmProfiler::profile(file, &error);
    } else if (format == QLatin1String("dataset-json")) {
        profile = DatasetJsonProfiler::profile(file, DatasetJsonReader::Format::ByExtension, &error);
    } else if (format == QLatin1String("csv")) {
        QJsonObject dialectJson{{QStringLiteral("encoding"), p.value(QStringLiteral("encoding"))}};
        if (p.isSet(QStringLiteral("delimiter")))
            dialectJson.insert(QStringLiteral("delimiter"), p.value(QStringLiteral("delimiter")) == QLatin1String("tab")
                                                                ? QStringLiteral("\t")
                                                                : p.value(QStringLiteral("delimiter")));
        if (p.isSet(QStringLiteral("nulls")))
            dialectJson.insert(QStringLiteral("nulls"),
                               QJsonArray::fromStringList(p.value(QStringLiteral("nulls")).split(QLatin1Char(','))));
        QString dialectError;
        const CsvDialect dialect = CsvDialect::fromJson(dialectJson, &dialectError);
        if (!dialectError.isEmpty()) {
            err() << "trialbridge-cli profile: " << dialectError << "\n";
            return Usage;
        }
        profile = CsvProfiler::profile(file, dialect, &error);
    } else {
        err() << "trialbridge-cli profile: unknown --format '" << format << "' (csv, odm or dataset-json)\n";
        return Usage;
    }
    if (!error.isNull()) {
        err() << "trialbridge-cli profile: " << error.toString() << "\n";
        return Failed;
    }
    if (p.isSet(QStringLiteral("json")))
        printJson(profile);
    else
        printProfile(profile);
    return Ok;
}

int reportCommand(const QStringList& args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("kind"), QStringLiteral("rejects or warnings"));
    p.addOption({QStringLiteral("target"), QStringLiteral("The target database."), QStringLiteral("DB")});
    p.addOption({QStringLiteral("run"), QStringLiteral("Run id (default: the latest run)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("rule"), QStringLiteral("Only findings of this rule (e.g. visit_window)."), QStringLiteral("RULE")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    int code = Ok;
    if (!parse(p, args, QStringLiteral("report"),
               QStringLiteral("Lists the rejected records or the warnings of a run: entity, natural key, field, value,\n"
                              "rule, message and source location."),
               &code))
        return code;
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1 || (pos[0] != QLatin1String("rejects") && pos[0] != QLatin1String("warnings"))
        || !p.isSet(QStringLiteral("target"))) {
        err() << "trialbridge-cli report: usage: report rejects|warnings --target DB [--run N] [--rule RULE] [--json]\n";
        return Usage;
    }
    const QString dbPath = p.value(QStringLiteral("target"));
    if (!QFileInfo::exists(dbPath)) {
        err() << "trialbridge-cli report: " << dbPath << ": no such database\n";
        return Failed;
    }
    CtmsDatabase db;
    QString error;
    if (!db.open(dbPath, &error)) {
        err() << "trialbridge-cli report: " << error << "\n";
        return Failed;
    }
    QSqlQuery q(db.sql());
    qint64 runId = p.value(QStringLiteral("run")).toLongLong();
    if (!p.isSet(QStringLiteral("run"))) {
        q.exec(QStringLiteral("SELECT MAX(run_id) FROM run"));
        runId = q.next() ? q.value(0).toLongLong() : 0;
    }
    const bool rejects = pos[0] == QLatin1String("rejects");
    q.prepare(QStringLiteral("SELECT entity, natural_key, field, value, rule, message, source_ref FROM %1 "
                             "WHERE run_id = ? AND (? IS NULL OR rule = ?) ORDER BY 1")
                  .arg(rejects ? QStringLiteral("reject") : QStringLiteral("run_warning"))
                  .replace(QStringLiteral("ORDER BY 1"), rejects ? QStringLiteral("ORDER BY reject_id") : QStringLiteral("ORDER BY warning_id")));
    const QVariant rule = p.isSet(QStringLiteral("rule")) ? QVariant(p.value(QStringLiteral("rule"))) : QVariant();
    q.addBindValue(runId);
    q.addBindValue(rule);
    q.addBindValue(rule);
    if (!q.exec()) {
        err() << "trialbridge-cli report: cannot read " << dbPath << "\n";
        return Failed;
    }
    QJsonArray items;
    const QStringList names{QStringLiteral("entity"), QStringLiteral("natural_key"), QStringLiteral("field"),
                            QStringLiteral("value"), QStringLiteral("rule"), QStringLiteral("message"),
                            QStringLiteral("source_ref")};
    while (q.next()) {
        QJsonObject item;
        for (int i = 0; i < names.size(); ++i)
            item.insert(names[i], q.value(i).isNull() ? QJsonValue() : QJsonValue(q.value(i).toString()));
        items.append(item);
    }
    if (q.lastError().isValid()) { // a failed read, not the end of the list
        err() << "trialbridge-cli report: cannot read " << dbPath << ": "
              << CtmsDatabase::errorText(q.lastError()) << "\n";
        return Failed;
    }
    if (p.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("run_id"), runId}, {pos[0], items}});
        return Ok;
    }
    out() << items.size() << " " << pos[0] << " in run " << runId << "\n";
    for (const QJsonValue& v : items) {
        const QJsonObject i = v.toObject();
        out() << i.value(QStringLiteral("source_ref")).toString() << ": [" << i.value(QStringLiteral("rule")).toString()
              << "] " << i.value(QStringLiteral("message")).toString() << "\n";
    }
    return Ok;
}

const QVector<Command>& commands()
{
    static const QVector<Command> list{
        {QStringLiteral("demo"), QStringLiteral("Write a demo workspace (synthetic study, EDC exports, mappings, pipeline)."), demoCommand},
        {QStringLiteral("run"), QStringLiteral("Run a pipeline into its target."), runCommand},
        {QStringLiteral("profile"), QStringLiteral("Describe a source file: rows, columns, types, nulls, values."), profileCommand},
        {QStringLiteral("report"), QStringLiteral("List the rejected records or warnings of a run."), reportCommand},
        {QStringLiteral("secrets"), QStringLiteral("Store, list and delete connection secrets (OS keychain or encrypted vault)."), secretsCommand},
        {QStringLiteral("connection"), QStringLiteral("Test a connection profile with its stored secrets."), connectionCommand},
        {QStringLiteral("audit"), QStringLiteral("Verify the audit trail of a target: hash chain and signed checkpoints."), auditCommand},
        {QStringLiteral("mapping"), QStringLiteral("Compare mappings; submit, review, approve, reject, retire revisions."), mappingCommand},
        {QStringLiteral("user"), QStringLiteral("Create and list the users who sign electronically."), userCommand},
        {QStringLiteral("sign"), QStringLiteral("Sign a file electronically (authored, reviewed, approved, rejected)."), signCommand},
        {QStringLiteral("signatures"), QStringLiteral("List and check the electronic signatures of a target."), signaturesCommand},
        {QStringLiteral("schedule"), QStringLiteral("List the workspace's schedules; show when a cron expression runs."), scheduleCommand},
        {QStringLiteral("serve"), QStringLiteral("Run pipelines on their schedules and when signed webhooks ask."), serveCommand},
    };
    return list;
}

void printHelp()
{
    out() << "Usage: trialbridge-cli <command> [options]\n\n"
          << "TrialBridge moves clinical-trial data between the systems of a study.\n\nCommands:\n";
    for (const Command& c : commands())
        out() << "  " << c.name.leftJustified(12) << c.summary << "\n";
    out() << "\nOptions:\n  -h, --help     Show this help; 'trialbridge-cli <command> --help' for a command.\n"
          << "  -v, --version  Show the version.\n";
}

} // namespace

int runCli(const QStringList& args)
{
    const QStringList rest = args.mid(1);
    if (rest.isEmpty() || rest[0] == QLatin1String("--help") || rest[0] == QLatin1String("-h")
        || rest[0] == QLatin1String("help")) {
        printHelp();
        return rest.isEmpty() ? Usage : Ok;
    }
    if (rest[0] == QLatin1String("--version") || rest[0] == QLatin1String("-v")) {
        out() << "trialbridge-cli " << TB_VERSION << "\n";
        return Ok;
    }
    for (const Command& c : commands()) {
        if (c.name == rest[0]) {
            const int code = c.run(rest.mid(1));
            out().flush();
            return code;
        }
    }
    err() << "trialbridge-cli: unknown command '" << rest[0] << "'\nTry 'trialbridge-cli --help'.\n";
    return Usage;
}

} // namespace tb::cli
