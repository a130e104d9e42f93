// The detail pane's models over a temporary cache: tasks by due date with overdue ones
// highlighted by the injected clock and the completed box going through the outbox, notes
// newest first as plain text, appointments read-only by start time. A QAbstractItemModelTester
// watches each model for the whole of every test, and the change signals are checked to be
// exact: a completed task changes one row, an added note inserts one, nothing resets.
#include "detailfixture.h"
#include "ui/detail/appointmentlistmodel.h"
#include "ui/detail/detailsupport.h"
#include "ui/detail/notelistmodel.h"
#include "ui/detail/tasklistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <limits>

using namespace ContactDesk;
using namespace DetailFixture;
using Ui::AppointmentListModel;
using Ui::NoteListModel;
using Ui::TaskListModel;

namespace {

const QString jane = QStringLiteral("ct00000000000000jane");
const QString omar = QStringLiteral("ct00000000000000omar");

QStringList column(const QAbstractItemModel& model, int column, int role = Qt::DisplayRole)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, column).data(role).toString();
    return values;
}

} // namespace

class TestDetailModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void tasksByDueDateWithOverdueHighlighted();
    void overdueFollowsTheClock();
    void completingATaskGoesThroughTheOutbox();
    void taskChangesAreExact();
    void taskStatusShowsPendingAndFailed();
    void notesNewestFirstAsPlainText();
    void noteAddedAndDeleted();
    void appointmentsReadOnlyByStart();
    void otherContactsChangesAreIgnored();

private:
    void fill();

    std::unique_ptr<TempCache> m_cache;
    qint64 m_now = 0;
};

void TestDetailModels::init()
{
    m_cache = std::make_unique<TempCache>();
    QVERIFY2(m_cache->isOpen(), qPrintable(m_cache->opened.message));
    m_now = m_cache->clock.nowMs();
    fill();
}

void TestDetailModels::cleanup()
{
    m_cache.reset();
}

void TestDetailModels::fill()
{
    QVERIFY(m_cache->contacts.upsertFromServer(
        {contact(jane, QStringLiteral("Jane"), QStringLiteral("Doe"),
             QStringLiteral("jane@example.com"), QStringLiteral("+15551230001")),
            contact(omar, QStringLiteral("Omar"), QStringLiteral("Haddad"),
                QStringLiteral("omar@example.com"), QStringLiteral("+15551230002"))}));
    QVERIFY(m_cache->children.replaceTasks(jane,
        {task(QStringLiteral("tk01"), jane, QStringLiteral("Send the quote"),
             utcMs(m_now + 2 * dayMs)),
            task(QStringLiteral("tk02"), jane, QStringLiteral("Call back"), utcMs(m_now - dayMs)),
            task(QStringLiteral("tk03"), jane, QStringLiteral("Ask for a review"), {}),
            task(QStringLiteral("tk04"), jane, QStringLiteral("Book the visit"),
                utcMs(m_now - 3 * dayMs), true)},
        m_now));
    QVERIFY(m_cache->children.replaceTasks(omar,
        {task(QStringLiteral("tk10"), omar, QStringLiteral("Omar's task"), utcMs(m_now))}, m_now));
    QVERIFY(m_cache->children.replaceNotes(jane,
        {note(QStringLiteral("nt01"), jane, QStringLiteral("First call.\nShe wants a quote."),
             utcMs(m_now - 5 * dayMs)),
            note(QStringLiteral("nt02"), jane, QStringLiteral("\n  Sent <b>the</b> quote  \n"),
                utcMs(m_now - dayMs)),
            note(QStringLiteral("nt03"), jane, QStringLiteral("Met at the fair"),
                utcMs(m_now - 9 * dayMs))},
        m_now));
    QVERIFY(m_cache->children.replaceAppointments(jane,
        {appointment(QStringLiteral("ap02"), jane, QStringLiteral("Site visit"),
             utcMs(m_now + 3 * dayMs), QStringLiteral("confirmed"), QStringLiteral("cal-sales")),
            appointment(QStringLiteral("ap01"), jane, QStringLiteral("Intro call"),
                utcMs(m_now - 2 * dayMs), QStringLiteral("noshow"), QStringLiteral("cal-intro"))},
        m_now));
}

void TestDetailModels::tasksByDueDateWithOverdueHighlighted()
{
    TaskListModel model(m_cache->children, m_cache->edits, m_cache->clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setContactId(jane);

    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(TaskListModel::ColumnCount));
    QCOMPARE(column(model, TaskListModel::TitleColumn),
        QStringList({QStringLiteral("Book the visit"), QStringLiteral("Call back"),
            QStringLiteral("Send the quote"), QStringLiteral("Ask for a review")}));

    // Only the open task whose due date passed is overdue: not the completed one, not the
    // future one, not the undated one.
    QCOMPARE(column(model, 0, TaskListModel::OverdueRole),
        QStringList({QStringLiteral("false"), QStringLiteral("true"), QStringLiteral("false"),
            QStringLiteral("false")}));
    for (int col = 0; col < TaskListModel::ColumnCount; ++col) {
        QVERIFY(model.index(1, col).data(Qt::BackgroundRole).isValid());
        QVERIFY(!model.index(0, col).data(Qt::BackgroundRole).isValid());
        QVERIFY(!model.index(2, col).data(Qt::BackgroundRole).isValid());
    }
    QCOMPARE(model.index(1, TaskListModel::DueColumn).data(Qt::ToolTipRole).toString(),
        QStringLiteral("Overdue"));

    QCOMPARE(model.index(0, TaskListModel::CompletedColumn).data(Qt::CheckStateRole).toInt(),
        int(Qt::Checked));
    QCOMPARE(model.index(1, TaskListModel::CompletedColumn).data(Qt::CheckStateRole).toInt(),
        int(Qt::Unchecked));
    QVERIFY(model.flags(model.index(1, TaskListModel::CompletedColumn)) & Qt::ItemIsUserCheckable);
    QVERIFY(!(model.flags(model.index(1, TaskListModel::TitleColumn)) & Qt::ItemIsEditable));

    QCOMPARE(model.index(2, TaskListModel::DueColumn).data().toString(),
        Ui::localDateTimeText(utcMs(m_now + 2 * dayMs)));
    QCOMPARE(
        model.index(3, TaskListModel::DueColumn).data().toString(), QStringLiteral("No due date"));
    // The raw sort values: due times in ms, undated last.
    QCOMPARE(model.index(2, TaskListModel::DueColumn).data(TaskListModel::SortRole).toLongLong(),
        m_now + 2 * dayMs);
    QCOMPARE(model.index(3, TaskListModel::DueColumn).data(TaskListModel::SortRole).toLongLong(),
        std::numeric_limits<qint64>::max());
    QCOMPARE(
        model.index(0, TaskListModel::CompletedColumn).data(TaskListModel::SortRole).toInt(), 1);
    QCOMPARE(model.index(1, 0).data(TaskListModel::TaskIdRole).toString(), QStringLiteral("tk02"));
    QCOMPARE(model.rowOf(QStringLiteral("tk03")), 3);
}

void TestDetailModels::overdueFollowsTheClock()
{
    TaskListModel model(m_cache->children, m_cache->edits, m_cache->clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setContactId(jane);
    const int quote = model.rowOf(QStringLiteral("tk01"));
    QVERIFY(!model.index(quote, 0).data(TaskListModel::OverdueRole).toBool());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    m_cache->clock.advance(2 * dayMs + 60 * 1000);
    model.refreshOverdue();
    QVERIFY(!changed.isEmpty());
    QVERIFY(changed.last().at(2).value<QList<int>>().contains(Qt::BackgroundRole));
    QVERIFY(model.index(quote, 0).data(TaskListModel::OverdueRole).toBool());
    QVERIFY(model.index(quote, TaskListModel::TitleColumn).data(Qt::BackgroundRole).isValid());
}

void TestDetailModels::completingATaskGoesThroughTheOutbox()
{
    TaskListModel model(m_cache->children, m_cache->edits, m_cache->clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setContactId(jane);
    const int row = model.rowOf(QStringLiteral("tk02"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    QVERIFY(model.setData(
        model.index(row, TaskListModel::CompletedColumn), Qt::Checked, Qt::CheckStateRole));

    // At once in the table, in the cache and as one outbox item.
    QCOMPARE(model.index(row, TaskListModel::CompletedColumn).data(Qt::CheckStateRole).toInt(),
        int(Qt::Checked));
    QVERIFY(!model.index(row, 0).data(TaskListModel::OverdueRole).toBool());
    QVERIFY(m_cache->children.task(jane, QStringLiteral("tk02"))->completed);
    const QList<Store::OutboxItem> items = m_cache->items(Store::OutboxKind::CompleteTask);
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().childId, QStringLiteral("tk02"));
    QCOMPARE(items.first().payload.value(QStringLiteral("completed")).toBool(), true);

    // Exactly that row changed.
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), row);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), row);
    QCOMPARE(model.index(row, 0).data(TaskListModel::LocalStatusRole).toInt(),
        int(Store::LocalStatus::Pending));

    // Ticking what is already ticked changes nothing.
    QVERIFY(!model.setData(
        model.index(row, TaskListModel::CompletedColumn), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(m_cache->items(Store::OutboxKind::CompleteTask).size(), 1);
    // Other columns are not editable.
    QVERIFY(!model.setData(
        model.index(row, TaskListModel::TitleColumn), QStringLiteral("x"), Qt::EditRole));
}

void TestDetailModels::taskChangesAreExact()
{
    TaskListModel model(m_cache->children, m_cache->edits, m_cache->clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setContactId(jane);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // Due tomorrow: between "Call back" (yesterday) and "Send the quote" (in two days).
    const QString id = m_cache->edits.createTask(
        jane, task({}, jane, QStringLiteral("Prepare the contract"), utcMs(m_now + dayMs)));
    QVERIFY(!id.isEmpty());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 2);
    QCOMPARE(inserted.first().at(2).toInt(), 2);
    QCOMPARE(model.index(2, TaskListModel::TitleColumn).data().toString(),
        QStringLiteral("Prepare the contract"));

    QCOMPARE(m_cache->edits.deleteTask(jane, QStringLiteral("tk02")), Store::EditOutcome::Saved);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 1);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.rowOf(QStringLiteral("tk02")), -1);
    QCOMPARE(reset.count(), 0);

    // Another contact: one reset, that contact's tasks.
    model.setContactId(omar);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(
        column(model, TaskListModel::TitleColumn), QStringList {QStringLiteral("Omar's task")});
    model.setContactId({});
    QCOMPARE(model.rowCount(), 0);
}

void TestDetailModels::taskStatusShowsPendingAndFailed()
{
    TaskListModel model(m_cache->children, m_cache->edits, m_cache->clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setContactId(jane);
    QCOMPARE(m_cache->edits.updateTask(jane, QStringLiteral("tk01"),
                 {{QStringLiteral("title"), QStringLiteral("Send the signed quote")}}),
        Store::EditOutcome::Saved);
    const int row = model.rowOf(QStringLiteral("tk01"));
    QCOMPARE(model.index(row, TaskListModel::TitleColumn).data().toString(),
        QStringLiteral("Send the signed quote"));
    QCOMPARE(model.index(row, 0).data(TaskListModel::LocalStatusRole).toInt(),
        int(Store::LocalStatus::Pending));
    QVERIFY(model.index(row, TaskListModel::TitleColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Waiting to be sent")));

    const QList<Store::OutboxItem> items = m_cache->items(Store::OutboxKind::UpdateTask);
    QCOMPARE(items.size(), 1);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_cache->outbox.markInFlight(items.first().id));
    QVERIFY(m_cache->outbox.markFailed(items.first().id, QStringLiteral("title is too long")));
    QTRY_COMPARE(model.index(row, 0).data(TaskListModel::LocalStatusRole).toInt(),
        int(Store::LocalStatus::Failed));
    QVERIFY(!changed.isEmpty());
    QVERIFY(model.index(row, TaskListModel::TitleColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("title is too long")));
    QVERIFY(!model.index(row, TaskListModel::TitleColumn)
                 .data(Qt::DecorationRole)
                 .value<QIcon>()
                 .isNull());
}

void TestDetailModels::notesNewestFirstAsPlainText()
{
    NoteListModel model(m_cache->children, m_cache->edits);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setContactId(jane);
    QCOMPARE(column(model, 0, NoteListModel::NoteIdRole),
        QStringList({QStringLiteral("nt02"), QStringLiteral("nt01"), QStringLiteral("nt03")}));
    // The first line with text, markup as typed; the whole text in the tooltip.
    QCOMPARE(model.index(0, NoteListModel::TextColumn).data().toString(),
        QStringLiteral("Sent <b>the</b> quote"));
    QCOMPARE(
        model.index(1, NoteListModel::TextColumn).data().toString(), QStringLiteral("First call."));
    QCOMPARE(model.index(1, NoteListModel::TextColumn).data(Qt::ToolTipRole).toString(),
        QStringLiteral("First call.\nShe wants a quote."));
    QCOMPARE(model.index(0, NoteListModel::DateColumn).data().toString(),
        Ui::localDateTimeText(utcMs(m_now - dayMs)));
    QCOMPARE(model.index(0, NoteListModel::DateColumn).data(NoteListModel::SortRole).toLongLong(),
        m_now - dayMs);
    QVERIFY(!(model.flags(model.index(0, 1)) & Qt::ItemIsEditable));
}

void TestDetailModels::noteAddedAndDeleted()
{
    NoteListModel model(m_cache->children, m_cache->edits);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setContactId(jane);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    Api::Note draft;
    draft.body = QStringLiteral("Signed today");
    const QString id = m_cache->edits.createNote(jane, draft);
    QVERIFY(!id.isEmpty());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(model.index(0, 0).data(NoteListModel::NoteIdRole).toString(), id);
    QCOMPARE(model.index(0, 0).data(NoteListModel::LocalStatusRole).toInt(),
        int(Store::LocalStatus::Pending));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QCOMPARE(m_cache->edits.updateNote(jane, QStringLiteral("nt03"),
                 {{QStringLiteral("body"), QStringLiteral("Met at the spring fair")}}),
        Store::EditOutcome::Saved);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 3);
    QCOMPARE(model.index(3, NoteListModel::TextColumn).data().toString(),
        QStringLiteral("Met at the spring fair"));

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QCOMPARE(m_cache->edits.deleteNote(jane, QStringLiteral("nt01")), Store::EditOutcome::Saved);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 2);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(reset.count(), 0);
}

void TestDetailModels::appointmentsReadOnlyByStart()
{
    AppointmentListModel model(m_cache->children, m_cache->edits);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setContactId(jane);
    QCOMPARE(column(model, AppointmentListModel::TitleColumn),
        QStringList({QStringLiteral("Intro call"), QStringLiteral("Site visit")}));
    QCOMPARE(column(model, AppointmentListModel::StatusColumn),
        QStringList({QStringLiteral("No show"), QStringLiteral("Confirmed")}));
    QCOMPARE(model.index(1, AppointmentListModel::StartColumn).data().toString(),
        Ui::localDateTimeText(utcMs(m_now + 3 * dayMs)));
    QCOMPARE(model.index(1, AppointmentListModel::EndColumn).data().toString(),
        Ui::localDateTimeText(utcMs(m_now + 3 * dayMs + 30 * 60 * 1000)));
    QCOMPARE(model.index(1, AppointmentListModel::StartColumn)
                 .data(AppointmentListModel::SortRole)
                 .toLongLong(),
        m_now + 3 * dayMs);
    QCOMPARE(column(model, AppointmentListModel::CalendarColumn),
        QStringList({QStringLiteral("cal-intro"), QStringLiteral("cal-sales")}));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    Api::LocationLists lists;
    lists.calendars.append(Api::Calendar {QStringLiteral("cal-sales"),
        QStringLiteral("Sales calendar"), QStringLiteral("loc"), {}, true, {}});
    model.setLocationLists(lists);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(column(model, AppointmentListModel::CalendarColumn),
        QStringList({QStringLiteral("cal-intro"), QStringLiteral("Sales calendar")}));

    for (int col = 0; col < AppointmentListModel::ColumnCount; ++col) {
        const QModelIndex index = model.index(0, col);
        QVERIFY(!(model.flags(index) & (Qt::ItemIsEditable | Qt::ItemIsUserCheckable)));
        QVERIFY(!model.setData(index, QStringLiteral("changed"), Qt::EditRole));
    }
    QCOMPARE(model.index(0, AppointmentListModel::TitleColumn).data().toString(),
        QStringLiteral("Intro call"));
}

void TestDetailModels::otherContactsChangesAreIgnored()
{
    TaskListModel tasks(m_cache->children, m_cache->edits, m_cache->clock);
    QAbstractItemModelTester tester(&tasks, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tasks.setContactId(jane);
    QSignalSpy inserted(&tasks, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&tasks, &QAbstractItemModel::dataChanged);
    QVERIFY(
        !m_cache->edits.createTask(omar, task({}, omar, QStringLiteral("Not Jane's"), utcMs(m_now)))
             .isEmpty());
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(tasks.rowCount(), 4);
}

QTEST_MAIN(TestDetailModels)
#include "tst_detailmodels.moc"
