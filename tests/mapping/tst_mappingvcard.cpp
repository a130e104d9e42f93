#include "mapping/presets.h"
#include "mapping/rowmapper.h"
#include "mapping/suggest.h"
#include "mapping/vcardwriter.h"
#include "mappingexporthelpers.h"
#include "mappingtestlists.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Mapping;
using namespace ContactDesk::Mapping::Testing;
using namespace Qt::StringLiterals;

namespace {

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

// The vCard 4.0 export: the card text (escaping, folding), and the ContactDesk vCard preset
// reading it back through the vCard reader and the row mapper.
class TestMappingVCard : public QObject
{
    Q_OBJECT

private slots:
    void vcardText();
    void vcardFolding();
    void contactDeskVCardPresetReadsTheCards();
    void vcardReadBackThroughTheReader();
    void vcardMapsBackToTheSameContacts();

private:
    QTemporaryDir m_dir;
    Api::LocationLists m_lists = sandboxLikeLists();
};

void TestMappingVCard::vcardText()
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

void TestMappingVCard::vcardFolding()
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

void TestMappingVCard::contactDeskVCardPresetReadsTheCards()
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
            u"X-CONTACTDESK-ID=contactId"_s}));
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

void TestMappingVCard::vcardReadBackThroughTheReader()
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
    const auto extractFrom = [&](const Record& card, const QString& column, const QString& field) {
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
    const auto extract = [&](const QString& column, const QString& field) {
        return extractFrom(sample.records.at(0), column, field);
    };
    QCOMPARE(extract(u"N"_s, u"firstName"_s), u"Maya"_s);
    QCOMPARE(extract(u"N"_s, u"lastName"_s), maya().lastName);
    QCOMPARE(extract(u"ADR"_s, u"address1"_s), maya().address1);
    QCOMPARE(extract(u"ADR"_s, u"postalCode"_s), u"62701"_s);
    QCOMPARE(extract(u"ADR"_s, u"country"_s), u"US"_s);
    QCOMPARE(extract(u"ORG"_s, u"companyName"_s), maya().companyName);
    QCOMPARE(sample.records.at(0).value(u"BDAY"_s), u"19850115"_s);
    // The folded, escaped long organisation reads back whole, its ';' included.
    QCOMPARE(extractFrom(sample.records.at(1), u"ORG"_s, u"companyName"_s).trimmed(),
        QString(u"Zürich Überseeküche, Ltd; "_s).repeated(5).trimmed());
}

void TestMappingVCard::vcardMapsBackToTheSameContacts()
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

QTEST_GUILESS_MAIN(TestMappingVCard)
#include "tst_mappingvcard.moc"
