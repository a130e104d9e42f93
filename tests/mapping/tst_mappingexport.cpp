#include "mapping/contactexport.h"
#include "mapping/presets.h"
#include "mapping/rowmapper.h"
#include "mapping/spreadsheetsafety.h"
#include "mapping/suggest.h"
#include "mapping/vcardwriter.h"
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
using namespace Qt::StringLiterals;
using Mapping::Testing::sandboxLikeLists;
using Mapping::Testing::targetText;

namespace {

Api::Contact maya()
{
    Api::Contact contact;
    contact.id = u"c0000000000000000001"_s;
    contact.locationId = u"ve9EPM428h8vShlRW1KT"_s;
    contact.firstName = u"Maya"_s;
    contact.lastName = u"O'Neil \"Mo\""_s;
    contact.email = u"maya@example.com"_s;
    contact.phone = u"+14155550101"_s;
    contact.companyName = u"Okafor, Brooks & Co"_s;
    contact.address1 = u"1 Main St\nSuite 5"_s;
    contact.city = u"Springfield"_s;
    contact.state = u"IL"_s;
    contact.postalCode = u"62701"_s;
    contact.country = u"US"_s;
    contact.website = u"https://example.com"_s;
    contact.source = u"=HYPERLINK(\"http://x\")"_s;
    contact.dateOfBirth = QDate(1985, 1, 15);
    contact.tags = {u"vip"_s, u"newsletter"_s};
    contact.assignedTo = u"uMaya00000000000001"_s;
    contact.customFields = {
        {u"cfMembership0000001"_s, {}, u"Gold"_s},
        {u"cfLeadScore00000001"_s, {}, 42},
        {u"cfLifetimeValue0001"_s, {}, 1234.5},
        {u"cfRenewalDate00001"_s, {},
            double(QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch())},
        {u"cfInterests0000001"_s, {}, QJsonArray {u"Events"_s, u"Pricing"_s}},
    };
    contact.dateAdded = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
    return contact;
}

Api::Contact daniel()
{
    Api::Contact contact;
    contact.id = u"c0000000000000000002"_s;
    contact.locationId = u"ve9EPM428h8vShlRW1KT"_s;
    contact.firstName = u"Daniel"_s;
    contact.lastName = u"Brooks"_s;
    contact.phone = u"-5"_s; // a formula-like value, whatever its meaning
    contact.assignedTo = u"uGone00000000000001"_s; // a user the location no longer lists
    contact.customFields = {{u"cfReferral00000001"_s, {}, u"@mention"_s},
        {u"cfRenewalDate00001"_s, {}, u"2026-07-04T00:00:00.000Z"_s}};
    contact.dateAdded = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
    return contact;
}

QStringList titles(const QList<ExportColumn>& columns)
{
    QStringList result;
    for (const ExportColumn& column : columns)
        result.append(column.title);
    return result;
}

// The property names with parameters of a card's content lines, as a vCard source lists them.
QStringList vcardColumns(const QByteArray& card)
{
    QByteArray unfolded = card;
    unfolded.replace("\r\n ", "");
    QStringList columns;
    for (const QByteArray& line : unfolded.split('\n')) {
        const QString text = QString::fromUtf8(line).trimmed();
        const QString name = text.section(u':', 0, 0);
        if (text.isEmpty() || name == u"BEGIN" || name == u"END" || columns.contains(name))
            continue;
        columns.append(name);
    }
    return columns;
}

} // namespace

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
    void vcardText();
    void vcardFolding();
    void contactDeskPresetReadsEveryExportedColumn();
    void contactDeskVCardPresetReadsTheCards();
    void csvReadBackThroughTheReader();
    void vcardReadBackThroughTheReader();
    void csvMapsBackToTheSameContacts();
    void vcardMapsBackToTheSameContacts();
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

void TestMappingExport::vcardText()
{
    QCOMPARE(VCard::card(maya()),
        QByteArray("BEGIN:VCARD\r\n"
                   "VERSION:4.0\r\n"
                   "FN:Maya O'Neil \"Mo\"\r\n"
                   "N:O'Neil \"Mo\";Maya;;;\r\n"
                   "EMAIL:maya@example.com\r\n"
                   "TEL;VALUE=uri;TYPE=cell:tel:+14155550101\r\n"
                   "ORG:Okafor\\, Brooks & Co\r\n"
                   "ADR:;;1 Main St\\nSuite 5;Springfield;IL;62701;US\r\n"
                   "URL:https://example.com\r\n"
                   "BDAY:19850115\r\n"
                   "CATEGORIES:vip,newsletter\r\n"
                   "X-CONTACTDESK-ID:c0000000000000000001\r\n"
                   "END:VCARD\r\n"));
    QCOMPARE(VCard::escapeText(u"a\\b;c,d\r\ne"_s), u"a\\\\b\\;c\\,d\\ne"_s);
    // A contact with no name still has the FN vCard requires.
    Api::Contact emailOnly;
    emailOnly.id = u"c3"_s;
    emailOnly.email = u"only@example.com"_s;
    QVERIFY(VCard::card(emailOnly).contains("\r\nFN:only@example.com\r\n"));
    QVERIFY(!VCard::card(emailOnly).contains("\r\nN:"));
}

void TestMappingExport::vcardFolding()
{
    const QString line = u"ORG:"_s + QString(u"Zürich Überseeküche Ltd. "_s).repeated(8);
    const QByteArray folded = VCard::foldLine(line);
    QVERIFY(folded.endsWith("\r\n"));
    const QList<QByteArray> lines = folded.chopped(2).split('\n');
    QVERIFY(lines.size() > 3);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray physical = lines.at(i);
        if (physical.endsWith('\r'))
            physical.chop(1);
        QVERIFY2(physical.size() <= 75, physical.constData());
        if (i > 0) {
            QVERIFY(physical.startsWith(' '));
            // Never inside a UTF-8 sequence: the first octet after the space is not a
            // continuation octet.
            QVERIFY((uchar(physical.at(1)) & 0xC0) != 0x80);
        }
    }
    QByteArray unfolded = folded;
    unfolded.replace("\r\n ", "");
    QCOMPARE(QString::fromUtf8(unfolded.chopped(2)), line);
    QCOMPARE(VCard::foldLine(u"FN:Maya"_s), QByteArray("FN:Maya\r\n"));
    QCOMPARE(VCard::foldLine(QString(75, u'x')), QByteArray(75, 'x') + "\r\n");
    QCOMPARE(VCard::foldLine(QString(76, u'x')), QByteArray(75, 'x') + "\r\n x\r\n");
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
    const QHash<QString, QString> expected {{u"Contact ID"_s, u"ignore"_s},
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

void TestMappingExport::contactDeskVCardPresetReadsTheCards()
{
    const QStringList columns = vcardColumns(VCard::card(maya()));
    QCOMPARE(columns,
        (QStringList {u"VERSION"_s, u"FN"_s, u"N"_s, u"EMAIL"_s, u"TEL;VALUE=uri;TYPE=cell"_s,
            u"ORG"_s, u"ADR"_s, u"URL"_s, u"BDAY"_s, u"CATEGORIES"_s, u"X-CONTACTDESK-ID"_s}));
    const auto match = recognisePreset(columns, SourceKind::VCard, m_lists);
    QVERIFY(match);
    QCOMPARE(match->id, u"contactdeskVCard"_s);
    QVERIFY(!recognisePreset(columns, SourceKind::Csv, m_lists));

    SourceSample sample;
    sample.options.kind = SourceKind::VCard;
    sample.columns = columns;
    const Profile profile = suggestProfile(sample, m_lists);
    QCOMPARE(profile.name, u"ContactDesk vCard export"_s);
    QStringList targets;
    for (const Rule& rule : profile.rules) {
        QCOMPARE(rule.confidence, 1.0);
        targets.append(rule.sources.constFirst() + u'=' + targetText(rule.target));
    }
    QCOMPARE(targets,
        (QStringList {u"VERSION=ignore"_s, u"FN=ignore"_s, u"N=firstName"_s, u"N=lastName"_s,
            u"EMAIL=email"_s, u"TEL;VALUE=uri;TYPE=cell=phone"_s, u"ORG=companyName"_s,
            u"ADR=address1"_s, u"ADR=city"_s, u"ADR=state"_s, u"ADR=postalCode"_s, u"ADR=country"_s,
            u"URL=website"_s, u"BDAY=dateOfBirth"_s, u"CATEGORIES=tags"_s,
            u"X-CONTACTDESK-ID=ignore"_s}));
    for (const Rule& rule : profile.rules) {
        for (const Transform& step : rule.transforms)
            QVERIFY(step.op != u"lowerCase");
    }
    // The tel: URI prefix goes before the phone step.
    const Rule& phone = profile.rules.at(5);
    QCOMPARE(QString(u"tel:+14155550101"_s)
                 .replace(QRegularExpression(
                              phone.transforms.value(0).options.value(u"pattern"_s).toString()),
                     QString()),
        u"+14155550101"_s);
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

void TestMappingExport::vcardReadBackThroughTheReader()
{
    const QString path = m_dir.path() + u"/export.vcf"_s;
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        Api::Contact longName = daniel();
        longName.companyName = QString(u"Zürich Überseeküche, Ltd; "_s).repeated(5);
        file.write(VCard::card(maya()) + VCard::card(longName));
    }
    const SourceSample sample = sampleSource(path, {});
    QVERIFY2(sample.error.isEmpty(), qPrintable(sample.error));
    QCOMPARE(sample.options.kind, SourceKind::VCard);
    QCOMPARE(sample.records.size(), 2);
    const auto match = recognisePreset(sample.columns, SourceKind::VCard, m_lists);
    QVERIFY(match);
    QCOMPARE(match->id, u"contactdeskVCard"_s);
    const Profile profile = suggestProfile(sample, m_lists);
    QCOMPARE(profile.name, u"ContactDesk vCard export"_s);

    // The structured values come apart with the preset's patterns.
    const Record& card = sample.records.at(0);
    const auto extract = [&](const QString& column, const QString& field) {
        for (const Rule& rule : profile.rules) {
            if (rule.sources.value(0) != column || rule.target.name != field)
                continue;
            QString value = card.value(column);
            for (const Transform& step : rule.transforms) {
                const QRegularExpression pattern(step.options.value(u"pattern"_s).toString());
                if (step.op == u"regexExtract")
                    value = pattern.match(value).captured(1);
                else if (step.op == u"regexReplace")
                    value.replace(pattern, step.options.value(u"replacement"_s).toString());
            }
            return value;
        }
        return u"no rule"_s;
    };
    QCOMPARE(extract(u"N"_s, u"firstName"_s), u"Maya"_s);
    QCOMPARE(extract(u"N"_s, u"lastName"_s), maya().lastName);
    QCOMPARE(extract(u"ADR"_s, u"address1"_s), maya().address1);
    QCOMPARE(extract(u"ADR"_s, u"postalCode"_s), u"62701"_s);
    QCOMPARE(extract(u"ADR"_s, u"country"_s), u"US"_s);
    QCOMPARE(extract(u"ORG"_s, u"companyName"_s), maya().companyName);
    QCOMPARE(card.value(u"BDAY"_s), u"19850115"_s);
    // The folded, escaped long organisation reads back whole.
    QCOMPARE(
        sample.records.at(1).value(u"ORG"_s), QString(u"Zürich Überseeküche, Ltd; "_s).repeated(5));
}

namespace {

// What the mapped row would write, as "key=value" lines (lists joined with "|").
QStringList written(const MappedRow& row)
{
    QStringList lines;
    for (const MappedValue& value : row.values) {
        QString text;
        if (value.value.isArray()) {
            QStringList items;
            for (const QJsonValue& item : value.value.toArray())
                items.append(item.toString());
            text = items.join(u'|');
        } else if (value.value.isDouble()) {
            text = QString::number(value.value.toDouble());
        } else {
            text = value.value.toString();
        }
        lines.append(value.key + u'=' + text);
    }
    if (!row.tags.isEmpty())
        lines.append(u"tags="_s + row.tags.join(u'|'));
    lines.sort();
    return lines;
}

const QStringList mayaWritten {u"address1=1 Main St\nSuite 5"_s,
    u"assignedTo=uMaya00000000000001"_s, u"city=Springfield"_s,
    u"companyName=Okafor, Brooks & Co"_s, u"country=US"_s,
    u"customField:cfInterests0000001=Events|Pricing"_s, u"customField:cfLeadScore00000001=42"_s,
    u"customField:cfLifetimeValue0001=1234.5"_s, u"customField:cfMembership0000001=Gold"_s,
    u"customField:cfRenewalDate00001=2026-03-01"_s, u"dateOfBirth=1985-01-15"_s,
    u"email=maya@example.com"_s, u"firstName=Maya"_s, u"lastName=O'Neil \"Mo\""_s,
    u"phone=+14155550101"_s, u"postalCode=62701"_s, u"source==HYPERLINK(\"http://x\")"_s,
    u"state=IL"_s, u"tags=vip|newsletter"_s, u"website=https://example.com"_s};

} // namespace

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
    QCOMPARE(mayaRow.matchValue, u"maya@example.com"_s);

    // Daniel has no email to match on, and an assignee the location no longer lists: both
    // are reported, not guessed.
    const MappedRow danielRow = mapper.map(sample.records.at(0));
    QStringList reasons;
    for (const CellProblem& problem : danielRow.problems)
        reasons.append(problem.reason);
    QVERIFY2(
        reasons.join(u' ').contains(u"uGone00000000000001"_s), qPrintable(reasons.join(u'\n')));
    QVERIFY(written(danielRow).contains(u"customField:cfReferral00000001=@mention"_s));
    QVERIFY(written(danielRow).contains(u"customField:cfRenewalDate00001=2026-07-04"_s));
}

void TestMappingExport::vcardMapsBackToTheSameContacts()
{
    const QString path = m_dir.path() + u"/roundtrip.vcf"_s;
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(VCard::card(maya()));
    }
    const SourceSample sample = sampleSource(path, {});
    QVERIFY2(sample.error.isEmpty(), qPrintable(sample.error));
    const Profile profile = suggestProfile(sample, m_lists);
    QCOMPARE(profile.name, u"ContactDesk vCard export"_s);
    const MappedRow row = RowMapper(profile, m_lists).map(sample.records.at(0));
    QVERIFY2(row.isValid(), qPrintable(row.problems.value(0).reason));
    // The card carries the contact's own fields (no custom fields, assignee or source).
    QStringList expected;
    for (const QString& line : mayaWritten) {
        if (!line.startsWith(u"customField:"_s) && !line.startsWith(u"assignedTo="_s)
            && !line.startsWith(u"source="_s))
            expected.append(line);
    }
    QCOMPARE(written(row), expected);
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
