// What a folder-drop step takes from its folder, without a pipeline around it: files checked whole before any
// is read, the ledger's files moved on unread, misfits moved to error/ with a note, files with other columns
// held back, cancel before a file, and archive/ for exactly the deliveries that were read.

#include "TestSupport.h"

#include "load/CtmsDatabase.h"
#include "model/CtmsSchema.h"
#include "run/DropIntake.h"
#include "run/RunFeedback.h"
#include "source/drop/DropRecordSource.h"
#include "source/drop/LocalDropFolder.h"
#include "study/StudyConfig.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb::core;
using tb::test::writeFile;

namespace {

const QByteArray kHeader = "SUBJECT,SITE,CONSENT\n";

QStringList filesIn(const QString& dir)
{
    return QDir(dir).entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name);
}

QStringList namesOf(const std::vector<DropLedger::File>& files)
{
    QStringList names;
    for (const DropLedger::File& f : files)
        names << f.name + (f.loaded ? QString() : QStringLiteral(" (failed)"));
    return names;
}

QStringList subjectsRead(DropRecordSource& reader)
{
    QStringList subjects;
    while (reader.next())
        subjects << reader.fields().front();
    return subjects;
}

} // namespace

class TestDropIntake : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void takesCompleteFilesInNameOrder();
    void filesWithOtherColumnsWaitForTheNextRun();
    void misfitsGoToErrorWithANote_data();
    void misfitsGoToErrorWithANote();
    void ledgerFilesAreMovedNotRead_data();
    void ledgerFilesAreMovedNotRead();
    void cancelLoadsNothing();
    void archiveMovesOnlyTheDeliveriesRead();
    void archiveSaysWhatStays();

private:
    // A delivery with its marker file.
    void deliver(const QString& name, const QByteArray& bytes);
    DropIntake::Step step() const;

    QTemporaryDir m_tmp;
    std::shared_ptr<const CtmsSchema> m_schema = CtmsSchema::builtIn();
    std::shared_ptr<StudyConfig> m_study;
    MappingDocument m_doc;
    QString m_inbox;
    CtmsDatabase m_db;
    std::unique_ptr<DropLedger> m_ledger;
    int m_round = 0;
};

void TestDropIntake::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QString error;
    m_study = StudyConfig::fromJson(R"({"format": "trialbridge.study/1", "study_id": "DI1", "defaultTimeZone": "UTC",
        "sites": [{"site_id": "site_a", "name": "A", "country_code": "DEU", "time_zone": "Europe/Berlin"}]})",
                                    QStringLiteral("d.study.json"), m_schema, &error);
    QVERIFY2(m_study, qPrintable(error));
    m_doc = tb::test::parseMapping(R"({"format": "trialbridge.mapping/1", "name": "s",
        "source": {"kind": "csv"}, "target": {"entity": "subject"},
        "fields": {"study_id": {"param": "study_id"}, "subject_id": {"from": "SUBJECT"},
                   "site_id": {"from": "SITE"}, "informed_consent_date": {"from": "CONSENT"}}})");
}

void TestDropIntake::init()
{
    // A folder and a target of its own for every test.
    const QString dir = m_tmp.filePath(QString::number(++m_round));
    m_inbox = dir + QStringLiteral("/inbox");
    QVERIFY(QDir().mkpath(m_inbox));
    QString error;
    QVERIFY2(m_db.open(dir + QStringLiteral("/ctms.db"), &error), qPrintable(error));
    m_ledger = std::make_unique<DropLedger>();
    QVERIFY2(m_ledger->prepare(m_db.handle(), &error), qPrintable(error));
}

void TestDropIntake::cleanup()
{
    m_ledger.reset(); // its statements first
    m_db.close();
}

void TestDropIntake::deliver(const QString& name, const QByteArray& bytes)
{
    writeFile(m_inbox, name, bytes);
    writeFile(m_inbox, name + QStringLiteral(".done"), {});
}

DropIntake::Step TestDropIntake::step() const
{
    return {QStringLiteral("d"), m_db.path(), QStringLiteral("inbox"), QStringLiteral("s.mapping.json"),
            QStringLiteral("s.mapping.json"), &m_doc, m_schema, m_study.get(),
            DropFolder::Rule{QStringLiteral("subjects_*.csv"), true, 0}};
}

void TestDropIntake::takesCompleteFilesInNameOrder()
{
    deliver(QStringLiteral("subjects_2.csv"), kHeader + "S2,site_a,2020-01-02\n");
    deliver(QStringLiteral("subjects_1.csv"), kHeader + "S1,site_a,2020-01-01\nS3,site_a,2020-01-03\n");
    writeFile(m_inbox, QStringLiteral("subjects_3.csv"), kHeader + "S4,site_a,2020-01-04\n"); // no marker yet
    LocalDropFolder folder(m_inbox);
    DropIntake intake(folder, *m_ledger, nullptr);
    QCOMPARE(intake.take(step()), DropIntake::Outcome::Taken);
    QCOMPARE(namesOf(intake.files()), QStringList({"subjects_1.csv", "subjects_2.csv"}));
    QVERIFY(intake.notes().isEmpty());
    std::unique_ptr<DropRecordSource> reader = intake.releaseReader();
    QCOMPARE(reader->fileCount(), 2);
    QCOMPARE(subjectsRead(*reader), QStringList({"S1", "S3", "S2"}));
    // Taking moves nothing: the files stay until the run's commit archives them.
    QCOMPARE(filesIn(m_inbox), QStringList({"subjects_1.csv", "subjects_2.csv", "subjects_3.csv"}));
}

void TestDropIntake::filesWithOtherColumnsWaitForTheNextRun()
{
    deliver(QStringLiteral("subjects_1.csv"), kHeader + "S1,site_a,2020-01-01\n");
    deliver(QStringLiteral("subjects_2.csv"), "SUBJECT,SITE,CONSENT,ARM\nS2,site_a,2020-01-02,A\n");
    deliver(QStringLiteral("subjects_3.csv"), kHeader + "S3,site_a,2020-01-03\n");
    LocalDropFolder folder(m_inbox);
    DropIntake intake(folder, *m_ledger, nullptr);
    QCOMPARE(intake.take(step()), DropIntake::Outcome::Taken);
    // The second file fits the mapping but not the first file's columns: it and the one after it wait.
    QCOMPARE(namesOf(intake.files()), QStringList({"subjects_1.csv"}));
    QCOMPARE(subjectsRead(*intake.releaseReader()), QStringList({"S1"}));
    QVERIFY(intake.notes().isEmpty());
    QCOMPARE(filesIn(m_inbox), QStringList({"subjects_1.csv", "subjects_2.csv", "subjects_3.csv"}));
}

void TestDropIntake::misfitsGoToErrorWithANote_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason"); // a part of the note and of the ledger's reason

    QTest::newRow("unbalanced quote") << kHeader + "S2,site_a,\"2020-01-02\n" << QStringLiteral("subjects_2.csv:2");
    QTest::newRow("missing column") << QByteArray("SUBJECT,CONSENT\nS2,2020-01-02\n") << QStringLiteral("SITE");
    QTest::newRow("empty file") << QByteArray() << QStringLiteral("subjects_2.csv");
}

void TestDropIntake::misfitsGoToErrorWithANote()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    deliver(QStringLiteral("subjects_1.csv"), kHeader + "S1,site_a,2020-01-01\n");
    deliver(QStringLiteral("subjects_2.csv"), bytes);
    deliver(QStringLiteral("subjects_3.csv"), kHeader + "S3,site_a,2020-01-03\n");
    LocalDropFolder folder(m_inbox);
    DropIntake intake(folder, *m_ledger, nullptr);
    QCOMPARE(intake.take(step()), DropIntake::Outcome::Taken);
    // The misfit is recorded as failed and moved aside; the files around it are read.
    QCOMPARE(namesOf(intake.files()), QStringList({"subjects_1.csv", "subjects_2.csv (failed)", "subjects_3.csv"}));
    QVERIFY2(intake.files()[1].reason.contains(reason), qPrintable(intake.files()[1].reason));
    QCOMPARE(intake.notes().size(), 1);
    QVERIFY2(intake.notes().front().contains(QStringLiteral("subjects_2.csv was not loaded and was moved to error/")),
             qPrintable(intake.notes().front()));
    QVERIFY2(intake.notes().front().contains(reason), qPrintable(intake.notes().front()));
    QCOMPARE(subjectsRead(*intake.releaseReader()), QStringList({"S1", "S3"}));
    QCOMPARE(filesIn(m_inbox), QStringList({"subjects_1.csv", "subjects_3.csv"}));
    QCOMPARE(filesIn(m_inbox + QStringLiteral("/error")), QStringList({"subjects_2.csv"}));
}

void TestDropIntake::ledgerFilesAreMovedNotRead_data()
{
    QTest::addColumn<bool>("loaded");
    QTest::addColumn<QString>("movedTo");

    QTest::newRow("loaded by a committed run") << true << QStringLiteral("archive");
    QTest::newRow("refused by a committed run") << false << QStringLiteral("error");
}

void TestDropIntake::ledgerFilesAreMovedNotRead()
{
    QFETCH(bool, loaded);
    QFETCH(QString, movedTo);
    const QByteArray first = kHeader + "S1,site_a,2020-01-01\n";
    deliver(QStringLiteral("subjects_1.csv"), first);
    deliver(QStringLiteral("subjects_2.csv"), kHeader + "S2,site_a,2020-01-02\n");
    // A run that committed subjects_1.csv and was stopped before it could move it.
    {
        LocalDropFolder folder(m_inbox);
        DropIntake earlier(folder, *m_ledger, nullptr);
        QCOMPARE(earlier.take(step()), DropIntake::Outcome::Taken);
        DropLedger::File file = earlier.files().front();
        file.loaded = loaded;
        QVERIFY(m_ledger->save(QStringLiteral("d"), file, 7, QStringLiteral("2026-12-01T00:00:00Z")));
    }
    LocalDropFolder folder(m_inbox);
    DropIntake intake(folder, *m_ledger, nullptr);
    QCOMPARE(intake.take(step()), DropIntake::Outcome::Taken);
    QCOMPARE(namesOf(intake.files()), QStringList({"subjects_2.csv"}));
    QCOMPARE(subjectsRead(*intake.releaseReader()), QStringList({"S2"}));
    QCOMPARE(filesIn(m_inbox + QLatin1Char('/') + movedTo), QStringList({"subjects_1.csv"}));
    QCOMPARE(filesIn(m_inbox), QStringList({"subjects_2.csv"}));
}

void TestDropIntake::cancelLoadsNothing()
{
    deliver(QStringLiteral("subjects_1.csv"), kHeader + "S1,site_a,2020-01-01\n");
    RunFeedback feedback;
    feedback.cancel();
    LocalDropFolder folder(m_inbox);
    DropIntake intake(folder, *m_ledger, &feedback);
    QCOMPARE(intake.take(step()), DropIntake::Outcome::Cancelled);
    QVERIFY2(intake.error().contains(QStringLiteral("nothing was loaded")), qPrintable(intake.error()));
    QVERIFY(intake.files().empty());
    QCOMPARE(filesIn(m_inbox), QStringList({"subjects_1.csv"}));
}

void TestDropIntake::archiveMovesOnlyTheDeliveriesRead()
{
    deliver(QStringLiteral("subjects_1.csv"), kHeader + "S1,site_a,2020-01-01\n");
    deliver(QStringLiteral("subjects_2.csv"), kHeader + "S2,site_a,2020-01-02\n");
    deliver(QStringLiteral("subjects_3.csv"), "SUBJECT\nS3\n"); // fails: moved to error/ when taken
    LocalDropFolder folder(m_inbox);
    DropIntake intake(folder, *m_ledger, nullptr);
    QCOMPARE(intake.take(step()), DropIntake::Outcome::Taken);
    QCOMPARE(namesOf(intake.files()), QStringList({"subjects_1.csv", "subjects_2.csv", "subjects_3.csv (failed)"}));
    // subjects_2.csv is delivered again, longer, while the run loads: that delivery is a new one and stays.
    deliver(QStringLiteral("subjects_2.csv"), kHeader + "S2,site_a,2020-01-02\nS5,site_a,2020-01-05\n");
    DropIntake::archive(folder, intake.files());
    QCOMPARE(filesIn(m_inbox + QStringLiteral("/archive")), QStringList({"subjects_1.csv"}));
    QCOMPARE(filesIn(m_inbox), QStringList({"subjects_2.csv"}));
    QCOMPARE(filesIn(m_inbox + QStringLiteral("/error")), QStringList({"subjects_3.csv"}));
}

void TestDropIntake::archiveSaysWhatStays()
{
    deliver(QStringLiteral("subjects_1.csv"), kHeader + "S1,site_a,2020-01-01\n");
    deliver(QStringLiteral("subjects_2.csv"), kHeader + "S2,site_a,2020-01-02\n");
    LocalDropFolder folder(m_inbox);
    DropIntake intake(folder, *m_ledger, nullptr);
    QCOMPARE(intake.take(step()), DropIntake::Outcome::Taken);
    // archive/ cannot be made: a file has its name.
    QDir(m_inbox + QStringLiteral("/archive")).removeRecursively();
    deliver(QStringLiteral("archive"), "in the way");
    const QString left = DropIntake::archive(folder, intake.files());
    QVERIFY2(left.startsWith(QLatin1String(
                 "Could not move 2 of the loaded files to archive/ (subjects_1.csv, subjects_2.csv): ")),
             qPrintable(left));
    QVERIFY2(left.contains(m_inbox) && left.contains(QLatin1String("the next run moves them")),
             qPrintable(left));
    QCOMPARE(filesIn(m_inbox), QStringList({"subjects_1.csv", "subjects_2.csv"}));
    // Out of the way, the same moves go through and nothing is said.
    QVERIFY(QFile::remove(m_inbox + QStringLiteral("/archive")));
    QCOMPARE(DropIntake::archive(folder, intake.files()), QString());
    QCOMPARE(filesIn(m_inbox + QStringLiteral("/archive")),
             QStringList({"subjects_1.csv", "subjects_2.csv"}));
}

QTEST_GUILESS_MAIN(TestDropIntake)
#include "tst_dropintake.moc"
