#pragma once

#include <QDialog>
#include <QString>

#include <functional>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTreeWidget;

namespace ContactDesk::Sync {
class Workspace;
}

namespace ContactDesk::Ui {

class ContactActions;
class OutboxModel;

// Every local edit that has not reached HighLevel yet, with where it stands and why: waiting,
// sending, failed (with the server's reason), in conflict. The user retries a failed item,
// discards one (its local change is undone), fixes a refused contact in the contact dialog with
// the server's messages next to their fields, or settles a conflict. Edits the local cache could
// not take (a full or read-only disk) are not in the outbox yet: a list above it shows them,
// kept in memory, to be tried again or given up. Non-modal, so the list can stay open while the
// queue drains.
class OutboxDialog : public QDialog
{
    Q_OBJECT

public:
    // Asks before a destructive step; answers through `answer(true)` to go ahead.
    using Confirm = std::function<void(
        const QString& title, const QString& question, std::function<void(bool)> answer)>;

    OutboxDialog(Sync::Workspace& workspace, ContactActions& actions, QWidget* parent = nullptr);

    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    OutboxModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    // Selects the item's row; false when it is not listed.
    bool selectItem(qint64 itemId);

    enum UnsavedColumn
    {
        UnsavedChange,
        UnsavedReason,
        UnsavedMade,
    };
    static constexpr int unsavedSerialRole = Qt::UserRole + 1;
    // The edits kept in memory, one row each (hidden with the list while there are none).
    QTreeWidget* unsavedView() const { return m_unsavedView; }
    // Selects the kept edit's row; false when it is not listed.
    bool selectUnsaved(qint64 serial);

public Q_SLOTS:
    void retrySelected();
    void discardSelected();
    void resolveSelected();
    void fixSelected();
    void retryUnsaved();
    void discardSelectedUnsaved();

private:
    qint64 selectedItemId() const;
    qint64 selectedSerial() const;
    void updateButtons();
    void updateEmpty();
    void fillUnsaved();

    Sync::Workspace& m_workspace;
    ContactActions& m_actions;
    Confirm m_confirm;
    OutboxModel* m_model = nullptr;
    QStackedWidget* m_stack = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_discard = nullptr;
    QPushButton* m_resolve = nullptr;
    QPushButton* m_fix = nullptr;
    QWidget* m_unsavedBox = nullptr;
    QLabel* m_unsavedIntro = nullptr;
    QTreeWidget* m_unsavedView = nullptr;
    QPushButton* m_unsavedRetry = nullptr;
    QPushButton* m_unsavedDiscard = nullptr;
};

} // namespace ContactDesk::Ui
