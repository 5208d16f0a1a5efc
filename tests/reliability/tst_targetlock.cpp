// The lock that keeps a second run off a target (TargetLock): it excludes while its holder lives, in this
// process or another, and nothing a dead holder leaves behind keeps it: not an empty lock file (killed
// between creating and writing it), not a PID now used by another process of the same program, not an
// empty ".rmlock" of QLockFile's stale-lock removal. QLockFile gives up on each of those; the crash
// harness once met one of them.

#include "ReliabilitySupport.h"

#include "run/TargetLock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using tb::core::TargetLock;
using Outcome = TargetLock::Outcome;

Q_DECLARE_METATYPE(TargetLock::Outcome)

namespace {

// The test binary runs itself with these arguments to hold a lock in another process until killed.
const char* const kChildHold = "--child-hold";

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool write(const QString& path, const QByteArray& content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

QString exeName()
{
    return QFileInfo(QCoreApplication::applicationFilePath()).fileName();
}

} // namespace

class TestTargetLock : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void secondHolderIsRefused();
    void excludesAndIsExcludedByQLockFile();
    void leftoversOfADeadHolderDoNotHold_data();
    void leftoversOfADeadHolderDoNotHold();
    void killedHolderReleases();
    void releaseLeavesAReplacementAlone();
    void failures_data();
    void failures();

private:
    QTemporaryDir m_tmp;
    QString m_file;
};

void TestTargetLock::init()
{
    QVERIFY(m_tmp.isValid());
    m_file = m_tmp.filePath(QStringLiteral("ctms.db.lock"));
    QFile::remove(m_file);
    QFile::remove(m_file + QStringLiteral(".rmlock"));
}

void TestTargetLock::secondHolderIsRefused()
{
    // Two runs in one process (the console, the server's queue) exclude each other like two processes.
    TargetLock first(m_file), second(m_file);
    QCOMPARE(first.acquire(), Outcome::Acquired);
    QVERIFY(first.isHeld());
    QCOMPARE(second.acquire(), Outcome::Held);
    QVERIFY(!second.isHeld());
    QCOMPARE(second.holderPid(), QCoreApplication::applicationPid());
    QCOMPARE(second.holderHost(), QSysInfo::machineHostName());
    first.release();
    QVERIFY2(!QFileInfo::exists(m_file), "release leaves the lock file behind");
    QCOMPARE(second.acquire(), Outcome::Acquired);
    QCOMPARE(readAll(m_file).split('\n').value(1), exeName().toUtf8());
}

void TestTargetLock::excludesAndIsExcludedByQLockFile()
{
    // Earlier versions held the target with QLockFile: a run of either kind keeps the other off.
    {
        QLockFile q(m_file);
        QVERIFY(q.tryLock(0));
        TargetLock t(m_file);
        QCOMPARE(t.acquire(), Outcome::Held);
        QCOMPARE(t.holderPid(), QCoreApplication::applicationPid());
    }
    TargetLock t(m_file);
    QCOMPARE(t.acquire(), Outcome::Acquired);
    QLockFile q(m_file);
    q.setStaleLockTime(0);
    QVERIFY(!q.tryLock(0));
    QVERIFY(QFileInfo::exists(m_file));
}

void TestTargetLock::leftoversOfADeadHolderDoNotHold_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("emptyRmlock");
    QTest::addColumn<bool>("qlockFileRefuses");

    const QByteArray host = QSysInfo::machineHostName().toUtf8();
    const QByteArray self = QByteArray::number(QCoreApplication::applicationPid()) + '\n' + exeName().toUtf8() +
                            '\n' + host + '\n';
    // Linux PIDs stay below 2^22.
    const QByteArray gone = "4194305\ntrialbridge-cli\n" + host + '\n';
    QTest::newRow("empty file: killed between creating and writing it") << QByteArray() << false << true;
    QTest::newRow("its PID now runs the same program") << self << false << true;
    QTest::newRow("a process that is gone") << gone << false << false;
    QTest::newRow("a process that is gone, with an empty .rmlock") << gone << true << true;
    QTest::newRow("garbage") << QByteArray("\xff\xfe not a lock file") << false << true;
}

void TestTargetLock::leftoversOfADeadHolderDoNotHold()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, emptyRmlock);
    QFETCH(bool, qlockFileRefuses);
    QVERIFY(write(m_file, content));
    if (emptyRmlock)
        QVERIFY(write(m_file + QStringLiteral(".rmlock"), QByteArray()));
    if (qlockFileRefuses) { // what made this case worth a row
        QLockFile q(m_file);
        q.setStaleLockTime(0);
        QVERIFY(!q.tryLock(0));
        QCOMPARE(readAll(m_file), content);
    }
    TargetLock t(m_file);
    QCOMPARE(t.acquire(), Outcome::Acquired);
    QCOMPARE(readAll(m_file).split('\n').value(0).toLongLong(), QCoreApplication::applicationPid());
    t.release();
    QVERIFY(!QFileInfo::exists(m_file));
}

void TestTargetLock::killedHolderReleases()
{
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), {QLatin1String(kChildHold), m_file});
    QVERIFY(child.waitForStarted());
    QVERIFY2(child.waitForReadyRead(10000), child.readAllStandardError().constData());
    QCOMPARE(child.readLine().trimmed(), QByteArray("held"));

    TargetLock t(m_file);
    QCOMPARE(t.acquire(), Outcome::Held);
    QCOMPARE(t.holderPid(), child.processId());

    child.kill(); // SIGKILL: no destructor, no unlock
    QVERIFY(child.waitForFinished());
    QVERIFY2(QFileInfo::exists(m_file), "the killed holder's file should still be there");
    QCOMPARE(t.acquire(), Outcome::Acquired);
    QCOMPARE(readAll(m_file).split('\n').value(0).toLongLong(), QCoreApplication::applicationPid());
}

void TestTargetLock::releaseLeavesAReplacementAlone()
{
    // Someone deletes a held lock file by hand and a second run starts on a new one: the first run's
    // release must not delete the second's file, or a third run would start beside the second.
    TargetLock first(m_file), second(m_file), third(m_file);
    QCOMPARE(first.acquire(), Outcome::Acquired);
    QVERIFY(QFile::remove(m_file));
    QCOMPARE(second.acquire(), Outcome::Acquired);
    first.release();
    QVERIFY(QFileInfo::exists(m_file));
    QCOMPARE(third.acquire(), Outcome::Held);
    second.release();
    QCOMPARE(third.acquire(), Outcome::Acquired);
}

void TestTargetLock::failures_data()
{
    QTest::addColumn<QString>("mountOptions"); // empty: no tmpfs, the folder is missing
    QTest::addColumn<Outcome>("expected");
    QTest::addColumn<QString>("reason");

    QTest::newRow("missing folder") << QString() << Outcome::Failed << QString::fromLocal8Bit(strerror(ENOENT));
    QTest::newRow("read-only file system") << QStringLiteral("ro") << Outcome::NotWritable
                                           << QString::fromLocal8Bit(strerror(EROFS));
    QTest::newRow("full disk") << QStringLiteral("full") << Outcome::DiskFull
                               << QString::fromLocal8Bit(strerror(ENOSPC));
}

void TestTargetLock::failures()
{
    QFETCH(QString, mountOptions);
    QFETCH(Outcome, expected);
    QFETCH(QString, reason);

    tb::test::TmpfsMount mount;
    QString dir = m_tmp.filePath(QStringLiteral("missing"));
    if (!mountOptions.isEmpty()) {
        QString error;
        if (!mount.mount(m_tmp.filePath(QStringLiteral("mnt")), 64 * 1024, &error)) {
            if (qEnvironmentVariable("TB_REQUIRE_ROOT_TESTS") == QLatin1String("1"))
                QFAIL(qPrintable(QStringLiteral("TB_REQUIRE_ROOT_TESTS=1 but a tmpfs cannot be mounted: ") + error));
            QSKIP(qPrintable(QStringLiteral("needs root to mount a small tmpfs: ") + error));
        }
        dir = mount.dir();
        if (mountOptions == QLatin1String("full")) {
            QFile ballast(dir + QStringLiteral("/ballast"));
            QVERIFY(ballast.open(QIODevice::WriteOnly));
            const QByteArray block(4096, 'x');
            while (ballast.write(block) == block.size() && ballast.flush()) {
            }
        } else {
            QVERIFY2(mount.remount(mountOptions, &error), qPrintable(error));
        }
    }
    const QString file = dir + QStringLiteral("/ctms.db.lock");
    TargetLock t(file);
    QCOMPARE(t.acquire(), expected);
    QVERIFY(!t.isHeld());
    QCOMPARE(t.errorString(), reason);
    QVERIFY2(!QFileInfo::exists(file), "a failed lock leaves a file behind");
}

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], kChildHold) == 0) {
        TargetLock lock(QString::fromLocal8Bit(argv[2]));
        if (lock.acquire() != Outcome::Acquired)
            return 1;
        QFile out;
        out.open(stdout, QIODevice::WriteOnly);
        out.write("held\n");
        out.flush();
        QThread::sleep(600); // until killed
        return 0;
    }
    TestTargetLock test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_targetlock.moc"
