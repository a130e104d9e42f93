#include "sandbox/sandboxseeder.h"

#include "common/clock.h"
#include "common/ids.h"
#include "sandbox/sandboxdata.h"
#include "sandbox/sandboxdirectory.h"
#include "sandbox/sandboxseeder_p.h"

#include <QJsonArray>

#include <algorithm>

namespace ContactDesk::Sandbox {

namespace Seeding {

using namespace SeedText;
using namespace SeedVocabulary;

Words words(const char* list)
{
    return QByteArray(list).split('|');
}

QList<Name> names(const char* list)
{
    QList<Name> result;
    for (const QByteArray& word : words(list)) {
        const QString display = QString::fromUtf8(word);
        QByteArray ascii;
        for (const QChar c : display.normalized(QString::NormalizationForm_D)) {
            if (c.isLetter() && c.unicode() < 128)
                ascii.append(char(c.toLower().unicode()));
            else if (c == u'ø' || c == u'Ø')
                ascii.append('o');
        }
        result.append({word, display.toLower().toUtf8(), ascii});
    }
    return result;
}

Seeder::Seeder(SandboxData& data, quint64 seed)
    : m_data(data)
    // A stream of its own: the data's generator may run on the same seed.
    , m_random(std::array<quint32, 3> {quint32(seed), quint32(seed >> 32), 0x5eed5eedu}.data(), 3)
    , m_now(data.clock().nowMs())
    , m_locationId(data.mainLocation().id.toUtf8())
    , m_locationAddress(data.mainLocation().address.toUtf8())
    , m_firstNames(names(firstNameList))
    , m_lastNames(names(lastNameList))
{
    for (const QString& user : data.userIds())
        m_users.append(user.toUtf8());
    for (const QJsonObject& business : std::as_const(data.businesses())) {
        m_businesses.append({business.value(QStringLiteral("id")).toString().toUtf8(),
            business.value(QStringLiteral("name")).toString().toUtf8()});
    }
    // QHash order differs between runs; the same seed must give the same data.
    std::sort(m_businesses.begin(), m_businesses.end(),
        [](const Business& a, const Business& b) { return a.id < b.id; });
    for (const QJsonObject& field : Directory::customFieldsOf(data, data.mainLocation().id)) {
        if (field.value(QStringLiteral("model")).toString() != QStringLiteral("contact"))
            continue;
        Words options;
        for (const QJsonValue& option : field.value(QStringLiteral("picklistOptions")).toArray())
            options.append(option.toString().toUtf8());
        m_customFields.append({field.value(QStringLiteral("id")).toString().toUtf8(),
            field.value(QStringLiteral("dataType")).toString().toUtf8(), options});
    }
    for (const QJsonObject& tag : std::as_const(data.tags())) {
        if (tag.value(QStringLiteral("locationId")).toString() == data.mainLocation().id)
            m_tags.append(tag.value(QStringLiteral("name")).toString().toUtf8());
    }
    for (const QJsonObject& calendar : std::as_const(data.calendars())) {
        if (calendar.value(QStringLiteral("locationId")).toString() == data.mainLocation().id) {
            m_calendars.append({calendar.value(QStringLiteral("id")).toString().toUtf8(),
                calendar.value(QStringLiteral("groupId")).toString().toUtf8()});
        }
    }
    for (const char* zone : zoneIds)
        m_zones.emplace_back(zone, m_now - 400 * dayMs, m_now + 120 * dayMs);
    for (const QJsonObject& existing : std::as_const(data.contacts())) {
        m_emails.insert(existing.value(QStringLiteral("email")).toString().toLower().toUtf8());
        m_phones.insert(existing.value(QStringLiteral("phone")).toString().toUtf8());
    }
}

QByteArray Seeder::newId()
{
    QString id;
    do {
        id = firestoreId(m_random);
    } while (m_data.contacts().contains(id));
    return id.toLatin1();
}

void Seeder::run(int count)
{
    // One dateAdded slot per contact across the past year: every value is distinct and the
    // list order follows the seed order.
    const qint64 span = 365 * dayMs;
    const qint64 start = m_now - span;
    for (int i = 0; i < count; ++i) {
        Person person;
        person.addedMs = between(start + span * i / count, start + span * (i + 1) / count);
        const QJsonObject record = contact(person);
        if (chance(33)) {
            addTasks(person);
            addNotes(person);
            addAppointments(person);
        }
        m_data.storeContact(record);
        m_created.append(person.id);
    }
    showcase();
}

// The contact the list shows first (by name) has every custom field filled and an assignee,
// so a first look at the app shows what the Overview does with them.
void Seeder::showcase()
{
    // The list sorts names by their case-folded UTF-8 bytes.
    const auto key = [](const QJsonObject& contact) {
        return contact.value(QStringLiteral("name")).toString().toCaseFolded().toUtf8();
    };
    const QJsonObject* first = nullptr;
    for (const QByteArray& id : std::as_const(m_created)) {
        const QJsonObject* contact = m_data.liveContact(QString::fromLatin1(id));
        if (contact && (!first || key(*contact) < key(*first)))
            first = contact;
    }
    if (!first || m_users.isEmpty())
        return;
    QJsonObject contact = *first;
    m_json.beginObject();
    writeCustomFields(true);
    m_json.endObject();
    contact.insert(QStringLiteral("customFields"),
        m_json.take().toObject().value(QStringLiteral("customFields")));
    contact.insert(QStringLiteral("assignedTo"), QString::fromLatin1(m_users.first()));
    m_data.storeContact(contact);
}

} // namespace Seeding

void seedContacts(SandboxData& data, int count, quint64 seed)
{
    if (count <= 0)
        return;
    Seeding::Seeder(data, seed).run(count);
}

} // namespace ContactDesk::Sandbox
