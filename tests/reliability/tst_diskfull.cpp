// Full disk and I/O errors: the target database lives on a small tmpfs that a ballast file fills up to a
// chosen amount of free space. The run fails with a clear message (exit 1, "disk is full", the database
// named), leaves an intact database, and once the ballast is gone a re-run completes with nothing lost
// or doubled (compared with a reference load on the ordinary disk). A read-only remount stands for a
// target whose writes fail with an I/O error.
//
// Mounting needs root (the tests run as root); elsewhere the test is skipped, or fails when
// TB_REQUIRE_ROOT_TESTS=1.

#include "ReliabilitySupport.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb::test;

class TestDiskFull : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void fullDiskFailsCleanlyAndResumes_data();
    void fullDiskFailsCleanlyAndResumes();
    void fullDiskDuringUpdatesKeepsThePreviousLoad();
    void readOnlyFileSystemFailsCleanly();

private:
    qint64 freeBytes() const;
    bool fill(qint64 leaveFree);

    QTemporaryDir m_tmp;
    TmpfsMount m_mount;
    QString m_ws;        // the workspace on the tmpfs
    QString m_db;        // its target database
    QString m_ballast;   // the file that fills the tmpfs
    QString m_reference; // target of the same load on the ordinary disk
    qint64 m_referenceSize = 0;
    static constexpr qint64 MountSize = 16 * 1024 * 1024;
};

qint64 TestDiskFull::freeBytes() const
{
    QStorageInfo info(m_mount.dir());
    info.refresh();
    return info.bytesAvailable();
}

bool TestDiskFull::fill(qint64 leaveFree)
{
    QFile f(m_ballast);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QByteArray chunk(64 * 1024, 'B');
    // Write until only leaveFree bytes are left (tmpfs counts whole pages); with 0, until it is full.
    for (qint64 left = freeBytes() - leaveFree; left > 0; left = freeBytes() - leaveFree) {
        const qint64 n = qMin<qint64>(left, chunk.size());
        if (f.write(chunk.constData(), n) != n || !f.flush())
            break; // full
    }
    f.close();
    return freeBytes() <= leaveFree + 4096;
}

void TestDiskFull::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    tb::test::useTestVault(m_tmp.filePath(QStringLiteral("secrets"))); // runs sign their audit trail
    QString error;
    if (!m_mount.mount(m_tmp.filePath(QStringLiteral("mnt")), MountSize, &error)) {
        if (qEnvironmentVariable("TB_REQUIRE_ROOT_TESTS") == QLatin1String("1"))
            QFAIL(qPrintable(QStringLiteral("TB_REQUIRE_ROOT_TESTS=1 but a tmpfs cannot be mounted: ") +
                             error));
        QSKIP(qPrintable(
            QStringLiteral("needs root to mount a small tmpfs (set TB_REQUIRE_ROOT_TESTS=1 to make "
                           "this a failure): ") +
            error));
    }
    m_ws = m_mount.dir() + QStringLiteral("/ws");
    m_db = m_ws + QStringLiteral("/ctms.db");
    m_ballast = m_mount.dir() + QStringLiteral("/ballast");
    const auto demo =
        runCli({QStringLiteral("demo"), QStringLiteral("--out"), m_ws, QStringLiteral("--subjects"),
                QStringLiteral("600"), QStringLiteral("--defect-rate"), QStringLiteral("0.02")});
    QVERIFY2(demo.exitCode == 0, demo.err.constData());

    const QString ref = m_tmp.filePath(QStringLiteral("reference"));
    QVERIFY(copyTree(m_ws, ref));
    const auto load = runCli({QStringLiteral("run"), ref + QStringLiteral("/demo.pipeline.json")});
    QCOMPARE(load.exitCode, 3);
    m_reference = ref + QStringLiteral("/ctms.db");
    m_referenceSize = QFileInfo(m_reference).size();
    QVERIFY(m_referenceSize > 1024 * 1024);
    // A first run makes the workspace's audit signing key and lists it in the workspace while there is space.
    QCOMPARE(runCli({QStringLiteral("run"), m_ws + QStringLiteral("/demo.pipeline.json")}).exitCode, 3);
    removeDatabase(m_db);
    qInfo("reference target: %lld bytes; tmpfs: %lld bytes, %lld free with the workspace", m_referenceSize,
          MountSize, freeBytes());
}

void TestDiskFull::cleanupTestCase()
{
    m_mount.unmount();
}

void TestDiskFull::fullDiskFailsCleanlyAndResumes_data()
{
    QTest::addColumn<qint64>("free");
    QTest::newRow("no space at all") << qint64(0);
    QTest::newRow("64 KiB: not even the schema") << qint64(64 * 1024);
    QTest::newRow("a third of the load") << qint64(1200 * 1024);
    QTest::newRow("two thirds of the load") << qint64(2400 * 1024);
}

void TestDiskFull::fullDiskFailsCleanlyAndResumes()
{
    QFETCH(qint64, free);
    QVERIFY(free < m_referenceSize);
    removeDatabase(m_db);
    QVERIFY2(fill(free), qPrintable(QStringLiteral("%1 bytes free").arg(freeBytes())));

    const auto failed = runCli({QStringLiteral("run"), m_ws + QStringLiteral("/demo.pipeline.json")});
    QCOMPARE(failed.exitCode, 1);
    const QString message = QString::fromUtf8(failed.err);
    QVERIFY2(message.contains(QLatin1String("disk is full")), qPrintable(message));
    QVERIFY2(message.contains(m_db), qPrintable(message));

    // Still on the full disk: the database (when the run got as far as creating it) is intact, and
    // nothing but failed runs is recorded.
    if (QFileInfo::exists(m_db)) {
        TargetDb db(m_db);
        QVERIFY2(db.isOpen(), qPrintable(db.error()));
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
        if (db.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'run'")) == 1)
            QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM run WHERE status <> 'failed'")),
                     qint64(0));
        if (db.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'audit_log'")) == 1)
            QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity NOT IN "
                                              "('study', 'country', 'site', 'visit_schedule')")),
                     qint64(0));
    }

    QVERIFY(QFile::remove(m_ballast));
    const auto resumed = runCli({QStringLiteral("run"), m_ws + QStringLiteral("/demo.pipeline.json")});
    QVERIFY2(resumed.exitCode == 3, resumed.err.constData());
    const Comparison c = compareWithReference(m_db, m_reference);
    qInfo("%lld bytes free: \"%s\"; after freeing space: %lld differences", free,
          qPrintable(message.trimmed().section(QLatin1Char('\n'), 0, 0)), c.differences);
    QVERIFY2(c.differences == 0, qPrintable(c.details.join(QLatin1Char('\n'))));
}

void TestDiskFull::fullDiskDuringUpdatesKeepsThePreviousLoad()
{
    // A complete load, then a source in which every visit name changed: thousands of updates with their
    // audit entries, on a disk that fills up half-way. The previous load stays exactly as it was.
    // The reference: the same two loads on the ordinary disk.
    const QString ref = m_tmp.filePath(QStringLiteral("reference-updates"));
    QVERIFY(copyTree(QFileInfo(m_reference).absolutePath(), ref));
    QVERIFY(renameDemoVisits(ref));
    QCOMPARE(runCli({QStringLiteral("run"), ref + QStringLiteral("/demo.pipeline.json")}).exitCode, 3);

    removeDatabase(m_db);
    QFile::remove(m_ballast);
    QCOMPARE(runCli({QStringLiteral("run"), m_ws + QStringLiteral("/demo.pipeline.json")}).exitCode, 3);
    QByteArray before;
    {
        TargetDb db(m_db);
        before = db.ctmsDigest();
    }
    QVERIFY(renameDemoVisits(m_ws));
    QVERIFY(fill(256 * 1024));
    const auto failed = runCli({QStringLiteral("run"), m_ws + QStringLiteral("/demo.pipeline.json")});
    const QString message = QString::fromUtf8(failed.err);
    qInfo("updates on a full disk: exit %d, \"%s\"", failed.exitCode, qPrintable(message.trimmed()));
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(message.contains(QLatin1String("disk is full")) && message.contains(m_db), qPrintable(message));
    {
        TargetDb db(m_db);
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
        QVERIFY2(db.ctmsDigest() == before, "the failed run changed the CTMS or the audit log");
    }
    QVERIFY(QFile::remove(m_ballast));
    QCOMPARE(runCli({QStringLiteral("run"), m_ws + QStringLiteral("/demo.pipeline.json")}).exitCode, 3);
    const Comparison c = compareWithReference(m_db, ref + QStringLiteral("/ctms.db"), false);
    QVERIFY2(c.differences == 0, qPrintable(c.details.join(QLatin1Char('\n'))));

    // Back to the original sources for the next test.
    QVERIFY(copyTree(QFileInfo(m_reference).absolutePath() + QStringLiteral("/edc"),
                     m_ws + QStringLiteral("/edc")));
}

void TestDiskFull::readOnlyFileSystemFailsCleanly()
{
    // A complete target, then the file system turns read-only: every write fails.
    removeDatabase(m_db);
    QFile::remove(m_ballast);
    QCOMPARE(runCli({QStringLiteral("run"), m_ws + QStringLiteral("/demo.pipeline.json")}).exitCode, 3);
    QByteArray digest;
    {
        TargetDb db(m_db);
        digest = db.ctmsDigest();
    }
    QString error;
    QVERIFY2(m_mount.remount(QStringLiteral("ro"), &error), qPrintable(error));
    const auto failed = runCli({QStringLiteral("run"), m_ws + QStringLiteral("/demo.pipeline.json")});
    QVERIFY2(m_mount.remount(QStringLiteral("rw"), &error), qPrintable(error));
    const QString message = QString::fromUtf8(failed.err);
    qInfo("read-only file system: exit %d, \"%s\"", failed.exitCode, qPrintable(message.trimmed()));
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(message.contains(m_db), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("readonly")) || message.contains(QLatin1String("read-only")) ||
                 message.contains(QLatin1String("unable to open")),
             qPrintable(message));

    {
        TargetDb db(m_db);
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
        QCOMPARE(db.ctmsDigest(), digest);
    }
    QCOMPARE(runCli({QStringLiteral("run"), m_ws + QStringLiteral("/demo.pipeline.json")}).exitCode, 3);
    const Comparison c = compareWithReference(m_db, m_reference);
    QVERIFY2(c.differences == 0, qPrintable(c.details.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestDiskFull)
#include "tst_diskfull.moc"
