// The console's icon set: every SVG in resources/icons renders, in the palette's text colour for the mode
// it is drawn in (so the dark palette gets light icons), at twice the pixels at 200 % scaling.

#include "style/ThemedIcon.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPalette>
#include <QPixmap>
#include <QtTest>

using tb::ui::ThemedIcon;

namespace {

// The colour of the icon's most opaque pixel (the middle of a stroke).
QColor strokeColour(const QImage& image)
{
    QColor best(Qt::transparent);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() > best.alpha())
                best = c;
        }
    return best;
}

int paintedPixels(const QImage& image)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += image.pixelColor(x, y).alpha() > 0;
    return n;
}

QStringList iconNames()
{
    QStringList names;
    for (const QString& file : QDir(QStringLiteral(":/icons")).entryList({QStringLiteral("*.svg")}, QDir::Files))
        names << file.chopped(4);
    return names;
}

} // namespace

class TestThemedIcon : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(iconNames().size() >= 20, qPrintable(iconNames().join(u' ')));
    }

    void everyIconRenders_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString& name : iconNames())
            QTest::newRow(qPrintable(name)) << name;
    }
    void everyIconRenders()
    {
        QFETCH(QString, name);
        const QIcon icon = ThemedIcon::get(name);
        QVERIFY(!icon.isNull());
        const QImage image = icon.pixmap(QSize(24, 24)).toImage();
        QCOMPARE(image.size(), QSize(24, 24));
        const int painted = paintedPixels(image);
        // A line icon: some strokes, far from a filled square.
        QVERIFY2(painted > 24 && painted < 24 * 24 * 3 / 4, qPrintable(QString::number(painted)));
    }

    void colourFollowsThePalette_data()
    {
        QTest::addColumn<QColor>("text");
        QTest::addColumn<QColor>("highlightedText");
        QTest::newRow("light") << QColor(0x20, 0x20, 0x20) << QColor(Qt::white);
        QTest::newRow("dark") << QColor(0xe8, 0xe8, 0xe8) << QColor(0x10, 0x10, 0x10);
    }
    void colourFollowsThePalette()
    {
        QFETCH(QColor, text);
        QFETCH(QColor, highlightedText);
        const QPalette saved = QApplication::palette();
        QPalette palette = saved;
        palette.setColor(QPalette::WindowText, text);
        palette.setColor(QPalette::HighlightedText, highlightedText);
        QApplication::setPalette(palette);
        const QIcon icon = ThemedIcon::get(QStringLiteral("stop")); // a square: its stroke has full-cover pixels
        const QColor normal = strokeColour(icon.pixmap(QSize(32, 32)).toImage());
        const QColor selected = strokeColour(icon.pixmap(QSize(32, 32), QIcon::Selected).toImage());
        QApplication::setPalette(saved);
        QCOMPARE(normal.alpha(), 255);
        QCOMPARE(normal.rgb(), text.rgb());
        QCOMPARE(selected.rgb(), highlightedText.rgb());
    }

    void sharpAtTwiceTheScale()
    {
        const QIcon icon = ThemedIcon::get(QStringLiteral("mappings"));
        const QPixmap pm = icon.pixmap(QSize(20, 20), 2.0);
        QCOMPARE(pm.size(), QSize(40, 40));
        QCOMPARE(pm.devicePixelRatio(), 2.0);
        QVERIFY(paintedPixels(pm.toImage()) > paintedPixels(icon.pixmap(QSize(20, 20)).toImage()));
    }

    void unknownNameIsNull()
    {
        QVERIFY(ThemedIcon::get(QStringLiteral("no-such-icon")).isNull());
        QVERIFY(!ThemedIcon::exists(QStringLiteral("../icons/mappings")));
    }
};

QTEST_MAIN(TestThemedIcon)
#include "tst_themedicon.moc"
