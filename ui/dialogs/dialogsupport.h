#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QWidget;

namespace ContactDesk::Ui {

// A line under a field that tells what is wrong with it: hidden while empty, in an error colour
// that reads on light and dark palettes alike, and announced by screen readers under its name.
QLabel* makeMessageLabel(QWidget* parent, const QString& objectName, const QString& accessibleName);
// Shows `text` in a label from makeMessageLabel(), or hides it when `text` is empty.
void setMessage(QLabel* label, const QString& text);
// A quieter line under a field for a hint ("Saved as +15551234567"), hidden while empty.
QLabel* makeHintLabel(QWidget* parent, const QString& objectName, const QString& accessibleName);

// The label of a field the dialog cannot do without: "Title *". The dialog explains the mark.
QString requiredLabel(const QString& text);

// The OK and Cancel buttons of a dialog's box, named so tests and scripts can find them.
QPushButton* okButton(QDialogButtonBox* box);
void nameStandardButtons(QDialogButtonBox* box, const QString& okText);

// What people call a field of the wire format ("firstName" is "First name"); a key this client
// does not know comes back as it is.
QString fieldDisplayName(const QString& wireKey);

// `wireKeys` in the order the contact dialog shows the fields; unknown keys last.
QStringList inFieldOrder(QStringList wireKeys);

// A wire value on one line: strings as they are, lists joined with commas, DND settings by
// channel, booleans as Yes/No, and null or "" as "(empty)".
QString displayValue(const QJsonValue& value);

// Whether two wire values say the same thing: null, a missing value and "" are all "not set".
bool sameWireValue(const QJsonValue& a, const QJsonValue& b);

// The first of `keys` that a server validation message is about: "email must be an email" is
// about "email", "dndSettings.Call.status must be one of ..." about "dndSettings", "property
// gender should not exist" about "gender". Empty when the message names none of them.
QString fieldNamedIn(const QString& message, const QStringList& keys);

// Date and date-time formats for editors: the user's locale, always with a four-digit year.
QString dateEditFormat();
QString dateTimeEditFormat();

} // namespace ContactDesk::Ui
