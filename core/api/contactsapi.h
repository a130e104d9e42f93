#pragma once

#include "api/apiclient.h"
#include "api/models/envelopes.h"
#include "api/models/searchquery.h"

#include <functional>

namespace ContactDesk::Api {

// A typed outcome: `value` is meaningful when ok().
template <typename T>
struct Result
{
    T value {};
    ApiError error;
    bool ok() const { return !error.isError(); }
};

// A request on its way, with the decoder for its answer. The answer reaches one callback; an
// answer that does not decode becomes an IncorrectResponse error.
template <typename T>
class Call
{
public:
    using Decoder = std::function<std::optional<T>(const QJsonObject&, QString*)>;

    Call(ApiJob* job, Decoder decode)
        : m_job(job)
        , m_decode(std::move(decode))
    { }

    ApiJob* job() const { return m_job; }
    void cancel() const { m_job->cancel(); }

    template <typename Callback>
    void then(QObject* context, Callback callback) const
    {
        m_job->onFinished(
            context, [decode = m_decode, callback = std::move(callback)](ApiJob& job) {
                Result<T> result;
                result.error = job.error();
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
};

// Every Contacts v2 operation with typed requests and answers, on one ApiClient. Bodies are
// built from the models (allow-listed by the catalog); updates carry only changed fields.
class ContactsApi
{
public:
    explicit ContactsApi(ApiClient& client);

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
};

} // namespace ContactDesk::Api
