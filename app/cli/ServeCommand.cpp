#include "ServeCommand.h"

#include "AuditCommand.h"
#include "RequestGuardTcpServer.h"
#include "CliApp.h"
#include "PipelineRunQueue.h"
#include "RunSecrets.h"
#include "WebhookServer.h"

#include "run/PipelineRunner.h"
#include "run/RunFeedback.h"
#include "workspace/Workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace tb::cli {

using namespace tb::core;

namespace {

const QString Help = QStringLiteral(
    "Usage: trialbridge-cli serve [--workspace DIR] [--listen ADDRESS:PORT] [--max-body BYTES]\n"
    "                             [--replay-window SECONDS]\n\n"
    "Receives webhooks for the pipelines of a workspace (the current folder, or DIR): POST /hooks/NAME runs\n"
    "NAME.pipeline.json incrementally, when the request is signed with the signing secret of the connection\n"
    "NAME-webhook.connection.json (kind webhook; store it: trialbridge-cli secrets set\n"
    "NAME-webhook/signing_secret). Headers: X-TrialBridge-Timestamp (Unix seconds) and X-TrialBridge-Signature\n"
    "(sha256=<hex HMAC-SHA-256 over \"TIMESTAMP.BODY\">). Answers 202 (run queued), 400 malformed headers,\n"
    "401 missing or wrong signature or a timestamp outside the replay window, 404 no such pipeline or hook,\n"
    "405 not POST, 409 the same delivery again, 413 body too large. One run per pipeline at a time: hooks\n"
    "arriving during a run make one follow-up run. SIGTERM or SIGINT stops after the current runs.\n\n"
    "Options:\n"
    "  --workspace DIR           Workspace folder (default: the current folder).\n"
    "  --listen ADDRESS:PORT     Address to listen on (default 127.0.0.1:8787; port 0 picks a free port).\n"
    "                            The server speaks plain HTTP: put a TLS proxy in front of any other address.\n"
    "  --max-body BYTES          Largest body accepted (default 1048576).\n"
    "  --replay-window SECONDS   Largest difference between a delivery's timestamp and this clock (default 300).\n");

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

    // The reader finds the workspace from a path inside it and opens its secret store once, on first need.
    WebhookServer server(dir, options, workspaceSecretReader(QDir(dir).filePath(QStringLiteral("serve"))), log);
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
    QObject::connect(&server, &WebhookServer::hookAccepted, &queue, [&](const QString& name) {
        if (queue.running().contains(name))
            log(QStringLiteral("%1: a run is going; one follow-up run is queued").arg(name));
        queue.request(name, server.pipelinePath(name));
    });
    QObject::connect(&queue, &PipelineRunQueue::started, &queue, [&](const QString& name, bool followUp) {
        say(QStringLiteral("%1: %2run started").arg(name, followUp ? QStringLiteral("follow-up ") : QString()));
    });
    QObject::connect(&queue, &PipelineRunQueue::finished, &queue,
                     [&](const QString& name, const RunResult& r) { say(name + QStringLiteral(": ") + describe(r)); });

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
    const int code = QCoreApplication::exec();
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    log(QStringLiteral("stopped"));
    return code == 0 ? Ok : Failed;
}

} // namespace tb::cli
