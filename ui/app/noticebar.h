#pragma once

#include <QFrame>
#include <QString>

class QLabel;
class QPushButton;
class QToolButton;

namespace ContactDesk::Ui {

// A line across the top of the window that tells something the user should act on ("Sandbox
// data - connect your HighLevel account", "Sign in again"), with one button for the action
// and, when closable, a button that hides it. Its colours come from the palette.
class NoticeBar : public QFrame
{
    Q_OBJECT

public:
    NoticeBar(const QString& objectName, QWidget* parent = nullptr);

    void setMessage(const QString& text, const QString& actionText);
    void setClosable(bool closable);
    QString message() const;
    QPushButton* actionButton() const { return m_action; }
    QToolButton* closeButton() const { return m_close; }

Q_SIGNALS:
    void actionTriggered();
    void closed();

private:
    QLabel* m_text = nullptr;
    QPushButton* m_action = nullptr;
    QToolButton* m_close = nullptr;
};

} // namespace ContactDesk::Ui
