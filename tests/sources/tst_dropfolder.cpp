// Folder drops from a local folder: which names are refused, which files are complete (marker or stable
// size), and pipelines that read new files in name order, archive them, never read a delivery twice (the
// ledger), read a same-named file with new content, and move a broken file to error/ with the reason.

#include "TestSupport.h"

#include "load/CtmsDatabase.h"
#include "run/PipelineRunner.h"
#include "source/drop/LocalDropFolder.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>

using namespace tb::core;
using tb::test::writeFile;

namespace {

QStringList filesIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files, QDir::Name);
}

EntityCounts subjects(const RunResult& r)
{
    for (const auto& [name, c] : r.entities)
        if (name == QLatin1String("subject"))
            return c;
    return {};
}

// The run as its JSON, for failure messages.
QByteArray describe(const RunResult& r)
{
    return QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact);
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestDropFolder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void unsafeNames_data();
    void unsafeNames();
    void patterns_data();
    void patterns();
    void markerRule();
    void stableSizeRule();
    void moveKeepsExistingFiles();
    void leftoverMarkerFollowsItsFile_data();
    void leftoverMarkerFollowsItsFile();
    void pipelineLoadsCompleteFilesInOrder();
    void rerunLoadsNothing();
    void sameNameNewContentLoads();
    void committedButNotArchivedIsOnlyArchived();
    void brokenFilesGoToError_data();
    void brokenFilesGoToError();
    void unsafeNamesGoToError();
    void datasetJsonFilesInOrder();
    void configurationErrors_data();
    void configurationErrors();

private:
    RunResult run(const QString& pipeline = QStringLiteral("d.pipeline.json"));
    QStringList query(const QString& sql, const QString& database = QStringLiteral("ctms.db"));

    QTemporaryDir m_tmp;
    QString m_ws;
    QString m_inbox;
};

void TestDropFolder::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_ws = m_tmp.filePath(QStringLiteral("ws"));
    m_inbox = m_ws + QStringLiteral("/inbox");
    QVERIFY(QDir().mkpath(m_inbox));
    writeFile(m_ws, QStringLiteral("d.study.json"), R"({"format": "trialbridge.study/1", "study_id": "DR1",
        "defaultTimeZone": "UTC",
        "sites": [{"site_id": "site_a", "name": "A", "country_code": "DEU", "time_zone": "Europe/Berlin"}]})");
    writeFile(m_ws, QStringLiteral("subjects.mapping.json"),
              R"({"format": "trialbridge.mapping/1", "name": "s",
        "source": {"kind": "csv"}, "target": {"entity": "subject"},
        "fields": {"study_id": {"param": "study_id"}, "subject_id": {"from": "SUBJECT"},
                   "site_id": {"from": "SITE"}, "informed_consent_date": {"from": "CONSENT"}}})");
    writeFile(m_ws, QStringLiteral("d.pipeline.json"), R"({"format": "trialbridge.pipeline/1", "name": "d",
        "study": "d.study.json", "target": {"kind": "sqlite", "database": "ctms.db"},
        "steps": [{"mapping": "subjects.mapping.json", "source": "inbox", "drop": {"pattern": "subjects_*.csv"}}]})");
}

RunResult TestDropFolder::run(const QString& pipeline)
{
    PipelineRunner runner;
    return runner.run(m_ws + QLatin1Char('/') + pipeline);
}

QStringList TestDropFolder::query(const QString& sql, const QString& database)
{
    return tb::test::queryRows(m_ws + QLatin1Char('/') + database, sql);
}

void TestDropFolder::unsafeNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("addressable");
    QTest::newRow("plain") << QStringLiteral("subjects_1.csv") << QString() << true;
    QTest::newRow("unicode") << QStringLiteral("subjects_Zürich.csv") << QString() << true;
    QTest::newRow("slash") << QStringLiteral("../etc/passwd") << QStringLiteral("the name contains \"/\"")
                           << false;
    QTest::newRow("backslash") << QStringLiteral("..\\x.csv") << QStringLiteral("the name contains \"\\\"")
                               << true;
    QTest::newRow("dot dot") << QStringLiteral("subjects_..csv") << QStringLiteral("the name contains \"..\"")
                             << true;
    QTest::newRow("newline") << QStringLiteral("subjects_\n.csv")
                             << QStringLiteral("the name contains the control character U+000A") << true;
    QTest::newRow("delete") << QStringLiteral("subjects_\x7f.csv")
                            << QStringLiteral("the name contains the control character U+007F") << true;
    QTest::newRow("nul") << QStringLiteral("a") + QChar(0) + QStringLiteral("b")
                         << QStringLiteral("the name contains a NUL character") << false;
    QTest::newRow("empty") << QString() << QStringLiteral("the name is empty") << false;
}

void TestDropFolder::unsafeNames()
{
    QFETCH(QString, name);
    QFETCH(QString, reason);
    QFETCH(bool, addressable);
    QCOMPARE(DropFolder::unsafeReason(name), reason);
    QCOMPARE(DropFolder::addressable(name), addressable);
}

void TestDropFolder::patterns_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("matches");
    QTest::newRow("star") << "subjects_*.csv"
                          << "subjects_2026-01.csv" << true;
    QTest::newRow("star empty") << "subjects_*.csv"
                                << "subjects_.csv" << true;
    QTest::newRow("other extension") << "subjects_*.csv"
                                     << "subjects_1.csv.done" << false;
    QTest::newRow("prefix") << "subjects_*.csv"
                            << "visits_1.csv" << false;
    QTest::newRow("question mark") << "s?.csv"
                                   << "s1.csv" << true;
    QTest::newRow("question mark needs one") << "s?.csv"
                                             << "s.csv" << false;
    QTest::newRow("two stars") << "*_*.csv"
                               << "a_b_c.csv" << true;
    QTest::newRow("case matters") << "subjects_*.csv"
                                  << "SUBJECTS_1.csv" << false;
}

void TestDropFolder::patterns()
{
    QFETCH(QString, pattern);
    QFETCH(QString, name);
    QFETCH(bool, matches);
    QCOMPARE(DropFolder::matches(pattern, name), matches);
}

void TestDropFolder::markerRule()
{
    QTemporaryDir dir;
    writeFile(dir.path(), QStringLiteral("b.csv"), "x\n");
    writeFile(dir.path(), QStringLiteral("b.csv.ok"), "");
    writeFile(dir.path(), QStringLiteral("a.csv"), "x\n");
    writeFile(dir.path(), QStringLiteral("a.csv.done"), "");
    writeFile(dir.path(), QStringLiteral("c.csv"), "x\n"); // no marker yet
    writeFile(dir.path(), QStringLiteral("d.txt"), "x\n");
    LocalDropFolder folder(dir.path());
    DropFolder::Scan scan;
    QString error;
    QVERIFY2(folder.scan({QStringLiteral("*.csv"), true, 0}, &scan, &error), qPrintable(error));
    QStringList complete;
    for (const DropFolder::Entry& e : scan.complete)
        complete << e.name;
    QCOMPARE(complete, (QStringList{"a.csv", "b.csv"})); // in name order
    QCOMPARE(scan.waiting, QStringList{"c.csv"});
    QVERIFY(scan.refused.isEmpty());
    QCOMPARE(scan.complete.first().size, 2);
}

void TestDropFolder::stableSizeRule()
{
    QTemporaryDir dir;
    writeFile(dir.path(), QStringLiteral("done.csv"), "x\n");
    const QString growing = writeFile(dir.path(), QStringLiteral("growing.csv"), "x\n");
    // A writer still appending between the two listings.
    std::thread writer([growing] {
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
        QFile f(growing);
        if (f.open(QIODevice::Append))
            f.write("more\n");
    });
    LocalDropFolder folder(dir.path());
    DropFolder::Scan scan;
    QString error;
    const bool ok = folder.scan({QStringLiteral("*.csv"), false, 600}, &scan, &error);
    writer.join();
    QVERIFY2(ok, qPrintable(error));
    QCOMPARE(scan.complete.size(), 1);
    QCOMPARE(scan.complete.first().name, QStringLiteral("done.csv"));
    QCOMPARE(scan.waiting, QStringList{"growing.csv"});
    // Held still since: complete now.
    QVERIFY(folder.scan({QStringLiteral("*.csv"), false, 100}, &scan, &error));
    QCOMPARE(scan.complete.size(), 2);
}

void TestDropFolder::moveKeepsExistingFiles()
{
    QTemporaryDir dir;
    writeFile(dir.path(), QStringLiteral("archive/a.csv"), "old\n");
    writeFile(dir.path(), QStringLiteral("a.csv"), "new\n");
    writeFile(dir.path(), QStringLiteral("a.csv.done"), "");
    LocalDropFolder folder(dir.path());
    QString movedTo, error;
    QVERIFY2(folder.moveTo(QStringLiteral("a.csv"), QStringLiteral("archive"), &movedTo, &error),
             qPrintable(error));
    QCOMPARE(movedTo, QStringLiteral("archive/a.csv.1"));
    QCOMPARE(filesIn(dir.filePath(QStringLiteral("archive"))),
             (QStringList{"a.csv", "a.csv.1", "a.csv.1.done"}));
    QCOMPARE(readAll(dir.filePath(QStringLiteral("archive/a.csv"))), QByteArray("old\n"));
    QCOMPARE(filesIn(dir.path()), QStringList());
    // error/ is created on demand and gets the reason next to the file.
    writeFile(dir.path(), QStringLiteral("b.csv"), "x\n");
    QVERIFY2(folder.moveToError(QStringLiteral("b.csv"), QStringLiteral("b.csv:2: broken"), &error),
             qPrintable(error));
    QCOMPARE(readAll(dir.filePath(QStringLiteral("error/b.csv.reason.txt"))),
             QByteArray("b.csv:2: broken\n"));
    QVERIFY(!folder.rename(QStringLiteral("nosuch.csv"), QStringLiteral("archive/x.csv"), &error));
    QVERIFY2(error.contains(QStringLiteral("cannot move nosuch.csv to archive/x.csv")), qPrintable(error));
}

void TestDropFolder::leftoverMarkerFollowsItsFile_data()
{
    QTest::addColumn<QStringList>("present");                // files in the folder before the scan
    QTest::addColumn<QStringList>("orphans");                // the markers the scan reports as left over
    QTest::addColumn<QStringList>("expected");               // the folder's files after settling them
    const QString keep = QStringLiteral("b.csv|b.csv.done"); // a complete delivery beside: untouched
    const auto files = [&](const QString& list) {
        return (list + QLatin1Char('|') + keep).split(QLatin1Char('|'));
    };
    QTest::newRow("archived without its marker")
        << files("a.csv.done|archive/a.csv") << QStringList{"a.csv.done"}
        << files("archive/a.csv|archive/a.csv.done");
    QTest::newRow("the .ok marker") << files("a.csv.ok|archive/a.csv") << QStringList{"a.csv.ok"}
                                    << files("archive/a.csv|archive/a.csv.ok");
    QTest::newRow("the last of several copies")
        << files("a.csv.done|archive/a.csv|archive/a.csv.done|archive/a.csv.1") << QStringList{"a.csv.done"}
        << files("archive/a.csv|archive/a.csv.done|archive/a.csv.1|archive/a.csv.1.done");
    QTest::newRow("moved to error/") << files("a.csv.done|error/a.csv|error/a.csv.reason.txt")
                                     << QStringList{"a.csv.done"}
                                     << files("error/a.csv|error/a.csv.done|error/a.csv.reason.txt");
    // Not a leftover of a move: it stays where it is.
    QTest::newRow("its file is nowhere")
        << files("a.csv.done") << QStringList{"a.csv.done"} << files("a.csv.done");
    QTest::newRow("the last copy has its marker")
        << files("a.csv.done|archive/a.csv|archive/a.csv.done") << QStringList{"a.csv.done"}
        << files("a.csv.done|archive/a.csv|archive/a.csv.done");
    QTest::newRow("another pattern's marker")
        << files("a.txt.done|archive/a.txt") << QStringList() << files("a.txt.done|archive/a.txt");
}

void TestDropFolder::leftoverMarkerFollowsItsFile()
{
    QFETCH(QStringList, present);
    QFETCH(QStringList, orphans);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    for (const QString& f : present)
        writeFile(dir.path(), f, "x\n");
    LocalDropFolder folder(dir.path());
    DropFolder::Scan scan;
    QString error;
    QVERIFY2(folder.scan({QStringLiteral("*.csv"), true, 0}, &scan, &error), qPrintable(error));
    QCOMPARE(scan.orphanMarkers, orphans);
    QCOMPARE(scan.complete.size(), 1); // b.csv
    for (const QString& marker : scan.orphanMarkers) {
        const bool moved = folder.settleMarker(marker, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(moved, !expected.contains(marker));
    }
    QStringList after;
    QDirIterator it(dir.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        after << QDir(dir.path()).relativeFilePath(it.next());
    after.sort();
    expected.sort();
    QCOMPARE(after, expected);
}

void TestDropFolder::pipelineLoadsCompleteFilesInOrder()
{
    // subjects_2 corrects S1's consent date from subjects_1: name order decides. subjects_3 has no marker
    // yet.
    writeFile(m_inbox, QStringLiteral("subjects_1.csv"),
              "SUBJECT,SITE,CONSENT\nS1,site_a,2020-01-01\nS2,site_a,2020-01-02\n");
    writeFile(m_inbox, QStringLiteral("subjects_1.csv.done"), "");
    writeFile(m_inbox, QStringLiteral("subjects_2.csv"),
              "SUBJECT,SITE,CONSENT\nS1,site_a,2020-02-01\nS3,site_a,2020-01-03\n");
    writeFile(m_inbox, QStringLiteral("subjects_2.csv.ok"), "");
    writeFile(m_inbox, QStringLiteral("subjects_3.csv"), "SUBJECT,SITE,CONSENT\nS4,site_a,2020-01-04\n");
    const RunResult r = run();
    QVERIFY2(r.status == RunResult::Status::Succeeded, describe(r).constData());
    QCOMPARE(query(QStringLiteral("SELECT subject_id, informed_consent_date FROM subject ORDER BY 1")),
             (QStringList{"S1|2020-02-01", "S2|2020-01-02", "S3|2020-01-03"}));
    QCOMPARE(filesIn(m_inbox), QStringList{"subjects_3.csv"});
    QCOMPARE(filesIn(m_inbox + QStringLiteral("/archive")),
             (QStringList{"subjects_1.csv", "subjects_1.csv.done", "subjects_2.csv", "subjects_2.csv.ok"}));
    QCOMPARE(query(QStringLiteral(
                 "SELECT source, mapping, file_name, size, length(checksum), state FROM drop_ledger "
                 "ORDER BY file_name")),
             (QStringList{"inbox|subjects.mapping.json|subjects_1.csv|63|64|loaded",
                          "inbox|subjects.mapping.json|subjects_2.csv|63|64|loaded"}));
    // Recorded with the run that loaded them.
    QCOMPARE(query(QStringLiteral(
                 "SELECT COUNT(*) FROM drop_ledger l JOIN run r ON r.run_id = l.run_id WHERE r.status = "
                 "'succeeded'")),
             QStringList{"2"});
}

void TestDropFolder::rerunLoadsNothing()
{
    const QStringList audit = query(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    const RunResult r = run();
    QVERIFY2(r.status == RunResult::Status::Succeeded, describe(r).constData());
    QCOMPARE(subjects(r).read, 0);
    QCOMPARE(query(QStringLiteral("SELECT COUNT(*) FROM drop_ledger")), QStringList{"2"});
    QCOMPARE(query(QStringLiteral("SELECT COUNT(*) FROM audit_log")), audit);
    QCOMPARE(filesIn(m_inbox), QStringList{"subjects_3.csv"});
}

void TestDropFolder::sameNameNewContentLoads()
{
    // The partner sends subjects_1.csv again, corrected: a new delivery (another checksum), read and archived
    // beside the first.
    writeFile(m_inbox, QStringLiteral("subjects_1.csv"), "SUBJECT,SITE,CONSENT\nS2,site_a,2020-03-02\n");
    writeFile(m_inbox, QStringLiteral("subjects_1.csv.done"), "");
    const RunResult r = run();
    QVERIFY2(r.status == RunResult::Status::Succeeded, describe(r).constData());
    QCOMPARE(subjects(r).updated, 1);
    QCOMPARE(query(QStringLiteral("SELECT informed_consent_date FROM subject WHERE subject_id = 'S2'")),
             QStringList{"2020-03-02"});
    QCOMPARE(query(QStringLiteral("SELECT COUNT(*) FROM drop_ledger WHERE file_name = 'subjects_1.csv'")),
             QStringList{"2"});
    QVERIFY(filesIn(m_inbox + QStringLiteral("/archive")).contains(QStringLiteral("subjects_1.csv.1")));
    QCOMPARE(readAll(m_inbox + QStringLiteral("/archive/subjects_1.csv.1")),
             QByteArray("SUBJECT,SITE,CONSENT\nS2,site_a,2020-03-02\n"));
}

void TestDropFolder::committedButNotArchivedIsOnlyArchived()
{
    // As if a run was killed after its commit, before the move: the file is back where it was.
    QVERIFY(QFile::copy(m_inbox + QStringLiteral("/archive/subjects_2.csv"),
                        m_inbox + QStringLiteral("/subjects_2.csv")));
    writeFile(m_inbox, QStringLiteral("subjects_2.csv.done"), "");
    const QStringList audit = query(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    const RunResult r = run();
    QVERIFY2(r.status == RunResult::Status::Succeeded, describe(r).constData());
    QCOMPARE(subjects(r).read, 0);
    QCOMPARE(query(QStringLiteral("SELECT COUNT(*) FROM audit_log")), audit);
    QCOMPARE(filesIn(m_inbox), QStringList{"subjects_3.csv"});
    QVERIFY(filesIn(m_inbox + QStringLiteral("/archive")).contains(QStringLiteral("subjects_2.csv.1")));
    QCOMPARE(query(QStringLiteral("SELECT COUNT(*) FROM drop_ledger")), QStringList{"3"});
}

void TestDropFolder::brokenFilesGoToError_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unterminated quote")
        << QByteArray("SUBJECT,SITE,CONSENT\nS7,site_a,2020-01-07\n\"S8,site_a,2020-01-08\n")
        << QStringLiteral("subjects_4.csv:3");
    QTest::newRow("missing column") << QByteArray("SUBJECT,CONSENT\nS7,2020-01-07\n")
                                    << QStringLiteral("SITE");
}

void TestDropFolder::brokenFilesGoToError()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    writeFile(m_inbox, QStringLiteral("subjects_4.csv"), content);
    writeFile(m_inbox, QStringLiteral("subjects_4.csv.done"), "");
    writeFile(m_inbox, QStringLiteral("subjects_5.csv"), "SUBJECT,SITE,CONSENT\nS9,site_a,2020-01-09\n");
    writeFile(m_inbox, QStringLiteral("subjects_5.csv.done"), "");
    const RunResult r = run();
    // The other file loads; the run reports the broken one.
    QCOMPARE(r.status, RunResult::Status::CompletedWithRejects);
    QVERIFY2(r.message.contains(QStringLiteral("subjects_4.csv was not loaded and was moved to error/")),
             qPrintable(r.message));
    QVERIFY2(r.message.contains(reason), qPrintable(r.message));
    QCOMPARE(query(QStringLiteral("SELECT subject_id FROM subject WHERE subject_id IN ('S7', 'S8', 'S9')")),
             QStringList{"S9"});
    const QString errorDir = m_inbox + QStringLiteral("/error");
    QStringList inError = filesIn(errorDir);
    QVERIFY2(inError.contains(QStringLiteral("subjects_4.csv")) ||
                 inError.contains(QStringLiteral("subjects_4.csv.1")),
             qPrintable(inError.join(QLatin1Char(','))));
    const QString reasonFile = inError.contains(QStringLiteral("subjects_4.csv.1.reason.txt"))
                                   ? errorDir + QStringLiteral("/subjects_4.csv.1.reason.txt")
                                   : errorDir + QStringLiteral("/subjects_4.csv.reason.txt");
    QVERIFY2(QString::fromUtf8(readAll(reasonFile)).contains(reason), readAll(reasonFile).constData());
    QCOMPARE(
        query(QStringLiteral(
            "SELECT state FROM drop_ledger WHERE file_name = 'subjects_4.csv' ORDER BY recorded_utc DESC "
            "LIMIT 1")),
        QStringList{"failed"});
    QCOMPARE(filesIn(m_inbox), QStringList{"subjects_3.csv"});
    // The next run has nothing to say.
    const RunResult again = run();
    QVERIFY2(again.status == RunResult::Status::Succeeded, describe(again).constData());
    QCOMPARE(subjects(again).read, 0);
    QFile::remove(m_inbox + QStringLiteral("/archive/subjects_5.csv")); // the next row delivers it again
    QVERIFY(query(QStringLiteral("DELETE FROM drop_ledger WHERE file_name = 'subjects_5.csv'")).isEmpty());
}

void TestDropFolder::unsafeNamesGoToError()
{
    // Names that could address another place are never used as paths; where the name itself is harmless to
    // address (this folder, no "/"), the file goes to error/ with the reason.
    const QString newline = QStringLiteral("subjects_\n.csv");
    writeFile(m_inbox, newline, "SUBJECT,SITE,CONSENT\nX1,site_a,2020-01-01\n");
    writeFile(m_inbox, QStringLiteral("subjects_..csv"), "SUBJECT,SITE,CONSENT\nX2,site_a,2020-01-01\n");
    writeFile(m_inbox, QStringLiteral("subjects_a\\b.csv"), "SUBJECT,SITE,CONSENT\nX3,site_a,2020-01-01\n");
    const RunResult r = run();
    QCOMPARE(r.status, RunResult::Status::CompletedWithRejects);
    QVERIFY2(r.message.contains(
                 QStringLiteral("refused the file \"subjects_\\x0a.csv\": the name contains the control "
                                "character U+000A; moved to error/")),
             qPrintable(r.message));
    QVERIFY2(
        r.message.contains(QStringLiteral("refused the file \"subjects_..csv\": the name contains \"..\"")),
        qPrintable(r.message));
    QVERIFY2(r.message.contains(
                 QStringLiteral("refused the file \"subjects_a\\b.csv\": the name contains \"\\\"")),
             qPrintable(r.message));
    QCOMPARE(query(QStringLiteral("SELECT COUNT(*) FROM subject WHERE subject_id LIKE 'X%'")),
             QStringList{"0"});
    const QStringList inError = filesIn(m_inbox + QStringLiteral("/error"));
    for (const QString& name :
         {newline, QStringLiteral("subjects_..csv"), QStringLiteral("subjects_a\\b.csv")}) {
        QVERIFY2(inError.contains(name), qPrintable(name));
        QVERIFY(inError.contains(name + QStringLiteral(".reason.txt")));
    }
    QVERIFY(readAll(m_inbox + QStringLiteral("/error/subjects_..csv.reason.txt"))
                .startsWith("refused: the name contains \"..\""));
    QCOMPARE(filesIn(m_inbox), QStringList{"subjects_3.csv"});
}

void TestDropFolder::datasetJsonFilesInOrder()
{
    // Dataset-JSON deliveries: rows are named by index, numbered on across the files; the later file's S1
    // wins.
    const QString inbox = m_ws + QStringLiteral("/jinbox");
    auto dataset = [](const QByteArray& rows, int count) {
        return R"({"datasetJSONCreationDateTime": "2026-01-01T00:00:00", "datasetJSONVersion": "1.1.0",
            "itemGroupOID": "IG.SUBJ", "records": )" +
               QByteArray::number(count) + R"(, "name": "SUBJ", "label": "Subjects",
            "columns": [{"itemOID": "IT.SUBJECT", "name": "SUBJECT", "label": "Subject", "dataType": "string"},
                        {"itemOID": "IT.SITE", "name": "SITE", "label": "Site", "dataType": "string"},
                        {"itemOID": "IT.CONSENT", "name": "CONSENT", "label": "Consent", "dataType": "date"}],
            "rows": [)" +
               rows + "]}";
    };
    writeFile(inbox, QStringLiteral("subj_1.json"),
              dataset(R"(["J1", "site_a", "2021-01-01"], ["J2", "site_a", "2021-01-02"])", 2));
    writeFile(inbox, QStringLiteral("subj_1.json.done"), "");
    writeFile(inbox, QStringLiteral("subj_2.json"),
              dataset(R"(["J3", "site_a", "2021-01-03"], ["J1", "site_a", "2021-02-01"])", 2));
    writeFile(inbox, QStringLiteral("subj_2.json.done"), "");
    writeFile(m_ws, QStringLiteral("subjects-dsj.mapping.json"),
              R"({"format": "trialbridge.mapping/1", "name": "j",
        "source": {"kind": "dataset-json"}, "target": {"entity": "subject"},
        "fields": {"study_id": {"param": "study_id"}, "subject_id": {"from": "SUBJECT"},
                   "site_id": {"from": "SITE"}, "informed_consent_date": {"from": "CONSENT"}}})");
    writeFile(m_ws, QStringLiteral("j.pipeline.json"), R"({"format": "trialbridge.pipeline/1", "name": "j",
        "study": "d.study.json", "target": {"kind": "sqlite", "database": "j.db"},
        "steps": [{"mapping": "subjects-dsj.mapping.json", "source": "jinbox", "drop": {"pattern": "subj_*.json"}}]})");
    const RunResult r = run(QStringLiteral("j.pipeline.json"));
    QVERIFY2(r.status == RunResult::Status::Succeeded, describe(r).constData());
    QCOMPARE(subjects(r).inserted, 3);
    QCOMPARE(query(QStringLiteral("SELECT subject_id, informed_consent_date FROM subject ORDER BY 1"),
                   QStringLiteral("j.db")),
             (QStringList{"J1|2021-02-01", "J2|2021-01-02", "J3|2021-01-03"}));
    QCOMPARE(filesIn(inbox), QStringList());
    QCOMPARE(query(QStringLiteral("SELECT COUNT(*) FROM drop_ledger"), QStringLiteral("j.db")),
             QStringList{"2"});
}

void TestDropFolder::configurationErrors_data()
{
    QTest::addColumn<QByteArray>("step");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no folder")
        << QByteArray(
               R"({"mapping": "subjects.mapping.json", "source": "nosuch", "drop": {"pattern": "*.csv"}})")
        << QStringLiteral("steps[0] (subjects.mapping.json): the drop folder \"nosuch\" does not exist");
    QTest::newRow("no pattern")
        << QByteArray(R"({"mapping": "subjects.mapping.json", "source": "inbox", "drop": {}})")
        << QStringLiteral("steps[0].drop.pattern: required");
    QTest::newRow("pattern with folder")
        << QByteArray(
               R"({"mapping": "subjects.mapping.json", "source": "inbox", "drop": {"pattern": "../*.csv"}})")
        << QStringLiteral("steps[0].drop.pattern: required, a file name pattern");
    QTest::newRow("unknown rule")
        << QByteArray(
               R"({"mapping": "subjects.mapping.json", "source": "inbox", "drop": {"pattern": "*.csv", "complete": "soon"}})")
        << QStringLiteral("steps[0].drop.complete: \"soon\" is not a rule");
    QTest::newRow("negative interval")
        << QByteArray(
               R"({"mapping": "subjects.mapping.json", "source": "inbox", "drop": {"pattern": "*.csv", "complete": "stable-size", "stableSeconds": -1}})")
        << QStringLiteral("steps[0].drop.stableSeconds: between 0 and 3600");
    QTest::newRow("connection of another kind")
        << QByteArray(
               R"({"mapping": "subjects.mapping.json", "source": "edc", "drop": {"pattern": "*.csv"}})")
        << QStringLiteral("the connection \"edc\" is of kind redcap");
    QTest::newRow("sftp without secret store")
        << QByteArray(
               R"({"mapping": "subjects.mapping.json", "source": "partner", "drop": {"pattern": "*.csv"}})")
        << QStringLiteral("the connection \"partner\" needs its secret partner/private_key, and this run has "
                          "no secret store");
    QTest::newRow("odm mapping")
        << QByteArray(R"({"mapping": "odm.mapping.json", "source": "inbox", "drop": {"pattern": "*.xml"}})")
        << QStringLiteral("a folder drop delivers csv or dataset-json files, but the mapping reads from odm");
}

void TestDropFolder::configurationErrors()
{
    QFETCH(QByteArray, step);
    QFETCH(QString, expected);
    writeFile(m_ws, QStringLiteral("edc.connection.json"),
              R"({"format": "trialbridge.connection/1", "kind": "redcap",
        "url": "https://edc.example/api/"})");
    writeFile(m_ws, QStringLiteral("partner.connection.json"),
              R"({"format": "trialbridge.connection/1", "kind": "sftp",
        "host": "127.0.0.1", "port": 22, "username": "u", "auth": {"method": "key"}, "path": "/drop",
        "hostKey": "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})");
    writeFile(m_ws, QStringLiteral("odm.mapping.json"), R"({"format": "trialbridge.mapping/1", "name": "o",
        "source": {"kind": "odm", "level": "subject"}, "target": {"entity": "subject"},
        "fields": {"study_id": {"param": "study_id"}, "subject_id": {"from": "SubjectKey"}, "site_id": {"from": "SiteRef"}}})");
    writeFile(m_ws, QStringLiteral("bad.pipeline.json"),
              R"({"format": "trialbridge.pipeline/1", "name": "bad",
        "study": "d.study.json", "target": {"kind": "sqlite", "database": "bad.db"}, "steps": [)" +
                  step + "]}");
    const RunResult r = run(QStringLiteral("bad.pipeline.json"));
    QCOMPARE(r.status, RunResult::Status::ConfigError);
    QVERIFY2(r.message.contains(expected), qPrintable(r.message));
    QVERIFY(!QFile::exists(m_ws + QStringLiteral("/bad.db")));
}

QTEST_GUILESS_MAIN(TestDropFolder)
#include "tst_dropfolder.moc"
