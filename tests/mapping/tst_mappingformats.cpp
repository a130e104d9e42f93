// JSON, NDJSON and vCard sources as a mapping rule reads them: the paths (dotted with indexes,
// vCard properties with parameters), the values, the records with problems; Record::values'
// matching; the source options of a saved profile.
#include "mapping/source.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringEncoder>
#include <QTest>

#include <memory>

using namespace ContactDesk::Mapping;
using namespace Qt::StringLiterals;

namespace {

std::unique_ptr<SourceReader> openBytes(
    const QByteArray& bytes, const QString& name, QString* error)
{
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(bytes);
    buffer->open(QIODevice::ReadOnly);
    return SourceReader::open(std::move(buffer), name, {}, error);
}

QList<Record> readAll(const QByteArray& bytes, const char* fileName, QString* error = nullptr)
{
    const QString name = QString::fromLatin1(fileName);
    QString openError;
    const auto reader = openBytes(bytes, name, &openError);
    if (!reader) {
        if (error)
            *error = openError;
        return {};
    }
    QList<Record> records;
    Record record;
    while (reader->next(&record))
        records.append(record);
    if (error)
        *error = reader->error();
    return records;
}

using Fields = QList<RecordField>;

} // namespace

class TestMappingFormats : public QObject
{
    Q_OBJECT

private slots:
    void jsonPaths();
    void jsonElementProblems();
    void ndjsonLines();
    void vcard_data();
    void vcard();
    void encodedJsonAndVCard();
    void vcardCardWithoutEnd();
    void recordValues_data();
    void recordValues();
    void sourceOptionsJson();
    void sourceOptionsProblems_data();
    void sourceOptionsProblems();
};

void TestMappingFormats::jsonPaths()
{
    const QByteArray bytes(R"([
  {"id": 12345678901234567, "profile": {"first": "Maya", "emails": [{"address": "maya@x.test"},
   {"address": "m.okafor@x.test"}]}, "tags": ["vip", "lead"], "score": 4.5, "active": true,
   "notes": null, "quote": "a \"b\", c ] }", "empty": [], "nested": [[1, 2], [3]]},
  {"id": 2, "profile": {"first": "Bo\u00e9"}, "tags": []}
])");
    QString error;
    const auto reader = openBytes(bytes, QStringLiteral("users.json"), &error);
    QVERIFY2(reader, qPrintable(error));
    QCOMPARE(reader->effectiveOptions().kind, SourceKind::Json);
    Record first;
    QVERIFY(reader->next(&first));
    QCOMPARE(first.line, 2);
    QVERIFY(first.problems.isEmpty());
    const Fields expected {{u"id"_s, u"12345678901234567"_s}, {u"profile.first"_s, u"Maya"_s},
        {u"profile.emails[0].address"_s, u"maya@x.test"_s},
        {u"profile.emails[1].address"_s, u"m.okafor@x.test"_s}, {u"tags[0]"_s, u"vip"_s},
        {u"tags[1]"_s, u"lead"_s}, {u"score"_s, u"4.5"_s}, {u"active"_s, u"true"_s},
        {u"notes"_s, u""_s}, {u"quote"_s, u"a \"b\", c ] }"_s}, {u"nested[0][0]"_s, u"1"_s},
        {u"nested[0][1]"_s, u"2"_s}, {u"nested[1][0]"_s, u"3"_s}};
    // QJsonObject orders keys; the paths are the same set.
    QCOMPARE(first.fields.size(), expected.size());
    for (const RecordField& field : expected)
        QCOMPARE(first.value(field.path), field.value);
    QCOMPARE(first.values(u"tags"_s), (QStringList {u"vip"_s, u"lead"_s}));
    QCOMPARE(first.values(u"profile.emails[1].address"_s), QStringList {u"m.okafor@x.test"_s});
    QVERIFY(first.values(u"profile.emails"_s).isEmpty()); // elements are objects, not values
    Record second;
    QVERIFY(reader->next(&second));
    QCOMPARE(second.line, 5);
    QCOMPARE(second.value(u"profile.first"_s), QString::fromUtf8("Boé"));
    QVERIFY(second.values(u"tags"_s).isEmpty());
    Record none;
    QVERIFY(!reader->next(&none));
    QVERIFY(reader->error().isEmpty());
    QVERIFY(reader->columns().contains(u"profile.emails[1].address"_s));
    QVERIFY(reader->columns().contains(u"id"_s));
}

void TestMappingFormats::jsonElementProblems()
{
    // An element that is not an object is a record with a problem; the rest still reads.
    QString error;
    const QList<Record> records
        = readAll("[{\"a\": 1},\n 42,\n \"text\",\n {\"a\": }, [1], {\"a\": 3}]", "x.json", &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(records.size(), 6);
    QVERIFY(records.at(0).problems.isEmpty());
    QCOMPARE(records.at(1).problems,
        QStringList {u"element 2 (line 2) is a number, not a JSON object"_s});
    QCOMPARE(records.at(2).problems,
        QStringList {u"element 3 (line 3) is a string, not a JSON object"_s});
    QCOMPARE(records.at(3).problems.size(), 1);
    QVERIFY2(records.at(3).problems.first().startsWith(u"element 4 (line 4): "_s),
        qPrintable(records.at(3).problems.first()));
    QCOMPARE(records.at(4).problems,
        QStringList {u"element 5 (line 4) is an array, not a JSON object"_s});
    QCOMPARE(records.at(5).value(u"a"_s), QString(u"3"_s));
    QVERIFY(records.at(5).problems.isEmpty());
}

void TestMappingFormats::ndjsonLines()
{
    QString error;
    const QList<Record> records = readAll(
        "{\"email\": \"a@x.test\", \"tags\": [\"x\"]}\r\n\r\n   \n{\"email\": \"b@x.test\",}\n"
        "[1, 2]\n{\"email\": \"c@x.test\"}",
        "dump.ndjson", &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(records.size(), 4);
    QCOMPARE(records.at(0).value(u"email"_s), QString(u"a@x.test"_s));
    QCOMPARE(records.at(0).values(u"tags"_s), QStringList {u"x"_s});
    QCOMPARE(records.at(0).line, 1);
    QCOMPARE(records.at(1).line, 4);
    QCOMPARE(records.at(1).problems.size(), 1);
    QVERIFY2(records.at(1).problems.first().startsWith(u"line 4: "_s),
        qPrintable(records.at(1).problems.first()));
    QVERIFY2(records.at(1).problems.first().contains(u"at column"_s),
        qPrintable(records.at(1).problems.first()));
    QCOMPARE(records.at(2).problems, QStringList {u"line 5 is an array, not a JSON object"_s});
    QCOMPARE(records.at(3).value(u"email"_s), QString(u"c@x.test"_s));
    QCOMPARE(records.at(3).number, 4);
}

void TestMappingFormats::vcard_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Fields>("expected"); // path asked -> value(path)

    // Google Contacts exports 3.0 with CRLF.
    QTest::newRow("Google 3.0")
        << QByteArray("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Maya Okafor\r\nN:Okafor;Maya;;;\r\n"
                      "EMAIL;TYPE=INTERNET;TYPE=HOME:maya@contactdesk-demo.test\r\n"
                      "TEL;TYPE=CELL:+1 555 0100\r\nTEL;TYPE=WORK:+1 555 0199\r\n"
                      "ADR;TYPE=HOME:;;12 Main St;Austin;TX;78701;US\r\n"
                      "ORG:Okafor\\, Brooks & Co.\r\nCATEGORIES:myContacts,VIP\r\n"
                      "NOTE:first line\\nsecond\\; with semicolon\r\nEND:VCARD\r\n")
        << Fields {{u"FN"_s, u"Maya Okafor"_s}, {u"N"_s, u"Okafor;Maya;;;"_s},
               {u"EMAIL;TYPE=home"_s, u"maya@contactdesk-demo.test"_s},
               {u"TEL;TYPE=cell"_s, u"+1 555 0100"_s}, {u"TEL;TYPE=work"_s, u"+1 555 0199"_s},
               {u"TEL"_s, u"+1 555 0100"_s}, {u"ADR"_s, u";;12 Main St;Austin;TX;78701;US"_s},
               {u"ORG"_s, u"Okafor, Brooks & Co."_s}, {u"CATEGORIES"_s, u"myContacts,VIP"_s},
               {u"NOTE"_s, u"first line\nsecond; with semicolon"_s}};
    // Apple: item groups, comma lists of types, lower-case "type", a folded base64 PHOTO.
    QTest::newRow("Apple 3.0") << QByteArray(
        "BEGIN:VCARD\nVERSION:3.0\nPRODID:-//Apple Inc.//iPhone OS 17.0//EN\n"
        "N:Raman;Priya;;Dr.;\nFN:Dr. Priya Raman\n"
        "item1.EMAIL;type=INTERNET;type=pref:priya@contactdesk-demo.test\n"
        "item1.X-ABLabel:_$!<Other>!$_\n"
        "TEL;type=CELL;type=VOICE;type=pref:(512) 555-0142\n"
        "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD\n"
        " /2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0a\n"
        "NOTE:a long note that Apple folded over\n  two lines\nEND:VCARD\n")
                               << Fields {{u"N"_s, u"Raman;Priya;;Dr.;"_s},
                                      {u"EMAIL;TYPE=pref"_s, u"priya@contactdesk-demo.test"_s},
                                      {u"TEL;TYPE=cell"_s, u"(512) 555-0142"_s},
                                      {u"TEL;TYPE=voice,cell"_s, u"(512) 555-0142"_s},
                                      {u"X-ABLABEL"_s, u"_$!<Other>!$_"_s}, {u"PHOTO"_s, u""_s},
                                      {u"NOTE"_s,
                                          u"a long note that Apple folded over two lines"_s}};
    // Outlook writes 2.1-style parameters and QUOTED-PRINTABLE with a CHARSET.
    QTest::newRow("Outlook 2.1 style")
        << QByteArray(
               "BEGIN:VCARD\r\nVERSION:2.1\r\n"
               "N;LANGUAGE=de;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=F6rg\r\n"
               "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=B6rg M=C3=BC=\r\nller\r\n"
               "TEL;CELL;VOICE:+49 30 1234567\r\nEMAIL;PREF;INTERNET:joerg@x.test\r\n"
               "END:VCARD\r\n")
        << Fields {{u"N"_s, QString::fromUtf8("Müller;Jörg")},
               {u"FN"_s, QString::fromUtf8("Jörg Müller")},
               {u"TEL;TYPE=cell"_s, u"+49 30 1234567"_s}, {u"TEL;CELL"_s, u"+49 30 1234567"_s},
               {u"EMAIL;TYPE=internet"_s, u"joerg@x.test"_s}};
    // 4.0: tel: URIs, quoted parameter values, a PHOTO as a data: URI.
    QTest::newRow("4.0") << QByteArray(
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Lukas Becker\r\nN:Becker;Lukas;;;\r\n"
        "TEL;VALUE=uri;TYPE=\"cell,voice\";PREF=1:tel:+49-30-555-0101\r\n"
        "EMAIL;TYPE=work:lukas@contactdesk-demo.test\r\n"
        "PHOTO:data:image/jpeg;base64,MIICajCCAdOgAwIBAgICBEUwDQYJKoZIhvcN\r\n"
        "ADR;TYPE=work;LABEL=\"Hauptstr. 1\\n10115 Berlin\":;;Hauptstr. 1;Berlin;;10115;DE\r\n"
        "END:VCARD\r\n")
                         << Fields {{u"TEL;TYPE=cell"_s, u"+49-30-555-0101"_s},
                                {u"TEL;PREF=1"_s, u"+49-30-555-0101"_s},
                                {u"EMAIL;TYPE=WORK"_s, u"lukas@contactdesk-demo.test"_s},
                                {u"ADR;TYPE=work"_s, u";;Hauptstr. 1;Berlin;;10115;DE"_s},
                                {u"PHOTO"_s, u""_s}};
}

void TestMappingFormats::vcard()
{
    QFETCH(QByteArray, bytes);
    QFETCH(Fields, expected);
    QString error;
    const QList<Record> records = readAll(bytes + bytes, "contacts.vcf", &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(records.size(), 2); // the same card twice
    for (const Record& record : records) {
        QVERIFY2(record.problems.isEmpty(), qPrintable(record.problems.join(u'\n')));
        for (const RecordField& field : expected)
            QCOMPARE(record.value(field.path), field.value);
        for (const RecordField& field : record.fields) {
            QVERIFY(!field.path.startsWith(u"VERSION"_s));
            QVERIFY(!field.path.startsWith(u"PHOTO"_s)); // base64 photos are skipped
            QVERIFY(!field.path.contains(u"ENCODING"_s) && !field.path.contains(u"CHARSET"_s));
        }
    }
    QCOMPARE(records.at(0).line, 1);
    QCOMPARE(records.at(1).line, bytes.count('\n') + 1);
}

void TestMappingFormats::encodedJsonAndVCard()
{
    // Windows tools write UTF-16 with a BOM; the readers see the same text.
    QStringEncoder utf16(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
    QString error;
    const QList<Record> cards
        = readAll(utf16.encode(u"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Müller\r\nEND:VCARD\r\n"_s),
            "zoe.vcf", &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(cards.size(), 1);
    QCOMPARE(cards.first().value(u"FN"_s), u"Zoë Müller"_s);
    QStringEncoder again(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
    const QList<Record> users
        = readAll(again.encode(u"[{\"name\": \"Zoë\"}]"_s), "users.json", &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(users.size(), 1);
    QCOMPARE(users.first().value(u"name"_s), u"Zoë"_s);
}

void TestMappingFormats::vcardCardWithoutEnd()
{
    QString error;
    const QList<Record> records
        = readAll("BEGIN:VCARD\nVERSION:3.0\nFN:One\nBEGIN:VCARD\nVERSION:3.0\nFN:Two\nEND:VCARD\n"
                  "BEGIN:VCARD\nFN:Three\nnot a property\n",
            "x.vcf", &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.at(0).value(u"FN"_s), QString(u"One"_s));
    QCOMPARE(
        records.at(0).problems, QStringList {u"the card that starts at line 1 has no END:VCARD"_s});
    QCOMPARE(records.at(1).value(u"FN"_s), QString(u"Two"_s));
    QVERIFY(records.at(1).problems.isEmpty());
    QCOMPARE(records.at(1).line, 4);
    QCOMPARE(records.at(2).value(u"FN"_s), QString(u"Three"_s));
    QCOMPARE(records.at(2).problems,
        (QStringList {u"line 10 is not a vCard property (no ':'): not a property"_s,
            u"the card that starts at line 8 has no END:VCARD"_s}));
}

void TestMappingFormats::recordValues_data()
{
    QTest::addColumn<Fields>("fields");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("values");

    const Fields json {{u"emails[0]"_s, u"a@x.test"_s}, {u"emails[1]"_s, u"b@x.test"_s},
        {u"emails10"_s, u"not an element"_s}, {u"profile.emails[0].address"_s, u"c@x.test"_s},
        {u"tags"_s, u"exact wins"_s}, {u"tags[0]"_s, u"t"_s}};
    QTest::newRow("exact") << json << u"emails[1]"_s << QStringList {u"b@x.test"_s};
    QTest::newRow("array elements")
        << json << u"emails"_s << QStringList {u"a@x.test"_s, u"b@x.test"_s};
    QTest::newRow("exact before elements") << json << u"tags"_s << QStringList {u"exact wins"_s};
    QTest::newRow("no elements of objects") << json << "profile.emails" << QStringList {};
    QTest::newRow("missing") << json << "phone" << QStringList {};

    const Fields card {{u"TEL;TYPE=cell;TYPE=pref"_s, u"1"_s}, {u"TEL;TYPE=CELL,voice"_s, u"2"_s},
        {u"TEL;TYPE=work"_s, u"3"_s}, {u"TEL"_s, u"4"_s}, {u"EMAIL;TYPE=\"home\""_s, u"e"_s}};
    QTest::newRow("bare name names all")
        << card << u"TEL"_s << QStringList {u"1"_s, u"2"_s, u"3"_s, u"4"_s};
    QTest::newRow("bare name, other case")
        << card << u"tel"_s << QStringList {u"1"_s, u"2"_s, u"3"_s, u"4"_s};
    QTest::newRow("parameter subset") << card << u"TEL;TYPE=cell"_s << QStringList {u"1"_s, u"2"_s};
    QTest::newRow("two parameters")
        << card << u"TEL;TYPE=cell;TYPE=voice"_s << QStringList {u"2"_s};
    QTest::newRow("comma list asked") << card << u"TEL;TYPE=pref,cell"_s << QStringList {u"1"_s};
    QTest::newRow("quoted parameter") << card << u"EMAIL;TYPE=home"_s << QStringList {u"e"_s};
    QTest::newRow("no match") << card << "TEL;TYPE=fax" << QStringList {};
}

void TestMappingFormats::recordValues()
{
    QFETCH(Fields, fields);
    QFETCH(QString, path);
    QFETCH(QStringList, values);
    Record record;
    record.fields = fields;
    QCOMPARE(record.values(path), values);
    QCOMPARE(record.value(path), values.value(0));
}

void TestMappingFormats::sourceOptionsJson()
{
    SourceOptions options;
    QCOMPARE(options.toJson(), (QJsonObject {{u"header"_s, true}}));
    options.kind = SourceKind::Csv;
    options.encoding = QStringLiteral("windows-1252");
    options.delimiter = u'\t';
    options.header = false;
    const QJsonObject json = options.toJson();
    QCOMPARE(json,
        (QJsonObject {{u"kind"_s, u"csv"_s}, {u"encoding"_s, u"windows-1252"_s},
            {u"delimiter"_s, u"tab"_s}, {u"header"_s, false}}));
    QStringList problems;
    const std::optional<SourceOptions> again = SourceOptions::fromJson(json, &problems);
    QVERIFY(problems.isEmpty());
    QVERIFY(again);
    QCOMPARE(*again, options);
    for (const SourceKind kind :
        {SourceKind::Csv, SourceKind::Json, SourceKind::Ndjson, SourceKind::VCard})
        QCOMPARE(sourceKindFromName(sourceKindName(kind)), kind);
    QVERIFY(!sourceKindFromName(u"xml"_s));
}

void TestMappingFormats::sourceOptionsProblems_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QStringList>("problems");
    QTest::newRow("kind") << QJsonObject {{u"kind"_s,
        u"xml"_s}} << QStringList {u"source.kind: must be one of csv, json, ndjson, vcard"_s};
    QTest::newRow("delimiter") << QJsonObject {{u"delimiter"_s, u":"_s}}
                               << QStringList {u"source.delimiter: must be one of , ; tab |"_s};
    QTest::newRow("encoding") << QJsonObject {{u"encoding"_s, u"klingon-8"_s}}
                              << QStringList {u"source.encoding: unknown encoding 'klingon-8'"_s};
    QTest::newRow("header") << QJsonObject {{u"header"_s, u"yes"_s}}
                            << QStringList {u"source.header: must be true or false"_s};
    QTest::newRow("unknown key and kind type")
        << QJsonObject {{u"kind"_s, 3}, {u"sheet"_s, u"1"_s}}
        << QStringList {u"source.kind: must be one of csv, json, ndjson, vcard"_s,
               u"source.sheet: unknown key"_s};
}

void TestMappingFormats::sourceOptionsProblems()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, problems);
    QStringList found;
    QVERIFY(!SourceOptions::fromJson(json, &found));
    QCOMPARE(found, problems);
}

QTEST_GUILESS_MAIN(TestMappingFormats)
#include "tst_mappingformats.moc"
