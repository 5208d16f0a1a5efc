// The console's translations are complete: every message of every .ts file has a finished, non-empty
// translation (no unfinished or vanished entries), the languages translate the same source texts, and a
// translation keeps the source's placeholders (%1, %2, …) and keyboard accelerators.

#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Message
{
    QString context, source, translation, type;
    bool numerus = false;
};

QList<Message> readTs(const QString& path, QString* error)
{
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return out;
    }
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const QStringView n = xml.name();
        if (n == QLatin1String("name"))
            context = xml.readElementText();
        else if (n == QLatin1String("message")) {
            m = Message();
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (n == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (n == QLatin1String("translation")) {
            m.type = xml.attributes().value(QLatin1String("type")).toString();
            m.translation = m.numerus ? QString() : xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (m.numerus) { // the plural forms
                while (xml.readNextStartElement())
                    m.translation += xml.readElementText() + QLatin1Char('\n');
            }
            out << m;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return out;
}

QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%L?\\d"));
    QSet<QString> out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.insert(it.next().captured().remove(QLatin1Char('L')));
    return out;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void complete_data();
    void complete();
    void languagesTranslateTheSameTexts();
};

void TestTranslations::complete_data()
{
    QTest::addColumn<QString>("file");
    for (const QString& name : QDir(tb::test::sourcePath(QStringLiteral("translations"))).entryList({QStringLiteral("*.ts")}))
        QTest::newRow(qPrintable(name)) << tb::test::sourcePath(QStringLiteral("translations/") + name);
}

void TestTranslations::complete()
{
    QFETCH(QString, file);
    QString error;
    const QList<Message> messages = readTs(file, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 100);
    for (const Message& m : messages) {
        const QString where = QStringLiteral("%1: %2: \"%3\"").arg(QFileInfo(file).fileName(), m.context, m.source.left(60));
        QVERIFY2(m.type.isEmpty(), qPrintable(where + QStringLiteral(" is ") + m.type));
        QVERIFY2(!m.translation.trimmed().isEmpty(), qPrintable(where + QStringLiteral(" has no translation")));
        QVERIFY2(placeholders(m.translation).contains(placeholders(m.source)),
                 qPrintable(where + QStringLiteral(" loses a placeholder: ") + m.translation));
        if (!m.numerus && m.source.contains(QRegularExpression(QStringLiteral("&[A-Za-z]"))))
            QVERIFY2(m.translation.contains(QLatin1Char('&')), qPrintable(where + QStringLiteral(" loses its accelerator")));
    }
}

void TestTranslations::languagesTranslateTheSameTexts()
{
    QSet<QString> first;
    bool haveFirst = false;
    for (const QString& name : QDir(tb::test::sourcePath(QStringLiteral("translations"))).entryList({QStringLiteral("*.ts")})) {
        QString error;
        QSet<QString> texts;
        for (const Message& m : readTs(tb::test::sourcePath(QStringLiteral("translations/") + name), &error))
            texts.insert(m.context + QLatin1Char('\x1f') + m.source);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        if (haveFirst)
            QCOMPARE(texts, first);
        first = texts;
        haveFirst = true;
    }
    QVERIFY(haveFirst);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
