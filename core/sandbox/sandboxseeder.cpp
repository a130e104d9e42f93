#include "sandbox/sandboxseeder.h"

#include "common/clock.h"
#include "common/ids.h"
#include "sandbox/sandboxdata.h"
#include "sandbox/sandboxdirectory.h"
#include "sandbox/seedtext.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>
#include <string>
#include <vector>

namespace ContactDesk::Sandbox {

namespace {

using namespace SeedText;

// Vocabularies, '|'-separated UTF-8. Emails use the names' ASCII spelling.
const char firstNameList[]
    = "James|Mary|Robert|Patricia|John|Jennifer|Michael|Linda|David|Elizabeth|William|Barbara|"
      "Richard|Susan|Joseph|Jessica|Thomas|Sarah|Christopher|Karen|Daniel|Lisa|Matthew|Nancy|"
      "Anthony|Betty|Mark|Sandra|Steven|Ashley|Andrew|Emily|Joshua|Michelle|Kevin|Amanda|Brian|"
      "Melissa|Jason|Stephanie|Ryan|Rebecca|Jacob|Laura|Nicholas|Olivia|Ethan|Sophia|Liam|Ava|"
      "Noah|Isabella|Lucas|Mia|Mateo|Camila|Diego|Valentina|Wei|Mei|Hiroshi|Yuki|Priya|Arjun|"
      "Aisha|Omar|Fatima|Chloé|José|Zoë|Søren|Björn|Renée|Siobhan|Kwame|Ngozi|Dmitri|Anastasia|"
      "Lars|Ingrid|Marisol|Thiago|Amara|Kai";
const char lastNameList[]
    = "Smith|Johnson|Williams|Brown|Jones|Garcia|Miller|Davis|Rodriguez|Martinez|Hernandez|Lopez|"
      "Gonzalez|Wilson|Anderson|Thomas|Taylor|Moore|Jackson|Martin|Lee|Perez|Thompson|White|"
      "Harris|Sanchez|Clark|Ramirez|Lewis|Robinson|Walker|Young|Allen|King|Wright|Scott|Torres|"
      "Nguyen|Hill|Flores|Green|Adams|Nelson|Baker|Hall|Rivera|Campbell|Mitchell|Carter|Roberts|"
      "Chen|Wang|Kim|Patel|Singh|Tanaka|Sato|Okafor|Mensah|Ivanova|Kowalski|O'Brien|McCarthy|"
      "Müller|Schröder|Núñez|Peña|Larsen|Johansson|Rossi|Dubois|Haddad";
const char companyStemList[]
    = "Blue Ridge|Summit|Harbor|Pioneer|Redwood|Granite|Lakeside|Northwind|Silver Oak|Evergreen|"
      "Bright Path|Cornerstone|Golden Gate|Maple Leaf|Riverbend|Sunrise|Keystone|Clearwater|"
      "Ironwood|Bayview";
const char companyTradeList[]
    = "Dental|Realty|Fitness|Plumbing|Marketing|Law Group|Auto Repair|Roofing|Bakery|Consulting|"
      "Insurance|Landscaping|Med Spa|Solar|Chiropractic|Accounting|Veterinary Clinic|HVAC|"
      "Photography|Coaching";
const char personalDomainList[]
    = "gmail.com|yahoo.com|outlook.com|icloud.com|hotmail.com|aol.com|proton.me";
const char streetList[] = "Main|Oak|Maple|Cedar|Pine|Elm|Washington|Lake|Hill|Park|Sunset|Highland|"
                          "River|Church|Mill|Lincoln|Franklin|Jefferson|Spring|Ridge";
const char streetTypeList[] = "St|Ave|Blvd|Rd|Ln|Dr|Ct|Way|Pl";
const char sourceList[]
    = "public api|CRM UI|Website form|Facebook lead ad|Referral|CSV import|Zapier";
const char taskTitleList[]
    = "Call back about pricing|Send proposal|Follow up on demo|Schedule site visit|"
      "Confirm appointment|Send contract|Check in after onboarding|Collect missing documents|"
      "Prepare quote|Renewal reminder";
const char taskBodyList[]
    = "Asked for the annual plan numbers.|Wants a call after 3pm.|"
      "Decision maker is out until next week.|Send the revised quote with the discount.|"
      "Mentioned a competitor's offer.|Needs the signed W-9 before we start.";
const char noteTitleList[] = "Call summary|Meeting notes|Follow-up summary|Billing|Preferences";
const char noteBodyList[]
    = "Spoke on the phone; interested in the premium package but wants to compare options.|"
      "Prefers email over phone calls. Best reached in the morning.|"
      "Met at the spring trade show. Asked about group pricing.|"
      "Left a voicemail, no answer yet.|"
      "Confirmed the billing address and updated the card on file.|"
      "Referred by an existing customer; offer the referral discount.|"
      "Unhappy with the last delivery delay; follow up personally.";
const char noteColorList[] = "#FFAA00|#4CAF50|#2196F3|#E91E63";
const char appointmentKindList[]
    = "Consultation|Discovery call|Follow-up visit|Product demo|Site assessment";
const char appointmentNoteList[] = "Bring the signed paperwork.|"
                                   "Customer asked for a reminder text.|"
                                   "Parking is behind the building.";
const char textList[] = "Google search|Friend|LinkedIn|Trade show|Podcast|Yelp";
const char longTextList[] = "Runs a family business with three locations; expanding next year.|"
                            "Former customer who came back after a two-year break.|"
                            "Works in procurement; needs invoices with purchase order numbers.";
const char* const zoneIds[] = {"America/New_York", "America/Chicago", "America/Denver",
    "America/Phoenix", "America/Los_Angeles"};
const char* const dndChannels[] = {"Call", "Email", "SMS", "WhatsApp", "GMB", "FB"};
// 555 first: those numbers are fictional. The others only come into play past 10,000 contacts
// in one area code.
const char* const exchanges[] = {"555", "556", "557", "558", "559", "552", "553", "554"};

struct City
{
    const char* name;
    const char* state;
    int zip; // first postal code of the city
    int zipCount; // how many follow it
    const char* areaCode;
    int zone; // index into zoneIds
};

const City cities[] = {
    {"San Francisco", "CA", 94102, 30, "415", 4},
    {"Los Angeles", "CA", 90001, 90, "213", 4},
    {"San Diego", "CA", 92101, 40, "619", 4},
    {"San Jose", "CA", 95110, 30, "408", 4},
    {"Seattle", "WA", 98101, 60, "206", 4},
    {"Portland", "OR", 97201, 30, "503", 4},
    {"Las Vegas", "NV", 89101, 50, "702", 4},
    {"Phoenix", "AZ", 85001, 50, "602", 3},
    {"Tucson", "AZ", 85701, 40, "520", 3},
    {"Denver", "CO", 80201, 40, "303", 2},
    {"Salt Lake City", "UT", 84101, 30, "801", 2},
    {"Albuquerque", "NM", 87101, 20, "505", 2},
    {"Dallas", "TX", 75201, 50, "214", 1},
    {"Austin", "TX", 78701, 50, "512", 1},
    {"Houston", "TX", 77001, 90, "713", 1},
    {"Chicago", "IL", 60601, 60, "312", 1},
    {"Minneapolis", "MN", 55401, 30, "612", 1},
    {"Kansas City", "MO", 64101, 50, "816", 1},
    {"Nashville", "TN", 37201, 30, "615", 1},
    {"New Orleans", "LA", 70112, 20, "504", 1},
    {"New York", "NY", 10001, 90, "212", 0},
    {"Brooklyn", "NY", 11201, 30, "718", 0},
    {"Boston", "MA", 2108, 30, "617", 0},
    {"Philadelphia", "PA", 19102, 50, "215", 0},
    {"Washington", "DC", 20001, 30, "202", 0},
    {"Atlanta", "GA", 30301, 60, "404", 0},
    {"Miami", "FL", 33101, 90, "305", 0},
    {"Orlando", "FL", 32801, 30, "407", 0},
    {"Charlotte", "NC", 28201, 80, "704", 0},
    {"Detroit", "MI", 48201, 40, "313", 0},
    {"Columbus", "OH", 43201, 30, "614", 0},
    {"Pittsburgh", "PA", 15201, 30, "412", 0},
};
constexpr int cityCount = int(std::size(cities));

using Words = QList<QByteArray>;

Words words(const char* list)
{
    return QByteArray(list).split('|');
}

struct Name
{
    QByteArray display; // UTF-8
    QByteArray lower; // UTF-8, as the API's *LowerCase fields
    QByteArray ascii; // lower-case ASCII letters, for email addresses
};

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

struct Business
{
    QByteArray id;
    QByteArray name;
};

struct Person
{
    QByteArray id;
    QByteArray name;
    int zone = 0;
    qint64 addedMs = 0;
};

class Seeder
{
public:
    Seeder(SandboxData& data, quint64 seed);
    void run(int count);

private:
    int pick(qsizetype n) { return int(m_random.bounded(quint32(n))); }
    const QByteArray& pick(const Words& list) { return list.at(pick(list.size())); }
    bool chance(int percent) { return pick(100) < percent; }
    qint64 between(qint64 from, qint64 to)
    {
        return to <= from ? from : from + qint64(m_random.bounded(double(to - from)));
    }
    QByteArray newId();
    QByteArray userId() { return m_users.isEmpty() ? QByteArray() : pick(m_users); }

    QJsonObject contact(Person& person);
    QByteArray uniqueEmail(const Name& first, const Name& last, const QByteArray& companyDomain);
    QByteArray uniquePhone(int cityIndex);
    void writeTags();
    void writeDndSettings(bool everything);
    void writeCustomFields(bool everyField);
    void writeCustomValue(const QByteArray& dataType, const Words& options);
    void showcase();
    void addTasks(const Person& person);
    void addNotes(const Person& person);
    void addAppointments(const Person& person);
    void store(QList<QJsonObject>& list);

    SandboxData& m_data;
    QRandomGenerator m_random;
    const qint64 m_now;
    const QByteArray m_locationId;
    const QByteArray m_locationAddress;
    JsonText m_json;
    Words m_users;
    QList<Name> m_firstNames;
    QList<Name> m_lastNames;
    QList<Business> m_businesses;
    struct Field
    {
        QByteArray id;
        QByteArray dataType;
        Words options; // the picklist; TEXTBOX_LIST: the boxes' labels
    };
    QList<Field> m_customFields; // the main location's contact fields, in field order
    struct CalendarRef
    {
        QByteArray id;
        QByteArray groupId;
    };
    QList<CalendarRef> m_calendars;
    QList<QByteArray> m_created; // ids of the contacts this run made
    std::vector<ZoneOffsets> m_zones;
    QSet<QByteArray> m_emails; // lower case
    QSet<QByteArray> m_phones;
    std::array<int, cityCount> m_phonesPerCity {};
    Words m_stems = words(companyStemList);
    Words m_trades = words(companyTradeList);
    Words m_personalDomains = words(personalDomainList);
    Words m_streets = words(streetList);
    Words m_streetTypes = words(streetTypeList);
    Words m_tags; // the main location's tags
    Words m_sources = words(sourceList);
    Words m_taskTitles = words(taskTitleList);
    Words m_taskBodies = words(taskBodyList);
    Words m_noteTitles = words(noteTitleList);
    Words m_noteBodies = words(noteBodyList);
    Words m_noteColors = words(noteColorList);
    Words m_appointmentKinds = words(appointmentKindList);
    Words m_appointmentNotes = words(appointmentNoteList);
    Words m_texts = words(textList);
    Words m_longTexts = words(longTextList);
};

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
        company = pick(m_stems) + ' ' + pick(m_trades);
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
        j.field("address1",
            QByteArray::number(1 + pick(9899)) + ' ' + pick(m_streets) + ' ' + pick(m_streetTypes));
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
        j.string(QTime(8 + pick(10), 30 * pick(2)).toString(QStringLiteral("HH:mm")).toLatin1());
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

void Seeder::store(QList<QJsonObject>& list)
{
    const QJsonArray records = m_json.take().toArray();
    for (const QJsonValue& record : records)
        list.append(record.toObject());
}

void Seeder::addTasks(const Person& person)
{
    JsonText& j = m_json;
    const int count = 1 + pick(3);
    std::array<qint64, 3> added {};
    for (int i = 0; i < count; ++i)
        added[i] = between(person.addedMs, m_now);
    std::sort(added.begin(), added.begin() + count);
    j.beginArray();
    for (int i = 0; i < count; ++i) {
        const qint64 due
            = between(added[i], m_now + 30 * dayMs) / (15 * minuteMs) * (15 * minuteMs);
        j.beginObject();
        if (!m_users.isEmpty() && chance(70))
            j.field("assignedTo", userId());
        if (chance(70))
            j.field("body", pick(m_taskBodies));
        j.flag("completed", due < m_now ? chance(70) : chance(10));
        j.field("contactId", person.id);
        j.field("dateAdded", TimeText(added[i], TimeStyle::IsoUtc));
        j.field("dueDate", TimeText(due, TimeStyle::IsoUtc));
        j.field("id", firestoreId(m_random).toLatin1());
        j.field("title", pick(m_taskTitles));
        j.endObject();
    }
    j.endArray();
    store(m_data.tasks()[QString::fromLatin1(person.id)]);
}

void Seeder::addNotes(const Person& person)
{
    const int count = pick(4);
    if (count == 0)
        return;
    JsonText& j = m_json;
    j.beginArray();
    for (int i = 0; i < count; ++i) {
        j.beginObject();
        j.field("body", pick(m_noteBodies));
        if (chance(20))
            j.field("color", pick(m_noteColors));
        j.field("contactId", person.id);
        j.field("dateAdded", TimeText(between(person.addedMs, m_now), TimeStyle::IsoUtc));
        j.field("id", firestoreId(m_random).toLatin1());
        j.flag("pinned", chance(10));
        if (chance(50))
            j.field("title", pick(m_noteTitles));
        if (!m_users.isEmpty() && chance(80))
            j.field("userId", userId());
        j.endObject();
    }
    j.endArray();
    store(m_data.notes()[QString::fromLatin1(person.id)]);
}

// Times in both spellings HighLevel uses for appointments, in the contact's local time: the
// spec's "YYYY-MM-DD HH:mm:ss" and webhook-style ISO with the zone's offset.
void Seeder::addAppointments(const Person& person)
{
    const int count = pick(3);
    if (count == 0)
        return;
    const ZoneOffsets& offsets = m_zones.at(person.zone);
    std::array<qint64, 2> starts {};
    for (int i = 0; i < count; ++i) {
        const qint64 day = between(person.addedMs, m_now + 60 * dayMs) / dayMs * dayMs;
        starts[i] = day + (9 + pick(8)) * hourMs + pick(2) * 30 * minuteMs
            - qint64(offsets.offsetAt(day + 12 * hourMs)) * 1000;
    }
    std::sort(starts.begin(), starts.begin() + count);

    JsonText& j = m_json;
    j.beginArray();
    for (int i = 0; i < count; ++i) {
        const qint64 start = starts[i];
        const qint64 end = start + (chance(50) ? 30 : 60) * minuteMs;
        const qint64 added = between(person.addedMs, std::min(start, m_now));
        const qint64 updated = between(added, m_now);
        const TimeStyle style = chance(50) ? TimeStyle::Spaced : TimeStyle::IsoOffset;
        const auto time = [&](qint64 ms) { return TimeText(ms, style, offsets.offsetAt(ms)); };
        const char* status = nullptr;
        if (start >= m_now)
            status = chance(80) ? "confirmed" : "new";
        else if (const int outcome = pick(100); outcome < 60)
            status = "showed";
        else
            status = outcome < 75 ? "noshow" : "cancelled";
        const QByteArray user = userId();

        j.beginObject();
        if (chance(50))
            j.field(
                "address", "https://zoom.us/j/" + QByteArray::number(1000000000 + pick(999999999)));
        else
            j.field("address", m_locationAddress);
        j.field("appointmentStatus", status);
        if (!user.isEmpty())
            j.field("assignedUserId", user);
        const CalendarRef& calendar = m_calendars.at(pick(m_calendars.size()));
        j.field("calendarId", calendar.id);
        j.field("contactId", person.id);
        j.field("dateAdded", time(added));
        j.field("dateUpdated", time(updated));
        j.field("endTime", time(end));
        j.field("groupId", calendar.groupId);
        j.field("id", firestoreId(m_random).toLatin1());
        j.field("locationId", m_locationId);
        if (chance(40))
            j.field("notes", pick(m_appointmentNotes));
        j.field("startTime", time(start));
        j.field("status", qstrcmp(status, "cancelled") == 0 ? "cancelled" : "booked");
        j.field("title", pick(m_appointmentKinds) + " with " + person.name);
        if (!user.isEmpty()) {
            j.key("users");
            j.beginArray();
            j.string(user);
            j.endArray();
        }
        j.endObject();
    }
    j.endArray();
    store(m_data.appointments()[QString::fromLatin1(person.id)]);
}

} // namespace

void seedContacts(SandboxData& data, int count, quint64 seed)
{
    if (count <= 0)
        return;
    Seeder(data, seed).run(count);
}

} // namespace ContactDesk::Sandbox
