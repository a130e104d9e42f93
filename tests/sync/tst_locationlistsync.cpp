// The location's lists (custom fields, tags, users, calendars) kept fresh in a connection's
// cache against the in-process sandbox: filled on refresh, read back offline, refreshed again
// when a contact refers to an id they do not know (throttled on the injected clock), kept
// through a failed refresh, and marked unavailable, with the scope to add, when the token may
// not read one of them.
#include "synctesthelpers.h"

#include "api/endpointcatalog.h"
#include "api/models/appointment.h"
#include "sandbox/sandboxdirectory.h"
#include "sandboxtesthelpers.h"
#include "store/locationlistcache.h"
#include "sync/locationlistsync.h"

#include <QSignalSpy>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Testing;
using Kind = Api::LocationLists::Kind;

namespace {

const QString usersScope = QStringLiteral("users.readonly");
const QString usersUnavailable
    = QStringLiteral("this connection can't read users: add the users.readonly scope");

QStringList fieldNames(const QList<Api::CustomFieldDefinition>& fields)
{
    QStringList names;
    for (const Api::CustomFieldDefinition& field : fields)
        names.append(field.name);
    return names;
}

template <typename T>
QStringList idsOf(const QList<T>& items)
{
    QStringList ids;
    for (const T& item : items)
        ids.append(item.id);
    ids.sort();
    return ids;
}

QStringList idsOf(const QList<QJsonObject>& records)
{
    QStringList ids;
    for (const QJsonObject& record : records)
        ids.append(record.value(QStringLiteral("id")).toString());
    ids.sort();
    return ids;
}

} // namespace

class TestLocationListSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void refreshFillsTheCacheWithTheLocationsNames();
    void reopenedOfflineTheListsComeFromTheCache();
    void failedRefreshKeepsTheCachedLists_data();
    void failedRefreshKeepsTheCachedLists();
    void unknownFieldOfAContactRefreshesOnceWithinTheWindow();
    void unknownCalendarOfAnAppointmentRefreshesCalendars();
    void missingUsersScopeMarksUsersUnavailable();
    void missingScopeKnownToTheProviderSendsNothing();
    void workspaceRefreshesWithEachSync();

private:
    // Starts the list sync of the harness's workspace and waits until every list answered.
    bool refreshAndWait(Sync::LocationListSync& lists)
    {
        if (!lists.isStarted())
            lists.start();
        return QTest::qWaitFor([&lists] { return !lists.isRefreshing(); }, syncWaitMs);
    }
    int requestCount(qint64 since, const QString& operationId) const
    {
        int count = 0;
        for (const auto& exchange : m_fx->server().requestLog().since(since))
            count += exchange.operationId == operationId ? 1 : 0;
        return count;
    }
    // A new contact field on the sandbox through the API; its id.
    QString createField(const QString& name)
    {
        const HttpResult created = m_fx->api("POST",
            QStringLiteral("/locations/%1/customFields").arg(m_fx->locationId()),
            QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("dataType"), str("TEXT")},
                {QStringLiteral("model"), str("contact")}});
        if (created.status != 201)
            qWarning("creating a field: %d %s", created.status, created.body.constData());
        return created.object()[QStringLiteral("customField")][QStringLiteral("id")].toString();
    }
    // Puts a value in `fieldId` on a contact, as another HighLevel user would.
    bool setField(const QString& contactId, const QString& fieldId, const QString& value)
    {
        const HttpResult updated = m_fx->api("PUT", QStringLiteral("/contacts/") + contactId,
            QJsonObject {{QStringLiteral("customFields"),
                QJsonArray {QJsonObject {
                    {QStringLiteral("id"), fieldId}, {QStringLiteral("field_value"), value}}}}});
        if (updated.status != 200)
            qWarning("updating a contact: %d %s", updated.status, updated.body.constData());
        return updated.status == 200;
    }
    QList<QString> mainContactIds() const
    {
        QStringList ids = serverIds(*m_fx).values();
        ids.sort();
        return ids;
    }

    std::unique_ptr<SandboxFixture> m_fx;
    std::unique_ptr<SyncHarness> m_h;
};

void TestLocationListSync::init()
{
    m_fx = std::make_unique<SandboxFixture>(12);
    unlimited(*m_fx);
    m_h = std::make_unique<SyncHarness>(*m_fx);
    // A connection that knows its company reads users through search-users.
    m_h->config.companyId = m_fx->data().mainLocation().companyId;
    m_h->reopen();
}

void TestLocationListSync::cleanup()
{
    m_h.reset();
    m_fx.reset();
}

void TestLocationListSync::refreshFillsTheCacheWithTheLocationsNames()
{
    Sync::Workspace& ws = m_h->ws();
    QVERIFY(ws.locationLists().customFields.isEmpty());
    QSignalSpy changed(&ws, &Sync::Workspace::locationListsChanged);
    const qint64 seq = lastRequestSeq(*m_fx);
    QVERIFY(refreshAndWait(ws.locationListSync()));

    // One request a list, the contact model's fields only.
    QCOMPARE(requestCount(seq, QStringLiteral("get-custom-fields")), 1);
    QCOMPARE(requestCount(seq, QStringLiteral("get-location-tags")), 1);
    QCOMPARE(requestCount(seq, QStringLiteral("search-users")), 1);
    QCOMPARE(requestCount(seq, QStringLiteral("get-calendars")), 1);
    for (const auto& exchange : m_fx->server().requestLog().since(seq)) {
        QCOMPARE(exchange.status, 200);
        if (exchange.operationId == QStringLiteral("get-custom-fields"))
            QVERIFY(exchange.query.contains(QStringLiteral("model=contact")));
    }

    const Sandbox::SandboxData& data = m_fx->data();
    const QString location = m_fx->locationId();
    QStringList expectedFields;
    for (const QJsonObject& field : Sandbox::Directory::customFieldsOf(data, location)) {
        if (field.value(QStringLiteral("model")).toString() == QStringLiteral("contact"))
            expectedFields.append(field.value(QStringLiteral("name")).toString());
    }
    QVERIFY(expectedFields.size() >= 10);
    // What the workspace holds is what the cache holds: in the location's field order.
    const Api::LocationLists cached = Store::LocationListCache(ws.database()).load();
    QCOMPARE(fieldNames(cached.customFields), expectedFields);
    QCOMPARE(fieldNames(ws.locationLists().customFields), expectedFields);

    QList<QJsonObject> tags;
    for (const QJsonObject& tag : data.tags()) {
        if (tag.value(QStringLiteral("locationId")).toString() == location)
            tags.append(tag);
    }
    QCOMPARE(tags.size(), 15);
    QCOMPARE(idsOf(cached.tags), idsOf(tags));
    QStringList users = Sandbox::Directory::userIdsOf(data, location);
    users.sort();
    QCOMPARE(idsOf(cached.users), users);
    QStringList calendars = Sandbox::Directory::calendarIdsOf(data, location);
    calendars.sort();
    QCOMPARE(idsOf(cached.calendars), calendars);
    QVERIFY(cached.unavailable.isEmpty());

    // Names, not ids: the seeded contacts' assignees and fields read by name.
    for (const QJsonObject& user : data.users()) {
        const QString id = user.value(QStringLiteral("id")).toString();
        if (users.contains(id))
            QCOMPARE(
                ws.locationLists().userName(id), user.value(QStringLiteral("name")).toString());
    }
    for (const QJsonObject& calendar : data.calendars()) {
        const QString id = calendar.value(QStringLiteral("id")).toString();
        if (calendars.contains(id))
            QCOMPARE(ws.locationLists().calendarName(id),
                calendar.value(QStringLiteral("name")).toString());
    }
    QVERIFY(changed.size() >= 1);
}

void TestLocationListSync::reopenedOfflineTheListsComeFromTheCache()
{
    QVERIFY(refreshAndWait(m_h->ws().locationListSync()));
    const Api::LocationLists before = m_h->ws().locationLists();
    QVERIFY(!before.customFields.isEmpty());

    // The server is unreachable from here on: every request is dropped.
    QCOMPARE(m_fx->control("POST", QStringLiteral("/__sandbox/faults"),
                     QJsonObject {{QStringLiteral("kind"), str("drop")}})
                 .status,
        201);
    const qint64 seq = lastRequestSeq(*m_fx);
    m_h->reopen();
    Sync::Workspace& ws = m_h->ws();
    // Read at open, before anything is asked of the network.
    QCOMPARE(fieldNames(ws.locationLists().customFields), fieldNames(before.customFields));
    QCOMPARE(idsOf(ws.locationLists().users), idsOf(before.users));
    QCOMPARE(idsOf(ws.locationLists().tags), idsOf(before.tags));
    QCOMPARE(idsOf(ws.locationLists().calendars), idsOf(before.calendars));
    QCOMPARE(lastRequestSeq(*m_fx), seq);

    // A refresh that cannot reach the server leaves them as they were.
    QSignalSpy refreshed(&ws.locationListSync(), &Sync::LocationListSync::refreshed);
    QSignalSpy changed(&ws, &Sync::Workspace::locationListsChanged);
    QVERIFY(refreshAndWait(ws.locationListSync()));
    QCOMPARE(refreshed.size(), 4);
    for (const QList<QVariant>& signal : std::as_const(refreshed)) {
        QVERIFY(!signal.at(1).toBool());
        QVERIFY(!signal.at(2).toString().isEmpty());
    }
    QCOMPARE(changed.size(), 0);
    QCOMPARE(fieldNames(ws.locationLists().customFields), fieldNames(before.customFields));
    QVERIFY(ws.locationLists().unavailable.isEmpty());
}

void TestLocationListSync::failedRefreshKeepsTheCachedLists_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("status");
    QTest::newRow("server error") << str("status") << 500;
    QTest::newRow("unavailable") << str("status") << 503;
    QTest::newRow("not found") << str("status") << 404;
    QTest::newRow("malformed json") << str("malformed-json") << 200;
    QTest::newRow("proxy html page") << str("html-error") << 502;
}

void TestLocationListSync::failedRefreshKeepsTheCachedLists()
{
    QFETCH(QString, kind);
    QFETCH(int, status);
    Sync::Workspace& ws = m_h->ws();
    Sync::LocationListSync& sync = ws.locationListSync();
    QVERIFY(refreshAndWait(sync));
    const Api::LocationLists before = ws.locationLists();
    QVERIFY(!before.users.isEmpty());

    // The location's fields change on the server, but the next refresh of every list fails.
    QList<QJsonObject>& definitions = m_fx->data().customFieldDefinitions();
    const QString dropped = before.customFields.last().id;
    QCOMPARE(definitions.removeIf([&dropped](const QJsonObject& field) {
        return field.value(QStringLiteral("id")).toString() == dropped;
    }),
        1);
    for (const char* path : {"/locations/*", "/users/*", "/calendars/*"}) {
        QCOMPARE(m_fx->control("POST", QStringLiteral("/__sandbox/faults"),
                         QJsonObject {{QStringLiteral("kind"), kind},
                             {QStringLiteral("path"), QString::fromLatin1(path)},
                             {QStringLiteral("status"), status}})
                     .status,
            201);
    }
    m_fx->clock().advance(61 * 1000);
    QSignalSpy changed(&ws, &Sync::Workspace::locationListsChanged);
    QCOMPARE(sync.refreshAll(), 4);
    QTRY_VERIFY_WITH_TIMEOUT(!sync.isRefreshing(), syncWaitMs);
    QCOMPARE(changed.size(), 0);
    const Api::LocationLists cached = Store::LocationListCache(ws.database()).load();
    QCOMPARE(fieldNames(cached.customFields), fieldNames(before.customFields));
    QCOMPARE(idsOf(cached.users), idsOf(before.users));
    QCOMPARE(idsOf(cached.tags), idsOf(before.tags));
    QCOMPARE(idsOf(cached.calendars), idsOf(before.calendars));
    QVERIFY(cached.unavailable.isEmpty());

    // Once the server answers again, the change arrives.
    QCOMPARE(m_fx->control("DELETE", QStringLiteral("/__sandbox/faults")).status, 200);
    QVERIFY(sync.refresh(Kind::CustomFields, true));
    QTRY_VERIFY_WITH_TIMEOUT(!sync.isRefreshing(), syncWaitMs);
    QCOMPARE(ws.locationLists().customFields.size(), before.customFields.size() - 1);
    QVERIFY(!ws.locationLists().customField(dropped));
    QCOMPARE(changed.size(), 1);
}

void TestLocationListSync::unknownFieldOfAContactRefreshesOnceWithinTheWindow()
{
    Sync::Workspace& ws = m_h->ws();
    Sync::LocationListSync& sync = ws.locationListSync();
    QVERIFY(refreshAndWait(sync));
    m_fx->clock().advance(61 * 1000);

    // The seeded contacts refer only to fields and users the lists know: no refresh.
    qint64 seq = lastRequestSeq(*m_fx);
    QVERIFY(m_h->sync().ok);
    QCOMPARE(requestCount(seq, QStringLiteral("get-custom-fields")), 0);
    QCOMPARE(requestCount(seq, QStringLiteral("search-users")), 0);

    // Someone adds a field in HighLevel and fills it in on a contact.
    const QStringList contacts = mainContactIds();
    const QString tier = createField(QStringLiteral("Membership tier"));
    QVERIFY(!tier.isEmpty());
    QVERIFY(setField(contacts.at(0), tier, QStringLiteral("Gold")));
    QVERIFY(!ws.locationLists().customField(tier));
    QSignalSpy changed(&ws, &Sync::Workspace::locationListsChanged);
    seq = lastRequestSeq(*m_fx);
    QVERIFY(m_h->sync().ok);
    QTRY_VERIFY_WITH_TIMEOUT(!sync.isRefreshing(), syncWaitMs);
    QCOMPARE(requestCount(seq, QStringLiteral("get-custom-fields")), 1);
    QVERIFY(ws.locationLists().customField(tier));
    QCOMPARE(ws.locationLists().customField(tier)->name, QStringLiteral("Membership tier"));
    QCOMPARE(changed.size(), 1);
    // The other lists were not asked for.
    QCOMPARE(requestCount(seq, QStringLiteral("get-location-tags")), 0);
    QCOMPARE(requestCount(seq, QStringLiteral("search-users")), 0);

    // A second new field within the window waits: no request.
    const QString region = createField(QStringLiteral("Sales region"));
    QVERIFY(setField(contacts.at(1), region, QStringLiteral("North")));
    seq = lastRequestSeq(*m_fx);
    QVERIFY(m_h->sync().ok);
    QTest::qWait(50);
    QVERIFY(!sync.isRefreshing());
    QCOMPARE(requestCount(seq, QStringLiteral("get-custom-fields")), 0);
    QVERIFY(!ws.locationLists().customField(region));

    // After the window the same id asks again, and is answered.
    m_fx->clock().advance(61 * 1000);
    seq = lastRequestSeq(*m_fx);
    ws.locationListSync().noteUnknown(Kind::CustomFields, region);
    QTRY_VERIFY_WITH_TIMEOUT(!sync.isRefreshing(), syncWaitMs);
    QCOMPARE(requestCount(seq, QStringLiteral("get-custom-fields")), 1);
    QCOMPARE(ws.locationLists().customField(region)->name, QStringLiteral("Sales region"));

    // An id the fresh list does not know either is not asked about again.
    m_fx->clock().advance(61 * 1000);
    seq = lastRequestSeq(*m_fx);
    sync.noteUnknown(Kind::CustomFields, QStringLiteral("NoSuchField000000001"));
    QTRY_VERIFY_WITH_TIMEOUT(!sync.isRefreshing(), syncWaitMs);
    QCOMPARE(requestCount(seq, QStringLiteral("get-custom-fields")), 1);
    m_fx->clock().advance(61 * 1000);
    sync.noteUnknown(Kind::CustomFields, QStringLiteral("NoSuchField000000001"));
    QVERIFY(!sync.isRefreshing());
    QCOMPARE(requestCount(seq, QStringLiteral("get-custom-fields")), 1);
}

void TestLocationListSync::unknownCalendarOfAnAppointmentRefreshesCalendars()
{
    Sync::LocationListSync& sync = m_h->ws().locationListSync();
    QVERIFY(refreshAndWait(sync));
    const Api::LocationLists before = m_h->ws().locationLists();
    QVERIFY(!before.calendars.isEmpty());
    m_fx->clock().advance(61 * 1000);

    // Appointments on calendars the lists know ask nothing.
    qint64 seq = lastRequestSeq(*m_fx);
    Api::Appointment known;
    known.calendarId = before.calendars.first().id;
    known.assignedUserId = before.users.first().id;
    sync.noteAppointments({known});
    QVERIFY(!sync.isRefreshing());

    // A calendar made since is read by name after one refresh of the calendars alone.
    QJsonObject calendar {{QStringLiteral("id"), m_fx->data().newId()},
        {QStringLiteral("name"), str("Evening consultations")},
        {QStringLiteral("locationId"), m_fx->locationId()}, {QStringLiteral("isActive"), true}};
    m_fx->data().calendars().append(calendar);
    Api::Appointment onNew = known;
    onNew.calendarId = calendar.value(QStringLiteral("id")).toString();
    sync.noteAppointments({onNew});
    QVERIFY(sync.isRefreshing(Kind::Calendars));
    QVERIFY(!sync.isRefreshing(Kind::Users));
    QTRY_VERIFY_WITH_TIMEOUT(!sync.isRefreshing(), syncWaitMs);
    QCOMPARE(requestCount(seq, QStringLiteral("get-calendars")), 1);
    QCOMPARE(lastRequestSeq(*m_fx) - seq, 1);
    QCOMPARE(m_h->ws().locationLists().calendarName(onNew.calendarId),
        QStringLiteral("Evening consultations"));
}

void TestLocationListSync::missingUsersScopeMarksUsersUnavailable()
{
    // The private integration token was made without users.readonly.
    Sandbox::Grant& grant = m_fx->data().grants()[m_fx->pit()];
    QVERIFY(grant.scopes.removeAll(usersScope) > 0);
    Sync::Workspace& ws = m_h->ws();
    Sync::LocationListSync& sync = ws.locationListSync();
    const qint64 seq = lastRequestSeq(*m_fx);
    QVERIFY(refreshAndWait(sync));

    // The server said 401 for the users alone; the message names the scope to add.
    for (const auto& exchange : m_fx->server().requestLog().since(seq))
        QCOMPARE(
            exchange.status, exchange.operationId == QStringLiteral("search-users") ? 401 : 200);
    const Api::LocationLists lists = Store::LocationListCache(ws.database()).load();
    QCOMPARE(lists.unavailable.size(), 1);
    QCOMPARE(lists.unavailable.value(Kind::Users), usersUnavailable);
    QVERIFY(lists.users.isEmpty());
    QVERIFY(!lists.customFields.isEmpty());
    QCOMPARE(lists.tags.size(), 15);
    QCOMPARE(lists.calendars.size(), 3);
    QCOMPARE(ws.locationLists().unavailable.value(Kind::Users), usersUnavailable);

    // Nothing else breaks: the contacts sync, their assignees do not ask for users again.
    const Sync::SyncResult synced = m_h->sync();
    QVERIFY(synced.ok);
    QCOMPARE(cacheIds(ws), serverIds(*m_fx));
    QVERIFY(!sync.isRefreshing(Kind::Users));
    QCOMPARE(requestCount(seq, QStringLiteral("search-users")), 1);

    // Offline after a restart, the reason is still there to show.
    m_h->reopen();
    QCOMPARE(m_h->ws().locationLists().unavailable.value(Kind::Users), usersUnavailable);

    // Granted later, the next refresh reads the users and the reason goes.
    grant.scopes.append(usersScope);
    m_fx->clock().advance(61 * 1000);
    QVERIFY(refreshAndWait(m_h->ws().locationListSync()));
    QVERIFY(m_h->ws().locationLists().unavailable.isEmpty());
    QCOMPARE(m_h->ws().locationLists().users.size(),
        Sandbox::Directory::userIdsOf(m_fx->data(), m_fx->locationId()).size());
}

void TestLocationListSync::missingScopeKnownToTheProviderSendsNothing()
{
    // A token whose scopes the connection knows (an OAuth grant): the client refuses locally.
    QStringList scopes = Api::catalogScopes();
    QVERIFY(scopes.removeAll(usersScope) > 0);
    const HttpResult minted = m_fx->control("POST", QStringLiteral("/__sandbox/tokens"),
        QJsonObject {{QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)}});
    QCOMPARE(minted.status, 201);
    Api::StaticTokenProvider tokens(
        minted.object()[QStringLiteral("access_token")].toString(), scopes);
    SyncHarness h(*m_fx, &tokens);
    h.config.companyId = m_fx->data().mainLocation().companyId;
    h.reopen();
    const qint64 seq = lastRequestSeq(*m_fx);
    QVERIFY(refreshAndWait(h.ws().locationListSync()));
    QCOMPARE(requestCount(seq, QStringLiteral("search-users")), 0);
    QCOMPARE(requestCount(seq, QStringLiteral("get-calendars")), 1);
    const Api::LocationLists& lists = h.ws().locationLists();
    QCOMPARE(lists.unavailable.value(Kind::Users), usersUnavailable);
    QCOMPARE(lists.calendars.size(), 3);
    QVERIFY(h.sync().ok);
}

void TestLocationListSync::workspaceRefreshesWithEachSync()
{
    Sync::Workspace& ws = m_h->ws();
    ws.syncEngine().setInterval(0);
    QSignalSpy changed(&ws, &Sync::Workspace::locationListsChanged);
    QSignalSpy finished(&ws.syncEngine(), &Sync::SyncEngine::finished);
    qint64 seq = lastRequestSeq(*m_fx);
    QVERIFY(ws.start());
    QVERIFY(ws.locationListSync().isRefreshing());
    QTRY_VERIFY_WITH_TIMEOUT(
        finished.size() == 1 && !ws.locationListSync().isRefreshing(), syncWaitMs);
    QVERIFY(finished.constFirst().constFirst().value<Sync::SyncResult>().ok);
    QCOMPARE(requestCount(seq, QStringLiteral("get-custom-fields")), 1);
    QCOMPARE(requestCount(seq, QStringLiteral("get-calendars")), 1);
    QVERIFY(!ws.locationLists().customFields.isEmpty());
    QVERIFY(changed.size() >= 1);

    // A later sync refreshes them again, past the window.
    m_fx->clock().advance(61 * 1000);
    seq = lastRequestSeq(*m_fx);
    QVERIFY(ws.syncEngine().sync());
    QTRY_VERIFY_WITH_TIMEOUT(
        finished.size() == 2 && !ws.locationListSync().isRefreshing(), syncWaitMs);
    QCOMPARE(requestCount(seq, QStringLiteral("get-custom-fields")), 1);
    QCOMPARE(requestCount(seq, QStringLiteral("get-location-tags")), 1);
    QCOMPARE(requestCount(seq, QStringLiteral("search-users")), 1);
    QCOMPARE(requestCount(seq, QStringLiteral("get-calendars")), 1);

    // Stopped, the workspace's syncs leave the lists alone.
    ws.stop();
    m_fx->clock().advance(61 * 1000);
    seq = lastRequestSeq(*m_fx);
    QVERIFY(m_h->sync().ok);
    QCOMPARE(requestCount(seq, QStringLiteral("get-custom-fields")), 0);
}

QTEST_MAIN(TestLocationListSync)
#include "tst_locationlistsync.moc"
