// The source readers as an import sees them: CSV cells in every encoding and dialect, the
// messages that stop a file before anything is sent, records with problems, streaming, the kind
// detection. JSON, NDJSON and vCard paths are in tst_mappingformats.
#include "mapping/source.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ContactDesk::Mapping;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ContactDesk::Mapping::SourceOptions)

namespace {

using Rows = QList<QStringList>;

QByteArray encode(const char* encoding, const QString& text)
{
    QStringEncoder encoder(encoding);
    return encoder.encode(text);
}

SourceOptions csvOptions(
    QChar delimiter = QChar(), bool header = true, const QString& encoding = {})
{
    SourceOptions options;
    options.delimiter = delimiter;
    options.header = header;
    options.encoding = encoding;
    return options;
}

QList<Record> readAll(SourceReader* reader)
{
    QList<Record> records;
    Record record;
    while (reader->next(&record))
        records.append(record);
    return records;
}

QStringList valuesOf(const Record& record)
{
    QStringList values;
    for (const RecordField& field : record.fields)
        values.append(field.value);
    return values;
}

} // namespace

class TestMappingSources : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        file.write(bytes);
        return path;
    }

private slots:
    void csvCells_data();
    void csvCells();
    void csvRecordLines();
    void csvRaggedRows();
    void missingFile();
    void openErrors_data();
    void openErrors();
    void errorsWhileReading_data();
    void errorsWhileReading();
    void largeFileIsStreamed();
    void sampleStopsAtMaxRecords();
    void kindDetection_data();
    void kindDetection();
};

void TestMappingSources::csvCells_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<SourceOptions>("options");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QChar>("delimiter");
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<Rows>("rows");

    const QStringList nameEmail {u"Name"_s, u"Email"_s};
    QTest::newRow("LF") << QByteArray("Name,Email\nAda,ada@x.test\nBo,bo@x.test\n") << csvOptions()
                        << u"UTF-8"_s << QChar(u',') << nameEmail
                        << Rows {{u"Ada"_s, u"ada@x.test"_s}, {u"Bo"_s, u"bo@x.test"_s}};
    QTest::newRow("CRLF, no final newline")
        << QByteArray("Name,Email\r\nAda,ada@x.test\r\nBo,bo@x.test") << csvOptions() << u"UTF-8"_s
        << QChar(u',') << nameEmail
        << Rows {{u"Ada"_s, u"ada@x.test"_s}, {u"Bo"_s, u"bo@x.test"_s}};
    QTest::newRow("quoted comma, quote and newline")
        << QByteArray("Name,Note\r\n\"Okafor, Maya\",\"said \"\"hi\"\"\r\nthen left\"\r\n")
        << csvOptions() << u"UTF-8"_s << QChar(u',') << QStringList {u"Name"_s, u"Note"_s}
        << Rows {{u"Okafor, Maya"_s, u"said \"hi\"\r\nthen left"_s}};
    QTest::newRow("spaces kept") << QByteArray("Name,City\n  Ada ,\tLondon \n") << csvOptions()
                                 << u"UTF-8"_s << QChar(u',') << QStringList {u"Name"_s, u"City"_s}
                                 << Rows {{u"  Ada "_s, u"\tLondon "_s}};
    QTest::newRow("empty cells") << QByteArray("a,b,c\n,,\nx,,z\n") << csvOptions() << u"UTF-8"_s
                                 << QChar(u',') << QStringList {u"a"_s, u"b"_s, u"c"_s}
                                 << Rows {{u""_s, u""_s, u""_s}, {u"x"_s, u""_s, u"z"_s}};
    QTest::newRow("semicolon") << QByteArray("Name;City;Zip\nAda;Paris, FR;75001\nBo;Lyon;69001\n")
                               << csvOptions() << u"UTF-8"_s << QChar(u';')
                               << QStringList {u"Name"_s, u"City"_s, u"Zip"_s}
                               << Rows {{u"Ada"_s, u"Paris, FR"_s, u"75001"_s},
                                      {u"Bo"_s, u"Lyon"_s, u"69001"_s}};
    QTest::newRow("tab") << QByteArray("Name\tCity\nAda\tSan Jose, CA\n") << csvOptions()
                         << u"UTF-8"_s << QChar(u'\t') << QStringList {u"Name"_s, u"City"_s}
                         << Rows {{u"Ada"_s, u"San Jose, CA"_s}};
    QTest::newRow("pipe") << QByteArray("Name|Tags\nAda|a;b,c\nBo|d\n") << csvOptions()
                          << u"UTF-8"_s << QChar(u'|') << QStringList {u"Name"_s, u"Tags"_s}
                          << Rows {{u"Ada"_s, u"a;b,c"_s}, {u"Bo"_s, u"d"_s}};
    QTest::newRow("comma inside quotes does not win")
        << QByteArray("Name;Note\n\"a,b,c\";x\n\"d,e,f\";y\n") << csvOptions() << u"UTF-8"_s
        << QChar(u';') << QStringList {u"Name"_s, u"Note"_s}
        << Rows {{u"a,b,c"_s, u"x"_s}, {u"d,e,f"_s, u"y"_s}};
    QTest::newRow("delimiter chosen")
        << QByteArray("a;b,c\n1;2,3\n") << csvOptions(u',') << u"UTF-8"_s << QChar(u',')
        << QStringList {u"a;b"_s, u"c"_s} << Rows {{u"1;2"_s, u"3"_s}};
    QTest::newRow("no header") << QByteArray("Ada,ada@x.test\nBo,bo@x.test\n")
                               << csvOptions(QChar(), false) << u"UTF-8"_s << QChar(u',')
                               << QStringList {u"Column 1"_s, u"Column 2"_s}
                               << Rows {{u"Ada"_s, u"ada@x.test"_s}, {u"Bo"_s, u"bo@x.test"_s}};
    QTest::newRow("empty header cell named by position")
        << QByteArray("Name,,Zip\nAda,x,1\n") << csvOptions() << u"UTF-8"_s << QChar(u',')
        << QStringList {u"Name"_s, u"Column 2"_s, u"Zip"_s} << Rows {{u"Ada"_s, u"x"_s, u"1"_s}};

    const QString text = u"Name,City\nZoë Müller,Köln\nRenée,Besançon\n"_s;
    const Rows accented {{u"Zoë Müller"_s, u"Köln"_s}, {u"Renée"_s, u"Besançon"_s}};
    QTest::newRow("UTF-8") << text.toUtf8() << csvOptions() << u"UTF-8"_s << QChar(u',')
                           << QStringList {u"Name"_s, u"City"_s} << accented;
    QTest::newRow("UTF-8 BOM") << QByteArray("\xEF\xBB\xBF" + text.toUtf8()) << csvOptions()
                               << u"UTF-8"_s << QChar(u',') << QStringList {u"Name"_s, u"City"_s}
                               << accented;
    QTest::newRow("UTF-16LE BOM") << QByteArray("\xFF\xFE" + encode("UTF-16LE", text))
                                  << csvOptions() << u"UTF-16LE"_s << QChar(u',')
                                  << QStringList {u"Name"_s, u"City"_s} << accented;
    QTest::newRow("UTF-16BE BOM") << QByteArray("\xFE\xFF" + encode("UTF-16BE", text))
                                  << csvOptions() << u"UTF-16BE"_s << QChar(u',')
                                  << QStringList {u"Name"_s, u"City"_s} << accented;
    QTest::newRow("UTF-16LE chosen, no BOM")
        << encode("UTF-16LE", text) << csvOptions(QChar(), true, u"UTF-16LE"_s) << u"UTF-16LE"_s
        << QChar(u',') << QStringList {u"Name"_s, u"City"_s} << accented;
    const QString latin
        = u"Name,Note\nRenée,Café crème brûlée à la française\nGérard,Élève très âgé\n"_s;
    const Rows latinRows {
        {u"Renée"_s, u"Café crème brûlée à la française"_s}, {u"Gérard"_s, u"Élève très âgé"_s}};
    // uchardet names Latin-1 what Excel writes as windows-1252: the same letters here.
    QTest::newRow("windows-1252 detected")
        << encode("windows-1252", latin) << csvOptions() << u"ISO-8859-1"_s << QChar(u',')
        << QStringList {u"Name"_s, u"Note"_s} << latinRows;
    QTest::newRow("windows-1252 chosen")
        << encode("windows-1252", latin) << csvOptions(QChar(), true, u"windows-1252"_s)
        << u"windows-1252"_s << QChar(u',') << QStringList {u"Name"_s, u"Note"_s} << latinRows;
    const QString japanese
        = u"名前,住所\n山田太郎,東京都渋谷区神南一丁目\n佐藤花子,大阪府大阪市北区梅田三丁目\n"
          "鈴木一郎,京都府京都市左京区\n"_s;
    QTest::newRow("Shift_JIS detected")
        << encode("Shift_JIS", japanese) << csvOptions() << u"Shift_JIS"_s << QChar(u',')
        << QStringList {u"名前"_s, u"住所"_s}
        << Rows {{u"山田太郎"_s, u"東京都渋谷区神南一丁目"_s},
               {u"佐藤花子"_s, u"大阪府大阪市北区梅田三丁目"_s},
               {u"鈴木一郎"_s, u"京都府京都市左京区"_s}};
}

void TestMappingSources::csvCells()
{
    QFETCH(QByteArray, bytes);
    QFETCH(SourceOptions, options);
    QFETCH(QString, encoding);
    QFETCH(QChar, delimiter);
    QFETCH(QStringList, columns);
    QFETCH(Rows, rows);

    QString error;
    const auto reader = SourceReader::open(write(u"cells.csv"_s, bytes), options, &error);
    QVERIFY2(reader, qPrintable(error));
    QCOMPARE(reader->effectiveOptions().kind, SourceKind::Csv);
    QCOMPARE(reader->effectiveOptions().encoding, encoding);
    QCOMPARE(reader->effectiveOptions().delimiter, delimiter);
    QCOMPARE(reader->columns(), columns);
    const QList<Record> records = readAll(reader.get());
    QVERIFY2(reader->error().isEmpty(), qPrintable(reader->error()));
    QCOMPARE(records.size(), rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QCOMPARE(records.at(i).number, i + 1);
        QCOMPARE(valuesOf(records.at(i)), rows.at(i));
        QVERIFY(records.at(i).problems.isEmpty());
        QCOMPARE(records.at(i).value(columns.first()), rows.at(i).first());
    }
    QCOMPARE(reader->bytesRead(), qint64(bytes.size()));
    QCOMPARE(reader->totalBytes(), qint64(bytes.size()));
}

void TestMappingSources::csvRecordLines()
{
    // The line a record starts on is what a problem report points the user to.
    const QByteArray bytes(
        "Name,Note\r\nAda,\"two\r\nlines\"\r\n\r\nBo,x\r\n\"Cy\nDee\",\"a\nb\nc\"\r\nEd,y");
    QString error;
    const auto reader = SourceReader::open(write(u"lines.csv"_s, bytes), {}, &error);
    QVERIFY2(reader, qPrintable(error));
    const QList<Record> records = readAll(reader.get());
    QCOMPARE(records.size(), 4);
    QCOMPARE(records.at(0).line, 2);
    QCOMPARE(records.at(1).line, 5);
    QCOMPARE(records.at(2).line, 6);
    QCOMPARE(records.at(3).line, 10);
    QCOMPARE(records.at(2).value(u"Note"_s), QString(u"a\nb\nc"_s));
}

void TestMappingSources::csvRaggedRows()
{
    const QByteArray bytes("a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n");
    QString error;
    const auto reader = SourceReader::open(write(u"ragged.csv"_s, bytes), {}, &error);
    QVERIFY2(reader, qPrintable(error));
    const QList<Record> records = readAll(reader.get());
    QVERIFY(reader->error().isEmpty());
    QCOMPARE(records.size(), 4);
    QVERIFY(records.at(0).problems.isEmpty());
    QCOMPARE(
        records.at(1).problems, QStringList {u"row 2 (line 3) has 2 cells, the header has 3"_s});
    QCOMPARE(records.at(1).value(u"b"_s), QString(u"5"_s));
    QCOMPARE(
        records.at(2).problems, QStringList {u"row 3 (line 4) has 4 cells, the header has 3"_s});
    QCOMPARE(records.at(2).value(u"Column 4"_s), QString(u"9"_s));
    QVERIFY(records.at(3).problems.isEmpty());
}

void TestMappingSources::missingFile()
{
    QString error;
    const QString path = m_dir.filePath(u"nowhere.csv"_s);
    QVERIFY(!SourceReader::open(path, {}, &error));
    QCOMPARE(error, u"'%1' does not exist"_s.arg(path));
    QVERIFY(!SourceReader::open(m_dir.path(), {}, &error));
    QCOMPARE(error, u"'%1' is not a file"_s.arg(m_dir.path()));
    QCOMPARE(sampleSource(path, {}).error, u"'%1' does not exist"_s.arg(path));
}

void TestMappingSources::openErrors_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<SourceOptions>("options");
    QTest::addColumn<QString>("message");

    // The PNG signature and the start of its IHDR chunk: 20 bytes, embedded NULs included.
    static const char pngStart[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    QByteArray png(pngStart, sizeof(pngStart) - 1);
    png += QByteArray(2000, '\0');
    QTest::newRow("empty") << u"people.csv"_s << QByteArray() << SourceOptions()
                           << u"'people.csv' is empty"_s;
    QTest::newRow("whitespace only") << u"people.csv"_s << QByteArray(" \r\n\t\n")
                                     << SourceOptions() << u"'people.csv' is empty"_s;
    QTest::newRow("BOM only") << u"people.csv"_s << QByteArray("\xEF\xBB\xBF") << SourceOptions()
                              << u"'people.csv' is empty"_s;
    QTest::newRow("empty json") << u"people.json"_s << QByteArray() << SourceOptions()
                                << u"'people.json' is empty"_s;
    QTest::newRow("header only") << u"x.csv"_s << QByteArray("Name,Email\r\n") << SourceOptions()
                                 << u"'x.csv' has a header row but no records"_s;
    QTest::newRow("duplicate header")
        << u"x.csv"_s << QByteArray("Name,Email,Phone,Email\nA,a@x.test,1,b@x.test\n")
        << SourceOptions()
        << u"'x.csv': columns 2 and 4 are both named \"Email\"; rename one of them"_s;
    QTest::newRow("binary") << u"photo.csv"_s << png << SourceOptions()
                            << u"'photo.csv' is not a text file (it holds NUL bytes or control "
                               "characters, or bytes that no text encoding explains)"_s;
    QTest::newRow("binary as json")
        << u"photo.json"_s << png << SourceOptions()
        << u"'photo.json' is not a text file (it holds NUL bytes or "
           "control characters, or bytes that no text encoding explains)"_s;
    QTest::newRow("not UTF-8 as chosen")
        << u"x.csv"_s << QByteArray("Name\nRen\xe9\xff\xfe\n")
        << csvOptions(QChar(), true, u"UTF-8"_s) << u"'x.csv' is not readable as UTF-8 text"_s;
    QTest::newRow("unknown encoding")
        << u"x.csv"_s << QByteArray("a\n1\n") << csvOptions(QChar(), true, u"klingon-8"_s)
        << u"'x.csv': unknown encoding 'klingon-8'"_s;
    QTest::newRow("unterminated quote")
        << u"x.csv"_s << QByteArray("Name,Note\n\"Ada,x\n") << SourceOptions()
        << u"'x.csv', line 2: a quoted field is never closed (a \" is missing)"_s;
    QTest::newRow("json object") << u"x.json"_s << QByteArray("{\"a\": 1}\n") << SourceOptions()
                                 << u"'x.json' holds one JSON object, not an array of objects "
                                    "(use NDJSON for one object per line)"_s;
    QTest::newRow("json scalar") << u"x.json"_s << QByteArray("\"hello\"") << SourceOptions()
                                 << u"'x.json' is not a JSON array of objects"_s;
    QTest::newRow("json empty array")
        << u"x.json"_s << QByteArray("[ ]") << SourceOptions() << u"'x.json' holds no records"_s;
    QTest::newRow("json truncated") << u"x.json"_s << QByteArray("[{\"a\": 1") << SourceOptions()
                                    << u"'x.json' ends before its array is closed (the file looks "
                                       "truncated)"_s;
    QTest::newRow("vcard without cards")
        << u"x.vcf"_s << QByteArray("VERSION:3.0\nFN:Nobody\n") << SourceOptions()
        << u"'x.vcf' holds no vCard (no BEGIN:VCARD line)"_s;
}

void TestMappingSources::openErrors()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, bytes);
    QFETCH(SourceOptions, options);
    QFETCH(QString, message);

    QString error;
    const auto reader = SourceReader::open(write(fileName, bytes), options, &error);
    QVERIFY(!reader);
    QCOMPARE(error, message);
    const SourceSample sample = sampleSource(m_dir.filePath(fileName), options);
    QCOMPARE(sample.error, message);
    QVERIFY(sample.records.isEmpty());
}

void TestMappingSources::errorsWhileReading_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("records");
    QTest::addColumn<QString>("message");

    QByteArray late("Name\n");
    while (late.size() < 70000)
        late += "Ada\n";
    QTest::newRow("undecodable after the first 64 KiB")
        << u"late.csv"_s << QByteArray(late + "Ren\xe9\n")
        << int((64 * 1024 - 5) / 4) // the rows of the first 64 KiB chunk; the next one fails
        << u"'late.csv', line %1: bytes that are not valid UTF-8 text"_s.arg(late.count('\n') + 1);
    QTest::newRow("unterminated quote at the end")
        << u"x.csv"_s << QByteArray("Name,Note\nAda,x\nBo,\"open\nstill\n") << 1
        << u"'x.csv', line 3: a quoted field is never closed (a \" is missing)"_s;
    QTest::newRow("json truncated") << u"x.json"_s << QByteArray("[{\"a\": 1}, {\"b\": [2, ") << 1
                                    << u"'x.json' ends before its array is closed (the file looks "
                                       "truncated)"_s;
    QTest::newRow("json text after the array")
        << u"x.json"_s << QByteArray("[{\"a\": 1}]\n{\"b\": 2}") << 1
        << u"'x.json', line 2: text after the end of the array"_s;
    QByteArray big("[{\"a\": 1}, {\"note\": \"");
    big += QByteArray(17 * 1024 * 1024, 'x');
    big += "\"}]";
    QTest::newRow("json element over 16 MiB")
        << u"big.json"_s << big << 1 << u"'big.json', line 1: an element is larger than 16 MiB"_s;
}

void TestMappingSources::errorsWhileReading()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, bytes);
    QFETCH(int, records);
    QFETCH(QString, message);

    QString error;
    const auto reader = SourceReader::open(write(fileName, bytes), {}, &error);
    QVERIFY2(reader, qPrintable(error));
    QCOMPARE(readAll(reader.get()).size(), records);
    QCOMPARE(reader->error(), message);
}

void TestMappingSources::largeFileIsStreamed()
{
    // 200 MB of rows, some with quoted newlines: the reader never holds more than a few chunks.
    const QString path = m_dir.filePath(u"large.csv"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Id,First Name,Last Name,Email,Phone,Note\r\n");
        QByteArray block;
        for (int i = 0; i < 2000; ++i) {
            block += QByteArray::number(i) + ",Maya,Okafor,maya" + QByteArray::number(i)
                + "@contactdesk-demo.test,+1 555 0100,\"a note, with\r\ntwo lines and "
                  "\"\"quotes\"\" to keep libcsv busy for a while\"\r\n";
        }
        while (file.size() < 200 * 1024 * 1024)
            file.write(block);
    }
    QString error;
    const auto reader = SourceReader::open(path, {}, &error);
    QVERIFY2(reader, qPrintable(error));
    qint64 count = 0;
    Record record;
    while (reader->next(&record)) {
        ++count;
        if (count % 2000 == 1)
            QCOMPARE(record.value(u"Note"_s),
                QString(u"a note, with\r\ntwo lines and \"quotes\" to "
                        "keep libcsv busy for a while"_s));
    }
    QVERIFY2(reader->error().isEmpty(), qPrintable(reader->error()));
    QCOMPARE(record.value(u"Id"_s), QString(u"1999"_s));
    QVERIFY(count > 1'000'000);
    QCOMPARE(reader->bytesRead(), QFileInfo(path).size());
    QVERIFY2(reader->peakBufferedBytes() < 2 * 1024 * 1024,
        qPrintable(QString::number(reader->peakBufferedBytes())));
    QFile::remove(path);
}

void TestMappingSources::sampleStopsAtMaxRecords()
{
    QByteArray bytes("Email,Phone\n");
    for (int i = 0; i < 100000; ++i)
        bytes += "p" + QByteArray::number(i) + "@x.test,+1 555 0100\n";
    const QString path = write(u"many.csv"_s, bytes);
    const SourceSample sample = sampleSource(path, {}, 50);
    QVERIFY(sample.error.isEmpty());
    QCOMPARE(sample.records.size(), 50);
    QCOMPARE(sample.records.last().value(u"Email"_s), QString(u"p49@x.test"_s));
    QCOMPARE(sample.columns, (QStringList {u"Email"_s, u"Phone"_s}));
    QCOMPARE(sample.options.delimiter, QChar(u','));
    QCOMPARE(sample.totalBytes, qint64(bytes.size()));

    QString error;
    const auto reader = SourceReader::open(path, {}, &error);
    Record record;
    for (int i = 0; i < 50; ++i)
        QVERIFY(reader->next(&record));
    QVERIFY(reader->bytesRead() < bytes.size() / 10);
}

void TestMappingSources::kindDetection_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<SourceKind>("kind");

    QTest::newRow(".tsv") << u"a.tsv"_s << QByteArray("a\tb\n1\t2\n") << SourceKind::Csv;
    QTest::newRow(".txt") << u"a.txt"_s << QByteArray("a,b\n1,2\n") << SourceKind::Csv;
    QTest::newRow(".json") << u"a.json"_s << QByteArray("[{\"a\":1}]") << SourceKind::Json;
    QTest::newRow(".jsonl") << u"a.jsonl"_s << QByteArray("{\"a\":1}\n") << SourceKind::Ndjson;
    QTest::newRow(".ndjson") << u"a.ndjson"_s << QByteArray("{\"a\":1}\n") << SourceKind::Ndjson;
    QTest::newRow("NDJSON named .json")
        << u"a.json"_s << QByteArray("{\"a\":1}\n{\"a\":2}\n") << SourceKind::Ndjson;
    QTest::newRow(".vcf") << u"a.vcf"_s << QByteArray("BEGIN:VCARD\nFN:A\nEND:VCARD\n")
                          << SourceKind::VCard;
    QTest::newRow(".vcard") << u"a.vcard"_s << QByteArray("BEGIN:VCARD\nFN:A\nEND:VCARD\n")
                            << SourceKind::VCard;
    QTest::newRow("sniffed array")
        << u"export"_s << QByteArray(" \n[{\"a\":1}]") << SourceKind::Json;
    QTest::newRow("sniffed lines") << u"export"_s << QByteArray("{\"a\":1}") << SourceKind::Ndjson;
    QTest::newRow("sniffed vcard")
        << u"export"_s << QByteArray("begin:vcard\nFN:A\nend:vcard\n") << SourceKind::VCard;
    QTest::newRow("sniffed csv") << u"export.dat"_s << QByteArray("a;b\n1;2\n") << SourceKind::Csv;
}

void TestMappingSources::kindDetection()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, bytes);
    QFETCH(SourceKind, kind);
    QString error;
    const auto reader = SourceReader::open(write(fileName, bytes), {}, &error);
    QVERIFY2(reader, qPrintable(error));
    QCOMPARE(reader->effectiveOptions().kind, kind);
    Record record;
    QVERIFY(reader->next(&record));
    QVERIFY(!record.fields.isEmpty());

    // Over a device, the name gives the extension; the chosen kind wins over both.
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(bytes);
    buffer->open(QIODevice::ReadOnly);
    const auto overDevice = SourceReader::open(std::move(buffer), fileName, {}, &error);
    QVERIFY2(overDevice, qPrintable(error));
    QCOMPARE(overDevice->effectiveOptions().kind, kind);
}

QTEST_GUILESS_MAIN(TestMappingSources)
#include "tst_mappingsources.moc"
