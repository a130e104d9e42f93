#pragma once

#include "api/apierror.h"
#include "api/apijob.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Api {

class ApiClient;
struct ApiExchange;

struct VerifyOptions
{
    // Whether operations that change data may run. Callers set it for a sandbox, or when the
    // user allowed writes to a live location explicitly.
    bool allowWrites = false;
    // Ids the Contacts API cannot list; operations that need one are skipped without it.
    QString campaignId;
    QString workflowId;
    QString businessId;
    QString userId; // a user of the location, for the follower calls
    // The company search-users needs; the client's companyId when empty. search-users is
    // skipped when neither knows it.
    QString companyId;
    // The tag on the temporary contact, so a run that was interrupted can be found and cleaned.
    QString tag = QStringLiteral("contactdesk-verify");
};

enum class VerifyOutcome
{
    Passed,
    Failed,
    Skipped,
};

// One operation's line of the report.
struct VerifyResult
{
    QString operationId;
    VerifyOutcome outcome = VerifyOutcome::Skipped;
    int httpStatus = 0; // 0: nothing was sent, or no HTTP answer
    qint64 latencyMs = -1; // the last HTTP exchange; -1 when nothing was sent
    QString reason; // why it failed or was skipped
    ApiError::Kind errorKind = ApiError::Kind::None; // of a failed request

    static QString outcomeName(VerifyOutcome outcome);
};

// "Verify each endpoint before going to production": runs every operation of the catalog once
// against the client's target, in an order that needs nothing but the location. With writes
// allowed it creates a temporary contact (tagged `VerifyOptions::tag`), runs every task, note,
// tag, follower, campaign, workflow, search, duplicate, upsert, business and bulk call on it and
// deletes it and everything it created at the end, also after failures. Without writes only the
// reads run, on the first existing contact, and every write is reported as skipped.
//
// The location's lists are read first (custom fields, tags, users, calendars; each item read
// back by id). With writes it creates, renames and deletes a temporary custom field and tag
// named after `VerifyOptions::tag`; at the end it lists the fields and tags again and silently
// deletes any the run made that are still there (also the location tags the temporary contact's
// tags became), so the location is left as it was.
//
// An operation passes when it answers the contract's success status with a body its envelope
// decoder accepts and the values the run can predict (the contact's id, the tag just added, ...)
// are right.
class EndpointVerifier : public QObject
{
    Q_OBJECT

public:
    EndpointVerifier(
        ApiClient& client, const Clock& clock, VerifyOptions options, QObject* parent = nullptr);
    ~EndpointVerifier() override;

    void start();
    bool isRunning() const { return m_running; }

    // In the order they ran: one per catalog operation once finished.
    const QList<VerifyResult>& results() const { return m_results; }
    int count(VerifyOutcome outcome) const;

Q_SIGNALS:
    void resultReady(const ContactDesk::Api::VerifyResult& result);
    void finished();

private:
    // What a step sends, or why it does not run.
    struct Prepared
    {
        std::optional<RequestSpec> spec;
        QString skipReason;
    };
    struct Step
    {
        QString operationId;
        std::function<Prepared()> prepare;
        // Empty when the answer is right; otherwise what is wrong with it.
        std::function<QString(const QJsonObject& result)> check;
        bool reportable = true; // cleanup calls run silently
    };

    void buildSteps();
    // endpointverifiercontacts.cpp: the Contacts operations.
    void addContactListingSteps();
    void addContactSteps();
    // endpointverifierlocation.cpp: the location's lists, and the cleanup of what the run made.
    void addLocationReadSteps();
    void addLocationWriteSteps();
    void addLocationCleanupSteps();
    void addStep(const QString& operationId, std::function<Prepared()> prepare,
        std::function<QString(const QJsonObject&)> check = {});
    void runNext();
    void record(VerifyResult result);
    void onExchanged(const ContactDesk::Api::ApiExchange& exchange);
    void complete(const Step& step, const ApiJob& job);

    Prepared needsContact(const std::function<RequestSpec()>& make) const;
    Prepared needsWrite(const QString& operationId, const std::function<Prepared()>& next) const;
    RequestSpec contactSpec(std::optional<QJsonObject> body = std::nullopt) const;
    RequestSpec locationSpec() const;
    // A silent step (not in the report) that runs after the current one.
    void appendCleanup(const QString& operationId, RequestSpec spec);

    ApiClient& m_client;
    const Clock& m_clock;
    VerifyOptions m_options;
    QList<Step> m_steps;
    qsizetype m_next = 0;
    QList<VerifyResult> m_results;
    QPointer<ApiJob> m_job;
    QString m_currentOperation;
    qint64 m_lastLatencyMs = -1;
    bool m_running = false;

    // What the run learnt or made so far.
    QString m_runId;
    QString m_email;
    QString m_contactId;
    bool m_contactIsTemporary = false;
    QString m_noContactReason;
    QString m_taskId;
    QString m_noTaskReason;
    QString m_noteId;
    QString m_noNoteReason;
    QStringList m_extraContacts; // made by an upsert that should have matched; deleted at the end

    // The location's lists: an item of each to read back by id, or why there is none.
    QString m_fieldId;
    QString m_noFieldReason;
    QString m_tagId;
    QString m_noTagReason;
    QString m_userId;
    QString m_noUserReason;
    QString m_calendarId;
    QString m_noCalendarReason;
    // What the location had before the run; cleanup deletes only what is not in here.
    std::optional<QStringList> m_fieldIdsBefore;
    std::optional<QStringList> m_tagIdsBefore;
    // The temporary field and tag (empty once deleted).
    QString m_tempFieldId;
    QString m_noTempFieldReason;
    QString m_tempTagId;
    QString m_noTempTagReason;
};

} // namespace ContactDesk::Api
