// HighLevel's webhook receiver under load: EVENTS ContactUpdate deliveries signed with a
// 4096-bit RSA key (the size of HighLevel's x-wh-signature key) go through
// HighLevelReceiver::receive() one at a time: RSA-SHA256 verification over the raw bytes, the
// payload and replay checks, and the delivery stored in the ledger (its own SQLite commit) before
// the 200. The HTTP layer it sits on is measured by bench_receiver. Reports verified webhooks/s
// (target >= 1,000) and checks every one is in the ledger.
// Usage: bench_webhooks [EVENTS]
#include "common/clock.h"
#include "store/database.h"
#include "webhooks/highlevelreceiver.h"
#include "webhooks/webhookledger.h"
#include "webhooktestkeys.h"

#include "automation/eventreceiver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>

using namespace ContactDesk;
using namespace ContactDesk::Webhooks;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("contactdesk.*.info=false"));
    const int events = argc > 1 ? std::max(1, atoi(argv[1])) : 5000;

    QTemporaryDir dir;
    SystemClock clock;
    Store::Database db(dir.filePath(QStringLiteral("cache.sqlite")), clock);
    if (!db.open().ok) {
        std::fprintf(stderr, "bench_webhooks: cannot open the database\n");
        return 1;
    }
    Testing::TestKeyPair rsa(Testing::TestKeyPair::Kind::Rsa, 4096);
    HighLevelVerifier verifier;
    verifier.setRsaKey(PublicKey::fromPem(rsa.publicPem()));
    WebhookLedger ledger(db);
    HighLevelReceiverOptions options;
    options.policy.locationId = QStringLiteral("loc1");
    options.maxBacklog = events + 1; // nothing applies them here
    HighLevelReceiver receiver(verifier, ledger, nullptr, clock, options);

    // Signed before the clock starts: signing is HighLevel's work, not ours.
    QList<QPair<QByteArray, QByteArray>> deliveries;
    deliveries.reserve(events);
    const QString now = isoUtc(clock.nowMs());
    for (int i = 0; i < events; ++i) {
        const QByteArray body = QJsonDocument(
            QJsonObject {{QStringLiteral("type"), QStringLiteral("ContactUpdate")},
                {QStringLiteral("locationId"), QStringLiteral("loc1")},
                {QStringLiteral("id"), QStringLiteral("contact-%1").arg(i % 500)},
                {QStringLiteral("firstName"), QStringLiteral("Name %1").arg(i)},
                {QStringLiteral("email"), QStringLiteral("user%1@example.com").arg(i)},
                {QStringLiteral("webhookId"), QStringLiteral("wh-%1").arg(i)},
                {QStringLiteral("timestamp"),
                    now}}).toJson(QJsonDocument::Compact);
        deliveries.append({body, rsa.signBase64(body)});
    }

    int accepted = 0;
    QElapsedTimer timer;
    timer.start();
    for (const auto& [body, signature] : std::as_const(deliveries)) {
        const Automation::RouteAnswer answer
            = receiver.receive({{QByteArrayLiteral("x-wh-signature"), signature}}, body);
        accepted += answer.status == 200 ? 1 : 0;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const int stored = ledger.pendingCount();
    const double perSecond = accepted / seconds;
    std::printf("{\"bench\":\"webhooks\",\"metric\":\"verified_per_s\",\"value\":%.0f,"
                "\"unit\":\"webhooks/s\",\"target\":\">= 1000\"}\n",
        perSecond);
    std::printf("{\"bench\":\"webhooks\",\"metric\":\"stored\",\"value\":%d,\"unit\":\"of %d\","
                "\"target\":\"all\"}\n",
        stored, events);
    return accepted == events && stored == events && perSecond >= 1000 ? 0 : 1;
}
