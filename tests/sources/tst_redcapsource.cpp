#include "FakeEdcServer.h"
#include "MockClock.h"
#include "TestSupport.h"

#include "source/http/RedcapRecordSource.h"

#include <QtTest>

using namespace tb::core;
using tb::test::FakeEdcServer;
using Fault = FakeEdcServer::Fault;

// REDCap's API through a fake REDCap serving the real longitudinal demo export (tests/data/redcap): flat and eav
// exports, data access groups, incremental pulls by dateRangeBegin, deletions from the logging export, refusals.
class TestRedcapSource : public QObject
{
    Q_OBJECT

private:
    static constexpr const char* Token = "3F2A9C0B7D1E4A6B8C0D2E4F6A8B0C1D";

    static std::unique_ptr<FakeEdcServer> makeServer()
    {
        auto s = std::make_unique<FakeEdcServer>();
        QString error;
        if (!s->start() || !s->loadRedcapCsv(tb::test::testDataPath(QStringLiteral("redcap/longitudinal-data.csv")), &error)) {
            qWarning() << error;
            return nullptr;
        }
        s->setRedcapToken(Token);
        s->setDag(QStringLiteral("100"), QStringLiteral("site_berlin"));
        s->setDag(QStringLiteral("220"), QStringLiteral("site_lyon"));
        s->setDag(QStringLiteral("304"), QStringLiteral("site_berlin"));
        s->setServerTime(QDateTime(QDate(2026, 1, 15), QTime(9, 30), Qt::UTC));
        return s;
    }
    static RestSourceConfig config(const FakeEdcServer& server, RestSourceConfig::RedcapType type = RestSourceConfig::RedcapType::Flat)
    {
        RestSourceConfig c;
        c.kind = RestSourceConfig::Kind::Redcap;
        c.url = server.url(QStringLiteral("/redcap/api/"));
        c.credential = Token;
        c.redcapType = type;
        c.policy.connectTimeoutMs = 3000;
        c.policy.transferTimeoutMs = 3000;
        return c;
    }
    struct Table
    {
        QStringList header;
        QList<QStringList> rows;
    };
    static Table readAll(RecordSource& source)
    {
        Table t{source.header(), {}};
        while (source.next()) {
            QStringList row;
            for (const QString& f : source.fields())
                row << f;
            t.rows << row;
        }
        return t;
    }
    static QString value(const Table& t, int row, const QString& column)
    {
        return t.rows.value(row).value(int(t.header.indexOf(column)));
    }

private slots:
    void flatAndEavGiveTheSameRows_data()
    {
        QTest::addColumn<QStringList>("events");
        QTest::addColumn<int>("rows");
        QTest::newRow("all") << QStringList() << 18;
        QTest::newRow("two events") << QStringList{"enrollment_arm_1", "visit_1_arm_1"} << 4;
    }
    void flatAndEavGiveTheSameRows()
    {
        QFETCH(QStringList, events);
        QFETCH(int, rows);
        auto server = makeServer();
        QVERIFY(server);
        RestSourceConfig c = config(*server);
        c.events = events;
        RedcapRecordSource flat(c);
        QVERIFY2(flat.open(QString()), qPrintable(flat.error().toString()));
        const Table f = readAll(flat);
        c.redcapType = RestSourceConfig::RedcapType::Eav;
        RedcapRecordSource eav(c);
        QVERIFY2(eav.open(QString()), qPrintable(eav.error().toString()));
        const Table e = readAll(eav);
        QCOMPARE(f.rows.size(), rows);
        QCOMPARE(e.header, f.header);
        for (int i = 0; i < f.rows.size(); ++i)
            QCOMPARE(e.rows.value(i), f.rows[i]);

        QCOMPARE(f.header.mid(0, 4), (QStringList{"study_id", "redcap_event_name", "redcap_data_access_group", "date_enrolled"}));
        QCOMPARE(f.header.last(), QStringLiteral("@where"));
        QVERIFY(f.header.contains(QStringLiteral("gym___0")));
        QVERIFY(f.header.contains(QStringLiteral("demographics_complete")));
        QCOMPARE(value(f, 0, QStringLiteral("first_name")), QStringLiteral("Zharko"));
        QCOMPARE(value(f, 0, QStringLiteral("gym___0")), QStringLiteral("1"));
        QCOMPARE(value(f, 0, QStringLiteral("gym___1")), QStringLiteral("0"));
        QCOMPARE(value(f, 0, QStringLiteral("@where")), QStringLiteral("record 100, event enrollment_arm_1"));
        for (int i = 0; i < f.rows.size() && !events.isEmpty(); ++i)
            QVERIFY(events.contains(value(f, i, QStringLiteral("redcap_event_name"))));

        // What was asked of the API.
        const auto requests = server->requests();
        const QUrlQuery form = requests.last().form();
        QCOMPARE(requests.last().method, QByteArray("POST"));
        QCOMPARE(requests.last().headers.value("content-type"), QByteArray("application/x-www-form-urlencoded"));
        QCOMPARE(form.queryItemValue(QStringLiteral("content")), QStringLiteral("record"));
        QCOMPARE(form.queryItemValue(QStringLiteral("format")), QStringLiteral("json"));
        QCOMPARE(form.queryItemValue(QStringLiteral("type")), QStringLiteral("eav"));
        QCOMPARE(form.queryItemValue(QStringLiteral("returnFormat")), QStringLiteral("json"));
        QCOMPARE(form.queryItemValue(QStringLiteral("exportDataAccessGroups")), QStringLiteral("true"));
        QVERIFY(!form.hasQueryItem(QStringLiteral("dateRangeBegin")));
        QHash<QString, QString> decoded; // names arrive percent-encoded ("events%5B0%5D")
        for (const auto& [name, v] : form.queryItems(QUrl::FullyDecoded))
            decoded.insert(name, v);
        for (int i = 0; i < events.size(); ++i)
            QCOMPARE(decoded.value(QStringLiteral("events[%1]").arg(i)), events[i]);
        QCOMPARE(decoded.contains(QStringLiteral("events[%1]").arg(events.size())), false);
    }

    void repeatingInstrumentsPivot()
    {
        auto server = makeServer();
        QVERIFY(server);
        server->addRepeatInstance(QStringLiteral("100"), QStringLiteral("visit_1_arm_1"), QStringLiteral("visit_lab_data"), 1,
                                  {{QStringLiteral("vld1"), QStringLiteral("1.5")}, {QStringLiteral("vld2"), QStringLiteral("2.5")}});
        server->addRepeatInstance(QStringLiteral("100"), QStringLiteral("visit_1_arm_1"), QStringLiteral("visit_lab_data"), 2,
                                  {{QStringLiteral("vld1"), QStringLiteral("1.7")}});
        RestSourceConfig c = config(*server);
        RedcapRecordSource flat(c);
        QVERIFY2(flat.open(QString()), qPrintable(flat.error().toString()));
        const Table f = readAll(flat);
        c.redcapType = RestSourceConfig::RedcapType::Eav;
        RedcapRecordSource eav(c);
        QVERIFY2(eav.open(QString()), qPrintable(eav.error().toString()));
        const Table e = readAll(eav);
        QCOMPARE(f.rows.size(), 20);
        QCOMPARE(e.header, f.header);
        QCOMPARE(e.rows, f.rows);
        QCOMPARE(f.header.mid(0, 5), (QStringList{"study_id", "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance",
                                                  "redcap_data_access_group"}));
        QCOMPARE(value(f, 18, QStringLiteral("redcap_repeat_instrument")), QStringLiteral("visit_lab_data"));
        QCOMPARE(value(f, 19, QStringLiteral("redcap_repeat_instance")), QStringLiteral("2"));
        QCOMPARE(value(f, 19, QStringLiteral("vld1")), QStringLiteral("1.7"));
        QVERIFY(value(f, 19, QStringLiteral("vld2")).isNull());
        QCOMPARE(value(f, 19, QStringLiteral("redcap_data_access_group")), QStringLiteral("site_berlin"));
        QCOMPARE(value(f, 19, QStringLiteral("@where")), QStringLiteral("record 100, event visit_1_arm_1, visit_lab_data #2"));
        QVERIFY(value(f, 0, QStringLiteral("redcap_repeat_instance")).isNull());
    }

    void dataAccessGroupIsTheSite()
    {
        auto server = makeServer();
        QVERIFY(server);
        RedcapRecordSource source(config(*server));
        QVERIFY2(source.open(QString()), qPrintable(source.error().toString()));
        const Table t = readAll(source);
        QHash<QString, QString> siteOf;
        for (int i = 0; i < t.rows.size(); ++i) {
            const QString record = value(t, i, QStringLiteral("study_id"));
            const QString dag = value(t, i, QStringLiteral("redcap_data_access_group"));
            QVERIFY2(!siteOf.contains(record) || siteOf.value(record) == dag, qPrintable(record));
            siteOf.insert(record, dag);
        }
        QCOMPARE(siteOf, (QHash<QString, QString>{{"100", "site_berlin"}, {"220", "site_lyon"}, {"304", "site_berlin"}}));
    }

    void incrementalPullByDateRangeBegin_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("cursorOut");
        QTest::newRow("UTC") << QStringLiteral("UTC") << QStringLiteral("2026-01-15 09:30:00");
        QTest::newRow("Berlin") << QStringLiteral("Europe/Berlin") << QStringLiteral("2026-01-15 10:30:00");
    }
    void incrementalPullByDateRangeBegin()
    {
        QFETCH(QString, zone);
        QFETCH(QString, cursorOut);
        auto server = makeServer();
        QVERIFY(server);
        // Everything was last changed on 1 January; record 220 changes on the 14th.
        server->setValue(QStringLiteral("220"), QStringLiteral("visit_1_arm_1"), QStringLiteral("vld1"), QStringLiteral("9.9"),
                         QDateTime(QDate(2026, 1, 14), QTime(12, 0), Qt::UTC));
        RestSourceConfig c = config(*server);
        c.serverTimeZone = zone;
        c.cursorIn = QStringLiteral("2026-01-10 00:00:00");
        RedcapRecordSource source(c);
        QVERIFY2(source.open(QString()), qPrintable(source.error().toString()));
        const Table t = readAll(source);
        QCOMPARE(t.rows.size(), 6);
        for (int i = 0; i < t.rows.size(); ++i)
            QCOMPARE(value(t, i, QStringLiteral("study_id")), QStringLiteral("220"));
        QCOMPARE(value(t, 2, QStringLiteral("vld1")), QStringLiteral("9.9"));
        QCOMPARE(source.newCursor(), cursorOut);
        const auto requests = server->requests();
        QCOMPARE(requests.last().form().queryItemValue(QStringLiteral("dateRangeBegin"), QUrl::FullyDecoded), c.cursorIn);

        // The next run from the new cursor sees nothing new.
        c.cursorIn = source.newCursor();
        RedcapRecordSource again(c);
        QVERIFY2(again.open(QString()), qPrintable(again.error().toString()));
        QCOMPARE(again.rowCount(), qint64(0));
    }

    void withoutDeletionsTheLogIsNotAsked()
    {
        auto server = makeServer();
        QVERIFY(server);
        tb::test::MockClock clock(QDateTime(QDate(2026, 2, 1), QTime(7, 15, 5), Qt::UTC));
        RestSourceConfig c = config(*server);
        c.exportDeletions = false;
        RedcapRecordSource source(c, &clock);
        QVERIFY2(source.open(QString()), qPrintable(source.error().toString()));
        // The fake always sends a Date: the server's time wins over the local clock.
        QCOMPARE(source.newCursor(), QStringLiteral("2026-01-15 09:30:00"));
        QCOMPARE(server->requests().first().form().queryItemValue(QStringLiteral("content")), QStringLiteral("metadata"));
    }

    void deletionsFromTheLog()
    {
        auto server = makeServer();
        QVERIFY(server);
        const QDateTime jan = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
        server->addLogEntry(jan.addDays(-30), QStringLiteral("Deleted Record 999")); // before the cursor
        server->deleteRecord(QStringLiteral("304"), jan.addDays(11));
        server->addLogEntry(jan.addDays(11).addSecs(60), QStringLiteral("Updated Record 100"));
        // 100 is deleted and then entered again: not deleted.
        server->addLogEntry(jan.addDays(11).addSecs(120), QStringLiteral("Deleted Record 100"));
        server->setValue(QStringLiteral("100"), QStringLiteral("enrollment_arm_1"), QStringLiteral("first_name"), QStringLiteral("Zharko"),
                         jan.addDays(12));
        RestSourceConfig c = config(*server);
        c.cursorIn = QStringLiteral("2026-01-10 00:00:00");
        RedcapRecordSource source(c);
        QVERIFY2(source.open(QString()), qPrintable(source.error().toString()));
        QCOMPARE(source.deletedRecords(), QStringList{"304"});
        // The records, then one removal per deleted record: its id and nothing else.
        QStringList rows;
        while (source.next()) {
            const std::vector<QString>& f = source.fields();
            const bool removal = source.operation() == RecordSource::Operation::Remove;
            const bool onlyId = std::all_of(f.begin() + 1, f.end() - 1, [](const QString& v) { return v.isEmpty(); });
            rows << QStringLiteral("%1 %2%3").arg(f.front(), removal ? QStringLiteral("remove") : QStringLiteral("upsert"),
                                                  removal ? QString::fromLatin1(onlyId ? " only id" : " with values") : QString());
        }
        QVERIFY(!source.hasError());
        QCOMPARE(rows.last(), QStringLiteral("304 remove only id"));
        QCOMPARE(rows.count(QStringLiteral("304 remove only id")), 1);
        QVERIFY2(std::none_of(rows.begin(), rows.end() - 1, [](const QString& r) { return r.startsWith(QLatin1String("304")); }),
                 qPrintable(rows.join(QLatin1Char(','))));
        QCOMPARE(source.location().field, QStringLiteral("deleted record 304 (logging export)"));
        const QUrlQuery log = server->requests().first().form();
        QCOMPARE(log.queryItemValue(QStringLiteral("content")), QStringLiteral("log"));
        QCOMPARE(log.queryItemValue(QStringLiteral("logtype")), QStringLiteral("record"));
        QCOMPARE(log.queryItemValue(QStringLiteral("beginTime"), QUrl::FullyDecoded), QStringLiteral("2026-01-10 00:00"));
    }

    void deletedRecordId_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("record");
        QTest::addColumn<QString>("expected");
        QTest::newRow("deleted") << QStringLiteral("Deleted Record 1003") << QString() << QStringLiteral("1003");
        QTest::newRow("delete") << QStringLiteral("Delete record 17-2") << QString() << QStringLiteral("17-2");
        QTest::newRow("own record wins") << QStringLiteral("Deleted Record 1003 (Arm 1)") << QStringLiteral("1003") << QStringLiteral("1003");
        QTest::newRow("update") << QStringLiteral("Updated Record 1003") << QString() << QString();
        QTest::newRow("created") << QStringLiteral("Created Record 5") << QString() << QString();
    }
    void deletedRecordId()
    {
        QFETCH(QString, action);
        QFETCH(QString, record);
        QFETCH(QString, expected);
        QJsonObject entry{{QStringLiteral("action"), action}};
        if (!record.isEmpty())
            entry.insert(QStringLiteral("record"), record);
        QCOMPARE(RedcapRecordSource::deletedRecordId(entry), expected);
    }

    void badTokenIsAClearError_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::newRow("wrong") << QByteArray("0000000000000000FFFFFFFFFFFFFFFF");
        QTest::newRow("with characters to encode") << QByteArray("a+b/c=d&e%f secret");
    }
    void badTokenIsAClearError()
    {
        QFETCH(QByteArray, token);
        auto server = makeServer();
        QVERIFY(server);
        RestSourceConfig c = config(*server);
        c.credential = token;
        RedcapRecordSource source(c);
        QVERIFY(!source.open(QString()));
        QVERIFY(!source.next());
        const QString e = source.error().toString();
        QVERIFY2(e.contains(QStringLiteral("REDCap refused the logging export (HTTP 403, 1 attempt(s))")), qPrintable(e));
        QVERIFY2(e.contains(QStringLiteral("You do not have permissions to use the API")), qPrintable(e));
        QVERIFY2(e.contains(QStringLiteral("check the token")), qPrintable(e));
        QVERIFY2(e.contains(c.url.toString()), qPrintable(e));
        QVERIFY2(!e.contains(QString::fromLatin1(token)), qPrintable(e));
        QVERIFY2(!e.contains(QString::fromLatin1(token.toPercentEncoding())), qPrintable(e));
        // The token went in the form body, where REDCap wants it.
        QCOMPARE(server->requests().first().form().queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded).toUtf8(), token);
    }

    void faultsOnTheRecordExport_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<bool>("succeeds");
        QTest::addColumn<QString>("message");
        QTest::newRow("500 once") << int(Fault::ServerError) << true << QString();
        QTest::newRow("429 once") << int(Fault::RateLimit) << true << QString();
        QTest::newRow("dropped once") << int(Fault::DropMidBody) << true << QString();
        QTest::newRow("chunked") << int(Fault::Chunked) << true << QString();
        QTest::newRow("truncated JSON") << int(Fault::TruncatedJson) << false << QStringLiteral("the answer is not valid JSON");
    }
    void faultsOnTheRecordExport()
    {
        QFETCH(int, fault);
        QFETCH(bool, succeeds);
        QFETCH(QString, message);
        auto server = makeServer();
        QVERIFY(server);
        server->setFault(3, Fault(fault)); // log, metadata, then the records
        RestSourceConfig c = config(*server);
        c.cursorIn = QStringLiteral("2025-12-01 00:00:00");
        RedcapRecordSource source(c);
        source.fetcher().setSleeper([](int) {});
        QCOMPARE(source.open(QString()), succeeds);
        if (succeeds) {
            QCOMPARE(readAll(source).rows.size(), 18);
            QCOMPARE(source.newCursor(), QStringLiteral("2026-01-15 09:30:00"));
            return;
        }
        QVERIFY2(source.error().toString().contains(message), qPrintable(source.error().toString()));
        QVERIFY2(source.error().toString().contains(QStringLiteral("at byte")), qPrintable(source.error().toString()));
        QVERIFY(source.newCursor().isEmpty());
        QVERIFY(source.deletedRecords().isEmpty());
    }

    void badConfiguration_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("cursor");
        QTest::addColumn<QString>("message");
        QTest::newRow("zone") << QStringLiteral("Mars/Olympus") << QString() << QStringLiteral("unknown server time zone \"Mars/Olympus\"");
        QTest::newRow("cursor") << QStringLiteral("UTC") << QStringLiteral("2026-01-10T00:00:00Z")
                                << QStringLiteral("the cursor \"2026-01-10T00:00:00Z\" is not a REDCap time");
    }
    void badConfiguration()
    {
        QFETCH(QString, zone);
        QFETCH(QString, cursor);
        QFETCH(QString, message);
        auto server = makeServer();
        QVERIFY(server);
        RestSourceConfig c = config(*server);
        c.serverTimeZone = zone;
        c.cursorIn = cursor;
        RedcapRecordSource source(c);
        QVERIFY(!source.open(QString()));
        QVERIFY2(source.error().toString().contains(message), qPrintable(source.error().toString()));
        QCOMPARE(server->requestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRedcapSource)
#include "tst_redcapsource.moc"
