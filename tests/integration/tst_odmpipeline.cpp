// ODM and Dataset-JSON files as pipeline sources through trialbridge-cli: the real OpenClinica extract in
// examples/openclinica-juno (subjects per site, visits from study events, AEs from the AE log, re-runs
// change nothing, places as XPath), ODM AuditRecords kept in our audit entries, instructions the loader
// cannot apply yet refused whole, broken files refused before anything is written, and the CDISC pilot's
// Dataset-JSON DM loaded with rows named by index.

#include "TestSupport.h"

#include "load/CtmsDatabase.h"
#include "recon/ReconciliationModel.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb::core;
using tb::test::runCli;
using tb::test::writeFile;

namespace {

QJsonObject counts(const QJsonObject& run, const char* entity)
{
    return run.value(QStringLiteral("entities")).toObject().value(QLatin1String(entity)).toObject();
}

QByteArray transactional(const QByteArray& clinical)
{
    // Plain literals: moc misreads a raw string that holds an XML declaration.
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" ODMVersion=\"1.3.2\" FileType=\"Transactional\" "
           "FileOID=\"EDC.2\" PriorFileOID=\"EDC.1\">\n"
           "<AdminData>\n"
           " <User OID=\"USR.7\"><FullName>Ada Lovelace</FullName></User>\n"
           " <Location OID=\"LOC.1\" Name=\"Site One\" LocationType=\"Site\"/>\n"
           "</AdminData>\n"
           "<ClinicalData StudyOID=\"T1\" MetaDataVersionOID=\"v1\">\n"
        + clinical + "</ClinicalData>\n</ODM>\n";
}

// The subjects a target holds; -1 when it cannot be read.
int subjectsIn(const QString& dbPath)
{
    CtmsDatabase db;
    QString error;
    if (!db.open(dbPath, &error))
        return -1;
    QSqlQuery q(db.sql());
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM subject")) && q.next() ? q.value(0).toInt() : -1;
}

const QByteArray kInserts = R"(<SubjectData SubjectKey="001" TransactionType="Insert"><SiteRef LocationOID="SITE1"/>
 <AuditRecord><UserRef UserOID="USR.7"/><LocationRef LocationOID="LOC.1"/><DateTimeStamp>2026-01-02T10:00:00Z</DateTimeStamp>
  <ReasonForChange>initial entry</ReasonForChange><SourceID>CRF-17</SourceID></AuditRecord>
 <StudyEventData StudyEventOID="V1"><FormData FormOID="F_VISIT"><ItemGroupData ItemGroupOID="IG">
  <ItemData ItemOID="I_VISDAT" Value="2026-01-02"/></ItemGroupData></FormData></StudyEventData>
</SubjectData>
<SubjectData SubjectKey="002" TransactionType="Upsert"><SiteRef LocationOID="SITE1"/></SubjectData>
<SubjectData SubjectKey="003" TransactionType="Context"><SiteRef LocationOID="SITE1"/>
 <StudyEventData StudyEventOID="V1" TransactionType="Insert"><FormData FormOID="F_VISIT"><ItemGroupData ItemGroupOID="IG">
  <ItemData ItemOID="I_VISDAT" Value="2026-01-05"/></ItemGroupData></FormData></StudyEventData>
</SubjectData>
)";

} // namespace

class TestOdmPipeline : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void openClinicaExtractLoads_data();
    void openClinicaExtractLoads();
    void subjectsPerSite();
    void adverseEventsFromTheAeLog();
    void auditEntriesNameTheElement();
    void secondRunChangesNothing();
    void odmAuditRecordsReachOurAuditEntries();
    void transactionsApplyInDocumentOrder();
    void badTransactionsAreRejected_data();
    void badTransactionsAreRejected();
    void brokenOdmLoadsNothing();
    void redcapExportLoadsSubjectsWithTheirEvents();
    void datasetJsonSource();

private:
    qint64 scalar(const QString& sql);

    QTemporaryDir m_tmp;
    QString m_pipeline;
    QJsonObject m_run;
    CtmsDatabase m_db;
};

qint64 TestOdmPipeline::scalar(const QString& sql)
{
    QSqlQuery q(m_db.sql());
    if (!q.exec(sql) || !q.next())
        qFatal("query failed: %s", qPrintable(sql));
    return q.value(0).toLongLong();
}

void TestOdmPipeline::initTestCase()
{
    tb::test::useTestVault(m_tmp.filePath(QStringLiteral("secrets")));
    const QDir example(tb::test::sourcePath(QStringLiteral("examples/openclinica-juno")));
    const QString ws = m_tmp.filePath(QStringLiteral("juno"));
    QVERIFY(QDir().mkpath(ws + QStringLiteral("/odm")));
    for (const QString& name : example.entryList({QStringLiteral("*.json")}, QDir::Files))
        QVERIFY(QFile::copy(example.filePath(name), ws + QLatin1Char('/') + name));
    QVERIFY(QFile::copy(example.filePath(QStringLiteral("odm/openclinica-juno-full-extract.xml")),
                        ws + QStringLiteral("/odm/openclinica-juno-full-extract.xml")));
    m_pipeline = ws + QStringLiteral("/juno.pipeline.json");
    const auto r = runCli({QStringLiteral("run"), m_pipeline, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    m_run = QJsonDocument::fromJson(r.out).object();
    QString error;
    QVERIFY2(m_db.open(ws + QStringLiteral("/ctms.db"), &error), qPrintable(error));
}

void TestOdmPipeline::openClinicaExtractLoads_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<int>("count");
    QTest::newRow("sites") << "site" << 5;
    QTest::newRow("subjects") << "subject" << 22;
    QTest::newRow("visits (86 study events, 11 of them the Logs event)") << "visit" << 75;
    QTest::newRow("adverse events") << "adverse_event" << 6;
}

void TestOdmPipeline::openClinicaExtractLoads()
{
    QFETCH(QString, entity);
    QFETCH(int, count);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(entity)), qint64(count));
    const QJsonObject c = counts(m_run, entity.toLatin1().constData());
    QCOMPARE(c.value(QStringLiteral("inserted")).toInt(), count);
    QCOMPARE(c.value(QStringLiteral("rejected")).toInt(), 0);
}

void TestOdmPipeline::subjectsPerSite()
{
    QSqlQuery q(m_db.sql());
    QVERIFY(q.exec(QStringLiteral("SELECT site_id, COUNT(*) FROM subject GROUP BY site_id ORDER BY site_id")));
    QStringList perSite;
    while (q.next())
        perSite << QStringLiteral("%1:%2").arg(q.value(0).toString()).arg(q.value(1).toInt());
    QCOMPARE(perSite, (QStringList{QStringLiteral("S_101:4"), QStringLiteral("S_102:5"), QStringLiteral("S_103:4"),
                                   QStringLiteral("S_104:6"), QStringLiteral("S_105:3")}));
    // OpenClinica's study subject id (one of them written with a leading space, trimmed by the mapping).
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM subject WHERE subject_id = '104-003' AND sex IN ('M','F')")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM visit WHERE visit_code LIKE 'SE_MONTHLYFU.%'")),
             scalar(QStringLiteral("SELECT COUNT(*) FROM visit WHERE visit_name = 'Monthly F/U'")));
}

void TestOdmPipeline::adverseEventsFromTheAeLog()
{
    QSqlQuery q(m_db.sql());
    QVERIFY(q.exec(QStringLiteral("SELECT term, COUNT(*), MIN(severity), MAX(severity), MIN(start_date) FROM adverse_event "
                                  "GROUP BY term ORDER BY term")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("FEVER"));
    QCOMPARE(q.value(1).toInt(), 1);
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("HEADACHE"));
    QCOMPARE(q.value(1).toInt(), 5);
    QCOMPARE(q.value(2).toString(), QStringLiteral("MILD"));
    QCOMPARE(q.value(3).toString(), QStringLiteral("MILD"));
    QCOMPARE(q.value(4).toString(), QStringLiteral("2015-08-31"));
    QVERIFY(!q.next());
}

void TestOdmPipeline::auditEntriesNameTheElement()
{
    QSqlQuery q(m_db.sql());
    QVERIFY(q.exec(QStringLiteral("SELECT source_ref FROM audit_log WHERE entity = 'adverse_event' AND subject_id = '101-001'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(),
             QStringLiteral("odm/openclinica-juno-full-extract.xml:11905 (/ODM/ClinicalData[@StudyOID='S_101'][@MetaDataVersionOID="
                            "'v1.0.0-S_101']/SubjectData[@SubjectKey='SS_101001']/StudyEventData[@StudyEventOID='SE_LOGS']"
                            "/FormData[@FormOID='F_ADVERSEEVENT_V10']/ItemGroupData[@ItemGroupOID='IG_ADVER_AELOG']"
                            "[@ItemGroupRepeatKey='1'])"));
    QVERIFY(!q.next());
    const auto verify = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--target"), m_db.path()});
    QVERIFY2(verify.exitCode == 0, verify.out.constData());
}

void TestOdmPipeline::secondRunChangesNothing()
{
    const auto r = runCli({QStringLiteral("run"), m_pipeline, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject run = QJsonDocument::fromJson(r.out).object();
    for (const char* entity : {"subject", "visit", "adverse_event"}) {
        const QJsonObject c = counts(run, entity);
        QCOMPARE(c.value(QStringLiteral("inserted")).toInt(), 0);
        QCOMPARE(c.value(QStringLiteral("updated")).toInt(), 0);
        QCOMPARE(c.value(QStringLiteral("unchanged")).toInt(), counts(m_run, entity).value(QStringLiteral("read")).toInt());
    }
}

void TestOdmPipeline::odmAuditRecordsReachOurAuditEntries()
{
    QTemporaryDir dir;
    tb::test::writeOdmWorkspace(dir.path());
    writeFile(dir.path(), QStringLiteral("edc.xml"), transactional(kInserts));
    const auto r = runCli({QStringLiteral("run"), dir.filePath(QStringLiteral("t.pipeline.json")), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 3, r.err.constData() + r.out); // finished with a rejected record
    const QJsonObject run = QJsonDocument::fromJson(r.out).object();
    // Insert and Upsert load; the Context subject only locates its visit (an Insert), and is not loaded itself.
    QCOMPARE(counts(run, "subject").value(QStringLiteral("inserted")).toInt(), 2);
    QCOMPARE(counts(run, "visit").value(QStringLiteral("read")).toInt(), 2);
    QCOMPARE(counts(run, "visit").value(QStringLiteral("inserted")).toInt(), 1);
    QCOMPARE(counts(run, "visit").value(QStringLiteral("rejected")).toInt(), 1); // subject 003 is not in the CTMS
    CtmsDatabase db;
    QString error;
    QVERIFY2(db.open(dir.filePath(QStringLiteral("ctms.db")), &error), qPrintable(error));
    QSqlQuery q(db.sql());
    QVERIFY(q.exec(QStringLiteral("SELECT entity, reason, source_ref FROM audit_log WHERE subject_id = '001' ORDER BY seq")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("subject"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("ODM AuditRecord: initial entry; user Ada Lovelace (USR.7); location LOC.1; "
                                                   "2026-01-02T10:00:00Z; SourceID CRF-17"));
    QVERIFY(q.value(2).toString().startsWith(QStringLiteral("edc.xml:8 (/ODM/ClinicalData[@StudyOID='T1'][@MetaDataVersionOID='v1']/SubjectData[@SubjectKey='001'])")));
    QVERIFY(q.next()); // the visit inherits its subject's AuditRecord
    QCOMPARE(q.value(0).toString(), QStringLiteral("visit"));
    QVERIFY(q.value(1).toString().contains(QStringLiteral("SourceID CRF-17")));
    QVERIFY(!q.next());
    QVERIFY(q.exec(QStringLiteral("SELECT reason FROM audit_log WHERE subject_id = '002'")));
    QVERIFY(q.next());
    QVERIFY(q.value(0).isNull() || q.value(0).toString().isEmpty()); // no AuditRecord: no reason
}

void TestOdmPipeline::transactionsApplyInDocumentOrder()
{
    QTemporaryDir dir;
    tb::test::writeOdmWorkspace(dir.path());
    const QByteArray first = R"(<SubjectData SubjectKey="001" TransactionType="Insert"><SiteRef LocationOID="SITE1"/>
 <StudyEventData StudyEventOID="V1"><FormData FormOID="F_VISIT"><ItemGroupData ItemGroupOID="IG">
  <ItemData ItemOID="I_VISDAT" Value="2026-01-02"/></ItemGroupData></FormData></StudyEventData>
</SubjectData>
<SubjectData SubjectKey="002" TransactionType="Insert"><SiteRef LocationOID="SITE1"/></SubjectData>
<SubjectData SubjectKey="003" TransactionType="Insert"><SiteRef LocationOID="SITE1"/>
 <StudyEventData StudyEventOID="V1"><FormData FormOID="F_VISIT"><ItemGroupData ItemGroupOID="IG">
  <ItemData ItemOID="I_VISDAT" Value="2026-01-05"/></ItemGroupData></FormData></StudyEventData>
</SubjectData>
<SubjectData SubjectKey="004" TransactionType="Insert"><SiteRef LocationOID="SITE1"/>
 <StudyEventData StudyEventOID="V1"><FormData FormOID="F_VISIT"><ItemGroupData ItemGroupOID="IG">
  <ItemData ItemOID="I_VISDAT" Value="2026-01-06"/></ItemGroupData></FormData></StudyEventData>
 <StudyEventData StudyEventOID="V2"><FormData FormOID="F_VISIT"><ItemGroupData ItemGroupOID="IG">
  <ItemData ItemOID="I_VISDAT" Value="2026-02-06"/></ItemGroupData></FormData></StudyEventData>
</SubjectData>
)";
    writeFile(dir.path(), QStringLiteral("edc.xml"), transactional(first));
    const QString pipeline = dir.filePath(QStringLiteral("t.pipeline.json"));
    auto r = runCli({QStringLiteral("run"), pipeline, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData() + r.out);

    // The next delivery: an Update of one visit's date, the removal of another visit and of a whole subject,
    // and a new subject whose visit is inserted and then corrected further down the same file.
    const QByteArray second = R"(<SubjectData SubjectKey="001" TransactionType="Context">
 <StudyEventData StudyEventOID="V1"><FormData FormOID="F_VISIT" TransactionType="Update">
  <AuditRecord><UserRef UserOID="USR.7"/><LocationRef LocationOID="LOC.1"/><DateTimeStamp>2026-01-09T08:00:00Z</DateTimeStamp>
   <ReasonForChange>date corrected</ReasonForChange></AuditRecord>
  <ItemGroupData ItemGroupOID="IG"><ItemData ItemOID="I_VISDAT" Value="2026-01-03"/></ItemGroupData></FormData></StudyEventData>
</SubjectData>
<SubjectData SubjectKey="003" TransactionType="Context">
 <StudyEventData StudyEventOID="V1"><FormData FormOID="F_VISIT" TransactionType="Remove">
  <AuditRecord><UserRef UserOID="USR.7"/><LocationRef LocationOID="LOC.1"/><DateTimeStamp>2026-01-09T08:05:00Z</DateTimeStamp>
   <ReasonForChange>entered in error</ReasonForChange></AuditRecord></FormData></StudyEventData>
</SubjectData>
<SubjectData SubjectKey="004" TransactionType="Remove">
 <AuditRecord><UserRef UserOID="USR.7"/><LocationRef LocationOID="LOC.1"/><DateTimeStamp>2026-01-09T08:10:00Z</DateTimeStamp>
  <ReasonForChange>consent withdrawn, data removed</ReasonForChange></AuditRecord>
</SubjectData>
<SubjectData SubjectKey="005" TransactionType="Insert"><SiteRef LocationOID="SITE1"/>
 <StudyEventData StudyEventOID="V1"><FormData FormOID="F_VISIT"><ItemGroupData ItemGroupOID="IG">
  <ItemData ItemOID="I_VISDAT" Value="2026-01-07"/></ItemGroupData></FormData></StudyEventData>
</SubjectData>
<SubjectData SubjectKey="005" TransactionType="Context">
 <StudyEventData StudyEventOID="V1"><FormData FormOID="F_VISIT" TransactionType="Update"><ItemGroupData ItemGroupOID="IG">
  <ItemData ItemOID="I_VISDAT" Value="2026-01-08"/></ItemGroupData></FormData></StudyEventData>
</SubjectData>
)";
    QByteArray file = transactional(second);
    file.replace("FileOID=\"EDC.2\" PriorFileOID=\"EDC.1\"", "FileOID=\"EDC.3\" PriorFileOID=\"EDC.2\"");
    writeFile(dir.path(), QStringLiteral("edc.xml"), file);
    r = runCli({QStringLiteral("run"), pipeline, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData() + r.out);
    const QJsonObject run = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(counts(run, "subject").value(QStringLiteral("deleted")).toInt(), 1);
    QCOMPARE(counts(run, "subject").value(QStringLiteral("inserted")).toInt(), 1);
    QCOMPARE(counts(run, "visit").value(QStringLiteral("deleted")).toInt(), 3); // 003/V1, and 004's two with it
    QCOMPARE(counts(run, "visit").value(QStringLiteral("updated")).toInt(), 1);
    QCOMPARE(counts(run, "visit").value(QStringLiteral("inserted")).toInt(), 1);

    QString error;
    CtmsDatabase db;
    QVERIFY2(db.open(dir.filePath(QStringLiteral("ctms.db")), &error), qPrintable(error));
    QSqlQuery q(db.sql());
    QVERIFY(q.exec(QStringLiteral("SELECT subject_id, visit_code, visit_date FROM visit ORDER BY subject_id, visit_code")));
    QStringList visits;
    while (q.next())
        visits << QStringLiteral("%1/%2 %3").arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
    QCOMPARE(visits, QStringList({QStringLiteral("001/V1 2026-01-03"), QStringLiteral("005/V1 2026-01-08")}));
    QVERIFY(q.exec(QStringLiteral("SELECT subject_id FROM subject ORDER BY subject_id")));
    QStringList subjects;
    while (q.next())
        subjects << q.value(0).toString();
    QCOMPARE(subjects, QStringList({QStringLiteral("001"), QStringLiteral("002"), QStringLiteral("003"), QStringLiteral("005")}));

    // Our audit entries carry ODM's: who, where, when and why, with the images of what changed or went.
    QVERIFY(q.exec(QStringLiteral("SELECT action, entity, natural_key, before_json, after_json, reason FROM audit_log "
                                  "WHERE run_id = %1 AND entity IN ('subject', 'visit') ORDER BY seq")
                       .arg(run.value(QStringLiteral("run_id")).toInt())));
    QStringList entries;
    while (q.next())
        entries << QStringList{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                               q.value(4).toString(), q.value(5).toString()}
                       .join(QLatin1Char('|'));
    const auto has = [&](const QString& action, const QString& key, const QString& fragment) {
        return std::any_of(entries.cbegin(), entries.cend(), [&](const QString& e) {
            return e.startsWith(action + QLatin1Char('|')) && e.contains(key) && e.contains(fragment);
        });
    };
    QVERIFY2(has(QStringLiteral("update"), QStringLiteral("\"001\""),
                 QStringLiteral("{\"visit_date\":\"2026-01-02\"}|{\"visit_date\":\"2026-01-03\"}|ODM AuditRecord: date corrected; "
                                "user Ada Lovelace (USR.7); location LOC.1; 2026-01-09T08:00:00Z")),
             qPrintable(entries.join(QLatin1Char('\n'))));
    QVERIFY2(has(QStringLiteral("delete|visit"), QStringLiteral("\"003\""),
                 QStringLiteral("{\"visit_date\":\"2026-01-05\"}||ODM AuditRecord: entered in error")),
             qPrintable(entries.join(QLatin1Char('\n'))));
    QVERIFY2(has(QStringLiteral("delete|visit"), QStringLiteral("\"V2\""),
                 QStringLiteral("removed with Subject T1/004; ODM AuditRecord: consent withdrawn, data removed")),
             qPrintable(entries.join(QLatin1Char('\n'))));
    QVERIFY2(has(QStringLiteral("delete|subject"), QStringLiteral("\"004\""),
                 QStringLiteral("{\"site_id\":\"SITE1\"}||ODM AuditRecord: consent withdrawn")),
             qPrintable(entries.join(QLatin1Char('\n'))));
    QCOMPARE(entries.count(), 7); // 001/V1, 003/V1, 004 with V1 and V2, 005 and 005/V1

    // Of the deleted visits, 004's two went with their subject: not read, so reconciliation leaves them out and
    // balances. A target last written before schema version 11 (no deleted_with_parent) tells them by their audit
    // entries.
    QCOMPARE(counts(run, "visit").value(QStringLiteral("deleted_with_parent")).toInt(), 2);
    QCOMPARE(counts(run, "subject").value(QStringLiteral("deleted_with_parent")).toInt(), 0);
    const QString legacy = dir.filePath(QStringLiteral("legacy.db"));
    QVERIFY(q.exec(QStringLiteral("VACUUM INTO '%1'").arg(legacy)));
    {
        QSqlDatabase old = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("legacy"));
        old.setDatabaseName(legacy);
        QVERIFY(old.open());
        QSqlQuery drop(old);
        QVERIFY2(drop.exec(QStringLiteral("ALTER TABLE run_entity DROP COLUMN deleted_with_parent")),
                 qPrintable(drop.lastError().text()));
        QVERIFY(drop.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version >= 11")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("legacy"));
    for (const QString& target : {dir.filePath(QStringLiteral("ctms.db")), legacy}) {
        ReconciliationModel model;
        QVERIFY2(model.loadRun(target, run.value(QStringLiteral("run_id")).toInteger(), &error), qPrintable(error));
        QCOMPARE(model.unbalancedEntities(), QStringList());
        bool sawVisits = false;
        for (int i = 0; i < model.rowCount(); ++i) {
            const ReconciliationModel::Row& row = model.row(i);
            if (row.entity != QLatin1String("visit"))
                continue;
            sawVisits = true;
            QCOMPARE(row.counts.deleted, qint64(3));
            QCOMPARE(row.counts.deletedWithParent, qint64(2));
            QCOMPARE(row.difference(), qint64(0));
        }
        QVERIFY2(sawVisits, qPrintable(target));
    }

    // Applying the same delivery again changes nothing.
    r = runCli({QStringLiteral("run"), pipeline, QStringLiteral("--json"), QStringLiteral("--full")});
    QVERIFY2(r.exitCode == 0, r.err.constData() + r.out);
    const QJsonObject again = QJsonDocument::fromJson(r.out).object();
    for (const char* entity : {"subject", "visit"})
        for (const char* count : {"inserted", "updated", "deleted", "rejected"})
            QVERIFY2(counts(again, entity).value(QLatin1String(count)).toInt() == 0, qPrintable(QStringLiteral("%1 %2").arg(entity, count)));
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE run_id = %1 AND entity IN ('subject', 'visit')")
                       .arg(again.value(QStringLiteral("run_id")).toInt())));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    const auto verify = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--target"),
                                dir.filePath(QStringLiteral("ctms.db"))});
    QVERIFY2(verify.exitCode == 0, verify.err.constData() + verify.out);
}

void TestOdmPipeline::badTransactionsAreRejected_data()
{
    QTest::addColumn<QByteArray>("clinical");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("subjects");
    QTest::newRow("update of a visit nobody loaded")
        << kInserts + R"(<SubjectData SubjectKey="002" TransactionType="Context">
 <StudyEventData StudyEventOID="V9"><FormData FormOID="F_VISIT" TransactionType="Update"><ItemGroupData ItemGroupOID="IG">
  <ItemData ItemOID="I_VISDAT" Value="2026-01-03"/></ItemGroupData></FormData></StudyEventData>
</SubjectData>
)" << QStringLiteral("update_target")
        << QStringLiteral("is updated by this record but is neither in this run nor in the CTMS: load it first")
        << 1; // subject 002 is rejected with its unit; 001 loads
    QTest::newRow("update of a subject nobody loaded")
        << kInserts + R"(<SubjectData SubjectKey="009" TransactionType="Update"><SiteRef LocationOID="SITE1"/></SubjectData>
)" << QStringLiteral("merge_target") << QStringLiteral("is updated by this row but is neither in this run nor in the CTMS")
        << 2;
    QTest::newRow("a visit after its subject's removal")
        << kInserts + R"(<SubjectData SubjectKey="001" TransactionType="Remove"/>
<SubjectData SubjectKey="001" TransactionType="Insert"><SiteRef LocationOID="SITE1"/>
 <StudyEventData StudyEventOID="V2"><FormData FormOID="F_VISIT"><ItemGroupData ItemGroupOID="IG">
  <ItemData ItemOID="I_VISDAT" Value="2026-01-04"/></ItemGroupData></FormData></StudyEventData>
</SubjectData>
)" << QStringLiteral("after_removal")
        << QStringLiteral("Subject T1/001 comes after the removal of Subject T1/001 (edc.xml:19")
        << 1; // 001 is rejected with its unit, 002 loads
}

void TestOdmPipeline::badTransactionsAreRejected()
{
    QFETCH(QByteArray, clinical);
    QFETCH(QString, rule);
    QFETCH(QString, message);
    QFETCH(int, subjects);
    QTemporaryDir dir;
    tb::test::writeOdmWorkspace(dir.path());
    writeFile(dir.path(), QStringLiteral("edc.xml"), transactional(clinical));
    const auto r = runCli({QStringLiteral("run"), dir.filePath(QStringLiteral("t.pipeline.json"))});
    QCOMPARE(r.exitCode, 3); // completed with rejects: the other subjects load
    CtmsDatabase db;
    QString error;
    QVERIFY2(db.open(dir.filePath(QStringLiteral("ctms.db")), &error), qPrintable(error));
    QSqlQuery q(db.sql());
    QVERIFY(q.exec(QStringLiteral("SELECT source_ref, message FROM reject WHERE rule = '%1'").arg(rule)));
    QVERIFY2(q.next(), r.out.constData());
    QVERIFY2(q.value(1).toString().contains(message), qPrintable(q.value(1).toString()));
    QVERIFY2(q.value(0).toString().startsWith(QStringLiteral("edc.xml:")), qPrintable(q.value(0).toString()));
    QCOMPARE(subjectsIn(dir.filePath(QStringLiteral("ctms.db"))), subjects);
}

void TestOdmPipeline::brokenOdmLoadsNothing()
{
    QTemporaryDir dir;
    tb::test::writeOdmWorkspace(dir.path());
    QByteArray truncated = transactional(kInserts);
    truncated.chop(40);
    writeFile(dir.path(), QStringLiteral("edc.xml"), truncated);
    const auto r = runCli({QStringLiteral("run"), dir.filePath(QStringLiteral("t.pipeline.json"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(QRegularExpression(QStringLiteral(R"(edc\.xml:\d+:\d+ \(/ODM/ClinicalData\[@StudyOID='T1'\]\[@MetaDataVersionOID='v1'\]/SubjectData\[@SubjectKey='003'\]/StudyEventData\[@StudyEventOID='V1'\]\): the file ends inside <StudyEventData> \(truncated\?\) — nothing was loaded)"))
                 .match(QString::fromUtf8(r.err)).hasMatch(),
             r.err.constData());
    QCOMPARE(subjectsIn(dir.filePath(QStringLiteral("ctms.db"))), 0);
}

void TestOdmPipeline::redcapExportLoadsSubjectsWithTheirEvents()
{
    // REDCap's ODM export of its longitudinal demo project: records are subjects (no data access groups, so
    // one site), events are visits named by REDCap's unique event name.
    QTemporaryDir dir;
    writeFile(dir.path(), QStringLiteral("r.study.json"), R"({"format": "trialbridge.study/1", "study_id": "REDCAPR",
        "defaultTimeZone": "America/Chicago",
        "sites": [{"site_id": "OUHSC", "name": "Demo site", "country_code": "USA", "time_zone": "America/Chicago"}]})");
    writeFile(dir.path(), QStringLiteral("subjects.mapping.json"), R"({"format": "trialbridge.mapping/1", "name": "s",
        "source": {"kind": "odm", "level": "subject"}, "target": {"entity": "subject"},
        "fields": {"study_id": {"param": "study_id"}, "subject_id": {"from": "SubjectKey"}, "site_id": {"const": "OUHSC"}}})");
    writeFile(dir.path(), QStringLiteral("visits.mapping.json"), R"({"format": "trialbridge.mapping/1", "name": "v",
        "source": {"kind": "odm", "level": "studyEvent"}, "target": {"entity": "visit"},
        "fields": {"study_id": {"param": "study_id"}, "subject_id": {"from": "SubjectKey"},
                   "visit_code": {"from": "StudyEventData@redcap:UniqueEventName"}}})");
    writeFile(dir.path(), QStringLiteral("r.pipeline.json"), R"({"format": "trialbridge.pipeline/1", "name": "r",
        "study": "r.study.json", "target": {"kind": "sqlite", "database": "ctms.db"},
        "steps": [{"mapping": "subjects.mapping.json", "source": "project.xml"},
                  {"mapping": "visits.mapping.json", "source": "project.xml"}]})");
    QVERIFY(QFile::copy(tb::test::sharedDataPath(QStringLiteral("real/redcap/longitudinal-project.xml")),
                        dir.filePath(QStringLiteral("project.xml"))));
    const auto r = runCli({QStringLiteral("run"), dir.filePath(QStringLiteral("r.pipeline.json")), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData() + r.out);
    const QJsonObject run = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(counts(run, "subject").value(QStringLiteral("inserted")).toInt(), 3);
    QCOMPARE(counts(run, "visit").value(QStringLiteral("inserted")).toInt(), 18);
    CtmsDatabase db;
    QString error;
    QVERIFY2(db.open(dir.filePath(QStringLiteral("ctms.db")), &error), qPrintable(error));
    QSqlQuery q(db.sql());
    QVERIFY(q.exec(QStringLiteral("SELECT subject_id, COUNT(*) FROM visit GROUP BY subject_id ORDER BY subject_id")));
    QStringList perSubject;
    while (q.next())
        perSubject << QStringLiteral("%1:%2").arg(q.value(0).toString()).arg(q.value(1).toInt());
    QCOMPARE(perSubject, (QStringList{QStringLiteral("100:6"), QStringLiteral("220:6"), QStringLiteral("304:6")}));
    QVERIFY(q.exec(QStringLiteral("SELECT visit_code FROM visit WHERE subject_id = '304' ORDER BY visit_code LIMIT 1")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("deadline_to_opt_ou_arm_2")); // arm 2's own events
}

void TestOdmPipeline::datasetJsonSource()
{
    // The CDISC pilot's DM as Dataset-JSON: its sites and subjects with the example's CSV mappings, the source
    // kind changed; then a birth date that is no date, whose reject names the row by its index.
    QTemporaryDir dir;
    const QDir example(tb::test::sourcePath(QStringLiteral("examples/cdiscpilot01")));
    for (const char* name : {"cdiscpilot01.study.json", "sites.mapping.json", "subjects.mapping.json"}) {
        QFile f(example.filePath(QLatin1String(name)));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
        if (doc.contains(QStringLiteral("source")))
            doc.insert(QStringLiteral("source"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("dataset-json")}});
        writeFile(dir.path(), QLatin1String(name), QJsonDocument(doc).toJson());
    }
    QVERIFY(QFile::copy(tb::test::testDataPath(QStringLiteral("datasetjson/dm.ndjson")), dir.filePath(QStringLiteral("dm.ndjson"))));
    writeFile(dir.path(), QStringLiteral("p.pipeline.json"), R"({"format": "trialbridge.pipeline/1", "name": "p",
        "study": "cdiscpilot01.study.json", "target": {"kind": "sqlite", "database": "ctms.db"},
        "steps": [{"mapping": "sites.mapping.json", "source": "dm.ndjson"},
                  {"mapping": "subjects.mapping.json", "source": "dm.ndjson"}]})");
    auto r = runCli({QStringLiteral("run"), dir.filePath(QStringLiteral("p.pipeline.json")), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData() + r.out);
    QJsonObject run = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(counts(run, "subject").value(QStringLiteral("inserted")).toInt(), 18);
    QCOMPARE(counts(run, "site").value(QStringLiteral("inserted")).toInt(), 6);
    r = runCli({QStringLiteral("run"), dir.filePath(QStringLiteral("p.pipeline.json")), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    run = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(counts(run, "subject").value(QStringLiteral("unchanged")).toInt(), 18);

    // A birth date that is not a date: the reject names the dataset's row.
    QFile f(dir.filePath(QStringLiteral("dm.ndjson")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray text = f.readAll();
    f.close();
    const qsizetype at = text.indexOf("\"CDISC003\""); // the third row, on line 4
    QVERIFY(at > 0);
    const qsizetype birth = text.indexOf("\"1951\"", at);
    QVERIFY(birth > at);
    text.replace(birth, 6, "\"31-FEB-46\"");
    writeFile(dir.path(), QStringLiteral("dm.ndjson"), text);
    r = runCli({QStringLiteral("run"), dir.filePath(QStringLiteral("p.pipeline.json"))});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(QString::fromUtf8(r.out).contains(QStringLiteral("dm.ndjson:4 (rows[2] BRTHDTC)")), r.out.constData());
}

QTEST_GUILESS_MAIN(TestOdmPipeline)
#include "tst_odmpipeline.moc"
