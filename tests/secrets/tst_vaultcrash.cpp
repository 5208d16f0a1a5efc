// The vault survives a crash during a write: a helper process rewrites it in a loop and is killed
// with SIGKILL at random moments; every time, the file opens cleanly and holds the last committed
// counter or the one being written — never a broken file.

#include "secrets/Vault.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using tb::core::Vault;

class TestVaultCrash : public QObject
{
    Q_OBJECT

private slots:
    void survivesKillDuringWrite();
};

void TestVaultCrash::survivesKillDuringWrite()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault/secrets.tbvault"));
    const QString passFile = tmp.filePath(QStringLiteral("pass"));
    const QByteArray passphrase = "crash test passphrase";
    {
        QFile f(passFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(passphrase);
    }
    {
        Vault v;
        QVERIFY(v.open(path, passphrase, true, Vault::KdfParams::minimal()));
        QVERIFY(v.write(QStringLiteral("crash/test/keep"), "must-survive-every-crash"));
    }
    QRandomGenerator rng(20240601);
    qint64 previous = 0;
    const int rounds = 40;
    for (int round = 0; round < rounds; ++round) {
        QProcess writer;
        writer.start(QStringLiteral(TB_VAULT_WRITER), {path, passFile});
        QVERIFY(writer.waitForStarted());
        QVERIFY2(writer.waitForReadyRead(20000), "the writer did not open the vault");
        QByteArray output = writer.readLine();
        QCOMPARE(output.trimmed(), QByteArray("ready"));
        QThread::msleep(rng.bounded(5, 250));
        writer.kill(); // SIGKILL: no cleanup, no flush
        QVERIFY(writer.waitForFinished(10000));
        output = writer.readAllStandardOutput();
        qint64 lastPrinted = previous;
        for (const QByteArray& line : output.split('\n'))
            if (line.startsWith("committed "))
                lastPrinted = line.mid(10).toLongLong();

        Vault v;
        QVERIFY2(v.open(path, passphrase, false), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(v.errorString())));
        QByteArray value;
        QVERIFY(v.read(QStringLiteral("crash/test/keep"), &value));
        QCOMPARE(value, QByteArray("must-survive-every-crash"));
        const qint64 counter = v.read(QStringLiteral("crash/test/counter"), &value) ? value.toLongLong() : 0;
        QVERIFY(v.read(QStringLiteral("crash/test/filler"), &value) || counter == 0);
        // Old or new content: what was last reported committed, or the write that had just landed.
        QVERIFY2(counter == lastPrinted || counter == lastPrinted + 1,
                 qPrintable(QStringLiteral("round %1: counter %2, last committed %3").arg(round).arg(counter).arg(lastPrinted)));
        QVERIFY(counter >= previous);
        previous = counter;
    }
    QVERIFY2(previous > 0, "the writer never committed anything: the test proved nothing");
    // Temporary files of interrupted writes do not pile up next to the vault: besides the vault there
    // is at most its lock file, the one temporary file of the write that was killed, and QLockFile's
    // guard for taking over a stale lock (left when the kill fell inside the take-over; the next
    // writer takes it over in turn, as its owner is dead).
    QStringList left = QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files | QDir::Hidden);
    QVERIFY(left.removeAll(QStringLiteral("secrets.tbvault")) == 1);
    left.removeAll(QStringLiteral("secrets.tbvault.lock"));
    left.removeAll(QStringLiteral("secrets.tbvault.lock.rmlock"));
    left.removeAll(QStringLiteral("secrets.tbvault.writing"));
    QVERIFY2(left.isEmpty(), qPrintable(left.join(QStringLiteral(", "))));
    // Whatever the last kill left behind does not stand in the way of the next writer.
    Vault after;
    QVERIFY(after.open(path, passphrase, false));
    QVERIFY2(after.write(QStringLiteral("crash/test/after"), "written"), qPrintable(after.errorString()));
    qInfo("%d rounds, counter reached %lld", rounds, previous);
}

QTEST_GUILESS_MAIN(TestVaultCrash)
#include "tst_vaultcrash.moc"
