// A demo contact's own fields: name, e-mail, phone, address, company, tags, DND and custom
// fields, in the order a stored record reads.
#include "sandbox/sandboxdata.h"
#include "sandbox/sandboxseeder_p.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace ContactDesk::Sandbox::Seeding {

using namespace SeedText;
using namespace SeedVocabulary;

QJsonObject Seeder::contact(Person& person)
{
    const Name& first = m_firstNames.at(pick(m_firstNames.size()));
    const Name& last = m_lastNames.at(pick(m_lastNames.size()));
    const int cityIndex = pick(cityCount);
    const City& city = cities[cityIndex];
    person.id = newId();
    person.name = first.display + ' ' + last.display;
    person.zone = city.zone;

    QByteArray company;
    QByteArray businessId;
    if (!m_businesses.isEmpty() && chance(15)) {
        const Business& business = m_businesses.at(pick(m_businesses.size()));
        businessId = business.id;
        company = business.name;
    } else if (chance(55)) {
        // Draws in an expression of their own: C++ leaves the order of operands and arguments
        // open, and a seed must give the same data whichever compiler built the sandbox. The
        // order kept (here, in address1 and in TIME values) is the one seeded data always had.
        const QByteArray& trade = pick(m_trades);
        company = pick(m_stems) + ' ' + trade;
    }
    QByteArray domain;
    for (const char c : std::as_const(company)) {
        if (QChar::isLetterOrNumber(uchar(c)) && uchar(c) < 128)
            domain += char(QChar::toLower(uchar(c)));
    }
    if (!domain.isEmpty())
        domain += ".com";

    // Keys in the order QJsonObject sorts them, as a stored record reads.
    JsonText& j = m_json;
    j.beginObject();
    if (chance(85)) {
        const QByteArray& streetType = pick(m_streetTypes);
        const QByteArray& street = pick(m_streets);
        j.field("address1", QByteArray::number(1 + pick(9899)) + ' ' + street + ' ' + streetType);
    }
    if (!m_users.isEmpty() && chance(50))
        j.field("assignedTo", userId());
    if (!businessId.isEmpty())
        j.field("businessId", businessId);
    j.field("city", city.name);
    if (!company.isEmpty())
        j.field("companyName", company);
    j.field("country", "US");
    writeCustomFields(false);
    j.field("dateAdded", TimeText(person.addedMs, TimeStyle::IsoUtc));
    if (chance(30)) {
        const qint64 born = between(-20 * 365 * dayMs, 34 * 365 * dayMs) / dayMs * dayMs;
        j.field("dateOfBirth", TimeText(born, TimeStyle::IsoUtc));
    }
    const qint64 updated = chance(50) ? person.addedMs : between(person.addedMs, m_now);
    j.field("dateUpdated", TimeText(updated, TimeStyle::IsoUtc));
    const int dnd = pick(100);
    j.flag("dnd", dnd < 3);
    if (dnd < 10)
        writeDndSettings(dnd < 3);
    if (chance(95)) {
        const QByteArray email = uniqueEmail(first, last, domain);
        j.field("email", email);
        j.field("emailLowerCase", email.toLower());
    }
    j.field("firstName", first.display);
    j.field("firstNameLowerCase", first.lower);
    if (!m_users.isEmpty() && chance(5)) {
        const QByteArray follower = userId();
        m_data.followers().insert(QString::fromLatin1(person.id), {QString::fromLatin1(follower)});
        j.key("followers");
        j.beginArray();
        j.string(follower);
        j.endArray();
    }
    j.field("fullNameLowerCase", first.lower + ' ' + last.lower);
    j.field("id", person.id);
    j.field("lastName", last.display);
    j.field("lastNameLowerCase", last.lower);
    j.field("locationId", m_locationId);
    j.field("name", person.name);
    if (chance(88))
        j.field("phone", uniquePhone(cityIndex));
    j.field(
        "postalCode", QByteArray::number(city.zip + pick(city.zipCount)).rightJustified(5, '0'));
    j.field("source", pick(m_sources));
    j.field("state", city.state);
    writeTags();
    if (chance(90))
        j.field("timezone", zoneIds[city.zone]);
    j.field("type", "lead");
    if (!domain.isEmpty() && chance(40))
        j.field("website", "https://www." + domain);
    j.endObject();
    return j.take().toObject();
}

QByteArray Seeder::uniqueEmail(const Name& first, const Name& last, const QByteArray& companyDomain)
{
    const QByteArray domain
        = !companyDomain.isEmpty() && chance(60) ? companyDomain : pick(m_personalDomains);
    const QByteArray f = first.ascii.isEmpty() ? QByteArray("contact") : first.ascii;
    const QByteArray l = last.ascii.isEmpty() ? QByteArray("person") : last.ascii;
    QByteArray local;
    switch (pick(6)) {
    case 0:
        local = f + '.' + l;
        break;
    case 1:
        local = f + l;
        break;
    case 2:
        local = f.left(1) + l;
        break;
    case 3:
        local = f + '_' + l;
        break;
    case 4:
        local = f + '.' + l + QByteArray::number(10 + pick(90));
        break;
    default:
        local = f + l.left(1) + QByteArray::number(60 + pick(40));
        break;
    }
    // Some people type their address capitalised; emailLowerCase is what matching uses.
    if (chance(6))
        local[0] = char(QChar::toUpper(uchar(local.at(0))));
    QByteArray email = local + '@' + domain;
    for (int n = 2; m_emails.contains(email.toLower()); ++n)
        email = local + QByteArray::number(n) + '@' + domain;
    m_emails.insert(email.toLower());
    return email;
}

// Unique per area code: the line number walks a fixed permutation of 0000-9999 (7919 is prime
// to 10,000) and the exchange moves on every 10,000 numbers.
QByteArray Seeder::uniquePhone(int cityIndex)
{
    const City& city = cities[cityIndex];
    QByteArray phone;
    do {
        const int n = m_phonesPerCity[cityIndex]++;
        const int line = int((qint64(n) * 7919 + cityIndex * 1237) % 10000);
        phone = QByteArray("+1") + city.areaCode + exchanges[(n / 10000) % std::size(exchanges)]
            + QByteArray::number(line).rightJustified(4, '0');
    } while (m_phones.contains(phone));
    m_phones.insert(phone);
    return phone;
}

void Seeder::writeTags()
{
    m_json.key("tags");
    m_json.beginArray();
    std::array<int, 3> chosen {};
    const int wanted = int(std::min<qsizetype>(pick(4), m_tags.size()));
    for (int n = 0; n < wanted;) {
        const int index = pick(m_tags.size());
        if (std::find(chosen.begin(), chosen.begin() + n, index) != chosen.begin() + n)
            continue;
        chosen[n++] = index;
        m_json.string(m_tags.at(index));
    }
    m_json.endArray();
}

void Seeder::writeDndSettings(bool everything)
{
    JsonText& j = m_json;
    j.key("dndSettings");
    j.beginObject();
    if (everything) {
        for (const char* channel : dndChannels) {
            j.key(channel);
            j.beginObject();
            j.field("message", "Asked not to be contacted");
            j.field("status", "active");
            j.endObject();
        }
    } else {
        const bool sms = chance(50);
        j.key(sms ? "SMS" : "Email");
        j.beginObject();
        j.field("message", sms ? "Replied STOP" : "Unsubscribed from emails");
        j.field("status", "active");
        j.endObject();
    }
    j.endObject();
}

// Read-side shape {id, value}; the value's JSON type follows the field's dataType the way the
// contact writer stores it, and option fields hold options of their picklist.
void Seeder::writeCustomFields(bool everyField)
{
    JsonText& j = m_json;
    j.key("customFields");
    j.beginArray();
    for (const Field& field : std::as_const(m_customFields)) {
        if (!everyField && !chance(35))
            continue;
        j.beginObject();
        j.field("id", field.id);
        j.key("value");
        writeCustomValue(field.dataType, field.options);
        j.endObject();
    }
    j.endArray();
}

void Seeder::writeCustomValue(const QByteArray& type, const Words& options)
{
    JsonText& j = m_json;
    if (type == "NUMERICAL") {
        j.number(pick(101));
    } else if (type == "MONETORY") {
        j.decimal((5000 + pick(495001)) / 100.0);
    } else if (type == "FLOAT") {
        j.decimal(pick(41) / 100.0);
    } else if (type == "DATE") {
        j.string(QDateTime::fromMSecsSinceEpoch(m_now + (pick(500) - 200) * dayMs, QTimeZone::utc())
                     .date()
                     .toString(Qt::ISODate)
                     .toLatin1());
    } else if (type == "TIME") {
        const int minute = 30 * pick(2);
        j.string(QTime(8 + pick(10), minute).toString(QStringLiteral("HH:mm")).toLatin1());
    } else if (type == "PHONE") {
        j.string("+1415555" + QByteArray::number(1000 + pick(9000)));
    } else if ((type == "SINGLE_OPTIONS" || type == "RADIO") && !options.isEmpty()) {
        j.string(pick(options));
    } else if ((type == "MULTIPLE_OPTIONS" || type == "CHECKBOX") && !options.isEmpty()) {
        j.beginArray();
        const int first = pick(options.size());
        const int n = 1 + pick(std::min<qsizetype>(3, options.size()));
        for (int i = 0; i < n; ++i)
            j.string(options.at((first + i) % options.size()));
        j.endArray();
    } else if (type == "TEXTBOX_LIST") {
        j.beginArray();
        const int n = 1 + pick(2);
        for (int i = 0; i < n; ++i)
            j.string(m_firstNames.at(pick(m_firstNames.size())).display);
        j.endArray();
    } else {
        j.string(pick(type == "LARGE_TEXT" ? m_longTexts : m_texts));
    }
}

} // namespace ContactDesk::Sandbox::Seeding
