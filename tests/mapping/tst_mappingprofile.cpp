// Mapping profiles as files: the JSON format round trip, the migration of the column map
// (version 0), the refusal of a newer format, and a full check that names the rule and the
// problem for every mistake a hand-edited file can have.
#include "mapping/profile.h"
#include "mapping/profilelibrary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ContactDesk::Mapping;

namespace {

QJsonObject parse(const char* json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

// A profile that uses every part of the format.
Profile fullProfile()
{
    Profile profile;
    profile.name = QStringLiteral("Sign-ups from the shop");
    profile.source.kind = SourceKind::Csv;
    profile.source.delimiter = QLatin1Char(';');
    profile.source.encoding = QStringLiteral("windows-1252");
    profile.mode = WriteMode::Update;
    profile.match = {MatchKey::By::CustomField, QStringLiteral("Shop customer id")};
    profile.duplicates = DuplicateRows::Report;
    profile.defaultRegion = QStringLiteral("DE");

    Rule email;
    email.sources = {QStringLiteral("E-mail")};
    email.target = {Target::Kind::ContactField, QStringLiteral("email")};
    email.transforms = {{QStringLiteral("trim"), {}}, {QStringLiteral("lowerCase"), {}}};
    email.confidence = 0.95;
    email.reason = QStringLiteral("header 'E-mail' is a synonym of email");
    Rule level;
    level.sources = {QStringLiteral("Level")};
    level.target = {Target::Kind::CustomField, QStringLiteral("Membership level")};
    level.transforms = {{QStringLiteral("valueMap"),
        QJsonObject {
            {QStringLiteral("map"), QJsonObject {{QStringLiteral("gld"), QStringLiteral("Gold")}}},
            {QStringLiteral("unmapped"), QStringLiteral("keep")}}}};
    level.policy = FieldPolicy::FillEmpty;
    Rule tags;
    tags.sources = {QStringLiteral("Groups")};
    tags.target = {Target::Kind::Tags, {}};
    tags.transforms = {{QStringLiteral("splitList"), {}}};
    tags.replaceTags = true;
    Rule owner;
    owner.sources = {QStringLiteral("Owner")};
    owner.target = {Target::Kind::Assignee, {}};
    owner.policy = FieldPolicy::Never;
    Rule skipped;
    skipped.sources = {QStringLiteral("Internal notes")};
    profile.rules = {email, level, tags, owner, skipped};
    profile.verified = {{QStringLiteral("sandbox"), QStringLiteral("Built-in sandbox"),
        QDateTime(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC), 2000}};
    return profile;
}

} // namespace

class TestMappingProfile : public QObject
{
    Q_OBJECT

private slots:
    void roundTripKeepsEveryPart()
    {
        const Profile profile = fullProfile();
        QStringList problems;
        const std::optional<Profile> read = Profile::fromJson(profile.toJson(), &problems);
        QVERIFY2(read, qPrintable(problems.join(u'\n')));
        QCOMPARE(*read, profile);
        QCOMPARE(profile.toJson().value(QStringLiteral("version")).toInt(), profileVersion);
    }

    void saveAndLoadThroughAFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shop.json"));
        QString error;
        QVERIFY2(fullProfile().save(path, &error), qPrintable(error));
        QStringList problems;
        const std::optional<Profile> loaded = Profile::load(path, &problems);
        QVERIFY2(loaded, qPrintable(problems.join(u'\n')));
        QCOMPARE(*loaded, fullProfile());
    }

    void transformOptionsSitBesideTheirOp()
    {
        // The documented shape: {"op": "valueMap", "map": {...}}, not a nested "options".
        const QJsonObject json = fullProfile().toJson();
        const QJsonObject step = json.value(QStringLiteral("rules"))
                                     .toArray()
                                     .at(1)
                                     .toObject()
                                     .value(QStringLiteral("transforms"))
                                     .toArray()
                                     .at(0)
                                     .toObject();
        QCOMPARE(step.value(QStringLiteral("op")).toString(), QStringLiteral("valueMap"));
        QCOMPARE(step.value(QStringLiteral("unmapped")).toString(), QStringLiteral("keep"));
        QVERIFY(step.value(QStringLiteral("map")).isObject());
    }

    void columnMapOfVersionZeroIsMigrated()
    {
        QStringList problems;
        const std::optional<Profile> profile
            = Profile::fromJson(parse(R"({"name": "quick", "columns": {"Mail": "email", "Level":
                "customField:Membership level", "Groups": "tags"}})"),
                &problems);
        QVERIFY2(profile, qPrintable(problems.join(u'\n')));
        QCOMPARE(profile->name, QStringLiteral("quick"));
        QCOMPARE(profile->rules.size(), 3);
        QCOMPARE(profile->mode, WriteMode::Upsert);
        QCOMPARE(profile->match.by, MatchKey::By::Email);
        QHash<QString, QString> targetBySource;
        for (const Rule& rule : profile->rules)
            targetBySource.insert(rule.sources.value(0), rule.target.toString());
        QCOMPARE(targetBySource.value(QStringLiteral("Mail")), QStringLiteral("email"));
        QCOMPARE(targetBySource.value(QStringLiteral("Level")),
            QStringLiteral("customField:Membership level"));
        QCOMPARE(targetBySource.value(QStringLiteral("Groups")), QStringLiteral("tags"));
        // Saved again, it is a version 1 document.
        QCOMPARE(profile->toJson().value(QStringLiteral("version")).toInt(), 1);
    }

    void newerVersionIsRefused()
    {
        QStringList problems;
        QVERIFY(!Profile::fromJson(parse(R"({"version": 2, "rules": []})"), &problems));
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(QStringLiteral("newer ContactDesk")),
            qPrintable(problems.first()));
    }

    void mistakesAreNamed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not a profile") << QByteArray(R"({"rules": []})") << "no \"version\"";
        QTest::newRow("version text")
            << QByteArray(R"({"version": "1", "rules": []})") << "version: must be a whole number";
        QTest::newRow("rules missing")
            << QByteArray(R"({"version": 1})") << "rules: must be an array";
        QTest::newRow("unknown top key")
            << QByteArray(R"({"version": 1, "rules": [], "mode": "create"})")
            << "unknown key 'mode'";
        QTest::newRow("unknown transform")
            << QByteArray(R"({"version": 1, "rules": [{"sources": ["A"], "target": "email"},
                {"sources": ["B"], "target": "city", "transforms": [{"op": "shout"}]}]})")
            << "rule 2: transform 1 'shout':";
        QTest::newRow("transform without op")
            << QByteArray(R"({"version": 1, "rules": [{"sources": ["A"], "target": "email",
                "transforms": [{"formats": []}]}]})")
            << "rule 1: transform 1 must be an object with an \"op\"";
        QTest::newRow("unknown target")
            << QByteArray(
                   R"({"version": 1, "rules": [{"sources": ["A"], "target": "favouriteColour"}]})")
            << "rule 1: target 'favouriteColour' is not a contact field";
        QTest::newRow("read-only field")
            << QByteArray(R"({"version": 1, "rules": [{"sources": ["A"], "target": "dateAdded"}]})")
            << "rule 1: target 'dateAdded' is not a contact field";
        QTest::newRow("custom field without name")
            << QByteArray(
                   R"({"version": 1, "rules": [{"sources": ["A"], "target": "customField:"}]})")
            << "rule 1: target 'customField:' is not a target";
        QTest::newRow("target not text")
            << QByteArray(R"({"version": 1, "rules": [{"sources": ["A"], "target": 7}]})")
            << "rule 1: target must be a string, not a number";
        QTest::newRow("sources not a list")
            << QByteArray(R"({"version": 1, "rules": [{"sources": "A", "target": "email"}]})")
            << "rule 1: sources must be an array";
        QTest::newRow("no source")
            << QByteArray(R"({"version": 1, "rules": [{"sources": [], "target": "email"}]})")
            << "rule 1: needs at least one source column";
        QTest::newRow("bad policy")
            << QByteArray(R"({"version": 1, "rules": [{"sources": ["A"], "target": "email",
                "policy": "sometimes"}]})")
            << "rule 1: policy must be one of overwrite, fillEmpty, never";
        QTest::newRow("replaceTags off tags") << QByteArray(
            R"({"version": 1, "rules": [{"sources": ["A"], "target": "email",
                "replaceTags": true}]})") << "rule 1: replaceTags only applies to a tags rule";
        QTest::newRow("same target twice")
            << QByteArray(R"({"version": 1, "rules": [{"sources": ["A"], "target": "email"},
                {"sources": ["B"], "target": "email"}]})")
            << "rule 2: email is already the target of rule 1";
        QTest::newRow("bad mode") << QByteArray(
            R"({"version": 1, "rules": [], "write": {"mode": "merge"}})")
                                  << "write.mode: must be one of create, upsert, update";
        QTest::newRow("custom match without field")
            << QByteArray(
                   R"({"version": 1, "rules": [], "write": {"match": {"by": "customField"}}})")
            << "write.match.customField: name the custom field";
        QTest::newRow("bad region")
            << QByteArray(R"({"version": 1, "rules": [], "write": {"defaultRegion": "usa"}})")
            << "write.defaultRegion: must be a two-letter country code";
        QTest::newRow("confidence out of range")
            << QByteArray(R"({"version": 1, "rules": [{"sources": ["A"], "target": "email",
                "suggested": {"confidence": 4}}]})")
            << "rule 1: suggested.confidence must be a number from 0 to 1";
        QTest::newRow("bad verification")
            << QByteArray(R"({"version": 1, "rules": [], "verified": [{"environment": "staging",
                "at": "2026-12-01T09:00:00Z"}]})")
            << "verified: environment must be sandbox or production";
    }

    void mistakesAreNamed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QStringList problems;
        QVERIFY(!Profile::fromJson(parse(json.constData()), &problems));
        const QString all = problems.join(u'\n');
        QVERIFY2(all.contains(expected), qPrintable(all));
    }

    void everyProblemIsListedNotOnlyTheFirst()
    {
        QStringList problems;
        QVERIFY(!Profile::fromJson(parse(R"({"version": 1, "rules": [
                {"sources": ["A"], "target": "nope"},
                {"sources": ["B"], "target": "email", "policy": "x"},
                {"sources": ["C"], "target": "city", "transforms": [{"op": "shout"}]}]})"),
            &problems));
        QCOMPARE(problems.size(), 3);
        QVERIFY(problems.at(0).startsWith(QStringLiteral("rule 1:")));
        QVERIFY(problems.at(1).startsWith(QStringLiteral("rule 2:")));
        QVERIFY(problems.at(2).startsWith(QStringLiteral("rule 3:")));
    }

    void unreadableFilesSayWhy()
    {
        QTemporaryDir dir;
        QStringList problems;
        QVERIFY(!Profile::load(dir.filePath(QStringLiteral("missing.json")), &problems));
        QVERIFY2(problems.value(0).contains(QStringLiteral("Cannot open")),
            qPrintable(problems.value(0)));

        const QString broken = dir.filePath(QStringLiteral("broken.json"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"version\": 1, \"rules\": [");
        file.close();
        problems.clear();
        QVERIFY(!Profile::load(broken, &problems));
        QVERIFY2(problems.value(0).contains(QStringLiteral("not valid JSON")),
            qPrintable(problems.value(0)));
    }

    void recordingAVerificationReplacesThatEnvironmentOnly()
    {
        Profile profile = fullProfile();
        const QDateTime later(QDate(2026, 12, 7), QTime(10, 0), Qt::UTC);
        profile.recordVerification(
            {QStringLiteral("production"), QStringLiteral("Acme"), later, 10});
        profile.recordVerification(
            {QStringLiteral("sandbox"), QStringLiteral("Built-in sandbox"), later, 20});
        QCOMPARE(profile.verified.size(), 2);
        QCOMPARE(profile.verification(QStringLiteral("sandbox"))->rows, 20);
        QCOMPARE(
            profile.verification(QStringLiteral("production"))->connection, QStringLiteral("Acme"));
        QVERIFY(!Profile().verification(QStringLiteral("production")));
    }

    void libraryFindsSavedProfilesByName()
    {
        QTemporaryDir dir;
        const ProfileLibrary library(dir.filePath(QStringLiteral("mappings")));
        QCOMPARE(library.list().size(), 0);
        QString error;
        const QString path = library.save(fullProfile(), &error);
        QVERIFY2(!path.isEmpty(), qPrintable(error));
        QCOMPARE(QFileInfo(path).fileName(), QStringLiteral("sign-ups-from-the-shop.json"));
        QCOMPARE(library.find(QStringLiteral("SIGN-UPS from the shop")), path);
        QVERIFY(library.find(QStringLiteral("another")).isEmpty());

        // A broken file in the folder is named, and does not hide the good ones.
        QFile broken(dir.filePath(QStringLiteral("mappings/broken.json")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"version\": 1}");
        broken.close();
        QStringList problems;
        const QList<ProfileLibrary::Entry> entries = library.list(&problems);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().name, QStringLiteral("Sign-ups from the shop"));
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().startsWith(QStringLiteral("broken.json: rules:")),
            qPrintable(problems.first()));
    }
};

QTEST_GUILESS_MAIN(TestMappingProfile)
#include "tst_mappingprofile.moc"
