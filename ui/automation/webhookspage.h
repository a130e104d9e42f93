#pragma once

#include "ui/mapping/fileprompts.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace ContactDesk::Ui {

class AutomationController;
class WebhookDeliveryModel;

// The Webhooks tab: how HighLevel's changes reach this workspace ("live" or "polling every N
// min") and where webhooks are received, what the intake has counted, the deliveries with the
// result of their signature check and what became of them, the public key files for a
// connection other than the sandbox, and "Send Test Webhook" on the built-in sandbox.
class WebhooksPage : public QWidget
{
    Q_OBJECT

public:
    explicit WebhooksPage(AutomationController& automation, QWidget* parent = nullptr);

    void setFilePrompts(const FilePrompts& prompts) { m_prompts = prompts; }
    // Follows the open workspace's intake and fills everything again.
    void reload();
    void sendTestWebhook();
    void applyKeyFiles();

    QLabel* statusLabel() const { return m_status; }
    QLabel* updatesLabel() const { return m_updates; }
    QLabel* countsLabel() const { return m_counts; }
    QLabel* testResultLabel() const { return m_testResult; }
    QPushButton* sendTestButton() const { return m_sendTest; }
    QLineEdit* rsaKeyEdit() const { return m_rsaKey; }
    QLineEdit* ed25519KeyEdit() const { return m_edKey; }
    QTableView* deliveriesView() const { return m_view; }
    WebhookDeliveryModel* deliveries() const { return m_model; }

private:
    void updateStatus();
    void browse(QLineEdit* edit);

    AutomationController& m_automation;
    FilePrompts m_prompts = FilePrompts::native();
    QLabel* m_status = nullptr;
    QLabel* m_updates = nullptr;
    QLabel* m_counts = nullptr;
    QWidget* m_keys = nullptr;
    QLineEdit* m_rsaKey = nullptr;
    QLineEdit* m_edKey = nullptr;
    QLabel* m_keyResult = nullptr;
    QPushButton* m_sendTest = nullptr;
    QLabel* m_testResult = nullptr;
    QTableView* m_view = nullptr;
    WebhookDeliveryModel* m_model = nullptr;
    // Bursts of deliveries reload the list once.
    QTimer* m_reload = nullptr;
    QList<QMetaObject::Connection> m_links;
};

} // namespace ContactDesk::Ui
