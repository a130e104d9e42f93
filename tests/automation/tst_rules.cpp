#include "api/models/locationlists.h"
#include "automation/appevent.h"
#include "automation/rules.h"
#include "automation/templates.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Automation;

namespace {

Api::LocationLists listsWithUsers()
{
    Api::LocationLists lists;
    Api::User first;
    first.id = QStringLiteral("user-1");
    first.firstName = QStringLiteral("Ada");
    first.lastName = QStringLiteral("Admin");
    first.email = QStringLiteral("ada@agency.test");
    Api::User second;
    second.id = QStringLiteral("user-2");
    second.email = QStringLiteral("bob@agency.test");
    lists.users = {first, second};
    return lists;
}

QJsonObject document(const QJsonArray& rules)
{
    return {{QStringLiteral("version"), 1}, {QStringLiteral("rules"), rules}};
}

QJsonObject rule(const QString& event, const QJsonArray& actions)
{
    return {{QStringLiteral("name"), QStringLiteral("R")}, {QStringLiteral("event"), event},
        {QStringLiteral("actions"), actions}};
}

} // namespace

class TestRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultRules();
    void roundTrip();
    void saveAndLoad();
    void problems_data();
    void problems();
    void collectsEveryProblem();
    void refusesNewer();
    void migratesBareArray();
    void templates();
    void documentedExampleReads();
};

void TestRules::defaultRules()
{
    const RuleSet set = defaultRuleSet(listsWithUsers());
    QStringList events;
    for (const AutomationRule& r : set.rules)
        events.append(r.eventType);
    QCOMPARE(events,
        (QStringList {QStringLiteral("user.signed_up"), QStringLiteral("user.updated"),
            QStringLiteral("task.created"), QStringLiteral("task.completed"),
            QStringLiteral("note.created"), QStringLiteral("user.deleted")}));
    const AutomationRule& signUp = set.rules.first();
    QVERIFY(signUp.enabled);
    QCOMPARE(signUp.actions.size(), 2);
    QCOMPARE(signUp.actions.at(0).kind, Action::Kind::UpsertContact);
    QCOMPARE(signUp.actions.at(1).kind, Action::Kind::AddTask);
    QCOMPARE(signUp.actions.at(1).title, QStringLiteral("Welcome {{data.firstName}}"));
    QCOMPARE(signUp.actions.at(1).dueInDays, 1);
    QCOMPARE(signUp.actions.at(1).assignee, QStringLiteral("ada@agency.test"));
    QVERIFY(set.rules.at(1).actions.first().noteOfChanges);
    // user.deleted does nothing until the user turns the tagging rule on.
    QVERIFY(!set.rules.last().enabled);
    // No users readable: the welcome task is unassigned, still valid.
    QVERIFY(defaultRuleSet({}).rules.first().actions.at(1).assignee.isEmpty());

    // The profile maps the four core fields from data.*.
    QStringList targets;
    for (const Mapping::Rule& r : set.profile.rules)
        targets.append(r.sources.first() + u'>' + r.target.toString());
    QCOMPARE(targets,
        (QStringList {QStringLiteral("data.email>email"),
            QStringLiteral("data.firstName>firstName"), QStringLiteral("data.lastName>lastName"),
            QStringLiteral("data.phone>phone")}));

    // The defaults pass their own check.
    QStringList problems;
    QCOMPARE(RuleSet::fromJson(set.toJson(), &problems), std::optional<RuleSet>(set));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestRules::roundTrip()
{
    RuleSet set = defaultRuleSet(listsWithUsers());
    set.linkField = QStringLiteral("Your App id");
    set.waitTimeoutMs = 90000;
    AutomationRule pro;
    pro.name = QStringLiteral("Pro sign-ups");
    pro.eventType = QStringLiteral("user.signed_up");
    pro.conditions = {{QStringLiteral("data.plan"), Condition::Op::Equals, QStringLiteral("pro")},
        {QStringLiteral("data.referrer"), Condition::Op::Exists, {}}};
    Action tags;
    tags.kind = Action::Kind::AddTags;
    tags.tags = {QStringLiteral("pro"), QStringLiteral("plan {{data.plan}}")};
    pro.actions = {tags};
    set.rules.prepend(pro);

    const QJsonObject json = set.toJson();
    QCOMPARE(json.value(QStringLiteral("version")).toInt(), ruleSetVersion);
    QStringList problems;
    const auto read = RuleSet::fromJson(json, &problems);
    QVERIFY2(read, qPrintable(problems.join(u'\n')));
    QCOMPARE(*read, set);
}

void TestRules::saveAndLoad()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rules.json"));
    const RuleSet set = defaultRuleSet(listsWithUsers());
    QString error;
    QVERIFY2(set.save(path, &error), qPrintable(error));
    QStringList problems;
    QCOMPARE(RuleSet::load(path, &problems), std::optional<RuleSet>(set));

    QFile broken(dir.filePath(QStringLiteral("broken.json")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"version\": 1, \"rules\": [");
    broken.close();
    problems.clear();
    QVERIFY(!RuleSet::load(broken.fileName(), &problems));
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().contains(QStringLiteral("not valid JSON")));

    problems.clear();
    QVERIFY(!RuleSet::load(dir.filePath(QStringLiteral("missing.json")), &problems));
    QVERIFY(problems.first().contains(QStringLiteral("Cannot open")));
}

void TestRules::problems_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("expected");

    const QJsonObject welcome {{QStringLiteral("action"), QStringLiteral("addTask")},
        {QStringLiteral("title"), QStringLiteral("Welcome")}};
    QTest::newRow("unknown action")
        << document({rule(QStringLiteral("user.signed_up"),
               {QJsonObject {{QStringLiteral("action"), QStringLiteral("addTsk")}}})})
        << QStringLiteral("rule 1 'R' action 1: unknown action 'addTsk'");
    QTest::newRow("second rule, second action")
        << document({rule(QStringLiteral("user.signed_up"), {welcome}),
               rule(QStringLiteral("note.created"),
                   {welcome, QJsonObject {{QStringLiteral("action"), QStringLiteral("addNote")}}})})
        << QStringLiteral("rule 2 'R' action 2: addNote needs a \"body\"");
    QTest::newRow("unknown event")
        << document({rule(QStringLiteral("user.signup"), {welcome})})
        << QStringLiteral("rule 1 'R': unknown event type 'user.signup'");
    QTest::newRow("action for another event")
        << document({rule(QStringLiteral("note.created"),
               {QJsonObject {{QStringLiteral("action"), QStringLiteral("completeTask")}}})})
        << QStringLiteral("'completeTask' does not apply to note.created events");
    QTest::newRow("no actions") << document({rule(QStringLiteral("user.signed_up"), {})})
                                << QStringLiteral("needs at least one action");
    QTest::newRow("task without title") << document({rule(QStringLiteral("task.created"),
        {QJsonObject {{QStringLiteral("action"), QStringLiteral("addTask")}}})})
                                        << QStringLiteral("addTask needs a \"title\"");
    QTest::newRow("bad placeholder")
        << document({rule(QStringLiteral("user.signed_up"),
               {QJsonObject {{QStringLiteral("action"), QStringLiteral("addTask")},
                   {QStringLiteral("title"), QStringLiteral("Hi {{firstName}}")}}})})
        << QStringLiteral("action 1: title: unknown placeholder {{firstName}}");
    QTest::newRow("unclosed placeholder") << document({rule(QStringLiteral("note.created"),
        {QJsonObject {{QStringLiteral("action"), QStringLiteral("addNote")},
            {QStringLiteral("body"), QStringLiteral("Hi {{data.name")}}})})
                                          << QStringLiteral("is never closed");
    QTest::newRow("negative due") << document({rule(QStringLiteral("task.created"),
        {QJsonObject {{QStringLiteral("action"), QStringLiteral("addTask")},
            {QStringLiteral("title"), QStringLiteral("T")}, {QStringLiteral("dueInDays"), -2}}})})
                                  << QStringLiteral("dueInDays: must be a whole number of days");
    QTest::newRow("empty tags") << document({rule(QStringLiteral("user.deleted"),
        {QJsonObject {{QStringLiteral("action"), QStringLiteral("addTags")},
            {QStringLiteral("tags"), QJsonArray()}}})})
                                << QStringLiteral("addTags needs at least one tag");
    QJsonObject conditioned = rule(QStringLiteral("user.signed_up"), {welcome});
    conditioned.insert(QStringLiteral("conditions"),
        QJsonArray {QJsonObject {{QStringLiteral("path"), QStringLiteral("data.plan")},
            {QStringLiteral("op"), QStringLiteral("equals")}}});
    QTest::newRow("condition without value")
        << document({conditioned}) << QStringLiteral("condition 1: 'equals' needs a \"value\"");
    QJsonObject badOp = rule(QStringLiteral("user.signed_up"), {welcome});
    badOp.insert(QStringLiteral("conditions"),
        QJsonArray {QJsonObject {{QStringLiteral("path"), QStringLiteral("data.plan")},
            {QStringLiteral("op"), QStringLiteral("like")}}});
    QTest::newRow("unknown op") << document({badOp}) << QStringLiteral("unknown op 'like'");
    QJsonObject withKey = document({rule(QStringLiteral("user.signed_up"), {welcome})});
    withKey.insert(QStringLiteral("rulez"), 1);
    QTest::newRow("unknown key") << withKey << QStringLiteral("unknown key 'rulez'");
    QJsonObject badProfile = document({rule(QStringLiteral("user.signed_up"), {welcome})});
    badProfile.insert(QStringLiteral("profile"),
        QJsonObject {{QStringLiteral("version"), 1},
            {QStringLiteral("rules"),
                QJsonArray {QJsonObject {
                    {QStringLiteral("sources"), QJsonArray {QStringLiteral("data.email")}},
                    {QStringLiteral("target"), QStringLiteral("emial")}}}}});
    QTest::newRow("profile problem") << badProfile << QStringLiteral("profile: rule 1");
    QJsonObject wait = document({rule(QStringLiteral("user.signed_up"), {welcome})});
    wait.insert(QStringLiteral("waitTimeoutMs"), -5);
    QTest::newRow("negative wait") << wait << QStringLiteral("waitTimeoutMs");
    QTest::newRow("no version") << QJsonObject {{QStringLiteral("rules"), QJsonArray()}}
                                << QStringLiteral("has no \"version\"");
}

void TestRules::problems()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, expected);
    QStringList problems;
    QVERIFY(!RuleSet::fromJson(json, &problems));
    QVERIFY2(std::any_of(problems.cbegin(), problems.cend(),
                 [&](const QString& p) { return p.contains(expected); }),
        qPrintable(problems.join(u'\n')));
}

void TestRules::collectsEveryProblem()
{
    const QJsonObject json = document({
        rule(QStringLiteral("user.signed_up"),
            {QJsonObject {{QStringLiteral("action"), QStringLiteral("addTsk")}}}),
        rule(QStringLiteral("nope"),
            {QJsonObject {{QStringLiteral("action"), QStringLiteral("addNote")}}}),
    });
    QStringList problems;
    QVERIFY(!RuleSet::fromJson(json, &problems));
    QCOMPARE(problems.size(), 3);
}

void TestRules::refusesNewer()
{
    QJsonObject json = defaultRuleSet({}).toJson();
    json.insert(QStringLiteral("version"), ruleSetVersion + 1);
    QStringList problems;
    QVERIFY(!RuleSet::fromJson(json, &problems));
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().contains(QStringLiteral("newer ContactDesk")));
}

void TestRules::migratesBareArray()
{
    // Version 0: the rules alone; they get the default profile.
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("old.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        QJsonDocument(QJsonArray {rule(QStringLiteral("note.created"),
                          {QJsonObject {{QStringLiteral("action"), QStringLiteral("addNote")},
                              {QStringLiteral("body"), QStringLiteral("{{data.body}}")}}})})
            .toJson());
    file.close();
    QStringList problems;
    const auto set = RuleSet::load(file.fileName(), &problems);
    QVERIFY2(set, qPrintable(problems.join(u'\n')));
    QCOMPARE(set->rules.size(), 1);
    QCOMPARE(set->rules.first().actions.first().kind, Action::Kind::AddNote);
    QCOMPARE(set->profile, defaultEventProfile());
    // Saved again it is a current document.
    QCOMPARE(set->toJson().value(QStringLiteral("version")).toInt(), ruleSetVersion);
}

void TestRules::templates()
{
    AppEvent event;
    event.type = QStringLiteral("user.signed_up");
    event.data = QJsonObject {{QStringLiteral("firstName"), QStringLiteral("Ada")},
        {QStringLiteral("tags"), QJsonArray {QStringLiteral("a"), QStringLiteral("b")}},
        {QStringLiteral("plan"), QJsonObject {{QStringLiteral("name"), QStringLiteral("Pro")}}}};
    const Mapping::Record record = eventRecord(event);
    QCOMPARE(renderTemplate(QStringLiteral("Welcome {{data.firstName}}!"), record),
        QStringLiteral("Welcome Ada!"));
    QCOMPARE(
        renderTemplate(QStringLiteral("{{ data.plan.name }} / {{data.tags}} / {{type}}"), record),
        QStringLiteral("Pro / a, b / user.signed_up"));
    QCOMPARE(renderTemplate(QStringLiteral("[{{data.missing}}]"), record), QStringLiteral("[]"));
    QCOMPARE(renderTemplate(QStringLiteral("Changed: {{changes}}"), record, QStringLiteral("x")),
        QStringLiteral("Changed: x"));
    QCOMPARE(renderTemplate(QStringLiteral("open {{data.firstName"), record),
        QStringLiteral("open {{data.firstName"));
    QVERIFY(templateProblems(QStringLiteral("Hi {{data.firstName}} {{changes}}")).isEmpty());
    QCOMPARE(templateProblems(QStringLiteral("{{}} {{name}}")).size(), 2);
}

void TestRules::documentedExampleReads()
{
    // The example of docs/automation-rules.md is a valid document.
    QFile file(QStringLiteral(CONTACTDESK_RULES_DOC));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    const qsizetype start = text.indexOf(QStringLiteral("```json\n"));
    QVERIFY(start >= 0);
    const qsizetype end = text.indexOf(QStringLiteral("```"), start + 8);
    const QByteArray json = text.mid(start + 8, end - start - 8).toUtf8();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    QVERIFY2(document.isObject(), qPrintable(error.errorString()));
    QStringList problems;
    const auto set = RuleSet::fromJson(document.object(), &problems);
    QVERIFY2(set, qPrintable(problems.join(u'\n')));
    QCOMPARE(set->rules.size(), 3);
    QCOMPARE(set->linkField, QStringLiteral("Your App id"));
    QCOMPARE(set->rules.at(1).conditions.size(), 1);
}

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
