#include "mapping/suggestheaders.h"

#include "mapping/suggest.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <vector>

namespace ContactDesk::Mapping::Headers {

namespace {

using Kind = Target::Kind;

struct Synonym
{
    Kind kind;
    const char* field; // ContactField wire name; empty for Tags and Assignee
    double confidence;
    std::vector<const char*> headers; // normalised
};

// Headers (normalised, qualifiers and indexes removed) and what they name.
const QList<Synonym>& synonyms()
{
    static const QList<Synonym> table {
        {Kind::ContactField, "email", 0.95,
            {"email", "emailaddress", "mail", "emailaddr", "emailid", "mailaddress"}},
        {Kind::ContactField, "phone", 0.95,
            {"mobile", "mobilephone", "mobilenumber", "mobilephonenumber", "cell", "cellphone",
                "cellular", "cellnumber", "handy"}},
        {Kind::ContactField, "phone", 0.93,
            {"phone", "phonenumber", "telephone", "telephonenumber", "tel", "phoneno",
                "contactnumber"}},
        {Kind::ContactField, "firstName", 0.95,
            {"firstname", "givenname", "first", "forename", "fname", "given", "vorname"}},
        {Kind::ContactField, "lastName", 0.95,
            {"lastname", "surname", "familyname", "last", "lname", "family", "nachname"}},
        {Kind::ContactField, "name", 0.9, {"name", "fullname", "contactname", "displayname"}},
        {Kind::ContactField, "companyName", 0.93,
            {"company", "companyname", "organization", "organisation", "organizationname",
                "organisationname", "org", "employer", "businessname", "accountname", "firm"}},
        {Kind::ContactField, "address1", 0.93,
            {"street", "streetaddress", "address1", "addressline1", "addressline", "street1",
                "streetline1"}},
        {Kind::ContactField, "address1", 0.85, {"address"}},
        {Kind::ContactField, "city", 0.95, {"city", "town", "locality", "ort"}},
        {Kind::ContactField, "state", 0.9,
            {"state", "region", "province", "stateregion", "stateprovince", "county"}},
        {Kind::ContactField, "postalCode", 0.95,
            {"zip", "zipcode", "postalcode", "postcode", "postal", "zippostalcode", "plz"}},
        {Kind::ContactField, "country", 0.95, {"country", "countryregion", "nation"}},
        {Kind::ContactField, "website", 0.93,
            {"website", "web", "webpage", "url", "websiteurl", "homepage", "site", "webaddress",
                "www"}},
        {Kind::ContactField, "dateOfBirth", 0.95,
            {"birthday", "dob", "dateofbirth", "birthdate", "bday", "born", "geburtstag"}},
        {Kind::Tags, "", 0.9,
            {"tags", "tag", "labels", "categories", "category", "groups", "groupmembership",
                "segments", "lists"}},
        {Kind::Assignee, "", 0.9,
            {"owner", "assignedto", "contactowner", "assignee", "accountowner", "salesrep",
                "assigneduser", "leadowner", "rep", "agent", "assigned"}},
        {Kind::ContactField, "source", 0.85, {"source", "leadsource", "contactsource", "origin"}},
        {Kind::ContactField, "timezone", 0.9, {"timezone", "tz"}},
    };
    return table;
}

// Headers that name something a HighLevel contact has no field for.
const QSet<QString>& noFieldHeaders()
{
    static const QSet<QString> headers {QStringLiteral("middlename"),
        QStringLiteral("additionalname"), QStringLiteral("nameprefix"),
        QStringLiteral("namesuffix"), QStringLiteral("prefix"), QStringLiteral("suffix"),
        QStringLiteral("title"), QStringLiteral("jobtitle"), QStringLiteral("nickname"),
        QStringLiteral("initials"), QStringLiteral("notes"), QStringLiteral("note"),
        QStringLiteral("photo"), QStringLiteral("formatted"), QStringLiteral("pobox"),
        QStringLiteral("extendedaddress"), QStringLiteral("department"), QStringLiteral("fileas"),
        QStringLiteral("id"), QStringLiteral("recordid")};
    return headers;
}

// Words a header ends with that name a field well enough for a weaker guess.
const QHash<QString, QPair<Kind, QString>>& lastWords()
{
    static const QHash<QString, QPair<Kind, QString>> words {
        {QStringLiteral("email"), {Kind::ContactField, QStringLiteral("email")}},
        {QStringLiteral("mail"), {Kind::ContactField, QStringLiteral("email")}},
        {QStringLiteral("phone"), {Kind::ContactField, QStringLiteral("phone")}},
        {QStringLiteral("mobile"), {Kind::ContactField, QStringLiteral("phone")}},
        {QStringLiteral("telephone"), {Kind::ContactField, QStringLiteral("phone")}},
        {QStringLiteral("company"), {Kind::ContactField, QStringLiteral("companyName")}},
        {QStringLiteral("organization"), {Kind::ContactField, QStringLiteral("companyName")}},
        {QStringLiteral("city"), {Kind::ContactField, QStringLiteral("city")}},
        {QStringLiteral("zip"), {Kind::ContactField, QStringLiteral("postalCode")}},
        {QStringLiteral("country"), {Kind::ContactField, QStringLiteral("country")}},
        {QStringLiteral("website"), {Kind::ContactField, QStringLiteral("website")}},
        {QStringLiteral("url"), {Kind::ContactField, QStringLiteral("website")}},
        {QStringLiteral("birthday"), {Kind::ContactField, QStringLiteral("dateOfBirth")}},
        {QStringLiteral("tags"), {Kind::Tags, QString()}},
        {QStringLiteral("labels"), {Kind::Tags, QString()}},
        {QStringLiteral("categories"), {Kind::Tags, QString()}},
        {QStringLiteral("owner"), {Kind::Assignee, QString()}},
    };
    return words;
}

// A leading word that qualifies the field ("Business Phone") and how much less likely it
// makes the column the contact's one value of it.
double qualifierPenalty(const QString& word)
{
    static const QHash<QString, double> penalties {{QStringLiteral("primary"), 0.0},
        {QStringLiteral("main"), 0.0}, {QStringLiteral("default"), 0.0},
        {QStringLiteral("preferred"), 0.0}, {QStringLiteral("contact"), 0.0},
        {QStringLiteral("business"), 0.05}, {QStringLiteral("work"), 0.05},
        {QStringLiteral("office"), 0.05}, {QStringLiteral("company"), 0.06},
        {QStringLiteral("home"), 0.1}, {QStringLiteral("personal"), 0.1},
        {QStringLiteral("private"), 0.1}, {QStringLiteral("mailing"), 0.1},
        {QStringLiteral("billing"), 0.12}, {QStringLiteral("shipping"), 0.15},
        {QStringLiteral("other"), 0.3}, {QStringLiteral("alternate"), 0.3},
        {QStringLiteral("secondary"), 0.35}};
    return penalties.value(word, -1.0);
}

QString ordinal(int n)
{
    static const char* words[] = {"first", "second", "third", "fourth", "fifth"};
    return n >= 1 && n <= 5 ? QString::fromLatin1(words[n - 1]) : QStringLiteral("#%1").arg(n);
}

bool importable(const Api::CustomFieldDefinition& field)
{
    return (field.model.isEmpty() || field.model == u"contact") && field.dataType != u"FILE_UPLOAD"
        && field.dataType != u"SIGNATURE";
}

const Synonym* findSynonym(const QString& core)
{
    for (const Synonym& synonym : synonyms()) {
        for (const char* name : synonym.headers) {
            if (core == QLatin1String(name))
                return &synonym;
        }
    }
    return nullptr;
}

} // namespace

QString fieldTitle(const Target& target)
{
    static const QHash<QString, QString> titles {{QStringLiteral("email"), QStringLiteral("email")},
        {QStringLiteral("phone"), QStringLiteral("phone")},
        {QStringLiteral("firstName"), QStringLiteral("first name")},
        {QStringLiteral("lastName"), QStringLiteral("last name")},
        {QStringLiteral("name"), QStringLiteral("full name")},
        {QStringLiteral("companyName"), QStringLiteral("company")},
        {QStringLiteral("address1"), QStringLiteral("street address")},
        {QStringLiteral("city"), QStringLiteral("city")},
        {QStringLiteral("state"), QStringLiteral("state")},
        {QStringLiteral("postalCode"), QStringLiteral("postal code")},
        {QStringLiteral("country"), QStringLiteral("country")},
        {QStringLiteral("website"), QStringLiteral("website")},
        {QStringLiteral("dateOfBirth"), QStringLiteral("date of birth")},
        {QStringLiteral("source"), QStringLiteral("source")},
        {QStringLiteral("timezone"), QStringLiteral("time zone")}};
    switch (target.kind) {
    case Kind::Tags:
        return QStringLiteral("tags");
    case Kind::Assignee:
        return QStringLiteral("assignee");
    case Kind::ContactId:
        return QStringLiteral("the contact id");
    case Kind::CustomField:
        return QStringLiteral("custom field '%1'").arg(target.name);
    case Kind::Ignore:
        return QStringLiteral("nothing");
    case Kind::ContactField:
        break;
    }
    return titles.value(target.name, target.name);
}

// A header as words: camelCase, letter/digit boundaries and punctuation split; "e mail" is
// "email". A JSON path keeps its last two segments; "[n]" becomes the number n + 1.
QStringList headerWords(const QString& header)
{
    QString text = header;
    static const QRegularExpression jsonIndex(QStringLiteral("\\[(\\d+)\\]"));
    for (auto it = jsonIndex.globalMatch(header); it.hasNext();) {
        const auto match = it.next();
        text.replace(match.captured(0), QStringLiteral(" %1 ").arg(match.captured(1).toInt() + 1));
    }
    QStringList segments = text.split(u'.', Qt::SkipEmptyParts);
    if (segments.size() > 2)
        segments = segments.mid(segments.size() - 2);
    text = segments.join(u' ');
    static const QRegularExpression camel(QStringLiteral("([a-z])([A-Z])"));
    text.replace(camel, QStringLiteral("\\1 \\2"));
    static const QRegularExpression digits(QStringLiteral("([A-Za-z])(\\d)|(\\d)([A-Za-z])"));
    text.replace(digits, QStringLiteral("\\1\\3 \\2\\4"));
    QStringList words;
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    for (const QString& word : text.toLower().split(separators, Qt::SkipEmptyParts))
        words.append(word);
    for (qsizetype i = 0; i + 1 < words.size(); ++i) {
        if (words.at(i) == u"e" && words.at(i + 1) == u"mail") {
            words[i] = QStringLiteral("email");
            words.removeAt(i + 1);
        }
    }
    // Plural path segments ("emails", "phones") name the same thing.
    for (QString& word : words) {
        if (word == u"emails" || word == u"phones" || word == u"addresses" || word == u"websites")
            word.chop(word.endsWith(u"es") && word != u"phones" && word != u"websites" ? 2 : 1);
    }
    return words;
}

std::optional<HeaderGuess> guessFromSynonyms(const QString& header, const QStringList& allWords)
{
    QStringList words = allWords;
    int index = 0;
    words.removeIf([&](const QString& word) {
        bool isNumber = false;
        const int n = word.toInt(&isNumber);
        if (isNumber && index == 0)
            index = n;
        return isNumber || word == u"value";
    });
    if (words.isEmpty())
        return std::nullopt;
    const QString last = words.constLast();
    if (words.size() > 1 && (last == u"label" || last == u"type")) {
        return HeaderGuess {{}, 0.9,
            QStringLiteral("'%1' holds the label of another column, not a value").arg(header)};
    }
    // "Address 1 - Street": the address prefix of a component column.
    if (words.size() > 1 && words.constFirst() == u"address")
        words.removeFirst();
    QString core = words.join(QString());
    double penalty = 0;
    QString qualifier;
    // A leading qualifier ("Business Phone") is dropped unless the whole header is a synonym
    // ("Company Name").
    if (words.size() > 1 && !findSynonym(core)) {
        const double p = qualifierPenalty(words.constFirst());
        if (p >= 0) {
            penalty = p;
            qualifier = words.takeFirst();
            if (words.size() > 1 && words.constFirst() == u"address")
                words.removeFirst();
            core = words.join(QString());
        }
    }
    if (noFieldHeaders().contains(core)) {
        return HeaderGuess {
            {}, 0.8, QStringLiteral("HighLevel contacts have no field for '%1'").arg(header)};
    }
    for (const Synonym& synonym : synonyms()) {
        for (const char* name : synonym.headers) {
            if (core != QLatin1String(name))
                continue;
            HeaderGuess guess {{synonym.kind, QString::fromLatin1(synonym.field)},
                synonym.confidence - penalty, {}};
            guess.reason
                = QStringLiteral("header '%1' names the %2").arg(header, fieldTitle(guess.target));
            if (!qualifier.isEmpty())
                guess.reason += QStringLiteral(" (%1)").arg(qualifier);
            if (index >= 2 && guess.target.kind != Kind::Tags) {
                guess.confidence *= 0.6;
                guess.reason += QStringLiteral(", the %1 of several").arg(ordinal(index));
            }
            return guess;
        }
    }
    if (const auto it = lastWords().constFind(last); it != lastWords().constEnd()) {
        HeaderGuess guess {{it->first, it->second}, 0.6 - penalty, {}};
        guess.reason = QStringLiteral("header '%1' ends with '%2'").arg(header, last);
        if (index >= 2)
            guess.confidence *= 0.6;
        return guess;
    }
    return std::nullopt;
}

std::optional<HeaderGuess> guessCustomField(const QString& header, const Api::LocationLists& lists)
{
    const QString normalised = normaliseHeader(header);
    if (normalised.isEmpty())
        return std::nullopt;
    for (const Api::CustomFieldDefinition& field : lists.customFields) {
        if (!importable(field))
            continue;
        QString key = field.fieldKey;
        if (key.startsWith(QLatin1String("contact.")))
            key = key.mid(8);
        const Target target {Kind::CustomField, field.name};
        if (normaliseHeader(field.name) == normalised) {
            return HeaderGuess {target, 0.97,
                QStringLiteral("header '%1' is the custom field '%2' (%3)")
                    .arg(header, field.name, field.dataType)};
        }
        if (normaliseHeader(field.fieldKey) == normalised || normaliseHeader(key) == normalised) {
            return HeaderGuess {target, 0.95,
                QStringLiteral("header '%1' is the key of the custom field '%2' (%3)")
                    .arg(header, field.name, field.dataType)};
        }
    }
    return std::nullopt;
}
} // namespace ContactDesk::Mapping::Headers
