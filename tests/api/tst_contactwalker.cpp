// ContactWalker against the sandbox: every contact exactly once through search and through the
// GET /contacts/ listing, while contacts are created or changed between pages, the explicit
// fallback from search to the listing, and cancellation.
#include "sandboxfixture.h"

#include "api/apiclient.h"
#include "api/contactwalker.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "common/clock.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <functional>
#include <memory>

using namespace ContactDesk;
using namespace ContactDesk::Api;
using namespace ContactDesk::Testing;

namespace {

constexpr int seeded = 1050;

struct Walk
{
    bool ok = false;
    ApiError error;
    QStringList ids; // in delivery order
    QList<ContactWalkPage> pages;
    QList<QPair<qint64, qint64>> progress;
    int fellBack = 0;
    int finishedSignals = 0;
};

} // namespace

class TestContactWalker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void walksEveryContactOnce_data();
    void walksEveryContactOnce();
    void contactsCreatedBetweenPagesAreReached_data();
    void contactsCreatedBetweenPagesAreReached();
    void updatesBetweenPagesDoNotDuplicate();
    void deletedContactsLeaveNoGap();
    void fallsBackWhenSearchIsRefused_data();
    void fallsBackWhenSearchIsRefused();
    void fallbackMidWalkContinuesAfterLastContact();
    void filteredWalkDoesNotFallBack();
    void otherErrorsDoNotFallBack();
    void brokenAnswerEndsTheWalk();
    void freeTextQueryOnBothSources_data();
    void freeTextQueryOnBothSources();
    void cancelStopsTheWalk();
    void emptyLocation();
    void runsInTheBackgroundByDefault();

private:
    Walk walk(const ContactWalkOptions& options,
        const std::function<void(ContactWalker&, const ContactWalkPage&)>& onPage = {});
    QSet<QString> liveIds() const;
    QString createContact(const QString& email);
    void addFault(const QJsonObject& rule);
    // The operation ids and URLs of every request the client sent.
    QList<QPair<QString, QUrl>> m_sent;

    std::unique_ptr<SandboxFixture> m_fx;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<SystemClock> m_clock;
    std::unique_ptr<StaticTokenProvider> m_tokens;
    std::unique_ptr<RateBudget> m_budget;
    std::unique_ptr<ApiClient> m_client;
};

void TestContactWalker::init()
{
    const bool empty = QByteArray(QTest::currentTestFunction()) == "emptyLocation";
    m_fx = std::make_unique<SandboxFixture>(empty ? 0 : seeded);
    // The fixture's clock stands still; the burst limit would never reopen.
    const HttpResult settings = m_fx->control("PUT", QStringLiteral("/__sandbox/settings"),
        QJsonObject {{QStringLiteral("rateLimit"),
            QJsonObject {{QStringLiteral("count"), 0}, {QStringLiteral("windowMs"), 10000}}}});
    QCOMPARE(settings.status, 200);

    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy::NoProxy);
    m_clock = std::make_unique<SystemClock>();
    m_tokens = std::make_unique<StaticTokenProvider>(m_fx->pit());
    m_budget = std::make_unique<RateBudget>(*m_clock);
    ApiConfig config;
    config.baseUrl = m_fx->baseUrl();
    config.locationId = m_fx->locationId();
    m_client = std::make_unique<ApiClient>(*m_nam, *m_tokens, *m_budget, *m_clock, config);
    m_sent.clear();
    connect(m_client.get(), &ApiClient::exchanged, this, [this](const ApiExchange& e) {
        m_sent.append({e.operationId, e.url});
    });
}

void TestContactWalker::cleanup()
{
    m_client.reset();
    m_budget.reset();
    m_tokens.reset();
    m_clock.reset();
    m_nam.reset();
    m_fx.reset();
}

Walk TestContactWalker::walk(const ContactWalkOptions& options,
    const std::function<void(ContactWalker&, const ContactWalkPage&)>& onPage)
{
    Walk result;
    ContactWalker walker(*m_client, options);
    connect(&walker, &ContactWalker::pageReady, this, [&](const ContactWalkPage& page) {
        result.pages.append(page);
        for (const Contact& c : page.contacts)
            result.ids.append(c.id);
        if (onPage)
            onPage(walker, page);
    });
    connect(&walker, &ContactWalker::progress, this, [&](qint64 delivered, qint64 total) {
        result.progress.append({delivered, total});
    });
    connect(&walker, &ContactWalker::fellBack, this, [&] { ++result.fellBack; });
    QSignalSpy finished(&walker, &ContactWalker::finished);
    walker.start();
    if (finished.isEmpty())
        finished.wait(120000);
    // A second finished signal would be a bug too; give it a moment to show up.
    QTest::qWait(20);
    result.finishedSignals = int(finished.size());
    result.ok = !finished.isEmpty() && finished.first().first().toBool();
    result.error = walker.error();
    return result;
}

QSet<QString> TestContactWalker::liveIds() const
{
    QSet<QString> ids;
    auto& data = m_fx->data();
    for (auto it = data.contacts().cbegin(); it != data.contacts().cend(); ++it) {
        if (!data.deletedContacts().contains(it.key())
            && it->value(QStringLiteral("locationId")).toString() == m_fx->locationId())
            ids.insert(it.key());
    }
    return ids;
}

QString TestContactWalker::createContact(const QString& email)
{
    // Later than every seeded contact, and apart from each other.
    m_fx->clock().advance(1000);
    const HttpResult r = m_fx->api("POST", QStringLiteral("/contacts/"),
        QJsonObject {{QStringLiteral("locationId"), m_fx->locationId()},
            {QStringLiteral("firstName"), QStringLiteral("Between")},
            {QStringLiteral("email"), email}});
    if (r.status != 201)
        qWarning() << "create failed" << r.status << r.body;
    return r.object()[QStringLiteral("contact")][QStringLiteral("id")].toString();
}

void TestContactWalker::addFault(const QJsonObject& rule)
{
    const HttpResult r = m_fx->control("POST", QStringLiteral("/__sandbox/faults"), rule);
    QCOMPARE(r.status, 201);
}

void TestContactWalker::walksEveryContactOnce_data()
{
    QTest::addColumn<WalkSource>("source");
    QTest::addColumn<WalkOrder>("order");
    QTest::addColumn<int>("pageLimit");
    QTest::addColumn<int>("expectedPages");

    QTest::newRow("search, dateAdded, 500")
        << WalkSource::Search << WalkOrder::DateAdded << 500 << 3;
    QTest::newRow("search, dateAdded, 137")
        << WalkSource::Search << WalkOrder::DateAdded << 137 << 8;
    QTest::newRow("search, dateUpdated, 500")
        << WalkSource::Search << WalkOrder::DateUpdated << 500 << 3;
    QTest::newRow("search, page limit above 500 is clamped")
        << WalkSource::Search << WalkOrder::DateAdded << 5000 << 3;
    QTest::newRow("list, 500 asked, 100 per page")
        << WalkSource::List << WalkOrder::DateAdded << 500 << 11;
    QTest::newRow("list, 70") << WalkSource::List << WalkOrder::DateAdded << 70 << 15;
}

void TestContactWalker::walksEveryContactOnce()
{
    QFETCH(WalkSource, source);
    QFETCH(WalkOrder, order);
    QFETCH(int, pageLimit);
    QFETCH(int, expectedPages);

    ContactWalkOptions options;
    options.source = source;
    options.order = order;
    options.pageLimit = pageLimit;
    const Walk w = walk(options);

    QVERIFY2(w.ok, qPrintable(w.error.userText()));
    QCOMPARE(w.finishedSignals, 1);
    QCOMPARE(w.fellBack, 0);
    QCOMPARE(w.ids.size(), seeded);
    const QSet<QString> delivered(w.ids.cbegin(), w.ids.cend());
    QCOMPARE(delivered.size(), seeded); // no duplicate
    QCOMPARE(delivered, liveIds()); // no gap
    QCOMPARE(w.pages.size(), expectedPages);

    const int perPage = source == WalkSource::List ? qMin(pageLimit, 100) : qMin(pageLimit, 500);
    for (qsizetype i = 0; i < w.pages.size(); ++i) {
        const ContactWalkPage& page = w.pages.at(i);
        QCOMPARE(page.index, int(i));
        QCOMPARE(page.source, source);
        QVERIFY(page.contacts.size() <= perPage);
        QCOMPARE(page.json.size(), page.contacts.size());
        for (qsizetype j = 0; j < page.contacts.size(); ++j)
            QCOMPARE(page.json.at(j)[QStringLiteral("id")].toString(), page.contacts.at(j).id);
    }

    // Delivered in the order asked for, ties broken by id.
    QDateTime previous;
    QString previousId;
    for (const ContactWalkPage& page : w.pages) {
        for (const Contact& c : page.contacts) {
            const QDateTime key = order == WalkOrder::DateAdded ? c.dateAdded : c.dateUpdated;
            QVERIFY(key.isValid());
            QVERIFY2(
                !previous.isValid() || previous < key || (previous == key && previousId < c.id),
                qPrintable(c.id));
            previous = key;
            previousId = c.id;
        }
    }

    QCOMPARE(w.progress.size(), w.pages.size());
    QCOMPARE(w.progress.constLast(), (QPair<qint64, qint64>(seeded, seeded)));
    // Exactly the requests needed: one per page, none after a short last page.
    const QString operation = source == WalkSource::Search
        ? QStringLiteral("search-contacts-advanced")
        : QStringLiteral("get-contacts");
    QCOMPARE(m_sent.size(), expectedPages);
    for (const auto& [op, url] : std::as_const(m_sent))
        QCOMPARE(op, operation);
}

void TestContactWalker::contactsCreatedBetweenPagesAreReached_data()
{
    QTest::addColumn<WalkSource>("source");
    QTest::newRow("search") << WalkSource::Search;
    QTest::newRow("list") << WalkSource::List;
}

void TestContactWalker::contactsCreatedBetweenPagesAreReached()
{
    QFETCH(WalkSource, source);
    const QSet<QString> before = liveIds();
    QList<QStringList> createdAfterPage;
    int counter = 0;

    ContactWalkOptions options;
    options.source = source;
    options.pageLimit = 100;
    const Walk w = walk(options, [&](ContactWalker&, const ContactWalkPage&) {
        QStringList created;
        for (int i = 0; i < 3; ++i)
            created.append(createContact(QStringLiteral("between-%1@example.com").arg(++counter)));
        createdAfterPage.append(created);
    });

    QVERIFY2(w.ok, qPrintable(w.error.userText()));
    const QSet<QString> delivered(w.ids.cbegin(), w.ids.cend());
    QCOMPARE(delivered.size(), w.ids.size()); // no duplicate
    QVERIFY(delivered.contains(before)); // no gap among the contacts that were there
    QVERIFY(liveIds().contains(delivered));
    // New contacts sort last, so every one made before the walk asked for its next page is
    // reached; only those made after the last page are not.
    QCOMPARE(createdAfterPage.size(), w.pages.size());
    QCOMPARE(w.pages.size(), 11);
    for (qsizetype page = 0; page + 1 < createdAfterPage.size(); ++page) {
        for (const QString& id : createdAfterPage.at(page)) {
            QVERIFY(!id.isEmpty());
            QVERIFY2(delivered.contains(id), qPrintable(id));
        }
    }
    QCOMPARE(w.ids.size(), seeded + 3 * (w.pages.size() - 1));
}

void TestContactWalker::updatesBetweenPagesDoNotDuplicate()
{
    // In dateUpdated order a change moves a contact to the end: one already delivered comes up
    // again, one not yet delivered moves ahead of the cursor. Neither may be doubled or lost.
    const QSet<QString> before = liveIds();
    QStringList delivered;
    ContactWalkOptions options;
    options.order = WalkOrder::DateUpdated;
    options.pageLimit = 150;
    int round = 0;
    const Walk w = walk(options, [&](ContactWalker&, const ContactWalkPage& page) {
        for (const Contact& c : page.contacts)
            delivered.append(c.id);
        const QSet<QString> seen(delivered.cbegin(), delivered.cend());
        QStringList ahead;
        for (const QString& id : before) {
            if (!seen.contains(id) && ahead.size() < 4)
                ahead.append(id);
        }
        const QStringList changed = delivered.mid(0, 4) + ahead;
        for (const QString& id : changed) {
            m_fx->clock().advance(1000);
            const HttpResult r = m_fx->api("PUT", QStringLiteral("/contacts/%1").arg(id),
                QJsonObject {{QStringLiteral("city"), QStringLiteral("Round %1").arg(++round)}});
            QCOMPARE(r.status, 200);
        }
    });

    QVERIFY2(w.ok, qPrintable(w.error.userText()));
    const QSet<QString> unique(w.ids.cbegin(), w.ids.cend());
    QCOMPARE(unique.size(), w.ids.size());
    QCOMPARE(unique, before);
}

void TestContactWalker::deletedContactsLeaveNoGap()
{
    // Between pages the page's last contact (the cursor) and the contact after it go: the walk
    // goes on after the cursor's position, missing nothing that is still there.
    QSet<QString> deletedAfterDelivery;
    QSet<QString> deletedBeforeDelivery;
    ContactWalkOptions options;
    options.pageLimit = 200;
    const Walk w = walk(options, [&](ContactWalker&, const ContactWalkPage& page) {
        const QString last = page.contacts.constLast().id;
        QString next;
        const auto& order = m_fx->data().contactOrder(m_fx->locationId());
        for (auto it = order.cbegin(); it != order.cend(); ++it) {
            if (it->second == last) {
                if (++it != order.cend())
                    next = it->second;
                break;
            }
        }
        QCOMPARE(m_fx->api("DELETE", QStringLiteral("/contacts/%1").arg(last)).status, 200);
        deletedAfterDelivery.insert(last);
        if (!next.isEmpty()) {
            QCOMPARE(m_fx->api("DELETE", QStringLiteral("/contacts/%1").arg(next)).status, 200);
            deletedBeforeDelivery.insert(next);
        }
    });
    QVERIFY2(w.ok, qPrintable(w.error.userText()));
    QVERIFY(deletedBeforeDelivery.size() >= 4);
    const QSet<QString> delivered(w.ids.cbegin(), w.ids.cend());
    QCOMPARE(delivered.size(), w.ids.size());
    QCOMPARE(delivered, liveIds() + deletedAfterDelivery);
    QVERIFY(!delivered.intersects(deletedBeforeDelivery));
}

void TestContactWalker::fallsBackWhenSearchIsRefused_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::newRow("422") << 422 << ApiError::Kind::Validation;
    QTest::newRow("400") << 400 << ApiError::Kind::BadRequest;
    QTest::newRow("404") << 404 << ApiError::Kind::NotFound;
}

void TestContactWalker::fallsBackWhenSearchIsRefused()
{
    QFETCH(int, status);
    QFETCH(ApiError::Kind, kind);
    addFault({{QStringLiteral("method"), QStringLiteral("POST")},
        {QStringLiteral("path"), QStringLiteral("/contacts/search")},
        {QStringLiteral("kind"), QStringLiteral("status")}, {QStringLiteral("status"), status}});

    ContactWalker probe(*m_client);
    QCOMPARE(probe.source(), WalkSource::Search);
    QCOMPARE(probe.fallbackReason().kind(), ApiError::Kind::None);

    QList<ApiError> reasons;
    WalkSource sourceAtEnd = WalkSource::Search;
    ApiError reasonAtEnd;
    ContactWalkOptions options;
    Walk w;
    {
        ContactWalker walker(*m_client, options);
        QStringList ids;
        connect(&walker, &ContactWalker::fellBack, this,
            [&](const ApiError& reason) { reasons.append(reason); });
        connect(&walker, &ContactWalker::pageReady, this, [&](const ContactWalkPage& page) {
            QCOMPARE(page.source, WalkSource::List);
            for (const Contact& c : page.contacts)
                ids.append(c.id);
        });
        QSignalSpy finished(&walker, &ContactWalker::finished);
        walker.start();
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(walker.error().userText()));
        sourceAtEnd = walker.source();
        reasonAtEnd = walker.fallbackReason();
        w.ids = ids;
    }

    QCOMPARE(reasons.size(), 1);
    QCOMPARE(reasons.first().httpStatus(), status);
    QCOMPARE(reasons.first().kind(), kind);
    QCOMPARE(sourceAtEnd, WalkSource::List);
    QCOMPARE(reasonAtEnd.httpStatus(), status);
    const QSet<QString> delivered(w.ids.cbegin(), w.ids.cend());
    QCOMPARE(w.ids.size(), seeded);
    QCOMPARE(delivered, liveIds());
    // One refused search, then only the listing.
    QCOMPARE(m_sent.first().first, QStringLiteral("search-contacts-advanced"));
    for (qsizetype i = 1; i < m_sent.size(); ++i)
        QCOMPARE(m_sent.at(i).first, QStringLiteral("get-contacts"));
    QCOMPARE(m_sent.size(), 1 + 11);
}

void TestContactWalker::fallbackMidWalkContinuesAfterLastContact()
{
    QString lastOfFirstPage;
    ContactWalkOptions options;
    options.pageLimit = 300;
    const Walk w = walk(options, [&](ContactWalker&, const ContactWalkPage& page) {
        if (page.index != 0)
            return;
        lastOfFirstPage = page.contacts.constLast().id;
        addFault({{QStringLiteral("method"), QStringLiteral("POST")},
            {QStringLiteral("path"), QStringLiteral("/contacts/search")},
            {QStringLiteral("kind"), QStringLiteral("status")}, {QStringLiteral("status"), 422}});
    });

    QVERIFY2(w.ok, qPrintable(w.error.userText()));
    QCOMPARE(w.fellBack, 1);
    QCOMPARE(w.ids.size(), seeded);
    QCOMPARE(QSet<QString>(w.ids.cbegin(), w.ids.cend()), liveIds());
    QCOMPARE(w.pages.first().source, WalkSource::Search);
    QCOMPARE(w.pages.constLast().source, WalkSource::List);

    // search (ok), search (422), then the listing right after the last contact delivered
    // instead of from the start.
    QCOMPARE(m_sent.at(0).first, QStringLiteral("search-contacts-advanced"));
    QCOMPARE(m_sent.at(1).first, QStringLiteral("search-contacts-advanced"));
    QCOMPARE(m_sent.at(2).first, QStringLiteral("get-contacts"));
    const QUrlQuery query(m_sent.at(2).second);
    QCOMPARE(query.queryItemValue(QStringLiteral("startAfterId")), lastOfFirstPage);
    QCOMPARE(query.queryItemValue(QStringLiteral("limit")), QStringLiteral("100"));
    QCOMPARE(m_sent.size(), 2 + 8); // 750 remaining contacts at 100 per page
}

void TestContactWalker::filteredWalkDoesNotFallBack()
{
    addFault({{QStringLiteral("method"), QStringLiteral("POST")},
        {QStringLiteral("path"), QStringLiteral("/contacts/search")},
        {QStringLiteral("kind"), QStringLiteral("status")}, {QStringLiteral("status"), 422}});
    ContactWalkOptions options;
    options.filters.append(Filter::exists(QStringLiteral("email")));
    const Walk w = walk(options);
    QVERIFY(!w.ok);
    QCOMPARE(w.finishedSignals, 1);
    QCOMPARE(w.fellBack, 0);
    QCOMPARE(w.error.httpStatus(), 422);
    QCOMPARE(w.error.kind(), ApiError::Kind::Validation);
    QCOMPARE(m_sent.size(), 1);
}

void TestContactWalker::otherErrorsDoNotFallBack()
{
    addFault({{QStringLiteral("method"), QStringLiteral("POST")},
        {QStringLiteral("path"), QStringLiteral("/contacts/search")},
        {QStringLiteral("kind"), QStringLiteral("status")}, {QStringLiteral("status"), 403}});
    const Walk w = walk({});
    QVERIFY(!w.ok);
    QCOMPARE(w.fellBack, 0);
    QCOMPARE(w.error.kind(), ApiError::Kind::Forbidden);
    QVERIFY(w.ids.isEmpty());
    QCOMPARE(m_sent.size(), 1);
}

void TestContactWalker::brokenAnswerEndsTheWalk()
{
    // The second page comes back truncated: a typed error, not a crash and not a fallback
    // (the server did answer the search).
    ContactWalkOptions options;
    options.pageLimit = 400;
    const Walk w = walk(options, [this](ContactWalker&, const ContactWalkPage& page) {
        if (page.index == 0)
            addFault({{QStringLiteral("method"), QStringLiteral("POST")},
                {QStringLiteral("path"), QStringLiteral("/contacts/search")},
                {QStringLiteral("kind"), QStringLiteral("malformed-json")}});
    });
    QVERIFY(!w.ok);
    QCOMPARE(w.finishedSignals, 1);
    QCOMPARE(w.error.kind(), ApiError::Kind::IncorrectResponse);
    QCOMPARE(w.fellBack, 0);
    QCOMPARE(w.ids.size(), 400);
    QCOMPARE(m_sent.size(), 2);
}

void TestContactWalker::freeTextQueryOnBothSources_data()
{
    QTest::addColumn<WalkSource>("source");
    QTest::newRow("search") << WalkSource::Search;
    QTest::newRow("list") << WalkSource::List;
}

void TestContactWalker::freeTextQueryOnBothSources()
{
    QFETCH(WalkSource, source);
    const QString a = createContact(QStringLiteral("zebra.walker.one@example.com"));
    const QString b = createContact(QStringLiteral("zebra.walker.two@example.com"));
    ContactWalkOptions options;
    options.source = source;
    options.query = QStringLiteral("zebra.walker");
    const Walk w = walk(options);
    QVERIFY2(w.ok, qPrintable(w.error.userText()));
    QCOMPARE(w.ids, (QStringList {a, b}));
}

void TestContactWalker::cancelStopsTheWalk()
{
    ContactWalkOptions options;
    options.pageLimit = 100;
    const Walk w
        = walk(options, [](ContactWalker& walker, const ContactWalkPage&) { walker.cancel(); });
    QVERIFY(!w.ok);
    QCOMPARE(w.finishedSignals, 1);
    QCOMPARE(w.error.kind(), ApiError::Kind::Cancelled);
    QCOMPARE(w.pages.size(), 1);
    QTest::qWait(100);
    QCOMPARE(m_sent.size(), 1);

    // Cancelling while a page is in flight finishes at once, and nothing more arrives.
    ContactWalker walker(*m_client);
    QSignalSpy finished(&walker, &ContactWalker::finished);
    QSignalSpy pages(&walker, &ContactWalker::pageReady);
    walker.start();
    QVERIFY(walker.isRunning());
    walker.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!walker.isRunning());
    QTest::qWait(100);
    QCOMPARE(pages.size(), 0);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(m_sent.size(), 1);
}

void TestContactWalker::emptyLocation()
{
    const Walk w = walk({});
    QVERIFY2(w.ok, qPrintable(w.error.userText()));
    QVERIFY(w.ids.isEmpty());
    QVERIFY(w.pages.isEmpty());
    QCOMPARE(m_sent.size(), 1);
}

void TestContactWalker::runsInTheBackgroundByDefault()
{
    // Background work waits behind the user's requests: while the location's budget is paused,
    // a foreground call made after the walk started still leaves first.
    QCOMPARE(ContactWalkOptions().priority, Priority::Background);
    m_budget->refused(m_fx->locationId(), 300, false);

    ContactWalker walker(*m_client);
    QSignalSpy finished(&walker, &ContactWalker::finished);
    walker.start();
    RequestSpec spec;
    spec.query = {{QStringLiteral("locationId"), m_fx->locationId()},
        {QStringLiteral("limit"), QStringLiteral("1")}};
    m_client->call(QStringLiteral("get-contacts"), spec);
    QVERIFY(finished.wait(60000));
    QVERIFY(finished.first().first().toBool());
    QVERIFY(m_sent.size() >= 2);
    QCOMPARE(m_sent.at(0).first, QStringLiteral("get-contacts"));
    QCOMPARE(m_sent.at(1).first, QStringLiteral("search-contacts-advanced"));
}

QTEST_GUILESS_MAIN(TestContactWalker)
#include "tst_contactwalker.moc"
