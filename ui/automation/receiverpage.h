#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace ContactDesk::Ui {

class AutomationController;

// The Receiver page: the switch, the address and port it listens on (with a warning when the
// address is not this machine's loopback), where it listens now, "Generate Secret" that shows
// the new secret once for copying, "Copy curl Example" that puts a command sending a signed
// test event on the clipboard, and the last answers the receiver gave.
class ReceiverPage : public QWidget
{
    Q_OBJECT

public:
    explicit ReceiverPage(AutomationController& automation, QWidget* parent = nullptr);

    // Fills the fields from the controller's settings and state.
    void reload();
    void apply();
    void generateSecret();
    void copyCurlExample();

    QCheckBox* enabledBox() const { return m_enabled; }
    QLineEdit* addressEdit() const { return m_address; }
    QSpinBox* portSpin() const { return m_port; }
    QLabel* addressWarning() const { return m_warning; }
    QLabel* statusLabel() const { return m_status; }
    QLineEdit* secretField() const { return m_secret; }
    QPlainTextEdit* curlText() const { return m_curl; }
    QListWidget* answers() const { return m_answers; }

    static constexpr int keptAnswers = 50;

protected:
    // A generated secret is shown once: it goes when the page does.
    void hideEvent(QHideEvent* event) override;

private:
    void updateWarning();
    void updateStatus();
    void connectReceiver();

    AutomationController& m_automation;
    QCheckBox* m_enabled = nullptr;
    QLineEdit* m_address = nullptr;
    QSpinBox* m_port = nullptr;
    QPushButton* m_apply = nullptr;
    QLabel* m_warning = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_generate = nullptr;
    QLineEdit* m_secret = nullptr;
    QPushButton* m_copySecret = nullptr;
    QLabel* m_secretNote = nullptr;
    QPushButton* m_copyCurl = nullptr;
    QPlainTextEdit* m_curl = nullptr;
    QListWidget* m_answers = nullptr;
};

} // namespace ContactDesk::Ui
