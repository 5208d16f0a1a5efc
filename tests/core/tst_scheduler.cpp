#include "schedule/Scheduler.h"

#include "MockClock.h"
#include "TestSupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using tb::core::CronSchedule;
using tb::core::Scheduler;
using tb::test::MockClock;
using tb::test::utc;

namespace {

Scheduler::Entry entry(const QString& name, const QString& cron, const QByteArray& zone = "UTC")
{
    CronSchedule c;
    QString error;
    if (!CronSchedule::parse(cron, QTimeZone(zone), &c, &error))
        qFatal("%s", qPrintable(error));
    return {name, QStringLiteral("/ws/%1.pipeline.json").arg(name), c};
}

// A scheduler on a mock clock that records what came due, as "name@occurrence[ late]".
struct Rig
{
    explicit Rig(MockClock* clock, const QString& stateFile = {})
        : scheduler(Scheduler::Options{clock, stateFile, 86400, 30000})
    {
        QObject::connect(&scheduler, &Scheduler::due, &scheduler,
                         [this](const QString& name, const QString& path, const QDateTime& occurrence, bool late) {
                             QVERIFY(path.endsWith(name + QStringLiteral(".pipeline.json")));
                             fired << name + QLatin1Char('@') + tb::core::toIsoUtc(occurrence)
                                     + (late ? QStringLiteral(" late") : QString());
                         });
        QObject::connect(&scheduler, &Scheduler::notice, &scheduler,
                         [this](const QString& message) { notices << message; });
    }
    QStringList take()
    {
        const QStringList f = fired;
        fired.clear();
        return f;
    }

    Scheduler scheduler;
    QStringList fired;
    QStringList notices;
};

} // namespace

class TestScheduler : public QObject
{
    Q_OBJECT

private slots:
    void firesOnceAtItsOccurrence();
    void firstSightDoesNotCatchUp();
    void clockSetForwardMakesOneLateRun_data();
    void clockSetForwardMakesOneLateRun();
    void clockSetBackDoesNotRepeat();
    void clockThatWasWrongIsNotTrusted();
    void restartNeitherRepeatsNorForgets();
    void changedExpressionCountsFromNow();
    void forgottenEntriesLeaveTheState();
    void dueTogetherInTimeOrder();
    void daylightSavingNightsFireOnce_data();
    void daylightSavingNightsFireOnce();
    void brokenStateIsNamed_data();
    void brokenStateIsNamed();
    void unwritableStateIsSaid();
    void timerLooksAtTheClock();
    void schedulesFromAWorkspace();
};

void TestScheduler::firesOnceAtItsOccurrence()
{
    MockClock clock(utc("2026-01-15T09:00:00"));
    Rig rig(&clock);
    rig.scheduler.setEntries({entry(QStringLiteral("nightly"), QStringLiteral("0 2 * * *"))});
    QCOMPARE(rig.scheduler.nextDue(QStringLiteral("nightly")), utc("2026-01-16T02:00:00"));
    rig.scheduler.check();
    clock.set(utc("2026-01-16T01:59:59"));
    rig.scheduler.check();
    QVERIFY(rig.take().isEmpty());
    clock.set(utc("2026-01-16T02:00:00"));
    rig.scheduler.check();
    QCOMPARE(rig.take(), QStringList{QStringLiteral("nightly@2026-01-16T02:00:00Z")});
    clock.advance(30);
    rig.scheduler.check();
    QVERIFY(rig.take().isEmpty());
    QCOMPARE(rig.scheduler.nextDue(QStringLiteral("nightly")), utc("2026-01-17T02:00:00"));
    QVERIFY(rig.notices.isEmpty());
}

void TestScheduler::firstSightDoesNotCatchUp()
{
    // Today's 02:00 went by before the schedule existed: nothing to catch up.
    MockClock clock(utc("2026-01-15T09:00:00"));
    Rig rig(&clock);
    rig.scheduler.setEntries({entry(QStringLiteral("nightly"), QStringLiteral("0 2 * * *"))});
    rig.scheduler.check();
    QVERIFY(rig.take().isEmpty());
}

void TestScheduler::clockSetForwardMakesOneLateRun_data()
{
    QTest::addColumn<QString>("cron");
    QTest::addColumn<qint64>("jump");
    QTest::newRow("a day past two nightly runs") << "0 2 * * *" << qint64(2 * 86400);
    QTest::newRow("an hour past 4 quarter-hours") << "*/15 * * * *" << qint64(3600);
    QTest::newRow("a year past 525,600 minutes") << "* * * * *" << qint64(365 * 86400);
}

void TestScheduler::clockSetForwardMakesOneLateRun()
{
    // A clock set forward, a machine asleep or a stopped process: the occurrences missed make one run, at once.
    QFETCH(QString, cron);
    QFETCH(qint64, jump);
    MockClock clock(utc("2026-01-15T09:00:30"));
    Rig rig(&clock);
    rig.scheduler.setEntries({entry(QStringLiteral("p"), cron)});
    const QDateTime first = rig.scheduler.nextDue(QStringLiteral("p"));
    clock.advance(jump);
    rig.scheduler.check();
    QCOMPARE(rig.take(), QStringList{QStringLiteral("p@%1 late").arg(tb::core::toIsoUtc(first))});
    rig.scheduler.check();
    QVERIFY(rig.take().isEmpty());
    QCOMPARE(rig.scheduler.nextDue(QStringLiteral("p")), entry(QStringLiteral("p"), cron).schedule.next(clock.nowUtc()));
}

void TestScheduler::clockSetBackDoesNotRepeat()
{
    MockClock clock(utc("2026-01-15T09:00:00"));
    Rig rig(&clock);
    rig.scheduler.setEntries({entry(QStringLiteral("nightly"), QStringLiteral("0 2 * * *"))});
    clock.set(utc("2026-01-16T02:00:05"));
    rig.scheduler.check();
    QCOMPARE(rig.take().size(), 1);
    // The clock is put back an hour (a wrong NTP step, a hand set): 02:00 comes again and does not run again.
    clock.set(utc("2026-01-16T01:00:05"));
    rig.scheduler.check();
    QCOMPARE(rig.notices.size(), 1);
    QVERIFY2(rig.notices.first().contains(QStringLiteral("the clock went back by 60 min")), qPrintable(rig.notices.first()));
    for (int i = 0; i < 120; ++i) {
        clock.advance(60);
        rig.scheduler.check();
    }
    QVERIFY(rig.take().isEmpty());
    clock.set(utc("2026-01-17T02:00:00"));
    rig.scheduler.check();
    QCOMPARE(rig.take(), QStringList{QStringLiteral("nightly@2026-01-17T02:00:00Z")});
}

void TestScheduler::clockThatWasWrongIsNotTrusted()
{
    // The clock stood years ahead when the last run happened; once it is right again, the schedule must not wait
    // for that future date.
    MockClock clock(utc("2030-06-01T12:00:00"));
    Rig rig(&clock);
    rig.scheduler.setEntries({entry(QStringLiteral("nightly"), QStringLiteral("0 2 * * *"))});
    clock.set(utc("2030-06-02T02:00:00"));
    rig.scheduler.check();
    QCOMPARE(rig.take().size(), 1);
    clock.set(utc("2026-01-15T09:00:00"));
    rig.scheduler.check();
    QVERIFY(rig.take().isEmpty());
    QCOMPARE(rig.notices.size(), 2); // the clock went back; the last run is not trusted
    QVERIFY2(rig.notices.last().contains(QStringLiteral("nightly: its last run (2030-06-02T02:00:00Z) lies 1598 days "
                                                        "ahead of the clock")),
             qPrintable(rig.notices.last()));
    QCOMPARE(rig.scheduler.nextDue(QStringLiteral("nightly")), utc("2026-01-16T02:00:00"));
    clock.set(utc("2026-01-16T02:00:00"));
    rig.scheduler.check();
    QCOMPARE(rig.take(), QStringList{QStringLiteral("nightly@2026-01-16T02:00:00Z")});
}

void TestScheduler::restartNeitherRepeatsNorForgets()
{
    QTemporaryDir dir;
    const QString state = dir.filePath(QStringLiteral("state.json"));
    MockClock clock(utc("2026-01-15T09:00:00"));
    {
        Rig rig(&clock, state);
        QString error;
        QVERIFY(rig.scheduler.loadState(&error));
        rig.scheduler.setEntries({entry(QStringLiteral("nightly"), QStringLiteral("0 2 * * *"))});
        clock.set(utc("2026-01-16T02:00:00"));
        rig.scheduler.check();
        QCOMPARE(rig.take().size(), 1);
    }
    // Restarted an hour later: 02:00 ran, it does not run again.
    clock.set(utc("2026-01-16T03:00:00"));
    {
        Rig rig(&clock, state);
        QString error;
        QVERIFY2(rig.scheduler.loadState(&error), qPrintable(error));
        rig.scheduler.setEntries({entry(QStringLiteral("nightly"), QStringLiteral("0 2 * * *"))});
        rig.scheduler.check();
        QVERIFY(rig.take().isEmpty());
        QCOMPARE(rig.scheduler.nextDue(QStringLiteral("nightly")), utc("2026-01-17T02:00:00"));
    }
    // Stopped for two days: one late run at the start.
    clock.set(utc("2026-01-18T10:00:00"));
    {
        Rig rig(&clock, state);
        QString error;
        QVERIFY(rig.scheduler.loadState(&error));
        rig.scheduler.setEntries({entry(QStringLiteral("nightly"), QStringLiteral("0 2 * * *"))});
        rig.scheduler.check();
        QCOMPARE(rig.take(), QStringList{QStringLiteral("nightly@2026-01-17T02:00:00Z late")});
    }
    // The state names the schedule and when it last ran.
    QFile f(state);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(o.value(QLatin1String("format")).toString(), QStringLiteral("trialbridge.schedule-state/1"));
    const QJsonObject nightly = o.value(QLatin1String("pipelines")).toObject().value(QLatin1String("nightly")).toObject();
    QCOMPARE(nightly.value(QLatin1String("cron")).toString(), QStringLiteral("0 2 * * *"));
    QCOMPARE(nightly.value(QLatin1String("timeZone")).toString(), QStringLiteral("UTC"));
    QCOMPARE(nightly.value(QLatin1String("basis")).toString(), QStringLiteral("2026-01-18T10:00:00Z"));
}

void TestScheduler::changedExpressionCountsFromNow()
{
    QTemporaryDir dir;
    MockClock clock(utc("2026-01-15T09:00:00"));
    Rig rig(&clock, dir.filePath(QStringLiteral("state.json")));
    rig.scheduler.setEntries({entry(QStringLiteral("p"), QStringLiteral("0 2 * * *"))});
    clock.set(utc("2026-01-16T02:00:00"));
    rig.scheduler.check();
    QCOMPARE(rig.take().size(), 1);
    // At 10:00 the pipeline moves to 03:00: today's 03:00 has gone by and is not caught up.
    clock.set(utc("2026-01-16T10:00:00"));
    rig.scheduler.setEntries({entry(QStringLiteral("p"), QStringLiteral("0 3 * * *"))});
    rig.scheduler.check();
    QVERIFY(rig.take().isEmpty());
    QCOMPARE(rig.scheduler.nextDue(QStringLiteral("p")), utc("2026-01-17T03:00:00"));
    // So does a change of time zone alone.
    rig.scheduler.setEntries({entry(QStringLiteral("p"), QStringLiteral("0 3 * * *"), "Asia/Tokyo")});
    QCOMPARE(rig.scheduler.nextDue(QStringLiteral("p")), utc("2026-01-16T18:00:00"));
    rig.scheduler.check();
    QVERIFY(rig.take().isEmpty());
}

void TestScheduler::forgottenEntriesLeaveTheState()
{
    QTemporaryDir dir;
    const QString state = dir.filePath(QStringLiteral("state.json"));
    MockClock clock(utc("2026-01-15T09:00:00"));
    Rig rig(&clock, state);
    rig.scheduler.setEntries({entry(QStringLiteral("a"), QStringLiteral("@daily")), entry(QStringLiteral("b"), QStringLiteral("@hourly"))});
    QCOMPARE(rig.scheduler.names(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    rig.scheduler.setEntries({entry(QStringLiteral("b"), QStringLiteral("@hourly"))});
    QCOMPARE(rig.scheduler.names(), QStringList{QStringLiteral("b")});
    QVERIFY(!rig.scheduler.nextDue(QStringLiteral("a")).isValid());
    Rig again(&clock, state);
    QString error;
    QVERIFY(again.scheduler.loadState(&error));
    QCOMPARE(again.scheduler.names(), QStringList{QStringLiteral("b")});
}

void TestScheduler::dueTogetherInTimeOrder()
{
    MockClock clock(utc("2026-01-15T09:00:00"));
    Rig rig(&clock);
    rig.scheduler.setEntries({entry(QStringLiteral("a-late"), QStringLiteral("0 14 * * *")),
                              entry(QStringLiteral("b-early"), QStringLiteral("0 11 * * *")),
                              entry(QStringLiteral("c-not-yet"), QStringLiteral("0 20 * * *"))});
    clock.set(utc("2026-01-15T15:00:00"));
    rig.scheduler.check();
    QCOMPARE(rig.take(), (QStringList{QStringLiteral("b-early@2026-01-15T11:00:00Z late"),
                                      QStringLiteral("a-late@2026-01-15T14:00:00Z late")}));
}

void TestScheduler::daylightSavingNightsFireOnce_data()
{
    QTest::addColumn<QString>("cron");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("Berlin spring, 02:30 skipped")
        << "30 2 * * *" << QByteArray("Europe/Berlin") << utc("2026-03-28T00:00:00")
        << QStringList{QStringLiteral("p@2026-03-28T01:30:00Z"), QStringLiteral("p@2026-03-29T01:30:00Z"),
                       QStringLiteral("p@2026-03-30T00:30:00Z")};
    QTest::newRow("Berlin autumn, 02:30 twice")
        << "30 2 * * *" << QByteArray("Europe/Berlin") << utc("2026-10-24T00:00:00")
        << QStringList{QStringLiteral("p@2026-10-24T00:30:00Z"), QStringLiteral("p@2026-10-25T00:30:00Z"),
                       QStringLiteral("p@2026-10-26T01:30:00Z")};
    QTest::newRow("New York autumn, 01:30 twice")
        << "30 1 * * *" << QByteArray("America/New_York") << utc("2026-10-31T00:00:00")
        << QStringList{QStringLiteral("p@2026-10-31T05:30:00Z"), QStringLiteral("p@2026-11-01T05:30:00Z"),
                       QStringLiteral("p@2026-11-02T06:30:00Z")};
}

void TestScheduler::daylightSavingNightsFireOnce()
{
    // The clock walks over three nights minute by minute: one run a night, at the moments the zone gives.
    QFETCH(QString, cron);
    QFETCH(QByteArray, zone);
    QFETCH(QDateTime, from);
    QFETCH(QStringList, expected);
    MockClock clock(from);
    Rig rig(&clock);
    rig.scheduler.setEntries({entry(QStringLiteral("p"), cron, zone)});
    for (int minute = 0; minute < 3 * 24 * 60; ++minute) {
        clock.advance(60);
        rig.scheduler.check();
    }
    QCOMPARE(rig.take(), expected);
    QVERIFY(rig.notices.isEmpty());
}

void TestScheduler::brokenStateIsNamed_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("error");
    QTest::newRow("truncated") << QByteArray(R"({"format": "trialbridge.schedule-state/1", "pipe)")
                               << "invalid JSON at offset 49: unterminated string";
    QTest::newRow("empty") << QByteArray() << "invalid JSON at offset 0";
    QTest::newRow("not an object") << QByteArray(R"(["trialbridge.schedule-state/1"])")
                                   << "a schedule state must be a JSON object";
    QTest::newRow("another format") << QByteArray(R"({"format": "trialbridge.pipeline/1"})")
                                    << R"(format: expected "trialbridge.schedule-state/1")";
    QTest::newRow("no basis") << QByteArray(R"({"format": "trialbridge.schedule-state/1",
        "pipelines": {"nightly": {"cron": "0 2 * * *", "timeZone": "UTC"}}})")
                              << "pipelines.nightly: needs \"cron\", \"timeZone\" and \"basis\" (a UTC time)";
    QTest::newRow("local basis") << QByteArray(R"({"format": "trialbridge.schedule-state/1",
        "pipelines": {"nightly": {"cron": "0 2 * * *", "timeZone": "UTC", "basis": "2026-01-16T02:00:00"}}})")
                                 << "pipelines.nightly: needs";
}

void TestScheduler::brokenStateIsNamed()
{
    // A state it cannot read: said, naming the file and the place, and every schedule counts from now (nothing
    // runs at once, nothing runs twice).
    QFETCH(QByteArray, content);
    QFETCH(QString, error);
    QTemporaryDir dir;
    const QString state = dir.filePath(QStringLiteral("state.json"));
    QFile f(state);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    MockClock clock(utc("2026-01-16T09:00:00"));
    Rig rig(&clock, state);
    QString message;
    QVERIFY(!rig.scheduler.loadState(&message));
    QVERIFY2(message.startsWith(state + QStringLiteral(": ")), qPrintable(message));
    QVERIFY2(message.contains(error), qPrintable(message));
    QVERIFY2(message.endsWith(QStringLiteral("; every schedule counts from now")), qPrintable(message));
    rig.scheduler.setEntries({entry(QStringLiteral("nightly"), QStringLiteral("0 2 * * *"))});
    rig.scheduler.check();
    QVERIFY(rig.take().isEmpty());
    QCOMPARE(rig.scheduler.nextDue(QStringLiteral("nightly")), utc("2026-01-17T02:00:00"));
    // And the file is written anew.
    Rig again(&clock, state);
    QVERIFY(again.scheduler.loadState(&message));
    QCOMPARE(again.scheduler.names(), QStringList{QStringLiteral("nightly")});
}

void TestScheduler::unwritableStateIsSaid()
{
    MockClock clock(utc("2026-01-15T09:00:00"));
    Rig rig(&clock, QStringLiteral("/nonexistent-folder/state.json"));
    rig.scheduler.setEntries({entry(QStringLiteral("p"), QStringLiteral("@hourly"))});
    QCOMPARE(rig.notices.size(), 1);
    QVERIFY2(rig.notices.first().startsWith(QStringLiteral("/nonexistent-folder/state.json: cannot write")),
             qPrintable(rig.notices.first()));
    // Schedules still run.
    clock.set(utc("2026-01-15T10:00:00"));
    rig.scheduler.check();
    QCOMPARE(rig.take(), QStringList{QStringLiteral("p@2026-01-15T10:00:00Z")});
}

void TestScheduler::timerLooksAtTheClock()
{
    // Started, the scheduler looks at the clock by itself: within its poll interval after the clock moves.
    MockClock clock(utc("2026-01-15T09:00:00"));
    Scheduler scheduler(Scheduler::Options{&clock, {}, 86400, 20});
    QSignalSpy due(&scheduler, &Scheduler::due);
    scheduler.setEntries({entry(QStringLiteral("p"), QStringLiteral("0 2 * * *"))});
    scheduler.start();
    QVERIFY(!due.wait(100));
    clock.set(utc("2026-01-16T02:00:00"));
    QVERIFY(due.wait(2000));
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.first().at(0).toString(), QStringLiteral("p"));
    scheduler.stop();
    clock.set(utc("2026-01-17T02:00:00"));
    QVERIFY(!due.wait(100));
}

void TestScheduler::schedulesFromAWorkspace()
{
    QTemporaryDir dir;
    auto write = [&](const QString& name, const QByteArray& schedule) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": "trialbridge.pipeline/1", "name": "x", "study": "demo.study.json",
                    "target": {"kind": "sqlite", "database": "ctms.db"},
                    "steps": [{"mapping": "subjects.mapping.json", "source": "edc/subjects.csv"}])"
                + (schedule.isEmpty() ? QByteArray() : ", \"schedule\": " + schedule) + "}");
    };
    write(QStringLiteral("nightly.pipeline.json"), R"({"cron": "30 2 * * *", "timeZone": "Europe/Berlin"})");
    write(QStringLiteral("paused.pipeline.json"), R"({"cron": "@hourly", "enabled": false})");
    write(QStringLiteral("manual.pipeline.json"), {});
    write(QStringLiteral("broken.pipeline.json"), R"({"cron": "30 2 * *"})");
    QStringList problems;
    const QVector<Scheduler::Entry> entries = Scheduler::fromWorkspace(dir.path(), &problems);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().name, QStringLiteral("nightly"));
    QCOMPARE(entries.first().pipelinePath, dir.filePath(QStringLiteral("nightly.pipeline.json")));
    QCOMPARE(entries.first().schedule.text(), QStringLiteral("30 2 * * *"));
    QCOMPARE(entries.first().schedule.timeZone().id(), QByteArray("Europe/Berlin"));
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().startsWith(dir.filePath(QStringLiteral("broken.pipeline.json: schedule.cron: "))),
             qPrintable(problems.first()));
}

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
