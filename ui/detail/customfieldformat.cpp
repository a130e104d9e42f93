#include "ui/detail/customfieldformat.h"

#include "common/phonenumbers.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>

namespace ContactDesk::Ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ContactDesk::Ui::CustomFields", text);
}

bool is(const QString& dataType, const char* name)
{
    return dataType == QLatin1StringView(name);
}

// The display names of the files in a file-upload value:
// {"<uuid>": {"meta": {"originalname": "a.pdf"}, "url": ...}}.
QStringList fileNames(const QJsonObject& object)
{
    QStringList names;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonObject meta = it.value().toObject().value(QLatin1StringView("meta")).toObject();
        const QString name = meta.value(QLatin1StringView("originalname")).toString();
        names << (name.isEmpty() ? it.key() : name);
    }
    return names;
}

QString plainText(const QJsonValue& value)
{
    if (value.isDouble())
        return QLocale().toString(value.toDouble(), 'g', 15);
    if (value.isBool())
        return value.toBool() ? tr("Yes") : tr("No");
    if (value.isObject())
        return fileNames(value.toObject()).join(QStringLiteral(", "));
    return customValueItems(value).join(QStringLiteral(", "));
}

} // namespace

bool isEmptyCustomValue(const QJsonValue& value)
{
    if (value.isNull() || value.isUndefined())
        return true;
    if (value.isString())
        return value.toString().trimmed().isEmpty();
    if (value.isArray())
        return customValueItems(value).isEmpty();
    if (value.isObject())
        return value.toObject().isEmpty();
    return false;
}

QStringList customValueItems(const QJsonValue& value)
{
    QStringList items;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue& item : array) {
            const QString text = item.isString() ? item.toString() : plainText(item);
            if (!text.trimmed().isEmpty())
                items << text;
        }
    } else if (value.isString()) {
        if (!value.toString().trimmed().isEmpty())
            items << value.toString();
    } else if (!value.isNull() && !value.isUndefined()) {
        items << plainText(value);
    }
    return items;
}

std::optional<QDate> customValueDate(const QJsonValue& value)
{
    std::optional<qint64> epochMs;
    if (value.isDouble())
        epochMs = qint64(value.toDouble());
    const QString text = value.toString().trimmed();
    bool digits = false;
    const qint64 number = text.toLongLong(&digits);
    if (digits && text.size() > 8)
        epochMs = number;
    if (epochMs)
        return QDateTime::fromMSecsSinceEpoch(*epochMs, QTimeZone::utc()).date();
    if (text.isEmpty())
        return std::nullopt;
    QDate date = QDate::fromString(text.left(10), Qt::ISODate);
    if (!date.isValid()) {
        for (const char* format : {"yyyy/MM/dd", "MM/dd/yyyy", "MM-dd-yyyy", "yyyy.MM.dd"}) {
            date = QDate::fromString(text, QString::fromLatin1(format));
            if (date.isValid())
                break;
        }
    }
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}

std::optional<QTime> customValueTime(const QJsonValue& value)
{
    const QString text = value.toString().trimmed();
    for (const char* format : {"HH:mm", "HH:mm:ss", "h:mm AP", "h:mm ap", "h:mmAP", "h:mm a"}) {
        const QTime time = QTime::fromString(text, QString::fromLatin1(format));
        if (time.isValid())
            return time;
    }
    return std::nullopt;
}

std::optional<double> customValueNumber(const QJsonValue& value)
{
    if (value.isDouble())
        return value.toDouble();
    bool ok = false;
    const double number = value.toString().trimmed().toDouble(&ok);
    return ok ? std::optional<double>(number) : std::nullopt;
}

QString customFieldText(
    const Api::CustomFieldDefinition* definition, const QJsonValue& value, const QString& region)
{
    if (isEmptyCustomValue(value))
        return {};
    const QString type = definition ? definition->dataType : QString();
    const QLocale locale;
    if (is(type, "MONETORY")) {
        if (const auto number = customValueNumber(value))
            return locale.toString(*number, 'f', 2);
    } else if (is(type, "NUMERICAL") || is(type, "FLOAT")) {
        if (const auto number = customValueNumber(value))
            return locale.toString(*number, 'g', 15);
    } else if (is(type, "DATE")) {
        if (const auto date = customValueDate(value))
            return locale.toString(*date, QLocale::LongFormat);
    } else if (is(type, "TIME")) {
        if (const auto time = customValueTime(value))
            return locale.toString(*time, QLocale::ShortFormat);
    } else if (is(type, "CHECKBOX")) {
        const QStringList checked = customValueItems(value);
        return QStringLiteral("\u2713 ") + checked.join(QStringLiteral(", "));
    } else if (is(type, "PHONE")) {
        return formatPhone(value.toString(), region);
    } else if (is(type, "LARGE_TEXT")) {
        return value.toString();
    }
    return plainText(value);
}

QString customFieldTypeName(const QString& dataType)
{
    if (is(dataType, "NUMERICAL"))
        return tr("a whole number");
    if (is(dataType, "FLOAT"))
        return tr("a number");
    if (is(dataType, "MONETORY"))
        return tr("an amount of money");
    if (is(dataType, "DATE"))
        return tr("a date");
    if (is(dataType, "TIME"))
        return tr("a time");
    if (is(dataType, "PHONE"))
        return tr("a phone number");
    return tr("text");
}

} // namespace ContactDesk::Ui
