#include "mapping/suggest.h"

#include "mapping/presets.h"
#include "mapping/rulechains.h"
#include "mapping/suggestvalues.h"

#include <QHash>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <vector>

namespace ContactDesk::Mapping {

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
    case Kind::CustomField:
        return QStringLiteral("custom field '%1'").arg(target.name);
    case Kind::Ignore:
        return QStringLiteral("nothing");
    case Kind::ContactField:
        break;
    }
    return titles.value(target.name, target.name);
}

QString ordinal(int n)
{
    static const char* words[] = {"first", "second", "third", "fourth", "fifth"};
    return n >= 1 && n <= 5 ? QString::fromLatin1(words[n - 1]) : QStringLiteral("#%1").arg(n);
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

struct HeaderGuess
{
    Target target;
    double confidence = 0;
    QString reason;
};

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
    double penalty = 0;
    QString qualifier;
    if (words.size() > 1) {
        const double p = qualifierPenalty(words.constFirst());
        if (p >= 0) {
            penalty = p;
            qualifier = words.takeFirst();
        }
    }
    // "Address 1 - Street": the address prefix of a component column.
    if (words.size() > 1 && words.constFirst() == u"address")
        words.removeFirst();
    const QString core = words.join(QString());
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

bool importable(const Api::CustomFieldDefinition& field)
{
    return (field.model.isEmpty() || field.model == u"contact") && field.dataType != u"FILE_UPLOAD"
        && field.dataType != u"SIGNATURE";
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

Rule makeRule(const QString& column, const HeaderGuess& guess, const QStringList& samples,
    const Api::LocationLists& lists)
{
    Rule rule;
    rule.sources = {column};
    rule.target = guess.target;
    rule.confidence = std::clamp(guess.confidence, 0.0, 1.0);
    rule.reason = guess.reason;
    const Api::CustomFieldDefinition* field = nullptr;
    if (guess.target.kind == Kind::CustomField) {
        for (const Api::CustomFieldDefinition& candidate : lists.customFields) {
            if (candidate.name == guess.target.name)
                field = &candidate;
        }
    }
    rule.transforms = Chains::forTarget(guess.target, field, samples);
    return rule;
}

// A full name becomes first and last name.
QList<Rule> splitNameRules(const QString& column, double confidence, const QString& reason)
{
    QList<Rule> rules;
    for (const auto& [part, field] : {std::pair {"first", "firstName"}, {"last", "lastName"}}) {
        Rule rule;
        rule.sources = {column};
        rule.target = {Kind::ContactField, QString::fromLatin1(field)};
        rule.transforms = {Chains::step(QStringLiteral("trim")),
            Chains::step(QStringLiteral("splitName"),
                {{QStringLiteral("part"), QString::fromLatin1(part)}})};
        rule.confidence = confidence * 0.95;
        rule.reason = reason + QStringLiteral(": its %1 name").arg(QString::fromLatin1(part));
        rules.append(rule);
    }
    return rules;
}

Rule ignoreRule(const QString& column, double confidence, const QString& reason)
{
    Rule rule;
    rule.sources = {column};
    rule.confidence = confidence;
    rule.reason = reason;
    return rule;
}

// What a rule's target is, for one column per target; empty for targets that add up (tags).
QString targetKey(const Target& target)
{
    switch (target.kind) {
    case Kind::ContactField:
        return target.name;
    case Kind::CustomField:
        return QStringLiteral("customField:") + target.name.toLower();
    case Kind::Assignee:
        return QStringLiteral("assignee");
    case Kind::Tags:
    case Kind::Ignore:
        break;
    }
    return {};
}

} // namespace

QString normaliseHeader(const QString& header)
{
    QString normalised;
    for (const QChar c : header.toLower()) {
        if (c.isLetterOrNumber())
            normalised += c;
    }
    return normalised;
}

QList<Rule> suggestColumn(const QString& column, const QStringList& samples,
    const Api::LocationLists& lists, SourceKind kind)
{
    if (kind == SourceKind::VCard) {
        QList<Rule> rules = vcardPropertyRules(column, samples);
        if (!rules.isEmpty())
            return rules;
    }
    QList<Rule> rules;
    const QStringList words = headerWords(column);
    std::optional<HeaderGuess> guess = guessCustomField(column, lists);
    if (!guess)
        guess = guessFromSynonyms(column, words);
    if (guess && guess->target.kind != Kind::Ignore)
        Values::checkAgainstValues(&guess->target, &guess->confidence, &guess->reason, samples);
    if (!guess || guess->target.kind == Kind::Ignore) {
        if (const auto sniffed = Values::sniff(column, samples)) {
            rules.append(makeRule(
                column, {sniffed->target, sniffed->confidence, sniffed->reason}, samples, lists));
        }
    }
    if (guess && guess->target.kind == Kind::ContactField && guess->target.name == u"name") {
        rules.append(splitNameRules(column, guess->confidence, guess->reason));
    } else if (guess && guess->target.kind != Kind::Ignore) {
        rules.append(makeRule(column, *guess, samples, lists));
    } else if (guess) {
        rules.append(ignoreRule(column, guess->confidence, guess->reason));
    }
    if (rules.isEmpty()) {
        rules.append(ignoreRule(column, 0.3,
            samples.isEmpty()
                ? QStringLiteral(
                    "header '%1' names no HighLevel field and the sample has no values")
                      .arg(column)
                : QStringLiteral("neither the header '%1' nor its values fit a HighLevel field")
                      .arg(column)));
    }
    std::stable_sort(rules.begin(), rules.end(), [](const Rule& a, const Rule& b) {
        return (a.target.kind != Kind::Ignore) > (b.target.kind != Kind::Ignore);
    });
    return rules;
}

Profile suggestProfile(const SourceSample& sample, const Api::LocationLists& lists)
{
    Profile profile;
    profile.name = QStringLiteral("Suggested mapping");
    profile.source = sample.options;
    if (!sample.error.isEmpty() || sample.columns.isEmpty())
        return profile;
    const SourceKind kind = sample.options.kind.value_or(SourceKind::Csv);

    // Candidates per column, in column order; a preset's rules come first with confidence 1.
    QList<QList<Rule>> perColumn(sample.columns.size());
    QSet<QString> covered;
    if (const auto preset = recognisePreset(sample.columns, kind, lists)) {
        const Profile fromPreset = presetProfile(preset->id, sample, lists);
        profile.name = fromPreset.name;
        for (const Rule& rule : fromPreset.rules) {
            const qsizetype column = sample.columns.indexOf(rule.sources.value(0));
            if (column < 0)
                continue;
            perColumn[column].append(rule);
            for (const QString& source : rule.sources)
                covered.insert(source);
        }
    }
    for (qsizetype i = 0; i < sample.columns.size(); ++i) {
        const QString& column = sample.columns.at(i);
        if (!covered.contains(column))
            perColumn[i]
                = suggestColumn(column, Chains::columnSamples(sample.records, column), lists, kind);
    }

    // A full name is only split when nothing else gives first and last names; otherwise the
    // one-column-per-target pass below turns it into Ignore naming the better columns.
    struct Candidate
    {
        qsizetype column;
        qsizetype order;
        Rule rule;
    };
    QList<Candidate> candidates;
    for (qsizetype i = 0; i < perColumn.size(); ++i) {
        for (const Rule& rule : std::as_const(perColumn.at(i))) {
            candidates.append({i, candidates.size(), rule});
            if (rule.target.kind == Kind::Ignore)
                break; // an Ignore is the column's last resort, not a competitor
        }
    }
    QList<Candidate> byConfidence = candidates;
    std::stable_sort(
        byConfidence.begin(), byConfidence.end(), [](const Candidate& a, const Candidate& b) {
            return a.rule.confidence > b.rule.confidence;
        });
    QHash<QString, qsizetype> winnerOf; // target key -> column
    QSet<qsizetype> chosen; // candidate order
    QHash<qsizetype, QString> lostReason; // column -> why it is ignored
    QHash<qsizetype, double> lostConfidence;
    QSet<qsizetype> columnsWithTarget;
    for (const Candidate& candidate : std::as_const(byConfidence)) {
        if (candidate.rule.target.kind == Kind::Ignore)
            continue;
        const QString key = targetKey(candidate.rule.target);
        if (key.isEmpty() || !winnerOf.contains(key)) {
            if (!key.isEmpty())
                winnerOf.insert(key, candidate.column);
            chosen.insert(candidate.order);
            columnsWithTarget.insert(candidate.column);
            continue;
        }
        const qsizetype winner = winnerOf.value(key);
        if (winner == candidate.column)
            continue;
        if (!lostReason.contains(candidate.column)) {
            lostReason.insert(candidate.column,
                QStringLiteral("'%1' also fits the %2, but '%3' is the better match (%4 vs %5)")
                    .arg(sample.columns.at(candidate.column), fieldTitle(candidate.rule.target),
                        sample.columns.at(winner))
                    .arg(std::find_if(byConfidence.cbegin(), byConfidence.cend(),
                             [&](const Candidate& c) {
                                 return chosen.contains(c.order) && targetKey(c.rule.target) == key;
                             })
                             ->rule.confidence,
                        0, 'f', 2)
                    .arg(candidate.rule.confidence, 0, 'f', 2));
            lostConfidence.insert(candidate.column, candidate.rule.confidence);
        }
    }
    for (const Candidate& candidate : std::as_const(candidates)) {
        if (chosen.contains(candidate.order)) {
            profile.rules.append(candidate.rule);
        } else if (candidate.rule.target.kind == Kind::Ignore
            && !columnsWithTarget.contains(candidate.column)
            && !lostReason.contains(candidate.column)) {
            profile.rules.append(candidate.rule);
        } else if (!columnsWithTarget.contains(candidate.column)
            && lostReason.contains(candidate.column)) {
            profile.rules.append(ignoreRule(sample.columns.at(candidate.column),
                std::clamp(1.0 - lostConfidence.value(candidate.column) / 2, 0.5, 0.9),
                lostReason.take(candidate.column)));
        }
    }

    const auto hasTarget = [&](const char* field) {
        return std::any_of(profile.rules.cbegin(), profile.rules.cend(), [&](const Rule& rule) {
            return rule.target.kind == Kind::ContactField
                && rule.target.name == QLatin1String(field);
        });
    };
    profile.match.by
        = !hasTarget("email") && hasTarget("phone") ? MatchKey::By::Phone : MatchKey::By::Email;
    return profile;
}

} // namespace ContactDesk::Mapping
