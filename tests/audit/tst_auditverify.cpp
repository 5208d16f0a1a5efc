// The audit trail as the engine writes it — every entry chained, a signed checkpoint every N entries and at
// the end of every run — and its verification: an untouched log verifies, and each kind of tampering with
// the rows of audit_log and audit_checkpoint (done with SQL, as an intruder with the file would) is found
// and the first damaged entry named.

#include "AuditTestSupport.h"
#include "TestSupport.h"

#include "audit/AuditLog.h"
#include "audit/AuditSigner.h"
#include "audit/AuditVerifier.h"
#include "load/CtmsDatabase.h"
#include "run/PipelineRunner.h"
#include "run/RunFeedback.h"
#include "workspace/DemoStudyGenerator.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb::core;
using namespace tb::test;

namespace {

constexpr qint64 CheckpointEvery = 100;

QString kindOf(const AuditVerifier::Report& r)
{
    return r.problems.isEmpty() ? QString() : AuditVerifier::Problem::kindName(r.problems.first().kind);
}

// Renames every visit of a demo workspace's source: an update (and an audit entry) per visit.
bool renameVisits(const QString& ws)
{
    QFile f(ws + QStringLiteral("/edc/visits.csv"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QByteArray text = f.readAll();
    f.close();
    if (!text.contains(";WEEK "))
        return false;
    text.replace(";WEEK ", ";WOCHE ");
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

// The run loaded what it could (the demo's seeded defects may or may not leave rejects).
bool loaded(const RunResult& r)
{
    if (r.status == RunResult::Status::Succeeded || r.status == RunResult::Status::CompletedWithRejects)
        return true;
    qWarning("run %lld: %s: %s", r.runId, qPrintable(r.statusName()), qPrintable(r.message));
    return false;
}

QString describe(const AuditVerifier::Report& r)
{
    QStringList lines{r.error};
    for (const AuditVerifier::Problem& p : r.problems)
        lines << QStringLiteral("[%1] seq %2 checkpoint %3: %4")
                     .arg(AuditVerifier::Problem::kindName(p.kind))
                     .arg(p.seq)
                     .arg(p.checkpointId)
                     .arg(p.message);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestAuditVerify : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void writerChainsEveryEntryAndCheckpoints();
    void tamperingIsDetected_data();
    void tamperingIsDetected();
    void reSignedCheckpointIsNotTrusted();
    void severalRunsAndReRunsVerify();
    void cancelledAndFailedRunsEndWithACheckpoint();
    void entryAddedBehindTheEnginesBackStaysNamed();
    void runsWithoutASignerAreReported();
    void signerErrorStopsTheRunBeforeLoading();
    void entriesAfterTheLastCheckpointAreUncovered();
    void emptyAndOldDatabases();
    void entriesBeforeTheChainAreCountedNotCovered();
    void unreadableDatabases();
    void batchedEntriesEqualSingleOnes_data();
    void batchedEntriesEqualSingleOnes();
    void failedBatchNamesItsEntries();
    void prehashedEntriesFollowTheChain_data();
    void prehashedEntriesFollowTheChain();

private:
    RunResult run(const QString& pipeline, PipelineRunner::Options options = {});
    PipelineRunner::Options signing() const;
    QString freshWorkspace(const QString& name, int subjects = 40);
    QString copyOfTemplate(const QString& name);

    QTemporaryDir m_tmp;
    std::shared_ptr<const AuditSigner> m_signer;
    QString m_template;   // target database of one signed run of the demo study
    qint64 m_entries = 0; // in m_template
};

PipelineRunner::Options TestAuditVerify::signing() const
{
    PipelineRunner::Options o;
    o.checkpointEvery = CheckpointEvery;
    auto signer = m_signer;
    o.auditSigner = [signer](const QString&, QString*) { return signer; };
    return o;
}

RunResult TestAuditVerify::run(const QString& pipeline, PipelineRunner::Options options)
{
    return PipelineRunner(options).run(pipeline);
}

QString TestAuditVerify::freshWorkspace(const QString& name, int subjects)
{
    DemoStudyGenerator::Options o;
    o.subjects = subjects;
    o.sites = 4;
    o.defectRate = 0.05;
    const QString dir = m_tmp.filePath(name);
    QString error;
    if (!DemoStudyGenerator(o).write(dir, &error))
        qFatal("demo: %s", qPrintable(error));
    return dir;
}

QString TestAuditVerify::copyOfTemplate(const QString& name)
{
    const QString path = m_tmp.filePath(name + QStringLiteral(".db"));
    QString error;
    if (!copyDatabase(m_template, path, &error))
        qFatal("%s", qPrintable(error));
    return path;
}

void TestAuditVerify::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_signer = AuditSigner::fromSeed(AuditSigner::newSeed());
    const QString ws = freshWorkspace(QStringLiteral("template"));
    const RunResult r = run(ws + QStringLiteral("/demo.pipeline.json"), signing());
    QVERIFY(loaded(r));
    m_template = ws + QStringLiteral("/ctms.db");
    m_entries = scalar(m_template, QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    QVERIFY2(m_entries > 5 * CheckpointEvery, qPrintable(QString::number(m_entries)));
}

void TestAuditVerify::writerChainsEveryEntryAndCheckpoints()
{
    // Entries numbered 1..N without gaps, each with both hashes, each linked to the one before.
    QCOMPARE(scalar(m_template, QStringLiteral("SELECT MIN(seq) FROM audit_log")), qint64(1));
    QCOMPARE(scalar(m_template, QStringLiteral("SELECT MAX(seq) FROM audit_log")), m_entries);
    QCOMPARE(scalar(m_template, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE length(hash) = 32 AND "
                                               "length(prev_hash) = 32")),
             m_entries);
    QCOMPARE(scalar(m_template,
                    QStringLiteral("SELECT COUNT(*) FROM audit_log a JOIN audit_log b ON b.seq = a.seq + 1 "
                                   "WHERE b.prev_hash = a.hash")),
             m_entries - 1);
    // A periodic checkpoint after every CheckpointEvery entries, then the run's own, all signed by the key.
    QCOMPARE(
        scalar(m_template, QStringLiteral("SELECT COUNT(*) FROM audit_checkpoint WHERE reason = 'periodic'")),
        m_entries / CheckpointEvery);
    QCOMPARE(scalar(m_template,
                    QStringLiteral("SELECT COUNT(*) FROM audit_checkpoint WHERE reason = 'periodic' AND "
                                   "last_seq % %1 <> 0")
                        .arg(CheckpointEvery)),
             qint64(0));
    QCOMPARE(
        scalar(m_template, QStringLiteral("SELECT last_seq FROM audit_checkpoint WHERE reason = 'run_end'")),
        m_entries);
    QCOMPARE(scalar(m_template, QStringLiteral("SELECT COUNT(*) FROM audit_checkpoint WHERE run_id = 1 AND "
                                               "length(signature) = 64")),
             m_entries / CheckpointEvery + 1);

    const AuditVerifier::Report r = AuditVerifier::verify(m_template, {m_signer->publicKey()}, true);
    QVERIFY2(r.intact(), qPrintable(describe(r)));
    QCOMPARE(r.entries, m_entries);
    QCOMPARE(r.lastSeq, m_entries);
    QCOMPARE(r.checkpoints, m_entries / CheckpointEvery + 1);
    QCOMPARE(r.signedCheckpoints, r.checkpoints);
    QCOMPARE(r.uncoveredEntries, qint64(0));
    QCOMPARE(r.headHash.size(), 32);
    QCOMPARE(r.keys.size(), 1);
    QVERIFY(r.keys.first().trusted);
}

void TestAuditVerify::tamperingIsDetected_data()
{
    QTest::addColumn<QStringList>("sql");
    QTest::addColumn<qint64>("rechainFrom"); // then recompute the hashes of entries rechainFrom..rechainTo
    QTest::addColumn<qint64>("rechainTo");
    QTest::addColumn<QString>("kind");      // of the first problem; empty: intact
    QTest::addColumn<qint64>("seq");        // the entry it names
    QTest::addColumn<qint64>("checkpoint"); // the checkpoint it names

    const qint64 n = m_entries;
    const QString row =
        QStringLiteral("%1, ts_utc, actor, action, entity, natural_key, study_id, site_id, subject_id, "
                       "before_json, after_json, run_id, source_ref, reason, prev_hash, hash");
    auto add = [](const char* name, const QStringList& sql, const QString& kind, qint64 seq, qint64 checkpoint = 0,
                  qint64 from = 0, qint64 to = 0) {
        QTest::newRow(name) << sql << from << to << kind << seq << checkpoint;
    };
    add("untouched log", {}, QString(), 0);
    add("a field edited",
        {QStringLiteral("UPDATE audit_log SET after_json = '{\"visit_name\":\"forged\"}' WHERE seq = 150")},
        QStringLiteral("changed"), 150);
    add("the time stamp edited",
        {QStringLiteral("UPDATE audit_log SET ts_utc = '2020-01-01T00:00:00Z' WHERE seq = 7")},
        QStringLiteral("changed"), 7);
    add("NULL made empty", {QStringLiteral("UPDATE audit_log SET reason = '' WHERE seq = 42")},
        QStringLiteral("changed"), 42);
    add("the run id made text", {QStringLiteral("UPDATE audit_log SET run_id = 'one' WHERE seq = 43")},
        QStringLiteral("changed"), 43);
    add("the stored hash edited",
        {QStringLiteral("UPDATE audit_log SET hash = randomblob(32) WHERE seq = 150")},
        QStringLiteral("changed"), 150);
    add("an entry deleted in the middle", {QStringLiteral("DELETE FROM audit_log WHERE seq = 150")},
        QStringLiteral("deleted"), 150);
    add("several entries deleted", {QStringLiteral("DELETE FROM audit_log WHERE seq BETWEEN 150 AND 160")},
        QStringLiteral("deleted"), 150);
    add("the first entry deleted", {QStringLiteral("DELETE FROM audit_log WHERE seq = 1")},
        QStringLiteral("deleted"), 1);
    add("the last entries deleted (truncation)",
        {QStringLiteral("DELETE FROM audit_log WHERE seq > %1").arg(n - 5)}, QStringLiteral("deleted"), n - 4,
        0);
    add("an entry deleted and the rest renumbered",
        {QStringLiteral("DELETE FROM audit_log WHERE seq = 150"),
         QStringLiteral("UPDATE audit_log SET seq = seq + 1000000 WHERE seq > 150"),
         QStringLiteral("UPDATE audit_log SET seq = seq - 1000001 WHERE seq > 1000000")},
        QStringLiteral("deleted"), 150);
    add("a forged entry appended",
        {QStringLiteral("INSERT INTO audit_log (ts_utc, actor, action, entity, natural_key) "
                        "VALUES ('2026-01-01T00:00:00Z', 'eve', 'insert', 'visit', '{}')")},
        QStringLiteral("inserted"), n + 1);
    add("a forged entry appended with a made-up hash",
        {QStringLiteral("INSERT INTO audit_log (seq, ts_utc, actor, action, entity, natural_key, run_id, "
                        "prev_hash, hash) "
                        "VALUES (%1, '2026-01-01T00:00:00Z', 'eve', 'update', 'visit', '{}', 1, "
                        "(SELECT hash FROM audit_log WHERE seq = %2), randomblob(32))")
             .arg(n + 1)
             .arg(n)},
        QStringLiteral("inserted"), n + 1);
    add("a forged entry inserted in the middle",
        {QStringLiteral("UPDATE audit_log SET seq = seq + 1000000 WHERE seq >= 150"),
         QStringLiteral("UPDATE audit_log SET seq = seq - 999999 WHERE seq >= 1000000"),
         QStringLiteral(
             "INSERT INTO audit_log (seq, ts_utc, actor, action, entity, natural_key, prev_hash, hash) "
             "VALUES (150, '2026-01-01T00:00:00Z', 'eve', 'update', 'visit', '{}', randomblob(32), "
             "randomblob(32))")},
        QStringLiteral("inserted"), 150);
    add("a copy of an entry appended",
        {QStringLiteral("INSERT INTO audit_log SELECT %1 FROM audit_log WHERE seq = 20").arg(row.arg(n + 1))},
        QStringLiteral("inserted"), n + 1);
    add("two neighbours swapped", swapEntries(150, 151), QStringLiteral("reordered"), 150);
    add("two distant entries swapped", swapEntries(20, n - 20), QStringLiteral("reordered"), 20);
    add("an entry changed and its hash recomputed",
        {QStringLiteral("UPDATE audit_log SET actor = 'eve' WHERE seq = 150")}, QStringLiteral("changed"),
        150, 0, 150, 150);
    add("an entry changed and the whole chain recomputed",
        {QStringLiteral("UPDATE audit_log SET actor = 'eve' WHERE seq = 150")},
        QStringLiteral("chain_rewritten"), 101, 2, 150, n);
    add("a checkpoint's entry count edited",
        {QStringLiteral("UPDATE audit_checkpoint SET last_seq = last_seq - 1 WHERE checkpoint_id = 2")},
        QStringLiteral("bad_signature"), 2 * CheckpointEvery - 1, 2);
    add("a checkpoint's time edited",
        {QStringLiteral(
            "UPDATE audit_checkpoint SET created_utc = '2020-01-01T00:00:00Z' WHERE checkpoint_id = 3")},
        QStringLiteral("bad_signature"), 3 * CheckpointEvery, 3);
    add("a checkpoint's head hash edited",
        {QStringLiteral("UPDATE audit_checkpoint SET head_hash = randomblob(32) WHERE checkpoint_id = 3")},
        QStringLiteral("bad_signature"), 3 * CheckpointEvery, 3);
    add("a checkpoint signature forged",
        {QStringLiteral("UPDATE audit_checkpoint SET signature = randomblob(64) WHERE checkpoint_id = 4")},
        QStringLiteral("bad_signature"), 4 * CheckpointEvery, 4);
    add("a checkpoint signature cut short",
        {QStringLiteral(
            "UPDATE audit_checkpoint SET signature = substr(signature, 1, 63) WHERE checkpoint_id = 4")},
        QStringLiteral("bad_signature"), 4 * CheckpointEvery, 4);
    add("a checkpoint's signature removed",
        {QStringLiteral(
            "UPDATE audit_checkpoint SET public_key = NULL, signature = NULL WHERE checkpoint_id = 2")},
        QStringLiteral("unsigned"), 2 * CheckpointEvery, 2);
    add("a checkpoint deleted", {QStringLiteral("DELETE FROM audit_checkpoint WHERE checkpoint_id = 2")},
        QStringLiteral("checkpoint_deleted"), 0, 2);
    add("the chain's identity replaced", {QStringLiteral("UPDATE audit_chain SET chain_id = randomblob(16)")},
        QStringLiteral("no_chain"), 0);
    add("a second chain identity", {QStringLiteral("INSERT INTO audit_chain SELECT * FROM audit_chain")},
        QStringLiteral("no_chain"), 0);
}

void TestAuditVerify::tamperingIsDetected()
{
    QFETCH(QStringList, sql);
    QFETCH(qint64, rechainFrom);
    QFETCH(qint64, rechainTo);
    QFETCH(QString, kind);
    QFETCH(qint64, seq);
    QFETCH(qint64, checkpoint);
    const QString db = copyOfTemplate(QStringLiteral("tampered"));
    QString error;
    QVERIFY2(tamper(db, sql, &error), qPrintable(error));
    if (rechainFrom)
        QVERIFY2(rechain(db, rechainFrom, rechainTo, &error), qPrintable(error));

    const AuditVerifier::Report r = AuditVerifier::verify(db, {m_signer->publicKey()}, true);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QVERIFY2(kindOf(r) == kind, qPrintable(describe(r)));
    if (kind.isEmpty()) {
        QVERIFY(r.intact());
        return;
    }
    QVERIFY(!r.intact());
    const AuditVerifier::Problem& p = r.problems.first();
    qInfo("%s", qPrintable(p.message));
    QVERIFY2(p.seq == seq, qPrintable(describe(r)));
    QVERIFY2(p.checkpointId == checkpoint || checkpoint == 0, qPrintable(describe(r)));
    // The message names the entry or the checkpoint.
    if (checkpoint)
        QVERIFY2(p.message.contains(QStringLiteral("checkpoint %1").arg(checkpoint)), qPrintable(p.message));
    else if (seq)
        QVERIFY2(p.message.contains(QStringLiteral("entr")) && p.message.contains(QString::number(seq)),
                 qPrintable(p.message));
}

void TestAuditVerify::reSignedCheckpointIsNotTrusted()
{
    // Valid signatures by another key: only the workspace's list of keys tells them apart.
    const QString db = copyOfTemplate(QStringLiteral("resigned"));
    const auto intruder = AuditSigner::fromSeed(AuditSigner::newSeed());
    QString error;
    QVERIFY2(resign(db, 2, *intruder, &error), qPrintable(error));
    const AuditVerifier::Report trusted =
        AuditVerifier::verify(db, {m_signer->publicKey()}, true, QStringLiteral("ws"));
    QCOMPARE(kindOf(trusted), QStringLiteral("untrusted_key"));
    QCOMPARE(trusted.problems.first().checkpointId, qint64(2));
    QVERIFY(trusted.problems.first().message.contains(intruder->keyId()));
    QCOMPARE(trusted.keys.size(), 2);
    // Without a list, both keys are reported and the signatures verify: the key ids are what a reader
    // compares.
    const AuditVerifier::Report unchecked = AuditVerifier::verify(db);
    QVERIFY2(unchecked.intact(), qPrintable(describe(unchecked)));
    QCOMPARE(unchecked.keys.size(), 2);
    QVERIFY(!unchecked.trustChecked);
}

void TestAuditVerify::severalRunsAndReRunsVerify()
{
    const QString ws = freshWorkspace(QStringLiteral("reruns"));
    const QString pipeline = ws + QStringLiteral("/demo.pipeline.json");
    const QString db = ws + QStringLiteral("/ctms.db");
    QVERIFY(loaded(run(pipeline, signing())));
    const qint64 first = scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    // Unchanged: no entry, but a checkpoint.
    QVERIFY(loaded(run(pipeline, signing())));
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_log")), first);
    // Every visit renamed: updates chained onto the first run's entries.
    QVERIFY(renameVisits(ws));
    QVERIFY(loaded(run(pipeline, signing())));
    const qint64 total = scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    QVERIFY(total > first + CheckpointEvery);
    // A full compare of everything, once more.
    PipelineRunner::Options full = signing();
    full.fullCompare = true;
    QVERIFY(loaded(run(pipeline, full)));

    const AuditVerifier::Report r = AuditVerifier::verify(db, {m_signer->publicKey()}, true);
    QVERIFY2(r.intact(), qPrintable(describe(r)));
    QCOMPARE(r.entries, total);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_checkpoint WHERE reason = 'run_end'")),
             qint64(4));
    QCOMPARE(scalar(db, QStringLiteral(
                            "SELECT COUNT(DISTINCT run_id) FROM audit_checkpoint WHERE reason = 'run_end'")),
             qint64(4));
    QCOMPARE(r.checkpoints, total / CheckpointEvery + 4);
    // And the damage is still found in a log of several runs.
    QString error;
    QVERIFY2(tamper(db,
                    {QStringLiteral("UPDATE audit_log SET after_json = NULL WHERE seq = %1").arg(first + 3)},
                    &error),
             qPrintable(error));
    const AuditVerifier::Report broken = AuditVerifier::verify(db, {m_signer->publicKey()}, true);
    QCOMPARE(kindOf(broken), QStringLiteral("changed"));
    QCOMPARE(broken.problems.first().seq, first + 3);
}

void TestAuditVerify::cancelledAndFailedRunsEndWithACheckpoint()
{
    const QString ws = freshWorkspace(QStringLiteral("cancelled"), 400);
    const QString pipeline = ws + QStringLiteral("/demo.pipeline.json");
    const QString db = ws + QStringLiteral("/ctms.db");
    RunFeedback feedback;
    QObject::connect(
        &feedback, &RunFeedback::progressChanged, &feedback,
        [&](double p) {
            if (p > 50)
                feedback.cancel();
        },
        Qt::DirectConnection);
    PipelineRunner::Options o = signing();
    o.batchRecords = 500;
    const RunResult cancelled = PipelineRunner(o).run(pipeline, &feedback);
    QCOMPARE(int(cancelled.status), int(RunResult::Status::Cancelled));
    QVERIFY(scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_log")) > 0);
    QCOMPARE(scalar(db, QStringLiteral(
                            "SELECT COUNT(*) FROM audit_checkpoint WHERE reason = 'run_end' AND run_id = %1")
                            .arg(cancelled.runId)),
             qint64(1));

    // A source broken after the run record exists: the run fails before writing, and still checkpoints.
    QFile f(ws + QStringLiteral("/edc/adverse_events.csv"));
    QVERIFY(f.open(QIODevice::Append));
    f.write("\"unterminated");
    f.close();
    const RunResult failed = run(pipeline, signing());
    QCOMPARE(int(failed.status), int(RunResult::Status::Failed));
    QVERIFY(failed.runId > cancelled.runId);
    QCOMPARE(scalar(db, QStringLiteral(
                            "SELECT COUNT(*) FROM audit_checkpoint WHERE reason = 'run_end' AND run_id = %1")
                            .arg(failed.runId)),
             qint64(1));
    const AuditVerifier::Report r = AuditVerifier::verify(db, {m_signer->publicKey()}, true);
    QVERIFY2(r.intact(), qPrintable(describe(r)));
    QCOMPARE(r.uncoveredEntries, qint64(0));
}

void TestAuditVerify::entryAddedBehindTheEnginesBackStaysNamed()
{
    // A row without a hash at the end does not stop the next run: it chains from the last real entry, and the
    // forged row stays the first problem.
    const QString ws = freshWorkspace(QStringLiteral("forged-then-run"));
    const QString pipeline = ws + QStringLiteral("/demo.pipeline.json");
    const QString db = ws + QStringLiteral("/ctms.db");
    QVERIFY(loaded(run(pipeline, signing())));
    const qint64 n = scalar(db, QStringLiteral("SELECT MAX(seq) FROM audit_log"));
    QString error;
    QVERIFY2(
        tamper(db,
               {QStringLiteral("INSERT INTO audit_log (ts_utc, actor, action, entity, natural_key) VALUES "
                               "('2026-01-01T00:00:00Z', 'eve', 'delete', 'subject', '{}')")},
               &error),
        qPrintable(error));
    QVERIFY(renameVisits(ws));
    const RunResult again = run(pipeline, signing());
    QVERIFY(loaded(again));
    QVERIFY(scalar(db, QStringLiteral("SELECT MAX(seq) FROM audit_log")) > n + CheckpointEvery);
    // The new entries follow the last entry the engine wrote.
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_log a JOIN audit_log b ON b.seq = %1 + 2 "
                                       "WHERE a.seq = %1 AND b.prev_hash = a.hash")
                            .arg(n)),
             qint64(1));
    const AuditVerifier::Report r = AuditVerifier::verify(db, {m_signer->publicKey()}, true);
    QCOMPARE(kindOf(r), QStringLiteral("inserted"));
    QCOMPARE(r.problems.first().seq, n + 1);
}

void TestAuditVerify::runsWithoutASignerAreReported()
{
    const QString ws = freshWorkspace(QStringLiteral("unsigned"));
    PipelineRunner::Options o;
    o.checkpointEvery = CheckpointEvery;
    QVERIFY(loaded(run(ws + QStringLiteral("/demo.pipeline.json"), o)));
    const QString db = ws + QStringLiteral("/ctms.db");
    QVERIFY(scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_checkpoint")) > 1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_checkpoint WHERE signature IS NOT NULL")),
             qint64(0));
    const AuditVerifier::Report r = AuditVerifier::verify(db);
    QCOMPARE(kindOf(r), QStringLiteral("unsigned"));
    QCOMPARE(r.problems.first().checkpointId, qint64(1));
    QCOMPARE(r.signedCheckpoints, qint64(0));
    // The chain itself is whole: every problem is an unsigned checkpoint.
    for (const AuditVerifier::Problem& p : r.problems)
        QCOMPARE(AuditVerifier::Problem::kindName(p.kind), QStringLiteral("unsigned"));
}

void TestAuditVerify::signerErrorStopsTheRunBeforeLoading()
{
    const QString ws = freshWorkspace(QStringLiteral("no-key"));
    PipelineRunner::Options o;
    o.auditSigner = [](const QString& pipeline, QString* error) {
        *error = QStringLiteral("no key for %1").arg(QFileInfo(pipeline).fileName());
        return std::shared_ptr<const AuditSigner>();
    };
    const RunResult r = run(ws + QStringLiteral("/demo.pipeline.json"), o);
    QCOMPARE(int(r.status), int(RunResult::Status::ConfigError));
    QCOMPARE(r.exitCode(), 2);
    QCOMPARE(r.message, QStringLiteral("no key for demo.pipeline.json"));
    QVERIFY(!QFileInfo::exists(ws + QStringLiteral("/ctms.db")));
}

void TestAuditVerify::entriesAfterTheLastCheckpointAreUncovered()
{
    // What a killed run leaves: entries committed after the last checkpoint. They verify, counted as not yet
    // covered by a signature, until the next checkpoint covers them.
    const QString path = m_tmp.filePath(QStringLiteral("uncovered.db"));
    QString error;
    CtmsDatabase db;
    QVERIFY2(db.open(path, &error), qPrintable(error));
    AuditLog log;
    QVERIFY2(log.prepare(db.handle(), &error), qPrintable(error));
    log.setSigning(m_signer, 0, 2);
    QVERIFY(db.begin(&error));
    AuditEntry e;
    e.timeUtc = QStringLiteral("2026-01-15T09:00:00Z");
    e.actor = QStringLiteral("tester");
    e.action = QStringLiteral("insert");
    e.entity = QStringLiteral("study");
    for (int i = 0; i < 5; ++i) {
        e.naturalKey = QStringLiteral("{\"study_id\":\"S%1\"}").arg(i);
        QVERIFY2(log.append(e), qPrintable(log.error()));
    }
    QVERIFY2(db.commit(&error), qPrintable(error));
    QCOMPARE(scalar(path, QStringLiteral("SELECT COUNT(*) FROM audit_checkpoint WHERE reason = 'periodic'")), qint64(2));
    const AuditVerifier::Report r = AuditVerifier::verify(path, {m_signer->publicKey()}, true);
    QVERIFY2(r.intact(), qPrintable(describe(r)));
    QCOMPARE(r.entries, qint64(5));
    QCOMPARE(r.lastCheckpointSeq, qint64(4));
    QCOMPARE(r.uncoveredEntries, qint64(1));
    QCOMPARE(scalar(path, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE run_id IS NULL")), qint64(5));
}

void TestAuditVerify::emptyAndOldDatabases()
{
    QString error;
    const QString empty = m_tmp.filePath(QStringLiteral("empty.db"));
    {
        CtmsDatabase db;
        QVERIFY2(db.open(empty, &error), qPrintable(error));
    }
    const AuditVerifier::Report r = AuditVerifier::verify(empty);
    QVERIFY2(r.intact(), qPrintable(describe(r)));
    QCOMPARE(r.entries, qint64(0));
    QCOMPARE(r.checkpoints, qint64(0));

    // A run-end checkpoint of an empty chain covers the genesis.
    {
        CtmsDatabase db;
        QVERIFY2(db.open(empty, &error), qPrintable(error));
        QVERIFY2(AuditLog::writeRunEndCheckpoint(db.handle(), m_signer, 0,
                                                 QStringLiteral("2026-01-01T00:00:00Z"), &error),
                 qPrintable(error));
    }
    const AuditVerifier::Report covered = AuditVerifier::verify(empty, {m_signer->publicKey()}, true);
    QVERIFY2(covered.intact(), qPrintable(describe(covered)));
    QCOMPARE(covered.signedCheckpoints, qint64(1));

    const QString old = m_tmp.filePath(QStringLiteral("old.db"));
    {
        CtmsDatabase db;
        QVERIFY2(db.open(old, &error, 4), qPrintable(error));
    }
    const AuditVerifier::Report noChain = AuditVerifier::verify(old);
    QCOMPARE(kindOf(noChain), QStringLiteral("no_chain"));
    QVERIFY(noChain.problems.first().message.contains(QLatin1String("version 5")));
}

void TestAuditVerify::entriesBeforeTheChainAreCountedNotCovered()
{
    // Entries written before the upgrade stay outside the chain, which starts after them.
    const QString ws = freshWorkspace(QStringLiteral("legacy"));
    const QString db = ws + QStringLiteral("/ctms.db");
    QString error;
    {
        CtmsDatabase old;
        QVERIFY2(old.open(db, &error, 4), qPrintable(error));
        for (int i = 0; i < 3; ++i)
            QVERIFY2(old.exec(QStringLiteral(
                                  "INSERT INTO audit_log (ts_utc, actor, action, entity, natural_key) VALUES "
                                  "('2025-01-01T00:00:00Z', 'before', 'insert', 'study', '{}')"),
                              &error),
                     qPrintable(error));
    }
    QVERIFY(loaded(run(ws + QStringLiteral("/demo.pipeline.json"), signing())));
    QCOMPARE(scalar(db, QStringLiteral("SELECT first_seq FROM audit_chain")), qint64(4));
    const AuditVerifier::Report r = AuditVerifier::verify(db, {m_signer->publicKey()}, true);
    QVERIFY2(r.intact(), qPrintable(describe(r)));
    QCOMPARE(r.legacyEntries, qint64(3));
    QCOMPARE(r.firstSeq, qint64(4));
    QCOMPARE(r.entries, scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_log")) - 3);
}

void TestAuditVerify::unreadableDatabases()
{
    const AuditVerifier::Report missing = AuditVerifier::verify(m_tmp.filePath(QStringLiteral("nowhere.db")));
    QVERIFY(!missing.intact());
    QVERIFY(missing.error.contains(QLatin1String("nowhere.db: no such database")));
    const QString garbage = writeFile(m_tmp.path(), QStringLiteral("garbage.db"), QByteArray(8192, 'x'));
    const AuditVerifier::Report notDb = AuditVerifier::verify(garbage);
    QVERIFY(!notDb.intact());
    QVERIFY2(notDb.error.contains(QLatin1String("garbage.db: not a database")), qPrintable(notDb.error));
}

namespace {

AuditEntry numberedEntry(int i)
{
    AuditEntry e;
    e.timeUtc = QStringLiteral("2026-01-15T09:00:%1Z").arg(i % 60, 2, 10, QLatin1Char('0'));
    e.actor = QStringLiteral("tester");
    e.action = QStringLiteral("insert");
    e.entity = QStringLiteral("adverse_event");
    e.naturalKey = QStringLiteral("{\"ae_id\":\"%1\"}").arg(i);
    e.subjectId = i % 3 ? QStringLiteral("Ödem-%1").arg(i) : QString();
    e.afterJson = QStringLiteral("{\"term\":\"頭痛 %1\"}").arg(i);
    e.runId = i % 2 ? 9 : 0;
    e.reason = i % 5 ? QString() : QString(QLatin1String(""));
    return e;
}

// The entry in the audit chain's encoding, as the loader's producer writes it.
void encodeEntry(const AuditEntry& e, AuditChain::Encoder& enc)
{
    enc.clear();
    for (const QString* f : {&e.timeUtc, &e.actor, &e.action, &e.entity, &e.naturalKey, &e.studyId, &e.siteId,
                             &e.subjectId, &e.beforeJson, &e.afterJson})
        enc.addText(*f);
    e.runId ? enc.addInteger(e.runId) : enc.addNull();
    enc.addText(e.sourceRef);
    enc.addText(e.reason);
}

// Every column of every row of a query, for comparing two databases byte for byte.
QStringList dump(const QString& dbPath, const QString& sql)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), dbPath);
    QStringList out;
    {
        db.setDatabaseName(dbPath);
        db.open();
        QSqlQuery q(db);
        q.exec(sql);
        while (q.next()) {
            QStringList cols;
            for (int i = 0; i < q.record().count(); ++i)
                cols << (q.value(i).isNull() ? QStringLiteral("NULL") : QString::fromLatin1(q.value(i).toByteArray().toHex()));
            out << cols.join(QLatin1Char('|'));
        }
    }
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(dbPath);
    return out;
}

} // namespace

void TestAuditVerify::batchedEntriesEqualSingleOnes_data()
{
    QTest::addColumn<int>("entries");
    QTest::addColumn<int>("checkpointEvery");
    for (int n : {1, 31, 32, 33, 70})
        for (int every : {0, 10})
            QTest::addRow("%d entries, checkpoint every %d", n, every) << n << every;
}

void TestAuditVerify::batchedEntriesEqualSingleOnes()
{
    // The bulk loader's path (fields encoded apart, 32 entries per statement) writes what append() writes.
    QFETCH(int, entries);
    QFETCH(int, checkpointEvery);
    const QString tag = QStringLiteral("%1-%2").arg(entries).arg(checkpointEvery);
    const QString single = m_tmp.filePath(QStringLiteral("single-%1.db").arg(tag));
    const QString batched = m_tmp.filePath(QStringLiteral("batched-%1.db").arg(tag));
    QString error;
    for (const QString& path : {single, batched}) {
        CtmsDatabase db;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        AuditLog log;
        QVERIFY2(log.prepare(db.handle(), &error), qPrintable(error));
        log.setSigning(m_signer, 0, checkpointEvery);
        log.setBatched(path == batched);
        QVERIFY(db.begin(&error));
        std::vector<AuditChain::Encoder> encoded(static_cast<size_t>(entries)); // each stays put until flushed
        for (int i = 0; i < entries; ++i) {
            const AuditEntry e = numberedEntry(i);
            if (path == single) {
                QVERIFY2(log.append(e), qPrintable(log.error()));
                continue;
            }
            AuditChain::Encoder& enc = encoded[size_t(i)];
            encodeEntry(e, enc);
            QVERIFY2(log.appendEncoded(reinterpret_cast<const unsigned char*>(enc.data()), enc.size()), qPrintable(log.error()));
        }
        QVERIFY2(log.flush(), qPrintable(log.error()));
        QVERIFY2(db.commit(&error), qPrintable(error));
    }
    QCOMPARE(scalar(batched, QStringLiteral("SELECT COUNT(*) FROM audit_log")), qint64(entries));
    // The same entries (the hashes differ: each database's chain starts from its own chain id)…
    const QString entriesSql = QStringLiteral("SELECT seq, ts_utc, actor, action, entity, natural_key, study_id, site_id, "
                                              "subject_id, before_json, after_json, run_id, source_ref, reason, "
                                              "length(prev_hash), length(hash) FROM audit_log ORDER BY seq");
    QCOMPARE(dump(batched, entriesSql), dump(single, entriesSql));
    // …and checkpoints after the same entries.
    const QString checkpointsSql = QStringLiteral("SELECT last_seq, reason FROM audit_checkpoint ORDER BY checkpoint_id");
    QCOMPARE(dump(batched, checkpointsSql), dump(single, checkpointsSql));
    QCOMPARE(dump(batched, checkpointsSql).size(), checkpointEvery ? entries / checkpointEvery : 0);
    const AuditVerifier::Report r = AuditVerifier::verify(batched, {m_signer->publicKey()}, false);
    QVERIFY2(r.intact(), qPrintable(describe(r)));
    QCOMPARE(r.entries, qint64(entries));
}

void TestAuditVerify::failedBatchNamesItsEntries()
{
    const QString path = m_tmp.filePath(QStringLiteral("failed-batch.db"));
    QString error;
    CtmsDatabase db;
    QVERIFY2(db.open(path, &error), qPrintable(error));
    QVERIFY(db.exec(QStringLiteral("CREATE TRIGGER refuse_40 BEFORE INSERT ON audit_log WHEN NEW.seq = 40 "
                                   "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"),
                    &error));
    AuditLog log;
    QVERIFY2(log.prepare(db.handle(), &error), qPrintable(error));
    log.setBatched(true);
    QVERIFY(db.begin(&error));
    std::vector<AuditChain::Encoder> encoded(64);
    bool ok = true;
    int i = 0;
    for (; ok && i < 64; ++i) {
        AuditChain::Encoder& enc = encoded[size_t(i)];
        encodeEntry(numberedEntry(i), enc);
        ok = log.appendEncoded(reinterpret_cast<const unsigned char*>(enc.data()), enc.size());
    }
    QVERIFY(!ok);
    QCOMPARE(i, 64); // the second batch of 32 (seq 33–64) fails when it is written…
    QVERIFY2(log.error().contains(QStringLiteral("entry 40:")), qPrintable(log.error())); // …naming its entry
    QVERIFY2(log.error().contains(QStringLiteral("refused by the test")), qPrintable(log.error()));
    db.rollback();
    QCOMPARE(scalar(path, QStringLiteral("SELECT COUNT(*) FROM audit_log")), qint64(0));
}

void TestAuditVerify::prehashedEntriesFollowTheChain_data()
{
    QTest::addColumn<bool>("writtenBetween");
    QTest::newRow("the chain as the producer expected it") << false;
    QTest::newRow("another process wrote in between") << true;
}

void TestAuditVerify::prehashedEntriesFollowTheChain()
{
    // The loader's producer hashes entries ahead of the writer from where the chain stood; the writer takes
    // those hashes only where the chain still stands there, and hashes again otherwise.
    QFETCH(bool, writtenBetween);
    const QString path = m_tmp.filePath(QStringLiteral("prehashed-%1.db").arg(writtenBetween));
    QString error;
    CtmsDatabase db;
    QVERIFY2(db.open(path, &error), qPrintable(error));
    AuditLog log;
    QVERIFY2(log.prepare(db.handle(), &error), qPrintable(error));
    log.setBatched(true);
    QVERIFY(db.begin(&error));
    QVERIFY(log.append(numberedEntry(100))); // the chain does not start empty
    QVERIFY(log.flush());
    AuditChain::Head chain;
    QVERIFY(log.head(&chain));
    QCOMPARE(chain.lastSeq, qint64(1));
    QVERIFY(db.commit(&error));

    std::vector<AuditChain::Encoder> encoded(40);
    std::vector<AuditLog::Prehashed> hashed(40);
    for (int i = 0; i < 40; ++i) {
        AuditChain::Encoder& enc = encoded[size_t(i)];
        encodeEntry(numberedEntry(i), enc);
        AuditLog::Prehashed& h = hashed[size_t(i)];
        h.seq = chain.append(reinterpret_cast<const unsigned char*>(enc.data()), enc.size(), &h.prev, &h.hash);
    }
    if (writtenBetween) { // e.g. an electronic signature, between two of the loader's transactions
        AuditLog other;
        QVERIFY2(other.prepare(db.handle(), &error), qPrintable(error));
        QVERIFY(db.begin(&error));
        QVERIFY(other.append(numberedEntry(200)));
        QVERIFY(db.commit(&error));
    }
    QVERIFY(db.begin(&error));
    log.transactionStarted();
    for (int i = 0; i < 40; ++i)
        QVERIFY2(log.appendEncoded(reinterpret_cast<const unsigned char*>(encoded[size_t(i)].data()),
                                   encoded[size_t(i)].size(), &hashed[size_t(i)]),
                 qPrintable(log.error()));
    QVERIFY(log.flush());
    QVERIFY(db.commit(&error));
    const qint64 entries = writtenBetween ? 42 : 41;
    QCOMPARE(scalar(path, QStringLiteral("SELECT MAX(seq) FROM audit_log")), entries);
    const AuditVerifier::Report r = AuditVerifier::verify(path, {}, false);
    QVERIFY2(r.intact(), qPrintable(describe(r)));
    QCOMPARE(r.entries, entries);
    // Where the chain stood as expected, the entries carry exactly the hashes made ahead.
    if (!writtenBetween)
        QCOMPARE(scalar(path, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE seq = %1 AND hash = x'%2'")
                                  .arg(hashed.back().seq)
                                  .arg(QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(hashed.back().hash.data()),
                                                                      AuditChain::HashBytes).toHex()))),
                 qint64(1));
}

QTEST_GUILESS_MAIN(TestAuditVerify)
#include "tst_auditverify.moc"
