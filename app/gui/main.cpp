#include "mainwindow/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("TrialBridge"));
    QApplication::setOrganizationName(QStringLiteral("TrialBridge"));
    QApplication::setApplicationVersion(QStringLiteral(TB_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "TrialBridge desktop console"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("workspace"),
                                 QApplication::translate("main", "Workspace folder to open."),
                                 QStringLiteral("[DIR]"));
    parser.process(app);

    tb::ui::MainWindow window;
    if (!parser.positionalArguments().isEmpty())
        window.openWorkspace(parser.positionalArguments().constFirst());
    window.show();
    return app.exec();
}
