#pragma once

// Internal to the row mapper: how a rule's values are checked and turned into wire values for
// the target it resolved to.

#include "api/models/locationlists.h"

#include <QHash>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace ContactDesk::Mapping::Detail {

enum class Check
{
    Text,
    Email,
    Phone,
    Date,
    Boolean,
    Country,
    Timezone,
    User,
    Number,
    SingleOption,
    MultipleOptions, // MULTIPLE_OPTIONS and CHECKBOX
    TextList, // TEXTBOX_LIST
};

// A target resolved once per row mapper: the wire key and what its values must be.
struct FieldSpec
{
    Check check = Check::Text;
    QString key; // "email", "assignedTo", "customField:<id>"
    QString title; // for messages: "Email", "Membership level"
    int maxLength = 0; // Text: 0 for no limit
    QStringList options; // the picklist, in the location's spelling
    QHash<QString, QString> optionsByLowerCase;
    // Phone: the rule's chain ends with phoneE164, whose output is a valid E.164 number, so
    // it is not parsed a second time (libphonenumber is the costliest step of a row).
    bool phoneAlreadyChecked = false;
};

// The field spec of a custom field by its dataType.
FieldSpec customFieldSpec(const Api::CustomFieldDefinition& field);
// The field spec of a writable contact field (targets.h).
FieldSpec contactFieldSpec(const QString& name);

// The location's users by display name, name, email (all without case) and id.
class UserIndex
{
public:
    explicit UserIndex(const Api::LocationLists& lists);
    // The user id, or empty.
    QString find(const QString& nameOrEmail) const;
    bool available() const { return m_unavailable.isEmpty(); }
    QString unavailableReason() const { return m_unavailable; }

private:
    QHash<QString, QString> m_ids;
    QString m_unavailable;
};

struct Validated
{
    QJsonValue value = QJsonValue(QJsonValue::Undefined); // undefined: nothing to write
    QString error; // user text naming the value and the reason
};

// Checks the values a rule gave (never empty) against its target and gives the wire value:
// a string, a number, a bool or an array of strings, as the sandbox and HighLevel take it.
Validated validateValues(const FieldSpec& spec, const QStringList& values,
    const QString& defaultRegion, const UserIndex& users);

} // namespace ContactDesk::Mapping::Detail
