#pragma once

#include "api/apiclient.h"
#include "api/models/envelopes.h"
#include "api/models/searchquery.h"

#include <QPointer>

#include <functional>
#include <memory>

namespace ContactDesk::Api {

// A typed outcome: `value` is meaningful when ok().
template <typename T>
struct Result
{
    T value {};
    ApiError error;
    // The attempt the answer came from (not valid for a result of several requests).
    AttemptRef attempt;
    bool ok() const { return !error.isError(); }
};

// The notice that a result made of several requests is complete. Not a template: moc needs
// a plain class for the signal.
class CallChain : public QObject
{
    Q_OBJECT

public:
    // The request in flight, for cancel(); null between two requests.
    QPointer<ApiJob> current;
    bool cancelled = false;
    bool done = false;

    void cancel()
    {
        cancelled = true;
        if (current)
            current->cancel();
    }

Q_SIGNALS:
    void finished();
};

// The shared state of a result made of several requests (every page of a list): whoever runs
// the requests calls finish() once; callbacks attached after that still get the result.
template <typename T>
struct Deferred
{
    CallChain chain;
    Result<T> result;

    void finish(Result<T> outcome)
    {
        if (chain.done)
            return;
        result = std::move(outcome);
        chain.done = true;
        chain.current.clear();
        Q_EMIT chain.finished();
    }
};

// A request on its way, with the decoder for its answer. The answer reaches one callback; an
// answer that does not decode becomes an IncorrectResponse error. A call made of several
// requests (Deferred) reports once, when the last one is in; job() is then its first request.
template <typename T>
class Call
{
public:
    using Decoder = std::function<std::optional<T>(const QJsonObject&, QString*)>;

    Call(ApiJob* job, Decoder decode)
        : m_job(job)
        , m_decode(std::move(decode))
    { }

    Call(ApiJob* first, std::shared_ptr<Deferred<T>> deferred)
        : m_job(first)
        , m_deferred(std::move(deferred))
    { }

    ApiJob* job() const { return m_job; }
    void cancel() const
    {
        if (m_deferred)
            m_deferred->chain.cancel();
        else
            m_job->cancel();
    }

    template <typename Callback>
    void then(QObject* context, Callback callback) const
    {
        if (m_deferred) {
            std::shared_ptr<Deferred<T>> deferred = m_deferred;
            auto deliver
                = [deferred, callback = std::move(callback)] { callback(deferred->result); };
            if (deferred->chain.done)
                QMetaObject::invokeMethod(context, std::move(deliver), Qt::QueuedConnection);
            else
                QObject::connect(&deferred->chain, &CallChain::finished, context,
                    std::move(deliver), Qt::SingleShotConnection);
            return;
        }
        m_job->onFinished(
            context, [decode = m_decode, callback = std::move(callback)](ApiJob& job) {
                Result<T> result;
                result.error = job.error();
                result.attempt = job.lastAttempt();
                if (job.succeeded()) {
                    QString problem;
                    if (std::optional<T> value = decode(job.result(), &problem))
                        result.value = std::move(*value);
                    else
                        result.error = ApiError::incorrectResponse(problem, job.httpStatus());
                }
                callback(result);
            });
    }

private:
    ApiJob* m_job;
    Decoder m_decode;
    std::shared_ptr<Deferred<T>> m_deferred;
};

// Every Contacts v2 operation with typed requests and answers, on one ApiClient. Bodies are
// built from the models (allow-listed by the catalog); updates carry only changed fields.
class ContactsApi
{
public:
    // `cause`: what every request of this instance is sent for (the request log and the
    // inspector show it); each feature holds its own instance.
    explicit ContactsApi(ApiClient& client, RequestCause cause = RequestCause::User);
    // Every call made through this object is at most at `priority` and, unless a call names
    // another, carries `cause` (the outbox worker sends an automation's items at Background).
    ContactsApi(ApiClient& client, Priority priority, RequestCause cause);

    RequestCause cause() const { return m_cause; }
    void setCause(RequestCause cause) { m_cause = cause; }

    // Contacts
    Call<Contact> getContact(const QString& id, Priority priority = Priority::Foreground);
    Call<Contact> createContact(const Contact& contact);
    Call<UpdateResult> updateContact(
        const Contact& before, const Contact& after, bool replaceTags = false);
    Call<bool> deleteContact(const QString& id);
    Call<UpsertResult> upsertContact(const Contact& contact, bool createNewIfDuplicateAllowed);
    Call<ContactPage> search(const SearchQuery& query, Priority priority = Priority::Foreground);
    Call<ContactPage> listContacts(int limit, const QJsonObject& afterMeta = {},
        const QString& query = {}, Priority priority = Priority::Foreground);
    Call<std::optional<Contact>> findDuplicate(const QString& email, const QString& phone);
    Call<ContactPage> contactsOfBusiness(const QString& businessId, int skip, int limit);
    Call<BulkBusinessResult> setBusiness(
        const QStringList& contactIds, const std::optional<QString>& businessId);

    // Tasks
    Call<QList<Task>> tasks(const QString& contactId, Priority priority = Priority::Foreground);
    Call<Task> task(const QString& contactId, const QString& taskId);
    Call<Task> createTask(const Task& task);
    Call<Task> updateTask(const Task& before, const Task& after);
    Call<Task> completeTask(const QString& contactId, const QString& taskId, bool completed);
    Call<bool> deleteTask(const QString& contactId, const QString& taskId);

    // Notes
    Call<QList<Note>> notes(const QString& contactId, Priority priority = Priority::Foreground);
    Call<Note> note(const QString& contactId, const QString& noteId);
    Call<Note> createNote(const Note& note);
    Call<Note> updateNote(const Note& before, const Note& after);
    Call<bool> deleteNote(const QString& contactId, const QString& noteId);

    // Appointments
    // Times the API sends without a zone ("YYYY-MM-DD HH:mm:ss") are read in `wallClockZone`,
    // the contact's or the location's time zone.
    Call<QList<Appointment>> appointments(const QString& contactId,
        const QTimeZone& wallClockZone = QTimeZone::utc(),
        Priority priority = Priority::Foreground);

    // Tags, followers, campaigns, workflows
    Call<QStringList> addTags(const QString& contactId, const QStringList& tags);
    Call<QStringList> removeTags(const QString& contactId, const QStringList& tags);
    Call<BulkTagsResult> bulkTags(const QStringList& contactIds, const QStringList& tags,
        bool remove, bool removeAllTags = false);
    Call<FollowersResult> addFollowers(const QString& contactId, const QStringList& userIds);
    Call<FollowersResult> removeFollowers(const QString& contactId, const QStringList& userIds);
    Call<bool> addToCampaign(const QString& contactId, const QString& campaignId);
    Call<bool> removeFromCampaign(const QString& contactId, const QString& campaignId);
    Call<bool> removeFromAllCampaigns(const QString& contactId);
    Call<bool> addToWorkflow(
        const QString& contactId, const QString& workflowId, const QDateTime& eventStartTime = {});
    Call<bool> removeFromWorkflow(
        const QString& contactId, const QString& workflowId, const QDateTime& eventStartTime = {});

private:
    template <typename T>
    Call<T> call(const char* operationId, RequestSpec spec, typename Call<T>::Decoder decode) const;

    ApiClient& m_client;
    Priority m_priority = Priority::Foreground;
    RequestCause m_cause = RequestCause::User;
};

} // namespace ContactDesk::Api
