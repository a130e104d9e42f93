#include "ui/dialogs/taskdialog.h"

#include "common/clock.h"
#include "ui/dialogs/dialogsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>

namespace ContactDesk::Ui {

TaskDialog::TaskDialog(const Clock& clock, QWidget* parent)
    : QDialog(parent)
{
    build(clock);
}

TaskDialog::TaskDialog(const Api::Task& existing, const Clock& clock, QWidget* parent)
    : QDialog(parent)
    , m_original(existing)
    , m_editing(true)
{
    build(clock);
}

TaskDialog::~TaskDialog()
{
    // Closing a dialog on its way out moves the focus, and a line edit losing it reports that
    // editing finished; nothing here may answer that once the members are gone.
    const QList<QObject*> children = findChildren<QObject*>();
    for (QObject* child : children)
        disconnect(child, nullptr, this, nullptr);
}

void TaskDialog::build(const Clock& clock)
{
    setObjectName(QStringLiteral("taskDialog"));
    setWindowTitle(m_editing ? tr("Edit task") : tr("New task"));
    setAccessibleName(windowTitle());

    m_title = new QLineEdit(m_original.title, this);
    m_title->setObjectName(QStringLiteral("taskTitle"));
    m_title->setAccessibleName(tr("Task title"));
    m_title->setPlaceholderText(tr("e.g. Call back about the quote"));
    m_titleError
        = makeMessageLabel(this, QStringLiteral("taskTitleError"), tr("Problem with the title"));

    m_body = new QPlainTextEdit(m_original.body, this);
    m_body->setObjectName(QStringLiteral("taskBody"));
    m_body->setAccessibleName(tr("Task description"));
    m_body->setTabChangesFocus(true);

    m_hasDue = new QCheckBox(tr("Due"), this);
    m_hasDue->setObjectName(QStringLiteral("taskHasDue"));
    m_hasDue->setAccessibleName(tr("The task has a due date"));
    m_due = new QDateTimeEdit(this);
    m_due->setObjectName(QStringLiteral("taskDue"));
    m_due->setAccessibleName(tr("Due date and time, in your time zone"));
    m_due->setTimeSpec(Qt::LocalTime);
    m_due->setDisplayFormat(dateTimeEditFormat());
    m_due->setCalendarPopup(true);

    QDateTime due = m_original.dueDate.toLocalTime();
    if (!due.isValid()) {
        const QDate tomorrow = clock.nowUtc().toLocalTime().date().addDays(1);
        due = QDateTime(tomorrow, QTime(9, 0), Qt::LocalTime);
    }
    m_due->setDateTime(due);
    // Only a task that has no due date may go without one; see the class comment.
    const bool dueOptional = m_editing && !m_original.dueDate.isValid();
    m_hasDue->setChecked(!dueOptional);
    m_hasDue->setVisible(dueOptional);
    m_due->setEnabled(!dueOptional);
    connect(m_hasDue, &QCheckBox::toggled, m_due, &QWidget::setEnabled);

    const QTimeZone zone = QTimeZone::systemTimeZone();
    m_zoneHint
        = makeHintLabel(this, QStringLiteral("taskDueZone"), tr("Time zone of the due date"));
    setMessage(
        m_zoneHint, tr("In your time zone (%1).").arg(zone.displayName(due, QTimeZone::ShortName)));

    m_completed = new QCheckBox(tr("&Completed"), this);
    m_completed->setObjectName(QStringLiteral("taskCompleted"));
    m_completed->setAccessibleName(tr("Task completed"));
    m_completed->setChecked(m_original.completed);
    m_completed->setVisible(m_editing);

    m_assignee = new QComboBox(this);
    m_assignee->setObjectName(QStringLiteral("taskAssignee"));
    m_assignee->setAccessibleName(tr("Assigned to"));
    setUsers({});

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    nameStandardButtons(m_buttons, m_editing ? tr("Save") : tr("Add task"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TaskDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TaskDialog::reject);

    auto* titleBox = new QVBoxLayout;
    titleBox->setSpacing(2);
    titleBox->addWidget(m_title);
    titleBox->addWidget(m_titleError);
    auto* dueRow = new QHBoxLayout;
    dueRow->addWidget(m_hasDue);
    dueRow->addWidget(m_due, 1);
    auto* dueBox = new QVBoxLayout;
    dueBox->setSpacing(2);
    dueBox->addLayout(dueRow);
    dueBox->addWidget(m_zoneHint);

    auto* form = new QFormLayout;
    auto* titleLabel = new QLabel(requiredLabel(tr("&Title")), this);
    titleLabel->setBuddy(m_title);
    form->addRow(titleLabel, titleBox);
    auto* bodyLabel = new QLabel(tr("&Description"), this);
    bodyLabel->setBuddy(m_body);
    form->addRow(bodyLabel, m_body);
    auto* dueLabel = new QLabel(m_editing ? tr("Due &date") : requiredLabel(tr("Due &date")), this);
    dueLabel->setBuddy(m_due);
    form->addRow(dueLabel, dueBox);
    auto* assigneeLabel = new QLabel(tr("&Assigned to"), this);
    assigneeLabel->setBuddy(m_assignee);
    form->addRow(assigneeLabel, m_assignee);
    if (m_editing)
        form->addRow(QString(), m_completed);

    auto* required
        = new QLabel(m_editing ? tr("* Required.")
                               : tr("* Required. HighLevel needs a due date for every new task."),
            this);
    required->setObjectName(QStringLiteral("requiredNote"));
    required->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(required);
    layout->addWidget(m_buttons);
    resize(460, sizeHint().height());

    setTabOrder(m_title, m_body);
    setTabOrder(m_body, m_hasDue);
    setTabOrder(m_hasDue, m_due);
    setTabOrder(m_due, m_assignee);
    setTabOrder(m_assignee, m_completed);
    setTabOrder(m_completed, okButton(m_buttons));

    connect(m_title, &QLineEdit::textChanged, this, &TaskDialog::revalidate);
    connect(m_title, &QLineEdit::editingFinished, this, [this] {
        m_titleTouched = true;
        revalidate();
    });
    connect(m_body, &QPlainTextEdit::textChanged, this, &TaskDialog::revalidate);
    connect(m_hasDue, &QCheckBox::toggled, this, &TaskDialog::revalidate);
    connect(m_due, &QDateTimeEdit::dateTimeChanged, this, &TaskDialog::revalidate);
    connect(m_completed, &QCheckBox::toggled, this, &TaskDialog::revalidate);
    connect(m_assignee, &QComboBox::currentIndexChanged, this, &TaskDialog::revalidate);
    revalidate();
}

Api::Task TaskDialog::task() const
{
    Api::Task task = m_original;
    if (m_title->text() != m_original.title)
        task.title = m_title->text().trimmed();
    if (m_body->toPlainText() != m_original.body)
        task.body = m_body->toPlainText();
    if (m_hasDue->isChecked()) {
        // Minutes are what the editor shows; an untouched due date keeps the server's seconds.
        const QDateTime shown = m_original.dueDate.toLocalTime();
        const QDateTime chosen = m_due->dateTime();
        if (!shown.isValid() || chosen.toSecsSinceEpoch() / 60 != shown.toSecsSinceEpoch() / 60)
            task.dueDate = chosen.toUTC();
    }
    task.completed = m_completed->isChecked();
    task.assignedTo = m_assignee->currentData().toString();
    return task;
}

void TaskDialog::setUsers(const QList<Api::User>& users)
{
    const QString current
        = m_assignee->count() > 0 ? m_assignee->currentData().toString() : m_original.assignedTo;
    const QSignalBlocker blocker(m_assignee);
    m_assignee->clear();
    m_assignee->addItem(tr("Unassigned"), QString());
    QList<Api::User> sorted = users;
    std::sort(sorted.begin(), sorted.end(), [](const Api::User& a, const Api::User& b) {
        return a.displayName().compare(b.displayName(), Qt::CaseInsensitive) < 0;
    });
    for (const Api::User& user : std::as_const(sorted))
        m_assignee->addItem(user.displayName(), user.id);
    if (!current.isEmpty() && m_assignee->findData(current) < 0)
        m_assignee->addItem(current, current);
    m_assignee->setCurrentIndex(std::max(0, m_assignee->findData(current)));
}

QJsonObject TaskDialog::fields() const
{
    const Api::Task current = task();
    return m_editing ? Api::Task::updateBody(m_original, current) : current.createBody();
}

bool TaskDialog::isValid() const
{
    if (m_title->text().trimmed().isEmpty())
        return false;
    if (!m_editing)
        return m_due->dateTime().isValid();
    return !fields().isEmpty();
}

void TaskDialog::revalidate()
{
    setMessage(m_titleError,
        m_titleTouched && m_title->text().trimmed().isEmpty() ? tr("A task needs a title.")
                                                              : QString());
    okButton(m_buttons)->setEnabled(isValid());
}

void TaskDialog::accept()
{
    m_titleTouched = true;
    revalidate();
    if (!isValid()) {
        m_title->setFocus(Qt::OtherFocusReason);
        return;
    }
    QDialog::accept();
}

} // namespace ContactDesk::Ui
