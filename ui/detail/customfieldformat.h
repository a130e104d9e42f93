#pragma once

#include "api/models/locationlists.h"

#include <QDate>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QTime>

#include <optional>

namespace ContactDesk::Ui {

// Reading custom-field values the way the Contacts API returns them ({id, value}, the value a
// string, number, array or object) for people: shared by the Overview and the edit dialog.

// Whether a stored value holds nothing (null, blank text, an empty list or object).
bool isEmptyCustomValue(const QJsonValue& value);

// The value's items as text: an array's strings, or a single value as one item.
QStringList customValueItems(const QJsonValue& value);

// A DATE value: "2026-03-14", an ISO date-time, or epoch milliseconds (number or digits).
std::optional<QDate> customValueDate(const QJsonValue& value);
// A TIME value: "14:30", "14:30:00" or "2:30 PM".
std::optional<QTime> customValueTime(const QJsonValue& value);
// A number held as a number or as text.
std::optional<double> customValueNumber(const QJsonValue& value);

// The value as the Overview shows it, for a field of `definition`'s type (null: the location's
// list does not know the field, so its value is shown as it came). Dates in the user's locale,
// MONETORY with two decimals, checkboxes as "✓ option, option", lists joined, phone numbers in
// national format for `region` (international for another country). Empty for an empty value.
QString customFieldText(
    const Api::CustomFieldDefinition* definition, const QJsonValue& value, const QString& region);

// The type's name for people ("Number", "Date"), for messages.
QString customFieldTypeName(const QString& dataType);

} // namespace ContactDesk::Ui
