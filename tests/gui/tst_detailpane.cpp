// The detail pane, offscreen, over a temporary cache filled through the store: the header with
// copy buttons and tags that change through the outbox, the local status with Retry, Discard
// and Resolve, every field on the Overview, and the Tasks, Notes and Appointments tabs driven
// through their buttons and dialogs (found by objectName), deletes answered through the
// confirmation seam. Loading, failure and stale lists run against the real sandbox through the
// sync engine and the app's loader. A QAbstractItemModelTester watches every model of the pane
// for the whole of each test.
#include "api/apiclient.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "detailfixture.h"
#include "sandboxtesthelpers.h"
#include "sync/syncengine.h"
#include "ui/app/syncchildloader.h"
#include "ui/detail/appointmentlistmodel.h"
#include "ui/detail/childtab.h"
#include "ui/detail/contactdetailpane.h"
#include "ui/detail/contactoverview.h"
#include "ui/detail/detailsupport.h"
#include "ui/detail/notelistmodel.h"
#include "ui/detail/tasklistmodel.h"
#include "ui/dialogs/notedialog.h"
#include "ui/dialogs/tageditor.h"
#include "ui/dialogs/taskdialog.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace ContactDesk;
using namespace DetailFixture;
using Ui::ChildTab;
using Ui::ContactDetailPane;
using Ui::NoteListModel;
using Ui::TaskListModel;

namespace {

const QString jane = QStringLiteral("ct00000000000000jane");

template <typename T>
T* child(const QObject& parent, const QString& name)
{
    return parent.findChild<T*>(name);
}

QString labelText(const QObject& parent, const QString& name)
{
    const auto* label = child<QLabel>(parent, name);
    return label && !label->isHidden() ? label->text() : QString();
}

// The visible dialog of type D the pane opened, once it is there.
template <typename D>
D* openDialog(const QWidget& pane)
{
    D* found = nullptr;
    const auto visible = [&pane, &found] {
        const QList<D*> dialogs = pane.findChildren<D*>();
        for (D* dialog : dialogs) {
            if (dialog->isVisible())
                found = dialog;
        }
        return found != nullptr;
    };
    if (!QTest::qWaitFor(visible))
        return nullptr;
    return found;
}

QStringList column(const QAbstractItemModel& model, int column, int role = Qt::DisplayRole)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, column).data(role).toString();
    return values;
}

QString plain(QString text)
{
    return text.remove(QLatin1Char('&'));
}

// The sandbox and the sync engine, the way the app composes them, writing into `cache`.
struct Server
{
    explicit Server(TempCache& cache)
        : tokens(fx.pit())
        , budget(systemClock)
        , client(nam, tokens, budget, systemClock, config(fx))
        , engine(client, budget, *cache.db, cache.clock)
        , loader(engine)
    {
        nam.setProxy(QNetworkProxy::NoProxy);
        fx.data().settings().rateLimitCount = 0;
    }

    static Api::ApiConfig config(const Testing::SandboxFixture& fx)
    {
        Api::ApiConfig config;
        config.baseUrl = fx.baseUrl();
        config.locationId = fx.locationId();
        return config;
    }

    Testing::SandboxFixture fx;
    SystemClock systemClock;
    QNetworkAccessManager nam;
    Api::StaticTokenProvider tokens;
    Api::RateBudget budget;
    Api::ApiClient client;
    Sync::SyncEngine engine;
    Ui::SyncChildLoader loader;
};

} // namespace

class TestDetailPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void emptyUntilAContactIsChosen();
    void headerShowsAndCopies();
    void tagsGoThroughTheOutbox();
    void overviewShowsEveryField();
    void failedChangeRetriedAndDiscarded();
    void conflictAsksForResolve();
    void tasksAddEditCompleteDelete();
    void notesNewestFirstAddEditDelete();
    void appointmentsAreReadOnly();
    void withoutLoaderListsSayNotLoaded();
    void removedContactAndResolvedLocalId();
    void loadingFailureAndStaleAgainstTheSandbox();

private:
    void fillCache();
    // A pane on the cache (and `loader`), shown, with a model tester on each of its models.
    std::unique_ptr<ContactDetailPane> makePane(Ui::ChildLoader* loader = nullptr);

    std::unique_ptr<TempCache> m_cache;
    QList<std::shared_ptr<QAbstractItemModelTester>> m_testers;
    int m_confirmations = 0;
    bool m_confirmAnswer = true;
    qint64 m_now = 0;
};

void TestDetailPane::init()
{
    m_cache = std::make_unique<TempCache>();
    QVERIFY2(m_cache->isOpen(), qPrintable(m_cache->opened.message));
    m_now = m_cache->clock.nowMs();
    m_confirmations = 0;
    m_confirmAnswer = true;
    fillCache();
}

void TestDetailPane::cleanup()
{
    m_testers.clear();
    m_cache.reset();
}

void TestDetailPane::fillCache()
{
    Api::Contact c = contact(jane, QStringLiteral("Jane"), QStringLiteral("Doe"),
        QStringLiteral("jane@example.com"), QStringLiteral("+15551230001"),
        {QStringLiteral("customer"), QStringLiteral("newsletter")});
    c.companyName = QStringLiteral("Acme Roofing");
    QVERIFY(m_cache->contacts.upsertFromServer({c}));
    QVERIFY(m_cache->children.replaceTasks(jane,
        {task(QStringLiteral("tk01"), jane, QStringLiteral("Send the quote"),
             utcMs(m_now + 2 * dayMs)),
            task(QStringLiteral("tk02"), jane, QStringLiteral("Call back"), utcMs(m_now - dayMs))},
        m_now));
    QVERIFY(m_cache->children.replaceNotes(jane,
        {note(QStringLiteral("nt01"), jane, QStringLiteral("First call"), utcMs(m_now - 5 * dayMs)),
            note(QStringLiteral("nt02"), jane, QStringLiteral("Sent the quote"),
                utcMs(m_now - dayMs))},
        m_now));
    QVERIFY(m_cache->children.replaceAppointments(jane,
        {appointment(QStringLiteral("ap01"), jane, QStringLiteral("Site visit"),
            utcMs(m_now + 3 * dayMs), QStringLiteral("confirmed"), QStringLiteral("cal-sales"))},
        m_now));
}

std::unique_ptr<ContactDetailPane> TestDetailPane::makePane(Ui::ChildLoader* loader)
{
    auto pane = std::make_unique<ContactDetailPane>(ContactDetailPane::Services {m_cache->contacts,
        m_cache->children, m_cache->edits, m_cache->outbox, m_cache->clock, loader});
    pane->setConfirmation([this](const QString&, const QString&, const QString&) {
        ++m_confirmations;
        return m_confirmAnswer;
    });
    for (QAbstractItemModel* model : std::initializer_list<QAbstractItemModel*> {
             pane->taskModel(), pane->noteModel(), pane->appointmentModel()}) {
        m_testers << std::make_shared<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    pane->resize(900, 700);
    pane->show();
    // Active, so that focus and the lists' own shortcuts (Delete) work as for a user.
    pane->activateWindow();
    if (!QTest::qWaitForWindowActive(pane.get()))
        qWarning("the pane did not become the active window");
    return pane;
}

void TestDetailPane::emptyUntilAContactIsChosen()
{
    auto pane = makePane();
    QCOMPARE(labelText(*pane, QStringLiteral("detailEmpty")),
        QStringLiteral("Select a contact to see its details."));
    QVERIFY(!child<QWidget>(*pane, QStringLiteral("detailTabs"))->isVisible());
    pane->addTask();
    QVERIFY(pane->findChildren<Ui::TaskDialog*>().isEmpty());
    pane->setContactId(jane);
    QVERIFY(child<QWidget>(*pane, QStringLiteral("detailTabs"))->isVisible());
    QCOMPARE(pane->taskModel()->rowCount(), 2);
}

void TestDetailPane::headerShowsAndCopies()
{
    auto pane = makePane();
    pane->setContactId(jane);
    QCOMPARE(labelText(*pane, QStringLiteral("detailName")), QStringLiteral("Jane Doe"));
    QCOMPARE(labelText(*pane, QStringLiteral("detailCompany")), QStringLiteral("Acme Roofing"));
    QCOMPARE(labelText(*pane, QStringLiteral("detailEmail")), QStringLiteral("jane@example.com"));
    QCOMPARE(labelText(*pane, QStringLiteral("detailPhone")), QStringLiteral("(555) 123-0001"));
    // In sync: no status line.
    QVERIFY(!child<QWidget>(*pane, QStringLiteral("detailStatus"))->isVisible());

    QSignalSpy messages(pane.get(), &ContactDetailPane::statusMessage);
    QGuiApplication::clipboard()->setText(QStringLiteral("something else"));
    auto* copyEmail = child<QToolButton>(*pane, QStringLiteral("copyEmail"));
    QVERIFY(copyEmail && copyEmail->isVisible());
    QTest::mouseClick(copyEmail, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("jane@example.com"));
    QCOMPARE(messages.count(), 1);
    QTest::mouseClick(child<QToolButton>(*pane, QStringLiteral("copyPhone")), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("+15551230001"));

    // Shown in the region's national format, or internationally from elsewhere; Copy keeps
    // the stored E.164 number.
    QVERIFY(m_cache->contacts.upsertFromServer({contact(QStringLiteral("ct0000000000000phone"),
        QStringLiteral("Val"), QStringLiteral("Id"), QStringLiteral("v@example.com"),
        QStringLiteral("+12025550147"))}));
    pane->setContactId(QStringLiteral("ct0000000000000phone"));
    pane->setRegion(QStringLiteral("US"));
    QCOMPARE(labelText(*pane, QStringLiteral("detailPhone")), QStringLiteral("(202) 555-0147"));
    pane->setRegion(QStringLiteral("DE"));
    QCOMPARE(labelText(*pane, QStringLiteral("detailPhone")), QStringLiteral("+1 202-555-0147"));
    QTest::mouseClick(child<QToolButton>(*pane, QStringLiteral("copyPhone")), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("+12025550147"));

    // A contact without a phone number offers nothing to copy.
    QVERIFY(m_cache->contacts.upsertFromServer({contact(QStringLiteral("ct000000000000000nop"),
        QStringLiteral("No"), QStringLiteral("Phone"), QStringLiteral("np@example.com"), {})}));
    pane->setContactId(QStringLiteral("ct000000000000000nop"));
    QVERIFY(!child<QToolButton>(*pane, QStringLiteral("copyPhone"))->isVisible());
    QVERIFY(child<QToolButton>(*pane, QStringLiteral("copyEmail"))->isVisible());
}

void TestDetailPane::tagsGoThroughTheOutbox()
{
    auto pane = makePane();
    pane->setContactId(jane);
    auto* tags = child<Ui::TagEditor>(*pane, QStringLiteral("detailTags"));
    QVERIFY(tags);
    QCOMPARE(tags->tags(), QStringList({QStringLiteral("customer"), QStringLiteral("newsletter")}));

    QLineEdit* input = tags->lineEdit();
    input->setFocus();
    QTest::keyClicks(input, QStringLiteral("vip"));
    QTest::keyClick(input, Qt::Key_Return);
    const QList<Store::OutboxItem> added = m_cache->items(Store::OutboxKind::AddTags);
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.first().contactId, jane);
    QCOMPARE(added.first().payload.value(QStringLiteral("tags")).toArray().toVariantList(),
        QVariantList {QStringLiteral("vip")});
    QVERIFY(m_cache->contacts.contact(jane)->tags.contains(QStringLiteral("vip")));
    QVERIFY(tags->tags().contains(QStringLiteral("vip")));
    // The change is pending until the worker sends it.
    QVERIFY(child<QWidget>(*pane, QStringLiteral("detailStatus"))->isVisible());
    QVERIFY(
        labelText(*pane, QStringLiteral("detailStatusText")).contains(QStringLiteral("waiting")));

    // A chip goes with a click.
    QToolButton* newsletter = nullptr;
    for (QToolButton* chip : tags->chips()) {
        if (chip->text().contains(QStringLiteral("newsletter")))
            newsletter = chip;
    }
    QVERIFY(newsletter);
    QTest::mouseClick(newsletter, Qt::LeftButton);
    const QList<Store::OutboxItem> removed = m_cache->items(Store::OutboxKind::RemoveTags);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().payload.value(QStringLiteral("tags")).toArray().toVariantList(),
        QVariantList {QStringLiteral("newsletter")});
    QCOMPARE(m_cache->contacts.contact(jane)->tags,
        QStringList({QStringLiteral("customer"), QStringLiteral("vip")}));
    QTRY_COMPARE(tags->tags(), QStringList({QStringLiteral("customer"), QStringLiteral("vip")}));
}

void TestDetailPane::overviewShowsEveryField()
{
    Api::Contact c = *m_cache->contacts.contact(jane);
    c.address1 = QStringLiteral("12 Harbor Road");
    c.city = QStringLiteral("Portland");
    c.state = QStringLiteral("OR");
    c.postalCode = QStringLiteral("97201");
    c.country = QStringLiteral("US");
    c.website = QStringLiteral("https://acme.example");
    c.source = QStringLiteral("Trade fair");
    c.type = QStringLiteral("lead");
    c.timezone = QStringLiteral("America/Los_Angeles");
    c.dateOfBirth = QDate(1985, 4, 12);
    c.dndSettings[Api::DndChannel::Sms] = Api::DndStatus {
        QStringLiteral("active"), QStringLiteral("Asked not to be texted"), QStringLiteral("101")};
    c.dndSettings[Api::DndChannel::Email]
        = Api::DndStatus {QStringLiteral("permanent"), {}, QStringLiteral("103")};
    c.customFields = {
        {QStringLiteral("cfBudget000000000001"), {}, QJsonValue(12500)},
        {QStringLiteral("cfUnnamed00000000002"), {}, QJsonValue(QStringLiteral("blue"))},
        {QStringLiteral("cfInterests000000003"), {},
            QJsonArray {QStringLiteral("roofs"), QStringLiteral("gutters")}},
    };
    QVERIFY(m_cache->contacts.upsertFromServer({c}));

    auto pane = makePane();
    Api::LocationLists lists;
    Api::CustomFieldDefinition budget;
    budget.id = QStringLiteral("cfBudget000000000001");
    budget.name = QStringLiteral("Budget");
    budget.dataType = QStringLiteral("NUMERICAL");
    Api::CustomFieldDefinition interests;
    interests.id = QStringLiteral("cfInterests000000003");
    interests.name = QStringLiteral("Interests");
    interests.dataType = QStringLiteral("MULTIPLE_OPTIONS");
    interests.position = 1;
    lists.customFields = {budget, interests};
    pane->setLocationLists(lists);
    pane->setRegion(QStringLiteral("US"));
    pane->setContactId(jane);
    Ui::ContactOverview* overview = pane->overview();
    const auto value = [overview](const char* key) {
        QLabel* label = overview->valueLabel(QLatin1StringView(key));
        return label ? label->text() : QStringLiteral("<no row>");
    };
    QCOMPARE(value("name"), QStringLiteral("Jane Doe"));
    QCOMPARE(value("email"), QStringLiteral("jane@example.com"));
    // Stored in E.164, shown in the national format of the location's country.
    QCOMPARE(value("phone"), QStringLiteral("(555) 123-0001"));
    QCOMPARE(value("companyName"), QStringLiteral("Acme Roofing"));
    QCOMPARE(value("address1"), QStringLiteral("12 Harbor Road"));
    QCOMPARE(value("city"), QStringLiteral("Portland"));
    QCOMPARE(value("postalCode"), QStringLiteral("97201"));
    QCOMPARE(value("website"), QStringLiteral("https://acme.example"));
    QCOMPARE(value("source"), QStringLiteral("Trade fair"));
    QCOMPARE(value("type"), QStringLiteral("lead"));
    QCOMPARE(value("timezone"), QStringLiteral("America/Los_Angeles"));
    QCOMPARE(value("dateOfBirth"), QLocale().toString(QDate(1985, 4, 12), QLocale::LongFormat));
    QCOMPARE(value("dnd_SMS"), QStringLiteral("Do not disturb – Asked not to be texted"));
    QVERIFY(value("dnd_Email").contains(QStringLiteral("permanent")));
    QCOMPARE(value("dnd_Call"), QStringLiteral("Allowed"));
    QCOMPARE(value("dnd_WhatsApp"), QStringLiteral("Allowed"));
    QCOMPARE(value("dateAdded"), Ui::localDateTimeText(c.dateAdded));
    QCOMPARE(value("dateUpdated"), Ui::localDateTimeText(c.dateUpdated));
    // An unset field says so instead of leaving a gap.
    QCOMPARE(value("assignedTo"), QStringLiteral("Not set"));

    // Custom fields under their names; the id when no name is known.
    const auto nameOf = [overview](const char* key) {
        QLabel* valueLabel = overview->valueLabel(QLatin1StringView(key));
        const QList<QLabel*> labels = overview->widget()->findChildren<QLabel*>();
        for (QLabel* label : labels) {
            if (label->buddy() == valueLabel)
                return label->text();
        }
        return QString();
    };
    QCOMPARE(nameOf("cf_cfBudget000000000001"), QStringLiteral("Budget"));
    QCOMPARE(value("cf_cfBudget000000000001"), QLocale().toString(12500.0));
    QCOMPARE(nameOf("cf_cfUnnamed00000000002"), QStringLiteral("cfUnnamed00000000002"));
    QCOMPARE(value("cf_cfUnnamed00000000002"), QStringLiteral("blue"));
    QCOMPARE(nameOf("cf_cfInterests000000003"), QStringLiteral("Interests"));
    QCOMPARE(value("cf_cfInterests000000003"), QStringLiteral("roofs, gutters"));
}

void TestDetailPane::failedChangeRetriedAndDiscarded()
{
    auto pane = makePane();
    pane->setContactId(jane);
    QCOMPARE(m_cache->edits.updateContact(
                 jane, {{QStringLiteral("email"), QStringLiteral("jane.doe@example.com")}}),
        Store::EditOutcome::Saved);
    QCOMPARE(
        labelText(*pane, QStringLiteral("detailEmail")), QStringLiteral("jane.doe@example.com"));
    QVERIFY(child<QWidget>(*pane, QStringLiteral("detailStatus"))->isVisible());
    auto* retry = child<QPushButton>(*pane, QStringLiteral("retryButton"));
    auto* discard = child<QPushButton>(*pane, QStringLiteral("discardButton"));
    QVERIFY(!retry->isVisible());

    const qint64 itemId = m_cache->items(Store::OutboxKind::UpdateContact).first().id;
    QVERIFY(m_cache->outbox.markInFlight(itemId));
    QVERIFY(m_cache->outbox.markFailed(itemId, QStringLiteral("email is already taken")));
    QTRY_VERIFY(labelText(*pane, QStringLiteral("detailStatusText"))
                    .contains(QStringLiteral("email is already taken")));
    QVERIFY(retry->isVisible());
    QVERIFY(discard->isVisible());

    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(m_cache->outbox.item(itemId)->state, Store::OutboxState::Queued);
    QTRY_VERIFY(!retry->isVisible());

    QVERIFY(m_cache->outbox.markInFlight(itemId));
    QVERIFY(m_cache->outbox.markFailed(itemId, QStringLiteral("email is already taken")));
    QTRY_VERIFY(discard->isVisible());
    m_confirmAnswer = false;
    QTest::mouseClick(discard, Qt::LeftButton);
    QCOMPARE(m_confirmations, 1);
    QVERIFY(m_cache->outbox.item(itemId).has_value());
    m_confirmAnswer = true;
    QTest::mouseClick(discard, Qt::LeftButton);
    QCOMPARE(m_confirmations, 2);
    QVERIFY(m_cache->outbox.list().isEmpty());
    // The contact is back to what HighLevel had.
    QTRY_COMPARE(
        labelText(*pane, QStringLiteral("detailEmail")), QStringLiteral("jane@example.com"));
    QVERIFY(!child<QWidget>(*pane, QStringLiteral("detailStatus"))->isVisible());
}

void TestDetailPane::conflictAsksForResolve()
{
    auto pane = makePane();
    pane->setContactId(jane);
    QCOMPARE(m_cache->edits.updateContact(
                 jane, {{QStringLiteral("companyName"), QStringLiteral("Acme Roofing Ltd")}}),
        Store::EditOutcome::Saved);
    const qint64 itemId = m_cache->items(Store::OutboxKind::UpdateContact).first().id;
    QVERIFY(m_cache->outbox.markInFlight(itemId));
    QVERIFY(m_cache->outbox.markConflict(
        itemId, {{QStringLiteral("companyName"), QStringLiteral("Acme Holdings")}}));
    auto* resolve = child<QPushButton>(*pane, QStringLiteral("resolveButton"));
    QTRY_VERIFY(resolve->isVisible());
    QVERIFY(labelText(*pane, QStringLiteral("detailStatusText"))
                .contains(QStringLiteral("changed in HighLevel too")));
    QVERIFY(!child<QPushButton>(*pane, QStringLiteral("retryButton"))->isVisible());

    QSignalSpy requested(pane.get(), &ContactDetailPane::resolveConflictRequested);
    QTest::mouseClick(resolve, Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().at(0).toString(), jane);
    QCOMPARE(requested.first().at(1).toLongLong(), itemId);
}

void TestDetailPane::tasksAddEditCompleteDelete()
{
    auto pane = makePane();
    pane->setContactId(jane);
    QTableView* view = child<QTableView>(*pane, QStringLiteral("tasksView"));
    QAbstractItemModel* model = view->model();
    QCOMPARE(column(*model, TaskListModel::TitleColumn),
        QStringList({QStringLiteral("Call back"), QStringLiteral("Send the quote")}));
    // Overdue by the injected clock: yesterday's open task.
    QVERIFY(model->index(0, TaskListModel::TitleColumn).data(Qt::BackgroundRole).isValid());
    QVERIFY(!model->index(1, TaskListModel::TitleColumn).data(Qt::BackgroundRole).isValid());

    // Add (Ctrl+Shift+T lands here): the Tasks tab comes forward with the dialog.
    pane->addTask();
    QCOMPARE(pane->tabs()->currentWidget(), pane->tasksTab());
    auto* dialog = openDialog<Ui::TaskDialog>(*pane);
    QVERIFY(dialog);
    QVERIFY(!dialog->isEditMode());
    QTest::keyClicks(child<QLineEdit>(*dialog, QStringLiteral("taskTitle")),
        QStringLiteral("Prepare the contract"));
    QTest::mouseClick(child<QPushButton>(*dialog, QStringLiteral("okButton")), Qt::LeftButton);
    QTRY_COMPARE(model->rowCount(), 3);
    QVERIFY(column(*model, TaskListModel::TitleColumn)
                .contains(QStringLiteral("Prepare the contract")));
    const QList<Store::OutboxItem> created = m_cache->items(Store::OutboxKind::CreateTask);
    QCOMPARE(created.size(), 1);
    QCOMPARE(created.first().payload.value(QStringLiteral("title")).toString(),
        QStringLiteral("Prepare the contract"));
    // The new task is selected.
    QCOMPARE(view->selectionModel()->selectedRows().value(0).data(TaskListModel::TaskIdRole),
        QVariant(created.first().childId));
    QTRY_VERIFY(pane->findChildren<Ui::TaskDialog*>().isEmpty());

    // Complete with the keyboard on the box of "Send the quote".
    const int quote = pane->taskModel()->rowOf(QStringLiteral("tk01"));
    view->setFocus();
    view->setCurrentIndex(model->index(quote, TaskListModel::CompletedColumn));
    QTest::keyClick(view, Qt::Key_Space);
    QCOMPARE(model->index(quote, TaskListModel::CompletedColumn).data(Qt::CheckStateRole).toInt(),
        int(Qt::Checked));
    const QList<Store::OutboxItem> completed = m_cache->items(Store::OutboxKind::CompleteTask);
    QCOMPARE(completed.size(), 1);
    QCOMPARE(completed.first().childId, QStringLiteral("tk01"));

    // Edit the title of "Call back" through the dialog.
    const int callBack = pane->taskModel()->rowOf(QStringLiteral("tk02"));
    view->selectRow(callBack);
    auto* edit = child<QPushButton>(*pane, QStringLiteral("editTaskButton"));
    QVERIFY(edit->isEnabled());
    QTest::mouseClick(edit, Qt::LeftButton);
    dialog = openDialog<Ui::TaskDialog>(*pane);
    QVERIFY(dialog && dialog->isEditMode());
    auto* title = child<QLineEdit>(*dialog, QStringLiteral("taskTitle"));
    QCOMPARE(title->text(), QStringLiteral("Call back"));
    title->selectAll();
    QTest::keyClicks(title, QStringLiteral("Call back about the roof"));
    QTest::mouseClick(child<QPushButton>(*dialog, QStringLiteral("okButton")), Qt::LeftButton);
    QTRY_COMPARE(m_cache->items(Store::OutboxKind::UpdateTask).size(), 1);
    QCOMPARE(m_cache->items(Store::OutboxKind::UpdateTask).first().payload,
        QJsonObject({{QStringLiteral("title"), QStringLiteral("Call back about the roof")}}));
    QCOMPARE(
        model->index(pane->taskModel()->rowOf(QStringLiteral("tk02")), TaskListModel::TitleColumn)
            .data()
            .toString(),
        QStringLiteral("Call back about the roof"));
    QTRY_VERIFY(pane->findChildren<Ui::TaskDialog*>().isEmpty());

    // Delete asks first; "no" keeps the task.
    view->selectRow(pane->taskModel()->rowOf(QStringLiteral("tk02")));
    auto* remove = child<QPushButton>(*pane, QStringLiteral("deleteTaskButton"));
    m_confirmAnswer = false;
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(m_confirmations, 1);
    QCOMPARE(model->rowCount(), 3);
    QVERIFY(m_cache->items(Store::OutboxKind::DeleteTask).isEmpty());
    m_confirmAnswer = true;
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(m_confirmations, 2);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(pane->taskModel()->rowOf(QStringLiteral("tk02")), -1);
    QCOMPARE(m_cache->items(Store::OutboxKind::DeleteTask).size(), 1);
    QVERIFY(!m_cache->children.task(jane, QStringLiteral("tk02")));
}

void TestDetailPane::notesNewestFirstAddEditDelete()
{
    auto pane = makePane();
    pane->setContactId(jane);
    QTableView* view = child<QTableView>(*pane, QStringLiteral("notesView"));
    QAbstractItemModel* model = view->model();
    QCOMPARE(column(*model, NoteListModel::TextColumn),
        QStringList({QStringLiteral("Sent the quote"), QStringLiteral("First call")}));

    pane->addNote();
    QCOMPARE(pane->tabs()->currentWidget(), pane->notesTab());
    auto* dialog = openDialog<Ui::NoteDialog>(*pane);
    QVERIFY(dialog && !dialog->isEditMode());
    child<QPlainTextEdit>(*dialog, QStringLiteral("noteBody"))
        ->setPlainText(QStringLiteral("Signed the contract\nStarts in May"));
    QTest::mouseClick(child<QPushButton>(*dialog, QStringLiteral("okButton")), Qt::LeftButton);
    QTRY_COMPARE(model->rowCount(), 3);
    // Newest first: the one just written.
    QCOMPARE(model->index(0, NoteListModel::TextColumn).data().toString(),
        QStringLiteral("Signed the contract"));
    QCOMPARE(m_cache->items(Store::OutboxKind::CreateNote).size(), 1);
    QTRY_VERIFY(pane->findChildren<Ui::NoteDialog*>().isEmpty());

    // Enter on "First call" opens it for editing.
    const int first = pane->noteModel()->rowOf(QStringLiteral("nt01"));
    view->setFocus();
    view->setCurrentIndex(model->index(first, NoteListModel::TextColumn));
    QTest::keyClick(view, Qt::Key_Return);
    dialog = openDialog<Ui::NoteDialog>(*pane);
    QVERIFY(dialog && dialog->isEditMode());
    auto* body = child<QPlainTextEdit>(*dialog, QStringLiteral("noteBody"));
    QCOMPARE(body->toPlainText(), QStringLiteral("First call"));
    body->setPlainText(QStringLiteral("First call: wants a quote for the roof"));
    QTest::mouseClick(child<QPushButton>(*dialog, QStringLiteral("okButton")), Qt::LeftButton);
    QTRY_COMPARE(m_cache->items(Store::OutboxKind::UpdateNote).size(), 1);
    QCOMPARE(m_cache->items(Store::OutboxKind::UpdateNote)
                 .first()
                 .payload.value(QStringLiteral("body"))
                 .toString(),
        QStringLiteral("First call: wants a quote for the roof"));
    QCOMPARE(
        model->index(pane->noteModel()->rowOf(QStringLiteral("nt01")), NoteListModel::TextColumn)
            .data()
            .toString(),
        QStringLiteral("First call: wants a quote for the roof"));
    QTRY_VERIFY(pane->findChildren<Ui::NoteDialog*>().isEmpty());

    // Delete with the Delete key on the list, confirmed. The closed dialog took the activation
    // with it; the user is back in the main window.
    pane->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(pane.get()));
    view->setFocus();
    view->selectRow(pane->noteModel()->rowOf(QStringLiteral("nt02")));
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(m_confirmations, 1);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(pane->noteModel()->rowOf(QStringLiteral("nt02")), -1);
    QCOMPARE(m_cache->items(Store::OutboxKind::DeleteNote).size(), 1);
    QCOMPARE(m_cache->items(Store::OutboxKind::DeleteNote).first().childId, QStringLiteral("nt02"));
}

void TestDetailPane::appointmentsAreReadOnly()
{
    auto pane = makePane();
    pane->setContactId(jane);
    pane->tabs()->setCurrentWidget(pane->appointmentsTab());
    QTableView* view = child<QTableView>(*pane, QStringLiteral("appointmentsView"));
    QVERIFY(view->isVisible());
    QAbstractItemModel* model = view->model();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, Ui::AppointmentListModel::TitleColumn).data().toString(),
        QStringLiteral("Site visit"));
    QCOMPARE(model->index(0, Ui::AppointmentListModel::StatusColumn).data().toString(),
        QStringLiteral("Confirmed"));
    QCOMPARE(model->index(0, Ui::AppointmentListModel::CalendarColumn).data().toString(),
        QStringLiteral("cal-sales"));
    QCOMPARE(view->editTriggers(), QAbstractItemView::NoEditTriggers);
    // No button changes appointments; only the list's own Refresh could show up.
    const QList<QPushButton*> buttons = pane->appointmentsTab()->findChildren<QPushButton*>();
    for (QPushButton* button : buttons)
        QCOMPARE(button->objectName(), QStringLiteral("appointmentsStatusButton"));
    QCOMPARE(pane->tabs()->tabText(pane->tabs()->indexOf(pane->appointmentsTab())),
        QStringLiteral("A&ppointments (1)"));
}

void TestDetailPane::withoutLoaderListsSayNotLoaded()
{
    const QString omar = QStringLiteral("ct00000000000000omar");
    QVERIFY(m_cache->contacts.upsertFromServer({contact(omar, QStringLiteral("Omar"),
        QStringLiteral("Haddad"), QStringLiteral("omar@example.com"), {})}));
    auto pane = makePane();
    pane->setContactId(omar);
    pane->tabs()->setCurrentWidget(pane->tasksTab());
    QCOMPARE(labelText(*pane, QStringLiteral("tasksEmpty")),
        QStringLiteral("The tasks have not been loaded from HighLevel yet."));
    // Nothing can load them: no button offers to.
    QVERIFY(!child<QPushButton>(*pane, QStringLiteral("tasksStatusButton"))->isVisible());

    // Jane's lists were fetched: their age shows, without a Refresh nobody could serve.
    pane->setContactId(jane);
    QCOMPARE(pane->tasksTab()->statusText(), QStringLiteral("Updated just now"));
    QVERIFY(!child<QPushButton>(*pane, QStringLiteral("tasksStatusButton"))->isVisible());
}

void TestDetailPane::removedContactAndResolvedLocalId()
{
    auto pane = makePane();
    Api::Contact draft;
    draft.firstName = QStringLiteral("Lena");
    draft.lastName = QStringLiteral("Kowalski");
    draft.email = QStringLiteral("lena@example.com");
    const QString localId = m_cache->edits.createContact(draft);
    QVERIFY(localId.startsWith(QStringLiteral("local-")));
    pane->setContactId(localId);
    QCOMPARE(labelText(*pane, QStringLiteral("detailName")), QStringLiteral("Lena Kowalski"));
    QVERIFY(labelText(*pane, QStringLiteral("detailStatusText"))
                .contains(QStringLiteral("Created here")));

    // A task on the new contact waits for it; the pane follows the contact to its server id.
    pane->addTask();
    auto* dialog = openDialog<Ui::TaskDialog>(*pane);
    QVERIFY(dialog);
    QTest::keyClicks(
        child<QLineEdit>(*dialog, QStringLiteral("taskTitle")), QStringLiteral("Welcome call"));
    QTest::mouseClick(child<QPushButton>(*dialog, QStringLiteral("okButton")), Qt::LeftButton);
    QTRY_COMPARE(pane->taskModel()->rowCount(), 1);

    const QString serverId = QStringLiteral("ct0000000000000lena1");
    QVERIFY(m_cache->outbox.resolveLocalId(localId, serverId));
    QTRY_COMPARE(pane->contactId(), serverId);
    QCOMPARE(labelText(*pane, QStringLiteral("detailName")), QStringLiteral("Lena Kowalski"));
    QCOMPARE(pane->taskModel()->contactId(), serverId);
    QCOMPARE(pane->taskModel()->rowCount(), 1);

    // Gone from the server: the pane says so instead of showing stale fields.
    QVERIFY(m_cache->contacts.removeFromServer({serverId}));
    QTRY_COMPARE(labelText(*pane, QStringLiteral("detailEmpty")),
        QStringLiteral("This contact is no longer here."));
    QVERIFY(!child<QWidget>(*pane, QStringLiteral("detailTabs"))->isVisible());
}

void TestDetailPane::loadingFailureAndStaleAgainstTheSandbox()
{
    Server server(*m_cache);
    const QJsonObject created = Testing::postContact(server.fx,
        {{QStringLiteral("firstName"), QStringLiteral("Rosa")},
            {QStringLiteral("lastName"), QStringLiteral("Moreau")},
            {QStringLiteral("email"), QStringLiteral("rosa@example.com")},
            {QStringLiteral("phone"), QStringLiteral("+15551234567")}});
    const QString rosa = created.value(QStringLiteral("id")).toString();
    QVERIFY(!rosa.isEmpty());
    for (const char* title : {"Measure the roof", "Send the estimate"}) {
        const Testing::HttpResult result
            = server.fx.api("POST", QStringLiteral("/contacts/%1/tasks").arg(rosa),
                QJsonObject {{QStringLiteral("title"), QString::fromUtf8(title)},
                    {QStringLiteral("dueDate"), QStringLiteral("2026-11-20T15:00:00.000Z")},
                    {QStringLiteral("completed"), false}});
        CHECK_STATUS(result, 201);
    }
    {
        const Testing::HttpResult answer
            = server.fx.api("POST", QStringLiteral("/contacts/%1/notes").arg(rosa),
                QJsonObject {{QStringLiteral("body"), QStringLiteral("Met at the fair")}});
        CHECK_STATUS(answer, 201);
    }
    server.fx.data().appointments()[rosa].append(
        appointment(QStringLiteral("apRosa00000000000001"), rosa, QStringLiteral("Roof survey"),
            utcMs(m_now + dayMs), QStringLiteral("confirmed"), QStringLiteral("cal-field"))
            .toJson());
    QString error;
    const std::optional<Api::Contact> cached = Api::Contact::fromJson(created, &error);
    QVERIFY2(cached, qPrintable(error));
    QVERIFY(m_cache->contacts.upsertFromServer({*cached}));

    // Opened with nothing cached: "Loading…" at once, then the server's lists.
    auto pane = makePane(&server.loader);
    pane->tabs()->setCurrentWidget(pane->tasksTab());
    pane->setContactId(rosa);
    QCOMPARE(pane->tasksTab()->loadState(), ChildTab::LoadState::Loading);
    QCOMPARE(pane->tasksTab()->statusText(), QStringLiteral("Loading tasks…"));
    QCOMPARE(labelText(*pane, QStringLiteral("tasksEmpty")), QStringLiteral("Loading tasks…"));
    QTRY_COMPARE(pane->taskModel()->rowCount(), 2);
    QTRY_COMPARE(pane->tasksTab()->loadState(), ChildTab::LoadState::Idle);
    QCOMPARE(pane->tasksTab()->statusText(), QStringLiteral("Updated just now"));
    QCOMPARE(pane->noteModel()->rowCount(), 1);
    QCOMPARE(pane->appointmentModel()->rowCount(), 1);
    QCOMPARE(column(*pane->appointmentModel(), Ui::AppointmentListModel::TitleColumn),
        QStringList {QStringLiteral("Roof survey")});
    auto* tasksButton = child<QPushButton>(*pane, QStringLiteral("tasksStatusButton"));
    QVERIFY(tasksButton->isVisible());
    QCOMPARE(plain(tasksButton->text()), QStringLiteral("Refresh"));

    // Opened again within the hour: shown from the cache, nothing fetched.
    QSignalSpy started(&server.loader, &Ui::ChildLoader::loadStarted);
    pane->setContactId(jane);
    pane->setContactId(rosa);
    QCOMPARE(started.count(), 0);
    QCOMPARE(pane->taskModel()->rowCount(), 2);

    // The server refuses the notes: the tab says why and offers Retry; the cached list stays.
    {
        const Testing::HttpResult answer
            = server.fx.control("POST", QStringLiteral("/__sandbox/faults"),
                QJsonObject {{QStringLiteral("method"), QStringLiteral("GET")},
                    {QStringLiteral("path"), QStringLiteral("/contacts/%1/notes").arg(rosa)},
                    {QStringLiteral("kind"), QStringLiteral("status")},
                    {QStringLiteral("status"), 403}});
        CHECK_STATUS(answer, 201);
    }
    pane->tabs()->setCurrentWidget(pane->notesTab());
    QTest::mouseClick(tasksButton, Qt::LeftButton);
    QCOMPARE(started.count(), 1);
    QTRY_COMPARE(pane->notesTab()->loadState(), ChildTab::LoadState::Failed);
    QVERIFY2(
        pane->notesTab()->statusText().startsWith(QStringLiteral("Could not load the notes: ")),
        qPrintable(pane->notesTab()->statusText()));
    QCOMPARE(pane->noteModel()->rowCount(), 1);
    auto* notesButton = child<QPushButton>(*pane, QStringLiteral("notesStatusButton"));
    QVERIFY(notesButton->isVisible());
    QCOMPARE(plain(notesButton->text()), QStringLiteral("Retry"));

    // The server answers again: Retry brings the list back.
    {
        const Testing::HttpResult answer
            = server.fx.control("DELETE", QStringLiteral("/__sandbox/faults"));
        CHECK_STATUS(answer, 200);
    }
    {
        const Testing::HttpResult answer
            = server.fx.api("POST", QStringLiteral("/contacts/%1/notes").arg(rosa),
                QJsonObject {{QStringLiteral("body"), QStringLiteral("Called back")}});
        CHECK_STATUS(answer, 201);
    }
    QTest::mouseClick(notesButton, Qt::LeftButton);
    QTRY_COMPARE(pane->notesTab()->loadState(), ChildTab::LoadState::Idle);
    QCOMPARE(pane->noteModel()->rowCount(), 2);
    QCOMPARE(pane->notesTab()->statusText(), QStringLiteral("Updated just now"));

    // Three hours later (the pane stayed open): marked as possibly out of date.
    m_cache->clock.advance(3 * hourMs);
    pane->refreshTimes();
    QVERIFY(pane->tasksTab()->isStale());
    QCOMPARE(
        pane->tasksTab()->statusText(), QStringLiteral("Updated 3 h ago – may be out of date"));
    QVERIFY(child<QLabel>(*pane, QStringLiteral("tasksStatusIcon"))->isVisibleTo(pane->tasksTab()));
    // Refresh fetches them again.
    pane->tabs()->setCurrentWidget(pane->tasksTab());
    QTest::mouseClick(tasksButton, Qt::LeftButton);
    QTRY_COMPARE(pane->tasksTab()->loadState(), ChildTab::LoadState::Idle);
    QTRY_VERIFY(!pane->tasksTab()->isStale());
    QCOMPARE(pane->tasksTab()->statusText(), QStringLiteral("Updated just now"));
}

QTEST_MAIN(TestDetailPane)
#include "tst_detailpane.moc"
