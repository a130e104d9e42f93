// What HighLevel's changes become for Your App: the events (created, only the changed fields,
// deleted, task.completed), the enabled types, the linked user, and no echo of a change an
// automation of ContactDesk made itself (through its outbox items).
#include "webhooks/forwardrouter.h"

#include "api/models/contact.h"
#include "automation/applinks.h"
#include "fakeclock.h"
#include "store/contactcache.h"
#include "store/database.h"
#include "store/localedits.h"
#include "webhooks/forwardqueue.h"
#include "webhooks/forwardsettings.h"

#include <QJsonDocument>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace ContactDesk;
using namespace Qt::StringLiterals;
using namespace ContactDesk::Webhooks;
using Store::ServerChange;
using Store::ServerRecord;

namespace {

const QString url = QStringLiteral("https://app.example.com/hooks/contactdesk");

QJsonObject data(const ForwardItem& item)
{
    return QJsonDocument::fromJson(item.body).object().value(QLatin1StringView("data")).toObject();
}

ServerChange contactChange(const QJsonObject& before, const QJsonObject& after)
{
    return {ServerRecord::Contact, QStringLiteral("c1"), QStringLiteral("c1"), before, after,
        QStringLiteral("webhook")};
}

} // namespace

class TestForwardRouter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<Store::Database>(
            m_dir.filePath(QStringLiteral("cache-%1.db").arg(++m_count)), m_clock);
        QVERIFY(m_db->open().ok);
        m_queue = std::make_unique<ForwardQueue>(*m_db);
        m_router
            = std::make_unique<ForwardRouter>(*m_db, *m_queue, m_clock, QStringLiteral("loc1"));
        ForwardConfig config;
        config.enabled = true;
        config.url = url;
        for (const QString& type : forwardEventTypes())
            config.types.insert(type);
        m_router->setConfig(config);
    }

    void cleanup()
    {
        m_router.reset();
        m_queue.reset();
        m_db.reset();
    }

    void updateCarriesOnlyTheChangedFields()
    {
        const QJsonObject before {{u"id"_s, u"c1"_s}, {u"firstName"_s, u"Ann"_s},
            {u"city"_s, u"Oslo"_s}, {u"dateUpdated"_s, u"2026-11-01T12:00:00.000Z"_s}};
        QJsonObject after = before;
        after.insert(QStringLiteral("city"), QStringLiteral("Bergen"));
        after.insert(QStringLiteral("dateUpdated"), QStringLiteral("2026-11-01T12:05:00.000Z"));
        Automation::AppLinks(*m_db).link(QStringLiteral("u-7"), QStringLiteral("c1"), 0);
        QVERIFY(m_router->route({contactChange(before, after)}));
        const QList<ForwardItem> items = m_queue->recent();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().type, QStringLiteral("contact.updated"));
        QCOMPARE(items.first().destination, url);
        const QJsonObject d = data(items.first());
        QCOMPARE(d.value(u"changes"_s).toObject(), (QJsonObject {{u"city"_s, u"Bergen"_s}}));
        QCOMPARE(d.value(u"previous"_s).toObject(), (QJsonObject {{u"city"_s, u"Oslo"_s}}));
        QCOMPARE(d.value(u"userId"_s).toString(), QStringLiteral("u-7"));
        QCOMPARE(d.value(u"locationId"_s).toString(), QStringLiteral("loc1"));
        // Only dateUpdated moved: nothing to tell.
        QJsonObject touched = after;
        touched.insert(QStringLiteral("dateUpdated"), QStringLiteral("2026-11-01T12:09:00.000Z"));
        // Nor the creation time, which the cache may hold as this machine's for a record made here.
        touched.insert(QStringLiteral("dateAdded"), QStringLiteral("2026-11-01T11:59:59.500Z"));
        QVERIFY(m_router->route({contactChange(after, touched)}));
        QCOMPARE(m_queue->recent().size(), 1);
    }

    void createsDeletesAndTasks()
    {
        const QJsonObject contact {{u"id"_s, u"c1"_s}, {u"firstName"_s, u"Ann"_s}};
        const QJsonObject open {
            {u"id"_s, u"t1"_s}, {u"title"_s, u"Call"_s}, {u"completed"_s, false}};
        QJsonObject done = open;
        done.insert(QStringLiteral("completed"), true);
        QVERIFY(m_router->route({contactChange({}, contact),
            {ServerRecord::Task, u"t1"_s, u"c1"_s, open, done, u"sync"_s},
            {ServerRecord::Note, u"n1"_s, u"c1"_s, {}, {{u"id"_s, u"n1"_s}, {u"body"_s, u"hi"_s}},
                u"webhook"_s},
            contactChange(contact, {})}));
        QStringList types;
        const QList<ForwardItem> items = m_queue->recent();
        for (auto it = items.crbegin(); it != items.crend(); ++it)
            types.append(it->type);
        QCOMPARE(types,
            (QStringList {u"contact.created"_s, u"task.completed"_s, u"note.created"_s,
                u"contact.deleted"_s}));
        QCOMPARE(
            data(items.at(2)).value(u"task"_s).toObject().value(u"completed"_s).toBool(), true);
        QCOMPARE(data(items.at(0)).value(u"id"_s).toString(), QStringLiteral("c1"));
    }

    void onlyEnabledTypesAndOnlyWhenActive()
    {
        ForwardConfig config = m_router->config();
        config.types = {QStringLiteral("contact.deleted")};
        m_router->setConfig(config);
        const QJsonObject contact {{u"id"_s, u"c1"_s}, {u"firstName"_s, u"Ann"_s}};
        QVERIFY(m_router->route({contactChange({}, contact)}));
        QVERIFY(m_queue->recent().isEmpty());
        config.enabled = false;
        m_router->setConfig(config);
        QVERIFY(m_router->route({contactChange(contact, {})}));
        QVERIFY(m_queue->recent().isEmpty());
    }

    void automationChangesAreNotEchoed()
    {
        Store::ContactCache cache(*m_db);
        Store::LocalEdits edits(*m_db);
        QString error;
        const auto contact = Api::Contact::fromJson(
            QJsonObject {{u"id"_s, u"c1"_s}, {u"firstName"_s, u"Ann"_s}, {u"city"_s, u"Oslo"_s},
                {u"email"_s, u"ann@example.com"_s}, {u"locationId"_s, u"loc1"_s},
                {u"dateUpdated"_s, u"2026-11-01T11:00:00.000Z"_s}},
            &error, QStringLiteral("test"));
        QVERIFY2(contact, qPrintable(error));
        QVERIFY(cache.upsertFromServer({*contact}));
        {
            // Your App's event set the first name and a tag, through the automation's outbox.
            Store::LocalEdits::OriginScope scope(edits, Store::OutboxOrigin::Automation);
            QVERIFY(edits.updateContact(QStringLiteral("c1"), {{u"firstName"_s, u"Anna"_s}})
                == Store::EditOutcome::Saved);
            QVERIFY(edits.addTags({QStringLiteral("c1")}, {QStringLiteral("vip")})
                == Store::EditOutcome::Saved);
            Api::Contact draft;
            draft.firstName = QStringLiteral("Bo");
            draft.email = QStringLiteral("bo@example.com");
            QVERIFY(edits.createContact(draft).startsWith(QStringLiteral("local-")));
        }
        const QJsonObject before {
            {u"id"_s, u"c1"_s}, {u"firstName"_s, u"Ann"_s}, {u"city"_s, u"Oslo"_s}};
        // HighLevel reports exactly that back: nothing goes to Your App.
        QJsonObject echo = before;
        echo.insert(QStringLiteral("firstName"), QStringLiteral("Anna"));
        echo.insert(QStringLiteral("tags"), QJsonArray {u"vip"_s});
        QVERIFY(m_router->route({contactChange(before, echo)}));
        QVERIFY(m_queue->recent().isEmpty());
        QCOMPARE(m_router->echoesDropped(), 1);
        // The create the automation made, once HighLevel gave it an id.
        QVERIFY(m_router->route({{ServerRecord::Contact, u"c2"_s, u"c2"_s, {},
            {{u"id"_s, u"c2"_s}, {u"firstName"_s, u"Bo"_s}, {u"email"_s, u"BO@example.com"_s}},
            u"webhook"_s}}));
        QVERIFY(m_queue->recent().isEmpty());
        // Someone else changed the city at the same time: only that is forwarded.
        QJsonObject mixed = echo;
        mixed.insert(QStringLiteral("city"), QStringLiteral("Bergen"));
        QVERIFY(m_router->route({contactChange(before, mixed)}));
        QCOMPARE(m_queue->recent().size(), 1);
        QCOMPARE(data(m_queue->recent().first()).value(u"changes"_s).toObject(),
            (QJsonObject {{u"city"_s, u"Bergen"_s}}));
        // A value the automation did not send is a change from elsewhere.
        QJsonObject other = before;
        other.insert(QStringLiteral("firstName"), QStringLiteral("Annie"));
        QVERIFY(m_router->route({contactChange(before, other)}));
        QCOMPARE(m_queue->recent().size(), 2);
    }

    void userEditsAreNotTakenForEchoes()
    {
        Store::ContactCache cache(*m_db);
        Store::LocalEdits edits(*m_db);
        QString error;
        QVERIFY(cache.upsertFromServer(
            {*Api::Contact::fromJson(QJsonObject {{u"id"_s, u"c1"_s}, {u"firstName"_s, u"Ann"_s}},
                &error, QStringLiteral("t"))}));
        QVERIFY(edits.updateContact(QStringLiteral("c1"), {{u"firstName"_s, u"Anna"_s}})
            == Store::EditOutcome::Saved);
        QVERIFY(m_router->route({contactChange({{u"id"_s, u"c1"_s}, {u"firstName"_s, u"Ann"_s}},
            {{u"id"_s, u"c1"_s}, {u"firstName"_s, u"Anna"_s}})}));
        QCOMPARE(m_queue->recent().size(), 1);
    }

    void settingsRoundTrip()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        ForwardConfig fresh = readForwardConfig(settings, QStringLiteral("conn"));
        QVERIFY(!fresh.enabled);
        QCOMPARE(fresh.types.size(), forwardEventTypes().size());
        ForwardConfig config;
        config.enabled = true;
        config.url = url;
        config.types = {QStringLiteral("task.completed"), QStringLiteral("bogus")};
        writeForwardConfig(settings, QStringLiteral("conn"), config);
        const ForwardConfig read = readForwardConfig(settings, QStringLiteral("conn"));
        QVERIFY(read.isActive());
        QCOMPARE(read.types, (QSet<QString> {QStringLiteral("task.completed")}));
        QVERIFY(checkForwardUrl(url).isEmpty());
        QVERIFY(!checkForwardUrl(QStringLiteral("ftp://x")).isEmpty());
        QVERIFY(checkForwardUrl(QStringLiteral("http://127.0.0.1:8080/hook")).isEmpty());
        QVERIFY(checkForwardUrl(QStringLiteral("http://localhost/hook")).isEmpty());
        QVERIFY(checkForwardUrl(QStringLiteral("http://app.example.com/hook"))
                    .contains(QStringLiteral("plain http")));
        QVERIFY(!checkForwardUrl(QStringLiteral("https://u:p@app.example.com/hook")).isEmpty());
        QVERIFY(!checkForwardUrl(QString()).isEmpty());
    }

private:
    QTemporaryDir m_dir;
    int m_count = 0;
    Testing::FakeClock m_clock;
    std::unique_ptr<Store::Database> m_db;
    std::unique_ptr<ForwardQueue> m_queue;
    std::unique_ptr<ForwardRouter> m_router;
};

QTEST_GUILESS_MAIN(TestForwardRouter)
#include "tst_forwardrouter.moc"
