// The app when HighLevel cannot be reached or disagrees: edits made offline show at once marked
// as waiting and go out in order once the network is back; an update that meets a server change
// of the same field is held as a conflict and settled in the merge dialog; a refused token
// prompts for a new sign-in while the queued work stays.
#include "appflowfixture.h"
#include "appflowhelpers.h"
#include "auth/connectionsession.h"
#include "store/localedits.h"
#include "ui/app/noticebar.h"
#include "ui/connect/connectdialog.h"
#include "ui/dialogs/conflictdialog.h"
#include "ui/outbox/outboxdialog.h"
#include "ui/outbox/outboxmodel.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <QToolButton>

using namespace AppFlowTest;
using ContactDesk::Store::LocalStatus;
using ContactDesk::Ui::ContactListModel;

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
};

QTEST_MAIN(TestAppFlowsOffline)
#include "tst_appflows_offline.moc"
