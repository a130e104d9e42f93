// The desktop app on the built-in sandbox receives HighLevel's webhooks itself: a change another
// user makes on the sandbox (control API PATCH) shows in the open contact list and in the detail
// pane within a second, with no sync running (the sync interval is off), and without any search
// request; a task another user adds appears in the open detail pane's tasks, a delete leaves
// the list, and a change made while the sandbox drops its webhooks waits for the next sync.
#include "appflowfixture.h"
#include "store/childcache.h"
#include "store/contactcache.h"
#include "sync/syncengine.h"
#include "ui/automation/automationcontroller.h"
#include "webhooks/webhookintake.h"
#include "webhooks/webhookledger.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLabel>
#include <QTableView>
#include <QTest>

using namespace AppFlowTest;

class TestWebhookLive : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<AppFlow> m_flow;

    Ui::AutomationController* automation() { return m_flow->window.automation(); }
    Webhooks::WebhookIntake* intake() { return automation()->webhookIntake(); }

    QString companyInList(const QString& id)
    {
        const QModelIndex index
            = m_flow->model()->indexForContactId(id, Ui::ContactListModel::Company);
        return index.data().toString();
    }
    QString companyInDetail()
    {
        auto* label = m_flow->child<QLabel>("detailCompany");
        return label ? label->text() : QString();
    }
    int searches(qint64 since)
    {
        return int(m_flow->requests(since, QStringLiteral("search-contacts-advanced")).size());
    }

private Q_SLOTS:
    void init()
    {
        m_flow = std::make_unique<AppFlow>(12);
        // No poll: only a webhook can bring the change.
        m_flow->app.setSyncIntervalMs(0);
        QVERIFY(m_flow->start());
        QVERIFY(automation() && intake());
        QTRY_VERIFY_WITH_TIMEOUT(!intake()->linkedUrl().isEmpty(), 5000);
        QCOMPARE(intake()->keySource(), Webhooks::WebhookKeySource::Sandbox);
        QVERIFY(automation()->webhookProblem().isEmpty());
        // The sandbox delivers to the app's own receiver on this machine.
        QCOMPARE(intake()->linkedUrl().host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(intake()->linkedUrl().path(), QStringLiteral("/hooks/highlevel"));
        const QJsonObject settings
            = m_flow->fx.control("GET", QStringLiteral("/__sandbox/webhooks")).object();
        QCOMPARE(settings.value(QLatin1String("url")).toString(), intake()->linkedUrl().toString());
    }

    void cleanup() { m_flow.reset(); }

    void anotherUsersChangeShowsInTheListAndDetailWithinASecond()
    {
        const QString id = m_flow->model()->contactIdAt(3);
        QVERIFY(m_flow->select(id));
        QTRY_VERIFY(m_flow->child<QLabel>("detailName")
            && !m_flow->child<QLabel>("detailName")->text().isEmpty());
        QVERIFY(companyInDetail() != QStringLiteral("Analytical Engines"));
        const qint64 mark = m_flow->mark();
        QElapsedTimer timer;
        timer.start();
        const auto answer = m_flow->fx.control("PATCH", QStringLiteral("/__sandbox/contacts/") + id,
            QJsonObject {{QStringLiteral("companyName"), QStringLiteral("Analytical Engines")}});
        QCOMPARE(answer.status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(companyInList(id), QStringLiteral("Analytical Engines"), 1000);
        QTRY_COMPARE_WITH_TIMEOUT(companyInDetail(), QStringLiteral("Analytical Engines"), 1000);
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(searches(mark), 0);
        QVERIFY(!m_flow->workspace().syncEngine().isRunning());
        const Webhooks::WebhookIntakeSummary summary = intake()->summary();
        QVERIFY(summary.accepted >= 1);
        QVERIFY(summary.applied >= 1);
        QCOMPARE(summary.rejected, 0);
        QCOMPARE(summary.lastStatus, 200);
        QCOMPARE(summary.lastType, QStringLiteral("ContactUpdate"));
    }

    void aTaskAnotherUserAddsShowsInTheOpenDetailPane()
    {
        const QString id = m_flow->model()->contactIdAt(4);
        QVERIFY(m_flow->select(id));
        auto* tasks = m_flow->child<QTableView>("tasksView");
        QVERIFY(tasks);
        // The detail pane loaded the contact's tasks once on selection.
        QTRY_VERIFY(m_flow->workspace().children().tasksFetchedAt(id).has_value());
        QTest::qWait(100);
        const int before = tasks->model()->rowCount();
        const auto created = m_flow->fx.api("POST", QStringLiteral("/contacts/%1/tasks").arg(id),
            QJsonObject {{QStringLiteral("title"), QStringLiteral("Call about the webhook")},
                {QStringLiteral("dueDate"), QStringLiteral("2026-11-20T15:00:00.000Z")},
                {QStringLiteral("completed"), false}});
        QCOMPARE(created.status, 201);
        QTRY_COMPARE_WITH_TIMEOUT(tasks->model()->rowCount(), before + 1, 2000);
        bool shown = false;
        for (int row = 0; row < tasks->model()->rowCount(); ++row) {
            for (int column = 0; column < tasks->model()->columnCount(); ++column)
                shown = shown
                    || tasks->model()->index(row, column).data().toString()
                        == QStringLiteral("Call about the webhook");
        }
        QVERIFY(shown);
    }

    void aDeleteByAnotherUserLeavesTheList()
    {
        const QString id = m_flow->model()->contactIdAt(5);
        const int rows = m_flow->model()->rowCount();
        QCOMPARE(
            m_flow->fx.control("DELETE", QStringLiteral("/__sandbox/contacts/") + id).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_flow->model()->rowCount(), rows - 1, 1000);
        QCOMPARE(m_flow->model()->rowForContactId(id), -1);
    }

    void aDroppedWebhookIsCaughtByTheNextSync()
    {
        const QString id = m_flow->model()->contactIdAt(2);
        const QString before = companyInList(id);
        QCOMPARE(m_flow->fx
                     .control("POST", QStringLiteral("/__sandbox/faults"),
                         QJsonObject {{QStringLiteral("target"), QStringLiteral("webhook")},
                             {QStringLiteral("kind"), QStringLiteral("drop")},
                             {QStringLiteral("count"), 1}})
                     .status,
            201);
        // The sandbox's clock moves on, so the sync's dateUpdated window sees the change.
        m_flow->fx.clock().advance(2000);
        QCOMPARE(
            m_flow->fx
                .control("PATCH", QStringLiteral("/__sandbox/contacts/") + id,
                    QJsonObject {{QStringLiteral("companyName"), QStringLiteral("Dropped Ltd")}})
                .status,
            200);
        QTest::qWait(600);
        QCOMPARE(companyInList(id), before);
        const QJsonArray deliveries
            = m_flow->fx.control("GET", QStringLiteral("/__sandbox/webhooks"))
                  .object()
                  .value(QLatin1String("deliveries"))
                  .toArray();
        QCOMPARE(deliveries.last().toObject().value(QLatin1String("state")).toString(),
            QStringLiteral("dropped"));
        QVERIFY(m_flow->workspace().syncEngine().sync());
        QTRY_COMPARE_WITH_TIMEOUT(companyInList(id), QStringLiteral("Dropped Ltd"), 10000);
    }
};

QTEST_MAIN(TestWebhookLive)
#include "tst_webhooklive.moc"
