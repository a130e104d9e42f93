#include "automationtesthelpers.h"

#include "sync/locationlistsync.h"

#include <QTest>
#include <QUuid>

namespace ContactDesk::Testing {

AutomationHarness::AutomationHarness(SandboxFixture& fixture)
    : fx(fixture)
    , sync(fixture)
{
    unlimited(fx);
    reopen();
}

AutomationHarness::~AutomationHarness()
{
    engine.reset();
    inbox.reset();
}

void AutomationHarness::reopen()
{
    engine.reset();
    inbox.reset();
    sync.reopen();
    inbox = std::make_unique<Automation::Inbox>(sync.ws().database(), fx.clock());
    engine = std::make_unique<Automation::AutomationEngine>(sync.ws(), *inbox, fx.clock());
}

bool AutomationHarness::syncAll()
{
    if (!sync.sync().ok)
        return false;
    Sync::LocationListSync& lists = sync.ws().locationListSync();
    if (lists.refreshAll(true) > 0)
        return QTest::qWaitFor([&lists] { return !lists.isRefreshing(); }, syncWaitMs);
    return true;
}

qint64 AutomationHarness::push(const QString& type, const QJsonObject& data)
{
    Automation::AppEvent event;
    event.webhookId = QStringLiteral("msg_%1").arg(++pushed);
    event.type = type;
    event.userId
        = data.value(type.startsWith(QLatin1StringView("user.")) ? QStringLiteral("id")
                                                                 : QStringLiteral("userId"))
              .toString();
    event.data = data;
    event.timestampSecs = fx.clock().nowMs() / 1000;
    event.source = QStringLiteral("test");
    qint64 seq = 0;
    if (inbox->accept(event, &seq) != Automation::Inbox::Accepted::Stored)
        return 0;
    return seq;
}

bool AutomationHarness::settle(int timeoutMs)
{
    engine->start();
    const bool applied = QTest::qWaitFor(
        [this] {
            return inbox->count({Automation::EventStatus::Received, {}, {}}) == 0;
        },
        timeoutMs);
    // Events the engine applies make outbox items; let it finish its turn first.
    QTest::qWait(20);
    return applied && sync.drainOutbox(timeoutMs);
}

Automation::InboxEvent AutomationHarness::event(qint64 seq) const
{
    return inbox->event(seq).value_or(Automation::InboxEvent());
}

QList<QJsonObject> AutomationHarness::serverContacts(const QString& email) const
{
    QList<QJsonObject> found;
    for (const QString& id : serverIds(fx)) {
        const QJsonObject contact = std::as_const(fx.data()).contacts().value(id);
        if (contact.value(QStringLiteral("email")).toString().compare(email, Qt::CaseInsensitive)
            == 0)
            found.append(contact);
    }
    return found;
}

QList<QJsonObject> AutomationHarness::serverTasks(const QString& contactId) const
{
    return fx.data().tasks().value(contactId);
}

QList<QJsonObject> AutomationHarness::serverNotes(const QString& contactId) const
{
    return fx.data().notes().value(contactId);
}

QJsonObject signUp(const QString& id, const QString& email, const QString& first,
    const QString& last, const QString& phone)
{
    QJsonObject data {{QStringLiteral("id"), id}, {QStringLiteral("email"), email},
        {QStringLiteral("firstName"), first}, {QStringLiteral("lastName"), last}};
    if (!phone.isEmpty())
        data.insert(QStringLiteral("phone"), phone);
    return data;
}

} // namespace ContactDesk::Testing
