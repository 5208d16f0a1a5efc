#include "schedule/CronSchedule.h"

#include "TestSupport.h"

#include <QtTest>

using tb::core::CronSchedule;
using tb::test::utc;

namespace {

CronSchedule parsed(const QString& text, const QByteArray& zone = "UTC")
{
    CronSchedule c;
    QString error;
    if (!CronSchedule::parse(text, QTimeZone(zone), &c, &error))
        qFatal("%s", qPrintable(error));
    return c;
}

} // namespace

class TestCronSchedule : public QObject
{
    Q_OBJECT

private slots:
    void invalidExpressionsNameTheirPlace_data();
    void invalidExpressionsNameTheirPlace();
    void nextOccurrence_data();
    void nextOccurrence();
    void daylightSavingNights_data();
    void daylightSavingNights();
    void wildcardHoursFollowRealMinutes_data();
    void wildcardHoursFollowRealMinutes();
    void unknownZoneIsRefused();
};

void TestCronSchedule::invalidExpressionsNameTheirPlace_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("minute 61") << "61 * * * *" << "minute at column 1: 61 is outside 0-59";
    QTest::newRow("hour 24") << "0 24 * * *" << "hour at column 3: 24 is outside 0-23";
    QTest::newRow("day 0") << "0 0 0 * *" << "day-of-month at column 5: 0 is outside 1-31";
    QTest::newRow("month 13") << "0 0 1 13 *" << "month at column 7: 13 is outside 1-12 or JAN-DEC";
    QTest::newRow("weekday 8") << "0 0 * * 8" << "day-of-week at column 9: 8 is outside 0-7 or SUN-SAT";
    QTest::newRow("huge number") << "99999999999 * * * *" << "minute at column 1: 99999999999 is outside 0-59";
    QTest::newRow("range end out") << "0 1-25 * * *" << "hour at column 5: 25 is outside 0-23";
    QTest::newRow("backwards") << "0 5-1 * * *" << "hour at column 3: the range 5-1 runs backwards";
    QTest::newRow("step 0") << "*/0 * * * *" << "minute at column 3: the step '0' must be a whole number from 1 to 60";
    QTest::newRow("step too big") << "0 */25 * * *" << "hour at column 5: the step '25' must be a whole number from 1 to 24";
    QTest::newRow("step text") << "0 */x * * *" << "hour at column 5: the step 'x'";
    QTest::newRow("empty item") << "1,,2 * * * *" << "minute at column 3: an empty list item";
    QTest::newRow("trailing comma") << "0 1, * * *" << "hour at column 5: an empty list item";
    QTest::newRow("letters") << "a * * * *" << "minute at column 1: 'a' is not a value";
    QTest::newRow("quartz ?") << "0 0 ? * MON" << "day-of-month at column 5: '?' is not a value";
    QTest::newRow("name in minutes") << "MON * * * *" << "minute at column 1: 'MON' is not a value";
    QTest::newRow("unknown month") << "0 0 1 FOO *" << "month at column 7: 'FOO' is not a value; use 1-12 or JAN-DEC";
    QTest::newRow("bad range end") << "0 0 * * MON-XYZ" << "day-of-week at column 13: 'XYZ' is not a value";
    QTest::newRow("leading blanks move columns") << "   61 * * * *" << "minute at column 4: 61 is outside 0-59";
    QTest::newRow("tab between fields") << "0\t24 * * *" << "hour at column 3: 24 is outside 0-23";
    QTest::newRow("four fields") << "0 2 * *" << "expected five fields (minute hour day-of-month month day-of-week), found 4";
    QTest::newRow("six fields") << "0 0 2 * * *" << "found 6";
    QTest::newRow("empty") << "" << "found 0";
    QTest::newRow("blank") << "   " << "found 0";
    QTest::newRow("30 February") << "0 0 30 2 *" << "day-of-month 30 never falls in month 2: the schedule would never fire";
    QTest::newRow("31 in short months") << "0 0 31 4,6,9,11 *" << "day-of-month 31 never falls in month 4,6,9,11";
    QTest::newRow("never with weekday star") << "0 0 30-31 FEB */2" << "never falls in month FEB";
    QTest::newRow("unknown shorthand") << "@reboot" << "'@reboot' is not a shorthand";
    QTest::newRow("shorthand with fields") << "@daily 5" << "'@daily 5' is not a shorthand";
}

void TestCronSchedule::invalidExpressionsNameTheirPlace()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    CronSchedule c;
    QString message;
    QVERIFY(!CronSchedule::parse(text, QTimeZone::utc(), &c, &message));
    QVERIFY(!c.isValid());
    QVERIFY2(message.startsWith(QStringLiteral("cron \"%1\": ").arg(text)), qPrintable(message));
    QVERIFY2(message.contains(error), qPrintable(message));
}

void TestCronSchedule::nextOccurrence_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("after");
    QTest::addColumn<QDateTime>("expected");
    // 2026-01-15 is a Thursday.
    QTest::newRow("every minute") << "* * * * *" << utc("2026-01-15T09:00:30") << utc("2026-01-15T09:01:00");
    QTest::newRow("strictly after") << "*/15 * * * *" << utc("2026-01-15T09:00:00") << utc("2026-01-15T09:15:00");
    QTest::newRow("daily, tomorrow") << "0 2 * * *" << utc("2026-01-15T03:00:00") << utc("2026-01-16T02:00:00");
    QTest::newRow("weekdays from Saturday") << "30 8 * * MON-FRI" << utc("2026-01-17T10:00:00") << utc("2026-01-19T08:30:00");
    QTest::newRow("first of the month") << "0 0 1 * *" << utc("2026-01-31T12:00:00") << utc("2026-02-01T00:00:00");
    QTest::newRow("29 February") << "0 0 29 2 *" << utc("2026-01-01T00:00:00") << utc("2028-02-29T00:00:00");
    QTest::newRow("29 February after 2096") << "0 0 29 2 *" << utc("2096-03-01T00:00:00") << utc("2104-02-29T00:00:00");
    QTest::newRow("day or weekday") << "0 0 13 * FRI" << utc("2026-01-14T12:00:00") << utc("2026-01-16T00:00:00");
    QTest::newRow("day and weekday (*/2)") << "0 0 */2 * FRI" << utc("2026-01-15T00:00:00") << utc("2026-01-23T00:00:00");
    QTest::newRow("@weekly") << "@weekly" << utc("2026-01-15T00:00:00") << utc("2026-01-18T00:00:00");
    QTest::newRow("@yearly") << "@Yearly" << utc("2026-01-15T00:00:00") << utc("2027-01-01T00:00:00");
    QTest::newRow("@hourly") << "@hourly" << utc("2026-01-15T09:00:00") << utc("2026-01-15T10:00:00");
    QTest::newRow("@midnight") << "@midnight" << utc("2026-01-15T09:00:00") << utc("2026-01-16T00:00:00");
    QTest::newRow("@monthly") << "@monthly" << utc("2026-01-15T09:00:00") << utc("2026-02-01T00:00:00");
    QTest::newRow("names any case") << "0 12 * JAN,jul sun" << utc("2026-01-15T00:00:00") << utc("2026-01-18T12:00:00");
    QTest::newRow("July from January") << "0 12 1 jul *" << utc("2026-01-15T00:00:00") << utc("2026-07-01T12:00:00");
    QTest::newRow("start/step") << "5/20 * * * *" << utc("2026-01-15T09:06:00") << utc("2026-01-15T09:25:00");
    QTest::newRow("range/step") << "0 8-18/5 * * *" << utc("2026-01-15T13:00:00") << utc("2026-01-15T18:00:00");
    QTest::newRow("7 is Sunday") << "0 0 * * 7" << utc("2026-01-15T00:00:00") << utc("2026-01-18T00:00:00");
    QTest::newRow("list and range") << "0 0 * * 1,3-4" << utc("2026-01-15T00:00:00") << utc("2026-01-19T00:00:00");
    QTest::newRow("end of year") << "59 23 31 12 *" << utc("2026-01-15T00:00:00") << utc("2026-12-31T23:59:00");
    QTest::newRow("over the year's end") << "0 0 1 1 *" << utc("2026-12-31T23:59:59") << utc("2027-01-01T00:00:00");
    QTest::newRow("milliseconds") << "* * * * *" << utc("2026-01-15T09:00:59.999") << utc("2026-01-15T09:01:00");
}

void TestCronSchedule::nextOccurrence()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, after);
    QFETCH(QDateTime, expected);
    const CronSchedule c = parsed(text);
    QCOMPARE(c.next(after), expected);
    QVERIFY(c.matchesWallClock(expected));
    // Every moment from after up to the occurrence leads to it.
    QCOMPARE(c.next(expected.addSecs(-1)), expected);
}

void TestCronSchedule::daylightSavingNights_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDateTime>("after");
    QTest::addColumn<QList<QDateTime>>("expected"); // the occurrences that follow, in UTC
    // Europe/Berlin: 2026-03-29 02:00 CET becomes 03:00 CEST; 2026-10-25 03:00 CEST becomes 02:00 CET.
    QTest::newRow("skipped 02:30 fires at 03:30")
        << "30 2 * * *" << QByteArray("Europe/Berlin") << utc("2026-03-28T12:00:00")
        << QList<QDateTime>{utc("2026-03-29T01:30:00"), utc("2026-03-30T00:30:00")};
    QTest::newRow("repeated 02:30 fires once")
        << "30 2 * * *" << QByteArray("Europe/Berlin") << utc("2026-10-24T12:00:00")
        << QList<QDateTime>{utc("2026-10-25T00:30:00"), utc("2026-10-26T01:30:00")};
    QTest::newRow("hourly in the repeated hour fires twice")
        << "30 * * * *" << QByteArray("Europe/Berlin") << utc("2026-10-24T23:00:00")
        << QList<QDateTime>{utc("2026-10-24T23:30:00"), utc("2026-10-25T00:30:00"), utc("2026-10-25T01:30:00"),
                            utc("2026-10-25T02:30:00")};
    QTest::newRow("hourly over the skipped hour fires once an hour")
        << "0 * * * *" << QByteArray("Europe/Berlin") << utc("2026-03-28T23:30:00")
        << QList<QDateTime>{utc("2026-03-29T00:00:00"), utc("2026-03-29T01:00:00"), utc("2026-03-29T02:00:00")};
    QTest::newRow("every 20 minutes over the skipped hour")
        << "*/20 * * * *" << QByteArray("Europe/Berlin") << utc("2026-03-29T00:30:00")
        << QList<QDateTime>{utc("2026-03-29T00:40:00"), utc("2026-03-29T01:00:00"), utc("2026-03-29T01:20:00")};
    // America/New_York: 2026-03-08 02:00 EST becomes 03:00 EDT; 2026-11-01 02:00 EDT becomes 01:00 EST.
    QTest::newRow("New York skipped 02:30")
        << "30 2 * * *" << QByteArray("America/New_York") << utc("2026-03-07T12:00:00")
        << QList<QDateTime>{utc("2026-03-08T07:30:00"), utc("2026-03-09T06:30:00")};
    QTest::newRow("New York repeated 01:30")
        << "30 1 * * *" << QByteArray("America/New_York") << utc("2026-10-31T12:00:00")
        << QList<QDateTime>{utc("2026-11-01T05:30:00"), utc("2026-11-02T06:30:00")};
    QTest::newRow("New York weekdays keep local time over the change")
        << "0 9 * * MON-FRI" << QByteArray("America/New_York") << utc("2026-03-06T15:00:00")
        << QList<QDateTime>{utc("2026-03-09T13:00:00"), utc("2026-03-10T13:00:00")};
    QTest::newRow("half-hour zone") << "0 9 * * *" << QByteArray("Asia/Kolkata") << utc("2026-01-15T00:00:00")
                                    << QList<QDateTime>{utc("2026-01-15T03:30:00"), utc("2026-01-16T03:30:00")};
    // Lord Howe Island moves its clocks by half an hour: 2026-10-04 02:00 becomes 02:30.
    QTest::newRow("half-hour change") << "15 2 * * *" << QByteArray("Australia/Lord_Howe")
                                      << utc("2026-10-03T10:00:00")
                                      << QList<QDateTime>{utc("2026-10-03T15:45:00"), utc("2026-10-04T15:15:00")};
    // A zone east of UTC whose local day starts the day before in UTC.
    QTest::newRow("Auckland midnight") << "0 0 * * *" << QByteArray("Pacific/Auckland") << utc("2026-01-15T00:00:00")
                                       << QList<QDateTime>{utc("2026-01-15T11:00:00"), utc("2026-01-16T11:00:00")};
}

void TestCronSchedule::daylightSavingNights()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, zone);
    QFETCH(QDateTime, after);
    QFETCH(QList<QDateTime>, expected);
    const CronSchedule c = parsed(text, zone);
    QDateTime t = after;
    for (const QDateTime& e : expected) {
        t = c.next(t);
        QCOMPARE(t, e);
    }
}

void TestCronSchedule::wildcardHoursFollowRealMinutes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDateTime>("from");
    QTest::newRow("Berlin spring, every 7 min") << "*/7 * * * *" << QByteArray("Europe/Berlin") << utc("2026-03-28T12:00:00");
    QTest::newRow("Berlin autumn, every 7 min") << "*/7 * * * *" << QByteArray("Europe/Berlin") << utc("2026-10-24T12:00:00");
    QTest::newRow("New York autumn, minutes 0,45") << "0,45 * * * *" << QByteArray("America/New_York") << utc("2026-10-31T12:00:00");
    QTest::newRow("Lord Howe, hourly") << "0 * * * *" << QByteArray("Australia/Lord_Howe") << utc("2026-04-04T00:00:00");
    QTest::newRow("UTC, weekday hours") << "10 */3 * * MON-FRI" << QByteArray("UTC") << utc("2026-01-15T00:00:00");
    QTest::newRow("UTC, 29 February") << "*/30 */2 29 2 *" << QByteArray("UTC") << utc("2028-02-27T00:00:00");
}

void TestCronSchedule::wildcardHoursFollowRealMinutes()
{
    // With a wildcard hour the schedule counts real time: over three days, its occurrences are exactly the
    // real minutes whose wall-clock time it names (every real minute looked at one by one).
    QFETCH(QString, text);
    QFETCH(QByteArray, zone);
    QFETCH(QDateTime, from);
    const CronSchedule c = parsed(text, zone);
    QList<QDateTime> brute;
    for (QDateTime t = from.addSecs(60); t <= from.addDays(3); t = t.addSecs(60))
        if (c.matchesWallClock(t))
            brute << t;
    QList<QDateTime> chain;
    for (QDateTime t = c.next(from); t <= from.addDays(3); t = c.next(t))
        chain << t;
    QVERIFY(!brute.isEmpty());
    QCOMPARE(chain, brute);
}

void TestCronSchedule::unknownZoneIsRefused()
{
    CronSchedule c;
    QString error;
    QVERIFY(!CronSchedule::parse(QStringLiteral("0 2 * * *"), QTimeZone("Mars/Olympus"), &c, &error));
    QCOMPARE(error, QStringLiteral("cron \"0 2 * * *\": the time zone is not known"));
    QVERIFY(!c.next(QDateTime::currentDateTimeUtc()).isValid());
}

QTEST_GUILESS_MAIN(TestCronSchedule)
#include "tst_cronschedule.moc"
