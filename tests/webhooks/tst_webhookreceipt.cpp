// HighLevel's webhook payloads: what is read from them, the replay window, the location and
// app checks, and the durable ledger of webhookIds (duplicates after a restart too).

#include "fakeclock.h"
#include "store/database.h"
#include "webhooks/webhookledger.h"
#include "webhooks/webhookreceipt.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Webhooks;

namespace {

const qint64 nowMs = QDateTime(QDate(2026, 12, 7), QTime(13, 0), Qt::UTC).toMSecsSinceEpoch();

QByteArray body(const QByteArray& type, const QByteArray& extra = {},
    const QByteArray& timestamp = "\"2026-12-07T13:00:00.000Z\"")
{
    return "{\"type\":\"" + type
        + "\",\"locationId\":\"loc1\",\"appId\":\"app1\",\"webhookId\":\"w-" + type
        + "\",\"timestamp\":" + timestamp + extra + "}";
}

} // namespace

class TestWebhookReceipt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEachKindOfEvent_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("subject");
        QTest::addColumn<QString>("recordId");
        QTest::addColumn<QString>("contactId");
        QTest::newRow("contact") << body("ContactTagUpdate", R"(,"id":"c1","tags":["a"])")
                                 << int(WebhookSubject::Contact) << QStringLiteral("c1")
                                 << QStringLiteral("c1");
        QTest::newRow("task") << body("TaskComplete", R"(,"id":"t1","contactId":"c2")")
                              << int(WebhookSubject::Task) << QStringLiteral("t1")
                              << QStringLiteral("c2");
        QTest::newRow("task without contact")
            << body("TaskCreate", R"(,"id":"t2","title":"x")") << int(WebhookSubject::Task)
            << QStringLiteral("t2") << QStringLiteral("");
        QTest::newRow("note") << body("NoteDelete", R"(,"id":"n1","contactId":"c3")")
                              << int(WebhookSubject::Note) << QStringLiteral("n1")
                              << QStringLiteral("c3");
        QTest::newRow("appointment")
            << body("AppointmentUpdate", R"(,"appointment":{"id":"a1","contactId":"c4"})")
            << int(WebhookSubject::Appointment) << QStringLiteral("a1") << QStringLiteral("c4");
        QTest::newRow("milliseconds")
            << body("ContactDelete", R"(,"id":"c5")", QByteArray::number(nowMs))
            << int(WebhookSubject::Contact) << QStringLiteral("c5") << QStringLiteral("c5");
    }

    void readsEachKindOfEvent()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, subject);
        QFETCH(QString, recordId);
        QFETCH(QString, contactId);
        QString error;
        const std::optional<WebhookPayload> payload = parseWebhookPayload(raw, &error);
        QVERIFY2(payload, qPrintable(error));
        QCOMPARE(int(payload->subject), subject);
        QCOMPARE(payload->recordId, recordId);
        QCOMPARE(payload->contactId, contactId);
        QCOMPARE(payload->locationId, QStringLiteral("loc1"));
        QCOMPARE(payload->appId, QStringLiteral("app1"));
        QCOMPARE(payload->timestampMs, nowMs);
    }

    void badPayloadsSayWhy_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("{oops") << QStringLiteral("not JSON");
        QTest::newRow("array") << QByteArray("[1]") << QStringLiteral("not a JSON object");
        QTest::newRow("no type") << QByteArray(R"({"webhookId":"w","timestamp":1})")
                                 << QStringLiteral("\"type\"");
        QTest::newRow("no webhookId")
            << QByteArray(R"({"type":"ContactCreate","timestamp":"2026-12-07T13:00:00Z"})")
            << QStringLiteral("\"webhookId\"");
        QTest::newRow("no timestamp")
            << QByteArray(R"({"type":"ContactCreate","webhookId":"w","locationId":"l","id":"c"})")
            << QStringLiteral("\"timestamp\"");
        QTest::newRow("timestamp without zone") << body("ContactCreate", R"(,"id":"c")",
            "\"2026-12-07T13:00:00\"") << QStringLiteral("\"timestamp\"");
        QTest::newRow("timestamp before 1970") << body("ContactCreate", R"(,"id":"c")",
            "\"1013-12-07T13:00:00.000Z\"") << QStringLiteral("\"timestamp\"");
        QTest::newRow("no location") << QByteArray(
            R"({"type":"ContactCreate","webhookId":"w","timestamp":"2026-12-07T13:00:00Z","id":"c"})")
                                     << QStringLiteral("\"locationId\"");
        QTest::newRow("no id") << body("ContactUpdate") << QStringLiteral("no record id");
    }

    void badPayloadsSayWhy()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!parseWebhookPayload(raw, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void replayWindowLocationAndApp()
    {
        const WebhookPayload payload
            = *parseWebhookPayload(body("ContactCreate", R"(,"id":"c")"), nullptr);
        ReceiptPolicy policy {QStringLiteral("loc1"), QStringLiteral("app1-xyz"), 300};
        QCOMPARE(checkReceipt(payload, policy, nowMs), ReceiptVerdict::Accept);
        QCOMPARE(checkReceipt(payload, policy, nowMs + 300'000), ReceiptVerdict::Accept);
        QCOMPARE(checkReceipt(payload, policy, nowMs + 300'001), ReceiptVerdict::TooOld);
        QCOMPARE(checkReceipt(payload, policy, nowMs - 300'001), ReceiptVerdict::TooNew);
        policy.locationId = QStringLiteral("loc2");
        QCOMPARE(checkReceipt(payload, policy, nowMs), ReceiptVerdict::OtherLocation);
        QVERIFY(receiptVerdictMessage(ReceiptVerdict::OtherLocation, payload)
                    .contains(QLatin1String("loc1")));
        policy.locationId.clear();
        policy.clientId = QStringLiteral("app2-xyz");
        QCOMPARE(checkReceipt(payload, policy, nowMs), ReceiptVerdict::OtherApp);
    }

    void ledgerKeepsIdsAcrossARestart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        Testing::FakeClock clock;
        clock.set(nowMs);
        const QByteArray raw = body("ContactCreate", R"(,"id":"c1")");
        const WebhookPayload payload = *parseWebhookPayload(raw, nullptr);
        {
            Store::Database db(path, clock);
            QVERIFY(db.open().ok);
            QCOMPARE(db.schemaVersion(), Store::Database::currentSchemaVersion);
            WebhookLedger ledger(db);
            QCOMPARE(ledger.record(payload, raw), WebhookLedger::Recorded::Stored);
            QCOMPARE(ledger.record(payload, raw), WebhookLedger::Recorded::Duplicate);
            QCOMPARE(ledger.pendingCount(), 1);
        }
        Store::Database db(path, clock);
        QVERIFY(db.open().ok);
        WebhookLedger ledger(db);
        QCOMPARE(ledger.record(payload, raw), WebhookLedger::Recorded::Duplicate);
        // The accepted delivery is still there to apply after the restart.
        const QList<WebhookLedger::Entry> pending = ledger.pending();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().rawBody, raw);
        QVERIFY(
            ledger.finish(pending.first().seq, QStringLiteral("applied"), QStringLiteral("ok")));
        QCOMPARE(ledger.pendingCount(), 0);
        QCOMPARE(ledger.outcome(payload.webhookId)->first, QStringLiteral("applied"));
        // Pruning keeps what is inside the window.
        QCOMPARE(ledger.prune(nowMs - 1), 0);
        QCOMPARE(ledger.record(payload, raw), WebhookLedger::Recorded::Duplicate);
        QCOMPARE(ledger.prune(nowMs + 1), 1);
        QCOMPARE(ledger.record(payload, raw), WebhookLedger::Recorded::Stored);
    }
};

QTEST_GUILESS_MAIN(TestWebhookReceipt)
#include "tst_webhookreceipt.moc"
