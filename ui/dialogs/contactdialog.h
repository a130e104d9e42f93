#pragma once

#include "api/models/contact.h"
#include "api/models/locationlists.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QFormLayout;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ContactDesk::Ui {

class CustomFieldEditor;
class DndEditor;
class TagEditor;

// An existing contact that a new one would likely duplicate.
struct DuplicateMatch
{
    QString contactId;
    QString contactName;
    QString matchingField; // "email" or "phone"
};

// Creates a contact or edits one. The dialog never talks to the network or the store: the caller
// reads the result (draft()/createBody() or changedFields()) once it is accepted, and hands back
// what the server said through showServerErrors().
//
// At least a name, an email address or a phone number is required. The email address is
// checked, and the phone number is parsed against the contact's country, or the caller's default
// country while none is chosen, and saved in E.164. Before a create, a duplicate lookup supplied
// by the caller is asked; a likely duplicate is shown with "Open existing" and "Create anyway".
class ContactDialog : public QDialog
{
    Q_OBJECT

public:
    // (email, phone in E.164); either may be empty. Answers from the local cache.
    using DuplicateLookup
        = std::function<std::optional<DuplicateMatch>(const QString& email, const QString& phone)>;

    // Create mode. `defaultRegion` is the ISO country the phone number is read in ("US").
    explicit ContactDialog(const QString& defaultRegion, QWidget* parent = nullptr);
    // Edit mode: changedFields() reports what differs from `existing`.
    ContactDialog(
        const Api::Contact& existing, const QString& defaultRegion, QWidget* parent = nullptr);
    ~ContactDialog() override;

    bool isEditMode() const { return m_editing; }
    const Api::Contact& original() const { return m_original; }

    void setDuplicateLookup(DuplicateLookup lookup);
    // Existing tags, offered while typing a tag.
    void setTagSuggestions(const QStringList& tags);
    // The location's lists: its custom fields get an editor each, in the location's field
    // order, its users fill the assignee combo, and its tags are offered and new ones marked.
    void setLocationLists(const Api::LocationLists& lists);
    // The custom-field editors, in field order.
    QList<CustomFieldEditor*> customFieldEditors() const { return m_customEditors; }
    QComboBox* assigneeCombo() const { return m_assignee; }
    // Puts `values` in the form without changing what edits are measured against, e.g. to give a
    // user back the input of a save the server refused.
    void setValues(const Api::Contact& values);

    // The contact as the form describes it: the original with the user's changes applied.
    Api::Contact draft() const;
    // The POST /contacts/ body for the draft.
    QJsonObject createBody(const QString& locationId) const;
    // The PUT /contacts/{id} body: only the fields the user changed, in wire names. Tags are
    // included when changed and, as PUT replaces them, carry the whole list the user sees.
    QJsonObject changedFields() const;
    // The tags added and removed, for callers that use the tag endpoints instead of PUT.
    Api::TagChange tagChange() const;

    // Whether the form can be saved: something to identify the contact, no field in error, and
    // in edit mode at least one change.
    bool isValid() const;
    // The likely duplicate last shown, if any.
    std::optional<DuplicateMatch> duplicate() const { return m_duplicate; }
    // True once the user chose "Create anyway" for the duplicate shown.
    bool duplicateAcknowledged() const { return m_duplicateAcknowledged; }

    // Shows a 422's messages under the fields they name, the rest above the form; the input
    // stays as it is. A message goes away when its field is edited.
    void showServerErrors(const QStringList& messages);
    void clearServerErrors();

Q_SIGNALS:
    void openExistingRequested(const QString& contactId);

public Q_SLOTS:
    void accept() override;

private:
    struct TextRow
    {
        QString key;
        QString Api::Contact::*member;
        QLineEdit* edit;
        QString shown;
    };
    struct ServerSlot
    {
        QLabel* label;
        QWidget* editor;
    };

    void build();
    QLineEdit* addLine(
        const QString& key, QString Api::Contact::*member, const QString& accessibleName);
    QWidget* withMessages(QWidget* editor, const QString& key, QList<QLabel*> extra = {});
    void addServerSlot(const QString& key, QWidget* editor);
    void load(const Api::Contact& contact);
    void remember();
    void revalidate();
    bool emailValid() const;
    // What load() put in `edit` for the original contact.
    QString shownText(const QLineEdit* edit) const;
    QString phoneE164() const;
    QString phoneRegion() const;
    QString countryCode() const;
    void normalisePhone();
    bool checkDuplicate();
    void fillAssignees(const QString& current);
    QString assigneeId() const;
    // Puts each editor's message under it; the first editor in error, or null.
    CustomFieldEditor* checkCustomFields();
    void showDuplicate(const DuplicateMatch& match);
    void hideDuplicate();
    void clearServerError(const QString& key);

    Api::Contact m_original;
    QString m_defaultRegion;
    bool m_editing = false;
    DuplicateLookup m_duplicateLookup;
    std::optional<DuplicateMatch> m_duplicate;
    bool m_duplicateAcknowledged = false;
    bool m_emailTouched = false;
    bool m_phoneTouched = false;
    bool m_phoneEdited = false;

    QList<TextRow> m_textRows;
    QHash<QString, ServerSlot> m_serverSlots;
    QString m_phoneShown;
    QString m_countryShown;
    QDate m_dateOfBirthShown;
    QStringList m_tagsShown;
    QString m_assigneeShown;
    Api::LocationLists m_lists;

    QLineEdit* m_firstName = nullptr;
    QLineEdit* m_lastName = nullptr;
    QLineEdit* m_email = nullptr;
    QLineEdit* m_phone = nullptr;
    QLineEdit* m_company = nullptr;
    QComboBox* m_country = nullptr;
    QCheckBox* m_dateOfBirthKnown = nullptr;
    QDateEdit* m_dateOfBirth = nullptr;
    TagEditor* m_tags = nullptr;
    QComboBox* m_assignee = nullptr;
    QList<CustomFieldEditor*> m_customEditors;
    QWidget* m_customBox = nullptr;
    QFormLayout* m_customForm = nullptr;
    DndEditor* m_dnd = nullptr;
    QLabel* m_emailError = nullptr;
    QLabel* m_phoneError = nullptr;
    QLabel* m_phoneHint = nullptr;
    QLabel* m_requiredNote = nullptr;
    QLabel* m_generalErrors = nullptr;
    QFrame* m_duplicateBanner = nullptr;
    QLabel* m_duplicateMessage = nullptr;
    QPushButton* m_openExisting = nullptr;
    QPushButton* m_createAnyway = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace ContactDesk::Ui
