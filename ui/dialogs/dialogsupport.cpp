#include "ui/dialogs/dialogsupport.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPalette>
#include <QPushButton>
#include <QRegularExpression>
#include <QWidget>

#include <algorithm>
#include <iterator>

namespace ContactDesk::Ui {

namespace {

QString translate(const char* text)
{
    return QCoreApplication::translate("ContactDesk::Ui::Fields", text);
}

bool isDark(const QWidget* widget)
{
    return widget->palette().color(QPalette::Window).lightness() < 128;
}

QString withFourDigitYear(QString format)
{
    if (!format.contains(QLatin1StringView("yyyy")))
        format.replace(QLatin1StringView("yy"), QLatin1StringView("yyyy"));
    return format;
}

bool isUnset(const QJsonValue& value)
{
    return value.isUndefined() || value.isNull()
        || (value.isString() && value.toString().isEmpty());
}

} // namespace

QLabel* makeMessageLabel(QWidget* parent, const QString& objectName, const QString& accessibleName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = label->palette();
    palette.setColor(
        QPalette::WindowText, isDark(parent) ? QColor(0xf9, 0x70, 0x66) : QColor(0xb4, 0x23, 0x18));
    label->setPalette(palette);
    label->hide();
    return label;
}

void setMessage(QLabel* label, const QString& text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QLabel* makeHintLabel(QWidget* parent, const QString& objectName, const QString& accessibleName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->hide();
    return label;
}

QString requiredLabel(const QString& text)
{
    return QCoreApplication::translate("ContactDesk::Ui::Fields", "%1 *").arg(text);
}

QPushButton* okButton(QDialogButtonBox* box)
{
    return box->button(QDialogButtonBox::Ok);
}

void nameStandardButtons(QDialogButtonBox* box, const QString& okText)
{
    if (QPushButton* ok = box->button(QDialogButtonBox::Ok)) {
        ok->setObjectName(QStringLiteral("okButton"));
        ok->setText(okText);
        ok->setAccessibleName(okText);
    }
    if (QPushButton* cancel = box->button(QDialogButtonBox::Cancel)) {
        cancel->setObjectName(QStringLiteral("cancelButton"));
        cancel->setAccessibleName(cancel->text().remove(u'&'));
    }
}

namespace {

struct FieldName
{
    const char* key;
    const char* text;
};

// In the order the contact dialog shows them.
const FieldName fieldNames[] = {
    {"name", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "Name")},
    {"firstName", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "First name")},
    {"lastName", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "Last name")},
    {"email", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "Email")},
    {"phone", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "Phone")},
    {"companyName", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "Company")},
    {"address1", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "Address")},
    {"city", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "City")},
    {"state", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "State or region")},
    {"postalCode", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "Postal code")},
    {"country", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "Country")},
    {"website", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "Website")},
    {"timezone", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "Time zone")},
    {"source", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "Source")},
    {"dateOfBirth", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "Date of birth")},
    {"tags", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "Tags")},
    {"dnd", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "Do not disturb")},
    {"dndSettings", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "Do not disturb by channel")},
    {"inboundDndSettings", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "Inbound do not disturb")},
    {"customFields", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "Custom fields")},
    {"assignedTo", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "Assigned to")},
    {"title", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "Title")},
    {"body", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "Description")},
    {"dueDate", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "Due")},
    {"completed", QT_TRANSLATE_NOOP("ContactDesk::Ui::Fields", "Completed")},
};

} // namespace

QString fieldDisplayName(const QString& wireKey)
{
    for (const FieldName& name : fieldNames) {
        if (wireKey == QLatin1StringView(name.key))
            return translate(name.text);
    }
    return wireKey;
}

QStringList inFieldOrder(QStringList wireKeys)
{
    const auto rank = [](const QString& key) {
        const auto* found = std::find_if(std::begin(fieldNames), std::end(fieldNames),
            [&key](const FieldName& name) { return key == QLatin1StringView(name.key); });
        return found - std::begin(fieldNames);
    };
    std::stable_sort(wireKeys.begin(), wireKeys.end(),
        [&rank](const QString& a, const QString& b) { return rank(a) < rank(b); });
    return wireKeys;
}

QString displayValue(const QJsonValue& value)
{
    if (isUnset(value))
        return translate("(empty)");
    if (value.isBool())
        return value.toBool() ? translate("Yes") : translate("No");
    if (value.isDouble())
        return QLocale().toString(value.toDouble());
    if (value.isArray()) {
        QStringList parts;
        const QJsonArray array = value.toArray();
        for (const QJsonValue& item : array)
            parts.append(item.isString() ? item.toString() : displayValue(item));
        return parts.isEmpty() ? translate("(empty)") : parts.join(QStringLiteral(", "));
    }
    if (value.isObject()) {
        // DND settings and the like: each key with the status it holds.
        const QJsonObject object = value.toObject();
        QStringList parts;
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QJsonValue inner = it.value();
            const QString text = inner.isObject()
                ? inner.toObject().value(QLatin1StringView("status")).toString()
                : displayValue(inner);
            parts.append(QStringLiteral("%1: %2").arg(it.key(), text));
        }
        return parts.isEmpty() ? translate("(empty)") : parts.join(QStringLiteral(", "));
    }
    return value.toString();
}

bool sameWireValue(const QJsonValue& a, const QJsonValue& b)
{
    if (isUnset(a) || isUnset(b))
        return isUnset(a) && isUnset(b);
    return a == b;
}

QString fieldNamedIn(const QString& message, const QStringList& keys)
{
    // class-validator names the property first ("email must be an email"), sometimes after a
    // lead-in ("property gender should not exist", "each value in tags must be a string"), and
    // nested ones by path ("dndSettings.Call.status"). The first word naming a key wins.
    static const QRegularExpression separators(QStringLiteral("[\\s,:;()'\"]+"));
    const QStringList words = message.split(separators, Qt::SkipEmptyParts);
    for (Qt::CaseSensitivity sensitivity : {Qt::CaseSensitive, Qt::CaseInsensitive}) {
        for (const QString& word : words) {
            const QString head = word.section(u'.', 0, 0).section(u'[', 0, 0);
            for (const QString& key : keys) {
                if (head.compare(key, sensitivity) == 0)
                    return key;
            }
        }
    }
    return {};
}

QString dateEditFormat()
{
    return withFourDigitYear(QLocale().dateFormat(QLocale::ShortFormat));
}

QString dateTimeEditFormat()
{
    // Due times are chosen to the minute; seconds would only be noise to step through.
    QString time = QLocale().timeFormat(QLocale::ShortFormat);
    time.remove(QLatin1StringView(":ss"));
    return dateEditFormat() + u' ' + time;
}

} // namespace ContactDesk::Ui
