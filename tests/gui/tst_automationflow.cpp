// Tools > Automations… on the built-in sandbox, as a user goes through it: "Send test event"
// with a user.signed_up applies it (the event log shows it Applied, the contact appears in the
// contact list and reaches the server with its welcome task, and "Show Contact" selects it);
// the receiver's "Copy curl Example" is a request the receiver accepts, and "Generate Secret"
// shows a new secret once, after which the old signature is refused.
#include "appflowfixture.h"
#include "automation/inbox.h"
#include "automation/standardwebhooks.h"
#include "store/contactcache.h"
#include "ui/automation/automationcontroller.h"
#include "ui/automation/automationswindow.h"
#include "ui/automation/eventlogmodel.h"
#include "ui/automation/eventlogpage.h"
#include "ui/automation/receiverpage.h"
#include "ui/automation/testeventpage.h"
#include "ui/inspector/inspectorwindow.h"
#include "ui/inspector/trafficfilter.h"
#include "ui/inspector/trafficmodel.h"
#include "ui/inspector/trafficpane.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTableView>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using namespace AppFlowTest;
using ContactDesk::Ui::AutomationsWindow;
using ContactDesk::Ui::EventLogModel;

namespace {

const QString adaEmail = QStringLiteral("ada.lovelace@yourapp.example");

// What the curl command would send: its URL, headers and body.
struct CurlRequest
{
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

CurlRequest parseCurl(const QString& command)
{
    CurlRequest request;
    const QRegularExpression url(QStringLiteral("POST (\\S+)"));
    request.url = QUrl(url.match(command).captured(1));
    const QRegularExpression header(QStringLiteral("-H '([^:']+): ([^']*)'"));
    for (auto it = header.globalMatch(command); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        request.headers.append({match.captured(1).toUtf8(), match.captured(2).toUtf8()});
    }
    const qsizetype data = command.indexOf(QStringLiteral("--data-raw '"));
    if (data >= 0) {
        QString body = command.mid(data + 12);
        body.chop(1); // the closing quote
        body.replace(QStringLiteral("'\\''"), QStringLiteral("'"));
        request.body = body.toUtf8();
    }
    return request;
}

int post(QNetworkAccessManager& nam, const CurlRequest& curl)
{
    QNetworkRequest request(curl.url);
    for (const auto& [name, value] : curl.headers)
        request.setRawHeader(name, value);
    QNetworkReply* reply = nam.post(request, curl.body);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        return -1;
    reply->deleteLater();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

QString contactWithEmail(AppFlow& flow, const QString& email)
{
    const ContactDesk::Ui::ContactListModel* model = flow.model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString id = model->contactIdAt(row);
        const auto contact = flow.workspace().cache().contact(id);
        if (contact && contact->email.compare(email, Qt::CaseInsensitive) == 0)
            return id;
    }
    return {};
}

} // namespace

class TestAutomationFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void testSignUpBecomesAContactWithItsWelcomeTask();
    void curlExampleIsAcceptedAndANewSecretReplacesTheOld();
    void taskForAnUnknownUserWaitsVisiblyUntilTheSignUp();
    void failedEventGoesAgainWithRetry();
    void sessionSecretIsKeptOnceTheKeychainIsChosen();
};

void TestAutomationFlow::testSignUpBecomesAContactWithItsWelcomeTask()
{
    AppFlow flow;
    QVERIFY(flow.start());
    QVERIFY(contactWithEmail(flow, adaEmail).isEmpty());
    // Tools > Automations… through its shortcut.
    QTest::keyClick(&flow.window, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    AutomationsWindow* window = flow.window.automationsWindow();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    ContactDesk::Ui::TestEventPage* test = window->testEventPage();
    window->tabs()->setCurrentWidget(test);
    test->typeCombo()->setCurrentIndex(
        test->typeCombo()->findData(QStringLiteral("user.signed_up")));
    QVERIFY(test->dataEdit()->toPlainText().contains(adaEmail));
    QTest::mouseClick(
        test->findChild<QPushButton*>(QStringLiteral("testEventSend")), Qt::LeftButton);

    // The log comes forward with the event chosen; it is applied.
    ContactDesk::Ui::EventLogPage* log = window->eventLogPage();
    QCOMPARE(window->tabs()->currentWidget(), log);
    EventLogModel* model = log->model();
    QVERIFY(model);
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->data(model->index(0, EventLogModel::Type)).toString(),
        QStringLiteral("user.signed_up"));
    QCOMPARE(
        model->data(model->index(0, EventLogModel::User)).toString(), QStringLiteral("user_1001"));
    QTRY_COMPARE_WITH_TIMEOUT(model->data(model->index(0, EventLogModel::Status)).toString(),
        QStringLiteral("Applied"), 10000);
    QVERIFY(model->data(model->index(0, EventLogModel::Requests)).toInt() >= 2);

    // The contact is in the list, and reaches the server once, with its welcome task.
    QTRY_VERIFY_WITH_TIMEOUT(!contactWithEmail(flow, adaEmail).isEmpty(), 10000);
    QTRY_COMPARE(flow.model()->rowCount(), flow.seededContacts + 1);
    QVERIFY(flow.waitOutboxEmpty());
    QString serverId;
    int onServer = 0;
    const QStringList ids = flow.fx.data().contacts().keys();
    for (const QString& id : ids) {
        const QJsonObject* contact = flow.fx.data().liveContact(id);
        if (contact && contact->value(QStringLiteral("email")).toString() == adaEmail) {
            ++onServer;
            serverId = id;
        }
    }
    QCOMPARE(onServer, 1);
    bool welcome = false;
    for (const QJsonObject& task : flow.fx.data().tasks().value(serverId)) {
        if (task.value(QStringLiteral("title")).toString() == u"Welcome Ada")
            welcome = true;
    }
    QVERIFY(welcome);

    // The requests it caused are listed, sent; Show Contact selects it in the main window.
    QTRY_VERIFY(log->view()->currentIndex().isValid());
    QTRY_VERIFY(log->requestsView()->topLevelItemCount() >= 2);
    QTRY_COMPARE(log->requestsView()->topLevelItem(0)->text(1), QStringLiteral("Sent"));
    QTRY_VERIFY(log->showContactButton()->isEnabled());
    QTest::mouseClick(log->showContactButton(), Qt::LeftButton);
    QTRY_COMPARE(flow.list()->currentContactId(), contactWithEmail(flow, adaEmail));

    // Show Requests opens the inspector on the automation's calls for that contact: the task.
    QVERIFY(log->showRequestsButton()->isEnabled());
    QTest::mouseClick(log->showRequestsButton(), Qt::LeftButton);
    QTRY_VERIFY(flow.window.inspector() && flow.window.inspector()->isVisible());
    Ui::TrafficPane* traffic = flow.window.inspector()->traffic();
    QTRY_VERIFY(traffic->filter()->rowCount() >= 1);
    bool sawTask = false;
    for (int row = 0; row < traffic->filter()->rowCount(); ++row) {
        const QModelIndex index = traffic->filter()->index(row, 0);
        QCOMPARE(index.data(Ui::TrafficModel::CauseRole).toString(), QStringLiteral("automation"));
        QVERIFY(index.data(Ui::TrafficModel::SearchTextRole).toString().contains(serverId));
        sawTask |= index.data(Ui::TrafficModel::OperationRole).toString() == u"create-task";
    }
    QVERIFY(sawTask);
    QVERIFY(flow.saveScreenshot(QStringLiteral("automation-flow.png")));
    for (int tab = 0; tab < window->tabs()->count(); ++tab) {
        window->tabs()->setCurrentIndex(tab);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
        QVERIFY(window->grab().save(
            QStringLiteral(CONTACTDESK_BUILD_DIR "/automations-tab%1.png").arg(tab), "PNG"));
    }
}

void TestAutomationFlow::curlExampleIsAcceptedAndANewSecretReplacesTheOld()
{
    AppFlow flow;
    QVERIFY(flow.start());
    flow.window.showAutomations();
    AutomationsWindow* window = flow.window.automationsWindow();
    QVERIFY(window);
    ContactDesk::Ui::ReceiverPage* receiver = window->receiverPage();
    window->tabs()->setCurrentWidget(receiver);
    QTRY_VERIFY(flow.window.automation()->isListening());
    // The secret is not on show until generated.
    QVERIFY(receiver->secretField()->isHidden());

    QPushButton* copyCurl = receiver->findChild<QPushButton*>(QStringLiteral("receiverCopyCurl"));
    QTRY_VERIFY(copyCurl->isEnabled());
    QTest::mouseClick(copyCurl, Qt::LeftButton);
    const QString command = QGuiApplication::clipboard()->text();
    QVERIFY(command.startsWith(QStringLiteral("curl ")));
    QCOMPARE(receiver->curlText()->toPlainText(), command);
    const CurlRequest curl = parseCurl(command);
    QVERIFY(curl.url.isValid());
    QCOMPARE(curl.url.host(), QStringLiteral("127.0.0.1"));
    QNetworkAccessManager nam;
    QCOMPARE(post(nam, curl), 202);
    // The same webhook-id again is a duplicate, not a second event to apply.
    QCOMPARE(post(nam, curl), 200);
    QTRY_VERIFY(!contactWithEmail(flow, adaEmail).isEmpty());
    // The log shows the second delivery as a duplicate of the first.
    EventLogModel* model = window->eventLogPage()->model();
    QTRY_COMPARE(model->rowCount(), 2);
    QVERIFY(model->data(model->index(0, EventLogModel::Status))
                .toString()
                .startsWith(QStringLiteral("Duplicate ignored")));
    QTRY_COMPARE(
        model->data(model->index(1, EventLogModel::Status)).toString(), QStringLiteral("Applied"));
    QCOMPARE(model->data(model->index(1, EventLogModel::Type), Qt::ToolTipRole).toString(),
        QStringLiteral("webhook-id %1, from http")
            .arg(QString::fromLatin1(curl.headers.value(1).second)));

    // A new secret: shown once, and the old signature no longer passes.
    QTest::mouseClick(receiver->findChild<QPushButton*>(QStringLiteral("receiverGenerateSecret")),
        Qt::LeftButton);
    QTRY_VERIFY(!receiver->secretField()->isHidden());
    const QString secret = receiver->secretField()->text();
    QVERIFY(secret.startsWith(QStringLiteral("whsec_")));
    CurlRequest stale = curl;
    for (auto& [name, value] : stale.headers) {
        if (name == "webhook-id")
            value = "msg_after_rotation";
    }
    QCOMPARE(post(nam, stale), 401);
    QTest::mouseClick(copyCurl, Qt::LeftButton);
    QCOMPARE(post(nam, parseCurl(QGuiApplication::clipboard()->text())), 202);
    // Kept in the secret store, so the next start signs with it too.
    bool read = false;
    QString stored;
    flow.secrets.read(flow.app.connection().id, ContactDesk::Auth::SecretKind::EventSigningSecret,
        [&](const QString& value, bool, const QString&) {
            stored = value;
            read = true;
        });
    QTRY_VERIFY(read);
    QCOMPARE(stored, secret);
}

void TestAutomationFlow::taskForAnUnknownUserWaitsVisiblyUntilTheSignUp()
{
    AppFlow flow;
    QVERIFY(flow.start());
    flow.window.showAutomations();
    AutomationsWindow* window = flow.window.automationsWindow();
    QVERIFY(window);
    ContactDesk::Ui::TestEventPage* test = window->testEventPage();
    const auto send = [&](const QString& type) {
        test->typeCombo()->setCurrentIndex(test->typeCombo()->findData(type));
        QTest::mouseClick(
            test->findChild<QPushButton*>(QStringLiteral("testEventSend")), Qt::LeftButton);
    };
    send(QStringLiteral("task.created"));
    ContactDesk::Ui::EventLogPage* log = window->eventLogPage();
    EventLogModel* model = log->model();
    QTRY_COMPARE(model->rowCount(), 1);
    QTRY_COMPARE(
        model->data(model->index(0, EventLogModel::Status)).toString(), QStringLiteral("Waiting"));
    // The log says why, and a waiting event can be sent again at once.
    QTRY_VERIFY(log->view()->currentIndex().isValid());
    QVERIFY(
        !model->data(model->index(0, EventLogModel::Status), Qt::ToolTipRole).toString().isEmpty());
    QTRY_VERIFY(log->retryButton()->isEnabled());
    QVERIFY(!log->showContactButton()->isEnabled());

    // A filter by status finds it, and by another status does not.
    log->statusFilter()->setCurrentIndex(log->statusFilter()->findData(QStringLiteral("waiting")));
    QCOMPARE(model->rowCount(), 1);
    log->statusFilter()->setCurrentIndex(log->statusFilter()->findData(QStringLiteral("failed")));
    QCOMPARE(model->rowCount(), 0);
    log->statusFilter()->setCurrentIndex(0);

    // The sign-up arrives: both are applied, the task on the new contact.
    send(QStringLiteral("user.signed_up"));
    QTRY_COMPARE(model->rowCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(model->data(model->index(0, EventLogModel::Status)).toString(),
        QStringLiteral("Applied"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(model->data(model->index(1, EventLogModel::Status)).toString(),
        QStringLiteral("Applied"), 10000);
    QVERIFY(flow.waitOutboxEmpty());
    const QString contactId = contactWithEmail(flow, adaEmail);
    QVERIFY(!contactId.isEmpty());
    QStringList titles;
    for (const QJsonObject& task : flow.fx.data().tasks().value(contactId))
        titles.append(task.value(QStringLiteral("title")).toString());
    QVERIFY2(titles.contains(QStringLiteral("Call about the analytical engine")),
        qPrintable(titles.join(u',')));
    QVERIFY2(titles.contains(QStringLiteral("Welcome Ada")), qPrintable(titles.join(u',')));
}

void TestAutomationFlow::failedEventGoesAgainWithRetry()
{
    AppFlow flow;
    QVERIFY(flow.start());
    ContactDesk::Ui::AutomationController* automation = flow.window.automation();
    // A task waits an hour for its user's sign-up.
    ContactDesk::Automation::RuleSet rules = automation->rules();
    rules.waitTimeoutMs = 3600LL * 1000;
    QVERIFY(automation->setRules(rules));
    flow.window.showAutomations();
    AutomationsWindow* window = flow.window.automationsWindow();
    QVERIFY(window);
    ContactDesk::Ui::TestEventPage* test = window->testEventPage();
    const auto send = [&](const QString& type) {
        test->typeCombo()->setCurrentIndex(test->typeCombo()->findData(type));
        QTest::mouseClick(
            test->findChild<QPushButton*>(QStringLiteral("testEventSend")), Qt::LeftButton);
    };
    send(QStringLiteral("task.created"));
    ContactDesk::Ui::EventLogPage* log = window->eventLogPage();
    EventLogModel* model = log->model();
    QTRY_COMPARE(
        model->data(model->index(0, EventLogModel::Status)).toString(), QStringLiteral("Waiting"));
    flow.fx.clock().advance(2 * 3600LL * 1000);
    automation->engine()->wake();
    QTRY_COMPARE(
        model->data(model->index(0, EventLogModel::Status)).toString(), QStringLiteral("Failed"));
    QVERIFY(model->data(model->index(0, EventLogModel::Status), Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("user_1001")));
    QTRY_VERIFY(log->detail()->text().contains(QStringLiteral("Failed")));
    // The main window says so too, for a user who is not looking at the log.
    QVERIFY(flow.window.statusBar()->currentMessage().contains(QStringLiteral("failed")));

    send(QStringLiteral("user.signed_up"));
    QTRY_COMPARE(model->rowCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(model->data(model->index(0, EventLogModel::Status)).toString(),
        QStringLiteral("Applied"), 10000);
    QCOMPARE(
        model->data(model->index(1, EventLogModel::Status)).toString(), QStringLiteral("Failed"));
    log->view()->setCurrentIndex(model->index(1, 0));
    QVERIFY(log->retryButton()->isEnabled());
    QTest::mouseClick(log->retryButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(model->data(model->index(1, EventLogModel::Status)).toString(),
        QStringLiteral("Applied"), 10000);
    QVERIFY(flow.waitOutboxEmpty());
    const QString contactId = contactWithEmail(flow, adaEmail);
    QStringList titles;
    for (const QJsonObject& task : flow.fx.data().tasks().value(contactId))
        titles.append(task.value(QStringLiteral("title")).toString());
    QCOMPARE(titles.count(QStringLiteral("Call about the analytical engine")), 1);
}

void TestAutomationFlow::sessionSecretIsKeptOnceTheKeychainIsChosen()
{
    AppFlow flow;
    // As at a first start: the sandbox opens while the keychain question is still open.
    flow.app.setSecretStore(nullptr);
    QVERIFY(flow.start());
    ContactDesk::Ui::AutomationController* automation = flow.window.automation();
    QTRY_VERIFY(automation->isListening());
    QVERIFY(automation->secretInMemoryOnly());
    QString error;
    const CurlRequest before = parseCurl(automation->curlExample(&error));
    QVERIFY2(before.url.isValid(), qPrintable(error));

    flow.app.setSecretStore(&flow.secrets);
    QTRY_VERIFY(!automation->secretInMemoryOnly());
    // The secret Your App may already have is the one stored: the next example signs with it.
    QString stored;
    bool read = false;
    flow.secrets.read(flow.app.connection().id, ContactDesk::Auth::SecretKind::EventSigningSecret,
        [&](const QString& value, bool, const QString&) {
            stored = value;
            read = true;
        });
    QTRY_VERIFY(read);
    const auto key = ContactDesk::Automation::decodeSigningSecret(stored);
    QVERIFY(key);
    QByteArray id;
    QByteArray timestamp;
    QByteArray signature;
    for (const auto& [name, value] : before.headers) {
        if (name == "webhook-id")
            id = value;
        else if (name == "webhook-timestamp")
            timestamp = value;
        else if (name == "webhook-signature")
            signature = value;
    }
    QCOMPARE(
        ContactDesk::Automation::signStandardWebhook(*key, id, timestamp.toLongLong(), before.body),
        signature);
    QNetworkAccessManager nam;
    QCOMPARE(post(nam, before), 202);
}

QTEST_MAIN(TestAutomationFlow)
#include "tst_automationflow.moc"
