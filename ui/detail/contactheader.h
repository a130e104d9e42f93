#pragma once

#include "api/models/contact.h"
#include "store/contactcache.h"
#include "store/outbox.h"

#include <QString>
#include <QWidget>

#include <functional>
#include <optional>

class QFrame;
class QLabel;
class QPushButton;
class QToolButton;

namespace ContactDesk::Store {
class LocalEdits;
}

namespace ContactDesk::Ui {

class TagEditor;

// The top of the detail pane: the contact's name and company, email address and phone number
// with buttons that copy them, the tags as chips that add and remove through LocalEdits, and
// the contact's standing against HighLevel: waiting to be sent, failed (with the server's
// reason, Retry and Discard) or in conflict (Resolve…).
class ContactHeader : public QWidget
{
    Q_OBJECT

public:
    // Asks before a destructive step; true to go ahead.
    using Confirmation
        = std::function<bool(const QString& title, const QString& question, const QString& action)>;

    ContactHeader(Store::ContactCache& contacts, Store::LocalEdits& edits, Store::Outbox& outbox,
        QWidget* parent = nullptr);

    void setConfirmation(Confirmation confirmation) { m_confirm = std::move(confirmation); }
    // Shows `contact` (nullopt: none) with its list summary for the local status.
    void setContact(const std::optional<Api::Contact>& contact,
        const std::optional<Store::ContactSummary>& summary);
    // The outbox changed: the status line may have a new item to act on.
    void refreshStatus();
    // The region whose numbers are shown in national format (others internationally).
    void setRegion(const QString& region);

    TagEditor* tagEditor() const { return m_tags; }

Q_SIGNALS:
    // The user chose Resolve… on an update held as a conflict.
    void resolveConflictRequested(const QString& contactId, qint64 outboxItemId);
    // Something worth a line in the status bar ("Email address copied").
    void statusMessage(const QString& message);

private:
    void copy(const QString& text, const QString& message);
    void onTagAdded(const QString& tag);
    void onTagRemoved(const QString& tag);
    void retry();
    void discard();
    // The first outbox item of the contact that waits for the user in `state`; 0 when none.
    qint64 itemInState(Store::OutboxState state) const;

    Store::ContactCache& m_contacts;
    Store::LocalEdits& m_edits;
    Store::Outbox& m_outbox;
    Confirmation m_confirm;
    QString m_contactId;
    QString m_region;
    QString m_storedPhone; // E.164, what Copy puts on the clipboard
    QStringList m_tagsShown;
    std::optional<Store::ContactSummary> m_summary;

    QLabel* m_name = nullptr;
    QLabel* m_company = nullptr;
    QLabel* m_email = nullptr;
    QToolButton* m_copyEmail = nullptr;
    QLabel* m_phone = nullptr;
    QToolButton* m_copyPhone = nullptr;
    TagEditor* m_tags = nullptr;
    QFrame* m_statusFrame = nullptr;
    QLabel* m_statusText = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_discard = nullptr;
    QPushButton* m_resolve = nullptr;
};

} // namespace ContactDesk::Ui
