// The typed Contacts API against the sandbox on 127.0.0.1: every one of the 32 operations through
// ContactsApi, each request body checked against the official request schema (when
// ../shared/spec/ is there) and each answer decoded into the models with its values asserted,
// plus the error answers the typed layer must decode (not found, duplicate, validation).
#include "api/contactsapi.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "common/clock.h"
#include "common/ids.h"
#include "sandboxtesthelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

#include <memory>

using namespace ContactDesk;
using namespace ContactDesk::Api;
using namespace ContactDesk::Testing;

namespace {

using L = QLatin1StringView;

// Generous for a loaded CI machine; a lost answer fails the test instead of hanging it.
constexpr int answerTimeoutMs = 15000;

QString describe(const ApiError& error)
{
    return QStringLiteral("%1 (HTTP %2): %3")
        .arg(ApiError::kindName(error.kind()))
        .arg(error.httpStatus())
        .arg(error.messages().join(QStringLiteral("; ")));
}

#define VERIFY_OK(result) QVERIFY2((result).ok(), qPrintable(describe((result).error)))

#define COMPARE_KIND(actual, expected)                                                             \
    QCOMPARE(ApiError::kindName(actual), ApiError::kindName(expected))

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList keysOf(const QJsonObject& object)
{
    return sorted(object.keys());
}

QJsonObject bodyOf(const ApiExchange& exchange)
{
    return QJsonDocument::fromJson(exchange.requestBody).object();
}

QStringList idsOf(const QList<Contact>& contacts)
{
    QStringList ids;
    for (const Contact& contact : contacts)
        ids.append(contact.id);
    return ids;
}

QByteArray headerValue(const QList<QPair<QByteArray, QByteArray>>& headers, QByteArrayView name)
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QDateTime utc(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone::utc());
}

QDateTime wireTime(const QJsonValue& text)
{
    return QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
}

// Request schemas the official spec gets wrong, checked against the contract (§1.2) here and
// taken out of `body` before the schema check:
// - dateOfBirth of the contact DTOs is typed as an object, yet the spec lists string formats and
//   gives "1990-09-25" as the example: it is a nullable string;
// - field_value of a Numeric or Monetory custom-field input is typed as an object, with 100 and
//   100.5 as the examples: it is a number.
QString checkSpecErrata(const QString& operationId, QJsonObject* body)
{
    static const QStringList contactWrites {QStringLiteral("create-contact"),
        QStringLiteral("update-contact"), QStringLiteral("upsert-contact")};
    if (!contactWrites.contains(operationId))
        return {};
    if (body->contains(L("dateOfBirth"))) {
        const QJsonValue dateOfBirth = body->take(QStringLiteral("dateOfBirth"));
        if (!dateOfBirth.isNull()
            && !QDate::fromString(dateOfBirth.toString(), QStringLiteral("yyyy-MM-dd")).isValid())
            return QStringLiteral("%1: dateOfBirth is neither null nor YYYY-MM-DD")
                .arg(operationId);
    }
    if (body->contains(L("customFields"))) {
        QJsonArray inputs;
        for (const QJsonValue& input : body->value(L("customFields")).toArray()) {
            const QJsonObject item = input.toObject();
            if (!item.value(L("field_value")).isDouble()) {
                inputs.append(input);
                continue;
            }
            if (!item.value(L("id")).isString() && !item.value(L("key")).isString())
                return QStringLiteral("%1: a custom-field input names no field").arg(operationId);
        }
        body->insert(QStringLiteral("customFields"), inputs);
    }
    return {};
}

ApiConfig configFor(const SandboxFixture& fx)
{
    ApiConfig config;
    config.baseUrl = fx.baseUrl();
    config.locationId = fx.locationId();
    return config;
}

// The client as the app builds it: its own network manager, the private integration token, a
// rate budget on the system clock.
struct Client
{
    explicit Client(const SandboxFixture& fx)
        : tokens(fx.pit())
        , budget(clock)
        , api(nam, tokens, budget, clock, configFor(fx))
        , contacts(api)
    {
        // An http_proxy in the environment must not send loopback test traffic elsewhere.
        nam.setProxy(QNetworkProxy::NoProxy);
    }

    SystemClock clock;
    QNetworkAccessManager nam;
    StaticTokenProvider tokens;
    RateBudget budget;
    ApiClient api;
    ContactsApi contacts;
};

} // namespace

class TestContactsApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    // Contacts
    void getContact();
    void createContact();
    void createContactDuplicate();
    void updateContact();
    void updateContactReplacingTags();
    void updateContactSettings();
    void deleteContact();
    void upsertContact();
    void search();
    void listContacts();
    void findDuplicate();
    void contactsOfBusiness();
    void setBusiness();

    // Tasks
    void tasks();
    void createTask();
    void createTaskValidationError();
    void getTask();
    void updateTask();
    void completeTask();
    void deleteTask();

    // Notes
    void notes();
    void createNote();
    void getNote();
    void updateNote();
    void deleteNote();

    // Appointments
    void appointments();

    // Tags, followers, campaigns, workflows
    void addTags();
    void removeTags();
    void bulkTags();
    void followers();
    void campaigns();
    void workflows();

private:
    ContactsApi& api() { return m_client->contacts; }
    Sandbox::SandboxData& data() { return m_fx->data(); }

    // The answer of `call`, or a Timeout error when none came.
    template <typename T>
    Result<T> answer(const Call<T>& call)
    {
        auto result = std::make_shared<std::optional<Result<T>>>();
        call.then(this, [result](const Result<T>& r) { *result = r; });
        if (!QTest::qWaitFor([&result] { return result->has_value(); }, answerTimeoutMs)) {
            call.cancel();
            Result<T> timedOut;
            timedOut.error = ApiError(ApiError::Kind::Timeout, 0,
                {QStringLiteral("no answer within %1 ms").arg(answerTimeoutMs)});
            return timedOut;
        }
        return **result;
    }

    // The last request sent for `operationId`; an empty exchange when there was none.
    ApiExchange lastRequest(const QString& operationId) const
    {
        for (auto it = m_exchanges.crbegin(); it != m_exchanges.crend(); ++it) {
            if (it->operationId == operationId)
                return *it;
        }
        return {};
    }

    // Seeded live contacts of the main location in GET /contacts/ order.
    QStringList seededIds()
    {
        QStringList ids;
        for (const auto& entry : data().contactOrder(m_fx->locationId())) {
            if (data().liveContact(entry.second))
                ids.append(entry.second);
        }
        return ids;
    }

    QJsonObject stored(const QString& id)
    {
        const QJsonObject* contact = data().liveContact(id);
        return contact ? *contact : QJsonObject();
    }

    // A seeded contact with both an email and a phone.
    QString seededWithEmailAndPhone()
    {
        for (const QString& id : seededIds()) {
            const QJsonObject contact = stored(id);
            if (!contact.value(L("email")).toString().isEmpty()
                && !contact.value(L("phone")).toString().isEmpty())
                return id;
        }
        return {};
    }

    static Contact person(const QString& first, const QString& last, const QString& email)
    {
        Contact contact;
        contact.firstName = first;
        contact.lastName = last;
        contact.email = email;
        return contact;
    }

    Result<Contact> create(const Contact& contact) { return answer(api().createContact(contact)); }

    static Task sampleTask(const QString& contactId)
    {
        Task task;
        task.contactId = contactId;
        task.title = QStringLiteral("Call back about the quote");
        task.body = QStringLiteral("She asked for the annual plan price.");
        task.dueDate = utc(2026, 11, 5, 15, 30);
        return task;
    }

    static Note sampleNote(const QString& contactId, const QString& body)
    {
        Note note;
        note.contactId = contactId;
        note.body = body;
        return note;
    }

    void checkRequests();

    std::unique_ptr<SpecValidator> m_spec;
    std::unique_ptr<SandboxFixture> m_fx;
    std::unique_ptr<Client> m_client;
    QList<ApiExchange> m_exchanges;
    QSet<QString> m_answered; // operations that got a 2xx answer in some test
};

void TestContactsApi::initTestCase()
{
    m_spec = std::make_unique<SpecValidator>();
    if (!m_spec->available()) {
        qInfo("request bodies are not checked against the official spec: %s",
            qPrintable(m_spec->unavailableReason()));
    }
}

void TestContactsApi::init()
{
    m_fx = std::make_unique<SandboxFixture>(20);
    data().settings().rateLimitCount = 0;
    m_client = std::make_unique<Client>(*m_fx);
    m_exchanges.clear();
    connect(&m_client->api, &ApiClient::exchanged, this,
        [this](const ApiExchange& exchange) { m_exchanges.append(exchange); });
}

void TestContactsApi::cleanup()
{
    checkRequests();
    m_client.reset();
    m_fx.reset();
}

// Every request of the test: the Version header, and a body that is a JSON object conforming
// to the operation's request schema.
void TestContactsApi::checkRequests()
{
    for (const ApiExchange& exchange : std::as_const(m_exchanges)) {
        if (exchange.status >= 200 && exchange.status < 300)
            m_answered.insert(exchange.operationId);
    }
    for (const ApiExchange& exchange : std::as_const(m_exchanges)) {
        QCOMPARE(headerValue(exchange.requestHeaders, "Version"),
            QByteArray(apiVersion.data(), apiVersion.size()));
        if (exchange.requestBody.isEmpty())
            continue;
        QJsonParseError parseError {};
        const QJsonDocument document = QJsonDocument::fromJson(exchange.requestBody, &parseError);
        QVERIFY2(document.isObject(),
            qPrintable(exchange.operationId + QStringLiteral(": body is not a JSON object")));
        if (!m_spec->available())
            continue;
        QJsonObject body = document.object();
        const QString erratum = checkSpecErrata(exchange.operationId, &body);
        QVERIFY2(erratum.isEmpty(), qPrintable(erratum));
        const QString problem = m_spec->validateRequest(exchange.operationId, body);
        QVERIFY2(problem.isEmpty(),
            qPrintable(problem + QStringLiteral("\n    sent: ")
                + QString::fromUtf8(exchange.requestBody)));
    }
}

void TestContactsApi::cleanupTestCase()
{
    QStringList missing;
    for (const Endpoint& endpoint : endpoints()) {
        // The location lists' operations are tst_locationapi's.
        if (!QString(endpoint.path).startsWith(QStringLiteral("/contacts")))
            continue;
        if (!m_answered.contains(QString(endpoint.operationId)))
            missing.append(QString(endpoint.operationId));
    }
    QVERIFY2(missing.isEmpty(),
        qPrintable(QStringLiteral("operations never answered with success: ")
            + missing.join(QStringLiteral(", "))));
}

void TestContactsApi::getContact()
{
    const QString id = seededWithEmailAndPhone();
    QVERIFY(!id.isEmpty());
    const QJsonObject raw = stored(id);

    const Result<Contact> got = answer(api().getContact(id));
    VERIFY_OK(got);
    const Contact& contact = got.value;
    QCOMPARE(contact.id, id);
    QCOMPARE(contact.locationId, m_fx->locationId());
    QCOMPARE(contact.firstName, raw.value(L("firstName")).toString());
    QCOMPARE(contact.lastName, raw.value(L("lastName")).toString());
    QCOMPARE(contact.email, raw.value(L("email")).toString());
    QCOMPARE(contact.phone, raw.value(L("phone")).toString());
    QVERIFY(contact.phone.startsWith(u'+'));
    QCOMPARE(contact.tags, strings(raw.value(L("tags"))));
    QCOMPARE(contact.customFields.size(), raw.value(L("customFields")).toArray().size());
    QCOMPARE(contact.dateAdded, wireTime(raw.value(L("dateAdded"))));
    QCOMPARE(contact.dateAdded.timeSpec(), Qt::UTC);
    QCOMPARE(contact.dateUpdated, wireTime(raw.value(L("dateUpdated"))));
    // Nothing the server sent is lost on the way through the model.
    QCOMPARE(contact.toJson().value(L("emailLowerCase")), raw.value(L("emailLowerCase")));

    const ApiExchange request = lastRequest(QStringLiteral("get-contact"));
    QCOMPARE(request.method, QByteArray("GET"));
    QVERIFY(request.requestBody.isEmpty());
    QCOMPARE(request.url.path(), QStringLiteral("/contacts/") + id);
}

void TestContactsApi::createContact()
{
    const QList<QJsonObject>& definitions = data().customFieldDefinitions();
    const auto text = std::find_if(definitions.begin(), definitions.end(),
        [](const QJsonObject& d) { return d.value(L("dataType")).toString() == L("TEXT"); });
    QVERIFY(text != definitions.end());
    const QString fieldId = text->value(L("id")).toString();

    Contact contact = person(
        QStringLiteral("Ada"), QStringLiteral("Lovelace"), QStringLiteral("ada@example.com"));
    contact.phone = QStringLiteral("(415) 555-0132");
    contact.country = QStringLiteral("US");
    contact.city = QStringLiteral("San Francisco");
    contact.postalCode = QStringLiteral("94105");
    contact.source = QStringLiteral("ContactDesk");
    contact.dateOfBirth = QDate(1990, 9, 25);
    contact.tags = {QStringLiteral("vip"), QStringLiteral("newsletter")};
    contact.dndSettings[DndChannel::Sms]
        = DndStatus {QStringLiteral("active"), QStringLiteral("Asked not to be texted"), QString()};
    contact.customFields = {CustomFieldValue {fieldId, QString(), QStringLiteral("Conference")}};

    const Result<Contact> created = create(contact);
    VERIFY_OK(created);

    const ApiExchange request = lastRequest(QStringLiteral("create-contact"));
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.status, 201);
    const QJsonObject body = bodyOf(request);
    QCOMPARE(keysOf(body),
        sorted({QStringLiteral("locationId"), QStringLiteral("firstName"),
            QStringLiteral("lastName"), QStringLiteral("email"), QStringLiteral("phone"),
            QStringLiteral("country"), QStringLiteral("city"), QStringLiteral("postalCode"),
            QStringLiteral("source"), QStringLiteral("dateOfBirth"), QStringLiteral("tags"),
            QStringLiteral("dndSettings"), QStringLiteral("customFields")}));
    QCOMPARE(body.value(L("locationId")).toString(), m_fx->locationId());
    QCOMPARE(body.value(L("customFields")).toArray().first().toObject(),
        QJsonObject({{QStringLiteral("id"), fieldId},
            {QStringLiteral("field_value"), QStringLiteral("Conference")}}));

    const Contact& c = created.value;
    QVERIFY(isFirestoreId(c.id));
    QCOMPARE(c.locationId, m_fx->locationId());
    QCOMPARE(c.firstName, QStringLiteral("Ada"));
    QCOMPARE(c.lastName, QStringLiteral("Lovelace"));
    QCOMPARE(c.email, QStringLiteral("ada@example.com"));
    QCOMPARE(c.phone, QStringLiteral("+14155550132"));
    QCOMPARE(c.city, QStringLiteral("San Francisco"));
    QCOMPARE(c.dateOfBirth, QDate(1990, 9, 25));
    QCOMPARE(sorted(c.tags), sorted(contact.tags));
    QVERIFY(c.dndSettings[DndChannel::Sms].has_value());
    QCOMPARE(c.dndSettings[DndChannel::Sms]->status, QStringLiteral("active"));
    QCOMPARE(c.customFields.size(), 1);
    QCOMPARE(c.customFields.first().id, fieldId);
    QCOMPARE(c.customFields.first().value, QJsonValue(QStringLiteral("Conference")));
    QCOMPARE(c.dateAdded, m_fx->clock().nowUtc());
    QVERIFY(data().liveContact(c.id));
}

void TestContactsApi::createContactDuplicate()
{
    const QString existing = seededWithEmailAndPhone();
    QVERIFY(!existing.isEmpty());
    const QJsonObject raw = stored(existing);

    const Result<Contact> byEmail = create(
        person(QStringLiteral("Second"), QStringLiteral("Copy"), raw.value(L("email")).toString()));
    QVERIFY(!byEmail.ok());
    COMPARE_KIND(byEmail.error.kind(), ApiError::Kind::Duplicate);
    QCOMPARE(byEmail.error.httpStatus(), 400);
    QCOMPARE(byEmail.error.meta().value(L("matchingField")).toString(), QStringLiteral("email"));
    QCOMPARE(byEmail.error.meta().value(L("contactId")).toString(), existing);
    QVERIFY(byEmail.error.userText().contains(QStringLiteral("email")));

    Contact samePhone = person(
        QStringLiteral("Third"), QStringLiteral("Copy"), QStringLiteral("third@example.com"));
    samePhone.phone = raw.value(L("phone")).toString();
    const Result<Contact> byPhone = create(samePhone);
    COMPARE_KIND(byPhone.error.kind(), ApiError::Kind::Duplicate);
    QCOMPARE(byPhone.error.meta().value(L("matchingField")).toString(), QStringLiteral("phone"));
    QCOMPARE(byPhone.error.meta().value(L("contactId")).toString(), existing);
}

void TestContactsApi::updateContact()
{
    Contact fresh = person(
        QStringLiteral("Grace"), QStringLiteral("Hopper"), QStringLiteral("grace@example.com"));
    fresh.city = QStringLiteral("Arlington");
    fresh.tags = {QStringLiteral("navy")};
    const Result<Contact> created = create(fresh);
    VERIFY_OK(created);

    const Contact before = created.value;
    Contact after = before;
    after.firstName = QStringLiteral("Amazing Grace");
    after.city.clear();
    // Neither is sent: companyName is not in the update DTO, tags go through the tag endpoints.
    after.companyName = QStringLiteral("US Navy");
    after.tags.append(QStringLiteral("admiral"));

    const Result<UpdateResult> updated = answer(api().updateContact(before, after));
    VERIFY_OK(updated);

    const ApiExchange request = lastRequest(QStringLiteral("update-contact"));
    QCOMPARE(request.method, QByteArray("PUT"));
    QCOMPARE(request.url.path(), QStringLiteral("/contacts/") + before.id);
    const QJsonObject body = bodyOf(request);
    QCOMPARE(keysOf(body), sorted({QStringLiteral("firstName"), QStringLiteral("city")}));
    QCOMPARE(body.value(L("firstName")).toString(), QStringLiteral("Amazing Grace"));
    QVERIFY(body.value(L("city")).isNull()); // cleared, and the DTO takes null for it

    QVERIFY(updated.value.succeeded);
    const Contact& c = updated.value.contact;
    QCOMPARE(c.id, before.id);
    QCOMPARE(c.firstName, QStringLiteral("Amazing Grace"));
    QCOMPARE(c.lastName, QStringLiteral("Hopper"));
    QVERIFY(c.city.isEmpty());
    QCOMPARE(c.tags, before.tags);
    QVERIFY(c.companyName.isEmpty());
    QCOMPARE(c.dateUpdated, m_fx->clock().nowUtc());
}

void TestContactsApi::updateContactReplacingTags()
{
    Contact fresh = person(
        QStringLiteral("Alan"), QStringLiteral("Turing"), QStringLiteral("alan@example.com"));
    fresh.tags = {QStringLiteral("enigma"), QStringLiteral("bletchley")};
    const Result<Contact> created = create(fresh);
    VERIFY_OK(created);

    Contact after = created.value;
    after.tags = {QStringLiteral("manchester")};
    const Result<UpdateResult> updated
        = answer(api().updateContact(created.value, after, /*replaceTags=*/true));
    VERIFY_OK(updated);

    const QJsonObject body = bodyOf(lastRequest(QStringLiteral("update-contact")));
    QCOMPARE(keysOf(body), QStringList({QStringLiteral("tags")}));
    QCOMPARE(updated.value.contact.tags, QStringList({QStringLiteral("manchester")}));
    QCOMPARE(strings(stored(created.value.id).value(L("tags"))),
        QStringList({QStringLiteral("manchester")}));
}

// DND channels and custom fields: the PUT carries only the channels and fields that changed, a
// channel taken off DND as "inactive" and a removed field as a blank value.
void TestContactsApi::updateContactSettings()
{
    const auto fieldOfType = [this](QLatin1StringView type) {
        for (const QJsonObject& definition : std::as_const(data().customFieldDefinitions())) {
            if (definition.value(L("dataType")).toString() == type)
                return definition.value(L("id")).toString();
        }
        return QString();
    };
    const QString textField = fieldOfType(L("TEXT"));
    const QString numberField = fieldOfType(L("NUMERICAL"));
    QVERIFY(!textField.isEmpty() && !numberField.isEmpty());

    Contact fresh = person(
        QStringLiteral("Barbara"), QStringLiteral("Liskov"), QStringLiteral("bl@example.com"));
    fresh.dndSettings[DndChannel::Sms] = DndStatus {QStringLiteral("active"), {}, {}};
    fresh.customFields = {CustomFieldValue {textField, {}, QStringLiteral("Conference")},
        CustomFieldValue {numberField, {}, 42}};
    const Result<Contact> created = create(fresh);
    VERIFY_OK(created);
    QCOMPARE(created.value.customFields.size(), 2);

    Contact after = created.value;
    after.dndSettings[DndChannel::Sms].reset();
    after.dndSettings[DndChannel::Email] = DndStatus {QStringLiteral("active"), {}, {}};
    after.customFields.removeIf([&](const CustomFieldValue& v) { return v.id == numberField; });
    for (CustomFieldValue& value : after.customFields)
        value.value = QStringLiteral("Webinar");

    const Result<UpdateResult> updated = answer(api().updateContact(created.value, after));
    VERIFY_OK(updated);
    const QJsonObject body = bodyOf(lastRequest(QStringLiteral("update-contact")));
    QCOMPARE(keysOf(body), sorted({QStringLiteral("dndSettings"), QStringLiteral("customFields")}));
    QCOMPARE(body.value(L("dndSettings")).toObject(),
        QJsonObject({{QStringLiteral("SMS"),
                         QJsonObject({{QStringLiteral("status"), QStringLiteral("inactive")}})},
            {QStringLiteral("Email"),
                QJsonObject({{QStringLiteral("status"), QStringLiteral("active")}})}}));
    QCOMPARE(body.value(L("customFields")).toArray(),
        QJsonArray({QJsonObject({{QStringLiteral("id"), textField},
                        {QStringLiteral("field_value"), QStringLiteral("Webinar")}}),
            QJsonObject({{QStringLiteral("id"), numberField},
                {QStringLiteral("field_value"), QString()}})}));

    const Contact& c = updated.value.contact;
    QVERIFY(c.dndSettings[DndChannel::Email].has_value());
    QCOMPARE(c.dndSettings[DndChannel::Email]->status, QStringLiteral("active"));
    QVERIFY(
        !c.dndSettings[DndChannel::Sms] || c.dndSettings[DndChannel::Sms]->status != L("active"));
    QCOMPARE(c.customFields.size(), 1);
    QCOMPARE(c.customFields.first().id, textField);
    QCOMPARE(c.customFields.first().value, QJsonValue(QStringLiteral("Webinar")));
}

void TestContactsApi::deleteContact()
{
    const Result<Contact> created = create(person(
        QStringLiteral("Temp"), QStringLiteral("Orary"), QStringLiteral("temp@example.com")));
    VERIFY_OK(created);
    const QString id = created.value.id;

    const Result<bool> deleted = answer(api().deleteContact(id));
    VERIFY_OK(deleted);
    QVERIFY(deleted.value);
    QCOMPARE(lastRequest(QStringLiteral("delete-contact")).method, QByteArray("DELETE"));
    QVERIFY(data().deletedContacts().contains(id));
    QVERIFY(!data().liveContact(id));

    const Result<Contact> gone = answer(api().getContact(id));
    QVERIFY(!gone.ok());
    COMPARE_KIND(gone.error.kind(), ApiError::Kind::NotFound);
    QCOMPARE(gone.error.httpStatus(), 400);
    QVERIFY2(gone.error.messages().value(0).contains(id), qPrintable(describe(gone.error)));
    QVERIFY(!gone.error.traceId().isEmpty());
}

void TestContactsApi::upsertContact()
{
    Contact contact = person(
        QStringLiteral("Edsger"), QStringLiteral("Dijkstra"), QStringLiteral("ewd@example.com"));
    const Result<UpsertResult> first = answer(api().upsertContact(contact, false));
    VERIFY_OK(first);
    QVERIFY(first.value.created);
    QVERIFY(isFirestoreId(first.value.contact.id));
    QCOMPARE(first.value.contact.firstName, QStringLiteral("Edsger"));
    QVERIFY(!first.value.traceId.isEmpty());

    const QJsonObject body = bodyOf(lastRequest(QStringLiteral("upsert-contact")));
    QCOMPARE(keysOf(body),
        sorted({QStringLiteral("locationId"), QStringLiteral("firstName"),
            QStringLiteral("lastName"), QStringLiteral("email")}));

    contact.lastName = QStringLiteral("Dijkstra-Wybe");
    const Result<UpsertResult> second = answer(api().upsertContact(contact, false));
    VERIFY_OK(second);
    QVERIFY(!second.value.created);
    QCOMPARE(second.value.contact.id, first.value.contact.id);
    QCOMPARE(second.value.contact.lastName, QStringLiteral("Dijkstra-Wybe"));
    QCOMPARE(stored(first.value.contact.id).value(L("lastName")).toString(), contact.lastName);
}

void TestContactsApi::search()
{
    const QString id = seededWithEmailAndPhone();
    QVERIFY(!id.isEmpty());
    const QString email = stored(id).value(L("email")).toString();

    SearchQuery byEmail(m_fx->locationId(), 10);
    byEmail.addFilter(Filter::eq(QStringLiteral("email"), email));
    QVERIFY(byEmail.validate().isEmpty());
    const Result<ContactPage> found = answer(api().search(byEmail));
    VERIFY_OK(found);
    QCOMPARE(idsOf(found.value.contacts), QStringList({id}));
    QCOMPARE(found.value.total, 1);
    QCOMPARE(found.value.contacts.first().email, email);

    QJsonObject body = bodyOf(lastRequest(QStringLiteral("search-contacts-advanced")));
    QCOMPARE(body.value(L("locationId")).toString(), m_fx->locationId());
    QCOMPARE(body.value(L("pageLimit")).toInt(), 10);
    QCOMPARE(body.value(L("filters")).toArray().first().toObject(),
        QJsonObject({{QStringLiteral("field"), QStringLiteral("email")},
            {QStringLiteral("operator"), QStringLiteral("eq")}, {QStringLiteral("value"), email}}));

    // Three contacts with one tag, sorted by first name, paged one at a time by cursor.
    QStringList expected;
    for (const char* first : {"Zed", "Amy", "Mia"}) {
        Contact contact = person(QString::fromLatin1(first), QStringLiteral("Searchable"),
            QString::fromLatin1(first).toLower() + QStringLiteral("@search.example.com"));
        contact.tags = {QStringLiteral("search-me")};
        const Result<Contact> created = create(contact);
        VERIFY_OK(created);
        expected.append(created.value.id);
    }
    expected = {expected.at(1), expected.at(2), expected.at(0)}; // Amy, Mia, Zed

    SearchQuery byTag(m_fx->locationId(), 1);
    byTag.addFilter(Filter::eq(QStringLiteral("tags"), QStringLiteral("search-me")))
        .addSort(QStringLiteral("firstNameLowerCase"), SortDirection::Ascending);
    QStringList walked;
    for (int page = 0; page < 5; ++page) {
        const Result<ContactPage> result = answer(api().search(byTag));
        VERIFY_OK(result);
        QCOMPARE(result.value.total, 3);
        if (result.value.contacts.isEmpty())
            break;
        QCOMPARE(result.value.contacts.size(), 1);
        QVERIFY(!result.value.lastSearchAfter.isEmpty());
        walked.append(result.value.contacts.first().id);
        byTag.setSearchAfter(result.value.lastSearchAfter);
    }
    QCOMPARE(walked, expected);
    body = bodyOf(lastRequest(QStringLiteral("search-contacts-advanced")));
    QVERIFY(body.value(L("searchAfter")).isArray());
    QVERIFY(!body.contains(L("page")));
}

void TestContactsApi::listContacts()
{
    const QStringList all = seededIds();
    QCOMPARE(all.size(), 20);

    constexpr int limit = 7;
    QStringList walked;
    QJsonObject meta;
    int pages = 0;
    while (pages < 10) {
        const Result<ContactPage> page = answer(api().listContacts(limit, meta));
        VERIFY_OK(page);
        ++pages;
        QCOMPARE(page.value.total, 20);
        QVERIFY(page.value.contacts.size() <= limit);
        walked += idsOf(page.value.contacts);
        if (!page.value.contacts.isEmpty()) {
            const Contact& last = page.value.contacts.constLast();
            QCOMPARE(page.value.meta.value(L("startAfterId")).toString(), last.id);
            QCOMPARE(qint64(page.value.meta.value(L("startAfter")).toDouble()),
                last.dateAdded.toMSecsSinceEpoch());
        }
        if (page.value.contacts.size() < limit || page.value.meta.value(L("nextPageUrl")).isNull())
            break;
        meta = page.value.meta;
    }
    QCOMPARE(pages, 3);
    QCOMPARE(walked, all);

    const ApiExchange request = lastRequest(QStringLiteral("get-contacts"));
    QCOMPARE(request.url.path(), QStringLiteral("/contacts/"));
    const QUrlQuery query(request.url);
    QCOMPARE(query.queryItemValue(QStringLiteral("locationId")), m_fx->locationId());
    QCOMPARE(query.queryItemValue(QStringLiteral("limit")), QString::number(limit));
    QCOMPARE(query.queryItemValue(QStringLiteral("startAfterId")), all.at(2 * limit - 1));
    QVERIFY(!query.queryItemValue(QStringLiteral("startAfter")).isEmpty());

    // The free-text query narrows the listing.
    const QString id = seededWithEmailAndPhone();
    const QString email = stored(id).value(L("email")).toString();
    const Result<ContactPage> narrowed = answer(api().listContacts(20, {}, email));
    VERIFY_OK(narrowed);
    QCOMPARE(idsOf(narrowed.value.contacts), QStringList({id}));
    QCOMPARE(narrowed.value.total, 1);
}

void TestContactsApi::findDuplicate()
{
    const QString id = seededWithEmailAndPhone();
    QVERIFY(!id.isEmpty());
    const QJsonObject raw = stored(id);
    const QString email = raw.value(L("email")).toString();
    const QString phone = raw.value(L("phone")).toString();

    const Result<std::optional<Contact>> byEmail = answer(api().findDuplicate(email, {}));
    VERIFY_OK(byEmail);
    QVERIFY(byEmail.value.has_value());
    QCOMPARE(byEmail.value->id, id);
    QCOMPARE(byEmail.value->email, email);

    const Result<std::optional<Contact>> byPhone = answer(api().findDuplicate({}, phone));
    VERIFY_OK(byPhone);
    QVERIFY(byPhone.value.has_value());
    QCOMPARE(byPhone.value->id, id);
    QCOMPARE(byPhone.value->phone, phone);
    // The + of an E.164 number must reach the server as %2B, not as a space.
    const ApiExchange request = lastRequest(QStringLiteral("get-duplicate-contact"));
    QVERIFY2(request.url.toEncoded().contains("number=%2B"), request.url.toEncoded().constData());

    const Result<std::optional<Contact>> none
        = answer(api().findDuplicate(QStringLiteral("nobody@nowhere.example.com"), {}));
    VERIFY_OK(none);
    QVERIFY(!none.value.has_value());
}

void TestContactsApi::contactsOfBusiness()
{
    QStringList businessIds = data().businesses().keys();
    businessIds.sort();
    QVERIFY(!businessIds.isEmpty());

    // The business with the most seeded contacts.
    QString businessId;
    QStringList expected;
    for (const QString& candidate : std::as_const(businessIds)) {
        QStringList members;
        for (const QString& id : seededIds()) {
            if (stored(id).value(L("businessId")).toString() == candidate)
                members.append(id);
        }
        if (members.size() > expected.size() || businessId.isEmpty()) {
            businessId = candidate;
            expected = members;
        }
    }
    QVERIFY2(!expected.isEmpty(), "the seed gave no contact a business");

    const Result<ContactPage> page = answer(api().contactsOfBusiness(businessId, 0, 100));
    VERIFY_OK(page);
    QCOMPARE(sorted(idsOf(page.value.contacts)), sorted(expected));
    QCOMPARE(page.value.total, expected.size());
    for (const Contact& contact : page.value.contacts)
        QCOMPARE(contact.businessId, businessId);

    const ApiExchange request = lastRequest(QStringLiteral("get-contacts-by-businessId"));
    QCOMPARE(request.url.path(), QStringLiteral("/contacts/business/") + businessId);

    // skip/limit paging.
    const Result<ContactPage> rest = answer(api().contactsOfBusiness(businessId, 1, 100));
    VERIFY_OK(rest);
    QCOMPARE(rest.value.contacts.size(), expected.size() - 1);
}

void TestContactsApi::setBusiness()
{
    QStringList businessIds = data().businesses().keys();
    businessIds.sort();
    const QString businessId = businessIds.value(0);
    QVERIFY(!businessId.isEmpty());
    QStringList outsiders;
    for (const QString& id : seededIds()) {
        if (stored(id).value(L("businessId")).toString() != businessId && outsiders.size() < 2)
            outsiders.append(id);
    }
    QCOMPARE(outsiders.size(), 2);

    const Result<BulkBusinessResult> set = answer(api().setBusiness(outsiders, businessId));
    VERIFY_OK(set);
    QVERIFY(set.value.success);
    QCOMPARE(set.value.ids, outsiders);
    QJsonObject body = bodyOf(lastRequest(QStringLiteral("add-remove-contact-from-business")));
    QCOMPARE(body.value(L("businessId")).toString(), businessId);
    QCOMPARE(strings(body.value(L("ids"))), outsiders);
    for (const QString& id : std::as_const(outsiders))
        QCOMPARE(stored(id).value(L("businessId")).toString(), businessId);

    const Result<ContactPage> members = answer(api().contactsOfBusiness(businessId, 0, 100));
    VERIFY_OK(members);
    for (const QString& id : std::as_const(outsiders))
        QVERIFY(idsOf(members.value.contacts).contains(id));

    // null detaches.
    const Result<BulkBusinessResult> unset
        = answer(api().setBusiness({outsiders.first()}, std::nullopt));
    VERIFY_OK(unset);
    QVERIFY(unset.value.success);
    QCOMPARE(unset.value.ids, QStringList({outsiders.first()}));
    body = bodyOf(lastRequest(QStringLiteral("add-remove-contact-from-business")));
    QVERIFY(body.contains(L("businessId")));
    QVERIFY(body.value(L("businessId")).isNull());
    QVERIFY(!stored(outsiders.first()).contains(L("businessId")));

    const Result<Contact> detached = answer(api().getContact(outsiders.first()));
    VERIFY_OK(detached);
    QVERIFY(detached.value.businessId.isEmpty());
}

void TestContactsApi::tasks()
{
    QString contactId;
    for (const QString& id : seededIds()) {
        if (data().tasks().value(id).size() >= 2) {
            contactId = id;
            break;
        }
    }
    QVERIFY2(!contactId.isEmpty(), "the seed gave no contact two tasks");
    const QList<QJsonObject> raw = data().tasks().value(contactId);

    const Result<QList<Task>> listed = answer(api().tasks(contactId));
    VERIFY_OK(listed);
    QCOMPARE(listed.value.size(), raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const Task& task = listed.value.at(i);
        QCOMPARE(task.id, raw.at(i).value(L("id")).toString());
        QCOMPARE(task.contactId, contactId);
        QCOMPARE(task.title, raw.at(i).value(L("title")).toString());
        QCOMPARE(task.completed, raw.at(i).value(L("completed")).toBool());
        QCOMPARE(task.dueDate, wireTime(raw.at(i).value(L("dueDate"))));
        QVERIFY(task.dueDate.isValid());
    }

    const Result<QList<Task>> empty = answer(api().tasks(seededIds().constLast()));
    VERIFY_OK(empty);
    QCOMPARE(empty.value.size(), data().tasks().value(seededIds().constLast()).size());
}

void TestContactsApi::createTask()
{
    const QString contactId = seededIds().first();
    Task task = sampleTask(contactId);
    task.assignedTo = data().userIds().at(1);

    const Result<Task> created = answer(api().createTask(task));
    VERIFY_OK(created);

    const ApiExchange request = lastRequest(QStringLiteral("create-task"));
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.status, 201);
    QCOMPARE(request.url.path(), QStringLiteral("/contacts/%1/tasks").arg(contactId));
    const QJsonObject body = bodyOf(request);
    QCOMPARE(keysOf(body),
        sorted({QStringLiteral("title"), QStringLiteral("body"), QStringLiteral("dueDate"),
            QStringLiteral("completed"), QStringLiteral("assignedTo")}));
    QCOMPARE(body.value(L("dueDate")).toString(), QStringLiteral("2026-11-05T15:30:00.000Z"));
    QCOMPARE(body.value(L("completed")), QJsonValue(false));

    const Task& t = created.value;
    QVERIFY(isFirestoreId(t.id));
    QCOMPARE(t.contactId, contactId);
    QCOMPARE(t.title, task.title);
    QCOMPARE(t.body, task.body);
    QCOMPARE(t.assignedTo, task.assignedTo);
    QCOMPARE(t.dueDate, task.dueDate);
    QVERIFY(!t.completed);
    QCOMPARE(t.dateAdded, m_fx->clock().nowUtc());
    QCOMPARE(data().tasks().value(contactId).constLast().value(L("id")).toString(), t.id);
}

void TestContactsApi::createTaskValidationError()
{
    // Built by hand: the typed layer never sends a task without a title.
    const QString contactId = seededIds().first();
    const qsizetype tasksBefore = data().tasks().value(contactId).size();
    RequestSpec spec;
    spec.path.insert(QStringLiteral("contactId"), contactId);
    spec.body = QJsonObject {{QStringLiteral("body"), QStringLiteral("no title")},
        {QStringLiteral("dueDate"), QStringLiteral("2026-11-05T15:30:00.000Z")},
        {QStringLiteral("completed"), QStringLiteral("no")}};
    const Call<Task> call(m_client->api.call(QStringLiteral("create-task"), spec), Envelopes::task);
    const Result<Task> refused = answer(call);
    QVERIFY(!refused.ok());
    COMPARE_KIND(refused.error.kind(), ApiError::Kind::Validation);
    QCOMPARE(refused.error.httpStatus(), 422);
    QVERIFY(!refused.error.isTransient());

    const ApiExchange exchange = lastRequest(QStringLiteral("create-task"));
    QCOMPARE(exchange.status, 422);
    QCOMPARE(exchange.attempt, 1); // never retried
    const QJsonObject reply = QJsonDocument::fromJson(exchange.responseBody).object();
    const QStringList serverMessages = strings(reply.value(L("message")));
    QVERIFY(!serverMessages.isEmpty());
    QCOMPARE(refused.error.messages(), serverMessages);
    QVERIFY2(serverMessages.join(u' ').contains(QStringLiteral("title")),
        qPrintable(serverMessages.join(QStringLiteral("; "))));
    QCOMPARE(refused.error.traceId(), reply.value(L("traceId")).toString());
    QVERIFY(refused.error.userText().contains(serverMessages.first()));

    // The spec refuses the body too; it is taken out of the conformance check of cleanup().
    if (m_spec->available())
        QVERIFY(
            !m_spec->validateRequest(QStringLiteral("create-task"), bodyOf(exchange)).isEmpty());
    m_exchanges.removeIf([](const ApiExchange& e) { return e.status == 422; });
    QCOMPARE(data().tasks().value(contactId).size(), tasksBefore);
}

void TestContactsApi::getTask()
{
    const QString contactId = seededIds().first();
    const Result<Task> created = answer(api().createTask(sampleTask(contactId)));
    VERIFY_OK(created);

    const Result<Task> got = answer(api().task(contactId, created.value.id));
    VERIFY_OK(got);
    QCOMPARE(got.value, created.value);
    QCOMPARE(lastRequest(QStringLiteral("get-task")).url.path(),
        QStringLiteral("/contacts/%1/tasks/%2").arg(contactId, created.value.id));

    const Result<Task> missing
        = answer(api().task(contactId, QStringLiteral("NoSuchTask0000000000")));
    COMPARE_KIND(missing.error.kind(), ApiError::Kind::NotFound);
}

void TestContactsApi::updateTask()
{
    const QString contactId = seededIds().first();
    const Result<Task> created = answer(api().createTask(sampleTask(contactId)));
    VERIFY_OK(created);

    Task after = created.value;
    after.title = QStringLiteral("Call back tomorrow");
    after.dueDate = created.value.dueDate.addDays(1);
    const Result<Task> updated = answer(api().updateTask(created.value, after));
    VERIFY_OK(updated);

    const ApiExchange request = lastRequest(QStringLiteral("update-task"));
    QCOMPARE(request.method, QByteArray("PUT"));
    const QJsonObject body = bodyOf(request);
    QCOMPARE(keysOf(body), sorted({QStringLiteral("title"), QStringLiteral("dueDate")}));
    QCOMPARE(body.value(L("dueDate")).toString(), QStringLiteral("2026-11-06T15:30:00.000Z"));

    QCOMPARE(updated.value.id, created.value.id);
    QCOMPARE(updated.value.title, QStringLiteral("Call back tomorrow"));
    QCOMPARE(updated.value.dueDate, utc(2026, 11, 6, 15, 30));
    QCOMPARE(updated.value.body, created.value.body);
    QVERIFY(!updated.value.completed);
}

void TestContactsApi::completeTask()
{
    const QString contactId = seededIds().first();
    const Result<Task> created = answer(api().createTask(sampleTask(contactId)));
    VERIFY_OK(created);
    QVERIFY(!created.value.completed);

    const Result<Task> done = answer(api().completeTask(contactId, created.value.id, true));
    VERIFY_OK(done);
    QVERIFY(done.value.completed);
    QCOMPARE(done.value.id, created.value.id);
    QCOMPARE(done.value.title, created.value.title);
    const ApiExchange request = lastRequest(QStringLiteral("update-task-completed"));
    QCOMPARE(request.method, QByteArray("PUT"));
    QCOMPARE(request.url.path(),
        QStringLiteral("/contacts/%1/tasks/%2/completed").arg(contactId, created.value.id));
    QCOMPARE(bodyOf(request), QJsonObject({{QStringLiteral("completed"), true}}));
    QVERIFY(data().tasks().value(contactId).constLast().value(L("completed")).toBool());

    const Result<Task> reopened = answer(api().completeTask(contactId, created.value.id, false));
    VERIFY_OK(reopened);
    QVERIFY(!reopened.value.completed);
}

void TestContactsApi::deleteTask()
{
    const QString contactId = seededIds().first();
    const Result<Task> created = answer(api().createTask(sampleTask(contactId)));
    VERIFY_OK(created);

    const Result<bool> deleted = answer(api().deleteTask(contactId, created.value.id));
    VERIFY_OK(deleted);
    QVERIFY(deleted.value);
    QCOMPARE(lastRequest(QStringLiteral("delete-task")).method, QByteArray("DELETE"));

    const Result<QList<Task>> left = answer(api().tasks(contactId));
    VERIFY_OK(left);
    for (const Task& task : left.value)
        QVERIFY(task.id != created.value.id);
    const Result<Task> gone = answer(api().task(contactId, created.value.id));
    COMPARE_KIND(gone.error.kind(), ApiError::Kind::NotFound);
}

void TestContactsApi::notes()
{
    const Result<Contact> contact = create(
        person(QStringLiteral("Noted"), QStringLiteral("Person"), QStringLiteral("n@example.com")));
    VERIFY_OK(contact);
    const QString contactId = contact.value.id;

    QStringList written;
    for (int i = 0; i < 3; ++i) {
        m_fx->clock().advance(1000);
        const Result<Note> note
            = answer(api().createNote(sampleNote(contactId, QStringLiteral("Note %1").arg(i + 1))));
        VERIFY_OK(note);
        written.append(note.value.id);
    }

    const Result<QList<Note>> listed = answer(api().notes(contactId));
    VERIFY_OK(listed);
    QCOMPARE(listed.value.size(), 3);
    QStringList ids;
    for (const Note& note : listed.value) {
        ids.append(note.id);
        QCOMPARE(note.contactId, contactId);
    }
    QCOMPARE(ids, QStringList({written.at(2), written.at(1), written.at(0)}));
    QCOMPARE(listed.value.at(0).body, QStringLiteral("Note 3"));
    QVERIFY(listed.value.at(0).dateAdded > listed.value.at(1).dateAdded);
    QVERIFY(listed.value.at(1).dateAdded > listed.value.at(2).dateAdded);
    QCOMPARE(listed.value.at(0).dateAdded, m_fx->clock().nowUtc());
}

void TestContactsApi::createNote()
{
    const QString contactId = seededIds().first();
    Note note = sampleNote(contactId, QStringLiteral("Met at the trade fair."));
    note.title = QStringLiteral("Trade fair");
    note.color = QStringLiteral("#FFAA00");
    note.pinned = true;
    note.userId = data().userIds().at(1);

    const Result<Note> created = answer(api().createNote(note));
    VERIFY_OK(created);

    const ApiExchange request = lastRequest(QStringLiteral("create-note"));
    QCOMPARE(request.status, 201);
    QCOMPARE(keysOf(bodyOf(request)),
        sorted({QStringLiteral("body"), QStringLiteral("title"), QStringLiteral("color"),
            QStringLiteral("pinned"), QStringLiteral("userId")}));

    const Note& n = created.value;
    QVERIFY(isFirestoreId(n.id));
    QCOMPARE(n.contactId, contactId);
    QCOMPARE(n.body, note.body);
    QCOMPARE(n.title, note.title);
    QCOMPARE(n.color, note.color);
    QVERIFY(n.pinned);
    QCOMPARE(n.userId, note.userId);
    QCOMPARE(n.dateAdded, m_fx->clock().nowUtc());

    // Without a userId the note is the token's user's.
    const Result<Note> plain
        = answer(api().createNote(sampleNote(contactId, QStringLiteral("Plain."))));
    VERIFY_OK(plain);
    QCOMPARE(keysOf(bodyOf(lastRequest(QStringLiteral("create-note")))),
        QStringList({QStringLiteral("body")}));
    QCOMPARE(plain.value.userId, data().userId());
    QVERIFY(!plain.value.pinned);
}

void TestContactsApi::getNote()
{
    const QString contactId = seededIds().first();
    const Result<Note> created
        = answer(api().createNote(sampleNote(contactId, QStringLiteral("Get me."))));
    VERIFY_OK(created);

    const Result<Note> got = answer(api().note(contactId, created.value.id));
    VERIFY_OK(got);
    QCOMPARE(got.value, created.value);
    QCOMPARE(lastRequest(QStringLiteral("get-note")).url.path(),
        QStringLiteral("/contacts/%1/notes/%2").arg(contactId, created.value.id));

    const Result<Note> missing
        = answer(api().note(contactId, QStringLiteral("NoSuchNote0000000000")));
    COMPARE_KIND(missing.error.kind(), ApiError::Kind::NotFound);
}

void TestContactsApi::updateNote()
{
    const QString contactId = seededIds().first();
    Note note = sampleNote(contactId, QStringLiteral("First draft."));
    note.title = QStringLiteral("Draft");
    const Result<Note> created = answer(api().createNote(note));
    VERIFY_OK(created);

    Note after = created.value;
    after.body = QStringLiteral("Second draft.");
    const Result<Note> updated = answer(api().updateNote(created.value, after));
    VERIFY_OK(updated);
    QCOMPARE(bodyOf(lastRequest(QStringLiteral("update-note"))),
        QJsonObject({{QStringLiteral("body"), QStringLiteral("Second draft.")}}));
    QCOMPARE(updated.value.body, QStringLiteral("Second draft."));
    QCOMPARE(updated.value.title, QStringLiteral("Draft"));
    QCOMPARE(updated.value.id, created.value.id);

    Note pinned = updated.value;
    pinned.pinned = true;
    const Result<Note> repinned = answer(api().updateNote(updated.value, pinned));
    VERIFY_OK(repinned);
    QCOMPARE(bodyOf(lastRequest(QStringLiteral("update-note"))),
        QJsonObject({{QStringLiteral("pinned"), true}}));
    QVERIFY(repinned.value.pinned);
    QCOMPARE(repinned.value.body, QStringLiteral("Second draft."));
}

void TestContactsApi::deleteNote()
{
    const QString contactId = seededIds().first();
    const Result<Note> created
        = answer(api().createNote(sampleNote(contactId, QStringLiteral("Delete me."))));
    VERIFY_OK(created);

    const Result<bool> deleted = answer(api().deleteNote(contactId, created.value.id));
    VERIFY_OK(deleted);
    QVERIFY(deleted.value);
    QCOMPARE(lastRequest(QStringLiteral("delete-note")).method, QByteArray("DELETE"));

    const Result<Note> gone = answer(api().note(contactId, created.value.id));
    COMPARE_KIND(gone.error.kind(), ApiError::Kind::NotFound);
}

void TestContactsApi::appointments()
{
    int zoned = 0;
    int zoneless = 0;
    int contactsWith = 0;
    const QRegularExpression spaced(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$"));
    for (const QString& contactId : seededIds()) {
        const QList<QJsonObject> raw = data().appointments().value(contactId);
        // Zone-less times are the contact's wall clock.
        const QTimeZone zone(
            data().contacts().value(contactId).value(L("timezone")).toString().toUtf8());
        const Result<QList<Appointment>> listed
            = answer(api().appointments(contactId, zone.isValid() ? zone : QTimeZone::utc()));
        VERIFY_OK(listed);
        QCOMPARE(listed.value.size(), raw.size());
        if (!raw.isEmpty())
            ++contactsWith;
        for (qsizetype i = 0; i < raw.size(); ++i) {
            const Appointment& a = listed.value.at(i);
            const QJsonObject& r = raw.at(i);
            QCOMPARE(a.id, r.value(L("id")).toString());
            QCOMPARE(a.contactId, contactId);
            QCOMPARE(a.calendarId, r.value(L("calendarId")).toString());
            QCOMPARE(a.status, r.value(L("status")).toString());
            QCOMPARE(a.appointmentStatus, r.value(L("appointmentStatus")).toString());
            QCOMPARE(a.title, r.value(L("title")).toString());
            QCOMPARE(a.users, strings(r.value(L("users"))));
            QVERIFY(a.startTime.isValid());
            QVERIFY(a.endTime.isValid());
            QVERIFY2(a.startTime < a.endTime, qPrintable(a.id));
            const QString start = r.value(L("startTime")).toString();
            if (spaced.match(start).hasMatch()) {
                ++zoneless;
                // The wall-clock time as written.
                QCOMPARE(a.startTime.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), start);
                const QDateTime wall(QDate::fromString(start.left(10), Qt::ISODate),
                    QTime::fromString(start.mid(11), QStringLiteral("HH:mm:ss")),
                    zone.isValid() ? zone : QTimeZone::utc());
                if (wall.isValid()) // not inside a daylight-saving gap
                    QCOMPARE(a.startTime.toUTC(), wall.toUTC());
            } else {
                ++zoned;
                QCOMPARE(a.startTime, wireTime(start));
                QCOMPARE(a.endTime, wireTime(r.value(L("endTime"))));
            }
        }
    }
    QVERIFY(contactsWith > 0);
    QVERIFY2(zoned > 0 && zoneless > 0, "the seed should write both time spellings");
}

void TestContactsApi::addTags()
{
    Contact fresh = person(
        QStringLiteral("Tagged"), QStringLiteral("One"), QStringLiteral("tagged@example.com"));
    fresh.tags = {QStringLiteral("vip")};
    const Result<Contact> created = create(fresh);
    VERIFY_OK(created);
    const QString id = created.value.id;

    const Result<QStringList> added
        = answer(api().addTags(id, {QStringLiteral("Lead"), QStringLiteral("VIP")}));
    VERIFY_OK(added);
    // Tags match without case: VIP is the vip already there.
    QCOMPARE(added.value, QStringList({QStringLiteral("vip"), QStringLiteral("Lead")}));
    const ApiExchange request = lastRequest(QStringLiteral("add-tags"));
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.status, 201);
    QCOMPARE(bodyOf(request),
        QJsonObject({{QStringLiteral("tags"),
            QJsonArray({QStringLiteral("Lead"), QStringLiteral("VIP")})}}));
    QCOMPARE(strings(stored(id).value(L("tags"))), added.value);
}

void TestContactsApi::removeTags()
{
    Contact fresh = person(
        QStringLiteral("Tagged"), QStringLiteral("Two"), QStringLiteral("tagged2@example.com"));
    fresh.tags = {QStringLiteral("vip"), QStringLiteral("Lead"), QStringLiteral("cold")};
    const Result<Contact> created = create(fresh);
    VERIFY_OK(created);
    const QString id = created.value.id;

    const Result<QStringList> removed
        = answer(api().removeTags(id, {QStringLiteral("LEAD"), QStringLiteral("absent")}));
    VERIFY_OK(removed);
    QCOMPARE(removed.value, QStringList({QStringLiteral("vip"), QStringLiteral("cold")}));
    const ApiExchange request = lastRequest(QStringLiteral("remove-tags"));
    QCOMPARE(request.method, QByteArray("DELETE"));
    QCOMPARE(strings(bodyOf(request).value(L("tags"))),
        QStringList({QStringLiteral("LEAD"), QStringLiteral("absent")}));
    QCOMPARE(strings(stored(id).value(L("tags"))), removed.value);
}

void TestContactsApi::bulkTags()
{
    const QStringList ids = seededIds();
    const QString a = ids.at(0);
    const QString b = ids.at(1);
    const QString invalid = QStringLiteral("not-a-firebase-id");
    const QStringList oldA = strings(stored(a).value(L("tags")));
    const QString tag = QStringLiteral("bulk-campaign");
    QVERIFY(!oldA.contains(tag));

    const Result<BulkTagsResult> added = answer(api().bulkTags({a, b, invalid}, {tag}, false));
    VERIFY_OK(added);
    const ApiExchange request = lastRequest(QStringLiteral("create-association"));
    QCOMPARE(request.url.path(), QStringLiteral("/contacts/bulk/tags/update/add"));
    QCOMPARE(keysOf(bodyOf(request)),
        sorted({QStringLiteral("contacts"), QStringLiteral("tags"), QStringLiteral("locationId")}));

    QVERIFY(added.value.succeeded);
    QCOMPARE(added.value.errorCount, 1);
    QCOMPARE(added.value.responses.size(), 3);
    const BulkTagsItem& first = added.value.responses.at(0);
    QCOMPARE(first.contactId, a);
    QVERIFY(first.succeeded());
    QCOMPARE(first.oldTags, oldA);
    QCOMPARE(first.tagsAdded, QStringList({tag}));
    QVERIFY(first.tagsRemoved.isEmpty());
    QVERIFY(added.value.responses.at(1).succeeded());
    const BulkTagsItem& bad = added.value.responses.at(2);
    QCOMPARE(bad.contactId, invalid);
    QVERIFY(!bad.succeeded());
    QCOMPARE(bad.type, QStringLiteral("error"));
    QCOMPARE(bad.message, QStringLiteral("contact id is not a valid firebase id"));
    QVERIFY(strings(stored(a).value(L("tags"))).contains(tag));

    const Result<BulkTagsResult> removed = answer(api().bulkTags({a}, {tag}, true));
    VERIFY_OK(removed);
    QCOMPARE(lastRequest(QStringLiteral("create-association")).url.path(),
        QStringLiteral("/contacts/bulk/tags/update/remove"));
    QCOMPARE(removed.value.errorCount, 0);
    QCOMPARE(removed.value.responses.at(0).tagsRemoved, QStringList({tag}));
    QCOMPARE(strings(stored(a).value(L("tags"))), oldA);

    const Result<BulkTagsResult> cleared = answer(api().bulkTags({b}, {}, true, true));
    VERIFY_OK(cleared);
    QCOMPARE(bodyOf(lastRequest(QStringLiteral("create-association"))).value(L("removeAllTags")),
        QJsonValue(true));
    QVERIFY(cleared.value.responses.at(0).tagsRemoved.contains(tag));
    QVERIFY(strings(stored(b).value(L("tags"))).isEmpty());
}

void TestContactsApi::followers()
{
    const Result<Contact> created = create(person(
        QStringLiteral("Followed"), QStringLiteral("Person"), QStringLiteral("f@example.com")));
    VERIFY_OK(created);
    const QString id = created.value.id;
    const QStringList users = data().userIds().mid(0, 3);
    QCOMPARE(users.size(), 3);

    const Result<FollowersResult> first = answer(api().addFollowers(id, {users[0], users[1]}));
    VERIFY_OK(first);
    QCOMPARE(first.value.followers, QStringList({users[0], users[1]}));
    QCOMPARE(first.value.added, QStringList({users[0], users[1]}));
    QCOMPARE(bodyOf(lastRequest(QStringLiteral("add-followers-contact"))),
        QJsonObject({{QStringLiteral("followers"), QJsonArray({users[0], users[1]})}}));

    const Result<FollowersResult> second = answer(api().addFollowers(id, {users[1], users[2]}));
    VERIFY_OK(second);
    QCOMPARE(second.value.added, QStringList({users[2]}));
    QCOMPARE(second.value.followers, users);

    const Result<Contact> following = answer(api().getContact(id));
    VERIFY_OK(following);
    QCOMPARE(following.value.followers, users);

    const Result<FollowersResult> removed = answer(api().removeFollowers(id, {users[0]}));
    VERIFY_OK(removed);
    QCOMPARE(lastRequest(QStringLiteral("remove-followers-contact")).method, QByteArray("DELETE"));
    QCOMPARE(removed.value.removed, QStringList({users[0]}));
    QCOMPARE(removed.value.followers, QStringList({users[1], users[2]}));
    QVERIFY(removed.value.added.isEmpty());
    QCOMPARE(data().followers().value(id), QStringList({users[1], users[2]}));
}

void TestContactsApi::campaigns()
{
    const QString contactId = seededIds().first();
    const QString welcome = data().newId();
    const QString winback = data().newId();

    for (const QString& campaign : {welcome, winback}) {
        const Result<bool> added = answer(api().addToCampaign(contactId, campaign));
        VERIFY_OK(added);
        QVERIFY(added.value);
    }
    const ApiExchange request = lastRequest(QStringLiteral("add-contact-to-campaign"));
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.status, 201);
    QCOMPARE(
        request.url.path(), QStringLiteral("/contacts/%1/campaigns/%2").arg(contactId, winback));
    QCOMPARE(request.requestBody, QByteArray("{}"));
    QCOMPARE(data().campaigns().value(contactId), QSet<QString>({welcome, winback}));

    const Result<bool> removed = answer(api().removeFromCampaign(contactId, welcome));
    VERIFY_OK(removed);
    QVERIFY(removed.value);
    QCOMPARE(
        lastRequest(QStringLiteral("remove-contact-from-campaign")).method, QByteArray("DELETE"));
    QCOMPARE(data().campaigns().value(contactId), QSet<QString>({winback}));

    const Result<bool> all = answer(api().removeFromAllCampaigns(contactId));
    VERIFY_OK(all);
    QVERIFY(all.value);
    QCOMPARE(lastRequest(QStringLiteral("remove-contact-from-every-campaign")).url.path(),
        QStringLiteral("/contacts/%1/campaigns/removeAll").arg(contactId));
    QVERIFY(data().campaigns().value(contactId).isEmpty());
}

void TestContactsApi::workflows()
{
    const QString contactId = seededIds().first();
    const QString onboarding = data().newId();
    const QString nurture = data().newId();
    const QString reminder = data().newId();
    const QRegularExpression withOffset(QStringLiteral("(Z|[+-]\\d\\d:\\d\\d)$"));

    // An explicit offset, a machine-local time and no time at all.
    const QDateTime inIndia
        = QDateTime(QDate(2026, 11, 20), QTime(9, 30), QTimeZone(5 * 3600 + 30 * 60));
    const QDateTime local = QDateTime(QDate(2026, 11, 21), QTime(8, 15), Qt::LocalTime);
    const struct
    {
        QString workflowId;
        QDateTime start;
    } cases[] = {{onboarding, inIndia}, {nurture, local}, {reminder, QDateTime()}};

    for (const auto& c : cases) {
        const Result<bool> added = answer(api().addToWorkflow(contactId, c.workflowId, c.start));
        VERIFY_OK(added);
        QVERIFY(added.value);
        const ApiExchange request = lastRequest(QStringLiteral("add-contact-to-workflow"));
        QCOMPARE(request.url.path(),
            QStringLiteral("/contacts/%1/workflow/%2").arg(contactId, c.workflowId));
        const QJsonObject body = bodyOf(request);
        const QString storedStart = data().workflows().value(contactId).value(c.workflowId);
        if (!c.start.isValid()) {
            QVERIFY(body.isEmpty());
            QCOMPARE(storedStart, isoUtc(m_fx->clock().nowMs()));
            continue;
        }
        const QString sent = body.value(L("eventStartTime")).toString();
        // Without an offset the server cannot know which 08:15 was meant.
        QVERIFY2(withOffset.match(sent).hasMatch(), qPrintable(sent));
        QCOMPARE(wireTime(sent), c.start);
        QCOMPARE(storedStart, sent);
    }
    QCOMPARE(bodyOf(lastRequest(QStringLiteral("add-contact-to-workflow"))), QJsonObject());
    QCOMPARE(data().workflows().value(contactId).size(), 3);

    const Result<bool> removed = answer(api().removeFromWorkflow(contactId, onboarding, inIndia));
    VERIFY_OK(removed);
    QVERIFY(removed.value);
    const ApiExchange request = lastRequest(QStringLiteral("delete-contact-from-workflow"));
    QCOMPARE(request.method, QByteArray("DELETE"));
    QVERIFY(bodyOf(request).contains(L("eventStartTime")));
    QVERIFY(!data().workflows().value(contactId).contains(onboarding));
    QCOMPARE(data().workflows().value(contactId).size(), 2);
}

QTEST_GUILESS_MAIN(TestContactsApi)
#include "tst_contactsapi.moc"
