#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ContactDesk::Api {

// A custom field of the location (CustomFieldSchema). `dataType` is the spec's spelling: TEXT,
// LARGE_TEXT, NUMERICAL, PHONE, MONETORY, CHECKBOX, SINGLE_OPTIONS, MULTIPLE_OPTIONS, FLOAT, TIME,
// DATE, TEXTBOX_LIST, RADIO, FILE_UPLOAD, SIGNATURE.
struct CustomFieldDefinition
{
    QString id;
    QString name;
    QString fieldKey; // "contact.membership_level"
    QString dataType;
    QString placeholder;
    QString model; // "contact" or "opportunity"
    int position = 0;
    QStringList picklistOptions;
    QJsonObject extra; // any other key the server sent

    static std::optional<CustomFieldDefinition> fromJson(const QJsonObject& json, QString* error,
        const QString& path = QStringLiteral("customField"));
    QJsonObject toJson() const;
    bool operator==(const CustomFieldDefinition& other) const = default;
};

// A tag of the location (LocationTagsSchema).
struct LocationTag
{
    QString id;
    QString name;
    QString locationId;

    static std::optional<LocationTag> fromJson(
        const QJsonObject& json, QString* error, const QString& path = QStringLiteral("tag"));
    QJsonObject toJson() const;
    bool operator==(const LocationTag& other) const = default;
};

// A user of the location (UserSchema), as far as names go.
struct User
{
    QString id;
    QString name;
    QString firstName;
    QString lastName;
    QString email;
    QString phone;
    QJsonObject extra;

    static std::optional<User> fromJson(
        const QJsonObject& json, QString* error, const QString& path = QStringLiteral("user"));
    QJsonObject toJson() const;
    // "First Last", else `name`, else the email, else the id.
    QString displayName() const;
    bool operator==(const User& other) const = default;
};

// A calendar of the location (CalendarDTO), as far as names go.
struct Calendar
{
    QString id;
    QString name;
    QString locationId;
    QString description;
    bool isActive = true;
    QJsonObject extra;

    static std::optional<Calendar> fromJson(
        const QJsonObject& json, QString* error, const QString& path = QStringLiteral("calendar"));
    QJsonObject toJson() const;
    bool operator==(const Calendar& other) const = default;
};

// The four lists of one location that names are read from, as the cache holds them. A list
// the connection may not read (missing scope) is empty and has its reason in `unavailable`.
struct LocationLists
{
    enum class Kind
    {
        CustomFields,
        Tags,
        Users,
        Calendars,
    };

    QList<CustomFieldDefinition> customFields; // in the location's field order (position)
    QList<LocationTag> tags;
    QList<User> users;
    QList<Calendar> calendars;
    // Kind -> why it could not be read ("this connection can't read users: add the
    // users.readonly scope"). A kind that is absent here was read.
    QHash<Kind, QString> unavailable;
    QDateTime refreshedAt; // UTC; invalid before the first refresh

    const CustomFieldDefinition* customField(const QString& idOrKey) const;
    const User* user(const QString& id) const;
    const Calendar* calendar(const QString& id) const;
    // The name for an id, or the id itself when the list does not know it.
    QString userName(const QString& id) const;
    QString calendarName(const QString& id) const;
};

} // namespace ContactDesk::Api
