#include "mapping/contactexport.h"
#include "mapping/presets.h"
#include "mapping/rowmapper.h"
#include "mapping/spreadsheetsafety.h"
#include "mapping/suggest.h"
#include "mappingexporthelpers.h"
#include "mappingtestlists.h"

#include "fakeclock.h"
#include "store/contactcache.h"
#include "store/database.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ContactDesk;
using namespace ContactDesk::Mapping;
using namespace ContactDesk::Mapping::Testing;
using namespace Qt::StringLiterals;

// The CSV export of cached contacts: its text, batches and scope, and the ContactDesk CSV
// preset reading it back.
class TestMappingExport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void neutraliseFormula_data();
    void neutraliseFormula();
    void csvText();
    void chosenColumns();
    void contactDeskPresetReadsEveryExportedColumn();
    void csvReadBackThroughTheReader();
    void csvMapsBackToTheSameContacts();
    void chosenColumnsMapBackThroughSuggest();
    void batchesProgressAndCancel();
    void searchScope();

private:
    QByteArray exportCsv(const QList<qint64>& rowIds, const QList<ExportColumn>& columns);

    QTemporaryDir m_dir;
    ContactDesk::Testing::FakeClock m_clock;
    std::unique_ptr<Store::Database> m_db;
    std::unique_ptr<Store::ContactCache> m_cache;
    Api::LocationLists m_lists = sandboxLikeLists();
};

void TestMappingExport::init()
{
    m_db = std::make_unique<Store::Database>(
        m_dir.path() + u"/connections/test/cache.sqlite"_s, m_clock);
    QVERIFY(m_db->open().ok);
    m_cache = std::make_unique<Store::ContactCache>(*m_db);
}

void TestMappingExport::cleanup()
{
    m_cache.reset();
    m_db.reset();
    QFile::remove(m_dir.path() + u"/connections/test/cache.sqlite"_s);
}

QByteArray TestMappingExport::exportCsv(
    const QList<qint64>& rowIds, const QList<ExportColumn>& columns)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ContactExporter exporter(*m_cache, m_lists);
    QString error;
    if (!exporter.writeCsv(
            QVector<qint64>(rowIds.cbegin(), rowIds.cend()), columns, &buffer, &error))
        qWarning() << error;
    return buffer.data();
}

void TestMappingExport::neutraliseFormula_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("neutralised");
    QTest::newRow("equals") << u"=SUM(A1:A9)"_s << u"'=SUM(A1:A9)"_s;
    QTest::newRow("plus") << u"+14155550101"_s << u"'+14155550101"_s;
    QTest::newRow("minus") << u"-5"_s << u"'-5"_s;
    QTest::newRow("at") << u"@mention"_s << u"'@mention"_s;
    QTest::newRow("tab") << u"\tx"_s << u"'\tx"_s;
    QTest::newRow("carriage return") << u"\rx"_s << u"'\rx"_s;
    QTest::newRow("already quoted") << u"'=x"_s << u"''=x"_s;
    QTest::newRow("plain") << u"Maya"_s << u"Maya"_s;
    QTest::newRow("inner equals") << u"a=b"_s << u"a=b"_s;
    QTest::newRow("apostrophe text") << u"'quoted'"_s << u"'quoted'"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestMappingExport::neutraliseFormula()
{
    QFETCH(QString, cell);
    QFETCH(QString, neutralised);
    QCOMPARE(Mapping::neutraliseFormula(cell), neutralised);
    // The ContactDesk preset's first step gives the original back.
    QCOMPARE(
        QString(neutralised).replace(QRegularExpression(unneutraliseFormulaPattern()), QString()),
        cell);
}

void TestMappingExport::csvText()
{
    QVERIFY(m_cache->upsertFromServer({maya(), daniel()}));
    const QList<qint64> rows {m_cache->rowIdFor(maya().id), m_cache->rowIdFor(daniel().id)};
    const QByteArray csv = exportCsv(rows, defaultExportColumns(m_lists));
    const QByteArray expected
        = "Contact ID,First Name,Last Name,Email,Phone,Company,Address,City,State,Postal Code,"
          "Country,Website,Date of Birth,Timezone,Source,Tags,Assigned To,Membership level,"
          "Lead score,Lifetime value,Renewal date,Interests,Referral source\r\n"
          "c0000000000000000001,Maya,\"O'Neil \"\"Mo\"\"\",maya@example.com,'+14155550101,"
          "\"Okafor, Brooks & Co\",\"1 Main St\nSuite 5\",Springfield,IL,62701,US,"
          "https://example.com,1985-01-15,,\"'=HYPERLINK(\"\"http://x\"\")\",vip; newsletter,"
          "Maya Okafor,Gold,42,1234.5,2026-03-01,Events; Pricing,\r\n"
          "c0000000000000000002,Daniel,Brooks,,'-5,,,,,,,,,,,,uGone00000000000001,,,,2026-07-04,,"
          "'@mention\r\n";
    QCOMPARE(csv, expected);
}

void TestMappingExport::chosenColumns()
{
    QVERIFY(m_cache->upsertFromServer({maya()}));
    QList<ExportColumn> columns;
    for (const ExportColumn& column : defaultExportColumns(m_lists)) {
        if (column.title == u"Email" || column.title == u"Tags" || column.title == u"Interests")
            columns.append(column);
    }
    QCOMPARE(exportCsv({m_cache->rowIdFor(maya().id)}, columns),
        QByteArray("Email,Tags,Interests\r\nmaya@example.com,vip; newsletter,Events; Pricing\r\n"));

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    ContactExporter exporter(*m_cache, m_lists);
    QVERIFY(!exporter.writeCsv({}, {}, &buffer, &error));
    QCOMPARE(error, u"Choose at least one column to export."_s);
    // Files and signatures are not export columns.
    QVERIFY(!titles(defaultExportColumns(m_lists)).contains(u"Signature"_s));
}

void TestMappingExport::contactDeskPresetReadsEveryExportedColumn()
{
    const QList<ExportColumn> columns = defaultExportColumns(m_lists);
    const QStringList header = titles(columns);
    const auto match = recognisePreset(header, SourceKind::Csv, m_lists);
    QVERIFY(match);
    QCOMPARE(match->id, u"contactdeskCsv"_s);
    QCOMPARE(match->score, 1.0);

    SourceSample sample;
    sample.options.kind = SourceKind::Csv;
    sample.columns = header;
    const Profile profile = suggestProfile(sample, m_lists);
    QCOMPARE(profile.name, u"ContactDesk CSV export"_s);
    QCOMPARE(profile.rules.size(), header.size());
    const QHash<QString, QString> expected {{u"Contact ID"_s, u"contactId"_s},
        {u"First Name"_s, u"firstName"_s}, {u"Last Name"_s, u"lastName"_s},
        {u"Email"_s, u"email"_s}, {u"Phone"_s, u"phone"_s}, {u"Company"_s, u"companyName"_s},
        {u"Address"_s, u"address1"_s}, {u"City"_s, u"city"_s}, {u"State"_s, u"state"_s},
        {u"Postal Code"_s, u"postalCode"_s}, {u"Country"_s, u"country"_s},
        {u"Website"_s, u"website"_s}, {u"Date of Birth"_s, u"dateOfBirth"_s},
        {u"Timezone"_s, u"timezone"_s}, {u"Source"_s, u"source"_s}, {u"Tags"_s, u"tags"_s},
        {u"Assigned To"_s, u"assignee"_s},
        {u"Membership level"_s, u"customField:Membership level"_s},
        {u"Lead score"_s, u"customField:Lead score"_s},
        {u"Lifetime value"_s, u"customField:Lifetime value"_s},
        {u"Renewal date"_s, u"customField:Renewal date"_s},
        {u"Interests"_s, u"customField:Interests"_s},
        {u"Referral source"_s, u"customField:Referral source"_s}};
    QCOMPARE(expected.size(), header.size());
    for (qsizetype i = 0; i < header.size(); ++i) {
        const Rule& rule = profile.rules.at(i);
        QCOMPARE(rule.sources, QStringList {header.at(i)});
        QCOMPARE(targetText(rule.target), expected.value(header.at(i)));
        QCOMPARE(rule.confidence, 1.0);
        if (rule.target.kind == Target::Kind::Ignore)
            continue;
        // Every value first loses the apostrophe that neutralised it.
        QCOMPARE(rule.transforms.value(0).op, u"regexReplace"_s);
        QCOMPARE(rule.transforms.value(0).options.value(u"pattern"_s).toString(),
            unneutraliseFormulaPattern());
    }
    const auto stepOf = [&](const QString& column, const QString& op) {
        for (const Transform& step : profile.rules.at(header.indexOf(column)).transforms) {
            if (step.op == op)
                return step.options;
        }
        return QJsonObject {{u"missing"_s, true}};
    };
    QCOMPARE(stepOf(u"Date of Birth"_s, u"date"_s).value(u"formats"_s).toArray(),
        QJsonArray {u"yyyy-MM-dd"_s});
    QCOMPARE(stepOf(u"Renewal date"_s, u"date"_s).value(u"formats"_s).toArray(),
        QJsonArray {u"yyyy-MM-dd"_s});
    QCOMPARE(
        stepOf(u"Tags"_s, u"splitList"_s).value(u"separators"_s).toArray(), QJsonArray {u";"_s});
    QCOMPARE(stepOf(u"Interests"_s, u"splitList"_s).value(u"separators"_s).toArray(),
        QJsonArray {u";"_s});
    QVERIFY(!stepOf(u"Phone"_s, u"phoneE164"_s).contains(u"missing"_s));
    // The email comes back as exported (lower-casing it would change it on re-import).
    QVERIFY(stepOf(u"Email"_s, u"lowerCase"_s).contains(u"missing"_s));
    QVERIFY(!stepOf(u"Lead score"_s, u"number"_s).contains(u"missing"_s));
}

void TestMappingExport::csvReadBackThroughTheReader()
{
    QVERIFY(m_cache->upsertFromServer({maya(), daniel()}));
    const QList<ExportColumn> columns = defaultExportColumns(m_lists);
    const QString path = m_dir.path() + u"/export.csv"_s;
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        ContactExporter exporter(*m_cache, m_lists);
        QString error;
        QVERIFY2(
            exporter.writeCsv(exportRowIds(*m_cache), columns, &file, &error), qPrintable(error));
    }
    const SourceSample sample = sampleSource(path, {});
    QVERIFY2(sample.error.isEmpty(), qPrintable(sample.error));
    QCOMPARE(sample.options.kind, SourceKind::Csv);
    QCOMPARE(sample.columns, titles(columns));
    QCOMPARE(sample.records.size(), 2);
    QCOMPARE(suggestProfile(sample, m_lists).name, u"ContactDesk CSV export"_s);

    // Maya's row (Daniel sorts first): every cell gives the contact's value back once the
    // preset's first step removes the neutralising apostrophe.
    const Record& row = sample.records.at(1);
    const QRegularExpression unneutralise(unneutraliseFormulaPattern());
    const auto cell = [&](const char* column) {
        return row.value(QString::fromLatin1(column)).replace(unneutralise, QString());
    };
    QCOMPARE(cell("Last Name"), maya().lastName);
    QCOMPARE(cell("Phone"), maya().phone);
    QCOMPARE(cell("Company"), maya().companyName);
    QCOMPARE(cell("Address"), maya().address1);
    QCOMPARE(cell("Source"), maya().source);
    QCOMPARE(cell("Tags").split(u';'), (QStringList {u"vip"_s, u" newsletter"_s}));
    QCOMPARE(cell("Assigned To"), u"Maya Okafor"_s);
    QCOMPARE(cell("Renewal date"), u"2026-03-01"_s);
    QCOMPARE(sample.records.at(0).value(u"Referral source"_s).replace(unneutralise, QString()),
        u"@mention"_s);
}

void TestMappingExport::csvMapsBackToTheSameContacts()
{
    // The export, read by the source reader and mapped by the preset with no change, gives
    // back what the contacts hold.
    QVERIFY(m_cache->upsertFromServer({maya(), daniel()}));
    const QString path = m_dir.path() + u"/roundtrip.csv"_s;
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        ContactExporter exporter(*m_cache, m_lists);
        QString error;
        QVERIFY(exporter.writeCsv(
            exportRowIds(*m_cache), defaultExportColumns(m_lists), &file, &error));
    }
    const SourceSample sample = sampleSource(path, {});
    QVERIFY2(sample.error.isEmpty(), qPrintable(sample.error));
    const Profile profile = suggestProfile(sample, m_lists);
    QCOMPARE(profile.name, u"ContactDesk CSV export"_s);
    const RowMapper mapper(profile, m_lists);
    QVERIFY(mapper.drift(sample.columns).isEmpty());

    const MappedRow mayaRow = mapper.map(sample.records.at(1));
    QVERIFY2(mayaRow.isValid(), qPrintable(mayaRow.problems.value(0).reason));
    QCOMPARE(written(mayaRow), mayaWritten);
    // Rows match on the contact id the export wrote, so a contact without an email (Daniel)
    // is found too.
    QCOMPARE(profile.match.by, MatchKey::By::ContactId);
    QCOMPARE(mayaRow.matchValue, maya().id);

    // Daniel's assignee is a user the location no longer lists: reported, not guessed.
    const MappedRow danielRow = mapper.map(sample.records.at(0));
    QStringList reasons;
    for (const CellProblem& problem : danielRow.problems)
        reasons.append(problem.reason);
    QVERIFY2(
        reasons.join(u' ').contains(u"uGone00000000000001"_s), qPrintable(reasons.join(u'\n')));
    QVERIFY(written(danielRow).contains(u"customField:cfReferral00000001=@mention"_s));
    QVERIFY(written(danielRow).contains(u"customField:cfRenewalDate00001=2026-07-04"_s));
}

void TestMappingExport::chosenColumnsMapBackThroughSuggest()
{
    // A few chosen columns are no preset, but suggest maps them back to the same values.
    QVERIFY(m_cache->upsertFromServer({maya()}));
    QList<ExportColumn> columns;
    for (const ExportColumn& column : defaultExportColumns(m_lists)) {
        if (QStringList {u"Email"_s, u"Phone"_s, u"Membership level"_s, u"Interests"_s}.contains(
                column.title))
            columns.append(column);
    }
    const QString path = m_dir.path() + u"/chosen.csv"_s;
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        ContactExporter exporter(*m_cache, m_lists);
        QString error;
        QVERIFY(exporter.writeCsv(exportRowIds(*m_cache), columns, &file, &error));
    }
    const SourceSample sample = sampleSource(path, {});
    QVERIFY2(sample.error.isEmpty(), qPrintable(sample.error));
    QVERIFY(!recognisePreset(sample.columns, SourceKind::Csv, m_lists));
    const MappedRow row
        = RowMapper(suggestProfile(sample, m_lists), m_lists).map(sample.records.at(0));
    QVERIFY2(row.isValid(), qPrintable(row.problems.value(0).reason));
    QCOMPARE(written(row),
        (QStringList {u"customField:cfInterests0000001=Events|Pricing"_s,
            u"customField:cfMembership0000001=Gold"_s, u"email=maya@example.com"_s,
            u"phone=+14155550101"_s}));
}

void TestMappingExport::batchesProgressAndCancel()
{
    QList<Api::Contact> contacts;
    for (int i = 0; i < 1201; ++i) {
        Api::Contact contact;
        contact.id = u"c%1"_s.arg(i, 19, 10, QLatin1Char('0'));
        contact.firstName = u"Person"_s;
        contact.lastName = QString::number(i);
        contact.email = u"person%1@example.com"_s.arg(i);
        contacts.append(contact);
    }
    QVERIFY(m_cache->upsertFromServer(contacts));
    const QVector<qint64> rows = exportRowIds(*m_cache);
    QCOMPARE(rows.size(), 1201);

    QList<QPair<qint64, qint64>> calls;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ContactExporter exporter(*m_cache, m_lists);
    QString error;
    QVERIFY(exporter.writeVCard(rows, &buffer, &error, [&](qint64 done, qint64 total) {
        calls.append({done, total});
        return true;
    }));
    QCOMPARE(calls, (QList<QPair<qint64, qint64>> {{500, 1201}, {1000, 1201}, {1201, 1201}}));
    QCOMPARE(exporter.written(), 1201);
    QCOMPARE(buffer.data().count("BEGIN:VCARD\r\n"), 1201);

    QBuffer cancelled;
    cancelled.open(QIODevice::WriteOnly);
    QVERIFY(!exporter.writeCsv(
        rows, coreExportColumns(), &cancelled, &error, [](qint64, qint64) { return false; }));
    QCOMPARE(exporter.written(), 500);
    QCOMPARE(error, u"The export was cancelled after 500 of 1201 contacts."_s);
    QCOMPARE(cancelled.data().count("\r\n"), 501); // the header and the first batch

    // A contact deleted since the list was taken is skipped.
    QVERIFY(m_cache->removeFromServer({contacts.at(0).id}));
    QBuffer afterDelete;
    afterDelete.open(QIODevice::WriteOnly);
    QVERIFY(exporter.writeCsv(rows, coreExportColumns(), &afterDelete, &error));
    QCOMPARE(exporter.written(), 1200);

    QBuffer readOnly; // never opened: every write fails
    QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QBuffer): device not open");
    QVERIFY(!exporter.writeCsv(rows, coreExportColumns(), &readOnly, &error));
    QVERIFY2(error.startsWith(u"Could not write the export"_s), qPrintable(error));
}

void TestMappingExport::searchScope()
{
    QVERIFY(m_cache->upsertFromServer({maya(), daniel()}));
    const QVector<qint64> found = exportRowIds(*m_cache, u"maya"_s);
    QCOMPARE(found, QVector<qint64> {m_cache->rowIdFor(maya().id)});
    const QVector<qint64> all = exportRowIds(*m_cache);
    QCOMPARE(all, (QVector<qint64> {m_cache->rowIdFor(daniel().id), m_cache->rowIdFor(maya().id)}));
}

QTEST_GUILESS_MAIN(TestMappingExport)
#include "tst_mappingexport.moc"
