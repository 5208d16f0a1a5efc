#include "CliApp.h"

#include "util/Redactor.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstring>
#include <memory>

namespace {

// `audit export … --format pdf` lays its report out with QTextLayout and QPdfWriter, which need a
// QGuiApplication (fonts, the paint engine). Every other command stays on QCoreApplication, so cron jobs
// and servers never load a platform plugin they do not need.
bool wantsPdf(int argc, char* argv[])
{
    if (argc < 3 || std::strcmp(argv[1], "audit") != 0)
        return false;
    bool exporting = false, pdf = false;
    for (int i = 2; i < argc; ++i) {
        exporting = exporting || std::strcmp(argv[i], "export") == 0;
        const bool option = std::strcmp(argv[i], "--format") == 0 || std::strcmp(argv[i], "-format") == 0;
        pdf = pdf || (option && i + 1 < argc && std::strcmp(argv[i + 1], "pdf") == 0) ||
              std::strcmp(argv[i], "--format=pdf") == 0;
    }
    return exporting && pdf;
}

} // namespace

int main(int argc, char* argv[])
{
    std::unique_ptr<QCoreApplication> app;
    if (wantsPdf(argc, argv)) {
        // A server has no display: render without one unless the caller chose a platform.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("trialbridge-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("TrialBridge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TB_VERSION));
    tb::core::Redactor::installMessageHandler(); // no log line shows a secret value or credential header
    return tb::cli::runCli(QCoreApplication::arguments());
}
