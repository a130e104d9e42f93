// The event receiver under load: two clients (threads, one keep-alive connection each, one
// request at a time) send signed user.signed_up events to POST /events; the receiver stores
// each durably (group commit) before its 202. Reports events/s accepted and the p50/p99
// latency the clients saw, and checks the inbox holds every accepted event.
// Usage: bench_receiver [EVENTS]
#include "automation/appevent.h"
#include "automation/eventreceiver.h"
#include "automation/inbox.h"
#include "automation/standardwebhooks.h"
#include "common/clock.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

using namespace ContactDesk;
using namespace ContactDesk::Automation;

namespace {

constexpr int clients = 2;

void report(const char* metric, double value, const char* unit, const char* target)
{
    const QJsonObject line {{QStringLiteral("bench"), QStringLiteral("receiver")},
        {QStringLiteral("metric"), QLatin1StringView(metric)},
        {QStringLiteral("value"), qRound(value * 100) / 100.0},
        {QStringLiteral("unit"), QLatin1StringView(unit)},
        {QStringLiteral("target"), QLatin1StringView(target)}};
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

[[noreturn]] void die(const QString& message)
{
    std::fprintf(stderr, "bench_receiver: %s\n", qPrintable(message));
    std::exit(1);
}

// One signed request, ready to write (signing is the sender's cost, not the receiver's).
QByteArray signedRequest(const QByteArray& key, int client, int index, qint64 nowSecs)
{
    const QString user = QStringLiteral("bench-%1-%2").arg(client).arg(index);
    const QByteArray body = appEventBody(QStringLiteral("user.signed_up"),
        {{QStringLiteral("id"), user},
            {QStringLiteral("email"), user + QStringLiteral("@example.com")},
            {QStringLiteral("firstName"), QStringLiteral("Bench")},
            {QStringLiteral("lastName"), QString::number(index)}});
    const QByteArray id = user.toLatin1();
    return "POST /events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           "webhook-id: "
        + id + "\r\nwebhook-timestamp: " + QByteArray::number(nowSecs)
        + "\r\nwebhook-signature: " + signStandardWebhook(key, id, nowSecs, body)
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// Reads one answer; its status, or 0 when the connection failed.
int readAnswer(QTcpSocket& socket, QByteArray& buffer)
{
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end >= 0) {
            const QByteArray head = buffer.left(end).toLower();
            const qsizetype at = head.indexOf("content-length:");
            const qsizetype lineEnd = head.indexOf("\r\n", at);
            const qsizetype length = at < 0
                ? 0
                : head.mid(at + 15, lineEnd < 0 ? -1 : lineEnd - at - 15).trimmed().toLongLong();
            if (buffer.size() >= end + 4 + length) {
                const int status = buffer.mid(9, 3).toInt();
                buffer.remove(0, end + 4 + length);
                return status;
            }
        }
        if (!socket.waitForReadyRead(10000))
            return 0;
        buffer += socket.readAll();
    }
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int total = argc > 1 ? QByteArray(argv[1]).toInt() : 20000;
    if (total < clients)
        die(QStringLiteral("EVENTS must be at least %1").arg(clients));
    QTemporaryDir dir;
    SystemClock clock;
    Store::Database database(dir.filePath(QStringLiteral("cache.sqlite")), clock);
    if (!database.open().ok)
        die(QStringLiteral("cannot open the cache"));
    Inbox inbox(database, clock);
    EventReceiver receiver(inbox, clock);
    const QByteArray key = *decodeSigningSecret(generateSigningSecret());
    receiver.setSigningKey(key);
    QString error;
    if (!receiver.listen({}, &error))
        die(error);
    const quint16 port = quint16(receiver.url().port());

    const int perClient = total / clients;
    std::vector<std::vector<QByteArray>> requests(clients);
    for (int c = 0; c < clients; ++c)
        for (int i = 0; i < perClient; ++i)
            requests[c].push_back(signedRequest(key, c, i, clock.nowMs() / 1000));

    std::vector<std::vector<double>> latencies(clients);
    std::atomic<int> accepted {0};
    std::atomic<int> refused {0};
    std::atomic<int> running {clients};
    QElapsedTimer wall;
    wall.start();
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            if (socket.waitForConnected(5000)) {
                QByteArray buffer;
                QElapsedTimer timer;
                for (const QByteArray& request : requests[c]) {
                    timer.start();
                    socket.write(request);
                    socket.waitForBytesWritten(5000);
                    const int status = readAnswer(socket, buffer);
                    latencies[c].push_back(double(timer.nsecsElapsed()) / 1e6);
                    (status == 202 ? accepted : refused)++;
                    if (status == 0)
                        break;
                }
            }
            --running;
        });
    }
    // The receiver runs on this thread's event loop until both clients are done.
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        if (running == 0)
            app.quit();
    });
    poll.start(5);
    app.exec();
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    for (std::thread& thread : threads)
        thread.join();

    std::vector<double> all;
    for (const auto& list : latencies)
        all.insert(all.end(), list.begin(), list.end());
    std::sort(all.begin(), all.end());
    const auto percentile = [&all](double p) {
        return all.empty() ? 0.0
                           : all[std::min(all.size() - 1, std::size_t(p * double(all.size())))];
    };
    const int stored = inbox.count();
    if (refused > 0 || stored != accepted)
        die(QStringLiteral("%1 refused, %2 accepted but %3 stored")
                .arg(refused)
                .arg(accepted)
                .arg(stored));
    report("events_per_second", accepted / seconds, "events/s", ">= 2000");
    report("latency_p50", percentile(0.50), "ms", "");
    report("latency_p99", percentile(0.99), "ms", "< 20");
    report("events", accepted, "events", "");

    // The event log's reads at 100,000 events: a page, a count by status, a search by user.
    QList<AppEvent> filler;
    for (int i = accepted; i < 100000; ++i) {
        AppEvent event;
        event.webhookId = QStringLiteral("fill-%1").arg(i);
        event.type = i % 3 == 0 ? QStringLiteral("note.created") : QStringLiteral("user.signed_up");
        event.userId = QStringLiteral("fill-user-%1").arg(i);
        event.data = {{QStringLiteral("id"), event.userId}};
        filler.append(event);
        if (filler.size() == 5000) {
            inbox.acceptAll(filler);
            filler.clear();
        }
    }
    inbox.acceptAll(filler);
    QElapsedTimer timer;
    timer.start();
    const QList<InboxEvent> page = inbox.list({}, 0, 200);
    report("log_first_page_100k", double(timer.nsecsElapsed()) / 1e6, "ms", "");
    timer.restart();
    const int received = inbox.count({EventStatus::Received, QStringLiteral("note.created"), {}});
    report("log_count_by_status_type_100k", double(timer.nsecsElapsed()) / 1e6, "ms", "");
    timer.restart();
    const QList<InboxEvent> found
        = inbox.list({std::nullopt, {}, QStringLiteral("fill-user-77777")}, 0, 200);
    report("log_search_user_100k", double(timer.nsecsElapsed()) / 1e6, "ms", "");
    if (page.size() != 200 || received == 0 || found.size() != 1)
        die(QStringLiteral("the event log's reads gave the wrong rows"));
    return 0;
}
