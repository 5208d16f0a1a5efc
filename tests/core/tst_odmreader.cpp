// OdmReader: real ODM exports (OpenClinica, REDCap, odmlib), ODM 1.3 and 2.0, Snapshot and Transactional
// files with inherited TransactionType and AuditRecord, the series' error cases, metadata as the mapping side
// sees it, and hostile or broken files refused with the file, line, column and XPath-like place.

#include "TestSupport.h"

#include "source/OdmReader.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb::core;
using tb::test::sharedDataPath;
using tb::test::writeFile;

namespace {

QByteArray odm13(const QByteArray& body, const QByteArray& fileType = "Snapshot", const QByteArray& extra = {})
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" ODMVersion=\"1.3.2\" FileType=\""
        + fileType + "\" FileOID=\"F.1\" CreationDateTime=\"2026-01-01T00:00:00\"" + extra + ">\n" + body
        + "\n</ODM>\n";
}

QByteArray odm20(const QByteArray& body, const QByteArray& fileType = "Snapshot")
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v2.0\" ODMVersion=\"2.0\" FileType=\""
        + fileType + "\" FileOID=\"F.2\" CreationDateTime=\"2026-01-01T00:00:00\">\n" + body + "\n</ODM>\n";
}

struct ReadResult
{
    std::vector<OdmClinicalRecord> records;
    SourceError error;
    OdmCounts counts;
};

ReadResult readAll(const QString& path, OdmReader::Options options = {})
{
    ReadResult r;
    OdmReader reader;
    if (reader.open(path, options))
        while (reader.next())
            r.records.push_back(reader.record());
    r.error = reader.error();
    r.counts = reader.counts();
    return r;
}

int countLevel(const std::vector<OdmClinicalRecord>& records, OdmClinicalRecord::Level level)
{
    return int(std::count_if(records.begin(), records.end(), [&](const OdmClinicalRecord& r) { return r.level == level; }));
}

} // namespace

class TestOdmReader : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void realFiles_data();
    void realFiles();
    void openClinicaSitesStatusAndMetadata();
    void redcapFormsAsRows();
    void formRecordsHoldTheirNonRepeatingGroups();
    void recordsNameTheirPlace();
    void odm11IsRefusedWithTheReason();
    void snapshotAllowsOnlyInsert();
    void transactionTypeIsInherited();
    void auditRecordIsProvenance();
    void seriesErrorCases_data();
    void seriesErrorCases();
    void seriesStateCarriesAcrossFiles();
    void odm20FormsAreItemGroups();
    void fileInfoOrdersASeries();
    void codeListsBecomeValueMaps();
    void brokenFiles_data();
    void brokenFiles();
    void recordsAreStreamed();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestOdmReader::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestOdmReader::realFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("version");
    QTest::addColumn<int>("blocks");
    QTest::addColumn<int>("subjects");
    QTest::addColumn<int>("events");
    QTest::addColumn<int>("forms");
    QTest::addColumn<int>("groups");
    QTest::addColumn<int>("items");
    // Counts as the data README gives them (and grep confirms).
    QTest::newRow("openclinica") << "real/odm/openclinica-juno-full-extract.xml" << "1.3" << 5 << 22 << 86 << 438 << 539 << 3908;
    QTest::newRow("odmlib snapshot") << "real/odm/odmlib-odm-data-snapshot.xml" << "1.3.2" << 1 << 2 << 8 << 16 << 60 << 165;
    QTest::newRow("odmlib two blocks") << "real/odm/odmlib-test_clinical_data_01.xml" << "1.3.2" << 2 << 2 << 2 << 4 << 4 << 10;
    // REDCap: 405 ItemData and one ItemDataBase64Binary (an uploaded document).
    QTest::newRow("redcap") << "real/redcap/longitudinal-project.xml" << "1.3.1" << 1 << 3 << 18 << 40 << 113 << 406;
}

void TestOdmReader::realFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, version);
    QFETCH(int, blocks);
    QFETCH(int, subjects);
    QFETCH(int, events);
    QFETCH(int, forms);
    QFETCH(int, groups);
    QFETCH(int, items);
    const ReadResult r = readAll(sharedDataPath(file));
    QVERIFY2(r.error.isNull(), qPrintable(r.error.toString()));
    QCOMPARE(r.counts.clinicalDataBlocks, qint64(blocks));
    QCOMPARE(r.counts.subjects, qint64(subjects));
    QCOMPARE(r.counts.studyEvents, qint64(events));
    QCOMPARE(r.counts.forms, qint64(forms));
    QCOMPARE(r.counts.itemGroups, qint64(groups));
    QCOMPARE(r.counts.items, qint64(items));
    // One record per entity, parents before children.
    QCOMPARE(countLevel(r.records, OdmClinicalRecord::Level::Subject), subjects);
    QCOMPARE(countLevel(r.records, OdmClinicalRecord::Level::StudyEvent), events);
    QCOMPARE(countLevel(r.records, OdmClinicalRecord::Level::Form), forms);
    QCOMPARE(countLevel(r.records, OdmClinicalRecord::Level::ItemGroup), groups);
    qint64 groupItems = 0;
    for (const OdmClinicalRecord& rec : r.records) {
        if (rec.level == OdmClinicalRecord::Level::ItemGroup)
            groupItems += qint64(rec.items.size());
        QVERIFY(!rec.subjectKey.isEmpty());
        QVERIFY(rec.line > 0);
    }
    QCOMPARE(groupItems, qint64(items)); // every ItemData, once, in its group's record
    OdmReader reader;
    QVERIFY(reader.open(sharedDataPath(file)));
    QCOMPARE(reader.fileInfo().odmVersion, version);
    QVERIFY(!reader.fileInfo().transactional);
    QCOMPARE(reader.metaData().studies().empty(), file.contains(QLatin1String("test_clinical_data_01"))); // no Study there
}

void TestOdmReader::openClinicaSitesStatusAndMetadata()
{
    const QString path = sharedDataPath(QStringLiteral("real/odm/openclinica-juno-full-extract.xml"));
    const ReadResult r = readAll(path);
    QVERIFY2(r.error.isNull(), qPrintable(r.error.toString()));
    // One ClinicalData per site-level study (its metadata includes the parent study's): the site is that study.
    QSet<QString> sites;
    for (const OdmClinicalRecord& rec : r.records) {
        QCOMPARE(rec.mainStudyOid, QStringLiteral("S_THEJUNOD"));
        QCOMPARE(rec.siteOid, rec.studyOid);
        if (rec.level == OdmClinicalRecord::Level::Subject) {
            sites.insert(rec.siteOid);
            QCOMPARE(rec.subjectStatus, QStringLiteral("available"));
            QVERIFY(!rec.vendorAttribute(u"StudySubjectID").isEmpty());
            QCOMPARE(rec.vendorAttribute(u"OpenClinica:StudySubjectID"), rec.vendorAttribute(u"StudySubjectID"));
        }
    }
    QCOMPARE(sites, (QSet<QString>{QStringLiteral("S_101"), QStringLiteral("S_102"), QStringLiteral("S_103"),
                                   QStringLiteral("S_104"), QStringLiteral("S_105")}));
    QCOMPARE(r.counts.vendorAuditRecords, qint64(5174)); // OpenClinica:AuditLog entries, counted, not read

    OdmReader reader;
    QVERIFY(reader.open(path));
    const OdmMetaData& meta = reader.metaData();
    QCOMPARE(meta.mainStudyOid(QStringLiteral("S_101")), QStringLiteral("S_THEJUNOD"));
    QVERIFY(meta.isSiteStudy(QStringLiteral("S_105")));
    QVERIFY(!meta.isSiteStudy(QStringLiteral("S_THEJUNOD")));
    const OdmStudy* study = meta.study(QStringLiteral("S_THEJUNOD"));
    QVERIFY(study);
    QCOMPARE(study->name, QStringLiteral("The JUNO Diabetes Study"));
    // The mapping side sees the main study's items, each with its OID path, label, type and codelist.
    const std::vector<OdmField> fields = meta.fields();
    QVERIFY(fields.size() > 100);
    bool sawCodedItem = false;
    for (const OdmField& f : fields) {
        QCOMPARE(f.studyOid, QStringLiteral("S_THEJUNOD"));
        QVERIFY2(f.path.endsWith(f.itemOid), qPrintable(f.path));
        QVERIFY(!f.label.isEmpty());
        QVERIFY(!f.dataType.isEmpty());
        if (!f.codeListOid.isEmpty()) {
            const OdmMetaDataVersion* v = meta.metaDataVersion(f.studyOid, f.metaDataVersionOid);
            QVERIFY(v);
            QVERIFY2(meta.codeList(*v, f.codeListOid), qPrintable(f.codeListOid));
            sawCodedItem = true;
        }
    }
    QVERIFY(sawCodedItem);
    // A site study's version sees the parent's definitions through Include.
    const OdmMetaDataVersion* site = meta.metaDataVersion(QStringLiteral("S_101"), QStringLiteral("v1.0.0-S_101"));
    QVERIFY(site);
    QVERIFY(meta.included(*site));
    QVERIFY(meta.itemGroupDef(*site, QStringLiteral("IG_ADVER_AELOG")));
    QVERIFY(meta.itemGroupDef(*site, QStringLiteral("IG_ADVER_AELOG"))->repeating);
}

void TestOdmReader::redcapFormsAsRows()
{
    const ReadResult r = readAll(sharedDataPath(QStringLiteral("real/redcap/longitudinal-project.xml")));
    QVERIFY2(r.error.isNull(), qPrintable(r.error.toString()));
    QSet<QString> subjects;
    int formsWithItems = 0;
    for (const OdmClinicalRecord& rec : r.records) {
        if (rec.level == OdmClinicalRecord::Level::Subject)
            subjects.insert(rec.subjectKey);
        // REDCap writes every field in a group of its own: a form's record holds all of them.
        if (rec.level == OdmClinicalRecord::Level::Form && !rec.items.empty())
            ++formsWithItems;
    }
    QCOMPARE(subjects.size(), 3);
    QCOMPARE(formsWithItems, 40);
}

void TestOdmReader::formRecordsHoldTheirNonRepeatingGroups()
{
    const QByteArray body = R"(<Study OID="S"><MetaDataVersion OID="MDV">
  <ItemGroupDef OID="IG_DM" Name="DM" Repeating="No"><ItemRef ItemOID="I_SEX"/></ItemGroupDef>
  <ItemGroupDef OID="IG_AE" Name="AE" Repeating="Yes"><ItemRef ItemOID="I_TERM"/></ItemGroupDef>
  <ItemDef OID="I_SEX" Name="SEX" DataType="text"/><ItemDef OID="I_TERM" Name="AETERM" DataType="text"/>
</MetaDataVersion></Study>
<ClinicalData StudyOID="S" MetaDataVersionOID="MDV">
 <SubjectData SubjectKey="001"><StudyEventData StudyEventOID="SE1"><FormData FormOID="F1">
  <ItemGroupData ItemGroupOID="IG_DM"><ItemData ItemOID="I_SEX" Value="F"/></ItemGroupData>
  <ItemGroupData ItemGroupOID="IG_AE" ItemGroupRepeatKey="1"><ItemData ItemOID="I_TERM" Value="HEADACHE"/></ItemGroupData>
  <ItemGroupData ItemGroupOID="IG_AE" ItemGroupRepeatKey="2"><ItemData ItemOID="I_TERM" Value="NAUSEA"/></ItemGroupData>
 </FormData></StudyEventData></SubjectData>
</ClinicalData>)";
    const ReadResult r = readAll(writeFile(m_dir->path(), QStringLiteral("forms.xml"), odm13(body)));
    QVERIFY2(r.error.isNull(), qPrintable(r.error.toString()));
    QCOMPARE(int(r.records.size()), 6);
    const OdmClinicalRecord& form = r.records[2];
    QCOMPARE(form.level, OdmClinicalRecord::Level::Form);
    QCOMPARE(int(form.items.size()), 1);
    QCOMPARE(form.items[0].itemOid, QStringLiteral("I_SEX"));
    QCOMPARE(form.items[0].value, QStringLiteral("F"));
    QCOMPARE(r.records[4].itemGroupRepeatKey, QStringLiteral("1"));
    QCOMPARE(r.records[4].item(u"I_TERM")->value, QStringLiteral("HEADACHE"));
    QCOMPARE(r.records[5].item(u"I_TERM")->value, QStringLiteral("NAUSEA"));
    QCOMPARE(r.records[5].formOid, QStringLiteral("F1"));
    QCOMPARE(r.records[5].studyEventOid, QStringLiteral("SE1"));
}

void TestOdmReader::recordsNameTheirPlace()
{
    const ReadResult r = readAll(sharedDataPath(QStringLiteral("real/odm/odmlib-test_clinical_data_01.xml")));
    QVERIFY2(r.error.isNull(), qPrintable(r.error.toString()));
    const OdmClinicalRecord& group = r.records[3];
    QCOMPARE(group.level, OdmClinicalRecord::Level::ItemGroup);
    QCOMPARE(group.xpath(), QStringLiteral("/ODM/ClinicalData[@StudyOID='P2006-101'][@MetaDataVersionOID='101.01']"
                                           "/SubjectData[@SubjectKey='1000']/StudyEventData[@StudyEventOID='Screen']"
                                           "/FormData[@FormOID='DEMOG']/ItemGroupData[@ItemGroupOID='DM']"));
    QCOMPARE(group.itemXPath(group.items[1]), group.xpath() + QStringLiteral("/ItemData[@ItemOID='SEX']"));
    QCOMPARE(group.items[1].value, QStringLiteral("F"));
    QVERIFY(group.location().toString().contains(QStringLiteral("odmlib-test_clinical_data_01.xml:")));
    // TransactionType="Insert" on the subject reaches its values.
    QCOMPARE(group.items[1].transaction, OdmTransaction::Insert);
    QCOMPARE(r.records[0].ownTransaction, OdmTransaction::Insert);
    QCOMPARE(r.records[1].ownTransaction, OdmTransaction::None);
    QCOMPARE(r.records[1].transaction, OdmTransaction::Insert);
}

void TestOdmReader::odm11IsRefusedWithTheReason()
{
    const ReadResult r = readAll(sharedDataPath(QStringLiteral("real/odm/cdisc-odm1_1_0_example.xml")));
    QVERIFY(r.records.empty());
    QVERIFY(r.error.where.file.endsWith(QStringLiteral("cdisc-odm1_1_0_example.xml")));
    QVERIFY(r.error.where.line > 1);
    QVERIFY2(r.error.message.contains(QStringLiteral("no namespace")), qPrintable(r.error.message));
    QVERIFY(r.error.message.contains(QStringLiteral("http://www.cdisc.org/ns/odm/v1.3")));
}

void TestOdmReader::snapshotAllowsOnlyInsert()
{
    const QByteArray body = R"(<ClinicalData StudyOID="S" MetaDataVersionOID="MDV">
 <SubjectData SubjectKey="001" TransactionType="Update"/>
</ClinicalData>)";
    const ReadResult r = readAll(writeFile(m_dir->path(), QStringLiteral("snap.xml"), odm13(body)));
    QVERIFY(r.records.empty());
    QCOMPARE(r.error.where.line, qint64(4));
    QVERIFY2(r.error.message.contains(QStringLiteral("Snapshot")), qPrintable(r.error.message));
    QCOMPARE(r.error.where.field, QStringLiteral("/ODM/ClinicalData[@StudyOID='S'][@MetaDataVersionOID='MDV']"
                                                 "/SubjectData[@SubjectKey='001']"));
}

void TestOdmReader::transactionTypeIsInherited()
{
    const QByteArray body = R"(<ClinicalData StudyOID="S" MetaDataVersionOID="MDV">
 <SubjectData SubjectKey="001" TransactionType="Upsert">
  <StudyEventData StudyEventOID="SE1"><FormData FormOID="F1"><ItemGroupData ItemGroupOID="IG">
   <ItemData ItemOID="A" Value="1"/>
   <ItemData ItemOID="B" TransactionType="Remove"/>
   <ItemData ItemOID="C" IsNull="Yes"/>
  </ItemGroupData></FormData></StudyEventData>
 </SubjectData>
 <SubjectData SubjectKey="002" TransactionType="Context">
  <StudyEventData StudyEventOID="SE1" TransactionType="Remove"/>
 </SubjectData>
</ClinicalData>)";
    const ReadResult r = readAll(writeFile(m_dir->path(), QStringLiteral("tx.xml"), odm13(body, "Transactional")));
    QVERIFY2(r.error.isNull(), qPrintable(r.error.toString()));
    QCOMPARE(int(r.records.size()), 6);
    const OdmClinicalRecord& group = r.records[3];
    QCOMPARE(group.transaction, OdmTransaction::Upsert);
    QCOMPARE(group.items[0].transaction, OdmTransaction::Upsert);
    QCOMPARE(group.items[1].transaction, OdmTransaction::Remove);
    QVERIFY(group.items[1].value.isNull());
    QVERIFY(group.items[2].isNull);
    QCOMPARE(r.records[4].transaction, OdmTransaction::Context);
    QCOMPARE(r.records[5].level, OdmClinicalRecord::Level::StudyEvent);
    QCOMPARE(r.records[5].transaction, OdmTransaction::Remove);
    QCOMPARE(r.counts.transactions[OdmCounts::Item][size_t(OdmTransaction::Upsert)], qint64(2));
    QCOMPARE(r.counts.transactions[OdmCounts::Item][size_t(OdmTransaction::Remove)], qint64(1));
}

void TestOdmReader::auditRecordIsProvenance()
{
    const QByteArray body = R"(<AdminData>
  <User OID="USR.7"><FirstName>Ada</FirstName><LastName>Lovelace</LastName></User>
  <Location OID="LOC.1" Name="Site One" LocationType="Site"/>
 </AdminData>
<ClinicalData StudyOID="S" MetaDataVersionOID="MDV">
 <SubjectData SubjectKey="001" TransactionType="Upsert">
  <AuditRecord EditPoint="DataManagement"><UserRef UserOID="USR.7"/><LocationRef LocationOID="LOC.1"/>
   <DateTimeStamp>2026-01-02T10:00:00Z</DateTimeStamp><ReasonForChange>initial entry</ReasonForChange>
   <SourceID>CRF-17</SourceID></AuditRecord>
  <StudyEventData StudyEventOID="SE1"><FormData FormOID="F1"><ItemGroupData ItemGroupOID="IG">
   <ItemData ItemOID="A" Value="1"/>
   <ItemData ItemOID="B" Value="2">
    <AuditRecord><UserRef UserOID="USR.7"/><LocationRef LocationOID="LOC.1"/>
     <DateTimeStamp>2026-01-03T11:00:00Z</DateTimeStamp><ReasonForChange>transcription error</ReasonForChange>
     <SourceID>AUD-99</SourceID></AuditRecord>
   </ItemData>
  </ItemGroupData></FormData></StudyEventData>
 </SubjectData>
</ClinicalData>)";
    OdmReader reader;
    QVERIFY(reader.open(writeFile(m_dir->path(), QStringLiteral("audit.xml"), odm13(body, "Transactional"))));
    QCOMPARE(reader.metaData().users().value(QStringLiteral("USR.7")).fullName, QStringLiteral("Ada Lovelace"));
    QCOMPARE(reader.metaData().locations().value(QStringLiteral("LOC.1")).name, QStringLiteral("Site One"));
    std::vector<OdmClinicalRecord> records;
    while (reader.next())
        records.push_back(reader.record());
    QVERIFY2(!reader.hasError(), qPrintable(reader.error().toString()));
    QCOMPARE(int(records.size()), 4);
    QVERIFY(records[0].audit);
    QCOMPARE(records[0].audit->reasonForChange, QStringLiteral("initial entry"));
    QCOMPARE(records[0].audit->editPoint, QStringLiteral("DataManagement"));
    const OdmClinicalRecord& group = records[3];
    QVERIFY(group.audit);
    QCOMPARE(group.audit->sourceId, QStringLiteral("CRF-17")); // inherited from the subject
    QCOMPARE(group.items[0].audit->sourceId, QStringLiteral("CRF-17"));
    const OdmAuditRecord& own = *group.items[1].audit; // the nearest wins
    QCOMPARE(own.userOid, QStringLiteral("USR.7"));
    QCOMPARE(own.locationOid, QStringLiteral("LOC.1"));
    QCOMPARE(own.dateTimeStamp, QStringLiteral("2026-01-03T11:00:00Z"));
    QCOMPARE(own.reasonForChange, QStringLiteral("transcription error"));
    QCOMPARE(own.sourceId, QStringLiteral("AUD-99"));
    QCOMPARE(reader.counts().auditRecords, qint64(2));
}

void TestOdmReader::seriesErrorCases_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("place");
    const QByteArray open = R"(<ClinicalData StudyOID="S" MetaDataVersionOID="MDV">)";
    const QString cd = QStringLiteral("/ODM/ClinicalData[@StudyOID='S'][@MetaDataVersionOID='MDV']");
    QTest::newRow("insert of an existing subject")
        << open + "\n<SubjectData SubjectKey=\"1\" TransactionType=\"Insert\"/>\n<SubjectData SubjectKey=\"1\" TransactionType=\"Insert\"/>\n</ClinicalData>"
        << "Insert of SubjectData '1', which already exists" << 5 << cd + "/SubjectData[@SubjectKey='1']";
    QTest::newRow("update of a removed subject")
        << open + "\n<SubjectData SubjectKey=\"1\" TransactionType=\"Remove\"/>\n<SubjectData SubjectKey=\"1\" TransactionType=\"Update\"/>\n</ClinicalData>"
        << "Update of SubjectData '1', which does not exist: the file series removed it" << 5 << cd + "/SubjectData[@SubjectKey='1']";
    QTest::newRow("update below a new subject")
        << open + "\n<SubjectData SubjectKey=\"1\" TransactionType=\"Insert\">\n<StudyEventData StudyEventOID=\"V1\" TransactionType=\"Update\"/></SubjectData>\n</ClinicalData>"
        << "Update of StudyEventData 'V1', which does not exist: its <SubjectData> was inserted as new" << 5
        << cd + "/SubjectData[@SubjectKey='1']/StudyEventData[@StudyEventOID='V1']";
    QTest::newRow("insert inside a removal")
        << open + "\n<SubjectData SubjectKey=\"1\" TransactionType=\"Remove\">\n<StudyEventData StudyEventOID=\"V1\" TransactionType=\"Insert\"/></SubjectData>\n</ClinicalData>"
        << "Insert of StudyEventData 'V1' inside <SubjectData>, which this instruction removes" << 5
        << cd + "/SubjectData[@SubjectKey='1']/StudyEventData[@StudyEventOID='V1']";
    QTest::newRow("value without a transaction type")
        << open + "\n<SubjectData SubjectKey=\"1\"><StudyEventData StudyEventOID=\"V1\"><FormData FormOID=\"F\"><ItemGroupData ItemGroupOID=\"G\">\n<ItemData ItemOID=\"I\" Value=\"1\"/>\n</ItemGroupData></FormData></StudyEventData></SubjectData></ClinicalData>"
        << "ItemData 'I' has no TransactionType" << 5
        << cd + "/SubjectData[@SubjectKey='1']/StudyEventData[@StudyEventOID='V1']/FormData[@FormOID='F']/ItemGroupData[@ItemGroupOID='G']/ItemData[@ItemOID='I']";
    QTest::newRow("empty entity without a type")
        << open + "\n<SubjectData SubjectKey=\"1\">\n</SubjectData></ClinicalData>"
        << "SubjectData '1' has no TransactionType and no content" << 5 << cd + "/SubjectData[@SubjectKey='1']";
    QTest::newRow("unknown transaction type")
        << open + "\n<SubjectData SubjectKey=\"1\" TransactionType=\"Delete\"/></ClinicalData>"
        << "unknown TransactionType \"Delete\"" << 4 << cd + "/SubjectData[@SubjectKey='1']";
}

void TestOdmReader::seriesErrorCases()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(QString, place);
    const QString path = writeFile(m_dir->path(), QStringLiteral("series.xml"), odm13(body, "Transactional"));
    const ReadResult r = readAll(path);
    QVERIFY(r.error.message.contains(message));
    QCOMPARE(r.error.where.file, path);
    QCOMPARE(r.error.where.line, qint64(line));
    QVERIFY(r.error.where.column > 0);
    QCOMPARE(r.error.where.field, place);
}

void TestOdmReader::seriesStateCarriesAcrossFiles()
{
    OdmEntityState state;
    OdmReader::Options options;
    options.state = &state;
    const QByteArray insert = R"(<ClinicalData StudyOID="S" MetaDataVersionOID="MDV">
<SubjectData SubjectKey="1" TransactionType="Insert"><StudyEventData StudyEventOID="V1"/></SubjectData></ClinicalData>)";
    const QByteArray update = R"(<ClinicalData StudyOID="S" MetaDataVersionOID="MDV">
<SubjectData SubjectKey="1" TransactionType="Update"><StudyEventData StudyEventOID="V1" TransactionType="Remove"/></SubjectData></ClinicalData>)";
    const QByteArray again = R"(<ClinicalData StudyOID="S" MetaDataVersionOID="MDV">
<SubjectData SubjectKey="1" TransactionType="Insert"/></ClinicalData>)";
    const QString first = writeFile(m_dir->path(), QStringLiteral("1.xml"), odm13(insert, "Transactional"));
    QVERIFY(readAll(first, options).error.isNull());
    QVERIFY(readAll(writeFile(m_dir->path(), QStringLiteral("2.xml"), odm13(update, "Transactional")), options).error.isNull());
    const ReadResult third = readAll(writeFile(m_dir->path(), QStringLiteral("3.xml"), odm13(again, "Transactional")), options);
    QVERIFY2(third.error.message.contains(QStringLiteral("already exists (the file series has it from ") + first + QStringLiteral(":4)")),
             qPrintable(third.error.message));
    // Without the shared state each file is checked alone.
    QVERIFY(readAll(writeFile(m_dir->path(), QStringLiteral("4.xml"), odm13(again, "Transactional"))).error.isNull());
}

void TestOdmReader::odm20FormsAreItemGroups()
{
    const QByteArray body = R"(<Study OID="S" StudyName="Two"><MetaDataVersion OID="MDV" Name="v">
  <ItemGroupDef OID="F.DM" Name="Demographics" Type="Form" Repeating="No"><ItemGroupRef ItemGroupOID="IG.DM"/></ItemGroupDef>
  <ItemGroupDef OID="IG.DM" Name="DM" Type="Section" Repeating="No"><ItemRef ItemOID="IT.SEX"/></ItemGroupDef>
  <ItemDef OID="IT.SEX" Name="SEX" DataType="text"><Question><TranslatedText xml:lang="de">Geschlecht</TranslatedText><TranslatedText xml:lang="en">Sex</TranslatedText></Question></ItemDef>
</MetaDataVersion></Study>
<ClinicalData StudyOID="S" MetaDataVersionOID="MDV">
 <SubjectData SubjectKey="001"><SiteRef LocationOID="SITE.9"/>
  <StudyEventData StudyEventOID="SE.SCREEN">
   <ItemGroupData ItemGroupOID="F.DM">
    <ItemGroupData ItemGroupOID="IG.DM"><ItemData ItemOID="IT.SEX"><Value>M</Value></ItemData></ItemGroupData>
   </ItemGroupData>
  </StudyEventData>
  <AuditRecord><UserRef UserOID="U1"/><LocationRef LocationOID="SITE.9"/><DateTimeStamp>2026-02-01T00:00:00Z</DateTimeStamp><SourceID>S-1</SourceID></AuditRecord>
 </SubjectData>
</ClinicalData>)";
    OdmReader reader;
    QVERIFY(reader.open(writeFile(m_dir->path(), QStringLiteral("two.xml"), odm20(body))));
    QVERIFY(reader.fileInfo().odm2);
    QCOMPARE(reader.metaData().study(QStringLiteral("S"))->name, QStringLiteral("Two"));
    const std::vector<OdmField> fields = reader.metaData().fields();
    QCOMPARE(int(fields.size()), 1);
    QCOMPARE(fields[0].label, QStringLiteral("Sex")); // English preferred
    std::vector<OdmClinicalRecord> records;
    while (reader.next())
        records.push_back(reader.record());
    QVERIFY2(!reader.hasError(), qPrintable(reader.error().toString()));
    QCOMPARE(int(records.size()), 4);
    QCOMPARE(records[0].siteOid, QStringLiteral("SITE.9"));
    QCOMPARE(records[2].level, OdmClinicalRecord::Level::Form);
    QCOMPARE(records[2].formOid, QStringLiteral("F.DM"));
    QCOMPARE(records[2].item(u"IT.SEX")->value, QStringLiteral("M")); // the form as one row
    QCOMPARE(records[3].level, OdmClinicalRecord::Level::ItemGroup);
    QCOMPARE(records[3].xpath(), QStringLiteral("/ODM/ClinicalData[@StudyOID='S'][@MetaDataVersionOID='MDV']"
                                                "/SubjectData[@SubjectKey='001']/StudyEventData[@StudyEventOID='SE.SCREEN']"
                                                "/ItemGroupData[@ItemGroupOID='F.DM']/ItemGroupData[@ItemGroupOID='IG.DM']"));
    // ODM 2.0 writes the AuditRecord after the data it describes: it still reaches every record.
    for (const OdmClinicalRecord& rec : records) {
        QVERIFY(rec.audit);
        QCOMPARE(rec.audit->sourceId, QStringLiteral("S-1"));
    }
    QCOMPARE(records[3].items[0].audit->sourceId, QStringLiteral("S-1"));

    const ReadResult bad = readAll(writeFile(m_dir->path(), QStringLiteral("formdata.xml"),
        odm20(R"(<ClinicalData StudyOID="S" MetaDataVersionOID="MDV"><SubjectData SubjectKey="1"><StudyEventData StudyEventOID="E">
<FormData FormOID="F"/></StudyEventData></SubjectData></ClinicalData>)")));
    QVERIFY2(bad.error.message.contains(QStringLiteral("FormData is not part of ODM 2.0")), qPrintable(bad.error.message));
    QCOMPARE(bad.error.where.line, qint64(4));
}

void TestOdmReader::fileInfoOrdersASeries()
{
    const QString path = writeFile(m_dir->path(), QStringLiteral("info.xml"),
        odm13("<ClinicalData StudyOID=\"S\" MetaDataVersionOID=\"M\"/>", "Transactional",
              " PriorFileOID=\"F.0\" AsOfDateTime=\"2026-03-01T00:00:00Z\" SourceSystem=\"Rave\" xmlns:mdsol=\"http://www.mdsol.com/ns/odm/metadata\""));
    OdmFileInfo info;
    SourceError error;
    QVERIFY(OdmReader::readFileInfo(path, &info, &error));
    QCOMPARE(info.fileOid, QStringLiteral("F.1"));
    QCOMPARE(info.priorFileOid, QStringLiteral("F.0"));
    QCOMPARE(info.asOfDateTime, QStringLiteral("2026-03-01T00:00:00Z"));
    QCOMPARE(info.sourceSystem, QStringLiteral("Rave"));
    QVERIFY(info.transactional);
    QCOMPARE(info.vendorNamespaces, QStringList{QStringLiteral("http://www.mdsol.com/ns/odm/metadata")});
    QVERIFY(!OdmReader::readFileInfo(m_dir->filePath(QStringLiteral("missing.xml")), &info, &error));
    QVERIFY(error.message.contains(QStringLiteral("cannot open")));
}

void TestOdmReader::codeListsBecomeValueMaps()
{
    OdmReader reader;
    QVERIFY(reader.open(sharedDataPath(QStringLiteral("real/odm/odmlib-odm-data-snapshot.xml"))));
    const OdmMetaData& meta = reader.metaData();
    const OdmStudy* study = meta.study(QStringLiteral("1001_virus"));
    QVERIFY(study);
    QCOMPARE(int(study->versions.size()), 1);
    const OdmMetaDataVersion& v = study->versions[0];
    QCOMPARE(int(v.items.list.size()), 52);
    QCOMPARE(int(v.codeLists.list.size()), 14);
    for (const OdmCodeList& c : v.codeLists.list) {
        const QJsonObject map = c.valueMap();
        QCOMPARE(map.value(QStringLiteral("codelist")).toString(), c.oid);
        QCOMPARE(map.value(QStringLiteral("map")).toObject().size(), qsizetype(c.items.size()));
        for (const OdmCodeListItem& item : c.items)
            QCOMPARE(map.value(QStringLiteral("map")).toObject().value(item.codedValue).toString(),
                     item.decode.isEmpty() ? item.codedValue : item.decode);
    }
    const QJsonObject json = meta.toJson();
    QVERIFY(json.value(QStringLiteral("fields")).toArray().size() > 0);
    QCOMPARE(json.value(QStringLiteral("codeLists")).toObject().size(), 14);
}

void TestOdmReader::brokenFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("place");
    const QByteArray head = "<?xml version=\"1.0\"?>\n";
    const QByteArray root = "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" FileType=\"Snapshot\" FileOID=\"F\">\n";
    QTest::newRow("empty") << QByteArray() << "the file is empty" << 1 << "";
    QTest::newRow("not xml") << QByteArray("SUBJID,SITE\n1,2\n") << "malformed XML" << 1 << "";
    QTest::newRow("other root") << head + "<Dataset xmlns=\"x\"/>" << "not an ODM file: the root element is <Dataset>" << 2 << "/Dataset";
    QTest::newRow("wrong namespace") << head + "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.4\" FileType=\"Snapshot\" FileOID=\"F\"/>"
                                     << "unknown ODM namespace \"http://www.cdisc.org/ns/odm/v1.4\"" << 2 << "/ODM";
    QTest::newRow("version against namespace") << head + "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" ODMVersion=\"2.0\" FileType=\"Snapshot\" FileOID=\"F\"/>"
                                               << "ODMVersion=\"2.0\" does not match" << 2 << "/ODM";
    QTest::newRow("no file type") << head + "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" FileOID=\"F\"/>" << "no FileType" << 2 << "/ODM";
    QTest::newRow("no file oid") << head + "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" FileType=\"Snapshot\"/>" << "no FileOID" << 2 << "/ODM";
    QTest::newRow("truncated") << head + root + "<ClinicalData StudyOID=\"S\" MetaDataVersionOID=\"M\">\n<SubjectData SubjectKey=\"1\">\n<StudyEventData StudyEv"
                               << "the file ends inside <SubjectData> (truncated?)" << 5
                               << "/ODM/ClinicalData[@StudyOID='S'][@MetaDataVersionOID='M']/SubjectData[@SubjectKey='1']";
    QTest::newRow("mismatched tags") << head + root + "<ClinicalData StudyOID=\"S\" MetaDataVersionOID=\"M\">\n</SubjectData>\n</ODM>"
                                     << "malformed XML" << 4 << "/ODM/ClinicalData[@StudyOID='S'][@MetaDataVersionOID='M']";
    QTest::newRow("xxe") << head + "<!DOCTYPE ODM [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n" + root + "<Study OID=\"&xxe;\"/></ODM>"
                         << "a DTD with entity declarations is refused" << 2 << "";
    QTest::newRow("billion laughs") << head + "<!DOCTYPE ODM [\n<!ENTITY a \"aaaaaaaaaa\">\n<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
                                               "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n]>\n"
                                        + root + "<Study OID=\"&d;\"/></ODM>"
                                    << "a DTD with entity declarations is refused" << 7 << "";
    QTest::newRow("parameter entity") << head + "<!DOCTYPE ODM [ <!ENTITY % p SYSTEM \"http://127.0.0.1:9/x.dtd\"> %p; ]>\n" + root + "</ODM>"
                                      << "refused" << 2 << "";
    QTest::newRow("undeclared entity") << head + root + "<Study OID=\"S\"><GlobalVariables><StudyName>&foo;</StudyName></GlobalVariables></Study></ODM>"
                                       << "malformed XML: Entity 'foo' not declared" << 3 << "/ODM/Study[@OID='S']/GlobalVariables/StudyName";
    QByteArray deep = head + root + "<ClinicalData StudyOID=\"S\" MetaDataVersionOID=\"M\"><SubjectData SubjectKey=\"1\">";
    for (int i = 0; i < 100; ++i)
        deep += "<Annotation>";
    QTest::newRow("deep nesting") << deep << "elements nested deeper than 64 levels" << 3 << "/SubjectData[@SubjectKey='1']/Annotation/\u2026 (61 nested <Annotation>)";
    QTest::newRow("value and null") << head + root + "<ClinicalData StudyOID=\"S\" MetaDataVersionOID=\"M\"><SubjectData SubjectKey=\"1\"><StudyEventData StudyEventOID=\"E\">"
                                                     "<FormData FormOID=\"F\"><ItemGroupData ItemGroupOID=\"G\">\n<ItemData ItemOID=\"I\" Value=\"1\" IsNull=\"Yes\"/>"
                                                     "</ItemGroupData></FormData></StudyEventData></SubjectData></ClinicalData></ODM>"
                                    << "ItemData has both a Value and IsNull=\"Yes\"" << 4 << "/ItemData[@ItemOID='I']";
    QTest::newRow("subject without key") << head + root + "<ClinicalData StudyOID=\"S\" MetaDataVersionOID=\"M\">\n<SubjectData/></ClinicalData></ODM>"
                                         << "SubjectData has no SubjectKey" << 4 << "/ODM/ClinicalData[@StudyOID='S'][@MetaDataVersionOID='M']/SubjectData";
    QTest::newRow("clinical data without study") << head + root + "<ClinicalData MetaDataVersionOID=\"M\"/></ODM>"
                                                 << "ClinicalData has no StudyOID" << 3 << "/ODM/ClinicalData[@MetaDataVersionOID='M']";
    QTest::newRow("group in event (1.3)") << head + root + "<ClinicalData StudyOID=\"S\" MetaDataVersionOID=\"M\"><SubjectData SubjectKey=\"1\"><StudyEventData StudyEventOID=\"E\">\n"
                                                           "<ItemGroupData ItemGroupOID=\"G\"/></StudyEventData></SubjectData></ClinicalData></ODM>"
                                          << "ItemGroupData directly inside StudyEventData is ODM 2.0" << 4 << "/StudyEventData[@StudyEventOID='E']/ItemGroupData";
    QTest::newRow("definition without oid") << head + root + "<Study OID=\"S\"><MetaDataVersion OID=\"M\">\n<ItemDef Name=\"X\"/></MetaDataVersion></Study></ODM>"
                                            << "ItemDef has no OID" << 4 << "/ODM/Study[@OID='S']/MetaDataVersion[@OID='M']/ItemDef";
}

void TestOdmReader::brokenFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(QString, place);
    const QString path = writeFile(m_dir->path(), QStringLiteral("broken.xml"), bytes);
    const ReadResult r = readAll(path);
    QVERIFY(!r.error.isNull());
    QCOMPARE(r.error.where.file, path);
    QVERIFY2(r.error.message.contains(message), qPrintable(r.error.message));
    QCOMPARE(r.error.where.line, qint64(line));
    if (place.isEmpty()) // before the root element
        QVERIFY2(r.error.where.field.isEmpty(), qPrintable(r.error.where.field));
    else
        QVERIFY2(r.error.where.field.endsWith(place), qPrintable(r.error.where.field));
    QVERIFY(r.error.toString().startsWith(path + QLatin1Char(':')));
}

void TestOdmReader::recordsAreStreamed()
{
    // 20,000 subjects: records come out while the file is read, and the reader's buffer of records waiting
    // for their element to end never holds more than one subject's.
    QByteArray body = "<ClinicalData StudyOID=\"S\" MetaDataVersionOID=\"M\">\n";
    const int subjects = 20000;
    for (int i = 0; i < subjects; ++i)
        body += "<SubjectData SubjectKey=\"" + QByteArray::number(i) + "\"><StudyEventData StudyEventOID=\"V1\"><FormData FormOID=\"F\">"
                "<ItemGroupData ItemGroupOID=\"G\"><ItemData ItemOID=\"A\" Value=\"" + QByteArray::number(i * 7) + "\"/></ItemGroupData>"
                "</FormData></StudyEventData></SubjectData>\n";
    body += "</ClinicalData>";
    const QString path = writeFile(m_dir->path(), QStringLiteral("big.xml"), odm13(body));
    OdmReader reader;
    QVERIFY(reader.open(path));
    int groups = 0;
    qint64 lastSubjectsSeen = 0;
    while (reader.next()) {
        const OdmClinicalRecord& rec = reader.record();
        if (rec.level != OdmClinicalRecord::Level::ItemGroup)
            continue;
        QCOMPARE(rec.subjectKey.toInt(), groups);
        QCOMPARE(rec.items[0].value.toInt(), groups * 7);
        // Delivered before the reader has seen much more of the file than this subject.
        QVERIFY(reader.counts().subjects - groups <= 200);
        lastSubjectsSeen = reader.counts().subjects;
        ++groups;
    }
    QVERIFY2(!reader.hasError(), qPrintable(reader.error().toString()));
    QCOMPARE(groups, subjects);
    QCOMPARE(lastSubjectsSeen, qint64(subjects));
}

QTEST_GUILESS_MAIN(TestOdmReader)
#include "tst_odmreader.moc"
