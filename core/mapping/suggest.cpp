#include "mapping/suggest.h"

#include "mapping/presets.h"
#include "mapping/rulechains.h"
#include "mapping/spreadsheetsafety.h"
#include "mapping/suggestheaders.h"
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
using Headers::fieldTitle;
using Headers::HeaderGuess;

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
    case Kind::ContactId:
        return QStringLiteral("contactId");
    case Kind::Tags:
    case Kind::Ignore:
        break;
    }
    return {};
}

// Tags and the custom fields whose value is a list.
bool takesList(const Target& target, const Api::LocationLists& lists)
{
    if (target.kind == Kind::Tags)
        return true;
    if (target.kind != Kind::CustomField)
        return false;
    for (const Api::CustomFieldDefinition& field : lists.customFields) {
        if (field.name == target.name) {
            return field.dataType == u"MULTIPLE_OPTIONS" || field.dataType == u"CHECKBOX"
                || field.dataType == u"TEXTBOX_LIST";
        }
    }
    return false;
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

namespace {
QList<Rule> suggestFromValues(const QString& column, const QStringList& samples,
    const Api::LocationLists& lists, SourceKind kind);
} // namespace

QList<Rule> suggestColumn(const QString& column, const QStringList& sampled,
    const Api::LocationLists& lists, SourceKind kind)
{
    // Cells a spreadsheet-safe export neutralised ("'+14155550101") are read without the
    // apostrophe, and every rule removes it first.
    static const QRegularExpression neutralised(unneutraliseFormulaPattern());
    QStringList samples = sampled;
    bool hadNeutralised = false;
    for (QString& value : samples) {
        if (neutralised.match(value).hasMatch()) {
            value.remove(0, 1);
            hadNeutralised = true;
        }
    }
    QList<Rule> rules = suggestFromValues(column, samples, lists, kind);
    if (hadNeutralised) {
        for (Rule& rule : rules) {
            if (rule.target.kind == Kind::Ignore)
                continue;
            rule.transforms.prepend(Chains::step(QStringLiteral("regexReplace"),
                {{QStringLiteral("pattern"), unneutraliseFormulaPattern()},
                    {QStringLiteral("replacement"), QString()}}));
            rule.reason += QStringLiteral(
                "; the apostrophe that kept a spreadsheet from running a cell is removed");
        }
    }
    return rules;
}

namespace {

QList<Rule> suggestFromValues(const QString& column, const QStringList& samples,
    const Api::LocationLists& lists, SourceKind kind)
{
    if (kind == SourceKind::VCard) {
        QList<Rule> rules = vcardPropertyRules(column, samples);
        if (!rules.isEmpty())
            return rules;
    }
    QList<Rule> rules;
    const QStringList words = Headers::headerWords(column);
    std::optional<HeaderGuess> guess = Headers::guessCustomField(column, lists);
    if (!guess)
        guess = Headers::guessFromSynonyms(column, words);
    if (guess && guess->target.kind != Kind::Ignore)
        Values::checkAgainstValues(&guess->target, &guess->confidence, &guess->reason, samples);
    // Values only speak when the header says nothing: a header that names no field ("Notes",
    // "ID", a label column) is not overruled by values that happen to look like something.
    if (!guess) {
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

} // namespace

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
        if (covered.contains(column))
            continue;
        // A JSON list ("tags[0]", "tags[1]", ...) for a target that takes lists gets one rule
        // on the list itself ("tags"), on its first element's column.
        static const QRegularExpression element(QStringLiteral("^(.+)\\[(\\d+)\\]$"));
        const auto match = kind == SourceKind::Json || kind == SourceKind::Ndjson
            ? element.match(column)
            : QRegularExpressionMatch();
        if (match.hasMatch()) {
            const QString list = match.captured(1);
            const QList<Rule> listRules
                = suggestColumn(list, Chains::columnSamples(sample.records, list), lists, kind);
            if (takesList(listRules.constFirst().target, lists)) {
                if (match.captured(2).toInt() == 0)
                    perColumn[i] = listRules;
                continue;
            }
        }
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
    // A column of contact ids (ContactDesk's own export) finds every contact, with or without
    // an email; else the email, else the phone.
    const bool hasContactId = std::any_of(profile.rules.cbegin(), profile.rules.cend(),
        [](const Rule& rule) { return rule.target.kind == Kind::ContactId; });
    profile.match.by = hasContactId                 ? MatchKey::By::ContactId
        : !hasTarget("email") && hasTarget("phone") ? MatchKey::By::Phone
                                                    : MatchKey::By::Email;
    return profile;
}

} // namespace ContactDesk::Mapping
