#include "run/UnitIndex.h"
#include "util/FastHash.h"

#include <QtTest>

using tb::core::UnitIndex;

namespace {

// Rows are written as unit letters: "AAB" is a row of unit A on line 2, another on line 3, then B on line 4.
quint64 hashOf(QChar unit)
{
    return 0x9e3779b97f4a7c15ULL * quint64(unit.unicode());
}

qint64 offsetOfLine(qint64 line)
{
    return 100 + 37 * (line - 2);
}

// Feeds a step's rows, checking that add() names each row's unit in order of first appearance.
void feed(UnitIndex& index, int step, const QString& rows, QString* units)
{
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const qint64 line = i + 2;
        if (rows[i] == u'.')
            continue; // a row the mapping's filter skips
        const int unit = index.add(step, hashOf(rows[i]), offsetOfLine(line), line);
        if (!units->contains(rows[i]))
            units->append(rows[i]);
        QCOMPARE(unit, int(units->indexOf(rows[i])));
    }
}

// A unit's runs in a step, following next: "2x3 7x1" (first line × row count).
QString runsOf(const UnitIndex& index, int unit, int step)
{
    QStringList out;
    for (int r = index.firstRun(unit, step); r >= 0; r = index.run(step, r).next) {
        const UnitIndex::Run& run = index.run(step, r);
        out << QStringLiteral("%1x%2").arg(run.line).arg(run.count);
        if (run.offset != offsetOfLine(run.line))
            out << QStringLiteral("(bad offset %1)").arg(run.offset);
    }
    return out.join(QLatin1Char(' '));
}

} // namespace

class TestUnitIndex : public QObject
{
    Q_OBJECT

private slots:
    void empty();
    void oneStep_data();
    void oneStep();
    void severalSteps();
    void stepsDoNotBreakEachOthersRuns();
    void fingerprints();
    void twoSeedHashIsTwoHashes_data();
    void twoSeedHashIsTwoHashes();
};

void TestUnitIndex::empty()
{
    const UnitIndex index(2);
    QCOMPARE(index.unitCount(), 0);
    QCOMPARE(index.rows(0), qint64(0));
    QCOMPARE(index.rows(1), qint64(0));
}

void TestUnitIndex::oneStep_data()
{
    QTest::addColumn<QString>("rows");
    QTest::addColumn<QStringList>("runs"); // per unit, in order of first appearance

    QTest::newRow("one row") << "A" << QStringList{"2x1"};
    QTest::newRow("sorted") << "AAABBC" << QStringList{"2x3", "5x2", "7x1"};
    QTest::newRow("interleaved") << "AABABCA" << QStringList{"2x2 5x1 8x1", "4x1 6x1", "7x1"};
    QTest::newRow("alternating") << "ABAB" << QStringList{"2x1 4x1", "3x1 5x1"};
    QTest::newRow("back after a long gap") << "AAAABBBBA" << QStringList{"2x4 10x1", "6x4"};
    // Rows skipped by a filter do not break a run; the count is of accepted rows.
    QTest::newRow("filtered rows inside a run") << "AA.A.BB" << QStringList{"2x3", "7x2"};
    QTest::newRow("filtered first row") << ".AB" << QStringList{"3x1", "4x1"};
}

void TestUnitIndex::oneStep()
{
    QFETCH(QString, rows);
    QFETCH(QStringList, runs);

    UnitIndex index(1);
    QString units;
    feed(index, 0, rows, &units);
    QCOMPARE(index.unitCount(), int(runs.size()));
    QCOMPARE(index.rows(0), qint64(rows.size() - rows.count(u'.')));
    QStringList actual;
    for (int u = 0; u < index.unitCount(); ++u) {
        QCOMPARE(index.unitHash(u), hashOf(units[u]));
        actual << runsOf(index, u, 0);
    }
    QCOMPARE(actual, runs);
}

// A subject's rows in three files: sorted subjects, visits without subject C, interleaved AEs, and a unit
// that appears only in the last file.
void TestUnitIndex::severalSteps()
{
    UnitIndex index(3);
    QString units;
    feed(index, 0, QStringLiteral("ABC"), &units);
    feed(index, 1, QStringLiteral("AABBB"), &units);
    feed(index, 2, QStringLiteral("CACD"), &units);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(index.unitCount(), 4);
    QCOMPARE(index.rows(0), qint64(3));
    QCOMPARE(index.rows(1), qint64(5));
    QCOMPARE(index.rows(2), qint64(4));

    const int a = 0, b = 1, c = 2, d = 3;
    QCOMPARE(runsOf(index, a, 0), QStringLiteral("2x1"));
    QCOMPARE(runsOf(index, b, 0), QStringLiteral("3x1"));
    QCOMPARE(runsOf(index, c, 0), QStringLiteral("4x1"));
    QCOMPARE(runsOf(index, a, 1), QStringLiteral("2x2"));
    QCOMPARE(runsOf(index, b, 1), QStringLiteral("4x3"));
    QCOMPARE(index.firstRun(c, 1), -1);
    QCOMPARE(runsOf(index, c, 2), QStringLiteral("2x1 4x1"));
    QCOMPARE(runsOf(index, a, 2), QStringLiteral("3x1"));
    QCOMPARE(index.firstRun(b, 2), -1);
    QCOMPARE(index.firstRun(d, 0), -1);
    QCOMPARE(index.firstRun(d, 1), -1);
    QCOMPARE(runsOf(index, d, 2), QStringLiteral("5x1"));
}

// Each step keeps its own "previous row": adding rows of another step in between does not split a run.
void TestUnitIndex::stepsDoNotBreakEachOthersRuns()
{
    UnitIndex index(2);
    const quint64 a = hashOf(u'A'), b = hashOf(u'B');
    QCOMPARE(index.add(0, a, offsetOfLine(2), 2), 0);
    QCOMPARE(index.add(1, b, offsetOfLine(2), 2), 1);
    QCOMPARE(index.add(0, a, offsetOfLine(3), 3), 0);
    QCOMPARE(index.add(1, a, offsetOfLine(3), 3), 0);
    QCOMPARE(index.add(1, b, offsetOfLine(4), 4), 1);
    QCOMPARE(runsOf(index, 0, 0), QStringLiteral("2x2"));
    QCOMPARE(runsOf(index, 1, 1), QStringLiteral("2x1 4x1"));
    QCOMPARE(runsOf(index, 0, 1), QStringLiteral("3x1"));
}

// A unit's fingerprint is the sum of its rows' hashes: the same rows in any order give the same one.
void TestUnitIndex::fingerprints()
{
    UnitIndex first(1), second(1);
    const int a1 = first.add(0, 1, 0, 2);
    const int b1 = first.add(0, 2, 10, 3);
    const int a2 = second.add(0, 1, 0, 2);
    QCOMPARE(first.fingerprint(a1), (std::pair<quint64, quint64>(0, 0)));

    first.addToFingerprint(a1, 11, 12);
    first.addToFingerprint(a1, 21, 22);
    first.addToFingerprint(b1, 5, 6);
    second.addToFingerprint(a2, 21, 22);
    second.addToFingerprint(a2, 11, 12);
    QCOMPARE(first.fingerprint(a1), (std::pair<quint64, quint64>(32, 34)));
    QCOMPARE(second.fingerprint(a2), first.fingerprint(a1));
    QCOMPARE(first.fingerprint(b1), (std::pair<quint64, quint64>(5, 6)));

    // A repeated row changes it; sums wrap around instead of overflowing.
    second.addToFingerprint(a2, 11, ~quint64(0));
    QCOMPARE(second.fingerprint(a2), (std::pair<quint64, quint64>(43, 33)));
}

QTEST_GUILESS_MAIN(TestUnitIndex)
void TestUnitIndex::twoSeedHashIsTwoHashes_data()
{
    // Fingerprints and change detectors stored by earlier runs must stay what they were.
    QTest::addColumn<QByteArray>("bytes");
    QByteArray all;
    for (int i = 0; i < 41; ++i) {
        QTest::addRow("%d bytes", i) << all;
        all.append(char(i * 37 + 11));
    }
    QTest::newRow("a CSV row") << QByteArray("TB-DEMO-001;101-00001;1;SCREENING;26.04.2025 09:15;DONE\r\n");
}

void TestUnitIndex::twoSeedHashIsTwoHashes()
{
    QFETCH(QByteArray, bytes);
    quint64 a = 0, b = 0;
    tb::core::hashBytes64x2(bytes.constData(), size_t(bytes.size()), 0xc0ac29b7c97c50ddULL, 0x3f84d5b5b5470917ULL, &a, &b);
    QCOMPARE(a, tb::core::hashBytes64(bytes.constData(), size_t(bytes.size()), 0xc0ac29b7c97c50ddULL));
    QCOMPARE(b, tb::core::hashBytes64(bytes.constData(), size_t(bytes.size()), 0x3f84d5b5b5470917ULL));
    QVERIFY(a != b);
}

#include "tst_unitindex.moc"
