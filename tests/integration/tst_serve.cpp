// `trialbridge-cli serve` as a process on 127.0.0.1 with the demo workspace, driven by real HTTP requests: a
// signed hook answers 202 and runs the pipeline incrementally; a wrong, missing or malformed signature, a stale or
// future timestamp, an oversized body (declared or sent), a duplicate delivery, an unknown pipeline or a GET is
// refused with its status, logged with the reason and runs nothing; hooks arriving during a run make exactly one
// follow-up run; SIGTERM stops the server after the current run.

#include "TestSupport.h"

#include "load/CtmsDatabase.h"
#include "webhook/WebhookVerifier.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb::core;
using tb::test::runCli;
using tb::test::writeFile;
using Headers = WebhookVerifier::Headers;

namespace {

const QByteArray Secret = "serve-test-signing-secret-5d41402abc4b2a76";

struct Response
{
    int status = -1; // -1: no HTTP answer (connection closed or reset)
    QByteArray body;
};

qint64 unixNow()
{
    return QDateTime::currentSecsSinceEpoch();
}

Headers signedHeaders(qint64 t, const QByteArray& body, const QByteArray& secret = Secret)
{
    return {{"X-TrialBridge-Timestamp", QByteArray::number(t)},
            {"X-TrialBridge-Signature", WebhookVerifier::sign(secret, t, body)}};
}

} // namespace

class TestServe : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void refusals_data();
    void refusals();
    void hugeBodyIsCutOff();
    void validHookRunsAndLaterHooksCoalesce();
    void duplicateDeliveryRunsNothing();
    void unchangedSourceRunsIncrementally();
    void usageErrors_data();
    void usageErrors();
    void sigtermStopsAfterTheCurrentRun();
    void replayAfterARestartIsRefused();

private:
    // One request on a connection of its own; rawHead replaces the generated header block when given.
    Response send(const QByteArray& method, const QByteArray& path, const Headers& headers,
                  const QByteArray& body, const QByteArray& rawHead = {});
    void startServer();
    bool waitForOutput(const QRegularExpression& pattern, int timeoutMs = 120000);
    int countOutput(const QRegularExpression& pattern);
    QStringList runs(); // "run_id|status|started_utc|ended_utc"
    void settle(int ms);

    QTemporaryDir m_tmp;
    QString m_ws;
    QProcess m_server;
    quint16 m_port = 0;
    QByteArray m_out;
    QByteArray m_err;
    QByteArray m_firstBody;
    Headers m_firstHeaders;
};

Response TestServe::send(const QByteArray& method, const QByteArray& path,
                                    const Headers& headers, const QByteArray& body,
                                    const QByteArray& rawHead)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    Response r;
    if (!socket.waitForConnected(5000))
        return r;
    QByteArray request = rawHead;
    if (request.isEmpty()) {
        request = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
        for (const auto& [name, value] : headers)
            request += name + ": " + value + "\r\n";
        request += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    }
    socket.write(request + body);
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    // Until the whole response is in (the server may keep the connection open).
    while (timer.elapsed() < 20000 && socket.state() == QAbstractSocket::ConnectedState) {
        if (socket.bytesToWrite() > 0)
            socket.waitForBytesWritten(100);
        socket.waitForReadyRead(100);
        answer += socket.readAll();
        const qsizetype end = answer.indexOf("\r\n\r\n");
        if (end < 0)
            continue;
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("content-length: *(\\d+)"), QRegularExpression::CaseInsensitiveOption)
                .match(QString::fromLatin1(answer.left(end)));
        if (m.hasMatch() && answer.size() >= end + 4 + m.captured(1).toLongLong())
            break;
    }
    answer += socket.readAll();
    const QRegularExpressionMatch status = QRegularExpression(QStringLiteral("^HTTP/1\\.1 (\\d{3}) ")).match(QString::fromLatin1(answer));
    if (status.hasMatch()) {
        r.status = status.captured(1).toInt();
        r.body = answer.mid(answer.indexOf("\r\n\r\n") + 4);
    }
    return r;
}

bool TestServe::waitForOutput(const QRegularExpression& pattern, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        m_out += m_server.readAllStandardOutput();
        m_err += m_server.readAllStandardError();
        if (pattern.match(QString::fromUtf8(m_out)).hasMatch())
            return true;
        if (m_server.state() == QProcess::NotRunning)
            return false;
        m_server.waitForReadyRead(50);
    }
    return false;
}

int TestServe::countOutput(const QRegularExpression& pattern)
{
    m_out += m_server.readAllStandardOutput();
    m_err += m_server.readAllStandardError();
    int n = 0;
    auto it = pattern.globalMatch(QString::fromUtf8(m_out));
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

void TestServe::settle(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        m_server.waitForReadyRead(20);
        m_out += m_server.readAllStandardOutput();
        m_err += m_server.readAllStandardError();
    }
}

QStringList TestServe::runs()
{
    const QString path = m_ws + QStringLiteral("/ctms.db");
    if (!QFileInfo::exists(path))
        return {};
    CtmsDatabase db;
    QString error;
    if (!db.open(path, &error))
        return {QStringLiteral("cannot open: ") + error};
    QSqlQuery q(db.sql());
    QStringList out;
    if (!q.exec(QStringLiteral("SELECT run_id, status, started_utc, ended_utc FROM run ORDER BY run_id")))
        return {QStringLiteral("query failed")};
    while (q.next())
        out << QStringLiteral("%1|%2|%3|%4").arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                                q.value(3).toString());
    return out;
}

void TestServe::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    tb::test::useTestVault(m_tmp.filePath(QStringLiteral("secrets")));
    m_ws = m_tmp.filePath(QStringLiteral("ws"));
    // Big enough that its first, full load lasts while the test sends more hooks.
    const auto demo = runCli({QStringLiteral("demo"), QStringLiteral("--out"), m_ws, QStringLiteral("--subjects"),
                              QStringLiteral("3000"), QStringLiteral("--sites"), QStringLiteral("10")});
    QVERIFY2(demo.exitCode == 0, demo.err.constData());
    writeFile(m_ws, QStringLiteral("demo-webhook.connection.json"),
              R"({"format": "trialbridge.connection/1", "kind": "webhook", "url": "http://127.0.0.1/hooks/demo"})");
    // A pipeline file without a webhook connection, and a webhook connection of the wrong kind.
    QFile::copy(m_ws + QStringLiteral("/demo.pipeline.json"), m_ws + QStringLiteral("/nohook.pipeline.json"));
    QFile::copy(m_ws + QStringLiteral("/demo.pipeline.json"), m_ws + QStringLiteral("/wrongkind.pipeline.json"));
    writeFile(m_ws, QStringLiteral("wrongkind-webhook.connection.json"),
              R"({"format": "trialbridge.connection/1", "kind": "redcap", "url": "https://redcap.example.org/api/"})");
    QFile::copy(m_ws + QStringLiteral("/demo.pipeline.json"), m_ws + QStringLiteral("/nosecret.pipeline.json"));
    writeFile(m_ws, QStringLiteral("nosecret-webhook.connection.json"),
              R"({"format": "trialbridge.connection/1", "kind": "webhook", "url": "http://127.0.0.1/hooks/nosecret"})");
    QFile::copy(m_ws + QStringLiteral("/demo.pipeline.json"), m_ws + QStringLiteral("/badprofile.pipeline.json"));
    writeFile(m_ws, QStringLiteral("badprofile-webhook.connection.json"),
              R"({"format": "trialbridge.connection/1", "kind": "webhook"})");
    const auto stored = runCli({QStringLiteral("secrets"), QStringLiteral("set"),
                                QStringLiteral("demo-webhook/signing_secret"), QStringLiteral("--workspace"), m_ws},
                               {}, Secret);
    QVERIFY2(stored.exitCode == 0, stored.err.constData());

    startServer();
}

void TestServe::startServer()
{
    m_out.clear();
    m_err.clear();
    m_server.start(QStringLiteral(TB_CLI_PATH), {QStringLiteral("serve"), QStringLiteral("--workspace"), m_ws,
                                                 QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    QVERIFY(m_server.waitForStarted());
    QVERIFY2(waitForOutput(QRegularExpression(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)\n")), 30000),
             m_err.constData());
    m_port = quint16(QRegularExpression(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"))
                         .match(QString::fromUtf8(m_out))
                         .captured(1)
                         .toUInt());
    QVERIFY(m_port > 0);
}

void TestServe::cleanupTestCase()
{
    if (m_server.state() != QProcess::NotRunning) {
        m_server.kill();
        m_server.waitForFinished();
    }
}

void TestServe::refusals_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("rawHead");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("logged");

    const QByteArray body = R"({"event":"export.ready"})";
    const qint64 t = unixNow();
    const auto ok = signedHeaders(t, body);
    QTest::newRow("wrong secret") << QByteArray("POST") << QByteArray("/hooks/demo")
                                  << signedHeaders(t, body, "not-the-secret") << body << QByteArray() << 401
                                  << "signature does not match";
    QTest::newRow("body changed") << QByteArray("POST") << QByteArray("/hooks/demo") << ok
                                  << QByteArray(R"({"event":"export.readY"})") << QByteArray() << 401
                                  << "signature does not match";
    QTest::newRow("stale") << QByteArray("POST") << QByteArray("/hooks/demo") << signedHeaders(t - 3600, body) << body
                           << QByteArray() << 401 << "deliveries older than 300 s are refused";
    QTest::newRow("future") << QByteArray("POST") << QByteArray("/hooks/demo") << signedHeaders(t + 3600, body) << body
                            << QByteArray() << 401 << "ahead of this server's clock";
    QTest::newRow("no signature") << QByteArray("POST") << QByteArray("/hooks/demo")
                                  << Headers{ok.first()} << body << QByteArray() << 401
                                  << "no X-TrialBridge-Signature header";
    QTest::newRow("malformed signature")
        << QByteArray("POST") << QByteArray("/hooks/demo")
        << Headers{ok.first(), {"X-TrialBridge-Signature", "sha256=xyz"}} << body
        << QByteArray() << 400 << "64 hex digits";
    // Repeated headers are seen before QtHttpServer keeps one value per name.
    QTest::newRow("two signature headers")
        << QByteArray("POST") << QByteArray("/hooks/demo") << (ok + Headers{ok.last()})
        << body << QByteArray() << 400 << "X-TrialBridge-Signature given 2 times (exactly one expected)";
    QTest::newRow("two timestamp headers")
        << QByteArray("POST") << QByteArray("/hooks/demo")
        << (Headers{{"x-trialbridge-timestamp", "1"}} + ok) << body << QByteArray() << 400
        << "X-TrialBridge-Timestamp given 2 times (exactly one expected)";
    QTest::newRow("two signatures in one header")
        << QByteArray("POST") << QByteArray("/hooks/demo")
        << Headers{ok.first(), {"X-TrialBridge-Signature", ok.last().second + "," +
                                                                                              ok.last().second}}
        << body << QByteArray() << 400 << "several signatures";
    QTest::newRow("declared body too large")
        << QByteArray("POST") << QByteArray("/hooks/demo") << ok << QByteArray()
        << QByteArray("POST /hooks/demo HTTP/1.1\r\nHost: 127.0.0.1\r\nX-TrialBridge-Timestamp: " + QByteArray::number(t) +
                      "\r\nX-TrialBridge-Signature: " + ok.last().second +
                      "\r\nContent-Length: 2000000\r\n\r\n")
        << 413 << "Content-Length 2000000 exceeds the limit of 1048576 bytes (refused before the body was read)";
    // Chunked: no length is declared, so the body is read (up to a margin) and then refused.
    const QByteArray big(1024 * 1024 + 10, 'x');
    const auto bigSigned = signedHeaders(t, big);
    QTest::newRow("chunked body too large")
        << QByteArray("POST") << QByteArray("/hooks/demo") << bigSigned
        << QByteArray::number(big.size(), 16) + "\r\n" + big + "\r\n0\r\n\r\n"
        << QByteArray("POST /hooks/demo HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-TrialBridge-Timestamp: " +
                      QByteArray::number(t) + "\r\nX-TrialBridge-Signature: " + bigSigned.last().second +
                      "\r\nTransfer-Encoding: chunked\r\n\r\n")
        << 413 << "body of 1048586 bytes exceeds the limit of 1048576 bytes";
    QTest::newRow("unknown pipeline") << QByteArray("POST") << QByteArray("/hooks/nosuch") << ok << body << QByteArray()
                                      << 404 << "the workspace has no pipeline nosuch.pipeline.json";
    QTest::newRow("path traversal") << QByteArray("POST") << QByteArray("/hooks/..%2Fdemo") << ok << body
                                    << QByteArray() << 404 << "no such hook";
    QTest::newRow("not a hook path") << QByteArray("POST") << QByteArray("/demo") << ok << body << QByteArray() << 404
                                     << "no such hook";
    QTest::newRow("pipeline without a webhook") << QByteArray("POST") << QByteArray("/hooks/nohook") << ok << body
                                                << QByteArray() << 404 << "no nohook-webhook.connection.json";
    QTest::newRow("webhook connection of another kind")
        << QByteArray("POST") << QByteArray("/hooks/wrongkind") << ok << body << QByteArray() << 500
        << "wrongkind-webhook.connection.json is a redcap connection, not a webhook";
    QTest::newRow("signing secret not stored")
        << QByteArray("POST") << QByteArray("/hooks/nosecret") << ok << body << QByteArray() << 500
        << "the signing secret nosecret-webhook/signing_secret: not stored in the encrypted vault";
    QTest::newRow("invalid webhook profile")
        << QByteArray("POST") << QByteArray("/hooks/badprofile") << ok << body << QByteArray() << 500
        << "badprofile-webhook.connection.json: url: must be an absolute https:// URL";
    QTest::newRow("GET") << QByteArray("GET") << QByteArray("/hooks/demo") << ok << QByteArray() << QByteArray() << 405
                         << "GET /hooks/demo: only POST";
    QTest::newRow("PUT") << QByteArray("PUT") << QByteArray("/hooks/demo") << ok << body << QByteArray() << 405
                         << "PUT /hooks/demo: only POST";
}

void TestServe::refusals()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(Headers, headers);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, rawHead);
    QFETCH(int, status);
    QFETCH(QString, logged);

    const qsizetype errBefore = m_err.size();
    const Response r = send(method, path, headers, body, rawHead);
    QCOMPARE(r.status, status);
    settle(100);
    const QString log = QString::fromUtf8(m_err.mid(errBefore));
    QVERIFY2(log.contains(QStringLiteral("refused")) && log.contains(logged), qPrintable(log));
    QVERIFY2(!m_err.contains(Secret) && !r.body.contains(Secret), qPrintable(log));
    // Nothing ran.
    QCOMPARE(countOutput(QRegularExpression(QStringLiteral("run started"))), 0);
    QCOMPARE(runs(), QStringList());
    QCOMPARE(m_server.state(), QProcess::Running);
}

void TestServe::hugeBodyIsCutOff()
{
    // A body far above the limit in chunks: the connection ends once a margin above the limit has arrived (it is
    // not buffered to the end); the server keeps answering.
    const qsizetype errBefore = m_err.size();
    const qint64 t = unixNow();
    const QByteArray head = "POST /hooks/demo HTTP/1.1\r\nHost: 127.0.0.1\r\nX-TrialBridge-Timestamp: " +
                            QByteArray::number(t) + "\r\nX-TrialBridge-Signature: sha256=" + QByteArray(64, '0') +
                            "\r\nTransfer-Encoding: chunked\r\n\r\n";
    QByteArray chunks;
    const QByteArray chunk(64 * 1024, 'y');
    for (int i = 0; i < 64; ++i) // 4 MiB
        chunks += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    const Response r = send("POST", "/hooks/demo", {}, chunks, head);
    QVERIFY2(r.status == 413 || r.status == -1, QByteArray::number(r.status).constData()); // -1: reset while sending
    settle(200);
    const QString log = QString::fromUtf8(m_err.mid(errBefore));
    QVERIFY2(log.contains(QStringLiteral("refused a request from 127.0.0.1 with 413: more than")) &&
                 log.contains(QStringLiteral("body bytes arrived (limit 1048576)")),
             qPrintable(log));
    QCOMPARE(runs(), QStringList());
    QCOMPARE(send("GET", "/hooks/demo", {}, {}).status, 405);
}

void TestServe::validHookRunsAndLaterHooksCoalesce()
{
    m_firstBody = R"({"event":"export.ready","files":["dm.csv","sv.csv","ae.csv"]})";
    m_firstHeaders = signedHeaders(unixNow(), m_firstBody);
    const Response first = send("POST", "/hooks/demo", m_firstHeaders, m_firstBody);
    QCOMPARE(first.status, 202);
    QVERIFY2(waitForOutput(QRegularExpression(QStringLiteral("^demo: run started$"),
                                              QRegularExpression::MultilineOption)),
             m_err.constData());
    // Two more deliveries while the first (full) load runs.
    QCOMPARE(countOutput(QRegularExpression(QStringLiteral("^demo: run \\d+ "), QRegularExpression::MultilineOption)),
             0);
    for (const QByteArray& body : {QByteArray(R"({"event":"record.updated","n":1})"),
                                   QByteArray(R"({"event":"record.updated","n":2})")})
        QCOMPARE(send("POST", "/hooks/demo", signedHeaders(unixNow(), body), body).status, 202);
    QVERIFY2(countOutput(QRegularExpression(QStringLiteral("^demo: run \\d+ "), QRegularExpression::MultilineOption)) == 0,
             "the first run ended before the later hooks arrived: the demo is too small for this machine");
    settle(50);
    QCOMPARE(m_err.count("demo: a run is going; one follow-up run is queued"), 2);
    // Exactly one follow-up run, after the first.
    const QRegularExpression finished(QStringLiteral("^demo: run (\\d+) (\\w+) in"), QRegularExpression::MultilineOption);
    QElapsedTimer timer;
    timer.start();
    while (countOutput(finished) < 2 && timer.elapsed() < 300000)
        settle(100);
    settle(1000);
    QCOMPARE(countOutput(finished), 2);
    QCOMPARE(countOutput(QRegularExpression(QStringLiteral("^demo: follow-up run started$"),
                                            QRegularExpression::MultilineOption)),
             1);
    QCOMPARE(countOutput(QRegularExpression(QStringLiteral("run started$"), QRegularExpression::MultilineOption)), 2);
    const QStringList rows = runs();
    QCOMPARE(rows.size(), 2);
    const QStringList one = rows[0].split(QLatin1Char('|')), two = rows[1].split(QLatin1Char('|'));
    QCOMPARE(one[1], QStringLiteral("completed_with_rejects")); // the demo's seeded defects
    // One after the other.
    const QDateTime firstEnded = QDateTime::fromString(one[3], Qt::ISODateWithMs);
    const QDateTime secondStarted = QDateTime::fromString(two[2], Qt::ISODateWithMs);
    QVERIFY2(firstEnded.isValid() && secondStarted >= firstEnded, qPrintable(rows.join(QLatin1Char('\n'))));
    // The follow-up is incremental: the first load's units are unchanged, nothing is inserted again.
    QVERIFY2(QRegularExpression(QStringLiteral("^demo: run %1 \\w+ in [0-9.]+ s \\(read \\d+, inserted 0, updated 0")
                                    .arg(two[0]),
                                QRegularExpression::MultilineOption)
                 .match(QString::fromUtf8(m_out))
                 .hasMatch(),
             m_out.constData());
}

void TestServe::duplicateDeliveryRunsNothing()
{
    const qsizetype errBefore = m_err.size();
    const Response again = send("POST", "/hooks/demo", m_firstHeaders, m_firstBody);
    QCOMPARE(again.status, 409);
    settle(500);
    QVERIFY2(QString::fromUtf8(m_err.mid(errBefore)).contains(QStringLiteral("refused with 409")), m_err.constData());
    QCOMPARE(runs().size(), 2);
    QCOMPARE(countOutput(QRegularExpression(QStringLiteral("run started$"), QRegularExpression::MultilineOption)), 2);
}

void TestServe::unchangedSourceRunsIncrementally()
{
    const QByteArray body = R"({"event":"nightly"})";
    QCOMPARE(send("POST", "/hooks/demo", signedHeaders(unixNow(), body), body).status, 202);
    const QRegularExpression finished(QStringLiteral("^demo: run (\\d+) (\\w+) in"), QRegularExpression::MultilineOption);
    QElapsedTimer timer;
    timer.start();
    while (countOutput(finished) < 3 && timer.elapsed() < 120000)
        settle(100);
    QCOMPARE(countOutput(finished), 3);
    QCOMPARE(runs().size(), 3);
}

void TestServe::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("listen without port") << QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1")}
                                         << "give ADDRESS:PORT";
    QTest::newRow("listen on a name") << QStringList{QStringLiteral("--listen"), QStringLiteral("localhost:80")}
                                      << "with an IP address";
    QTest::newRow("port too big") << QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:70000")}
                                  << "give ADDRESS:PORT";
    QTest::newRow("zero body limit") << QStringList{QStringLiteral("--max-body"), QStringLiteral("0")}
                                     << "take whole numbers above 0";
    QTest::newRow("missing workspace") << QStringList{QStringLiteral("--workspace"), QStringLiteral("/nonexistent/ws")}
                                       << "no such workspace folder";
}

void TestServe::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const auto r = runCli(QStringList{QStringLiteral("serve")} + args, m_ws, {}, 30000);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

void TestServe::sigtermStopsAfterTheCurrentRun()
{
    // SIGTERM right after a hook was accepted (its run starts before the server reads the signal): the run
    // finishes and is reported, then the server exits.
    const QByteArray body = R"({"event":"last"})";
    QCOMPARE(send("POST", "/hooks/demo", signedHeaders(unixNow(), body), body).status, 202);
    m_server.terminate();
    QVERIFY(m_server.waitForFinished(120000));
    m_out += m_server.readAllStandardOutput();
    m_err += m_server.readAllStandardError();
    QCOMPARE(m_server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_server.exitCode(), 0);
    QVERIFY2(m_err.contains("serve: stopping after the current run of demo\n"), m_err.right(600).constData());
    QVERIFY2(m_err.endsWith("serve: stopped\n"), m_err.right(600).constData());
    // The run ended properly (not interrupted) and was reported before the exit.
    const QStringList rows = runs();
    QCOMPARE(rows.size(), 4);
    QVERIFY2(!rows.last().split(QLatin1Char('|'))[3].isEmpty() && !rows.last().contains(QStringLiteral("|running|")) &&
                 !rows.last().contains(QStringLiteral("|interrupted|")),
             qPrintable(rows.last()));
    QCOMPARE(countOutput(QRegularExpression(QStringLiteral("^demo: run (\\d+) (\\w+) in"),
                                            QRegularExpression::MultilineOption)),
             4);
}

void TestServe::replayAfterARestartIsRefused()
{
    // The first delivery again, to a new server process: it remembers the deliveries of the replay window.
    QVERIFY2(unixNow() - m_firstHeaders.first().second.toLongLong() < 280, "the test ran longer than the replay window");
    startServer();
    QCOMPARE(send("POST", "/hooks/demo", m_firstHeaders, m_firstBody).status, 409);
    settle(300);
    QVERIFY2(m_err.contains("refused with 409"), m_err.constData());
    // A new delivery is still accepted.
    const QByteArray body = R"({"event":"after-restart"})";
    QCOMPARE(send("POST", "/hooks/demo", signedHeaders(unixNow(), body), body).status, 202);
    const QRegularExpression finished(QStringLiteral("^demo: run (\\d+) (\\w+) in"), QRegularExpression::MultilineOption);
    QElapsedTimer timer;
    timer.start();
    while (countOutput(finished) < 1 && timer.elapsed() < 120000)
        settle(100);
    QCOMPARE(runs().size(), 5);
}

QTEST_GUILESS_MAIN(TestServe)
#include "tst_serve.moc"
