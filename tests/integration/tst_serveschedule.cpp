// `trialbridge-cli serve` running a pipeline on its schedule, as a process: an occurrence missed while the
// server was stopped makes one late run at the start; a restart does not repeat it; a state file it cannot read
// is named and nothing runs at once; a pipeline whose schedule cannot be read is named and the others still run;
// --no-schedules runs nothing by itself. (How the schedule meets clock changes and daylight saving time is
// tst_scheduler's and tst_cronschedule's business, on a mock clock.)

#include "TestSupport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using tb::test::queryRows;
using tb::test::readFile;
using tb::test::runCli;
using tb::test::writeFile;

namespace {

// A state that says the demo pipeline last ran before 1 January 2026, 03:00, its only occurrence in 2026.
const QByteArray OldState = R"({"format": "trialbridge.schedule-state/1",
    "pipelines": {"demo": {"cron": "0 3 1 1 *", "timeZone": "UTC", "basis": "2025-12-31T00:00:00Z"}}})";

} // namespace

class TestServeSchedule : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void missedOccurrenceRunsOnceAtTheStart();
    void restartDoesNotRepeatIt();
    void unreadableStateIsNamedAndRunsNothing();
    void noSchedulesRunsNothing();

private:
    // Starts serve, waits until it listens and then for `ms`; stops it with SIGTERM. Returns its stdout and stderr.
    void serve(const QStringList& extra, int ms, const QRegularExpression& until = {});
    int runCount() const;

    QTemporaryDir m_tmp;
    QString m_ws;
    QString m_state;
    QString m_out;
    QString m_err;
};

void TestServeSchedule::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    tb::test::useTestVault(m_tmp.filePath(QStringLiteral("secrets")));
    m_ws = m_tmp.filePath(QStringLiteral("ws"));
    const auto demo = runCli({QStringLiteral("demo"), QStringLiteral("--out"), m_ws, QStringLiteral("--subjects"),
                              QStringLiteral("40"), QStringLiteral("--sites"), QStringLiteral("3")});
    QVERIFY2(demo.exitCode == 0, demo.err.constData());
    // The demo pipeline runs at 03:00 UTC on 1 January; a copy with a schedule that cannot be read.
    QJsonObject pipeline = QJsonDocument::fromJson(readFile(m_ws + QStringLiteral("/demo.pipeline.json"))).object();
    pipeline.insert(QStringLiteral("schedule"),
                    QJsonObject{{QStringLiteral("cron"), QStringLiteral("0 3 1 1 *")}, {QStringLiteral("timeZone"), QStringLiteral("UTC")}});
    writeFile(m_ws, QStringLiteral("demo.pipeline.json"), QJsonDocument(pipeline).toJson());
    pipeline.insert(QStringLiteral("schedule"), QJsonObject{{QStringLiteral("cron"), QStringLiteral("0 3 1 1")}});
    writeFile(m_ws, QStringLiteral("broken.pipeline.json"), QJsonDocument(pipeline).toJson());
    m_state = writeFile(m_ws, QStringLiteral("trialbridge.schedule-state.json"), OldState);
}

void TestServeSchedule::serve(const QStringList& extra, int ms, const QRegularExpression& until)
{
    QProcess p;
    p.start(QStringLiteral(TB_CLI_PATH), QStringList{QStringLiteral("serve"), QStringLiteral("--workspace"), m_ws,
                                                     QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}
                                             + extra);
    QVERIFY(p.waitForStarted());
    QByteArray out, err;
    QElapsedTimer timer;
    timer.start();
    qint64 listening = -1;
    while (timer.elapsed() < 120000 && p.state() == QProcess::Running) {
        p.waitForReadyRead(20);
        out += p.readAllStandardOutput();
        err += p.readAllStandardError();
        if (listening < 0 && out.contains("listening on 127.0.0.1:"))
            listening = timer.elapsed();
        const bool matched = until.isValid() && !until.pattern().isEmpty() && until.match(QString::fromUtf8(out)).hasMatch();
        if (matched || (listening >= 0 && timer.elapsed() - listening >= ms))
            break;
    }
    p.terminate();
    QVERIFY(p.waitForFinished(120000));
    m_out = QString::fromUtf8(out + p.readAllStandardOutput());
    m_err = QString::fromUtf8(err + p.readAllStandardError());
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY2(p.exitCode() == 0, qPrintable(m_err));
}

int TestServeSchedule::runCount() const
{
    const QStringList rows = queryRows(m_ws + QStringLiteral("/ctms.db"), QStringLiteral("SELECT count(*) FROM run"));
    return rows.isEmpty() ? -1 : rows.first().toInt();
}

void TestServeSchedule::missedOccurrenceRunsOnceAtTheStart()
{
    const QDateTime started = QDateTime::currentDateTimeUtc().addSecs(-1);
    serve({}, 60000, QRegularExpression(QStringLiteral("^demo: run \\d+ \\w+ in"), QRegularExpression::MultilineOption));
    QVERIFY2(m_out.contains(QStringLiteral("demo: scheduled run of 2026-01-01T03:00:00Z, late (missed while stopped, "
                                           "asleep or when the clock jumped)\ndemo: run started\n")),
             qPrintable(m_out));
    QVERIFY2(QRegularExpression(QStringLiteral("^demo: run 1 (succeeded|completed_with_rejects) in [0-9.]+ s \\(read \\d+, inserted [1-9]"),
                                QRegularExpression::MultilineOption)
                 .match(m_out)
                 .hasMatch(),
             qPrintable(m_out));
    QCOMPARE(m_out.count(QStringLiteral("scheduled run")), 1);
    QCOMPARE(runCount(), 1);
    // What it says of the schedules: the next occurrence, and the pipeline it cannot schedule, by file and place.
    QVERIFY2(m_err.contains(QStringLiteral("serve: schedule: demo: runs at 0 3 1 1 * (UTC); missed 2026-01-01T03:00:00Z, "
                                           "runs now\n")),
             qPrintable(m_err));
    QVERIFY2(m_err.contains(QStringLiteral("serve: schedule: not scheduled: %1/broken.pipeline.json: schedule.cron: cron "
                                           "\"0 3 1 1\": expected five fields")
                                .arg(m_ws)),
             qPrintable(m_err));
    // The state now counts from this run.
    const QJsonObject demo = QJsonDocument::fromJson(readFile(m_state)).object()
                                 .value(QLatin1String("pipelines")).toObject().value(QLatin1String("demo")).toObject();
    const QDateTime basis = QDateTime::fromString(demo.value(QLatin1String("basis")).toString(), Qt::ISODateWithMs);
    QVERIFY2(basis >= started && basis <= QDateTime::currentDateTimeUtc(), qPrintable(demo.value(QLatin1String("basis")).toString()));
}

void TestServeSchedule::restartDoesNotRepeatIt()
{
    serve({}, 1500);
    QVERIFY2(m_err.contains(QStringLiteral("serve: schedule: demo: runs at 0 3 1 1 * (UTC); next 2027-01-01T03:00:00Z\n")),
             qPrintable(m_err));
    QVERIFY2(!m_out.contains(QStringLiteral("scheduled run")), qPrintable(m_out));
    QVERIFY2(!m_out.contains(QStringLiteral("run started")), qPrintable(m_out));
    QCOMPARE(runCount(), 1);
}

void TestServeSchedule::unreadableStateIsNamedAndRunsNothing()
{
    writeFile(m_ws, QStringLiteral("trialbridge.schedule-state.json"), "{\"format\": ");
    serve({}, 1500);
    QVERIFY2(m_err.contains(QStringLiteral("serve: schedule: %1: invalid JSON at offset").arg(m_state)), qPrintable(m_err));
    QVERIFY2(m_err.contains(QStringLiteral("; every schedule counts from now\n")), qPrintable(m_err));
    QVERIFY2(!m_out.contains(QStringLiteral("run started")), qPrintable(m_out));
    QCOMPARE(runCount(), 1);
    // Written anew.
    QCOMPARE(QJsonDocument::fromJson(readFile(m_state)).object().value(QLatin1String("format")).toString(),
             QStringLiteral("trialbridge.schedule-state/1"));
}

void TestServeSchedule::noSchedulesRunsNothing()
{
    writeFile(m_ws, QStringLiteral("trialbridge.schedule-state.json"), OldState);
    serve({QStringLiteral("--no-schedules")}, 1500);
    QVERIFY2(!m_out.contains(QStringLiteral("run started")), qPrintable(m_out));
    QVERIFY2(!m_err.contains(QStringLiteral("schedule:")), qPrintable(m_err));
    QCOMPARE(runCount(), 1);
    QCOMPARE(readFile(m_state), OldState); // untouched
}

QTEST_GUILESS_MAIN(TestServeSchedule)
#include "tst_serveschedule.moc"
