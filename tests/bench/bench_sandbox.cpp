// Sandbox throughput and latency from a loopback client: starts contactdesk-sandbox with rate
// limits off and 10,000 seeded contacts, then drives GET /contacts/{id} and POST /contacts/
// over keep-alive connections. Prints one JSON object per measurement.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace {

struct Connection
{
    std::unique_ptr<QTcpSocket> socket;
    QByteArray buffer;
    QElapsedTimer sent;
};

// Runs `connections` keep-alive clients for `seconds`, each sending the next request as soon as
// the previous answer is complete. Returns per-request latencies in microseconds.
std::vector<qint64> drive(const QUrl& base, int connections, int seconds,
    const std::function<QByteArray(int)>& makeRequest, int* failures)
{
    std::vector<qint64> latencies;
    latencies.reserve(200000);
    std::vector<Connection> pool(connections);
    QEventLoop loop;
    QElapsedTimer total;
    bool stopping = false;
    int counter = 0;
    int open = connections;

    const std::function<void(Connection&)> sendNext = [&](Connection& c) {
        if (stopping) {
            c.socket->disconnectFromHost();
            if (--open == 0)
                loop.quit();
            return;
        }
        c.sent.start();
        c.socket->write(makeRequest(counter++));
    };
    for (Connection& c : pool) {
        c.socket = std::make_unique<QTcpSocket>();
        QObject::connect(
            c.socket.get(), &QTcpSocket::readyRead, [&c, &latencies, &sendNext, failures] {
                c.buffer += c.socket->readAll();
                for (;;) {
                    const qsizetype headerEnd = c.buffer.indexOf("\r\n\r\n");
                    if (headerEnd < 0)
                        return;
                    const QByteArray head = c.buffer.left(headerEnd).toLower();
                    const qsizetype at = head.indexOf("content-length:");
                    const qsizetype length = at < 0
                        ? 0
                        : head.mid(at + 15, head.indexOf("\r\n", at) - at - 15)
                              .trimmed()
                              .toLongLong();
                    if (c.buffer.size() < headerEnd + 4 + length)
                        return;
                    if (!(head.startsWith("http/1.1 2")))
                        ++*failures;
                    c.buffer.remove(0, headerEnd + 4 + length);
                    latencies.push_back(c.sent.nsecsElapsed() / 1000);
                    sendNext(c);
                }
            });
        c.socket->connectToHost(base.host(), quint16(base.port()));
        if (!c.socket->waitForConnected(5000)) {
            std::fprintf(stderr, "bench: cannot connect to the sandbox\n");
            std::exit(1);
        }
    }
    total.start();
    QTimer::singleShot(seconds * 1000, &loop, [&] { stopping = true; });
    for (Connection& c : pool)
        sendNext(c);
    loop.exec();
    return latencies;
}

void report(const char* metric, double value, const char* unit, const char* target)
{
    const QJsonObject line {{QStringLiteral("bench"), QStringLiteral("sandbox")},
        {QStringLiteral("metric"), QLatin1StringView(metric)},
        {QStringLiteral("value"), qRound(value * 100) / 100.0},
        {QStringLiteral("unit"), QLatin1StringView(unit)},
        {QStringLiteral("target"), QLatin1StringView(target)}};
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

void summarise(const char* name, std::vector<qint64> latencies, int seconds, int failures)
{
    std::sort(latencies.begin(), latencies.end());
    const double rps = double(latencies.size()) / seconds;
    const double p99 = latencies.empty()
        ? 0.0
        : latencies[std::min(latencies.size() - 1, latencies.size() * 99 / 100)] / 1000.0;
    const double p50 = latencies.empty() ? 0.0 : latencies[latencies.size() / 2] / 1000.0;
    report(
        QByteArray(name + QByteArray(".requests_per_second")).constData(), rps, "req/s", ">=3000");
    report(QByteArray(name + QByteArray(".p50_latency")).constData(), p50, "ms", "");
    report(QByteArray(name + QByteArray(".p99_latency")).constData(), p99, "ms", "<5");
    report(
        QByteArray(name + QByteArray(".failed_requests")).constData(), failures, "requests", "0");
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_sandbox PATH_TO_contactdesk-sandbox [SECONDS]\n");
        return 2;
    }
    const int seconds = args.size() > 2 ? args.at(2).toInt() : 5;

    QProcess sandbox;
    sandbox.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sandbox.start(args.at(1),
        {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed-contacts"),
            QStringLiteral("10000"), QStringLiteral("--rate-limit"), QStringLiteral("0/1"),
            QStringLiteral("--daily-limit"), QStringLiteral("0"), QStringLiteral("--seed"),
            QStringLiteral("7")});
    if (!sandbox.waitForReadyRead(60000)) {
        std::fprintf(stderr, "bench: the sandbox did not start\n");
        return 1;
    }
    const QJsonObject info = QJsonDocument::fromJson(sandbox.readLine()).object();
    const QUrl base(info[QStringLiteral("baseUrl")].toString());
    const QByteArray token = info[QStringLiteral("privateIntegrationToken")].toString().toUtf8();
    const QByteArray location = info[QStringLiteral("locationId")].toString().toUtf8();
    const QByteArray host = base.authority().toUtf8();
    const QByteArray common = "Host: " + host + "\r\nVersion: 2021-07-28\r\nAuthorization: Bearer "
        + token + "\r\nAccept: application/json\r\n";

    // Ids to read: the first 100 contacts, fetched once.
    QByteArrayList ids;
    {
        int failures = 0;
        QByteArray listBody;
        QTcpSocket socket;
        socket.connectToHost(base.host(), quint16(base.port()));
        socket.waitForConnected(5000);
        socket.write("GET /contacts/?limit=100&locationId=" + location + " HTTP/1.1\r\n" + common
            + "Connection: close\r\n\r\n");
        while (socket.waitForReadyRead(10000))
            listBody += socket.readAll();
        listBody = listBody.mid(listBody.indexOf("\r\n\r\n") + 4);
        for (const QJsonValue& c :
            QJsonDocument::fromJson(listBody).object()[QStringLiteral("contacts")].toArray())
            ids.append(c[QStringLiteral("id")].toString().toUtf8());
        if (ids.isEmpty() || failures) {
            std::fprintf(stderr, "bench: cannot list seeded contacts\n");
            return 1;
        }
    }

    const int connections = 4;
    int getFailures = 0;
    summarise("get_contact",
        drive(
            base, connections, seconds,
            [&](int i) {
                return "GET /contacts/" + ids.at(i % ids.size()) + " HTTP/1.1\r\n" + common
                    + "\r\n";
            },
            &getFailures),
        seconds, getFailures);

    int postFailures = 0;
    summarise("create_contact",
        drive(
            base, connections, seconds,
            [&](int i) {
                const QByteArray body = "{\"locationId\":\"" + location
                    + "\",\"firstName\":\"Bench\",\"lastName\":\"Person " + QByteArray::number(i)
                    + "\",\"email\":\"bench" + QByteArray::number(i)
                    + "@example.com\",\"tags\":[\"bench\"]}";
                return "POST /contacts/ HTTP/1.1\r\n" + common
                    + "Content-Type: application/json\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\n\r\n" + body;
            },
            &postFailures),
        seconds, postFailures);

    sandbox.terminate();
    sandbox.waitForFinished(10000);
    return 0;
}
