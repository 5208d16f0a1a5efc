// MappingDiff: field-level differences between two mapping documents by JSON path, independent of key order
// and formatting; lists compared by position.

#include "mapping/MappingDiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using tb::core::MappingDiff;

namespace {

QJsonValue json(const char* text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().at(0);
}

} // namespace

class TestMappingDiff : public QObject
{
    Q_OBJECT

private slots:
    void changes_data();
    void changes();
    void changesAsJson();
};

void TestMappingDiff::changes_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("same") << R"({"a": 1, "b": [1, 2]})" << R"({"b": [1, 2], "a": 1})" << QStringList();
    QTest::newRow("scalar changed") << R"({"revision": 1})" << R"({"revision": 2})" << QStringList{"~ revision: 1 \u2192 2"};
    QTest::newRow("nested") << R"({"fields": {"d": {"transforms": [{"date": {"format": "dd.MM.yyyy"}}]}}})"
                            << R"({"fields": {"d": {"transforms": [{"date": {"format": "yyyy-MM-dd"}}]}}})"
                            << QStringList{"~ fields.d.transforms[0].date.format: \"dd.MM.yyyy\" \u2192 \"yyyy-MM-dd\""};
    QTest::newRow("added and removed members, sorted") << R"({"fields": {"b": {"from": "B"}, "z": {"const": "1"}}})"
                                                       << R"({"fields": {"a": {"from": "A"}, "z": {"const": "1"}}})"
                                                       << QStringList{"+ fields.a: {\"from\":\"A\"}", "- fields.b: {\"from\":\"B\"}"};
    QTest::newRow("list grows") << R"({"t": [{"trim": {}}]})" << R"({"t": [{"trim": {}}, {"upper": {}}]})"
                                << QStringList{"+ t[1]: {\"upper\":{}}"};
    QTest::newRow("list order matters") << R"({"t": ["trim", "upper"]})" << R"({"t": ["upper", "trim"]})"
                                        << QStringList{"~ t[0]: \"trim\" \u2192 \"upper\"", "~ t[1]: \"upper\" \u2192 \"trim\""};
    QTest::newRow("type changes") << R"({"from": "A"})" << R"({"from": ["A", "B"]})" << QStringList{"~ from: \"A\" \u2192 [\"A\",\"B\"]"};
    QTest::newRow("null is a value") << R"({"x": null})" << R"({"x": 0})" << QStringList{"~ x: null \u2192 0"};
}

void TestMappingDiff::changes()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QStringList, expected);
    QStringList got;
    for (const MappingDiff::Change& c : MappingDiff::diff(json(before.toUtf8().constData()), json(after.toUtf8().constData())))
        got << c.toString();
    QCOMPARE(got, expected);
}

void TestMappingDiff::changesAsJson()
{
    const auto changes = MappingDiff::diff(json(R"({"a": 1, "b": 2})"), json(R"({"a": 3, "c": 4})"));
    QCOMPARE(changes.size(), 3);
    QCOMPARE(changes[0].toJson(), (QJsonObject{{"path", "a"}, {"change", "changed"}, {"before", 1}, {"after", 3}}));
    QCOMPARE(changes[1].toJson(), (QJsonObject{{"path", "b"}, {"change", "removed"}, {"before", 2}}));
    QCOMPARE(changes[2].toJson(), (QJsonObject{{"path", "c"}, {"change", "added"}, {"after", 4}}));
}

QTEST_GUILESS_MAIN(TestMappingDiff)
#include "tst_mappingdiff.moc"
