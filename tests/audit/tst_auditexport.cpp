// trialbridge-cli audit export --format csv: one row per audit entry with the report's columns, changes written
// old → new, electronic signatures with their meaning and signer, every filter (time, entity, subject, site, user,
// run) applied and bound as data, and nothing written when the export fails.

#include "AuditTestSupport.h"
#include "TestSupport.h"

#include "source/CsvReader.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb::core;
using tb::test::runCli;

class TestAuditExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyEntryIsARow();
    void filters_data();
    void filters();
    void updatesShowOldAndNew();
    void signaturesShowTheirMeaning();
    void refusals_data();
    void refusals();

private:
    // The rows of an export (header first), read back with the project's CSV reader.
    QList<std::vector<QString>> exportRows(const QStringList& filters, int* exitCode = nullptr);
    qint64 scalar(const QString& sql);

    QTemporaryDir m_tmp;
    QString m_ws, m_db;
};

qint64 TestAuditExport::scalar(const QString& sql)
{
    return tb::test::scalar(m_db, sql); // stops the test when the query fails
}

QList<std::vector<QString>> TestAuditExport::exportRows(const QStringList& filters, int* exitCode)
{
    const QString out = m_tmp.filePath(QStringLiteral("export.csv"));
    QFile::remove(out);
    const auto r = runCli(QStringList{QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--target"), m_db,
                                      QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), out}
                          + filters);
    if (exitCode)
        *exitCode = r.exitCode;
    QList<std::vector<QString>> rows;
    CsvDialect dialect;
    dialect.header = false;
    dialect.nullTokens = QStringList(); // empty fields stay empty
    CsvReader reader(dialect);
    if (r.exitCode != 0 || !reader.open(out))
        return rows;
    while (reader.next())
        rows << reader.fields();
    return rows;
}

void TestAuditExport::initTestCase()
{
    tb::test::useTestVault(m_tmp.filePath(QStringLiteral("secrets")));
    m_ws = m_tmp.filePath(QStringLiteral("ws"));
    auto r = runCli({QStringLiteral("demo"), QStringLiteral("--out"), m_ws, QStringLiteral("--subjects"), QStringLiteral("20"),
                     QStringLiteral("--defect-rate"), QStringLiteral("0")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString pipeline = m_ws + QStringLiteral("/demo.pipeline.json");
    r = runCli({QStringLiteral("run"), pipeline});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // Run 2 changes one visit's time: one update.
    QFile visits(m_ws + QStringLiteral("/edc/visits.csv"));
    QVERIFY(visits.open(QIODevice::ReadOnly));
    QByteArray text = visits.readAll();
    visits.close();
    const qsizetype at = text.indexOf("101-00001;1;SCREENING;");
    QVERIFY(at > 0);
    const qsizetype time = text.indexOf(' ', text.indexOf(';', at + 22)) + 1; // the time after the visit's date
    text.replace(time, 2, "23");
    tb::test::writeFile(m_ws, QStringLiteral("edc/visits.csv"), text);
    r = runCli({QStringLiteral("run"), pipeline});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    m_db = m_ws + QStringLiteral("/ctms.db");
    r = runCli({QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("qa1"), QStringLiteral("--name"), QStringLiteral("Quinn Avery"),
                QStringLiteral("--role"), QStringLiteral("qa"), QStringLiteral("--workspace"), m_ws},
               {}, "a long enough passphrase\n");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = runCli({QStringLiteral("sign"), m_ws + QStringLiteral("/visits.mapping.json"), QStringLiteral("--target"), m_db,
                QStringLiteral("--meaning"), QStringLiteral("reviewed"), QStringLiteral("--workspace"), m_ws},
               {}, "qa1\na long enough passphrase\n");
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void TestAuditExport::everyEntryIsARow()
{
    const auto rows = exportRows({});
    QVERIFY(!rows.isEmpty());
    QCOMPARE(rows.first(), (std::vector<QString>{"seq", "time_utc", "user_id", "printed_name", "action", "entity", "entity_key",
                                                 "changes", "reason", "source", "run_id", "signature"}));
    QCOMPARE(qint64(rows.size() - 1), scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")));
    qint64 previous = 0;
    for (int i = 1; i < rows.size(); ++i) {
        QCOMPARE(rows[i].size(), size_t(12));
        QVERIFY(rows[i][0].toLongLong() > previous); // oldest first
        previous = rows[i][0].toLongLong();
    }
}

void TestAuditExport::filters_data()
{
    QTest::addColumn<QStringList>("filters");
    QTest::addColumn<QString>("where");
    QTest::newRow("entity") << QStringList{"--entity", "visit"} << "entity = 'visit'";
    QTest::newRow("subject") << QStringList{"--subject", "101-00001"} << "subject_id = '101-00001'";
    QTest::newRow("site") << QStringList{"--site", "USA-001"} << "site_id = 'USA-001'";
    QTest::newRow("run") << QStringList{"--run", "2"} << "run_id = 2";
    QTest::newRow("entity and subject") << QStringList{"--entity", "adverse_event", "--subject", "101-00001"}
                                        << "entity = 'adverse_event' AND subject_id = '101-00001'";
    QTest::newRow("from far future") << QStringList{"--from", "2999-01-01"} << "0";
    QTest::newRow("to a day") << QStringList{"--to", "2000-01-01"} << "0";
    // A date alone as the upper bound covers that whole day: everything written today.
    QTest::newRow("to today") << QStringList{"--to", QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate)} << "1 = 1";
    QTest::newRow("user") << QStringList{"--user", "nobody-else"} << "actor = 'nobody-else'";
    QTest::newRow("SQL-looking value is data") << QStringList{"--subject", "x' OR '1'='1"} << "0";
}

void TestAuditExport::filters()
{
    QFETCH(QStringList, filters);
    QFETCH(QString, where);
    int code = -1;
    const auto rows = exportRows(filters, &code);
    QCOMPARE(code, 0);
    QCOMPARE(qint64(rows.size() - 1), scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE ") + where));
}

void TestAuditExport::updatesShowOldAndNew()
{
    const auto rows = exportRows({QStringLiteral("--run"), QStringLiteral("2")});
    QCOMPARE(rows.size(), 2); // the header and the one update
    const std::vector<QString>& u = rows[1];
    QCOMPARE(u[4], QStringLiteral("update"));
    QCOMPARE(u[5], QStringLiteral("visit"));
    QVERIFY2(u[6].contains(QStringLiteral("\"subject_id\":\"101-00001\"")), qPrintable(u[6]));
    QVERIFY2(QRegularExpression(QStringLiteral("^visit_date: \\S+T\\d\\d:\\d\\dZ \u2192 \\S+T\\d\\d:\\d\\dZ$")).match(u[7]).hasMatch(), qPrintable(u[7]));
    QVERIFY2(u[9].startsWith(QStringLiteral("edc/visits.csv:")), qPrintable(u[9]));
    QCOMPARE(u[10], QStringLiteral("2"));
}

void TestAuditExport::signaturesShowTheirMeaning()
{
    const auto rows = exportRows({QStringLiteral("--entity"), QStringLiteral("esignature")});
    QCOMPARE(rows.size(), 2);
    // The manifestation: meaning, printed name, signer id and role, and the UTC time of signing (the entry's time).
    QCOMPARE(rows[1][11], QStringLiteral("reviewed by Quinn Avery (qa1, qa), signed ") + rows[1][1]);
    QVERIFY(rows[1][9].startsWith(QStringLiteral("visits.mapping.json (mapping ")));
}

void TestAuditExport::refusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown format") << QStringList{"--format", "xlsx"} << 2 << "--format 'xlsx' is not available (csv, pdf)";
    QTest::newRow("bad run") << QStringList{"--format", "csv", "--run", "two"} << 2 << "--run: a run id";
    QTest::newRow("no out") << QStringList{"--format", "csv", "--out", ""} << 2 << "give --target, --format and --out";
    QTest::newRow("unwritable out") << QStringList{"--format", "csv", "--out", "/proc/no/such/dir/x.csv"} << 1 << "cannot write";
}

void TestAuditExport::refusals()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QStringList full{QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--target"), m_db};
    if (!args.contains(QStringLiteral("--out")))
        full << QStringLiteral("--out") << m_tmp.filePath(QStringLiteral("refused.csv"));
    const auto r = runCli(full + args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY(!QFile::exists(m_tmp.filePath(QStringLiteral("refused.csv"))));
}

QTEST_GUILESS_MAIN(TestAuditExport)
#include "tst_auditexport.moc"
