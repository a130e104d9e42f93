// ContactDialog and the location's lists: the custom-field editors, the assignee combo and the
// location's tags. The layout is in contactdialog.cpp, the other values in
// contactdialogvalues.cpp.
#include "ui/dialogs/contactdialog.h"

#include "ui/dialogs/customfieldeditors.h"
#include "ui/dialogs/tageditor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>

#include <algorithm>

namespace ContactDesk::Ui {

void ContactDialog::setLocationLists(const Api::LocationLists& lists)
{
    m_lists = lists;
    const bool assigneeChanged = assigneeId() != m_assigneeShown;
    const QString assignee = assigneeId();
    fillAssignees(assignee);
    if (!assigneeChanged)
        m_assigneeShown = assigneeId();

    QStringList tagNames;
    for (const Api::LocationTag& tag : std::as_const(lists.tags))
        tagNames << tag.name;
    if (!lists.unavailable.contains(Api::LocationLists::Kind::Tags))
        m_tags->setLocationTags(tagNames);

    for (CustomFieldEditor* editor : std::as_const(m_customEditors)) {
        m_customForm->removeRow(editor);
    }
    m_customEditors.clear();
    QList<Api::CustomFieldDefinition> fields;
    for (const Api::CustomFieldDefinition& field : std::as_const(lists.customFields)) {
        if (field.model.isEmpty() || field.model == QLatin1StringView("contact"))
            fields << field;
    }
    std::stable_sort(fields.begin(), fields.end(),
        [](const auto& a, const auto& b) { return a.position < b.position; });
    for (const Api::CustomFieldDefinition& field : std::as_const(fields)) {
        auto* editor = new CustomFieldEditor(field, phoneRegion(), m_customForm->parentWidget());
        QJsonValue stored;
        for (const Api::CustomFieldValue& value : std::as_const(m_original.customFields)) {
            if ((!value.id.isEmpty() && value.id == field.id)
                || (value.id.isEmpty() && !value.key.isEmpty()
                    && (value.key == field.fieldKey
                        || QStringLiteral("contact.") + value.key == field.fieldKey)))
                stored = value.value;
        }
        editor->setStoredValue(stored);
        auto* caption = new QLabel(field.name, m_customForm->parentWidget());
        caption->setTextFormat(Qt::PlainText);
        caption->setBuddy(editor->focusWidget());
        m_customForm->addRow(caption, editor);
        connect(editor, &CustomFieldEditor::changed, this, &ContactDialog::revalidate);
        m_customEditors.append(editor);
    }
    m_customBox->setVisible(!m_customEditors.isEmpty());
    revalidate();
}

void ContactDialog::fillAssignees(const QString& current)
{
    const QSignalBlocker blocker(m_assignee);
    m_assignee->clear();
    m_assignee->addItem(tr("Unassigned"), QString());
    QList<Api::User> users = m_lists.users;
    std::sort(users.begin(), users.end(), [](const Api::User& a, const Api::User& b) {
        return a.displayName().compare(b.displayName(), Qt::CaseInsensitive) < 0;
    });
    for (const Api::User& user : std::as_const(users))
        m_assignee->addItem(user.displayName(), user.id);
    if (!current.isEmpty() && m_assignee->findData(current) < 0) {
        // A user the list does not know (or cannot read) keeps the assignment, shown by id.
        m_assignee->addItem(current, current);
    }
    m_assignee->setCurrentIndex(std::max(0, m_assignee->findData(current)));
    const QString why = m_lists.unavailable.value(Api::LocationLists::Kind::Users);
    m_assignee->setToolTip(why);
}

QString ContactDialog::assigneeId() const
{
    return m_assignee->currentData().toString();
}

CustomFieldEditor* ContactDialog::checkCustomFields()
{
    CustomFieldEditor* first = nullptr;
    for (CustomFieldEditor* editor : std::as_const(m_customEditors)) {
        QString problem;
        editor->value(&problem);
        editor->setError(problem);
        if (!problem.isEmpty() && !first)
            first = editor;
    }
    return first;
}

} // namespace ContactDesk::Ui
