// contactdesk-cli's lists of the location (fields, tags, users, calendars list) and verify's
// cleanup of the location after failures, against a sandbox in this process.
#include "clirun.h"
#include "sandboxfixture.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ContactDesk;
using namespace ContactDesk::Testing;

class TestCliLists : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void listsShowTheLocationsNames_data();
    void listsShowTheLocationsNames();
    void fieldsModelFilters_data();
    void fieldsModelFilters();
    void missingScopeNamesTheScope_data();
    void missingScopeNamesTheScope();
    void usageErrors_data();
    void usageErrors();
    void verifyCleansUpTheLocationAfterFailures();

private:
    QStringList target(const QString& token) const;
    QStringList names(const CliResult& result, const QString& key) const;

    std::unique_ptr<SandboxFixture> m_fx;
    QTemporaryDir m_home;
};

void TestCliLists::init()
{
    m_fx = std::make_unique<SandboxFixture>(10);
    const HttpResult settings = m_fx->control("PUT", QStringLiteral("/__sandbox/settings"),
        QJsonObject {{QStringLiteral("rateLimit"),
            QJsonObject {{QStringLiteral("count"), 0}, {QStringLiteral("windowMs"), 10000}}}});
    QCOMPARE(settings.status, 200);
}

void TestCliLists::cleanup()
{
    m_fx.reset();
}

QStringList TestCliLists::target(const QString& token) const
{
    return {QStringLiteral("--base-url"), m_fx->baseUrl().toString(), QStringLiteral("--token"),
        token, QStringLiteral("--location"), m_fx->locationId(), QStringLiteral("--company-id"),
        m_fx->data().mainLocation().companyId};
}

QStringList TestCliLists::names(const CliResult& result, const QString& key) const
{
    QStringList values;
    for (const QJsonValue& item : result.json().array())
        values.append(item.toObject().value(key).toString());
    return values;
}

void TestCliLists::listsShowTheLocationsNames_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QStringList>("expected"); // some of what the sandbox seeds
    QTest::addColumn<int>("count");
    QTest::newRow("fields") << QStringLiteral("fields") << QStringLiteral("name")
                            << QStringList {QStringLiteral("Membership level"),
                                   QStringLiteral("Lead score")}
                            << 14;
    QTest::newRow("tags") << QStringLiteral("tags") << QStringLiteral("name") << QStringList()
                          << 15;
    QTest::newRow("users") << QStringLiteral("users") << QStringLiteral("email")
                           << QStringList {QStringLiteral("daniel.brooks@contactdesk-demo.test"),
                                  QStringLiteral("priya.raman@contactdesk-demo.test")}
                           << 5;
    QTest::newRow("calendars") << QStringLiteral("calendars") << QStringLiteral("name")
                               << QStringList {QStringLiteral("Discovery call"),
                                      QStringLiteral("Product demo")}
                               << 3;
}

void TestCliLists::listsShowTheLocationsNames()
{
    QFETCH(QString, group);
    QFETCH(QString, key);
    QFETCH(QStringList, expected);
    QFETCH(int, count);
    const CliResult r
        = runCli(target(m_fx->pit()) + QStringList {group, QStringLiteral("list")}, m_home.path());
    QVERIFY(r.finished);
    QVERIFY2(r.exitCode == 0, r.err);
    QVERIFY2(r.err.isEmpty(), r.err);
    QVERIFY(r.json().isArray());
    const QStringList values = names(r, key);
    QCOMPARE(values.size(), count);
    for (const QString& name : expected)
        QVERIFY2(values.contains(name), qPrintable(values.join(u',')));
    for (const QJsonValue& item : r.json().array())
        QVERIFY(!item.toObject().value(QStringLiteral("id")).toString().isEmpty());
    if (group == QLatin1StringView("tags")) {
        // The location's tags, as the sandbox holds them.
        QStringList seeded;
        for (const QJsonObject& tag : std::as_const(m_fx->data().tags())) {
            if (tag.value(QStringLiteral("locationId")).toString() == m_fx->locationId())
                seeded.append(tag.value(QStringLiteral("name")).toString());
        }
        QCOMPARE(QSet<QString>(values.cbegin(), values.cend()),
            QSet<QString>(seeded.cbegin(), seeded.cend()));
    }
    if (group == QLatin1StringView("fields")) {
        const QJsonObject first = r.json().array().first().toObject();
        for (const char* field : {"id", "name", "fieldKey", "dataType", "model", "position"})
            QVERIFY2(first.contains(QLatin1StringView(field)), field);
        QCOMPARE(first.value(QStringLiteral("picklistOptions")).toArray().size(), 4);
    }
}

void TestCliLists::fieldsModelFilters_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QStringList>("models"); // the models every printed field has
    QTest::addColumn<int>("count");
    QTest::newRow("default: contact")
        << QStringList() << QStringList {QStringLiteral("contact")} << 14;
    QTest::newRow("opportunity") << QStringList {QStringLiteral("--model"),
        QStringLiteral("opportunity")}
                                 << QStringList {QStringLiteral("opportunity")} << 2;
    QTest::newRow("all") << QStringList {QStringLiteral("--model"), QStringLiteral("all")}
                         << QStringList {QStringLiteral("contact"), QStringLiteral("opportunity")}
                         << 16;
}

void TestCliLists::fieldsModelFilters()
{
    QFETCH(QStringList, options);
    QFETCH(QStringList, models);
    QFETCH(int, count);
    const CliResult r = runCli(target(m_fx->pit())
            + QStringList {QStringLiteral("fields"), QStringLiteral("list")} + options,
        m_home.path());
    QVERIFY2(r.exitCode == 0, r.err);
    const QStringList seen = names(r, QStringLiteral("model"));
    QCOMPARE(seen.size(), count);
    QCOMPARE(
        QSet<QString>(seen.cbegin(), seen.cend()), QSet<QString>(models.cbegin(), models.cend()));
}

void TestCliLists::missingScopeNamesTheScope_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("scope");
    QTest::newRow("fields") << QStringLiteral("fields")
                            << QStringLiteral("locations/customFields.readonly");
    QTest::newRow("tags") << QStringLiteral("tags") << QStringLiteral("locations/tags.readonly");
    QTest::newRow("users") << QStringLiteral("users") << QStringLiteral("users.readonly");
    QTest::newRow("calendars") << QStringLiteral("calendars")
                               << QStringLiteral("calendars.readonly");
}

void TestCliLists::missingScopeNamesTheScope()
{
    QFETCH(QString, group);
    QFETCH(QString, scope);
    // A token with the Contacts scopes only.
    const HttpResult minted = m_fx->control("POST", QStringLiteral("/__sandbox/tokens"),
        QJsonObject {{QStringLiteral("scopes"),
            QJsonArray {QStringLiteral("contacts.readonly"), QStringLiteral("contacts.write")}}});
    QCOMPARE(minted.status, 201);
    const QString token = minted.object().value(QStringLiteral("access_token")).toString();
    const CliResult r
        = runCli(target(token) + QStringList {group, QStringLiteral("list")}, m_home.path());
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.errLines().first().contains(scope), r.err);
    QVERIFY2(r.errLines().first().contains(QLatin1StringView("HTTP 401")), r.err);
}

void TestCliLists::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString s = QStringLiteral("--sandbox");
    QTest::newRow("bad model") << QStringList {s, QStringLiteral("fields"), QStringLiteral("list"),
        QStringLiteral("--model"), QStringLiteral("deal")}
                               << QStringLiteral("--model takes contact, opportunity or all");
    QTest::newRow("model on tags") << QStringList {s, QStringLiteral("tags"),
        QStringLiteral("list"), QStringLiteral("--model"), QStringLiteral("all")}
                                   << QStringLiteral("--model does not apply to tags list");
    QTest::newRow("argument") << QStringList {s, QStringLiteral("users"), QStringLiteral("list"),
        QStringLiteral("x")} << QStringLiteral("users list takes no arguments");
    QTest::newRow("unknown verb") << QStringList {s, QStringLiteral("calendars"),
        QStringLiteral("get")} << QStringLiteral("unknown command calendars get");
    QTest::newRow("company id with sandbox") << QStringList {s, QStringLiteral("--company-id"),
        QStringLiteral("c"), QStringLiteral("users"), QStringLiteral("list")}
                                             << QStringLiteral("drop --company-id");
}

void TestCliLists::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliResult r = runCli(arguments, m_home.path());
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.errText().contains(message), r.err);
}

void TestCliLists::verifyCleansUpTheLocationAfterFailures()
{
    // Renaming the temporary field is refused, and deleting the temporary tag fails once.
    const QJsonObject renameRefused {{QStringLiteral("method"), QStringLiteral("PUT")},
        {QStringLiteral("path"),
            QStringLiteral("/locations/%1/customFields/*").arg(m_fx->locationId())},
        {QStringLiteral("kind"), QStringLiteral("status")}, {QStringLiteral("status"), 422}};
    const QJsonObject deleteFails {{QStringLiteral("method"), QStringLiteral("DELETE")},
        {QStringLiteral("path"), QStringLiteral("/locations/%1/tags/*").arg(m_fx->locationId())},
        {QStringLiteral("kind"), QStringLiteral("status")}, {QStringLiteral("status"), 400},
        {QStringLiteral("count"), 1}};
    for (const QJsonObject& rule : {renameRefused, deleteFails})
        QCOMPARE(m_fx->control("POST", QStringLiteral("/__sandbox/faults"), rule).status, 201);
    const QList<QJsonObject> fieldsBefore = m_fx->data().customFieldDefinitions();
    const QList<QJsonObject> tagsBefore = m_fx->data().tags();

    const CliResult r = runCli(target(m_fx->pit())
            + QStringList {QStringLiteral("verify"), QStringLiteral("--allow-writes")},
        m_home.path());
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 1);
    QStringList failed;
    for (const QString& line : r.outLines()) {
        if (line.contains(QLatin1StringView(" fail ")))
            failed.append(line.section(u' ', 0, 0));
    }
    QCOMPARE(failed,
        (QStringList {QStringLiteral("update-custom-field"), QStringLiteral("delete-tag")}));
    QVERIFY2(r.out.contains("delete-custom-field"), r.out);
    // The field was still deleted, the tag by the cleanup; the location is as it was.
    QCOMPARE(m_fx->data().customFieldDefinitions(), fieldsBefore);
    QCOMPARE(m_fx->data().tags(), tagsBefore);
}

QTEST_GUILESS_MAIN(TestCliLists)
#include "tst_clilists.moc"
