#include "mapping/presets.h"
#include "mapping/rulechains.h"
#include "mapping/suggest.h"
#include "mapping/transforms.h"
#include "mappingtestlists.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace ContactDesk;
using namespace Qt::StringLiterals;
using namespace ContactDesk::Mapping;
using Mapping::Testing::sandboxLikeLists;
using Mapping::Testing::targetText;

namespace {

SourceSample csvSample(const QStringList& columns, const QList<QStringList>& rows = {})
{
    SourceSample sample;
    sample.options.kind = SourceKind::Csv;
    sample.options.delimiter = u',';
    sample.columns = columns;
    qint64 number = 0;
    for (const QStringList& row : rows) {
        Record record;
        record.number = ++number;
        record.line = number + 1;
        for (qsizetype i = 0; i < columns.size() && i < row.size(); ++i)
            record.fields.append({columns.at(i), row.at(i)});
        sample.records.append(record);
    }
    return sample;
}

QStringList split(const QString& csvHeader)
{
    return csvHeader.split(u',');
}

// The rules whose first source is `column`.
QList<Rule> rulesOf(const Profile& profile, const QString& column)
{
    QList<Rule> rules;
    for (const Rule& rule : profile.rules) {
        if (rule.sources.value(0) == column)
            rules.append(rule);
    }
    return rules;
}

QString targetOf(const Profile& profile, const QString& column)
{
    const QList<Rule> rules = rulesOf(profile, column);
    QStringList targets;
    for (const Rule& rule : rules)
        targets.append(targetText(rule.target));
    return targets.join(u'+');
}

const Transform* findStep(const Rule& rule, const char* op)
{
    for (const Transform& step : rule.transforms) {
        if (step.op == QLatin1String(op))
            return &step;
    }
    return nullptr;
}

QStringList stringList(const QJsonValue& value)
{
    QStringList list;
    for (const QJsonValue& item : value.toArray())
        list.append(item.toString());
    return list;
}

// Runs the text steps a preset puts before its list split (regexReplace) and the split
// itself, as the registry documents them, to check the patterns on real cells.
QStringList runTagSteps(const Rule& rule, const QString& cell)
{
    QString text = cell;
    for (const Transform& step : rule.transforms) {
        if (step.op == u"regexReplace") {
            const QRegularExpression pattern(
                step.options.value(QStringLiteral("pattern")).toString());
            if (!pattern.isValid())
                return {QStringLiteral("invalid pattern")};
            text.replace(pattern, step.options.value(QStringLiteral("replacement")).toString());
        } else if (step.op == u"splitList") {
            QStringList items {text};
            for (const QString& separator :
                stringList(step.options.value(QStringLiteral("separators")))) {
                QStringList next;
                for (const QString& item : std::as_const(items))
                    next.append(item.split(separator));
                items = next;
            }
            QStringList result;
            for (const QString& item : std::as_const(items)) {
                if (!item.trimmed().isEmpty())
                    result.append(item.trimmed());
            }
            return result;
        }
    }
    return {text};
}

void checkEveryColumnCovered(const Profile& profile, const QStringList& columns)
{
    for (const QString& column : columns) {
        const bool covered = std::any_of(profile.rules.cbegin(), profile.rules.cend(),
            [&](const Rule& rule) { return rule.sources.contains(column); });
        QVERIFY2(covered, qPrintable(QStringLiteral("no rule for column '%1'").arg(column)));
    }
    for (const Rule& rule : profile.rules) {
        QVERIFY2(rule.confidence >= 0 && rule.confidence <= 1, qPrintable(rule.reason));
        QVERIFY2(!rule.reason.isEmpty(), qPrintable(rule.sources.join(u',')));
    }
}

// One target per column except tags, which add up.
void checkOneColumnPerTarget(const Profile& profile)
{
    QStringList seen;
    for (const Rule& rule : profile.rules) {
        if (rule.target.kind == Target::Kind::Ignore || rule.target.kind == Target::Kind::Tags)
            continue;
        const QString target = targetText(rule.target);
        QVERIFY2(!seen.contains(target), qPrintable(QStringLiteral("two rules for ") + target));
        seen.append(target);
    }
}

const QString googleHeader = QStringLiteral(
    "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,"
    "Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,"
    "Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,"
    "E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,"
    "Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,"
    "Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,"
    "Address 1 - Extended Address,Website 1 - Label,Website 1 - Value,Relation 1 - Label,"
    "Relation 1 - Value,Custom Field 1 - Label,Custom Field 1 - Value");

const QString googleLegacyHeader = QStringLiteral(
    "Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Additional Name Yomi,"
    "Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,Short Name,Maiden Name,Birthday,"
    "Gender,Location,Billing Information,Directory Server,Mileage,Occupation,Hobby,Sensitivity,"
    "Priority,Subject,Notes,Language,Photo,Group Membership,E-mail 1 - Type,E-mail 1 - Value,"
    "E-mail 2 - Type,E-mail 2 - Value,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,"
    "Phone 2 - Value,Address 1 - Type,Address 1 - Formatted,Address 1 - Street,Address 1 - City,"
    "Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,"
    "Address 1 - Extended Address,Organization 1 - Type,Organization 1 - Name,"
    "Organization 1 - Yomi Name,Organization 1 - Title,Organization 1 - Department,"
    "Organization 1 - Symbol,Organization 1 - Location,Organization 1 - Job Description,"
    "Website 1 - Type,Website 1 - Value");

const QString outlookHeader = QStringLiteral(
    "First Name,Middle Name,Last Name,Title,Suffix,Initials,Web Page,Gender,Birthday,Anniversary,"
    "Location,Language,Internet Free Busy,Notes,E-mail Address,E-mail 2 Address,E-mail 3 Address,"
    "Primary Phone,Home Phone,Home Phone 2,Mobile Phone,Pager,Home Fax,Home Address,Home Street,"
    "Home Street 2,Home Street 3,Home Address PO Box,Home City,Home State,Home Postal Code,"
    "Home Country,Spouse,Children,Manager's Name,Assistant's Name,Referred By,Company Main Phone,"
    "Business Phone,Business Phone 2,Business Fax,Assistant's Phone,Company,Job Title,Department,"
    "Office Location,Organizational ID Number,Profession,Account,Business Address,Business Street,"
    "Business Street 2,Business Street 3,Business Address PO Box,Business City,Business State,"
    "Business Postal Code,Business Country/Region,Other Phone,Other Fax,Other Address,Other Street,"
    "Other Street 2,Other Street 3,Other Address PO Box,Other City,Other State,Other Postal Code,"
    "Other Country,Callback,Car Phone,ISDN,Radio Phone,TTY/TDD Phone,Telex,User 1,User 2,User 3,"
    "User 4,Keywords,Mileage,Hobby,Billing Information,Directory Server,Sensitivity,Priority,"
    "Private,Categories");

const QString hubspotHeader = QStringLiteral(
    "Record ID,First Name,Last Name,Email,Phone Number,Mobile Phone Number,Company Name,"
    "Street Address,City,State/Region,Postal Code,Country/Region,Website URL,Contact owner,"
    "Lifecycle Stage,Lead Status,Create Date,Last Activity Date,Job Title,Associated Company,"
    "Marketing contact status");

} // namespace

class TestMappingSuggest : public QObject
{
    Q_OBJECT

private slots:
    void presetsFromHeaders_data();
    void presetsFromHeaders();
    void googleLabelsBecomeTags();
    void outlookPhonesAndDates();
    void hubspotOwnerAndStage();
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
    void chainsPassTheChecker();
    void neutralisedCells();
    void presetChainsRun();
};

void TestMappingSuggest::presetsFromHeaders_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QStringList>("expected"); // u"column=target"_s

    QTest::newRow("google") << googleHeader << u"google"_s << u"Google Contacts export"_s
                            << QStringList {u"First Name=firstName"_s, u"Last Name=lastName"_s,
                                   u"Organization Name=companyName"_s, u"Birthday=dateOfBirth"_s,
                                   u"Labels=tags"_s, u"E-mail 1 - Value=email"_s,
                                   u"Phone 1 - Value=phone"_s, u"Address 1 - Street=address1"_s,
                                   u"Address 1 - City=city"_s, u"Address 1 - Region=state"_s,
                                   u"Address 1 - Postal Code=postalCode"_s,
                                   u"Address 1 - Country=country"_s, u"Website 1 - Value=website"_s,
                                   u"E-mail 2 - Value=ignore"_s, u"E-mail 1 - Label=ignore"_s,
                                   u"Phonetic First Name=ignore"_s,
                                   u"Custom Field 1 - Value=ignore"_s};
    QTest::newRow("google legacy")
        << googleLegacyHeader << u"googleLegacy"_s << u"Google Contacts export (older layout)"_s
        << QStringList {u"Given Name=firstName"_s, u"Family Name=lastName"_s, u"Name=ignore"_s,
               u"Organization 1 - Name=companyName"_s, u"Birthday=dateOfBirth"_s,
               u"Group Membership=tags"_s, u"E-mail 1 - Value=email"_s, u"Phone 1 - Value=phone"_s,
               u"Address 1 - Postal Code=postalCode"_s, u"Website 1 - Value=website"_s,
               u"Organization 1 - Title=ignore"_s, u"Yomi Name=ignore"_s};
    QTest::newRow("outlook") << outlookHeader << u"outlook"_s << u"Outlook export"_s
                             << QStringList {u"First Name=firstName"_s, u"Last Name=lastName"_s,
                                    u"E-mail Address=email"_s, u"Mobile Phone=phone"_s,
                                    u"Company=companyName"_s, u"Business Street=address1"_s,
                                    u"Business City=city"_s, u"Business State=state"_s,
                                    u"Business Postal Code=postalCode"_s,
                                    u"Business Country/Region=country"_s, u"Web Page=website"_s,
                                    u"Birthday=dateOfBirth"_s, u"Categories=tags"_s,
                                    u"E-mail 2 Address=ignore"_s, u"Home Street=ignore"_s,
                                    u"Title=ignore"_s, u"Job Title=ignore"_s,
                                    u"Business Fax=ignore"_s};
    QTest::newRow("outlook.com") << QStringLiteral(
        "First Name,Middle Name,Last Name,Title,Suffix,Nickname,Given Yomi,Surname Yomi,"
        "E-mail Address,E-mail 2 Address,E-mail 3 Address,Home Phone,Home Phone 2,"
        "Business Phone,Business Phone 2,Mobile Phone,Car Phone,Other Phone,Primary Phone,"
        "Pager,Business Fax,Home Fax,Other Fax,Company Main Phone,Callback,Radio Phone,"
        "Telex,TTY/TDD Phone,IMAddress,Job Title,Department,Company,Office Location,"
        "Manager's Name,Assistant's Name,Assistant's Phone,Company Yomi,Business Street,"
        "Business City,Business State,Business Postal Code,Business Country/Region,"
        "Home Street,Home City,Home State,Home Postal Code,Home Country/Region,Other Street,"
        "Other City,Other State,Other Postal Code,Other Country/Region,Personal Web Page,"
        "Spouse,Schools,Hobby,Location,Web Page,Birthday,Anniversary,Notes")
                                 << u"outlook"_s << u"Outlook export"_s
                                 << QStringList {u"E-mail Address=email"_s, u"Mobile Phone=phone"_s,
                                        u"Business Country/Region=country"_s,
                                        u"Home Country/Region=ignore"_s, u"Birthday=dateOfBirth"_s,
                                        u"Given Yomi=ignore"_s};
    QTest::newRow("hubspot") << hubspotHeader << u"hubspot"_s << u"HubSpot contacts export"_s
                             << QStringList {u"Record ID=ignore"_s, u"First Name=firstName"_s,
                                    u"Last Name=lastName"_s, u"Email=email"_s,
                                    u"Phone Number=phone"_s, u"Company Name=companyName"_s,
                                    u"Street Address=address1"_s, u"City=city"_s,
                                    u"State/Region=state"_s, u"Postal Code=postalCode"_s,
                                    u"Country/Region=country"_s, u"Website URL=website"_s,
                                    u"Contact owner=assignee"_s, u"Lifecycle Stage=tags"_s,
                                    u"Lead Status=ignore"_s};
}

void TestMappingSuggest::presetsFromHeaders()
{
    QFETCH(QString, header);
    QFETCH(QString, preset);
    QFETCH(QString, title);
    QFETCH(QStringList, expected);

    const QStringList columns = split(header);
    const auto match = recognisePreset(columns, SourceKind::Csv, sandboxLikeLists());
    QVERIFY(match);
    QCOMPARE(match->id, preset);
    QVERIFY2(match->score > 0.9, qPrintable(QString::number(match->score)));

    const Profile profile = suggestProfile(csvSample(columns), sandboxLikeLists());
    QCOMPARE(profile.name, title);
    QCOMPARE(profile.match.by, MatchKey::By::Email);
    checkEveryColumnCovered(profile, columns);
    checkOneColumnPerTarget(profile);
    for (const QString& pair : expected) {
        const QString column = pair.section(u'=', 0, 0);
        QCOMPARE(targetOf(profile, column), pair.section(u'=', 1));
        for (const Rule& rule : rulesOf(profile, column)) {
            QCOMPARE(rule.confidence, 1.0);
            QVERIFY2(rule.reason.startsWith(title), qPrintable(rule.reason));
            if (rule.target.kind != Target::Kind::Ignore)
                QVERIFY2(!rule.transforms.isEmpty(), qPrintable(column));
        }
    }
    // The same headers in another order are still the preset.
    QStringList shuffled = columns;
    std::reverse(shuffled.begin(), shuffled.end());
    QCOMPARE(recognisePreset(shuffled, SourceKind::Csv, sandboxLikeLists())->id, preset);
    // Not a vCard preset, and a generic file is no preset.
    QVERIFY(!recognisePreset(columns, SourceKind::VCard, sandboxLikeLists()));
    QVERIFY(!recognisePreset(
        {QStringLiteral("Email"), QStringLiteral("Name")}, SourceKind::Csv, sandboxLikeLists()));
}

void TestMappingSuggest::googleLabelsBecomeTags()
{
    const QStringList columns = split(googleHeader);
    QList<QStringList> rows;
    QStringList row(columns.size());
    row[columns.indexOf(QStringLiteral("Labels"))] = QStringLiteral("* myContacts ::: Friends");
    row[columns.indexOf(QStringLiteral("E-mail 1 - Value"))]
        = QStringLiteral("Ana@Example.com ::: ana.work@example.com");
    row[columns.indexOf(QStringLiteral("Birthday"))] = QStringLiteral("1985-01-15");
    rows.append(row);
    const Profile profile = suggestProfile(csvSample(columns, rows), sandboxLikeLists());

    const Rule tags = rulesOf(profile, QStringLiteral("Labels")).value(0);
    QCOMPARE(targetText(tags.target), QStringLiteral("tags"));
    QCOMPARE(
        runTagSteps(tags, QStringLiteral("* myContacts ::: Friends")), QStringList {u"Friends"_s});
    QCOMPARE(
        runTagSteps(tags, QStringLiteral("* starred ::: * myContacts ::: Family ::: Golf club")),
        (QStringList {u"Family"_s, u"Golf club"_s}));
    QCOMPARE(runTagSteps(tags, QStringLiteral("* myContacts")), QStringList());
    QCOMPARE(runTagSteps(tags, QStringLiteral("* Coworkers ::: Book club, Tuesdays")),
        (QStringList {u"Coworkers"_s, u"Book club, Tuesdays"_s}));

    // Several emails in one cell: the first is kept, then lower-cased.
    const Rule email = rulesOf(profile, QStringLiteral("E-mail 1 - Value")).value(0);
    QCOMPARE(runTagSteps(email, QStringLiteral("Ana@Example.com ::: ana.work@example.com")),
        QStringList {u"Ana@Example.com"_s});
    QVERIFY(findStep(email, "lowerCase"));

    // A birthday without a year (u"--01-15"_s) is emptied before the date step.
    const Rule birthday = rulesOf(profile, QStringLiteral("Birthday")).value(0);
    QCOMPARE(runTagSteps(birthday, QStringLiteral("--01-15")), QStringList {QString()});
    QVERIFY(stringList(findStep(birthday, "date")->options.value(QStringLiteral("formats")))
                .contains(QStringLiteral("yyyy-MM-dd")));
}

void TestMappingSuggest::outlookPhonesAndDates()
{
    const QStringList columns = split(outlookHeader);
    QStringList row(columns.size());
    row[columns.indexOf(QStringLiteral("Birthday"))] = QStringLiteral("1/15/1985");
    row[columns.indexOf(QStringLiteral("Categories"))] = QStringLiteral("Customers;VIP");
    const Profile profile = suggestProfile(csvSample(columns, {row}), sandboxLikeLists());

    // The mobile phone, else the business, home or primary phone.
    const Rule phone = rulesOf(profile, QStringLiteral("Mobile Phone")).value(0);
    QCOMPARE(phone.sources,
        (QStringList {
            u"Mobile Phone"_s, u"Business Phone"_s, u"Home Phone"_s, u"Primary Phone"_s}));
    QVERIFY(findStep(phone, "join"));
    QVERIFY(findStep(phone, "phoneE164"));
    QVERIFY(rulesOf(profile, QStringLiteral("Home Phone")).isEmpty());

    const Rule birthday = rulesOf(profile, QStringLiteral("Birthday")).value(0);
    const QStringList formats
        = stringList(findStep(birthday, "date")->options.value(QStringLiteral("formats")));
    QCOMPARE(formats.value(0), QStringLiteral("M/d/yyyy"));
    QCOMPARE(runTagSteps(birthday, QStringLiteral("0/0/00")), QStringList {QString()});

    const Rule categories = rulesOf(profile, QStringLiteral("Categories")).value(0);
    QCOMPARE(runTagSteps(categories, QStringLiteral("Customers; VIP")),
        (QStringList {u"Customers"_s, u"VIP"_s}));
}

void TestMappingSuggest::hubspotOwnerAndStage()
{
    QStringList columns = split(hubspotHeader);
    columns.append(QStringLiteral("Lead score")); // a custom property named like a field
    const Profile profile = suggestProfile(csvSample(columns, {}), sandboxLikeLists());
    QCOMPARE(profile.name, QStringLiteral("HubSpot contacts export"));
    const Rule phone = rulesOf(profile, QStringLiteral("Phone Number")).value(0);
    QCOMPARE(phone.sources, (QStringList {u"Phone Number"_s, u"Mobile Phone Number"_s}));
    QVERIFY(findStep(rulesOf(profile, QStringLiteral("Lifecycle Stage")).value(0), "lowerCase"));
    // A column the preset does not know still gets suggest's rule.
    const Rule score = rulesOf(profile, QStringLiteral("Lead score")).value(0);
    QCOMPARE(targetText(score.target), QStringLiteral("customField:Lead score"));
    QVERIFY(score.confidence < 1);
}

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

void TestMappingSuggest::chainsPassTheChecker()
{
    // Every rule suggest or a preset makes is a valid step of the registry, and the profile
    // survives the profile checker.
    QList<SourceSample> samples;
    for (const QString& header : {googleHeader, googleLegacyHeader, outlookHeader, hubspotHeader})
        samples.append(csvSample(split(header)));
    samples.append(
        csvSample({u"Full Name"_s, u"E-mail"_s, u"Cell"_s, u"DOB"_s, u"Tags"_s, u"Owner"_s,
                      u"Membership level"_s, u"Lead score"_s, u"Lifetime value"_s,
                      u"Renewal date"_s, u"Interests"_s, u"Column 12"_s, u"Column 13"_s},
            {{u"Ana Li"_s, u"a@b.test"_s, u"+14155550101"_s, u"15/01/1985"_s, u"vip; trial"_s,
                u"Maya Okafor"_s, u"Gold"_s, u"1.204"_s, u"1.234,50 €"_s, u"2026-03-01"_s,
                u"Events; Pricing"_s, u"https://x.test"_s, u"94103"_s}}));
    for (const SourceSample& sample : std::as_const(samples)) {
        const Profile profile = suggestProfile(sample, sandboxLikeLists());
        for (qsizetype r = 0; r < profile.rules.size(); ++r) {
            const Rule& rule = profile.rules.at(r);
            for (const Transform& step : rule.transforms) {
                const QString problem = checkTransform(step, rule.sources);
                QVERIFY2(problem.isEmpty(),
                    qPrintable(u"%1 rule %2 (%3): %4"_s.arg(profile.name)
                                   .arg(r + 1)
                                   .arg(rule.sources.join(u','), problem)));
            }
        }
        QStringList problems;
        const auto reread = Profile::fromJson(profile.toJson(), &problems);
        QVERIFY2(reread, qPrintable(problems.join(u'\n')));
        QCOMPARE(reread->rules.size(), profile.rules.size());
    }
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

void TestMappingSuggest::presetChainsRun()
{
    const auto run
        = [](const Profile& profile, const QString& column, const QList<QStringList>& values) {
              for (const Rule& rule : profile.rules) {
                  if (rule.sources.value(0) != column)
                      continue;
                  TransformInput input {rule.sources, values, u"US"_s};
                  const TransformResult result = applyTransforms(rule.transforms, input);
                  return result.error.isEmpty() ? result.values
                                                : QStringList {u"error: "_s + result.error};
              }
              return QStringList {u"no rule"_s};
          };
    const Profile google = suggestProfile(csvSample(split(googleHeader)), sandboxLikeLists());
    QCOMPARE(
        run(google, u"Labels"_s, {{u"* myContacts ::: * starred ::: Friends ::: Golf club"_s}}),
        (QStringList {u"Friends"_s, u"Golf club"_s}));
    QCOMPARE(run(google, u"E-mail 1 - Value"_s, {{u"Ana@Example.com ::: ana@work.test"_s}}),
        QStringList {u"ana@example.com"_s});
    QCOMPARE(run(google, u"Phone 1 - Value"_s, {{u"(415) 555-0101 ::: +44 20 7946 0958"_s}}),
        QStringList {u"+14155550101"_s});
    QCOMPARE(run(google, u"Birthday"_s, {{u"--01-15"_s}}), QStringList());
    QCOMPARE(run(google, u"Birthday"_s, {{u"1985-01-15"_s}}), QStringList {u"1985-01-15"_s});

    const Profile outlook = suggestProfile(csvSample(split(outlookHeader)), sandboxLikeLists());
    QCOMPARE(run(outlook, u"Birthday"_s, {{u"0/0/00"_s}}), QStringList());
    QCOMPARE(run(outlook, u"Birthday"_s, {{u"1/15/1985"_s}}), QStringList {u"1985-01-15"_s});
    QCOMPARE(run(outlook, u"Categories"_s, {{u"Customers;VIP"_s}}),
        (QStringList {u"Customers"_s, u"VIP"_s}));
    // Mobile, business, home, primary: the first that has a number.
    QCOMPARE(run(outlook, u"Mobile Phone"_s, {{}, {u"415-555-0102"_s}, {u"415-555-0103"_s}, {}}),
        QStringList {u"+14155550102"_s});

    const Profile hubspot = suggestProfile(csvSample(split(hubspotHeader)), sandboxLikeLists());
    QCOMPARE(run(hubspot, u"Phone Number"_s, {{}, {u"+1 415 555 0104"_s}}),
        QStringList {u"+14155550104"_s});
    QCOMPARE(run(hubspot, u"Lifecycle Stage"_s, {{u"Customer"_s}}), QStringList {u"customer"_s});
}

QTEST_GUILESS_MAIN(TestMappingSuggest)
#include "tst_mappingsuggest.moc"
