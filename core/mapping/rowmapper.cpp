#include "mapping/rowmapper.h"

#include "mapping/fieldvalidation.h"
#include "mapping/targets.h"
#include "mapping/transforms.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace ContactDesk::Mapping {

using Detail::FieldSpec;

namespace {

using Kind = Api::LocationLists::Kind;

QStringList splitTags(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[;,]"));
    QStringList tags;
    for (const QString& tag : text.split(separators, Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty())
            tags.append(tag.trimmed());
    }
    return tags;
}

// The values a rule names without a source: constants and the results of value maps.
QStringList constantValues(const Rule& rule)
{
    QStringList values;
    for (const Transform& step : rule.transforms) {
        if (step.op == u"constant" || step.op == u"defaultWhenEmpty") {
            values.append(step.options.value(QStringLiteral("value")).toString());
        } else if (step.op == u"valueMap") {
            const QJsonObject map = step.options.value(QStringLiteral("map")).toObject();
            for (auto it = map.begin(); it != map.end(); ++it)
                values.append(it.value().toString());
        }
    }
    values.removeAll(QString());
    return values;
}

bool writesUser(const Rule& rule)
{
    return rule.target.kind == Target::Kind::Assignee
        || (rule.target.kind == Target::Kind::ContactField && rule.target.name == u"assignedTo");
}

} // namespace

struct RowMapper::Compiled
{
    struct RuleSpec
    {
        TransformChain chain;
        QString column; // the sources, comma-joined, for problems
        FieldSpec field;
        QString problem; // the target cannot be written (unknown field): every row says so
    };

    QList<RuleSpec> rules;
    Detail::UserIndex users;
    QHash<QString, QString> tagSpelling; // lower case -> the location's spelling
    QString matchKey; // wire key of the match value
    QString matchTitle; // "email", "phone", the custom field's name
    QString matchProblem; // the match key cannot be resolved

    explicit Compiled(const Profile& profile, const Api::LocationLists& lists)
        : users(lists)
    {
        const QString unavailableFields = lists.unavailable.value(Kind::CustomFields);
        for (const Rule& rule : profile.rules) {
            RuleSpec spec;
            spec.chain = TransformChain(rule.transforms, rule.sources);
            spec.column = rule.sources.join(QStringLiteral(", "));
            switch (rule.target.kind) {
            case Target::Kind::ContactField:
                if (isKnownContactField(rule.target.name))
                    spec.field = Detail::contactFieldSpec(rule.target.name);
                else
                    spec.problem = QStringLiteral("'%1' is not a contact field HighLevel takes")
                                       .arg(rule.target.name);
                break;
            case Target::Kind::CustomField:
                if (const Api::CustomFieldDefinition* field
                    = resolveCustomField(rule.target.name, lists)) {
                    spec.field = Detail::customFieldSpec(*field);
                    if (!isMappableDataType(field->dataType))
                        spec.problem = QStringLiteral("%1 is a %2 field, which can't be filled "
                                                      "from text")
                                           .arg(field->name, field->dataType);
                } else {
                    spec.problem = !unavailableFields.isEmpty()
                        ? unavailableFields
                        : QStringLiteral("custom field '%1' is not in this location")
                              .arg(rule.target.name);
                }
                break;
            case Target::Kind::Assignee:
                spec.field = Detail::contactFieldSpec(QStringLiteral("assignedTo"));
                spec.field.title = QStringLiteral("Assignee");
                break;
            case Target::Kind::ContactId:
                spec.field.key = QStringLiteral("id");
                break;
            case Target::Kind::Tags:
            case Target::Kind::Ignore:
                break;
            }
            rules.append(spec);
        }
        for (const Api::LocationTag& tag : lists.tags)
            tagSpelling.insert(tag.name.toLower(), tag.name);

        switch (profile.match.by) {
        case MatchKey::By::Email:
            matchKey = QStringLiteral("email");
            matchTitle = QStringLiteral("email");
            break;
        case MatchKey::By::Phone:
            matchKey = QStringLiteral("phone");
            matchTitle = QStringLiteral("phone");
            break;
        case MatchKey::By::ContactId:
            matchKey = QStringLiteral("id");
            matchTitle = QStringLiteral("contact id");
            break;
        case MatchKey::By::CustomField:
            if (const Api::CustomFieldDefinition* field
                = resolveCustomField(profile.match.customField, lists)) {
                matchKey = QStringLiteral("customField:") + field->id;
                matchTitle = field->name;
            } else {
                matchProblem = !unavailableFields.isEmpty()
                    ? unavailableFields
                    : QStringLiteral("the match key's custom field '%1' is not in this location")
                          .arg(profile.match.customField);
            }
            break;
        }
    }
};

RowMapper::RowMapper(const Profile& profile, const Api::LocationLists& lists)
    : m_profile(profile)
    , m_lists(lists)
    , m_compiled(std::make_shared<const Compiled>(m_profile, m_lists))
{ }

MappedRow RowMapper::map(const Record& record) const
{
    const Compiled& compiled = *m_compiled;
    MappedRow row;
    row.number = record.number;
    row.results.resize(m_profile.rules.size());
    for (const QString& problem : record.problems)
        row.problems.append({record.number, -1, QString(), QString(), problem});

    QSet<QString> failedKeys; // targets whose rule had a problem: no "no email to match on"
    QSet<QString> seenTags;
    QString contactId; // a ContactId rule's value: matched on, never written
    TransformInput input;
    input.defaultRegion = m_profile.defaultRegion;
    for (qsizetype i = 0; i < m_profile.rules.size(); ++i) {
        const Rule& rule = m_profile.rules.at(i);
        const Compiled::RuleSpec& spec = compiled.rules.at(i);
        input.sources = rule.sources;
        input.values.clear();
        for (const QString& source : rule.sources)
            input.values.append(record.values(source));

        const auto report = [&](const QString& value, const QString& reason) {
            row.problems.append({record.number, int(i), spec.column, value, reason});
            failedKeys.insert(spec.field.key);
        };
        TransformResult result = spec.chain.apply(input);
        // A cell of spaces is as empty as an empty one.
        result.values.removeIf([](const QString& value) { return value.trimmed().isEmpty(); });
        if (!result.error.isEmpty()) {
            QStringList source;
            for (const QStringList& values : std::as_const(input.values))
                source += values;
            report(source.join(QStringLiteral(", ")), result.error);
            continue;
        }
        row.results[i] = result.values.join(QStringLiteral("; "));
        if (rule.target.kind == Target::Kind::Ignore || result.values.isEmpty())
            continue; // an empty cell means "no value", not "clear it"
        if (!spec.problem.isEmpty()) {
            report(row.results.at(i), spec.problem);
            continue;
        }
        if (rule.target.kind == Target::Kind::ContactId) {
            contactId = result.values.constFirst().trimmed();
            continue;
        }
        if (rule.target.kind == Target::Kind::Tags) {
            for (const QString& value : result.values) {
                for (const QString& tag : splitTags(value)) {
                    const QString lower = tag.toLower();
                    if (seenTags.contains(lower))
                        continue;
                    seenTags.insert(lower);
                    row.tags.append(compiled.tagSpelling.value(lower, tag));
                }
            }
            row.replaceTags = row.replaceTags || rule.replaceTags;
            continue;
        }
        const Detail::Validated validated = Detail::validateValues(
            spec.field, result.values, m_profile.defaultRegion, compiled.users);
        if (!validated.error.isEmpty()) {
            report(row.results.at(i), validated.error);
            continue;
        }
        if (validated.value.isUndefined())
            continue;
        const MappedValue value {int(i), spec.field.key, validated.value, rule.policy};
        const auto existing = std::find_if(row.values.begin(), row.values.end(),
            [&](const MappedValue& other) { return other.key == value.key; });
        if (existing != row.values.end())
            *existing = value; // a later rule for the same key wins
        else
            row.values.append(value);
    }

    if (m_profile.match.by == MatchKey::By::ContactId) {
        row.matchValue = contactId; // no id: a new contact, not a problem
    } else if (!compiled.matchProblem.isEmpty()) {
        row.problems.append({record.number, -1, QString(), QString(), compiled.matchProblem});
    } else if (const MappedValue* match = row.find(compiled.matchKey)) {
        const QJsonValue& value = match->value;
        row.matchValue = value.isDouble() ? QString::number(value.toDouble(), 'g', 17)
                                          : value.toString().trimmed();
        if (m_profile.match.by == MatchKey::By::Email)
            row.matchValue = row.matchValue.toLower();
    } else if (!failedKeys.contains(compiled.matchKey)) {
        row.problems.append({record.number, -1, QString(), QString(),
            QStringLiteral("no %1 to match on").arg(compiled.matchTitle)});
    }
    return row;
}

Drift RowMapper::drift(const QStringList& sourceColumns) const
{
    Drift drift;
    // A record whose paths are the sampled columns: vCard parameters and JSON list paths
    // match as they would on a real record.
    Record sample;
    const QSet<QString> exact(sourceColumns.begin(), sourceColumns.end());
    for (const QString& column : sourceColumns)
        sample.fields.append({column, QStringLiteral("x")});

    const auto addOnce = [](QStringList& list, const QString& item) {
        if (!list.contains(item))
            list.append(item);
    };
    const Detail::UserIndex& users = m_compiled->users;
    const bool tagsAvailable = !m_lists.unavailable.contains(Kind::Tags);
    const QString fieldsUnavailable = m_lists.unavailable.value(Kind::CustomFields);
    bool needsFields = m_profile.match.by == MatchKey::By::CustomField;
    bool needsUsers = false;
    bool needsTags = false;

    for (const Rule& rule : m_profile.rules) {
        if (rule.target.kind == Target::Kind::Ignore)
            continue;
        for (const QString& source : rule.sources) {
            if (!exact.contains(source) && sample.values(source).isEmpty())
                addOnce(drift.columns, source);
        }
        if (rule.target.kind == Target::Kind::CustomField) {
            needsFields = true;
            if (fieldsUnavailable.isEmpty() && !resolveCustomField(rule.target.name, m_lists))
                addOnce(drift.customFields, rule.target.name);
        }
        if (writesUser(rule)) {
            needsUsers = true;
            for (const QString& user : constantValues(rule)) {
                if (users.available() && users.find(user).isEmpty())
                    addOnce(drift.users, user);
            }
        }
        if (rule.target.kind == Target::Kind::Tags) {
            const QStringList constants = constantValues(rule);
            needsTags = needsTags || !constants.isEmpty();
            for (const QString& value : constants) {
                for (const QString& tag : splitTags(value)) {
                    if (tagsAvailable && !m_compiled->tagSpelling.contains(tag.toLower()))
                        addOnce(drift.tags, tag);
                }
            }
        }
    }
    if (m_profile.match.by == MatchKey::By::CustomField && fieldsUnavailable.isEmpty()
        && !resolveCustomField(m_profile.match.customField, m_lists))
        addOnce(drift.customFields, m_profile.match.customField);

    const auto unavailable = [&](Kind kind, bool needed) {
        if (needed && m_lists.unavailable.contains(kind))
            addOnce(drift.unavailable, m_lists.unavailable.value(kind));
    };
    unavailable(Kind::CustomFields, needsFields);
    unavailable(Kind::Users, needsUsers);
    unavailable(Kind::Tags, needsTags);
    return drift;
}

Drift RowMapper::drift(const SourceSample& sample) const
{
    Drift result = drift(sample.columns);
    if (sample.options.kind.value_or(SourceKind::Csv) != SourceKind::Csv)
        result.unsampledColumns = std::exchange(result.columns, {});
    return result;
}

QStringList Drift::warnings() const
{
    QStringList lines;
    for (const QString& column : unsampledColumns) {
        lines.append(QStringLiteral("'%1' is in none of the first records read; rows without it "
                                    "get no value from it")
                         .arg(column));
    }
    return lines;
}

QStringList Drift::messages() const
{
    QStringList lines;
    for (const QString& column : columns)
        lines.append(QStringLiteral("column '%1' is not in the file").arg(column));
    for (const QString& field : customFields)
        lines.append(QStringLiteral("custom field '%1' is not in this location").arg(field));
    for (const QString& user : users)
        lines.append(QStringLiteral("user '%1' is not a user of this location").arg(user));
    for (const QString& tag : tags)
        lines.append(QStringLiteral("tag '%1' is not a tag of this location").arg(tag));
    lines += unavailable;
    return lines;
}

} // namespace ContactDesk::Mapping
