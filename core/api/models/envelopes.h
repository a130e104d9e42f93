#pragma once

#include "api/models/appointment.h"
#include "api/models/contact.h"
#include "api/models/note.h"
#include "api/models/task.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace ContactDesk::Api {

// PUT /contacts/{id}: {succeded, contact}.
struct UpdateResult
{
    bool succeeded = false;
    Contact contact;
};

// POST /contacts/upsert: {new, contact, traceId}.
struct UpsertResult
{
    bool created = false;
    Contact contact;
    QString traceId;
};

// One page of contacts from search, GET /contacts/ or the business listing.
struct ContactPage
{
    QList<Contact> contacts;
    int total = -1; // `total` (search), `count` (listings) or meta.total; -1 when none was sent
    QJsonObject meta; // GET /contacts/: startAfter, startAfterId, nextPageUrl, ...
    QJsonArray lastSearchAfter; // the last contact's `searchAfter`: the cursor for the next page
};

// POST and DELETE /contacts/{id}/followers.
struct FollowersResult
{
    QStringList followers; // the contact's followers afterwards
    QStringList added;
    QStringList removed;
};

// One contact's line of a bulk tag update.
struct BulkTagsItem
{
    QString contactId;
    QString type; // "success" or "error"
    QString message;
    QStringList oldTags;
    QStringList tagsAdded;
    QStringList tagsRemoved;

    bool succeeded() const { return type == QLatin1StringView("success"); }
};

// POST /contacts/bulk/tags/update/{type}: {succeded, errorCount, responses}.
struct BulkTagsResult
{
    bool succeeded = false;
    int errorCount = 0;
    QList<BulkTagsItem> responses;
};

// POST /contacts/bulk/business: {success, ids}.
struct BulkBusinessResult
{
    bool success = false;
    QStringList ids;
};

// The largest response body parseResponse() reads: the biggest legitimate reply, a search
// page of 500 full contacts, is a few megabytes.
inline constexpr qsizetype maxResponseBytes = 32 * 1024 * 1024;

// The success envelopes of the Contacts API (contract §1.1). Each decoder returns std::nullopt
// and an error naming the offending key when the body does not have the operation's shape;
// none of them throws, asserts or reads out of bounds, whatever the input.
namespace Envelopes {

// A response body as a JSON object. Empty bodies, HTML error pages, truncated or malformed
// JSON, a top-level array and bodies over `maxBytes` are errors.
std::optional<QJsonObject> parseResponse(
    const QByteArray& body, QString* error, qsizetype maxBytes = maxResponseBytes);

// {contact}: get-contact, create-contact.
std::optional<Contact> contact(const QJsonObject& body, QString* error);
// {succeded | succeeded, contact}: update-contact.
std::optional<UpdateResult> updatedContact(const QJsonObject& body, QString* error);
// {new, contact, traceId}: upsert-contact.
std::optional<UpsertResult> upsert(const QJsonObject& body, QString* error);
// {contacts, total | count, meta}: search-contacts-advanced, get-contacts,
// get-contacts-by-businessId.
std::optional<ContactPage> contactPage(const QJsonObject& body, QString* error);
// {contact: object | null}: get-duplicate-contact. The inner optional is empty when there is
// no duplicate.
std::optional<std::optional<Contact>> duplicate(const QJsonObject& body, QString* error);

// {task}: create-task, get-task, update-task, update-task-completed.
std::optional<Task> task(const QJsonObject& body, QString* error);
// {tasks}: get-all-tasks.
std::optional<QList<Task>> tasks(const QJsonObject& body, QString* error);
// {note}: create-note, get-note, update-note.
std::optional<Note> note(const QJsonObject& body, QString* error);
// {notes}: get-all-notes.
std::optional<QList<Note>> notes(const QJsonObject& body, QString* error);
// {events}: get-appointments-for-contact. Zone-less times are read in `wallClockZone`.
std::optional<QList<Appointment>> events(
    const QJsonObject& body, QString* error, const QTimeZone& wallClockZone = QTimeZone::utc());

// {tags}: add-tags, remove-tags.
std::optional<QStringList> tags(const QJsonObject& body, QString* error);
// {followers, followersAdded | followersRemoved}.
std::optional<FollowersResult> followers(const QJsonObject& body, QString* error);
// {succeded | succeeded}: the deletes, campaigns and workflows.
std::optional<bool> succeeded(const QJsonObject& body, QString* error);
// {succeded, errorCount, responses}: create-association (bulk tags).
std::optional<BulkTagsResult> bulkTags(const QJsonObject& body, QString* error);
// {success, ids}: add-remove-contact-from-business.
std::optional<BulkBusinessResult> bulkBusiness(const QJsonObject& body, QString* error);

} // namespace Envelopes

} // namespace ContactDesk::Api
