// The task dialog, offscreen, in a fixed time zone (America/New_York) so local and UTC differ:
// the due date is shown in local time and sent in UTC, a new task has a title and a due date
// before it can be added, and an edit sends only what changed.
#include "common/clock.h"
#include "ui/dialogs/taskdialog.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

#include <time.h>

using ContactDesk::Api::Task;
using ContactDesk::Ui::TaskDialog;

namespace {

class FixedClock final : public ContactDesk::Clock
{
public:
    explicit FixedClock(const QDateTime& now)
        : m_now(now.toMSecsSinceEpoch())
    { }
    qint64 nowMs() const override { return m_now; }

private:
    qint64 m_now;
};

template <typename T>
T* child(const QWidget& parent, const char* name)
{
    return parent.findChild<T*>(QLatin1StringView(name));
}

QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QLatin1StringView(iso), Qt::ISODateWithMs);
}

Task existingTask()
{
    Task task;
    task.id = QStringLiteral("tk0000000000000000t1");
    task.contactId = QStringLiteral("ct0000000000000jane1");
    task.title = QStringLiteral("Call back");
    task.body = QStringLiteral("About the quote");
    task.dueDate = utc("2030-06-01T16:00:00.000Z");
    return task;
}

} // namespace

class TestTaskDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TZ", "America/New_York");
        tzset();
    }

    void newTaskProposesTomorrowMorningAndSendsUtc()
    {
        // 11:00 in New York on 14 March 2030, daylight saving time (UTC-4).
        const FixedClock clock(utc("2030-03-14T15:00:00.000Z"));
        TaskDialog dialog(clock);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* title = child<QLineEdit>(dialog, "taskTitle");
        auto* due = child<QDateTimeEdit>(dialog, "taskDue");
        auto* ok = child<QPushButton>(dialog, "okButton");
        QVERIFY(title && due && ok);
        QVERIFY(!ok->isEnabled());
        QVERIFY(!child<QCheckBox>(dialog, "taskCompleted")->isVisible());
        QVERIFY(!child<QCheckBox>(dialog, "taskHasDue")->isVisible());

        // Tomorrow at nine, local time, as the user reads it.
        QCOMPARE(due->dateTime().date(), QDate(2030, 3, 15));
        QCOMPARE(due->dateTime().time(), QTime(9, 0));
        QVERIFY(child<QLabel>(dialog, "taskDueZone")->text().contains(QStringLiteral("EDT")));

        QTest::keyClicks(title, QStringLiteral("Send the contract"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.fields(),
            QJsonObject({{QStringLiteral("title"), QStringLiteral("Send the contract")},
                {QStringLiteral("dueDate"), QStringLiteral("2030-03-15T13:00:00.000Z")},
                {QStringLiteral("completed"), false}}));

        // 17:30 on 1 December in New York is standard time (UTC-5).
        due->setDateTime(QDateTime(QDate(2030, 12, 1), QTime(17, 30), Qt::LocalTime));
        QTest::keyClicks(child<QPlainTextEdit>(dialog, "taskBody"), QStringLiteral("Two copies"));
        const QJsonObject body = dialog.fields();
        QCOMPARE(
            body[QStringLiteral("dueDate")].toString(), QStringLiteral("2030-12-01T22:30:00.000Z"));
        QCOMPARE(body[QStringLiteral("body")].toString(), QStringLiteral("Two copies"));
    }

    void titleIsRequired()
    {
        const FixedClock clock(utc("2030-03-14T15:00:00.000Z"));
        TaskDialog dialog(clock);
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto* title = child<QLineEdit>(dialog, "taskTitle");
        QTest::keyClicks(title, QStringLiteral("   "));
        title->setFocus();
        child<QPlainTextEdit>(dialog, "taskBody")->setFocus();
        auto* error = child<QLabel>(dialog, "taskTitleError");
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), QStringLiteral("A task needs a title."));
        QVERIFY(!child<QPushButton>(dialog, "okButton")->isEnabled());
    }

    void editShowsLocalTimeAndSendsOnlyChanges()
    {
        const FixedClock clock(utc("2030-03-14T15:00:00.000Z"));
        TaskDialog dialog(existingTask(), clock);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* due = child<QDateTimeEdit>(dialog, "taskDue");
        auto* completed = child<QCheckBox>(dialog, "taskCompleted");
        auto* ok = child<QPushButton>(dialog, "okButton");
        QCOMPARE(due->dateTime().time(), QTime(12, 0)); // 16:00Z in EDT
        QVERIFY(completed->isVisible());
        QVERIFY(!ok->isEnabled());
        QCOMPARE(dialog.fields(), QJsonObject());

        completed->click();
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.fields(), QJsonObject({{QStringLiteral("completed"), true}}));

        due->setDateTime(QDateTime(QDate(2030, 6, 2), QTime(8, 15), Qt::LocalTime));
        QCOMPARE(dialog.fields(),
            QJsonObject({{QStringLiteral("completed"), true},
                {QStringLiteral("dueDate"), QStringLiteral("2030-06-02T12:15:00.000Z")}}));
    }

    void taskWithoutDueDateCanGetOne()
    {
        const FixedClock clock(utc("2030-03-14T15:00:00.000Z"));
        Task task = existingTask();
        task.dueDate = QDateTime();
        TaskDialog dialog(task, clock);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* hasDue = child<QCheckBox>(dialog, "taskHasDue");
        auto* due = child<QDateTimeEdit>(dialog, "taskDue");
        QVERIFY(hasDue->isVisible());
        QVERIFY(!hasDue->isChecked());
        QVERIFY(!due->isEnabled());

        auto* title = child<QLineEdit>(dialog, "taskTitle");
        title->selectAll();
        QTest::keyClicks(title, QStringLiteral("Call again"));
        QCOMPARE(dialog.fields(),
            QJsonObject({{QStringLiteral("title"), QStringLiteral("Call again")}}));

        hasDue->click();
        QVERIFY(due->isEnabled());
        QCOMPARE(dialog.fields()[QStringLiteral("dueDate")].toString(),
            QStringLiteral("2030-03-15T13:00:00.000Z"));
    }
};

QTEST_MAIN(TestTaskDialog)
#include "tst_taskdialog.moc"
