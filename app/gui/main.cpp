#include "mainwindow/MainWindow.h"
#include "settings/ConsoleSettings.h"
#include "util/Redactor.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("TrialBridge"));
    QApplication::setOrganizationName(QStringLiteral("TrialBridge"));
    QApplication::setApplicationVersion(QStringLiteral(TB_VERSION));
    tb::core::Redactor::installMessageHandler(); // no log line shows a secret value or credential header

    // The language chosen in the settings (the system's by default) where a translation exists, and the theme.
    tb::ui::ConsoleSettings::installTranslator();
    tb::ui::ConsoleSettings::applyTheme(tb::ui::ConsoleSettings::theme());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "TrialBridge desktop console"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("workspace"),
                                 QApplication::translate("main", "Workspace folder to open."),
                                 QStringLiteral("[DIR]"));
    QCommandLineOption screenshots(QStringLiteral("screenshots"),
                                   QApplication::translate("main", "Write a PNG of every page to DIR and quit."),
                                   QStringLiteral("DIR"));
    parser.addOption(screenshots);
    parser.process(app);

    tb::ui::MainWindow window;
    if (!parser.positionalArguments().isEmpty())
        window.openWorkspace(parser.positionalArguments().constFirst());
    window.show();
    if (parser.isSet(screenshots))
        return window.saveScreenshots(parser.value(screenshots)) ? 0 : 1;
    return app.exec();
}
