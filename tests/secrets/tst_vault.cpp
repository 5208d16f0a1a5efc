// The vault file: round trips, parameters in the header, a fresh nonce per entry, atomic writes that
// another process's changes survive, and a clear error for every kind of damage.

#include "secrets/Vault.h"
#include "util/Crypto.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

using tb::core::Vault;

namespace {

const QByteArray Passphrase = "correct horse battery staple";

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

// Recomputes the trailing plain checksum, as someone editing the file without the passphrase could.
QByteArray withFreshChecksum(QByteArray bytes)
{
    bytes.chop(32);
    return bytes + tb::core::crypto::blake2b(bytes, 32);
}

} // namespace

class TestVault : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void roundTrip();
    void valuesAreBinarySafe();
    void namesAreSortedAndScoped();
    void headerKeepsParameters();
    void everyWriteUsesAFreshNonce();
    void fileHoldsNoPlainText();
    void fileIsPrivate();
    void missingFileIsNotCreatedUnlessAsked();
    void wrongPassphraseIsSaidSo();
    void damagedFilesGiveClearErrors_data();
    void damagedFilesGiveClearErrors();
    void truncatedFilesGiveClearErrors_data();
    void truncatedFilesGiveClearErrors();
    void editedWithoutPassphraseIsTampered();
    void removedEntryIsTampered();
    void writesKeepWhatAnotherProcessWrote();
    void locksLeftByAKilledWriterAreTakenOver_data();
    void locksLeftByAKilledWriterAreTakenOver();
    void removeOfMissingEntryIsNotFound();
    void unsupportedParametersAreRefused();

private:
    QString m_path;
    QTemporaryDir m_tmp;
};

void TestVault::init()
{
    QVERIFY(m_tmp.isValid());
    m_path = m_tmp.filePath(QStringLiteral("%1.tbvault").arg(QTest::currentTestFunction()));
    QFile::remove(m_path);
}

void TestVault::roundTrip()
{
    {
        Vault v;
        QVERIFY2(v.open(m_path, Passphrase, true, Vault::KdfParams::minimal()), qPrintable(v.errorString()));
        QVERIFY2(v.write(QStringLiteral("ws1/edc/token"), "tok-1234567890"), qPrintable(v.errorString()));
        QVERIFY(v.write(QStringLiteral("ws1/pg/password"), "pg-password-xyz"));
        QVERIFY(v.write(QStringLiteral("ws1/edc/token"), "tok-replaced-999"));
    }
    Vault v;
    QVERIFY2(v.open(m_path, Passphrase, false), qPrintable(v.errorString()));
    QByteArray value;
    QVERIFY(v.read(QStringLiteral("ws1/edc/token"), &value));
    QCOMPARE(value, QByteArray("tok-replaced-999"));
    QVERIFY(v.read(QStringLiteral("ws1/pg/password"), &value));
    QCOMPARE(value, QByteArray("pg-password-xyz"));
    QVERIFY(!v.read(QStringLiteral("ws1/none/token"), &value));
    QCOMPARE(v.error(), Vault::Error::NotFound);
    QCOMPARE(v.header().entryCount, 2);
}

void TestVault::valuesAreBinarySafe()
{
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all.append(char(i));
    Vault v;
    QVERIFY(v.open(m_path, Passphrase, true, Vault::KdfParams::minimal()));
    QVERIFY(v.write(QStringLiteral("ws/sftp/private_key"), all));
    Vault again;
    QVERIFY(again.open(m_path, Passphrase, false));
    QByteArray value;
    QVERIFY(again.read(QStringLiteral("ws/sftp/private_key"), &value));
    QCOMPARE(value, all);
}

void TestVault::namesAreSortedAndScoped()
{
    Vault v;
    QVERIFY(v.open(m_path, Passphrase, true, Vault::KdfParams::minimal()));
    QVERIFY(v.write(QStringLiteral("b/x/token"), "value-1-long"));
    QVERIFY(v.write(QStringLiteral("a/y/token"), "value-2-long"));
    QCOMPARE(v.names(), (QStringList{QStringLiteral("a/y/token"), QStringLiteral("b/x/token")}));
    QVERIFY(v.contains(QStringLiteral("a/y/token")));
}

void TestVault::headerKeepsParameters()
{
    Vault::KdfParams p = Vault::KdfParams::minimal();
    p.opsLimit = 2;
    p.memLimit = 1024 * 1024;
    {
        Vault v;
        QVERIFY(v.open(m_path, Passphrase, true, p));
        QVERIFY(v.write(QStringLiteral("ws/a/token"), "value-long-1"));
    }
    Vault::Header h;
    Vault::Error e;
    QString message;
    QVERIFY2(Vault::inspect(m_path, &h, &e, &message), qPrintable(message));
    QCOMPARE(h.version, 1);
    QCOMPARE(h.kdf.algorithm, tb::core::crypto::Argon2id13);
    QCOMPARE(h.kdf.opsLimit, quint64(2));
    QCOMPARE(h.kdf.memLimit, quint64(1024 * 1024));
    QCOMPARE(h.salt.size(), 16);
    QCOMPARE(h.cipher, Vault::CipherXChaCha20Poly1305);
    QCOMPARE(h.entryCount, 1);
    // The layout documented in docs/secrets.md, read back byte by byte.
    const QByteArray b = readAll(m_path);
    QVERIFY(b.startsWith(QByteArray("TBVAULT\0", 8)));
    QCOMPARE(qFromLittleEndian<quint16>(b.constData() + 8), quint16(1));
    QCOMPARE(qFromLittleEndian<quint16>(b.constData() + 10), quint16(Vault::HeaderSize));
    QCOMPARE(qFromLittleEndian<quint32>(b.constData() + 12), quint32(2));
    QCOMPARE(qFromLittleEndian<quint64>(b.constData() + 16), quint64(2));
    QCOMPARE(qFromLittleEndian<quint64>(b.constData() + 24), quint64(1024 * 1024));
    QCOMPARE(b.mid(32, 16), h.salt);
    QCOMPARE(qFromLittleEndian<quint64>(b.constData() + 56), quint64(b.size()));
    // A vault written with other parameters opens with them: they come from the header, not the code.
    Vault v;
    QVERIFY2(v.open(m_path, Passphrase, false, Vault::KdfParams::recommended()), qPrintable(v.errorString()));
    QCOMPARE(v.header().kdf.opsLimit, quint64(2));
}

void TestVault::everyWriteUsesAFreshNonce()
{
    Vault v;
    QVERIFY(v.open(m_path, Passphrase, true, Vault::KdfParams::minimal()));
    QVERIFY(v.write(QStringLiteral("ws/a/token"), "the-same-value"));
    const QByteArray first = readAll(m_path);
    QVERIFY(v.write(QStringLiteral("ws/a/token"), "the-same-value"));
    const QByteArray second = readAll(m_path);
    QCOMPARE(first.size(), second.size());
    // Same name, same value: the entry's nonce and ciphertext differ all the same.
    const qsizetype entry = Vault::HeaderSize + 2 + QByteArray("ws/a/token").size();
    QVERIFY(first.mid(entry, 24) != second.mid(entry, 24));
    QVERIFY(first.mid(entry + 28, 14 + 16) != second.mid(entry + 28, 14 + 16));
}

void TestVault::fileHoldsNoPlainText()
{
    Vault v;
    QVERIFY(v.open(m_path, Passphrase, true, Vault::KdfParams::minimal()));
    QVERIFY(v.write(QStringLiteral("ws/a/token"), "PLAINTEXT-MARKER-123"));
    const QByteArray b = readAll(m_path);
    QVERIFY(!b.contains("PLAINTEXT-MARKER-123"));
    QVERIFY(!b.contains(QByteArray("PLAINTEXT-MARKER-123").toBase64()));
    QVERIFY(!b.contains(Passphrase));
}

void TestVault::fileIsPrivate()
{
    Vault v;
    QVERIFY(v.open(m_path, Passphrase, true, Vault::KdfParams::minimal()));
    QVERIFY(v.write(QStringLiteral("ws/a/token"), "value-long-1"));
    QCOMPARE(QFile::permissions(m_path) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    // A folder the vault makes is private; a folder that was there keeps its permissions (it may be shared).
    const QFileDevice::Permissions owner = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
    const QFileDevice::Permissions user = QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser;
    const QString made = m_tmp.filePath(QStringLiteral("made/here/secrets.tbvault"));
    Vault inNew;
    QVERIFY(inNew.open(made, Passphrase, true, Vault::KdfParams::minimal()));
    QVERIFY(inNew.write(QStringLiteral("ws/a/token"), "value-long-1"));
    QCOMPARE(QFile::permissions(QFileInfo(made).absolutePath()) & ~user, owner);
    const QString shared = m_tmp.filePath(QStringLiteral("shared"));
    QVERIFY(QDir().mkpath(shared));
    const QFileDevice::Permissions open = owner | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                        | QFileDevice::ExeOther;
    QVERIFY(QFile::setPermissions(shared, open));
    Vault inShared;
    QVERIFY(inShared.open(QDir(shared).filePath(QStringLiteral("secrets.tbvault")), Passphrase, true, Vault::KdfParams::minimal()));
    QVERIFY(inShared.write(QStringLiteral("ws/a/token"), "value-long-1"));
    QCOMPARE(QFile::permissions(shared) & ~user, open);
}

void TestVault::missingFileIsNotCreatedUnlessAsked()
{
    Vault v;
    QVERIFY(!v.open(m_path, Passphrase, false));
    QCOMPARE(v.error(), Vault::Error::Missing);
    QVERIFY(!QFile::exists(m_path));
}

void TestVault::wrongPassphraseIsSaidSo()
{
    {
        Vault v;
        QVERIFY(v.open(m_path, Passphrase, true, Vault::KdfParams::minimal()));
        QVERIFY(v.write(QStringLiteral("ws/a/token"), "value-long-1"));
    }
    Vault v;
    QVERIFY(!v.open(m_path, "Correct horse battery staple", false));
    QCOMPARE(v.error(), Vault::Error::WrongPassphrase);
    QVERIFY2(v.errorString().contains(QLatin1String("wrong passphrase")), qPrintable(v.errorString()));
    QVERIFY(v.errorString().contains(m_path));
    QVERIFY(!v.isOpen());
    QVERIFY(v.names().isEmpty());
}

void TestVault::damagedFilesGiveClearErrors_data()
{
    QTest::addColumn<int>("offset"); // negative: from the end
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("words");
    const auto e = [](Vault::Error x) { return int(x); };
    QTest::newRow("magic") << 0 << e(Vault::Error::WrongHeader) << QStringLiteral("not a TrialBridge vault (wrong header");
    QTest::newRow("magic end") << 6 << e(Vault::Error::WrongHeader) << QStringLiteral("wrong header");
    QTest::newRow("version") << 8 << e(Vault::Error::UnsupportedVersion) << QStringLiteral("format version");
    QTest::newRow("header size") << 10 << e(Vault::Error::Corrupted) << QStringLiteral("corrupted");
    QTest::newRow("algorithm") << 12 << e(Vault::Error::Corrupted) << QStringLiteral("checksum mismatch");
    QTest::newRow("ops limit") << 16 << e(Vault::Error::Corrupted) << QStringLiteral("checksum mismatch");
    QTest::newRow("salt") << 40 << e(Vault::Error::Corrupted) << QStringLiteral("checksum mismatch");
    QTest::newRow("file size") << 56 << e(Vault::Error::Truncated) << QStringLiteral("truncated");
    QTest::newRow("check tag") << 90 << e(Vault::Error::Corrupted) << QStringLiteral("checksum mismatch");
    QTest::newRow("entry name") << 110 << e(Vault::Error::Corrupted) << QStringLiteral("checksum mismatch");
    QTest::newRow("ciphertext") << -80 << e(Vault::Error::Corrupted) << QStringLiteral("checksum mismatch");
    QTest::newRow("mac") << -40 << e(Vault::Error::Corrupted) << QStringLiteral("checksum mismatch");
    QTest::newRow("checksum") << -1 << e(Vault::Error::Corrupted) << QStringLiteral("checksum mismatch");
}

void TestVault::damagedFilesGiveClearErrors()
{
    QFETCH(int, offset);
    QFETCH(int, error);
    QFETCH(QString, words);
    {
        Vault v;
        QVERIFY(v.open(m_path, Passphrase, true, Vault::KdfParams::minimal()));
        QVERIFY(v.write(QStringLiteral("ws/a/token"), "value-number-one"));
        QVERIFY(v.write(QStringLiteral("ws/b/token"), "value-number-two"));
    }
    QByteArray b = readAll(m_path);
    const qsizetype at = offset >= 0 ? offset : b.size() + offset;
    b[at] = char(b[at] ^ 0x01); // one flipped bit
    writeAll(m_path, b);
    Vault v;
    QVERIFY(!v.open(m_path, Passphrase, false));
    QCOMPARE(int(v.error()), error);
    QVERIFY2(v.errorString().contains(words), qPrintable(v.errorString()));
    QVERIFY2(!v.errorString().contains(QLatin1String("passphrase")) || error == int(Vault::Error::WrongPassphrase),
             qPrintable(v.errorString())); // damage is never blamed on the passphrase
    QVERIFY(v.errorString().contains(m_path));
}

void TestVault::truncatedFilesGiveClearErrors_data()
{
    QTest::addColumn<int>("keep"); // bytes kept; negative: all but that many
    QTest::addColumn<int>("error");
    QTest::newRow("empty") << 0 << int(Vault::Error::WrongHeader);
    QTest::newRow("part of the magic") << 4 << int(Vault::Error::Truncated);
    QTest::newRow("half the header") << 50 << int(Vault::Error::Truncated);
    QTest::newRow("header only") << int(Vault::HeaderSize) << int(Vault::Error::Truncated);
    QTest::newRow("without checksum") << -32 << int(Vault::Error::Truncated);
    QTest::newRow("one byte short") << -1 << int(Vault::Error::Truncated);
}

void TestVault::truncatedFilesGiveClearErrors()
{
    QFETCH(int, keep);
    QFETCH(int, error);
    {
        Vault v;
        QVERIFY(v.open(m_path, Passphrase, true, Vault::KdfParams::minimal()));
        QVERIFY(v.write(QStringLiteral("ws/a/token"), "value-number-one"));
    }
    QByteArray b = readAll(m_path);
    b.truncate(keep >= 0 ? keep : b.size() + keep);
    writeAll(m_path, b);
    Vault v;
    QVERIFY(!v.open(m_path, Passphrase, false));
    QCOMPARE(int(v.error()), error);
    if (error == int(Vault::Error::Truncated))
        QVERIFY2(v.errorString().contains(QLatin1String("truncated")), qPrintable(v.errorString()));
    else
        QVERIFY2(v.errorString().contains(QLatin1String("wrong header")), qPrintable(v.errorString()));
}

void TestVault::editedWithoutPassphraseIsTampered()
{
    {
        Vault v;
        QVERIFY(v.open(m_path, Passphrase, true, Vault::KdfParams::minimal()));
        QVERIFY(v.write(QStringLiteral("ws/a/token"), "value-number-one"));
    }
    // Change the entry's ciphertext and fix up the plain checksum: only the keyed checks can notice.
    QByteArray b = readAll(m_path);
    b[b.size() - 64 - 3] = char(b[b.size() - 64 - 3] ^ 0x40);
    writeAll(m_path, withFreshChecksum(b));
    Vault v;
    QVERIFY(!v.open(m_path, Passphrase, false));
    QCOMPARE(v.error(), Vault::Error::Tampered);
    QVERIFY2(v.errorString().contains(QLatin1String("authentication")), qPrintable(v.errorString()));
}

void TestVault::removedEntryIsTampered()
{
    {
        Vault v;
        QVERIFY(v.open(m_path, Passphrase, true, Vault::KdfParams::minimal()));
        QVERIFY(v.write(QStringLiteral("ws/a/token"), "value-number-one"));
        QVERIFY(v.write(QStringLiteral("ws/b/token"), "value-number-two"));
    }
    // Drop the second entry, fix count, size and checksum: the MAC still binds the original set.
    QByteArray b = readAll(m_path);
    const qsizetype second = Vault::HeaderSize + 2 + 10 + 24 + 4 + 16 + 16;
    QByteArray cut = b.left(second) + b.right(64);
    qToLittleEndian<quint32>(1, cut.data() + 52);
    qToLittleEndian<quint64>(quint64(cut.size()), cut.data() + 56);
    writeAll(m_path, withFreshChecksum(cut));
    Vault v;
    QVERIFY(!v.open(m_path, Passphrase, false));
    QCOMPARE(v.error(), Vault::Error::Tampered);
}

void TestVault::locksLeftByAKilledWriterAreTakenOver_data()
{
    QTest::addColumn<bool>("empty");
    QTest::addColumn<bool>("guard");
    // Killed between creating the lock file and writing its PID into it: only its age tells.
    QTest::newRow("empty lock, aged") << true << false;
    // Killed while writing: the lock names a process that no longer runs.
    QTest::newRow("lock of a dead writer") << false << false;
    // Killed while taking over such a lock: QLockFile's guard for the take-over names it too.
    QTest::newRow("lock and take-over guard of a dead writer") << false << true;
}

void TestVault::locksLeftByAKilledWriterAreTakenOver()
{
    QFETCH(bool, empty);
    QFETCH(bool, guard);
    Vault v;
    QVERIFY(v.open(m_path, Passphrase, true, Vault::KdfParams::minimal()));
    QProcess gone;
    gone.start(QStringLiteral("true"), {});
    QVERIFY(gone.waitForStarted());
    const qint64 deadPid = gone.processId();
    QVERIFY(gone.waitForFinished());
    // QLockFile's layout: PID, application, host.
    const QByteArray owner =
        QByteArray::number(deadPid) + "\nvault-writer\n" + QSysInfo::machineHostName().toUtf8() + '\n';
    const QStringList left =
        guard ? QStringList{m_path + QStringLiteral(".lock"), m_path + QStringLiteral(".lock.rmlock")}
              : QStringList{m_path + QStringLiteral(".lock")};
    for (const QString& name : left) {
        QFile lock(name);
        QVERIFY(lock.open(QIODevice::WriteOnly));
        if (empty)
            QVERIFY(lock.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-6),
                                     QFileDevice::FileModificationTime));
        else
            lock.write(owner);
    }
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(v.write(QStringLiteral("ws/a/token"), "after-a-kill"), qPrintable(v.errorString()));
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    for (const QString& name : left)
        QVERIFY2(!QFileInfo::exists(name), qPrintable(name));
    QByteArray value;
    QVERIFY(v.read(QStringLiteral("ws/a/token"), &value));
    QCOMPARE(value, QByteArray("after-a-kill"));
}

void TestVault::writesKeepWhatAnotherProcessWrote()
{
    Vault a;
    QVERIFY(a.open(m_path, Passphrase, true, Vault::KdfParams::minimal()));
    Vault b;
    QVERIFY(b.open(m_path, Passphrase, false));
    QVERIFY(a.write(QStringLiteral("ws/a/token"), "written-by-a"));
    QVERIFY(b.write(QStringLiteral("ws/b/token"), "written-by-b")); // b re-reads before writing
    Vault c;
    QVERIFY(c.open(m_path, Passphrase, false));
    QCOMPARE(c.names(), (QStringList{QStringLiteral("ws/a/token"), QStringLiteral("ws/b/token")}));
}

void TestVault::removeOfMissingEntryIsNotFound()
{
    Vault v;
    QVERIFY(v.open(m_path, Passphrase, true, Vault::KdfParams::minimal()));
    QVERIFY(v.write(QStringLiteral("ws/a/token"), "value-long-1"));
    QVERIFY(!v.remove(QStringLiteral("ws/x/token")));
    QCOMPARE(v.error(), Vault::Error::NotFound);
    QVERIFY(v.remove(QStringLiteral("ws/a/token")));
    QVERIFY(v.names().isEmpty());
}

void TestVault::unsupportedParametersAreRefused()
{
    {
        Vault v;
        QVERIFY(v.open(m_path, Passphrase, true, Vault::KdfParams::minimal()));
    }
    QByteArray b = readAll(m_path);
    qToLittleEndian<quint32>(1, b.data() + 12); // algorithm 1 = Argon2i, not accepted
    writeAll(m_path, withFreshChecksum(b));
    Vault v;
    QVERIFY(!v.open(m_path, Passphrase, false));
    QCOMPARE(v.error(), Vault::Error::UnsupportedParameters);
    QVERIFY2(v.errorString().contains(QLatin1String("Argon2id")), qPrintable(v.errorString()));
}

QTEST_GUILESS_MAIN(TestVault)
#include "tst_vault.moc"
