#include "ReliabilitySupport.h"

#include <QAtomicInt>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace tb::test {

namespace {

QAtomicInt g_connections;

// Column names of a table, in declaration order.
QStringList columns(const QSqlDatabase& db, const QString& schema, const QString& table)
{
    QStringList out;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("PRAGMA %1.table_info(%2)").arg(schema, table)))
        while (q.next())
            out << q.value(1).toString();
    return out;
}

bool exec(QSqlQuery& q, const QString& sql, const QVariantList& binds = {})
{
    if (!q.prepare(sql))
        return false;
    for (const QVariant& v : binds)
        q.addBindValue(v);
    return q.exec();
}

// Rows of (a EXCEPT b) and of (b EXCEPT a), where a and b are SELECTs of the same columns; the first few
// rows of each side go to details.
void compareSets(const QSqlDatabase& db, const QString& a, const QString& b, const QString& what,
                 Comparison& c)
{
    for (int side = 0; side < 2; ++side) {
        const QString sql =
            side == 0 ? a + QStringLiteral(" EXCEPT ") + b : b + QStringLiteral(" EXCEPT ") + a;
        QSqlQuery q(db);
        if (!exec(q, sql)) {
            c.add(1, QStringLiteral("%1: query failed: %2").arg(what, q.lastError().text()));
            return;
        }
        qint64 n = 0;
        while (q.next()) {
            if (n < 3) {
                QStringList values;
                for (int i = 0; i < q.record().count(); ++i)
                    values << (q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString().left(80));
                c.details << QStringLiteral("%1: only in the %2: %3")
                                 .arg(what,
                                      side == 0 ? QStringLiteral("target") : QStringLiteral("reference"),
                                      values.join(QStringLiteral(" | ")));
            }
            ++n;
        }
        c.differences += n;
    }
}

// Rows that a and b hold a different number of times, in one pass over both: a and b are tables or
// subqueries with the given columns. Counts the surplus entries.
void compareMultisets(const QSqlDatabase& db, const QString& columns, const QString& a, const QString& b,
                      const QString& what, Comparison& c)
{
    const QString sql = QStringLiteral("SELECT %1, SUM(side) FROM (SELECT %1, 1 AS side FROM %2 UNION ALL "
                                       "SELECT %1, -1 AS side FROM %3) GROUP BY %1 HAVING SUM(side) <> 0")
                            .arg(columns, a, b);
    QSqlQuery q(db);
    if (!exec(q, sql)) {
        c.add(1, QStringLiteral("%1: query failed: %2").arg(what, q.lastError().text()));
        return;
    }
    qint64 n = 0;
    while (q.next()) {
        const qint64 surplus = q.value(q.record().count() - 1).toLongLong();
        if (n < 3) {
            QStringList values;
            for (int i = 0; i + 1 < q.record().count(); ++i)
                values << (q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString().left(80));
            c.details << QStringLiteral("%1: %2 more in the %3: %4")
                             .arg(what)
                             .arg(qAbs(surplus))
                             .arg(surplus > 0 ? QStringLiteral("target") : QStringLiteral("reference"),
                                  values.join(QStringLiteral(" | ")));
        }
        n += qAbs(surplus);
    }
    c.differences += n;
}

} // namespace

bool copyTree(const QString& src, const QString& dst)
{
    QDir().mkpath(dst);
    QDirIterator it(src, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    const QDir from(src);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = QDir(dst).filePath(from.relativeFilePath(file));
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile::remove(target);
        if (!QFile::copy(file, target))
            return false;
    }
    return true;
}

void removeDatabase(const QString& path)
{
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

bool renameDemoVisits(const QString& workspace)
{
    QFile f(workspace + QStringLiteral("/edc/visits.csv"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QByteArray text = f.readAll();
    f.close();
    text.replace(";WEEK ", ";WOCHE ");
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

QStringList ctmsTables()
{
    return {QStringLiteral("study"),          QStringLiteral("country"), QStringLiteral("site"),
            QStringLiteral("visit_schedule"), QStringLiteral("subject"), QStringLiteral("visit"),
            QStringLiteral("adverse_event")};
}

void Comparison::add(qint64 n, const QString& what)
{
    if (n == 0)
        return;
    differences += n;
    if (details.size() < 20)
        details << what;
}

TargetDb::TargetDb(const QString& path)
    : m_connection(QStringLiteral("tb-reliability-%1").arg(g_connections.fetchAndAddRelaxed(1)))
{
    if (!QFileInfo::exists(path)) {
        m_error = path + QStringLiteral(": no such database");
        return;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    if (!db.open())
        m_error = db.lastError().text();
    else
        QSqlQuery(db).exec(QStringLiteral("PRAGMA busy_timeout=10000"));
}

TargetDb::~TargetDb()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlDatabase TargetDb::sql() const
{
    return QSqlDatabase::database(m_connection, false);
}

qint64 TargetDb::scalar(const QString& sql, const QVariantList& binds) const
{
    QSqlQuery q(this->sql());
    if (!exec(q, sql, binds) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QString TargetDb::text(const QString& sql, const QVariantList& binds) const
{
    QSqlQuery q(this->sql());
    if (!exec(q, sql, binds))
        return QStringLiteral("(query failed: %1)").arg(q.lastError().text());
    return q.next() ? q.value(0).toString() : QString();
}

QString TargetDb::integrityCheck() const
{
    QSqlQuery q(sql());
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        return QStringLiteral("integrity_check failed: ") + q.lastError().text();
    QStringList findings;
    while (q.next())
        findings << q.value(0).toString();
    return findings.join(QLatin1Char('\n'));
}

qint64 TargetDb::foreignKeyViolations() const
{
    QSqlQuery q(sql());
    if (!q.exec(QStringLiteral("PRAGMA foreign_key_check")))
        return -1;
    qint64 n = 0;
    while (q.next())
        ++n;
    return n;
}

QByteArray TargetDb::ctmsDigest() const
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    QSqlQuery q(sql());
    if (!q.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")))
        return {};
    while (q.next())
        h.addData(q.value(2).toString().toUtf8() + '\x1e');
    QStringList tables = ctmsTables();
    tables << QStringLiteral("protocol_deviation") << QStringLiteral("payment")
           << QStringLiteral("audit_log");
    for (const QString& t : tables) {
        h.addData(t.toUtf8() + '\x1d');
        // WITHOUT ROWID tables scan in key order; the audit log by sequence.
        if (!q.exec(QStringLiteral("SELECT * FROM %1").arg(t)))
            return {};
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i) {
                const QVariant v = q.value(i);
                h.addData(v.isNull() ? QByteArray("\x01") : v.toString().toUtf8());
                h.addData("\x1f");
            }
            h.addData("\x1e");
        }
    }
    return h.result();
}

Comparison compareWithReference(const QString& target, const QString& reference, bool unchangedSources,
                                bool partlyApplied)
{
    Comparison c;
    TargetDb t(target);
    if (!t.isOpen()) {
        c.add(1, QStringLiteral("cannot open the target: ") + t.error());
        return c;
    }
    const QSqlDatabase db = t.sql();
    {
        QSqlQuery q(db);
        if (!exec(q, QStringLiteral("ATTACH DATABASE ? AS ref"), {reference})) {
            c.add(1, QStringLiteral("cannot attach the reference: ") + q.lastError().text());
            return c;
        }
    }

    // CTMS content.
    for (const QString& table : ctmsTables()) {
        QStringList cols = columns(db, QStringLiteral("main"), table);
        cols.removeAll(QStringLiteral("_source_ref"));
        cols.removeAll(QStringLiteral("_run_id"));
        if (cols.isEmpty() || cols != [&] {
                QStringList r = columns(db, QStringLiteral("ref"), table);
                r.removeAll(QStringLiteral("_source_ref"));
                r.removeAll(QStringLiteral("_run_id"));
                return r;
            }()) {
            c.add(1, table + QStringLiteral(": the tables have different columns"));
            continue;
        }
        const QString list = cols.join(QStringLiteral(", "));
        compareSets(db, QStringLiteral("SELECT %1 FROM main.%2").arg(list, table),
                    QStringLiteral("SELECT %1 FROM ref.%2").arg(list, table), table, c);
    }

    // The audit log as a multiset: every change exactly as often as in the reference.
    compareMultisets(db, QStringLiteral("action, entity, natural_key, before_json, after_json"),
                     QStringLiteral("main.audit_log"), QStringLiteral("ref.audit_log"),
                     QStringLiteral("audit_log"), c);
    // One insert entry per CTMS row and per deleted one, and (when the sources did not change) no record changed
    // twice.
    for (const QString& table : ctmsTables()) {
        const qint64 rows = t.scalar(QStringLiteral("SELECT COUNT(*) FROM main.%1").arg(table));
        const auto entries = [&](const char* action) {
            return t.scalar(
                QStringLiteral("SELECT COUNT(*) FROM main.audit_log WHERE action = ? AND entity = ?"),
                {QLatin1String(action), table});
        };
        const qint64 inserts = entries("insert"), deletes = entries("delete");
        c.add(qAbs(rows + deletes - inserts),
              QStringLiteral("%1: %2 rows and %3 delete entries but %4 insert entries in the audit log")
                  .arg(table)
                  .arg(rows)
                  .arg(deletes)
                  .arg(inserts));
    }
    if (unchangedSources)
        c.add(t.scalar(QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM main.audit_log GROUP BY entity, "
                                      "natural_key HAVING COUNT(*) > 1)")),
              QStringLiteral("audit_log: records with more than one entry"));

    // Unit fingerprints: committed with their units, so the same as after one uninterrupted load.
    compareMultisets(db, QStringLiteral("pipeline, unit_entity, key_hash, fingerprint, counts"),
                     QStringLiteral("main.unit_state"), QStringLiteral("ref.unit_state"),
                     QStringLiteral("unit_state"), c);

    // The last run judged every source row again: same status, counts, rejects and warnings.
    const QString lastRun = QStringLiteral("(SELECT MAX(run_id) FROM %1.run)");
    const QString status = QStringLiteral("SELECT status FROM %1.run WHERE run_id = %2");
    const QString ts = t.text(status.arg(QStringLiteral("main"), lastRun.arg(QStringLiteral("main"))));
    const QString rs = t.text(status.arg(QStringLiteral("ref"), lastRun.arg(QStringLiteral("ref"))));
    if (ts != rs)
        c.add(1, QStringLiteral("run: the last run ended '%1', the reference '%2'").arg(ts, rs));
    const QString counts =
        partlyApplied ? QStringLiteral("SELECT entity, read, rejected, warnings FROM %1.run_entity WHERE run_id = %2")
                      : QStringLiteral("SELECT entity, read, inserted + unchanged, updated, rejected, stale, warnings "
                                       "FROM %1.run_entity WHERE run_id = %2");
    compareSets(db, counts.arg(QStringLiteral("main"), lastRun.arg(QStringLiteral("main"))),
                counts.arg(QStringLiteral("ref"), lastRun.arg(QStringLiteral("ref"))),
                QStringLiteral("run_entity"), c);
    const QString lastOf = QStringLiteral("WHERE run_id = (SELECT MAX(run_id) FROM %1.run)");
    compareMultisets(
        db,
        QStringLiteral("entity, natural_key, field, value, rule, message, source_ref, source_record, status"),
        QStringLiteral("(SELECT * FROM main.reject %1)").arg(lastOf.arg(QStringLiteral("main"))),
        QStringLiteral("(SELECT * FROM ref.reject %1)").arg(lastOf.arg(QStringLiteral("ref"))),
        QStringLiteral("reject"), c);
    compareMultisets(
        db, QStringLiteral("entity, natural_key, field, value, rule, message, source_ref"),
        QStringLiteral("(SELECT * FROM main.run_warning %1)").arg(lastOf.arg(QStringLiteral("main"))),
        QStringLiteral("(SELECT * FROM ref.run_warning %1)").arg(lastOf.arg(QStringLiteral("ref"))),
        QStringLiteral("run_warning"), c);

    // Run records: counts are written with a run's end, in its last transaction.
    c.add(t.scalar(QStringLiteral("SELECT COUNT(*) FROM main.run WHERE ended_utc IS NULL AND run_id IN "
                                  "(SELECT run_id FROM main.run_entity)")),
          QStringLiteral("run: runs without an end have counts"));
    c.add(t.scalar(QStringLiteral(
              "SELECT COUNT(*) FROM main.run WHERE (ended_utc IS NULL) <> (status = 'running')")),
          QStringLiteral("run: status and end time disagree"));
    c.add(t.scalar(QStringLiteral(
              "SELECT COUNT(*) FROM main.unit_state WHERE run_id NOT IN (SELECT run_id FROM main.run)")),
          QStringLiteral("unit_state: states of unknown runs"));

    {
        QSqlQuery q(db);
        exec(q, QStringLiteral("DETACH DATABASE ref"));
    }
    const QString integrity = t.integrityCheck();
    if (integrity != QLatin1String("ok"))
        c.add(1, QStringLiteral("PRAGMA integrity_check: ") + integrity.left(300));
    const qint64 fk = t.foreignKeyViolations();
    c.add(fk < 0 ? 1 : fk, QStringLiteral("PRAGMA foreign_key_check: %1 violations").arg(fk));
    return c;
}

TmpfsMount::~TmpfsMount()
{
    unmount();
}

bool TmpfsMount::mount(const QString& dir, qint64 bytes, QString* error)
{
    QDir().mkpath(dir);
    QString output;
    const int code = runProgram(QStringLiteral("mount"),
                                {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                 QStringLiteral("size=%1").arg(bytes), QStringLiteral("tmpfs"), dir},
                                &output);
    if (code != 0) {
        *error = QStringLiteral("mount -t tmpfs failed (%1): %2").arg(code).arg(output.trimmed());
        return false;
    }
    m_dir = dir;
    return true;
}

bool TmpfsMount::remount(const QString& options, QString* error)
{
    QString output;
    const int code = runProgram(QStringLiteral("mount"),
                                {QStringLiteral("-o"), QStringLiteral("remount,") + options, m_dir}, &output);
    if (code != 0) {
        *error = QStringLiteral("mount -o remount,%1 failed: %2").arg(options, output.trimmed());
        return false;
    }
    return true;
}

void TmpfsMount::unmount()
{
    if (m_dir.isEmpty())
        return;
    // Lazily, so that a test that failed with files still open does not leave the mount behind.
    if (runProgram(QStringLiteral("umount"), {m_dir}) != 0)
        runProgram(QStringLiteral("umount"), {QStringLiteral("-l"), m_dir});
    m_dir.clear();
}

int runProgram(const QString& program, const QStringList& args, QString* output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted() || !p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (output)
        *output = QString::fromLocal8Bit(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace tb::test
