#include "TestSupport.h"

#include "source/CsvProfiler.h"
#include "source/ValueProfile.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using tb::core::CsvDialect;
using tb::core::CsvProfiler;
using tb::core::SourceError;
using tb::core::TextEncoding;
using tb::core::ValueProfile;

namespace {

QJsonObject column(const QJsonObject& profile, const QString& name)
{
    for (const QJsonValue& c : profile.value("columns").toArray()) {
        if (c.toObject().value("name").toString() == name)
            return c.toObject();
    }
    return {};
}

QStringList samples(const QJsonObject& column)
{
    QStringList out;
    for (const QJsonValue& v : column.value("samples").toArray())
        out.append(v.toString());
    return out;
}

} // namespace

class TestCsvProfiler : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void types_data();
    void types();
    void countsAndSamples();
    void emptyStringsWithoutNullTokens();
    void distinctCap();
    void longValues();
    void document_data();
    void document();
    void errors_data();
    void errors();
    void cdiscPilotDemographics();

private:
    QString write(const QByteArray& bytes, const QString& name = QStringLiteral("profile.csv"))
    {
        return tb::test::writeFile(m_dir.path(), name, bytes);
    }

    QTemporaryDir m_dir;
};

void TestCsvProfiler::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestCsvProfiler::types_data()
{
    QTest::addColumn<QStringList>("values"); // CSV field texts of column "v", one record each
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("nulls");

    QTest::newRow("integers") << QStringList{"1", "-2", "+3", "0", "42"} << "integer" << 0;
    QTest::newRow("integers and nulls") << QStringList{"1", "", "3", "\"\""} << "integer" << 2;
    QTest::newRow("leading zeros are text") << QStringList{"007", "12"} << "text" << 0;
    QTest::newRow("decimal point") << QStringList{"1.5", "-0.25", "3"} << "decimal" << 0;
    QTest::newRow("decimal comma") << QStringList{"\"2,5\"", "1"} << "decimal" << 0;
    QTest::newRow("exponents") << QStringList{"1e5", "2.5E-3"} << "decimal" << 0;
    QTest::newRow("a point without digits") << QStringList{"1.", "5"} << "text" << 0;
    QTest::newRow("dates") << QStringList{"2014-01-02", "2020-02-29"} << "date" << 0;
    QTest::newRow("an impossible day") << QStringList{"2014-01-02", "2019-02-29"} << "text" << 0;
    QTest::newRow("dates and partial dates")
        << QStringList{"2014-01-02", "2013-05", "2014"} << "partial_date" << 0;
    QTest::newRow("year-months only") << QStringList{"2013-05", "2014-11", ""} << "partial_date" << 1;
    QTest::newRow("years alone are integers") << QStringList{"2013", "2014"} << "integer" << 0;
    QTest::newRow("date-times") << QStringList{"2014-07-02T11:45", "2014-07-02T11:45:30Z",
                                               "2014-07-02 12:00:00.5+01:00"}
                                << "datetime" << 0;
    QTest::newRow("dates and date-times") << QStringList{"2014-07-02", "2014-07-02T11:45"} << "datetime" << 0;
    QTest::newRow("partial dates and date-times")
        << QStringList{"2013-05", "2014-07-02T11:45"} << "text" << 0;
    QTest::newRow("an impossible hour") << QStringList{"2014-07-02T24:00"} << "text" << 0;
    QTest::newRow("all null") << QStringList{"", "", "\"\""} << "empty" << 3;
    QTest::newRow("text") << QStringList{"abc", "1"} << "text" << 0;
    QTest::newRow("text after many numbers")
        << (QStringList{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"} << "x") << "text" << 0;
}

void TestCsvProfiler::types()
{
    QFETCH(QStringList, values);
    QFETCH(QString, type);
    QFETCH(int, nulls);

    QByteArray csv = "id,v\n";
    for (qsizetype i = 0; i < values.size(); ++i)
        csv += QByteArray::number(i) + ',' + values[i].toUtf8() + '\n';
    SourceError error;
    const QJsonObject p = CsvProfiler::profile(write(csv), CsvDialect(), &error);
    QVERIFY2(error.isNull(), qPrintable(error.toString()));
    QCOMPARE(p.value("rows").toInteger(), values.size());
    const QJsonObject v = column(p, "v");
    QCOMPARE(v.value("type").toString(), type);
    QCOMPARE(v.value("nulls").toInteger(), nulls);
    QCOMPARE(column(p, "id").value("type").toString(), QStringLiteral("integer"));
}

void TestCsvProfiler::countsAndSamples()
{
    const QByteArray csv = "SEX,TIE,NOTE\n"
                           "M,a,x\n"
                           "F,b,\n"
                           "M,b,\n"
                           ",a,\n"
                           "M,c,\n"
                           "F,d,\n"
                           "M,e,\n"
                           ",e,\n";
    SourceError error;
    const QJsonObject p = CsvProfiler::profile(write(csv), CsvDialect(), &error);
    QVERIFY2(error.isNull(), qPrintable(error.toString()));
    QCOMPARE(p.value("rows").toInteger(), 8);

    const QJsonObject sex = column(p, "SEX");
    QCOMPARE(sex.value("type").toString(), QStringLiteral("text"));
    QCOMPARE(sex.value("nulls").toInteger(), 2);
    QCOMPARE(sex.value("distinct").toInteger(), 2);
    QCOMPARE(samples(sex), QStringList({"M", "F"})); // most frequent first
    QVERIFY(!sex.contains("distinct_capped"));

    const QJsonObject tie = column(p, "TIE");
    QCOMPARE(tie.value("distinct").toInteger(), 5);
    QCOMPARE(tie.value("nulls").toInteger(), 0);
    // a, b and e appear twice, c and d once; equal counts keep the order of first appearance.
    QCOMPARE(samples(tie), QStringList({"a", "b", "e", "c", "d"}));

    const QJsonObject note = column(p, "NOTE");
    QCOMPARE(note.value("nulls").toInteger(), 7);
    QCOMPARE(note.value("distinct").toInteger(), 1);
    QCOMPARE(samples(note), QStringList({"x"}));
}

void TestCsvProfiler::emptyStringsWithoutNullTokens()
{
    CsvDialect d;
    d.nullTokens = {QStringLiteral("NA")};
    SourceError error;
    const QJsonObject p = CsvProfiler::profile(write("a,b\n1,\n2,NA\n3,\n"), d, &error);
    QVERIFY2(error.isNull(), qPrintable(error.toString()));
    const QJsonObject b = column(p, "b");
    QCOMPARE(b.value("nulls").toInteger(), 1);
    QCOMPARE(b.value("distinct").toInteger(), 1); // the empty string is a value
    QCOMPARE(samples(b), QStringList({""}));
    QCOMPARE(b.value("type").toString(), QStringLiteral("text"));
}

void TestCsvProfiler::distinctCap()
{
    // ID: unique; GROUP: three values; LATE: numbers, then text only after the cap is reached.
    QByteArray csv = "ID,GROUP,LATE\n";
    const int rows = ValueProfile::DistinctCap + 500;
    for (int i = 0; i < rows; ++i) {
        csv += QByteArray::number(i) + ',' + QByteArray::number(i % 3) + ',' +
               (i < ValueProfile::DistinctCap + 200 ? QByteArray::number(i) : "x" + QByteArray::number(i)) +
               '\n';
    }
    SourceError error;
    const QJsonObject p = CsvProfiler::profile(write(csv), CsvDialect(), &error);
    QVERIFY2(error.isNull(), qPrintable(error.toString()));
    QCOMPARE(p.value("rows").toInteger(), rows);

    const QJsonObject id = column(p, "ID");
    QCOMPARE(id.value("distinct").toInteger(), ValueProfile::DistinctCap);
    QCOMPARE(id.value("distinct_capped").toBool(), true);
    QCOMPARE(id.value("type").toString(), QStringLiteral("integer"));
    QCOMPARE(samples(id), QStringList({"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}));

    const QJsonObject group = column(p, "GROUP");
    QCOMPARE(group.value("distinct").toInteger(), 3);
    QVERIFY(!group.contains("distinct_capped"));

    const QJsonObject late = column(p, "LATE");
    QCOMPARE(late.value("distinct_capped").toBool(), true);
    QCOMPARE(late.value("type").toString(), QStringLiteral("text")); // values past the cap are still typed
}

void TestCsvProfiler::longValues()
{
    const int n = ValueProfile::MaxSampleLength + 100;
    const QByteArray a(n, 'A');
    const QByteArray b(n, 'B');
    const QByteArray aThenC = QByteArray(n - 1, 'A') + 'C'; // differs from a only after the shown part
    const QByteArray csv = "id,text\n1," + a + "\n2," + b + "\n3," + a + "\n4," + aThenC + "\n";
    SourceError error;
    const QJsonObject p = CsvProfiler::profile(write(csv), CsvDialect(), &error);
    QVERIFY2(error.isNull(), qPrintable(error.toString()));
    const QJsonObject text = column(p, "text");
    QCOMPARE(text.value("distinct").toInteger(), 3);
    const QString shownA = QString(ValueProfile::MaxSampleLength, QLatin1Char('A')) + QChar(0x2026);
    const QString shownB = QString(ValueProfile::MaxSampleLength, QLatin1Char('B')) + QChar(0x2026);
    QCOMPARE(samples(text), QStringList({shownA, shownB, shownA}));
}

void TestCsvProfiler::document_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<QString>("delimiter");
    QTest::addColumn<QStringList>("names");

    QTest::newRow("semicolon, UTF-8")
        << QByteArray("a;b\n1;x\n") << int(TextEncoding::Utf8) << ";" << QStringList{"a", "b"};
    QTest::newRow("tab, Windows-1252") << QByteArray("caf\xE9\tb\n1\tx\n") << int(TextEncoding::Windows1252)
                                       << "\t" << QStringList{"café", "b"};
}

void TestCsvProfiler::document()
{
    QFETCH(QByteArray, input);
    QFETCH(int, encoding);
    QFETCH(QString, delimiter);
    QFETCH(QStringList, names);

    CsvDialect d;
    d.encoding = TextEncoding(encoding);
    const QString path = write(input);
    SourceError error;
    const QJsonObject p = CsvProfiler::profile(path, d, &error);
    QVERIFY2(error.isNull(), qPrintable(error.toString()));
    QCOMPARE(p.value("format").toString(), QStringLiteral("csv"));
    QCOMPARE(p.value("file").toString(), path);
    QCOMPARE(p.value("encoding").toString(),
             d.encoding == TextEncoding::Utf8 ? QStringLiteral("utf-8") : QStringLiteral("windows-1252"));
    QCOMPARE(p.value("delimiter").toString(), delimiter);
    QCOMPARE(p.value("rows").toInteger(), 1);
    const QJsonArray columns = p.value("columns").toArray();
    QCOMPARE(columns.size(), names.size());
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QJsonObject c = columns[i].toObject();
        QCOMPARE(c.value("name").toString(), names[i]); // in file order
        QCOMPARE(c.keys(), QStringList({"distinct", "name", "nulls", "samples", "type"}));
    }
}

void TestCsvProfiler::errors_data()
{
    QTest::addColumn<QByteArray>("input"); // empty: the file does not exist
    QTest::addColumn<qint64>("line");
    QTest::addColumn<QString>("message");

    QTest::newRow("malformed record")
        << QByteArray("a,b\n1,2\n3,\"x\"y\n") << qint64(3) << "unexpected character after a closing quote";
    QTest::newRow("missing file") << QByteArray() << qint64(0) << "cannot open file";
}

void TestCsvProfiler::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(qint64, line);
    QFETCH(QString, message);

    const QString path = input.isEmpty() ? m_dir.filePath("missing.csv") : write(input, "broken.csv");
    SourceError error;
    const QJsonObject p = CsvProfiler::profile(path, CsvDialect(), &error);
    QVERIFY(p.isEmpty()); // nothing partial
    QVERIFY(error.message.startsWith(message));
    QCOMPARE(error.where.line, line);
    QVERIFY(error.toString().contains(path));
}

void TestCsvProfiler::cdiscPilotDemographics()
{
    const QString path = tb::test::sharedDataPath("real/cdiscpilot01-sdtm/dm.csv");
    QVERIFY2(QFile::exists(path), qPrintable(path));
    CsvDialect d;
    d.nullTokens = {QStringLiteral("NA")};
    SourceError error;
    const QJsonObject p = CsvProfiler::profile(path, d, &error);
    QVERIFY2(error.isNull(), qPrintable(error.toString()));
    QCOMPARE(p.value("rows").toInteger(), 306);
    QCOMPARE(p.value("delimiter").toString(), QStringLiteral(","));
    QCOMPARE(p.value("columns").toArray().size(), 28);

    const QJsonObject age = column(p, "AGE");
    QCOMPARE(age.value("type").toString(), QStringLiteral("integer"));
    QCOMPARE(age.value("nulls").toInteger(), 0);
    QCOMPARE(age.value("distinct").toInteger(), 37);
    QCOMPARE(samples(age).mid(0, 3), QStringList({"81", "84", "74"}));

    const QJsonObject rfstdtc = column(p, "RFSTDTC");
    QCOMPARE(rfstdtc.value("type").toString(), QStringLiteral("date"));
    QCOMPARE(rfstdtc.value("nulls").toInteger(), 52);
    QCOMPARE(rfstdtc.value("distinct").toInteger(), 205);

    const QJsonObject sex = column(p, "SEX");
    QCOMPARE(sex.value("distinct").toInteger(), 2);
    QCOMPARE(samples(sex), QStringList({"F", "M"})); // 179 F, 127 M

    QCOMPARE(column(p, "USUBJID").value("distinct").toInteger(), 306);
    QCOMPARE(column(p, "USUBJID").value("samples").toArray().size(), ValueProfile::SampleCount);
    QCOMPARE(column(p, "RFPENDTC").value("type").toString(),
             QStringLiteral("datetime"));                                             // dates and date-times
    QCOMPARE(column(p, "DMDY").value("type").toString(), QStringLiteral("integer"));  // negative days
    QCOMPARE(column(p, "RFICDTC").value("type").toString(), QStringLiteral("empty")); // all NA
    QCOMPARE(column(p, "RFICDTC").value("nulls").toInteger(), 306);
}

QTEST_GUILESS_MAIN(TestCsvProfiler)
#include "tst_csvprofiler.moc"
