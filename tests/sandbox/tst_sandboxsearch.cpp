#include "sandboxtesthelpers.h"

#include "common/clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

using namespace ContactDesk::Testing;

namespace {

constexpr int seededCount = 1050;

QStringList firstNamesOf(const QJsonArray& contacts)
{
    QStringList names;
    for (const QJsonValue& contact : contacts)
        names.append(contact.toObject().value(QStringLiteral("firstName")).toString());
    return names;
}

} // namespace

// Members are defined below the class: moc misreads raw string literals inside a class body.
class TestSandboxSearch : public QObject
{
    Q_OBJECT

private:
    HttpResult search(SandboxFixture& fx, QJsonObject body);

    QString createContact(SandboxFixture& fx, const QByteArray& fields);

    // Four contacts an hour apart, from 2026-11-01T12:00Z, with values the filter rows use.
    void createFour(SandboxFixture& fx);

    QString leadScoreField(SandboxFixture& fx);

    // Walks GET /contacts/ with the meta cursor; `between` runs after every page.
    QStringList walkList(SandboxFixture& fx, int limit,
        const std::function<void(const QStringList& seen)>& between = {});

    // Walks POST /contacts/search with searchAfter; `between` runs after every page.
    QStringList walkSearch(SandboxFixture& fx, int pageLimit, const QJsonArray& sort,
        const std::function<void()>& between = {});

    SpecValidator m_spec;
    std::unique_ptr<SandboxFixture> m_seeded; // read-only tests share it

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_seeded.reset(); }

    void listWalksEveryContact_data();
    void listWalksEveryContact();
    void listPageShape();
    void listNoGapWhenContactsChangeBetweenPages();
    void listValidation_data();
    void listValidation();
    void listQuery();
    void searchPagesEveryContact();
    void searchAfterCursorShape();
    void searchAfterWalksPastPageLimits_data();
    void searchAfterWalksPastPageLimits();
    void searchAfterSeesContactsAddedDuringTheWalk();
    void searchFilters_data();
    void searchFilters();
    void searchQuery_data();
    void searchQuery();
    void searchSort_data();
    void searchSort();
    void searchRefusals_data();
    void searchRefusals();
    void searchPageStyleStopsAtTenThousand_data();
    void searchPageStyleStopsAtTenThousand();
    void searchHonoursIndexLag();
    void dateWalksAnswerLikeAFullScan_data();
    void dateWalksAnswerLikeAFullScan();
    void searchSkipsDeletedAndOtherLocations();
};

HttpResult TestSandboxSearch::search(SandboxFixture& fx, QJsonObject body)
{
    body.insert(QStringLiteral("locationId"), fx.locationId());
    return fx.api("POST", QStringLiteral("/contacts/search"), body);
}

QString TestSandboxSearch::createContact(SandboxFixture& fx, const QByteArray& fields)
{
    return postContact(fx, json(fields)).value(QStringLiteral("id")).toString();
}

void TestSandboxSearch::createFour(SandboxFixture& fx)
{
    fx.clock().set(1793534400000);
    createContact(fx, R"({"firstName":"Alice","lastName":"Archer","email":"alice@example.com",
        "phone":"+14155550101","tags":["vip","newsletter"],"companyName":"Acme",
        "city":"Boston","customFields":[{"key":"contact.lead_score","field_value":10}]})");
    fx.clock().advance(3600000);
    createContact(fx, R"({"firstName":"Bob","lastName":"Brown","email":"bob@sample.org",
        "phone":"(415) 555-0102","tags":["newsletter"],"companyName":"Globex","city":"Austin",
        "dnd":true,"dndSettings":{"Email":{"status":"permanent"}},
        "customFields":[{"key":"contact.lead_score","field_value":55}]})");
    fx.clock().advance(3600000);
    createContact(fx, R"({"firstName":"Carol","lastName":"Chen","email":"carol@example.com",
        "companyName":"Acme Labs","city":"Boston",
        "inboundDndSettings":{"all":{"status":"active"}}})");
    fx.clock().advance(3600000);
    createContact(fx, R"({"firstName":"Dan","lastName":"Diaz","phone":"+44 20 7946 0958",
        "tags":["VIP"],"website":"https://dan.example"})");
    fx.clock().advance(1000);
}

QString TestSandboxSearch::leadScoreField(SandboxFixture& fx)
{
    return QStringLiteral("customFields.")
        + fx.data()
              .customFieldDefinition(str("contact.lead_score"))
              ->value(QStringLiteral("id"))
              .toString();
}

QStringList TestSandboxSearch::walkList(
    SandboxFixture& fx, int limit, const std::function<void(const QStringList& seen)>& between)
{
    QStringList seen;
    QString cursor;
    for (int page = 1; page < 1000; ++page) {
        QString path = QStringLiteral("/contacts/?locationId=") + fx.locationId() + cursor;
        if (limit > 0)
            path += QStringLiteral("&limit=%1").arg(limit);
        const HttpResult result = fx.api("GET", path);
        if (result.status != 200) {
            qWarning() << "list answered" << result.status << result.body;
            return {};
        }
        const QJsonObject body = result.object();
        const QJsonObject meta = body.value(QStringLiteral("meta")).toObject();
        const QJsonArray contacts = body.value(QStringLiteral("contacts")).toArray();
        seen += idsOf(contacts);
        // Contacts written behind the cursor renumber the pages, so only a quiet walk
        // checks the page numbers.
        if (!between && meta.value(QStringLiteral("currentPage")).toInt() != page) {
            qWarning() << "page" << page << "says it is" << meta;
            return {};
        }
        if (meta.value(QStringLiteral("nextPageUrl")).isNull())
            return seen;
        if (between)
            between(seen);
        cursor = QStringLiteral("&startAfter=%1&startAfterId=%2")
                     .arg(meta.value(QStringLiteral("startAfter")).toInteger())
                     .arg(meta.value(QStringLiteral("startAfterId")).toString());
    }
    return {};
}

QStringList TestSandboxSearch::walkSearch(
    SandboxFixture& fx, int pageLimit, const QJsonArray& sort, const std::function<void()>& between)
{
    QStringList seen;
    QJsonValue after;
    for (int page = 1; page < 1000; ++page) {
        QJsonObject body {{QStringLiteral("pageLimit"), pageLimit}};
        if (!sort.isEmpty())
            body.insert(QStringLiteral("sort"), sort);
        if (after.isArray())
            body.insert(QStringLiteral("searchAfter"), after);
        const HttpResult result = search(fx, body);
        if (result.status != 200) {
            qWarning() << "search answered" << result.status << result.body;
            return {};
        }
        const QJsonArray contacts = result.object().value(QStringLiteral("contacts")).toArray();
        if (contacts.isEmpty())
            return seen;
        seen += idsOf(contacts);
        after = contacts.last().toObject().value(QStringLiteral("searchAfter"));
        if (between)
            between();
    }
    return {};
}

void TestSandboxSearch::initTestCase()
{
    m_seeded = std::make_unique<SandboxFixture>(seededCount);
    // The walks send hundreds of requests within one instant of the fake clock.
    m_seeded->data().settings().rateLimitCount = 0;
    QCOMPARE(listOrder(*m_seeded).size(), seededCount);
    if (!m_spec.available())
        qInfo("%s", qPrintable(m_spec.unavailableReason()));
}

void TestSandboxSearch::listWalksEveryContact_data()
{
    QTest::addColumn<int>("limit");
    QTest::newRow("limit 100") << 100;
    QTest::newRow("limit 37") << 37;
    QTest::newRow("default limit (20)") << 0;
}

void TestSandboxSearch::listWalksEveryContact()
{
    QFETCH(int, limit);
    const QStringList seen = walkList(*m_seeded, limit);
    QCOMPARE(seen.size(), seededCount);
    QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), seededCount);
    QCOMPARE(seen, listOrder(*m_seeded));
}

void TestSandboxSearch::listPageShape()
{
    SandboxFixture& fx = *m_seeded;
    HttpResult result
        = fx.api("GET", QStringLiteral("/contacts/?locationId=%1&limit=100").arg(fx.locationId()));
    CHECK_STATUS(result, 200);
    CHECK_SPEC("get-contacts", result);
    QJsonObject body = result.object();
    QJsonObject meta = body.value(QStringLiteral("meta")).toObject();
    const QJsonArray contacts = body.value(QStringLiteral("contacts")).toArray();
    QCOMPARE(contacts.size(), 100);
    QCOMPARE(body.value(QStringLiteral("count")).toInt(), seededCount);
    QCOMPARE(meta.value(QStringLiteral("total")).toInt(), seededCount);
    QCOMPARE(meta.value(QStringLiteral("currentPage")).toInt(), 1);
    QCOMPARE(meta.value(QStringLiteral("nextPage")).toInt(), 2);
    QVERIFY(meta.value(QStringLiteral("prevPage")).isNull());
    const QJsonObject last = contacts.last().toObject();
    QCOMPARE(meta.value(QStringLiteral("startAfterId")).toString(),
        last.value(QStringLiteral("id")).toString());
    QCOMPARE(meta.value(QStringLiteral("startAfter")).toInteger(),
        QDateTime::fromString(last.value(QStringLiteral("dateAdded")).toString(), Qt::ISODateWithMs)
            .toMSecsSinceEpoch());

    // nextPageUrl is absolute, on the host the client called, and leads to page 2.
    const QUrl next(meta.value(QStringLiteral("nextPageUrl")).toString());
    QCOMPARE(next.scheme(), str("http"));
    QCOMPARE(next.host(), fx.baseUrl().host());
    QCOMPARE(next.port(), fx.baseUrl().port());
    QCOMPARE(next.path(), str("/contacts/"));
    const QUrlQuery query(next);
    QCOMPARE(query.queryItemValue(QStringLiteral("locationId")), fx.locationId());
    QCOMPARE(query.queryItemValue(QStringLiteral("startAfterId")),
        meta.value(QStringLiteral("startAfterId")).toString());
    QCOMPARE(query.queryItemValue(QStringLiteral("startAfter")).toLongLong(),
        meta.value(QStringLiteral("startAfter")).toInteger());
    result = fx.api("GET", next.path() + u'?' + next.query(QUrl::FullyEncoded));
    CHECK_STATUS(result, 200);
    body = result.object();
    meta = body.value(QStringLiteral("meta")).toObject();
    QCOMPARE(meta.value(QStringLiteral("currentPage")).toInt(), 2);
    QCOMPARE(meta.value(QStringLiteral("prevPage")).toInt(), 1);
    QCOMPARE(idsOf(body.value(QStringLiteral("contacts")).toArray()), listOrder(fx).mid(100, 100));

    // The last page says there is no next one.
    const QStringList order = listOrder(fx);
    const QString beforeLast = order.at(seededCount - 31);
    const qint64 beforeLastMs = QDateTime::fromString(
        fx.data().contacts().value(beforeLast).value(QStringLiteral("dateAdded")).toString(),
        Qt::ISODateWithMs)
                                    .toMSecsSinceEpoch();
    result = fx.api("GET",
        QStringLiteral("/contacts/?locationId=%1&limit=100&startAfter=%2"
                       "&startAfterId=%3")
            .arg(fx.locationId())
            .arg(beforeLastMs)
            .arg(beforeLast));
    meta = result.object().value(QStringLiteral("meta")).toObject();
    QCOMPARE(result.object().value(QStringLiteral("contacts")).toArray().size(), 30);
    QVERIFY(meta.value(QStringLiteral("nextPage")).isNull());
    QVERIFY(meta.value(QStringLiteral("nextPageUrl")).isNull());
    QCOMPARE(meta.value(QStringLiteral("currentPage")).toInt(), (seededCount - 30) / 100 + 1);
}

void TestSandboxSearch::listNoGapWhenContactsChangeBetweenPages()
{
    SandboxFixture fx(seededCount);
    fx.data().settings().rateLimitCount = 0;
    const QStringList original = listOrder(fx);
    QStringList created;
    QStringList deletedAhead;
    QStringList backdated;
    int round = 0;
    const QStringList seen = walkList(fx, 100, [&](const QStringList& soFar) {
        ++round;
        fx.clock().advance(1000);
        // New contacts are added after every existing one: the walk must reach them.
        created.append(
            createContact(fx, QStringLiteral(R"({"firstName":"Late %1"})").arg(round).toUtf8()));
        // A contact imported with an old date lands behind the cursor: not seen, and
        // nothing after the cursor shifts.
        QJsonObject old {{QStringLiteral("id"),
                             QStringLiteral("Backdated%1").arg(round, 11, 10, QLatin1Char('0'))},
            {QStringLiteral("locationId"), fx.locationId()},
            {QStringLiteral("firstName"), QStringLiteral("Backdated")},
            {QStringLiteral("dateAdded"),
                fx.data().contacts().value(original.first()).value(QStringLiteral("dateAdded"))}};
        fx.data().storeContact(old);
        backdated.append(old.value(QStringLiteral("id")).toString());
        // Deleting the contact the cursor names must not make the walk skip one.
        fx.api("DELETE", QStringLiteral("/contacts/") + soFar.last());
        // A contact deleted before its page comes is not listed.
        const QString ahead = original.at(qMin(soFar.size() + 50, seededCount - 1));
        if (!deletedAhead.contains(ahead) && !soFar.contains(ahead)) {
            fx.api("DELETE", QStringLiteral("/contacts/") + ahead);
            deletedAhead.append(ahead);
        }
    });
    QVERIFY(!seen.isEmpty());
    QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), seen.size());
    QStringList expected = original;
    for (const QString& id : deletedAhead)
        expected.removeOne(id);
    expected += created;
    QCOMPARE(seen, expected);
    for (const QString& id : backdated)
        QVERIFY(!seen.contains(id));
}

void TestSandboxSearch::listValidation_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("message");

    QTest::newRow("limit over 100")
        << str("limit=101") << str("limit must not be greater than 100");
    QTest::newRow("limit 0") << str("limit=0") << str("limit must not be less than 1");
    QTest::newRow("limit not a number") << str(
        "limit=many") << str("limit must be a number conforming to the specified constraints");
    QTest::newRow("startAfter not a number")
        << str("startAfter=yesterday")
        << str("startAfter must be a number conforming to the specified constraints");
    QTest::newRow("no locationId") << str("-") << str("locationId should not be empty");
}

void TestSandboxSearch::listValidation()
{
    QFETCH(QString, query);
    QFETCH(QString, message);
    SandboxFixture& fx = *m_seeded;
    const QString path = query == u'-'
        ? QStringLiteral("/contacts/")
        : QStringLiteral("/contacts/?locationId=%1&%2").arg(fx.locationId(), query);
    const HttpResult result = fx.api("GET", path);
    CHECK_STATUS(result, 422);
    QCOMPARE(result.object().value(QStringLiteral("message")).toArray(), QJsonArray({message}));
}

void TestSandboxSearch::listQuery()
{
    SandboxFixture fx;
    createFour(fx);
    const HttpResult result = fx.api(
        "GET", QStringLiteral("/contacts/?locationId=%1&query=acme&limit=1").arg(fx.locationId()));
    CHECK_STATUS(result, 200);
    QCOMPARE(firstNamesOf(result.object().value(QStringLiteral("contacts")).toArray()),
        QStringList({str("Alice")}));
    QCOMPARE(result.object().value(QStringLiteral("count")).toInt(), 2);
    const QJsonObject meta = result.object().value(QStringLiteral("meta")).toObject();
    // The next page keeps the query.
    const QUrl next(meta.value(QStringLiteral("nextPageUrl")).toString());
    QCOMPARE(QUrlQuery(next).queryItemValue(QStringLiteral("query")), str("acme"));
    const HttpResult second = fx.api("GET", next.path() + u'?' + next.query(QUrl::FullyEncoded));
    QCOMPARE(firstNamesOf(second.object().value(QStringLiteral("contacts")).toArray()),
        QStringList({str("Carol")}));
}

void TestSandboxSearch::searchPagesEveryContact()
{
    SandboxFixture& fx = *m_seeded;
    QStringList seen;
    for (int page = 1; page <= 11; ++page) {
        const HttpResult result
            = search(fx, {{QStringLiteral("page"), page}, {QStringLiteral("pageLimit"), 100}});
        CHECK_STATUS(result, 200);
        QCOMPARE(result.object().value(QStringLiteral("total")).toInt(), seededCount);
        seen += idsOf(result.object().value(QStringLiteral("contacts")).toArray());
    }
    QCOMPARE(seen.size(), seededCount);
    // The default order is dateAdded then id, ascending: the GET /contacts/ order.
    QCOMPARE(seen, listOrder(fx));
}

void TestSandboxSearch::searchAfterCursorShape()
{
    SandboxFixture& fx = *m_seeded;
    const HttpResult result = search(fx, {{QStringLiteral("pageLimit"), 3}});
    CHECK_STATUS(result, 200);
    CHECK_SPEC("search-contacts-advanced", result);
    for (const QJsonValue& item : result.object().value(QStringLiteral("contacts")).toArray()) {
        const QJsonObject contact = item.toObject();
        const qint64 added = QDateTime::fromString(
            contact.value(QStringLiteral("dateAdded")).toString(), Qt::ISODateWithMs)
                                 .toMSecsSinceEpoch();
        QCOMPARE(contact.value(QStringLiteral("searchAfter")).toArray(),
            QJsonArray({added, contact.value(QStringLiteral("id"))}));
    }
}

void TestSandboxSearch::searchAfterWalksPastPageLimits_data()
{
    QTest::addColumn<QByteArray>("sort");
    QTest::addColumn<int>("pageLimit");

    QTest::newRow("default sort") << QByteArray("[]") << 250;
    QTest::newRow("first name descending")
        << QByteArray(R"([{"field":"firstNameLowerCase","direction":"desc"}])") << 300;
    QTest::newRow("company then dateAdded desc")
        << QByteArray(R"([{"field":"companyName","direction":"asc"},
                          {"field":"dateAdded","direction":"desc"}])")
        << 500;
    QTest::newRow("tags") << QByteArray(R"([{"field":"tags","direction":"asc"}])") << 100;
}

void TestSandboxSearch::searchAfterWalksPastPageLimits()
{
    QFETCH(QByteArray, sort);
    QFETCH(int, pageLimit);
    SandboxFixture& fx = *m_seeded;
    const QJsonArray sortSpec = jsonValue(sort).toArray();
    const QStringList walked = walkSearch(fx, pageLimit, sortSpec);
    QCOMPARE(walked.size(), seededCount);
    QCOMPARE(QSet<QString>(walked.begin(), walked.end()).size(), seededCount);
    // Cursor paging yields exactly the order page paging does.
    QStringList paged;
    for (int page = 1; page * pageLimit < seededCount + pageLimit; ++page) {
        const HttpResult result = search(fx,
            {{QStringLiteral("page"), page}, {QStringLiteral("pageLimit"), pageLimit},
                {QStringLiteral("sort"), sortSpec}});
        paged += idsOf(result.object().value(QStringLiteral("contacts")).toArray());
    }
    QCOMPARE(walked, paged);
}

void TestSandboxSearch::searchAfterSeesContactsAddedDuringTheWalk()
{
    SandboxFixture fx(seededCount);
    fx.data().settings().rateLimitCount = 0;
    const QStringList original = listOrder(fx);
    QStringList created;
    QString deletedAhead;
    const QStringList seen = walkSearch(fx, 200, {}, [&] {
        fx.clock().advance(1000);
        if (created.size() < 5) {
            created.append(createContact(
                fx, QStringLiteral(R"({"firstName":"Walker %1"})").arg(created.size()).toUtf8()));
        }
        if (deletedAhead.isEmpty()) {
            deletedAhead = original.at(900);
            fx.api("DELETE", QStringLiteral("/contacts/") + deletedAhead);
        }
    });
    QStringList expected = original;
    expected.removeOne(deletedAhead);
    expected += created;
    QCOMPARE(seen, expected);
}

void TestSandboxSearch::searchFilters_data()
{
    QTest::addColumn<QByteArray>("filters");
    QTest::addColumn<QStringList>("expected");
    const auto names
        = [](const char* list) { return QString::fromUtf8(list).split(u',', Qt::SkipEmptyParts); };

    QTest::newRow("eq") << QByteArray(
        R"([{"field":"email","operator":"eq","value":"alice@example.com"}])")
                        << names("Alice");
    QTest::newRow("eq ignores case")
        << QByteArray(R"([{"field":"email","operator":"eq","value":"ALICE@Example.com"}])")
        << names("Alice");
    QTest::newRow("not_eq") << QByteArray(
        R"([{"field":"email","operator":"not_eq","value":"alice@example.com"}])")
                            << names("Bob,Carol,Dan");
    QTest::newRow("contains") << QByteArray(
        R"([{"field":"email","operator":"contains","value":"example"}])")
                              << names("Alice,Carol");
    QTest::newRow("not_contains") << QByteArray(
        R"([{"field":"email","operator":"not_contains","value":"example"}])")
                                  << names("Bob,Dan");
    QTest::newRow("exists") << QByteArray(R"([{"field":"phone","operator":"exists"}])")
                            << names("Alice,Bob,Dan");
    QTest::newRow("not_exists") << QByteArray(R"([{"field":"email","operator":"not_exists"}])")
                                << names("Dan");
    QTest::newRow("tag eq, any case")
        << QByteArray(R"([{"field":"tags","operator":"eq","value":"vip"}])") << names("Alice,Dan");
    QTest::newRow("phone typed nationally")
        << QByteArray(R"([{"field":"phone","operator":"eq","value":"(415) 555-0102"}])")
        << names("Bob");
    QTest::newRow("phone contains digits")
        << QByteArray(R"([{"field":"phone","operator":"contains","value":"555010"}])")
        << names("Alice,Bob");
    QTest::newRow("dnd") << QByteArray(R"([{"field":"dnd","operator":"eq","value":true}])")
                         << names("Bob");
    QTest::newRow("email dnd channel") << QByteArray(
        R"([{"field":"dndSettings.Email.status","operator":"eq","value":"permanent"}])")
                                       << names("Bob");
    QTest::newRow("inbound dnd") << QByteArray(
        R"([{"field":"inboundDndSettings.all.status","operator":"eq","value":"active"}])")
                                 << names("Carol");
    QTest::newRow("date range, ISO") << QByteArray(
        R"([{"field":"dateAdded","operator":"range",
             "value":{"gte":"2026-11-01T13:00:00.000Z","lt":"2026-11-01T15:00:00.000Z"}}])")
                                     << names("Bob,Carol");
    QTest::newRow("date range, epoch ms")
        << QByteArray(R"([{"field":"dateAdded","operator":"range","value":{"gt":1793534400000}}])")
        << names("Bob,Carol,Dan");
    QTest::newRow("custom field range")
        << QByteArray(R"([{"field":"%LEADSCORE%","operator":"range","value":{"gte":50}}])")
        << names("Bob");
    QTest::newRow("custom field exists")
        << QByteArray(R"([{"field":"%LEADSCORE%","operator":"exists"}])") << names("Alice,Bob");
    QTest::newRow("OR group") << QByteArray(
        R"([{"group":"OR","filters":[
              {"field":"email","operator":"eq","value":"alice@example.com"},
              {"field":"phone","operator":"eq","value":"+442079460958"}]}])")
                              << names("Alice,Dan");
    QTest::newRow("top level is AND") << QByteArray(
        R"([{"field":"city","operator":"eq","value":"Boston"},
            {"field":"companyName","operator":"contains","value":"labs"}])")
                                      << names("Carol");
    QTest::newRow("nested groups") << QByteArray(
        R"([{"group":"OR","filters":[
              {"group":"AND","filters":[
                 {"field":"companyName","operator":"contains","value":"acme"},
                 {"field":"tags","operator":"eq","value":"newsletter"}]},
              {"group":"AND","filters":[
                 {"field":"city","operator":"not_exists"},
                 {"field":"website","operator":"exists"}]}]}])")
                                   << names("Alice,Dan");
    QTest::newRow("no match") << QByteArray(
        R"([{"field":"lastNameLowerCase","operator":"eq","value":"zimmer"}])")
                              << QStringList();
}

void TestSandboxSearch::searchFilters()
{
    QFETCH(QByteArray, filters);
    QFETCH(QStringList, expected);
    SandboxFixture fx;
    createFour(fx);
    filters.replace("%LEADSCORE%", leadScoreField(fx).toUtf8());
    const HttpResult result = search(
        fx, {{QStringLiteral("pageLimit"), 10}, {QStringLiteral("filters"), jsonValue(filters)}});
    CHECK_STATUS(result, 200);
    QCOMPARE(firstNamesOf(result.object().value(QStringLiteral("contacts")).toArray()), expected);
    QCOMPARE(result.object().value(QStringLiteral("total")).toInt(), expected.size());
}

void TestSandboxSearch::searchQuery_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("company") << str("acme") << QStringList({str("Alice"), str("Carol")});
    QTest::newRow("full name") << str("carol chen") << QStringList({str("Carol")});
    QTest::newRow("words in different fields") << str("carol acme") << QStringList({str("Carol")});
    QTest::newRow("phone digits") << str("555-0101") << QStringList({str("Alice")});
    QTest::newRow("tag") << str("Newsletter") << QStringList({str("Alice"), str("Bob")});
    QTest::newRow("email") << str("bob@sample") << QStringList({str("Bob")});
    QTest::newRow("nothing") << str("zebra") << QStringList();
}

void TestSandboxSearch::searchQuery()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    SandboxFixture fx;
    createFour(fx);
    const HttpResult result
        = search(fx, {{QStringLiteral("pageLimit"), 10}, {QStringLiteral("query"), query}});
    CHECK_STATUS(result, 200);
    QCOMPARE(firstNamesOf(result.object().value(QStringLiteral("contacts")).toArray()), expected);
}

void TestSandboxSearch::searchSort_data()
{
    QTest::addColumn<QByteArray>("sort");
    QTest::addColumn<QString>("expected");

    QTest::newRow("default: dateAdded asc") << QByteArray("[]") << str("Alice,Bob,Carol,Dan");
    QTest::newRow("dateAdded desc") << QByteArray(R"([{"field":"dateAdded","direction":"desc"}])")
                                    << str("Dan,Carol,Bob,Alice");
    QTest::newRow("first name desc")
        << QByteArray(R"([{"field":"firstNameLowerCase","direction":"desc"}])")
        << str("Dan,Carol,Bob,Alice");
    QTest::newRow("email asc, missing last")
        << QByteArray(R"([{"field":"email","direction":"asc"}])") << str("Alice,Bob,Carol,Dan");
    QTest::newRow("email desc, missing last")
        << QByteArray(R"([{"field":"email","direction":"desc"}])") << str("Carol,Bob,Alice,Dan");
    QTest::newRow("company asc") << QByteArray(R"([{"field":"companyName","direction":"asc"}])")
                                 << str("Alice,Carol,Bob,Dan");
    QTest::newRow("city asc, then first name desc")
        << QByteArray(R"([{"field":"city","direction":"asc"},
                          {"field":"firstNameLowerCase","direction":"desc"}])")
        << str("Bob,Carol,Alice,Dan");
    QTest::newRow("custom number desc")
        << QByteArray(R"([{"field":"%LEADSCORE%","direction":"desc"},
                          {"field":"dateAdded","direction":"asc"}])")
        << str("Bob,Alice,Carol,Dan");
}

void TestSandboxSearch::searchSort()
{
    QFETCH(QByteArray, sort);
    QFETCH(QString, expected);
    SandboxFixture fx;
    createFour(fx);
    sort.replace("%LEADSCORE%", leadScoreField(fx).toUtf8());
    const HttpResult result = search(
        fx, {{QStringLiteral("pageLimit"), 10}, {QStringLiteral("sort"), jsonValue(sort)}});
    CHECK_STATUS(result, 200);
    QCOMPARE(firstNamesOf(result.object().value(QStringLiteral("contacts")).toArray()).join(u','),
        expected);
}

void TestSandboxSearch::searchRefusals_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown filter field") << QByteArray(R"({"pageLimit":10,
                          "filters":[{"field":"favouriteColour","operator":"eq","value":"red"}]})")
                                          << 400 << str("Invalid field favouriteColour");
    QTest::newRow("unknown field in a group")
        << QByteArray(R"({"pageLimit":10,"filters":[{"group":"OR","filters":[
                          {"field":"email","operator":"exists"},
                          {"field":"shoeSize","operator":"exists"}]}]})")
        << 400 << str("Invalid field shoeSize");
    QTest::newRow("unknown sort field")
        << QByteArray(R"({"pageLimit":10,"sort":[{"field":"mood","direction":"asc"}]})") << 400
        << str("Invalid field mood");
    QTest::newRow("unknown custom field") << QByteArray(R"({"pageLimit":10,
                          "filters":[{"field":"customFields.nope","operator":"exists"}]})")
                                          << 400 << str("Invalid field customFields.nope");
    QTest::newRow("custom field by key, not id")
        << QByteArray(R"({"pageLimit":10,"filters":[
                          {"field":"customFields.contact.lead_score","operator":"exists"}]})")
        << 400 << str("Invalid field customFields.contact.lead_score");
    QTest::newRow("unknown operator") << QByteArray(R"({"pageLimit":10,
                          "filters":[{"field":"email","operator":"like","value":"a"}]})")
                                      << 400 << str("Invalid operator like for field email");
    QTest::newRow("eq without value")
        << QByteArray(R"({"pageLimit":10,"filters":[{"field":"email","operator":"eq"}]})") << 400
        << str("The eq filter on email needs a value");
    QTest::newRow("unknown group")
        << QByteArray(R"({"pageLimit":10,"filters":[{"group":"XOR","filters":[]}]})") << 400
        << str("Invalid group XOR: use AND or OR");
    QTest::newRow("pageLimit over 500") << QByteArray(R"({"pageLimit":501})") << 422
                                        << str("pageLimit must not be greater than 500");
    QTest::newRow("pageLimit 0") << QByteArray(R"({"pageLimit":0})") << 422
                                 << str("pageLimit must not be less than 1");
    QTest::newRow("page 0") << QByteArray(R"({"pageLimit":10,"page":0})") << 422
                            << str("page must not be less than 1");
    QTest::newRow("pageLimit missing")
        << QByteArray(R"({"page":1})") << 422 << str("pageLimit should not be empty");
    QTest::newRow("query too long")
        << QByteArray(R"({"pageLimit":10,"query":")" + QByteArray(76, 'q') + R"("})") << 422
        << str("query must be shorter than or equal to 75 characters");
    QTest::newRow("bad sort direction")
        << QByteArray(R"({"pageLimit":10,"sort":[{"field":"email","direction":"up"}]})") << 422
        << str("sort direction must be one of the following values: asc, desc");
    QTest::newRow("page and searchAfter")
        << QByteArray(R"({"pageLimit":10,"page":2,"searchAfter":[1,"x"]})") << 400
        << str("Send either page or searchAfter, not both");
    QTest::newRow("searchAfter of the wrong length")
        << QByteArray(R"({"pageLimit":10,"searchAfter":["x"]})") << 400
        << str("searchAfter must be the searchAfter array of the last contact of the "
               "previous page ([sort values..., id])");
}

void TestSandboxSearch::searchRefusals()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, message);
    const HttpResult result = search(*m_seeded, json(body));
    CHECK_STATUS(result, status);
    QCOMPARE(result.object().value(QStringLiteral("statusCode")).toInt(), status);
    if (status == 422)
        QVERIFY2(result.object().value(QStringLiteral("message")).toArray().contains(message),
            qPrintable(messageText(result)));
    else
        QCOMPARE(result.object().value(QStringLiteral("message")).toString(), message);
}

void TestSandboxSearch::searchPageStyleStopsAtTenThousand_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<int>("pageLimit");
    QTest::addColumn<int>("status");

    QTest::newRow("page 20 of 500: last allowed") << 20 << 500 << 200;
    QTest::newRow("page 21 of 500") << 21 << 500 << 400;
    QTest::newRow("page 100 of 100: last allowed") << 100 << 100 << 200;
    QTest::newRow("page 101 of 100") << 101 << 100 << 400;
}

void TestSandboxSearch::searchPageStyleStopsAtTenThousand()
{
    QFETCH(int, page);
    QFETCH(int, pageLimit);
    QFETCH(int, status);
    const HttpResult result = search(
        *m_seeded, {{QStringLiteral("page"), page}, {QStringLiteral("pageLimit"), pageLimit}});
    CHECK_STATUS(result, status);
    if (status == 200) {
        QCOMPARE(result.object().value(QStringLiteral("total")).toInt(), seededCount);
        QCOMPARE(result.object().value(QStringLiteral("contacts")).toArray().size(), 0);
    } else {
        QVERIFY2(messageText(result).contains(QStringLiteral("searchAfter")),
            qPrintable(messageText(result)));
    }
}

// A sync's walk (date ranges on the field it sorts by, going up) is answered from a date index;
// every page, cursor and total must be what reading every contact gives. An `exists` condition
// on the same field changes no result but takes the walk off the index.
void TestSandboxSearch::dateWalksAnswerLikeAFullScan_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QStringList>("bounds"); // "gte", "lt", ... each at a quantile: "gte@0.25"
    QTest::addColumn<int>("pageLimit");
    QTest::addColumn<bool>("pagePaging");
    QTest::addColumn<bool>("descending");

    QTest::newRow("updated, whole range")
        << QStringLiteral("dateUpdated") << QStringList() << 100 << false << false;
    QTest::newRow("updated, gte and lt")
        << QStringLiteral("dateUpdated")
        << QStringList {QStringLiteral("gte@0.2"), QStringLiteral("lt@0.7")} << 37 << false
        << false;
    QTest::newRow("updated, gt and lte")
        << QStringLiteral("dateUpdated")
        << QStringList {QStringLiteral("gt@0.5"), QStringLiteral("lte@0.9")} << 50 << false
        << false;
    QTest::newRow("updated, empty range")
        << QStringLiteral("dateUpdated")
        << QStringList {QStringLiteral("gte@0.8"), QStringLiteral("lt@0.3")} << 50 << false
        << false;
    QTest::newRow("added, gte only")
        << QStringLiteral("dateAdded") << QStringList {QStringLiteral("gte@0.4")} << 64 << false
        << false;
    QTest::newRow("added, page paging")
        << QStringLiteral("dateAdded") << QStringList {QStringLiteral("lt@0.6")} << 45 << true
        << false;
    QTest::newRow("updated going down")
        << QStringLiteral("dateUpdated") << QStringList() << 60 << false << true;
    QTest::newRow("added going down, gte and lt")
        << QStringLiteral("dateAdded")
        << QStringList {QStringLiteral("gte@0.1"), QStringLiteral("lt@0.8")} << 41 << false << true;
    QTest::newRow("updated going down, page paging")
        << QStringLiteral("dateUpdated") << QStringList {QStringLiteral("lte@0.75")} << 50 << true
        << true;
}

void TestSandboxSearch::dateWalksAnswerLikeAFullScan()
{
    QFETCH(QString, field);
    QFETCH(QStringList, bounds);
    QFETCH(int, pageLimit);
    QFETCH(bool, pagePaging);
    QFETCH(bool, descending);
    SandboxFixture fx(seededCount);
    fx.data().settings().rateLimitCount = 0;
    // Some contacts change, so dateUpdated differs from dateAdded; some share a date with their
    // neighbour, so the order among equal dates (the id going up, in either direction) counts.
    const QStringList ids = listOrder(fx);
    for (int i = 0; i < ids.size(); i += 7) {
        fx.clock().advance(1000);
        fx.api("PUT", QStringLiteral("/contacts/") + ids.at(i),
            QJsonObject {{QStringLiteral("companyName"), QStringLiteral("Changed %1").arg(i)}});
    }
    for (int i = 0; i + 1 < ids.size(); i += 5) {
        QJsonObject twin = fx.data().contacts().value(ids.at(i + 1));
        twin.insert(field, fx.data().contacts().value(ids.at(i)).value(field));
        fx.data().storeContact(twin);
    }
    QList<QString> dates;
    for (const QString& id : ids)
        dates.append(fx.data().contacts().value(id).value(field).toString());
    std::sort(dates.begin(), dates.end());
    QVERIFY2(std::adjacent_find(dates.begin(), dates.end()) != dates.end(),
        "some contacts share a date, so the order among them is checked too");

    QJsonObject range;
    for (const QString& bound : bounds) {
        const QStringList parts = bound.split(u'@');
        const int at = int(parts.at(1).toDouble() * (dates.size() - 1));
        range.insert(parts.at(0), dates.at(at));
    }
    QJsonArray filters;
    if (!range.isEmpty()) {
        filters.append(QJsonObject {{QStringLiteral("field"), field},
            {QStringLiteral("operator"), QStringLiteral("range")},
            {QStringLiteral("value"), range}});
    }
    QJsonArray scanned = filters;
    scanned.append(QJsonObject {
        {QStringLiteral("field"), field}, {QStringLiteral("operator"), QStringLiteral("exists")}});
    const QJsonArray sort {QJsonObject {{QStringLiteral("field"), field},
        {QStringLiteral("direction"),
            descending ? QStringLiteral("desc") : QStringLiteral("asc")}}};

    // Every page as the server answers it, searchAfter values and totals included.
    const auto walk = [&](const QJsonArray& withFilters) {
        QList<QJsonObject> pages;
        QJsonValue after;
        for (int page = 1; page < 200; ++page) {
            QJsonObject body {{QStringLiteral("pageLimit"), pageLimit},
                {QStringLiteral("sort"), sort}, {QStringLiteral("filters"), withFilters}};
            if (pagePaging)
                body.insert(QStringLiteral("page"), page);
            else if (after.isArray())
                body.insert(QStringLiteral("searchAfter"), after);
            const HttpResult result = search(fx, body);
            if (result.status != 200) {
                qWarning() << "search answered" << result.status << result.body;
                return pages;
            }
            QJsonObject answer = result.object();
            answer.remove(QStringLiteral("traceId")); // differs on every answer
            pages.append(answer);
            const QJsonArray contacts = result.object().value(QStringLiteral("contacts")).toArray();
            if (contacts.isEmpty())
                break;
            after = contacts.last().toObject().value(QStringLiteral("searchAfter"));
        }
        return pages;
    };
    const QList<QJsonObject> indexed = walk(filters);
    const QList<QJsonObject> full = walk(scanned);
    QVERIFY(!full.isEmpty());
    QCOMPARE(indexed, full);
    const qint64 total = full.first().value(QStringLiteral("total")).toInteger();
    if (bounds.size() == 2 && bounds.at(0).endsWith(QStringLiteral("0.8")))
        QCOMPARE(total, 0);
    else
        QVERIFY(total > pageLimit);
    QStringList walked;
    for (const QJsonObject& page : full)
        walked += idsOf(page.value(QStringLiteral("contacts")).toArray());
    QCOMPARE(walked.size(), total);
}

void TestSandboxSearch::searchHonoursIndexLag()
{
    SandboxFixture fx;
    fx.data().settings().searchIndexLagMs = 2000;
    const QString id = createContact(fx, R"({"firstName":"Fresh","email":"fresh@example.com"})");
    const QJsonObject byEmail {{QStringLiteral("pageLimit"), 10},
        {QStringLiteral("filters"), jsonValue(R"([{"field":"email","operator":"eq",
                                             "value":"fresh@example.com"}])")}};
    // Readable by id at once, but not searchable yet.
    CHECK_STATUS(fx.api("GET", QStringLiteral("/contacts/") + id), 200);
    QCOMPARE(search(fx, byEmail).object().value(QStringLiteral("total")).toInt(), 0);
    fx.clock().advance(1999);
    QCOMPARE(search(fx, byEmail).object().value(QStringLiteral("total")).toInt(), 0);
    fx.clock().advance(1);
    QCOMPARE(search(fx, byEmail).object().value(QStringLiteral("total")).toInt(), 1);

    // An update hides the contact from search again for the lag.
    fx.api("PUT", QStringLiteral("/contacts/") + id, json(R"({"city":"Lagos"})"));
    QCOMPARE(search(fx, byEmail).object().value(QStringLiteral("total")).toInt(), 0);
    fx.clock().advance(2000);
    const HttpResult result = search(fx, byEmail);
    QCOMPARE(result.object().value(QStringLiteral("total")).toInt(), 1);
    QCOMPARE(result.object()
                 .value(QStringLiteral("contacts"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("city"))
                 .toString(),
        str("Lagos"));
}

void TestSandboxSearch::searchSkipsDeletedAndOtherLocations()
{
    SandboxFixture fx;
    createFour(fx);
    const QString carol = listOrder(fx).at(2);
    CHECK_STATUS(fx.api("DELETE", QStringLiteral("/contacts/") + carol), 200);
    fx.data().storeContact({{QStringLiteral("id"), str("ElsewhereContact0001")},
        {QStringLiteral("locationId"), fx.data().locations().at(1).id},
        {QStringLiteral("firstName"), str("Elsewhere")},
        {QStringLiteral("dateAdded"), ContactDesk::isoUtc(fx.clock().nowMs())}});
    const HttpResult result = search(fx, {{QStringLiteral("pageLimit"), 10}});
    QCOMPARE(firstNamesOf(result.object().value(QStringLiteral("contacts")).toArray()),
        QStringList({str("Alice"), str("Bob"), str("Dan")}));
    QCOMPARE(result.object().value(QStringLiteral("total")).toInt(), 3);
}

QTEST_GUILESS_MAIN(TestSandboxSearch)
#include "tst_sandboxsearch.moc"
