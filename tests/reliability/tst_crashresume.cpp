// Crash and resume: loads of the demo study are killed with SIGKILL at random moments, then run again to
// completion; the target must equal one uninterrupted reference load (CTMS rows, audit log, unit states,
// the last run's counts, rejects and warnings) and pass SQLite's integrity and foreign-key checks.
//
// Environment: TB_CRASH_SEED (random seed, printed), TB_CRASH_TRIALS (default 20), TB_CRASH_SUBJECTS
// (default 3000).

#include "ReliabilitySupport.h"
#include "TestSupport.h"

#include "run/PipelineRunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb::test;

namespace {

// The test binary runs itself with these arguments to load with small batches (many commits per run),
// which trialbridge-cli does not offer: --child-run PIPELINE BATCH_RECORDS.
const char* const kChildRun = "--child-run";

int envInt(const char* name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

} // namespace

class TestCrashResume : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void comparisonFindsDifferences();
    void smallBatchLoadEqualsReference();
    void killedRunsResumeToTheReference();
    void killedSmallBatchRunsResumeToTheReference();
    void killedRunsAreNotLeftRunning();

private:
    struct Stats
    {
        int trials = 0;
        int kills = 0;         // processes killed while running
        int finishedFirst = 0; // processes that ended before their kill time
        qint64 differences = 0;
        qint64 orphanedRuns = 0; // runs left 'running' by a killed process
    };
    QProcess* startLoad(const QString& pipeline, qint64 batchRecords);
    qint64 timedLoad(const QString& pipeline, qint64 batchRecords, int* exitCode);
    void runTrials(const QString& label, int wanted, qint64 batchRecords, qint64 durationMs, Stats* s);

    QTemporaryDir m_tmp;
    QString m_template;  // the demo workspace without a target
    QString m_reference; // target of one uninterrupted load
    qint64 m_durationMs = 0;
    qint64 m_smallBatchDurationMs = 0;
    quint32 m_seed = 0;
    QRandomGenerator m_random;
    qint64 m_orphanedRuns = 0;
    static constexpr qint64 SmallBatch = 500;
};

QProcess* TestCrashResume::startLoad(const QString& pipeline, qint64 batchRecords)
{
    auto* p = new QProcess(this);
    p->setStandardOutputFile(QProcess::nullDevice());
    p->setStandardErrorFile(QProcess::nullDevice());
    if (batchRecords > 0)
        p->start(QCoreApplication::applicationFilePath(),
                 {QLatin1String(kChildRun), pipeline, QString::number(batchRecords)});
    else
        p->start(QStringLiteral(TB_CLI_PATH), {QStringLiteral("run"), pipeline});
    return p;
}

qint64 TestCrashResume::timedLoad(const QString& pipeline, qint64 batchRecords, int* exitCode)
{
    QElapsedTimer timer;
    timer.start();
    QProcess* p = startLoad(pipeline, batchRecords);
    p->waitForFinished(600000);
    *exitCode = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
    delete p;
    return timer.elapsed();
}

void TestCrashResume::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    tb::test::useTestVault(m_tmp.filePath(QStringLiteral("secrets"))); // runs sign their audit trail
    bool seeded = false;
    m_seed = quint32(qEnvironmentVariableIntValue("TB_CRASH_SEED", &seeded));
    if (!seeded)
        m_seed = QRandomGenerator::global()->generate();
    m_random.seed(m_seed);
    qInfo("random seed %u (set TB_CRASH_SEED to repeat)", m_seed);

    m_template = m_tmp.filePath(QStringLiteral("template"));
    const int subjects = envInt("TB_CRASH_SUBJECTS", 3000);
    const auto demo =
        runCli({QStringLiteral("demo"), QStringLiteral("--out"), m_template, QStringLiteral("--subjects"),
                QString::number(subjects), QStringLiteral("--defect-rate"), QStringLiteral("0.02")});
    QVERIFY2(demo.exitCode == 0, demo.err.constData());

    const QString ref = m_tmp.filePath(QStringLiteral("reference"));
    QVERIFY(copyTree(m_template, ref));
    int code = -1;
    m_durationMs = timedLoad(ref + QStringLiteral("/demo.pipeline.json"), 0, &code);
    QCOMPARE(code, 3); // the seeded defects are rejected
    m_reference = ref + QStringLiteral("/ctms.db");
    TargetDb db(m_reference);
    QVERIFY2(db.isOpen(), qPrintable(db.error()));
    QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
    QVERIFY(db.scalar(QStringLiteral("SELECT COUNT(*) FROM visit")) > 0);
    qInfo("demo study: %d subjects; one uninterrupted load takes %lld ms", subjects, m_durationMs);
}

void TestCrashResume::comparisonFindsDifferences()
{
    // A copy of the reference compares equal; one changed visit, one extra audit entry and one missing
    // unit state are found.
    const QString dir = m_tmp.filePath(QStringLiteral("self"));
    QVERIFY(QDir().mkpath(dir));
    const QString copy = dir + QStringLiteral("/ctms.db");
    QVERIFY(QFile::copy(m_reference, copy));
    Comparison same = compareWithReference(copy, m_reference);
    QVERIFY2(same.differences == 0, qPrintable(same.details.join(QLatin1Char('\n'))));
    {
        TargetDb db(copy);
        QSqlQuery q(db.sql());
        QVERIFY(q.exec(
            QStringLiteral("UPDATE visit SET visit_name = 'X' WHERE (study_id, subject_id, visit_code) IN "
                           "(SELECT study_id, subject_id, visit_code FROM visit LIMIT 1)")));
        QVERIFY(q.exec(
            QStringLiteral("INSERT INTO audit_log (ts_utc, actor, action, entity, natural_key) "
                           "SELECT ts_utc, actor, action, entity, natural_key FROM audit_log LIMIT 1")));
        QVERIFY(q.exec(QStringLiteral(
            "DELETE FROM unit_state WHERE key_hash = (SELECT MIN(key_hash) FROM unit_state)")));
    }
    const Comparison changed = compareWithReference(copy, m_reference);
    // visit: one row on each side; audit: one changed group, one new group; duplicate key; unit_state.
    QVERIFY2(changed.differences >= 5, qPrintable(changed.details.join(QLatin1Char('\n'))));
    QVERIFY(changed.details.join(QLatin1Char('\n')).contains(QLatin1String("visit: only in the target")));
    QVERIFY(changed.details.join(QLatin1Char('\n')).contains(QLatin1String("unit_state")));
}

void TestCrashResume::smallBatchLoadEqualsReference()
{
    // Batch size changes how often the loader commits, never what it loads.
    const QString dir = m_tmp.filePath(QStringLiteral("small-batch"));
    QVERIFY(copyTree(m_template, dir));
    int code = -1;
    m_smallBatchDurationMs = timedLoad(dir + QStringLiteral("/demo.pipeline.json"), SmallBatch, &code);
    QCOMPARE(code, 3);
    const Comparison c = compareWithReference(dir + QStringLiteral("/ctms.db"), m_reference);
    QVERIFY2(c.differences == 0, qPrintable(c.details.join(QLatin1Char('\n'))));
    qInfo("one uninterrupted load in batches of %lld records takes %lld ms", SmallBatch,
          m_smallBatchDurationMs);
}

void TestCrashResume::runTrials(const QString& label, int wanted, qint64 batchRecords, qint64 durationMs,
                                Stats* s)
{
    // Kill times spread over most of the run (process start to exit). A busy machine makes runs faster or
    // slower than the measured one: a process that ends before its kill time is no trial, and more attempts
    // are allowed than trials wanted.
    const qint64 window = durationMs * 4 / 5 + 1;
    for (int i = 0; s->trials < wanted && i < wanted * 4; ++i) {
        const QString dir = m_tmp.filePath(QStringLiteral("%1-%2").arg(label).arg(i));
        QVERIFY(copyTree(m_template, dir));
        const QString pipeline = dir + QStringLiteral("/demo.pipeline.json");
        // Every third trial is killed twice: the resumed run is interrupted as well.
        const int killsWanted = i % 3 == 2 ? 2 : 1;
        QStringList moments;
        int killed = 0;
        for (int k = 0; k < killsWanted; ++k) {
            const int delay = int(m_random.bounded(window));
            QProcess* p = startLoad(pipeline, batchRecords);
            QVERIFY(p->waitForStarted());
            if (p->waitForFinished(delay)) {
                ++s->finishedFirst;
                moments << QStringLiteral("ended before %1 ms").arg(delay);
            } else {
                p->kill(); // SIGKILL
                p->waitForFinished();
                ++killed;
                moments << QStringLiteral("killed at %1 ms").arg(delay);
            }
            delete p;
        }
        if (killed == 0) { // no crash in this trial: it does not count
            QDir(dir).removeRecursively();
            continue;
        }
        s->kills += killed;
        ++s->trials;

        const auto final = runCli({QStringLiteral("run"), pipeline});
        QVERIFY2(final.exitCode == 3, final.out.constData());
        const Comparison c = compareWithReference(dir + QStringLiteral("/ctms.db"), m_reference);
        s->differences += c.differences;
        {
            TargetDb db(dir + QStringLiteral("/ctms.db"));
            s->orphanedRuns += db.scalar(QStringLiteral("SELECT COUNT(*) FROM run WHERE status = 'running'"));
        }
        qInfo("%s trial %d (%s of ~%lld ms): %lld differences", qPrintable(label), s->trials,
              qPrintable(moments.join(QStringLiteral(", "))), durationMs, c.differences);
        for (const QString& d : c.details)
            qWarning("  %s", qPrintable(d));
        if (c.differences == 0)
            QDir(dir).removeRecursively(); // keep a differing target for inspection while the test runs
    }
}

void TestCrashResume::killedRunsResumeToTheReference()
{
    Stats s;
    runTrials(QStringLiteral("cli"), envInt("TB_CRASH_TRIALS", 20), 0, m_durationMs, &s);
    m_orphanedRuns += s.orphanedRuns;
    qInfo("trialbridge-cli run: %d crash trials, %d processes killed (%d ended before their kill time), "
          "%lld differences",
          s.trials, s.kills, s.finishedFirst, s.differences);
    QVERIFY(s.trials >= envInt("TB_CRASH_TRIALS", 20));
    QCOMPARE(s.differences, qint64(0));
}

void TestCrashResume::killedSmallBatchRunsResumeToTheReference()
{
    // Batches of 500 records commit about a hundred times per run: kills land between and inside commits.
    Stats s;
    const int wanted = qMax(1, envInt("TB_CRASH_TRIALS", 20) / 2);
    runTrials(QStringLiteral("batch"), wanted, SmallBatch, m_smallBatchDurationMs, &s);
    m_orphanedRuns += s.orphanedRuns;
    qInfo("batches of %lld records: %d crash trials, %d processes killed (%d ended before their kill time), "
          "%lld differences",
          SmallBatch, s.trials, s.kills, s.finishedFirst, s.differences);
    QVERIFY(s.trials >= wanted);
    QCOMPARE(s.differences, qint64(0));
}

void TestCrashResume::killedRunsAreNotLeftRunning()
{
    // A run whose process died must not show as 'running' for ever once a later run of the pipeline
    // has completed (the run history and the console would report it as still going).
    qInfo("runs left 'running' by killed processes: %lld", m_orphanedRuns);
    QCOMPARE(m_orphanedRuns, qint64(0));
}

int main(int argc, char* argv[])
{
    if (argc == 4 && qstrcmp(argv[1], kChildRun) == 0) {
        QCoreApplication app(argc, argv);
        tb::core::PipelineRunner::Options options;
        options.batchRecords = QByteArray(argv[3]).toLongLong();
        tb::core::PipelineRunner runner(options);
        return runner.run(QString::fromLocal8Bit(argv[2])).exitCode();
    }
    QCoreApplication app(argc, argv);
    TestCrashResume test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_crashresume.moc"
