// Automations > Webhooks on the built-in sandbox: the tab says where webhooks arrive and how
// changes reach the app ("live"), "Send Test Webhook" brings a delivery that is listed as
// verified and applied, a delivery with a bad signature is listed as refused with its 401, and
// a change another user makes on the sandbox is counted and listed without reopening the tab.
#include "appflowfixture.h"
#include "ui/automation/automationcontroller.h"
#include "ui/automation/automationswindow.h"
#include "ui/automation/webhookdeliverymodel.h"
#include "ui/automation/webhookspage.h"
#include "webhooks/webhookintake.h"

#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTabWidget>
#include <QTest>

using namespace AppFlowTest;
using ContactDesk::Ui::WebhookDeliveryModel;
using ContactDesk::Ui::WebhooksPage;

class TestWebhooksPage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<AppFlow> m_flow;
    WebhooksPage* m_page = nullptr;

    WebhookDeliveryModel* deliveries() { return m_page->deliveries(); }
    QString cell(int row, int column) { return deliveries()->index(row, column).data().toString(); }
    // The first row whose result column starts with `prefix`, or -1.
    int rowWithResult(const QString& prefix)
    {
        for (int row = 0; row < deliveries()->rowCount(); ++row) {
            if (cell(row, WebhookDeliveryModel::ResultColumn).startsWith(prefix))
                return row;
        }
        return -1;
    }

private Q_SLOTS:
    void init()
    {
        m_flow = std::make_unique<AppFlow>(8);
        m_flow->app.setSyncIntervalMs(0);
        QVERIFY(m_flow->start());
        auto* automation = m_flow->window.automation();
        QVERIFY(automation && automation->webhookIntake());
        QTRY_VERIFY_WITH_TIMEOUT(!automation->webhookIntake()->linkedUrl().isEmpty(), 5000);
        QTest::keyClick(&m_flow->window, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        auto* window = m_flow->window.automationsWindow();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        m_page = window->webhooksPage();
        QVERIFY(m_page);
        window->tabs()->setCurrentWidget(m_page);
    }

    void cleanup()
    {
        m_page = nullptr;
        m_flow.reset();
    }

    void statusSaysWhereWebhooksArriveAndThatChangesAreLive()
    {
        const QString url = m_flow->window.automation()->webhookIntake()->linkedUrl().toString();
        QTRY_VERIFY(m_page->statusLabel()->text().contains(url));
        QVERIFY(url.startsWith(QStringLiteral("http://127.0.0.1:")));
        QCOMPARE(m_page->updatesLabel()->text(), QStringLiteral("Changes from HighLevel: live"));
        // The sandbox signs with its own keys: no key files to choose, a test button instead.
        QVERIFY(!m_page->rsaKeyEdit()->isVisibleTo(m_page));
        QVERIFY(m_page->sendTestButton()->isVisibleTo(m_page));
        QVERIFY(m_page->sendTestButton()->isEnabled());
        QCOMPARE(deliveries()->rowCount(), 0);
    }

    void sendTestWebhookIsListedAsVerifiedAndApplied()
    {
        QTest::mouseClick(m_page->sendTestButton(), Qt::LeftButton);
        QTRY_VERIFY(m_page->testResultLabel()->text().startsWith(
            QStringLiteral("The sandbox sent webhook ")));
        QTRY_COMPARE_WITH_TIMEOUT(deliveries()->rowCount(), 1, 3000);
        QTRY_COMPARE_WITH_TIMEOUT(
            cell(0, WebhookDeliveryModel::ResultColumn), QStringLiteral("verified, applied"), 3000);
        QCOMPARE(cell(0, WebhookDeliveryModel::TypeColumn), QStringLiteral("ContactUpdate"));
        QCOMPARE(cell(0, WebhookDeliveryModel::AnswerColumn), QStringLiteral("200"));
        QTRY_VERIFY(m_page->countsLabel()->text().startsWith(
            QStringLiteral("1 received · 1 accepted · 0 refused · 0 ignored · 1 applied")));
    }

    void badSignatureIsListedAsRefused()
    {
        QCOMPARE(m_flow->fx
                     .control("POST", QStringLiteral("/__sandbox/faults"),
                         QJsonObject {{QStringLiteral("target"), QStringLiteral("webhook")},
                             {QStringLiteral("kind"), QStringLiteral("bad-signature")},
                             {QStringLiteral("count"), 1}})
                     .status,
            201);
        const QString id = m_flow->model()->contactIdAt(1);
        QCOMPARE(m_flow->fx
                     .control("PATCH", QStringLiteral("/__sandbox/contacts/") + id,
                         QJsonObject {{QStringLiteral("companyName"), QStringLiteral("Forged")}})
                     .status,
            200);
        QTRY_VERIFY_WITH_TIMEOUT(rowWithResult(QStringLiteral("refused: ")) >= 0, 3000);
        const int row = rowWithResult(QStringLiteral("refused: "));
        QCOMPARE(cell(row, WebhookDeliveryModel::AnswerColumn), QStringLiteral("401"));
        QTRY_VERIFY(m_page->countsLabel()->text().contains(QStringLiteral("1 refused")));
        // Nothing of the forged delivery reached the list.
        QVERIFY(m_flow->model()
                    ->indexForContactId(id, ContactDesk::Ui::ContactListModel::Company)
                    .data()
                    .toString()
            != QStringLiteral("Forged"));
    }

    void anotherUsersChangeIsListedWhileTheTabIsOpen()
    {
        const QString id = m_flow->model()->contactIdAt(2);
        QCOMPARE(m_flow->fx
                     .control("PATCH", QStringLiteral("/__sandbox/contacts/") + id,
                         QJsonObject {{QStringLiteral("companyName"), QStringLiteral("Elsewhere")}})
                     .status,
            200);
        QTRY_COMPARE_WITH_TIMEOUT(deliveries()->rowCount(), 1, 3000);
        QTRY_COMPARE_WITH_TIMEOUT(
            cell(0, WebhookDeliveryModel::ResultColumn), QStringLiteral("verified, applied"), 3000);
        QVERIFY(cell(0, WebhookDeliveryModel::RecordColumn).contains(id));
    }
};

QTEST_MAIN(TestWebhooksPage)
#include "tst_webhookspage.moc"
