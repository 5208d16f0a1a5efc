// OdmFileSeries: the files of an ODM series in PriorFileOID order from the last one loaded, and every way a
// folder of exports can fail to be one unbroken chain, refused with the files named.

#include "TestSupport.h"

#include "source/OdmFileSeries.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace tb::core;
using tb::test::writeFile;

class TestOdmFileSeries : public QObject
{
    Q_OBJECT

private slots:
    void order_data();
    void order();
    void unreadableFileIsNamed();
};

void TestOdmFileSeries::order_data()
{
    // files: "name=FileOID<PriorFileOID@AsOfDateTime", separated by spaces, in folder order.
    QTest::addColumn<QString>("files");
    QTest::addColumn<QString>("lastLoaded");
    QTest::addColumn<QString>("toLoad");  // names in order
    QTest::addColumn<QString>("loaded");  // names, folder order
    QTest::addColumn<QString>("error");   // part of the message; empty: ordered
    QTest::newRow("a chain out of folder order") << "c=F3<F2 a=F1 b=F2<F1" << "" << "a b c" << "" << "";
    QTest::newRow("one snapshot") << "a=F1" << "" << "a" << "" << "";
    QTest::newRow("from the cursor") << "a=F1 b=F2<F1 c=F3<F2" << "F2" << "c" << "a b" << "";
    QTest::newRow("nothing new") << "a=F1 b=F2<F1" << "F2" << "" << "a b" << "";
    QTest::newRow("loaded files archived") << "c=F3<F2 d=F4<F3" << "F2" << "c d" << "" << "";
    QTest::newRow("empty folder") << "" << "F9" << "" << "" << "";
    QTest::newRow("as of times in order") << "a=F1@2026-01-01T00:00:00 b=F2<F1@2026-01-02T00:00:00" << "" << "a b" << "" << "";
    QTest::newRow("duplicate FileOID") << "a=F1 b=F1" << "" << "" << "" << "a.xml (FileOID F1) and b.xml have the same FileOID";
    QTest::newRow("fork") << "a=F1 b=F2<F1 c=F3<F1" << "" << "" << "" << "b.xml (FileOID F2) and c.xml (FileOID F3) both follow FileOID F1";
    QTest::newRow("gap") << "a=F1 c=F3<F2" << "" << "" << "" << "c.xml (FileOID F3) follows FileOID F2, which is neither in the folder nor";
    QTest::newRow("gap after the cursor") << "c=F4<F3" << "F2" << "" << "" << "c.xml (FileOID F4) follows FileOID F3, which is neither";
    QTest::newRow("no start") << "b=F2<F1 c=F3<F2" << "" << "" << "" << "no file starts the series: b.xml (FileOID F2) follows FileOID F1";
    QTest::newRow("two starts") << "a=F1 b=F9" << "" << "" << "" << "a.xml (FileOID F1) and b.xml (FileOID F9) both start a series";
    QTest::newRow("new series after the cursor") << "a=F1 b=F2<F1 x=G1" << "F2" << "" << "" << "x.xml (FileOID G1) starts a series of its own";
    QTest::newRow("back in time") << "a=F1@2026-02-01T00:00:00 b=F2<F1@2026-01-01T00:00:00" << "" << "" << ""
                                  << "b.xml (FileOID F2) is as of 2026-01-01T00:00:00, earlier than a.xml (FileOID F1)";
    QTest::newRow("cycle") << "a=F1<F2 b=F2<F1" << "" << "" << "" << "no file starts the series";
}

void TestOdmFileSeries::order()
{
    QFETCH(QString, files);
    QFETCH(QString, lastLoaded);
    QFETCH(QString, toLoad);
    QFETCH(QString, loaded);
    QFETCH(QString, error);
    QTemporaryDir dir;
    QStringList paths;
    QHash<QString, QString> nameOf; // FileOID → name
    for (const QString& spec : files.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString fileName = spec.section(QLatin1Char('='), 0, 0);
        QString rest = spec.section(QLatin1Char('='), 1);
        const QString asOf = rest.section(QLatin1Char('@'), 1);
        rest = rest.section(QLatin1Char('@'), 0, 0);
        const QString oid = rest.section(QLatin1Char('<'), 0, 0);
        const QString prior = rest.section(QLatin1Char('<'), 1);
        QByteArray root = "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" FileType=\"Transactional\" FileOID=\"" + oid.toUtf8() + "\"";
        if (!prior.isEmpty())
            root += " PriorFileOID=\"" + prior.toUtf8() + "\"";
        if (!asOf.isEmpty())
            root += " AsOfDateTime=\"" + asOf.toUtf8() + "\"";
        paths << writeFile(dir.path(), fileName + QStringLiteral(".xml"), "<?xml version=\"1.0\"?>\n" + root + "/>\n");
        nameOf.insert(oid, fileName);
    }
    OdmFileSeries::Result result;
    QString message;
    const bool ok = OdmFileSeries::order(paths, lastLoaded, &result, &message);
    if (!error.isEmpty()) {
        QVERIFY(!ok);
        QVERIFY2(message.contains(error), qPrintable(message));
        return;
    }
    QVERIFY2(ok, qPrintable(message));
    QStringList order, done;
    for (const OdmFileInfo& f : result.toLoad)
        order << nameOf.value(f.fileOid);
    for (const OdmFileInfo& f : result.loaded)
        done << nameOf.value(f.fileOid);
    QCOMPARE(order.join(QLatin1Char(' ')), toLoad);
    QCOMPARE(done.join(QLatin1Char(' ')), loaded);
}

void TestOdmFileSeries::unreadableFileIsNamed()
{
    QTemporaryDir dir;
    const QString good = writeFile(dir.path(), QStringLiteral("a.xml"),
                                   "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" FileType=\"Snapshot\" FileOID=\"F1\"/>");
    const QString bad = writeFile(dir.path(), QStringLiteral("b.xml"), "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" FileType=\"Snapshot\"/>");
    OdmFileSeries::Result result;
    QString message;
    QVERIFY(!OdmFileSeries::order({good, bad}, {}, &result, &message));
    QVERIFY2(message.startsWith(bad + QStringLiteral(":1:")) && message.contains(QStringLiteral("no FileOID")), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestOdmFileSeries)
#include "tst_odmfileseries.moc"
