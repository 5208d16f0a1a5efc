#include "model/PartialDate.h"

#include <QDateTime>
#include <QtTest>

using tb::core::PartialDate;
using Precision = tb::core::PartialDate::Precision;

Q_DECLARE_METATYPE(Precision)

class TestPartialDate : public QObject
{
    Q_OBJECT

private slots:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void fromDate();
    void compare_data();
    void compare();
    void julianDay_data();
    void julianDay();
    void secsSinceEpoch_data();
    void secsSinceEpoch();
};

void TestPartialDate::parseValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Precision>("precision");
    QTest::addColumn<QList<int>>("parts"); // year, month, day, hour, minute, second

    QTest::newRow("year") << "2013" << Precision::Year << QList<int>{2013, 0, 0, 0, 0, 0};
    QTest::newRow("month") << "2013-05" << Precision::Month << QList<int>{2013, 5, 0, 0, 0, 0};
    QTest::newRow("day") << "2013-05-14" << Precision::Day << QList<int>{2013, 5, 14, 0, 0, 0};
    QTest::newRow("minute") << "2013-05-14T08:30Z" << Precision::Minute << QList<int>{2013, 5, 14, 8, 30, 0};
    QTest::newRow("second") << "2013-05-14T23:59:59Z" << Precision::Second
                            << QList<int>{2013, 5, 14, 23, 59, 59};
    QTest::newRow("midnight") << "2013-12-31T00:00Z" << Precision::Minute
                              << QList<int>{2013, 12, 31, 0, 0, 0};
    QTest::newRow("leap day") << "2024-02-29" << Precision::Day << QList<int>{2024, 2, 29, 0, 0, 0};
    QTest::newRow("leap day 2000") << "2000-02-29" << Precision::Day << QList<int>{2000, 2, 29, 0, 0, 0};
    QTest::newRow("year 1") << "0001-01-01" << Precision::Day << QList<int>{1, 1, 1, 0, 0, 0};
}

void TestPartialDate::parseValid()
{
    QFETCH(QString, text);
    QFETCH(Precision, precision);
    QFETCH(QList<int>, parts);

    const auto d = PartialDate::parse(text);
    QVERIFY(d);
    QCOMPARE(d->precision(), precision);
    QCOMPARE((QList<int>{d->year(), d->month(), d->day(), d->hour(), d->minute(), d->second()}), parts);
    QCOMPARE(d->isComplete(), precision >= Precision::Day);
    QCOMPARE(d->hasTime(), precision >= Precision::Minute);
    // Canonical text survives the round trip unchanged.
    QCOMPARE(d->toString(), text);
}

void TestPartialDate::parseInvalid_data()
{
    QTest::addColumn<QString>("text");

    for (const char* s : {"",
                          "13",
                          "201",
                          "20130",
                          "2013-",
                          "2013-5",
                          "2013-00",
                          "2013-13",
                          "2013/05",
                          "2013-05-",
                          "2013-05-1",
                          "2013-05-00",
                          "2013-05-32",
                          "2013-04-31",
                          "2023-02-29",
                          "1900-02-29",
                          "20130514",
                          "2013-05-14Z",
                          "2013-05-14T",
                          "2013-05-14T08:30",
                          "2013-05-14 08:30Z",
                          "2013-05-14t08:30Z",
                          "2013-05-14T8:30Z",
                          "2013-05-14T08Z",
                          "2013-05-14T24:00Z",
                          "2013-05-14T08:60Z",
                          "2013-05-14T08:30:60Z",
                          "2013-05-14T08:30:1Z",
                          "2013-05-14T08:30:15",
                          "2013-05-14T08:30:15.5Z",
                          "2013-05-14T08:30+01:00",
                          "2013-05-14T08:30ZZ",
                          " 2013",
                          "2013 ",
                          "-2013",
                          "UN-05-2013",
                          "2013-UN",
                          "２０１３"})
        QTest::newRow(*s ? s : "empty") << QString::fromUtf8(s);
}

void TestPartialDate::parseInvalid()
{
    QFETCH(QString, text);
    const auto d = PartialDate::parse(text);
    QVERIFY2(!d, qPrintable(d ? d->toString() : QString()));
}

void TestPartialDate::fromDate()
{
    const PartialDate d = PartialDate::fromDate(2024, 3, 5);
    QCOMPARE(d.precision(), Precision::Day);
    QCOMPARE(d.toString(), QStringLiteral("2024-03-05"));
    QCOMPARE(PartialDate::compare(d, *PartialDate::parse(u"2024-03-05")), std::optional<int>(0));
    QCOMPARE(PartialDate::fromDate(987, 1, 2).toString(), QStringLiteral("0987-01-02"));
}

void TestPartialDate::compare_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("expected"); // "-1", "0", "1", or "none" when the precision cannot decide

    auto row = [](const char* a, const char* b, const char* expected) {
        QTest::addRow("%s vs %s", a, b) << a << b << expected;
    };
    row("2013-05-14", "2013-05-15", "-1");
    row("2013-05-14", "2013-05-14", "0");
    row("1999-12-31", "2000-01-01", "-1");
    row("2013-06-01", "2013-05-31", "1");
    // Partial against complete: decided where the known parts differ, otherwise indeterminate.
    row("2013-05", "2013-05-14", "none");
    row("2013-05-14", "2013-05", "none");
    row("2013-04", "2013-05-14", "-1");
    row("2013-06", "2013-05-14", "1");
    row("2013", "2013-05", "none");
    row("2013", "2013-12-31", "none");
    row("2012", "2013-01-01", "-1");
    row("2014", "2013-12-31", "1");
    row("2013-05", "2013-05", "0");
    row("2013", "2013", "0");
    row("2013-05", "2013-06", "-1");
    // Date-times.
    row("2013-05-14T08:30Z", "2013-05-14T09:00Z", "-1");
    row("2013-05-14T08:30Z", "2013-05-14T08:30Z", "0");
    row("2013-05-14T08:30:15Z", "2013-05-14T08:30:14Z", "1");
    row("2013-05-14T08:30:15Z", "2013-05-14T08:30:15Z", "0");
    row("2013-05-14T08:30Z", "2013-05-14T08:30:15Z", "none");
    row("2013-05-14T08:31Z", "2013-05-14T08:30:59Z", "1");
    // A date against a date-time: only another day decides.
    row("2013-05-14", "2013-05-14T08:30Z", "none");
    row("2013-05-13", "2013-05-14T00:00Z", "-1");
    row("2013-05-14T23:59Z", "2013-05-15", "-1");
    row("2013-05", "2013-05-14T08:30Z", "none");
}

void TestPartialDate::compare()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, expected);
    const auto da = PartialDate::parse(a), db = PartialDate::parse(b);
    QVERIFY(da && db);
    const auto ab = PartialDate::compare(*da, *db);
    const auto ba = PartialDate::compare(*db, *da);
    QCOMPARE(ab ? QString::number(*ab) : QStringLiteral("none"), expected);
    // The other way round gives the opposite answer (or is indeterminate too).
    QCOMPARE(ba ? QString::number(*ba) : QStringLiteral("none"),
             ab ? QString::number(-*ab) : QStringLiteral("none"));
}

void TestPartialDate::julianDay_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("julianDay");

    QTest::newRow("Unix epoch") << "1970-01-01" << qint64(2440588);
    QTest::newRow("J2000") << "2000-01-01" << qint64(2451545);
    QTest::newRow("leap day") << "2024-02-29" << qint64(2451545 + 8825);
    QTest::newRow("after the leap day") << "2024-03-01" << qint64(2451545 + 8826);
    QTest::newRow("time is ignored") << "2000-01-01T23:59Z" << qint64(2451545);
    QTest::newRow("month only") << "2013-05" << qint64(0);
    QTest::newRow("year only") << "2013" << qint64(0);
}

void TestPartialDate::julianDay()
{
    QFETCH(QString, text);
    QFETCH(qint64, julianDay);
    const auto d = PartialDate::parse(text);
    QVERIFY(d);
    QCOMPARE(d->julianDay(), julianDay);
}

void TestPartialDate::secsSinceEpoch_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("utc");

    QTest::newRow("epoch") << "1970-01-01T00:00Z" << QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("seconds") << "1970-01-02T00:00:01Z"
                             << QDateTime(QDate(1970, 1, 2), QTime(0, 0, 1), Qt::UTC);
    QTest::newRow("2024") << "2024-03-05T09:30:15Z"
                          << QDateTime(QDate(2024, 3, 5), QTime(9, 30, 15), Qt::UTC);
    QTest::newRow("before 1970") << "1969-12-31T23:00Z"
                                 << QDateTime(QDate(1969, 12, 31), QTime(23, 0), Qt::UTC);
}

void TestPartialDate::secsSinceEpoch()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, utc);
    const auto d = PartialDate::parse(text);
    QVERIFY(d);
    QCOMPARE(d->secsSinceEpoch(), utc.toSecsSinceEpoch());
}

QTEST_GUILESS_MAIN(TestPartialDate)
#include "tst_partialdate.moc"
