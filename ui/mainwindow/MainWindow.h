#pragma once

#include <QMainWindow>

namespace tb::ui {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    bool openWorkspace(const QString& dir);
};

} // namespace tb::ui
