// Every request names the feature that made it: the sync engine and the location lists say
// "sync", the endpoint check "verify" (its cleanup too), a ContactsApi or LocationApi the cause
// it was made with, a user's own lookup "user". The inspector filters and the HAR show these.
#include "synctesthelpers.h"

#include "api/contactsapi.h"
#include "api/endpointverifier.h"
#include "api/locationapi.h"
#include "sync/locationlistsync.h"
#include "sync/syncengine.h"

#include <QSignalSpy>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Testing;

namespace {

QStringList causesOf(const QList<Api::ApiExchange>& exchanges, qsizetype from = 0)
{
    QStringList causes;
    for (qsizetype i = from; i < exchanges.size(); ++i)
        causes << Api::requestCauseName(exchanges.at(i).cause) + u' ' + exchanges.at(i).operationId;
    return causes;
}

bool allCaused(const QList<Api::ApiExchange>& exchanges, qsizetype from, Api::RequestCause cause)
{
    for (qsizetype i = from; i < exchanges.size(); ++i) {
        if (exchanges.at(i).cause != cause)
            return false;
    }
    return exchanges.size() > from;
}

} // namespace

class TestRequestCause : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void syncAndListsSaySync();
    void verifySaysVerify();
    void apisCarryTheirCause();

private:
    std::unique_ptr<SandboxFixture> m_fx;
    std::unique_ptr<SyncHarness> m_h;
};

void TestRequestCause::init()
{
    m_fx = std::make_unique<SandboxFixture>(12);
    unlimited(*m_fx);
    m_h = std::make_unique<SyncHarness>(*m_fx);
}

void TestRequestCause::cleanup()
{
    m_h.reset();
    m_fx.reset();
}

void TestRequestCause::syncAndListsSaySync()
{
    const Sync::SyncResult result = m_h->sync();
    QVERIFY(result.ok);
    QVERIFY2(allCaused(m_h->exchanges, 0, Api::RequestCause::Sync),
        qPrintable(causesOf(m_h->exchanges).join(u'\n')));
    QVERIFY(causesOf(m_h->exchanges).contains(QStringLiteral("sync search-contacts-advanced")));

    const qsizetype before = m_h->exchanges.size();
    QSignalSpy refreshed(&m_h->ws().locationListSync(), &Sync::LocationListSync::refreshed);
    const int sent = m_h->ws().locationListSync().refreshAll(true);
    QVERIFY(sent >= 4);
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), sent, syncWaitMs);
    QVERIFY2(allCaused(m_h->exchanges, before, Api::RequestCause::Sync),
        qPrintable(causesOf(m_h->exchanges, before).join(u'\n')));
    QVERIFY(causesOf(m_h->exchanges, before).contains(QStringLiteral("sync get-custom-fields")));

    // A lookup the user waits for keeps the default.
    const qsizetype userFrom = m_h->exchanges.size();
    bool done = false;
    m_h->ws()
        .contacts()
        .getContact(m_h->ws().cache().allServerIds().constFirst())
        .then(this, [&](const auto&) { done = true; });
    QTRY_VERIFY(done);
    QCOMPARE(causesOf(m_h->exchanges, userFrom), QStringList {QStringLiteral("user get-contact")});
}

void TestRequestCause::verifySaysVerify()
{
    Api::VerifyOptions options;
    options.allowWrites = true;
    Api::EndpointVerifier verifier(m_h->ws().client(), m_fx->clock(), options);
    QSignalSpy finished(&verifier, &Api::EndpointVerifier::finished);
    verifier.start();
    QVERIFY(finished.wait(syncWaitMs));
    QVERIFY(verifier.count(Api::VerifyOutcome::Passed) > 20);
    QVERIFY2(allCaused(m_h->exchanges, 0, Api::RequestCause::Verify),
        qPrintable(causesOf(m_h->exchanges).join(u'\n')));
    // The cleanup after the reported steps is the runner's too.
    QVERIFY(causesOf(m_h->exchanges).contains(QStringLiteral("verify delete-contact")));
}

void TestRequestCause::apisCarryTheirCause()
{
    Api::ContactsApi imports(m_h->ws().client(), Api::RequestCause::Import);
    Api::LocationApi automation(m_h->ws().client());
    automation.setCause(Api::RequestCause::Automation);
    automation.setUserPageSize(1); // several pages: each page keeps the cause
    int done = 0;
    imports.listContacts(5, {}, {}).then(this, [&](const auto&) { ++done; });
    automation.users().then(this, [&](const auto&) { ++done; });
    QTRY_COMPARE(done, 2);
    QStringList causes = causesOf(m_h->exchanges);
    QVERIFY2(
        causes.contains(QStringLiteral("import get-contacts")), qPrintable(causes.join(u'\n')));
    QVERIFY2(causes.count(QStringLiteral("automation search-users")) >= 2
            || causes.contains(QStringLiteral("automation get-user-by-location")),
        qPrintable(causes.join(u'\n')));
    for (const QString& cause : causes)
        QVERIFY2(cause.startsWith(QLatin1StringView("import "))
                || cause.startsWith(QLatin1StringView("automation ")),
            qPrintable(cause));
    QCOMPARE(imports.cause(), Api::RequestCause::Import);
}

QTEST_GUILESS_MAIN(TestRequestCause)
#include "tst_requestcause.moc"
