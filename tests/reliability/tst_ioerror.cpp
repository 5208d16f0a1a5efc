// I/O errors on purpose: a SQLite VFS (FaultyVfs) fails the nth read, write, sync or truncate of the target
// database's files, once (a transient error) or from then on (a dying disk).
//
// Runs, at points spread over a whole load and over a run that changes a loaded target: the run fails with a
// message naming the database, or — where SQLite can carry on (a checkpoint that could not copy the log) —
// completes with the counts of an undisturbed run; the database stays intact, the run is recorded, and once
// the disk is well again a re-run completes with nothing lost or doubled (compared with a reference load of
// the same files). The runs are in this process, as the console's are: a failed run must also leave the
// engine able to run again.
//
// What only reads or adds a little — `audit verify`, the QA report, a signature, the console's views — says
// the error and never shows a part as the whole, takes a failed read for tampering, or keeps half a
// signature.

#include "FaultyVfs.h"
#include "ReliabilitySupport.h"
#include "TestSupport.h"

#include "audit/AuditExport.h"
#include "audit/AuditReportPdf.h"
#include "audit/AuditSigner.h"
#include "audit/AuditVerifier.h"
#include "esign/SignatureLog.h"
#include "load/CtmsDatabase.h"
#include "load/DatabaseReferenceData.h"
#include "recon/ReconciliationModel.h"
#include "recon/SiteCountModel.h"
#include "run/PipelineRunner.h"
#include "run/RunHistoryModel.h"
#include "workspace/DemoStudyGenerator.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace tb::core;
using namespace tb::test;

Q_DECLARE_METATYPE(tb::test::FaultyVfs::Op)

namespace {

QString targetOf(const QString& ws)
{
    return ws + QStringLiteral("/ctms.db");
}

// A read that fails, for the tests of what only reads the target.
struct ReadFault
{
    qint64 nth = 0; // the read that fails; 0: at
    double at = 0;  // where on the way through the reads
    bool persistent = false;

    qint64 call(qint64 reads) const { return nth ? nth : qMax<qint64>(1, qint64(at * double(reads))); }
    QString name() const
    {
        const QString which = persistent ? QStringLiteral("and every later one") : QStringLiteral("only");
        return nth ? QStringLiteral("read %1, %2").arg(nth).arg(which)
                   : QStringLiteral("read at %1 % of the way, %2").arg(int(at * 100)).arg(which);
    }
};

// The first reads (opening the database) and reads on the way through, once and for good.
QList<ReadFault> readFaults(std::initializer_list<qint64> first, std::initializer_list<double> fractions)
{
    QList<ReadFault> out;
    for (const bool persistent : {false, true}) {
        for (const qint64 nth : first)
            out.append({nth, 0.0, persistent});
        for (const double at : fractions)
            out.append({0, at, persistent});
    }
    return out;
}

} // namespace

Q_DECLARE_METATYPE(ReadFault)

class TestIoError : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void faultedLoadFailsCleanlyAndResumes_data();
    void faultedLoadFailsCleanlyAndResumes();
    void faultedUpdateKeepsWhatItCommitted_data();
    void faultedUpdateKeepsWhatItCommitted();
    void failedReadIsNoMissingRow();
    void failedReadIsNeverTakenForTampering_data();
    void failedReadIsNeverTakenForTampering();
    void failedReadLeavesNoReport_data();
    void failedReadLeavesNoReport();
    void failedWriteLeavesNoHalfSignature_data();
    void failedWriteLeavesNoHalfSignature();
    void failedReadIsNeverAPartialView_data();
    void failedReadIsNeverAPartialView();

private:
    // What an undisturbed run makes of each kind of call.
    struct Calls
    {
        qint64 n[FaultyVfs::OpCount] = {};
    };
    RunResult run(const QString& ws) const;
    Calls countedRun(const QString& ws) const;
    static void addFaultRows(const Calls& clean);
    bool appendSignature(const QString& db, QString* error) const;
    // Runs ws with the row's fault, checks the target as that run left it, then re-runs with the fault gone
    // and compares the target with reference.
    // expected: the counts of an undisturbed run, which a faulted run that completes must match.
    // loaded: the target before the run (none: an empty target).
    void faultAndResume(const QString& ws, const QString& loaded, const QString& reference,
                        const EntityCounts& expected, bool partlyApplied);

    QTemporaryDir m_tmp;
    std::shared_ptr<const AuditSigner> m_signer;
    QString m_ws;        // the workspace whose target fails
    QString m_reference; // target of an undisturbed load of the same files
    Calls m_load;        // an undisturbed load into an empty target
    EntityCounts m_loadCounts;
    QString m_updateWs;        // a workspace whose visits all changed since its target was loaded
    QString m_loaded;          // that target before the change (a copy of the reference)
    QString m_updateReference; // the reference after an undisturbed run of the changed files
    Calls m_update;
    EntityCounts m_updateCounts;
};

RunResult TestIoError::run(const QString& ws) const
{
    PipelineRunner::Options o;
    auto signer = m_signer;
    o.auditSigner = [signer](const QString&, QString*) { return signer; };
    o.batchRecords = 2000; // several commits (and checkpoints) in one load
    return PipelineRunner(o).run(ws + QStringLiteral("/demo.pipeline.json"));
}

TestIoError::Calls TestIoError::countedRun(const QString& ws) const
{
    FaultyVfs& vfs = FaultyVfs::install();
    vfs.watch(targetOf(ws).toUtf8());
    vfs.reset();
    Calls c;
    if (run(ws).status != RunResult::Status::CompletedWithRejects)
        return c;
    for (int op = 0; op < FaultyVfs::OpCount; ++op)
        c.n[op] = vfs.calls(FaultyVfs::Op(op));
    qInfo("%s: %lld reads, %lld writes, %lld syncs, %lld truncates", qPrintable(ws), c.n[0], c.n[1], c.n[2],
          c.n[3]);
    return c;
}

void TestIoError::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_signer = AuditSigner::fromSeed(AuditSigner::newSeed());
    DemoStudyGenerator::Options demo;
    demo.subjects = 600;
    demo.defectRate = 0.02;
    m_ws = m_tmp.filePath(QStringLiteral("ws"));
    QString error;
    QVERIFY2(DemoStudyGenerator(demo).write(m_ws, &error), qPrintable(error));

    const QString ref = m_tmp.filePath(QStringLiteral("reference"));
    QVERIFY(copyTree(m_ws, ref));
    const RunResult load = run(ref);
    QCOMPARE(load.status, RunResult::Status::CompletedWithRejects);
    m_loadCounts = load.total();
    m_reference = targetOf(ref);
    m_loaded = m_tmp.filePath(QStringLiteral("loaded.db"));
    QVERIFY2(!QFileInfo::exists(m_reference + QStringLiteral("-wal")),
             "the reference's log was not checkpointed");
    QVERIFY(QFile::copy(m_reference, m_loaded));

    // The changes: every visit's name, thousands of updates with their audit entries.
    m_updateWs = m_tmp.filePath(QStringLiteral("update"));
    QVERIFY(copyTree(m_ws, m_updateWs));
    QVERIFY(renameDemoVisits(m_updateWs));
    const QString updateRef = m_tmp.filePath(QStringLiteral("update-reference"));
    QVERIFY(copyTree(m_updateWs, updateRef));
    QVERIFY(QFile::copy(m_loaded, targetOf(updateRef)));
    const RunResult update = run(updateRef);
    QCOMPARE(update.status, RunResult::Status::CompletedWithRejects);
    m_updateCounts = update.total();
    QVERIFY(m_updateCounts.updated > 1000);
    m_updateReference = targetOf(updateRef);

    m_load = countedRun(m_ws);
    QVERIFY(m_load.n[FaultyVfs::Write] > 100);
    QVERIFY(m_load.n[FaultyVfs::Sync] > 2);
    QCOMPARE(compareWithReference(targetOf(m_ws), m_reference).differences, qint64(0));
    QVERIFY(QFile::copy(m_loaded, targetOf(m_updateWs)));
    m_update = countedRun(m_updateWs);
    QVERIFY(m_update.n[FaultyVfs::Read] > 100);
    QVERIFY(m_update.n[FaultyVfs::Write] > 100);
    QCOMPARE(compareWithReference(targetOf(m_updateWs), m_updateReference, false).differences, qint64(0));
}

void TestIoError::addFaultRows(const Calls& clean)
{
    QTest::addColumn<FaultyVfs::Op>("op");
    QTest::addColumn<qint64>("nth");
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("persistent");

    struct Kind
    {
        FaultyVfs::Op op;
        int code;
    };
    const Kind kinds[] = {{FaultyVfs::Read, SQLITE_IOERR_READ},
                          {FaultyVfs::Write, SQLITE_IOERR_WRITE},
                          {FaultyVfs::Write, SQLITE_FULL},
                          {FaultyVfs::Sync, SQLITE_IOERR_FSYNC},
                          {FaultyVfs::Truncate, SQLITE_IOERR_TRUNCATE}};
    for (const Kind& k : kinds) {
        const qint64 calls = clean.n[k.op];
        // The first calls (opening, creating the schema), and calls at a fifth, half and 85 % of the way (the
        // checkpoints' share varies a little from run to run, so not the very last).
        QList<qint64> points{1, 2, 3, calls / 5, calls / 2, calls * 85 / 100};
        std::sort(points.begin(), points.end());
        points.erase(std::unique(points.begin(), points.end()), points.end());
        for (const qint64 nth : points) {
            if (nth < 1 || nth > calls)
                continue;
            for (const bool persistent : {false, true}) {
                const QString name = QStringLiteral("%1 %2 of %3 %4%5")
                                         .arg(QLatin1String(FaultyVfs::opName(k.op)))
                                         .arg(nth)
                                         .arg(calls)
                                         .arg(QLatin1String(persistent ? "and every later one" : "only"))
                                         .arg(QLatin1String(k.code == SQLITE_FULL ? " (disk full)" : ""));
                QTest::newRow(qPrintable(name)) << k.op << nth << k.code << persistent;
            }
        }
    }
}

void TestIoError::faultedLoadFailsCleanlyAndResumes_data()
{
    addFaultRows(m_load);
}

void TestIoError::faultedLoadFailsCleanlyAndResumes()
{
    faultAndResume(m_ws, QString(), m_reference, m_loadCounts, false);
}

void TestIoError::faultedUpdateKeepsWhatItCommitted_data()
{
    addFaultRows(m_update);
}

void TestIoError::faultedUpdateKeepsWhatItCommitted()
{
    faultAndResume(m_updateWs, m_loaded, m_updateReference, m_updateCounts, true);
}

void TestIoError::failedReadIsNoMissingRow()
{
    // Sites, visit windows and lookups are read from the target while records are validated: a read that
    // fails must not pass for a site or value that is not there (the records would be rejected for it).
    const QString db = m_tmp.filePath(QStringLiteral("reads.db"));
    QVERIFY(QFile::copy(m_loaded, db));
    TargetDb t(db);
    const QString study = t.text(QStringLiteral("SELECT study_id FROM site LIMIT 1"));
    const QString site = t.text(QStringLiteral("SELECT site_id FROM site LIMIT 1"));
    const QString visit = t.text(QStringLiteral("SELECT visit_code FROM visit_schedule LIMIT 1"));
    QVERIFY(!study.isEmpty() && !site.isEmpty() && !visit.isEmpty());

    FaultyVfs& vfs = FaultyVfs::install();
    vfs.watch(db.toUtf8());
    sqlite3* handle = nullptr;
    QCOMPARE(sqlite3_open_v2(db.toUtf8().constData(), &handle, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    {
        DatabaseReferenceData reference(handle);
        QVERIFY2(reference.error().isEmpty(), qPrintable(reference.error()));
        vfs.arm(FaultyVfs::Read, 1, SQLITE_IOERR_READ, true);
        QVERIFY(!reference.siteExists(study, site));
        QVERIFY(!reference.visitWindow(study, visit));
        QVERIFY(!reference.lookup(QStringLiteral("site"), QStringLiteral("site_id"), site,
                                  QStringLiteral("time_zone"), study));
        vfs.disarm();
        QVERIFY(vfs.failures() > 0);
        QVERIFY2(reference.error().contains(QLatin1String("disk I/O error")), qPrintable(reference.error()));
        // Nothing of it was remembered: asked again, the answers are there.
        QVERIFY(reference.siteExists(study, site));
        QVERIFY(reference.visitWindow(study, visit));
        QVERIFY(reference.lookup(QStringLiteral("site"), QStringLiteral("site_id"), site,
                                 QStringLiteral("time_zone"), study));
        // The error stays said until the run has failed for it.
        QVERIFY(!reference.error().isEmpty());
    }
    sqlite3_close(handle);
}

void TestIoError::failedReadIsNeverTakenForTampering_data()
{
    QTest::addColumn<ReadFault>("fault");
    for (const ReadFault& f : readFaults({1, 2, 3}, {0.25, 0.5, 0.75, 0.99}))
        QTest::newRow(qPrintable(f.name())) << f;
}

void TestIoError::failedReadIsNeverTakenForTampering()
{
    // `audit verify` on a disk that fails a read: the chain could not be checked, which is neither "intact"
    // nor damage to report as tampering.
    QFETCH(ReadFault, fault);
    const QString db = m_tmp.filePath(QStringLiteral("verify.db"));
    if (!QFileInfo::exists(db))
        QVERIFY(QFile::copy(m_loaded, db));
    FaultyVfs& vfs = FaultyVfs::install();
    vfs.watch(db.toUtf8());
    vfs.reset();
    const AuditVerifier::Report clean = AuditVerifier::verify(db);
    QVERIFY2(clean.intact(), qPrintable(clean.error));
    const qint64 reads = vfs.calls(FaultyVfs::Read);
    QVERIFY(reads > 10);

    vfs.arm(FaultyVfs::Read, fault.call(reads), SQLITE_IOERR_READ, fault.persistent);
    const AuditVerifier::Report faulted = AuditVerifier::verify(db);
    vfs.disarm();
    QVERIFY(vfs.failures() > 0);
    qInfo("%lld reads in all: \"%s\"", reads, qPrintable(faulted.error));
    QVERIFY2(faulted.problems.isEmpty(),
             qPrintable(faulted.problems.isEmpty() ? QString() : faulted.problems.first().message));
    if (faulted.intact()) {
        // SQLite read again where it could (some reads of the header are retried): then the whole chain
        // was checked, the same as on a sound disk.
        QVERIFY(!fault.persistent);
        QCOMPARE(faulted.entries, clean.entries);
        QCOMPARE(faulted.checkpoints, clean.checkpoints);
        QCOMPARE(faulted.headHash, clean.headHash);
    } else {
        QVERIFY2(faulted.error.startsWith(db + QLatin1Char(':')) &&
                     faulted.error.contains(QLatin1String("disk I/O error")),
                 qPrintable(faulted.error));
    }
}

void TestIoError::failedReadLeavesNoReport_data()
{
    QTest::addColumn<bool>("pdf");
    QTest::addColumn<ReadFault>("fault");
    for (const ReadFault& f : readFaults({1, 2}, {0.25, 0.5, 0.99}))
        QTest::newRow(qPrintable(QStringLiteral("CSV, ") + f.name())) << false << f;
    for (const ReadFault& f : readFaults({}, {0.5}))
        QTest::newRow(qPrintable(QStringLiteral("PDF, ") + f.name())) << true << f;
}

void TestIoError::failedReadLeavesNoReport()
{
    // The QA report (CSV or PDF) from a disk that fails a read: an error naming the database, and no file —
    // a report that silently misses entries would be worse than none.
    QFETCH(bool, pdf);
    QFETCH(ReadFault, fault);
    const QString db = m_tmp.filePath(QStringLiteral("report.db"));
    if (!QFileInfo::exists(db))
        QVERIFY(QFile::copy(m_loaded, db));
    const QString outDir = m_tmp.filePath(QStringLiteral("reports"));
    QVERIFY(QDir().mkpath(outDir));
    const QString out = outDir + (pdf ? QStringLiteral("/report.pdf") : QStringLiteral("/report.csv"));
    const auto report = [&](qint64* rows, QString* error) {
        QFile::remove(out);
        return pdf ? AuditReportPdf::write(db, {}, {}, AuditReportPdf::Context{}, out, rows, error)
                   : AuditExport::writeCsv(db, {}, {}, out, rows, error);
    };
    FaultyVfs& vfs = FaultyVfs::install();
    vfs.watch(db.toUtf8());
    vfs.reset();
    qint64 cleanRows = 0, rows = 0;
    QString error;
    QVERIFY2(report(&cleanRows, &error), qPrintable(error));
    const qint64 reads = vfs.calls(FaultyVfs::Read);
    QVERIFY(cleanRows > 1000 && reads > 10);

    vfs.arm(FaultyVfs::Read, fault.call(reads), SQLITE_IOERR_READ, fault.persistent);
    const bool written = report(&rows, &error);
    vfs.disarm();
    QVERIFY(vfs.failures() > 0);
    qInfo("%lld reads in all: %s", reads, written ? "written" : qPrintable(error));
    if (written) {
        // SQLite read again where it could (some reads of the header are retried): then the report is whole.
        QVERIFY(!fault.persistent);
        QCOMPARE(rows, cleanRows);
    } else {
        QVERIFY2(error.contains(db) && error.contains(QLatin1String("disk I/O error")), qPrintable(error));
        QCOMPARE(QDir(outDir).entryList(QDir::Files | QDir::Hidden), QStringList());
    }
}

void TestIoError::failedWriteLeavesNoHalfSignature_data()
{
    QTest::addColumn<FaultyVfs::Op>("op");
    QTest::addColumn<qint64>("nth");
    QTest::addColumn<bool>("persistent");
    // Every write and sync of storing one signature (with its audit entry and checkpoint) and closing.
    const QString db = m_tmp.filePath(QStringLiteral("count-signature.db"));
    QFile::remove(db);
    if (!QFile::copy(m_loaded, db))
        qFatal("cannot copy %s", qPrintable(m_loaded));
    FaultyVfs& vfs = FaultyVfs::install();
    vfs.watch(db.toUtf8());
    vfs.reset();
    QString error;
    if (!appendSignature(db, &error))
        qFatal("%s", qPrintable(error));
    const qint64 writes = vfs.calls(FaultyVfs::Write), syncs = vfs.calls(FaultyVfs::Sync);
    for (const bool persistent : {false, true}) {
        const char* which = persistent ? "and every later one" : "only";
        for (qint64 n = 1; n <= writes; ++n)
            QTest::addRow("write %lld of %lld, %s", n, writes, which) << FaultyVfs::Write << n << persistent;
        for (qint64 n = 1; n <= syncs; ++n)
            QTest::addRow("sync %lld of %lld, %s", n, syncs, which) << FaultyVfs::Sync << n << persistent;
    }
}

bool TestIoError::appendSignature(const QString& db, QString* error) const
{
    ElectronicSignature sig;
    sig.signedUtc = QStringLiteral("2026-12-03T10:00:00Z");
    sig.signerId = QStringLiteral("qa1");
    sig.printedName = QStringLiteral("Quinn Auditor");
    sig.role = QStringLiteral("qa");
    sig.meaning = ElectronicSignature::Meaning::Reviewed;
    sig.comment = QStringLiteral("reviewed on a failing disk");
    sig.subject = QStringLiteral("visits.mapping.json");
    sig.contentHash = QByteArray(32, 'c');
    sig.signWith(*AuditSigner::fromSeed(AuditSigner::newSeed()));
    CtmsDatabase target;
    return target.open(db, error) &&
           SignatureLog::append(target, sig, m_signer, QStringLiteral("tester"), error);
}

void TestIoError::failedWriteLeavesNoHalfSignature()
{
    // A signature, its audit entry and its checkpoint are one transaction: a disk that fails any write of it
    // leaves all three or none, and says so.
    QFETCH(FaultyVfs::Op, op);
    QFETCH(qint64, nth);
    QFETCH(bool, persistent);
    const QString db = m_tmp.filePath(QStringLiteral("signature.db"));
    removeDatabase(db);
    QVERIFY(QFile::copy(m_loaded, db));
    FaultyVfs& vfs = FaultyVfs::install();
    vfs.watch(db.toUtf8());
    vfs.arm(op, nth, op == FaultyVfs::Write ? SQLITE_IOERR_WRITE : SQLITE_IOERR_FSYNC, persistent);
    QString error;
    const bool stored = appendSignature(db, &error);
    vfs.disarm();
    QVERIFY(vfs.failures() > 0);
    qInfo("%s", stored ? "stored" : qPrintable(error));
    if (!stored)
        QVERIFY2(error.contains(db) && error.contains(QLatin1String("disk I/O error")), qPrintable(error));

    TargetDb t(db);
    QCOMPARE(t.integrityCheck(), QStringLiteral("ok"));
    const qint64 signatures = t.scalar(QStringLiteral("SELECT COUNT(*) FROM esignature"));
    QCOMPARE(signatures, qint64(stored ? 1 : 0));
    QCOMPARE(t.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'esignature'")),
             signatures);
    const AuditVerifier::Report verified = AuditVerifier::verify(db);
    QVERIFY2(verified.intact(),
             qPrintable(verified.error +
                        (verified.problems.isEmpty() ? QString() : verified.problems.first().message)));
    QCOMPARE(verified.uncoveredEntries, qint64(0));
    SignatureLog::Check check;
    QVERIFY2(SignatureLog::check(db, &check, &error), qPrintable(error));
    QCOMPARE(check.signatures, signatures);
    QCOMPARE(check.problems, QStringList());
}

void TestIoError::failedReadIsNeverAPartialView_data()
{
    QTest::addColumn<QString>("view");
    QTest::addColumn<ReadFault>("fault");
    for (const char* view : {"run history", "rejects", "reconciliation", "site counts", "signatures"})
        for (const ReadFault& f : readFaults({1, 2, 3}, {0.5, 0.99}))
            QTest::newRow(qPrintable(QLatin1String(view) + QStringLiteral(", ") + f.name()))
                << QString::fromLatin1(view) << f;
}

void TestIoError::failedReadIsNeverAPartialView()
{
    // What the console and the reports show — run history, reconciliation, rows per site, signatures — from a
    // disk that fails a read: an error naming the database, never a part of it shown as the whole.
    QFETCH(QString, view);
    QFETCH(ReadFault, fault);
    const QString db = m_tmp.filePath(QStringLiteral("views.db"));
    QString error;
    if (!QFileInfo::exists(db)) {
        QVERIFY(QFile::copy(m_updateReference, db)); // two runs
        QVERIFY2(appendSignature(db, &error), qPrintable(error));
    }
    // The view's content as text; false with error when it cannot be read.
    const auto read = [&](QString* content, QString* error) {
        const auto cells = [](const QAbstractItemModel& m) {
            QStringList out;
            for (int r = 0; r < m.rowCount(); ++r)
                for (int c = 0; c < m.columnCount(); ++c)
                    out << m.index(r, c).data().toString();
            return out.join(QLatin1Char('|'));
        };
        if (view == QLatin1String("run history")) {
            RunHistoryModel m;
            const bool ok = m.load(db, error);
            *content = cells(m);
            return ok;
        }
        if (view == QLatin1String("rejects")) {
            QVector<RunHistoryModel::Reject> rejects;
            const bool ok = RunHistoryModel::rejects(db, 2, 500, &rejects, error);
            QStringList lines;
            for (const RunHistoryModel::Reject& r : rejects)
                lines << r.sourceRef + r.rule + r.message;
            *content = lines.join(QLatin1Char('|'));
            return ok;
        }
        if (view == QLatin1String("reconciliation")) {
            ReconciliationModel m;
            const bool ok = m.load(db, QStringLiteral("demo-edc-to-ctms"), error);
            *content = cells(m);
            return ok;
        }
        if (view == QLatin1String("site counts")) {
            SiteCountModel m;
            const bool ok = m.load(db, error);
            *content = cells(m);
            return ok;
        }
        CtmsDatabase target;
        std::vector<ElectronicSignature> list;
        const bool ok = target.open(db, error) && SignatureLog::list(target, {}, &list, error);
        QStringList ids;
        for (const ElectronicSignature& s : list)
            ids << QString::number(s.id) + s.signerId + QString::fromLatin1(s.signature.toHex());
        *content = ids.join(QLatin1Char('|'));
        return ok;
    };
    FaultyVfs& vfs = FaultyVfs::install();
    vfs.watch(db.toUtf8());
    vfs.reset();
    QString clean, content;
    QVERIFY2(read(&clean, &error), qPrintable(error));
    QVERIFY(!clean.isEmpty());
    const qint64 reads = vfs.calls(FaultyVfs::Read);

    vfs.arm(FaultyVfs::Read, fault.call(reads), SQLITE_IOERR_READ, fault.persistent);
    const bool ok = read(&content, &error);
    vfs.disarm();
    QVERIFY(vfs.failures() > 0);
    qInfo("%lld reads in all: %s", reads, ok ? "read whole" : qPrintable(error));
    if (ok) {
        QVERIFY(!fault.persistent); // SQLite read the page again by itself
        QCOMPARE(content, clean);
    } else {
        QVERIFY2(error.contains(db) && error.contains(QLatin1String("disk I/O error")), qPrintable(error));
        // SQLite's words only: Qt's driver adds its own ("Unable to fetch row"), which say nothing more.
        QVERIFY2(!error.contains(QLatin1String("Unable to")), qPrintable(error));
        QCOMPARE(content, QString()); // nothing shown
    }
}

void TestIoError::faultAndResume(const QString& ws, const QString& loaded, const QString& reference,
                                 const EntityCounts& expected, bool partlyApplied)
{
    QFETCH(FaultyVfs::Op, op);
    QFETCH(qint64, nth);
    QFETCH(int, code);
    QFETCH(bool, persistent);
    const QString db = targetOf(ws);
    FaultyVfs& vfs = FaultyVfs::install();
    vfs.watch(db.toUtf8());

    // The checkpoints' share of the calls varies a little from run to run: a run that made fewer calls than
    // the row's nth is repeated with its last call failing instead.
    RunResult faulted;
    vfs.reset();
    for (int attempt = 0; attempt < 3 && vfs.failures() == 0; ++attempt) {
        removeDatabase(db);
        if (!loaded.isEmpty())
            QVERIFY(QFile::copy(loaded, db));
        if (attempt > 0) {
            nth = vfs.calls(op);
            qInfo("the run made %lld such calls: again with the last one failing", nth);
        }
        vfs.arm(op, nth, code, persistent);
        faulted = run(ws);
        vfs.disarm();
    }
    const qint64 failures = vfs.failures();
    qInfo("%lld failed call(s): %s%s%s", failures, qPrintable(faulted.statusName()),
          faulted.message.isEmpty() ? "" : ": ",
          qPrintable(QString(faulted.message).replace(QLatin1Char('\n'), QLatin1Char(' '))));
    QVERIFY2(failures > 0, "the fault was not reached");

    // Unrecorded only on a disk that keeps failing, and then said.
    const bool unrecorded = faulted.message.contains(QLatin1String("could not be recorded"));
    if (faulted.status == RunResult::Status::Failed) {
        QVERIFY2(faulted.message.startsWith(db + QLatin1Char(':')), qPrintable(faulted.message));
        const char* expected = code == SQLITE_FULL ? "disk is full" : "disk I/O error";
        QVERIFY2(faulted.message.contains(QLatin1String(expected)), qPrintable(faulted.message));
        QVERIFY2(persistent || !unrecorded, qPrintable(faulted.message));
    } else {
        // SQLite carries on where only a checkpoint failed: the data stays in the log. Nothing else may
        // differ from an undisturbed run (a failed read taken for a missing row would reject records).
        QCOMPARE(faulted.status, RunResult::Status::CompletedWithRejects);
        const EntityCounts c = faulted.total();
        QCOMPARE(c.read, expected.read);
        QCOMPARE(c.inserted, expected.inserted);
        QCOMPARE(c.updated, expected.updated);
        QCOMPARE(c.deleted, expected.deleted);
        QCOMPARE(c.unchanged, expected.unchanged);
        QCOMPARE(c.rejected, expected.rejected);
        QCOMPARE(c.warnings, expected.warnings);
    }

    // The database as the faulted run left it: intact, the run recorded unless the disk refused even that.
    if (QFileInfo::exists(db)) {
        TargetDb t(db);
        QVERIFY2(t.isOpen(), qPrintable(t.error()));
        QCOMPARE(t.integrityCheck(), QStringLiteral("ok"));
        QCOMPARE(t.foreignKeyViolations(), qint64(0));
        if (t.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'run'")) == 1)
            QCOMPARE(t.scalar(QStringLiteral("SELECT COUNT(*) FROM run WHERE status = 'running'")),
                     qint64(unrecorded ? 1 : 0));
    }

    // The disk is well again: the next run completes and the target is the reference.
    const RunResult resumed = run(ws);
    QVERIFY2(resumed.status == RunResult::Status::CompletedWithRejects, qPrintable(resumed.message));
    {
        TargetDb t(db);
        QCOMPARE(t.scalar(QStringLiteral("SELECT COUNT(*) FROM run WHERE status = 'running'")), qint64(0));
        if (unrecorded)
            QCOMPARE(t.text(QStringLiteral("SELECT status FROM run WHERE run_id = ?"), {faulted.runId}),
                     QStringLiteral("interrupted"));
    }
    const Comparison c = compareWithReference(db, reference, !partlyApplied, partlyApplied);
    QVERIFY2(c.differences == 0, qPrintable(c.details.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestIoError) // the PDF report lays out text: a QGuiApplication
#include "tst_ioerror.moc"
