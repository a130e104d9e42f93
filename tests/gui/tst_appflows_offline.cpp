// The app when HighLevel cannot be reached or disagrees: edits made offline show at once marked
// as waiting and go out in order once the network is back; an update that meets a server change
// of the same field is held as a conflict and settled in the merge dialog; a refused token
// prompts for a new sign-in while the queued work stays; an edit the local cache cannot take (a
// read-only or full disk) is kept in memory, shown, tried again and not lost on quit unasked.
#include "appflowfixture.h"
#include "appflowhelpers.h"
#include "auth/connectionsession.h"
#include "store/contactcache.h"
#include "store/database.h"
#include "store/localedits.h"
#include "ui/app/noticebar.h"
#include "ui/app/unsavededits.h"
#include "ui/connect/connectdialog.h"
#include "ui/dialogs/conflictdialog.h"
#include "ui/dialogs/contactdialog.h"
#include "ui/outbox/outboxdialog.h"
#include "ui/outbox/outboxmodel.h"

#include <QAction>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

using namespace AppFlowTest;
using ContactDesk::Store::EditOutcome;
using ContactDesk::Store::LocalStatus;
using ContactDesk::Ui::ContactListModel;
using ContactDesk::Ui::OutboxDialog;

namespace {

int statusOf(ContactListModel* model, const QString& contactId)
{
    const int row = model->rowForContactId(contactId);
    return row < 0 ? -1 : model->index(row, 0).data(ContactListModel::LocalStatusRole).toInt();
}

QJsonObject fault(const char* kind, int status = 0)
{
    QJsonObject rule {{QStringLiteral("kind"), QString::fromLatin1(kind)},
        {QStringLiteral("path"), QStringLiteral("/contacts/*")}};
    if (status > 0)
        rule.insert(QStringLiteral("status"), status);
    return rule;
}

// Makes the app's cache refuse every write, as a read-only disk does (the edits' connection).
bool setCacheReadOnly(AppFlow& flow, bool readOnly)
{
    QSqlQuery query(flow.workspace().database().sql());
    return query.exec(readOnly ? QStringLiteral("PRAGMA query_only = 1")
                               : QStringLiteral("PRAGMA query_only = 0"));
}

QString cachedEmail(AppFlow& flow, const QString& contactId)
{
    const std::optional<ContactDesk::Api::Contact> contact
        = flow.workspace().cache().contact(contactId);
    return contact ? contact->email : QString();
}

QSet<QString> keysOf(const QJsonObject& object)
{
    const QStringList keys = object.keys();
    return QSet<QString>(keys.cbegin(), keys.cend());
}

// The window's question about unsaved edits, open and not yet answered (an answered one may
// still wait for its deferred delete).
QMessageBox* unsavedQuestion(AppFlow& flow)
{
    QMessageBox* found = nullptr;
    const bool open = QTest::qWaitFor(
        [&] {
            const QList<QMessageBox*> boxes
                = flow.window.findChildren<QMessageBox*>(QStringLiteral("unsavedQuestion"));
            for (QMessageBox* box : boxes) {
                if (box->isVisible())
                    found = box;
            }
            return found != nullptr;
        },
        5000);
    return open ? found : nullptr;
}

} // namespace

class TestAppFlowsOffline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offlineEditsArePendingThenSentWhenTheNetworkIsBack()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        QVERIFY(AppFlow::waitFor([&] { return !flow.workspace().syncEngine().isRunning(); }));
        QVERIFY(flow.fx.server().faults().add(fault("drop")).isEmpty());
        const QString first = flow.model()->contactIdAt(0);
        const QString second = flow.model()->contactIdAt(1);
        ContactDesk::Store::LocalEdits& edits = flow.workspace().edits();
        QCOMPARE(edits.updateContact(
                     first, {{QStringLiteral("email"), QStringLiteral("offline.one@example.org")}}),
            ContactDesk::Store::EditOutcome::Saved);
        QCOMPARE(edits.updateContact(second,
                     {{QStringLiteral("email"), QStringLiteral("offline.two@example.org")}}),
            ContactDesk::Store::EditOutcome::Saved);

        // Shown at once, marked as waiting; the status bar counts them and says why.
        QCOMPARE(flow.model()
                     ->index(flow.model()->rowForContactId(first), ContactListModel::Email)
                     .data()
                     .toString(),
            QStringLiteral("offline.one@example.org"));
        QCOMPARE(statusOf(flow.model(), first), int(LocalStatus::Pending));
        QCOMPARE(statusOf(flow.model(), second), int(LocalStatus::Pending));
        auto* outbox = flow.child<QToolButton>("statusOutbox");
        QCOMPARE(outbox->text(), QStringLiteral("Outbox: 2"));
        auto* connection = flow.child<QLabel>("statusConnection");
        QTRY_VERIFY_WITH_TIMEOUT(connection->text().contains(QStringLiteral("offline")), 15000);
        QVERIFY(flow.workspace().outboxWorker().offlineUntilMs() > 0);
        QCOMPARE(flow.pendingCount(), 2);
        QCOMPARE(flow.fx.data().liveContact(first)->value(QStringLiteral("email")).toString()
                == QStringLiteral("offline.one@example.org"),
            false);

        // Both sends have given up (the second may still be retrying when the first marks the
        // app offline); an F5 during a send would be answered by that send's back-off.
        QVERIFY(AppFlow::waitFor([&] { return flow.workspace().outboxWorker().inFlight() == 0; }));

        // The network is back: after the back-off (by the injected clock), F5 sends the queue.
        flow.fx.server().faults().clear();
        flow.fx.clock().advance(10LL * 60 * 1000);
        const qint64 seq = flow.mark();
        QTest::keyClick(flow.list()->view(), Qt::Key_F5);
        QVERIFY(flow.waitOutboxEmpty());
        QCOMPARE(flow.requests(seq, QStringLiteral("update-contact")).size(), 2);
        QTRY_COMPARE(statusOf(flow.model(), first), int(LocalStatus::Synced));
        QTRY_COMPARE(statusOf(flow.model(), second), int(LocalStatus::Synced));
        QCOMPARE(outbox->text(), QStringLiteral("Outbox: 0"));
        QCOMPARE(flow.fx.data().liveContact(first)->value(QStringLiteral("email")).toString(),
            QStringLiteral("offline.one@example.org"));
        QCOMPARE(flow.fx.data().liveContact(second)->value(QStringLiteral("email")).toString(),
            QStringLiteral("offline.two@example.org"));
        QTRY_VERIFY(!connection->text().contains(QStringLiteral("offline")));
    }

    void conflictingUpdateIsSettledInTheMergeDialog()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        QVERIFY(AppFlow::waitFor([&] { return !flow.workspace().syncEngine().isRunning(); }));
        const QString id = flow.model()->contactIdAt(0);
        QVERIFY(flow.select(id));
        QVERIFY(flow.fx.server().faults().add(fault("drop")).isEmpty());
        QCOMPARE(flow.workspace().edits().updateContact(
                     id, {{QStringLiteral("email"), QStringLiteral("mine@example.org")}}),
            ContactDesk::Store::EditOutcome::Saved);
        QTRY_VERIFY_WITH_TIMEOUT(flow.workspace().outboxWorker().offlineUntilMs() > 0, 15000);

        // Meanwhile someone changes the same field in HighLevel.
        flow.fx.server().faults().clear();
        const auto theirs = flow.fx.api("PUT", QStringLiteral("/contacts/") + id,
            QJsonObject {{QStringLiteral("email"), QStringLiteral("theirs@example.org")}});
        QCOMPARE(theirs.status, 200);

        flow.fx.clock().advance(10LL * 60 * 1000);
        flow.workspace().outboxWorker().wake();
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(flow.model(), id), int(LocalStatus::Conflict), 15000);

        // The outbox lists it as a conflict; Resolve opens the merge dialog.
        flow.window.showOutbox();
        ContactDesk::Ui::OutboxDialog* outbox = flow.window.outboxDialog();
        QVERIFY(outbox);
        QCOMPARE(outbox->model()->rowCount(), 1);
        QVERIFY(outbox->selectItem(outbox->model()->itemAt(0)->id));
        QVERIFY(press(outbox, "outboxResolve"));
        auto* merge = flow.openDialog<ContactDesk::Ui::ConflictDialog>();
        QVERIFY(merge);
        QCOMPARE(merge->conflictingFields(), QStringList {QStringLiteral("email")});
        merge->choose(QStringLiteral("email"), ContactDesk::Ui::ConflictDialog::Side::Mine);
        const qint64 seq = flow.mark();
        merge->accept();

        QVERIFY(flow.waitOutboxEmpty());
        QVERIFY(!flow.requests(seq, QStringLiteral("update-contact")).isEmpty());
        QCOMPARE(flow.fx.data().liveContact(id)->value(QStringLiteral("email")).toString(),
            QStringLiteral("mine@example.org"));
        QTRY_COMPARE(statusOf(flow.model(), id), int(LocalStatus::Synced));
        QCOMPARE(outbox->model()->rowCount(), 0);
    }

    void refusedTokenAsksForSignInAndKeepsTheQueue()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        QVERIFY(AppFlow::waitFor([&] { return !flow.workspace().syncEngine().isRunning(); }));
        QVERIFY(flow.fx.server().faults().add(fault("status", 401)).isEmpty());
        const QString id = flow.model()->contactIdAt(0);
        QCOMPARE(flow.workspace().edits().updateContact(
                     id, {{QStringLiteral("email"), QStringLiteral("waiting@example.org")}}),
            ContactDesk::Store::EditOutcome::Saved);

        ContactDesk::Ui::NoticeBar* banner = flow.window.signInBanner();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 15000);
        QVERIFY(flow.child<QLabel>("statusConnection")
                    ->text()
                    .contains(QStringLiteral("needs sign-in")));
        QCOMPARE(flow.pendingCount(), 1);
        QCOMPARE(statusOf(flow.model(), id), int(LocalStatus::Pending));

        // The prompt opens the sign-in for this very connection.
        QVERIFY(press(banner, "signInBannerAction"));
        auto* connect = flow.openDialog<ContactDesk::Ui::ConnectDialog>();
        QVERIFY(connect);
        connect->reject();

        // Signed in again: the queued change goes out, nothing lost.
        flow.fx.server().faults().clear();
        const qint64 seq = flow.mark();
        QVERIFY(flow.app.reopen());
        QVERIFY(flow.waitOutboxEmpty());
        QCOMPARE(flow.requests(seq, QStringLiteral("update-contact")).size(), 1);
        QCOMPARE(flow.fx.data().liveContact(id)->value(QStringLiteral("email")).toString(),
            QStringLiteral("waiting@example.org"));
        QVERIFY(!flow.window.signInBanner()->isVisible());
    }

    void editTheCacheCannotTakeIsKeptShownAndSavedOnTryAgain()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        QVERIFY(AppFlow::waitFor([&] { return !flow.workspace().syncEngine().isRunning(); }));
        const QString id = flow.model()->contactIdAt(0);
        QVERIFY(flow.select(id));
        const QJsonObject before = *flow.fx.data().liveContact(id);
        const QString oldEmail = cachedEmail(flow, id);
        const QString newEmail = QStringLiteral("kept.in.memory@example.org");
        QVERIFY(oldEmail != newEmail);
        ContactDesk::Ui::NoticeBar* notice = flow.window.unsavedBanner();
        QVERIFY(!notice->isVisible());
        QVERIFY(setCacheReadOnly(flow, true));
        const qint64 seq = flow.mark();

        QTest::keyClick(flow.list()->view(), Qt::Key_Return);
        auto* dialog = flow.openDialog<ContactDesk::Ui::ContactDialog>();
        QVERIFY(dialog);
        QVERIFY(type(dialog, "emailEdit", newEmail));
        QVERIFY(press(dialog, "okButton"));

        // The window says so until it is saved, with the reason; the edit waits in memory.
        QVERIFY(notice->isVisible());
        const QString text = QStringLiteral("1 edit could not be saved to the local cache: the "
                                            "cache is read-only. It is kept in memory.");
        QCOMPARE(notice->message(), text);
        QCOMPARE(notice->accessibleName(), text);
        QCOMPARE(flow.workspace().edits().unsavedEdits().size(), 1);
        QCOMPARE(cachedEmail(flow, id), oldEmail);
        QCOMPARE(flow.pendingCount(), 0);
        QVERIFY(flow.window.unsavedEdits()->retryTimer()->isActive());
        QCOMPARE(flow.window.unsavedEdits()->retryTimer()->interval(), 30000);

        // Try again while the disk is still read-only: the notice stays and says why.
        QVERIFY(press(notice, "unsavedBannerAction"));
        QVERIFY(notice->isVisible());
        QCOMPARE(flow.window.statusBar()->currentMessage(),
            QStringLiteral("The edits still cannot be saved: the cache is read-only."));

        // The outbox lists it above its queue, with what, why and when.
        flow.window.showOutbox();
        OutboxDialog* outbox = flow.window.outboxDialog();
        QVERIFY(outbox);
        QTreeWidget* unsaved = outbox->unsavedView();
        QVERIFY(unsaved->isVisible());
        QCOMPARE(unsaved->topLevelItemCount(), 1);
        QTreeWidgetItem* row = unsaved->topLevelItem(0);
        QVERIFY(row->text(OutboxDialog::UnsavedChange).endsWith(QStringLiteral(": email")));
        QCOMPARE(row->text(OutboxDialog::UnsavedReason),
            QStringLiteral("Not saved: the cache is read-only"));
        QVERIFY(!row->text(OutboxDialog::UnsavedMade).isEmpty());
        QCOMPARE(outbox->model()->rowCount(), 0);
        outbox->close();

        // Nothing went to HighLevel: the edit never reached the outbox.
        flow.workspace().outboxWorker().wake();
        QCoreApplication::processEvents();
        QVERIFY(flow.requests(seq, QStringLiteral("update-contact")).isEmpty());

        // Closing asks first (after one more try); Cancel keeps the window and the edit.
        QVERIFY(!flow.window.close());
        QMessageBox* question = unsavedQuestion(flow);
        QVERIFY(question);
        QCOMPARE(question->text(),
            QStringLiteral("1 edit is not saved yet. If you quit now it is lost."));
        QCOMPARE(question->defaultButton()->objectName(), QStringLiteral("unsavedQuestionCancel"));
        // Try again while still read-only asks again.
        QVERIFY(press(question, "unsavedQuestionRetry"));
        QVERIFY(flow.window.isVisible());
        question = unsavedQuestion(flow);
        QVERIFY(question);
        QVERIFY(press(question, "unsavedQuestionCancel"));
        QVERIFY(flow.window.isVisible());
        QVERIFY(notice->isVisible());
        QCOMPARE(flow.workspace().edits().unsavedEdits().size(), 1);

        // The disk is writable again: Try again saves it and the notice goes.
        QVERIFY(setCacheReadOnly(flow, false));
        QVERIFY(press(notice, "unsavedBannerAction"));
        QVERIFY(!notice->isVisible());
        QVERIFY(!flow.window.unsavedEdits()->retryTimer()->isActive());
        QCOMPARE(flow.window.statusBar()->currentMessage(),
            QStringLiteral("The kept edit is saved in the local cache now."));
        QCOMPARE(cachedEmail(flow, id), newEmail);
        QCOMPARE(flow.model()
                     ->index(flow.model()->rowForContactId(id), ContactListModel::Email)
                     .data()
                     .toString(),
            newEmail);

        // F5 sends it: one PUT with only the changed field.
        QTest::keyClick(flow.list()->view(), Qt::Key_F5);
        QVERIFY(flow.waitOutboxEmpty());
        const QList<ContactDesk::Sandbox::LoggedExchange> updates
            = flow.requests(seq, QStringLiteral("update-contact"));
        QCOMPARE(updates.size(), 1);
        QCOMPARE(keysOf(AppFlow::body(updates.first())), QSet<QString> {QStringLiteral("email")});
        const QJsonObject after = *flow.fx.data().liveContact(id);
        QCOMPARE(after.value(QStringLiteral("email")).toString(), newEmail);
        for (const char* untouched : {"firstName", "lastName", "phone", "tags"})
            QCOMPARE(after.value(QLatin1String(untouched)), before.value(QLatin1String(untouched)));

        // Nothing is kept any more: the window closes without asking.
        QVERIFY(flow.window.close());
        QVERIFY(!flow.window.isVisible());
    }

    void keptEditsAreDiscardedInTheOutboxOrSavedByTheQuietRetry()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        QVERIFY(AppFlow::waitFor([&] { return !flow.workspace().syncEngine().isRunning(); }));
        const QString first = flow.model()->contactIdAt(0);
        const QString second = flow.model()->contactIdAt(1);
        const QString firstEmail = cachedEmail(flow, first);
        ContactDesk::Store::LocalEdits& edits = flow.workspace().edits();
        QVERIFY(setCacheReadOnly(flow, true));
        QCOMPARE(edits.updateContact(
                     first, {{QStringLiteral("email"), QStringLiteral("dropped@example.org")}}),
            EditOutcome::Unsaved);
        QCOMPARE(edits.updateContact(
                     second, {{QStringLiteral("email"), QStringLiteral("landed@example.org")}}),
            EditOutcome::Unsaved);
        ContactDesk::Ui::NoticeBar* notice = flow.window.unsavedBanner();
        QVERIFY(notice->message().startsWith(
            QStringLiteral("2 edits could not be saved to the local cache")));

        // The first is discarded in the outbox, after the question.
        flow.window.showOutbox();
        OutboxDialog* outbox = flow.window.outboxDialog();
        QStringList asked;
        outbox->setConfirm(
            [&asked](const QString&, const QString& question, std::function<void(bool)> answer) {
                asked.append(question);
                answer(true);
            });
        QTreeWidget* unsaved = outbox->unsavedView();
        QCOMPARE(unsaved->topLevelItemCount(), 2);
        QVERIFY(
            !outbox->findChild<QPushButton*>(QStringLiteral("outboxUnsavedDiscard"))->isEnabled());
        const ContactDesk::Store::UnsavedEdit dropped = edits.unsavedEdits().first();
        QCOMPARE(dropped.contactId, first);
        QVERIFY(outbox->selectUnsaved(dropped.serial));
        QVERIFY(press(outbox, "outboxUnsavedDiscard"));
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked.first().contains(dropped.description));
        QCOMPARE(edits.unsavedEdits().size(), 1);
        QCOMPARE(edits.unsavedEdits().first().contactId, second);
        QCOMPARE(unsaved->topLevelItemCount(), 1);
        QCOMPARE(unsaved->topLevelItem(0)->text(OutboxDialog::UnsavedChange),
            edits.unsavedEdits().first().description);
        QCOMPARE(notice->message(),
            QStringLiteral("1 edit could not be saved to the local cache: the cache is "
                           "read-only. It is kept in memory."));

        // Room again: the quiet retry saves the rest by itself, on its timer and not before.
        ContactDesk::Ui::UnsavedEditsGuard* guard = flow.window.unsavedEdits();
        QVERIFY(guard->retryTimer()->isActive());
        QVERIFY(setCacheReadOnly(flow, false));
        QCoreApplication::processEvents();
        QVERIFY(notice->isVisible());
        guard->setRetryInterval(0);
        QTRY_VERIFY_WITH_TIMEOUT(!notice->isVisible(), 5000);
        QVERIFY(!guard->retryTimer()->isActive());
        QCOMPARE(flow.window.statusBar()->currentMessage(),
            QStringLiteral("The kept edit is saved in the local cache now."));
        QVERIFY(!unsaved->isVisible());
        QCOMPARE(cachedEmail(flow, first), firstEmail);
        QCOMPARE(cachedEmail(flow, second), QStringLiteral("landed@example.org"));
        QVERIFY(flow.waitOutboxEmpty());
        QCOMPARE(flow.fx.data().liveContact(second)->value(QStringLiteral("email")).toString(),
            QStringLiteral("landed@example.org"));

        // Quit anyway closes although an edit is still only in memory.
        QVERIFY(setCacheReadOnly(flow, true));
        QCOMPARE(edits.updateContact(
                     first, {{QStringLiteral("email"), QStringLiteral("lost@example.org")}}),
            EditOutcome::Unsaved);
        QVERIFY(!flow.window.close());
        QMessageBox* question = unsavedQuestion(flow);
        QVERIFY(question);
        QVERIFY(press(question, "unsavedQuestionQuit"));
        QVERIFY(!flow.window.isVisible());
        QVERIFY(setCacheReadOnly(flow, false));
    }
};

QTEST_MAIN(TestAppFlowsOffline)
#include "tst_appflows_offline.moc"
