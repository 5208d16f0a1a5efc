// DatasetJsonReader: CDISC Dataset-JSON 1.1 as JSON and NDJSON, real pilot-study files, seeking, and every
// kind of broken file with an error that names the file, the line and column, and the JSON path.

#include "TestSupport.h"

#include "source/DatasetJsonReader.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb::core;
using tb::test::testDataPath;
using tb::test::writeFile;

namespace {

// A small dataset: the columns, then the rows given (JSON text of the "rows" list's elements).
QByteArray dataset(const QByteArray& rows, const QByteArray& extra = R"("records": 2, )")
{
    return R"({"datasetJSONVersion": "1.1.0", "name": "DM", )" + extra
        + R"("columns": [{"itemOID": "IT.USUBJID", "name": "USUBJID", "dataType": "string", "keySequence": 1},
                         {"itemOID": "IT.AGE", "name": "AGE", "dataType": "integer"},
                         {"itemOID": "IT.HEIGHT", "name": "HEIGHT", "dataType": "float"}],
          "rows": [)"
        + rows + "]}";
}

std::vector<std::vector<QString>> readAll(DatasetJsonReader& r)
{
    std::vector<std::vector<QString>> rows;
    while (r.next())
        rows.push_back(r.fields());
    return rows;
}

} // namespace

class TestDatasetJsonReader : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void realFiles_data();
    void realFiles();
    void jsonAndNdjsonAgree_data();
    void jsonAndNdjsonAgree();
    void valuesKeepTheirText();
    void seekRereadsAnyRow_data();
    void seekRereadsAnyRow();
    void rowsBeforeColumns();
    void metadataAfterRows();
    void emptyDataset();
    void largeFilesCrossBufferBoundaries_data();
    void largeFilesCrossBufferBoundaries();
    void brokenFiles_data();
    void brokenFiles();
    void errorsNameLineAndColumn();
    void missingFile();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestDatasetJsonReader::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestDatasetJsonReader::realFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("keys");
    for (const char* ext : {"json", "ndjson"}) {
        QTest::addRow("dm.%s", ext) << QStringLiteral("dm.%1").arg(QLatin1String(ext)) << 18 << 26 << "DM"
                                    << QStringList{"STUDYID", "USUBJID"};
        QTest::addRow("ae.%s", ext) << QStringLiteral("ae.%1").arg(QLatin1String(ext)) << 74 << 37 << "AE"
                                    << QStringList{"STUDYID", "USUBJID", "AEDECOD", "AESTDTC", "AELNKID"};
        QTest::addRow("sv.%s", ext) << QStringLiteral("sv.%1").arg(QLatin1String(ext)) << 164 << 10 << "SV"
                                    << QStringList{"STUDYID", "USUBJID", "SVSTDTC", "VISITNUM"};
    }
}

void TestDatasetJsonReader::realFiles()
{
    QFETCH(QString, file);
    QFETCH(int, rows);
    QFETCH(int, columns);
    QFETCH(QString, name);
    QFETCH(QStringList, keys);
    DatasetJsonReader r;
    QVERIFY2(r.open(testDataPath(QStringLiteral("datasetjson/") + file)), qPrintable(r.error().toString()));
    QCOMPARE(r.isNdjson(), file.endsWith(QLatin1String(".ndjson")));
    QCOMPARE(int(r.columns().size()), columns);
    QCOMPARE(r.metadata().value(QLatin1String("name")).toString(), name);
    QCOMPARE(r.metadata().value(QLatin1String("studyOID")).toString(), QStringLiteral("cdisc.com/CDISCPILOT01"));
    QCOMPARE(r.metadata().value(QLatin1String("records")).toInt(), rows);
    // The key columns in key order.
    std::map<int, QString> byKey;
    for (const DatasetColumn& c : r.columns())
        if (c.keySequence > 0)
            byKey[c.keySequence] = c.name;
    QStringList keyNames;
    for (const auto& [seq, n] : byKey)
        keyNames << n;
    QCOMPARE(keyNames, keys);
    const auto all = readAll(r);
    QVERIFY2(!r.hasError(), qPrintable(r.error().toString()));
    QCOMPARE(int(all.size()), rows);
    const int study = r.columnIndex(QStringLiteral("STUDYID"));
    const int subject = r.columnIndex(QStringLiteral("USUBJID"));
    for (const auto& row : all) {
        QCOMPARE(int(row.size()), columns);
        QCOMPARE(row[size_t(study)], QStringLiteral("CDISCPILOT01"));
        QVERIFY(row[size_t(subject)].startsWith(QLatin1String("CDISC")));
    }
}

void TestDatasetJsonReader::jsonAndNdjsonAgree_data()
{
    QTest::addColumn<QString>("dataset");
    QTest::newRow("dm") << "dm";
    QTest::newRow("ae") << "ae";
    QTest::newRow("sv") << "sv";
}

void TestDatasetJsonReader::jsonAndNdjsonAgree()
{
    QFETCH(QString, dataset);
    DatasetJsonReader json, ndjson;
    QVERIFY(json.open(testDataPath(QStringLiteral("datasetjson/%1.json").arg(dataset))));
    QVERIFY(ndjson.open(testDataPath(QStringLiteral("datasetjson/%1.ndjson").arg(dataset))));
    QCOMPARE(json.header(), ndjson.header());
    const auto a = readAll(json), b = readAll(ndjson);
    QVERIFY(!json.hasError() && !ndjson.hasError());
    QCOMPARE(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i)
        for (size_t k = 0; k < a[i].size(); ++k) {
            QCOMPARE(a[i][k], b[i][k]);
            QCOMPARE(a[i][k].isNull(), b[i][k].isNull());
        }
}

void TestDatasetJsonReader::valuesKeepTheirText()
{
    // Numbers as written, null as a null string, "" as an empty one, escapes decoded.
    const QString path = writeFile(m_dir->path(), QStringLiteral("dm.json"),
                                   dataset("[\"S-\\u00e9\\\"1\\\\\", 42, 1.50e2], [\"\", null, null]"));
    DatasetJsonReader r;
    QVERIFY2(r.open(path), qPrintable(r.error().toString()));
    QVERIFY2(r.next(), qPrintable(r.error().toString()));
    QCOMPARE(r.fields()[0], QStringLiteral("S-é\"1\\"));
    QCOMPARE(r.fields()[1], QStringLiteral("42"));
    QCOMPARE(r.fields()[2], QStringLiteral("1.50e2"));
    QCOMPARE(r.recordText(), QByteArrayView("[\"S-\\u00e9\\\"1\\\\\", 42, 1.50e2]"));
    QCOMPARE(r.recordReference(), path + QStringLiteral(": rows[0]"));
    QVERIFY(r.next());
    QVERIFY(!r.fields()[0].isNull());
    QVERIFY(r.fields()[0].isEmpty());
    QVERIFY(r.fields()[1].isNull());
    QVERIFY(r.fields()[2].isNull());
    QVERIFY(!r.next());
    QVERIFY2(!r.hasError(), qPrintable(r.error().toString()));
}

void TestDatasetJsonReader::seekRereadsAnyRow_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("json") << "ae.json";
    QTest::newRow("ndjson") << "ae.ndjson";
}

void TestDatasetJsonReader::seekRereadsAnyRow()
{
    QFETCH(QString, file);
    DatasetJsonReader r;
    QVERIFY(r.open(testDataPath(QStringLiteral("datasetjson/") + file)));
    struct Place
    {
        qint64 offset, line, index;
        std::vector<QString> fields;
    };
    std::vector<Place> places;
    while (r.next())
        places.push_back({r.recordOffset(), r.recordLine(), r.recordIndex(), r.fields()});
    QVERIFY(!r.hasError());
    QCOMPARE(int(places.size()), 74);
    for (size_t i : {size_t(40), size_t(0), size_t(73), size_t(12)}) {
        QVERIFY(r.seek(places[i].offset, places[i].line, places[i].index));
        QVERIFY2(r.next(), qPrintable(r.error().toString()));
        QCOMPARE(r.fields(), places[i].fields);
        QCOMPARE(r.recordIndex(), qint64(i));
        QCOMPARE(r.recordLine(), places[i].line);
    }
    // Reading on from a seek continues with the following rows, to the end.
    QVERIFY(r.seek(places[70].offset, places[70].line, 70));
    int more = 0;
    while (r.next())
        ++more;
    QVERIFY2(!r.hasError(), qPrintable(r.error().toString()));
    QCOMPARE(more, 4);
}

void TestDatasetJsonReader::rowsBeforeColumns()
{
    const QString path = writeFile(m_dir->path(), QStringLiteral("late.json"),
                                   R"({"rows": [["A", 1, 1.5],
                                                ["B", 2, null]],
                                       "records": 2,
                                       "columns": [{"itemOID": "IT.USUBJID", "name": "USUBJID", "dataType": "string"},
                                                   {"itemOID": "IT.AGE", "name": "AGE", "dataType": "integer"},
                                                   {"itemOID": "IT.HEIGHT", "name": "HEIGHT", "dataType": "float"}]})");
    DatasetJsonReader r;
    QVERIFY2(r.open(path), qPrintable(r.error().toString()));
    const auto rows = readAll(r);
    QVERIFY2(!r.hasError(), qPrintable(r.error().toString()));
    QCOMPARE(int(rows.size()), 2);
    QCOMPARE(rows[1][0], QStringLiteral("B"));
    QCOMPARE(r.recordLine(), qint64(2));
}

void TestDatasetJsonReader::metadataAfterRows()
{
    // "records" after the rows is still checked at the end.
    const QString path = writeFile(m_dir->path(), QStringLiteral("dm.json"),
                                   dataset(R"(["A", 1, 2])", "").replace("]}", R"(], "records": 1, "label": "Demographics"})"));
    DatasetJsonReader r;
    QVERIFY2(r.open(path), qPrintable(r.error().toString()));
    QCOMPARE(int(readAll(r).size()), 1);
    QVERIFY2(!r.hasError(), qPrintable(r.error().toString()));
    QCOMPARE(r.metadata().value(QLatin1String("label")).toString(), QStringLiteral("Demographics"));
}

void TestDatasetJsonReader::emptyDataset()
{
    for (const QByteArray& text : {dataset("", R"("records": 0, )"), dataset("", "").replace(R"(, "rows": [])", "")}) {
        const QString path = writeFile(m_dir->path(), QStringLiteral("empty.json"), text);
        DatasetJsonReader r;
        QVERIFY2(r.open(path), qPrintable(r.error().toString()));
        QVERIFY(!r.next());
        QVERIFY2(!r.hasError(), qPrintable(r.error().toString()));
        QCOMPARE(int(r.columns().size()), 3);
    }
}

void TestDatasetJsonReader::largeFilesCrossBufferBoundaries_data()
{
    QTest::addColumn<bool>("ndjson");
    QTest::newRow("json") << false;
    QTest::newRow("ndjson") << true;
}

void TestDatasetJsonReader::largeFilesCrossBufferBoundaries()
{
    // Rows straddle the reader's 1 MiB reads; one value alone is larger than a read.
    QFETCH(bool, ndjson);
    const int rows = 60000;
    const QByteArray columns = "[{\"itemOID\": \"IT.ID\", \"name\": \"ID\", \"dataType\": \"string\"}, "
                               "{\"itemOID\": \"IT.N\", \"name\": \"N\", \"dataType\": \"integer\"}]";
    const QByteArray head = "{\"records\": 60000, \"columns\": " + columns;
    QByteArray text = ndjson ? head + "}\n" : head + ", \"rows\": [\n";
    const QByteArray big(3 * 1024 * 1024, 'x');
    for (int i = 0; i < rows; ++i) {
        const QByteArray id = i == 31337 ? big : "SUBJ-" + QByteArray::number(i);
        text += "[\"" + id + "\", " + QByteArray::number(i) + "]";
        text += ndjson ? "\n" : (i + 1 < rows ? ",\n" : "\n]}\n");
    }
    const QString path = writeFile(m_dir->path(), ndjson ? QStringLiteral("big.ndjson") : QStringLiteral("big.json"), text);
    DatasetJsonReader r;
    QVERIFY2(r.open(path), qPrintable(r.error().toString()));
    int n = 0;
    while (r.next()) {
        if (r.fields()[1] != QString::number(n) || (n == 31337 ? r.fields()[0].size() != big.size() : r.recordLine() != n + 2))
            QFAIL(qPrintable(QStringLiteral("row %1 read wrongly (line %2)").arg(n).arg(r.recordLine())));
        ++n;
    }
    QVERIFY2(!r.hasError(), qPrintable(r.error().toString()));
    QCOMPARE(n, rows);
}

void TestDatasetJsonReader::brokenFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("error"); // regular expression for the whole error text

    const QByteArray ok = dataset(R"(["A", 1, 1.5], ["B", 2, null])");
    QTest::newRow("truncated in a row") << "dm.json" << ok.left(ok.indexOf("\"B\"") + 2) << R"((^|/)dm\.json:\d+:\d+ \(rows\[1\]\): .*truncated)";
    QTest::newRow("truncated after a row") << "dm.json" << ok.left(ok.indexOf("], [") + 1) << R"((^|/)dm\.json:\d+:\d+ \(rows\): the file ends inside "rows")";
    QTest::newRow("records disagree") << "dm.json" << dataset(R"(["A", 1, 1.5])") << R"((^|/)dm\.json:\d+:\d+ \(records\): "records" says 2 rows, the file has 1)";
    QTest::newRow("too few values") << "dm.json" << dataset(R"(["A", 1, 1.5], ["B", 2])") << R"((^|/)dm\.json:\d+:\d+ \(rows\[1\]\[2\] \(HEIGHT\)\): the row has 2 values for 3 columns)";
    QTest::newRow("too many values") << "dm.json" << dataset(R"(["A", 1, 1.5, 9], ["B", 2, 3])") << R"((^|/)dm\.json:\d+:\d+ \(rows\[0\]\[3\]\): the row has more values than the 3 columns)";
    QTest::newRow("text in an integer column") << "dm.json" << dataset(R"(["A", "84 years", 1.5], ["B", 2, 3])") << R"(\(rows\[0\]\[1\] \(AGE\)\): column AGE is integer, the value is a string)";
    QTest::newRow("fraction in an integer column") << "dm.json" << dataset(R"(["A", 1.5, 1.5], ["B", 2, 3])") << R"(\(rows\[0\]\[1\] \(AGE\)\): column AGE is integer, the value is the number 1\.5)";
    QTest::newRow("number in a string column") << "dm.json" << dataset(R"([7, 1, 1.5], ["B", 2, 3])") << R"(\(rows\[0\]\[0\] \(USUBJID\)\): column USUBJID is string, the value is the number 7)";
    QTest::newRow("boolean in a float column") << "dm.json" << dataset(R"(["A", 1, true], ["B", 2, 3])") << R"(\(rows\[0\]\[2\] \(HEIGHT\)\): column HEIGHT is float, the value is true)";
    QTest::newRow("nested value") << "dm.json" << dataset(R"(["A", [1], 1.5], ["B", 2, 3])") << R"(\(rows\[0\]\[1\] \(AGE\)\): a value must be a string, a number)";
    QTest::newRow("misspelt literal") << "dm.json" << dataset(R"(["A", nul, 1.5], ["B", 2, 3])") << R"(\(rows\[0\]\[1\] \(AGE\)\): 'nul' is not a JSON value)";
    QTest::newRow("bad number") << "dm.json" << dataset(R"(["A", 01, 1.5], ["B", 2, 3])") << R"(\(rows\[0\]\[1\] \(AGE\)\): '01' is not a JSON value)";
    QTest::newRow("row is not a list") << "dm.json" << dataset(R"({"USUBJID": "A"}, ["B", 2, 3])") << R"(\(rows\[0\]\): a row is a list of values)";
    QTest::newRow("missing comma") << "dm.json" << dataset(R"(["A" 1, 1.5], ["B", 2, 3])") << R"(\(rows\[0\]\): expected ',' or '\]')";
    QTest::newRow("invalid UTF-8") << "dm.json" << dataset("[\"A\xff\", 1, 1.5], [\"B\", 2, 3]") << R"(\(rows\[0\]\[0\] \(USUBJID\)\): invalid UTF-8 in a string)";
    QTest::newRow("unknown escape") << "dm.json" << dataset(R"(["A\q", 1, 1.5], ["B", 2, 3])") << R"(\(rows\[0\]\[0\] \(USUBJID\)\): unknown escape '\\q')";
    QTest::newRow("unpaired surrogate") << "dm.json" << dataset(R"(["A\ud800", 1, 1.5], ["B", 2, 3])") << R"(\(rows\[0\]\[0\] \(USUBJID\)\): an unpaired surrogate)";
    QTest::newRow("control character") << "dm.json" << dataset("[\"A\tB\", 1, 1.5], [\"B\", 2, 3]") << R"(\(rows\[0\]\): a control character inside a string)";
    QTest::newRow("content after the dataset") << "dm.json" << ok + "{}" << R"((^|/)dm\.json:\d+:\d+: unexpected content after the dataset)";
    QTest::newRow("rows twice") << "dm.json" << ok.left(ok.size() - 1) + R"(, "rows": []})" << R"(\(rows\): "rows" appears twice)";
    QTest::newRow("unknown data type") << "dm.json" << QByteArray(ok).replace(R"("dataType": "float")", R"("dataType": "real")") << R"((^|/)dm\.json:1:\d+ \(columns\[2\]\): column HEIGHT: unknown dataType "real")";
    QTest::newRow("column twice") << "dm.json" << QByteArray(ok).replace(R"("name": "HEIGHT")", R"("name": "AGE")") << R"(\(columns\[2\]\): column AGE appears twice)";
    QTest::newRow("column without name") << "dm.json" << QByteArray(ok).replace(R"("name": "HEIGHT", )", "") << R"(\(columns\[2\]\): a column needs "itemOID" and "name")";
    QTest::newRow("no columns") << "dm.json" << QByteArray(R"({"records": 0, "rows": []})") << R"(: no "columns")";
    QTest::newRow("not an object") << "dm.json" << QByteArray("[1, 2]") << R"((^|/)dm\.json:1:1: expected '\{': a Dataset-JSON document is an object)";
    QTest::newRow("deep nesting") << "dm.json" << QByteArray(R"({"sourceSystem": )" + QByteArray(100, '[') + QByteArray(100, ']') + "}")
                                  << R"(\(sourceSystem\): nested deeper than 64 levels)";
    QTest::newRow("empty file") << "dm.json" << QByteArray() << R"((^|/)dm\.json:1:1: the file is empty: expected a Dataset-JSON object)";

    const QByteArray meta = R"({"datasetJSONVersion": "1.1.0", "records": 2, "columns": [{"itemOID": "IT.A", "name": "A", "dataType": "string"}]})";
    QTest::newRow("ndjson: two rows on a line") << "dm.ndjson" << meta + "\n[\"x\"] [\"y\"]\n" << R"((^|/)dm\.ndjson:2:\d+ \(rows\[0\]\): expected one row per line)";
    QTest::newRow("ndjson: rows in the metadata") << "dm.ndjson" << QByteArray(R"({"columns": [], "rows": []})") + "\n" << R"(\(rows\): the metadata line of an NDJSON dataset holds no rows)";
    QTest::newRow("ndjson: no metadata line") << "dm.ndjson" << QByteArray("[\"x\"]\n") << R"((^|/)dm\.ndjson:1:1: expected the metadata object)";
    QTest::newRow("ndjson: records disagree") << "dm.ndjson" << meta + "\n[\"x\"]\n" << R"((^|/)dm\.ndjson:\d+:\d+ \(records\): "records" says 2 rows, the file has 1)";
    QTest::newRow("ndjson: bad row on line 3") << "dm.ndjson" << meta + "\n[\"x\"]\n[7]\n" << R"((^|/)dm\.ndjson:3:2 \(rows\[1\]\[0\] \(A\)\): column A is string, the value is the number 7)";
}

void TestDatasetJsonReader::brokenFiles()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QString, error);
    const QString path = writeFile(m_dir->path(), file, content);
    DatasetJsonReader r;
    if (r.open(path)) {
        while (r.next()) {
        }
    }
    QVERIFY2(r.hasError(), "a broken file was read without an error");
    const QString text = r.error().toString();
    QVERIFY2(QRegularExpression(error).match(text).hasMatch(), qPrintable(text));
    // An error ends the reading: no more rows come.
    QVERIFY(!r.next());
}

void TestDatasetJsonReader::errorsNameLineAndColumn()
{
    // A pretty-printed file: the error points at the line and column of the bad value.
    const QByteArray text = "{\n  \"records\": 2,\n"
                            "  \"columns\": [{\"itemOID\": \"IT.A\", \"name\": \"A\", \"dataType\": \"integer\"}],\n"
                            "  \"rows\": [\n"
                            "    [1],\n"
                            "    [\n      \"two\"\n    ]\n"
                            "  ]\n}\n";
    const QString path = writeFile(m_dir->path(), QStringLiteral("pretty.json"), text);
    DatasetJsonReader r;
    QVERIFY2(r.open(path), qPrintable(r.error().toString()));
    QVERIFY(r.next());
    QCOMPARE(r.recordLine(), qint64(5));
    QVERIFY(!r.next());
    QCOMPARE(r.error().toString(),
             path + QStringLiteral(":7:7 (rows[1][0] (A)): column A is integer, the value is a string"));
}

void TestDatasetJsonReader::missingFile()
{
    DatasetJsonReader r;
    const QString path = m_dir->filePath(QStringLiteral("none.json"));
    QVERIFY(!r.open(path));
    QVERIFY2(r.error().toString().startsWith(path + QStringLiteral(": cannot open file")), qPrintable(r.error().toString()));
}

QTEST_GUILESS_MAIN(TestDatasetJsonReader)
#include "tst_datasetjsonreader.moc"
