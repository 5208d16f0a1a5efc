#include "FakeEdcServer.h"

#include "source/http/JsonRestRecordSource.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace tb::core;
using tb::test::FakeEdcServer;
using Fault = FakeEdcServer::Fault;
using Paging = RestSourceConfig::Paging;

Q_DECLARE_METATYPE(RestSourceConfig::Paging)

// A generic JSON API's records through each paging style, with credentials, incremental pulls and faults.
class TestJsonRestSource : public QObject
{
    Q_OBJECT

private:
    static QJsonArray makeItems(int n)
    {
        QJsonArray items;
        for (int i = 1; i <= n; ++i)
            items.append(QJsonObject{
                {QStringLiteral("id"), QStringLiteral("S-%1").arg(i, 3, 10, QLatin1Char('0'))},
                {QStringLiteral("age"), 30 + i},
                {QStringLiteral("weight"), 70.5 + i},
                {QStringLiteral("consented"), i % 2 == 0},
                {QStringLiteral("arms"), QJsonArray{1, 2}},
                {QStringLiteral("note"), i == 3 ? QJsonValue(QJsonValue::Null) : QJsonValue(QStringLiteral("a, \"quoted\"\nline"))},
                {QStringLiteral("site"), QJsonObject{{QStringLiteral("id"), QStringLiteral("DE0%1").arg(i % 3 + 1)},
                                                     {QStringLiteral("country"), QJsonObject{{QStringLiteral("code"), QStringLiteral("DE")}}}}},
                {QStringLiteral("meta"), QJsonObject{{QStringLiteral("updated_at"),
                                                      QDateTime(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC).addSecs(3600 * i).toString(Qt::ISODate)}}}});
        return items;
    }
    static RestSourceConfig config(const FakeEdcServer& server, Paging paging, int pageSize = 3)
    {
        RestSourceConfig c;
        c.kind = RestSourceConfig::Kind::JsonRest;
        c.paging = paging;
        c.pageSize = pageSize;
        c.limitParam = QStringLiteral("limit");
        c.recordsPath = QStringLiteral("data");
        c.nextCursorPath = QStringLiteral("meta.next_cursor");
        c.policy.connectTimeoutMs = 3000;
        c.policy.transferTimeoutMs = 3000;
        const char* path = "/items/all";
        switch (paging) {
        case Paging::Page: path = "/items/page"; break;
        case Paging::Offset: path = "/items/offset"; break;
        case Paging::Cursor: path = "/items/cursor"; break;
        case Paging::LinkHeader: path = "/items/link"; break;
        case Paging::None: break;
        }
        c.url = server.url(QLatin1String(path));
        if (paging == Paging::Cursor || paging == Paging::LinkHeader) {
            QUrlQuery q;
            q.addQueryItem(paging == Paging::Cursor ? QStringLiteral("limit") : QStringLiteral("per_page"), QString::number(pageSize));
            c.url.setQuery(q);
        }
        return c;
    }
    static QList<QHash<QString, QString>> readAll(RecordSource& source)
    {
        QList<QHash<QString, QString>> rows;
        while (source.next()) {
            QHash<QString, QString> row;
            for (int i = 0; i < source.header().size(); ++i)
                row.insert(source.header()[i], source.fields()[size_t(i)]);
            rows << row;
        }
        return rows;
    }

private slots:
    void everyRecordExactlyOnce_data()
    {
        QTest::addColumn<Paging>("paging");
        QTest::addColumn<int>("items");
        QTest::addColumn<int>("pageSize");
        QTest::addColumn<int>("requests");
        QTest::newRow("none") << Paging::None << 10 << 3 << 1;
        QTest::newRow("page, short last page") << Paging::Page << 10 << 3 << 4;
        QTest::newRow("page, full last page") << Paging::Page << 9 << 3 << 4; // the empty page 4 ends it
        QTest::newRow("offset") << Paging::Offset << 10 << 4 << 3;
        QTest::newRow("cursor") << Paging::Cursor << 10 << 3 << 4;
        QTest::newRow("cursor, exact") << Paging::Cursor << 9 << 3 << 3;
        QTest::newRow("link header") << Paging::LinkHeader << 10 << 3 << 4;
        QTest::newRow("empty collection") << Paging::Page << 0 << 3 << 1;
    }
    void everyRecordExactlyOnce()
    {
        QFETCH(Paging, paging);
        QFETCH(int, items);
        QFETCH(int, pageSize);
        QFETCH(int, requests);
        FakeEdcServer server;
        QVERIFY(server.start());
        server.setItems(makeItems(items));
        JsonRestRecordSource source(config(server, paging, pageSize));
        QVERIFY2(source.open(QString()), qPrintable(source.error().toString()));
        const auto rows = readAll(source);
        QVERIFY(!source.hasError());
        QCOMPARE(rows.size(), items);
        QCOMPARE(source.rowCount(), qint64(items));
        QSet<QString> ids;
        for (const auto& r : rows)
            ids.insert(r.value(QStringLiteral("id")));
        QCOMPARE(ids.size(), items);
        QCOMPARE(server.requestCount(), requests);
        if (items == 0)
            return;
        QCOMPARE(source.header(), (QStringList{"age", "arms", "consented", "id", "meta.updated_at", "note", "site.country.code",
                                               "site.id", "weight", "@where"}));
        const auto& first = rows.first();
        QCOMPARE(first.value(QStringLiteral("id")), QStringLiteral("S-001"));
        QCOMPARE(first.value(QStringLiteral("age")), QStringLiteral("31"));
        QCOMPARE(first.value(QStringLiteral("weight")), QStringLiteral("71.5"));
        QCOMPARE(first.value(QStringLiteral("consented")), QStringLiteral("false"));
        QCOMPARE(first.value(QStringLiteral("arms")), QStringLiteral("[1,2]"));
        QCOMPARE(first.value(QStringLiteral("note")), QStringLiteral("a, \"quoted\"\nline"));
        QCOMPARE(first.value(QStringLiteral("site.country.code")), QStringLiteral("DE"));
        QCOMPARE(first.value(QStringLiteral("@where")), QStringLiteral("page 1, data[0]"));
        QVERIFY(rows.at(2).value(QStringLiteral("note")).isNull());
    }

    void nulCharacterIsRefusedWithItsPlace()
    {
        // "\u0000" is valid JSON; a NUL is loaded by no source. Refused at the pull, naming page, record and
        // field, not later by the reader of the temporary file.
        FakeEdcServer server;
        QVERIFY(server.start());
        QJsonArray items = makeItems(3);
        QJsonObject second = items[1].toObject();
        second.insert(QStringLiteral("note"), QStringLiteral("before") + QChar(0) + QStringLiteral("after"));
        items[1] = second;
        server.setItems(items);
        JsonRestRecordSource source(config(server, Paging::Page, 2));
        QVERIFY(!source.open(QString()));
        const QString error = source.error().toString();
        QVERIFY2(error.contains(QStringLiteral(
                     "page 1, data[1]: the field \"note\" holds a NUL character — nothing was loaded")),
                 qPrintable(error));
        QVERIFY2(error.contains(server.url(QStringLiteral("/items/page")).host()), qPrintable(error));
        QVERIFY(source.newCursor().isEmpty());
        QVERIFY(!source.next());
    }

    void seekComesBack()
    {
        FakeEdcServer server;
        QVERIFY(server.start());
        server.setItems(makeItems(7));
        JsonRestRecordSource source(config(server, Paging::Page, 3));
        QVERIFY2(source.open(QString()), qPrintable(source.error().toString()));
        QList<RecordPosition> positions;
        QStringList ids;
        while (source.next()) {
            positions << source.position();
            ids << source.fields()[3];
        }
        QCOMPARE(ids.size(), 7);
        QVERIFY(source.seek(positions[4]));
        QVERIFY(source.next());
        QCOMPARE(source.fields()[3], ids[4]);
        QCOMPARE(source.location().file, server.url(QStringLiteral("/items/page")).toString());
        QCOMPARE(source.location().field, QStringLiteral("page 2, data[1]"));
        QCOMPARE(server.requestCount(), 3); // seeking reads the spill file, not the API
        // The fingerprint text leaves out where the record was, also when only some columns are decoded.
        source.setDecodedColumns({false, false, false, true, false, false, false, false, false, false});
        QVERIFY(source.seek(positions[4]));
        QVERIFY(source.next());
        QVERIFY2(source.recordText().toByteArray().startsWith("35,\"[1,2]\",false,S-005,"), source.recordText().toByteArray().constData());
        QVERIFY2(source.recordText().toByteArray().endsWith(",75.5"), source.recordText().toByteArray().constData());
    }

    void credentialsSent_data()
    {
        QTest::addColumn<int>("auth");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("bearer") << int(RestSourceConfig::Auth::Bearer) << QByteArray("Authorization") << QByteArray("Bearer tok-123456");
        QTest::newRow("api key") << int(RestSourceConfig::Auth::ApiKeyHeader) << QByteArray("X-Api-Key") << QByteArray("tok-123456");
    }
    void credentialsSent()
    {
        QFETCH(int, auth);
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        FakeEdcServer server;
        QVERIFY(server.start());
        server.setItems(makeItems(5));
        server.setItemsCredential(header, value);
        RestSourceConfig c = config(server, Paging::Page, 2);
        c.auth = RestSourceConfig::Auth(auth);
        c.authHeader = QStringLiteral("X-Api-Key");
        c.credential = "tok-123456";
        JsonRestRecordSource source(c);
        QVERIFY2(source.open(QString()), qPrintable(source.error().toString()));
        QCOMPARE(readAll(source).size(), 5);
        for (const auto& r : server.requests())
            QCOMPARE(r.headers.value(header.toLower()), value);

        // The wrong credential: a clear error without it.
        c.credential = "wrong-credential-99";
        JsonRestRecordSource refused(c);
        QVERIFY(!refused.open(QString()));
        const QString e = refused.error().toString();
        QVERIFY2(e.contains(QStringLiteral("HTTP 401")), qPrintable(e));
        QVERIFY2(e.contains(QStringLiteral("(1 attempt)")), qPrintable(e));
        QVERIFY2(!e.contains(QStringLiteral("wrong-credential-99")), qPrintable(e));
        QVERIFY(!refused.next());
    }

    void incrementalPull()
    {
        FakeEdcServer server;
        QVERIFY(server.start());
        server.setItems(makeItems(10)); // updated 09:00 .. 18:00
        RestSourceConfig c = config(server, Paging::Cursor, 3);
        c.sinceParam = QStringLiteral("updated_since");
        c.modifiedField = QStringLiteral("meta.updated_at");
        c.cursorIn = QStringLiteral("2026-01-01T15:00:00Z");
        JsonRestRecordSource source(c);
        QVERIFY2(source.open(QString()), qPrintable(source.error().toString()));
        QCOMPARE(readAll(source).size(), 4); // 15:00 .. 18:00
        QCOMPARE(source.newCursor(), QStringLiteral("2026-01-01T18:00:00Z"));
        for (const auto& r : server.requests())
            QCOMPARE(r.query.queryItemValue(QStringLiteral("updated_since"), QUrl::FullyDecoded), c.cursorIn);

        // Nothing new: the cursor stays.
        c.cursorIn = QStringLiteral("2026-01-02T00:00:00Z");
        JsonRestRecordSource none(c);
        QVERIFY2(none.open(QString()), qPrintable(none.error().toString()));
        QCOMPARE(none.rowCount(), qint64(0));
        QCOMPARE(none.newCursor(), c.cursorIn);

        // The columns a mapping names are there all the same, null where no record has them.
        c.columns = QStringList{QStringLiteral("id"), QStringLiteral("meta.deleted_at")};
        c.cursorIn = QStringLiteral("2026-01-01T17:00:00Z");
        JsonRestRecordSource named(c);
        QVERIFY2(named.open(QString()), qPrintable(named.error().toString()));
        QVERIFY(named.header().contains(QStringLiteral("meta.deleted_at")));
        QVERIFY(named.header().contains(QStringLiteral("age")));
        const auto rows = readAll(named);
        QCOMPARE(rows.size(), 2);
        QVERIFY(rows[0].contains(QStringLiteral("meta.deleted_at")));
        QVERIFY(rows[0].value(QStringLiteral("meta.deleted_at")).isNull());
        c.cursorIn = QStringLiteral("2026-01-02T00:00:00Z");
        JsonRestRecordSource empty(c);
        QVERIFY2(empty.open(QString()), qPrintable(empty.error().toString()));
        QCOMPARE(empty.header(), (QStringList{QStringLiteral("id"), QStringLiteral("meta.deleted_at"), QStringLiteral("@where")}));
    }

    void faultsDuringPaging_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<bool>("all");
        QTest::addColumn<bool>("succeeds");
        QTest::addColumn<QString>("message");
        QTest::newRow("500 on page 2, once") << int(Fault::ServerError) << false << true << QString();
        QTest::newRow("429 on page 2, once") << int(Fault::RateLimit) << false << true << QString();
        QTest::newRow("drop on page 2, once") << int(Fault::DropMidBody) << false << true << QString();
        QTest::newRow("500 from page 2 on") << int(Fault::ServerError) << true << false << QStringLiteral("gave up after 3 attempts");
        QTest::newRow("truncated page 2") << int(Fault::TruncatedJson) << false << false << QStringLiteral("not valid JSON");
    }
    void faultsDuringPaging()
    {
        QFETCH(int, fault);
        QFETCH(bool, all);
        QFETCH(bool, succeeds);
        QFETCH(QString, message);
        FakeEdcServer server;
        QVERIFY(server.start());
        server.setItems(makeItems(7));
        RestSourceConfig c = config(server, Paging::Offset, 3);
        c.policy.maxAttempts = 3;
        c.modifiedField = QStringLiteral("meta.updated_at");
        c.cursorIn = QStringLiteral("2025-12-31T00:00:00Z");
        JsonRestRecordSource source(c);
        source.fetcher().setSleeper([](int) {});
        if (all) {
            // from the second request on
            for (int n = 2; n <= 10; ++n)
                server.setFault(n, Fault(fault));
        } else {
            server.setFault(2, Fault(fault));
        }
        const bool opened = source.open(QString());
        QCOMPARE(opened, succeeds);
        if (succeeds) {
            QCOMPARE(readAll(source).size(), 7);
            QCOMPARE(source.newCursor(), QStringLiteral("2026-01-01T15:00:00Z"));
            return;
        }
        // Nothing partial: no rows, and no new cursor past what was loaded.
        QVERIFY2(source.error().toString().contains(message), qPrintable(source.error().toString()));
        QVERIFY(!source.next());
        QVERIFY(source.newCursor().isEmpty());
    }

    void pagingThatNeverEnds_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<Paging>("paging");
        QTest::addColumn<int>("maxPages");
        QTest::addColumn<QString>("message");
        QTest::newRow("same cursor again") << QStringLiteral("/items/cursorloop") << Paging::Cursor << 100
                                           << QStringLiteral("the server gave the cursor \"again\" (at meta.next_cursor) a second time");
        QTest::newRow("next page elsewhere") << QStringLiteral("/items/offsite") << Paging::LinkHeader << 100
                                             << QStringLiteral("the Link header's next page is on another server (http://elsewhere.invalid/items?page=2)");
        QTest::newRow("too many pages") << QStringLiteral("/items/page") << Paging::Page << 2
                                        << QStringLiteral("more than 2 pages: the server never signalled the last page");
    }
    void pagingThatNeverEnds()
    {
        QFETCH(QString, path);
        QFETCH(Paging, paging);
        QFETCH(int, maxPages);
        QFETCH(QString, message);
        FakeEdcServer server;
        QVERIFY(server.start());
        server.setItems(makeItems(10));
        RestSourceConfig c = config(server, paging, 3);
        c.url = server.url(path);
        c.maxPages = maxPages;
        JsonRestRecordSource source(c);
        QVERIFY(!source.open(QString()));
        QVERIFY2(source.error().toString().contains(message), qPrintable(source.error().toString()));
        QVERIFY(!source.next());
        QVERIFY(server.requestCount() <= maxPages);
    }

    void badAnswers_data()
    {
        QTest::addColumn<QString>("recordsPath");
        QTest::addColumn<QString>("message");
        QTest::newRow("no such path") << QStringLiteral("items") << QStringLiteral("the answer has no array of records at \"items\"");
        QTest::newRow("not an array") << QString() << QStringLiteral("the answer has no array of records at \"(the top level)\"");
    }
    void badAnswers()
    {
        QFETCH(QString, recordsPath);
        QFETCH(QString, message);
        FakeEdcServer server;
        QVERIFY(server.start());
        server.setItems(makeItems(2));
        RestSourceConfig c = config(server, Paging::None);
        c.recordsPath = recordsPath;
        JsonRestRecordSource source(c);
        QVERIFY(!source.open(QString()));
        QVERIFY2(source.error().toString().contains(message), qPrintable(source.error().toString()));
        QVERIFY2(source.error().toString().contains(c.url.toString()), qPrintable(source.error().toString()));
    }

    void flatten()
    {
        const QJsonObject in{{QStringLiteral("a"), QJsonObject{{QStringLiteral("b"), 1}, {QStringLiteral("c"), QJsonObject{{QStringLiteral("d"), true}}}}},
                             {QStringLiteral("e"), QJsonArray{QJsonObject{{QStringLiteral("x"), 1}}}},
                             {QStringLiteral("f"), 1e21},
                             {QStringLiteral("g"), 0.1},
                             {QStringLiteral("h"), QJsonValue::Null}};
        const QJsonObject out = JsonRestRecordSource::flatten(in);
        QCOMPARE(out.value(QStringLiteral("a.b")).toString(), QStringLiteral("1"));
        QCOMPARE(out.value(QStringLiteral("a.c.d")).toString(), QStringLiteral("true"));
        QCOMPARE(out.value(QStringLiteral("e")).toString(), QStringLiteral("[{\"x\":1}]"));
        QCOMPARE(out.value(QStringLiteral("f")).toString(), QStringLiteral("1e+21"));
        QCOMPARE(out.value(QStringLiteral("g")).toString(), QStringLiteral("0.1"));
        QVERIFY(out.value(QStringLiteral("h")).isNull());
        QCOMPARE(out.size(), 6);
    }

    void nextLink_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("expected");
        QTest::newRow("github style") << QByteArray(R"(<https://api.x/items?page=2>; rel="next", <https://api.x/items?page=5>; rel="last")")
                                      << QStringLiteral("https://api.x/items?page=2");
        QTest::newRow("relative") << QByteArray(R"(</items?page=3>; rel="next")") << QStringLiteral("https://api.x/items?page=3");
        QTest::newRow("unquoted, several types") << QByteArray(R"(<https://api.x/a>; rel="prev", <https://api.x/b>; title="x"; rel="next last")")
                                                 << QStringLiteral("https://api.x/b");
        QTest::newRow("token form") << QByteArray("<https://api.x/c>; rel=next") << QStringLiteral("https://api.x/c");
        QTest::newRow("no next") << QByteArray(R"(<https://api.x/a>; rel="prev")") << QString();
        QTest::newRow("empty") << QByteArray() << QString();
    }
    void nextLink()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, expected);
        QCOMPARE(JsonRestRecordSource::nextLink(header, QUrl(QStringLiteral("https://api.x/items?page=1"))).toString(), expected);
    }
};

QTEST_GUILESS_MAIN(TestJsonRestSource)
#include "tst_jsonrestsource.moc"
