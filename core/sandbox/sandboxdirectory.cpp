#include "sandbox/sandboxdirectory.h"

#include "sandbox/sandboxdata.h"

#include <QJsonArray>

#include <algorithm>

namespace ContactDesk::Sandbox::Directory {

namespace {

using L = QLatin1StringView;

struct FieldSeed
{
    const char* key; // fieldKey without the model prefix
    const char* name;
    const char* dataType;
    const char* options; // '|'-separated picklist options, or empty
    const char* placeholder;
};

// A dental and wellness practice's contact fields: every dataType the Locations spec names.
constexpr FieldSeed contactFields[] = {
    {"membership_level", "Membership level", "SINGLE_OPTIONS", "Bronze|Silver|Gold|Platinum",
        "Choose a level"},
    {"lead_score", "Lead score", "NUMERICAL", "", "0 to 100"},
    {"lifetime_value", "Lifetime value", "MONETORY", "", "Total spent"},
    {"discount_rate", "Discount rate", "FLOAT", "", "e.g. 0.15"},
    {"renewal_date", "Renewal date", "DATE", "", ""},
    {"best_time_to_call", "Best time to call", "TIME", "", ""},
    {"preferred_contact_time", "Preferred contact time", "RADIO",
        "Morning|Afternoon|Evening|Weekends", ""},
    {"interests", "Interests", "MULTIPLE_OPTIONS",
        "Product updates|Events|Pricing|Case studies|Partnerships", ""},
    {"newsletter_topics", "Newsletter topics", "CHECKBOX",
        "Monthly digest|Product news|Webinars|Special offers", ""},
    {"referral_source", "Referral source", "TEXT", "", "Who sent them to us"},
    {"background", "Background", "LARGE_TEXT", "", "What we know about them"},
    {"assistant_phone", "Assistant's phone", "PHONE", "", "+1 555 010 0000"},
    {"family_members", "Family members", "TEXTBOX_LIST", "Partner|Child|Other", ""},
    {"preferred_language", "Preferred language", "SINGLE_OPTIONS",
        "English|Spanish|French|German|Portuguese", ""},
};
constexpr FieldSeed opportunityFields[] = {
    {"deal_notes", "Deal notes", "LARGE_TEXT", "", ""},
    {"expected_close", "Expected close", "DATE", "", ""},
};
// The second location keeps a smaller set of its own.
constexpr FieldSeed secondLocationFields[] = {
    {"insurance_provider", "Insurance provider", "TEXT", "", ""},
    {"last_checkup", "Last check-up", "DATE", "", ""},
    {"patient_type", "Patient type", "SINGLE_OPTIONS", "New|Returning|Referral", ""},
};

constexpr const char* tagNames[]
    = {"customer", "lead", "vip", "newsletter", "webinar-2026", "trial", "churn-risk", "partner",
        "referral", "event-attendee", "follow-up", "cold", "warm", "hot", "do-not-call"};
constexpr const char* secondLocationTags[] = {"patient", "recall-due", "new-patient"};

struct UserSeed
{
    const char* first;
    const char* last;
    const char* email;
    const char* phone;
    const char* role;
    bool bothLocations;
};
constexpr UserSeed users[] = {
    {"Maya", "Okafor", "maya.okafor@contactdesk-demo.test", "+14155550101", "admin", true},
    {"Daniel", "Brooks", "daniel.brooks@contactdesk-demo.test", "+14155550102", "user", false},
    {"Priya", "Raman", "priya.raman@contactdesk-demo.test", "+14155550103", "user", false},
    {"Lukas", "Becker", "lukas.becker@contactdesk-demo.test", "+14155550104", "user", true},
    {"Sofia", "Marquez", "sofia.marquez@contactdesk-demo.test", "+14155550105", "user", false},
};

struct CalendarSeed
{
    const char* name;
    const char* description;
    const char* slug;
    int minutes;
    const char* color;
};
constexpr CalendarSeed calendars[] = {
    {"Discovery call", "A first 30-minute call with a new lead", "discovery-call", 30, "#039be5"},
    {"Product demo", "A guided demo of the product for a prospect", "product-demo", 60, "#33b679"},
    {"Onboarding session", "Getting a new customer set up", "onboarding", 45, "#f6bf26"},
};
constexpr CalendarSeed secondLocationCalendars[] = {
    {"Check-up", "Routine dental check-up", "check-up", 30, "#d50000"},
};

QString text(const char* s)
{
    return QString::fromUtf8(s);
}

template <size_t N>
void addFields(SandboxData& data, const QString& locationId, const FieldSeed (&seeds)[N],
    const QString& model, int* position)
{
    for (const FieldSeed& seed : seeds) {
        QJsonObject field {{QStringLiteral("id"), data.newId()},
            {QStringLiteral("name"), text(seed.name)},
            {QStringLiteral("fieldKey"), model + u'.' + text(seed.key)},
            {QStringLiteral("placeholder"), text(seed.placeholder)},
            {QStringLiteral("dataType"), text(seed.dataType)},
            {QStringLiteral("position"), *position}, {QStringLiteral("locationId"), locationId},
            {QStringLiteral("model"), model}};
        *position += 50;
        if (*seed.options) {
            field.insert(QStringLiteral("picklistOptions"),
                QJsonArray::fromStringList(text(seed.options).split(u'|')));
        }
        data.customFieldDefinitions().append(field);
    }
}

template <size_t N>
void addTags(SandboxData& data, const QString& locationId, const char* const (&names)[N])
{
    for (const char* name : names) {
        data.tags().append({{QStringLiteral("id"), data.newId()},
            {QStringLiteral("name"), text(name)}, {QStringLiteral("locationId"), locationId}});
    }
}

template <size_t N>
void addCalendars(SandboxData& data, const QString& locationId, const CalendarSeed (&seeds)[N])
{
    const QString groupId = data.newId();
    for (const CalendarSeed& seed : seeds) {
        data.calendars().append(
            {{QStringLiteral("id"), data.newId()}, {QStringLiteral("name"), text(seed.name)},
                {QStringLiteral("description"), text(seed.description)},
                {QStringLiteral("locationId"), locationId}, {QStringLiteral("groupId"), groupId},
                {QStringLiteral("slug"), text(seed.slug)},
                {QStringLiteral("widgetSlug"), text(seed.slug)},
                {QStringLiteral("calendarType"), QStringLiteral("round_robin")},
                {QStringLiteral("widgetType"), QStringLiteral("classic")},
                {QStringLiteral("eventColor"), text(seed.color)},
                {QStringLiteral("slotDuration"), seed.minutes},
                {QStringLiteral("slotDurationUnit"), QStringLiteral("mins")},
                {QStringLiteral("isActive"), true}});
    }
}

} // namespace

void seed(SandboxData& data)
{
    const QList<Location>& locations = data.locations();
    const QString main = locations.first().id;
    const QString second = locations.size() > 1 ? locations.at(1).id : QString();

    int position = 0;
    addFields(data, main, contactFields, QStringLiteral("contact"), &position);
    position = 0;
    addFields(data, main, opportunityFields, QStringLiteral("opportunity"), &position);
    addTags(data, main, tagNames);
    addCalendars(data, main, calendars);
    if (!second.isEmpty()) {
        position = 0;
        addFields(data, second, secondLocationFields, QStringLiteral("contact"), &position);
        addTags(data, second, secondLocationTags);
        addCalendars(data, second, secondLocationCalendars);
    }

    for (const UserSeed& seed : users) {
        QStringList locationIds {main};
        if (seed.bothLocations && !second.isEmpty())
            locationIds.append(second);
        data.users().append({{QStringLiteral("id"), data.newId()},
            {QStringLiteral("name"), text(seed.first) + u' ' + text(seed.last)},
            {QStringLiteral("firstName"), text(seed.first)},
            {QStringLiteral("lastName"), text(seed.last)},
            {QStringLiteral("email"), text(seed.email)},
            {QStringLiteral("phone"), text(seed.phone)}, {QStringLiteral("extension"), QString()},
            {QStringLiteral("roles"),
                QJsonObject {{QStringLiteral("type"), QStringLiteral("account")},
                    {QStringLiteral("role"), text(seed.role)},
                    {QStringLiteral("locationIds"), QJsonArray::fromStringList(locationIds)},
                    {QStringLiteral("restrictSubAccount"), false}}}});
    }
}

QList<QJsonObject> customFieldsOf(const SandboxData& data, const QString& locationId)
{
    QList<QJsonObject> fields;
    for (const QJsonObject& field : data.customFieldDefinitions()) {
        if (field.value(L("locationId")).toString() == locationId)
            fields.append(field);
    }
    std::stable_sort(fields.begin(), fields.end(), [](const QJsonObject& a, const QJsonObject& b) {
        return a.value(L("position")).toDouble() < b.value(L("position")).toDouble();
    });
    return fields;
}

bool userBelongsTo(const QJsonObject& user, const QString& locationId)
{
    const QJsonArray ids = user.value(L("roles")).toObject().value(L("locationIds")).toArray();
    return ids.contains(QJsonValue(locationId));
}

QStringList userIdsOf(const SandboxData& data, const QString& locationId)
{
    QStringList ids;
    for (const QJsonObject& user : data.users()) {
        if (userBelongsTo(user, locationId))
            ids.append(user.value(L("id")).toString());
    }
    return ids;
}

QStringList calendarIdsOf(const SandboxData& data, const QString& locationId)
{
    QStringList ids;
    for (const QJsonObject& calendar : data.calendars()) {
        if (calendar.value(L("locationId")).toString() == locationId)
            ids.append(calendar.value(L("id")).toString());
    }
    return ids;
}

} // namespace ContactDesk::Sandbox::Directory
