// OdmProfiler and DatasetJsonProfiler on real files and on small ones made here: what `profile` tells a user
// about an ODM export (counts, sites, items with their OID paths, labels, values outside the codelist) and
// about a Dataset-JSON dataset (declared and inferred types, nulls, samples); broken files give the reader's
// error with its place.

#include "TestSupport.h"

#include "source/DatasetJsonProfiler.h"
#include "source/OdmProfiler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb::core;
using tb::test::sharedDataPath;
using tb::test::testDataPath;
using tb::test::writeFile;

namespace {

QJsonObject entryNamed(const QJsonArray& list, const QString& key, const QString& value)
{
    for (const QJsonValue& v : list)
        if (v.toObject().value(key).toString() == value)
            return v.toObject();
    return {};
}

} // namespace

class TestSourceProfilers : public QObject
{
    Q_OBJECT

private slots:
    void odmProfileOfRealFiles_data();
    void odmProfileOfRealFiles();
    void openClinicaExtract();
    void odmValuesOutsideTheCodeList();
    void odmTransactionalCounts();
    void odmErrorsKeepTheirPlace();
    void datasetJson_data();
    void datasetJson();
    void datasetJsonErrorsKeepTheirPlace();

private:
    QTemporaryDir m_dir;
};

void TestSourceProfilers::odmProfileOfRealFiles_data()
{
    // `trialbridge-cli profile FILE --json` prints this object: the counts the issue names, at the top.
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected"); // key=value, separated by spaces
    QTest::newRow("OpenClinica Juno extract")
        << QStringLiteral("real/odm/openclinica-juno-full-extract.xml")
        << QStringLiteral("format=odm odm_version=1.3 file_type=Snapshot subjects=22 sites=5 study_events=86 forms=438 "
                          "item_groups=539 items=3908 audit_records=0 transactions={\"Insert\":3908}");
    QTest::newRow("odmlib snapshot")
        << QStringLiteral("real/odm/odmlib-odm-data-snapshot.xml")
        << QStringLiteral("format=odm file_type=Snapshot subjects=2 study_events=8 items=165 transactions={}");
}

void TestSourceProfilers::odmProfileOfRealFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, expected);
    const auto r = tb::test::runCli({QStringLiteral("profile"), QStringLiteral("--json"), sharedDataPath(file)});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject p = QJsonDocument::fromJson(r.out).object();
    for (const QString& pair : expected.split(QLatin1Char(' '))) {
        const QString key = pair.section(QLatin1Char('='), 0, 0), value = pair.section(QLatin1Char('='), 1);
        const QJsonValue v = p.value(key);
        const QString actual = v.isObject() ? QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact))
            : v.isDouble()                  ? QString::number(v.toInteger())
                                            : v.toString();
        QVERIFY2(actual == value, qPrintable(QStringLiteral("%1: %2, expected %3").arg(key, actual, value)));
    }
}

void TestSourceProfilers::openClinicaExtract()
{
    SourceError error;
    const QJsonObject p = OdmProfiler::profile(sharedDataPath(QStringLiteral("real/odm/openclinica-juno-full-extract.xml")), &error);
    QVERIFY2(error.isNull(), qPrintable(error.toString()));
    QCOMPARE(p.value(QStringLiteral("format")).toString(), QStringLiteral("odm"));
    QCOMPARE(p.value(QStringLiteral("file_type")).toString(), QStringLiteral("Snapshot"));
    const QJsonArray sites = p.value(QStringLiteral("subjects_per_site")).toArray();
    QCOMPARE(sites.size(), 5);
    qint64 subjects = 0;
    for (const QJsonValue& s : sites)
        subjects += s.toObject().value(QStringLiteral("subjects")).toInteger();
    QCOMPARE(subjects, 22);
    // Every item at its place (event/form/group/item), with the metadata's label.
    const QJsonArray items = p.value(QStringLiteral("columns")).toArray();
    for (const QJsonValue& v : items) {
        const QJsonObject item = v.toObject();
        QVERIFY2(!item.value(QStringLiteral("label")).toString().isEmpty(), qPrintable(item.value(QStringLiteral("path")).toString()));
        QCOMPARE(item.value(QStringLiteral("path")).toString().count(QLatin1Char('/')), 3);
    }
    const QJsonObject aeTerm = entryNamed(items, QStringLiteral("itemOid"), QStringLiteral("I_ADVER_AE_DESC"));
    QVERIFY(!aeTerm.isEmpty());
    QVERIFY(aeTerm.value(QStringLiteral("path")).toString().contains(QStringLiteral("/IG_ADVER_AELOG/")));
    QVERIFY(aeTerm.value(QStringLiteral("distinct")).toInteger() > 1);
    QVERIFY(p.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("fields")).toArray().size() > 100);
}

void TestSourceProfilers::odmValuesOutsideTheCodeList()
{
    const QByteArray xml = R"(<?xml version="1.0"?>
<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" FileType="Snapshot" FileOID="F">
<Study OID="S"><MetaDataVersion OID="M">
 <ItemGroupDef OID="IG" Name="AE" Repeating="Yes"><ItemRef ItemOID="SEV"/></ItemGroupDef>
 <ItemDef OID="SEV" Name="AESEV" DataType="text"><Question><TranslatedText>Severity</TranslatedText></Question><CodeListRef CodeListOID="CL"/></ItemDef>
 <CodeList OID="CL" Name="Severity" DataType="text"><CodeListItem CodedValue="1"><Decode><TranslatedText>MILD</TranslatedText></Decode></CodeListItem>
  <CodeListItem CodedValue="2"><Decode><TranslatedText>MODERATE</TranslatedText></Decode></CodeListItem></CodeList>
</MetaDataVersion></Study>
<ClinicalData StudyOID="S" MetaDataVersionOID="M">
 <SubjectData SubjectKey="1"><SiteRef LocationOID="SITE1"/><StudyEventData StudyEventOID="E"><FormData FormOID="F">
  <ItemGroupData ItemGroupOID="IG" ItemGroupRepeatKey="1"><ItemData ItemOID="SEV" Value="1"/></ItemGroupData>
  <ItemGroupData ItemGroupOID="IG" ItemGroupRepeatKey="2"><ItemData ItemOID="SEV" Value="3"/></ItemGroupData>
  <ItemGroupData ItemGroupOID="IG" ItemGroupRepeatKey="3"><ItemData ItemOID="SEV" IsNull="Yes"/></ItemGroupData>
 </FormData></StudyEventData></SubjectData>
</ClinicalData></ODM>)";
    SourceError error;
    const QJsonObject p = OdmProfiler::profile(writeFile(m_dir.path(), QStringLiteral("codes.xml"), xml), &error);
    QVERIFY2(error.isNull(), qPrintable(error.toString()));
    const QJsonArray items = p.value(QStringLiteral("columns")).toArray();
    QCOMPARE(items.size(), 1);
    const QJsonObject sev = items[0].toObject();
    QCOMPARE(sev.value(QStringLiteral("path")).toString(), QStringLiteral("E/F/IG/SEV"));
    QCOMPARE(sev.value(QStringLiteral("label")).toString(), QStringLiteral("Severity"));
    QCOMPARE(sev.value(QStringLiteral("codeList")).toString(), QStringLiteral("CL"));
    QCOMPARE(sev.value(QStringLiteral("nulls")).toInteger(), 1);
    QCOMPARE(sev.value(QStringLiteral("distinct")).toInteger(), 2);
    QCOMPARE(sev.value(QStringLiteral("type")).toString(), QStringLiteral("integer"));
    QCOMPARE(sev.value(QStringLiteral("notInCodeList")).toArray(), QJsonArray{QStringLiteral("3")});
    QCOMPARE(p.value(QStringLiteral("subjects_per_site")).toArray(),
             (QJsonArray{QJsonObject{{QStringLiteral("site"), QStringLiteral("SITE1")}, {QStringLiteral("subjects"), 1}}}));
    QCOMPARE(p.value(QStringLiteral("transactions")).toObject(), QJsonObject()); // a Snapshot
}

void TestSourceProfilers::odmTransactionalCounts()
{
    const QByteArray xml = R"(<?xml version="1.0"?>
<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" FileType="Transactional" FileOID="F.2" PriorFileOID="F.1">
<ClinicalData StudyOID="S" MetaDataVersionOID="M">
 <SubjectData SubjectKey="1" TransactionType="Update"><StudyEventData StudyEventOID="E"><FormData FormOID="F"><ItemGroupData ItemGroupOID="IG">
  <ItemData ItemOID="A" Value="1"/><ItemData ItemOID="B" TransactionType="Remove"/><ItemData ItemOID="C" TransactionType="Upsert" Value="x"/>
 </ItemGroupData></FormData></StudyEventData></SubjectData>
</ClinicalData></ODM>)";
    SourceError error;
    const QJsonObject p = OdmProfiler::profile(writeFile(m_dir.path(), QStringLiteral("tx.xml"), xml), &error);
    QVERIFY2(error.isNull(), qPrintable(error.toString()));
    QCOMPARE(p.value(QStringLiteral("prior_file_oid")).toString(), QStringLiteral("F.1"));
    QCOMPARE(p.value(QStringLiteral("transactions")).toObject(),
             (QJsonObject{{QStringLiteral("Update"), 1}, {QStringLiteral("Remove"), 1}, {QStringLiteral("Upsert"), 1}}));
}

void TestSourceProfilers::odmErrorsKeepTheirPlace()
{
    const QString path = writeFile(m_dir.path(), QStringLiteral("bad.xml"),
                                   "<?xml version=\"1.0\"?>\n<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" FileType=\"Snapshot\" "
                                   "FileOID=\"F\">\n<ClinicalData StudyOID=\"S\" MetaDataVersionOID=\"M\">\n<SubjectData>\n");
    SourceError error;
    QVERIFY(OdmProfiler::profile(path, &error).isEmpty());
    QCOMPARE(error.where.file, path);
    QCOMPARE(error.where.line, qint64(4));
    QVERIFY2(error.message.contains(QStringLiteral("SubjectData has no SubjectKey")), qPrintable(error.message));
}

void TestSourceProfilers::datasetJson_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("ndjson");
    QTest::newRow("json") << "dm.json" << false;
    QTest::newRow("ndjson") << "dm.ndjson" << true;
}

void TestSourceProfilers::datasetJson()
{
    QFETCH(QString, file);
    QFETCH(bool, ndjson);
    SourceError error;
    const QJsonObject p = DatasetJsonProfiler::profile(testDataPath(QStringLiteral("datasetjson/") + file),
                                                       DatasetJsonReader::Format::ByExtension, &error);
    QVERIFY2(error.isNull(), qPrintable(error.toString()));
    QCOMPARE(p.value(QStringLiteral("format")).toString(), QStringLiteral("dataset-json"));
    QCOMPARE(p.value(QStringLiteral("ndjson")).toBool(), ndjson);
    QCOMPARE(p.value(QStringLiteral("name")).toString(), QStringLiteral("DM"));
    QCOMPARE(p.value(QStringLiteral("rows")).toInteger(), 18);
    const QJsonArray columns = p.value(QStringLiteral("columns")).toArray();
    QCOMPARE(columns.size(), 26);
    const QJsonObject age = entryNamed(columns, QStringLiteral("name"), QStringLiteral("AGE"));
    QCOMPARE(age.value(QStringLiteral("dataType")).toString(), QStringLiteral("integer"));
    QCOMPARE(age.value(QStringLiteral("type")).toString(), QStringLiteral("integer"));
    QCOMPARE(age.value(QStringLiteral("distinct")).toInteger(), 12);
    const QJsonObject site = entryNamed(columns, QStringLiteral("name"), QStringLiteral("SITEID"));
    QCOMPARE(site.value(QStringLiteral("distinct")).toInteger(), 6);
    const QJsonObject sex = entryNamed(columns, QStringLiteral("name"), QStringLiteral("SEX"));
    QCOMPARE(sex.value(QStringLiteral("samples")).toArray().size(), 2);
    const QJsonObject death = entryNamed(columns, QStringLiteral("name"), QStringLiteral("DTHDTC"));
    QCOMPARE(death.value(QStringLiteral("nulls")).toInteger(), 15); // "" is missing, like null
    QCOMPARE(death.value(QStringLiteral("distinct")).toInteger(), 3);
    QCOMPARE(death.value(QStringLiteral("type")).toString(), QStringLiteral("date"));
}

void TestSourceProfilers::datasetJsonErrorsKeepTheirPlace()
{
    const QString path = writeFile(m_dir.path(), QStringLiteral("bad.json"),
                                   R"({"datasetJSONVersion": "1.1.0", "records": 1, "name": "DM", "columns": [
  {"itemOID": "IT.AGE", "name": "AGE", "dataType": "integer"}],
 "rows": [["forty"]]})");
    SourceError error;
    QVERIFY(DatasetJsonProfiler::profile(path, DatasetJsonReader::Format::ByExtension, &error).isEmpty());
    QCOMPARE(error.where.file, path);
    QCOMPARE(error.where.line, qint64(3));
    QVERIFY2(error.where.field.contains(QStringLiteral("rows[0][0]")), qPrintable(error.toString()));
}

QTEST_GUILESS_MAIN(TestSourceProfilers)
#include "tst_sourceprofilers.moc"
