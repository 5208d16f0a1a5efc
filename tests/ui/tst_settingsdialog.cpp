// The settings dialog, driven by keys and clicks: the language is stored and, at the next start (the same
// translator loading as app/gui), the console speaks it; the theme changes the application's palette at once and
// Cancel takes it back; the preview row count is kept under designer/previewRows with 50 by default.

#include "mainwindow/MainWindow.h"
#include "settings/ConsoleSettings.h"
#include "settings/SettingsDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStyle>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace tb;
using ui::ConsoleSettings;
using ui::SettingsDialog;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void storesTheLanguage_data();
    void storesTheLanguage();
    void speaksTheLanguageAfterRestart_data();
    void speaksTheLanguageAfterRestart();
    void appliesTheThemeAtOnce_data();
    void appliesTheThemeAtOnce();
    void cancelTakesTheThemeBack();
    void storesPreviewRows();
    void opensFromTheMainWindow();

private:
    static void choose(QComboBox* box, int index);
    static void clickOk(SettingsDialog& dialog);

    QTemporaryDir m_tmp;
    QColor m_systemWindow;
};

void TestSettingsDialog::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("TrialBridgeTest"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_tmp.filePath(QStringLiteral("settings")));
    m_systemWindow = QApplication::palette().color(QPalette::Window);
}

void TestSettingsDialog::init()
{
    QSettings().clear();
    ConsoleSettings::applyTheme(ConsoleSettings::Theme::System);
}

// The keyboard way: focus the combo box, Home, then Down as often as needed.
void TestSettingsDialog::choose(QComboBox* box, int index)
{
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Home);
    for (int i = 0; i < index; ++i)
        QTest::keyClick(box, Qt::Key_Down);
    QCOMPARE(box->currentIndex(), index);
}

void TestSettingsDialog::clickOk(SettingsDialog& dialog)
{
    QTest::mouseClick(dialog.buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
}

void TestSettingsDialog::storesTheLanguage_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("name");
    QTest::newRow("system") << 0 << "" << "System";
    QTest::newRow("english") << 1 << "en" << "English";
    QTest::newRow("german") << 2 << "de" << "Deutsch";
    QTest::newRow("russian") << 3 << "ru" << "Русский";
}

void TestSettingsDialog::storesTheLanguage()
{
    QFETCH(int, index);
    QFETCH(QString, code);
    QFETCH(QString, name);
    QSettings().setValue(QLatin1String(ConsoleSettings::LanguageKey), index == 1 ? QStringLiteral("de") : QStringLiteral("en"));
    SettingsDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!dialog.restartNote()->isVisible());
    choose(dialog.languageBox(), index);
    QCOMPARE(dialog.languageBox()->currentText(), name);
    QVERIFY(dialog.restartNote()->isVisible()); // another language than the stored one: used from the next start
    clickOk(dialog);
    QCOMPARE(QSettings().value(QLatin1String(ConsoleSettings::LanguageKey)).toString(), code);
    QCOMPARE(ConsoleSettings::language(), code);
    // Opened again, it shows what was stored.
    SettingsDialog again;
    QCOMPARE(again.languageBox()->currentIndex(), index);
}

void TestSettingsDialog::speaksTheLanguageAfterRestart_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("workspace"); // the first page's title
    QTest::newRow("german") << 2 << "Arbeitsbereich";
    QTest::newRow("english") << 1 << "Workspace";
}

void TestSettingsDialog::speaksTheLanguageAfterRestart()
{
    QFETCH(int, index);
    QFETCH(QString, workspace);
    {
        SettingsDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        choose(dialog.languageBox(), index);
        clickOk(dialog);
    }
    // The restart: what app/gui's main does before it builds the window, from the compiled translations.
    QTranslator* translator = ConsoleSettings::installTranslator(QStringLiteral(":/i18n"));
    QCOMPARE(translator != nullptr, index == 2);
    {
        ui::MainWindow w;
        QCOMPARE(w.navigation()->item(ui::MainWindow::WorkspacePageIndex)->text(), workspace);
    }
    if (translator) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    ui::MainWindow english;
    QCOMPARE(english.navigation()->item(ui::MainWindow::WorkspacePageIndex)->text(), QStringLiteral("Workspace"));
}

void TestSettingsDialog::appliesTheThemeAtOnce_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("stored");
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << 1 << "light" << false;
    QTest::newRow("dark") << 2 << "dark" << true;
    QTest::newRow("system") << 0 << "system" << false;
}

void TestSettingsDialog::appliesTheThemeAtOnce()
{
    QFETCH(int, index);
    QFETCH(QString, stored);
    QFETCH(bool, dark);
    // Start from the other end (stored and applied, as at start-up), so that every choice changes something.
    const ConsoleSettings::Theme start = index == 2 ? ConsoleSettings::Theme::Light : ConsoleSettings::Theme::Dark;
    ConsoleSettings::setTheme(start);
    ConsoleSettings::applyTheme(start);
    SettingsDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    choose(dialog.themeBox(), index);
    // At once, before OK.
    const QColor window = QApplication::palette().color(QPalette::Window);
    const QColor expected = ConsoleSettings::palette(ConsoleSettings::Theme(index)).color(QPalette::Window);
    QCOMPARE(window, index == 0 ? m_systemWindow : expected);
    QCOMPARE(window.lightness() < 128, dark);
    if (index != 0)
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    // Text stays readable on its background: a large lightness gap in either palette.
    const QPalette p = QApplication::palette();
    QVERIFY(qAbs(p.color(QPalette::Text).lightness() - p.color(QPalette::Base).lightness()) > 150);
    QVERIFY(qAbs(p.color(QPalette::WindowText).lightness() - p.color(QPalette::Window).lightness()) > 150);
    clickOk(dialog);
    QCOMPARE(QSettings().value(QLatin1String(ConsoleSettings::ThemeKey)).toString(), stored);
    QCOMPARE(int(ConsoleSettings::theme()), index);
}

void TestSettingsDialog::cancelTakesTheThemeBack()
{
    SettingsDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    choose(dialog.themeBox(), 2);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(QApplication::palette().color(QPalette::Window), m_systemWindow);
    QVERIFY(!QSettings().contains(QLatin1String(ConsoleSettings::ThemeKey)));
}

void TestSettingsDialog::storesPreviewRows()
{
    QCOMPARE(ConsoleSettings::previewRows(), 50);
    SettingsDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSpinBox* rows = dialog.previewRowsBox();
    QCOMPARE(rows->value(), 50);
    rows->setFocus();
    rows->selectAll();
    QTest::keyClicks(rows, QStringLiteral("200"));
    clickOk(dialog);
    QCOMPARE(QSettings().value(QStringLiteral("designer/previewRows")).toInt(), 200);
    QCOMPARE(ConsoleSettings::previewRows(), 200);
    // Nonsense in the file falls back to the default.
    QSettings().setValue(QStringLiteral("designer/previewRows"), QStringLiteral("many"));
    QCOMPARE(ConsoleSettings::previewRows(), 50);
}

void TestSettingsDialog::opensFromTheMainWindow()
{
    ui::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTest::keyClick(&w, Qt::Key_Comma, Qt::ControlModifier);
    SettingsDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = w.findChild<SettingsDialog*>()));
    QVERIFY(dialog->isVisible());
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!w.findChild<SettingsDialog*>()); // deleted on close
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
