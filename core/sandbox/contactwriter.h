#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace ContactDesk::Sandbox {

class SandboxData;
struct Location;

// Turns create, update and upsert DTOs into stored contacts the way HighLevel does: derived
// name and lower-case fields, phones in E.164, custom fields written as {id|key, field_value |
// fieldValue} and stored as {id, value}, dateAdded set once, dateUpdated on every write.
class ContactWriter
{
public:
    explicit ContactWriter(SandboxData& data);

    struct Duplicate
    {
        QString contactId;
        QString matchingField; // "email" or "phone"
    };

    // A new contact from a create/upsert DTO. On bad values (an invalid email, a custom field of
    // the wrong type, an unknown custom field) returns nothing and fills `errors` with 422
    // messages. The contact is not stored.
    std::optional<QJsonObject> build(
        const QJsonObject& dto, const Location& location, QStringList* errors);
    // Applies an update/upsert DTO to an existing contact (only the keys present). Returns the
    // 422 messages, empty on success. The contact is not stored.
    QStringList apply(QJsonObject& contact, const QJsonObject& dto, const Location& location);

    // The duplicate matcher: email first, then phone, among live contacts of the location.
    std::optional<Duplicate> findDuplicate(
        const QString& locationId, const QString& email, const QString& phone) const;

    // Stores the contact and makes it invisible to search for the configured index lag.
    void save(const QJsonObject& contact);

private:
    SandboxData& m_data;
};

} // namespace ContactDesk::Sandbox
