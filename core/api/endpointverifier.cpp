#include "api/endpointverifier.h"

#include "api/apiclient.h"
#include "api/models/envelopes.h"
#include "common/clock.h"

#include <QHash>
#include <QJsonArray>
#include <QRandomGenerator>

namespace ContactDesk::Api {

namespace {

using L = QLatin1StringView;
using Decoder = std::function<bool(const QJsonObject&, QString*)>;

template <typename Decode>
Decoder decoder(Decode decode)
{
    return [decode](
               const QJsonObject& body, QString* error) { return decode(body, error).has_value(); };
}

// The envelope decoder of each operation's success answer.
const QHash<QString, Decoder>& decoders()
{
    static const QHash<QString, Decoder> table = [] {
        const Decoder page = decoder(&Envelopes::contactPage);
        const Decoder contact = decoder(&Envelopes::contact);
        const Decoder task = decoder(&Envelopes::task);
        const Decoder note = decoder(&Envelopes::note);
        const Decoder tags = decoder(&Envelopes::tags);
        const Decoder followers = decoder(&Envelopes::followers);
        const Decoder succeeded = decoder(&Envelopes::succeeded);
        const Decoder events = [](const QJsonObject& body, QString* error) {
            return Envelopes::events(body, error).has_value();
        };
        return QHash<QString, Decoder> {
            {QStringLiteral("search-contacts-advanced"), page},
            {QStringLiteral("get-duplicate-contact"), decoder(&Envelopes::duplicate)},
            {QStringLiteral("get-all-tasks"), decoder(&Envelopes::tasks)},
            {QStringLiteral("create-task"), task},
            {QStringLiteral("get-task"), task},
            {QStringLiteral("update-task"), task},
            {QStringLiteral("delete-task"), succeeded},
            {QStringLiteral("update-task-completed"), task},
            {QStringLiteral("get-appointments-for-contact"), events},
            {QStringLiteral("add-tags"), tags},
            {QStringLiteral("remove-tags"), tags},
            {QStringLiteral("get-all-notes"), decoder(&Envelopes::notes)},
            {QStringLiteral("create-note"), note},
            {QStringLiteral("get-note"), note},
            {QStringLiteral("update-note"), note},
            {QStringLiteral("delete-note"), succeeded},
            {QStringLiteral("create-association"), decoder(&Envelopes::bulkTags)},
            {QStringLiteral("add-remove-contact-from-business"), decoder(&Envelopes::bulkBusiness)},
            {QStringLiteral("get-contact"), contact},
            {QStringLiteral("update-contact"), decoder(&Envelopes::updatedContact)},
            {QStringLiteral("delete-contact"), succeeded},
            {QStringLiteral("upsert-contact"), decoder(&Envelopes::upsert)},
            {QStringLiteral("get-contacts-by-businessId"), page},
            {QStringLiteral("add-followers-contact"), followers},
            {QStringLiteral("remove-followers-contact"), followers},
            {QStringLiteral("add-contact-to-campaign"), succeeded},
            {QStringLiteral("remove-contact-from-campaign"), succeeded},
            {QStringLiteral("remove-contact-from-every-campaign"), succeeded},
            {QStringLiteral("add-contact-to-workflow"), succeeded},
            {QStringLiteral("delete-contact-from-workflow"), succeeded},
            {QStringLiteral("create-contact"), contact},
            {QStringLiteral("get-contacts"), page},
        };
    }();
    return table;
}

bool containsTag(const QStringList& tags, const QString& tag)
{
    return tags.contains(tag, Qt::CaseInsensitive);
}

// "" when the deletes, campaign and workflow calls say they succeeded.
QString succeededProblem(const QJsonObject& result)
{
    QString error;
    const auto ok = Envelopes::succeeded(result, &error);
    if (ok && !*ok)
        return EndpointVerifier::tr("the answer says it did not succeed");
    return {};
}

} // namespace

QString VerifyResult::outcomeName(VerifyOutcome outcome)
{
    switch (outcome) {
    case VerifyOutcome::Passed:
        return QStringLiteral("pass");
    case VerifyOutcome::Failed:
        return QStringLiteral("fail");
    case VerifyOutcome::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

EndpointVerifier::EndpointVerifier(
    ApiClient& client, const Clock& clock, VerifyOptions options, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_clock(clock)
    , m_options(std::move(options))
{
    connect(&m_client, &ApiClient::exchanged, this, &EndpointVerifier::onExchanged);
}

EndpointVerifier::~EndpointVerifier()
{
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->cancel();
    }
}

int EndpointVerifier::count(VerifyOutcome outcome) const
{
    return int(std::count_if(m_results.cbegin(), m_results.cend(),
        [outcome](const VerifyResult& r) { return r.outcome == outcome; }));
}

void EndpointVerifier::start()
{
    if (m_running)
        return;
    m_running = true;
    m_results.clear();
    m_next = 0;
    m_runId = QString::number(m_clock.nowMs(), 36)
        + QString::number(QRandomGenerator::global()->bounded(46656), 36).rightJustified(3, u'0');
    m_email = QStringLiteral("contactdesk-verify-%1@example.com").arg(m_runId);
    m_contactId.clear();
    m_contactIsTemporary = false;
    m_noContactReason = m_options.allowWrites
        ? tr("the temporary contact could not be created")
        : tr("no existing contact to read (get-contacts found none)");
    m_taskId.clear();
    m_noTaskReason = tr("no task to read");
    m_noteId.clear();
    m_noNoteReason = tr("no note to read");
    m_extraContacts.clear();
    buildSteps();
    runNext();
}

void EndpointVerifier::onExchanged(const ApiExchange& exchange)
{
    if (exchange.operationId == m_currentOperation)
        m_lastLatencyMs = exchange.durationMs;
}

RequestSpec EndpointVerifier::contactSpec(std::optional<QJsonObject> body) const
{
    RequestSpec spec;
    spec.path.insert(QStringLiteral("contactId"), m_contactId);
    spec.body = std::move(body);
    return spec;
}

EndpointVerifier::Prepared EndpointVerifier::needsContact(
    const std::function<RequestSpec()>& make) const
{
    if (m_contactId.isEmpty())
        return {std::nullopt, m_noContactReason};
    return {make(), {}};
}

EndpointVerifier::Prepared EndpointVerifier::needsWrite(
    const QString& operationId, const std::function<Prepared()>& next) const
{
    const Endpoint* endpoint = findEndpoint(operationId);
    const bool writes = endpoint && endpoint->scope != Scope::ContactsReadonly;
    if (writes && !m_options.allowWrites)
        return {std::nullopt, tr("writes are not allowed against this target")};
    return next();
}

void EndpointVerifier::addStep(const QString& operationId, std::function<Prepared()> prepare,
    std::function<QString(const QJsonObject&)> check)
{
    m_steps.append({operationId,
        [this, operationId, prepare = std::move(prepare)] {
            return needsWrite(operationId, prepare);
        },
        std::move(check), true});
}

void EndpointVerifier::buildSteps()
{
    m_steps.clear();
    const QString location = m_client.locationId();
    const QString extraTag = m_options.tag + QStringLiteral("-extra");
    const QString bulkTag = m_options.tag + QStringLiteral("-bulk");
    const QString updatedName = QStringLiteral("Verify %1 (updated)").arg(m_runId);
    const QString updatedTaskTitle = tr("ContactDesk verification task (updated)");
    const QString updatedNoteBody = tr("Temporary note from an endpoint check (updated)");
    const auto path = [this](const QString& name, const QString& value) {
        RequestSpec spec = contactSpec();
        spec.path.insert(name, value);
        return spec;
    };

    // Listing and search first: they need nothing, and without writes the listing names the
    // existing contact the reads use.
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

void EndpointVerifier::runNext()
{
    if (m_next >= m_steps.size()) {
        m_running = false;
        m_currentOperation.clear();
        Q_EMIT finished();
        return;
    }
    const Step step = m_steps.at(m_next++);
    const Prepared prepared = step.prepare();
    if (!prepared.spec) {
        if (step.reportable)
            record({step.operationId, VerifyOutcome::Skipped, 0, -1, prepared.skipReason});
        runNext();
        return;
    }
    m_currentOperation = step.operationId;
    m_lastLatencyMs = -1;
    m_job = m_client.call(step.operationId, *prepared.spec);
    m_job->onFinished(this, [this, step](const ApiJob& job) {
        m_job.clear();
        complete(step, job);
        runNext();
    });
}

void EndpointVerifier::complete(const Step& step, const ApiJob& job)
{
    VerifyResult result {
        step.operationId, VerifyOutcome::Passed, job.httpStatus(), m_lastLatencyMs, {}};
    if (!job.succeeded()) {
        result.outcome = VerifyOutcome::Failed;
        result.reason = job.error().userText();
        result.errorKind = job.error().kind();
    } else {
        // The step learns ids from any successful answer, so cleanup finds what was made even
        // when the answer is otherwise wrong.
        const QString checkProblem = step.check ? step.check(job.result()) : QString();
        const Endpoint& endpoint = job.endpoint();
        QString decodeProblem;
        const Decoder decode = decoders().value(step.operationId);
        if (decode && !decode(job.result(), &decodeProblem) && decodeProblem.isEmpty())
            decodeProblem = tr("unexpected shape");
        if (job.httpStatus() != endpoint.successStatus) {
            result.reason = tr("answered HTTP %1; the contract says %2")
                                .arg(job.httpStatus())
                                .arg(endpoint.successStatus);
        } else if (!decodeProblem.isEmpty()) {
            result.reason = tr("the answer does not decode: %1").arg(decodeProblem);
        } else {
            result.reason = checkProblem;
        }
        if (!result.reason.isEmpty())
            result.outcome = VerifyOutcome::Failed;
    }
    if (step.reportable)
        record(result);
    if (step.operationId == QLatin1StringView("delete-contact") && step.reportable) {
        // Contacts an upsert made by mistake are removed silently after the reported delete.
        for (const QString& id : std::as_const(m_extraContacts)) {
            m_steps.append({QStringLiteral("delete-contact"),
                [id] {
                    RequestSpec spec;
                    spec.path.insert(QStringLiteral("contactId"), id);
                    return Prepared {spec, {}};
                },
                {}, false});
        }
        m_extraContacts.clear();
    }
}

void EndpointVerifier::record(VerifyResult result)
{
    m_results.append(result);
    Q_EMIT resultReady(m_results.constLast());
}

} // namespace ContactDesk::Api
