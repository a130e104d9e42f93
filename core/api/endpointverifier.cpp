// The runner of the endpoint check: steps in order, each answer checked against the contract's
// status and envelope. The steps themselves are in endpointverifiercontacts.cpp and
// endpointverifierlocation.cpp.
#include "api/endpointverifier.h"
#include "api/endpointverifier_p.h"

#include "api/apiclient.h"
#include "api/models/envelopes.h"
#include "api/models/locationenvelopes.h"
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
        const Decoder field = decoder(&LocationEnvelopes::customField);
        const Decoder tag = decoder(&LocationEnvelopes::tag);
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
            {QStringLiteral("get-custom-fields"), decoder(&LocationEnvelopes::customFields)},
            {QStringLiteral("create-custom-field"), field},
            {QStringLiteral("get-custom-field"), field},
            {QStringLiteral("update-custom-field"), field},
            {QStringLiteral("delete-custom-field"), succeeded},
            {QStringLiteral("get-location-tags"), decoder(&LocationEnvelopes::tags)},
            {QStringLiteral("create-tag"), tag},
            {QStringLiteral("get-tag-by-id"), tag},
            {QStringLiteral("update-tag"), tag},
            {QStringLiteral("delete-tag"), succeeded},
            {QStringLiteral("search-users"), decoder(&LocationEnvelopes::userPage)},
            {QStringLiteral("get-user"), decoder(&LocationEnvelopes::user)},
            {QStringLiteral("get-user-by-location"), decoder(&LocationEnvelopes::users)},
            {QStringLiteral("get-calendars"), decoder(&LocationEnvelopes::calendars)},
            {QStringLiteral("get-calendar"), decoder(&LocationEnvelopes::calendar)},
        };
    }();
    return table;
}

} // namespace

QString VerifySteps::succeededProblem(const QJsonObject& result)
{
    QString error;
    const auto ok = Envelopes::succeeded(result, &error);
    if (ok && !*ok)
        return EndpointVerifier::tr("the answer says it did not succeed");
    return {};
}

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
    m_fieldId.clear();
    m_noFieldReason = tr("no custom field to read (get-custom-fields did not list one)");
    m_tagId.clear();
    m_noTagReason = tr("no tag to read (get-location-tags did not list one)");
    m_userId.clear();
    m_noUserReason = tr("no user to read (get-user-by-location did not list one)");
    m_calendarId.clear();
    m_noCalendarReason = tr("no calendar to read (get-calendars did not list one)");
    m_fieldIdsBefore.reset();
    m_tagIdsBefore.reset();
    m_tempFieldId.clear();
    m_noTempFieldReason = tr("the temporary custom field could not be created");
    m_tempTagId.clear();
    m_noTempTagReason = tr("the temporary tag could not be created");
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

RequestSpec EndpointVerifier::locationSpec() const
{
    RequestSpec spec;
    spec.path.insert(QStringLiteral("locationId"), m_client.locationId());
    return spec;
}

void EndpointVerifier::appendCleanup(const QString& operationId, RequestSpec spec)
{
    m_steps.append({operationId, [spec] { return Prepared {spec, {}}; }, {}, false});
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
    const bool writes = !endpoint || endpoint->writes();
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
    // Listing and search first: they need nothing, and without writes the listing names the
    // existing contact the reads use. Then the location's lists, read before anything is
    // written so cleanup knows what was there; then the temporary field, tag and contact.
    addContactListingSteps();
    addLocationReadSteps();
    addLocationWriteSteps();
    addContactSteps();
    addLocationCleanupSteps();
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
    // Every step, cleanup included, is the verify runner's: the request log says so.
    RequestSpec spec = *prepared.spec;
    spec.cause = RequestCause::Verify;
    m_job = m_client.call(step.operationId, std::move(spec));
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
            RequestSpec spec;
            spec.path.insert(QStringLiteral("contactId"), id);
            appendCleanup(QStringLiteral("delete-contact"), spec);
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
