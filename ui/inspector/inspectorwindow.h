#pragma once

#include "ui/mapping/fileprompts.h"

#include <QWidget>

class QTabWidget;

namespace ContactDesk::Ui {

class Composer;
class InspectorController;
class TrafficPane;

// The inspector (View > Inspector, Ctrl+Shift+I): its own window with a tab per tool. Traffic
// comes first, Compose next; other panels join through addPanel(). Remembers its geometry and
// the tab last shown.
class InspectorWindow : public QWidget
{
    Q_OBJECT

public:
    InspectorWindow(InspectorController& controller, QWidget* parent = nullptr);
    ~InspectorWindow() override;

    void addPanel(QWidget* panel, const QString& title);
    void setFilePrompts(const FilePrompts& prompts);

    QTabWidget* tabs() const { return m_tabs; }
    TrafficPane* traffic() const { return m_traffic; }
    Composer* composer() const { return m_composer; }
    // Shows the Compose tab.
    void showComposer();

protected:
    void closeEvent(QCloseEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void saveGeometryNow();

    InspectorController& m_controller;
    QTabWidget* m_tabs = nullptr;
    TrafficPane* m_traffic = nullptr;
    Composer* m_composer = nullptr;
};

} // namespace ContactDesk::Ui
