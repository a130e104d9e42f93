#include "ui/automation/actionform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace ContactDesk::Ui {

using Automation::Action;

const QList<Action::Kind>& ActionForm::kinds()
{
    static const QList<Action::Kind> all {Action::Kind::UpsertContact,
        Action::Kind::UpdateChangedFields, Action::Kind::AddTask, Action::Kind::CompleteTask,
        Action::Kind::AddNote, Action::Kind::AddTags, Action::Kind::RemoveTags,
        Action::Kind::DeleteContact};
    return all;
}

QString ActionForm::kindText(Action::Kind kind)
{
    switch (kind) {
    case Action::Kind::UpsertContact:
        return tr("Create or update the contact");
    case Action::Kind::UpdateChangedFields:
        return tr("Update the changed fields");
    case Action::Kind::AddTask:
        return tr("Add a task");
    case Action::Kind::CompleteTask:
        return tr("Complete the task");
    case Action::Kind::AddNote:
        return tr("Add a note");
    case Action::Kind::AddTags:
        return tr("Add tags");
    case Action::Kind::RemoveTags:
        return tr("Remove tags");
    case Action::Kind::DeleteContact:
        return tr("Delete the contact");
    }
    return {};
}

ActionForm::ActionForm(QWidget* parent)
    : QWidget(parent)
{
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("actionKind"));
    for (Action::Kind kind : kinds())
        m_kind->addItem(kindText(kind), int(kind));
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("actionTitle"));
    m_title->setPlaceholderText(tr("Welcome {{data.firstName}}"));
    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(QStringLiteral("actionBody"));
    m_body->setTabChangesFocus(true);
    m_body->setMaximumHeight(90);
    m_body->setPlaceholderText(tr("Text with {{data.field}} placeholders; {{changes}} lists what "
                                  "an update changed"));
    m_dueDays = new QSpinBox(this);
    m_dueDays->setObjectName(QStringLiteral("actionDueDays"));
    m_dueDays->setRange(-1, 3650);
    m_dueDays->setSpecialValueText(tr("No fixed delay"));
    m_dueDays->setSuffix(tr(" days after the event"));
    m_duePath = new QLineEdit(this);
    m_duePath->setObjectName(QStringLiteral("actionDuePath"));
    m_duePath->setPlaceholderText(QStringLiteral("data.dueAt"));
    m_assignee = new QComboBox(this);
    m_assignee->setObjectName(QStringLiteral("actionAssignee"));
    m_assignee->setEditable(true);
    m_tags = new QLineEdit(this);
    m_tags->setObjectName(QStringLiteral("actionTags"));
    m_tags->setPlaceholderText(tr("comma-separated, e.g. customer, plan {{data.plan}}"));
    m_noteOfChanges = new QCheckBox(tr("Also add a &note saying what changed"), this);
    m_noteOfChanges->setObjectName(QStringLiteral("actionNoteOfChanges"));

    m_form = new QFormLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->addRow(tr("&Action:"), m_kind);
    m_form->addRow(tr("&Title:"), m_title);
    m_form->addRow(tr("&Body:"), m_body);
    m_form->addRow(tr("D&ue:"), m_dueDays);
    m_form->addRow(tr("Due at &payload date:"), m_duePath);
    m_form->addRow(tr("Assi&gnee:"), m_assignee);
    m_form->addRow(tr("Ta&gs:"), m_tags);
    m_form->addRow(QString(), m_noteOfChanges);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        showFieldsOfKind();
        read();
    });
    connect(m_title, &QLineEdit::textEdited, this, &ActionForm::read);
    connect(m_body, &QPlainTextEdit::textChanged, this, &ActionForm::read);
    connect(m_dueDays, &QSpinBox::valueChanged, this, &ActionForm::read);
    connect(m_duePath, &QLineEdit::textEdited, this, &ActionForm::read);
    connect(m_assignee, &QComboBox::currentTextChanged, this, &ActionForm::read);
    connect(m_tags, &QLineEdit::textEdited, this, &ActionForm::read);
    connect(m_noteOfChanges, &QCheckBox::toggled, this, &ActionForm::read);
    setAction(nullptr);
}

void ActionForm::setLocationLists(const Api::LocationLists& lists)
{
    const bool filling = std::exchange(m_filling, true);
    const QString current = m_assignee->currentText();
    m_assignee->clear();
    m_assignee->addItem(QString());
    for (const Api::User& user : lists.users)
        m_assignee->addItem(user.name.isEmpty() ? user.email : user.name);
    m_assignee->setCurrentText(current);
    m_filling = filling;
}

void ActionForm::setAction(const Action* action)
{
    m_action = action ? *action : Action {};
    setEnabled(action != nullptr);
    fill();
}

void ActionForm::fill()
{
    const bool filling = std::exchange(m_filling, true);
    m_kind->setCurrentIndex(m_kind->findData(int(m_action.kind)));
    m_title->setText(m_action.title);
    m_body->setPlainText(m_action.body);
    m_dueDays->setValue(m_action.dueInDays);
    m_duePath->setText(m_action.duePath);
    m_assignee->setCurrentText(m_action.assignee);
    m_tags->setText(m_action.tags.join(QStringLiteral(", ")));
    m_noteOfChanges->setChecked(m_action.noteOfChanges);
    showFieldsOfKind();
    m_filling = filling;
}

void ActionForm::showFieldsOfKind()
{
    const auto kind = Action::Kind(m_kind->currentData().toInt());
    const bool task = kind == Action::Kind::AddTask;
    const bool text = task || kind == Action::Kind::AddNote;
    const bool tags = kind == Action::Kind::AddTags || kind == Action::Kind::RemoveTags;
    m_form->setRowVisible(m_title, task);
    m_form->setRowVisible(m_body, text);
    m_form->setRowVisible(m_dueDays, task);
    m_form->setRowVisible(m_duePath, task);
    m_form->setRowVisible(m_assignee, task);
    m_form->setRowVisible(m_tags, tags);
    m_form->setRowVisible(m_noteOfChanges, kind == Action::Kind::UpdateChangedFields);
}

void ActionForm::read()
{
    if (m_filling || !isEnabled())
        return;
    Action action;
    action.kind = Action::Kind(m_kind->currentData().toInt());
    // Fields a kind does not use are kept out, so the saved rule says only what it does.
    const bool task = action.kind == Action::Kind::AddTask;
    if (task) {
        action.title = m_title->text();
        action.dueInDays = m_dueDays->value();
        action.duePath = m_duePath->text().trimmed();
        action.assignee = m_assignee->currentText().trimmed();
    }
    if (task || action.kind == Action::Kind::AddNote)
        action.body = m_body->toPlainText();
    if (action.kind == Action::Kind::AddTags || action.kind == Action::Kind::RemoveTags) {
        const QStringList parts = m_tags->text().split(u',');
        for (const QString& part : parts) {
            if (!part.trimmed().isEmpty())
                action.tags.append(part.trimmed());
        }
    }
    action.noteOfChanges
        = action.kind == Action::Kind::UpdateChangedFields && m_noteOfChanges->isChecked();
    if (action == m_action)
        return;
    m_action = action;
    Q_EMIT actionChanged(m_action);
}

} // namespace ContactDesk::Ui
