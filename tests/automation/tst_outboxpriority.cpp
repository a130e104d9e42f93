#include "synctesthelpers.h"

#include "mapping/importrun.h"
#include "mapping/rowmapper.h"
#include "mapping/source.h"

#include "store/contactcache.h"
#include "store/localedits.h"
#include "store/outbox.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Testing;
using Store::OutboxOrigin;

namespace {

constexpr int burst = 2000;

// `count` new contacts made by an automation, in one transaction.
bool queueAutomationCreates(Sync::Workspace& ws, int count)
{
    Store::Database& db = ws.database();
    if (!db.beginTransaction())
        return false;
    const Store::LocalEdits::OriginScope origin(ws.edits(), OutboxOrigin::Automation);
    for (int i = 0; i < count; ++i) {
        Api::Contact draft;
        draft.firstName = QStringLiteral("Burst");
        draft.lastName = QString::number(i);
        draft.email = QStringLiteral("burst%1@example.com").arg(i);
        ws.edits().upsertContact(draft);
    }
    return db.commitTransaction();
}

} // namespace

class TestOutboxPriority : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void originIsStored();
    void userEditGoesBeforeTheBurst();
    void heldBackUserEditPullsItsContactFirst();
    void importItemsAreTheImports();
};

void TestOutboxPriority::originIsStored()
{
    SandboxFixture fx(2);
    SyncHarness h(fx);
    QVERIFY(h.sync().ok);
    Sync::Workspace& ws = h.ws();
    const QString server = ws.cache().allServerIds().first();
    const QString other = ws.cache().allServerIds().last();
    QCOMPARE(ws.edits().origin(), OutboxOrigin::User);
    {
        const Store::LocalEdits::OriginScope scope(ws.edits(), OutboxOrigin::Import);
        QCOMPARE(ws.edits().origin(), OutboxOrigin::Import);
        QCOMPARE(
            ws.edits().addTags({server}, {QStringLiteral("imported")}), Store::EditOutcome::Saved);
    }
    QCOMPARE(ws.edits().origin(), OutboxOrigin::User);
    QCOMPARE(ws.edits().updateContact(other, {{QStringLiteral("city"), QStringLiteral("Oslo")}}),
        Store::EditOutcome::Saved);
    const QList<Store::OutboxItem> items = ws.outbox().list();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).origin, OutboxOrigin::Import);
    QCOMPARE(items.at(1).origin, OutboxOrigin::User);
    // The user's item is first although it is younger.
    QCOMPARE(ws.outbox().nextReady(fx.clock().nowMs())->id, items.at(1).id);
    // And it survives a restart with its origin.
    h.reopen();
    QCOMPARE(h.ws().outbox().list().at(0).origin, OutboxOrigin::Import);
}

void TestOutboxPriority::userEditGoesBeforeTheBurst()
{
    SandboxFixture fx(1);
    SyncHarness h(fx);
    unlimited(fx);
    QVERIFY(h.sync().ok);
    Sync::Workspace& ws = h.ws();
    const QString server = ws.cache().allServerIds().first();
    QVERIFY(queueAutomationCreates(ws, burst));
    // 2,000 upserts wait; then the desktop user saves a change.
    QCOMPARE(ws.edits().updateContact(server, {{QStringLiteral("city"), QStringLiteral("Lisbon")}}),
        Store::EditOutcome::Saved);
    QCOMPARE(ws.outbox().pendingCount(), burst + 1);

    const qint64 since = lastRequestSeq(fx);
    ws.outboxWorker().start();
    QTRY_VERIFY_WITH_TIMEOUT(
        std::as_const(fx.data()).contacts().value(server).value(QStringLiteral("city")).toString()
            == QLatin1StringView("Lisbon"),
        30000);
    // It went before any but the few automation items already on their way.
    int upsertsBefore = 0;
    bool seen = false;
    for (const QJsonValue& entry : requestLog(fx, since)) {
        const QJsonObject e = entry.toObject();
        if (e.value(QStringLiteral("method")).toString() == QLatin1StringView("PUT")) {
            seen = true;
            break;
        }
        if (e.value(QStringLiteral("path")).toString().endsWith(QLatin1StringView("/upsert")))
            ++upsertsBefore;
    }
    QVERIFY(seen);
    QVERIFY2(upsertsBefore < ws.outboxWorker().options().maxInFlight,
        qPrintable(QString::number(upsertsBefore)));
    ws.outboxWorker().stop();

    // The user's requests were the Outbox's, the others the Automation's.
    for (const Api::ApiExchange& exchange : std::as_const(h.exchanges)) {
        if (exchange.operationId == QLatin1StringView("upsert-contact"))
            QCOMPARE(exchange.cause, Api::RequestCause::Automation);
        if (exchange.operationId == QLatin1StringView("update-contact"))
            QCOMPARE(exchange.cause, Api::RequestCause::Outbox);
    }
}

void TestOutboxPriority::heldBackUserEditPullsItsContactFirst()
{
    SandboxFixture fx;
    SyncHarness h(fx);
    QVERIFY(h.sync().ok);
    Sync::Workspace& ws = h.ws();
    QVERIFY(queueAutomationCreates(ws, 50));
    // The user edits the 41st contact the automation made before it was sent: the create takes
    // the change and goes as the user's, first.
    const QList<Store::OutboxItem> items = ws.outbox().list();
    const Store::OutboxItem target = items.at(40);
    QCOMPARE(ws.edits().updateContact(
                 target.contactId, {{QStringLiteral("city"), QStringLiteral("Rome")}}),
        Store::EditOutcome::Saved);
    const auto first = ws.outbox().nextReady(fx.clock().nowMs());
    QVERIFY(first);
    QCOMPARE(first->id, target.id);
    QCOMPARE(first->origin, OutboxOrigin::User);
    QCOMPARE(first->payload.value(QStringLiteral("city")).toString(), QStringLiteral("Rome"));
}

void TestOutboxPriority::importItemsAreTheImports()
{
    SandboxFixture fx(1);
    SyncHarness h(fx);
    unlimited(fx);
    QVERIFY(h.sync().ok);
    Sync::Workspace& ws = h.ws();
    const QString server = ws.cache().allServerIds().first();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("people.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Email,First Name\n");
    for (int i = 0; i < 300; ++i)
        file.write(QStringLiteral("row%1@import.test,Row%1\n").arg(i).toUtf8());
    file.close();
    Mapping::Profile profile;
    profile.mode = Mapping::WriteMode::Upsert;
    for (const auto& [column, target] :
        {std::pair {"Email", "email"}, {"First Name", "firstName"}}) {
        Mapping::Rule rule;
        rule.sources = {QString::fromLatin1(column)};
        rule.target = *Mapping::Target::fromString(QString::fromLatin1(target));
        profile.rules.append(rule);
    }
    const Mapping::RowMapper mapper(profile, ws.locationLists());
    QString error;
    auto reader = Mapping::SourceReader::open(path, {}, &error);
    QVERIFY2(reader, qPrintable(error));
    Mapping::ImportOptions options;
    options.filePath = path;
    options.profile = profile;
    Mapping::ImportRun run(
        ws.database(), ws.edits(), ws.outbox(), fx.clock(), ws.locationLists(), fx.locationId());
    QVERIFY2(run.start(
                 options, std::move(reader),
                 [&mapper](const Mapping::Record& record) { return mapper.map(record); }, &error),
        qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(ws.outbox().pendingCount() >= 200, 30000);
    for (const Store::OutboxItem& item : ws.outbox().list())
        QCOMPARE(item.origin, OutboxOrigin::Import);
    // The user's save in the middle of the import is the next to go.
    QCOMPARE(ws.edits().updateContact(server, {{QStringLiteral("city"), QStringLiteral("Nice")}}),
        Store::EditOutcome::Saved);
    const auto next = ws.outbox().nextReady(fx.clock().nowMs());
    QVERIFY(next);
    QCOMPARE(next->contactId, server);
    QCOMPARE(next->origin, OutboxOrigin::User);
    run.cancel();
}

QTEST_GUILESS_MAIN(TestOutboxPriority)
#include "tst_outboxpriority.moc"
