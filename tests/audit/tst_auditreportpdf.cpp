// trialbridge-cli audit export --format pdf: the QA audit report as PDF, read back with poppler's pdftotext
// and pdfinfo. The header names the filters, the entry count, the head hash and the verification result (a
// tampered trail still exports and the header says it is broken, naming the entry); every entry is a row with
// its key, old → new and printed name, signatures with their manifestation; every page says "Page X of Y";
// filters pick exactly the CSV's entries; refusals write nothing. The CLI runs without QT_QPA_PLATFORM: it
// must render without a display on its own. Called in process (a QGuiApplication here), an export canceled at
// any stage leaves no file.

#include "AuditTestSupport.h"
#include "TestSupport.h"

#include "audit/AuditReportPdf.h"
#include "audit/TrailCheck.h"
#include "run/RunFeedback.h"
#include "source/CsvReader.h"

#include <QDir>

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb::core;
using tb::test::runCli;

namespace {

QString squeezed(QString s)
{
    s.remove(QRegularExpression(QStringLiteral("\\s+")));
    return s;
}

} // namespace

class TestAuditReportPdf : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void headerNamesTheReport();
    void documentInfo();
    void everyPageIsNumbered();
    void everyEntryIsARow();
    void signaturesShowTheirManifestation();
    void filtersPickTheCsvEntries_data();
    void filtersPickTheCsvEntries();
    void platform_data();
    void platform();
    void longValuesWrapAcrossPages();
    void tamperedTrailSaysBroken_data();
    void tamperedTrailSaysBroken();
    void refusals_data();
    void refusals();
    void canceledExportLeavesNoFile_data();
    void canceledExportLeavesNoFile();

private:
    // Exports the report of db (default: the demo's) to out; false (and the CLI's error) when it did not exit
    // 0.
    bool exportPdf(const QStringList& filters, const QString& out, QString* error, const QString& db = {});
    // pdftotext's text of the whole file, pages separated by form feeds; mode "-layout" or "-raw".
    bool text(const QString& pdf, const QString& mode, QString* out, QString* error);
    // Every word of every page lies either above the footer or in it: no row runs into the footer.
    bool textClearOfFooter(const QString& pdf, QString* error);
    QSet<qint64> csvSeqs(const QStringList& filters);
    static QSet<qint64> pdfSeqs(const QString& layoutText);
    QStringList studyIds();

    QTemporaryDir m_tmp;
    QString m_ws, m_db, m_pdftotext, m_pdfinfo;
};

bool TestAuditReportPdf::exportPdf(const QStringList& filters, const QString& out, QString* error,
                                   const QString& db)
{
    QFile::remove(out);
    const auto r =
        runCli(QStringList{QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--target"),
                           db.isEmpty() ? m_db : db, QStringLiteral("--format"), QStringLiteral("pdf"),
                           QStringLiteral("--out"), out} +
               filters);
    *error = QString::fromUtf8(r.err);
    return r.exitCode == 0 && QFile::exists(out);
}

bool TestAuditReportPdf::text(const QString& pdf, const QString& mode, QString* out, QString* error)
{
    QProcess p;
    p.start(m_pdftotext, {mode, QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error =
            QStringLiteral("pdftotext %1 %2: %3").arg(mode, pdf, QString::fromUtf8(p.readAllStandardError()));
        return false;
    }
    *out = QString::fromUtf8(p.readAllStandardOutput());
    return true;
}

bool TestAuditReportPdf::textClearOfFooter(const QString& pdf, QString* error)
{
    QString html;
    if (!text(pdf, QStringLiteral("-bbox"), &html, error))
        return false;
    // The report's page: 10 mm margins, the footer the last 0.30 inch of the text area (in points).
    constexpr double margin = 10 / 25.4 * 72, footer = 0.30 * 72;
    static const QRegularExpression pageOrWord(QStringLiteral(
        "<page width=\"[\\d.]+\" height=\"([\\d.]+)\">|<word xMin=\"[\\d.]+\" yMin=\"([\\d.]+)\" "
        "xMax=\"[\\d.]+\" yMax=\"([\\d.]+)\">([^<]*)</word>"));
    double footerTop = 0;
    int page = 0, words = 0;
    for (auto it = pageOrWord.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (!m.captured(1).isEmpty()) {
            footerTop = m.captured(1).toDouble() - margin - footer;
            ++page;
            continue;
        }
        ++words;
        const double top = m.captured(2).toDouble(), bottom = m.captured(3).toDouble();
        if (bottom > footerTop + 0.5 && top < footerTop) {
            *error = QStringLiteral("page %1: \"%2\" (y %3 to %4) runs into the footer at %5")
                         .arg(page)
                         .arg(m.captured(4))
                         .arg(top)
                         .arg(bottom)
                         .arg(footerTop);
            return false;
        }
    }
    if (page == 0 || words == 0) {
        *error = QStringLiteral("%1: pdftotext -bbox found no pages or no words").arg(pdf);
        return false;
    }
    return true;
}

QSet<qint64> TestAuditReportPdf::csvSeqs(const QStringList& filters)
{
    const QString out = m_tmp.filePath(QStringLiteral("filtered.csv"));
    QFile::remove(out);
    const auto r = runCli(QStringList{QStringLiteral("audit"), QStringLiteral("export"),
                                      QStringLiteral("--target"), m_db, QStringLiteral("--format"),
                                      QStringLiteral("csv"), QStringLiteral("--out"), out} +
                          filters);
    QSet<qint64> seqs;
    CsvDialect dialect;
    dialect.header = true;
    CsvReader reader(dialect);
    if (r.exitCode != 0 || !reader.open(out))
        return {-1}; // no entry has seq -1: the comparison fails
    while (reader.next())
        seqs.insert(reader.fields().at(0).toLongLong());
    return seqs;
}

// The entry rows of the layout text: each starts with its seq, then the date of its UTC time.
QSet<qint64> TestAuditReportPdf::pdfSeqs(const QString& layoutText)
{
    QSet<qint64> seqs;
    static const QRegularExpression row(QStringLiteral("^\\s*(\\d+)\\s+\\d{4}-\\d\\d-\\d\\dT"),
                                        QRegularExpression::MultilineOption);
    for (auto it = row.globalMatch(layoutText); it.hasNext();)
        seqs.insert(it.next().captured(1).toLongLong());
    return seqs;
}

// The studies the demo's entries name, sorted, as the header lists them.
QStringList TestAuditReportPdf::studyIds()
{
    QStringList ids;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("studies"));
        db.setDatabaseName(m_db);
        if (db.open()) {
            QSqlQuery q(QStringLiteral(
                            "SELECT DISTINCT study_id FROM audit_log WHERE study_id <> '' ORDER BY study_id"),
                        db);
            while (q.next())
                ids << q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("studies"));
    return ids;
}

void TestAuditReportPdf::initTestCase()
{
    // The report is checked with poppler's tools; without them nothing here would be checked.
    m_pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    m_pdfinfo = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
    QVERIFY2(!m_pdftotext.isEmpty() && !m_pdfinfo.isEmpty(),
             "pdftotext and pdfinfo (poppler-utils, see scripts/setup.sh) are needed to read the PDF back");
    // ctest sets QT_QPA_PLATFORM=offscreen; a server's cron job does not: the CLI has to choose it itself.
    qunsetenv("QT_QPA_PLATFORM");

    tb::test::useTestVault(m_tmp.filePath(QStringLiteral("secrets")));
    m_ws = m_tmp.filePath(QStringLiteral("ws"));
    auto r = runCli({QStringLiteral("demo"), QStringLiteral("--out"), m_ws, QStringLiteral("--subjects"),
                     QStringLiteral("20"), QStringLiteral("--defect-rate"), QStringLiteral("0")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString pipeline = m_ws + QStringLiteral("/demo.pipeline.json");
    r = runCli({QStringLiteral("run"), pipeline});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // Run 2 changes one visit's time: one update with old and new values.
    QFile visits(m_ws + QStringLiteral("/edc/visits.csv"));
    QVERIFY(visits.open(QIODevice::ReadOnly));
    QByteArray csv = visits.readAll();
    visits.close();
    const qsizetype at = csv.indexOf("101-00001;1;SCREENING;");
    QVERIFY(at > 0);
    const qsizetype time = csv.indexOf(' ', csv.indexOf(';', at + 22)) + 1; // the time after the visit's date
    csv.replace(time, 2, "23");
    tb::test::writeFile(m_ws, QStringLiteral("edc/visits.csv"), csv);
    r = runCli({QStringLiteral("run"), pipeline});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    m_db = m_ws + QStringLiteral("/ctms.db");
    r = runCli({QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("qa1"),
                QStringLiteral("--name"), QStringLiteral("Quinn Avery"), QStringLiteral("--role"),
                QStringLiteral("qa"), QStringLiteral("--workspace"), m_ws},
               {}, "a long enough passphrase\n");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = runCli({QStringLiteral("sign"), m_ws + QStringLiteral("/visits.mapping.json"),
                QStringLiteral("--target"), m_db, QStringLiteral("--meaning"), QStringLiteral("reviewed"),
                QStringLiteral("--workspace"), m_ws},
               {}, "qa1\na long enough passphrase\n");
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void TestAuditReportPdf::headerNamesTheReport()
{
    const QString pdf = m_tmp.filePath(QStringLiteral("all.pdf"));
    QString error, layout;
    QVERIFY2(exportPdf({}, pdf, &error), qPrintable(error));
    QVERIFY2(text(pdf, QStringLiteral("-layout"), &layout, &error), qPrintable(error));
    const QString first = layout.section(QLatin1Char('\f'), 0, 0);

    const auto verify = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--target"),
                                m_db, QStringLiteral("--json")});
    QCOMPARE(verify.exitCode, 0);
    const QString head =
        QJsonDocument::fromJson(verify.out).object().value(QLatin1String("head_hash")).toString();
    QCOMPARE(head.size(), 64);
    const qint64 entries = tb::test::scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    const qint64 last = tb::test::scalar(m_db, QStringLiteral("SELECT MAX(seq) FROM audit_log"));
    QVERIFY(entries > 100);
    QVERIFY(!studyIds().isEmpty());
    const QString number = QLocale::c().toString(entries);

    auto has = [&](const QString& pattern) {
        return QRegularExpression(pattern, QRegularExpression::MultilineOption).match(first).hasMatch();
    };
    QVERIFY2(first.contains(QStringLiteral("QA audit report")), qPrintable(first));
    QVERIFY2(has(QStringLiteral("Database\\s+") + QRegularExpression::escape(m_db)), qPrintable(first));
    QVERIFY2(has(QStringLiteral("Study\\s+") +
                 QRegularExpression::escape(studyIds().join(QStringLiteral(", "))) + QLatin1Char('$')),
             qPrintable(first));
    QVERIFY2(has(QStringLiteral("Filters\\s+all entries")), qPrintable(first));
    QVERIFY2(has(QStringLiteral("Exported by\\s+\\S+.*operating-system user")), qPrintable(first));
    QVERIFY2(has(QStringLiteral("Exported at \\(UTC\\)\\s+") +
                 QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate) +
                 QStringLiteral("T\\d\\d:\\d\\d:\\d\\dZ")),
             qPrintable(first));
    QVERIFY2(has(QStringLiteral("Entries\\s+%1 in this report \\(of %1 in the trail\\)").arg(number)),
             qPrintable(first));
    QVERIFY2(has(QStringLiteral("Head of the trail\\s+seq %1, hash %2").arg(last).arg(head)),
             qPrintable(first));
    QVERIFY2(has(QStringLiteral("Verification\\s+intact \u2014 the hash chain of %1 entries").arg(number)),
             qPrintable(first));
    QVERIFY2(!layout.contains(QStringLiteral("BROKEN")), qPrintable(first));
}

void TestAuditReportPdf::documentInfo()
{
    const QString pdf = m_tmp.filePath(QStringLiteral("info.pdf"));
    QString error;
    QVERIFY2(exportPdf({QStringLiteral("--run"), QStringLiteral("2")}, pdf, &error), qPrintable(error));
    QProcess p;
    p.start(m_pdfinfo, {pdf});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const QString info = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(QRegularExpression(
                 QStringLiteral("^Title:\\s+QA audit report \u2014 ctms\\.db \u2014 \\d{4}-\\d\\d-\\d\\dT"),
                 QRegularExpression::MultilineOption)
                 .match(info)
                 .hasMatch(),
             qPrintable(info));
    QVERIFY2(QRegularExpression(QStringLiteral("^Creator:\\s+TrialBridge \\d"),
                                QRegularExpression::MultilineOption)
                 .match(info)
                 .hasMatch(),
             qPrintable(info));
    // Landscape A4: 297 × 210 mm.
    QVERIFY2(
        QRegularExpression(QStringLiteral("^Page size:\\s+84[12](\\.\\d+)? x 595(\\.\\d+)? pts \\(A4\\)"),
                           QRegularExpression::MultilineOption)
            .match(info)
            .hasMatch(),
        qPrintable(info));
    QVERIFY2(QRegularExpression(QStringLiteral("^Pages:\\s+1$"), QRegularExpression::MultilineOption)
                 .match(info)
                 .hasMatch(),
             qPrintable(info));
}

void TestAuditReportPdf::everyPageIsNumbered()
{
    const QString pdf = m_tmp.filePath(QStringLiteral("pages.pdf"));
    QString error, layout;
    QVERIFY2(exportPdf({}, pdf, &error), qPrintable(error));
    QProcess p;
    p.start(m_pdfinfo, {pdf});
    QVERIFY(p.waitForFinished(60000));
    const QRegularExpressionMatch pages =
        QRegularExpression(QStringLiteral("^Pages:\\s+(\\d+)$"), QRegularExpression::MultilineOption)
            .match(QString::fromUtf8(p.readAllStandardOutput()));
    QVERIFY(pages.hasMatch());
    const int n = pages.captured(1).toInt();
    QVERIFY2(n > 1, "a log with hundreds of entries fills more than one page");
    QVERIFY2(text(pdf, QStringLiteral("-layout"), &layout, &error), qPrintable(error));
    const QStringList texts = layout.split(QLatin1Char('\f'));
    QVERIFY(texts.size() >= n);
    for (int i = 0; i < n; ++i) {
        QVERIFY2(texts[i].contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(n)), qPrintable(texts[i]));
        // The column titles repeat on every page.
        QVERIFY2(texts[i].contains(QStringLiteral("Time (UTC)")), qPrintable(texts[i]));
    }
    for (int i = n; i < texts.size(); ++i)
        QVERIFY(texts[i].trimmed().isEmpty());
    QVERIFY2(textClearOfFooter(pdf, &error), qPrintable(error));
}

void TestAuditReportPdf::everyEntryIsARow()
{
    const QString pdf = m_tmp.filePath(QStringLiteral("rows.pdf"));
    QString error, raw, layout;
    QVERIFY2(exportPdf({}, pdf, &error), qPrintable(error));
    QVERIFY2(text(pdf, QStringLiteral("-raw"), &raw, &error), qPrintable(error));
    QVERIFY2(text(pdf, QStringLiteral("-layout"), &layout, &error), qPrintable(error));
    // Long values wrap inside their cells (at spaces, or anywhere in a key): compared without white space.
    const QString all = squeezed(raw);
    const QString csvPath = m_tmp.filePath(QStringLiteral("rows.csv"));
    const auto r =
        runCli({QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--target"), m_db,
                QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), csvPath});
    QCOMPARE(r.exitCode, 0);
    CsvDialect dialect;
    dialect.header = true;
    dialect.nullTokens = QStringList();
    CsvReader reader(dialect);
    QVERIFY(reader.open(csvPath));
    int checked = 0, updates = 0;
    QSet<qint64> seqs;
    while (reader.next()) {
        const std::vector<QString> f = reader.fields();
        seqs.insert(f[0].toLongLong());
        QStringList values{f[1], f[2], f[3], f[4], f[5], f[6], f[8], f[9], f[11]}; // run_id is a bare number
        values += f[7].split(QStringLiteral("; ")); // the PDF puts each change on a line of its own
        for (const QString& value : values)
            if (!value.isEmpty())
                QVERIFY2(all.contains(squeezed(value)),
                         qPrintable(QStringLiteral("seq %1: '%2' is not in the PDF").arg(f[0], value)));
        updates += f[4] == QLatin1String("update") ? 1 : 0;
        ++checked;
    }
    QVERIFY(checked > 100);
    QCOMPARE(updates, 1);
    QVERIFY2(all.contains(QStringLiteral("visit_date:")) && raw.contains(QStringLiteral("\u2192")),
             "old → new is shown");
    QCOMPARE(pdfSeqs(layout), seqs);
}

void TestAuditReportPdf::signaturesShowTheirManifestation()
{
    const QStringList filter{QStringLiteral("--entity"), QStringLiteral("esignature")};
    const QString pdf = m_tmp.filePath(QStringLiteral("signatures.pdf"));
    QString error, raw;
    QVERIFY2(exportPdf(filter, pdf, &error), qPrintable(error));
    QVERIFY2(text(pdf, QStringLiteral("-raw"), &raw, &error), qPrintable(error));
    const QString all = squeezed(raw);
    // Meaning, printed name, signer id and role, and the UTC time of signing — the time of its audit entry.
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("Electronicsignature:reviewedbyQuinnAvery\\(qa1,qa\\),signed(\\d{4}"
                                          "-\\d\\d-\\d\\dT[\\d:.]+Z)"))
            .match(all);
    QVERIFY2(m.hasMatch(), qPrintable(raw));
    QString layout;
    QVERIFY2(text(pdf, QStringLiteral("-layout"), &layout, &error), qPrintable(error));
    const QRegularExpressionMatch row =
        QRegularExpression(QStringLiteral("^\\s*\\d+\\s+(\\S+Z)\\s"), QRegularExpression::MultilineOption)
            .match(layout);
    QVERIFY2(row.hasMatch(), qPrintable(layout));
    QCOMPARE(row.captured(1), m.captured(1)); // the entry's time is the time of signing
    QVERIFY2(all.contains(QStringLiteral("Filtersentityesignature")), qPrintable(raw));
    QVERIFY2(all.contains(QStringLiteral("1inthisreport")), qPrintable(raw));
}

void TestAuditReportPdf::filtersPickTheCsvEntries_data()
{
    QTest::addColumn<QStringList>("filters");
    QTest::newRow("entity") << QStringList{"--entity", "visit"};
    QTest::newRow("subject") << QStringList{"--subject", "101-00001"};
    QTest::newRow("site") << QStringList{"--site", "USA-001"};
    QTest::newRow("run") << QStringList{"--run", "2"};
    QTest::newRow("entity and subject") << QStringList{"--entity", "adverse_event", "--subject", "101-00001"};
    QTest::newRow("nothing matches") << QStringList{"--from", "2999-01-01"};
    QTest::newRow("SQL-looking value is data") << QStringList{"--subject", "x' OR '1'='1"};
}

void TestAuditReportPdf::filtersPickTheCsvEntries()
{
    QFETCH(QStringList, filters);
    const QString pdf = m_tmp.filePath(QStringLiteral("filtered.pdf"));
    QString error, layout;
    QVERIFY2(exportPdf(filters, pdf, &error), qPrintable(error));
    QVERIFY2(text(pdf, QStringLiteral("-layout"), &layout, &error), qPrintable(error));
    const QSet<qint64> expected = csvSeqs(filters);
    QVERIFY(!expected.contains(-1));
    QCOMPARE(pdfSeqs(layout), expected);
    QVERIFY2(QRegularExpression(QStringLiteral("Entries\\s+%1 in this report").arg(expected.size()))
                 .match(layout)
                 .hasMatch(),
             qPrintable(layout));
    if (expected.isEmpty())
        QVERIFY2(layout.contains(QStringLiteral("No audit entry matches the filters.")), qPrintable(layout));
}

void TestAuditReportPdf::platform_data()
{
    QTest::addColumn<QByteArray>("platform");
    QTest::newRow("unset") << QByteArray();
    QTest::newRow("offscreen") << QByteArray("offscreen");
}

void TestAuditReportPdf::platform()
{
    QFETCH(QByteArray, platform);
    if (!platform.isNull())
        qputenv("QT_QPA_PLATFORM", platform);
    const QString pdf = m_tmp.filePath(QStringLiteral("platform.pdf"));
    QString error, layout;
    const bool ok = exportPdf({QStringLiteral("--run"), QStringLiteral("2")}, pdf, &error);
    qunsetenv("QT_QPA_PLATFORM");
    QVERIFY2(ok, qPrintable(error));
    QVERIFY2(text(pdf, QStringLiteral("-layout"), &layout, &error), qPrintable(error));
    QVERIFY2(layout.contains(QStringLiteral("Page 1 of 1")), qPrintable(layout));
}

void TestAuditReportPdf::longValuesWrapAcrossPages()
{
    // A reason of 1,500 words fills several pages in its narrow column: the row is cut between lines, and
    // every word is printed exactly once, in order.
    QStringList words;
    for (int i = 1; i <= 1500; ++i)
        words << QStringLiteral("w%1").arg(i, 4, 10, QLatin1Char('0'));
    const QString db = m_ws + QStringLiteral("/long-reason.db");
    QString error, raw, layout;
    QVERIFY2(tb::test::copyDatabase(m_db, db, &error), qPrintable(error));
    QVERIFY2(tb::test::tamper(db,
                              {QStringLiteral("UPDATE audit_log SET reason = '%1' WHERE seq = 3")
                                   .arg(words.join(QLatin1Char(' ')))},
                              &error),
             qPrintable(error));
    const QString pdf = m_tmp.filePath(QStringLiteral("long.pdf"));
    QVERIFY2(exportPdf({QStringLiteral("--to"), QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate)},
                       pdf, &error, db),
             qPrintable(error));
    QVERIFY2(text(pdf, QStringLiteral("-raw"), &raw, &error), qPrintable(error));
    QVERIFY2(text(pdf, QStringLiteral("-layout"), &layout, &error), qPrintable(error));
    const QStringList pages = layout.split(QLatin1Char('\f'));
    const auto pageOf = [&](const QString& word) {
        for (int i = 0; i < pages.size(); ++i)
            if (pages[i].contains(word))
                return i;
        return -1;
    };
    const int cuts = pageOf(words.last()) - pageOf(words.first());
    QVERIFY2(cuts >= 2, "the reason runs over more than two pages");
    qsizetype previous = -1;
    for (const QString& word : words) {
        const qsizetype n = raw.count(word);
        QVERIFY2(n == 1, qPrintable(QStringLiteral("%1 is printed %2 times").arg(word).arg(n)));
        const qsizetype at = raw.indexOf(word);
        QVERIFY2(at > previous, qPrintable(QStringLiteral("%1 is out of order").arg(word)));
        previous = at;
    }
    QVERIFY2(textClearOfFooter(pdf, &error), qPrintable(error));
    QCOMPARE(pdfSeqs(layout).size(),
             int(tb::test::scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_log"))));
}

void TestAuditReportPdf::tamperedTrailSaysBroken_data()
{
    QTest::addColumn<QStringList>("sql");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("names");
    QTest::newRow("edited") << QStringList{QStringLiteral(
                                   "UPDATE audit_log SET actor = 'eve' WHERE seq = 30")}
                            << QStringLiteral("changed") << QStringLiteral("entry 30 was changed");
    QTest::newRow("deleted") << QStringList{QStringLiteral("DELETE FROM audit_log WHERE seq = 40")}
                             << QStringLiteral("deleted") << QStringLiteral("entry 40");
}

void TestAuditReportPdf::tamperedTrailSaysBroken()
{
    QFETCH(QStringList, sql);
    QFETCH(QString, kind);
    QFETCH(QString, names);
    // The copy stays in the workspace, so its keys are still the trusted ones: only the edit breaks the
    // trail.
    const QString db = m_ws + QStringLiteral("/tampered-%1.db").arg(kind);
    QString error, layout;
    QVERIFY2(tb::test::copyDatabase(m_db, db, &error), qPrintable(error));
    QVERIFY2(tb::test::tamper(db, sql, &error), qPrintable(error));
    const QString pdf = m_tmp.filePath(QStringLiteral("tampered.pdf"));
    QFile::remove(pdf);
    const auto r = runCli({QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--target"), db,
                           QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--out"), pdf});
    QVERIFY2(r.exitCode == 0, r.err.constData()); // a broken trail is still reported
    QVERIFY2(r.out.contains("BROKEN"), r.out.constData());
    QVERIFY2(text(pdf, QStringLiteral("-layout"), &layout, &error), qPrintable(error));
    const QString first = squeezed(layout.section(QLatin1Char('\f'), 0, 0));
    QVERIFY2(first.contains(squeezed(
                 QStringLiteral(
                     "Verification BROKEN \u2014 the audit trail does not verify. First problem [%1]: %2")
                     .arg(kind, names))),
             qPrintable(layout.section(QLatin1Char('\f'), 0, 0)));
    QVERIFY2(
        first.contains(squeezed(QStringLiteral("Head of the trail none vouched for: the trail is broken"))),
        qPrintable(layout.section(QLatin1Char('\f'), 0, 0)));
    QVERIFY(!layout.contains(QStringLiteral("intact")));
}

void TestAuditReportPdf::refusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("out");
    QTest::newRow("unknown format") << QStringList{"--format", "xlsx"} << 2
                                    << "--format 'xlsx' is not available (csv, pdf)"
                                    << "refused.pdf";
    QTest::newRow("no folder for out")
        << QStringList{"--format", "pdf"} << 1 << "no-such-folder/refused.pdf: cannot write"
        << "no-such-folder/refused.pdf";
    QTest::newRow("out is a folder") << QStringList{"--format", "pdf"} << 1 << ": cannot write"
                                     << ".";
    QTest::newRow("bad run") << QStringList{"--format", "pdf", "--run", "two"} << 2 << "--run: a run id"
                             << "refused.pdf";
    QTest::newRow("no such database")
        << QStringList{"--format", "pdf", "--target", "missing.db"} << 1 << "missing.db: no such database"
        << "refused.pdf";
}

void TestAuditReportPdf::refusals()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QFETCH(QString, out);
    const QString outDir = m_tmp.filePath(QStringLiteral("refusals"));
    QVERIFY(QDir().mkpath(outDir));
    QStringList full{QStringLiteral("audit"), QStringLiteral("export")};
    if (!args.contains(QStringLiteral("--target")))
        full << QStringLiteral("--target") << m_db;
    full << QStringLiteral("--out") << QDir(outDir).filePath(out);
    const auto r = runCli(full + args, outDir);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QCOMPARE(QDir(outDir).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden),
             QStringList()); // nothing, no temp file
}

void TestAuditReportPdf::canceledExportLeavesNoFile_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<double>("cancelAt"); // percent of progress at which the export is canceled; -1: at once
    QTest::newRow("pdf, before reading") << QStringLiteral("pdf") << -1.0;
    QTest::newRow("pdf, while paginating") << QStringLiteral("pdf") << 20.0;
    QTest::newRow("pdf, while painting") << QStringLiteral("pdf") << 60.0;
    QTest::newRow("csv") << QStringLiteral("csv") << -1.0;
}

void TestAuditReportPdf::canceledExportLeavesNoFile()
{
    QFETCH(QString, format);
    QFETCH(double, cancelAt);
    QDir dir(m_tmp.filePath(QStringLiteral("canceled")));
    QVERIFY(dir.removeRecursively() && dir.mkpath(QStringLiteral(".")));
    const QString out = dir.filePath(QStringLiteral("audit.") + format);
    RunFeedback feedback;
    double highest = 0;
    connect(&feedback, &RunFeedback::progressChanged, &feedback, [&](double percent) {
        highest = std::max(highest, percent);
        if (cancelAt >= 0 && percent >= cancelAt)
            feedback.cancel();
    });
    if (cancelAt < 0)
        feedback.cancel();
    qint64 rows = -1;
    QString error;
    bool ok;
    if (format == QLatin1String("csv")) {
        ok = AuditExport::writeCsv(m_db, {}, {}, out, &rows, &error, &feedback);
    } else {
        TrailCheck check;
        QVERIFY2(TrailCheck::run(m_db, m_ws, &check, &error), qPrintable(error));
        ok = AuditReportPdf::write(m_db, {}, {}, AuditReportPdf::Context::of(check, {}), out, &rows, &error,
                                   &feedback);
    }
    QVERIFY(!ok);
    QCOMPARE(error, out + QStringLiteral(": export canceled \u2014 no file was written"));
    QCOMPARE(rows, 0);
    // Canceled where the row says: progress reached that stage and no further.
    if (cancelAt >= 0)
        QVERIFY2(highest >= cancelAt && highest < cancelAt + 10, qPrintable(QString::number(highest)));
    QCOMPARE(dir.entryList(QDir::Files | QDir::Hidden), QStringList());

    // The same export, not canceled, reports its progress to the end.
    RunFeedback whole;
    QVector<double> seen;
    connect(&whole, &RunFeedback::progressChanged, &whole, [&](double percent) { seen << percent; });
    if (format == QLatin1String("pdf")) {
        TrailCheck check;
        QVERIFY2(TrailCheck::run(m_db, m_ws, &check, &error), qPrintable(error));
        QVERIFY2(AuditReportPdf::write(m_db, {}, {}, AuditReportPdf::Context::of(check, {}), out, &rows,
                                       &error, &whole),
                 qPrintable(error));
        QVERIFY2(seen.size() > 3 && std::is_sorted(seen.begin(), seen.end()) && seen.last() >= 90,
                 qPrintable(QString::number(seen.size())));
    } else {
        QVERIFY2(AuditExport::writeCsv(m_db, {}, {}, out, &rows, &error, &whole), qPrintable(error));
    }
    QCOMPARE(rows, tb::test::scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM audit_log")));
}

QTEST_MAIN(TestAuditReportPdf)
#include "tst_auditreportpdf.moc"
