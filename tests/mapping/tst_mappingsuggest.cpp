#include "mapping/suggest.h"
#include "mapping/transforms.h"
#include "mappingsuggesthelpers.h"

#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Mapping;
using namespace ContactDesk::Mapping::Testing;
using namespace Qt::StringLiterals;

// Suggest on its own: header synonyms, value sniffing, custom fields, one column per target.
class TestMappingSuggest : public QObject
{
    Q_OBJECT

private slots:
    void synonyms_data();
    void synonyms();
    void sniffing_data();
    void sniffing();
    void customFieldByNameAndKey_data();
    void customFieldByNameAndKey();
    void duplicateTargets();
    void fullNameSplitOnlyWithoutNameColumns();
    void matchKey();
    void unknownColumnsAreIgnoredWithReason();
    void vcardProperties();
    void jsonLists();
    void errorSampleGivesNoRules();
    void neutralisedCells();
};

void TestMappingSuggest::synonyms_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("target");
    const std::pair<const char*, const char*> rows[] = {{"E-mail Address", "email"},
        {"Email 1", "email"}, {"EMAIL_ADDRESS", "email"}, {"e mail", "email"},
        {"profile.emails[0].address", "email"}, {"Given Name", "firstName"},
        {"First Name", "firstName"}, {"firstName", "firstName"}, {"Surname", "lastName"},
        {"Family Name", "lastName"}, {"Mobile Phone", "phone"}, {"Phone 1 - Value", "phone"},
        {"Business Phone", "phone"}, {"Telephone", "phone"}, {"Company", "companyName"},
        {"Organization", "companyName"}, {"Organisation Name", "companyName"},
        {"Zip", "postalCode"}, {"ZIP code", "postalCode"}, {"Postal Code", "postalCode"},
        {"Street Address", "address1"}, {"Address 1 - Street", "address1"}, {"Town", "city"},
        {"State/Province", "state"}, {"Country/Region", "country"}, {"Birthday", "dateOfBirth"},
        {"DOB", "dateOfBirth"}, {"Date of birth", "dateOfBirth"}, {"Website", "website"},
        {"Web Page", "website"}, {"URL", "website"}, {"Tags", "tags"}, {"Labels", "tags"},
        {"Categories", "tags"}, {"Owner", "assignee"}, {"Assigned To", "assignee"},
        {"Contact owner", "assignee"}, {"Lead Source", "source"}, {"Time Zone", "timezone"},
        {"E-mail 1 - Label", "ignore"}, {"Middle Name", "ignore"}, {"Notes", "ignore"},
        {"company.name", "companyName"}, {"Company Phone", "phone"}, {"ID", "ignore"}};
    for (const auto& [header, target] : rows)
        QTest::newRow(header) << QString::fromLatin1(header) << QString::fromLatin1(target);
}

void TestMappingSuggest::synonyms()
{
    QFETCH(QString, header);
    QFETCH(QString, target);
    const QList<Rule> rules = suggestColumn(header, {}, sandboxLikeLists());
    QVERIFY(!rules.isEmpty());
    QCOMPARE(targetText(rules.constFirst().target), target);
    QVERIFY(!rules.constFirst().reason.isEmpty());
    if (target != u"ignore")
        QVERIFY2(rules.constFirst().confidence >= 0.8, qPrintable(rules.constFirst().reason));
    QVERIFY(rules.constFirst().reason.contains(header));
}

void TestMappingSuggest::sniffing_data()
{
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("firstStep"); // the step that matters, with its key option

    QTest::newRow("emails") << QStringList {u"ana@example.com"_s, u"Bo.Li@Example.org "_s,
        u"c@d.io"_s} << u"email"_s
                            << u"lowerCase"_s;
    QTest::newRow("phones") << QStringList {u"+1 415 555 0101"_s, u"(415) 555-0102"_s,
        u"415.555.0103"_s} << u"phone"_s
                            << u"phoneE164"_s;
    QTest::newRow("day-first dates")
        << QStringList {u"15/01/1985"_s, u"03/02/1990"_s, u"28/12/2001"_s} << u"dateOfBirth"_s
        << u"date:d/M/yyyy"_s;
    QTest::newRow("iso dates") << QStringList {u"1985-01-15"_s, u"1990-02-03"_s} << u"dateOfBirth"_s
                               << u"date:yyyy-MM-dd"_s;
    QTest::newRow("urls") << QStringList {u"https://example.com"_s, u"www.contactdesk.test/about"_s}
                          << u"website"_s << u"trim"_s;
    QTest::newRow("postal codes") << QStringList {u"94103"_s, u"10001-2345"_s, u"SW1A 1AA"_s}
                                  << u"postalCode"_s << u"trim"_s;
    QTest::newRow("tag lists") << QStringList {u"vip; customer"_s, u"newsletter"_s,
        u"trial | partner"_s} << u"tags"_s
                               << u"splitList"_s;
    QTest::newRow("free text") << QStringList {u"Met at the fair"_s, u"Likes golf"_s} << u"ignore"_s
                               << u""_s;
    QTest::newRow("a date, not a birthday")
        << QStringList {u"2024-01-15"_s, u"2024-02-01"_s} << u"ignore"_s << u""_s;
    QTest::newRow("mixed") << QStringList {u"ana@example.com"_s, u"not an email"_s, u"nor this"_s}
                           << u"ignore"_s << u""_s;
}

void TestMappingSuggest::sniffing()
{
    QFETCH(QStringList, values);
    QFETCH(QString, target);
    QFETCH(QString, firstStep);

    const QString header = QString::fromLatin1(QTest::currentDataTag()) == u"a date, not a birthday"
        ? u"signup_date"_s
        : u"Column 3"_s;
    const QList<Rule> rules = suggestColumn(header, values, sandboxLikeLists());
    const Rule& rule = rules.constFirst();
    QCOMPARE(targetText(rule.target), target);
    QVERIFY(!rule.reason.isEmpty());
    if (target == u"ignore") {
        QVERIFY(rule.confidence <= 0.6);
        return;
    }
    QVERIFY2(rule.reason.contains(QStringLiteral("values")), qPrintable(rule.reason));
    QVERIFY(rule.confidence > 0.3 && rule.confidence < 0.9);
    const QString op = firstStep.section(u':', 0, 0);
    const Transform* step = findStep(rule, op.toLatin1().constData());
    QVERIFY2(step, qPrintable(op));
    if (op == u"date") {
        QCOMPARE(stringList(step->options.value(QStringLiteral("formats"))),
            QStringList {firstStep.section(u':', 1)});
    }
}

void TestMappingSuggest::customFieldByNameAndKey_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("step"); // op[:option=value]

    QTest::newRow("by name") << u"Membership level"_s << QStringList {u"Gold"_s, u"Silver"_s}
                             << u"customField:Membership level"_s << u"trim"_s;
    QTest::newRow("by key") << u"membership_level"_s << QStringList {u"Gold"_s}
                            << u"customField:Membership level"_s << u"trim"_s;
    QTest::newRow("by full key") << u"contact.lead_score"_s << QStringList {u"12"_s, u"1,204"_s}
                                 << u"customField:Lead score"_s << u"number:locale=en_US"_s;
    QTest::newRow("money, German")
        << u"Lifetime Value"_s << QStringList {u"1.234,50 €"_s, u"99,00 €"_s}
        << u"customField:Lifetime value"_s << u"money:locale=de_DE"_s;
    QTest::newRow("date") << u"Renewal Date"_s << QStringList {u"03/31/2026"_s, u"12/01/2026"_s}
                          << u"customField:Renewal date"_s << u"date:formats=M/d/yyyy"_s;
    QTest::newRow("multi options") << u"Interests"_s << QStringList {u"Events; Pricing"_s}
                                   << u"customField:Interests"_s << u"splitList:separators=;"_s;
    QTest::newRow("signature is not importable")
        << u"Signature"_s << QStringList {} << u"ignore"_s << u""_s;
}

void TestMappingSuggest::customFieldByNameAndKey()
{
    QFETCH(QString, header);
    QFETCH(QStringList, values);
    QFETCH(QString, target);
    QFETCH(QString, step);

    const Rule rule = suggestColumn(header, values, sandboxLikeLists()).constFirst();
    QCOMPARE(targetText(rule.target), target);
    if (step.isEmpty())
        return;
    QVERIFY2(rule.reason.contains(QStringLiteral("custom field")), qPrintable(rule.reason));
    QVERIFY(rule.confidence >= 0.9);
    const QString op = step.section(u':', 0, 0);
    const Transform* found = findStep(rule, op.toLatin1().constData());
    QVERIFY2(found, qPrintable(op));
    const QString option = step.section(u':', 1);
    if (option.isEmpty())
        return;
    const QJsonValue value = found->options.value(option.section(u'=', 0, 0));
    const QString text = value.isArray() ? stringList(value).value(0) : value.toString();
    QCOMPARE(text, option.section(u'=', 1));
}

void TestMappingSuggest::duplicateTargets()
{
    const QStringList columns {QStringLiteral("Work Email"), QStringLiteral("Email"),
        QStringLiteral("Email 2"), QStringLiteral("Home Phone"), QStringLiteral("Mobile"),
        QStringLiteral("Tags"), QStringLiteral("Labels")};
    const Profile profile
        = suggestProfile(csvSample(columns,
                             {{u"a@work.test"_s, u"a@home.test"_s, u"a2@home.test"_s,
                                 u"+14155550101"_s, u"+14155550102"_s, u"vip"_s, u"x"_s}}),
            sandboxLikeLists());
    checkEveryColumnCovered(profile, columns);
    checkOneColumnPerTarget(profile);
    QCOMPARE(targetOf(profile, QStringLiteral("Email")), QStringLiteral("email"));
    QCOMPARE(targetOf(profile, QStringLiteral("Work Email")), QStringLiteral("ignore"));
    QCOMPARE(targetOf(profile, QStringLiteral("Email 2")), QStringLiteral("ignore"));
    const Rule loser = rulesOf(profile, QStringLiteral("Email 2")).constFirst();
    QVERIFY2(loser.reason.contains(QStringLiteral("'Email' is the better match")),
        qPrintable(loser.reason));
    QCOMPARE(targetOf(profile, QStringLiteral("Mobile")), QStringLiteral("phone"));
    QVERIFY(rulesOf(profile, QStringLiteral("Home Phone"))
                .constFirst()
                .reason.contains(QStringLiteral("'Mobile'")));
    // Tags add up: both tag columns keep their rule.
    QCOMPARE(targetOf(profile, QStringLiteral("Tags")), QStringLiteral("tags"));
    QCOMPARE(targetOf(profile, QStringLiteral("Labels")), QStringLiteral("tags"));
}

void TestMappingSuggest::fullNameSplitOnlyWithoutNameColumns()
{
    const Profile alone = suggestProfile(
        csvSample({QStringLiteral("Full Name"), QStringLiteral("Email")}), sandboxLikeLists());
    QCOMPARE(targetOf(alone, QStringLiteral("Full Name")), QStringLiteral("firstName+lastName"));
    const QList<Rule> split = rulesOf(alone, QStringLiteral("Full Name"));
    QCOMPARE(findStep(split.at(0), "splitName")->options.value(QStringLiteral("part")).toString(),
        QStringLiteral("first"));
    QCOMPARE(findStep(split.at(1), "splitName")->options.value(QStringLiteral("part")).toString(),
        QStringLiteral("last"));

    const Profile withParts = suggestProfile(
        csvSample({QStringLiteral("Name"), QStringLiteral("Given"), QStringLiteral("Surname")}),
        sandboxLikeLists());
    QCOMPARE(targetOf(withParts, QStringLiteral("Name")), QStringLiteral("ignore"));
    QCOMPARE(targetOf(withParts, QStringLiteral("Given")), QStringLiteral("firstName"));
    QCOMPARE(targetOf(withParts, QStringLiteral("Surname")), QStringLiteral("lastName"));
    QVERIFY(rulesOf(withParts, QStringLiteral("Name"))
                .constFirst()
                .reason.contains(QStringLiteral("better match")));
}

void TestMappingSuggest::matchKey()
{
    QCOMPARE(suggestProfile(
                 csvSample({QStringLiteral("Phone"), QStringLiteral("E-mail")}), sandboxLikeLists())
                 .match.by,
        MatchKey::By::Email);
    QCOMPARE(suggestProfile(
                 csvSample({QStringLiteral("Name"), QStringLiteral("Cell")}), sandboxLikeLists())
                 .match.by,
        MatchKey::By::Phone);
}

void TestMappingSuggest::unknownColumnsAreIgnoredWithReason()
{
    const QStringList columns {
        QStringLiteral("Email"), QStringLiteral("Favourite colour"), QStringLiteral("Column 7")};
    const Profile profile = suggestProfile(
        csvSample(columns, {{u"a@b.test"_s, u"blue"_s, u""_s}, {u"c@d.test"_s, u"green"_s, u""_s}}),
        sandboxLikeLists());
    QCOMPARE(profile.rules.size(), 3);
    checkEveryColumnCovered(profile, columns);
    const Rule colour = rulesOf(profile, QStringLiteral("Favourite colour")).constFirst();
    QCOMPARE(colour.target.kind, Target::Kind::Ignore);
    QVERIFY(colour.reason.contains(QStringLiteral("Favourite colour")));
    QVERIFY(colour.confidence > 0 && colour.confidence < 0.5);
    QVERIFY(rulesOf(profile, QStringLiteral("Column 7"))
                .constFirst()
                .reason.contains(QStringLiteral("no values")));
    QCOMPARE(profile.source.delimiter, QChar(u','));
    // A header that names no field is not overruled by values that look like postal codes.
    const Rule id = suggestColumn(u"ID"_s, {u"10001"_s, u"94103"_s, u"60601"_s}, sandboxLikeLists())
                        .constFirst();
    QCOMPARE(id.target.kind, Target::Kind::Ignore);
    QVERIFY(id.reason.contains(u"no field"_s));
}

void TestMappingSuggest::vcardProperties()
{
    SourceSample sample;
    sample.options.kind = SourceKind::VCard;
    sample.columns = QStringList {u"VERSION"_s, u"FN"_s, u"N"_s, u"EMAIL;TYPE=work"_s,
        u"TEL;TYPE=cell"_s, u"TEL;TYPE=home"_s, u"TEL;TYPE=fax"_s, u"ADR;TYPE=home"_s, u"ORG"_s,
        u"BDAY"_s, u"CATEGORIES"_s, u"NOTE"_s};
    Record card;
    card.number = 1;
    card.fields = {{u"N"_s, u"Okafor;Maya;;;"_s}, {u"BDAY"_s, u"19850115"_s},
        {u"ADR;TYPE=home"_s, u";;1 Main St;Springfield;IL;62701;USA"_s}};
    sample.records = {card};
    const Profile profile = suggestProfile(sample, sandboxLikeLists());
    QCOMPARE(profile.name, QStringLiteral("Suggested mapping")); // no X-CONTACTDESK-ID
    checkEveryColumnCovered(profile, sample.columns);
    checkOneColumnPerTarget(profile);
    QCOMPARE(targetOf(profile, u"N"_s), QStringLiteral("firstName+lastName"));
    QCOMPARE(targetOf(profile, u"FN"_s), QStringLiteral("ignore"));
    QCOMPARE(targetOf(profile, u"EMAIL;TYPE=work"_s), QStringLiteral("email"));
    QCOMPARE(targetOf(profile, u"TEL;TYPE=cell"_s), QStringLiteral("phone"));
    QCOMPARE(targetOf(profile, u"TEL;TYPE=home"_s), QStringLiteral("ignore"));
    QCOMPARE(targetOf(profile, u"TEL;TYPE=fax"_s), QStringLiteral("ignore"));
    QCOMPARE(targetOf(profile, u"ADR;TYPE=home"_s),
        QStringLiteral("address1+city+state+postalCode+country"));
    QCOMPARE(targetOf(profile, u"CATEGORIES"_s), QStringLiteral("tags"));
    QCOMPARE(targetOf(profile, u"BDAY"_s), QStringLiteral("dateOfBirth"));
    // The components come out of the structured values.
    const QList<Rule> address = rulesOf(profile, u"ADR;TYPE=home"_s);
    const QString street = u";;1 Main St;Springfield;IL;62701;USA"_s;
    QStringList parts;
    for (const Rule& rule : address) {
        const QRegularExpression pattern(
            findStep(rule, "regexExtract")->options.value(QStringLiteral("pattern")).toString());
        parts.append(pattern.match(street).captured(1));
    }
    QCOMPARE(
        parts, (QStringList {u"1 Main St"_s, u"Springfield"_s, u"IL"_s, u"62701"_s, u"USA"_s}));
    const QList<Rule> name = rulesOf(profile, u"N"_s);
    QCOMPARE(QRegularExpression(
                 findStep(name.at(0), "regexExtract")->options.value(u"pattern"_s).toString())
                 .match(QStringLiteral("Okafor;Maya;;;"))
                 .captured(1),
        QStringLiteral("Maya"));
}

void TestMappingSuggest::jsonLists()
{
    SourceSample sample;
    sample.options.kind = SourceKind::Json;
    sample.columns
        = QStringList {u"profile.emails[0].address"_s, u"profile.emails[1].address"_s, u"tags[0]"_s,
            u"tags[1]"_s, u"interests[0]"_s, u"interests[1]"_s, u"phones[0]"_s, u"phones[1]"_s};
    Record record;
    record.number = 1;
    for (const QString& column : sample.columns)
        record.fields.append({column, column.contains(u"email"_s) ? u"a@b.test"_s : u"x"_s});
    sample.records = {record};
    const Profile profile = suggestProfile(sample, sandboxLikeLists());
    QStringList targets;
    for (const Rule& rule : profile.rules)
        targets.append(rule.sources.join(u'|') + u'=' + targetText(rule.target));
    QCOMPARE(targets,
        (QStringList {u"profile.emails[0].address=email"_s, u"profile.emails[1].address=ignore"_s,
            u"tags=tags"_s, u"interests=customField:Interests"_s, u"phones[0]=phone"_s,
            u"phones[1]=ignore"_s}));
}

void TestMappingSuggest::errorSampleGivesNoRules()
{
    SourceSample sample;
    sample.error = QStringLiteral("the file is empty");
    QVERIFY(suggestProfile(sample, sandboxLikeLists()).rules.isEmpty());
    QVERIFY(suggestProfile(SourceSample {}, sandboxLikeLists()).rules.isEmpty());
}

void TestMappingSuggest::neutralisedCells()
{
    const Rule phone
        = suggestColumn(u"Column 2"_s, {u"'+14155550101"_s, u"'+14155550102"_s}, sandboxLikeLists())
              .constFirst();
    QCOMPARE(targetText(phone.target), u"phone"_s);
    QCOMPARE(phone.transforms.value(0).op, u"regexReplace"_s);
    const TransformResult result
        = applyTransforms(phone.transforms, {phone.sources, {{u"'+14155550101"_s}}, u"US"_s});
    QCOMPARE(result.values, QStringList {u"+14155550101"_s});
    // Without neutralised cells no such step.
    QCOMPARE(suggestColumn(u"Phone"_s, {u"+14155550101"_s}, sandboxLikeLists())
                 .constFirst()
                 .transforms.value(0)
                 .op,
        u"trim"_s);
}

QTEST_GUILESS_MAIN(TestMappingSuggest)
#include "tst_mappingsuggest.moc"
