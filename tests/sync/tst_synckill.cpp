// Crashes and outages of a real process: a `contactdesk-cli sync` child against a standalone
// contactdesk-sandbox that keeps its state in a --data file is killed with SIGKILL in the middle
// of the full sync and in the middle of sending the outbox; the next run converges with no
// duplicate and nothing lost. Then the sandbox itself is stopped: the edits stay queued and
// drain in order once it is back on the same port.
#include "clirun.h"

#include "api/apiclient.h"
#include "api/contactsapi.h"
#include "api/contactwalker.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "common/clock.h"
#include "store/contactcache.h"
#include "store/database.h"
#include "store/localedits.h"
#include "store/outbox.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace ContactDesk;
using namespace ContactDesk::Testing;

namespace {

constexpr int seeded = 3000;
constexpr int created = 80;
constexpr int waitMs = 180000;

// A standalone sandbox process; SIGTERM lets it write its --data file before it exits.
class StandaloneSandbox
{
public:
    bool start(const QString& dataFile, quint16 port, const QStringList& extra = {})
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process->start(QStringLiteral(CONTACTDESK_SANDBOX_EXE),
            QStringList {QStringLiteral("--port"), QString::number(port), QStringLiteral("--data"),
                dataFile, QStringLiteral("--daily-limit"), QStringLiteral("0")}
                + extra);
        if (!m_process->waitForReadyRead(waitMs))
            return false;
        info = QJsonDocument::fromJson(m_process->readLine()).object();
        return !info.isEmpty();
    }

    void stop()
    {
        if (!m_process)
            return;
        m_process->terminate();
        m_process->waitForFinished(waitMs);
        m_process.reset();
    }

    ~StandaloneSandbox() { stop(); }

    QUrl baseUrl() const { return QUrl(info.value(QStringLiteral("baseUrl")).toString()); }
    quint16 port() const { return quint16(baseUrl().port()); }

    QJsonObject info;

private:
    std::unique_ptr<QProcess> m_process;
};

QProcessEnvironment targetEnvironment(const QJsonObject& info)
{
    QProcessEnvironment environment;
    environment.insert(
        QStringLiteral("CONTACTDESK_BASE_URL"), info.value(QStringLiteral("baseUrl")).toString());
    environment.insert(QStringLiteral("CONTACTDESK_TOKEN"),
        info.value(QStringLiteral("privateIntegrationToken")).toString());
    environment.insert(QStringLiteral("CONTACTDESK_LOCATION"),
        info.value(QStringLiteral("locationId")).toString());
    return environment;
}

// Starts `contactdesk-cli sync` and kills it (SIGKILL) as soon as a stderr line matches
// `pattern` with a number of at least `atLeast`. False when it ended on its own first.
bool killWhen(const QString& home, const QProcessEnvironment& extra,
    const QRegularExpression& pattern, int atLeast)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name : environment.keys()) {
        if (name.startsWith(QLatin1StringView("CONTACTDESK_")))
            environment.remove(name);
    }
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    environment.insert(extra);
    QProcess process;
    process.setProcessEnvironment(environment);
    bool killed = false;
    QByteArray err;
    QObject::connect(&process, &QProcess::readyReadStandardError, [&] {
        err += process.readAllStandardError();
        for (const QByteArray& line : err.split('\n')) {
            const auto match = pattern.match(QString::fromUtf8(line));
            if (!killed && match.hasMatch() && match.captured(1).toInt() >= atLeast) {
                killed = true;
                process.kill();
            }
        }
    });
    process.start(QStringLiteral(CONTACTDESK_CLI_EXE), {QStringLiteral("sync")});
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(waitMs, &loop, &QEventLoop::quit);
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    if (!killed)
        qWarning("the sync ended before it could be killed: %s", err.constData());
    return killed && process.exitStatus() == QProcess::CrashExit;
}

// Every contact the sandbox has, through its API, waiting on the event loop.
QList<Api::Contact> serverContacts(const QJsonObject& info)
{
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    SystemClock clock;
    Api::StaticTokenProvider tokens(
        info.value(QStringLiteral("privateIntegrationToken")).toString());
    Api::RateBudget budget(clock);
    Api::ApiConfig config;
    config.baseUrl = QUrl(info.value(QStringLiteral("baseUrl")).toString());
    config.locationId = info.value(QStringLiteral("locationId")).toString();
    Api::ApiClient client(nam, tokens, budget, clock, config);
    Api::ContactWalker walker(client);
    QList<Api::Contact> contacts;
    QObject::connect(&walker, &Api::ContactWalker::pageReady,
        [&contacts](const Api::ContactWalkPage& page) { contacts += page.contacts; });
    QEventLoop loop;
    QObject::connect(&walker, &Api::ContactWalker::finished, &loop, &QEventLoop::quit);
    walker.start();
    if (walker.isRunning())
        loop.exec();
    if (walker.error().isError())
        qWarning("walking the sandbox failed: %s", qPrintable(walker.error().userText()));
    return contacts;
}

QSet<QString> idsOf(const QList<Api::Contact>& contacts)
{
    QSet<QString> ids;
    for (const Api::Contact& contact : contacts)
        ids.insert(contact.id);
    return ids;
}

int putSettings(const QJsonObject& info, const QJsonObject& settings)
{
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(QUrl(
        info.value(QStringLiteral("baseUrl")).toString() + QStringLiteral("/__sandbox/settings")));
    request.setRawHeader(
        "X-Sandbox-Admin-Key", info.value(QStringLiteral("adminKey")).toString().toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = nam.put(request, QJsonDocument(settings).toJson());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}

} // namespace

class TestSyncKill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void killedMidSyncResumesAndConverges();
    void killedMidOutboxSendsEachEditOnce();
    void stoppedSandboxKeepsQueueUntilItIsBack();

private:
    CliResult sync();
    std::unique_ptr<Store::Database> openCache();

    QTemporaryDir m_home;
    QString m_dataFile;
    StandaloneSandbox m_sandbox;
    SystemClock m_clock;
    QString m_cachePath;
};

void TestSyncKill::initTestCase()
{
    m_dataFile = m_home.filePath(QStringLiteral("sandbox.json"));
    // A tight burst limit stretches the sync over a few seconds, so a kill lands in the middle.
    QVERIFY(m_sandbox.start(m_dataFile, 0,
        {QStringLiteral("--seed-contacts"), QString::number(seeded), QStringLiteral("--seed"),
            QStringLiteral("11"), QStringLiteral("--rate-limit"), QStringLiteral("4/1000")}));
    const CliResult stats = runCli({QStringLiteral("cache"), QStringLiteral("stats")},
        m_home.path(), targetEnvironment(m_sandbox.info));
    QCOMPARE(stats.exitCode, 0);
    m_cachePath = stats.json().object().value(QStringLiteral("path")).toString();
    QVERIFY(m_cachePath.startsWith(m_home.path()));
}

void TestSyncKill::cleanupTestCase()
{
    m_sandbox.stop();
}

CliResult TestSyncKill::sync()
{
    return runCli({QStringLiteral("sync")}, m_home.path(), targetEnvironment(m_sandbox.info));
}

std::unique_ptr<Store::Database> TestSyncKill::openCache()
{
    auto db = std::make_unique<Store::Database>(m_cachePath, m_clock);
    if (!db->open().ok)
        qWarning("the cache did not open");
    return db;
}

void TestSyncKill::killedMidSyncResumesAndConverges()
{
    static const QRegularExpression pages(QStringLiteral("^sync \\(full\\): (\\d+) pages"));
    QVERIFY(killWhen(m_home.path(), targetEnvironment(m_sandbox.info), pages, 2));
    int cachedAtKill = 0;
    {
        const auto db = openCache();
        cachedAtKill = Store::ContactCache(*db).count();
    }
    // Two pages stored (a range's last page may be short), the rest not yet.
    QVERIFY2(
        cachedAtKill > 500 && cachedAtKill < seeded, qPrintable(QString::number(cachedAtKill)));

    const CliResult resumed = sync();
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.errText()));
    const QJsonObject json = resumed.json().object();
    QCOMPARE(json.value(QStringLiteral("kind")).toString(), QStringLiteral("full"));
    // It went on from its checkpoint instead of starting over.
    QVERIFY2(json.value(QStringLiteral("contacts")).toInt() < seeded,
        qPrintable(QString::fromUtf8(resumed.out)));

    const QList<Api::Contact> server = serverContacts(m_sandbox.info);
    QCOMPARE(server.size(), seeded);
    const auto db = openCache();
    Store::ContactCache cache(*db);
    const QStringList cached = cache.allServerIds();
    QCOMPARE(cached.size(), seeded);
    QCOMPARE(QSet<QString>(cached.cbegin(), cached.cend()), idsOf(server));
}

void TestSyncKill::killedMidOutboxSendsEachEditOnce()
{
    QCOMPARE(sync().exitCode, 0);
    // Each new contact gets a task, which waits for its contact's server id.
    {
        const auto db = openCache();
        Store::LocalEdits edits(*db);
        for (int i = 0; i < created; ++i) {
            Api::Contact draft;
            draft.firstName = QStringLiteral("Killed%1").arg(i);
            draft.email = QStringLiteral("kill%1@outbox.example").arg(i);
            const QString id = edits.createContact(draft);
            QVERIFY(!id.isEmpty());
            if (i % 10 == 0) {
                Api::Task task;
                task.title = QStringLiteral("Follow up %1").arg(i);
                task.dueDate = QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC);
                QVERIFY(!edits.createTask(id, task).isEmpty());
            }
        }
        QCOMPARE(Store::Outbox(*db).pendingCount(), created + created / 10);
    }
    QCOMPARE(
        putSettings(m_sandbox.info,
            QJsonObject {{QStringLiteral("rateLimit"),
                QJsonObject {{QStringLiteral("count"), 20}, {QStringLiteral("windowMs"), 1000}}}}),
        200);

    static const QRegularExpression sent(QStringLiteral("^outbox: (\\d+) of \\d+ sent"));
    QVERIFY(killWhen(m_home.path(), targetEnvironment(m_sandbox.info), sent, 20));
    {
        const auto db = openCache();
        const int left = Store::Outbox(*db).pendingCount();
        QVERIFY2(left > 0 && left < created + created / 10, qPrintable(QString::number(left)));
    }

    const CliResult finished = sync();
    QVERIFY2(finished.exitCode == 0, qPrintable(finished.errText()));
    QCOMPARE(finished.json()
                 .object()
                 .value(QStringLiteral("outbox"))
                 .toObject()
                 .value(QStringLiteral("waiting"))
                 .toInt(),
        0);

    // Every edit exactly once: one contact per address, one task per contact that had one.
    const QList<Api::Contact> server = serverContacts(m_sandbox.info);
    QHash<QString, int> perEmail;
    for (const Api::Contact& contact : server) {
        if (contact.email.endsWith(QStringLiteral("@outbox.example")))
            ++perEmail[contact.email];
    }
    QCOMPARE(perEmail.size(), created);
    for (auto it = perEmail.cbegin(); it != perEmail.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(it.key()));
    const auto db = openCache();
    Store::ContactCache cache(*db);
    const QStringList cached = cache.allServerIds();
    QCOMPARE(QSet<QString>(cached.cbegin(), cached.cend()), idsOf(server));
    QCOMPARE(cache.count(), int(server.size()));
    QCOMPARE(Store::Outbox(*db).pendingCount(), 0);

    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    SystemClock clock;
    Api::StaticTokenProvider tokens(
        m_sandbox.info.value(QStringLiteral("privateIntegrationToken")).toString());
    Api::RateBudget budget(clock);
    Api::ApiConfig config;
    config.baseUrl = m_sandbox.baseUrl();
    config.locationId = m_sandbox.info.value(QStringLiteral("locationId")).toString();
    Api::ApiClient client(nam, tokens, budget, clock, config);
    Api::ContactsApi api(client);
    for (const Api::Contact& contact : server) {
        if (!contact.firstName.startsWith(QStringLiteral("Killed")))
            continue;
        const int n = contact.firstName.mid(6).toInt();
        // -2 until answered; shared, since a late answer must have somewhere to go.
        const auto tasks = std::make_shared<int>(-2);
        api.tasks(contact.id).then(&nam, [tasks](const Api::Result<QList<Api::Task>>& result) {
            *tasks = result.ok() ? int(result.value.size()) : -1;
        });
        QTRY_VERIFY_WITH_TIMEOUT(*tasks != -2, waitMs);
        QCOMPARE(*tasks, n % 10 == 0 ? 1 : 0);
    }
}

void TestSyncKill::stoppedSandboxKeepsQueueUntilItIsBack()
{
    QCOMPARE(sync().exitCode, 0);
    const QList<Api::Contact> before = serverContacts(m_sandbox.info);
    const QString a = before.at(1).id;
    const QString b = before.at(2).id;
    {
        const auto db = openCache();
        Store::LocalEdits edits(*db);
        QCOMPARE(
            edits.updateContact(a, QJsonObject {{QStringLiteral("city"), QStringLiteral("Turku")}}),
            Store::EditOutcome::Saved);
        QCOMPARE(edits.addTags({a}, {QStringLiteral("while-offline")}), Store::EditOutcome::Saved);
        QCOMPARE(
            edits.updateContact(b, QJsonObject {{QStringLiteral("city"), QStringLiteral("Vaasa")}}),
            Store::EditOutcome::Saved);
    }

    const quint16 port = m_sandbox.port();
    m_sandbox.stop();
    const CliResult offline = sync();
    QCOMPARE(offline.exitCode, 3);
    QCOMPARE(offline.json().object().value(QStringLiteral("ok")).toBool(), false);
    {
        const auto db = openCache();
        const QList<Store::OutboxItem> items = Store::Outbox(*db).list();
        QCOMPARE(items.size(), 3);
        for (const Store::OutboxItem& item : items)
            QCOMPARE(item.state, Store::OutboxState::Queued);
        // The first edit of each contact was tried and says why it waits; the tag change
        // waits behind its contact's first edit untried.
        QVERIFY(!items.at(0).lastError.isEmpty());
        QVERIFY(items.at(1).lastError.isEmpty());
        QVERIFY(!items.at(2).lastError.isEmpty());
    }

    // Back on the same port with the same data: the queue drains, each contact in order.
    QVERIFY(m_sandbox.start(m_dataFile, port));
    const CliResult back = sync();
    QVERIFY2(back.exitCode == 0, qPrintable(back.errText()));
    QCOMPARE(back.json()
                 .object()
                 .value(QStringLiteral("outbox"))
                 .toObject()
                 .value(QStringLiteral("sent"))
                 .toInt(),
        3);
    const QList<Api::Contact> after = serverContacts(m_sandbox.info);
    QHash<QString, Api::Contact> byId;
    for (const Api::Contact& contact : after)
        byId.insert(contact.id, contact);
    QCOMPARE(byId.value(a).city, QStringLiteral("Turku"));
    QVERIFY(byId.value(a).tags.contains(QStringLiteral("while-offline")));
    QCOMPARE(byId.value(b).city, QStringLiteral("Vaasa"));
    const auto db = openCache();
    QCOMPARE(Store::Outbox(*db).pendingCount(), 0);
}

QTEST_MAIN(TestSyncKill)
#include "tst_synckill.moc"
