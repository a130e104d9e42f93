// The contacts table as the list and the sync engine see it: server upserts and removals, list
// order per column, FTS prefix search, window summaries, tags, and local edits that a server
// page must not overwrite.
#include "store/contactcache.h"
#include "store/database.h"
#include "store/localedits.h"
#include "store/outbox.h"
#include "storetestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Store;
using namespace ContactDesk::Store::Testing;

Q_DECLARE_METATYPE(ContactDesk::Store::SortColumn)
Q_DECLARE_METATYPE(ContactDesk::Api::Contact)

namespace {

using Ids = QStringList;

// Five contacts whose columns differ in every order; "Eve" has no email, company or tags.
QList<Api::Contact> listContacts()
{
    Api::Contact a = serverContact(serverId(1), QStringLiteral("Carol"), QStringLiteral("Baker"),
        QStringLiteral("carol@zeta.example"), QStringLiteral("+1 415-555-0300"),
        QStringLiteral("Beta Corp"), {QStringLiteral("vip")});
    a.dateAdded = utc(3000);
    a.dateUpdated = utc(9000);
    Api::Contact b = serverContact(serverId(2), QStringLiteral("alice"), QStringLiteral("Zimmer"),
        QStringLiteral("alice@alpha.example"), QStringLiteral("+1 415-555-0100"),
        QStringLiteral("Gamma LLC"), {QStringLiteral("lead"), QStringLiteral("VIP")});
    b.dateAdded = utc(1000);
    b.dateUpdated = utc(8000);
    Api::Contact c = serverContact(serverId(3), QStringLiteral("Bob"), QStringLiteral("Young"),
        QStringLiteral("bob@mid.example"), QStringLiteral("+1 415-555-0200"),
        QStringLiteral("alpha inc"), {QStringLiteral("customer")});
    c.dateAdded = utc(2000);
    c.dateUpdated = utc(7000);
    Api::Contact d = serverContact(serverId(4), QStringLiteral("Dave"), QString(),
        QStringLiteral("dave@beta.example"), QString(), QStringLiteral("Delta"),
        {QStringLiteral("lead")});
    d.dateAdded = utc(5000);
    d.dateUpdated = {};
    Api::Contact e = serverContact(serverId(5), QStringLiteral("Eve"), QStringLiteral("Adams"),
        QString(), QStringLiteral("+44 20 7946 0958"));
    e.dateAdded = utc(4000);
    e.dateUpdated = utc(6000);
    return {a, b, c, d, e};
}

} // namespace

class TestContactCache : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void upsertStoresTheWholeContact();
    void upsertUpdatesInPlaceAndSignals();
    void repeatedPageChangesNothing();
    void removeFromServerDropsContactAndChildren();
    void allServerIdsLeavesOutLocalCreates();
    void summariesFollowTheRequestedOrder();
    void orderedRowIds_data();
    void orderedRowIds();
    void orderedRowIdsWithTag();
    void search_data();
    void search();
    void searchFollowsChanges();
    void ftsQueryQuotesEachWord();
    void cachedJsonTextIsWhatQtWrites_data();
    void cachedJsonTextIsWhatQtWrites();
    void allTagsOncePerSpelling();
    void displayNameFallbacks();
    void pendingFieldsSurviveServerUpsert();
    void pendingTagsSurviveServerUpsert();
    void locallyDeletedContactIsNotBroughtBack();
    void doneEditsLetTheServerWin();

private:
    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<ContactCache> m_cache;

    QVector<qint64> rows(const QStringList& ids) const
    {
        QVector<qint64> result;
        for (const QString& id : ids)
            result.append(m_cache->rowIdFor(id));
        return result;
    }
    QStringList ids(const QVector<qint64>& rowIds) const
    {
        QStringList result;
        for (qint64 rowId : rowIds)
            result.append(m_cache->idForRowId(rowId));
        return result;
    }
};

void TestContactCache::init()
{
    m_store = std::make_unique<TempStore>();
    QVERIFY(m_store->open().ok);
    m_cache = std::make_unique<ContactCache>(m_store->db());
}

void TestContactCache::cleanup()
{
    m_cache.reset();
    m_store.reset();
}

void TestContactCache::upsertStoresTheWholeContact()
{
    Api::Contact contact = listContacts().first();
    contact.address1 = QStringLiteral("1 Main St");
    contact.customFields = {{QStringLiteral("cf00000000000000000a"), {}, QJsonValue(42)}};
    contact.extra.insert(QStringLiteral("attributionSource"),
        QJsonObject {{QStringLiteral("medium"), QStringLiteral("manual")}});
    QVERIFY(m_cache->upsertFromServer({contact}));
    QCOMPARE(m_cache->count(), 1);
    const auto stored = m_cache->contact(contact.id);
    QVERIFY(stored);
    QVERIFY(*stored == contact);
    QCOMPARE(m_cache->contactByRowId(m_cache->rowIdFor(contact.id))->id, contact.id);
    QVERIFY(!m_cache->contact(QStringLiteral("nope")));
    QCOMPARE(m_cache->rowIdFor(QStringLiteral("nope")), 0);
}

void TestContactCache::upsertUpdatesInPlaceAndSignals()
{
    QSignalSpy inserted(&m_store->db(), &Database::contactsInserted);
    QSignalSpy changed(&m_store->db(), &Database::contactsChanged);
    const QList<Api::Contact> contacts = listContacts();
    QVERIFY(m_cache->upsertFromServer(contacts));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().first().value<QVector<qint64>>().size(), 5);
    QCOMPARE(changed.size(), 0);

    const qint64 rowId = m_cache->rowIdFor(serverId(2));
    Api::Contact renamed = contacts.at(1);
    renamed.firstName = QStringLiteral("Alicia");
    renamed.name = QStringLiteral("Alicia Zimmer");
    QVERIFY(m_cache->upsertFromServer({renamed, contacts.at(2)}));
    QCOMPARE(m_cache->count(), 5);
    QCOMPARE(m_cache->rowIdFor(serverId(2)), rowId);
    QCOMPARE(m_cache->summary(serverId(2))->displayName, QStringLiteral("Alicia Zimmer"));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().value<QVector<qint64>>(), QVector<qint64> {rowId});
}

void TestContactCache::repeatedPageChangesNothing()
{
    QVERIFY(m_cache->upsertFromServer(listContacts()));
    QSignalSpy changed(&m_store->db(), &Database::contactsChanged);
    QSignalSpy inserted(&m_store->db(), &Database::contactsInserted);
    QVERIFY(m_cache->upsertFromServer(listContacts()));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(inserted.size(), 0);
}

void TestContactCache::removeFromServerDropsContactAndChildren()
{
    QVERIFY(m_cache->upsertFromServer(listContacts()));
    LocalEdits edits(m_store->db());
    Api::Task task;
    task.title = QStringLiteral("Call back");
    QVERIFY(!edits.createTask(serverId(3), task).isEmpty());
    QSignalSpy removed(&m_store->db(), &Database::contactsRemoved);
    const qint64 rowId = m_cache->rowIdFor(serverId(3));

    QVERIFY(m_cache->removeFromServer({serverId(3), QStringLiteral("unknown00000000000000")}));
    QCOMPARE(m_cache->count(), 4);
    QVERIFY(!m_cache->contact(serverId(3)));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().value<QVector<qint64>>(), QVector<qint64> {rowId});
    QVERIFY(m_cache->matchingRowIds(QStringLiteral("bob")).isEmpty());
    QCOMPARE(m_store->scalar(QStringLiteral("SELECT count(*) FROM tasks")).toInt(), 0);
}

void TestContactCache::allServerIdsLeavesOutLocalCreates()
{
    QVERIFY(m_cache->upsertFromServer(listContacts()));
    LocalEdits edits(m_store->db());
    const QString local
        = edits.createContact(serverContact({}, QStringLiteral("New"), QStringLiteral("Person")));
    QCOMPARE(m_cache->count(), 6);
    QStringList ids = m_cache->allServerIds();
    ids.sort();
    QCOMPARE(ids, (QStringList {serverId(1), serverId(2), serverId(3), serverId(4), serverId(5)}));
    QVERIFY(!ids.contains(local));
}

void TestContactCache::summariesFollowTheRequestedOrder()
{
    QVERIFY(m_cache->upsertFromServer(listContacts()));
    const QVector<qint64> wanted {
        m_cache->rowIdFor(serverId(4)), 999999, m_cache->rowIdFor(serverId(1))};
    const QList<ContactSummary> summaries = m_cache->summaries(wanted);
    QCOMPARE(summaries.size(), 2);
    QCOMPARE(summaries.at(0).id, serverId(4));
    QCOMPARE(summaries.at(1).id, serverId(1));
    const ContactSummary& carol = summaries.at(1);
    QCOMPARE(carol.rowId, wanted.at(2));
    QCOMPARE(carol.displayName, QStringLiteral("Carol Baker"));
    QCOMPARE(carol.email, QStringLiteral("carol@zeta.example"));
    QCOMPARE(carol.phone, QStringLiteral("+1 415-555-0300"));
    QCOMPARE(carol.company, QStringLiteral("Beta Corp"));
    QCOMPARE(carol.tags, QStringList {QStringLiteral("vip")});
    QCOMPARE(carol.dateAddedMs, 3000);
    QCOMPARE(carol.dateUpdatedMs, 9000);
    QCOMPARE(carol.localStatus, LocalStatus::Synced);
    QVERIFY(!carol.local);
    QVERIFY(!carol.stale);
    QCOMPARE(summaries.at(0).dateUpdatedMs, 0);
}

void TestContactCache::orderedRowIds_data()
{
    QTest::addColumn<SortColumn>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QStringList>("expected");
    const QString a = serverId(1); // Carol Baker
    const QString b = serverId(2); // alice Zimmer
    const QString c = serverId(3); // Bob Young
    const QString d = serverId(4); // Dave
    const QString e = serverId(5); // Eve Adams
    // Names compare without case; empty values come last in both orders.
    QTest::newRow("name asc") << SortColumn::Name << Qt::AscendingOrder << Ids {b, c, a, d, e};
    QTest::newRow("name desc") << SortColumn::Name << Qt::DescendingOrder << Ids {e, d, a, c, b};
    QTest::newRow("email asc") << SortColumn::Email << Qt::AscendingOrder << Ids {b, c, a, d, e};
    QTest::newRow("email desc") << SortColumn::Email << Qt::DescendingOrder << Ids {d, a, c, b, e};
    QTest::newRow("phone asc") << SortColumn::Phone << Qt::AscendingOrder << Ids {b, c, a, e, d};
    QTest::newRow("phone desc") << SortColumn::Phone << Qt::DescendingOrder << Ids {e, a, c, b, d};
    QTest::newRow("company asc") << SortColumn::Company << Qt::AscendingOrder
                                 << Ids {c, a, d, b, e};
    QTest::newRow("company desc") << SortColumn::Company << Qt::DescendingOrder
                                  << Ids {b, d, a, c, e};
    QTest::newRow("tags asc") << SortColumn::Tags << Qt::AscendingOrder << Ids {c, d, b, a, e};
    QTest::newRow("added asc") << SortColumn::DateAdded << Qt::AscendingOrder
                               << Ids {b, c, a, e, d};
    QTest::newRow("added desc") << SortColumn::DateAdded << Qt::DescendingOrder
                                << Ids {d, e, a, c, b};
    QTest::newRow("updated asc") << SortColumn::DateUpdated << Qt::AscendingOrder
                                 << Ids {e, c, b, a, d};
    QTest::newRow("updated desc") << SortColumn::DateUpdated << Qt::DescendingOrder
                                  << Ids {a, b, c, e, d};
}

void TestContactCache::orderedRowIds()
{
    QFETCH(SortColumn, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QStringList, expected);
    QVERIFY(m_cache->upsertFromServer(listContacts()));
    QCOMPARE(ids(m_cache->orderedRowIds(column, order)), expected);
}

void TestContactCache::orderedRowIdsWithTag()
{
    QVERIFY(m_cache->upsertFromServer(listContacts()));
    // "vip" and "VIP" are one tag.
    QCOMPARE(
        ids(m_cache->orderedRowIds(SortColumn::Name, Qt::AscendingOrder, QStringLiteral("Vip"))),
        (Ids {serverId(2), serverId(1)}));
    QCOMPARE(ids(m_cache->orderedRowIds(
                 SortColumn::DateAdded, Qt::DescendingOrder, QStringLiteral("lead"))),
        (Ids {serverId(4), serverId(2)}));
    QVERIFY(m_cache->orderedRowIds(SortColumn::Name, Qt::AscendingOrder, QStringLiteral("none"))
                .isEmpty());
}

void TestContactCache::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("first name prefix") << QStringLiteral("car") << Ids {serverId(1)};
    QTest::newRow("last name prefix, any case") << QStringLiteral("ZIM") << Ids {serverId(2)};
    QTest::newRow("email prefix") << QStringLiteral("dave@be") << Ids {serverId(4)};
    QTest::newRow("email domain") << QStringLiteral("alpha") << Ids {serverId(2), serverId(3)};
    QTest::newRow("company word") << QStringLiteral("gamma") << Ids {serverId(2)};
    QTest::newRow("tag") << QStringLiteral("custom") << Ids {serverId(3)};
    QTest::newRow("tag on two") << QStringLiteral("lead") << Ids {serverId(2), serverId(4)};
    QTest::newRow("phone digits with country code")
        << QStringLiteral("1415555020") << Ids {serverId(3)};
    QTest::newRow("phone digits without country code")
        << QStringLiteral("4155550") << Ids {serverId(1), serverId(2), serverId(3)};
    QTest::newRow("national digits, two-digit code")
        << QStringLiteral("2079460") << Ids {serverId(5)};
    QTest::newRow("phone as formatted") << QStringLiteral("555-0100") << Ids {serverId(2)};
    QTest::newRow("two words, both must match") << QStringLiteral("bob alp") << Ids {serverId(3)};
    QTest::newRow("two words, one misses") << QStringLiteral("bob gamma") << Ids {};
    QTest::newRow("no match") << QStringLiteral("xyzzy") << Ids {};
    QTest::newRow("punctuation only") << QStringLiteral(" - @ ") << Ids {};
    QTest::newRow("quote in a word") << QStringLiteral("o\"brien") << Ids {};
}

void TestContactCache::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QVERIFY(m_cache->upsertFromServer(listContacts()));
    const QVector<qint64> found = m_cache->matchingRowIds(text);
    QVERIFY(std::is_sorted(found.cbegin(), found.cend()));
    QStringList foundIds = ids(found);
    foundIds.sort();
    QCOMPARE(foundIds, expected);
    QVERIFY(!m_store->db().lastError().isError());
}

void TestContactCache::searchFollowsChanges()
{
    Api::Contact jose = serverContact(serverId(9), QStringLiteral("José"), QStringLiteral("Núñez"));
    QVERIFY(m_cache->upsertFromServer({jose}));
    // Accents do not matter when typing.
    QCOMPARE(ids(m_cache->matchingRowIds(QStringLiteral("jose nun"))), Ids {serverId(9)});
    jose.firstName = QStringLiteral("Pepe");
    jose.name = QStringLiteral("Pepe Núñez");
    QVERIFY(m_cache->upsertFromServer({jose}));
    QVERIFY(m_cache->matchingRowIds(QStringLiteral("jose")).isEmpty());
    QCOMPARE(ids(m_cache->matchingRowIds(QStringLiteral("pep"))), Ids {serverId(9)});
    QVERIFY(m_cache->removeFromServer({serverId(9)}));
    QVERIFY(m_cache->matchingRowIds(QStringLiteral("pep")).isEmpty());
}

void TestContactCache::ftsQueryQuotesEachWord()
{
    QCOMPARE(
        ContactCache::ftsQuery(QStringLiteral("  jo  smi ")), QStringLiteral("\"jo\"* \"smi\"*"));
    QCOMPARE(ContactCache::ftsQuery(QStringLiteral("a\"b")), QStringLiteral("\"a\" \"b\"*"));
    QCOMPARE(
        ContactCache::ftsQuery(QStringLiteral("dave@be.")), QStringLiteral("\"dave\" \"be\"*"));
    QCOMPARE(ContactCache::ftsQuery(QStringLiteral("+1 555-01")),
        QStringLiteral("\"1\"* \"555\" \"01\"*"));
    QCOMPARE(ContactCache::ftsQuery(QStringLiteral("OR NOT")), QStringLiteral("\"OR\"* \"NOT\"*"));
    QVERIFY(ContactCache::ftsQuery(QStringLiteral("  ")).isEmpty());
}

void TestContactCache::allTagsOncePerSpelling()
{
    QVERIFY(m_cache->upsertFromServer(listContacts()));
    const QStringList tags = m_cache->allTags();
    QCOMPARE(tags.size(), 3);
    QCOMPARE(tags.at(0), QStringLiteral("customer"));
    QCOMPARE(tags.at(1), QStringLiteral("lead"));
    QCOMPARE(tags.at(2).toLower(), QStringLiteral("vip"));
}

void TestContactCache::displayNameFallbacks()
{
    Api::Contact contact;
    contact.phone = QStringLiteral("+15550001");
    QCOMPARE(ContactCache::displayName(contact), QStringLiteral("+15550001"));
    contact.email = QStringLiteral("x@y.example");
    QCOMPARE(ContactCache::displayName(contact), QStringLiteral("x@y.example"));
    contact.lastName = QStringLiteral("Lamarr");
    QCOMPARE(ContactCache::displayName(contact), QStringLiteral("Lamarr"));
    contact.firstName = QStringLiteral("Hedy");
    QCOMPARE(ContactCache::displayName(contact), QStringLiteral("Hedy Lamarr"));
    contact.name = QStringLiteral("Hedwig Kiesler");
    QCOMPARE(ContactCache::displayName(contact), QStringLiteral("Hedwig Kiesler"));
}

void TestContactCache::pendingFieldsSurviveServerUpsert()
{
    QVERIFY(m_cache->upsertFromServer(listContacts()));
    LocalEdits edits(m_store->db());
    QCOMPARE(edits.updateContact(serverId(1),
                 {{QStringLiteral("email"), QStringLiteral("carol@new.example")},
                     {QStringLiteral("firstName"), QStringLiteral("Caroline")}}),
        EditOutcome::Saved);

    // The server's next page has an older email but a new phone.
    Api::Contact server = listContacts().first();
    server.phone = QStringLiteral("+1 415-555-0999");
    server.dateUpdated = utc(10000);
    QVERIFY(m_cache->upsertFromServer({server}));
    const auto merged = m_cache->contact(serverId(1));
    QVERIFY(merged);
    QCOMPARE(merged->email, QStringLiteral("carol@new.example"));
    QCOMPARE(merged->firstName, QStringLiteral("Caroline"));
    QCOMPARE(merged->name, QStringLiteral("Caroline Baker"));
    QCOMPARE(merged->phone, QStringLiteral("+1 415-555-0999"));
    QCOMPARE(m_cache->summary(serverId(1))->localStatus, LocalStatus::Pending);
    QCOMPARE(ids(m_cache->matchingRowIds(QStringLiteral("caroline"))), Ids {serverId(1)});
    // The base for conflict detection is still what the server had when the edit was made.
    const QList<OutboxItem> items = Outbox(m_store->db()).list();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().base.value(QStringLiteral("email")).toString(),
        QStringLiteral("carol@zeta.example"));
}

void TestContactCache::pendingTagsSurviveServerUpsert()
{
    QVERIFY(m_cache->upsertFromServer(listContacts()));
    LocalEdits edits(m_store->db());
    QCOMPARE(edits.addTags({serverId(3)}, {QStringLiteral("hot")}), EditOutcome::Saved);
    QCOMPARE(edits.removeTags({serverId(3)}, {QStringLiteral("customer")}), EditOutcome::Saved);
    Api::Contact server = listContacts().at(2);
    server.tags = {QStringLiteral("customer"), QStringLiteral("newsletter")};
    QVERIFY(m_cache->upsertFromServer({server}));
    QCOMPARE(m_cache->contact(serverId(3))->tags,
        (QStringList {QStringLiteral("newsletter"), QStringLiteral("hot")}));
}

void TestContactCache::locallyDeletedContactIsNotBroughtBack()
{
    QVERIFY(m_cache->upsertFromServer(listContacts()));
    LocalEdits edits(m_store->db());
    QCOMPARE(edits.deleteContact(serverId(2)), EditOutcome::Saved);
    QVERIFY(m_cache->upsertFromServer(listContacts()));
    QCOMPARE(m_cache->count(), 4);
    QVERIFY(!m_cache->contact(serverId(2)));
}

void TestContactCache::doneEditsLetTheServerWin()
{
    QVERIFY(m_cache->upsertFromServer(listContacts()));
    LocalEdits edits(m_store->db());
    QCOMPARE(edits.updateContact(
                 serverId(1), {{QStringLiteral("email"), QStringLiteral("carol@new.example")}}),
        EditOutcome::Saved);
    Outbox outbox(m_store->db());
    const auto item = outbox.nextReady(m_store->clock().nowMs());
    QVERIFY(item);
    QVERIFY(outbox.markInFlight(item->id));
    QVERIFY(outbox.markDone(item->id));
    QCOMPARE(m_cache->summary(serverId(1))->localStatus, LocalStatus::Synced);

    Api::Contact server = listContacts().first();
    server.email = QStringLiteral("carol@server.example");
    QVERIFY(m_cache->upsertFromServer({server}));
    QCOMPARE(m_cache->contact(serverId(1))->email, QStringLiteral("carol@server.example"));
}

QTEST_GUILESS_MAIN(TestContactCache)
void TestContactCache::cachedJsonTextIsWhatQtWrites_data()
{
    QTest::addColumn<Api::Contact>("contact");
    const Api::Contact plain = serverContact(serverId(1), QStringLiteral("Carol"),
        QStringLiteral("Baker"), QStringLiteral("carol@example.test"), QStringLiteral("+1 415"));
    QTest::newRow("plain") << plain;
    Api::Contact tricky = plain;
    tricky.name = QStringLiteral("Zoë \"Q\" O'Brien \\ 日本 😀");
    tricky.address1 = QStringLiteral("line\nbreak\ttab\r\b\f") + QChar(u'\x01') + QChar(u'\x1f')
        + QChar(u'\x7f');
    tricky.tags = {QStringLiteral("a,b"), QStringLiteral("\"q\""), QString()};
    tricky.followers = {QStringLiteral("u1"), QStringLiteral("u2")};
    tricky.dnd = true;
    tricky.dndSettings[Api::DndChannel::Sms]
        = Api::DndStatus {QStringLiteral("active"), QStringLiteral("m"), QStringLiteral("c")};
    tricky.inboundDndSettings.all = Api::DndStatus {QStringLiteral("inactive"), {}, {}};
    tricky.dateOfBirth = QDate(1990, 2, 28);
    tricky.customFields = {{QStringLiteral("cf1"), {}, QJsonValue(42.5)},
        {QStringLiteral("cf2"), {}, QJsonArray {QStringLiteral("x"), 1, true}}};
    QTest::newRow("escapes, DND, custom fields") << tricky;
    Api::Contact extras = plain;
    // Unknown keys sort among the known ones; a stray known key in `extra` loses to the field.
    extras.extra = QJsonObject {{QStringLiteral("emailLowerCase"), QStringLiteral("c@e.t")},
        {QStringLiteral("additionalEmails"), QJsonArray {QStringLiteral("x@y.z")}},
        {QStringLiteral("zeta"), QJsonValue::Null}, {QStringLiteral("Alpha"), 1.25},
        {QStringLiteral("nested"), QJsonObject {{QStringLiteral("k"), false}}},
        {QStringLiteral("city"), QStringLiteral("stale")},
        {QStringLiteral("website"), QStringLiteral("gone")}};
    extras.city = QStringLiteral("Paris");
    QTest::newRow("unknown keys") << extras;
    Api::Contact bare;
    bare.id = serverId(2);
    QTest::newRow("id only") << bare;
}

void TestContactCache::cachedJsonTextIsWhatQtWrites()
{
    QFETCH(Api::Contact, contact);
    const QByteArray expected = QJsonDocument(contact.toJson()).toJson(QJsonDocument::Compact);
    QCOMPARE(contact.toJsonText(), expected);
    // And the cache reads back the same contact from it.
    QVERIFY(m_cache->upsertFromServer({contact}));
    const auto cached = m_cache->contact(contact.id);
    QVERIFY(cached);
    QCOMPARE(cached->toJson(), contact.toJson());
}

#include "tst_contactcache.moc"
