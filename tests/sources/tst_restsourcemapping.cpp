#include "mapping/MappingDocument.h"
#include "source/RecordSource.h"
#include "source/http/RestSourceConfig.h"

#include <QJsonDocument>
#include <QtTest>

using namespace tb::core;

// The "source" settings of mapping documents that read from REDCap or a generic JSON API: parsed into a
// RestSourceConfig, written back in a stable order, and every bad value an error naming file and JSON path.
class TestRestSourceMapping : public QObject
{
    Q_OBJECT

private:
    static QByteArray doc(const QByteArray& source)
    {
        return R"({"format": "trialbridge.mapping/1", "name": "m", "source": )" + source +
               R"(, "target": {"entity": "subject"}, "fields": {"subject_id": {"from": "record_id"}}})";
    }

private slots:
    void kinds_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("remote");
        QTest::newRow("csv") << "csv" << int(RecordSource::Kind::Csv) << false;
        QTest::newRow("odm") << "odm" << int(RecordSource::Kind::Odm) << false;
        QTest::newRow("redcap") << "redcap" << int(RecordSource::Kind::Redcap) << true;
        QTest::newRow("rest") << "rest" << int(RecordSource::Kind::Rest) << true;
    }
    void kinds()
    {
        QFETCH(QString, name);
        QFETCH(int, kind);
        QFETCH(bool, remote);
        RecordSource::Kind k;
        QVERIFY(RecordSource::parseKind(name, &k));
        QCOMPARE(int(k), kind);
        QCOMPARE(RecordSource::kindName(k), name);
        QCOMPARE(RecordSource::isRemote(k), remote);
        if (remote) // they need a connection and its credential
            QVERIFY(!RecordSource::create(k, CsvDialect(), OdmSelection()));
    }

    void redcapSettings()
    {
        MappingDocument m;
        QString error;
        QVERIFY2(MappingDocument::fromJson(doc(R"({"kind": "redcap", "type": "eav", "forms": ["demographics"],
            "events": ["enrollment_arm_1", "visit_1_arm_1"], "fields": ["record_id", "dob"], "serverTimeZone": "America/Chicago"})"),
                                           QStringLiteral("r.mapping.json"), &m, &error),
                 qPrintable(error));
        QCOMPARE(m.sourceKind, QStringLiteral("redcap"));
        QCOMPARE(m.rest.kind, RestSourceConfig::Kind::Redcap);
        QCOMPARE(m.rest.redcapType, RestSourceConfig::RedcapType::Eav);
        QCOMPARE(m.rest.forms, QStringList{"demographics"});
        QCOMPARE(m.rest.events, (QStringList{"enrollment_arm_1", "visit_1_arm_1"}));
        QCOMPARE(m.rest.fields, (QStringList{"record_id", "dob"}));
        QCOMPARE(m.rest.serverTimeZone, QStringLiteral("America/Chicago"));
        QVERIFY(m.rest.url.isEmpty());        // from the connection
        QVERIFY(m.rest.credential.isEmpty()); // from the secret store
    }

    void restSettings()
    {
        MappingDocument m;
        QString error;
        QVERIFY2(MappingDocument::fromJson(
                     doc(R"({"kind": "rest", "path": "v1/subjects?status=all", "records": "data",
            "paging": {"style": "offset", "pageSize": 250, "offsetParam": "skip", "limitParam": "take", "maxPages": 40},
            "sinceParam": "updated_since", "modifiedField": "meta.updated_at"})"),
                     QStringLiteral("r.mapping.json"), &m, &error),
                 qPrintable(error));
        QCOMPARE(m.rest.kind, RestSourceConfig::Kind::JsonRest);
        QCOMPARE(m.rest.resourcePath, QStringLiteral("v1/subjects?status=all"));
        QCOMPARE(m.rest.recordsPath, QStringLiteral("data"));
        QCOMPARE(m.rest.paging, RestSourceConfig::Paging::Offset);
        QCOMPARE(m.rest.pageSize, 250);
        QCOMPARE(m.rest.offsetParam, QStringLiteral("skip"));
        QCOMPARE(m.rest.limitParam, QStringLiteral("take"));
        QCOMPARE(m.rest.maxPages, 40);
        QCOMPARE(m.rest.sinceParam, QStringLiteral("updated_since"));
        QCOMPARE(m.rest.modifiedField, QStringLiteral("meta.updated_at"));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::newRow("redcap, defaults") << QByteArray(R"({"kind": "redcap"})");
        QTest::newRow("redcap, everything") << QByteArray(
            R"({"kind": "redcap", "type": "eav", "forms": ["b", "a"], "events": ["e1"], "fields": ["f2", "f1"],
                              "serverTimeZone": "Europe/Berlin"})");
        QTest::newRow("rest, defaults") << QByteArray(R"({"kind": "rest"})");
        QTest::newRow("rest, cursor paging")
            << QByteArray(R"({"kind": "rest", "path": "items/cursor", "records": "data",
                              "paging": {"style": "cursor", "cursorParam": "after", "nextCursorPath": "meta.next", "pageSize": 2},
                              "sinceParam": "updated_since", "modifiedField": "meta.updated_at"})");
        QTest::newRow("rest, page paging") << QByteArray(
            R"({"kind": "rest", "paging": {"style": "page", "pageParam": "p", "firstPage": 0, "pageSizeParam": "n"}})");
        QTest::newRow("rest, link paging")
            << QByteArray(R"({"kind": "rest", "records": "", "paging": {"style": "link"}})");
    }
    void roundTrip()
    {
        QFETCH(QByteArray, source);
        MappingDocument a;
        QString error;
        QVERIFY2(MappingDocument::fromJson(doc(source), QStringLiteral("a.mapping.json"), &a, &error),
                 qPrintable(error));
        const QByteArray written = a.toJsonBytes();
        MappingDocument b;
        QVERIFY2(MappingDocument::fromJson(written, QStringLiteral("b.mapping.json"), &b, &error),
                 qPrintable(error));
        QCOMPARE(b.toJsonBytes(), written); // stable: the same bytes again
        QVERIFY(a == b);
        // What was given comes back (defaults aside), order of lists kept.
        const QJsonObject given = QJsonDocument::fromJson(source).object();
        const QJsonObject back =
            QJsonDocument::fromJson(written).object().value(QStringLiteral("source")).toObject();
        for (auto it = given.begin(); it != given.end(); ++it) {
            if (it.key() == QLatin1String("records") && it.value().toString().isEmpty())
                continue; // "" is the default: the body itself
            if (it.key() == QLatin1String("paging")) {
                const QJsonObject p = it.value().toObject();
                for (auto pi = p.begin(); pi != p.end(); ++pi)
                    QCOMPARE(back.value(QStringLiteral("paging")).toObject().value(pi.key()), pi.value());
                continue;
            }
            QCOMPARE(back.value(it.key()), it.value());
        }
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("message"); // after "bad.mapping.json: "
        QTest::newRow("unknown kind")
            << QByteArray(R"({"kind": "soap"})")
            << R"(source.kind: "soap" is not supported; use "csv", "dataset-json", "odm", "redcap" or "rest")";
        QTest::newRow("redcap: unknown key")
            << QByteArray(R"({"kind": "redcap", "records": "data"})")
            << R"(source: unknown key "records" (expected kind, type, forms, events, fields, serverTimeZone))";
        QTest::newRow("redcap: type")
            << QByteArray(R"({"kind": "redcap", "type": "wide"})")
            << R"(source.type: "wide" is not a REDCap export type; use "flat" or "eav")";
        QTest::newRow("redcap: forms not a list")
            << QByteArray(R"({"kind": "redcap", "forms": "demographics"})")
            << "source.forms: must be a list of names";
        QTest::newRow("redcap: empty event") << QByteArray(R"({"kind": "redcap", "events": ["a", ""]})")
                                             << "source.events[1]: must be a non-empty string";
        QTest::newRow("redcap: field twice") << QByteArray(R"({"kind": "redcap", "fields": ["a", "b", "a"]})")
                                             << R"(source.fields[2]: "a" is listed twice)";
        QTest::newRow("redcap: time zone")
            << QByteArray(R"({"kind": "redcap", "serverTimeZone": "Mars/Olympus"})")
            << R"(source.serverTimeZone: "Mars/Olympus" is not a known time zone)";
        QTest::newRow("redcap: time zone type") << QByteArray(R"({"kind": "redcap", "serverTimeZone": 1})")
                                                << "source.serverTimeZone: must be a non-empty string";
        QTest::newRow("rest: unknown key")
            << QByteArray(R"({"kind": "rest", "forms": ["a"]})")
            << R"(source: unknown key "forms" (expected kind, path, records, paging, sinceParam, modifiedField))";
        QTest::newRow("rest: records type") << QByteArray(R"({"kind": "rest", "records": 3})")
                                            << "source.records: must be a non-empty string";
        QTest::newRow("rest: since without field") << QByteArray(R"({"kind": "rest", "sinceParam": "since"})")
                                                   << R"(source.sinceParam: needs "modifiedField")";
        QTest::newRow("rest: field without since")
            << QByteArray(R"({"kind": "rest", "modifiedField": "updated"})")
            << R"(source.modifiedField: needs "sinceParam")";
        QTest::newRow("rest: paging not an object") << QByteArray(R"({"kind": "rest", "paging": "page"})")
                                                    << R"(source.paging: must be an object with "style")";
        QTest::newRow("rest: paging without style")
            << QByteArray(R"({"kind": "rest", "paging": {"pageSize": 10}})")
            << "source.paging.style: required";
        QTest::newRow("rest: paging style")
            << QByteArray(R"({"kind": "rest", "paging": {"style": "scroll"}})")
            << R"(source.paging.style: "scroll" is not a paging style; use "none", "page", "offset", "cursor" or "link")";
        QTest::newRow("rest: paging key")
            << QByteArray(R"({"kind": "rest", "paging": {"style": "page", "size": 10}})")
            << R"(source.paging: unknown key "size")";
        QTest::newRow("rest: page size zero")
            << QByteArray(R"({"kind": "rest", "paging": {"style": "page", "pageSize": 0}})")
            << "source.paging.pageSize: must be a whole number from 1 to 100000";
        QTest::newRow("rest: page size fraction")
            << QByteArray(R"({"kind": "rest", "paging": {"style": "page", "pageSize": 2.5}})")
            << "source.paging.pageSize: must be a whole number from 1 to 100000";
        QTest::newRow("rest: first page negative")
            << QByteArray(R"({"kind": "rest", "paging": {"style": "page", "firstPage": -1}})")
            << "source.paging.firstPage: must be a whole number from 0";
        QTest::newRow("rest: empty parameter")
            << QByteArray(R"({"kind": "rest", "paging": {"style": "cursor", "cursorParam": ""}})")
            << "source.paging.cursorParam: must be a non-empty string";
    }
    void errors()
    {
        QFETCH(QByteArray, source);
        QFETCH(QString, message);
        MappingDocument m;
        m.name = QStringLiteral("untouched");
        QString error;
        QVERIFY(!MappingDocument::fromJson(doc(source), QStringLiteral("bad.mapping.json"), &m, &error));
        QVERIFY2(error.startsWith(QStringLiteral("bad.mapping.json: ") + message), qPrintable(error));
        QCOMPARE(m.name, QStringLiteral("untouched"));
    }

    void endpointUrl_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("url");
        QTest::newRow("no path") << "https://edc.example/api"
                                 << ""
                                 << "https://edc.example/api";
        QTest::newRow("one slash") << "https://edc.example/api/"
                                   << "/subjects"
                                   << "https://edc.example/api/subjects";
        QTest::newRow("none") << "https://edc.example/api"
                              << "subjects"
                              << "https://edc.example/api/subjects";
        QTest::newRow("query") << "https://edc.example/api?study=S1"
                               << "v1/visits?all=1"
                               << "https://edc.example/api/v1/visits?study=S1&all=1";
    }
    void endpointUrl()
    {
        QFETCH(QString, base);
        QFETCH(QString, path);
        QFETCH(QString, url);
        QCOMPARE(RestSourceConfig::endpointUrl(QUrl(base), path).toString(), url);
    }
};

QTEST_GUILESS_MAIN(TestRestSourceMapping)
#include "tst_restsourcemapping.moc"
