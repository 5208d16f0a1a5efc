// One entity's prepared writes: row images inserted 32 to a statement, the rest one by one, and a failed
// batch that names the row it failed on.

#include "load/CtmsDatabase.h"
#include "load/EntityTable.h"
#include "model/CtmsSchema.h"
#include "model/Record.h"
#include "run/WriteChunk.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace tb::core;

namespace {

Record visit(const EntityDef* e, int subject, int number)
{
    Record r(e);
    r.setValue(QStringLiteral("study_id"), QStringLiteral("S1"));
    r.setValue(QStringLiteral("subject_id"), QStringLiteral("%1").arg(1000 + subject));
    r.setValue(QStringLiteral("visit_code"), QStringLiteral("V%1").arg(number));
    r.setValue(QStringLiteral("visit_date"), QStringLiteral("2026-01-%1").arg(number % 28 + 1, 2, 10, QLatin1Char('0')));
    return r;
}

qint64 count(sqlite3* db, const char* sql)
{
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
    sqlite3_step(st);
    const qint64 n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

} // namespace

class TestEntityTable : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void queuedInsertsAreWrittenWhole_data();
    void queuedInsertsAreWrittenWhole();
    void failedBatchNamesTheRow_data();
    void failedBatchNamesTheRow();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CtmsDatabase> m_db;
    std::shared_ptr<const CtmsSchema> m_schema = CtmsSchema::builtIn();
    const EntityDef* m_visit = nullptr;
    QString m_time = QStringLiteral("2026-12-02T10:00:00.000Z"), m_actor = QStringLiteral("tester");
    WriteChunk::AuditFacts facts() const
    {
        WriteChunk::AuditFacts f;
        f.timeUtc = &m_time;
        f.actor = &m_actor;
        f.runId = 1;
        f.sourceRef = QStringLiteral("visits.csv:2");
        return f;
    }
};

void TestEntityTable::init()
{
    m_db = std::make_unique<CtmsDatabase>();
    QString error;
    QVERIFY2(m_db->open(m_dir.filePath(QStringLiteral("%1.db").arg(QTest::currentDataTag())), &error), qPrintable(error));
    m_db->exec(QStringLiteral("PRAGMA foreign_keys=OFF"), &error); // visits without their subjects
    m_visit = m_schema->entity(QStringLiteral("visit"));
}

void TestEntityTable::cleanup()
{
    m_db.reset();
}

void TestEntityTable::queuedInsertsAreWrittenWhole_data()
{
    QTest::addColumn<int>("rows");
    for (int n : {1, 31, 32, 33, 64, 100})
        QTest::addRow("%d rows", n) << n;
}

void TestEntityTable::queuedInsertsAreWrittenWhole()
{
    QFETCH(int, rows);
    EntityTable table;
    QString error;
    QVERIFY2(table.prepare(m_db->handle(), *m_visit, *m_schema->entity(QStringLiteral("subject")), &error), qPrintable(error));
    WriteChunk chunk;
    std::vector<Record> records;
    for (int i = 0; i < rows; ++i) {
        records.push_back(visit(m_visit, i / 10, i % 10));
        chunk.addInsert(records.back(), records.back().contentHash(), facts());
    }
    QVERIFY(m_db->begin(&error));
    for (const WriteOp& op : chunk.ops())
        QVERIFY2(table.queueInsert(chunk.bytes(op.row)), qPrintable(table.error()));
    // Full batches are written as they fill; the rest waits for flush().
    QCOMPARE(count(m_db->handle(), "SELECT COUNT(*) FROM visit"), qint64(rows / 32 * 32));
    QVERIFY2(table.flush(), qPrintable(table.error()));
    QVERIFY(m_db->commit(&error));
    QCOMPARE(count(m_db->handle(), "SELECT COUNT(*) FROM visit"), qint64(rows));
    for (const Record& r : records) {
        StoredRow stored;
        QVERIFY(table.selectByKey(r, &stored));
        QCOMPARE(stored.values, r.values);
        QCOMPARE(stored.hash, r.contentHash());
    }
    QCOMPARE(count(m_db->handle(), "SELECT COUNT(*) FROM visit WHERE _source_ref = 'visits.csv:2' AND _run_id = 1"),
             qint64(rows));
}

void TestEntityTable::failedBatchNamesTheRow_data()
{
    QTest::addColumn<int>("duplicate"); // the row (of 40) that repeats an earlier key
    QTest::newRow("in the full batch") << 20;
    QTest::newRow("first of the batch") << 0;
    QTest::newRow("in the rest") << 35;
}

void TestEntityTable::failedBatchNamesTheRow()
{
    QFETCH(int, duplicate);
    EntityTable table;
    QString error;
    QVERIFY2(table.prepare(m_db->handle(), *m_visit, *m_schema->entity(QStringLiteral("subject")), &error), qPrintable(error));
    QVERIFY(m_db->begin(&error));
    WriteChunk chunk;
    const Record existing = visit(m_visit, 7, 3);
    chunk.addInsert(existing, existing.contentHash(), facts());
    QVERIFY(table.queueInsert(chunk.bytes(chunk.ops().front().row)));
    QVERIFY(table.flush());
    for (int i = 0; i < 40; ++i) {
        const Record r = i == duplicate ? existing : visit(m_visit, 20 + i / 10, i % 10);
        chunk.addInsert(r, r.contentHash(), facts());
    }
    bool ok = true;
    for (size_t i = 1; ok && i < chunk.size(); ++i)
        ok = table.queueInsert(chunk.bytes(chunk.ops()[i].row));
    ok = ok && table.flush();
    QVERIFY(!ok);
    QCOMPARE(table.failedKey(), QStringLiteral("S1/1007/V3"));
    QVERIFY2(table.error().contains(QStringLiteral("UNIQUE")), qPrintable(table.error()));
    m_db->rollback();
    QCOMPARE(count(m_db->handle(), "SELECT COUNT(*) FROM visit"), qint64(0));
}

QTEST_GUILESS_MAIN(TestEntityTable)
#include "tst_entitytable.moc"
