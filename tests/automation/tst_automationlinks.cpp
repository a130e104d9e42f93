#include "automationtesthelpers.h"

#include "automation/rules.h"
#include "store/trash.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Testing;
using Automation::Action;
using Automation::EventStatus;

namespace {

const QString signedUp = QStringLiteral("user.signed_up");

QString idOf(const QJsonObject& contact)
{
    return contact.value(QStringLiteral("id")).toString();
}

QString fieldId(const Api::LocationLists& lists, const QString& name)
{
    for (const Api::CustomFieldDefinition& field : lists.customFields) {
        if (field.name == name)
            return field.id;
    }
    return {};
}

QStringList tagsOf(const QJsonObject& contact)
{
    QStringList tags;
    for (const QJsonValue& tag : contact.value(QStringLiteral("tags")).toArray())
        tags.append(tag.toString());
    return tags;
}

Automation::AutomationRule* ruleFor(Automation::RuleSet& set, const QString& event)
{
    for (Automation::AutomationRule& rule : set.rules) {
        if (rule.eventType == event)
            return &rule;
    }
    return nullptr;
}

} // namespace

class TestAutomationLinks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linkFieldSurvivesANewMachine();
    void signUpOfAnExistingContactLinksIt();
    void userDeletedPerRule();
    void conditionsChooseTheRule();
    void failedEventGoesAgainOnRetry();
};

void TestAutomationLinks::linkFieldSurvivesANewMachine()
{
    SandboxFixture fx;
    QString contactId;
    QString field;
    {
        AutomationHarness h(fx);
        QVERIFY(h.syncAll());
        field = fieldId(h.sync.ws().locationLists(), QStringLiteral("Referral source"));
        QVERIFY(!field.isEmpty());
        Automation::RuleSet rules = h.engine->rules();
        rules.linkField = QStringLiteral("Referral source");
        h.engine->setRules(rules);
        h.push(signedUp,
            signUp(QStringLiteral("u-1"), QStringLiteral("ada@example.com"), QStringLiteral("Ada"),
                QStringLiteral("Lovelace")));
        QVERIFY(h.settle());
        const QJsonObject contact = h.serverContacts(QStringLiteral("ada@example.com")).value(0);
        contactId = idOf(contact);
        bool holdsId = false;
        for (const QJsonValue& value : contact.value(QStringLiteral("customFields")).toArray())
            holdsId = holdsId
                || (value.toObject().value(QStringLiteral("id")).toString() == field
                    && value.toObject().value(QStringLiteral("value")).toString()
                        == QLatin1StringView("u-1"));
        QVERIFY2(holdsId, QJsonDocument(contact).toJson().constData());
    }

    // Another machine: an empty cache, the same location. A task for u-1 finds the contact
    // by the link field instead of waiting for a sign-up that came long ago.
    AutomationHarness other(fx);
    QVERIFY(other.syncAll());
    Automation::RuleSet rules = other.engine->rules();
    rules.linkField = QStringLiteral("Referral source");
    other.engine->setRules(rules);
    const qint64 seq = other.push(QStringLiteral("task.created"),
        QJsonObject {{QStringLiteral("userId"), QStringLiteral("u-1")},
            {QStringLiteral("taskId"), QStringLiteral("t-1")},
            {QStringLiteral("title"), QStringLiteral("Renewal call")}});
    QVERIFY(other.settle());
    QCOMPARE(other.event(seq).status, EventStatus::Applied);
    QCOMPARE(other.event(seq).contactId, contactId);
    QCOMPARE(other.engine->linkedContact(QStringLiteral("u-1")), contactId);
    QCOMPARE(other.serverTasks(contactId).size(), 2);
}

void TestAutomationLinks::signUpOfAnExistingContactLinksIt()
{
    SandboxFixture fx;
    const HttpResult created = fx.api("POST", QStringLiteral("/contacts/"),
        QJsonObject {{QStringLiteral("locationId"), fx.locationId()},
            {QStringLiteral("email"), QStringLiteral("grace@example.com")},
            {QStringLiteral("firstName"), QStringLiteral("Grace")},
            {QStringLiteral("city"), QStringLiteral("Arlington")}});
    QCOMPARE(created.status, 201);
    const QString existing = created.object()
                                 .value(QStringLiteral("contact"))
                                 .toObject()
                                 .value(QStringLiteral("id"))
                                 .toString();
    AutomationHarness h(fx);
    QVERIFY(h.syncAll());
    const qint64 seq = h.push(signedUp,
        signUp(QStringLiteral("u-2"), QStringLiteral("Grace@Example.com"), QStringLiteral("Grace"),
            QStringLiteral("Hopper"), QStringLiteral("+14155550123")));
    QVERIFY(h.settle());
    QCOMPARE(h.event(seq).status, EventStatus::Applied);
    QCOMPARE(h.event(seq).contactId, existing);
    QCOMPARE(h.engine->linkedContact(QStringLiteral("u-2")), existing);
    const QList<QJsonObject> contacts = h.serverContacts(QStringLiteral("grace@example.com"));
    QCOMPARE(contacts.size(), 1);
    QCOMPARE(
        contacts.first().value(QStringLiteral("lastName")).toString(), QStringLiteral("Hopper"));
    QCOMPARE(
        contacts.first().value(QStringLiteral("phone")).toString(), QStringLiteral("+14155550123"));
    QCOMPARE(
        contacts.first().value(QStringLiteral("city")).toString(), QStringLiteral("Arlington"));
    QCOMPARE(h.serverTasks(existing).size(), 1);
}

void TestAutomationLinks::userDeletedPerRule()
{
    SandboxFixture fx;
    AutomationHarness h(fx);
    QVERIFY(h.syncAll());
    h.push(signedUp,
        signUp(QStringLiteral("u-3"), QStringLiteral("hedy@example.com"), QStringLiteral("Hedy"),
            QStringLiteral("Lamarr")));
    QVERIFY(h.settle());
    const QString id = idOf(h.serverContacts(QStringLiteral("hedy@example.com")).value(0));
    const QJsonObject deleted {{QStringLiteral("id"), QStringLiteral("u-3")}};

    // Default: nothing happens to the contact.
    const qint64 nothing = h.push(QStringLiteral("user.deleted"), deleted);
    QVERIFY(h.settle());
    QCOMPARE(h.event(nothing).status, EventStatus::Applied);
    QVERIFY(h.event(nothing).outboxItemIds.isEmpty());
    QVERIFY(!tagsOf(std::as_const(fx.data()).contacts().value(id))
                 .contains(QStringLiteral("deleted in Your App")));

    // The tagging rule turned on.
    Automation::RuleSet rules = h.engine->rules();
    ruleFor(rules, QStringLiteral("user.deleted"))->enabled = true;
    h.engine->setRules(rules);
    h.push(QStringLiteral("user.deleted"), deleted);
    QVERIFY(h.settle());
    QVERIFY(tagsOf(std::as_const(fx.data()).contacts().value(id))
                .contains(QStringLiteral("deleted in Your App")));

    // Delete instead: the contact goes to the trash, then from HighLevel; the link goes too.
    Action remove;
    remove.kind = Action::Kind::DeleteContact;
    ruleFor(rules, QStringLiteral("user.deleted"))->actions = {remove};
    h.engine->setRules(rules);
    const qint64 gone = h.push(QStringLiteral("user.deleted"), deleted);
    QVERIFY(h.settle());
    QCOMPARE(h.event(gone).status, EventStatus::Applied);
    QVERIFY(fx.data().deletedContacts().contains(id));
    QCOMPARE(h.sync.ws().trash().list().size(), 1);
    QVERIFY(h.engine->linkedContact(QStringLiteral("u-3")).isEmpty());
}

void TestAutomationLinks::conditionsChooseTheRule()
{
    SandboxFixture fx;
    AutomationHarness h(fx);
    QVERIFY(h.syncAll());
    Automation::RuleSet rules = h.engine->rules();
    Automation::AutomationRule pro;
    pro.name = QStringLiteral("Pro sign-up");
    pro.eventType = signedUp;
    pro.conditions
        = {{QStringLiteral("data.plan"), Automation::Condition::Op::Equals, QStringLiteral("pro")}};
    Action upsert;
    upsert.kind = Action::Kind::UpsertContact;
    Action tag;
    tag.kind = Action::Kind::AddTags;
    tag.tags = {QStringLiteral("plan {{data.plan}}")};
    pro.actions = {upsert, tag};
    rules.rules.prepend(pro);
    h.engine->setRules(rules);

    QJsonObject paying = signUp(QStringLiteral("u-4"), QStringLiteral("pro@example.com"),
        QStringLiteral("Pat"), QStringLiteral("Pro"));
    paying.insert(QStringLiteral("plan"), QStringLiteral("pro"));
    QJsonObject free = signUp(QStringLiteral("u-5"), QStringLiteral("free@example.com"),
        QStringLiteral("Fran"), QStringLiteral("Free"));
    free.insert(QStringLiteral("plan"), QStringLiteral("free"));
    const qint64 a = h.push(signedUp, paying);
    const qint64 b = h.push(signedUp, free);
    QVERIFY(h.settle());
    QCOMPARE(h.event(a).status, EventStatus::Applied);
    QCOMPARE(h.event(b).status, EventStatus::Applied);
    const QJsonObject proContact = h.serverContacts(QStringLiteral("pro@example.com")).value(0);
    const QJsonObject freeContact = h.serverContacts(QStringLiteral("free@example.com")).value(0);
    QCOMPARE(tagsOf(proContact), QStringList {QStringLiteral("plan pro")});
    QVERIFY(h.serverTasks(idOf(proContact)).isEmpty());
    QVERIFY(tagsOf(freeContact).isEmpty());
    QCOMPARE(h.serverTasks(idOf(freeContact)).size(), 1);
}

void TestAutomationLinks::failedEventGoesAgainOnRetry()
{
    SandboxFixture fx;
    AutomationHarness h(fx);
    QVERIFY(h.syncAll());
    Automation::RuleSet rules = h.engine->rules();
    rules.waitTimeoutMs = 1000;
    h.engine->setRules(rules);
    const qint64 note = h.push(QStringLiteral("note.created"),
        QJsonObject {{QStringLiteral("userId"), QStringLiteral("u-6")},
            {QStringLiteral("body"), QStringLiteral("Late note")}});
    QVERIFY(h.settle());
    fx.clock().advance(2000);
    h.engine->wake();
    QTRY_COMPARE(h.event(note).status, EventStatus::Failed);

    // The sign-up arrives later; the user retries the failed note.
    h.push(signedUp,
        signUp(QStringLiteral("u-6"), QStringLiteral("late@example.com"), QStringLiteral("Lou"),
            QStringLiteral("Late")));
    QVERIFY(h.settle());
    QCOMPARE(h.event(note).status, EventStatus::Failed);
    QVERIFY(h.inbox->retry(note));
    QVERIFY(h.settle());
    QCOMPARE(h.event(note).status, EventStatus::Applied);
    const QString id = idOf(h.serverContacts(QStringLiteral("late@example.com")).value(0));
    QCOMPARE(h.serverNotes(id).size(), 1);
}

QTEST_GUILESS_MAIN(TestAutomationLinks)
#include "tst_automationlinks.moc"
