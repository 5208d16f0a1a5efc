#include "mapping/MappingDocument.h"
#include "mapping/MappingPlan.h"
#include "model/CtmsSchema.h"
#include "model/Record.h"

#include <QtTest>

using namespace tb::core;

// Schema limits: an entity may have up to EntityDef::MaxFields fields (records keep which fields they set in a
// fixed bit set of that size); a wide entity's high fields are mapped, assigned and hashed like the first ones.
class TestCtmsSchema : public QObject
{
    Q_OBJECT
private slots:
    void fieldCount_data();
    void fieldCount();
    void wideEntityMapsItsHighFields_data();
    void wideEntityMapsItsHighFields();
    void recordMaskIsFixedSize();
};

namespace {

QString fieldName(int i)
{
    return QStringLiteral("f%1").arg(i, 3, 10, QLatin1Char('0'));
}

// One entity "wide" with `count` text fields, the first the key.
QByteArray schemaJson(int count)
{
    QByteArray fields;
    for (int i = 0; i < count; ++i)
        fields += (i ? "," : "") + QStringLiteral(R"({"name": "%1", "type": "text"%2})")
                                       .arg(fieldName(i), i == 0 ? QStringLiteral(R"(, "required": true)") : QString())
                                       .toUtf8();
    return R"({"format": "trialbridge.schema/1", "name": "wide", "version": 1, "codelists": {},
        "entities": [{"name": "wide", "label": "Wide", "key": ["f000"], "fields": [)"
        + fields + "]}]}";
}

} // namespace

void TestCtmsSchema::fieldCount_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("error"); // empty: accepted

    QTest::newRow("1") << 1 << QString();
    QTest::newRow("64") << 64 << QString();
    QTest::newRow("65") << 65 << QString();
    QTest::newRow("120") << 120 << QString();
    QTest::newRow("256") << 256 << QString();
    QTest::newRow("257") << 257
                         << QStringLiteral("wide.schema.json: entity 'wide' has 257 fields, more than the 256 an entity can have");
    QTest::newRow("300") << 300
                         << QStringLiteral("wide.schema.json: entity 'wide' has 300 fields, more than the 256 an entity can have");
}

void TestCtmsSchema::fieldCount()
{
    QFETCH(int, count);
    QFETCH(QString, error);
    QString message;
    const auto schema = CtmsSchema::fromJson(schemaJson(count), QStringLiteral("wide.schema.json"), &message);
    if (error.isEmpty()) {
        QVERIFY2(schema, qPrintable(message));
        QCOMPARE(schema->entity(QStringLiteral("wide"))->fields.size(), count);
    } else {
        QVERIFY(!schema);
        QCOMPARE(message, error);
    }
}

void TestCtmsSchema::wideEntityMapsItsHighFields_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("field");
    QTest::addColumn<bool>("merge");

    QTest::newRow("120 fields, field 100, upsert") << 120 << 100 << false;
    QTest::newRow("120 fields, field 100, merge") << 120 << 100 << true;
    QTest::newRow("120 fields, field 119, merge") << 120 << 119 << true;
    QTest::newRow("256 fields, field 255, merge") << 256 << 255 << true;
}

// The mapped high field gets its value and its assigned bit; in merge mode the fields between stay unassigned;
// the content hash (the loader's change detector) sees a change of the high field.
void TestCtmsSchema::wideEntityMapsItsHighFields()
{
    QFETCH(int, count);
    QFETCH(int, field);
    QFETCH(bool, merge);
    QString error;
    const auto schema = CtmsSchema::fromJson(schemaJson(count), QStringLiteral("wide.schema.json"), &error);
    QVERIFY2(schema, qPrintable(error));
    const QByteArray json = QStringLiteral(R"({"format": "trialbridge.mapping/1", "name": "w",
        "target": {"entity": "wide", "mode": "%1"},
        "fields": {"f000": {"from": "ID"}, "%2": {"from": "HIGH"}}})")
                                .arg(merge ? QStringLiteral("merge") : QStringLiteral("upsert"), fieldName(field))
                                .toUtf8();
    MappingDocument doc;
    QVERIFY2(MappingDocument::fromJson(json, QStringLiteral("w.mapping.json"), &doc, &error), qPrintable(error));
    const auto plan = MappingPlan::compile(doc, QStringLiteral("w.mapping.json"), schema, {"ID", "HIGH"},
                                           QStringLiteral("w.csv"), nullptr, &error);
    QVERIFY2(plan, qPrintable(error));

    TransformContext ctx;
    Record rec;
    QVector<ValidationIssue> issues;
    QVERIFY(plan->map({"K1", "high value"}, 2, ctx, rec, issues));
    QVERIFY(issues.isEmpty());
    QCOMPARE(rec.value(field), QStringLiteral("high value"));
    QCOMPARE(rec.value(fieldName(field)), QStringLiteral("high value"));
    QVERIFY(rec.isAssigned(0));
    QVERIFY(rec.isAssigned(field));
    for (int i = 1; i < count; ++i)
        if (i != field)
            QCOMPARE(rec.isAssigned(i), !merge);

    Record other = rec;
    other.setValue(fieldName(field), QStringLiteral("changed"));
    QVERIFY(other.contentHash() != rec.contentHash());
}

void TestCtmsSchema::recordMaskIsFixedSize()
{
    // No allocation per record: the mask lives inside the record.
    static_assert(sizeof(Record::FieldMask) * 8 >= size_t(EntityDef::MaxFields));
    Record r;
    QCOMPARE(int(r.assigned.count()), EntityDef::MaxFields); // a record sets every field unless told
    r.assignNone();
    r.setAssigned(200);
    QVERIFY(r.isAssigned(200));
    QVERIFY(!r.isAssigned(199));
    r.clearAssigned(200);
    QVERIFY(r.assigned.none());
}

QTEST_GUILESS_MAIN(TestCtmsSchema)
#include "tst_ctmsschema.moc"
