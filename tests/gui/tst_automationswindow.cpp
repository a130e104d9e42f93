// The Automations window's parts: the event log model pages through a large inbox (never all
// of it in memory) and filters by status and type; a rule switched off on the Rules page is
// saved and stays off after the workspace opens again; the dry run of "Send test event" lists
// the exact requests and sends nothing; the receiver warns about an address other machines
// reach.
#include "appflowfixture.h"
#include "automation/inbox.h"
#include "fakeclock.h"
#include "store/database.h"
#include "ui/automation/actionform.h"
#include "ui/automation/automationcontroller.h"
#include "ui/automation/automationswindow.h"
#include "ui/automation/eventlogmodel.h"
#include "ui/automation/receiverpage.h"
#include "ui/automation/ruleform.h"
#include "ui/automation/rulespage.h"
#include "ui/automation/testeventpage.h"
#include "ui/mapping/mappingeditor.h"
#include "ui/mapping/mappingpreviewmodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace AppFlowTest;
using ContactDesk::Automation::AppEvent;
using ContactDesk::Automation::EventStatus;
using ContactDesk::Automation::Inbox;
using ContactDesk::Automation::InboxFilter;
using ContactDesk::Ui::AutomationsWindow;
using ContactDesk::Ui::EventLogModel;

namespace {

constexpr int largeInbox = 100000;

AppEvent userEvent(int n)
{
    AppEvent event;
    event.webhookId = QStringLiteral("msg_%1").arg(n);
    // Every tenth event is a note, the rest sign-ups.
    event.type = n % 10 == 0 ? QStringLiteral("note.created") : QStringLiteral("user.signed_up");
    event.userId = QStringLiteral("user_%1").arg(n);
    if (event.type == u"note.created") {
        event.data = {{QStringLiteral("userId"), event.userId},
            {QStringLiteral("body"), QStringLiteral("note %1").arg(n)}};
    } else {
        event.data = {{QStringLiteral("id"), event.userId},
            {QStringLiteral("email"), QStringLiteral("user%1@yourapp.example").arg(n)}};
    }
    event.timestampSecs = 1793534400 + n;
    event.source = QStringLiteral("http");
    return event;
}

QString cell(const QAbstractItemModel& model, int row, int column)
{
    return model.data(model.index(row, column)).toString();
}

AutomationsWindow* openAutomations(AppFlow& flow)
{
    QAction* action = flow.window.action(QStringLiteral("automationsAction"));
    if (!action)
        return nullptr;
    action->trigger();
    return flow.window.automationsWindow();
}

} // namespace

class TestAutomationsWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eventLogPagesAndFiltersALargeInbox();
    void eventLogTakesNewEventsAtTheTop();
    void ruleSwitchedOffStaysOffAfterReopen();
    void dryRunListsTheRequestsAndSendsNothing();
    void editedRuleChangesWhatIsPlanned();
    void rulesExportAndImportAsAFile();
    void profileIsEditedInTheMappingEditorOnSampleEvents();
    void receiverWarnsAboutAnAddressOthersReach();
};

void TestAutomationsWindow::eventLogPagesAndFiltersALargeInbox()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ContactDesk::Testing::FakeClock clock;
    ContactDesk::Store::Database database(dir.filePath(QStringLiteral("cache.sqlite")), clock);
    QVERIFY(database.open().ok);
    Inbox inbox(database, clock);
    QList<AppEvent> events;
    events.reserve(largeInbox);
    for (int n = 1; n <= largeInbox; ++n)
        events.append(userEvent(n));
    QList<qint64> seqs;
    const QList<Inbox::Accepted> accepted = inbox.acceptAll(events, &seqs);
    QCOMPARE(accepted.size(), largeInbox);
    QCOMPARE(accepted.count(Inbox::Accepted::Stored), largeInbox);
    // Two events fail, so the status filter has something to find.
    QVERIFY(inbox.markFailed(seqs.at(41), QStringLiteral("no such user")));
    QVERIFY(inbox.markFailed(seqs.at(99990), QStringLiteral("no such user")));

    EventLogModel model(inbox);
    QAbstractItemModelTester tester(&model);
    QCOMPARE(model.rowCount(), largeInbox);
    QCOMPARE(model.columnCount(), EventLogModel::columnTotal);
    // Newest first: the last event at the top, the first at the bottom.
    QCOMPARE(cell(model, 0, EventLogModel::User), QStringLiteral("user_%1").arg(largeInbox));
    QCOMPARE(cell(model, largeInbox - 1, EventLogModel::User), QStringLiteral("user_1"));
    QCOMPARE(cell(model, largeInbox / 2, EventLogModel::Type), QStringLiteral("note.created"));
    QCOMPARE(cell(model, 1, EventLogModel::Status), QStringLiteral("Received"));
    // Reading the top, the bottom and a window in the middle keeps only a few pages.
    for (int row = 50000; row < 50300; ++row)
        QVERIFY(!cell(model, row, EventLogModel::Type).isEmpty());
    QVERIFY2(model.rowsInMemory() <= EventLogModel::keptPages * EventLogModel::pageSize,
        qPrintable(QString::number(model.rowsInMemory())));

    InboxFilter failed;
    failed.status = EventStatus::Failed;
    model.setFilter(failed);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(cell(model, 0, EventLogModel::User), QStringLiteral("user_99991"));
    QCOMPARE(cell(model, 1, EventLogModel::User), QStringLiteral("user_42"));
    QCOMPARE(cell(model, 1, EventLogModel::Status), QStringLiteral("Failed"));
    QCOMPARE(model.data(model.index(1, EventLogModel::Status), Qt::ToolTipRole).toString(),
        QStringLiteral("no such user"));

    InboxFilter notes;
    notes.type = QStringLiteral("note.created");
    model.setFilter(notes);
    QCOMPARE(model.rowCount(), largeInbox / 10);
    QCOMPARE(cell(model, 0, EventLogModel::User), QStringLiteral("user_%1").arg(largeInbox));
    QCOMPARE(cell(model, 1, EventLogModel::User), QStringLiteral("user_%1").arg(largeInbox - 10));

    // Retry puts a failed event back; the failed filter then finds one.
    QVERIFY(inbox.retry(seqs.at(41)));
    model.setFilter(failed);
    QCOMPARE(model.rowCount(), 1);
}

void TestAutomationsWindow::eventLogTakesNewEventsAtTheTop()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ContactDesk::Testing::FakeClock clock;
    ContactDesk::Store::Database database(dir.filePath(QStringLiteral("cache.sqlite")), clock);
    QVERIFY(database.open().ok);
    Inbox inbox(database, clock);
    for (int n = 1; n <= 5; ++n)
        QCOMPARE(inbox.accept(userEvent(n)), Inbox::Accepted::Stored);
    EventLogModel model(inbox);
    QAbstractItemModelTester tester(&model);
    QCOMPARE(model.rowCount(), 5);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    qint64 seq = 0;
    QCOMPARE(inbox.accept(userEvent(6), &seq), Inbox::Accepted::Stored);
    QCOMPARE(inbox.accept(userEvent(7)), Inbox::Accepted::Stored);
    QTRY_COMPARE(model.rowCount(), 7);
    // One insert for both, at the top, and no reset: a selection below survives.
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 1);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(cell(model, 0, EventLogModel::User), QStringLiteral("user_7"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(inbox.markFailed(seq, QStringLiteral("refused")));
    QTRY_VERIFY(!changed.isEmpty());
    QCOMPARE(cell(model, 1, EventLogModel::Status), QStringLiteral("Failed"));
}

void TestAutomationsWindow::ruleSwitchedOffStaysOffAfterReopen()
{
    AppFlow flow;
    QVERIFY(flow.start());
    AutomationsWindow* window = openAutomations(flow);
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    ContactDesk::Ui::AutomationController* automation = flow.window.automation();
    QVERIFY(automation->isOpen());
    QVERIFY(automation->usingDefaultRules());
    QListWidget* list = window->rulesPage()->ruleList();
    QVERIFY(list->count() >= 4);
    // The sandbox's defaults run.
    for (int row = 0; row < list->count(); ++row) {
        if (automation->rules().rules.at(row).eventType == u"user.signed_up")
            QCOMPARE(list->item(row)->checkState(), Qt::Checked);
    }
    int signUp = -1;
    for (int row = 0; row < automation->rules().rules.size(); ++row) {
        if (automation->rules().rules.at(row).eventType == u"user.signed_up")
            signUp = row;
    }
    QVERIFY(signUp >= 0);
    list->item(signUp)->setCheckState(Qt::Unchecked);
    QVERIFY(!automation->rules().rules.at(signUp).enabled);
    QVERIFY(!automation->usingDefaultRules());
    QVERIFY(QFile::exists(automation->rulesPath()));
    // The engine has the change: a sign-up now matches no rule.
    QString error;
    const auto event = automation->testEvent(QStringLiteral("user.signed_up"),
        QStringLiteral("{\"id\": \"u1\", \"email\": \"off@yourapp.example\"}"), &error);
    QVERIFY2(event, qPrintable(error));
    QVERIFY(automation->plan(*event).requests.isEmpty());

    QVERIFY(flow.app.reopen());
    QTRY_VERIFY(automation->isOpen());
    QVERIFY(!automation->usingDefaultRules());
    QVERIFY(!automation->rules().rules.at(signUp).enabled);
    QTRY_COMPARE(list->item(signUp)->checkState(), Qt::Unchecked);
    // And on again.
    list->item(signUp)->setCheckState(Qt::Checked);
    QVERIFY(automation->rules().rules.at(signUp).enabled);
    QStringList problems;
    const auto saved = ContactDesk::Automation::RuleSet::load(automation->rulesPath(), &problems);
    QVERIFY2(saved, qPrintable(problems.join(u'\n')));
    QVERIFY(saved->rules.at(signUp).enabled);
}

void TestAutomationsWindow::dryRunListsTheRequestsAndSendsNothing()
{
    AppFlow flow;
    QVERIFY(flow.start());
    AutomationsWindow* window = openAutomations(flow);
    QVERIFY(window);
    ContactDesk::Ui::TestEventPage* page = window->testEventPage();
    page->typeCombo()->setCurrentIndex(
        page->typeCombo()->findData(QStringLiteral("user.signed_up")));
    QVERIFY(page->dataEdit()->toPlainText().contains(QStringLiteral("\"firstName\"")));
    const qint64 mark = flow.mark();
    QTest::mouseClick(
        page->findChild<QPushButton*>(QStringLiteral("testEventDryRun")), Qt::LeftButton);
    QTreeWidget* plan = page->planView();
    QVERIFY2(plan->topLevelItemCount() >= 2, qPrintable(page->planSummary()->text()));
    QVERIFY(plan->topLevelItem(0)->text(0).startsWith(QStringLiteral("POST /contacts/")));
    QVERIFY(
        plan->topLevelItem(0)->text(2).contains(QStringLiteral("ada.lovelace@yourapp.example")));
    bool task = false;
    for (int i = 0; i < plan->topLevelItemCount(); ++i) {
        const QString request = plan->topLevelItem(i)->text(0);
        const QString body = plan->topLevelItem(i)->text(2);
        if (request.endsWith(QStringLiteral("/tasks"))
            && body.contains(QStringLiteral("Welcome Ada")))
            task = true;
    }
    QVERIFY(task);
    // Nothing went to the inbox, the outbox or the server.
    QTest::qWait(300);
    QCOMPARE(flow.window.automation()->inbox()->count(), 0);
    QCOMPARE(flow.pendingCount(), 0);
    QVERIFY(flow.requests(mark, QStringLiteral("upsert-contact")).isEmpty());
    QVERIFY(flow.requests(mark, QStringLiteral("create-contact")).isEmpty());

    // Bad data says what is wrong, and plans nothing.
    page->dataEdit()->setPlainText(QStringLiteral("{\"id\": "));
    QTest::mouseClick(
        page->findChild<QPushButton*>(QStringLiteral("testEventDryRun")), Qt::LeftButton);
    QCOMPARE(plan->topLevelItemCount(), 0);
    QVERIFY(page->message()->text().contains(QStringLiteral("JSON")));
}

void TestAutomationsWindow::editedRuleChangesWhatIsPlanned()
{
    AppFlow flow;
    QVERIFY(flow.start());
    AutomationsWindow* window = openAutomations(flow);
    QVERIFY(window);
    ContactDesk::Ui::AutomationController* automation = flow.window.automation();
    ContactDesk::Ui::RulesPage* rules = window->rulesPage();
    int signUp = -1;
    for (int row = 0; row < automation->rules().rules.size(); ++row) {
        if (automation->rules().rules.at(row).eventType == u"user.signed_up")
            signUp = row;
    }
    QVERIFY(signUp >= 0);
    rules->ruleList()->setCurrentRow(signUp);
    ContactDesk::Ui::RuleForm* form = rules->ruleForm();
    int taskAction = -1;
    for (int i = 0; i < form->rule().actions.size(); ++i) {
        if (form->rule().actions.at(i).kind == ContactDesk::Automation::Action::Kind::AddTask)
            taskAction = i;
    }
    QVERIFY(taskAction >= 0);
    form->actionsList()->setCurrentRow(taskAction);
    QLineEdit* title = form->actionForm()->titleEdit();
    QVERIFY(title->isVisible());
    title->selectAll();
    QTest::keyClicks(title, QStringLiteral("Call {{data.firstName}} {{data.lastName}}"));
    QCOMPARE(automation->rules().rules.at(signUp).actions.at(taskAction).title,
        QStringLiteral("Call {{data.firstName}} {{data.lastName}}"));

    QString error;
    const auto event = automation->testEvent(QStringLiteral("user.signed_up"),
        QStringLiteral("{\"id\": \"u7\", \"email\": \"grace@yourapp.example\", "
                       "\"firstName\": \"Grace\", \"lastName\": \"Hopper\"}"),
        &error);
    QVERIFY2(event, qPrintable(error));
    ContactDesk::Automation::Plan plan = automation->plan(*event);
    bool called = false;
    for (const ContactDesk::Automation::PlannedRequest& request : plan.requests) {
        if (request.body.value(QStringLiteral("title")).toString() == u"Call Grace Hopper")
            called = true;
    }
    QVERIFY2(called, qPrintable(plan.error));

    // A condition the event does not meet: the rule no longer matches it.
    form->addCondition();
    QTableWidget* conditions = form->conditionsTable();
    QCOMPARE(conditions->rowCount(), 1);
    conditions->item(0, 0)->setText(QStringLiteral("data.plan"));
    conditions->item(0, 2)->setText(QStringLiteral("pro"));
    const ContactDesk::Automation::Condition condition
        = automation->rules().rules.at(signUp).conditions.value(0);
    QCOMPARE(condition.path, QStringLiteral("data.plan"));
    QCOMPARE(condition.value.toString(), QStringLiteral("pro"));
    QVERIFY(automation->plan(*event).requests.isEmpty());
    // Saved as the user left it.
    QStringList problems;
    const auto saved = ContactDesk::Automation::RuleSet::load(automation->rulesPath(), &problems);
    QVERIFY2(saved, qPrintable(problems.join(u'\n')));
    QCOMPARE(*saved, automation->rules());
}

void TestAutomationsWindow::rulesExportAndImportAsAFile()
{
    AppFlow flow;
    QVERIFY(flow.start());
    AutomationsWindow* window = openAutomations(flow);
    QVERIFY(window);
    ContactDesk::Ui::AutomationController* automation = flow.window.automation();
    const QString exported = flow.dir.filePath(QStringLiteral("rules-export.json"));
    const QString broken = flow.dir.filePath(QStringLiteral("rules-broken.json"));
    QString answer = exported;
    ContactDesk::Ui::FilePrompts prompts;
    prompts.open = [&answer](QWidget*, const QString&, const QString&) { return answer; };
    prompts.save
        = [&answer](QWidget*, const QString&, const QString&, const QString&) { return answer; };
    prompts.show = [](const QUrl&) {};
    window->setFilePrompts(prompts);
    ContactDesk::Ui::RulesPage* rules = window->rulesPage();
    const ContactDesk::Automation::RuleSet before = automation->rules();
    rules->exportRules();
    QVERIFY(QFile::exists(exported));

    rules->ruleList()->setCurrentRow(0);
    rules->ruleList()->setFocus();
    QTest::keyClick(rules->ruleList(), Qt::Key_Delete);
    QCOMPARE(automation->rules().rules.size(), before.rules.size() - 1);
    QCOMPARE(rules->ruleList()->count(), int(before.rules.size()) - 1);
    rules->importRules();
    QCOMPARE(automation->rules(), before);
    QCOMPARE(rules->ruleList()->count(), int(before.rules.size()));

    // A file with a mistake is refused with the rule and action it is about.
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QJsonObject json = before.toJson();
    QJsonArray list = json.value(QStringLiteral("rules")).toArray();
    QJsonObject first = list.at(0).toObject();
    QJsonArray actions = first.value(QStringLiteral("actions")).toArray();
    QJsonObject action = actions.at(0).toObject();
    action.insert(QStringLiteral("action"), QStringLiteral("addTsk"));
    actions.replace(0, action);
    first.insert(QStringLiteral("actions"), actions);
    list.replace(0, first);
    json.insert(QStringLiteral("rules"), list);
    file.write(QJsonDocument(json).toJson());
    file.close();
    answer = broken;
    rules->importRules();
    QVERIFY(!rules->message()->isHidden());
    QVERIFY2(rules->message()->text().contains(QStringLiteral("rule 1")),
        qPrintable(rules->message()->text()));
    QCOMPARE(automation->rules(), before);
}

void TestAutomationsWindow::profileIsEditedInTheMappingEditorOnSampleEvents()
{
    AppFlow flow;
    QVERIFY(flow.start());
    AutomationsWindow* window = openAutomations(flow);
    QVERIFY(window);
    ContactDesk::Ui::AutomationController* automation = flow.window.automation();
    ContactDesk::Ui::RulesPage* rules = window->rulesPage();
    QTest::mouseClick(
        rules->findChild<QPushButton*>(QStringLiteral("automationEditProfile")), Qt::LeftButton);
    ContactDesk::Ui::MappingEditor* editor = rules->profileEditor();
    QVERIFY(editor);
    QVERIFY(QTest::qWaitForWindowExposed(editor));
    // The events' paths are the columns; one sample event per type is previewed.
    QVERIFY(editor->sample().columns.contains(QStringLiteral("data.email")));
    QCOMPARE(editor->sample().records.size(), ContactDesk::Automation::appEventTypes().size());
    QCOMPARE(editor->profile(), automation->rules().profile);
    QTRY_VERIFY(editor->previewModel()->rowCount() > 0);
    // Events are applied by the rules, never imported from the editor.
    QVERIFY(!editor->findChild<QPushButton*>(QStringLiteral("mappingImport"))->isEnabled());

    // Removing the phone rule reaches the engine: a sign-up then sends no phone.
    int phone = -1;
    for (int i = 0; i < editor->profile().rules.size(); ++i) {
        if (editor->profile().rules.at(i).sources.contains(QStringLiteral("data.phone")))
            phone = i;
    }
    QVERIFY(phone >= 0);
    editor->selectRule(phone);
    editor->removeRule();
    QCOMPARE(automation->rules().profile, editor->profile());
    QString error;
    const auto event = automation->testEvent(QStringLiteral("user.signed_up"),
        QStringLiteral("{\"id\": \"u8\", \"email\": \"kay@yourapp.example\", "
                       "\"phone\": \"+14155550199\"}"),
        &error);
    QVERIFY2(event, qPrintable(error));
    const ContactDesk::Automation::Plan plan = automation->plan(*event);
    QVERIFY(!plan.requests.isEmpty());
    QCOMPARE(plan.requests.at(0).body.value(QStringLiteral("email")).toString(),
        QStringLiteral("kay@yourapp.example"));
    QVERIFY(!plan.requests.at(0).body.contains(QStringLiteral("phone")));
}

void TestAutomationsWindow::receiverWarnsAboutAnAddressOthersReach()
{
    AppFlow flow;
    QVERIFY(flow.start());
    AutomationsWindow* window = openAutomations(flow);
    QVERIFY(window);
    ContactDesk::Ui::ReceiverPage* page = window->receiverPage();
    window->tabs()->setCurrentWidget(page);
    // The sandbox receives on the loopback address at once.
    QTRY_VERIFY(flow.window.automation()->isListening());
    QVERIFY(
        flow.window.automation()->receiverUrl().startsWith(QStringLiteral("http://127.0.0.1:")));
    QVERIFY(page->enabledBox()->isChecked());
    QVERIFY(page->addressWarning()->isHidden());
    QTRY_VERIFY(page->statusLabel()->text().contains(flow.window.automation()->receiverUrl()));
    page->addressEdit()->setText(QStringLiteral("0.0.0.0"));
    QVERIFY(!page->addressWarning()->isHidden());
    page->addressEdit()->setText(QStringLiteral("::1"));
    QVERIFY(page->addressWarning()->isHidden());
    page->addressEdit()->setText(QStringLiteral("127.0.0.1"));
    QVERIFY(page->addressWarning()->isHidden());

    // Switched off, it stops listening; on again, it listens.
    page->enabledBox()->setChecked(false);
    QVERIFY(!flow.window.automation()->isListening());
    QVERIFY(page->statusLabel()->text().contains(QStringLiteral("off")));
    page->enabledBox()->setChecked(true);
    QTRY_VERIFY(flow.window.automation()->isListening());
}

QTEST_MAIN(TestAutomationsWindow)
#include "tst_automationswindow.moc"
