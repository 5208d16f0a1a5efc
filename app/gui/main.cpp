#include "mainwindow/MainWindow.h"
#include "util/Redactor.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTranslator>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("TrialBridge"));
    QApplication::setOrganizationName(QStringLiteral("TrialBridge"));
    QApplication::setApplicationVersion(QStringLiteral(TB_VERSION));
    tb::core::Redactor::installMessageHandler(); // no log line shows a secret value or credential header

    // The interface speaks the user's language where a translation exists.
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("trialbridge"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

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
