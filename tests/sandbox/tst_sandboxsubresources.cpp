#include "sandboxtesthelpers.h"

#include "common/clock.h"
#include "common/ids.h"
#include "common/phonenumbers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace ContactDesk::Testing;

namespace {

constexpr qint64 dayMs = 24 * 60 * 60 * 1000;

// A contact made through the API, as a client would; its id.
QString createContact(SandboxFixture& fx, const QString& email)
{
    QJsonObject body = json(R"({"firstName": "Ada", "lastName": "Lovelace"})");
    body.insert(QStringLiteral("email"), email);
    return postContact(fx, body).value(QStringLiteral("id")).toString();
}

QJsonObject taskOf(const HttpResult& result)
{
    return result.object().value(QStringLiteral("task")).toObject();
}

QJsonObject noteOf(const HttpResult& result)
{
    return result.object().value(QStringLiteral("note")).toObject();
}

} // namespace

class TestSandboxSubresources : public QObject
{
    Q_OBJECT

private:
    SpecValidator m_spec;

private Q_SLOTS:
    void tasksRoundTrip();
    void taskDueDateIsNormalised_data();
    void taskDueDateIsNormalised();
    void createTaskValidation_data();
    void createTaskValidation();
    void updateTaskValidation_data();
    void updateTaskValidation();
    void unknownTask_data();
    void unknownTask();
    void subresourcesNeedALiveContact();
    void notesRoundTrip();
    void notesNewestFirst();
    void noteValidation_data();
    void noteValidation();
    void unknownNote_data();
    void unknownNote();
    void appointmentsAreListedAsStored();
    void seededAppointmentsUseBothTimeFormats();
    void seederIsDeterministic();
    void seederDependsOnTheSeed();
    void seededContactsLookLikeApiContacts();
    void seededSubresources();
};

void TestSandboxSubresources::tasksRoundTrip()
{
    SandboxFixture fx;
    const QString contact = createContact(fx, QStringLiteral("ada@example.com"));
    QVERIFY(!contact.isEmpty());
    const QString base = QStringLiteral("/contacts/%1/tasks").arg(contact);

    HttpResult list = fx.api("GET", base);
    CHECK_STATUS(list, 200);
    QCOMPARE(list.object().value(QStringLiteral("tasks")).toArray().size(), 0);
    CHECK_SPEC("get-all-tasks", list);

    QJsonObject body = json(R"({"title": "Call back", "body": "About pricing",
                                "dueDate": "2026-11-05T15:00:00Z", "completed": false})");
    body.insert(QStringLiteral("assignedTo"), fx.data().userId());
    const HttpResult created = fx.api("POST", base, body);
    CHECK_STATUS(created, 201);
    CHECK_SPEC("create-task", created);
    const QJsonObject task = taskOf(created);
    const QString taskId = task.value(QStringLiteral("id")).toString();
    QVERIFY2(ContactDesk::isFirestoreId(taskId), qPrintable(taskId));
    QCOMPARE(task.value(QStringLiteral("title")).toString(), str("Call back"));
    QCOMPARE(task.value(QStringLiteral("body")).toString(), str("About pricing"));
    QCOMPARE(task.value(QStringLiteral("assignedTo")).toString(), fx.data().userId());
    QCOMPARE(task.value(QStringLiteral("dueDate")).toString(), str("2026-11-05T15:00:00.000Z"));
    QCOMPARE(task.value(QStringLiteral("completed")), QJsonValue(false));
    QCOMPARE(task.value(QStringLiteral("contactId")).toString(), contact);
    QCOMPARE(task.value(QStringLiteral("dateAdded")).toString(),
        ContactDesk::isoUtc(fx.clock().nowMs()));

    const QString one = base + u'/' + taskId;
    const HttpResult fetched = fx.api("GET", one);
    CHECK_STATUS(fetched, 200);
    CHECK_SPEC("get-task", fetched);
    QCOMPARE(taskOf(fetched), task);
    list = fx.api("GET", base);
    QCOMPARE(list.object().value(QStringLiteral("tasks")).toArray(), QJsonArray {task});

    const HttpResult updated = fx.api("PUT", one,
        json(R"({"title": "Call back today", "dueDate": "2026-11-06T09:30:00+01:00"})"));
    CHECK_STATUS(updated, 200);
    CHECK_SPEC("update-task", updated);
    QCOMPARE(taskOf(updated).value(QStringLiteral("title")).toString(), str("Call back today"));
    QCOMPARE(taskOf(updated).value(QStringLiteral("dueDate")).toString(),
        str("2026-11-06T08:30:00.000Z"));
    // Only the keys sent change.
    QCOMPARE(taskOf(updated).value(QStringLiteral("body")).toString(), str("About pricing"));
    QCOMPARE(taskOf(updated).value(QStringLiteral("id")).toString(), taskId);

    const HttpResult completed
        = fx.api("PUT", one + QStringLiteral("/completed"), json(R"({"completed": true})"));
    CHECK_STATUS(completed, 200);
    CHECK_SPEC("update-task-completed", completed);
    QCOMPARE(taskOf(completed).value(QStringLiteral("completed")), QJsonValue(true));
    QCOMPARE(taskOf(completed).value(QStringLiteral("title")).toString(), str("Call back today"));
    QCOMPARE(taskOf(fx.api("GET", one)).value(QStringLiteral("completed")), QJsonValue(true));

    const HttpResult removed = fx.api("DELETE", one);
    CHECK_STATUS(removed, 200);
    CHECK_SPEC("delete-task", removed);
    QCOMPARE(removed.object().value(QStringLiteral("succeded")), QJsonValue(true));
    CHECK_STATUS(fx.api("GET", one), 400);
    QCOMPARE(fx.api("GET", base).object().value(QStringLiteral("tasks")).toArray().size(), 0);
}

void TestSandboxSubresources::taskDueDateIsNormalised_data()
{
    QTest::addColumn<QString>("sent");
    QTest::addColumn<QString>("stored");
    QTest::newRow("Z") << str("2026-11-05T15:00:00Z") << str("2026-11-05T15:00:00.000Z");
    QTest::newRow("milliseconds") << str("2026-11-05T15:00:00.250Z")
                                  << str("2026-11-05T15:00:00.250Z");
    QTest::newRow("offset") << str("2026-11-05T10:00:00-05:00") << str("2026-11-05T15:00:00.000Z");
    QTest::newRow("no zone is UTC")
        << str("2026-11-05T15:00:00") << str("2026-11-05T15:00:00.000Z");
    QTest::newRow("date only") << str("2026-11-05") << str("2026-11-05T00:00:00.000Z");
}

void TestSandboxSubresources::taskDueDateIsNormalised()
{
    QFETCH(QString, sent);
    QFETCH(QString, stored);
    SandboxFixture fx;
    const QString contact = createContact(fx, QStringLiteral("due@example.com"));
    QVERIFY(!contact.isEmpty());
    QJsonObject body = json(R"({"title": "Due", "completed": false})");
    body.insert(QStringLiteral("dueDate"), sent);
    const HttpResult created
        = fx.api("POST", QStringLiteral("/contacts/%1/tasks").arg(contact), body);
    CHECK_STATUS(created, 201);
    QCOMPARE(taskOf(created).value(QStringLiteral("dueDate")).toString(), stored);
}

void TestSandboxSubresources::createTaskValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("no title") << QByteArray(
        R"({"dueDate": "2026-11-05T15:00:00Z", "completed": false})")
                              << str("title should not be empty");
    QTest::newRow("no dueDate") << QByteArray(R"({"title": "T", "completed": false})")
                                << str("dueDate should not be empty");
    QTest::newRow("no completed") << QByteArray(R"({"title": "T", "dueDate": "2026-11-05"})")
                                  << str("completed should not be empty");
    QTest::newRow("bad dueDate") << QByteArray(
        R"({"title": "T", "dueDate": "next tuesday", "completed": false})")
                                 << str("dueDate must be a valid ISO 8601 date string");
    QTest::newRow("impossible dueDate")
        << QByteArray(R"({"title": "T", "dueDate": "2026-02-30T10:00:00Z", "completed": false})")
        << str("dueDate must be a valid ISO 8601 date string");
    QTest::newRow("completed as text")
        << QByteArray(R"({"title": "T", "dueDate": "2026-11-05", "completed": "yes"})")
        << str("completed must be a boolean value");
    QTest::newRow("unknown property") << QByteArray(
        R"({"title": "T", "dueDate": "2026-11-05", "completed": false, "priority": "high"})")
                                      << str("property priority should not exist");
}

void TestSandboxSubresources::createTaskValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    SandboxFixture fx;
    const QString contact = createContact(fx, QStringLiteral("v@example.com"));
    QVERIFY(!contact.isEmpty());
    const QString base = QStringLiteral("/contacts/%1/tasks").arg(contact);
    const HttpResult result = fx.api("POST", base, json(body.constData()));
    CHECK_STATUS(result, 422);
    CHECK_SPEC("create-task", result);
    QVERIFY2(messages(result).contains(message), qPrintable(messages(result).join(u'|')));
    QVERIFY(fx.data().tasks().value(contact).isEmpty());
}

void TestSandboxSubresources::updateTaskValidation_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("bad dueDate") << QString() << QByteArray(R"({"dueDate": "05/11/2026 3pm"})")
                                 << str("dueDate must be a valid ISO 8601 date string");
    QTest::newRow("unknown property") << QString() << QByteArray(R"({"status": "done"})")
                                      << str("property status should not exist");
    QTest::newRow("completed missing")
        << str("/completed") << QByteArray("{}") << str("completed should not be empty");
    QTest::newRow("completed only")
        << str("/completed") << QByteArray(R"({"completed": true, "title": "x"})")
        << str("property title should not exist");
}

void TestSandboxSubresources::updateTaskValidation()
{
    QFETCH(QString, suffix);
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    SandboxFixture fx;
    const QString contact = createContact(fx, QStringLiteral("u@example.com"));
    QVERIFY(!contact.isEmpty());
    const QString base = QStringLiteral("/contacts/%1/tasks").arg(contact);
    const QJsonObject task = taskOf(fx.api(
        "POST", base, json(R"({"title": "T", "dueDate": "2026-11-05", "completed": false})")));
    const QString one = base + u'/' + task.value(QStringLiteral("id")).toString();

    const HttpResult result = fx.api("PUT", one + suffix, json(body.constData()));
    CHECK_STATUS(result, 422);
    QVERIFY2(messages(result).contains(message), qPrintable(messages(result).join(u'|')));
    QCOMPARE(taskOf(fx.api("GET", one)), task);
}

void TestSandboxSubresources::unknownTask_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("get") << QByteArray("GET") << QString() << QByteArray();
    QTest::newRow("update") << QByteArray("PUT") << QString() << QByteArray(R"({"title": "x"})");
    QTest::newRow("delete") << QByteArray("DELETE") << QString() << QByteArray();
    QTest::newRow("completed") << QByteArray("PUT") << str("/completed")
                               << QByteArray(R"({"completed": true})");
}

void TestSandboxSubresources::unknownTask()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, suffix);
    QFETCH(QByteArray, body);
    SandboxFixture fx;
    const QString contact = createContact(fx, QStringLiteral("a@example.com"));
    const QString other = createContact(fx, QStringLiteral("b@example.com"));
    QVERIFY(!contact.isEmpty() && !other.isEmpty());
    // A task that exists, but on another contact, is as unknown as a made-up id.
    const QString othersTask
        = taskOf(fx.api("POST", QStringLiteral("/contacts/%1/tasks").arg(other),
                     json(R"({"title": "T", "dueDate": "2026-11-05", "completed": false})")))
              .value(QStringLiteral("id"))
              .toString();
    QVERIFY(!othersTask.isEmpty());
    const QJsonValue payload
        = body.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(json(body.constData()));

    for (const QString& taskId : {str("sx6wyHhbFdRXh302LLNR"), othersTask}) {
        const HttpResult result = fx.api(
            method, QStringLiteral("/contacts/%1/tasks/%2").arg(contact, taskId) + suffix, payload);
        CHECK_STATUS(result, 400);
        QCOMPARE(result.object().value(QStringLiteral("message")).toString(),
            QStringLiteral("Task with id %1 not found").arg(taskId));
    }
    QCOMPARE(fx.data().tasks().value(other).size(), 1);
    QCOMPARE(fx.data().tasks().value(other).first().value(QStringLiteral("completed")),
        QJsonValue(false));
}

void TestSandboxSubresources::subresourcesNeedALiveContact()
{
    SandboxFixture fx;
    const QString contact = createContact(fx, QStringLiteral("gone@example.com"));
    QVERIFY(!contact.isEmpty());
    CHECK_STATUS(fx.api("DELETE", QStringLiteral("/contacts/") + contact), 200);
    for (const QString& id : {contact, str("sx6wyHhbFdRXh302LLNR")}) {
        for (const char* what : {"tasks", "notes", "appointments"}) {
            const HttpResult result
                = fx.api("GET", QStringLiteral("/contacts/%1/%2").arg(id, str(what)));
            CHECK_STATUS(result, 400);
            QCOMPARE(result.object().value(QStringLiteral("message")).toString(),
                QStringLiteral("Contact with id %1 not found").arg(id));
        }
    }
}

void TestSandboxSubresources::notesRoundTrip()
{
    SandboxFixture fx;
    const QString contact = createContact(fx, QStringLiteral("notes@example.com"));
    QVERIFY(!contact.isEmpty());
    const QString base = QStringLiteral("/contacts/%1/notes").arg(contact);

    const HttpResult created = fx.api("POST", base, json(R"({"body": "Met at the fair"})"));
    CHECK_STATUS(created, 201);
    CHECK_SPEC("create-note", created);
    const QJsonObject note = noteOf(created);
    const QString noteId = note.value(QStringLiteral("id")).toString();
    QVERIFY2(ContactDesk::isFirestoreId(noteId), qPrintable(noteId));
    QCOMPARE(note.value(QStringLiteral("body")).toString(), str("Met at the fair"));
    QCOMPARE(note.value(QStringLiteral("contactId")).toString(), contact);
    QCOMPARE(note.value(QStringLiteral("dateAdded")).toString(),
        ContactDesk::isoUtc(fx.clock().nowMs()));
    QCOMPARE(note.value(QStringLiteral("pinned")), QJsonValue(false));
    // Written through the private integration token: its user is the author.
    QCOMPARE(note.value(QStringLiteral("userId")).toString(), fx.data().userId());
    QVERIFY(!note.contains(QStringLiteral("title")));

    const QString one = base + u'/' + noteId;
    const HttpResult fetched = fx.api("GET", one);
    CHECK_STATUS(fetched, 200);
    CHECK_SPEC("get-note", fetched);
    QCOMPARE(noteOf(fetched), note);

    QJsonObject change = json(R"({"title": "Fair", "color": "#FFAA00", "pinned": true})");
    change.insert(QStringLiteral("userId"), fx.data().userIds().last());
    const HttpResult updated = fx.api("PUT", one, change);
    CHECK_STATUS(updated, 200);
    CHECK_SPEC("update-note", updated);
    const QJsonObject after = noteOf(updated);
    QCOMPARE(after.value(QStringLiteral("title")).toString(), str("Fair"));
    QCOMPARE(after.value(QStringLiteral("color")).toString(), str("#FFAA00"));
    QCOMPARE(after.value(QStringLiteral("pinned")), QJsonValue(true));
    QCOMPARE(after.value(QStringLiteral("userId")).toString(), fx.data().userIds().last());
    QCOMPARE(after.value(QStringLiteral("body")).toString(), str("Met at the fair"));
    QCOMPARE(after.value(QStringLiteral("dateAdded")), note.value(QStringLiteral("dateAdded")));

    const HttpResult removed = fx.api("DELETE", one);
    CHECK_STATUS(removed, 200);
    CHECK_SPEC("delete-note", removed);
    QCOMPARE(removed.object().value(QStringLiteral("succeded")), QJsonValue(true));
    const HttpResult gone = fx.api("GET", one);
    CHECK_STATUS(gone, 400);
    QCOMPARE(gone.object().value(QStringLiteral("message")).toString(),
        QStringLiteral("Note with id %1 not found").arg(noteId));
}

void TestSandboxSubresources::notesNewestFirst()
{
    SandboxFixture fx;
    const QString contact = createContact(fx, QStringLiteral("order@example.com"));
    QVERIFY(!contact.isEmpty());
    const QString base = QStringLiteral("/contacts/%1/notes").arg(contact);
    QStringList written;
    for (const char* body : {"first", "second", "third"}) {
        QJsonObject note;
        note.insert(QStringLiteral("body"), str(body));
        written.append(noteOf(fx.api("POST", base, note)).value(QStringLiteral("id")).toString());
        // The last two share a millisecond: the later write still comes first.
        if (written.size() == 1)
            fx.clock().advance(60000);
    }
    const HttpResult list = fx.api("GET", base);
    CHECK_STATUS(list, 200);
    CHECK_SPEC("get-all-notes", list);
    QStringList listed;
    for (const QJsonValue& note : list.object().value(QStringLiteral("notes")).toArray())
        listed.append(note.toObject().value(QStringLiteral("id")).toString());
    QCOMPARE(listed, (QStringList {written.at(2), written.at(1), written.at(0)}));
}

void TestSandboxSubresources::noteValidation_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("no body") << QByteArray("POST") << QByteArray(R"({"title": "x"})")
                             << str("body should not be empty");
    QTest::newRow("empty body") << QByteArray("POST") << QByteArray(R"({"body": ""})")
                                << str("body should not be empty");
    QTest::newRow("pinned as text")
        << QByteArray("POST") << QByteArray(R"({"body": "x", "pinned": "true"})")
        << str("pinned must be a boolean value");
    QTest::newRow("unknown property")
        << QByteArray("POST") << QByteArray(R"({"body": "x", "contactId": "abc"})")
        << str("property contactId should not exist");
    QTest::newRow("update unknown property")
        << QByteArray("PUT") << QByteArray(R"({"dateAdded": "2020-01-01"})")
        << str("property dateAdded should not exist");
}

void TestSandboxSubresources::noteValidation()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    SandboxFixture fx;
    const QString contact = createContact(fx, QStringLiteral("nv@example.com"));
    QVERIFY(!contact.isEmpty());
    const QString base = QStringLiteral("/contacts/%1/notes").arg(contact);
    const QJsonObject note = noteOf(fx.api("POST", base, json(R"({"body": "kept"})")));
    const QString path
        = method == "PUT" ? base + u'/' + note.value(QStringLiteral("id")).toString() : base;

    const HttpResult result = fx.api(method, path, json(body.constData()));
    CHECK_STATUS(result, 422);
    CHECK_SPEC(method == "PUT" ? "update-note" : "create-note", result);
    QVERIFY2(messages(result).contains(message), qPrintable(messages(result).join(u'|')));
    QCOMPARE(fx.data().notes().value(contact), QList<QJsonObject> {note});
}

void TestSandboxSubresources::unknownNote_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("get") << QByteArray("GET") << QByteArray();
    QTest::newRow("update") << QByteArray("PUT") << QByteArray(R"({"body": "x"})");
    QTest::newRow("delete") << QByteArray("DELETE") << QByteArray();
}

void TestSandboxSubresources::unknownNote()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, body);
    SandboxFixture fx;
    const QString contact = createContact(fx, QStringLiteral("un@example.com"));
    QVERIFY(!contact.isEmpty());
    const QJsonValue payload
        = body.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(json(body.constData()));
    const HttpResult result = fx.api(
        method, QStringLiteral("/contacts/%1/notes/HGPcayliwcdoUFzvbTok").arg(contact), payload);
    CHECK_STATUS(result, 400);
    QCOMPARE(result.object().value(QStringLiteral("message")).toString(),
        str("Note with id HGPcayliwcdoUFzvbTok not found"));
}

void TestSandboxSubresources::appointmentsAreListedAsStored()
{
    SandboxFixture fx;
    const QString contact = createContact(fx, QStringLiteral("appt@example.com"));
    QVERIFY(!contact.isEmpty());
    const QString path = QStringLiteral("/contacts/%1/appointments").arg(contact);
    HttpResult result = fx.api("GET", path);
    CHECK_STATUS(result, 200);
    CHECK_SPEC("get-appointments-for-contact", result);
    QCOMPARE(result.object().value(QStringLiteral("events")).toArray().size(), 0);

    QJsonObject event = json(R"({"id": "YS3jaqqeehkR2Is80miy", "calendarId": "YlWd2wuCAZQzh2cH1fVZ",
        "status": "booked", "title": "Consultation", "notes": "test",
        "startTime": "2026-11-16 11:00:00", "endTime": "2026-11-16 11:30:00", "address": "Zoom",
        "groupId": "YlWd2wuCAZQzh2cH1fVZ", "appointmentStatus": "confirmed",
        "dateAdded": "2026-10-16T11:00:00+05:30", "dateUpdated": "2026-10-16T11:30:00+05:30"})");
    event.insert(QStringLiteral("contactId"), contact);
    event.insert(QStringLiteral("locationId"), fx.locationId());
    event.insert(QStringLiteral("assignedUserId"), fx.data().userId());
    event.insert(QStringLiteral("users"), QJsonArray {fx.data().userId()});
    fx.data().appointments()[contact].append(event);

    result = fx.api("GET", path);
    CHECK_STATUS(result, 200);
    CHECK_SPEC("get-appointments-for-contact", result);
    QCOMPARE(result.object().value(QStringLiteral("events")).toArray(), QJsonArray {event});
}

void TestSandboxSubresources::seededAppointmentsUseBothTimeFormats()
{
    SandboxFixture fx(300);
    const QRegularExpression spaced(QStringLiteral("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$"));
    const QRegularExpression offset(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}$"));
    int spacedCount = 0;
    int offsetCount = 0;
    int contactsWithEvents = 0;
    for (const QString& contact : listOrder(fx)) {
        if (fx.data().appointments().value(contact).isEmpty())
            continue;
        // Through the API for a few, straight from the store for the rest: it is the same list.
        if (++contactsWithEvents <= 5) {
            const HttpResult result
                = fx.api("GET", QStringLiteral("/contacts/%1/appointments").arg(contact));
            CHECK_STATUS(result, 200);
            CHECK_SPEC("get-appointments-for-contact", result);
            QCOMPARE(result.object().value(QStringLiteral("events")).toArray().size(),
                fx.data().appointments().value(contact).size());
        }
        for (const QJsonObject& event : fx.data().appointments().value(contact)) {
            QCOMPARE(event.value(QStringLiteral("contactId")).toString(), contact);
            QCOMPARE(event.value(QStringLiteral("locationId")).toString(), fx.locationId());
            QVERIFY(ContactDesk::isFirestoreId(event.value(QStringLiteral("id")).toString()));
            QVERIFY(
                ContactDesk::isFirestoreId(event.value(QStringLiteral("calendarId")).toString()));
            const QString start = event.value(QStringLiteral("startTime")).toString();
            const QString end = event.value(QStringLiteral("endTime")).toString();
            const bool isSpaced = spaced.match(start).hasMatch();
            QVERIFY2(isSpaced || offset.match(start).hasMatch(), qPrintable(start));
            // One appointment keeps to one spelling for all its times.
            for (const char* key : {"endTime", "dateAdded", "dateUpdated"}) {
                const QString time = event.value(str(key)).toString();
                QVERIFY2((isSpaced ? spaced : offset).match(time).hasMatch(), qPrintable(time));
            }
            QVERIFY2(end > start, qPrintable(start + u' ' + end));
            ++(isSpaced ? spacedCount : offsetCount);
        }
    }
    QVERIFY(contactsWithEvents > 30);
    QVERIFY2(spacedCount > 10 && offsetCount > 10,
        qPrintable(QStringLiteral("%1 spaced, %2 with offset").arg(spacedCount).arg(offsetCount)));
}

void TestSandboxSubresources::seederIsDeterministic()
{
    SandboxFixture a(0, 1);
    SandboxFixture b(0, 1);
    a.server().seed(40, 7);
    b.server().seed(40, 7);
    const QStringList ids = listOrder(a);
    QCOMPARE(ids.size(), 40);
    QCOMPARE(listOrder(b), ids);
    for (const QString& id : ids) {
        QCOMPARE(*b.data().liveContact(id), *a.data().liveContact(id));
        QCOMPARE(b.data().tasks().value(id), a.data().tasks().value(id));
        QCOMPARE(b.data().notes().value(id), a.data().notes().value(id));
        QCOMPARE(b.data().appointments().value(id), a.data().appointments().value(id));
    }

    // On a server with another seed (other users, businesses and location) the contacts keep
    // their ids, names, phones and dates: they come from the seeding seed.
    SandboxFixture c(0, 2);
    c.server().seed(40, 7);
    QCOMPARE(listOrder(c), ids);
    for (const QString& id : ids) {
        for (const char* key : {"name", "phone", "dateAdded", "tags"})
            QCOMPARE(c.data().liveContact(id)->value(str(key)),
                a.data().liveContact(id)->value(str(key)));
    }
    // What a client sees of them is the same too.
    const auto firstNames = [](SandboxFixture& fx) {
        QStringList names;
        const HttpResult page = fx.api(
            "GET", QStringLiteral("/contacts/?locationId=%1&limit=5").arg(fx.locationId()));
        for (const QJsonValue& contact : page.object().value(QStringLiteral("contacts")).toArray())
            names.append(contact.toObject().value(QStringLiteral("name")).toString());
        return names;
    };
    const QStringList names = firstNames(a);
    QCOMPARE(names.size(), 5);
    QCOMPARE(firstNames(c), names);
}

void TestSandboxSubresources::seederDependsOnTheSeed()
{
    SandboxFixture a;
    SandboxFixture b;
    a.server().seed(40, 7);
    b.server().seed(40, 8);
    const QStringList left = listOrder(a);
    const QStringList right = listOrder(b);
    QCOMPARE(right.size(), left.size());
    QVERIFY(QSet<QString>(left.begin(), left.end())
                .intersects(QSet<QString>(right.begin(), right.end()))
        == false);
    int sameName = 0;
    for (qsizetype i = 0; i < left.size(); ++i) {
        sameName += a.data().liveContact(left.at(i))->value(QStringLiteral("name"))
            == b.data().liveContact(right.at(i))->value(QStringLiteral("name"));
    }
    QVERIFY2(sameName < 5, qPrintable(QString::number(sameName)));

    // Seeding again adds to what is there, with fresh ids and addresses.
    a.server().seed(40, 7);
    const QStringList twice = listOrder(a);
    QCOMPARE(twice.size(), 80);
    QSet<QString> emails;
    for (const QString& id : twice) {
        const QString email = a.data().liveContact(id)->value(QStringLiteral("email")).toString();
        QVERIFY2(email.isEmpty() || !emails.contains(email.toLower()), qPrintable(email));
        emails.insert(email.toLower());
    }
}

void TestSandboxSubresources::seededContactsLookLikeApiContacts()
{
    SandboxFixture fx(300);
    const qint64 now = fx.clock().nowMs();
    QSet<QString> emails;
    QSet<QString> phones;
    QSet<QString> dates;
    QSet<QString> fieldIds;
    for (const QJsonObject& field : fx.data().customFieldDefinitions())
        fieldIds.insert(field.value(QStringLiteral("id")).toString());
    int withCustomFields = 0;
    int withBusiness = 0;
    int withDnd = 0;
    const QStringList ids = listOrder(fx);
    QCOMPARE(ids.size(), 300);
    for (const QString& id : ids) {
        const QJsonObject c = *fx.data().liveContact(id);
        const auto text = [&c](const char* key) { return c.value(str(key)).toString(); };
        QVERIFY(ContactDesk::isFirestoreId(id));
        QCOMPARE(text("locationId"), fx.locationId());
        QCOMPARE(text("name"), text("firstName") + u' ' + text("lastName"));
        QCOMPARE(text("firstNameLowerCase"), text("firstName").toLower());
        QCOMPARE(text("lastNameLowerCase"), text("lastName").toLower());
        QCOMPARE(text("fullNameLowerCase"), text("name").toLower());
        QCOMPARE(text("type"), str("lead"));
        QCOMPARE(text("country"), str("US"));
        QVERIFY(!text("source").isEmpty());
        if (c.contains(QStringLiteral("email"))) {
            QCOMPARE(text("emailLowerCase"), text("email").toLower());
            QVERIFY2(!emails.contains(text("emailLowerCase")), qPrintable(text("email")));
            emails.insert(text("emailLowerCase"));
        }
        if (c.contains(QStringLiteral("phone"))) {
            QCOMPARE(ContactDesk::toE164(text("phone"), str("US")), text("phone"));
            QVERIFY2(!phones.contains(text("phone")), qPrintable(text("phone")));
            phones.insert(text("phone"));
        }
        QCOMPARE(text("postalCode").size(), 5);

        const QString added = text("dateAdded");
        const qint64 addedMs = QDateTime::fromString(added, Qt::ISODateWithMs).toMSecsSinceEpoch();
        QCOMPARE(ContactDesk::isoUtc(addedMs), added);
        QVERIFY2(addedMs >= now - 365 * dayMs && addedMs < now, qPrintable(added));
        QVERIFY2(!dates.contains(added), qPrintable(added));
        dates.insert(added);
        const QString updated = text("dateUpdated");
        QCOMPARE(ContactDesk::isoUtc(QDateTime::fromString(updated, Qt::ISODateWithMs)), updated);
        QVERIFY2(updated >= added && updated <= ContactDesk::isoUtc(now), qPrintable(updated));

        const QJsonArray tags = c.value(QStringLiteral("tags")).toArray();
        QCOMPARE(QSet<QJsonValue>(tags.begin(), tags.end()).size(), tags.size());
        const QJsonArray custom = c.value(QStringLiteral("customFields")).toArray();
        withCustomFields += !custom.isEmpty();
        for (const QJsonValue& field : custom)
            QVERIFY(fieldIds.contains(field.toObject().value(QStringLiteral("id")).toString()));
        if (c.contains(QStringLiteral("businessId"))) {
            ++withBusiness;
            QVERIFY(fx.data().businesses().contains(text("businessId")));
        }
        withDnd += c.contains(QStringLiteral("dndSettings"));
    }
    QVERIFY(emails.size() > 250);
    QVERIFY(phones.size() > 230);
    QVERIFY(withCustomFields > 100);
    QVERIFY(withBusiness > 10);
    QVERIFY(withDnd > 5);

    // And the API serves them as the spec describes a contact.
    const HttpResult result = fx.api("GET", QStringLiteral("/contacts/") + ids.constFirst());
    CHECK_STATUS(result, 200);
    CHECK_SPEC("get-contact", result);
}

void TestSandboxSubresources::seededSubresources()
{
    SandboxFixture fx(300);
    int withTasks = 0;
    const qint64 now = fx.clock().nowMs();
    for (const QString& id : listOrder(fx)) {
        const QList<QJsonObject> tasks = fx.data().tasks().value(id);
        const QList<QJsonObject> notes = fx.data().notes().value(id);
        const QList<QJsonObject> events = fx.data().appointments().value(id);
        QVERIFY(tasks.size() <= 3 && notes.size() <= 3 && events.size() <= 2);
        if (tasks.isEmpty()) {
            QVERIFY2(notes.isEmpty() && events.isEmpty(), qPrintable(id));
            continue;
        }
        ++withTasks;
        for (const QJsonObject& record : tasks + notes) {
            QCOMPARE(record.value(QStringLiteral("contactId")).toString(), id);
            QVERIFY(
                record.value(QStringLiteral("dateAdded")).toString() <= ContactDesk::isoUtc(now));
        }
        if (withTasks > 3)
            continue;
        const HttpResult taskList = fx.api("GET", QStringLiteral("/contacts/%1/tasks").arg(id));
        CHECK_STATUS(taskList, 200);
        CHECK_SPEC("get-all-tasks", taskList);
        QCOMPARE(taskList.object().value(QStringLiteral("tasks")).toArray().size(), tasks.size());
        const HttpResult noteList = fx.api("GET", QStringLiteral("/contacts/%1/notes").arg(id));
        CHECK_STATUS(noteList, 200);
        CHECK_SPEC("get-all-notes", noteList);
        QCOMPARE(noteList.object().value(QStringLiteral("notes")).toArray().size(), notes.size());
        // Seeded tasks take the same updates as written ones.
        const QString taskPath = QStringLiteral("/contacts/%1/tasks/%2")
                                     .arg(id, tasks.first().value(QStringLiteral("id")).toString());
        const HttpResult completed = fx.api(
            "PUT", taskPath + QStringLiteral("/completed"), json(R"({"completed": true})"));
        CHECK_STATUS(completed, 200);
        QCOMPARE(taskOf(completed).value(QStringLiteral("completed")), QJsonValue(true));
    }
    // About a third of the contacts carry tasks, notes and appointments.
    QVERIFY2(withTasks >= 60 && withTasks <= 140, qPrintable(QString::number(withTasks)));
}

QTEST_GUILESS_MAIN(TestSandboxSubresources)
#include "tst_sandboxsubresources.moc"
