#include "CliApp.h"

#include "util/Redactor.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("trialbridge-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("TrialBridge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TB_VERSION));
    tb::core::Redactor::installMessageHandler(); // no log line shows a secret value or credential header
    return tb::cli::runCli(QCoreApplication::arguments());
}
