#include "ServeCommand.h"

#include "AuditCommand.h"
#include "RequestGuardTcpServer.h"
#include "CliApp.h"
#include "PipelineRunQueue.h"
#include "RunSecrets.h"
#include "WebhookServer.h"

#include "run/PipelineRunner.h"
#include "run/RunFeedback.h"
#include "schedule/Scheduler.h"
#include "workspace/Workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QTimer>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace tb::cli {

using namespace tb::core;

namespace {

const QString Help = QStringLiteral(
    "Usage: trialbridge-cli serve [--workspace DIR] [--listen ADDRESS:PORT] [--max-body BYTES]\n"
    "                             [--replay-window SECONDS] [--no-schedules]\n\n"
    "Runs the pipelines of a workspace (the current folder, or DIR) on their schedules and when webhooks ask.\n\n"
    "Schedules: a pipeline with \"schedule\": {\"cron\": \"30 2 * * *\", \"timeZone\": \"Europe/Berlin\"} runs\n"
    "incrementally at those times (five cron fields or @daily, @hourly, ...; the machine's zone when none is named;\n"
    "\"enabled\": false pauses it). Occurrences missed while the server was stopped, the machine slept or the clock\n"
    "was set forward make one run at once; a clock set back does not repeat what ran. When each pipeline last ran is\n"
    "kept in trialbridge.schedule-state.json in the workspace. Pipeline documents are read again every 30 s.\n\n"
    "Webhooks: POST /hooks/NAME runs NAME.pipeline.json incrementally, when the request is signed with the signing\n"
    "secret of the connection NAME-webhook.connection.json (kind webhook; store it: trialbridge-cli secrets set\n"
    "NAME-webhook/signing_secret). Headers: X-TrialBridge-Timestamp (Unix seconds) and X-TrialBridge-Signature\n"
    "(sha256=<hex HMAC-SHA-256 over \"TIMESTAMP.BODY\">). Answers 202 (run queued), 400 malformed headers,\n"
    "401 missing or wrong signature or a timestamp outside the replay window, 404 no such pipeline or hook,\n"
    "405 not POST, 409 the same delivery again (also after a restart: accepted deliveries are kept in\n"
    "trialbridge.webhook-deliveries for the replay window), 413 body too large. One run per pipeline at a time:\n"
    "hooks arriving during a run make one follow-up run. SIGTERM or SIGINT stops after the current runs.\n\n"
    "Options:\n"
    "  --workspace DIR           Workspace folder (default: the current folder).\n"
    "  --listen ADDRESS:PORT     Address to listen on (default 127.0.0.1:8787; port 0 picks a free port).\n"
    "                            The server speaks plain HTTP: put a TLS proxy in front of any other address.\n"
    "  --max-body BYTES          Largest body accepted (default 1048576).\n"
    "  --replay-window SECONDS   Largest difference between a delivery's timestamp and this clock (default 300).\n"
    "  --no-schedules            Run pipelines only when webhooks ask.\n");

// SIGTERM and SIGINT reach the event loop through a socket pair (the handler only writes a byte).
int g_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalFds[0], &byte, 1);
}

bool parseListen(const QString& text, QHostAddress* address, quint16* port)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535 || !address->setAddress(host))
        return false;
    *port = quint16(p);
    return true;
}

QString describe(const RunResult& r)
{
    const EntityCounts t = r.total();
    QString text = QStringLiteral("run %1 %2 in %3 s (read %4, inserted %5, updated %6, unchanged %7, rejected %8)")
                       .arg(r.runId)
                       .arg(r.statusName())
                       .arg(double(r.durationMs) / 1000.0, 0, 'f', 1)
                       .arg(t.read)
                       .arg(t.inserted)
                       .arg(t.updated)
                       .arg(t.unchanged)
                       .arg(t.rejected);
    if (!r.message.isEmpty())
        text += QStringLiteral(": ") + r.message;
    return text;
}

} // namespace

int serveCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption({QStringLiteral("workspace"), QStringLiteral("Workspace folder."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("listen"), QStringLiteral("Address and port."), QStringLiteral("ADDRESS:PORT"),
                      QStringLiteral("127.0.0.1:8787")});
    parser.addOption({QStringLiteral("max-body"), QStringLiteral("Largest body."), QStringLiteral("BYTES"),
                      QStringLiteral("1048576")});
    parser.addOption({QStringLiteral("replay-window"), QStringLiteral("Replay window."), QStringLiteral("SECONDS"),
                      QStringLiteral("300")});
    parser.addOption({QStringLiteral("no-schedules"), QStringLiteral("Webhooks only.")});
    parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
    QStringList full = args;
    full.prepend(QStringLiteral("trialbridge-cli serve"));
    if (!parser.parse(full)) {
        err() << "trialbridge-cli serve: " << parser.errorText() << "\nTry 'trialbridge-cli serve --help'.\n";
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << Help;
        return Ok;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err() << Help;
        return Usage;
    }
    const Workspace ws(parser.isSet(QStringLiteral("workspace")) ? parser.value(QStringLiteral("workspace"))
                                                                   : QDir::currentPath());
    if (!ws.isValid()) {
        err() << "trialbridge-cli serve: " << ws.dir() << ": no such workspace folder\n";
        return Usage;
    }
    const QString dir = QDir(ws.dir()).absolutePath();
    QHostAddress address;
    quint16 port = 0;
    if (!parseListen(parser.value(QStringLiteral("listen")), &address, &port)) {
        err() << "trialbridge-cli serve: --listen " << parser.value(QStringLiteral("listen"))
              << ": give ADDRESS:PORT with an IP address (127.0.0.1:8787, [::1]:8787)\n";
        return Usage;
    }
    WebhookVerifier::Options options;
    bool ok1 = false, ok2 = false;
    options.maxBodyBytes = parser.value(QStringLiteral("max-body")).toLongLong(&ok1);
    options.windowSeconds = parser.value(QStringLiteral("replay-window")).toLongLong(&ok2);
    if (!ok1 || !ok2 || options.maxBodyBytes < 1 || options.windowSeconds < 1) {
        err() << "trialbridge-cli serve: --max-body and --replay-window take whole numbers above 0\n";
        return Usage;
    }

    const auto log = [](const QString& line) {
        err() << "serve: " << line << "\n";
        err().flush();
    };
    const auto say = [](const QString& line) {
        out() << line << "\n";
        out().flush();
    };

    // Deliveries accepted in the last window survive a restart: a replay right after one is still refused.
    options.deliveryFile = QDir(dir).filePath(QStringLiteral("trialbridge.webhook-deliveries"));
    // The reader finds the workspace from a path inside it and opens its secret store once, on first need.
    WebhookServer server(dir, options, workspaceSecretReader(QDir(dir).filePath(QStringLiteral("serve"))), log);
    QString deliveryError;
    if (!server.openDeliveryFile(&deliveryError))
        log(deliveryError);
    auto* tcp = new RequestGuardTcpServer(options.maxBodyBytes, log, &server);
    if (!tcp->listen(address, port)) {
        err() << "trialbridge-cli serve: cannot listen on " << parser.value(QStringLiteral("listen")) << ": "
              << tcp->errorString() << "\n";
        return Failed;
    }
    server.bind(tcp);

    PipelineRunQueue queue([](const QString& pipelinePath) {
        PipelineRunner::Options o;
        o.auditSigner = workspaceAuditSigner;
        o.secret = workspaceSecretReader(pipelinePath);
        PipelineRunner runner(o);
        RunFeedback feedback;
        return runner.run(pipelinePath, &feedback);
    });
    const auto requestRun = [&](const QString& name, const QString& pipelinePath) {
        if (queue.running().contains(name))
            log(QStringLiteral("%1: a run is going; one follow-up run is queued").arg(name));
        queue.request(name, pipelinePath);
    };
    QObject::connect(&server, &WebhookServer::hookAccepted, &queue,
                     [&](const QString& name) { requestRun(name, server.pipelinePath(name)); });
    QObject::connect(&queue, &PipelineRunQueue::started, &queue, [&](const QString& name, bool followUp) {
        say(QStringLiteral("%1: %2run started").arg(name, followUp ? QStringLiteral("follow-up ") : QString()));
    });
    QObject::connect(&queue, &PipelineRunQueue::finished, &queue,
                     [&](const QString& name, const RunResult& r) { say(name + QStringLiteral(": ") + describe(r)); });

    Scheduler::Options scheduleOptions;
    scheduleOptions.stateFile = QDir(dir).filePath(QStringLiteral("trialbridge.schedule-state.json"));
    Scheduler scheduler(scheduleOptions);
    QObject::connect(&scheduler, &Scheduler::notice, &scheduler,
                     [&](const QString& m) { log(QStringLiteral("schedule: ") + m); });
    QObject::connect(&scheduler, &Scheduler::due, &queue,
                     [&](const QString& name, const QString& path, const QDateTime& occurrence, bool late) {
                         say(late ? QStringLiteral("%1: scheduled run of %2, late (missed while stopped, asleep or "
                                                   "when the clock jumped)")
                                        .arg(name, toIsoUtc(occurrence))
                                  : QStringLiteral("%1: scheduled run of %2").arg(name, toIsoUtc(occurrence)));
                         requestRun(name, path);
                     });
    // Pipeline documents are read again now and then: what is said about them is said when it changes.
    QStringList schedulesSaid;
    const auto readSchedules = [&] {
        QStringList problems;
        const QVector<Scheduler::Entry> entries = Scheduler::fromWorkspace(dir, &problems);
        scheduler.setEntries(entries);
        QStringList said;
        for (const QString& p : problems)
            said << QStringLiteral("not scheduled: ") + p;
        for (const Scheduler::Entry& e : entries) {
            const QDateTime next = scheduler.nextDue(e.name);
            said << QStringLiteral("%1: runs at %2 (%3); %4")
                        .arg(e.name, e.schedule.text(), QString::fromUtf8(e.schedule.timeZone().id()),
                             next <= QDateTime::currentDateTimeUtc()
                                 ? QStringLiteral("missed %1, runs now").arg(toIsoUtc(next))
                                 : QStringLiteral("next ") + toIsoUtc(next));
        }
        for (const QString& line : said)
            if (!schedulesSaid.contains(line))
                log(QStringLiteral("schedule: ") + line);
        schedulesSaid = said;
    };
    QTimer rereadSchedules;
    if (!parser.isSet(QStringLiteral("no-schedules"))) {
        QString stateError;
        if (!scheduler.loadState(&stateError))
            log(QStringLiteral("schedule: ") + stateError);
        readSchedules();
        QObject::connect(&rereadSchedules, &QTimer::timeout, &scheduler, readSchedules);
        rereadSchedules.start(30000);
    }

    bool stopping = false;
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0) {
        err() << "trialbridge-cli serve: cannot set up signal handling\n";
        return Failed;
    }
    QSocketNotifier notifier(g_signalFds[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &queue, [&] {
        char byte;
        [[maybe_unused]] const ssize_t n = ::read(g_signalFds[1], &byte, 1);
        if (stopping)
            return;
        stopping = true;
        tcp->close(); // no new connections
        scheduler.stop();
        rereadSchedules.stop();
        if (queue.isRunning())
            log(QStringLiteral("stopping after the current run of %1").arg(queue.running().join(QStringLiteral(", "))));
        queue.stop();
    });
    QObject::connect(&queue, &PipelineRunQueue::idle, &queue, [&] {
        if (stopping)
            QCoreApplication::quit();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);

    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(address.toString())
        : address.toString();
    if (!address.isLoopback())
        log(QStringLiteral("listening on %1, not loopback: this server speaks plain HTTP, put a TLS proxy in front")
                .arg(host));
    say(QStringLiteral("listening on %1:%2").arg(host).arg(tcp->serverPort()));
    if (!parser.isSet(QStringLiteral("no-schedules")))
        scheduler.start();
    const int code = QCoreApplication::exec();
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    log(QStringLiteral("stopped"));
    return code == 0 ? Ok : Failed;
}

} // namespace tb::cli
