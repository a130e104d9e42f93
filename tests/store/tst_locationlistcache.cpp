// The location's lists in the cache: every kind survives a save and a reopen, in the order the
// UI shows them, a save replaces the old list, and a kind the connection may not read keeps its
// reason.
#include "store/database.h"
#include "store/locationlistcache.h"
#include "storetestsupport.h"

#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Store;
using namespace ContactDesk::Store::Testing;
using Kind = Api::LocationLists::Kind;

namespace {

Api::CustomFieldDefinition field(
    const QString& id, const QString& name, const QString& type, int position)
{
    Api::CustomFieldDefinition f;
    f.id = id;
    f.name = name;
    f.fieldKey
        = QStringLiteral("contact.") + name.toLower().replace(QLatin1Char(' '), QLatin1Char('_'));
    f.dataType = type;
    f.model = QStringLiteral("contact");
    f.position = position;
    if (type == QLatin1String("SINGLE_OPTIONS"))
        f.picklistOptions = {QStringLiteral("Gold"), QStringLiteral("Silver")};
    return f;
}

Api::User user(const QString& id, const QString& first, const QString& last)
{
    Api::User u;
    u.id = id;
    u.firstName = first;
    u.lastName = last;
    u.name = first + QLatin1Char(' ') + last;
    u.email = first.toLower() + QStringLiteral("@example.com");
    return u;
}

} // namespace

class TestLocationListCache : public QObject
{
    Q_OBJECT

private slots:
    void emptyBeforeTheFirstRefresh();
    void everyKindSurvivesAReopenInDisplayOrder();
    void aSaveReplacesTheList();
    void unavailableKeepsItsReason();
    void aFailedWriteKeepsTheOldList();
    void anUnreadableRowCountsAsEmpty();
    void aVersion3CacheGainsTheLists();
};

void TestLocationListCache::emptyBeforeTheFirstRefresh()
{
    TempStore store;
    QVERIFY(store.open().ok);
    const Api::LocationLists lists = LocationListCache(store.db()).load();
    QVERIFY(lists.customFields.isEmpty());
    QVERIFY(lists.users.isEmpty());
    QVERIFY(lists.unavailable.isEmpty());
    QVERIFY(!lists.refreshedAt.isValid());
}

void TestLocationListCache::everyKindSurvivesAReopenInDisplayOrder()
{
    TempStore store;
    QVERIFY(store.open().ok);
    const QDateTime at = utc(1793534400000);
    {
        LocationListCache cache(store.db());
        QVERIFY(cache.saveCustomFields(
            {field(QStringLiteral("f3"), QStringLiteral("Level"), QStringLiteral("SINGLE_OPTIONS"),
                 2),
                field(QStringLiteral("f1"), QStringLiteral("Birthday"), QStringLiteral("DATE"), 1),
                field(QStringLiteral("f2"), QStringLiteral("Age"), QStringLiteral("NUMERICAL"), 2)},
            at));
        Api::LocationTag vip {QStringLiteral("t1"), QStringLiteral("vip"), QStringLiteral("L")};
        Api::LocationTag lead {QStringLiteral("t2"), QStringLiteral("Lead"), QStringLiteral("L")};
        QVERIFY(cache.saveTags({vip, lead}, at));
        QVERIFY(cache.saveUsers(
            {user(QStringLiteral("u1"), QStringLiteral("Zoe"), QStringLiteral("Adams")),
                user(QStringLiteral("u2"), QStringLiteral("Anna"), QStringLiteral("Berg"))},
            at));
        Api::Calendar demo;
        demo.id = QStringLiteral("c1");
        demo.name = QStringLiteral("Sales demo");
        Api::Calendar intro;
        intro.id = QStringLiteral("c2");
        intro.name = QStringLiteral("Intro call");
        intro.isActive = false;
        QVERIFY(cache.saveCalendars({demo, intro}, at));
    }
    store.close();
    QVERIFY(store.open().ok);
    const Api::LocationLists lists = LocationListCache(store.db()).load();
    QCOMPARE(lists.customFields.size(), 3);
    QCOMPARE(lists.customFields.at(0).name, QStringLiteral("Birthday"));
    QCOMPARE(lists.customFields.at(1).name, QStringLiteral("Age"));
    QCOMPARE(lists.customFields.at(2).name, QStringLiteral("Level"));
    QCOMPARE(lists.customFields.at(2).picklistOptions,
        QStringList({QStringLiteral("Gold"), QStringLiteral("Silver")}));
    QCOMPARE(lists.customFields.at(2).fieldKey, QStringLiteral("contact.level"));
    QCOMPARE(lists.tags.at(0).name, QStringLiteral("Lead"));
    QCOMPARE(lists.tags.at(1).name, QStringLiteral("vip"));
    QCOMPARE(lists.users.at(0).displayName(), QStringLiteral("Anna Berg"));
    QCOMPARE(lists.users.at(1).email, QStringLiteral("zoe@example.com"));
    QCOMPARE(lists.calendars.at(0).name, QStringLiteral("Intro call"));
    QVERIFY(!lists.calendars.at(0).isActive);
    QCOMPARE(lists.userName(QStringLiteral("u1")), QStringLiteral("Zoe Adams"));
    QCOMPARE(lists.calendarName(QStringLiteral("c1")), QStringLiteral("Sales demo"));
    QVERIFY(lists.unavailable.isEmpty());
    QCOMPARE(lists.refreshedAt, at);
}

void TestLocationListCache::aSaveReplacesTheList()
{
    TempStore store;
    QVERIFY(store.open().ok);
    LocationListCache cache(store.db());
    QVERIFY(cache.saveUsers(
        {user(QStringLiteral("u1"), QStringLiteral("Zoe"), QStringLiteral("Adams")),
            user(QStringLiteral("u2"), QStringLiteral("Anna"), QStringLiteral("Berg"))},
        utc(1000)));
    QVERIFY(cache.saveUsers(
        {user(QStringLiteral("u3"), QStringLiteral("Carl"), QStringLiteral("Dunn"))}, utc(2000)));
    const Api::LocationLists lists = cache.load();
    QCOMPARE(lists.users.size(), 1);
    QCOMPARE(lists.users.at(0).id, QStringLiteral("u3"));
    QCOMPARE(cache.refreshedAt(Kind::Users), utc(2000));
    QVERIFY(!cache.refreshedAt(Kind::Tags).isValid());
}

void TestLocationListCache::unavailableKeepsItsReason()
{
    TempStore store;
    QVERIFY(store.open().ok);
    const QString reason
        = QStringLiteral("this connection can't read users: add the users.readonly scope");
    {
        LocationListCache cache(store.db());
        QVERIFY(cache.saveUsers(
            {user(QStringLiteral("u1"), QStringLiteral("Zoe"), QStringLiteral("Adams"))},
            utc(1000)));
        QVERIFY(cache.saveUnavailable(Kind::Users, reason, utc(2000)));
    }
    store.close();
    QVERIFY(store.open().ok);
    LocationListCache cache(store.db());
    Api::LocationLists lists = cache.load();
    QVERIFY(lists.users.isEmpty());
    QCOMPARE(lists.unavailable.value(Kind::Users), reason);
    QVERIFY(!lists.unavailable.contains(Kind::Tags));
    QCOMPARE(lists.userName(QStringLiteral("u1")), QStringLiteral("u1"));
    // Readable again after a refresh that succeeds.
    QVERIFY(cache.saveUsers(
        {user(QStringLiteral("u1"), QStringLiteral("Zoe"), QStringLiteral("Adams"))}, utc(3000)));
    lists = cache.load();
    QVERIFY(!lists.unavailable.contains(Kind::Users));
    QCOMPARE(lists.users.size(), 1);
}

void TestLocationListCache::aFailedWriteKeepsTheOldList()
{
    TempStore store;
    QVERIFY(store.open().ok);
    LocationListCache cache(store.db());
    Api::LocationTag vip {QStringLiteral("t1"), QStringLiteral("vip"), QStringLiteral("L")};
    QVERIFY(cache.saveTags({vip}, utc(1000)));
    store.makeReadOnly(true);
    Api::LocationTag lead {QStringLiteral("t2"), QStringLiteral("Lead"), QStringLiteral("L")};
    QVERIFY(!cache.saveTags({lead}, utc(2000)));
    QVERIFY(!cache.lastError().message.isEmpty());
    store.makeReadOnly(false);
    const Api::LocationLists lists = cache.load();
    QCOMPARE(lists.tags.size(), 1);
    QCOMPARE(lists.tags.at(0).name, QStringLiteral("vip"));
}

void TestLocationListCache::anUnreadableRowCountsAsEmpty()
{
    TempStore store;
    QVERIFY(store.open().ok);
    LocationListCache cache(store.db());
    Api::LocationTag vip {QStringLiteral("t1"), QStringLiteral("vip"), QStringLiteral("L")};
    QVERIFY(cache.saveTags({vip}, utc(1000)));
    QVERIFY(store.exec(QStringLiteral("UPDATE location_lists SET items = 'not json'")));
    QVERIFY(cache.load().tags.isEmpty());
    // The next refresh rewrites it.
    QVERIFY(cache.saveTags({vip}, utc(2000)));
    QCOMPARE(cache.load().tags.size(), 1);
}

void TestLocationListCache::aVersion3CacheGainsTheLists()
{
    TempStore store;
    QVERIFY(store.open(3).ok);
    QVERIFY(!LocationListCache(store.db()).saveTags({}, utc(1000)));
    store.close();
    QVERIFY(store.open().ok);
    QCOMPARE(store.db().schemaVersion(), Database::currentSchemaVersion);
    LocationListCache cache(store.db());
    Api::LocationTag vip {QStringLiteral("t1"), QStringLiteral("vip"), QStringLiteral("L")};
    QVERIFY(cache.saveTags({vip}, utc(2000)));
    QCOMPARE(cache.load().tags.size(), 1);
}

QTEST_GUILESS_MAIN(TestLocationListCache)
#include "tst_locationlistcache.moc"
