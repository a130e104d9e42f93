#pragma once

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace ContactDesk::Ui {

class AutomationController;
class EventLogModel;

// The Event log page: every event newest first (time, type, Your App user, status, contact,
// requests) with a filter by status, type and text; under it the chosen event's reason and
// the requests it caused (the outbox items: what, where they stand, the error), "Retry" for a
// failed or waiting one and "Show Contact", which asks the main window to select it.
class EventLogPage : public QWidget
{
    Q_OBJECT

public:
    explicit EventLogPage(AutomationController& automation, QWidget* parent = nullptr);
    ~EventLogPage() override;

    EventLogModel* model() const;
    QTableView* view() const { return m_view; }
    QComboBox* statusFilter() const { return m_status; }
    QComboBox* typeFilter() const { return m_type; }
    QLineEdit* textFilter() const { return m_text; }
    QTreeWidget* requestsView() const { return m_requests; }
    QLabel* detail() const { return m_detail; }
    QPushButton* retryButton() const { return m_retry; }
    QPushButton* showContactButton() const { return m_showContact; }
    QPushButton* showRequestsButton() const { return m_showRequests; }

    // Selects the event of `seq` when the table holds it in memory (the newest ones).
    bool selectEvent(qint64 seq);
    void retryCurrent();
    void showCurrentContact();
    // The inspector, filtered to the automation's requests for the event's contact.
    void showCurrentRequests();

Q_SIGNALS:
    void showContactRequested(const QString& contactId);
    void showRequestsRequested(const QString& contactId);

private:
    void attach();
    void detach();
    void applyFilter();
    void showCurrent();

    AutomationController& m_automation;
    QPointer<EventLogModel> m_model;
    QComboBox* m_status = nullptr;
    QComboBox* m_type = nullptr;
    QLineEdit* m_text = nullptr;
    QLabel* m_count = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_detail = nullptr;
    QTreeWidget* m_requests = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_showContact = nullptr;
    QPushButton* m_showRequests = nullptr;
};

} // namespace ContactDesk::Ui
