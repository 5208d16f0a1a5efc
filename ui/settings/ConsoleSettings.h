#pragma once

#include <QPalette>
#include <QString>
#include <QStringList>

class QTranslator;

namespace tb::ui {

// The console's preferences in QSettings (language, theme, preview rows) and applying them to the
// application: the language's translator at start-up, the theme's palette at once.
class ConsoleSettings
{
public:
    enum class Theme { System, Light, Dark };

    static constexpr const char* LanguageKey = "ui/language";     // "" (system), "en", "de", "ru"
    static constexpr const char* ThemeKey = "ui/theme";           // "system", "light", "dark"
    static constexpr const char* PreviewRowsKey = "designer/previewRows";
    static constexpr int DefaultPreviewRows = 50;

    static QStringList languages();          // the codes offered: "", "en", "de", "ru"
    static QString language();
    static void setLanguage(const QString& code);
    static Theme theme();
    static void setTheme(Theme theme);
    static int previewRows();
    static void setPreviewRows(int rows);

    // Installs the translator of the stored language (the system's when none) from dir's trialbridge_<lang>.qm
    // and returns it (owned by the application), or null for English or when there is no translation.
    static QTranslator* installTranslator(const QString& dir = QStringLiteral(":/i18n"));
    // Fusion with a light or dark palette; System restores the style and palette the application started with.
    static void applyTheme(Theme theme);
    static QPalette palette(Theme theme);
};

} // namespace tb::ui
