#include "load/WalCheckpointer.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using tb::core::WalCheckpointer;

namespace {

// A connection in WAL mode without SQLite's automatic checkpoint, as the loader runs it.
sqlite3* openWriter(const QString& path)
{
    sqlite3* db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK)
        qFatal("cannot open %s", qPrintable(path));
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)",
                 nullptr, nullptr, nullptr);
    sqlite3_wal_autocheckpoint(db, 0);
    return db;
}

void exec(sqlite3* db, const char* sql)
{
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK)
        qFatal("%s: %s", sql, message);
}

// Rows of about 1 KiB: enough pages that the database file visibly grows when they are copied into it.
void insertRows(sqlite3* db, int from, int count)
{
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO t VALUES (?1, printf('%.1000c', 'x'))", -1, &st, nullptr);
    for (int k = from; k < from + count; ++k) {
        sqlite3_bind_int(st, 1, k);
        sqlite3_step(st);
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
}

qint64 pageBytes(sqlite3* db)
{
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size", -1, &st, nullptr);
    sqlite3_step(st);
    const qint64 bytes = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return bytes;
}

// A writer connection on a database file of its own, with a checkpointer for it (not started).
struct Target
{
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("t.db"));
    sqlite3* db = openWriter(path);
    WalCheckpointer checkpointer;

    ~Target()
    {
        checkpointer.stop();
        if (db)
            sqlite3_close(db);
    }
    // Closes the writer connection; the last connection's close checkpoints.
    void close()
    {
        sqlite3_close(db);
        db = nullptr;
    }
};

} // namespace

class TestWalCheckpointer : public QObject
{
    Q_OBJECT

private slots:
    void copiesWhileTheWriterHoldsItsTransaction();
    void finishCopiesEverythingCommitted();
    void uncommittedRowsStayInTheLog();
    void stopCopiesNothingMore();
    void needsADatabaseFile_data();
    void needsADatabaseFile();
};

void TestWalCheckpointer::copiesWhileTheWriterHoldsItsTransaction()
{
    Target t;
    QString error;
    QVERIFY2(t.checkpointer.start(t.db, &error), qPrintable(error));
    const qint64 before = QFileInfo(t.path).size();

    exec(t.db, "BEGIN IMMEDIATE");
    insertRows(t.db, 1, 2000);
    exec(t.db, "COMMIT; BEGIN IMMEDIATE"); // the loader's batch boundary: the next transaction is open at once
    t.checkpointer.committed();
    QTRY_VERIFY(t.checkpointer.passes() >= 1);
    // The committed rows are in the database file although the writer never checkpointed and still writes.
    QVERIFY2(QFileInfo(t.path).size() > before + 2000 * 1000, qPrintable(QString::number(QFileInfo(t.path).size())));
    insertRows(t.db, 2001, 10);
    exec(t.db, "COMMIT");
    QVERIFY(t.checkpointer.finish());
    QVERIFY(t.checkpointer.error().isEmpty());
}

void TestWalCheckpointer::finishCopiesEverythingCommitted()
{
    Target t;
    QString error;
    QVERIFY2(t.checkpointer.start(t.db, &error), qPrintable(error));
    for (int batch = 0; batch < 5; ++batch) {
        exec(t.db, "BEGIN IMMEDIATE");
        insertRows(t.db, batch * 500 + 1, 500);
        exec(t.db, "COMMIT");
        t.checkpointer.committed();
    }
    QVERIFY(t.checkpointer.finish());
    // Every page of the database is in its file: nothing is left for a checkpoint at close.
    QCOMPARE(QFileInfo(t.path).size(), pageBytes(t.db));
    int log = -1, copied = -1;
    QCOMPARE(sqlite3_wal_checkpoint_v2(t.db, "main", SQLITE_CHECKPOINT_PASSIVE, &log, &copied), SQLITE_OK);
    QCOMPARE(copied, log);
}

void TestWalCheckpointer::uncommittedRowsStayInTheLog()
{
    Target t;
    QString error;
    QVERIFY2(t.checkpointer.start(t.db, &error), qPrintable(error));
    exec(t.db, "BEGIN IMMEDIATE");
    insertRows(t.db, 1, 3000); // spills pages into the log before any commit
    t.checkpointer.committed();
    QTRY_VERIFY(t.checkpointer.passes() >= 1);
    QVERIFY(t.checkpointer.finish());
    exec(t.db, "ROLLBACK");
    t.close();
    // A checkpoint never copies what was not committed: the rolled-back rows are nowhere.
    sqlite3* reader = nullptr;
    QCOMPARE(sqlite3_open(t.path.toUtf8().constData(), &reader), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(reader, "SELECT count(*) FROM t", -1, &st, nullptr);
    QCOMPARE(sqlite3_step(st), SQLITE_ROW);
    QCOMPARE(sqlite3_column_int(st, 0), 0);
    sqlite3_finalize(st);
    sqlite3_prepare_v2(reader, "PRAGMA integrity_check", -1, &st, nullptr);
    QCOMPARE(sqlite3_step(st), SQLITE_ROW);
    QCOMPARE(QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))), QByteArray("ok"));
    sqlite3_finalize(st);
    sqlite3_close(reader);
}

void TestWalCheckpointer::stopCopiesNothingMore()
{
    Target t;
    QString error;
    QVERIFY2(t.checkpointer.start(t.db, &error), qPrintable(error));
    const qint64 before = QFileInfo(t.path).size();
    exec(t.db, "BEGIN IMMEDIATE");
    insertRows(t.db, 1, 2000);
    exec(t.db, "COMMIT");
    t.checkpointer.stop(); // not told of the commit: the rows stay in the log
    QCOMPARE(t.checkpointer.passes(), 0);
    QCOMPARE(QFileInfo(t.path).size(), before);
    t.close();
    QVERIFY(QFileInfo(t.path).size() > before + 2000 * 1000);
}

void TestWalCheckpointer::needsADatabaseFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("message");
    QTest::newRow("in memory") << QStringLiteral(":memory:") << QStringLiteral("has no file");
    QTest::newRow("temporary") << QString() << QStringLiteral("has no file");
}

void TestWalCheckpointer::needsADatabaseFile()
{
    QFETCH(QString, name);
    QFETCH(QString, message);
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(name.toUtf8().constData(), &db), SQLITE_OK);
    WalCheckpointer checkpointer;
    QString error;
    QVERIFY(!checkpointer.start(db, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY(checkpointer.finish()); // nothing started, nothing to do
    sqlite3_close(db);
}

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "tst_walcheckpointer.moc"
