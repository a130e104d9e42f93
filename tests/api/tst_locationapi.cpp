// LocationApi against the sandbox: every location-list operation from the catalog, round trips
// that the sandbox then holds, paging of search-users, the Calendars API's own version, and a
// connection without a list's scope.
#include "sandboxfixture.h"

#include "api/apiclient.h"
#include "api/locationapi.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "common/clock.h"
#include "sandbox/sandboxdirectory.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace ContactDesk;
using namespace ContactDesk::Api;
using namespace ContactDesk::Testing;

namespace {

constexpr int answerTimeoutMs = 20000;

QByteArray headerValue(const QList<QPair<QByteArray, QByteArray>>& headers, const char* name)
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QStringList namesOf(const QList<CustomFieldDefinition>& fields)
{
    QStringList names;
    for (const CustomFieldDefinition& field : fields)
        names.append(field.name);
    return names;
}

} // namespace

class TestLocationApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void customFieldsComeInTheLocationsOrder();
    void customFieldRoundTrip();
    void tagsRoundTrip();
    void usersAreReadPageByPage();
    void oneUserAndTheLocationsUsers();
    void calendarsUseTheCalendarsVersion();
    void missingScopeIsNamed();
    void unknownIdIsNotFound();

private:
    void connectWith(const QString& token);
    template <typename T>
    Result<T> answer(const Call<T>& call)
    {
        auto result = std::make_shared<std::optional<Result<T>>>();
        call.then(this, [result](const Result<T>& r) { *result = r; });
        if (!QTest::qWaitFor([&result] { return result->has_value(); }, answerTimeoutMs)) {
            call.cancel();
            Result<T> timedOut;
            timedOut.error = ApiError(ApiError::Kind::Timeout, 0, {QStringLiteral("no answer")});
            return timedOut;
        }
        return **result;
    }
    QList<ApiExchange> sent(const QString& operationId) const
    {
        QList<ApiExchange> matching;
        for (const ApiExchange& exchange : m_exchanges) {
            if (exchange.operationId == operationId)
                matching.append(exchange);
        }
        return matching;
    }

    std::unique_ptr<SandboxFixture> m_fx;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<SystemClock> m_clock;
    std::unique_ptr<StaticTokenProvider> m_tokens;
    std::unique_ptr<RateBudget> m_budget;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<LocationApi> m_api;
    QList<ApiExchange> m_exchanges;
};

#define VERIFY_OK(result) QVERIFY2(!(result).error.isError(), qPrintable((result).error.userText()))

void TestLocationApi::init()
{
    m_fx = std::make_unique<SandboxFixture>(10);
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy::NoProxy);
    m_clock = std::make_unique<SystemClock>();
    m_budget = std::make_unique<RateBudget>(*m_clock);
    connectWith(m_fx->pit());
}

void TestLocationApi::connectWith(const QString& token)
{
    m_api.reset();
    m_client.reset();
    m_tokens = std::make_unique<StaticTokenProvider>(token);
    ApiConfig config;
    config.baseUrl = m_fx->baseUrl();
    config.locationId = m_fx->locationId();
    config.companyId = m_fx->data().mainLocation().companyId;
    m_client = std::make_unique<ApiClient>(*m_nam, *m_tokens, *m_budget, *m_clock, config);
    m_api = std::make_unique<LocationApi>(*m_client);
    m_exchanges.clear();
    connect(m_client.get(), &ApiClient::exchanged, this,
        [this](const ApiExchange& e) { m_exchanges.append(e); });
}

void TestLocationApi::cleanup()
{
    m_api.reset();
    m_client.reset();
    m_tokens.reset();
    m_budget.reset();
    m_clock.reset();
    m_nam.reset();
    m_fx.reset();
}

void TestLocationApi::customFieldsComeInTheLocationsOrder()
{
    const Result<QList<CustomFieldDefinition>> contact = answer(m_api->customFields());
    VERIFY_OK(contact);
    QStringList expected;
    for (const QJsonObject& field :
        Sandbox::Directory::customFieldsOf(m_fx->data(), m_fx->locationId())) {
        if (field.value(QStringLiteral("model")).toString() == u"contact")
            expected.append(field.value(QStringLiteral("name")).toString());
    }
    QCOMPARE(namesOf(contact.value), expected);
    const CustomFieldDefinition& level = contact.value.first();
    QCOMPARE(level.name, QStringLiteral("Membership level"));
    QCOMPARE(level.fieldKey, QStringLiteral("contact.membership_level"));
    QCOMPARE(level.dataType, QStringLiteral("SINGLE_OPTIONS"));
    QCOMPARE(level.picklistOptions,
        QStringList({QStringLiteral("Bronze"), QStringLiteral("Silver"), QStringLiteral("Gold"),
            QStringLiteral("Platinum")}));
    const ApiExchange request = sent(QStringLiteral("get-custom-fields")).last();
    QCOMPARE(
        request.url.path(), QStringLiteral("/locations/%1/customFields").arg(m_fx->locationId()));
    QCOMPARE(
        QUrlQuery(request.url).queryItemValue(QStringLiteral("model")), QStringLiteral("contact"));
    QCOMPARE(headerValue(request.requestHeaders, "Version"), QByteArray("2021-07-28"));

    const Result<QList<CustomFieldDefinition>> all
        = answer(m_api->customFields(QStringLiteral("all")));
    VERIFY_OK(all);
    QCOMPARE(all.value.size(), contact.value.size() + 2);
}

void TestLocationApi::customFieldRoundTrip()
{
    CustomFieldDefinition field;
    field.name = QStringLiteral("Favourite treatment");
    field.dataType = QStringLiteral("MULTIPLE_OPTIONS");
    field.model = QStringLiteral("contact");
    field.placeholder = QStringLiteral("Pick any");
    field.picklistOptions = {QStringLiteral("Cleaning"), QStringLiteral("Whitening")};
    const Result<CustomFieldDefinition> created = answer(m_api->createCustomField(field));
    VERIFY_OK(created);
    QVERIFY(!created.value.id.isEmpty());
    QCOMPARE(created.value.fieldKey, QStringLiteral("contact.favourite_treatment"));
    const QJsonObject* held = m_fx->data().customFieldDefinition(created.value.id);
    QVERIFY(held);
    QCOMPARE(held->value(QStringLiteral("picklistOptions")).toArray(),
        QJsonArray({QStringLiteral("Cleaning"), QStringLiteral("Whitening")}));
    QCOMPARE(held->value(QStringLiteral("placeholder")).toString(), QStringLiteral("Pick any"));

    CustomFieldDefinition renamed = created.value;
    renamed.name = QStringLiteral("Treatments of interest");
    renamed.picklistOptions.append(QStringLiteral("Braces"));
    const Result<CustomFieldDefinition> updated
        = answer(m_api->updateCustomField(created.value, renamed));
    VERIFY_OK(updated);
    QCOMPARE(updated.value.name, QStringLiteral("Treatments of interest"));
    QCOMPARE(m_fx->data()
                 .customFieldDefinition(created.value.id)
                 ->value(QStringLiteral("picklistOptions"))
                 .toArray()
                 .size(),
        3);

    const Result<CustomFieldDefinition> got = answer(m_api->customField(created.value.id));
    VERIFY_OK(got);
    QCOMPARE(got.value, updated.value);

    const Result<bool> removed = answer(m_api->deleteCustomField(created.value.id));
    VERIFY_OK(removed);
    QVERIFY(removed.value);
    QVERIFY(!m_fx->data().customFieldDefinition(created.value.id));
}

void TestLocationApi::tagsRoundTrip()
{
    const Result<QList<LocationTag>> tags = answer(m_api->tags());
    VERIFY_OK(tags);
    QCOMPARE(tags.value.size(), 15);
    const Result<LocationTag> created = answer(m_api->createTag(QStringLiteral("open-day")));
    VERIFY_OK(created);
    QCOMPARE(created.value.name, QStringLiteral("open-day"));
    QCOMPARE(created.value.locationId, m_fx->locationId());
    QVERIFY(m_fx->data().findTag(m_fx->locationId(), QStringLiteral("open-day")));

    const Result<LocationTag> renamed
        = answer(m_api->renameTag(created.value.id, QStringLiteral("open-day-2027")));
    VERIFY_OK(renamed);
    const Result<LocationTag> got = answer(m_api->tag(created.value.id));
    VERIFY_OK(got);
    QCOMPARE(got.value.name, QStringLiteral("open-day-2027"));
    QVERIFY(!m_fx->data().findTag(m_fx->locationId(), QStringLiteral("open-day")));

    const Result<bool> removed = answer(m_api->deleteTag(created.value.id));
    VERIFY_OK(removed);
    QVERIFY(!m_fx->data().findTag(m_fx->locationId(), QStringLiteral("open-day-2027")));
    const Result<LocationTag> duplicate = answer(m_api->createTag(QStringLiteral("VIP")));
    QVERIFY(duplicate.error.isError());
}

void TestLocationApi::usersAreReadPageByPage()
{
    m_api->setUserPageSize(2);
    const Result<QList<User>> users = answer(m_api->users());
    VERIFY_OK(users);
    QStringList names;
    for (const User& user : users.value)
        names.append(user.displayName());
    QCOMPARE(names,
        QStringList({QStringLiteral("Daniel Brooks"), QStringLiteral("Lukas Becker"),
            QStringLiteral("Maya Okafor"), QStringLiteral("Priya Raman"),
            QStringLiteral("Sofia Marquez")}));
    const QList<ApiExchange> pages = sent(QStringLiteral("search-users"));
    QCOMPARE(pages.size(), 3);
    const QUrlQuery first(pages.first().url);
    QCOMPARE(
        first.queryItemValue(QStringLiteral("companyId")), m_fx->data().mainLocation().companyId);
    QCOMPARE(first.queryItemValue(QStringLiteral("locationId")), m_fx->locationId());
    QCOMPARE(
        QUrlQuery(pages.last().url).queryItemValue(QStringLiteral("skip")), QStringLiteral("4"));
}

void TestLocationApi::oneUserAndTheLocationsUsers()
{
    const QString id = m_fx->data().userIds().first();
    const Result<User> user = answer(m_api->user(id));
    VERIFY_OK(user);
    QCOMPARE(user.value.id, id);
    QCOMPARE(user.value.displayName(), QStringLiteral("Maya Okafor"));
    QCOMPARE(user.value.email, QStringLiteral("maya.okafor@contactdesk-demo.test"));
    const Result<QList<User>> ofLocation = answer(m_api->usersOfLocation());
    VERIFY_OK(ofLocation);
    QCOMPARE(ofLocation.value.size(), 5);
}

void TestLocationApi::calendarsUseTheCalendarsVersion()
{
    const Result<QList<Calendar>> calendars = answer(m_api->calendars());
    VERIFY_OK(calendars);
    QStringList names;
    for (const Calendar& calendar : calendars.value)
        names.append(calendar.name);
    QCOMPARE(names,
        QStringList({QStringLiteral("Discovery call"), QStringLiteral("Product demo"),
            QStringLiteral("Onboarding session")}));
    QCOMPARE(headerValue(sent(QStringLiteral("get-calendars")).last().requestHeaders, "Version"),
        QByteArray("2021-04-15"));
    const Result<Calendar> one = answer(m_api->calendar(calendars.value.at(1).id));
    VERIFY_OK(one);
    QCOMPARE(one.value.name, QStringLiteral("Product demo"));
    QCOMPARE(one.value.locationId, m_fx->locationId());
}

void TestLocationApi::missingScopeIsNamed()
{
    const HttpResult minted = m_fx->control("POST", QStringLiteral("/__sandbox/tokens"),
        QJsonObject {{QStringLiteral("scopes"),
            QJsonArray {QStringLiteral("contacts.readonly"),
                QStringLiteral("locations/customFields.readonly")}}});
    QCOMPARE(minted.status, 201);
    connectWith(minted.object().value(QStringLiteral("access_token")).toString());
    const Result<QList<User>> users = answer(m_api->users());
    QCOMPARE(users.error.kind(), ApiError::Kind::ScopeNotGranted);
    QCOMPARE(users.error.missingScope(), QStringLiteral("users.readonly"));
    QVERIFY(users.error.userText().contains(QStringLiteral("users.readonly")));
    // The lists this token may read still come.
    const Result<QList<CustomFieldDefinition>> fields = answer(m_api->customFields());
    VERIFY_OK(fields);
}

void TestLocationApi::unknownIdIsNotFound()
{
    const Result<Calendar> calendar
        = answer(m_api->calendar(QStringLiteral("noSuchCalendar00000")));
    QCOMPARE(calendar.error.kind(), ApiError::Kind::NotFound);
    const Result<LocationTag> tag = answer(m_api->tag(QStringLiteral("noSuchTag00000000000")));
    QCOMPARE(tag.error.kind(), ApiError::Kind::NotFound);
}

QTEST_GUILESS_MAIN(TestLocationApi)
#include "tst_locationapi.moc"
