// libFuzzer target: what reaches ContactDesk at the end of an OAuth sign-in. The first line of
// the input is the address the browser (or the loopback listener) was sent to, where
// "{state}" stands for the sign-in's real state so the fuzzer gets past that check; the
// second line is the HTTP status of a token answer and the rest its body. The address goes
// through OAuthFlow::isRedirect and handleRedirect, the answer through
// OAuthWire::readTokenReply. Beyond "no crash, no UB":
// - an address that is not the redirect URI, or whose state is not this sign-in's, ends the
//   sign-in as failed with a message and never signs in;
// - `error=access_denied` (with the right state) is a cancel, any other error a failure with
//   a message; an authorization code (with the right state) is exchanged, so nothing is
//   reported yet; a second redirect changes nothing;
// - a token answer is either tokens with an access token and a lifetime that ends after it was
//   sent, or no tokens and a message.
// Built by the asan preset (CONTACTDESK_FUZZ); run e.g. `scripts/fuzz oauthredirect 60`.
#include "auth/oauthflow.h"
#include "common/clock.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

#include <cstddef>
#include <cstdint>

using namespace ContactDesk;
using namespace ContactDesk::Auth;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

// A finished reply with a given status and no body of its own (readTokenReply takes the body).
class AnsweredReply final : public QNetworkReply
{
public:
    AnsweredReply(int status, const QUrl& url)
    {
        setUrl(url);
        if (status > 0)
            setAttribute(QNetworkRequest::HttpStatusCodeAttribute, status);
        else
            setError(QNetworkReply::ConnectionRefusedError, QStringLiteral("Connection refused"));
        setOpenMode(QIODevice::ReadOnly);
        setFinished(true);
    }
    void abort() override { }

protected:
    qint64 readData(char*, qint64) override { return -1; }
};

struct Run
{
    int results = 0;
    SignInResult last;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_oauthredirect";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    static QNetworkAccessManager network;
    static SystemClock clock;

    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const QList<QByteArray> lines = input.split('\n');

    Connection connection;
    connection.id = QStringLiteral("fuzz");
    connection.environment = Environment::Custom;
    // The discard port: an exchange that starts is aborted with the flow, never answered.
    connection.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    connection.authKind = AuthKind::OAuth;
    connection.clientId = QStringLiteral("fuzz-client");
    {
        OAuthFlow flow(network, clock, connection, QStringLiteral("client-secret"));
        flow.setRedirectUri(QUrl(QStringLiteral("http://127.0.0.1:47615/callback")));
        Run run;
        QObject::connect(&flow, &OAuthFlow::finished, [&run](const SignInResult& result) {
            ++run.results;
            run.last = result;
        });
        QString address = QString::fromUtf8(lines.value(0));
        address.replace(QStringLiteral("{state}"), flow.state());
        const QUrl url(address);
        const bool redirect = flow.isRedirect(url);
        flow.handleRedirect(url);
        check(run.results <= 1);
        check(run.last.outcome != SignInResult::Outcome::SignedIn);
        if (!redirect) {
            check(run.results == 1 && run.last.outcome == SignInResult::Outcome::Failed);
        } else {
            QString query = url.query(QUrl::FullyEncoded);
            query.replace(u'+', QStringLiteral("%20"));
            const QUrlQuery items(query);
            const QString state = items.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
            const QString error = items.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
            const QString code = items.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
            if (state != flow.state())
                check(run.results == 1 && run.last.outcome == SignInResult::Outcome::Failed);
            else if (error == QLatin1StringView("access_denied"))
                check(run.results == 1 && run.last.outcome == SignInResult::Outcome::Cancelled);
            else if (!error.isEmpty() || code.isEmpty())
                check(run.results == 1 && run.last.outcome == SignInResult::Outcome::Failed);
            else
                check(run.results == 0 && !flow.isFinished());
        }
        if (run.results == 1)
            check(!run.last.message.isEmpty());
        const int before = run.results;
        flow.handleRedirect(url);
        check(run.results == before);
    }

    const int status = lines.value(1).trimmed().toInt();
    const qsizetype bodyAt = lines.value(0).size() + lines.value(1).size() + 2;
    const QByteArray body = input.mid(qMin(bodyAt, input.size()));
    AnsweredReply reply(status, QUrl(QStringLiteral("http://127.0.0.1:9/oauth/token")));
    constexpr qint64 sentAtMs = 1793534400000; // 2026-11-01T12:00:00Z
    const TokenReply answer = OAuthWire::readTokenReply(&reply, body, sentAtMs);
    check(answer.status == status || (status <= 0 && answer.status == 0));
    if (answer.tokens) {
        check(status >= 200 && status < 300);
        check(!answer.tokens->accessToken.isEmpty());
        check(answer.message.isEmpty());
        if (answer.tokens->expiresAt.isValid())
            check(answer.tokens->expiresAt.toMSecsSinceEpoch() > sentAtMs);
    } else {
        check(!answer.message.isEmpty());
    }
    return 0;
}
