#include "TestSupport.h"

#include "source/CsvDialect.h"
#include "source/CsvReader.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using tb::core::CsvDialect;
using tb::core::CsvReader;
using tb::core::TextEncoding;

namespace {

const QString Null = QStringLiteral("<null>");

// Bytes of a string literal, embedded NULs included.
template <qsizetype N> QByteArray B(const char (&s)[N])
{
    return QByteArray(s, N - 1);
}

// Fields with nulls made visible, so that comparisons tell a null from an empty field.
QStringList show(const std::vector<QString>& fields)
{
    QStringList out;
    for (const QString& f : fields)
        out.append(f.isNull() ? Null : f);
    return out;
}

CsvDialect dialect(char delimiter = 0, TextEncoding encoding = TextEncoding::Utf8,
                   QStringList nulls = {QString()})
{
    CsvDialect d;
    d.delimiter = delimiter;
    d.encoding = encoding;
    d.nullTokens = nulls;
    return d;
}

struct Record
{
    qint64 offset;
    qint64 line;
    QStringList fields;
};

QList<Record> readAll(CsvReader& r)
{
    QList<Record> out;
    while (r.next())
        out.append({r.recordOffset(), r.recordLine(), show(r.fields())});
    return out;
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void rfc4180_data();
    void rfc4180();
    void delimiterDetection_data();
    void delimiterDetection();
    void byteOrderMark_data();
    void byteOrderMark();
    void utf8_data();
    void utf8();
    void windows1252_data();
    void windows1252();
    void nullTokens_data();
    void nullTokens();
    void noHeader();
    void columnIndex();
    void copiedFieldsSurviveNext();

    void errors_data();
    void errors();
    void missingFile();
    void columnLimit_data();
    void columnLimit();
    void fieldLimit_data();
    void fieldLimit();

    void recordOffsets();
    void bufferBoundary_data();
    void bufferBoundary();
    void seekRoundTrip_data();
    void seekRoundTrip();
    void seekRejectsBadOffsets();

    void realFiles_data();
    void realFiles();

    void dialectJson_data();
    void dialectJson();
    void dialectJsonRoundTrip();

private:
    QString write(const QByteArray& bytes, const QString& name = QStringLiteral("test.csv"))
    {
        return tb::test::writeFile(m_dir.path(), name, bytes);
    }

    QTemporaryDir m_dir;
};

void TestCsvReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestCsvReader::rfc4180_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QList<QStringList>>("records");
    QTest::addColumn<QList<qint64>>("lines");

    const QStringList ab{"a", "b"};
    const QList<QStringList> twoRecords{{"1", "2"}, {"3", "4"}};
    QTest::newRow("LF") << B("a,b\n1,2\n3,4\n") << ab << twoRecords << QList<qint64>{2, 3};
    QTest::newRow("CRLF") << B("a,b\r\n1,2\r\n3,4\r\n") << ab << twoRecords << QList<qint64>{2, 3};
    QTest::newRow("lone CR") << B("a,b\r1,2\r3,4\r") << ab << twoRecords << QList<qint64>{2, 3};
    QTest::newRow("no final newline") << B("a,b\n1,2\n3,4") << ab << twoRecords << QList<qint64>{2, 3};
    QTest::newRow("empty lines at the end")
        << B("a,b\n1,2\n3,4\n\n\n") << ab << twoRecords << QList<qint64>{2, 3};
    QTest::newRow("empty CRLF lines at the end")
        << B("a,b\r\n1,2\r\n3,4\r\n\r\n\r\n") << ab << twoRecords << QList<qint64>{2, 3};
    QTest::newRow("empty lines in the middle are skipped")
        << B("a,b\n1,2\n\n\r\n3,4\n") << ab << twoRecords << QList<qint64>{2, 5};
    QTest::newRow("empty lines before the header")
        << B("\n\na,b\n1,2\n3,4\n") << ab << twoRecords << QList<qint64>{4, 5};
    QTest::newRow("quoted delimiter")
        << B("a,b\n\"1,5\",\"x\"\n") << ab << QList<QStringList>{{"1,5", "x"}} << QList<qint64>{2};
    QTest::newRow("doubled quotes") << B("a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n") << ab
                                    << QList<QStringList>{{"say \"hi\"", "\""}} << QList<qint64>{2};
    QTest::newRow("embedded LF") << B("a,b\n\"line1\nline2\",x\n3,4\n") << ab
                                 << QList<QStringList>{{"line1\nline2", "x"}, {"3", "4"}}
                                 << QList<qint64>{2, 4};
    QTest::newRow("embedded CRLF kept")
        << B("a,b\r\n\"l1\r\nl2\r\nl3\",x\r\n3,4\r\n") << ab
        << QList<QStringList>{{"l1\r\nl2\r\nl3", "x"}, {"3", "4"}} << QList<qint64>{2, 5};
    QTest::newRow("embedded lone CR")
        << B("a,b\r\"l1\rl2\",x\r3,4\r") << ab << QList<QStringList>{{"l1\rl2", "x"}, {"3", "4"}}
        << QList<qint64>{2, 4};
    QTest::newRow("embedded empty line")
        << B("a,b\n\"x\n\ny\",1\n2,3\n") << ab << QList<QStringList>{{"x\n\ny", "1"}, {"2", "3"}}
        << QList<qint64>{2, 5};
    QTest::newRow("newline just before the closing quote")
        << B("a,b\n1,\"x\n\"\n2,3\n") << ab << QList<QStringList>{{"1", "x\n"}, {"2", "3"}}
        << QList<qint64>{2, 4};
    QTest::newRow("empty and quoted empty fields are null")
        << B("a,b,c\n,\"\",x\n") << QStringList{"a", "b", "c"} << QList<QStringList>{{Null, Null, "x"}}
        << QList<qint64>{2};
    QTest::newRow("trailing delimiter")
        << B("a,b\n1,\n") << ab << QList<QStringList>{{"1", Null}} << QList<qint64>{2};
    QTest::newRow("quote inside an unquoted field is literal")
        << B("a,b\n5'6\",x\n") << ab << QList<QStringList>{{"5'6\"", "x"}} << QList<qint64>{2};
    QTest::newRow("spaces kept") << B("a,b\n a , b \n") << ab << QList<QStringList>{{" a ", " b "}}
                                 << QList<qint64>{2};
    QTest::newRow("single column") << B("name\nx\ny\n") << QStringList{"name"}
                                   << QList<QStringList>{{"x"}, {"y"}} << QList<qint64>{2, 3};
    QTest::newRow("header only") << B("a,b\n") << ab << QList<QStringList>{} << QList<qint64>{};
    QTest::newRow("header only, no newline") << B("a,b") << ab << QList<QStringList>{} << QList<qint64>{};
    QTest::newRow("quoted header") << B("\"first name\",\"a,b\"\n1,2\n") << QStringList{"first name", "a,b"}
                                   << QList<QStringList>{{"1", "2"}} << QList<qint64>{2};
    QTest::newRow("quoted field at the end of the file")
        << B("a,b\n1,\"x\"") << ab << QList<QStringList>{{"1", "x"}} << QList<qint64>{2};
}

void TestCsvReader::rfc4180()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, header);
    QFETCH(QList<QStringList>, records);
    QFETCH(QList<qint64>, lines);

    CsvReader r(dialect());
    QVERIFY2(r.open(write(input)), qPrintable(r.error().toString()));
    QCOMPARE(r.header(), header);
    QCOMPARE(r.delimiter(), ',');
    const QList<Record> got = readAll(r);
    QVERIFY2(!r.hasError(), qPrintable(r.error().toString()));
    QCOMPARE(got.size(), records.size());
    for (qsizetype i = 0; i < got.size(); ++i) {
        QCOMPARE(got[i].fields, records[i]);
        QCOMPARE(got[i].line, lines[i]);
    }
    QVERIFY(!r.next()); // stays at the end
    QVERIFY(!r.hasError());
    QCOMPARE(r.header(), header); // reading records leaves the header alone
}

void TestCsvReader::delimiterDetection_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("configured");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QStringList>("header");

    QTest::newRow("comma") << B("a,b,c\n1,2,3\n") << 0 << int(',') << QStringList{"a", "b", "c"};
    QTest::newRow("semicolon") << B("a;b;c\n1;2;3\n") << 0 << int(';') << QStringList{"a", "b", "c"};
    QTest::newRow("tab") << B("a\tb\tc\n1\t2\t3\n") << 0 << int('\t') << QStringList{"a", "b", "c"};
    QTest::newRow("pipe") << B("a|b|c\n1|2|3\n") << 0 << int('|') << QStringList{"a", "b", "c"};
    QTest::newRow("most frequent wins")
        << B("a;b;c,d\n1;2;3\n") << 0 << int(';') << QStringList{"a", "b", "c,d"};
    QTest::newRow("tie goes to the comma") << B("a,b;c\n1,2\n") << 0 << int(',') << QStringList{"a", "b;c"};
    QTest::newRow("quoted delimiters do not count")
        << B("\"a;b;c\",d\n1,2\n") << 0 << int(',') << QStringList{"a;b;c", "d"};
    QTest::newRow("only the header line counts")
        << B("a;b\n1,2,3,4,5;6\n") << 0 << int(';') << QStringList{"a", "b"};
    QTest::newRow("no delimiter: comma") << B("abc\n1\n") << 0 << int(',') << QStringList{"abc"};
    QTest::newRow("after a BOM and empty lines")
        << B("\xEF\xBB\xBF\r\n\r\na|b\r\n1|2\r\n") << 0 << int('|') << QStringList{"a", "b"};
    QTest::newRow("configured wins") << B("a,b;c\n1,2;3\n") << int(';') << int(';')
                                     << QStringList{"a,b", "c"};
}

void TestCsvReader::delimiterDetection()
{
    QFETCH(QByteArray, input);
    QFETCH(int, configured);
    QFETCH(int, expected);
    QFETCH(QStringList, header);

    CsvReader r(dialect(char(configured)));
    QVERIFY2(r.open(write(input)), qPrintable(r.error().toString()));
    QCOMPARE(int(r.delimiter()), expected);
    QCOMPARE(r.header(), header);
    QVERIFY2(r.next(), qPrintable(r.error().toString())); // the record splits the same way
    QCOMPARE(qsizetype(r.fields().size()), header.size());
}

void TestCsvReader::byteOrderMark_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QStringList>("record");
    QTest::addColumn<qint64>("offset");

    QTest::newRow("UTF-8 BOM") << B("\xEF\xBB\xBFid,name\n1,\xC3\xA9\n") << int(TextEncoding::Utf8)
                               << QStringList{"id", "name"} << QStringList{"1", "é"} << qint64(3 + 8);
    QTest::newRow("quoted first name after BOM")
        << B("\xEF\xBB\xBF\"id\";\"name\"\r\n1;x\r\n") << int(TextEncoding::Utf8) << QStringList{"id", "name"}
        << QStringList{"1", "x"} << qint64(3 + 13);
    QTest::newRow("BOM skipped for Windows-1252 too")
        << B("\xEF\xBB\xBFid,name\n1,\xE9\n") << int(TextEncoding::Windows1252) << QStringList{"id", "name"}
        << QStringList{"1", "é"} << qint64(3 + 8);
    QTest::newRow("no BOM") << B("id,name\n1,x\n") << int(TextEncoding::Utf8) << QStringList{"id", "name"}
                            << QStringList{"1", "x"} << qint64(8);
}

void TestCsvReader::byteOrderMark()
{
    QFETCH(QByteArray, input);
    QFETCH(int, encoding);
    QFETCH(QStringList, header);
    QFETCH(QStringList, record);
    QFETCH(qint64, offset);

    CsvReader r(dialect(0, TextEncoding(encoding)));
    QVERIFY2(r.open(write(input)), qPrintable(r.error().toString()));
    QCOMPARE(r.header(), header);
    QCOMPARE(r.columnIndex(header.first()), 0);
    QVERIFY(r.next());
    QCOMPARE(show(r.fields()), record);
    QCOMPARE(r.recordOffset(), offset);
    QCOMPARE(r.recordLine(), 2);
}

void TestCsvReader::utf8_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QString>("expected");

    QTest::newRow("two-byte") << B("caf\xC3\xA9") << QStringLiteral("café");
    QTest::newRow("three-byte") << B("\xE6\x97\xA5\xE6\x9C\xAC") << QStringLiteral("日本");
    QTest::newRow("four-byte becomes a surrogate pair") << B("a\xF0\x9F\x98\x80z") << QStringLiteral("a😀z");
    QTest::newRow("quoted with doubled quotes")
        << B("\"\xE2\x80\x9C\"\"x\"\"\xE2\x80\x9D\"") << QStringLiteral("“\"x\"”");
    QTest::newRow("quoted with newline") << B("\"\xC3\xBC\n\xC3\xB6\"") << QStringLiteral("ü\nö");
    QTest::newRow("highest code point") << B("\xF4\x8F\xBF\xBF") << QString::fromUcs4(U"\U0010FFFF");
}

void TestCsvReader::utf8()
{
    QFETCH(QByteArray, field);
    QFETCH(QString, expected);

    CsvReader r(dialect());
    QVERIFY(r.open(write("id,v\n1," + field + "\n2,plain\n")));
    QVERIFY2(r.next(), qPrintable(r.error().toString()));
    QCOMPARE(r.fields()[1], expected);
    QVERIFY(r.next()); // an ASCII field in the same column after a decoded one
    QCOMPARE(r.fields()[1], QStringLiteral("plain"));
}

void TestCsvReader::windows1252_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QString>("expected");

    QTest::newRow("euro") << B("\x80 5") << QStringLiteral("€ 5");
    QTest::newRow("e acute") << B("caf\xE9") << QStringLiteral("café");
    QTest::newRow("smart quotes") << B("\x93hi\x94 \x91x\x92") << QStringLiteral("“hi” ‘x’");
    QTest::newRow("dashes and ellipsis") << B("\x96\x97\x85") << QStringLiteral("–—…");
    QTest::newRow("trade mark, Z caron, Y diaeresis") << B("\x99\x8E\x9F") << QStringLiteral("™ŽŸ");
    QTest::newRow("unassigned bytes map to C1 controls")
        << B("\x81\x8D\x8F\x90\x9D") << QString::fromUtf16(u"\u0081\u008D\u008F\u0090\u009D");
    QTest::newRow("Latin-1 range") << B("\xA0\xC4\xFF") << QString::fromUtf16(u"\u00A0Ä\u00FF");
    QTest::newRow("quoted") << B("\"\x80,\x80\"\"\"") << QStringLiteral("€,€\"");
}

void TestCsvReader::windows1252()
{
    QFETCH(QByteArray, field);
    QFETCH(QString, expected);

    CsvReader r(dialect(0, TextEncoding::Windows1252));
    QVERIFY(r.open(write("id,Gr\xF6\xDF"
                         "e\n1," +
                         field + "\n")));
    QCOMPARE(r.header(), QStringList({"id", "Größe"}));
    QVERIFY2(r.next(), qPrintable(r.error().toString()));
    QCOMPARE(r.fields()[1], expected);
}

void TestCsvReader::nullTokens_data()
{
    QTest::addColumn<QStringList>("tokens");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<QStringList>("expected");

    // Input: empty, NA, "", "NA", na, " ", n/a, é (field 8 is é in the file's encoding)
    QTest::newRow("default: empty") << QStringList{QString()} << int(TextEncoding::Utf8)
                                    << QStringList{Null, "NA", Null, "NA", "na", " ", "n/a", "é"};
    QTest::newRow("NA only") << QStringList{"NA"} << int(TextEncoding::Utf8)
                             << QStringList{"", Null, "", Null, "na", " ", "n/a", "é"};
    QTest::newRow("empty and NA") << QStringList{QString(), "NA"} << int(TextEncoding::Utf8)
                                  << QStringList{Null, Null, Null, Null, "na", " ", "n/a", "é"};
    QTest::newRow("empty given as \"\"") << QStringList{QString("")} << int(TextEncoding::Utf8)
                                         << QStringList{Null, "NA", Null, "NA", "na", " ", "n/a", "é"};
    QTest::newRow("none") << QStringList{} << int(TextEncoding::Utf8)
                          << QStringList{"", "NA", "", "NA", "na", " ", "n/a", "é"};
    QTest::newRow("several, non-ASCII") << QStringList{"n/a", "é"} << int(TextEncoding::Utf8)
                                        << QStringList{"", "NA", "", "NA", "na", " ", Null, Null};
    QTest::newRow("non-ASCII in Windows-1252") << QStringList{"é", "€"} << int(TextEncoding::Windows1252)
                                               << QStringList{"", "NA", "", "NA", "na", " ", "n/a", Null};
}

void TestCsvReader::nullTokens()
{
    QFETCH(QStringList, tokens);
    QFETCH(int, encoding);
    QFETCH(QStringList, expected);

    const TextEncoding e = TextEncoding(encoding);
    const QByteArray eAcute = e == TextEncoding::Utf8 ? B("\xC3\xA9") : B("\xE9");
    CsvReader r(dialect(0, e, tokens));
    QVERIFY(r.open(write("c1,c2,c3,c4,c5,c6,c7,c8\n,NA,\"\",\"NA\",na, ,n/a," + eAcute + "\n")));
    QVERIFY2(r.next(), qPrintable(r.error().toString()));
    QCOMPARE(show(r.fields()), expected); // show() tells null from empty
    // The header is never null-tokenised: a column may be called NA.
    CsvReader h(dialect(0, e, {"NA", QString()}));
    QVERIFY(h.open(write("NA,b\n1,2\n", "header.csv")));
    QCOMPARE(h.header(), QStringList({"NA", "b"}));
    QVERIFY(!h.header().first().isNull());
}

void TestCsvReader::noHeader()
{
    CsvDialect d = dialect(';');
    d.header = false;
    CsvReader r(d);
    QVERIFY(r.open(write("1;x\n2;\n3;z;extra\n")));
    QVERIFY(r.header().isEmpty());
    QCOMPARE(r.columnIndex("1"), -1);
    QVERIFY(r.next());
    QCOMPARE(show(r.fields()), QStringList({"1", "x"}));
    QCOMPARE(r.recordLine(), 1);
    QCOMPARE(r.recordOffset(), 0);
    QVERIFY(r.next());
    QCOMPARE(show(r.fields()), QStringList({"2", Null})); // null tokens apply to the first record too
    QVERIFY(!r.next());                                   // the first record fixed two fields
    QVERIFY(r.hasError());
    QCOMPARE(r.error().where.line, 3);
    QCOMPARE(r.error().where.column, 5);
    QCOMPARE(r.error().message, QStringLiteral("expected 2 fields, found 3"));
}

void TestCsvReader::columnIndex()
{
    CsvReader r(dialect());
    QVERIFY(r.open(write("STUDYID,USUBJID,AGE\n")));
    QCOMPARE(r.columnIndex("STUDYID"), 0);
    QCOMPARE(r.columnIndex("AGE"), 2);
    QCOMPARE(r.columnIndex("age"), -1); // exact names
    QCOMPARE(r.columnIndex("MISSING"), -1);
    QCOMPARE(r.fileName(), m_dir.filePath("test.csv"));
}

void TestCsvReader::copiedFieldsSurviveNext()
{
    // The reader reuses its strings' memory; a copy taken by the caller must not change under it.
    CsvReader r(dialect());
    QVERIFY(r.open(write("a,b,c\nfirst,second,\xC3\xA9t\xC3\xA9\nthird,fourth,x\n")));
    QVERIFY(r.next());
    const std::vector<QString> copy = r.fields();
    const QString single = r.fields()[1];
    QVERIFY(r.next());
    QCOMPARE(show(copy), QStringList({"first", "second", "été"}));
    QCOMPARE(single, QStringLiteral("second"));
    QCOMPARE(show(r.fields()), QStringList({"third", "fourth", "x"}));
}

void TestCsvReader::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("goodRecords"); // -1: open() itself fails
    QTest::addColumn<qint64>("line");
    QTest::addColumn<qint64>("column");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    const QString unterminated = QStringLiteral("unterminated quoted field");
    const QString afterQuote = QStringLiteral("unexpected character after a closing quote");
    const QString utf8 = QStringLiteral("invalid UTF-8");
    const QString nul = QStringLiteral("NUL byte");

    QTest::newRow("unterminated quote")
        << B("a,b\n1,\"xx\nyy\n") << 0 << qint64(2) << qint64(3) << "b" << unterminated;
    QTest::newRow("unterminated quote after good records")
        << B("a,b\n1,2\n3,4\n\"open,5\n") << 2 << qint64(4) << qint64(1) << "a" << unterminated;
    QTest::newRow("unterminated quote in the header")
        << B("\"a,b\n1,2\n") << -1 << qint64(1) << qint64(1) << "" << unterminated;
    QTest::newRow("text after a closing quote")
        << B("a,b\n1,\"x\"y\n") << 0 << qint64(2) << qint64(6) << "b" << afterQuote;
    QTest::newRow("space after a closing quote")
        << B("a,b\n\"x\" ,1\n") << 0 << qint64(2) << qint64(4) << "a" << afterQuote;
    QTest::newRow("text after a multi-line quoted field")
        << B("a,b\n\"x\ny\"z,1\n") << 0 << qint64(3) << qint64(3) << "a" << afterQuote;
    QTest::newRow("CRLF lines") << B("a,b\r\n1,2\r\n3,\"x\"y\r\n") << 1 << qint64(3) << qint64(6) << "b"
                                << afterQuote;
    QTest::newRow("too few fields") << B("a,b,c\n1,2\n") << 0 << qint64(2) << qint64(4) << "c"
                                    << "expected 3 fields, found 2";
    QTest::newRow("too few fields at the end of the file")
        << B("a,b,c\n1,2,3\n4") << 1 << qint64(3) << qint64(2) << "b"
        << "expected 3 fields, found 1";
    QTest::newRow("whitespace-only line") << B("a,b\n1,2\n \n") << 1 << qint64(3) << qint64(2) << "b"
                                          << "expected 2 fields, found 1";
    QTest::newRow("too many fields") << B("a,b\n1,2,3\n") << 0 << qint64(2) << qint64(5) << ""
                                     << "expected 2 fields, found 3";
    QTest::newRow("too many fields after an embedded newline")
        << B("a,b\n\"x\ny\",2,3\n") << 0 << qint64(3) << qint64(6) << ""
        << "expected 2 fields, found 3";
    QTest::newRow("lone CR lines, empty line skipped")
        << B("a,b\r1,2\r\r3,x,9\r") << 1 << qint64(4) << qint64(5) << ""
        << "expected 2 fields, found 3";
    QTest::newRow("duplicate header") << B("a,b,a\n1,2,3\n") << -1 << qint64(1) << qint64(5) << "a"
                                      << "duplicate column name \"a\"";
    QTest::newRow("duplicate quoted header")
        << B("\"x\",\"y\",\"x\"\n") << -1 << qint64(1) << qint64(9) << "x"
        << "duplicate column name \"x\"";
    QTest::newRow("invalid UTF-8") << B("a,b\n1,x\xFFy\n") << 0 << qint64(2) << qint64(4) << "b" << utf8;
    QTest::newRow("invalid UTF-8: columns count characters")
        << B("a,b\n\xC3\xA9\xC3\xA9,\xC3\xA9\xFF\n") << 0 << qint64(2) << qint64(5) << "b" << utf8;
    QTest::newRow("truncated sequence")
        << B("a,b\n1,\xE2\x82\n") << 0 << qint64(2) << qint64(3) << "b" << utf8;
    QTest::newRow("overlong form") << B("a,b\n1,\xC0\xAF\n") << 0 << qint64(2) << qint64(3) << "b" << utf8;
    QTest::newRow("surrogate") << B("a,b\n1,\xED\xA0\x80\n") << 0 << qint64(2) << qint64(3) << "b" << utf8;
    QTest::newRow("above U+10FFFF") << B("a,b\n1,\xF4\x90\x80\x80\n") << 0 << qint64(2) << qint64(3) << "b"
                                    << utf8;
    QTest::newRow("invalid UTF-8 after doubled quotes")
        << B("a,b\n1,\"a\"\"\xC3(\"\n") << 0 << qint64(2) << qint64(7) << "b" << utf8;
    QTest::newRow("invalid UTF-8 after an embedded newline")
        << B("a,b\n1,\"ab\ncd\xE9\"\n") << 0 << qint64(3) << qint64(3) << "b" << utf8;
    QTest::newRow("invalid UTF-8 in the header")
        << B("a,\xFF\n") << -1 << qint64(1) << qint64(3) << "" << utf8;
    QTest::newRow("invalid UTF-8 after a BOM") << B("\xEF\xBB\xBF"
                                                    "a,\xFF\n")
                                               << -1 << qint64(1) << qint64(3) << "" << utf8;
    QTest::newRow("NUL unquoted") << B("a,b\n1,a\0b\n") << 0 << qint64(2) << qint64(4) << "b" << nul;
    QTest::newRow("NUL quoted") << B("a,b\n1,\"a\0\"\n") << 0 << qint64(2) << qint64(5) << "b" << nul;
    QTest::newRow("NUL in the header") << B("a\0,b\n") << -1 << qint64(1) << qint64(2) << "" << nul;
    QTest::newRow("empty file") << B("") << -1 << qint64(1) << qint64(0) << ""
                                << "the file is empty: no header row";
    QTest::newRow("only a BOM and empty lines") << B("\xEF\xBB\xBF\n\n") << -1 << qint64(1) << qint64(0) << ""
                                                << "the file is empty: no header row";
}

void TestCsvReader::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(int, goodRecords);
    QFETCH(qint64, line);
    QFETCH(qint64, column);
    QFETCH(QString, field);
    QFETCH(QString, message);

    const QString path = write(input, QStringLiteral("broken.csv"));
    CsvReader r(dialect());
    const bool opened = r.open(path);
    QCOMPARE(opened, goodRecords >= 0);
    int records = 0;
    while (opened && r.next())
        ++records;
    QCOMPARE(records, std::max(goodRecords, 0));
    QVERIFY(r.hasError());
    QCOMPARE(r.error().message, message);
    QCOMPARE(r.error().where.file, path);
    QCOMPARE(r.error().where.line, line);
    QCOMPARE(r.error().where.column, column);
    QCOMPARE(r.error().where.field, field);
    QVERIFY2(r.error().toString().startsWith(path + QLatin1Char(':') + QString::number(line)),
             qPrintable(r.error().toString()));
    QVERIFY(!r.next()); // errors are sticky
    QVERIFY(!r.seek(0, 1));
}

void TestCsvReader::missingFile()
{
    const QString path = m_dir.filePath("no/such/file.csv");
    CsvReader r(dialect());
    QVERIFY(!r.open(path));
    QVERIFY(r.hasError());
    QCOMPARE(r.error().where.file, path);
    QCOMPARE(r.error().where.line, 0);
    QVERIFY2(r.error().message.startsWith("cannot open file"), qPrintable(r.error().message));
    QVERIFY(r.error().toString().contains(path));
    QVERIFY(!r.next());
}

void TestCsvReader::columnLimit_data()
{
    QTest::addColumn<int>("headerColumns");
    QTest::addColumn<int>("recordFields");
    QTest::addColumn<qint64>("errorLine"); // 0: no error
    QTest::addColumn<QString>("message");

    QTest::newRow("MaxColumns columns") << CsvReader::MaxColumns << CsvReader::MaxColumns << qint64(0) << "";
    QTest::newRow("one column too many") << CsvReader::MaxColumns + 1 << 1 << qint64(1)
                                         << QStringLiteral("more than %1 columns").arg(CsvReader::MaxColumns);
    QTest::newRow("a record far wider than the header")
        << 2 << 3 * CsvReader::MaxColumns << qint64(2)
        << QStringLiteral("expected 2 fields, found more than %1").arg(CsvReader::MaxColumns);
}

void TestCsvReader::columnLimit()
{
    QFETCH(int, headerColumns);
    QFETCH(int, recordFields);
    QFETCH(qint64, errorLine);
    QFETCH(QString, message);

    QByteArray header;
    qint64 column4097 = 0; // where the first field beyond the limit starts
    for (int i = 0; i < headerColumns; ++i) {
        if (i > 0)
            header += ',';
        if (i == CsvReader::MaxColumns)
            column4097 = header.size() + 1;
        header += QByteArray::number(i);
    }
    QByteArray record;
    qint64 column3 = 0; // where the third field starts
    for (int i = 0; i < recordFields; ++i) {
        if (i > 0)
            record += ',';
        if (i == 2)
            column3 = record.size() + 1;
        record += 'x';
    }
    CsvReader r(dialect());
    const bool opened = r.open(write(header + "\n" + record + "\n"));
    while (opened && r.next()) {
    }
    if (errorLine == 0) {
        QVERIFY2(!r.hasError(), qPrintable(r.error().toString()));
        QCOMPARE(r.header().size(), headerColumns);
        return;
    }
    QCOMPARE(r.error().message, message);
    QCOMPARE(r.error().where.line, errorLine);
    QCOMPARE(r.error().where.column, errorLine == 1 ? column4097 : column3);
}

void TestCsvReader::fieldLimit_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<bool>("quoted");
    QTest::addColumn<bool>("ok");

    QTest::newRow("largest unquoted field") << CsvReader::MaxFieldBytes << false << true;
    QTest::newRow("unquoted one byte too large") << CsvReader::MaxFieldBytes + 1 << false << false;
    QTest::newRow("largest quoted field") << CsvReader::MaxFieldBytes << true << true;
    QTest::newRow("quoted one byte too large") << CsvReader::MaxFieldBytes + 1 << true << false;
    QTest::newRow("unterminated quote stops at the limit") << 3 * CsvReader::MaxFieldBytes << true << false;
}

void TestCsvReader::fieldLimit()
{
    QFETCH(qint64, size);
    QFETCH(bool, quoted);
    QFETCH(bool, ok);

    const bool unterminated = size > 2 * CsvReader::MaxFieldBytes;
    QByteArray big(size, 'x');
    for (qint64 i = 1000; quoted && i < size; i += 1000)
        big[i] = '\n'; // a huge quoted field spans many lines
    const QByteArray field = quoted ? "\"" + big + (unterminated ? "" : "\"") : big;
    CsvReader r(dialect());
    QVERIFY(r.open(write("id,text\n1,small\n2," + field + "\n3,after\n", "big.csv")));
    QVERIFY(r.next());
    QCOMPARE(r.next(), ok);
    big.clear();
    if (ok) {
        QCOMPARE(r.fields()[1].size(), size);
        QVERIFY(r.next()); // reading goes on normally after a huge record
        QCOMPARE(r.fields()[0], QStringLiteral("3"));
        QCOMPARE(r.recordLine(), quoted ? 4 + (size - 1) / 1000 : 4);
        return;
    }
    QCOMPARE(r.error().message, QStringLiteral("field larger than %1 bytes").arg(CsvReader::MaxFieldBytes));
    QCOMPARE(r.error().where.line, 3);
    QCOMPARE(r.error().where.column, 3);
    QCOMPARE(r.error().where.field, QStringLiteral("text"));
}

void TestCsvReader::recordOffsets()
{
    const QByteArray input = B("a,b\r\n1,2\r\n\r\n\"x\ny\",3\r\n4,5");
    CsvReader r(dialect());
    QVERIFY(r.open(write(input)));
    const QList<Record> all = readAll(r);
    QCOMPARE(all.size(), 3);
    QCOMPARE(all[0].offset, 5);
    QCOMPARE(all[0].line, 2);
    QCOMPARE(all[1].offset, 12); // after the skipped empty line
    QCOMPARE(all[1].line, 4);
    QCOMPARE(all[2].offset, input.indexOf("4,5"));
    QCOMPARE(all[2].line, 6);
}

void TestCsvReader::bufferBoundary_data()
{
    QTest::addColumn<QByteArray>("record");
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<int>("lines"); // lines the record spans
    QTest::addColumn<int>("shift"); // the record starts this many bytes before 1 MiB

    const struct
    {
        const char* name;
        QByteArray record;
        QStringList fields;
        int lines;
    } cases[] = {
        {"doubled quotes and CRLF", B("\"p\"\"q\",\"r\r\ns\"\r\n"), {"p\"q", "r\r\ns"}, 2},
        {"plain CRLF", B("xy,z\r\n"), {"xy", "z"}, 1},
        {"quoted empties and lone CR", B("\"\",\"\"\r"), {Null, Null}, 1},
        {"multi-byte UTF-8", B("\xC3\xA9\xE2\x82\xAC,\xF0\x9F\x98\x80\n"), {"é€", "😀"}, 1},
    };
    for (const auto& c : cases) {
        for (int shift = 0; shift <= c.record.size() + 1; ++shift)
            QTest::addRow("%s, %d bytes before", c.name, shift) << c.record << c.fields << c.lines << shift;
    }
}

void TestCsvReader::bufferBoundary()
{
    QFETCH(QByteArray, record);
    QFETCH(QStringList, fields);
    QFETCH(int, lines);
    QFETCH(int, shift);

    // The reader reads 1 MiB at a time from the start of the file: put the record across that boundary.
    const qint64 boundary = 1024 * 1024;
    const QByteArray head = "a,b\nf,";
    const QByteArray filler = head + QByteArray(boundary - shift - head.size() - 1, 'p') + "\n";
    CsvReader r(dialect());
    QVERIFY(r.open(write(filler + record + "z,9\n")));
    QVERIFY(r.next());
    QVERIFY(r.next());
    QCOMPARE(show(r.fields()), fields);
    QCOMPARE(r.recordOffset(), boundary - shift);
    QCOMPARE(r.recordLine(), 3);
    QVERIFY(r.next());
    QCOMPARE(show(r.fields()), QStringList({"z", "9"}));
    QCOMPARE(r.recordLine(), 3 + lines);
    QVERIFY(!r.next());
    QVERIFY(!r.hasError());
}

void TestCsvReader::seekRoundTrip_data()
{
    QTest::addColumn<int>("records");
    QTest::addColumn<QByteArray>("eol");
    QTest::addColumn<bool>("bom");

    QTest::newRow("small, LF") << 50 << QByteArray("\n") << false;
    QTest::newRow("several MB, CRLF") << 40000 << QByteArray("\r\n") << false;
    QTest::newRow("several MB, LF, BOM") << 40000 << QByteArray("\n") << true;
}

void TestCsvReader::seekRoundTrip()
{
    QFETCH(int, records);
    QFETCH(QByteArray, eol);
    QFETCH(bool, bom);

    // Random records of awkward fields; the generator knows each record's fields and line.
    const QStringList atoms{"plain",   "",  "with,comma", "quote\"inside", "multi\nline", "crlf\r\nline",
                            "ünïcødé", "😀", "NA",         " spaced "};
    QRandomGenerator rng(4180);
    QByteArray file = bom ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    file += "id,text,more" + eol;
    QList<QStringList> expected;
    QList<qint64> expectedLines;
    qint64 line = 2;
    for (int i = 0; i < records; ++i) {
        QStringList rec{QString::number(i)};
        QByteArray bytes = QByteArray::number(i);
        qint64 newlines = 0;
        for (int f = 0; f < 2; ++f) {
            QString value;
            const int parts = int(rng.bounded(1, 4));
            for (int k = 0; k < parts; ++k)
                value += atoms[rng.bounded(atoms.size())];
            if (rng.bounded(20) == 0)
                value += QString(int(rng.bounded(3000)), QLatin1Char('L')); // some long fields
            newlines += value.count(QLatin1Char('\n'));
            rec.append(value.isEmpty() ? Null : value);
            const QByteArray utf8 = value.toUtf8();
            const bool quote =
                utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || rng.bounded(2);
            bytes += ',' + (quote ? '"' + QByteArray(utf8).replace("\"", "\"\"") + '"' : utf8);
        }
        file += bytes + eol;
        expected.append(rec);
        expectedLines.append(line);
        line += 1 + newlines;
    }
    const QString path = write(file, QStringLiteral("seek.csv"));
    if (records > 1000)
        QVERIFY(file.size() > 3 * 1024 * 1024); // spans several buffers

    CsvReader r(dialect());
    QVERIFY(r.open(path));
    const QList<Record> all = readAll(r);
    QVERIFY2(!r.hasError(), qPrintable(r.error().toString()));
    QCOMPARE(all.size(), records);
    for (int i = 0; i < records; ++i) {
        QCOMPARE(all[i].fields, expected[i]);
        QCOMPARE(all[i].line, expectedLines[i]);
    }

    for (int i = 0; i < 3000; ++i) {
        const int k = int(rng.bounded(records));
        QVERIFY(r.seek(all[k].offset, all[k].line));
        QVERIFY2(r.next(), qPrintable(r.error().toString()));
        QCOMPARE(r.recordOffset(), all[k].offset);
        QCOMPARE(r.recordLine(), all[k].line);
        QCOMPARE(show(r.fields()), all[k].fields);
        if (i % 7 == 0) { // read on sequentially, then come back to a record inside the buffer
            for (int j = k + 1; j < std::min(records, k + 4); ++j) {
                QVERIFY(r.next());
                QCOMPARE(r.recordLine(), all[j].line);
                QCOMPARE(show(r.fields()), all[j].fields);
            }
            QVERIFY(r.seek(all[k].offset, all[k].line));
            QVERIFY(r.next());
            QCOMPARE(show(r.fields()), all[k].fields);
        }
    }

    // After a seek far back, sequential reading reads the rest of the file unchanged.
    const int from = records / 3;
    QVERIFY(r.seek(all[from].offset, all[from].line));
    for (int j = from; j < records; ++j) {
        QVERIFY(r.next());
        QCOMPARE(r.recordOffset(), all[j].offset);
        QCOMPARE(show(r.fields()), all[j].fields);
    }
    QVERIFY(!r.next());
    QVERIFY(!r.hasError());

    // Seeking to the end of the file reads nothing, without an error.
    QVERIFY(r.seek(file.size(), line));
    QVERIFY(!r.next());
    QVERIFY(!r.hasError());
}

void TestCsvReader::seekRejectsBadOffsets()
{
    const QByteArray input = B("\xEF\xBB\xBF"
                               "a,b\n1,2\n");
    {
        CsvReader r(dialect());
        QVERIFY(r.open(write(input)));
        QVERIFY(!r.seek(1, 1)); // inside the BOM
        QVERIFY(r.hasError());
        QVERIFY(r.error().message.contains("cannot seek"));
    }
    {
        CsvReader r(dialect());
        QVERIFY(r.open(write(input)));
        QVERIFY(!r.seek(input.size() + 10, 5)); // past the end
        QVERIFY(r.hasError());
    }
    CsvReader closed(dialect());
    QVERIFY(!closed.seek(0, 1));
    QVERIFY(!closed.next());
}

void TestCsvReader::realFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("records");
    QTest::addColumn<int>("columns");
    QTest::addColumn<QString>("column");    // a column to check...
    QTest::addColumn<QStringList>("first"); // ...its first three values
    QTest::addColumn<int>("nulls");         // ...and its number of NA values

    QTest::newRow("dm") << "real/cdiscpilot01-sdtm/dm.csv" << 306 << 28 << "RFSTDTC"
                        << QStringList{"2014-01-02", "2012-08-05", "2013-07-19"} << 52;
    QTest::newRow("sv") << "real/cdiscpilot01-sdtm/sv.csv" << 3559 << 8 << "VISITNUM"
                        << QStringList{"1", "2", "3"} << 0;
    QTest::newRow("ae") << "real/cdiscpilot01-sdtm/ae.csv" << 1191 << 35 << "AESEV"
                        << QStringList{"MILD", "MILD", "MILD"} << 0;
    QTest::newRow("redcap") << "real/redcap/longitudinal-data.csv" << 18 << 125 << "redcap_event_name"
                            << QStringList{"enrollment_arm_1", "dose_1_arm_1", "visit_1_arm_1"} << 0;
}

void TestCsvReader::realFiles()
{
    QFETCH(QString, file);
    QFETCH(int, records);
    QFETCH(int, columns);
    QFETCH(QString, column);
    QFETCH(QStringList, first);
    QFETCH(int, nulls);

    const QString path = tb::test::sharedDataPath(file);
    QVERIFY2(QFile::exists(path), qPrintable(path));
    CsvReader r(dialect(0, TextEncoding::Utf8, {"NA"}));
    QVERIFY2(r.open(path), qPrintable(r.error().toString()));
    QCOMPARE(r.delimiter(), ',');
    QCOMPARE(r.header().size(), columns);
    const int index = r.columnIndex(column);
    QVERIFY(index >= 0);
    int count = 0;
    int nullCount = 0;
    QStringList values;
    while (r.next()) {
        ++count;
        QCOMPARE(r.recordLine(), count + 1); // none of these files has embedded newlines
        if (values.size() < 3)
            values.append(r.fields()[index]);
        nullCount += r.fields()[index].isNull();
    }
    QVERIFY2(!r.hasError(), qPrintable(r.error().toString()));
    QCOMPARE(count, records);
    QCOMPARE(values, first);
    QCOMPARE(nullCount, nulls);
}

void TestCsvReader::dialectJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("delimiter");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<QStringList>("nulls");
    QTest::addColumn<QString>("error"); // the start of the message; empty when valid

    const QStringList defaultNulls{QString()};
    const int utf8 = int(TextEncoding::Utf8);
    QTest::newRow("empty object: defaults") << QByteArray("{}") << 0 << utf8 << defaultNulls << "";
    QTest::newRow("other keys ignored")
        << QByteArray(R"({"file":"x.csv","type":"csv"})") << 0 << utf8 << defaultNulls << "";
    QTest::newRow("auto") << QByteArray(R"({"delimiter":"auto"})") << 0 << utf8 << defaultNulls << "";
    QTest::newRow("comma") << QByteArray(R"({"delimiter":","})") << int(',') << utf8 << defaultNulls << "";
    QTest::newRow("semicolon") << QByteArray(R"({"delimiter":";"})") << int(';') << utf8 << defaultNulls
                               << "";
    QTest::newRow("tab") << QByteArray(R"({"delimiter":"\t"})") << int('\t') << utf8 << defaultNulls << "";
    QTest::newRow("pipe") << QByteArray(R"({"delimiter":"|"})") << int('|') << utf8 << defaultNulls << "";
    QTest::newRow("windows-1252") << QByteArray(R"({"encoding":"windows-1252"})") << 0
                                  << int(TextEncoding::Windows1252) << defaultNulls << "";
    QTest::newRow("nulls") << QByteArray(R"({"nulls":["NA",""]})") << 0 << utf8
                           << QStringList{"NA", QString()} << "";
    QTest::newRow("no nulls") << QByteArray(R"({"nulls":[]})") << 0 << utf8 << QStringList{} << "";
    QTest::newRow("bad delimiter") << QByteArray(R"({"delimiter":"x"})") << 0 << utf8 << defaultNulls
                                   << "\"delimiter\": unsupported value \"x\"";
    QTest::newRow("delimiter not a string") << QByteArray(R"({"delimiter":44})") << 0 << utf8 << defaultNulls
                                            << "\"delimiter\": unsupported value of the wrong type";
    QTest::newRow("bad encoding") << QByteArray(R"({"encoding":"latin1"})") << 0 << utf8 << defaultNulls
                                  << "\"encoding\": unsupported value \"latin1\"";
    QTest::newRow("nulls not an array") << QByteArray(R"({"nulls":"NA"})") << 0 << utf8 << defaultNulls
                                        << "\"nulls\": expected an array of strings";
    QTest::newRow("null token not a string") << QByteArray(R"({"nulls":["NA",1]})") << 0 << utf8
                                             << defaultNulls << "\"nulls\": expected an array of strings";
}

void TestCsvReader::dialectJson()
{
    QFETCH(QByteArray, json);
    QFETCH(int, delimiter);
    QFETCH(int, encoding);
    QFETCH(QStringList, nulls);
    QFETCH(QString, error);

    QString message = QStringLiteral("stale");
    const CsvDialect d = CsvDialect::fromJson(QJsonDocument::fromJson(json).object(), &message);
    if (error.isEmpty())
        QCOMPARE(message, QString());
    else
        QVERIFY2(message.startsWith(error), qPrintable(message));
    QCOMPARE(int(d.delimiter), delimiter);
    QCOMPARE(int(d.encoding), encoding);
    QCOMPARE(d.nullTokens.size(), nulls.size());
    for (qsizetype i = 0; i < nulls.size(); ++i) {
        QCOMPARE(d.nullTokens[i], nulls[i]);
        QCOMPARE(d.nullTokens[i].isNull(), nulls[i].isNull());
    }
}

void TestCsvReader::dialectJsonRoundTrip()
{
    CsvDialect d = dialect('\t', TextEncoding::Windows1252, {"NA", QString(), "."});
    const QJsonObject o = d.toJson();
    QCOMPARE(o.value("delimiter").toString(), QStringLiteral("\t"));
    QCOMPARE(o.value("encoding").toString(), QStringLiteral("windows-1252"));
    QCOMPARE(o.value("nulls").toArray().size(), 3);
    QString error;
    const CsvDialect back = CsvDialect::fromJson(o, &error);
    QVERIFY(error.isEmpty());
    QCOMPARE(back.delimiter, d.delimiter);
    QCOMPARE(back.encoding, d.encoding);
    QCOMPARE(back.nullTokens, d.nullTokens);
    QCOMPARE(CsvDialect().toJson().value("delimiter").toString(), QStringLiteral("auto"));
    QCOMPARE(CsvDialect().toJson().value("encoding").toString(), QStringLiteral("utf-8"));
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
