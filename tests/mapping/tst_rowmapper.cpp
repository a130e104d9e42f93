#include "mapping/rowmapper.h"

#include "mapping/targets.h"
#include "sandboxtesthelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Mapping;
using namespace ContactDesk::Testing;

namespace {

// The location's lists as the app reads them, from the sandbox over HTTP.
Api::LocationLists listsOf(SandboxFixture& fx)
{
    Api::LocationLists lists;
    QString error;
    const auto path
        = [&](const QString& rest) { return u"/locations/"_qs + fx.locationId() + rest; };
    for (const QJsonValue& field :
        fx.api("GET", path(u"/customFields"_qs)).object().value(u"customFields").toArray()) {
        if (auto parsed = Api::CustomFieldDefinition::fromJson(field.toObject(), &error))
            lists.customFields.append(*parsed);
    }
    for (const QJsonValue& tag :
        fx.api("GET", path(u"/tags"_qs)).object().value(u"tags").toArray()) {
        if (auto parsed = Api::LocationTag::fromJson(tag.toObject(), &error))
            lists.tags.append(*parsed);
    }
    for (const QJsonValue& user : fx.api("GET", u"/users/?locationId="_qs + fx.locationId())
                                      .object()
                                      .value(u"users")
                                      .toArray()) {
        if (auto parsed = Api::User::fromJson(user.toObject(), &error))
            lists.users.append(*parsed);
    }
    return lists;
}

Transform step(const QString& op, const QByteArray& options = "{}")
{
    return {op, json(options)};
}

Rule rule(const QStringList& sources, Target::Kind kind, const QString& name = {},
    const QList<Transform>& transforms = {})
{
    Rule result;
    result.sources = sources;
    result.target = {kind, name};
    result.transforms = transforms;
    return result;
}

Rule field(const QString& column, const QList<Transform>& transforms = {})
{
    return rule({column}, Target::Kind::CustomField, column, transforms);
}

Rule contact(const QString& column, const QString& name, const QList<Transform>& transforms = {})
{
    return rule({column}, Target::Kind::ContactField, name, transforms);
}

Record recordOf(const QList<QPair<QString, QString>>& cells, qint64 number = 7)
{
    Record record;
    record.number = number;
    record.line = number + 1;
    for (const auto& [path, value] : cells)
        record.fields.append({path, value});
    return record;
}

Profile profileOf(const QList<Rule>& rules)
{
    Profile profile;
    profile.rules = rules;
    return profile;
}

QString idOf(const Api::LocationLists& lists, const QString& name)
{
    const Api::CustomFieldDefinition* found = resolveCustomField(name, lists);
    return found ? found->id : QString();
}

QString reasons(const MappedRow& row)
{
    QStringList lines;
    for (const CellProblem& problem : row.problems)
        lines.append(QStringLiteral("rule %1 [%2] '%3': %4")
                         .arg(problem.rule)
                         .arg(problem.column, problem.value, problem.reason));
    return lines.join(u'\n');
}

} // namespace

Q_DECLARE_METATYPE(ContactDesk::Mapping::Rule)

class TestRowMapper : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_fx;
    Api::LocationLists m_lists;

private Q_SLOTS:
    void initTestCase();
    void targetsListWritableContactFieldsAndTheLocationsCustomFields();
    void customFieldsResolveByNameThenKey();
    void rowOfEveryDataTypeIsWrittenByTheSandbox();
    void invalidCellsNameRowColumnValueAndReason_data();
    void invalidCellsNameRowColumnValueAndReason();
    void emptyCellsAreNotWrittenAndTheMatchKeyIsRequired();
    void matchKeyByPhoneAndByCustomField();
    void tagsFromSeveralRulesAreDedupedInTheLocationsSpelling();
    void laterRuleForTheSameFieldWinsAndResultsFeedThePreview();
    void transformAndRecordProblemsAreReported();
    void unknownTargetsAreReportedOnEveryRow();
    void driftListsWhatTheProfileNamesThatIsGone();
    void driftMatchesVCardAndJsonPathsLikeRecords();
    void driftNamesListsThatCannotBeRead();
};

void TestRowMapper::initTestCase()
{
    m_lists = listsOf(m_fx);
    QCOMPARE(m_lists.customFields.size(), 16); // 14 contact fields, 2 opportunity fields
    QCOMPARE(m_lists.tags.size(), 15);
    QVERIFY(m_lists.users.size() >= 2);
}

void TestRowMapper::targetsListWritableContactFieldsAndTheLocationsCustomFields()
{
    const QList<TargetInfo> targets = availableTargets(m_lists);
    QStringList contactFields;
    QStringList customFields;
    for (const TargetInfo& info : targets) {
        if (info.target.kind == Target::Kind::ContactField)
            contactFields.append(info.target.name);
        if (info.target.kind == Target::Kind::CustomField)
            customFields.append(info.target.name);
    }
    for (const char* name : {"firstName", "lastName", "email", "phone", "postalCode", "dnd",
             "dateOfBirth", "companyName", "gender", "source", "timezone", "country"})
        QVERIFY2(contactFields.contains(QLatin1String(name)), name);
    for (const char* name : {"locationId", "customFields", "tags", "createNewIfDuplicateAllowed",
             "dndSettings", "inboundDndSettings"})
        QVERIFY2(!contactFields.contains(QLatin1String(name)), name);
    QCOMPARE(contactFieldTitle(u"postalCode"_qs), u"Postal code"_qs);
    QCOMPARE(contactFieldTitle(u"firstName"_qs), u"First name"_qs);
    QVERIFY(isKnownContactField(u"companyName"_qs));
    QVERIFY(!isKnownContactField(u"tags"_qs));

    // Every contact custom field by name (no opportunity fields), in the location's order.
    QCOMPARE(customFields.size(), 14);
    QCOMPARE(customFields.first(), u"Membership level"_qs);
    QVERIFY(!customFields.contains(u"Deal notes"_qs));
    const auto membership = std::find_if(targets.begin(), targets.end(),
        [](const TargetInfo& info) { return info.title == u"Membership level"; });
    QCOMPARE(membership->dataType, u"SINGLE_OPTIONS"_qs);
    QCOMPARE(membership->options,
        (QStringList {u"Bronze"_qs, u"Silver"_qs, u"Gold"_qs, u"Platinum"_qs}));
    QCOMPARE(membership->fieldKey, u"contact.membership_level"_qs);

    QCOMPARE(targets.at(targets.size() - 4).target.kind, Target::Kind::Tags);
    QCOMPARE(targets.at(targets.size() - 3).target.kind, Target::Kind::Assignee);
    QCOMPARE(targets.at(targets.size() - 2).target.kind, Target::Kind::ContactId);
    QCOMPARE(targets.last().target.kind, Target::Kind::Ignore);
}

void TestRowMapper::customFieldsResolveByNameThenKey()
{
    const QString id = idOf(m_lists, u"Membership level"_qs);
    QVERIFY(!id.isEmpty());
    QCOMPARE(idOf(m_lists, u"MEMBERSHIP LEVEL"_qs), id);
    QCOMPARE(idOf(m_lists, u"contact.membership_level"_qs), id);
    QCOMPARE(idOf(m_lists, u"membership_level"_qs), id);
    QVERIFY(!resolveCustomField(u"Deal notes"_qs, m_lists)); // an opportunity field
    QVERIFY(!resolveCustomField(u"Shoe size"_qs, m_lists));
}

void TestRowMapper::rowOfEveryDataTypeIsWrittenByTheSandbox()
{
    const QString background(2000, u'b');
    Profile profile = profileOf({
        contact(u"E-mail"_qs, u"email"_qs, {step(u"trim"_qs), step(u"lowerCase"_qs)}),
        contact(u"Name"_qs, u"firstName"_qs, {step(u"splitName"_qs, R"({"part":"first"})")}),
        contact(u"Name"_qs, u"lastName"_qs, {step(u"splitName"_qs, R"({"part":"last"})")}),
        contact(u"Mobile"_qs, u"phone"_qs),
        contact(u"Born"_qs, u"dateOfBirth"_qs, {step(u"date"_qs, R"({"formats":["dd/MM/yyyy"]})")}),
        contact(u"Do not call"_qs, u"dnd"_qs),
        contact(u"Country"_qs, u"country"_qs),
        rule({u"Owner"_qs}, Target::Kind::Assignee),
        rule({u"Labels"_qs}, Target::Kind::Tags),
        field(u"Membership level"_qs),
        field(u"Lead score"_qs),
        field(u"Lifetime value"_qs, {step(u"money"_qs)}),
        field(u"Discount rate"_qs, {step(u"number"_qs, R"({"locale":"de_DE"})")}),
        field(u"Renewal date"_qs, {step(u"date"_qs, R"({"formats":["dd/MM/yyyy"]})")}),
        field(u"Best time to call"_qs),
        field(u"Preferred contact time"_qs),
        field(u"Interests"_qs, {step(u"splitList"_qs)}),
        field(u"Newsletter topics"_qs),
        field(u"Referral source"_qs),
        field(u"Background"_qs),
        field(u"Assistant's phone"_qs),
        field(u"Family members"_qs, {step(u"splitList"_qs)}),
        field(u"Preferred language"_qs),
    });
    const RowMapper mapper(profile, m_lists);
    const MappedRow row = mapper.map(recordOf({
        {u"E-mail"_qs, u"  Ana.Silva@Example.TEST "_qs},
        {u"Name"_qs, u"Ana de la Cruz"_qs},
        {u"Mobile"_qs, u"(415) 555-0142"_qs},
        {u"Born"_qs, u"29/02/1988"_qs},
        {u"Do not call"_qs, u"no"_qs},
        {u"Country"_qs, u"Germany"_qs},
        {u"Owner"_qs, u"priya raman"_qs},
        {u"Labels"_qs, u"VIP; lead"_qs},
        {u"Membership level"_qs, u"gold"_qs},
        {u"Lead score"_qs, u"42"_qs},
        {u"Lifetime value"_qs, u"$1,234.50"_qs},
        {u"Discount rate"_qs, u"0,15"_qs},
        {u"Renewal date"_qs, u"31/12/2026"_qs},
        {u"Best time to call"_qs, u"10:30"_qs},
        {u"Preferred contact time"_qs, u"EVENING"_qs},
        {u"Interests"_qs, u"events; pricing"_qs},
        {u"Newsletter topics"_qs, u"Webinars"_qs},
        {u"Referral source"_qs, u"Maya's friend"_qs},
        {u"Background"_qs, background},
        {u"Assistant's phone"_qs, u"+1 (415) 555-0199"_qs},
        {u"Family members"_qs, u"Partner; Child"_qs},
        {u"Preferred language"_qs, u"spanish"_qs},
    }));
    QVERIFY2(row.isValid(), qPrintable(reasons(row)));
    QCOMPARE(row.number, 7);
    QCOMPARE(row.matchValue, u"ana.silva@example.test"_qs);
    QCOMPARE(row.find(u"firstName"_qs)->value, QJsonValue(u"Ana"_qs));
    QCOMPARE(row.find(u"lastName"_qs)->value, QJsonValue(u"de la Cruz"_qs));
    QCOMPARE(row.find(u"phone"_qs)->value, QJsonValue(u"+14155550142"_qs));
    QCOMPARE(row.find(u"dateOfBirth"_qs)->value, QJsonValue(u"1988-02-29"_qs));
    QCOMPARE(row.find(u"dnd"_qs)->value, QJsonValue(false));
    QCOMPARE(row.find(u"country"_qs)->value, QJsonValue(u"DE"_qs));
    QCOMPARE(row.tags, (QStringList {u"vip"_qs, u"lead"_qs})); // the location's spelling

    // The wire value of each dataType, by field name.
    const QList<QPair<QString, QJsonValue>> expected {
        {u"Membership level"_qs, u"Gold"_qs},
        {u"Lead score"_qs, 42},
        {u"Lifetime value"_qs, 1234.5},
        {u"Discount rate"_qs, 0.15},
        {u"Renewal date"_qs, u"2026-12-31"_qs},
        {u"Best time to call"_qs, u"10:30"_qs},
        {u"Preferred contact time"_qs, u"Evening"_qs},
        {u"Interests"_qs, QJsonArray {u"Events"_qs, u"Pricing"_qs}},
        {u"Newsletter topics"_qs, QJsonArray {u"Webinars"_qs}},
        {u"Referral source"_qs, u"Maya's friend"_qs},
        {u"Background"_qs, background},
        {u"Assistant's phone"_qs, u"+14155550199"_qs},
        {u"Family members"_qs, QJsonArray {u"Partner"_qs, u"Child"_qs}},
        {u"Preferred language"_qs, u"Spanish"_qs},
    };
    for (const auto& [name, value] : expected) {
        const MappedValue* mapped = row.find(u"customField:"_qs + idOf(m_lists, name));
        QVERIFY2(mapped, qPrintable(name));
        QCOMPARE(mapped->value, value);
    }

    // The sandbox, which refuses wrong types and options outside the picklist, takes it all.
    const HttpResult created
        = m_fx.api("POST", u"/contacts/"_qs, row.createBody(m_fx.locationId()));
    QVERIFY2(created.status == 201, created.body.constData());
    const QString contactId = created.object().value(u"contact").toObject().value(u"id").toString();
    const QJsonObject stored
        = m_fx.api("GET", u"/contacts/"_qs + contactId).object().value(u"contact").toObject();
    QCOMPARE(stored.value(u"email").toString(), u"ana.silva@example.test"_qs);
    const auto priya = std::find_if(m_lists.users.begin(), m_lists.users.end(),
        [](const Api::User& user) { return user.displayName() == u"Priya Raman"; });
    QVERIFY(priya != m_lists.users.end());
    QCOMPARE(stored.value(u"assignedTo").toString(), priya->id);
    QHash<QString, QJsonValue> storedFields;
    for (const QJsonValue& item : stored.value(u"customFields").toArray())
        storedFields.insert(
            item.toObject().value(u"id").toString(), item.toObject().value(u"value"));
    for (const auto& [name, value] : expected)
        QCOMPARE(storedFields.value(idOf(m_lists, name)), value);
}

void TestRowMapper::invalidCellsNameRowColumnValueAndReason_data()
{
    QTest::addColumn<Rule>("rule");
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("reason");

    QTest::newRow("email") << contact(u"Mail"_qs, u"email"_qs) << u"ana@"_qs
                           << u"'ana@' is not an email address"_qs;
    QTest::newRow("phone") << contact(u"Tel"_qs, u"phone"_qs) << u"12345"_qs
                           << u"'12345' is not a valid phone number for region US"_qs;
    QTest::newRow("date of birth") << contact(u"Born"_qs, u"dateOfBirth"_qs) << u"1990-02-31"_qs
                                   << u"'1990-02-31' is not a real date"_qs;
    QTest::newRow("date of birth text")
        << contact(u"Born"_qs, u"dateOfBirth"_qs) << u"spring"_qs
        << u"'spring' is not a date as YYYY-MM-DD (a date transform reads other formats)"_qs;
    QTest::newRow("dnd") << contact(u"DND"_qs, u"dnd"_qs) << u"maybe"_qs
                         << u"'maybe' is not yes or no"_qs;
    QTest::newRow("country") << contact(u"Land"_qs, u"country"_qs) << u"Atlantis"_qs
                             << u"'Atlantis' is not a country (a two-letter code such as US, or "
                                "its English name)"_qs;
    QTest::newRow("time zone") << contact(u"TZ"_qs, u"timezone"_qs) << u"Mars/Olympus"_qs
                               << u"'Mars/Olympus' is not a time zone (such as "
                                  "America/New_York)"_qs;
    QTest::newRow("long first name")
        << contact(u"First"_qs, u"firstName"_qs) << QString(300, u'a')
        << u"'%1...' is 300 characters long; First name takes at most 255"_qs.arg(
               QString(57, u'a'));
    QTest::newRow("assignee") << rule({u"Owner"_qs}, Target::Kind::Assignee) << u"Nobody Here"_qs
                              << u"'Nobody Here' is not a user of this location"_qs;
    QTest::newRow("NUMERICAL") << field(u"Lead score"_qs) << u"high"_qs
                               << u"'high' is not a number (a number or money transform reads "
                                  "other spellings)"_qs;
    QTest::newRow("MONETORY") << field(u"Lifetime value"_qs) << u"$12"_qs
                              << u"'$12' is not a number (a number or money transform reads "
                                 "other spellings)"_qs;
    QTest::newRow("DATE") << field(u"Renewal date"_qs) << u"2026-02-30"_qs
                          << u"'2026-02-30' is not a real date"_qs;
    QTest::newRow("SINGLE_OPTIONS") << field(u"Membership level"_qs) << u"Gld"_qs
                                    << u"'Gld' is not an option of Membership level (Bronze, "
                                       "Silver, Gold, Platinum)"_qs;
    QTest::newRow("RADIO") << field(u"Preferred contact time"_qs) << u"Night"_qs
                           << u"'Night' is not an option of Preferred contact time (Morning, "
                              "Afternoon, Evening, Weekends)"_qs;
    QTest::newRow("MULTIPLE_OPTIONS one unknown")
        << field(u"Interests"_qs, {step(u"splitList"_qs)}) << u"Events; Parties"_qs
        << u"'Parties' is not an option of Interests (Product updates, Events, Pricing, Case "
           "studies, Partnerships)"_qs;
    QTest::newRow("CHECKBOX") << field(u"Newsletter topics"_qs) << u"Gossip"_qs
                              << u"'Gossip' is not an option of Newsletter topics (Monthly "
                                 "digest, Product news, Webinars, Special offers)"_qs;
    QTest::newRow("TEXT length") << field(u"Referral source"_qs) << QString(256, u'r')
                                 << u"'%1...' is 256 characters long; Referral source takes at "
                                    "most 255"_qs.arg(QString(57, u'r'));
    QTest::newRow("LARGE_TEXT length")
        << field(u"Background"_qs) << QString(10001, u'b')
        << u"'%1...' is 10001 characters long; Background takes at most 10000"_qs.arg(
               QString(57, u'b'));
    QTest::newRow("PHONE") << field(u"Assistant's phone"_qs) << u"+1 555 010 0000"_qs
                           << u"'+1 555 010 0000' is not a valid phone number for region US"_qs;
}

void TestRowMapper::invalidCellsNameRowColumnValueAndReason()
{
    QFETCH(Rule, rule);
    QFETCH(QString, cell);
    QFETCH(QString, reason);
    const RowMapper mapper(profileOf({contact(u"Email"_qs, u"email"_qs), rule}), m_lists);
    const MappedRow row = mapper.map(
        recordOf({{u"Email"_qs, u"ok@example.test"_qs}, {rule.sources.first(), cell}}, 12));
    QCOMPARE(row.problems.size(), 1);
    const CellProblem& problem = row.problems.first();
    QCOMPARE(problem.row, 12);
    QCOMPARE(problem.rule, 1);
    QCOMPARE(problem.column, rule.sources.first());
    QCOMPARE(problem.reason, reason);
    QVERIFY(!problem.value.isEmpty());
    QCOMPARE(row.values.size(), 1); // only the email: the bad cell is not written
}

void TestRowMapper::emptyCellsAreNotWrittenAndTheMatchKeyIsRequired()
{
    const RowMapper mapper(profileOf({contact(u"Email"_qs, u"email"_qs),
                               contact(u"First"_qs, u"firstName"_qs), field(u"Lead score"_qs)}),
        m_lists);
    MappedRow row = mapper.map(recordOf({{u"Email"_qs, u"ana@example.test"_qs},
        {u"First"_qs, u""_qs}, {u"Lead score"_qs, u" "_qs}}));
    QVERIFY2(row.isValid(), qPrintable(reasons(row)));
    QCOMPARE(row.values.size(), 1);
    QVERIFY(!row.find(u"firstName"_qs));
    QVERIFY(!row.createBody(u"loc"_qs).contains(u"customFields"));

    row = mapper.map(recordOf({{u"Email"_qs, u""_qs}, {u"First"_qs, u"Ana"_qs}}, 3));
    QCOMPARE(row.problems.size(), 1);
    QCOMPARE(row.problems.first(),
        (CellProblem {3, -1, QString(), QString(), u"no email to match on"_qs}));

    // A bad email is reported once, as itself, not also as a missing key.
    row = mapper.map(recordOf({{u"Email"_qs, u"not-an-email"_qs}}, 4));
    QCOMPARE(row.problems.size(), 1);
    QCOMPARE(row.problems.first().reason, u"'not-an-email' is not an email address"_qs);
}

void TestRowMapper::matchKeyByPhoneAndByCustomField()
{
    Profile byPhone = profileOf({contact(u"Tel"_qs, u"phone"_qs)});
    byPhone.match.by = MatchKey::By::Phone;
    byPhone.defaultRegion = u"GB"_qs;
    MappedRow row = RowMapper(byPhone, m_lists).map(recordOf({{u"Tel"_qs, u"020 7946 0958"_qs}}));
    QVERIFY2(row.isValid(), qPrintable(reasons(row)));
    QCOMPARE(row.matchValue, u"+442079460958"_qs);
    row = RowMapper(byPhone, m_lists).map(recordOf({{u"Tel"_qs, u""_qs}}));
    QCOMPARE(row.problems.value(0).reason, u"no phone to match on"_qs);

    Profile byId = profileOf({field(u"Legacy"_qs), contact(u"Mail"_qs, u"email"_qs)});
    byId.rules[0].target.name = u"contact.referral_source"_qs; // by fieldKey
    byId.match = {MatchKey::By::CustomField, u"Referral source"_qs};
    row = RowMapper(byId, m_lists).map(recordOf({{u"Legacy"_qs, u"crm-0042"_qs}}));
    QVERIFY2(row.isValid(), qPrintable(reasons(row)));
    QCOMPARE(row.matchValue, u"crm-0042"_qs);
    row = RowMapper(byId, m_lists).map(recordOf({{u"Mail"_qs, u"a@example.test"_qs}}));
    QCOMPARE(row.problems.value(0).reason, u"no Referral source to match on"_qs);

    byId.match.customField = u"Old system id"_qs;
    row = RowMapper(byId, m_lists).map(recordOf({{u"Legacy"_qs, u"crm-0042"_qs}}));
    QCOMPARE(row.problems.value(0).reason,
        u"the match key's custom field 'Old system id' is not in this location"_qs);
}

void TestRowMapper::tagsFromSeveralRulesAreDedupedInTheLocationsSpelling()
{
    Profile profile = profileOf({contact(u"Mail"_qs, u"email"_qs),
        rule({u"Tags"_qs}, Target::Kind::Tags, {}, {step(u"splitList"_qs)}),
        rule({u"Segment"_qs}, Target::Kind::Tags),
        rule({}, Target::Kind::Tags, {}, {step(u"constant"_qs, R"({"value":"imported-2026"})")})});
    MappedRow row
        = RowMapper(profile, m_lists)
              .map(recordOf({{u"Mail"_qs, u"a@example.test"_qs},
                  {u"Tags"_qs, u" VIP ; Lead,, hot "_qs}, {u"Segment"_qs, u"lead, Warm"_qs}}));
    QVERIFY2(row.isValid(), qPrintable(reasons(row)));
    QCOMPARE(row.tags,
        (QStringList {u"vip"_qs, u"lead"_qs, u"hot"_qs, u"warm"_qs, u"imported-2026"_qs}));
    QVERIFY(!row.replaceTags);
    QCOMPARE(row.createBody(u"loc"_qs).value(u"tags").toArray().size(), 5);

    profile.rules[2].replaceTags = true;
    row = RowMapper(profile, m_lists)
              .map(recordOf({{u"Mail"_qs, u"a@example.test"_qs}, {u"Segment"_qs, u"cold"_qs}}));
    QVERIFY(row.replaceTags);
    row = RowMapper(profile, m_lists)
              .map(recordOf({{u"Mail"_qs, u"a@example.test"_qs}, {u"Segment"_qs, u""_qs}}));
    QVERIFY(!row.replaceTags); // an empty cell replaces nothing
}

void TestRowMapper::laterRuleForTheSameFieldWinsAndResultsFeedThePreview()
{
    Profile profile = profileOf({contact(u"Mail"_qs, u"email"_qs),
        contact(u"Work mail"_qs, u"email"_qs), rule({u"Notes"_qs}, Target::Kind::Ignore),
        field(u"Interests"_qs, {step(u"splitList"_qs)})});
    profile.rules[1].policy = FieldPolicy::FillEmpty;
    const MappedRow row
        = RowMapper(profile, m_lists)
              .map(recordOf({{u"Mail"_qs, u"home@example.test"_qs},
                  {u"Work mail"_qs, u"Work@Example.test"_qs}, {u"Notes"_qs, u"keep out"_qs},
                  {u"Interests"_qs, u"events;pricing"_qs}}));
    QVERIFY2(row.isValid(), qPrintable(reasons(row)));
    QCOMPARE(row.find(u"email"_qs)->value, QJsonValue(u"Work@Example.test"_qs));
    QCOMPARE(row.find(u"email"_qs)->rule, 1);
    QCOMPARE(row.find(u"email"_qs)->policy, FieldPolicy::FillEmpty);
    QCOMPARE(row.matchValue, u"work@example.test"_qs);
    QCOMPARE(row.results,
        (QStringList {u"home@example.test"_qs, u"Work@Example.test"_qs, u"keep out"_qs,
            u"events; pricing"_qs}));
    QCOMPARE(row.values.size(), 2); // the ignored column is shown, never written
}

void TestRowMapper::transformAndRecordProblemsAreReported()
{
    const RowMapper mapper(
        profileOf({contact(u"Mail"_qs, u"email"_qs),
            field(u"Renewal"_qs,
                {step(u"trim"_qs), step(u"date"_qs, R"({"formats":["dd/MM/yyyy"]})")})}),
        m_lists);
    Record record
        = recordOf({{u"Mail"_qs, u"a@example.test"_qs}, {u"Renewal"_qs, u" 31/02/2026 "_qs}}, 9);
    record.problems.append(u"row 9 has 5 cells, the header 4"_qs);
    const MappedRow row = mapper.map(record);
    QCOMPARE(row.problems.size(), 2);
    QCOMPARE(row.problems.at(0),
        (CellProblem {9, -1, QString(), QString(), u"row 9 has 5 cells, the header 4"_qs}));
    // The rule targets "Renewal", a field the location does not have, but the date fails first.
    QCOMPARE(row.problems.at(1),
        (CellProblem {
            9, 1, u"Renewal"_qs, u" 31/02/2026 "_qs, u"'31/02/2026' is not a real date"_qs}));
    QCOMPARE(row.results.at(1), QString());
}

void TestRowMapper::unknownTargetsAreReportedOnEveryRow()
{
    const RowMapper mapper(profileOf({contact(u"Mail"_qs, u"email"_qs), field(u"Shoe size"_qs),
                               contact(u"Nick"_qs, u"nickname"_qs)}),
        m_lists);
    const MappedRow row = mapper.map(recordOf(
        {{u"Mail"_qs, u"a@example.test"_qs}, {u"Shoe size"_qs, u"42"_qs}, {u"Nick"_qs, u"Al"_qs}}));
    QCOMPARE(row.problems.size(), 2);
    QCOMPARE(row.problems.at(0).reason, u"custom field 'Shoe size' is not in this location"_qs);
    QCOMPARE(row.problems.at(1).reason, u"'nickname' is not a contact field HighLevel takes"_qs);
    // Without a value there is nothing to write and nothing wrong.
    QVERIFY(mapper.map(recordOf({{u"Mail"_qs, u"a@example.test"_qs}})).isValid());
}

void TestRowMapper::driftListsWhatTheProfileNamesThatIsGone()
{
    Profile profile = profileOf({contact(u"Email"_qs, u"email"_qs),
        contact(u"Phone 2"_qs, u"phone"_qs), field(u"Shoe size"_qs), field(u"Lead score"_qs),
        rule({u"Ignored column"_qs}, Target::Kind::Ignore),
        rule({}, Target::Kind::Assignee, {}, {step(u"constant"_qs, R"({"value":"Jane Gone"})")}),
        rule({u"Owner"_qs}, Target::Kind::Assignee, {},
            {step(u"valueMap"_qs, R"({"map":{"m":"Maya Okafor","x":"ex@old.test"}})")}),
        rule({}, Target::Kind::Tags, {},
            {step(u"constant"_qs, R"({"value":"vip; retired-tag"})")})});
    const RowMapper mapper(profile, m_lists);
    const Drift drift = mapper.drift({u"Email"_qs, u"Lead score"_qs, u"Shoe size"_qs, u"Owner"_qs});
    QCOMPARE(drift.columns, QStringList {u"Phone 2"_qs});
    QCOMPARE(drift.customFields, QStringList {u"Shoe size"_qs});
    QCOMPARE(drift.users, (QStringList {u"Jane Gone"_qs, u"ex@old.test"_qs}));
    QCOMPARE(drift.tags, QStringList {u"retired-tag"_qs});
    QVERIFY(drift.unavailable.isEmpty());
    QVERIFY(!drift.isEmpty());
    QCOMPARE(drift.messages(),
        (QStringList {u"column 'Phone 2' is not in the file"_qs,
            u"custom field 'Shoe size' is not in this location"_qs,
            u"user 'Jane Gone' is not a user of this location"_qs,
            u"user 'ex@old.test' is not a user of this location"_qs,
            u"tag 'retired-tag' is not a tag of this location"_qs}));

    const RowMapper clean(
        profileOf({contact(u"Email"_qs, u"email"_qs), field(u"Lead score"_qs)}), m_lists);
    QVERIFY(clean.drift({u"Email"_qs, u"Lead score"_qs}).isEmpty());
}

void TestRowMapper::driftMatchesVCardAndJsonPathsLikeRecords()
{
    const RowMapper mapper(
        profileOf({contact(u"TEL;TYPE=cell"_qs, u"phone"_qs), contact(u"emails"_qs, u"email"_qs),
            contact(u"profile.name.first"_qs, u"firstName"_qs),
            contact(u"EMAIL;TYPE=work"_qs, u"email"_qs)}),
        m_lists);
    const Drift drift = mapper.drift({u"TEL;TYPE=CELL,VOICE"_qs, u"emails[0]"_qs, u"emails[1]"_qs,
        u"profile.name.first"_qs, u"EMAIL;TYPE=home"_qs});
    QCOMPARE(drift.columns, QStringList {u"EMAIL;TYPE=work"_qs});
}

void TestRowMapper::driftNamesListsThatCannotBeRead()
{
    Api::LocationLists lists;
    const QString reason = u"this connection can't read users: add the users.readonly scope"_qs;
    lists.unavailable.insert(Api::LocationLists::Kind::Users, reason);
    lists.unavailable.insert(Api::LocationLists::Kind::CustomFields, u"no fields"_qs);
    const RowMapper mapper(
        profileOf({contact(u"Email"_qs, u"email"_qs), rule({u"Owner"_qs}, Target::Kind::Assignee)}),
        lists);
    const Drift drift = mapper.drift({u"Email"_qs, u"Owner"_qs});
    QCOMPARE(drift.unavailable, QStringList {reason}); // custom fields are not needed
    QVERIFY(drift.users.isEmpty()); // cannot be checked, so not called missing
    const MappedRow row
        = mapper.map(recordOf({{u"Email"_qs, u"a@example.test"_qs}, {u"Owner"_qs, u"Maya"_qs}}));
    QCOMPARE(row.problems.value(0).reason, u"can't check the user 'Maya': "_qs + reason);
}

QTEST_GUILESS_MAIN(TestRowMapper)
#include "tst_rowmapper.moc"
