// The loader's write chunks: row images in the table's column order and audit entries with the images the
// audit trail documents (docs/ctms-model.md), encoded on the producer thread exactly as AuditLog would
// encode the same entry.

#include "model/CtmsSchema.h"
#include "model/Record.h"
#include "run/WriteChunk.h"

#include <QtTest>

using tb::core::AuditChain;
using tb::core::CtmsSchema;
using tb::core::EntityDef;
using tb::core::Record;
using tb::core::WriteChunk;
using tb::core::WriteOp;

namespace {

// The fields of one encoded entry or row: text as QString (null for NULL), integers as numbers.
QVariantList decode(const unsigned char* p, int count)
{
    QVariantList out;
    for (int i = 0; i < count; ++i) {
        AuditChain::Field f;
        p = AuditChain::readField(p, &f);
        switch (f.type) {
        case AuditChain::Text: out << QString::fromUtf8(f.data, f.size); break;
        case AuditChain::Blob: out << QByteArray(f.data, f.size); break;
        case AuditChain::Integer: out << f.integer; break;
        default: out << QVariant();
        }
    }
    return out;
}

Record adverseEvent(const EntityDef* e)
{
    Record r(e);
    r.setValue(QStringLiteral("study_id"), QStringLiteral("S1"));
    r.setValue(QStringLiteral("subject_id"), QStringLiteral("1001"));
    r.setValue(QStringLiteral("ae_id"), QStringLiteral("3"));
    r.setValue(QStringLiteral("term"), QStringLiteral("Ödem \"links\"\n頭痛"));
    r.setValue(QStringLiteral("start_date"), QStringLiteral("2026-01-05"));
    r.setValue(QStringLiteral("severity"), QStringLiteral("MILD"));
    r.sourceModified = QStringLiteral("2026-01-06T08:00:00Z");
    return r;
}

} // namespace

class TestWriteChunk : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void insertCarriesTheRowAndEveryValueAfter();
    void updateCarriesTheChangedFieldsOnly();
    void deleteCarriesWhatWasDeleted();
    void reasonAndRunAreOptional_data();
    void reasonAndRunAreOptional();
    void clearKeepsNothingButTheBuffers();

private:
    std::shared_ptr<const CtmsSchema> m_schema;
    const EntityDef* m_ae = nullptr;
    QString m_time = QStringLiteral("2026-12-02T10:00:00.000Z");
    QString m_actor = QStringLiteral("analyst");
    WriteChunk::AuditFacts facts(qint64 runId = 7, const QString& reason = QString()) const
    {
        WriteChunk::AuditFacts f;
        f.timeUtc = &m_time;
        f.actor = &m_actor;
        f.runId = runId;
        f.sourceRef = QStringLiteral("edc/ae.csv:4");
        f.reason = reason;
        return f;
    }
};

void TestWriteChunk::initTestCase()
{
    m_schema = CtmsSchema::builtIn();
    m_ae = m_schema->entity(QStringLiteral("adverse_event"));
    QVERIFY(m_ae);
}

void TestWriteChunk::insertCarriesTheRowAndEveryValueAfter()
{
    const Record r = adverseEvent(m_ae);
    const QByteArray hash = r.contentHash();
    WriteChunk chunk;
    chunk.addInsert(r, hash, facts());
    QCOMPARE(chunk.size(), size_t(1));
    const WriteOp& op = chunk.ops().front();
    QCOMPARE(op.kind, WriteOp::Kind::Insert);
    QCOMPARE(op.entity, m_ae);

    const int n = int(m_ae->fields.size());
    const QVariantList row = decode(chunk.bytes(op.row), n + 4);
    for (int i = 0; i < n; ++i)
        QCOMPARE(row[i].toString(), r.values[size_t(i)]);
    QVERIFY(row[m_ae->indexOf(QStringLiteral("end_date"))].isNull()); // no value: NULL, not ''
    QCOMPARE(row[n].toByteArray(), hash);
    QCOMPARE(row[n + 1].toString(), QStringLiteral("edc/ae.csv:4"));
    QCOMPARE(row[n + 2].toString(), QStringLiteral("2026-01-06T08:00:00Z"));
    QCOMPARE(row[n + 3].toLongLong(), 7);

    const QVariantList audit = decode(chunk.bytes(op.audit), AuditChain::FieldCount);
    QCOMPARE(audit[0].toString(), m_time);
    QCOMPARE(audit[1].toString(), m_actor);
    QCOMPARE(audit[2].toString(), QStringLiteral("insert"));
    QCOMPARE(audit[3].toString(), QStringLiteral("adverse_event"));
    QCOMPARE(audit[4].toString(), r.naturalKeyJson());
    QCOMPARE(audit[5].toString(), QStringLiteral("S1"));
    QVERIFY(audit[6].isNull()); // an adverse event has no site_id field
    QCOMPARE(audit[7].toString(), QStringLiteral("1001"));
    QVERIFY(audit[8].isNull());
    QCOMPARE(audit[9].toString(),
             QStringLiteral("{\"term\":\"Ödem \\\"links\\\"\\n頭痛\",\"start_date\":\"2026-01-05\",\"severity\":\"MILD\"}"));
    QCOMPARE(audit[10].toLongLong(), 7);
    QCOMPARE(audit[11].toString(), QStringLiteral("edc/ae.csv:4"));
    QVERIFY(audit[12].isNull());
}

void TestWriteChunk::updateCarriesTheChangedFieldsOnly()
{
    const Record before = adverseEvent(m_ae);
    Record after = before;
    after.setValue(QStringLiteral("severity"), QStringLiteral("SEVERE"));
    after.setValue(QStringLiteral("end_date"), QStringLiteral("2026-01-09"));
    after.setValue(QStringLiteral("outcome"), QString(QLatin1String(""))); // empty is a change from none
    WriteChunk chunk;
    chunk.addUpdate(after, before.values, after.contentHash(), facts());
    const WriteOp& op = chunk.ops().front();
    QCOMPARE(op.kind, WriteOp::Kind::Update);
    const QVariantList audit = decode(chunk.bytes(op.audit), AuditChain::FieldCount);
    QCOMPARE(audit[2].toString(), QStringLiteral("update"));
    QCOMPARE(audit[8].toString(), QStringLiteral("{\"end_date\":null,\"severity\":\"MILD\",\"outcome\":null}"));
    QCOMPARE(audit[9].toString(), QStringLiteral("{\"end_date\":\"2026-01-09\",\"severity\":\"SEVERE\",\"outcome\":\"\"}"));
    const QVariantList row = decode(chunk.bytes(op.row), int(m_ae->fields.size()));
    QCOMPARE(row[m_ae->indexOf(QStringLiteral("severity"))].toString(), QStringLiteral("SEVERE"));
}

void TestWriteChunk::deleteCarriesWhatWasDeleted()
{
    const Record stored = adverseEvent(m_ae);
    WriteChunk chunk;
    chunk.addDelete(*m_ae, stored.values, facts(7, QStringLiteral("removed in the source")));
    const WriteOp& op = chunk.ops().front();
    QCOMPARE(op.kind, WriteOp::Kind::Delete);
    const QVariantList row = decode(chunk.bytes(op.row), int(m_ae->fields.size()));
    for (int k : m_ae->keyFields)
        QCOMPARE(row[k].toString(), stored.values[size_t(k)]);
    // The row image of a delete ends after its fields: the audit entry follows at once.
    AuditChain::Field f;
    const unsigned char* p = chunk.bytes(op.row);
    for (int i = 0; i < m_ae->fields.size(); ++i)
        p = AuditChain::readField(p, &f);
    QCOMPARE(p, chunk.bytes(op.audit));
    const QVariantList audit = decode(chunk.bytes(op.audit), AuditChain::FieldCount);
    QCOMPARE(audit[2].toString(), QStringLiteral("delete"));
    QCOMPARE(audit[8].toString(),
             QStringLiteral("{\"term\":\"Ödem \\\"links\\\"\\n頭痛\",\"start_date\":\"2026-01-05\",\"severity\":\"MILD\"}"));
    QVERIFY(audit[9].isNull());
    QCOMPARE(audit[12].toString(), QStringLiteral("removed in the source"));
}

void TestWriteChunk::reasonAndRunAreOptional_data()
{
    QTest::addColumn<qint64>("runId");
    QTest::addColumn<QString>("reason");
    QTest::newRow("run, no reason") << qint64(3) << QString();
    QTest::newRow("run, empty reason") << qint64(3) << QString(QLatin1String(""));
    QTest::newRow("no run") << qint64(0) << QStringLiteral("UAT run");
}

void TestWriteChunk::reasonAndRunAreOptional()
{
    QFETCH(qint64, runId);
    QFETCH(QString, reason);
    WriteChunk chunk;
    chunk.addInsert(adverseEvent(m_ae), QByteArray(16, 'h'), facts(runId, reason));
    const QVariantList audit = decode(chunk.bytes(chunk.ops().front().audit), AuditChain::FieldCount);
    QCOMPARE(audit[10].isNull(), runId == 0);
    if (runId)
        QCOMPARE(audit[10].toLongLong(), runId);
    QCOMPARE(audit[12].isNull(), reason.isNull());
    QCOMPARE(audit[12].toString(), reason);
}

void TestWriteChunk::clearKeepsNothingButTheBuffers()
{
    WriteChunk chunk;
    const Record r = adverseEvent(m_ae);
    chunk.addInsert(r, r.contentHash(), facts());
    chunk.add(WriteOp::warning({}));
    QCOMPARE(chunk.size(), size_t(2));
    chunk.clear();
    QVERIFY(chunk.empty());
    chunk.addInsert(r, r.contentHash(), facts());
    QCOMPARE(chunk.ops().front().row, 0); // the bytes start over
}

QTEST_GUILESS_MAIN(TestWriteChunk)
#include "tst_writechunk.moc"
