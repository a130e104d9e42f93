// ContactDialog's values: loading a contact into the form, reading the user's changes back out,
// validation, the duplicate check and the server's messages. The layout is in contactdialog.cpp.
#include "ui/dialogs/contactdialog.h"

#include "common/phonenumbers.h"
#include "ui/detail/customfieldformat.h"
#include "ui/dialogs/customfieldeditors.h"
#include "ui/dialogs/dialogsupport.h"
#include "ui/dialogs/dndeditor.h"
#include "ui/dialogs/tageditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>

namespace ContactDesk::Ui {

namespace {

bool looksLikeEmail(const QString& text)
{
    // Deliberately loose: one @, something before it and a dotted domain after it. The server
    // judges the rest; this catches slips while the user is still at the field.
    static const QRegularExpression pattern(QStringLiteral("^[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+$"));
    return pattern.match(text).hasMatch();
}

QString countryName(const QString& code)
{
    const QLocale::Territory territory = QLocale::codeToTerritory(code);
    return territory == QLocale::AnyTerritory ? code : QLocale::territoryToString(territory);
}

} // namespace

void ContactDialog::setDuplicateLookup(DuplicateLookup lookup)
{
    m_duplicateLookup = std::move(lookup);
}

void ContactDialog::setTagSuggestions(const QStringList& tags)
{
    m_tags->setSuggestions(tags);
}

void ContactDialog::setValues(const Api::Contact& values)
{
    load(values);
    revalidate();
}

void ContactDialog::load(const Api::Contact& contact)
{
    for (const TextRow& row : std::as_const(m_textRows))
        row.edit->setText(contact.*row.member);
    m_phone->setText(contact.phone);
    const QString code = contact.country.trimmed().toUpper();
    int index = m_country->findData(code);
    if (index < 0) {
        // A code this Qt does not know still round-trips unchanged.
        m_country->addItem(code, code);
        index = m_country->count() - 1;
    }
    m_country->setCurrentIndex(index);
    m_dateOfBirthKnown->setChecked(contact.dateOfBirth.isValid());
    if (contact.dateOfBirth.isValid())
        m_dateOfBirth->setDate(contact.dateOfBirth);
    m_tags->setTags(contact.tags);
    m_dnd->setValues(contact);
    fillAssignees(contact.assignedTo);
    for (CustomFieldEditor* editor : std::as_const(m_customEditors)) {
        QJsonValue shown;
        for (const Api::CustomFieldValue& value : contact.customFields) {
            if (value.id == editor->definition().id)
                shown = value.value;
        }
        editor->showValue(shown);
    }
}

void ContactDialog::remember()
{
    for (TextRow& row : m_textRows)
        row.shown = row.edit->text();
    m_phoneShown = m_phone->text();
    m_countryShown = countryCode();
    m_dateOfBirthShown = m_dateOfBirthKnown->isChecked() ? m_dateOfBirth->date() : QDate();
    m_tagsShown = m_tags->tags();
    m_assigneeShown = assigneeId();
}

Api::Contact ContactDialog::draft() const
{
    // Starting from the original and taking only what the user changed keeps what the form
    // does not show (custom fields, DND messages) and spares untouched values any rewriting.
    Api::Contact contact = m_original;
    for (const TextRow& row : m_textRows) {
        if (row.edit->text() != row.shown)
            contact.*row.member = row.edit->text().trimmed();
    }
    if (m_phone->text() != m_phoneShown) {
        const QString e164 = phoneE164();
        contact.phone = e164.isEmpty() ? m_phone->text().trimmed() : e164;
    }
    if (countryCode() != m_countryShown)
        contact.country = countryCode();
    const QDate dateOfBirth = m_dateOfBirthKnown->isChecked() ? m_dateOfBirth->date() : QDate();
    if (dateOfBirth != m_dateOfBirthShown)
        contact.dateOfBirth = dateOfBirth;
    const QStringList tags = m_tags->tagsWithPending();
    if (tags != m_tagsShown)
        contact.tags = tags;
    m_dnd->apply(m_original, &contact);
    if (assigneeId() != m_assigneeShown)
        contact.assignedTo = assigneeId();
    for (const CustomFieldEditor* editor : m_customEditors) {
        if (!editor->isChanged())
            continue;
        QString problem;
        const QJsonValue value = editor->value(&problem);
        if (!problem.isEmpty())
            continue; // accept() keeps the dialog open until it is fixed
        const QString id = editor->definition().id;
        const auto same = [&id](const Api::CustomFieldValue& v) { return v.id == id; };
        contact.customFields.removeIf(same);
        if (!isEmptyCustomValue(value))
            contact.customFields.append({id, {}, value});
    }
    return contact;
}

QJsonObject ContactDialog::createBody(const QString& locationId) const
{
    return draft().createBody(locationId);
}

QJsonObject ContactDialog::changedFields() const
{
    return Api::Contact::updateBody(m_original, draft(), true);
}

Api::TagChange ContactDialog::tagChange() const
{
    return Api::Contact::tagChange(m_original, draft());
}

QString ContactDialog::countryCode() const
{
    return m_country->currentData().toString();
}

QString ContactDialog::phoneRegion() const
{
    const QString code = countryCode();
    return code.isEmpty() ? m_defaultRegion : code;
}

QString ContactDialog::phoneE164() const
{
    const QString text = m_phone->text().trimmed();
    return text.isEmpty() ? QString() : toE164(text, phoneRegion());
}

bool ContactDialog::emailValid() const
{
    const QString text = m_email->text().trimmed();
    // A stored address the user left alone is not this dialog's to refuse.
    return text.isEmpty() || m_email->text() == shownText(m_email) || looksLikeEmail(text);
}

QString ContactDialog::shownText(const QLineEdit* edit) const
{
    for (const TextRow& row : m_textRows) {
        if (row.edit == edit)
            return row.shown;
    }
    return {};
}

bool ContactDialog::isValid() const
{
    const bool named = !m_firstName->text().trimmed().isEmpty()
        || !m_lastName->text().trimmed().isEmpty() || !m_email->text().trimmed().isEmpty()
        || !m_phone->text().trimmed().isEmpty() || !m_original.name.trimmed().isEmpty();
    if (!named || !emailValid())
        return false;
    const bool phoneOk = m_phone->text().trimmed().isEmpty() || m_phone->text() == m_phoneShown
        || !phoneE164().isEmpty();
    if (!phoneOk)
        return false;
    return !m_editing || !changedFields().isEmpty();
}

void ContactDialog::revalidate()
{
    setMessage(m_emailError,
        m_emailTouched && !emailValid()
            ? tr("\"%1\" is not an email address. Enter one like name@example.com.")
                  .arg(m_email->text().trimmed())
            : QString());

    const QString phone = m_phone->text().trimmed();
    const QString e164 = phoneE164();
    const bool phoneBad = !phone.isEmpty() && e164.isEmpty() && m_phone->text() != m_phoneShown;
    setMessage(m_phoneError,
        m_phoneTouched && phoneBad
            ? tr("\"%1\" is not a phone number in %2. Check the digits, or start with + and the "
                 "country code.")
                  .arg(phone, countryName(phoneRegion()))
            : QString());
    // An untouched stored number is not rewritten, so it gets no "Saved as" either.
    setMessage(m_phoneHint,
        !e164.isEmpty() && e164 != phone && m_phone->text() != m_phoneShown
            ? tr("Saved as %1").arg(e164)
            : QString());

    okButton(m_buttons)->setEnabled(isValid());
}

void ContactDialog::normalisePhone()
{
    if (!m_phoneEdited)
        return;
    const QString e164 = phoneE164();
    if (!e164.isEmpty() && e164 != m_phone->text())
        m_phone->setText(e164);
}

void ContactDialog::accept()
{
    m_tags->commitPending();
    m_emailTouched = true;
    m_phoneTouched = true;
    normalisePhone();
    revalidate();
    if (CustomFieldEditor* wrong = checkCustomFields()) {
        wrong->focusWidget()->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (!isValid()) {
        if (m_emailError->isVisible())
            m_email->setFocus(Qt::OtherFocusReason);
        else if (m_phoneError->isVisible())
            m_phone->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (!m_editing && !m_duplicateAcknowledged && checkDuplicate())
        return;
    QDialog::accept();
}

bool ContactDialog::checkDuplicate()
{
    if (!m_duplicateLookup)
        return false;
    const QString email = emailValid() ? m_email->text().trimmed() : QString();
    const QString phone = phoneE164();
    const std::optional<DuplicateMatch> match
        = email.isEmpty() && phone.isEmpty() ? std::nullopt : m_duplicateLookup(email, phone);
    if (!match) {
        hideDuplicate();
        return false;
    }
    showDuplicate(*match);
    return true;
}

void ContactDialog::showDuplicate(const DuplicateMatch& match)
{
    m_duplicate = match;
    const QString name = match.contactName.trimmed().isEmpty() ? tr("a contact without a name")
                                                               : match.contactName;
    m_duplicateMessage->setText(match.matchingField == QLatin1StringView("phone")
            ? tr("A contact with this phone number already exists: %1").arg(name)
            : tr("A contact with this email already exists: %1").arg(name));
    m_openExisting->setEnabled(!match.contactId.isEmpty());
    m_duplicateBanner->show();
}

void ContactDialog::hideDuplicate()
{
    m_duplicate.reset();
    m_duplicateAcknowledged = false;
    m_duplicateBanner->hide();
}

void ContactDialog::showServerErrors(const QStringList& messages)
{
    clearServerErrors();
    const QStringList keys = m_serverSlots.keys();
    QHash<QLabel*, QStringList> byField;
    QStringList general;
    QWidget* firstEditor = nullptr;
    for (const QString& message : messages) {
        const QString key = fieldNamedIn(message, keys);
        if (key.isEmpty()) {
            general.append(message);
            continue;
        }
        const ServerSlot slot = m_serverSlots.value(key);
        byField[slot.label].append(message);
        if (!firstEditor)
            firstEditor = slot.editor;
    }
    for (auto it = byField.begin(); it != byField.end(); ++it)
        setMessage(it.key(), it.value().join(u'\n'));
    if (!general.isEmpty()) {
        setMessage(m_generalErrors,
            tr("HighLevel did not accept the contact:") + u'\n' + general.join(u'\n'));
    }
    if (firstEditor)
        firstEditor->setFocus(Qt::OtherFocusReason);
}

void ContactDialog::clearServerErrors()
{
    for (const ServerSlot& slot : std::as_const(m_serverSlots))
        setMessage(slot.label, QString());
    setMessage(m_generalErrors, QString());
}

void ContactDialog::clearServerError(const QString& key)
{
    if (QLabel* label = m_serverSlots.value(key).label)
        setMessage(label, QString());
}

} // namespace ContactDesk::Ui
