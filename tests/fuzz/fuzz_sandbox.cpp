// libFuzzer target: random requests through the sandbox's request pipeline (routing, headers,
// auth, DTO checks and every handler, the OAuth and control routes too) without a socket.
// Input layout:
//   line 1: its first byte picks the method (GET POST PUT DELETE PATCH), its second the
//           credentials (the private integration token, none, a made-up token, the token in
//           lower-case "bearer", the admin key missing);
//   line 2: the path with its query ("/contacts/?locationId={location}&query=a"; {location}
//           and {contact} stand for real ids, in the body too for {location});
//   then header lines ("name: value", a header given twice keeps the last) up to an empty
//   line, which override the defaults (Version, Authorization, the admin key);
//   the rest: the body.
// Beyond "no crash, no UB": every answer has a real HTTP status, an error answer says what is
// wrong, and a request without valid credentials never gets a 2xx from an API route. Built by the
// asan preset (CONTACTDESK_FUZZ); run e.g. `scripts/fuzz sandbox 60`.
#include "common/clock.h"
#include "sandbox/sandboxserver.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

using namespace ContactDesk::Sandbox;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

SandboxServer& server()
{
    static int argc = 1;
    static char name[] = "fuzz_sandbox";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    static ContactDesk::SystemClock clock;
    static SandboxServer instance(clock, 1);
    return instance;
}

// The same small location every few hundred inputs, so the fuzzer explores logic, not growth.
void reseedNowAndThen(SandboxServer& sandbox)
{
    static int runs = 0;
    if (runs++ % 500 != 0)
        return;
    sandbox.seed(30, 1);
    sandbox.data().settings().rateLimitCount = 0;
    sandbox.data().settings().dailyLimit = 0;
}

struct Input
{
    quint8 method = 0;
    quint8 credentials = 0;
    QByteArray pathAndQuery;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

Input readInput(const QByteArray& bytes)
{
    Input input;
    qsizetype at = 0;
    const auto nextLine = [&bytes, &at](bool* found) {
        const qsizetype end = bytes.indexOf('\n', at);
        *found = end >= 0;
        const QByteArray line = bytes.mid(at, *found ? end - at : -1);
        at = *found ? end + 1 : bytes.size();
        return line;
    };
    bool more = false;
    const QByteArray first = nextLine(&more);
    input.method = first.isEmpty() ? 0 : quint8(first.at(0));
    input.credentials = first.size() < 2 ? 0 : quint8(first.at(1));
    if (more)
        input.pathAndQuery = nextLine(&more);
    while (more) {
        const QByteArray line = nextLine(&more);
        if (line.isEmpty())
            break;
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            input.headers.append(
                {line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    input.body = bytes.mid(at);
    return input;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    SandboxServer& sandbox = server();
    reseedNowAndThen(sandbox);
    const Input input = readInput(QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)));

    Request request;
    static const QByteArray methods[] = {"GET", "POST", "PUT", "DELETE", "PATCH"};
    request.method = methods[input.method % 5];
    // "{location}" and "{contact}" stand for the seeded location and one of its contacts, so
    // the fuzzer reaches handlers past the id checks.
    QString pathAndQuery = QString::fromUtf8(input.pathAndQuery);
    pathAndQuery.replace(QStringLiteral("{location}"), sandbox.data().mainLocation().id);
    if (!sandbox.data().contacts().isEmpty())
        pathAndQuery.replace(
            QStringLiteral("{contact}"), sandbox.data().contacts().constBegin().key());
    const QUrl url(QStringLiteral("http://sandbox") + pathAndQuery);
    request.path = url.path();
    request.query = QUrlQuery(url);
    // The state is kept small on purpose (see reseedNowAndThen).
    if (request.path.startsWith(QStringLiteral("/__sandbox/seed"))
        || request.path.startsWith(QStringLiteral("/__sandbox/reset")))
        return 0;

    const QByteArray token = sandbox.data().privateIntegrationToken().toUtf8();
    request.headers.insert("version", "2021-07-28");
    switch (input.credentials % 5) {
    case 0:
        request.headers.insert("authorization", "Bearer " + token);
        break;
    case 1:
        break;
    case 2:
        request.headers.insert("authorization", "Bearer pit-made-up-0000");
        break;
    case 3:
        request.headers.insert("authorization", "bearer " + token);
        break;
    case 4:
        request.headers.insert("authorization", "Bearer " + token);
        break;
    }
    if (input.credentials % 5 != 4)
        request.headers.insert("x-sandbox-admin-key", sandbox.data().adminKey().toUtf8());
    for (const auto& [name, value] : input.headers)
        request.headers.insert(name, value);
    QByteArray body = input.body;
    body.replace("{location}", sandbox.data().mainLocation().id.toUtf8());
    request.body = body;
    // The bearer scheme in any case, then the sandbox's token.
    const QByteArray authorization = request.headers.value("authorization");
    const bool genuine = authorization.size() > 7
        && authorization.left(7).compare("bearer ", Qt::CaseInsensitive) == 0
        && authorization.mid(7).trimmed() == token;

    const Reply reply = sandbox.respond(request);
    check(reply.status >= 100 && reply.status <= 599);
    if (reply.status >= 400 && reply.object) {
        // HighLevel's error shapes: a message (a string or a list of problems) or an error.
        check(reply.object->contains(QStringLiteral("message"))
            || reply.object->contains(QStringLiteral("error"))
            || reply.object->contains(QStringLiteral("error_description")));
    }
    const bool api = !request.path.startsWith(QStringLiteral("/__sandbox"))
        && !request.path.startsWith(QStringLiteral("/oauth/"))
        && !request.path.startsWith(QStringLiteral("/v2/oauth/"))
        && request.path != QStringLiteral("/health");
    if (api && !genuine)
        check(reply.status >= 400);
    return 0;
}
