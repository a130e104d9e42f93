#include "mapping/presets.h"
#include "mapping/suggest.h"
#include "mapping/transforms.h"
#include "mappingsuggesthelpers.h"

#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Mapping;
using namespace ContactDesk::Mapping::Testing;
using namespace Qt::StringLiterals;

// The presets of the real exports: recognised from their headers, mapped with no manual step.
class TestMappingPresets : public QObject
{
    Q_OBJECT

private slots:
    void presetsFromHeaders_data();
    void presetsFromHeaders();
    void googleLabelsBecomeTags();
    void outlookPhonesAndDates();
    void hubspotOwnerAndStage();
    void chainsPassTheChecker();
    void presetChainsRun();
};

void TestMappingPresets::presetsFromHeaders_data()
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

void TestMappingPresets::presetsFromHeaders()
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

void TestMappingPresets::googleLabelsBecomeTags()
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

void TestMappingPresets::outlookPhonesAndDates()
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

void TestMappingPresets::hubspotOwnerAndStage()
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

void TestMappingPresets::chainsPassTheChecker()
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

void TestMappingPresets::presetChainsRun()
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

QTEST_GUILESS_MAIN(TestMappingPresets)
#include "tst_mappingpresets.moc"
