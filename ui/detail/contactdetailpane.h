#pragma once

#include "api/models/locationlists.h"
#include "ui/detail/childloader.h"
#include "ui/detail/contactheader.h"

#include <QHash>
#include <QString>
#include <QWidget>

class QLabel;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Store {
class ChildCache;
class ContactCache;
class LocalEdits;
class Outbox;
} // namespace ContactDesk::Store

namespace ContactDesk::Ui {

class AppointmentListModel;
class ChildTab;
class ContactOverview;
class NoteListModel;
class TaskListModel;

// The right-hand side of the main window: one contact from the cache with its header (name,
// email and phone to copy, tags, sync state) and the Overview, Tasks, Notes and Appointments
// tabs. It shows what the cache has at once, asks the loader for tasks, notes and appointments
// never fetched or stale when a contact opens, marks lists that are old (the fetch failed, or
// the pane stayed open), and sends every change through LocalEdits.
// Dialogs open window-modal without blocking; a delete is confirmed through a replaceable
// Confirmation so tests can answer it.
class ContactDetailPane : public QWidget
{
    Q_OBJECT

public:
    using Confirmation = ContactHeader::Confirmation;

    // What the pane works with; everything must outlive it.
    struct Services
    {
        Store::ContactCache& contacts;
        Store::ChildCache& children;
        Store::LocalEdits& edits;
        Store::Outbox& outbox;
        const Clock& clock;
        // Fetches tasks, notes and appointments; null: the cache alone.
        ChildLoader* loader = nullptr;
    };

    // Lists fetched longer ago than this are marked as possibly out of date.
    static constexpr qint64 defaultStaleAfterMs = 60 * 60 * 1000;

    explicit ContactDetailPane(const Services& services, QWidget* parent = nullptr);
    ~ContactDetailPane() override;

    // Shows the contact with `contactId` (empty: none). A local id follows the contact when its
    // create lands and it gets its server id.
    void setContactId(const QString& contactId);
    QString contactId() const { return m_contactId; }

    void setConfirmation(Confirmation confirmation);
    // The location's lists: names of custom fields, users and calendars, the location's tags
    // for the tag editor, and users for the task dialog's assignee.
    void setLocationLists(const Api::LocationLists& lists);
    const Api::LocationLists& locationLists() const { return m_lists; }
    // The country phone numbers are shown for (the location's, else the user's default).
    void setRegion(const QString& region);
    void setStaleAfter(qint64 ms);

    ContactHeader* header() const { return m_header; }
    ContactOverview* overview() const { return m_overview; }
    QTabWidget* tabs() const { return m_tabs; }
    ChildTab* tasksTab() const { return m_tasksTab; }
    ChildTab* notesTab() const { return m_notesTab; }
    ChildTab* appointmentsTab() const { return m_appointmentsTab; }
    TaskListModel* taskModel() const { return m_taskModel; }
    NoteListModel* noteModel() const { return m_noteModel; }
    AppointmentListModel* appointmentModel() const { return m_appointmentModel; }

public Q_SLOTS:
    // Ctrl+Shift+T: the Tasks tab and a new-task dialog.
    void addTask();
    void editSelectedTask();
    void deleteSelectedTasks();
    // Ctrl+Shift+N: the Notes tab and a new-note dialog.
    void addNote();
    void editSelectedNote();
    void deleteSelectedNotes();
    // Fetches tasks, notes and appointments again.
    void refreshChildren();
    // Time moved on: list ages and overdue tasks are shown anew.
    void refreshTimes();

Q_SIGNALS:
    void resolveConflictRequested(const QString& contactId, qint64 outboxItemId);
    void statusMessage(const QString& message);

private:
    void build();
    ChildTab* tabFor(ChildLoader::Kind kind) const;
    void reloadContact();
    void updateFetchTimes();
    void updateTabTitles();
    bool canLoad() const;
    // Fetches the lists of the contact just opened when one was never fetched or is stale.
    void loadOnOpen();
    bool confirm(const QString& title, const QString& question, const QString& action);
    QStringList selectedIds(ChildTab* tab, int idRole) const;
    void selectRow(ChildTab* tab, int row);

    Store::ContactCache& m_contacts;
    Store::ChildCache& m_children;
    Store::LocalEdits& m_edits;
    Store::Outbox& m_outbox;
    const Clock& m_clock;
    ChildLoader* m_loader;
    Confirmation m_confirm;
    qint64 m_staleAfterMs = defaultStaleAfterMs;

    QString m_contactId;
    qint64 m_rowId = 0;
    bool m_localContact = false;

    QStackedWidget* m_stack = nullptr;
    QLabel* m_empty = nullptr;
    ContactHeader* m_header = nullptr;
    QTabWidget* m_tabs = nullptr;
    ContactOverview* m_overview = nullptr;
    Api::LocationLists m_lists;
    ChildTab* m_tasksTab = nullptr;
    ChildTab* m_notesTab = nullptr;
    ChildTab* m_appointmentsTab = nullptr;
    TaskListModel* m_taskModel = nullptr;
    NoteListModel* m_noteModel = nullptr;
    AppointmentListModel* m_appointmentModel = nullptr;
    QTimer* m_clockTimer = nullptr;
};

} // namespace ContactDesk::Ui
