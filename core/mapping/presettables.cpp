#include "mapping/presettables.h"

#include <QHash>

namespace ContactDesk::Mapping::Presets {

namespace {

using Kind = Target::Kind;

Entry map(const char* pattern, const char* field, Chain chain = Chain::Text)
{
    return {
        QString::fromLatin1(pattern), Kind::ContactField, QString::fromLatin1(field), chain, {}};
}

Entry ignore(const char* pattern, const QString& why)
{
    return {QString::fromLatin1(pattern), Kind::Ignore, {}, Chain::Ignore, why};
}

QString noField()
{
    return QStringLiteral("HighLevel contacts have no field for it");
}

QString label()
{
    return QStringLiteral("the label of another column, not a value");
}

// Google's numbered families, both layouts: only the first email, phone, address and
// website have a HighLevel field.
QList<Entry> googleFamilies()
{
    return {
        map("E-mail 1 - Value", "email", Chain::GoogleEmail),
        map("Phone 1 - Value", "phone", Chain::GooglePhone),
        map("Address 1 - Street", "address1"),
        map("Address 1 - City", "city"),
        map("Address 1 - Region", "state"),
        map("Address 1 - Postal Code", "postalCode"),
        map("Address 1 - Country", "country"),
        map("Website 1 - Value", "website"),
        ignore(
            "(E-mail|Phone|Address|Website|Relation|Event|Custom Field|IM|External ID|Organization|"
            "Location|Calendar Link|Sip Address|Jot|Hobby|Interest|User Defined Field) \\d+ - "
            "(Label|Type)",
            label()),
        ignore("E-mail \\d+ - Value",
            QStringLiteral(
                "HighLevel keeps one email per contact; 'E-mail 1 - Value' is imported")),
        ignore("Phone \\d+ - Value",
            QStringLiteral("HighLevel keeps one phone per contact; 'Phone 1 - Value' is imported")),
        ignore("Address 1 - (Formatted|PO Box|Extended Address)",
            QStringLiteral(
                "the street, city, region, postal code and country columns are imported")),
        ignore("Address \\d+ - .*", QStringLiteral("only the first address is imported")),
        ignore("Website \\d+ - Value", QStringLiteral("only the first website is imported")),
        ignore("(Relation|Event|Custom Field|IM|External ID|Location|Calendar Link|Sip Address|Jot|"
               "Hobby|Interest|User Defined Field) \\d+ - .*",
            noField()),
    };
}

QList<Entry> google()
{
    QList<Entry> entries {
        map("First Name", "firstName"),
        map("Last Name", "lastName"),
        map("Organization Name", "companyName"),
        map("Birthday", "dateOfBirth", Chain::GoogleDate),
        {QStringLiteral("Labels"), Kind::Tags, {}, Chain::GoogleTags, {}},
        ignore(
            "Middle Name|Phonetic First Name|Phonetic Middle Name|Phonetic Last Name|Name Prefix|"
            "Name Suffix|Nickname|File As|Organization Title|Organization Department|Notes|Photo",
            noField()),
    };
    return entries + googleFamilies();
}

QList<Entry> googleLegacy()
{
    QList<Entry> entries {
        map("Given Name", "firstName"),
        map("Family Name", "lastName"),
        ignore("Name", QStringLiteral("the given and family names are imported")),
        map("Organization 1 - Name", "companyName"),
        map("Birthday", "dateOfBirth", Chain::GoogleDate),
        {QStringLiteral("Group Membership"), Kind::Tags, {}, Chain::GoogleTags, {}},
        ignore("Additional Name|Yomi Name|Given Name Yomi|Additional Name Yomi|Family Name Yomi|"
               "Name Prefix|Name Suffix|Initials|Nickname|Short Name|Maiden Name|Gender|Location|"
               "Billing Information|Directory Server|Mileage|Occupation|Hobby|Sensitivity|"
               "Priority|Subject|Notes|Language|Photo|Organization \\d+ - .*",
            noField()),
    };
    return entries + googleFamilies();
}

QList<Entry> outlook()
{
    const QString otherAddress = QStringLiteral("the business address is imported");
    return {
        map("First Name", "firstName"),
        map("Last Name", "lastName"),
        map("E-mail Address", "email", Chain::Email),
        {{}, Kind::ContactField, QStringLiteral("phone"), Chain::GroupPhone,
            QStringLiteral("the first of the mobile, business, home and primary phones"),
            {QStringLiteral("Mobile Phone"), QStringLiteral("Business Phone"),
                QStringLiteral("Home Phone"), QStringLiteral("Primary Phone")}},
        map("Company", "companyName"),
        map("Business Street", "address1"),
        map("Business City", "city"),
        map("Business State", "state"),
        map("Business Postal Code", "postalCode"),
        map("Business Country/Region", "country"),
        map("Web Page", "website"),
        map("Birthday", "dateOfBirth", Chain::OutlookDate),
        {QStringLiteral("Categories"), Kind::Tags, {}, Chain::SemicolonTags, {}},
        ignore("E-mail [23] Address",
            QStringLiteral("HighLevel keeps one email per contact; 'E-mail Address' is imported")),
        ignore("E-mail( [23])? (Type|Display Name)", label()),
        ignore("(Home|Other) (Address|Street|Street 2|Street 3|Address PO Box|City|State|"
               "Postal Code|Country|Country/Region)|Business (Address|Street 2|Street 3|"
               "Address PO Box)",
            otherAddress),
        ignore(".* Fax|Home Phone 2|Business Phone 2|Pager|Company Main Phone|Assistant's Phone|"
               "Other Phone|Callback|Car Phone|ISDN|Radio Phone|TTY/TDD Phone|Telex",
            QStringLiteral("HighLevel keeps one phone per contact")),
        ignore("Middle Name|Title|Suffix|Initials|Gender|Anniversary|Location|Language|"
               "Internet Free Busy|Notes|Spouse|Children|Manager's Name|Assistant's Name|"
               "Referred By|Job Title|Department|Office Location|Organizational ID Number|"
               "Profession|Account|User [1-4]|Keywords|Mileage|Hobby|Billing Information|"
               "Directory Server|Sensitivity|Priority|Private|Given Yomi|Surname Yomi|"
               "Company Yomi|IMAddress|Schools|Personal Web Page",
            noField()),
    };
}

QList<Entry> hubspot()
{
    return {
        ignore("Record ID",
            QStringLiteral("HubSpot's record id; map it to a custom field to match on it")),
        map("First Name", "firstName"),
        map("Last Name", "lastName"),
        map("Email", "email", Chain::Email),
        {{}, Kind::ContactField, QStringLiteral("phone"), Chain::GroupPhone,
            QStringLiteral("the phone number, else the mobile phone number"),
            {QStringLiteral("Phone Number"), QStringLiteral("Mobile Phone Number")}},
        map("Company Name", "companyName"),
        map("Street Address", "address1"),
        map("City", "city"),
        map("State/Region", "state"),
        map("Postal Code", "postalCode"),
        map("Country/Region", "country"),
        map("Website URL", "website"),
        map("Original Source", "source"),
        {QStringLiteral("Contact owner"), Kind::Assignee, {}, Chain::Assignee, {}},
        {QStringLiteral("Lifecycle Stage"), Kind::Tags, {}, Chain::LowerTag,
            QStringLiteral("the lifecycle stage becomes a tag")},
        ignore("Lead Status|Create Date|Last Activity Date|Last Modified Date|Job Title|"
               "Associated Company.*|Associated Deals?.*|Marketing contact status|Email Domain|"
               "Time Zone|Original Source Drill-Down \\d|Number of Sales Activities|"
               "Recent Sales Email Replied Date",
            noField()),
    };
}

} // namespace

const QList<Entry>& entries(const QString& presetId)
{
    // Built and compiled once (thread-safe static initialisation), then only read.
    static const QHash<QString, QList<Entry>> tables = [] {
        QHash<QString, QList<Entry>> built {{QStringLiteral("google"), google()},
            {QStringLiteral("googleLegacy"), googleLegacy()},
            {QStringLiteral("outlook"), outlook()}, {QStringLiteral("hubspot"), hubspot()}};
        for (QList<Entry>& list : built) {
            for (Entry& entry : list) {
                entry.regex = QRegularExpression(QRegularExpression::anchoredPattern(entry.pattern),
                    QRegularExpression::CaseInsensitiveOption);
            }
        }
        return built;
    }();
    static const QList<Entry> none;
    const auto it = tables.constFind(presetId);
    return it == tables.constEnd() ? none : *it;
}

QStringList telltales(const QString& presetId)
{
    static const QHash<QString, QStringList> columns {
        {QStringLiteral("google"),
            {QStringLiteral("First Name"), QStringLiteral("Middle Name"),
                QStringLiteral("Last Name"), QStringLiteral("Phonetic First Name"),
                QStringLiteral("File As"), QStringLiteral("Organization Name"),
                QStringLiteral("Labels"), QStringLiteral("E-mail 1 - Label"),
                QStringLiteral("E-mail 1 - Value"), QStringLiteral("Phone 1 - Label"),
                QStringLiteral("Phone 1 - Value")}},
        {QStringLiteral("googleLegacy"),
            {QStringLiteral("Name"), QStringLiteral("Given Name"),
                QStringLiteral("Additional Name"), QStringLiteral("Family Name"),
                QStringLiteral("Yomi Name"), QStringLiteral("Group Membership"),
                QStringLiteral("E-mail 1 - Type"), QStringLiteral("E-mail 1 - Value"),
                QStringLiteral("Phone 1 - Type"), QStringLiteral("Phone 1 - Value")}},
        {QStringLiteral("outlook"),
            {QStringLiteral("First Name"), QStringLiteral("Middle Name"),
                QStringLiteral("Last Name"), QStringLiteral("Title"), QStringLiteral("Suffix"),
                QStringLiteral("E-mail Address"), QStringLiteral("E-mail 2 Address"),
                QStringLiteral("Business Phone"), QStringLiteral("Home Phone"),
                QStringLiteral("Mobile Phone"), QStringLiteral("Business Street"),
                QStringLiteral("Business City"), QStringLiteral("Business Postal Code"),
                QStringLiteral("Business Country/Region"), QStringLiteral("Categories"),
                QStringLiteral("Web Page")}},
        {QStringLiteral("hubspot"),
            {QStringLiteral("Record ID"), QStringLiteral("First Name"), QStringLiteral("Last Name"),
                QStringLiteral("Email"), QStringLiteral("Phone Number"),
                QStringLiteral("Company Name"), QStringLiteral("State/Region"),
                QStringLiteral("Country/Region"), QStringLiteral("Website URL"),
                QStringLiteral("Contact owner"), QStringLiteral("Lifecycle Stage")}},
        {QStringLiteral("contactdeskCsv"),
            {QStringLiteral("Contact ID"), QStringLiteral("First Name"),
                QStringLiteral("Last Name"), QStringLiteral("Email"), QStringLiteral("Phone"),
                QStringLiteral("Company"), QStringLiteral("Postal Code"),
                QStringLiteral("Date of Birth"), QStringLiteral("Tags"),
                QStringLiteral("Assigned To")}},
        {QStringLiteral("contactdeskVCard"), {QStringLiteral("X-CONTACTDESK-ID")}},
    };
    return columns.value(presetId);
}

} // namespace ContactDesk::Mapping::Presets
