// The desktop app's everyday flows, scripted through the window as a user does them and checked
// twice: on the screen (the list, the detail pane, the marks) and on the sandbox's request log
// and data (what reached "HighLevel").
#include "appflowfixture.h"
#include "appflowhelpers.h"
#include "store/contactcache.h"
#include "ui/app/contactactions.h"
#include "ui/detail/childtab.h"
#include "ui/detail/contactdetailpane.h"
#include "ui/detail/notelistmodel.h"
#include "ui/detail/tasklistmodel.h"
#include "ui/dialogs/bulktagsdialog.h"
#include "ui/dialogs/contactdialog.h"
#include "ui/dialogs/deletecontactdialog.h"
#include "ui/dialogs/notedialog.h"
#include "ui/dialogs/tageditor.h"
#include "ui/dialogs/taskdialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QSet>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace AppFlowTest;
using ContactDesk::Store::LocalStatus;
using ContactDesk::Ui::ContactDialog;
using ContactDesk::Ui::ContactListModel;
using ContactDesk::Ui::NoteListModel;
using ContactDesk::Ui::TaskListModel;

namespace {

int statusOf(ContactListModel* model, const QString& contactId)
{
    const int row = model->rowForContactId(contactId);
    return row < 0 ? -1 : model->index(row, 0).data(ContactListModel::LocalStatusRole).toInt();
}

QSet<QString> keysOf(const QJsonObject& object)
{
    const QStringList keys = object.keys();
    return QSet<QString>(keys.cbegin(), keys.cend());
}

// A seeded contact that has at least one task and one note on the sandbox.
QString contactWithChildren(AppFlow& flow)
{
    ContactDesk::Sandbox::SandboxData& data = flow.fx.data();
    for (int row = 0; row < flow.model()->rowCount(); ++row) {
        const QString id = flow.model()->contactIdAt(row);
        if (!data.tasks().value(id).isEmpty() && !data.notes().value(id).isEmpty())
            return id;
    }
    return {};
}

// Selects the contact and waits until the detail pane shows its tasks and notes as fetched.
bool openWithChildren(AppFlow& flow, const QString& contactId)
{
    if (!flow.select(contactId))
        return false;
    const int tasks = int(flow.fx.data().tasks().value(contactId).size());
    const int notes = int(flow.fx.data().notes().value(contactId).size());
    return AppFlow::waitFor([&] {
        return flow.window.detailPane()->contactId() == contactId
            && flow.window.detailPane()->taskModel()->rowCount() == tasks
            && flow.window.detailPane()->noteModel()->rowCount() == notes;
    });
}

void selectRow(QTableView* view, int row)
{
    view->setFocus();
    view->selectionModel()->setCurrentIndex(view->model()->index(row, 0),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

} // namespace

class TestAppFlows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createdContactShowsAtOnceThenReachesTheSandbox()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        QAbstractItemModelTester tester(flow.model());
        const qint64 seq = flow.mark();

        flow.window.action(QStringLiteral("newContactAction"))->trigger();
        auto* dialog = flow.openDialog<ContactDialog>();
        QVERIFY(dialog);
        QVERIFY(!dialog->isEditMode());
        QVERIFY(type(dialog, "firstNameEdit", QStringLiteral("Ada")));
        QVERIFY(type(dialog, "lastNameEdit", QStringLiteral("Lovelace")));
        QVERIFY(type(dialog, "emailEdit", QStringLiteral("ada@example.org")));
        QVERIFY(press(dialog, "okButton"));

        // At once: listed, current, and marked as waiting to be sent.
        QCOMPARE(flow.model()->rowCount(), flow.seededContacts + 1);
        const QString localId = flow.list()->currentContactId();
        QVERIFY2(localId.startsWith(QStringLiteral("local-")), qPrintable(localId));
        const int row = flow.model()->rowForContactId(localId);
        QCOMPARE(flow.model()->index(row, ContactListModel::Name).data().toString(),
            QStringLiteral("Ada Lovelace"));
        QCOMPARE(statusOf(flow.model(), localId), int(LocalStatus::Pending));

        // Then on the server, created once, and the row carries the server's id.
        QVERIFY(flow.waitOutboxEmpty());
        const auto creates = flow.requests(seq, QStringLiteral("create-contact"));
        QCOMPARE(creates.size(), 1);
        QCOMPARE(creates.first().status, 201);
        QCOMPARE(AppFlow::body(creates.first())[QStringLiteral("email")].toString(),
            QStringLiteral("ada@example.org"));
        QTRY_VERIFY(!flow.list()->currentContactId().startsWith(QStringLiteral("local-")));
        const QString serverId = flow.list()->currentContactId();
        const QJsonObject* onServer = flow.fx.data().liveContact(serverId);
        QVERIFY(onServer);
        QCOMPARE(onServer->value(QStringLiteral("firstName")).toString(), QStringLiteral("Ada"));
        QTRY_COMPARE(statusOf(flow.model(), serverId), int(LocalStatus::Synced));
    }

    void editSendsOnlyTheChangedFields()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        const QString id = flow.model()->contactIdAt(0);
        QVERIFY(flow.select(id));
        const QJsonObject before = *flow.fx.data().liveContact(id);
        const qint64 seq = flow.mark();

        // Enter on the list opens the contact for editing.
        QTest::keyClick(flow.list()->view(), Qt::Key_Return);
        auto* dialog = flow.openDialog<ContactDialog>();
        QVERIFY(dialog);
        QVERIFY(dialog->isEditMode());
        QVERIFY(type(dialog, "emailEdit", QStringLiteral("ada.edited@example.org")));
        QVERIFY(press(dialog, "okButton"));

        const int row = flow.model()->rowForContactId(id);
        QCOMPARE(flow.model()->index(row, ContactListModel::Email).data().toString(),
            QStringLiteral("ada.edited@example.org"));
        QVERIFY(flow.waitOutboxEmpty());
        const auto updates = flow.requests(seq, QStringLiteral("update-contact"));
        QCOMPARE(updates.size(), 1);
        QCOMPARE(updates.first().status, 200);
        QCOMPARE(keysOf(AppFlow::body(updates.first())), QSet<QString> {QStringLiteral("email")});
        const QJsonObject after = *flow.fx.data().liveContact(id);
        QCOMPARE(after.value(QStringLiteral("email")).toString(),
            QStringLiteral("ada.edited@example.org"));
        for (const char* untouched : {"firstName", "lastName", "phone", "companyName", "tags"})
            QCOMPARE(after.value(QLatin1String(untouched)), before.value(QLatin1String(untouched)));
        QCOMPARE(statusOf(flow.model(), id), int(LocalStatus::Synced));
    }

    void taskIsAddedCompletedAndDeleted()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        const QString id = contactWithChildren(flow);
        QVERIFY(!id.isEmpty());
        QVERIFY(openWithChildren(flow, id));
        ContactDesk::Ui::ContactDetailPane* detail = flow.window.detailPane();
        TaskListModel* tasks = detail->taskModel();
        QAbstractItemModelTester tester(tasks);
        const int seeded = tasks->rowCount();
        qint64 seq = flow.mark();

        QTest::keyClick(&flow.window, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
        auto* dialog = flow.openDialog<ContactDesk::Ui::TaskDialog>();
        QVERIFY(dialog);
        QVERIFY(type(dialog, "taskTitle", QStringLiteral("Call about the invoice")));
        QVERIFY(press(dialog, "okButton"));
        QCOMPARE(tasks->rowCount(), seeded + 1);
        QVERIFY(flow.waitOutboxEmpty());
        const auto creates = flow.requests(seq, QStringLiteral("create-task"));
        QCOMPARE(creates.size(), 1);
        QCOMPARE(creates.first().status, 201);
        QString taskId;
        for (const QJsonObject& task : flow.fx.data().tasks().value(id)) {
            if (task.value(QStringLiteral("title")).toString()
                == QStringLiteral("Call about the invoice"))
                taskId = task.value(QStringLiteral("id")).toString();
        }
        QVERIFY(!taskId.isEmpty());
        QTRY_VERIFY(tasks->rowOf(taskId) >= 0);

        // The checkbox completes it.
        seq = flow.mark();
        const QModelIndex check
            = tasks->index(tasks->rowOf(taskId), TaskListModel::CompletedColumn);
        QVERIFY(tasks->setData(check, Qt::Checked, Qt::CheckStateRole));
        QVERIFY(flow.waitOutboxEmpty());
        const auto completes = flow.requests(seq, QStringLiteral("update-task-completed"));
        QCOMPARE(completes.size(), 1);
        QCOMPARE(AppFlow::body(completes.first())[QStringLiteral("completed")].toBool(), true);
        bool completedOnServer = false;
        for (const QJsonObject& task : flow.fx.data().tasks().value(id)) {
            if (task.value(QStringLiteral("id")).toString() == taskId)
                completedOnServer = task.value(QStringLiteral("completed")).toBool();
        }
        QVERIFY(completedOnServer);

        // Delete, confirmed through the pane's seam.
        seq = flow.mark();
        detail->setConfirmation(
            [](const QString&, const QString&, const QString&) { return true; });
        selectRow(detail->tasksTab()->view(), tasks->rowOf(taskId));
        QVERIFY(press(detail->tasksTab(), "deleteTaskButton"));
        QCOMPARE(tasks->rowOf(taskId), -1);
        QVERIFY(flow.waitOutboxEmpty());
        QCOMPARE(flow.requests(seq, QStringLiteral("delete-task")).size(), 1);
        for (const QJsonObject& task : flow.fx.data().tasks().value(id))
            QVERIFY(task.value(QStringLiteral("id")).toString() != taskId);
        QCOMPARE(tasks->rowCount(), seeded);
    }

    void noteIsAddedEditedAndDeleted()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        const QString id = contactWithChildren(flow);
        QVERIFY(openWithChildren(flow, id));
        ContactDesk::Ui::ContactDetailPane* detail = flow.window.detailPane();
        NoteListModel* notes = detail->noteModel();
        QAbstractItemModelTester tester(notes);
        const int seeded = notes->rowCount();
        qint64 seq = flow.mark();

        QTest::keyClick(&flow.window, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        auto* dialog = flow.openDialog<ContactDesk::Ui::NoteDialog>();
        QVERIFY(dialog);
        QVERIFY(typePlain(dialog, "noteBody", QStringLiteral("Prefers email after 5 pm")));
        QVERIFY(press(dialog, "okButton"));
        QCOMPARE(notes->rowCount(), seeded + 1);
        QVERIFY(flow.waitOutboxEmpty());
        QCOMPARE(flow.requests(seq, QStringLiteral("create-note")).size(), 1);
        QString noteId;
        for (const QJsonObject& note : flow.fx.data().notes().value(id)) {
            if (note.value(QStringLiteral("body")).toString()
                == QStringLiteral("Prefers email after 5 pm"))
                noteId = note.value(QStringLiteral("id")).toString();
        }
        QVERIFY(!noteId.isEmpty());
        QTRY_VERIFY(notes->rowOf(noteId) >= 0);

        seq = flow.mark();
        selectRow(detail->notesTab()->view(), notes->rowOf(noteId));
        QVERIFY(press(detail->notesTab(), "editNoteButton"));
        auto* edit = flow.openDialog<ContactDesk::Ui::NoteDialog>();
        QVERIFY(edit);
        QVERIFY(edit->isEditMode());
        QVERIFY(typePlain(edit, "noteBody", QStringLiteral("Prefers phone calls")));
        QVERIFY(press(edit, "okButton"));
        QCOMPARE(notes->index(notes->rowOf(noteId), 0).data(NoteListModel::FullTextRole).toString(),
            QStringLiteral("Prefers phone calls"));
        QVERIFY(flow.waitOutboxEmpty());
        const auto updates = flow.requests(seq, QStringLiteral("update-note"));
        QCOMPARE(updates.size(), 1);
        QCOMPARE(AppFlow::body(updates.first())[QStringLiteral("body")].toString(),
            QStringLiteral("Prefers phone calls"));

        seq = flow.mark();
        detail->setConfirmation(
            [](const QString&, const QString&, const QString&) { return true; });
        selectRow(detail->notesTab()->view(), notes->rowOf(noteId));
        QVERIFY(press(detail->notesTab(), "deleteNoteButton"));
        QCOMPARE(notes->rowOf(noteId), -1);
        QVERIFY(flow.waitOutboxEmpty());
        QCOMPARE(flow.requests(seq, QStringLiteral("delete-note")).size(), 1);
        QCOMPARE(notes->rowCount(), seeded);
        for (const QJsonObject& note : flow.fx.data().notes().value(id))
            QVERIFY(note.value(QStringLiteral("id")).toString() != noteId);
    }

    void deletedContactComesBackWithTasksAndNotesOnUndo()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        const QString id = contactWithChildren(flow);
        QVERIFY(openWithChildren(flow, id));
        QStringList taskTitles;
        for (const QJsonObject& task : flow.fx.data().tasks().value(id))
            taskTitles.append(task.value(QStringLiteral("title")).toString());
        QStringList noteBodies;
        for (const QJsonObject& note : flow.fx.data().notes().value(id))
            noteBodies.append(note.value(QStringLiteral("body")).toString());
        const QString name
            = flow.fx.data().liveContact(id)->value(QStringLiteral("firstName")).toString();
        qint64 seq = flow.mark();

        QTest::keyClick(flow.list()->view(), Qt::Key_Delete);
        auto* dialog = flow.openDialog<ContactDesk::Ui::DeleteContactDialog>();
        QVERIFY(dialog);
        QVERIFY2(dialog->message().contains(QString::number(taskTitles.size())),
            qPrintable(dialog->message()));
        QVERIFY(dialog->message().contains(QString::number(noteBodies.size())));
        QVERIFY(press(dialog, "deleteButton"));
        QCOMPARE(flow.model()->rowCount(), flow.seededContacts - 1);
        QCOMPARE(flow.model()->rowForContactId(id), -1);
        auto* undo = flow.child<QToolButton>("statusUndo");
        QVERIFY(undo && undo->isVisible());
        QVERIFY(flow.waitOutboxEmpty());
        QCOMPARE(flow.requests(seq, QStringLiteral("delete-contact")).size(), 1);
        QVERIFY(!flow.fx.data().liveContact(id));

        // Ctrl+Z brings everything back, under new ids.
        seq = flow.mark();
        QVERIFY(flow.window.action(QStringLiteral("undoDeleteAction"))->isEnabled());
        // The offscreen platform does not hand activation back when a dialog closes; a window
        // manager does.
        flow.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&flow.window));
        QTest::keyClick(flow.list()->view(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(flow.model()->rowCount(), flow.seededContacts);
        QVERIFY(!undo->isVisible());
        QVERIFY(flow.waitOutboxEmpty());
        QCOMPARE(flow.requests(seq, QStringLiteral("create-contact")).size(), 1);
        QCOMPARE(flow.requests(seq, QStringLiteral("create-task")).size(), taskTitles.size());
        QCOMPARE(flow.requests(seq, QStringLiteral("create-note")).size(), noteBodies.size());
        QTRY_VERIFY(!flow.list()->currentContactId().startsWith(QStringLiteral("local-")));
        const QString newId = flow.list()->currentContactId();
        QVERIFY(newId != id);
        const QJsonObject* restored = flow.fx.data().liveContact(newId);
        QVERIFY(restored);
        QCOMPARE(restored->value(QStringLiteral("firstName")).toString(), name);
        QStringList restoredTitles;
        for (const QJsonObject& task : flow.fx.data().tasks().value(newId))
            restoredTitles.append(task.value(QStringLiteral("title")).toString());
        QStringList restoredBodies;
        for (const QJsonObject& note : flow.fx.data().notes().value(newId))
            restoredBodies.append(note.value(QStringLiteral("body")).toString());
        taskTitles.sort();
        restoredTitles.sort();
        noteBodies.sort();
        restoredBodies.sort();
        QCOMPARE(restoredTitles, taskTitles);
        QCOMPARE(restoredBodies, noteBodies);
    }

    void selectedContactsAreTaggedThenDeletedTogether()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        QTableView* view = flow.list()->view();
        // Three rows chosen from the keyboard: the first, then Shift+Down twice.
        selectRow(view, 0);
        QTest::keyClick(view, Qt::Key_Down, Qt::ShiftModifier);
        QTest::keyClick(view, Qt::Key_Down, Qt::ShiftModifier);
        const QStringList chosen = flow.list()->selectedContactIds();
        QCOMPARE(chosen.size(), 3);
        QVERIFY(flow.window.action(QStringLiteral("addTagsAction"))->isEnabled());
        qint64 seq = flow.mark();

        const QString tag = QStringLiteral("spring promo");
        flow.window.action(QStringLiteral("addTagsAction"))->trigger();
        auto* tags = flow.openDialog<ContactDesk::Ui::BulkTagsDialog>();
        QVERIFY(tags);
        // The location's tags are offered; a tag it does not have yet is marked new.
        QVERIFY(!tags->tagEditor()->isNewToLocation(QStringLiteral("vip")));
        QVERIFY(tags->tagEditor()->isNewToLocation(tag));
        QTest::keyClicks(tags->tagEditor()->lineEdit(), tag);
        QVERIFY(press(tags, "okButton"));

        // On the screen at once, then on the server for each of the three.
        for (const QString& id : chosen) {
            const int row = flow.model()->rowForContactId(id);
            QVERIFY(
                flow.model()->index(row, ContactListModel::Tags).data().toString().contains(tag));
        }
        QVERIFY(flow.waitOutboxEmpty());
        const auto added = flow.requests(seq, QStringLiteral("add-tags"));
        QCOMPARE(added.size(), chosen.size());
        for (const QString& id : chosen) {
            const QJsonArray onServer
                = flow.fx.data().liveContact(id)->value(QStringLiteral("tags")).toArray();
            QVERIFY2(onServer.contains(tag), qPrintable(id));
        }
        QCOMPARE(flow.list()->selectedContactIds(), chosen);

        // Del asks once for all three, and all three go.
        seq = flow.mark();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Delete);
        auto* confirm = flow.openDialog<ContactDesk::Ui::DeleteContactDialog>();
        QVERIFY(confirm);
        QCOMPARE(confirm->contactCount(), 3);
        QVERIFY2(confirm->message().startsWith(QStringLiteral("Delete 3 contacts?")),
            qPrintable(confirm->message()));
        QVERIFY(press(confirm, "deleteButton"));
        QCOMPARE(flow.model()->rowCount(), flow.seededContacts - 3);
        for (const QString& id : chosen)
            QCOMPARE(flow.model()->rowForContactId(id), -1);
        QVERIFY(flow.waitOutboxEmpty());
        QCOMPARE(flow.requests(seq, QStringLiteral("delete-contact")).size(), 3);
        for (const QString& id : chosen)
            QVERIFY(!flow.fx.data().liveContact(id));
    }

    void serverRefusalIsShownNextToTheFieldAndFixed()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        const qint64 seq = flow.mark();
        flow.window.action(QStringLiteral("newContactAction"))->trigger();
        auto* dialog = flow.openDialog<ContactDialog>();
        QVERIFY(dialog);
        QVERIFY(type(dialog, "firstNameEdit", QStringLiteral("Grace")));
        // Passes the dialog's loose check; HighLevel wants a real top-level domain.
        QVERIFY(type(dialog, "emailEdit", QStringLiteral("grace@navy.x")));
        QVERIFY(press(dialog, "okButton"));
        const QString localId = flow.list()->currentContactId();

        QTRY_COMPARE_WITH_TIMEOUT(statusOf(flow.model(), localId), int(LocalStatus::Failed), 15000);
        const auto refused = flow.requests(seq, QStringLiteral("create-contact"));
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().status, 422);
        QAction* fix = flow.window.action(QStringLiteral("fixContactAction"));
        QTRY_VERIFY(fix->isEnabled());

        fix->trigger();
        auto* fixDialog = flow.openDialog<ContactDialog>();
        QVERIFY(fixDialog);
        auto* message = fixDialog->findChild<QLabel*>(QStringLiteral("emailServerError"));
        QVERIFY(message);
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QStringLiteral("email must be an email")),
            qPrintable(message->text()));
        QVERIFY(type(fixDialog, "emailEdit", QStringLiteral("grace@navy.mil")));
        QVERIFY(!message->isVisible());
        QVERIFY(press(fixDialog, "okButton"));

        QVERIFY(flow.waitOutboxEmpty());
        const auto creates = flow.requests(seq, QStringLiteral("create-contact"));
        QCOMPARE(creates.size(), 2);
        QCOMPARE(creates.last().status, 201);
        QTRY_VERIFY(!flow.list()->currentContactId().startsWith(QStringLiteral("local-")));
        const QJsonObject* created = flow.fx.data().liveContact(flow.list()->currentContactId());
        QVERIFY(created);
        QCOMPARE(
            created->value(QStringLiteral("email")).toString(), QStringLiteral("grace@navy.mil"));
        QVERIFY(!fix->isEnabled());
    }

    void likelyDuplicateOffersTheExistingContact()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        const QString existing = flow.model()->contactIdAt(3);
        const QString email
            = flow.fx.data().liveContact(existing)->value(QStringLiteral("email")).toString();
        QVERIFY(!email.isEmpty());
        QVERIFY(flow.select(flow.model()->contactIdAt(0)));
        const qint64 seq = flow.mark();

        flow.window.action(QStringLiteral("newContactAction"))->trigger();
        auto* dialog = flow.openDialog<ContactDialog>();
        QVERIFY(dialog);
        QVERIFY(type(dialog, "firstNameEdit", QStringLiteral("Someone")));
        QVERIFY(type(dialog, "emailEdit", email.toUpper()));
        QVERIFY(press(dialog, "okButton"));
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->duplicate().has_value());
        QCOMPARE(dialog->duplicate()->contactId, existing);
        QVERIFY(press(dialog, "openExisting"));
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(flow.list()->currentContactId(), existing);
        QCOMPARE(flow.model()->rowCount(), flow.seededContacts);
        QCOMPARE(flow.pendingCount(), 0);
        QVERIFY(flow.requests(seq, QStringLiteral("create-contact")).isEmpty());
    }
};

QTEST_MAIN(TestAppFlows)
#include "tst_appflows.moc"
