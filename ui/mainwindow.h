#pragma once

#include <QMainWindow>

class QLabel;

namespace ContactDesk::Sandbox {
class SandboxServer;
}

namespace ContactDesk::Ui {

// The main window. For now it shows the built-in sandbox the app runs on: where it listens,
// its location, how many contacts it holds and how many requests it has served.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Sandbox::SandboxServer& sandbox, QWidget* parent = nullptr);

private:
    void refresh();

    Sandbox::SandboxServer& m_sandbox;
    QLabel* m_status = nullptr;
    QLabel* m_contactCount = nullptr;
    QLabel* m_requestCount = nullptr;
};

} // namespace ContactDesk::Ui
