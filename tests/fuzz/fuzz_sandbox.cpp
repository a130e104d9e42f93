// libFuzzer target: random requests through the sandbox's request pipeline (routing, headers,
// auth, DTO checks and every handler). Input layout: method line, path line, then the body.
// Built by the asan preset (CONTACTDESK_FUZZ); run e.g. `build/asan/tests/fuzz_sandbox
// -max_total_time=60`.
#include "common/clock.h"
#include "sandbox/sandboxserver.h"

#include <QCoreApplication>

#include <cstddef>
#include <cstdint>

namespace {

ContactDesk::Sandbox::SandboxServer& server()
{
    static int argc = 1;
    static char name[] = "fuzz_sandbox";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    static ContactDesk::SystemClock clock;
    static ContactDesk::Sandbox::SandboxServer instance(clock, 1);
    static const bool seeded = [] {
        instance.seed(30, 1);
        instance.data().settings().rateLimitCount = 0;
        instance.data().settings().dailyLimit = 0;
        return true;
    }();
    Q_UNUSED(seeded);
    return instance;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    ContactDesk::Sandbox::SandboxServer& sandbox = server();
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const QList<QByteArray> parts = input.split('\n');
    ContactDesk::Sandbox::Request request;
    static const QByteArray methods[] = {"GET", "POST", "PUT", "DELETE", "PATCH"};
    request.method = methods[(parts.value(0).isEmpty() ? 0 : quint8(parts[0][0])) % 5];
    const QUrl url(QString::fromUtf8(parts.value(1)));
    request.path = url.path();
    request.query = QUrlQuery(url);
    request.body
        = parts.size() > 2 ? input.mid(parts[0].size() + parts[1].size() + 2) : QByteArray();
    request.headers.insert("version", "2021-07-28");
    request.headers.insert(
        "authorization", "Bearer " + sandbox.data().privateIntegrationToken().toUtf8());
    request.headers.insert("x-sandbox-admin-key", sandbox.data().adminKey().toUtf8());
    // Keep the state small so the fuzzer explores logic, not growth.
    if (request.path.startsWith(QStringLiteral("/__sandbox/seed")))
        return 0;
    const ContactDesk::Sandbox::Reply reply = sandbox.respond(request);
    if (reply.status < 100 || reply.status > 599)
        __builtin_trap();
    return 0;
}
