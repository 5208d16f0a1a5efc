#include "load/CtmsDatabase.h"
#include "model/CtmsSchema.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

#include "TestSupport.h"

using tb::core::CtmsDatabase;
using tb::core::CtmsSchema;

namespace {

// The rows of a query, each row's columns joined by '|'.
QStringList rows(const CtmsDatabase& db, const QString& sql)
{
    QSqlQuery q(db.sql());
    if (!q.exec(sql))
        qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    QStringList out;
    while (q.next()) {
        QStringList cols;
        for (int i = 0; i < q.record().count(); ++i)
            cols << q.value(i).toString();
        out << cols.join(QLatin1Char('|'));
    }
    return out;
}

QStringList tables(const CtmsDatabase& db)
{
    QStringList t = rows(db, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"));
    t.sort();
    return t;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestCtmsDatabase : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void createsLatestSchema();
    void upgradesFromVersion1();
    void runTableRebuildKeepsRunsAndTheirIds();
    void deletedWithParentIsCountedForEarlierRuns();
    void neverDowngrades();
    void refusesNewerSchema();
    void refusesNonDatabase_data();
    void refusesNonDatabase();
    void missingFolder();
    void schemaMatchesTables_data();
    void schemaMatchesTables();
    void auditLogIsAppendOnly();
    void foreignKeysAndWal();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("ctms.db")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCtmsDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCtmsDatabase::createsLatestSchema()
{
    const int latest = CtmsDatabase::latestSchemaVersion();
    QVERIFY2(latest >= 2, "migrations 0001 and 0002 are compiled in");

    CtmsDatabase db;
    QString error;
    QVERIFY(!db.isOpen());
    QVERIFY2(db.open(path(), &error), qPrintable(error));
    QVERIFY(db.isOpen());
    QVERIFY(db.handle());
    QCOMPARE(db.path(), path());
    QCOMPARE(db.schemaVersion(), latest);

    // One row per migration, named after its script, with the UTC time it was applied.
    const QStringList applied =
        rows(db, QStringLiteral("SELECT version, name, applied_utc FROM schema_migrations ORDER BY version"));
    QCOMPARE(applied.size(), latest);
    QVERIFY2(applied[0].startsWith(QStringLiteral("1|0001_ctms.sql|")), qPrintable(applied[0]));
    QVERIFY2(applied[1].startsWith(QStringLiteral("2|0002_integration_state.sql|")), qPrintable(applied[1]));
    static const QRegularExpression utc(
        QStringLiteral("\\|\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z$"));
    for (const QString& row : applied)
        QVERIFY2(utc.match(row).hasMatch(), qPrintable(row));

    for (const char* t :
         {"study", "site", "subject", "visit", "run", "run_entity", "reject", "run_warning", "audit_log"})
        QVERIFY2(tables(db).contains(QLatin1String(t)), t);

    db.close();
    QVERIFY(!db.isOpen());
}

void TestCtmsDatabase::upgradesFromVersion1()
{
    QString error;
    {
        CtmsDatabase db;
        QVERIFY2(db.open(path(), &error, 1), qPrintable(error));
        QCOMPARE(db.schemaVersion(), 1);
        const QStringList t = tables(db);
        QVERIFY(t.contains(QStringLiteral("study")));
        QVERIFY(t.contains(QStringLiteral("payment")));
        QVERIFY(!t.contains(QStringLiteral("run")));
        QVERIFY(!t.contains(QStringLiteral("audit_log")));
        QVERIFY2(db.exec(QStringLiteral("INSERT INTO study (study_id, title) VALUES ('S1', 'Kept')"), &error),
                 qPrintable(error));
    }
    CtmsDatabase db;
    QVERIFY2(db.open(path(), &error), qPrintable(error));
    QCOMPARE(db.schemaVersion(), CtmsDatabase::latestSchemaVersion());
    QCOMPARE(rows(db, QStringLiteral("SELECT study_id, title FROM study")), QStringList{"S1|Kept"});
    const QStringList t = tables(db);
    for (const char* name : {"run", "run_entity", "reject", "run_warning", "audit_log", "esignature", "mapping_revision",
                             "change_control", "uat_sandbox", "source_cursor"})
        QVERIFY2(t.contains(QLatin1String(name)), name);
    QCOMPARE(rows(db, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")),
             (QStringList{"audit_chain_no_delete", "audit_chain_no_update", "audit_checkpoint_no_delete",
                          "audit_checkpoint_no_update", "audit_log_no_delete", "audit_log_no_update",
                          "change_control_no_delete", "change_control_no_update", "esignature_no_delete",
                          "esignature_no_update", "mapping_revision_frozen", "mapping_revision_lifecycle",
                          "mapping_revision_no_delete"}));
    QStringList versions;
    for (int v = 1; v <= CtmsDatabase::latestSchemaVersion(); ++v)
        versions << QString::number(v);
    QCOMPARE(rows(db, QStringLiteral("SELECT version FROM schema_migrations ORDER BY version")), versions);
}

void TestCtmsDatabase::runTableRebuildKeepsRunsAndTheirIds()
{
    // Migration 4 rebuilds the run table (a wider status CHECK) under rows that refer to it.
    QString error;
    {
        CtmsDatabase db;
        QVERIFY2(db.open(path(), &error, 3), qPrintable(error));
        QVERIFY2(db.exec(QStringLiteral(
                             "INSERT INTO run (pipeline, actor, started_utc, status) VALUES ('p', 'a', 't1', 'succeeded');"
                             "INSERT INTO run (pipeline, actor, started_utc, status) VALUES ('p', 'a', 't2', 'running');"
                             "INSERT INTO run (pipeline, actor, started_utc, status) VALUES ('p', 'a', 't3', 'failed');"
                             "DELETE FROM run WHERE run_id = 3;"
                             "INSERT INTO run_entity (run_id, entity, read) VALUES (1, 'subject', 5);"
                             "INSERT INTO reject (run_id, entity, natural_key, rule, message) VALUES (2, 'visit', 'k', 'r', 'm');"),
                         &error),
                 qPrintable(error));
        QVERIFY(!db.exec(QStringLiteral("UPDATE run SET status = 'interrupted' WHERE run_id = 2"), &error));
    }
    CtmsDatabase db;
    QVERIFY2(db.open(path(), &error), qPrintable(error));
    QCOMPARE(db.schemaVersion(), CtmsDatabase::latestSchemaVersion());
    QCOMPARE(rows(db, QStringLiteral("SELECT run_id, started_utc, status FROM run ORDER BY run_id")),
             (QStringList{"1|t1|succeeded", "2|t2|running"}));
    QCOMPARE(rows(db, QStringLiteral("SELECT run_id, entity, read FROM run_entity")), QStringList{"1|subject|5"});
    QCOMPARE(rows(db, QStringLiteral("PRAGMA foreign_key_check")), QStringList());
    QCOMPARE(rows(db, QStringLiteral("PRAGMA foreign_keys")), QStringList{"1"});
    QVERIFY2(db.exec(QStringLiteral("UPDATE run SET status = 'interrupted' WHERE run_id = 2"), &error), qPrintable(error));
    QVERIFY(!db.exec(QStringLiteral("UPDATE run SET status = 'lost' WHERE run_id = 2"), &error));
    // A run id is never reused, not even that of a run whose row is gone.
    QVERIFY2(db.exec(QStringLiteral("INSERT INTO run (pipeline, actor, started_utc, status) VALUES ('p', 'a', 't4', 'running')"),
                     &error),
             qPrintable(error));
    QCOMPARE(rows(db, QStringLiteral("SELECT MAX(run_id) FROM run")), QStringList{"4"});
    // The children still refer to run: a reject of a missing run is refused.
    QVERIFY(!db.exec(QStringLiteral("INSERT INTO reject (run_id, entity, natural_key, rule, message) VALUES (99, 'v', 'k', 'r', 'm')"),
                     &error));
}

void TestCtmsDatabase::deletedWithParentIsCountedForEarlierRuns()
{
    // Migration 11 adds run_entity.deleted_with_parent and counts it for the runs before from their audit
    // entries: deletions whose reason begins "removed with", not those the source asked for, nor other actions.
    QString error;
    {
        CtmsDatabase db;
        QVERIFY2(db.open(path(), &error, 10), qPrintable(error));
        QVERIFY2(db.exec(QStringLiteral(
                             "INSERT INTO run (pipeline, actor, started_utc, status) VALUES ('p', 'a', 't1', 'succeeded');"
                             "INSERT INTO run (pipeline, actor, started_utc, status) VALUES ('p', 'a', 't2', 'succeeded');"
                             "INSERT INTO run_entity (run_id, entity, read, deleted) VALUES (1, 'subject', 1, 1);"
                             "INSERT INTO run_entity (run_id, entity, read, deleted) VALUES (1, 'visit', 1, 3);"
                             "INSERT INTO run_entity (run_id, entity, read, deleted) VALUES (2, 'visit', 4, 0);"
                             "INSERT INTO audit_log (ts_utc, actor, action, entity, natural_key, run_id, reason) VALUES "
                             "('t1', 'a', 'delete', 'visit', 'k1', 1, 'removed with Subject 004; ODM AuditRecord: withdrawn'),"
                             "('t1', 'a', 'delete', 'visit', 'k2', 1, 'removed with Subject 004'),"
                             "('t1', 'a', 'delete', 'visit', 'k3', 1, 'ODM AuditRecord: removed with care'),"
                             "('t1', 'a', 'delete', 'subject', 's', 1, 'ODM AuditRecord: withdrawn'),"
                             "('t2', 'a', 'update', 'visit', 'k4', 2, 'removed with Subject 005');"),
                         &error),
                 qPrintable(error));
    }
    CtmsDatabase db;
    QVERIFY2(db.open(path(), &error), qPrintable(error));
    QCOMPARE(rows(db, QStringLiteral("SELECT run_id, entity, deleted, deleted_with_parent FROM run_entity "
                                     "ORDER BY run_id, entity")),
             (QStringList{"1|subject|1|0", "1|visit|3|2", "2|visit|0|0"}));
}

void TestCtmsDatabase::neverDowngrades()
{
    QString error;
    {
        CtmsDatabase db;
        QVERIFY2(db.open(path(), &error), qPrintable(error));
    }
    CtmsDatabase db;
    QVERIFY2(db.open(path(), &error, 1), qPrintable(error));
    QCOMPARE(db.schemaVersion(), CtmsDatabase::latestSchemaVersion());
    QVERIFY(tables(db).contains(QStringLiteral("audit_log")));
}

void TestCtmsDatabase::refusesNewerSchema()
{
    QString error;
    {
        CtmsDatabase db;
        QVERIFY2(db.open(path(), &error), qPrintable(error));
        QVERIFY2(
            db.exec(
                QStringLiteral(
                    "INSERT INTO schema_migrations VALUES (99, '0099_future.sql', '2030-01-01T00:00:00Z')"),
                &error),
            qPrintable(error));
    }
    CtmsDatabase db;
    QVERIFY(!db.open(path(), &error));
    QVERIFY(!db.isOpen()); // nothing may write to a database this version does not understand
    QVERIFY2(error.startsWith(path() + QStringLiteral(": ")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("schema version 99, newer than this TrialBridge knows (%1)")
                                .arg(CtmsDatabase::latestSchemaVersion())),
             qPrintable(error));
}

void TestCtmsDatabase::refusesNonDatabase_data()
{
    QTest::addColumn<QByteArray>("bytes");

    QByteArray random(8192, Qt::Uninitialized);
    QRandomGenerator rng(20240305);
    for (char& c : random)
        c = char(rng.bounded(256));
    QTest::newRow("random bytes") << random;
    QTest::newRow("a CSV file")
        << QByteArray("SUBJECT,SITE,SEX\r\n1001,101,F\r\n1002,101,M\r\n").repeated(40);
}

void TestCtmsDatabase::refusesNonDatabase()
{
    QFETCH(QByteArray, bytes);
    const QString file = tb::test::writeFile(m_dir->path(), QStringLiteral("not.db"), bytes);
    CtmsDatabase db;
    QString error;
    QVERIFY(!db.open(file, &error));
    QVERIFY(!db.isOpen());
    QVERIFY2(error.startsWith(file + QStringLiteral(": ")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("not a database")) ||
                 error.contains(QStringLiteral("not a TrialBridge database")),
             qPrintable(error));
    QCOMPARE(readAll(file), bytes); // someone else's file is left alone
}

void TestCtmsDatabase::missingFolder()
{
    CtmsDatabase db;
    QString error;
    const QString file = m_dir->filePath(QStringLiteral("no/such/folder/ctms.db"));
    QVERIFY(!db.open(file, &error));
    QCOMPARE(error, file + QStringLiteral(": the folder does not exist"));
    QVERIFY(!QDir(m_dir->filePath(QStringLiteral("no"))).exists());
}

void TestCtmsDatabase::schemaMatchesTables_data()
{
    QTest::addColumn<QString>("entity");
    for (const auto& e : CtmsSchema::builtIn()->entities())
        QTest::newRow(qPrintable(e.name)) << e.name;
}

// The schema JSON and the SQL migrations describe the same tables: every field is a column, every column
// (but the bookkeeping ones) a field, keys are primary keys in key order, and required fields are NOT NULL.
void TestCtmsDatabase::schemaMatchesTables()
{
    QFETCH(QString, entity);
    CtmsDatabase db;
    QString error;
    QVERIFY2(db.open(path(), &error), qPrintable(error));
    const tb::core::EntityDef* e = CtmsSchema::builtIn()->entity(entity);
    QVERIFY(e);

    QSqlQuery q(db.sql());
    QVERIFY(q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(entity)));
    QStringList columns, primaryKey, notNull;
    QMap<int, QString> pkByPosition;
    while (q.next()) {
        const QString name = q.value(1).toString();
        columns << name;
        if (q.value(3).toInt())
            notNull << name;
        if (const int pk = q.value(5).toInt())
            pkByPosition.insert(pk, name);
    }
    QVERIFY2(!columns.isEmpty(), "no such table");
    primaryKey = pkByPosition.values();

    QStringList fields, required;
    for (const auto& f : e->fields) {
        fields << f.name;
        if (f.required)
            required << f.name;
    }
    QStringList dataColumns;
    for (const QString& c : columns)
        if (!c.startsWith(u'_'))
            dataColumns << c;
    QCOMPARE(dataColumns, fields);
    for (const char* c : {"_hash", "_source_ref", "_source_modified", "_run_id"})
        QVERIFY2(columns.contains(QLatin1String(c)), c);
    QCOMPARE(primaryKey, e->keyNames());
    QStringList requiredColumns;
    for (const QString& c : notNull)
        if (!c.startsWith(u'_'))
            requiredColumns << c;
    QCOMPARE(requiredColumns, required);
}

void TestCtmsDatabase::auditLogIsAppendOnly()
{
    CtmsDatabase db;
    QString error;
    QVERIFY2(db.open(path(), &error), qPrintable(error));
    QVERIFY2(db.exec(QStringLiteral(
                         "INSERT INTO audit_log (ts_utc, actor, action, entity, natural_key, after_json) "
                         "VALUES ('2024-03-05T09:30:00Z', 'tester', 'insert', 'study', "
                         "'{\"study_id\":\"S1\"}', '{}')"),
                     &error),
             qPrintable(error));
    const QStringList before = rows(db, QStringLiteral("SELECT * FROM audit_log"));
    QCOMPARE(before.size(), 1);

    QVERIFY(!db.exec(QStringLiteral("UPDATE audit_log SET actor = 'intruder'"), &error));
    QVERIFY2(error.contains(QStringLiteral("audit_log entries cannot be changed")), qPrintable(error));
    QVERIFY(!db.exec(QStringLiteral("DELETE FROM audit_log"), &error));
    QVERIFY2(error.contains(QStringLiteral("audit_log entries cannot be deleted")), qPrintable(error));
    // Not even inside a transaction that otherwise commits.
    QVERIFY(db.begin(&error));
    QVERIFY(!db.exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 1"), &error));
    QVERIFY2(db.commit(&error), qPrintable(error));
    QCOMPARE(rows(db, QStringLiteral("SELECT * FROM audit_log")), before);

    // Only the three actions are allowed.
    QVERIFY(!db.exec(QStringLiteral("INSERT INTO audit_log (ts_utc, actor, action, entity, natural_key) "
                                    "VALUES ('2024-03-05T09:30:00Z', 'tester', 'erase', 'study', '{}')"),
                     &error));
    QVERIFY2(error.contains(QStringLiteral("CHECK constraint failed")), qPrintable(error));
}

void TestCtmsDatabase::foreignKeysAndWal()
{
    CtmsDatabase db;
    QString error;
    QVERIFY2(db.open(path(), &error), qPrintable(error));
    QCOMPARE(rows(db, QStringLiteral("PRAGMA journal_mode")), QStringList{"wal"});
    QVERIFY(!db.exec(QStringLiteral("INSERT INTO country (study_id, country_code) VALUES ('NOPE', 'DEU')"),
                     &error));
    QVERIFY2(error.contains(QStringLiteral("FOREIGN KEY constraint failed")), qPrintable(error));
    QVERIFY2(db.exec(QStringLiteral("INSERT INTO study (study_id) VALUES ('S1'); "
                                    "INSERT INTO country (study_id, country_code) VALUES ('S1', 'DEU')"),
                     &error),
             qPrintable(error));
    // A failed transaction rolls back whole.
    QVERIFY(db.begin(&error));
    QVERIFY(db.exec(QStringLiteral("INSERT INTO study (study_id) VALUES ('S2')"), &error));
    db.rollback();
    QCOMPARE(rows(db, QStringLiteral("SELECT study_id FROM study ORDER BY study_id")), QStringList{"S1"});
}

QTEST_GUILESS_MAIN(TestCtmsDatabase)
#include "tst_ctmsdatabase.moc"
