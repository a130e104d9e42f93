// The import planner: what each mapped row becomes under every write mode, field policy and
// duplicate choice, against a cache holding the location's contacts, and the dry run's text.

#include "mapping/importplanner.h"
#include "store/contactcache.h"
#include "storetestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Mapping;
using Store::Testing::serverContact;
using Store::Testing::serverId;

namespace {

const QString locationId = QStringLiteral("ve9EPM428h8vShlRW1KT");
const QString levelId = QStringLiteral("cfLevel0000000000001");
const QString scoreId = QStringLiteral("cfScore0000000000001");
const QString externalId = QStringLiteral("cfExternal0000000001");

Api::LocationLists lists()
{
    Api::LocationLists lists;
    Api::CustomFieldDefinition level;
    level.id = levelId;
    level.name = QStringLiteral("Membership level");
    level.fieldKey = QStringLiteral("contact.membership_level");
    level.dataType = QStringLiteral("SINGLE_OPTIONS");
    level.picklistOptions
        = {QStringLiteral("Bronze"), QStringLiteral("Silver"), QStringLiteral("Gold")};
    Api::CustomFieldDefinition score;
    score.id = scoreId;
    score.name = QStringLiteral("Lead score");
    score.fieldKey = QStringLiteral("contact.lead_score");
    score.dataType = QStringLiteral("NUMERICAL");
    Api::CustomFieldDefinition external;
    external.id = externalId;
    external.name = QStringLiteral("CRM id");
    external.fieldKey = QStringLiteral("contact.crm_id");
    external.dataType = QStringLiteral("TEXT");
    lists.customFields = {level, score, external};
    return lists;
}

MappedValue value(
    const QString& key, const QJsonValue& json, FieldPolicy policy = FieldPolicy::Overwrite)
{
    MappedValue v;
    v.key = key;
    v.value = json;
    v.policy = policy;
    return v;
}

MappedRow row(qint64 number, const QList<MappedValue>& values, const QStringList& tags = {})
{
    MappedRow row;
    row.number = number;
    row.values = values;
    row.tags = tags;
    if (const MappedValue* email = row.find(QStringLiteral("email")))
        row.matchValue = email->value.toString().toLower();
    return row;
}

Profile profile(WriteMode mode, DuplicateRows duplicates = DuplicateRows::Merge)
{
    Profile profile;
    profile.mode = mode;
    profile.duplicates = duplicates;
    return profile;
}

QString json(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

class TestImportPlanner : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void createSendsTheCreateBodyOrSkipsAnExistingContact();
    void upsertOfANewContactAddsTagsAfterIt();
    void upsertOfAKnownContactSendsOnlyChangedFields();
    void updateSkipsRowsWithoutAContact();
    void fieldPolicies_data();
    void fieldPolicies();
    void customFieldsComparedByIdAndValue();
    void tagsAreAddedNotReplaced();
    void replaceTagsWhenTheRuleSaysSo();
    void nothingDiffersIsUnchanged();
    void duplicatesMergeIntoTheFirstRow();
    void duplicatesMergeIntoTheContactTheRunCreated();
    void duplicatesReported();
    void invalidRowIsNeverSent();
    void matchByPhoneAndByCustomField();

private:
    std::unique_ptr<Store::Testing::TempStore> m_store;
};

void TestImportPlanner::init()
{
    m_store = std::make_unique<Store::Testing::TempStore>();
    QVERIFY(m_store->open().ok);
    Api::Contact ada = serverContact(serverId(1), QStringLiteral("Ada"), QStringLiteral("Lovelace"),
        QStringLiteral("Ada@Engines.test"), QStringLiteral("+14155550101"),
        QStringLiteral("Engines"), {QStringLiteral("vip"), QStringLiteral("Lead")});
    ada.city = QStringLiteral("London");
    ada.customFields = {{levelId, {}, QStringLiteral("Gold")}, {scoreId, {}, 42},
        {externalId, {}, QStringLiteral("CRM-0001")}};
    const Api::Contact grace = serverContact(serverId(2), QStringLiteral("Grace"),
        QStringLiteral("Hopper"), QStringLiteral("grace@navy.test"));
    QVERIFY(Store::ContactCache(m_store->db()).upsertFromServer({ada, grace}));
}

void TestImportPlanner::createSendsTheCreateBodyOrSkipsAnExistingContact()
{
    ImportPlanner planner(profile(WriteMode::Create), lists(), locationId, m_store->db());
    const MappedRow fresh = row(1,
        {value(QStringLiteral("email"), QStringLiteral("alan@turing.test")),
            value(QStringLiteral("firstName"), QStringLiteral("Alan")),
            value(QStringLiteral("customField:") + levelId, QStringLiteral("Silver"))},
        {QStringLiteral("imported")});
    const RowPlan created = planner.plan(fresh);
    QCOMPARE(created.action, PlanAction::Create);
    QCOMPARE(created.requests.size(), 1);
    QCOMPARE(created.requests[0].method, QStringLiteral("POST"));
    QCOMPARE(created.requests[0].path, QStringLiteral("/contacts/"));
    QCOMPARE(created.requests[0].body, fresh.createBody(locationId));
    QCOMPARE(created.draft.email, QStringLiteral("alan@turing.test"));
    QCOMPARE(created.draft.tags, QStringList {QStringLiteral("imported")});
    // The local contact keeps the value (the request's shape is {id, field_value}).
    QCOMPARE(created.draft.customFields.size(), 1);
    QCOMPARE(created.draft.customFields[0].value.toString(), QStringLiteral("Silver"));

    // The cache has Ada under another case: she is not created twice.
    const RowPlan exists = planner.plan(row(2,
        {value(QStringLiteral("email"), QStringLiteral("ada@engines.test")),
            value(QStringLiteral("firstName"), QStringLiteral("Augusta"))}));
    QCOMPARE(exists.action, PlanAction::Skip);
    QCOMPARE(exists.reason, QStringLiteral("a contact with this email exists"));
    QVERIFY(exists.requests.isEmpty());
    QCOMPARE(exists.text(), QStringLiteral("row 2: skip: a contact with this email exists"));
}

void TestImportPlanner::upsertOfANewContactAddsTagsAfterIt()
{
    ImportPlanner planner(profile(WriteMode::Upsert), lists(), locationId, m_store->db());
    const RowPlan plan
        = planner.plan(row(5, {value(QStringLiteral("email"), QStringLiteral("alan@turing.test"))},
            {QStringLiteral("imported"), QStringLiteral("2026")}));
    QCOMPARE(plan.action, PlanAction::Upsert);
    QCOMPARE(plan.requests.size(), 2);
    QCOMPARE(plan.requests[0].toText(),
        QStringLiteral(
            "POST /contacts/upsert {\"email\":\"alan@turing.test\",\"locationId\":\"%1\"}")
            .arg(locationId));
    QCOMPARE(plan.requests[1].toText(),
        QStringLiteral(
            "POST /contacts/{new contact of row 5}/tags {\"tags\":[\"imported\",\"2026\"]}"));
}

void TestImportPlanner::upsertOfAKnownContactSendsOnlyChangedFields()
{
    ImportPlanner planner(profile(WriteMode::Upsert), lists(), locationId, m_store->db());
    const RowPlan plan = planner.plan(row(3,
        {value(QStringLiteral("email"), QStringLiteral("ada@engines.test")),
            value(QStringLiteral("firstName"), QStringLiteral("Ada")),
            value(QStringLiteral("phone"), QStringLiteral("+14155550101")),
            value(QStringLiteral("city"), QStringLiteral("Marylebone"))}));
    QCOMPARE(plan.action, PlanAction::Update);
    QCOMPARE(plan.contactId, serverId(1));
    QCOMPARE(plan.changes, (QJsonObject {{QStringLiteral("city"), QStringLiteral("Marylebone")}}));
    QCOMPARE(plan.requests.size(), 1);
    QCOMPARE(plan.text(),
        QStringLiteral("row 3: update: PUT /contacts/%1 {\"city\":\"Marylebone\"}")
            .arg(serverId(1)));
}

void TestImportPlanner::updateSkipsRowsWithoutAContact()
{
    ImportPlanner planner(profile(WriteMode::Update), lists(), locationId, m_store->db());
    const RowPlan missing = planner.plan(row(7,
        {value(QStringLiteral("email"), QStringLiteral("nobody@nowhere.test")),
            value(QStringLiteral("city"), QStringLiteral("Paris"))}));
    QCOMPARE(missing.action, PlanAction::Skip);
    QCOMPARE(missing.reason, QStringLiteral("no contact with this email"));
    QVERIFY(missing.requests.isEmpty());
    const RowPlan grace = planner.plan(row(8,
        {value(QStringLiteral("email"), QStringLiteral("GRACE@navy.test")),
            value(QStringLiteral("city"), QStringLiteral("Arlington"))}));
    QCOMPARE(grace.action, PlanAction::Update);
    QCOMPARE(grace.contactId, serverId(2));
}

void TestImportPlanner::fieldPolicies_data()
{
    QTest::addColumn<int>("policy");
    QTest::addColumn<QString>("field"); // city is set on Ada, postalCode is empty
    QTest::addColumn<bool>("sent");
    QTest::newRow("overwrite a set field") << int(FieldPolicy::Overwrite) << "city" << true;
    QTest::newRow("overwrite an empty field")
        << int(FieldPolicy::Overwrite) << "postalCode" << true;
    QTest::newRow("fill empty keeps a set field") << int(FieldPolicy::FillEmpty) << "city" << false;
    QTest::newRow("fill empty fills an empty field")
        << int(FieldPolicy::FillEmpty) << "postalCode" << true;
    QTest::newRow("never keeps a set field") << int(FieldPolicy::Never) << "city" << false;
    QTest::newRow("never keeps an empty field") << int(FieldPolicy::Never) << "postalCode" << false;
}

void TestImportPlanner::fieldPolicies()
{
    QFETCH(int, policy);
    QFETCH(QString, field);
    QFETCH(bool, sent);
    ImportPlanner planner(profile(WriteMode::Upsert), lists(), locationId, m_store->db());
    const RowPlan plan = planner.plan(row(1,
        {value(QStringLiteral("email"), QStringLiteral("ada@engines.test")),
            value(field, QStringLiteral("NW1 6XE"), FieldPolicy(policy))}));
    QCOMPARE(plan.changes.contains(field), sent);
    QCOMPARE(plan.action, sent ? PlanAction::Update : PlanAction::Unchanged);

    // On a new contact every policy sets the field.
    const RowPlan fresh = planner.plan(row(2,
        {value(QStringLiteral("email"), QStringLiteral("new@person.test")),
            value(field, QStringLiteral("NW1 6XE"), FieldPolicy(policy))}));
    QCOMPARE(fresh.action, PlanAction::Upsert);
    QCOMPARE(fresh.requests[0].body.value(field).toString(), QStringLiteral("NW1 6XE"));
}

void TestImportPlanner::customFieldsComparedByIdAndValue()
{
    ImportPlanner planner(profile(WriteMode::Update), lists(), locationId, m_store->db());
    // "42" as text is the number 42 the contact has; Gold is what it has.
    const RowPlan same = planner.plan(row(1,
        {value(QStringLiteral("email"), QStringLiteral("ada@engines.test")),
            value(QStringLiteral("customField:") + levelId, QStringLiteral("Gold")),
            value(QStringLiteral("customField:") + scoreId, QStringLiteral("42"))}));
    QCOMPARE(same.action, PlanAction::Unchanged);

    ImportPlanner again(profile(WriteMode::Update), lists(), locationId, m_store->db());
    const RowPlan changed = again.plan(row(1,
        {value(QStringLiteral("email"), QStringLiteral("ada@engines.test")),
            value(QStringLiteral("customField:") + levelId, QStringLiteral("Silver"))}));
    QCOMPARE(changed.action, PlanAction::Update);
    // The local edit keeps the fields the profile does not map.
    const QJsonArray all = changed.changes.value(QStringLiteral("customFields")).toArray();
    QCOMPARE(all.size(), 3);
    // The request changes only the one field.
    QCOMPARE(json(changed.requests[0].body),
        QStringLiteral("{\"customFields\":[{\"field_value\":\"Silver\",\"id\":\"%1\"}]}")
            .arg(levelId));
}

void TestImportPlanner::tagsAreAddedNotReplaced()
{
    ImportPlanner planner(profile(WriteMode::Update), lists(), locationId, m_store->db());
    const RowPlan plan
        = planner.plan(row(1, {value(QStringLiteral("email"), QStringLiteral("ada@engines.test"))},
            {QStringLiteral("lead"), QStringLiteral("newsletter"), QStringLiteral("Newsletter")}));
    QCOMPARE(plan.action, PlanAction::Update);
    QVERIFY(plan.changes.isEmpty());
    QCOMPARE(plan.addTags, QStringList {QStringLiteral("newsletter")});
    QCOMPARE(plan.text(),
        QStringLiteral("row 1: update: POST /contacts/%1/tags {\"tags\":[\"newsletter\"]}")
            .arg(serverId(1)));
}

void TestImportPlanner::replaceTagsWhenTheRuleSaysSo()
{
    ImportPlanner planner(profile(WriteMode::Update), lists(), locationId, m_store->db());
    MappedRow replacing
        = row(1, {value(QStringLiteral("email"), QStringLiteral("ada@engines.test"))},
            {QStringLiteral("lead"), QStringLiteral("alumni")});
    replacing.replaceTags = true;
    const RowPlan plan = planner.plan(replacing);
    QCOMPARE(plan.action, PlanAction::Update);
    QCOMPARE(plan.changes.value(QStringLiteral("tags")).toArray(),
        QJsonArray::fromStringList({QStringLiteral("lead"), QStringLiteral("alumni")}));
    QCOMPARE(plan.requests.size(), 2);
    QCOMPARE(plan.requests[0].toText(),
        QStringLiteral("POST /contacts/%1/tags {\"tags\":[\"alumni\"]}").arg(serverId(1)));
    QCOMPARE(plan.requests[1].toText(),
        QStringLiteral("DELETE /contacts/%1/tags {\"tags\":[\"vip\"]}").arg(serverId(1)));
}

void TestImportPlanner::nothingDiffersIsUnchanged()
{
    ImportPlanner planner(profile(WriteMode::Upsert), lists(), locationId, m_store->db());
    const RowPlan plan = planner.plan(row(9,
        {value(QStringLiteral("email"), QStringLiteral("ADA@engines.test")),
            value(QStringLiteral("phone"), QStringLiteral("(415) 555-0101")),
            value(QStringLiteral("companyName"), QStringLiteral("Engines"))},
        {QStringLiteral("VIP")}));
    QCOMPARE(plan.action, PlanAction::Unchanged);
    QVERIFY(plan.requests.isEmpty());
    QCOMPARE(plan.text(), QStringLiteral("row 9: unchanged"));
}

void TestImportPlanner::duplicatesMergeIntoTheFirstRow()
{
    ImportPlanner planner(profile(WriteMode::Create), lists(), locationId, m_store->db());
    const RowPlan first = planner.plan(row(3,
        {value(QStringLiteral("email"), QStringLiteral("alan@turing.test")),
            value(QStringLiteral("firstName"), QStringLiteral("Alan")),
            value(QStringLiteral("city"), QStringLiteral("Wilmslow"), FieldPolicy::Never)}));
    QCOMPARE(first.action, PlanAction::Create);
    // The later row fills and overwrites the new contact's fields; only what differs is sent.
    const RowPlan later = planner.plan(row(8,
        {value(QStringLiteral("email"), QStringLiteral("Alan@Turing.test")),
            value(QStringLiteral("firstName"), QStringLiteral("Alan")),
            value(QStringLiteral("lastName"), QStringLiteral("Turing")),
            value(QStringLiteral("city"), QStringLiteral("Manchester"), FieldPolicy::Never)}));
    QCOMPARE(later.action, PlanAction::Update);
    QCOMPARE(later.mergedInto, 3);
    QCOMPARE(later.changes,
        (QJsonObject {{QStringLiteral("lastName"), QStringLiteral("Turing")},
            {QStringLiteral("city"), QStringLiteral("Manchester")}}));
    QCOMPARE(later.text(),
        QStringLiteral("row 8: update (merged into row 3): PUT /contacts/{new contact of row 3} "
                       "{\"city\":\"Manchester\",\"lastName\":\"Turing\"}"));
    // A third row with nothing new is unchanged against what the first two make.
    const RowPlan third = planner.plan(row(9,
        {value(QStringLiteral("email"), QStringLiteral("alan@turing.test")),
            value(QStringLiteral("lastName"), QStringLiteral("Turing"))}));
    QCOMPARE(third.action, PlanAction::Unchanged);
}

void TestImportPlanner::duplicatesMergeIntoTheContactTheRunCreated()
{
    ImportPlanner planner(profile(WriteMode::Create), lists(), locationId, m_store->db());
    const RowPlan first = planner.plan(
        row(1, {value(QStringLiteral("email"), QStringLiteral("alan@turing.test"))}));
    planner.applied(first, QStringLiteral("local-1234"));
    const RowPlan later = planner.plan(row(2,
        {value(QStringLiteral("email"), QStringLiteral("alan@turing.test")),
            value(QStringLiteral("city"), QStringLiteral("Manchester"))}));
    QCOMPARE(later.action, PlanAction::Update);
    QCOMPARE(later.contactId, QStringLiteral("local-1234"));
    QCOMPARE(later.requests[0].path, QStringLiteral("/contacts/local-1234"));
}

void TestImportPlanner::duplicatesReported()
{
    ImportPlanner planner(
        profile(WriteMode::Upsert, DuplicateRows::Report), lists(), locationId, m_store->db());
    QCOMPARE(
        planner.plan(row(3, {value(QStringLiteral("email"), QStringLiteral("a@b.test"))})).action,
        PlanAction::Upsert);
    const RowPlan later = planner.plan(row(5,
        {value(QStringLiteral("email"), QStringLiteral("a@b.test")),
            value(QStringLiteral("city"), QStringLiteral("Rome"))}));
    QCOMPARE(later.action, PlanAction::Skip);
    QCOMPARE(later.reason, QStringLiteral("same email as row 3"));
    QVERIFY(later.requests.isEmpty());
}

void TestImportPlanner::invalidRowIsNeverSent()
{
    ImportPlanner planner(profile(WriteMode::Upsert), lists(), locationId, m_store->db());
    MappedRow bad = row(4, {value(QStringLiteral("email"), QStringLiteral("ada@engines.test"))});
    bad.problems.append({4, 2, QStringLiteral("Level"), QStringLiteral("Gld"),
        QStringLiteral("'Gld' is not an option of Membership level")});
    const RowPlan plan = planner.plan(bad);
    QCOMPARE(plan.action, PlanAction::Invalid);
    QVERIFY(plan.requests.isEmpty());
    QCOMPARE(plan.reason, QStringLiteral("Level: 'Gld' is not an option of Membership level"));
    // An invalid row does not take its match key: a later valid row is not a "duplicate".
    const RowPlan later = planner.plan(row(5,
        {value(QStringLiteral("email"), QStringLiteral("ada@engines.test")),
            value(QStringLiteral("city"), QStringLiteral("Paris"))}));
    QCOMPARE(later.action, PlanAction::Update);
    QCOMPARE(later.mergedInto, 0);
}

void TestImportPlanner::matchByPhoneAndByCustomField()
{
    Profile byPhone = profile(WriteMode::Update);
    byPhone.match.by = MatchKey::By::Phone;
    ImportPlanner phones(byPhone, lists(), locationId, m_store->db());
    MappedRow phoneRow = row(1, {value(QStringLiteral("city"), QStringLiteral("Paris"))});
    phoneRow.matchValue = QStringLiteral("+14155550101");
    QCOMPARE(phones.plan(phoneRow).contactId, serverId(1));
    phoneRow.matchValue = QStringLiteral("+14155550199");
    QCOMPARE(phones.plan(phoneRow).reason, QStringLiteral("no contact with this phone"));

    Profile byId = profile(WriteMode::Update);
    byId.match.by = MatchKey::By::CustomField;
    byId.match.customField = QStringLiteral("contact.crm_id");
    ImportPlanner ids(byId, lists(), locationId, m_store->db());
    QCOMPARE(ids.matchFieldId(), externalId);
    MappedRow idRow = row(2, {value(QStringLiteral("city"), QStringLiteral("Paris"))});
    idRow.matchValue = QStringLiteral("crm-0001");
    const RowPlan plan = ids.plan(idRow);
    QCOMPARE(plan.contactId, serverId(1));
    QCOMPARE(plan.action, PlanAction::Update);
}

QTEST_GUILESS_MAIN(TestImportPlanner)
#include "tst_importplanner.moc"
