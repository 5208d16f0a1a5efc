#include "CliApp.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("trialbridge-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("TrialBridge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TB_VERSION));
    return tb::cli::runCli(QCoreApplication::arguments());
}
