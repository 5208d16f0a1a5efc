// `trialbridge-cli schedule`: the next occurrences of an expression in a zone, daylight-saving nights marked; the
// workspace's schedules with their next runs; every wrong argument refused with exit 2 and what to give instead.

#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using tb::test::runCli;
using tb::test::writeFile;

class TestScheduleCli : public QObject
{
    Q_OBJECT

private slots:
    void nextOccurrences_data();
    void nextOccurrences();
    void nextAsJson();
    void refusals_data();
    void refusals();
    void listsTheWorkspace();
};

void TestScheduleCli::nextOccurrences_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("output");
    QTest::newRow("Berlin, spring forward")
        << QStringList{QStringLiteral("30 2 * * *"), QStringLiteral("--time-zone"), QStringLiteral("Europe/Berlin"),
                       QStringLiteral("--after"), QStringLiteral("2026-03-27T12:00:00Z"), QStringLiteral("--count"),
                       QStringLiteral("3")}
        << "2026-03-28 02:30 +01:00 (2026-03-28T01:30:00Z)\n"
           "2026-03-29 03:30 +02:00 (2026-03-29T01:30:00Z)  moved: the time it names does not exist that night\n"
           "2026-03-30 02:30 +02:00 (2026-03-30T00:30:00Z)\n";
    QTest::newRow("Berlin, fall back, every half hour")
        << QStringList{QStringLiteral("*/30 * * * *"), QStringLiteral("--time-zone"), QStringLiteral("Europe/Berlin"),
                       QStringLiteral("--after"), QStringLiteral("2026-10-25T02:10:00+02:00"), QStringLiteral("--count"),
                       QStringLiteral("4")}
        << "2026-10-25 02:30 +02:00 (2026-10-25T00:30:00Z)\n"
           "2026-10-25 02:00 +01:00 (2026-10-25T01:00:00Z)\n"
           "2026-10-25 02:30 +01:00 (2026-10-25T01:30:00Z)\n"
           "2026-10-25 03:00 +01:00 (2026-10-25T02:00:00Z)\n";
    QTest::newRow("a wall-clock start in the zone")
        << QStringList{QStringLiteral("@daily"), QStringLiteral("--time-zone"), QStringLiteral("Asia/Kolkata"),
                       QStringLiteral("--after"), QStringLiteral("2026-01-15T23:59:00"), QStringLiteral("--count"),
                       QStringLiteral("1")}
        << "2026-01-16 00:00 +05:30 (2026-01-15T18:30:00Z)\n";
}

void TestScheduleCli::nextOccurrences()
{
    QFETCH(QStringList, args);
    QFETCH(QString, output);
    const auto r = runCli(QStringList{QStringLiteral("schedule"), QStringLiteral("next")} + args);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QString::fromUtf8(r.out), output);
}

void TestScheduleCli::nextAsJson()
{
    const auto r = runCli({QStringLiteral("schedule"), QStringLiteral("next"), QStringLiteral("30 2 * * *"),
                           QStringLiteral("--time-zone"), QStringLiteral("America/New_York"), QStringLiteral("--after"),
                           QStringLiteral("2026-03-07T12:00:00Z"), QStringLiteral("--count"), QStringLiteral("2"),
                           QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QLatin1String("timeZone")).toString(), QStringLiteral("America/New_York"));
    const QJsonArray list = o.value(QLatin1String("occurrences")).toArray();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[0].toObject().value(QLatin1String("utc")).toString(), QStringLiteral("2026-03-08T07:30:00Z"));
    QCOMPARE(list[0].toObject().value(QLatin1String("local")).toString(), QStringLiteral("2026-03-08T03:30:00-04:00"));
    QVERIFY(list[0].toObject().value(QLatin1String("movedByDaylightSaving")).toBool());
    QCOMPARE(list[1].toObject().value(QLatin1String("utc")).toString(), QStringLiteral("2026-03-09T06:30:00Z"));
    QVERIFY(!list[1].toObject().value(QLatin1String("movedByDaylightSaving")).toBool());
}

void TestScheduleCli::refusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("hour 25") << QStringList{QStringLiteral("next"), QStringLiteral("30 25 * * *")}
                             << "cron \"30 25 * * *\": hour at column 4: 25 is outside 0-23";
    QTest::newRow("unknown zone") << QStringList{QStringLiteral("next"), QStringLiteral("@daily"),
                                                 QStringLiteral("--time-zone"), QStringLiteral("Mars/Olympus")}
                                  << "--time-zone 'Mars/Olympus' is not a known IANA time zone";
    QTest::newRow("count 0") << QStringList{QStringLiteral("next"), QStringLiteral("@daily"), QStringLiteral("--count"),
                                            QStringLiteral("0")}
                             << "--count takes a whole number from 1 to 1000";
    QTest::newRow("count text") << QStringList{QStringLiteral("next"), QStringLiteral("@daily"),
                                               QStringLiteral("--count"), QStringLiteral("many")}
                                << "--count takes a whole number";
    QTest::newRow("bad start") << QStringList{QStringLiteral("next"), QStringLiteral("@daily"),
                                              QStringLiteral("--after"), QStringLiteral("yesterday")}
                               << "--after 'yesterday' is not an ISO 8601 time";
    QTest::newRow("no expression") << QStringList{QStringLiteral("next")} << "Usage: trialbridge-cli schedule list";
    QTest::newRow("unknown action") << QStringList{QStringLiteral("show")} << "Usage: trialbridge-cli schedule list";
    QTest::newRow("missing workspace") << QStringList{QStringLiteral("list"), QStringLiteral("--workspace"),
                                                      QStringLiteral("/nonexistent/ws")}
                                       << "/nonexistent/ws: no such workspace folder";
}

void TestScheduleCli::refusals()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const auto r = runCli(QStringList{QStringLiteral("schedule")} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestScheduleCli::listsTheWorkspace()
{
    QTemporaryDir ws;
    const auto demo = runCli({QStringLiteral("demo"), QStringLiteral("--out"), ws.path(), QStringLiteral("--subjects"),
                              QStringLiteral("10"), QStringLiteral("--sites"), QStringLiteral("2")});
    QVERIFY2(demo.exitCode == 0, demo.err.constData());
    // Without schedules: said, exit 0.
    auto r = runCli({QStringLiteral("schedule"), QStringLiteral("list"), QStringLiteral("--workspace"), ws.path()});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("has a schedule"), r.out.constData());
    QJsonObject pipeline = QJsonDocument::fromJson(tb::test::readFile(ws.filePath(QStringLiteral("demo.pipeline.json")))).object();
    pipeline.insert(QStringLiteral("schedule"), QJsonObject{{QStringLiteral("cron"), QStringLiteral("30 2 * * *")},
                                                            {QStringLiteral("timeZone"), QStringLiteral("Europe/Berlin")}});
    writeFile(ws.path(), QStringLiteral("nightly.pipeline.json"), QJsonDocument(pipeline).toJson());
    pipeline.insert(QStringLiteral("schedule"), QJsonObject{{QStringLiteral("cron"), QStringLiteral("@hourly")},
                                                            {QStringLiteral("timeZone"), QStringLiteral("UTC")},
                                                            {QStringLiteral("enabled"), false}});
    writeFile(ws.path(), QStringLiteral("paused.pipeline.json"), QJsonDocument(pipeline).toJson());
    pipeline.insert(QStringLiteral("schedule"), QJsonObject{{QStringLiteral("cron"), QStringLiteral("0 0 31 2 *")}});
    writeFile(ws.path(), QStringLiteral("broken.pipeline.json"), QJsonDocument(pipeline).toJson());

    r = runCli({QStringLiteral("schedule"), QStringLiteral("list"), QStringLiteral("--workspace"), ws.path()});
    QCOMPARE(r.exitCode, 1);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(QRegularExpression(QStringLiteral("^nightly: 30 2 \\* \\* \\* \\(Europe/Berlin\\), next \\d{4}-\\d\\d-\\d\\d "
                                               "02:30 \\+0[12]:00 \\(\\d{4}-\\d\\d-\\d\\dT0[01]:30:00Z\\)$"),
                                QRegularExpression::MultilineOption)
                 .match(out)
                 .hasMatch(),
             qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("\npaused: @hourly (UTC), paused\n")), qPrintable(out));
    QVERIFY2(!out.contains(QStringLiteral("demo:")), qPrintable(out)); // no schedule, not listed
    QVERIFY2(QString::fromUtf8(r.err).contains(QStringLiteral("broken.pipeline.json: schedule.cron: cron \"0 0 31 2 *\": "
                                                              "day-of-month 31 never falls in month 2")),
             r.err.constData());

    r = runCli({QStringLiteral("schedule"), QStringLiteral("list"), QStringLiteral("--workspace"), ws.path(),
                QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    const QJsonArray schedules = o.value(QLatin1String("schedules")).toArray();
    QCOMPARE(schedules.size(), 2);
    const QJsonObject nightly = schedules[0].toObject();
    QCOMPARE(nightly.value(QLatin1String("pipeline")).toString(), QStringLiteral("nightly"));
    QVERIFY(nightly.value(QLatin1String("enabled")).toBool());
    QVERIFY(QDateTime::fromString(nightly.value(QLatin1String("next")).toString(), Qt::ISODate) > QDateTime::currentDateTimeUtc());
    QVERIFY(!schedules[1].toObject().contains(QLatin1String("next")));
    QCOMPARE(o.value(QLatin1String("problems")).toArray().size(), 1);
}

QTEST_GUILESS_MAIN(TestScheduleCli)
#include "tst_schedulecli.moc"
