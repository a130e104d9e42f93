// contactdesk-cli mapping suggest|check and export against a sandbox in this process: a
// Google Contacts file is mapped with no manual step, check names every bad cell and a profile
// that no longer fits, and an export imported back (CSV and vCard) changes nothing on the
// server, with the clean run recorded in the profile.
#include "clirun.h"
#include "sandboxfixture.h"

#include "sandbox/sandboxdata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ContactDesk;
using namespace ContactDesk::Testing;

namespace {

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The rule of a profile document that reads `column`.
QJsonObject ruleFor(const QJsonObject& profile, const QString& column)
{
    for (const QJsonValue& rule : profile.value(QStringLiteral("rules")).toArray()) {
        if (rule.toObject().value(QStringLiteral("sources")).toArray().contains(column))
            return rule.toObject();
    }
    return {};
}

const QByteArray googleCsv = "First Name,Middle Name,Last Name,E-mail 1 - Label,E-mail 1 - Value,"
                             "Phone 1 - Label,Phone 1 - Value,Labels\r\n"
                             "Ada,,Lovelace,* Home,ada@example.org,Mobile,+44 20 7946 0958,"
                             "* myContacts ::: Friends\r\n"
                             "Alan,M.,Turing,* Work,not-an-email,Work,(415) 555-0100,"
                             "* myContacts\r\n";

} // namespace

class TestCliMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void suggestMapsAGoogleExportWithNoManualStep();
    void checkNamesEveryBadCellAndSendsNothing();
    void checkStopsAProfileThatNoLongerFits();
    void exportImportedBackChangesNothing_data();
    void exportImportedBackChangesNothing();
    void exportSearchAndColumns();

private:
    CliResult cli(const QStringList& words) const;
    QString path(const char* name) const { return m_home.filePath(QString::fromLatin1(name)); }

    std::unique_ptr<SandboxFixture> m_fx;
    QTemporaryDir m_home;
};

void TestCliMapping::init()
{
    m_fx = std::make_unique<SandboxFixture>(30);
    const HttpResult settings = m_fx->control("PUT", QStringLiteral("/__sandbox/settings"),
        QJsonObject {{QStringLiteral("rateLimit"),
            QJsonObject {{QStringLiteral("count"), 0}, {QStringLiteral("windowMs"), 10000}}}});
    QCOMPARE(settings.status, 200);
}

void TestCliMapping::cleanup()
{
    m_fx.reset();
}

CliResult TestCliMapping::cli(const QStringList& words) const
{
    const QStringList target {QStringLiteral("--base-url"), m_fx->baseUrl().toString(),
        QStringLiteral("--token"), m_fx->data().privateIntegrationToken(),
        QStringLiteral("--location"), m_fx->locationId()};
    return runCli(target + words, m_home.path());
}

void TestCliMapping::suggestMapsAGoogleExportWithNoManualStep()
{
    QVERIFY(writeFile(path("google.csv"), googleCsv));
    const CliResult result
        = cli({QStringLiteral("mapping"), QStringLiteral("suggest"), path("google.csv")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject profile = result.json().object();
    QCOMPARE(profile.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(ruleFor(profile, QStringLiteral("E-mail 1 - Value"))
                 .value(QStringLiteral("target"))
                 .toString(),
        QStringLiteral("email"));
    QCOMPARE(ruleFor(profile, QStringLiteral("Phone 1 - Value"))
                 .value(QStringLiteral("target"))
                 .toString(),
        QStringLiteral("phone"));
    QCOMPARE(ruleFor(profile, QStringLiteral("Labels")).value(QStringLiteral("target")).toString(),
        QStringLiteral("tags"));
    // Each rule's confidence and reason is shown to the person about to edit it.
    QVERIFY2(result.errText().contains(
                 QStringLiteral("E-mail 1 - Value -> email (100%: Google Contacts")),
        qPrintable(result.errText()));
}

void TestCliMapping::checkNamesEveryBadCellAndSendsNothing()
{
    QVERIFY(writeFile(path("google.csv"), googleCsv));
    const CliResult suggested
        = cli({QStringLiteral("mapping"), QStringLiteral("suggest"), path("google.csv")});
    QVERIFY(writeFile(path("google.json"), suggested.out));
    const qsizetype contactsBefore = m_fx->data().contacts().size();

    const CliResult result = cli({QStringLiteral("mapping"), QStringLiteral("check"),
        path("google.json"), path("google.csv")});
    QCOMPARE(result.exitCode, 1);
    const QJsonObject report = result.json().object();
    QCOMPARE(report.value(QStringLiteral("rows")).toInt(), 2);
    QCOMPARE(report.value(QStringLiteral("invalidRows")).toInt(), 1);
    const QJsonArray problems = report.value(QStringLiteral("problems")).toArray();
    QVERIFY(!problems.isEmpty());
    const QJsonObject first = problems.first().toObject();
    QCOMPARE(first.value(QStringLiteral("row")).toInt(), 2);
    QCOMPARE(first.value(QStringLiteral("column")).toString(), QStringLiteral("E-mail 1 - Value"));
    QCOMPARE(first.value(QStringLiteral("value")).toString(), QStringLiteral("not-an-email"));
    QVERIFY(!first.value(QStringLiteral("reason")).toString().isEmpty());
    QVERIFY(result.errText().contains(QStringLiteral("1 of 2 rows are invalid")));
    QCOMPARE(m_fx->data().contacts().size(), contactsBefore);
}

void TestCliMapping::checkStopsAProfileThatNoLongerFits()
{
    QVERIFY(writeFile(path("people.csv"), "Email,Tier\r\nada@example.org,Gold\r\n"));
    QVERIFY(writeFile(path("people.json"), R"({"version": 1, "rules": [
        {"sources": ["Email"], "target": "email"},
        {"sources": ["Tier"], "target": "customField:Loyalty tier"},
        {"sources": ["Region"], "target": "state"}]})"));
    const CliResult result = cli({QStringLiteral("mapping"), QStringLiteral("check"),
        path("people.json"), path("people.csv")});
    QCOMPARE(result.exitCode, 1);
    const QStringList drift
        = result.json().object().value(QStringLiteral("drift")).toVariant().toStringList();
    QCOMPARE(drift.size(), 2);
    QVERIFY2(
        drift.join(u'\n').contains(QStringLiteral("Loyalty tier")), qPrintable(drift.join(u'\n')));
    QVERIFY2(drift.join(u'\n').contains(QStringLiteral("Region")), qPrintable(drift.join(u'\n')));
}

void TestCliMapping::exportImportedBackChangesNothing_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("file");
    QTest::newRow("csv") << QStringLiteral("csv") << QStringLiteral("contacts.csv");
    QTest::newRow("vcard") << QStringLiteral("vcard") << QStringLiteral("contacts.vcf");
}

void TestCliMapping::exportImportedBackChangesNothing()
{
    QFETCH(QString, format);
    QFETCH(QString, file);
    const QString exported = m_home.filePath(file);
    const CliResult exportRun = cli({QStringLiteral("export"), QStringLiteral("--format"), format});
    QVERIFY2(exportRun.exitCode == 0, exportRun.err.constData());
    QVERIFY(exportRun.errText().contains(QStringLiteral("exported 30 contact(s)")));
    QVERIFY(writeFile(exported, exportRun.out));

    const CliResult suggested
        = cli({QStringLiteral("mapping"), QStringLiteral("suggest"), exported});
    QVERIFY2(suggested.exitCode == 0, suggested.err.constData());
    const QString profile = path("roundtrip.json");
    QVERIFY(writeFile(profile, suggested.out));
    QCOMPARE(suggested.json()
                 .object()
                 .value(QStringLiteral("write"))
                 .toObject()
                 .value(QStringLiteral("match"))
                 .toObject()
                 .value(QStringLiteral("by"))
                 .toString(),
        QStringLiteral("contactId"));

    const QHash<QString, QJsonObject> before = m_fx->data().contacts();
    const CliResult imported
        = cli({QStringLiteral("import"), exported, QStringLiteral("--mapping"), profile});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    const QJsonObject summary = imported.json().object();
    QCOMPARE(summary.value(QStringLiteral("rows")).toInt(), 30);
    QCOMPARE(summary.value(QStringLiteral("unchanged")).toInt(), 30);
    QCOMPARE(summary.value(QStringLiteral("created")).toInt(), 0);
    QCOMPARE(summary.value(QStringLiteral("updated")).toInt(), 0);
    QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 0);
    QCOMPARE(m_fx->data().contacts(), before);

    // The clean run is recorded in the profile: where and when it was verified.
    const QJsonArray verified = QJsonDocument::fromJson(readFile(profile))
                                    .object()
                                    .value(QStringLiteral("verified"))
                                    .toArray();
    QCOMPARE(verified.size(), 1);
    QCOMPARE(verified.first().toObject().value(QStringLiteral("rows")).toInt(), 30);
    QCOMPARE(verified.first().toObject().value(QStringLiteral("environment")).toString(),
        QStringLiteral("production"));
}

void TestCliMapping::exportSearchAndColumns()
{
    const QJsonObject someone = m_fx->data().contacts().begin().value();
    const QString lastName = someone.value(QStringLiteral("lastName")).toString();
    const CliResult result = cli({QStringLiteral("export"), QStringLiteral("--format"),
        QStringLiteral("csv"), QStringLiteral("--query"), lastName, QStringLiteral("--columns"),
        QStringLiteral("Last Name,email")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QStringList lines = result.outLines();
    QCOMPARE(lines.first(), QStringLiteral("Last Name,Email\r"));
    QVERIFY(lines.size() >= 2);
    for (qsizetype i = 1; i < lines.size(); ++i)
        QVERIFY2(lines.at(i).startsWith(lastName), qPrintable(lines.at(i)));

    const CliResult unknown = cli({QStringLiteral("export"), QStringLiteral("--format"),
        QStringLiteral("csv"), QStringLiteral("--columns"), QStringLiteral("Shoe size")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.errText().contains(QStringLiteral("no export column \"Shoe size\"")),
        qPrintable(unknown.errText()));
    QVERIFY(unknown.errText().contains(QStringLiteral("Membership level")));
}

QTEST_GUILESS_MAIN(TestCliMapping)
#include "tst_climapping.moc"
