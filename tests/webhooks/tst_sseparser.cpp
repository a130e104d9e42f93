// The text/event-stream parser: fields, line endings, pieces of any size, limits.
#include "webhooks/sseparser.h"

#include <QTest>

using namespace ContactDesk::Webhooks;

class TestSseParser : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void sameResultInPiecesOfOneByte_data() { parses_data(); }
    void sameResultInPiecesOfOneByte();
    void keepsRetryAndLastId();
    void refusesAnEndlessLine();
};

// Events written as "type|id|data" (id "-" when the event has none).
static QStringList describe(const QList<SseEvent>& events)
{
    QStringList out;
    for (const SseEvent& event : events)
        out.append(event.type + u'|' + QString::fromUtf8(event.id.value_or("-")) + u'|'
            + QString::fromUtf8(event.data));
    return out;
}

void TestSseParser::parses_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QStringList>("events");
    QTest::newRow("one event") << QByteArray("id: 1\nevent: ContactUpdate\ndata: {}\n\n")
                               << QStringList {QStringLiteral("ContactUpdate|1|{}")};
    QTest::newRow("default type, no id")
        << QByteArray("data: x\n\n") << QStringList {QStringLiteral("message|-|x")};
    QTest::newRow("data lines joined") << QByteArray("data: a\ndata:b\ndata:  c\n\n")
                                       << QStringList {QStringLiteral("message|-|a\nb\n c")};
    QTest::newRow("CRLF and CR") << QByteArray("id: 2\r\ndata: a\r\rdata: b\r\n\r\n")
                                 << QStringList {QStringLiteral("message|2|a"),
                                        QStringLiteral("message|-|b")};
    QTest::newRow("comments are skipped") << QByteArray(": keep-alive\n\n: x\ndata: y\n\n")
                                          << QStringList {QStringLiteral("message|-|y")};
    QTest::newRow("no data, no event") << QByteArray("id: 5\nevent: gap\n\n") << QStringList {};
    QTest::newRow("unfinished event waits") << QByteArray("data: z\n") << QStringList {};
    QTest::newRow("BOM dropped") << QByteArray("\xEF\xBB\xBF"
                                               "data: q\n\n")
                                 << QStringList {QStringLiteral("message|-|q")};
    QTest::newRow("field without colon")
        << QByteArray("data\n\n") << QStringList {QStringLiteral("message|-|")};
    QTest::newRow("unknown field ignored")
        << QByteArray("foo: bar\ndata: 1\n\n") << QStringList {QStringLiteral("message|-|1")};
    QTest::newRow("id with NUL ignored")
        << QByteArray("id: 1\0 2\ndata: 1\n\n", 18) // 18 bytes: the NUL inside, no terminator
        << QStringList {QStringLiteral("message|-|1")};
}

void TestSseParser::parses()
{
    QFETCH(QByteArray, stream);
    QFETCH(QStringList, events);
    SseParser parser;
    QCOMPARE(describe(parser.feed(stream)), events);
    QVERIFY(!parser.failed());
}

void TestSseParser::sameResultInPiecesOfOneByte()
{
    QFETCH(QByteArray, stream);
    QFETCH(QStringList, events);
    SseParser parser;
    QList<SseEvent> all;
    for (const char c : std::as_const(stream))
        all.append(parser.feed(QByteArrayView(&c, 1)));
    QCOMPARE(describe(all), events);
}

void TestSseParser::keepsRetryAndLastId()
{
    SseParser parser;
    parser.feed("retry: 3000\nid: 7\ndata: a\n\nretry: x\nid: 8\nevent: gap\n\n");
    QCOMPARE(parser.retryMs(), 3000);
    QCOMPARE(parser.lastEventId(), QByteArray("8"));
}

void TestSseParser::refusesAnEndlessLine()
{
    SseParser parser(64);
    QVERIFY(parser.feed(QByteArray(40, 'a')).isEmpty());
    QVERIFY(!parser.failed());
    QVERIFY(parser.feed(QByteArray(40, 'a')).isEmpty());
    QVERIFY(parser.failed());
    QVERIFY(parser.error().contains(QStringLiteral("64")));
    QVERIFY(parser.feed("\n\ndata: x\n\n").isEmpty());

    SseParser events(64);
    QByteArray many;
    for (int i = 0; i < 10; ++i)
        many += "data: 0123456789\n";
    QVERIFY(events.feed(many + "\n").isEmpty());
    QVERIFY(events.failed());
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
