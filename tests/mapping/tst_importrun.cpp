// The import run against the in-process sandbox: every write mode leaves the fields the profile
// does not map as they are on the server, cancel and resume send every row once, failed rows go
// to the results file and can be run again alone, and a changed file is not resumed.

#include "mapping/importrun.h"
#include "mapping/resultsfile.h"
#include "store/contactlookup.h"
#include "sync/locationlistsync.h"
#include "synctesthelpers.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Mapping;
using namespace ContactDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString header = QStringLiteral("email,first,last,city,level,tags");

// Records of a small comma-separated text, as a CSV reader gives them (no quoting needed here).
class ListReader final : public SourceReader
{
public:
    explicit ListReader(const QStringList& lines)
    {
        const QStringList columns = header.split(u',');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            Record record;
            record.number = i + 1;
            record.line = i + 2;
            const QStringList cells = lines[i].split(u',');
            for (qsizetype c = 0; c < columns.size(); ++c)
                record.fields.append({columns[c], cells.value(c)});
            m_records.append(record);
        }
    }
    SourceOptions effectiveOptions() const override { return {}; }
    QStringList columns() const override { return header.split(u','); }
    bool next(Record* record) override
    {
        if (m_next >= m_records.size())
            return false;
        *record = m_records[m_next++];
        return true;
    }
    QString error() const override { return {}; }
    qint64 bytesRead() const override { return m_next * 40; }
    qint64 totalBytes() const override { return m_records.size() * 40; }

private:
    QList<Record> m_records;
    qsizetype m_next = 0;
};

QString customFieldId(const Api::LocationLists& lists, const char* name)
{
    for (const Api::CustomFieldDefinition& field : lists.customFields) {
        if (field.name == QLatin1StringView(name))
            return field.id;
    }
    return {};
}

struct Importer
{
    explicit Importer(SandboxFixture& fixture)
        : fx(fixture)
        , harness(fixture)
    {
        unlimited(fx);
    }

    // A sync, then the location's lists (the custom fields the mapper names).
    bool syncAll()
    {
        if (!harness.sync().ok)
            return false;
        Sync::LocationListSync& lists = harness.ws().locationListSync();
        if (lists.refreshAll(true) > 0)
            return QTest::qWaitFor([&lists] { return !lists.isRefreshing(); }, syncWaitMs);
        return true;
    }

    QString writeFile(const QStringList& lines)
    {
        path = dir.filePath(QStringLiteral("people.csv"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write((QStringList {header} + lines).join(u'\n').toUtf8());
        this->lines = lines;
        return path;
    }

    MapFunction mapper()
    {
        const QString level = customFieldId(harness.ws().locationLists(), "Membership level");
        return [level](const Record& record) {
            MappedRow row;
            row.number = record.number;
            const QList<QPair<QString, QString>> columns {
                {QStringLiteral("email"), QStringLiteral("email")},
                {QStringLiteral("first"), QStringLiteral("firstName")},
                {QStringLiteral("last"), QStringLiteral("lastName")},
                {QStringLiteral("city"), QStringLiteral("city")}};
            for (const auto& [column, key] : columns) {
                const QString text = record.value(column);
                if (!text.isEmpty())
                    row.values.append({0, key, text, FieldPolicy::Overwrite});
            }
            if (const QString text = record.value(QStringLiteral("level")); !text.isEmpty())
                row.values.append(
                    {4, QStringLiteral("customField:") + level, text, FieldPolicy::Overwrite});
            for (const QString& tag : record.value(QStringLiteral("tags")).split(u';'))
                if (!tag.trimmed().isEmpty())
                    row.tags.append(tag.trimmed());
            const QString email = record.value(QStringLiteral("email"));
            row.matchValue = email.toLower();
            if (!email.contains(u'@'))
                row.problems.append({record.number, 0, QStringLiteral("email"), email,
                    QStringLiteral("not an email address")});
            return row;
        };
    }

    std::unique_ptr<ImportRun> start(WriteMode mode, bool resume = false, QList<qint64> only = {},
        int window = 200, QString* error = nullptr)
    {
        ImportOptions options;
        options.filePath = path;
        options.profile.mode = mode;
        options.profileJson = {{QStringLiteral("version"), 1}};
        options.resume = resume;
        options.onlyRows = only;
        options.window = window;
        options.batch = 5;
        Sync::Workspace& ws = harness.ws();
        auto run = std::make_unique<ImportRun>(ws.database(), ws.edits(), ws.outbox(), fx.clock(),
            ws.locationLists(), fx.locationId());
        QString problem;
        if (!run->start(options, std::make_unique<ListReader>(lines), mapper(), &problem)) {
            if (error)
                *error = problem;
            return nullptr;
        }
        return run;
    }

    // Runs to the end with the worker sending.
    bool finish(ImportRun& run)
    {
        QSignalSpy finished(&run, &ImportRun::finished);
        harness.ws().outboxWorker().start();
        return finished.wait(syncWaitMs) || run.isFinished();
    }

    QList<QJsonObject> serverContacts(const QString& email)
    {
        QList<QJsonObject> found;
        for (const QString& id : serverIds(fx)) {
            const QJsonObject* contact = fx.data().liveContact(id);
            if (contact
                && contact->value(QStringLiteral("email"))
                        .toString()
                        .compare(email, Qt::CaseInsensitive)
                    == 0)
                found.append(*contact);
        }
        return found;
    }

    QString createOnServer(const QJsonObject& body)
    {
        QJsonObject dto = body;
        dto.insert(QStringLiteral("locationId"), fx.locationId());
        const HttpResult created = fx.api("POST", QStringLiteral("/contacts/"), dto);
        return created.object()
            .value(QStringLiteral("contact"))
            .toObject()
            .value(QStringLiteral("id"))
            .toString();
    }

    SandboxFixture& fx;
    SyncHarness harness;
    QTemporaryDir dir;
    QString path;
    QStringList lines;
};

QJsonValue customValue(const QJsonObject& contact, const QString& id)
{
    for (const QJsonValue& field : contact.value(QStringLiteral("customFields")).toArray()) {
        if (field.toObject().value(QStringLiteral("id")).toString() == id)
            return field.toObject().value(QStringLiteral("value"));
    }
    return {};
}

} // namespace

class TestImportRun : public QObject
{
    Q_OBJECT

private slots:
    void writeModesLeaveUnmappedFieldsAlone_data();
    void writeModesLeaveUnmappedFieldsAlone();
    void duplicatesInTheFileMakeOneContact();
    void cancelThenResumeSendsEveryRowOnce();
    void cancelledUpsertTakesItsTagsAlong();
    void restartMidRunThenResume();
    void resumeRefusesAChangedFile();
    void failedRowsGoToTheResultsAndRunAgainAlone();
    void resultsFileNeutralisesFormulas();
};

void TestImportRun::writeModesLeaveUnmappedFieldsAlone_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("existingUpdated");
    QTest::addColumn<bool>("newCreated");
    QTest::newRow("create") << int(WriteMode::Create) << false << true;
    QTest::newRow("upsert") << int(WriteMode::Upsert) << true << true;
    QTest::newRow("update") << int(WriteMode::Update) << true << false;
}

void TestImportRun::writeModesLeaveUnmappedFieldsAlone()
{
    QFETCH(int, mode);
    QFETCH(bool, existingUpdated);
    QFETCH(bool, newCreated);
    SandboxFixture fx;
    Importer importer(fx);
    QVERIFY(importer.syncAll());
    const QString level = customFieldId(importer.harness.ws().locationLists(), "Membership level");
    const QString score = customFieldId(importer.harness.ws().locationLists(), "Lead score");
    QVERIFY(!level.isEmpty() && !score.isEmpty());
    const QString ada = importer.createOnServer({{QStringLiteral("email"), u"ada@engines.test"_s},
        {QStringLiteral("firstName"), u"Ada"_s}, {QStringLiteral("phone"), u"+14155550101"_s},
        {QStringLiteral("companyName"), u"Engines"_s}, {QStringLiteral("city"), u"London"_s},
        {QStringLiteral("tags"), QJsonArray {u"vip"_s}},
        {QStringLiteral("customFields"),
            QJsonArray {QJsonObject {{u"id"_s, level}, {u"field_value"_s, u"Gold"_s}},
                QJsonObject {{u"id"_s, score}, {u"field_value"_s, 42}}}}});
    QVERIFY(!ada.isEmpty());
    QVERIFY(importer.syncAll());

    importer.writeFile({QStringLiteral("ADA@engines.test,,,Paris,Silver,imported"),
        QStringLiteral("alan@turing.test,Alan,Turing,Wilmslow,Bronze,imported")});
    const auto run = importer.start(WriteMode(mode));
    QVERIFY(run);
    QVERIFY(importer.finish(*run));

    const QJsonObject after = *fx.data().liveContact(ada);
    // What the profile does not map is what it was.
    QCOMPARE(after.value(u"phone"_s).toString(), QStringLiteral("+14155550101"));
    QCOMPARE(after.value(u"companyName"_s).toString(), QStringLiteral("Engines"));
    QCOMPARE(after.value(u"firstName"_s).toString(), QStringLiteral("Ada"));
    QCOMPARE(customValue(after, score).toInteger(), 42);
    QCOMPARE(after.value(u"city"_s).toString(),
        existingUpdated ? QStringLiteral("Paris") : QStringLiteral("London"));
    QCOMPARE(customValue(after, level).toString(),
        existingUpdated ? QStringLiteral("Silver") : QStringLiteral("Gold"));
    // Tags are added, never replaced.
    QStringList tags;
    for (const QJsonValue& tag : after.value(u"tags"_s).toArray())
        tags.append(tag.toString());
    QVERIFY(tags.contains(QStringLiteral("vip")));
    QCOMPARE(tags.contains(QStringLiteral("imported")), existingUpdated);

    const QList<QJsonObject> alan = importer.serverContacts(QStringLiteral("alan@turing.test"));
    QCOMPARE(alan.size(), newCreated ? 1 : 0);
    if (newCreated) {
        QCOMPARE(alan[0].value(u"city"_s).toString(), QStringLiteral("Wilmslow"));
        QCOMPARE(alan[0].value(u"tags"_s).toArray(), QJsonArray {u"imported"_s});
    }

    const QList<Store::ImportRowResult> results = run->results();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results[0].outcome,
        existingUpdated ? Store::ImportOutcome::Updated : Store::ImportOutcome::Skipped);
    QCOMPARE(results[0].contactId, existingUpdated ? ada : QString());
    QCOMPARE(results[1].outcome,
        newCreated ? Store::ImportOutcome::Created : Store::ImportOutcome::Skipped);
    if (newCreated)
        QCOMPARE(results[1].contactId, alan[0].value(u"id"_s).toString());
    QVERIFY(run->verification(QStringLiteral("sandbox"), QStringLiteral("Sandbox")).has_value());
}

void TestImportRun::duplicatesInTheFileMakeOneContact()
{
    SandboxFixture fx;
    Importer importer(fx);
    QVERIFY(importer.syncAll());
    importer.writeFile(
        {QStringLiteral("grace@navy.test,Grace,,,,"), QStringLiteral("other@person.test,Other,,,,"),
            QStringLiteral("Grace@Navy.test,,Hopper,Arlington,,admiral")});
    const auto run = importer.start(WriteMode::Upsert);
    QVERIFY(run);
    QVERIFY(importer.finish(*run));
    const QList<QJsonObject> grace = importer.serverContacts(QStringLiteral("grace@navy.test"));
    QCOMPARE(grace.size(), 1);
    QCOMPARE(grace[0].value(u"firstName"_s).toString(), QStringLiteral("Grace"));
    QCOMPARE(grace[0].value(u"lastName"_s).toString(), QStringLiteral("Hopper"));
    QCOMPARE(grace[0].value(u"city"_s).toString(), QStringLiteral("Arlington"));
    QCOMPARE(grace[0].value(u"tags"_s).toArray(), QJsonArray {u"admiral"_s});
    const QList<Store::ImportRowResult> results = run->results();
    QCOMPARE(results[2].outcome, Store::ImportOutcome::Updated);
    QCOMPARE(results[2].contactId, grace[0].value(u"id"_s).toString());
}

void TestImportRun::cancelThenResumeSendsEveryRowOnce()
{
    SandboxFixture fx;
    Importer importer(fx);
    QVERIFY(importer.syncAll());
    QStringList lines;
    for (int i = 1; i <= 30; ++i)
        lines.append(QStringLiteral("person%1@import.test,Person,%1,,,").arg(i));
    importer.writeFile(lines);
    // The worker is not running: the run fills its window and waits.
    const auto run = importer.start(WriteMode::Create, false, {}, 8);
    QVERIFY(run);
    // Two seconds pass before the first rows are written: 8 rows in 2 s is 4 rows a second.
    fx.clock().advance(2000);
    QTRY_COMPARE(importer.harness.ws().outbox().pendingCount(), 8);
    QVERIFY(run->isRunning());
    const ImportProgress progress = run->progress();
    QCOMPARE(progress.rowsDone, 8);
    // 8 of the file's 30 records read: the total is estimated from the bytes read.
    QCOMPARE(progress.rowsTotal, 30);
    QVERIFY(!progress.totalIsExact);
    QCOMPARE(progress.rowsPerSecond, 4.0);
    QCOMPARE(progress.msLeft, 5500);
    QCOMPARE(progress.unsentItems, 8);
    run->cancel();
    QVERIFY(run->wasCancelled());
    // Nothing had gone: nothing stays queued, nothing is on the server.
    QCOMPARE(importer.harness.ws().outbox().pendingCount(), 0);
    QCOMPARE(importer.harness.ws().cache().count(), 0);
    QCOMPARE(serverIds(fx).size(), 0);

    const auto resumed = importer.start(WriteMode::Create, true);
    QVERIFY(resumed);
    QCOMPARE(resumed->runId(), run->runId());
    QVERIFY(importer.finish(*resumed));
    QCOMPARE(serverIds(fx).size(), 30);
    for (int i = 1; i <= 30; ++i)
        QCOMPARE(importer.serverContacts(QStringLiteral("person%1@import.test").arg(i)).size(), 1);
    QCOMPARE(ImportSummary::of(resumed->results()).created, 30);
}

void TestImportRun::cancelledUpsertTakesItsTagsAlong()
{
    SandboxFixture fx;
    Importer importer(fx);
    QVERIFY(importer.syncAll());
    importer.writeFile({QStringLiteral("tagged@import.test,Tagged,,,,vip;2026")});
    const auto run = importer.start(WriteMode::Upsert, false, {}, 200);
    QVERIFY(run);
    Store::Outbox& outbox = importer.harness.ws().outbox();
    QTRY_COMPARE(outbox.pendingCount(), 2);
    // The upsert carries no tags (a match would replace the contact's); they follow it.
    const QList<Store::OutboxItem> items = outbox.list();
    QCOMPARE(items[0].kind, Store::OutboxKind::UpsertContact);
    QVERIFY(!items[0].payload.contains(QStringLiteral("tags")));
    QCOMPARE(items[1].kind, Store::OutboxKind::AddTags);
    QCOMPARE(items[1].dependsOn, items[0].contactId);
    QCOMPARE(importer.harness.ws().cache().count(), 1);
    run->cancel();
    // Discarding the upsert removes the local contact and the tags waiting for it.
    QCOMPARE(outbox.pendingCount(), 0);
    QCOMPARE(importer.harness.ws().cache().count(), 0);
    QCOMPARE(serverIds(fx).size(), 0);
}

void TestImportRun::restartMidRunThenResume()
{
    SandboxFixture fx;
    Importer importer(fx);
    QVERIFY(importer.syncAll());
    QStringList lines;
    for (int i = 1; i <= 40; ++i)
        lines.append(QStringLiteral("row%1@import.test,Row,%1,,,imported").arg(i));
    importer.writeFile(lines);
    {
        const auto run = importer.start(WriteMode::Upsert, false, {}, 6);
        QVERIFY(run);
        importer.harness.ws().outboxWorker().start();
        QTRY_VERIFY(serverIds(fx).size() >= 10);
        // As if the process died here: the run and the workspace go without a word.
    }
    importer.harness.reopen();
    QVERIFY(serverIds(fx).size() < 40);
    const auto resumed = importer.start(WriteMode::Upsert, true);
    QVERIFY(resumed);
    QVERIFY(importer.finish(*resumed));
    QCOMPARE(serverIds(fx).size(), 40);
    for (int i = 1; i <= 40; ++i) {
        const auto found = importer.serverContacts(QStringLiteral("row%1@import.test").arg(i));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].value(u"tags"_s).toArray(), QJsonArray {u"imported"_s});
    }
    const ImportSummary summary = ImportSummary::of(resumed->results());
    QCOMPARE(summary.created, 40);
    QCOMPARE(summary.total(), 40);
}

void TestImportRun::resumeRefusesAChangedFile()
{
    SandboxFixture fx;
    Importer importer(fx);
    QVERIFY(importer.syncAll());
    importer.writeFile({QStringLiteral("a@b.test,A,,,,")});
    {
        const auto run = importer.start(WriteMode::Create, false, {}, 1);
        QVERIFY(run);
        QTRY_COMPARE(importer.harness.ws().outbox().pendingCount(), 1);
    }
    importer.writeFile({QStringLiteral("a@b.test,A,,,,"), QStringLiteral("c@d.test,C,,,,")});
    QString error;
    QVERIFY(!importer.start(WriteMode::Create, true, {}, 200, &error));
    QVERIFY2(error.contains(QStringLiteral("changed since its import began")), qPrintable(error));
}

void TestImportRun::failedRowsGoToTheResultsAndRunAgainAlone()
{
    SandboxFixture fx;
    Importer importer(fx);
    QVERIFY(importer.syncAll());
    importer.writeFile({QStringLiteral("ok1@import.test,Ok,,,Gold,"),
        QStringLiteral("bad@import.test,Bad,,,Diamond,"), QStringLiteral("not-an-email,X,,,,"),
        QStringLiteral("ok2@import.test,Ok,,,,")});
    const auto run = importer.start(WriteMode::Upsert);
    QVERIFY(run);
    QVERIFY(importer.finish(*run));
    const QList<Store::ImportRowResult> results = run->results();
    QCOMPARE(results.size(), 4);
    QCOMPARE(results[0].outcome, Store::ImportOutcome::Created);
    QCOMPARE(results[1].outcome, Store::ImportOutcome::Failed);
    QVERIFY2(results[1].error.contains(QStringLiteral("Diamond")), qPrintable(results[1].error));
    QCOMPARE(results[2].outcome, Store::ImportOutcome::Failed);
    QCOMPARE(results[2].error, QStringLiteral("email: not an email address"));
    QVERIFY(!run->verification(QStringLiteral("sandbox"), QStringLiteral("Sandbox")));

    QTemporaryDir dir;
    const QString resultsPath = dir.filePath(QStringLiteral("results.csv"));
    QString error;
    QVERIFY(ResultsFile::write(resultsPath, results, &error));
    QFile written(resultsPath);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray csv = written.readAll();
    QVERIFY(csv.startsWith("row,outcome,contact id,error\r\n1,created,"));
    QVERIFY(csv.contains("\r\n3,failed,,email: not an email address\r\n"));
    const auto failed = ResultsFile::failedRows(resultsPath, &error);
    QVERIFY2(failed, qPrintable(error));
    QCOMPARE(*failed, (QList<qint64> {2, 3}));
    QCOMPARE(failedRows(results), *failed);

    // The user fixes the rows; the run again takes only them.
    importer.writeFile({QStringLiteral("ok1@import.test,Changed,,,Gold,"),
        QStringLiteral("bad@import.test,Bad,,,Platinum,"),
        QStringLiteral("fixed@import.test,X,,,,"), QStringLiteral("ok2@import.test,Changed,,,,")});
    const qint64 seq = lastRequestSeq(fx);
    QVERIFY(importer.syncAll());
    const auto again = importer.start(WriteMode::Upsert, false, *failed);
    QVERIFY(again);
    QVERIFY(importer.finish(*again));
    const QList<Store::ImportRowResult> second = again->results();
    QCOMPARE(second.size(), 2);
    QCOMPARE(second[0].row, 2);
    QCOMPARE(second[0].outcome, Store::ImportOutcome::Created);
    QCOMPARE(second[1].row, 3);
    QCOMPARE(second[1].outcome, Store::ImportOutcome::Created);
    // Rows 1 and 4 were not taken again: their first names stay.
    QCOMPARE(importer.serverContacts(QStringLiteral("ok1@import.test"))[0].value(u"firstName"_s),
        QJsonValue(u"Ok"_s));
    QCOMPARE(importer.serverContacts(QStringLiteral("ok2@import.test"))[0].value(u"firstName"_s),
        QJsonValue(u"Ok"_s));
    int upserts = 0;
    for (const QJsonValue& entry : requestLog(fx, seq)) {
        if (entry.toObject()
                .value(QStringLiteral("path"))
                .toString()
                .startsWith(u"/contacts/upsert"_s))
            ++upserts;
    }
    QCOMPARE(upserts, 2);
}

void TestImportRun::resultsFileNeutralisesFormulas()
{
    const QList<Store::ImportRowResult> results {
        {1, Store::ImportOutcome::Failed, QStringLiteral("=HYPERLINK(\"x\")"),
            QStringLiteral("+1 is not, \"valid\"")},
        {2, Store::ImportOutcome::Failed, {}, QStringLiteral("@SUM(A1)")},
        {3, Store::ImportOutcome::Failed, {}, QStringLiteral("-2")},
        {4, Store::ImportOutcome::Failed, {}, QStringLiteral("\tTab")},
        {5, Store::ImportOutcome::Failed, {}, QStringLiteral("\rCR")},
        {6, Store::ImportOutcome::Skipped, {}, QStringLiteral("same email as row 1")},
    };
    const QByteArray csv = ResultsFile::toCsv(results);
    QCOMPARE(csv,
        QByteArray("row,outcome,contact id,error\r\n"
                   "1,failed,\"'=HYPERLINK(\"\"x\"\")\",\"'+1 is not, \"\"valid\"\"\"\r\n"
                   "2,failed,,'@SUM(A1)\r\n"
                   "3,failed,,'-2\r\n"
                   "4,failed,,'\tTab\r\n"
                   "5,failed,,\"'\rCR\"\r\n"
                   "6,skipped,,same email as row 1\r\n"));
    QString error;
    QCOMPARE(*ResultsFile::failedRowsOf(csv, &error), (QList<qint64> {1, 2, 3, 4, 5}));
    QVERIFY(!ResultsFile::failedRowsOf("name,email\r\nx,y\r\n", &error));
    QVERIFY(error.contains(QStringLiteral("not a ContactDesk results file")));
}

QTEST_GUILESS_MAIN(TestImportRun)
#include "tst_importrun.moc"
