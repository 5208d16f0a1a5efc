// Crash and resume: loads of the demo study are killed with SIGKILL at random moments, then run again to
// completion; the target must equal one uninterrupted reference load (CTMS rows, audit log, unit states,
// the last run's counts, rejects and warnings) and pass SQLite's integrity and foreign-key checks. The same
// for a second ODM delivery of updates and removals (of visits, and of subjects with their visits) into a
// loaded target.
//
// Environment: TB_CRASH_SEED (random seed, printed), TB_CRASH_TRIALS (default 20), TB_CRASH_SUBJECTS
// (default 3000).

#include "ReliabilitySupport.h"
#include "TestSupport.h"

#include "run/PipelineRunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
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

QString subjectKey(int i)
{
    return QStringLiteral("S%1").arg(i, 5, 10, QLatin1Char('0'));
}

QByteArray visit(const char* event, const QString& date, const char* transaction = nullptr)
{
    return QStringLiteral(" <StudyEventData StudyEventOID=\"%1\"><FormData FormOID=\"F_VISIT\"%2>"
                          "<ItemGroupData ItemGroupOID=\"IG\"><ItemData ItemOID=\"I_VISDAT\" Value=\"%3\"/>"
                          "</ItemGroupData></FormData></StudyEventData>\n")
        .arg(QLatin1String(event),
             transaction ? QStringLiteral(" TransactionType=\"%1\"").arg(QLatin1String(transaction))
                         : QString(),
             date)
        .toUtf8();
}

QString day(int month, int i)
{
    return QStringLiteral("2026-%1-%2")
        .arg(month, 2, 10, QLatin1Char('0'))
        .arg(i % 27 + 1, 2, 10, QLatin1Char('0'));
}

// A transactional ODM delivery of the ODM scenario's study, placed in its series by FileOID and PriorFileOID.
QByteArray odmDelivery(const char* fileOid, const char* priorOid, const QByteArray& clinical)
{
    return QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" ODMVersion=\"1.3.2\" "
                      "FileType=\"Transactional\" "
                      "FileOID=\"") +
           fileOid + "\" PriorFileOID=\"" + priorOid +
           "\">\n<AdminData><User OID=\"USR.1\"><FullName>Data Manager</FullName></User></AdminData>\n"
           "<ClinicalData StudyOID=\"T1\" MetaDataVersionOID=\"v1\">\n" +
           clinical + "</ClinicalData>\n</ODM>\n";
}

// The first delivery: subjects 1 … n, each with visits V1 and V2.
QByteArray odmInserts(int n)
{
    QByteArray clinical;
    for (int i = 1; i <= n; ++i)
        clinical += "<SubjectData SubjectKey=\"" + subjectKey(i).toUtf8() +
                    "\" TransactionType=\"Insert\"><SiteRef LocationOID=\"SITE1\"/>\n" +
                    visit("V1", day(1, i)) + visit("V2", day(2, i)) + "</SubjectData>\n";
    return odmDelivery("EDC.2", "EDC.1", clinical);
}

// The second: every 7th subject removed (its visits with it), every 5th other one's V1 date corrected, every
// 3rd other one's V2 removed, and n / 10 new subjects with a V1.
QByteArray odmChanges(int n)
{
    const QByteArray why = "<AuditRecord><UserRef UserOID=\"USR.1\"/><LocationRef LocationOID=\"SITE1\"/>"
                           "<DateTimeStamp>2026-03-01T08:00:00Z</DateTimeStamp><ReasonForChange>data review"
                           "</ReasonForChange></AuditRecord>";
    QByteArray clinical;
    for (int i = 1; i <= n; ++i) {
        const QByteArray key = subjectKey(i).toUtf8();
        if (i % 7 == 0)
            clinical += "<SubjectData SubjectKey=\"" + key + "\" TransactionType=\"Remove\">" + why +
                        "</SubjectData>\n";
        else if (i % 5 == 0)
            clinical += "<SubjectData SubjectKey=\"" + key + "\" TransactionType=\"Context\">\n" +
                        visit("V1", day(3, i), "Update") + "</SubjectData>\n";
        else if (i % 3 == 0)
            clinical += "<SubjectData SubjectKey=\"" + key + "\" TransactionType=\"Context\">\n" +
                        visit("V2", day(2, i), "Remove") + "</SubjectData>\n";
    }
    for (int i = n + 1; i <= n + n / 10; ++i)
        clinical += "<SubjectData SubjectKey=\"" + subjectKey(i).toUtf8() +
                    "\" TransactionType=\"Insert\"><SiteRef LocationOID=\"SITE1\"/>\n" +
                    visit("V1", day(1, i)) + "</SubjectData>\n";
    return odmDelivery("EDC.3", "EDC.2", clinical);
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
    void killedOdmChangesResumeToTheReference();
    void killedRunsAreNotLeftRunning();

private:
    struct Stats
    {
        int trials = 0;
        int kills = 0;         // processes killed while running
        int finishedFirst = 0; // processes that ended before their kill time
        int partlyLoaded = 0;  // trials whose killed runs had committed some of their units
        qint64 differences = 0;
        qint64 orphanedRuns = 0; // runs left 'running' by a killed process
    };
    // What the trials load: a copy of templateDir for each, its pipeline run to the end after the kills.
    struct Scenario
    {
        QString templateDir;
        QString pipeline;  // file name in templateDir
        QString reference; // target of one uninterrupted load
        int exitCode = 3;  // of a complete run (3: the demo's seeded defects are rejected)
        qint64 durationMs = 0;
        bool changes =
            false; // updates and removals: compared as compareWithReference's changed, partly applied
        // Kills land at random in the first 80 % of durationMs; with afterFirstCommit, in the 40 % after the
        // killed run's first commit is seen (a run that changes a loaded target reads its sources through
        // first).
        bool afterFirstCommit = false;
    };
    QProcess* startLoad(const QString& pipeline, qint64 batchRecords);
    qint64 timedLoad(const QString& pipeline, qint64 batchRecords, int* exitCode);
    void runTrials(const QString& label, const Scenario& scenario, int wanted, qint64 batchRecords, Stats* s);
    Scenario demo(qint64 durationMs) const
    {
        return {m_template, QStringLiteral("demo.pipeline.json"), m_reference, 3, durationMs, false, false};
    }

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

void TestCrashResume::runTrials(const QString& label, const Scenario& scenario, int wanted,
                                qint64 batchRecords, Stats* s)
{
    // Kill times spread over the scenario's part of the run (see Scenario). A busy machine makes
    // runs faster or slower than the measured one: a process that ends before its kill time is no trial, and
    // more attempts are allowed than trials wanted.
    const qint64 window = scenario.durationMs * (scenario.afterFirstCommit ? 2 : 4) / 5 + 1;
    for (int i = 0; s->trials < wanted && i < wanted * 4; ++i) {
        const QString dir = m_tmp.filePath(QStringLiteral("%1-%2").arg(label).arg(i));
        QVERIFY(copyTree(scenario.templateDir, dir));
        const QString pipeline = dir + QLatin1Char('/') + scenario.pipeline;
        // Every third trial is killed twice: the resumed run is interrupted as well.
        const int killsWanted = i % 3 == 2 ? 2 : 1;
        // The runs the template's target already holds (none when it has no target yet).
        const QString target = dir + QStringLiteral("/ctms.db");
        const qint64 runsBefore = QFileInfo::exists(target)
                                      ? TargetDb(target).scalar(QStringLiteral("SELECT MAX(run_id) FROM run"))
                                      : 0;
        QStringList moments;
        int killed = 0;
        for (int k = 0; k < killsWanted; ++k) {
            const int delay = int(m_random.bounded(window));
            QProcess* p = startLoad(pipeline, batchRecords);
            QVERIFY(p->waitForStarted());
            if (scenario.afterFirstCommit) {
                // Read-only polling beside the writer (WAL): the newest run's first committed audit entry.
                TargetDb db(target);
                while (p->state() == QProcess::Running &&
                       db.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE run_id = "
                                                "(SELECT MAX(run_id) FROM run WHERE status = 'running')")) <=
                           0)
                    p->waitForFinished(2);
            }
            // waitForFinished() is false for a process that already ended (while the test polled).
            if (p->state() == QProcess::NotRunning || p->waitForFinished(delay)) {
                ++s->finishedFirst;
                moments << QStringLiteral("ended before %1 ms").arg(delay);
            } else {
                p->kill(); // SIGKILL
                p->waitForFinished();
                ++killed;
                moments << (scenario.afterFirstCommit ? QStringLiteral("killed %1 ms after its first commit")
                                                      : QStringLiteral("killed at %1 ms"))
                               .arg(delay);
            }
            delete p;
        }
        if (killed == 0) { // no crash in this trial: it does not count
            QDir(dir).removeRecursively();
            continue;
        }
        s->kills += killed;
        ++s->trials;
        // What the killed runs had committed (their audit entries come with their units): where the kills
        // landed.
        const qint64 committed =
            QFileInfo::exists(target)
                ? TargetDb(target).scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE run_id > ?"),
                                          {runsBefore})
                : 0;
        moments << QStringLiteral("%1 audit entries committed").arg(committed);
        s->partlyLoaded += committed > 0 ? 1 : 0;

        const auto final = runCli({QStringLiteral("run"), pipeline});
        QVERIFY2(final.exitCode == scenario.exitCode, final.out.constData() + final.err);
        const Comparison c =
            compareWithReference(target, scenario.reference, !scenario.changes, scenario.changes);
        s->differences += c.differences;
        {
            TargetDb db(target);
            s->orphanedRuns += db.scalar(QStringLiteral("SELECT COUNT(*) FROM run WHERE status = 'running'"));
        }
        qInfo("%s trial %d (%s of ~%lld ms): %lld differences", qPrintable(label), s->trials,
              qPrintable(moments.join(QStringLiteral(", "))), scenario.durationMs, c.differences);
        for (const QString& d : c.details)
            qWarning("  %s", qPrintable(d));
        if (c.differences == 0)
            QDir(dir).removeRecursively(); // keep a differing target for inspection while the test runs
    }
}

void TestCrashResume::killedRunsResumeToTheReference()
{
    Stats s;
    runTrials(QStringLiteral("cli"), demo(m_durationMs), envInt("TB_CRASH_TRIALS", 20), 0, &s);
    m_orphanedRuns += s.orphanedRuns;
    qInfo(
        "trialbridge-cli run: %d crash trials (%d with part of the load committed), %d processes killed (%d "
        "ended before their kill time), %lld differences",
        s.trials, s.partlyLoaded, s.kills, s.finishedFirst, s.differences);
    QVERIFY(s.trials >= envInt("TB_CRASH_TRIALS", 20));
    QCOMPARE(s.differences, qint64(0));
}

void TestCrashResume::killedSmallBatchRunsResumeToTheReference()
{
    // Batches of 500 records commit about a hundred times per run: kills land between and inside commits.
    Stats s;
    const int wanted = qMax(1, envInt("TB_CRASH_TRIALS", 20) / 2);
    runTrials(QStringLiteral("batch"), demo(m_smallBatchDurationMs), wanted, SmallBatch, &s);
    m_orphanedRuns += s.orphanedRuns;
    qInfo("batches of %lld records: %d crash trials (%d with part of the load committed), %d processes "
          "killed (%d "
          "ended before their kill time), %lld differences",
          SmallBatch, s.trials, s.partlyLoaded, s.kills, s.finishedFirst, s.differences);
    QVERIFY(s.trials >= wanted);
    QCOMPARE(s.differences, qint64(0));
}

void TestCrashResume::killedOdmChangesResumeToTheReference()
{
    // An ODM delivery of inserts is loaded; the next one corrects visit dates, removes visits and whole
    // subjects (their visits with them) and adds subjects. Its load, in batches of 500 records, is killed
    // part-way: what the resumed run finds already done it must neither repeat nor undo. The run reads the
    // delivery through before its first write (about 40 % of its time): the kills land in the writing part.
    const int subjects = 2 * envInt("TB_CRASH_SUBJECTS", 3000);
    Scenario odm;
    odm.templateDir = m_tmp.filePath(QStringLiteral("odm-template"));
    odm.pipeline = QStringLiteral("t.pipeline.json");
    odm.exitCode = 0;
    odm.changes = true;
    odm.afterFirstCommit = true;
    writeOdmWorkspace(odm.templateDir);
    writeFile(odm.templateDir, QStringLiteral("edc.xml"), odmInserts(subjects));
    auto r = runCli({QStringLiteral("run"), odm.templateDir + QLatin1Char('/') + odm.pipeline});
    QVERIFY2(r.exitCode == 0, r.out.constData() + r.err);
    writeFile(odm.templateDir, QStringLiteral("edc.xml"), odmChanges(subjects));

    const QString ref = m_tmp.filePath(QStringLiteral("odm-reference"));
    QVERIFY(copyTree(odm.templateDir, ref));
    int code = -1;
    odm.durationMs = timedLoad(ref + QLatin1Char('/') + odm.pipeline, SmallBatch, &code);
    QCOMPARE(code, 0);
    odm.reference = ref + QStringLiteral("/ctms.db");
    {
        // The reference made every change the delivery asks for.
        TargetDb db(odm.reference);
        const int removed = subjects / 7, added = subjects / 10;
        QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM subject")),
                 qint64(subjects - removed + added));
        QCOMPARE(
            db.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'delete' AND entity = "
                                     "'subject'")),
            qint64(removed));
        QVERIFY(
            db.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'update' AND entity = "
                                     "'visit'")) > subjects / 10);
        QVERIFY(db.scalar(QStringLiteral(
                    "SELECT SUM(deleted_with_parent) FROM run_entity WHERE entity = 'visit'")) ==
                2 * removed);
    }
    // The target before the changes differs from it: the comparison sees changes that were not made.
    const Comparison unchanged =
        compareWithReference(odm.templateDir + QStringLiteral("/ctms.db"), odm.reference, false, true);
    QVERIFY2(unchanged.differences > subjects / 7, qPrintable(QString::number(unchanged.differences)));
    qInfo("ODM changes to %d subjects in batches of %lld records take %lld ms", subjects, SmallBatch,
          odm.durationMs);

    Stats s;
    const int wanted = qMax(1, envInt("TB_CRASH_TRIALS", 20) / 2);
    runTrials(QStringLiteral("odm"), odm, wanted, SmallBatch, &s);
    m_orphanedRuns += s.orphanedRuns;
    qInfo("ODM updates and removals: %d crash trials (%d with part of the changes committed), %d processes "
          "killed "
          "(%d ended before their kill time), %lld differences",
          s.trials, s.partlyLoaded, s.kills, s.finishedFirst, s.differences);
    QVERIFY(s.trials >= wanted);
    QVERIFY2(s.partlyLoaded > 0,
             "no kill landed after the first commit: the partly applied case was not tried");
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
