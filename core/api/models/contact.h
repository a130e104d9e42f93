#pragma once

#include "api/models/customfields.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <cstddef>
#include <optional>

namespace ContactDesk::Api {

// One channel's do-not-disturb state. `status` is "active", "inactive" or "permanent".
struct DndStatus
{
    QString status;
    QString message;
    QString code;

    bool operator==(const DndStatus& other) const = default;
};

inline constexpr std::size_t dndChannelCount = 7;

enum class DndChannel
{
    Call,
    Email,
    Sms,
    WhatsApp,
    Gmb,
    Fb,
    Rcs,
};

// Outbound DND per channel, keyed on the wire as v2 spells them: Call, Email, SMS, WhatsApp,
// GMB, FB, RCS. A channel that is not set is not under DND.
struct DndSettings
{
    static constexpr std::array<DndChannel, dndChannelCount> allChannels {DndChannel::Call,
        DndChannel::Email, DndChannel::Sms, DndChannel::WhatsApp, DndChannel::Gmb, DndChannel::Fb,
        DndChannel::Rcs};

    std::array<std::optional<DndStatus>, dndChannelCount> channels;
    QJsonObject extra; // channels this client does not know, as received

    static QLatin1StringView key(DndChannel channel);
    std::optional<DndStatus>& operator[](DndChannel channel)
    {
        return channels[std::size_t(channel)];
    }
    const std::optional<DndStatus>& operator[](DndChannel channel) const
    {
        return channels[std::size_t(channel)];
    }
    bool isEmpty() const;

    bool operator==(const DndSettings& other) const = default;
};

// Inbound DND: one setting for all channels.
struct InboundDndSettings
{
    std::optional<DndStatus> all;
    QJsonObject extra;

    bool isEmpty() const { return !all && extra.isEmpty(); }
    bool operator==(const InboundDndSettings& other) const = default;
};

// Tags to add and to remove through the tag endpoints.
struct TagChange
{
    QStringList add;
    QStringList remove;

    bool isEmpty() const { return add.isEmpty() && remove.isEmpty(); }
    bool operator==(const TagChange& other) const = default;
};

// A contact as the Contacts API returns it (contract §1.3). Every field but `id` is optional,
// since list and search items carry fewer fields than GET. Empty strings and invalid dates mean
// "not set".
struct Contact
{
    QString id;
    QString locationId;
    QString name;
    QString firstName;
    QString lastName;
    QString email;
    QString phone;
    QString companyName;
    QString address1;
    QString city;
    QString state;
    QString postalCode;
    QString country;
    QString website;
    QString timezone;
    QString source;
    QString type;
    QString assignedTo;
    QString businessId;
    QDate dateOfBirth;
    bool dnd = false;
    DndSettings dndSettings;
    InboundDndSettings inboundDndSettings;
    QStringList tags;
    QList<CustomFieldValue> customFields;
    QStringList followers;
    QDateTime dateAdded; // UTC
    QDateTime dateUpdated; // UTC
    // Every other key the server sent (emailLowerCase, additionalEmails, attributionSource,
    // searchAfter, ...), kept so that toJson() loses nothing.
    QJsonObject extra;

    // Missing and null fields are left empty; a field of the wrong type, a bad date or a missing
    // id is an error naming the field under `path` ("contact.tags[2]").
    static std::optional<Contact> fromJson(
        const QJsonObject& json, QString* error, const QString& path = QStringLiteral("contact"));
    // The response shape, for caching: fromJson(toJson()) gives the same contact.
    QJsonObject toJson() const;
    // toJson() as compact UTF-8 text, byte for byte what QJsonDocument writes for it, without
    // building the object: the cache stores this text for every contact it writes.
    QByteArray toJsonText() const;

    // POST /contacts/: every field that is set, as the create DTO allows.
    QJsonObject createBody(const QString& locationId) const;
    // POST /contacts/upsert: createBody() plus the duplicate switch.
    QJsonObject upsertBody(
        const QString& locationId, bool createNewIfDuplicateAllowed = false) const;
    // PUT /contacts/{id}: only the fields that differ between `before` and `after`, and only
    // those the update DTO takes (never locationId, gender or companyName). A cleared text field
    // is null where the DTO allows it, "" elsewhere. Tags are sent only with `replaceTags`, since
    // PUT replaces them all; otherwise use tagChange() and the tag endpoints.
    static QJsonObject updateBody(
        const Contact& before, const Contact& after, bool replaceTags = false);
    // The tags `after` adds to and removes from `before`; tags compare without case, as the API
    // treats them.
    static TagChange tagChange(const Contact& before, const Contact& after);

    bool operator==(const Contact& other) const = default;
};

} // namespace ContactDesk::Api
