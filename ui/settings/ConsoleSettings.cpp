#include "settings/ConsoleSettings.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QTranslator>

namespace tb::ui {

namespace {

// What the application looked like before a theme was first applied, for "System".
struct Original
{
    bool saved = false;
    QString style;
    QPalette palette;
};

Original& original()
{
    static Original o;
    return o;
}

} // namespace

QStringList ConsoleSettings::languages()
{
    return {QString(), QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("ru")};
}

QString ConsoleSettings::language()
{
    const QString code = QSettings().value(QLatin1String(LanguageKey)).toString();
    return languages().contains(code) ? code : QString();
}

void ConsoleSettings::setLanguage(const QString& code)
{
    QSettings().setValue(QLatin1String(LanguageKey), languages().contains(code) ? code : QString());
}

ConsoleSettings::Theme ConsoleSettings::theme()
{
    const QString name = QSettings().value(QLatin1String(ThemeKey)).toString();
    if (name == QLatin1String("light"))
        return Theme::Light;
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

void ConsoleSettings::setTheme(Theme theme)
{
    QSettings().setValue(QLatin1String(ThemeKey), theme == Theme::Light ? QStringLiteral("light")
                                                  : theme == Theme::Dark ? QStringLiteral("dark")
                                                                         : QStringLiteral("system"));
}

int ConsoleSettings::previewRows()
{
    bool ok = false;
    const int rows = QSettings().value(QLatin1String(PreviewRowsKey), DefaultPreviewRows).toInt(&ok);
    return ok && rows > 0 ? rows : DefaultPreviewRows;
}

void ConsoleSettings::setPreviewRows(int rows)
{
    QSettings().setValue(QLatin1String(PreviewRowsKey), rows > 0 ? rows : DefaultPreviewRows);
}

QTranslator* ConsoleSettings::installTranslator(const QString& dir)
{
    const QString code = language();
    if (code == QLatin1String("en"))
        return nullptr;
    const QLocale locale = code.isEmpty() ? QLocale() : QLocale(code);
    auto* translator = new QTranslator(qApp);
    if (!translator->load(locale, QStringLiteral("trialbridge"), QStringLiteral("_"), dir)) {
        delete translator;
        return nullptr;
    }
    QCoreApplication::installTranslator(translator);
    // Qt's own texts (standard buttons, file dialogs) in the same language, where Qt ships them.
    auto* qt = new QTranslator(qApp);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return translator;
}

QPalette ConsoleSettings::palette(Theme theme)
{
    if (theme == Theme::System)
        return original().saved ? original().palette : QApplication::palette();
    QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    QPalette p = fusion->standardPalette();
    delete fusion;
    if (theme == Theme::Light)
        return p;
    // Dark: contrast of text on its background at least 7:1 (WCAG AAA), links and highlight kept apart.
    const QColor window(45, 45, 48), base(30, 30, 32), alternate(40, 40, 44), text(232, 232, 232);
    const QColor disabled(130, 130, 135), highlight(42, 130, 218), link(110, 170, 255);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alternate);
    p.setColor(QPalette::ToolTipBase, QColor(60, 60, 64));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(150, 150, 155));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(55, 55, 60));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 90, 90));
    p.setColor(QPalette::Light, QColor(75, 75, 80));
    p.setColor(QPalette::Midlight, QColor(62, 62, 66));
    p.setColor(QPalette::Mid, QColor(40, 40, 43));
    p.setColor(QPalette::Dark, QColor(22, 22, 24));
    p.setColor(QPalette::Shadow, QColor(0, 0, 0));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, link);
    p.setColor(QPalette::LinkVisited, QColor(180, 140, 255));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(70, 70, 75));
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    return p;
}

void ConsoleSettings::applyTheme(Theme theme)
{
    Original& o = original();
    if (!o.saved && theme == Theme::System)
        return; // nothing to take back
    if (!o.saved) {
        o.saved = true;
        o.style = QApplication::style()->name();
        o.palette = QApplication::palette();
    }
    if (theme == Theme::System) {
        QApplication::setStyle(o.style);
        QApplication::setPalette(o.palette);
        return;
    }
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(palette(theme));
}

} // namespace tb::ui
