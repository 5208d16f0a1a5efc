#include "mainwindow/MainWindow.h"

namespace tb::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("TrialBridge"));
}

bool MainWindow::openWorkspace(const QString& dir)
{
    setWindowTitle(tr("TrialBridge — %1").arg(dir));
    return true;
}

} // namespace tb::ui
