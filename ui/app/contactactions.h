#pragma once

#include "ui/dialogs/bulktagsdialog.h"
#include "ui/dialogs/contactdialog.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace ContactDesk::Sync {
class Workspace;
}

namespace ContactDesk::Ui {

class AppSettings;
class ConflictDialog;
class DeleteContactDialog;

// The contact-level edits of the main window on one workspace: each opens its dialog
// window-modal without blocking (open()), and turns the accepted answer into LocalEdits or
// Outbox calls, so the change shows at once and reaches HighLevel through the outbox. Tests find
// the dialogs among the parent's children and answer them there.
class ContactActions : public QObject
{
    Q_OBJECT

public:
    ContactActions(Sync::Workspace& workspace, const AppSettings& settings, QWidget* dialogParent,
        QObject* parent = nullptr);

    // A new contact; a likely duplicate in the cache (same email or phone) is offered first.
    ContactDialog* newContact();
    ContactDialog* editContact(const QString& contactId);
    // The contact's failed create or update, with the server's messages next to their fields;
    // saving sends it again. Null when nothing of the contact failed.
    ContactDialog* fixContact(const QString& contactId);
    // The first failed create or update of the contact, if any.
    std::optional<qint64> failedContactItem(const QString& contactId) const;
    // The user settles a conflicting update held in the outbox.
    ConflictDialog* resolveConflict(qint64 outboxItemId);

    // Asks with what goes (the contacts, N tasks, M notes) and that a backup is kept.
    DeleteContactDialog* deleteContacts(const QStringList& contactIds);
    // Restores the contacts of the last delete (or the newest one in the trash) with their
    // tasks and notes. False when there is nothing to restore.
    bool undoDelete();
    bool canUndoDelete() const;

    BulkTagsDialog* editTags(const QStringList& contactIds, BulkTagsDialog::Action action);

    // A cached contact with this email (without case) or phone (same digits); the cache's search
    // index finds the candidates, so this never scans the whole cache.
    std::optional<DuplicateMatch> findDuplicate(const QString& email, const QString& phone) const;

    // The location's lists, handed to every contact dialog opened from now on.
    void setLocationLists(const Api::LocationLists& lists) { m_lists = lists; }

Q_SIGNALS:
    // A contact was created locally (its "local-..." id); the list selects it.
    void contactCreated(const QString& contactId);
    // The user chose "Open existing" for a likely duplicate.
    void openContactRequested(const QString& contactId);
    // `description` is user text ("Deleted Jane Doe"), for the status bar's Undo.
    void contactsDeleted(const QString& description);
    // The last delete was undone; `contactId` is the (local) id of the first contact restored.
    void contactsRestored(const QString& contactId, int count);
    void undoAvailableChanged(bool available);
    void statusMessage(const QString& message);

private:
    ContactDialog* prepareDialog(ContactDialog* dialog);
    void saveEdit(const QString& contactId, const QJsonObject& changes);
    QString nameOf(const QString& contactId) const;

    Sync::Workspace& m_workspace;
    Api::LocationLists m_lists;
    const AppSettings& m_settings;
    QPointer<QWidget> m_parent;
    // The trash entries of the last delete, for Undo.
    QList<qint64> m_lastDeleted;
};

} // namespace ContactDesk::Ui
