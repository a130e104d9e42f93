// The event schemas: every type's documented payload is accepted, and each kind of bad input is
// refused with a message that names the problem.
#include "automation/appevent.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace ContactDesk::Automation;

class TestAppEvent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typesInDocumentationOrder()
    {
        QCOMPARE(appEventTypes(),
            (QStringList {QStringLiteral("user.signed_up"), QStringLiteral("user.updated"),
                QStringLiteral("user.deleted"), QStringLiteral("task.created"),
                QStringLiteral("task.completed"), QStringLiteral("note.created")}));
    }

    void validEvents_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("userId");
        QTest::newRow("sign-up") << QByteArray(R"({"type":"user.signed_up","data":{"id":"u_1",
            "email":"ada@example.com","firstName":"Ada","lastName":"Lovelace",
            "phone":"+14155550123","plan":"pro"}})")
                                 << "user.signed_up"
                                 << "u_1";
        QTest::newRow("sign-up, phone only, numeric id")
            << QByteArray(R"({"type":"user.signed_up","data":{"id":1001,"phone":"+14155550123"}})")
            << "user.signed_up"
            << "1001";
        QTest::newRow("update with previous")
            << QByteArray(R"({"type":"user.updated","data":{"id":"u_1","lastName":"King",
                "previous":{"lastName":"Lovelace"}}})")
            << "user.updated"
            << "u_1";
        QTest::newRow("delete") << QByteArray(R"({"type":"user.deleted","data":{"id":"u_1"}})")
                                << "user.deleted"
                                << "u_1";
        QTest::newRow("task") << QByteArray(R"({"type":"task.created","data":{"userId":"u_1",
            "taskId":"t_1","title":"Call","body":"About the invoice",
            "dueAt":"2026-12-09T10:00:00Z","assignee":"Jamie Rivers"}})")
                              << "task.created"
                              << "u_1";
        QTest::newRow("task due on a day")
            << QByteArray(R"({"type":"task.created","data":{"userId":"u_1","taskId":7,
                "title":"Call","dueAt":"2026-12-09"}})")
            << "task.created"
            << "u_1";
        QTest::newRow("task completed")
            << QByteArray(R"({"type":"task.completed","data":{"userId":"u_1","taskId":"t_1"}})")
            << "task.completed"
            << "u_1";
        QTest::newRow("note") << QByteArray(R"({"type":"note.created","data":{"userId":"u_1",
            "body":"Prefers e-mail"}})")
                              << "note.created"
                              << "u_1";
    }

    void validEvents()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, type);
        QFETCH(QString, userId);
        QString reason;
        const std::optional<AppEvent> event = parseAppEvent(
            body, QStringLiteral("msg_1"), 1700000000, QStringLiteral("http"), &reason);
        QVERIFY2(event, qPrintable(reason));
        QCOMPARE(event->type, type);
        QCOMPARE(event->userId, userId);
        QCOMPARE(event->webhookId, QStringLiteral("msg_1"));
        QCOMPARE(event->timestampSecs, 1700000000);
        QCOMPARE(event->source, QStringLiteral("http"));
        QCOMPARE(event->data,
            QJsonDocument::fromJson(body).object().value(QStringLiteral("data")).toObject());
    }

    void invalidEvents_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("reason");
        QTest::newRow("malformed JSON")
            << QByteArray(R"({"type":"user.signed_up",)") << "malformed JSON";
        QTest::newRow("not an object") << QByteArray("[1,2]") << "must be a JSON object";
        QTest::newRow("no type") << QByteArray(R"({"data":{"id":"u"}})") << "type: expected";
        QTest::newRow("type not a string")
            << QByteArray(R"({"type":5,"data":{}})") << "type: expected";
        QTest::newRow("unknown type") << QByteArray(R"({"type":"user.signup","data":{"id":"u"}})")
                                      << "unknown event type 'user.signup'";
        QTest::newRow("data missing")
            << QByteArray(R"({"type":"user.deleted"})") << "data: expected object";
        QTest::newRow("data an array")
            << QByteArray(R"({"type":"user.deleted","data":[]})") << "data: expected object";
        QTest::newRow("id missing")
            << QByteArray(R"({"type":"user.signed_up","data":{"email":"a@b.c"}})")
            << "data.id: required";
        QTest::newRow("email wrong type")
            << QByteArray(R"({"type":"user.signed_up","data":{"id":"u","email":42}})")
            << "data.email: expected string";
        QTest::newRow("email without @")
            << QByteArray(R"({"type":"user.signed_up","data":{"id":"u","email":"ada"}})")
            << "data.email: expected an e-mail address";
        QTest::newRow("neither email nor phone")
            << QByteArray(R"({"type":"user.signed_up","data":{"id":"u","firstName":"Ada"}})")
            << "data: needs an email or a phone";
        QTest::newRow("id empty") << QByteArray(R"({"type":"user.deleted","data":{"id":""}})")
                                  << "data.id: must not be empty";
        QTest::newRow("id an object")
            << QByteArray(R"({"type":"user.deleted","data":{"id":{"x":1}}})")
            << "data.id: expected string or integer";
        QTest::newRow("previous not an object")
            << QByteArray(R"({"type":"user.updated","data":{"id":"u","previous":"x"}})")
            << "data.previous: expected object";
        QTest::newRow("task without title")
            << QByteArray(R"({"type":"task.created","data":{"userId":"u","taskId":"t"}})")
            << "data.title: required";
        QTest::newRow("task due not a date")
            << QByteArray(R"({"type":"task.created","data":{"userId":"u","taskId":"t",
                "title":"x","dueAt":"tomorrow"}})")
            << "data.dueAt: expected an ISO 8601 date";
        QTest::newRow("completed without task")
            << QByteArray(R"({"type":"task.completed","data":{"userId":"u"}})")
            << "data.taskId: required";
        QTest::newRow("note without body")
            << QByteArray(R"({"type":"note.created","data":{"userId":"u"}})")
            << "data.body: required";
        QTest::newRow("note user wrong type")
            << QByteArray(R"({"type":"note.created","data":{"userId":true,"body":"b"}})")
            << "data.userId: expected string or integer";
    }

    void invalidEvents()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, reason);
        QString message;
        QVERIFY(!parseAppEvent(body, QStringLiteral("msg"), 0, QStringLiteral("http"), &message));
        QVERIFY2(message.startsWith(reason) || message.contains(reason), qPrintable(message));
    }

    // The README's payload examples and each schema's own examples are events ContactDesk
    // accepts, so the documentation cannot drift from what is checked.
    void documentedExamplesAreAccepted()
    {
        QFile readme(QStringLiteral(CONTACTDESK_README));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(readme.readAll());
        const qsizetype start = text.indexOf(QStringLiteral("### Event types"));
        QVERIFY(start >= 0);
        const QString section
            = text.mid(start, text.indexOf(QStringLiteral("\n### "), start + 1) - start);
        const QRegularExpression block(
            QStringLiteral("```json\n(.*?)```"), QRegularExpression::DotMatchesEverythingOption);
        QStringList documented;
        for (auto it = block.globalMatch(section); it.hasNext();) {
            const QByteArray body = it.next().captured(1).toUtf8();
            QString reason;
            const std::optional<AppEvent> event
                = parseAppEvent(body, QStringLiteral("doc"), 0, QStringLiteral("test"), &reason);
            QVERIFY2(event, qPrintable(reason + QStringLiteral(": ") + QString::fromUtf8(body)));
            documented.append(event->type);
        }
        QCOMPARE(documented, appEventTypes());

        for (const QString& type : appEventTypes()) {
            QFile schema(
                QStringLiteral(":/contactdesk/automation/schemas/%1.schema.json").arg(type));
            QVERIFY2(schema.open(QIODevice::ReadOnly), qPrintable(type));
            const QJsonArray examples = QJsonDocument::fromJson(schema.readAll())
                                            .object()
                                            .value(QStringLiteral("examples"))
                                            .toArray();
            QVERIFY(!examples.isEmpty());
            for (const QJsonValue& example : examples) {
                QString reason;
                QVERIFY2(parseAppEvent(appEventBody(type, example.toObject()),
                             QStringLiteral("doc"), 0, QStringLiteral("test"), &reason),
                    qPrintable(type + QStringLiteral(": ") + reason));
            }
        }
    }

    void bodyRoundTrips()
    {
        const QJsonObject data {{QStringLiteral("userId"), QStringLiteral("u_9")},
            {QStringLiteral("body"), QStringLiteral("hello")}};
        const QByteArray body = appEventBody(QStringLiteral("note.created"), data);
        QString reason;
        const std::optional<AppEvent> event
            = parseAppEvent(body, QStringLiteral("id"), 1, QStringLiteral("cli"), &reason);
        QVERIFY2(event, qPrintable(reason));
        QCOMPARE(event->data, data);
        QCOMPARE(event->userId, QStringLiteral("u_9"));
    }
};

QTEST_GUILESS_MAIN(TestAppEvent)
#include "tst_appevent.moc"
