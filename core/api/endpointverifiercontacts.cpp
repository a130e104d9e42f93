// The Contacts operations of the endpoint check: the listing and search that need nothing, then
// the temporary contact (or, without writes, the first existing one) and every call on it.
#include "api/endpointverifier.h"
#include "api/endpointverifier_p.h"

#include "api/apiclient.h"
#include "api/models/envelopes.h"
#include "common/clock.h"

#include <QJsonArray>

namespace ContactDesk::Api {

namespace {

bool containsTag(const QStringList& tags, const QString& tag)
{
    return tags.contains(tag, Qt::CaseInsensitive);
}

using VerifySteps::succeededProblem;

} // namespace

void EndpointVerifier::addContactListingSteps()
{
    const QString location = m_client.locationId();
    // Without writes the listing names the existing contact the reads use.
    addStep(
        QStringLiteral("get-contacts"),
        [location] {
            RequestSpec spec;
            spec.query = {{QStringLiteral("locationId"), location},
                {QStringLiteral("limit"), QStringLiteral("10")}};
            return Prepared {spec, {}};
        },
        [this](const QJsonObject& result) {
            QString error;
            const auto page = Envelopes::contactPage(result, &error);
            if (page && !m_options.allowWrites && !page->contacts.isEmpty()) {
                const Contact& first = page->contacts.constFirst();
                m_contactId = first.id;
                m_email = first.email;
            }
            return QString();
        });
    addStep(QStringLiteral("search-contacts-advanced"), [location] {
        RequestSpec spec;
        spec.body = QJsonObject {{QStringLiteral("locationId"), location},
            {QStringLiteral("pageLimit"), 1},
            {QStringLiteral("sort"),
                QJsonArray {QJsonObject {{QStringLiteral("field"), QStringLiteral("dateAdded")},
                    {QStringLiteral("direction"), QStringLiteral("desc")}}}}};
        return Prepared {spec, {}};
    });
}

void EndpointVerifier::addContactSteps()
{
    const QString location = m_client.locationId();
    const QString extraTag = VerifySteps::extraTag(m_options.tag);
    const QString bulkTag = VerifySteps::bulkTag(m_options.tag);
    const QString updatedName = QStringLiteral("Verify %1 (updated)").arg(m_runId);
    const QString updatedTaskTitle = tr("ContactDesk verification task (updated)");
    const QString updatedNoteBody = tr("Temporary note from an endpoint check (updated)");
    const auto path = [this](const QString& name, const QString& value) {
        RequestSpec spec = contactSpec();
        spec.path.insert(name, value);
        return spec;
    };

    // The temporary contact and the contact calls.
    addStep(
        QStringLiteral("create-contact"),
        [this, location] {
            RequestSpec spec;
            spec.body = QJsonObject {{QStringLiteral("locationId"), location},
                {QStringLiteral("firstName"), QStringLiteral("ContactDesk")},
                {QStringLiteral("lastName"), QStringLiteral("Verify %1").arg(m_runId)},
                {QStringLiteral("email"), m_email},
                {QStringLiteral("source"), QStringLiteral("ContactDesk endpoint check")},
                {QStringLiteral("tags"), QJsonArray {m_options.tag}}};
            return Prepared {spec, {}};
        },
        [this](const QJsonObject& result) {
            QString error;
            const auto contact = Envelopes::contact(result, &error);
            if (!contact)
                return QString();
            m_contactId = contact->id;
            m_contactIsTemporary = true;
            if (!containsTag(contact->tags, m_options.tag))
                return tr("the new contact lacks the tag %1").arg(m_options.tag);
            return QString();
        });
    addStep(
        QStringLiteral("get-contact"),
        [this] { return needsContact([this] { return contactSpec(); }); },
        [this](const QJsonObject& result) {
            QString error;
            const auto contact = Envelopes::contact(result, &error);
            if (contact && contact->id != m_contactId)
                return tr("asked for %1, got %2").arg(m_contactId, contact->id);
            return QString();
        });
    addStep(
        QStringLiteral("update-contact"),
        [this, updatedName] {
            return needsContact([this, updatedName] {
                return contactSpec(QJsonObject {{QStringLiteral("lastName"), updatedName}});
            });
        },
        [updatedName](const QJsonObject& result) {
            QString error;
            const auto updated = Envelopes::updatedContact(result, &error);
            if (updated && updated->contact.lastName != updatedName)
                return tr("the answer does not show the new last name");
            return QString();
        });
    addStep(
        QStringLiteral("upsert-contact"),
        [this, location] {
            return needsContact([this, location] {
                RequestSpec spec;
                spec.body = QJsonObject {{QStringLiteral("locationId"), location},
                    {QStringLiteral("email"), m_email},
                    {QStringLiteral("city"), QStringLiteral("Verify")}};
                return spec;
            });
        },
        [this](const QJsonObject& result) {
            QString error;
            const auto upserted = Envelopes::upsert(result, &error);
            if (upserted && upserted->contact.id != m_contactId) {
                m_extraContacts.append(upserted->contact.id);
                return tr("the upsert made contact %1 instead of matching the email of %2")
                    .arg(upserted->contact.id, m_contactId);
            }
            return QString();
        });
    addStep(QStringLiteral("get-duplicate-contact"), [this, location] {
        if (m_contactId.isEmpty())
            return Prepared {std::nullopt, m_noContactReason};
        if (m_email.isEmpty())
            return Prepared {std::nullopt, tr("the contact read has no email to look up")};
        RequestSpec spec;
        spec.query = {{QStringLiteral("locationId"), location}, {QStringLiteral("email"), m_email}};
        return Prepared {spec, {}};
    });

    // Tags, one by one and in bulk.
    const auto tagSpec = [this, extraTag] {
        return needsContact([this, extraTag] {
            return contactSpec(QJsonObject {{QStringLiteral("tags"), QJsonArray {extraTag}}});
        });
    };
    const auto addTagStep = [this, tagSpec, extraTag](const QString& operationId, bool present) {
        addStep(operationId, tagSpec, [extraTag, present](const QJsonObject& result) {
            QString error;
            const auto tags = Envelopes::tags(result, &error);
            if (!tags || containsTag(*tags, extraTag) == present)
                return QString();
            return present ? tr("the tags do not include %1 afterwards").arg(extraTag)
                           : tr("the tags still include %1 afterwards").arg(extraTag);
        });
    };
    addTagStep(QStringLiteral("add-tags"), true);
    addTagStep(QStringLiteral("remove-tags"), false);
    addStep(
        QStringLiteral("create-association"),
        [this, location, bulkTag] {
            return needsContact([this, location, bulkTag] {
                RequestSpec spec;
                spec.path.insert(QStringLiteral("type"), QStringLiteral("add"));
                spec.body = QJsonObject {{QStringLiteral("locationId"), location},
                    {QStringLiteral("contacts"), QJsonArray {m_contactId}},
                    {QStringLiteral("tags"), QJsonArray {bulkTag}}};
                return spec;
            });
        },
        [this](const QJsonObject& result) {
            QString error;
            const auto bulk = Envelopes::bulkTags(result, &error);
            if (!bulk)
                return QString();
            for (const BulkTagsItem& item : bulk->responses) {
                if (item.contactId == m_contactId)
                    return item.succeeded() ? QString() : item.message;
            }
            return tr("the answer has no line for the contact");
        });

    // Tasks and notes hang off the contact alike: the one created (or, without writes, the
    // contact's first) must be in the contact's list and read back by id. Returns how the later
    // steps that name it are prepared.
    const auto addItemSteps = [this, path](const QString& noun, const QString& idName, QString* id,
                                  QString* noId, auto decodeOne, auto decodeList, auto makeBody) {
        addStep(
            QStringLiteral("create-%1").arg(noun),
            [this, makeBody] {
                return needsContact([this, makeBody] { return contactSpec(makeBody()); });
            },
            [noun, id, noId, decodeOne](const QJsonObject& result) {
                QString error;
                if (const auto item = decodeOne(result, &error))
                    *id = item->id;
                else
                    *noId = tr("create-%1 did not make a %1").arg(noun);
                return QString();
            });
        addStep(
            QStringLiteral("get-all-%1s").arg(noun),
            [this] { return needsContact([this] { return contactSpec(); }); },
            [this, noun, id, noId, decodeList](const QJsonObject& result) {
                QString error;
                const auto items = decodeList(result, &error);
                if (!items)
                    return QString();
                if (!m_options.allowWrites) {
                    if (!items->isEmpty())
                        *id = items->constFirst().id;
                    else
                        *noId = tr("the contact read has no %1s").arg(noun);
                    return QString();
                }
                const bool found = std::any_of(items->cbegin(), items->cend(),
                    [id](const auto& item) { return item.id == *id; });
                if (!id->isEmpty() && !found)
                    return tr("the list lacks the %1 just created").arg(noun);
                return QString();
            });
        const auto itemSpec = [this, path, idName, id, noId](std::optional<QJsonObject> body) {
            if (m_contactId.isEmpty())
                return Prepared {std::nullopt, m_noContactReason};
            if (id->isEmpty())
                return Prepared {std::nullopt, *noId};
            RequestSpec spec = path(idName, *id);
            spec.body = std::move(body);
            return Prepared {spec, {}};
        };
        addStep(
            QStringLiteral("get-%1").arg(noun), [itemSpec] { return itemSpec(std::nullopt); },
            [noun, id, decodeOne](const QJsonObject& result) {
                QString error;
                const auto item = decodeOne(result, &error);
                if (item && item->id != *id)
                    return tr("asked for %1 %2, got %3").arg(noun, *id, item->id);
                return QString();
            });
        return itemSpec;
    };

    // Tasks.
    const auto taskSpec = addItemSteps(QStringLiteral("task"), QStringLiteral("taskId"), &m_taskId,
        &m_noTaskReason, &Envelopes::task, &Envelopes::tasks, [this] {
            return QJsonObject {{QStringLiteral("title"), tr("ContactDesk verification task")},
                {QStringLiteral("body"), tr("Temporary task from an endpoint check")},
                {QStringLiteral("dueDate"), isoUtc(m_clock.nowMs() + 24 * 3600 * 1000)},
                {QStringLiteral("completed"), false}};
        });
    addStep(
        QStringLiteral("update-task"),
        [taskSpec, updatedTaskTitle] {
            return taskSpec(QJsonObject {{QStringLiteral("title"), updatedTaskTitle}});
        },
        [updatedTaskTitle](const QJsonObject& result) {
            QString error;
            const auto task = Envelopes::task(result, &error);
            if (task && task->title != updatedTaskTitle)
                return tr("the answer does not show the new title");
            return QString();
        });
    addStep(
        QStringLiteral("update-task-completed"),
        [taskSpec] {
            return taskSpec(QJsonObject {{QStringLiteral("completed"), true}});
        },
        [](const QJsonObject& result) {
            QString error;
            const auto task = Envelopes::task(result, &error);
            if (task && !task->completed)
                return tr("the task is not completed afterwards");
            return QString();
        });
    addStep(
        QStringLiteral("delete-task"), [taskSpec] { return taskSpec(std::nullopt); },
        succeededProblem);

    // Notes.
    const auto noteSpec = addItemSteps(QStringLiteral("note"), QStringLiteral("id"), &m_noteId,
        &m_noNoteReason, &Envelopes::note, &Envelopes::notes, [] {
            return QJsonObject {
                {QStringLiteral("body"), tr("Temporary note from an endpoint check")}};
        });
    addStep(
        QStringLiteral("update-note"),
        [noteSpec, updatedNoteBody] {
            return noteSpec(QJsonObject {{QStringLiteral("body"), updatedNoteBody}});
        },
        [updatedNoteBody](const QJsonObject& result) {
            QString error;
            const auto note = Envelopes::note(result, &error);
            if (note && note->body != updatedNoteBody)
                return tr("the answer does not show the new text");
            return QString();
        });
    addStep(
        QStringLiteral("delete-note"), [noteSpec] { return noteSpec(std::nullopt); },
        succeededProblem);

    addStep(QStringLiteral("get-appointments-for-contact"),
        [this] { return needsContact([this] { return contactSpec(); }); });

    // Followers, campaigns, workflows and businesses need ids the Contacts API cannot list.
    const auto withId = [this](const QString& id, const QString& missing,
                            const std::function<RequestSpec()>& make) {
        if (m_contactId.isEmpty())
            return Prepared {std::nullopt, m_noContactReason};
        if (id.isEmpty())
            return Prepared {std::nullopt, missing};
        return Prepared {make(), {}};
    };
    const QString noUser = tr("no user id given for the follower calls");
    const QString noCampaign = tr("no campaign id given");
    const QString noWorkflow = tr("no workflow id given");
    const QString noBusiness = tr("no business id given");
    const QJsonObject followers {{QStringLiteral("followers"), QJsonArray {m_options.userId}}};
    const auto followerSpec = [this, withId, noUser, followers] {
        return withId(
            m_options.userId, noUser, [this, followers] { return contactSpec(followers); });
    };
    const auto addFollowerStep = [this, followerSpec](const QString& operationId, bool present) {
        addStep(operationId, followerSpec, [this, present](const QJsonObject& result) {
            QString error;
            const auto answer = Envelopes::followers(result, &error);
            if (!answer || answer->followers.contains(m_options.userId) == present)
                return QString();
            return present ? tr("the followers do not include %1 afterwards").arg(m_options.userId)
                           : tr("the followers still include %1 afterwards").arg(m_options.userId);
        });
    };
    addFollowerStep(QStringLiteral("add-followers-contact"), true);
    addFollowerStep(QStringLiteral("remove-followers-contact"), false);
    addStep(
        QStringLiteral("add-contact-to-campaign"),
        [this, withId, noCampaign, path] {
            return withId(m_options.campaignId, noCampaign, [this, path] {
                RequestSpec spec = path(QStringLiteral("campaignId"), m_options.campaignId);
                spec.body = QJsonObject();
                return spec;
            });
        },
        succeededProblem);
    addStep(
        QStringLiteral("remove-contact-from-campaign"),
        [this, withId, noCampaign, path] {
            return withId(m_options.campaignId, noCampaign,
                [this, path] { return path(QStringLiteral("campaignId"), m_options.campaignId); });
        },
        succeededProblem);
    addStep(
        QStringLiteral("remove-contact-from-every-campaign"),
        [this] { return needsContact([this] { return contactSpec(); }); }, succeededProblem);
    const auto workflowSpec = [this, withId, noWorkflow, path] {
        return withId(m_options.workflowId, noWorkflow, [this, path] {
            RequestSpec spec = path(QStringLiteral("workflowId"), m_options.workflowId);
            spec.body = QJsonObject();
            return spec;
        });
    };
    addStep(QStringLiteral("add-contact-to-workflow"), workflowSpec, succeededProblem);
    addStep(QStringLiteral("delete-contact-from-workflow"), workflowSpec, succeededProblem);
    addStep(
        QStringLiteral("add-remove-contact-from-business"),
        [this, withId, noBusiness, location] {
            return withId(m_options.businessId, noBusiness, [this, location] {
                RequestSpec spec;
                spec.body = QJsonObject {{QStringLiteral("locationId"), location},
                    {QStringLiteral("ids"), QJsonArray {m_contactId}},
                    {QStringLiteral("businessId"), m_options.businessId}};
                return spec;
            });
        },
        [](const QJsonObject& result) {
            QString error;
            const auto answer = Envelopes::bulkBusiness(result, &error);
            if (answer && !answer->success)
                return tr("the answer says it did not succeed");
            return QString();
        });
    addStep(QStringLiteral("get-contacts-by-businessId"), [this, noBusiness, location] {
        if (m_options.businessId.isEmpty())
            return Prepared {std::nullopt, noBusiness};
        RequestSpec spec;
        spec.path.insert(QStringLiteral("businessId"), m_options.businessId);
        spec.query = {{QStringLiteral("locationId"), location},
            {QStringLiteral("limit"), QStringLiteral("10")}};
        return Prepared {spec, {}};
    });

    // Last, whatever happened before: the temporary contact goes, and with it its tasks,
    // notes, tags, followers and memberships.
    addStep(
        QStringLiteral("delete-contact"),
        [this] {
            if (!m_contactIsTemporary)
                return Prepared {std::nullopt, m_noContactReason};
            return Prepared {contactSpec(), {}};
        },
        succeededProblem);
}

} // namespace ContactDesk::Api
