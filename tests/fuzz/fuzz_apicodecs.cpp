// libFuzzer target: random response bodies through the API client's codecs. Every input goes
// through parseResponse() and, when it is a JSON object, through every envelope decoder and
// every model decoder, the location lists' too. Beyond "no crash, no UB", what decodes must survive
// a toJson() round trip unchanged, and request bodies built from it must stay inside their
// operation's allow-list. Built by the asan preset (CONTACTDESK_FUZZ); run e.g.
// `build/asan/tests/fuzz/fuzz_apicodecs -max_total_time=60`.
#include "api/endpointcatalog.h"
#include "api/models/envelopes.h"
#include "api/models/locationenvelopes.h"
#include "api/models/wiretime.h"

#include <QJsonObject>
#include <QTimeZone>

#include <cstddef>
#include <cstdint>

using namespace ContactDesk::Api;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

void checkAllowed(const QJsonObject& body, const char* operationId)
{
    const Endpoint* endpoint = findEndpoint(QString::fromLatin1(operationId));
    check(endpoint != nullptr);
    for (auto it = body.begin(); it != body.end(); ++it)
        check(endpoint->field(it.key()) != nullptr);
}

template <typename T>
void checkRoundTrip(const T& model)
{
    QString error;
    const auto again = T::fromJson(model.toJson(), &error);
    check(again.has_value());
    check(*again == model);
}

void checkContact(const Contact& contact)
{
    checkRoundTrip(contact);
    checkAllowed(contact.createBody(QStringLiteral("L")), "create-contact");
    checkAllowed(contact.upsertBody(QStringLiteral("L"), true), "upsert-contact");
    const Contact empty;
    checkAllowed(Contact::updateBody(empty, contact, true), "update-contact");
    checkAllowed(Contact::updateBody(contact, empty, true), "update-contact");
    check(Contact::updateBody(contact, contact, true).isEmpty());
    check(Contact::tagChange(contact, contact).isEmpty());
}

void checkTask(const Task& task)
{
    checkRoundTrip(task);
    checkAllowed(task.createBody(), "create-task");
    checkAllowed(Task::updateBody(Task(), task), "update-task");
    check(Task::updateBody(task, task).isEmpty());
}

void checkNote(const Note& note)
{
    checkRoundTrip(note);
    checkAllowed(note.createBody(), "create-note");
    checkAllowed(Note::updateBody(Note(), note), "update-note");
    check(Note::updateBody(note, note).isEmpty());
}

template <typename T>
void checkEach(const std::optional<QList<T>>& list)
{
    if (list) {
        for (const T& item : *list)
            checkRoundTrip(item);
    }
}

// The location lists' envelopes (custom fields, tags, users, calendars).
void decodeLocationLists(const QJsonObject& body)
{
    QString error;
    if (const auto fields = LocationEnvelopes::customFields(body, &error)) {
        for (qsizetype i = 1; i < fields->size(); ++i)
            check(fields->at(i - 1).position <= fields->at(i).position);
        checkEach(fields);
    }
    if (const auto field = LocationEnvelopes::customField(body, &error))
        checkRoundTrip(*field);
    checkEach(LocationEnvelopes::tags(body, &error));
    if (const auto tag = LocationEnvelopes::tag(body, &error))
        checkRoundTrip(*tag);
    if (const auto page = LocationEnvelopes::userPage(body, &error)) {
        check(page->count >= -1);
        for (const User& user : page->users)
            checkRoundTrip(user);
    }
    checkEach(LocationEnvelopes::users(body, &error));
    if (const auto user = LocationEnvelopes::user(body, &error))
        checkRoundTrip(*user);
    checkEach(LocationEnvelopes::calendars(body, &error));
    if (const auto calendar = LocationEnvelopes::calendar(body, &error))
        checkRoundTrip(*calendar);
}

void decodeAll(const QJsonObject& body)
{
    decodeLocationLists(body);
    QString error;
    if (const auto c = Envelopes::contact(body, &error))
        checkContact(*c);
    if (const auto u = Envelopes::updatedContact(body, &error))
        checkContact(u->contact);
    if (const auto u = Envelopes::upsert(body, &error))
        checkContact(u->contact);
    if (const auto page = Envelopes::contactPage(body, &error)) {
        check(page->total >= -1);
        for (const Contact& c : page->contacts)
            checkContact(c);
    }
    if (const auto d = Envelopes::duplicate(body, &error); d && d->has_value())
        checkContact(**d);
    if (const auto t = Envelopes::task(body, &error))
        checkTask(*t);
    if (const auto list = Envelopes::tasks(body, &error)) {
        for (const Task& t : *list)
            checkTask(t);
    }
    if (const auto n = Envelopes::note(body, &error))
        checkNote(*n);
    if (const auto list = Envelopes::notes(body, &error)) {
        for (const Note& n : *list)
            checkNote(n);
    }
    if (const auto list = Envelopes::events(body, &error, QTimeZone(-4 * 3600))) {
        for (const Appointment& a : *list) {
            // Written back with offsets, the times read the same in any zone.
            const auto again = Appointment::fromJson(a.toJson(), &error);
            check(again.has_value() && *again == a);
        }
    }
    Envelopes::tags(body, &error);
    Envelopes::followers(body, &error);
    Envelopes::succeeded(body, &error);
    if (const auto bulk = Envelopes::bulkTags(body, &error))
        check(bulk->errorCount >= 0);
    Envelopes::bulkBusiness(body, &error);

    // The object itself as each model.
    if (const auto c = Contact::fromJson(body, &error))
        checkContact(*c);
    if (const auto t = Task::fromJson(body, &error))
        checkTask(*t);
    if (const auto n = Note::fromJson(body, &error))
        checkNote(*n);
    if (const auto a = Appointment::fromJson(body, &error)) {
        const auto again = Appointment::fromJson(a->toJson(), &error);
        check(again.has_value() && *again == *a);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));

    // Short inputs double as timestamp and date texts.
    if (size <= 64) {
        const QString text = QString::fromUtf8(input);
        if (const auto time = parseWireTime(text, QTimeZone::utc())) {
            const auto again = parseWireTime(formatOffsetTime(time->time), QTimeZone(3600));
            check(again.has_value() && again->time == time->time);
        }
        if (const auto date = parseWireDate(text))
            check(parseWireDate(formatWireDate(*date)) == date);
    }

    QString error;
    const auto body = Envelopes::parseResponse(input, &error);
    check(body.has_value() || !error.isEmpty());
    if (body)
        decodeAll(*body);
    return 0;
}
