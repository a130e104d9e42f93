#include "sandbox/contactfilter.h"

#include "common/clock.h"
#include "common/phonenumbers.h"
#include "sandbox/sandboxdata.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace ContactDesk::Sandbox {

namespace {

using L = QLatin1StringView;

// Longest value for `contains`, as for the free-text query.
constexpr int maxValueLength = 75;

const struct
{
    QLatin1StringView name;
    SearchFieldKind kind;
} searchableFields[] = {
    {L("id"), SearchFieldKind::Text},
    {L("firstNameLowerCase"), SearchFieldKind::Text},
    {L("lastNameLowerCase"), SearchFieldKind::Text},
    {L("fullNameLowerCase"), SearchFieldKind::Text},
    {L("firstName"), SearchFieldKind::Text},
    {L("lastName"), SearchFieldKind::Text},
    {L("name"), SearchFieldKind::Text},
    {L("email"), SearchFieldKind::Text},
    {L("phone"), SearchFieldKind::Phone},
    {L("companyName"), SearchFieldKind::Text},
    {L("tags"), SearchFieldKind::List},
    {L("dnd"), SearchFieldKind::Boolean},
    {L("source"), SearchFieldKind::Text},
    {L("type"), SearchFieldKind::Text},
    {L("assignedTo"), SearchFieldKind::Text},
    {L("city"), SearchFieldKind::Text},
    {L("state"), SearchFieldKind::Text},
    {L("country"), SearchFieldKind::Text},
    {L("postalCode"), SearchFieldKind::Text},
    {L("address1"), SearchFieldKind::Text},
    {L("website"), SearchFieldKind::Text},
    {L("timezone"), SearchFieldKind::Text},
    {L("dateAdded"), SearchFieldKind::Date},
    {L("dateUpdated"), SearchFieldKind::Date},
    {L("businessId"), SearchFieldKind::Text},
    {L("dndSettings.Call.status"), SearchFieldKind::Text},
    {L("dndSettings.Email.status"), SearchFieldKind::Text},
    {L("dndSettings.SMS.status"), SearchFieldKind::Text},
    {L("dndSettings.WhatsApp.status"), SearchFieldKind::Text},
    {L("dndSettings.GMB.status"), SearchFieldKind::Text},
    {L("dndSettings.FB.status"), SearchFieldKind::Text},
    {L("dndSettings.RCS.status"), SearchFieldKind::Text},
    {L("inboundDndSettings.all.status"), SearchFieldKind::Text},
};

const QLatin1StringView customFieldPrefix {"customFields."};

std::optional<SearchFieldKind> fieldKind(const SandboxData& data, const QString& field)
{
    for (const auto& f : searchableFields) {
        if (f.name == field)
            return f.kind;
    }
    if (field.startsWith(customFieldPrefix)) {
        // Search names custom fields by id only, never by key (ISSUE #42).
        const QString id = field.mid(customFieldPrefix.size());
        for (const QJsonObject& definition : data.customFieldDefinitions()) {
            if (definition.value(L("id")).toString() == id)
                return SearchFieldKind::Custom;
        }
    }
    return std::nullopt;
}

QJsonValue fieldValue(const QJsonObject& contact, const QString& field)
{
    if (field.startsWith(customFieldPrefix)) {
        const QString id = field.mid(customFieldPrefix.size());
        for (const QJsonValue& entry : contact.value(L("customFields")).toArray()) {
            if (entry.toObject().value(L("id")).toString() == id)
                return entry.toObject().value(L("value"));
        }
        return QJsonValue(QJsonValue::Undefined);
    }
    QJsonValue value = contact;
    for (const QString& part : field.split(u'.'))
        value = value.toObject().value(part);
    return value;
}

bool isBlank(const QJsonValue& value)
{
    return value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty())
        || (value.isArray() && value.toArray().isEmpty())
        || (value.isObject() && value.toObject().isEmpty());
}

QString digitsOf(const QString& text)
{
    QString digits;
    for (const QChar c : text) {
        if (c.isDigit())
            digits.append(c);
    }
    return digits;
}

// Dates compare as epoch ms whether they come as ISO strings or numbers.
std::optional<double> asNumber(const QJsonValue& value, SearchFieldKind kind)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isBool())
        return value.toBool() ? 1 : 0;
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString().trimmed();
    if (kind == SearchFieldKind::Date || kind == SearchFieldKind::Custom) {
        if (const auto ms = isoUtcToMs(text))
            return double(*ms);
        QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!time.isValid())
            time = QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0), Qt::UTC);
        if (time.isValid())
            return double(time.toMSecsSinceEpoch());
    }
    if (kind == SearchFieldKind::Boolean && (text == L("true") || text == L("false")))
        return text == L("true") ? 1 : 0;
    bool ok = false;
    const double number = text.toDouble(&ok);
    return ok ? std::optional<double>(number) : std::nullopt;
}

bool scalarEquals(const QJsonValue& actual, const QJsonValue& wanted, SearchFieldKind kind,
    const QString& country)
{
    if (actual.isArray()) {
        const QJsonArray items = actual.toArray();
        return std::any_of(items.begin(), items.end(),
            [&](const QJsonValue& item) { return scalarEquals(item, wanted, kind, country); });
    }
    if (kind == SearchFieldKind::Phone) {
        const QString e164 = toE164(wanted.toString(), country);
        return actual.toString() == (e164.isEmpty() ? wanted.toString() : e164);
    }
    if (kind == SearchFieldKind::Date || kind == SearchFieldKind::Boolean || actual.isDouble()
        || actual.isBool()) {
        const auto a = asNumber(actual, kind);
        const auto b = asNumber(wanted, kind);
        return a && b && *a == *b;
    }
    return actual.isString()
        && actual.toString().compare(wanted.toString(), Qt::CaseInsensitive) == 0;
}

bool equals(const QJsonValue& actual, const QJsonValue& wanted, SearchFieldKind kind,
    const QString& country)
{
    if (wanted.isArray()) {
        const QJsonArray options = wanted.toArray();
        return std::any_of(options.begin(), options.end(),
            [&](const QJsonValue& option) { return scalarEquals(actual, option, kind, country); });
    }
    return scalarEquals(actual, wanted, kind, country);
}

bool contains(const QJsonValue& actual, const QString& part, SearchFieldKind kind)
{
    if (actual.isArray()) {
        const QJsonArray items = actual.toArray();
        return std::any_of(items.begin(), items.end(),
            [&](const QJsonValue& item) { return contains(item, part, kind); });
    }
    if (kind == SearchFieldKind::Phone) {
        const QString digits = digitsOf(part);
        return !digits.isEmpty() && digitsOf(actual.toString()).contains(digits);
    }
    const QString text = actual.isDouble() ? QString::number(actual.toDouble()) : actual.toString();
    return text.contains(part, Qt::CaseInsensitive);
}

bool inRange(const QJsonValue& actual, const QJsonObject& bounds, SearchFieldKind kind)
{
    if (actual.isArray()) {
        const QJsonArray items = actual.toArray();
        return std::any_of(items.begin(), items.end(),
            [&](const QJsonValue& item) { return inRange(item, bounds, kind); });
    }
    const auto value
        = asNumber(actual, kind == SearchFieldKind::Text ? SearchFieldKind::Custom : kind);
    if (!value || actual.isUndefined() || actual.isNull())
        return false;
    for (auto it = bounds.begin(); it != bounds.end(); ++it) {
        const double bound = *asNumber(it.value(), SearchFieldKind::Custom);
        if ((it.key() == L("gte") && !(*value >= bound))
            || (it.key() == L("gt") && !(*value > bound))
            || (it.key() == L("lte") && !(*value <= bound))
            || (it.key() == L("lt") && !(*value < bound)))
            return false;
    }
    return true;
}

int compareKeys(const ContactOrdering::Key& a, const ContactOrdering::Key& b, bool descending)
{
    if (a.missing || b.missing)
        return int(a.missing) - int(b.missing);
    int result = 0;
    if (a.numeric != b.numeric)
        result = a.numeric ? -1 : 1;
    else if (a.numeric)
        result = a.number < b.number ? -1 : (a.number > b.number ? 1 : 0);
    else if (const int folded = a.text.compare(b.text, Qt::CaseInsensitive); folded != 0)
        result = folded;
    else
        result = a.text.compare(b.text);
    return descending ? -result : result;
}

QJsonValue keyToJson(const ContactOrdering::Key& key)
{
    if (key.missing)
        return QJsonValue(QJsonValue::Null);
    if (key.numeric)
        return key.number == double(qint64(key.number)) ? QJsonValue(qint64(key.number))
                                                        : QJsonValue(key.number);
    return key.text;
}

} // namespace

std::optional<SearchError> ContactFilter::parse(const SandboxData& data, const QJsonArray& filters)
{
    Condition root;
    for (const QJsonValue& item : filters) {
        Condition condition;
        if (auto failure = parseCondition(data, item, &condition))
            return failure;
        root.children.append(condition);
    }
    m_root = root;
    return std::nullopt;
}

bool ContactFilter::matches(const QJsonObject& contact, const QString& country) const
{
    return matches(contact, m_root, country);
}

std::optional<ContactFilter::DateBounds> ContactFilter::onlyRangesOn(const QString& field) const
{
    DateBounds bounds;
    for (const Condition& condition : m_root.children) {
        if (condition.op != Condition::Op::Range || condition.field != field
            || condition.kind != SearchFieldKind::Date)
            return std::nullopt;
        bounds.excludesMissing = true;
        const QJsonObject limits = condition.value.toObject();
        for (auto it = limits.begin(); it != limits.end(); ++it) {
            const auto bound = asNumber(it.value(), SearchFieldKind::Custom);
            // Beyond any real date (and any qint64): left to the general path.
            if (!bound || !(std::abs(*bound) < 1e17))
                return std::nullopt;
            // Whole milliseconds: "> 10.5" starts at 11, "< 10.5" ends at 10.
            if (it.key() == L("gte"))
                bounds.from = std::max(bounds.from, qint64(std::ceil(*bound)));
            else if (it.key() == L("gt"))
                bounds.from = std::max(bounds.from, qint64(std::floor(*bound)) + 1);
            else if (it.key() == L("lte"))
                bounds.to = std::min(bounds.to, qint64(std::floor(*bound)));
            else if (it.key() == L("lt"))
                bounds.to = std::min(bounds.to, qint64(std::ceil(*bound)) - 1);
        }
    }
    return bounds;
}

std::optional<SearchError> ContactFilter::parseCondition(
    const SandboxData& data, const QJsonValue& json, Condition* out)
{
    using Op = Condition::Op;
    if (!json.isObject())
        return SearchError {400, QStringLiteral("Each filter must be an object")};
    const QJsonObject filter = json.toObject();
    if (filter.contains(L("group")) || filter.contains(L("filters"))) {
        const QString group = filter.value(L("group")).toString().toUpper();
        if (group != L("AND") && group != L("OR"))
            return SearchError {400,
                QStringLiteral("Invalid group %1: use AND or OR")
                    .arg(filter.value(L("group")).toString())};
        if (!filter.value(L("filters")).isArray())
            return SearchError {400, QStringLiteral("A filter group needs a filters array")};
        out->op = group == L("AND") ? Op::And : Op::Or;
        for (const QJsonValue& child : filter.value(L("filters")).toArray()) {
            Condition parsed;
            if (auto failure = parseCondition(data, child, &parsed))
                return failure;
            out->children.append(parsed);
        }
        return std::nullopt;
    }

    out->field = filter.value(L("field")).toString();
    const auto kind = fieldKind(data, out->field);
    if (!kind)
        return SearchError {400, QStringLiteral("Invalid field %1").arg(out->field)};
    out->kind = *kind;
    const QString op = filter.value(L("operator")).toString();
    const struct
    {
        QLatin1StringView name;
        Op op;
    } operators[] = {{L("eq"), Op::Eq}, {L("not_eq"), Op::NotEq}, {L("contains"), Op::Contains},
        {L("not_contains"), Op::NotContains}, {L("exists"), Op::Exists},
        {L("not_exists"), Op::NotExists}, {L("range"), Op::Range}};
    const auto known = std::find_if(
        std::begin(operators), std::end(operators), [&op](const auto& o) { return o.name == op; });
    if (known == std::end(operators))
        return SearchError {
            400, QStringLiteral("Invalid operator %1 for field %2").arg(op, out->field)};
    out->op = known->op;
    out->value = filter.value(L("value"));
    if (out->op == Op::Exists || out->op == Op::NotExists)
        return std::nullopt;

    if (out->value.isUndefined() || out->value.isNull())
        return SearchError {
            400, QStringLiteral("The %1 filter on %2 needs a value").arg(op, out->field)};
    if (out->op == Op::Contains || out->op == Op::NotContains) {
        if (!out->value.isString())
            return SearchError {400,
                QStringLiteral("The %1 filter on %2 needs a string value").arg(op, out->field)};
        if (out->value.toString().size() > maxValueLength)
            return SearchError {400,
                QStringLiteral("The %1 value for %2 must be at most %3 characters")
                    .arg(op, out->field)
                    .arg(maxValueLength)};
    }
    if (out->op == Op::Range) {
        const QJsonObject bounds = out->value.toObject();
        bool valid = out->value.isObject() && !bounds.isEmpty();
        for (auto it = bounds.begin(); valid && it != bounds.end(); ++it) {
            valid = (it.key() == L("gte") || it.key() == L("gt") || it.key() == L("lte")
                        || it.key() == L("lt"))
                && asNumber(it.value(), SearchFieldKind::Custom).has_value();
        }
        if (!valid)
            return SearchError {400,
                QStringLiteral("The range filter on %1 needs a value like "
                               "{\"gte\": …, \"lte\": …} with numbers or dates")
                    .arg(out->field)};
    }
    return std::nullopt;
}

// One sort position: missing values sort last in either direction, as in Elasticsearch.

bool ContactFilter::matches(
    const QJsonObject& contact, const Condition& condition, const QString& country)
{
    using Op = Condition::Op;
    switch (condition.op) {
    case Op::And:
        return std::all_of(condition.children.begin(), condition.children.end(),
            [&](const Condition& c) { return matches(contact, c, country); });
    case Op::Or:
        return std::any_of(condition.children.begin(), condition.children.end(),
            [&](const Condition& c) { return matches(contact, c, country); });
    default:
        break;
    }
    const QJsonValue actual = fieldValue(contact, condition.field);
    switch (condition.op) {
    case Op::Eq:
        return !isBlank(actual) && equals(actual, condition.value, condition.kind, country);
    case Op::NotEq:
        return isBlank(actual) || !equals(actual, condition.value, condition.kind, country);
    case Op::Contains:
        return contains(actual, condition.value.toString(), condition.kind);
    case Op::NotContains:
        return !contains(actual, condition.value.toString(), condition.kind);
    case Op::Exists:
        return !isBlank(actual);
    case Op::NotExists:
        return isBlank(actual);
    case Op::Range:
        return inRange(actual, condition.value.toObject(), condition.kind);
    default:
        return false;
    }
}

bool ContactFilter::matchesText(const QJsonObject& contact, const QString& text)
{
    const QString wanted = text.simplified();
    if (wanted.isEmpty())
        return true;
    QStringList haystack;
    for (const QLatin1StringView key : {L("name"), L("fullNameLowerCase"), L("firstName"),
             L("lastName"), L("email"), L("companyName")}) {
        haystack.append(contact.value(key).toString());
    }
    for (const QJsonValue& tag : contact.value(L("tags")).toArray())
        haystack.append(tag.toString());
    const QString phoneDigits = digitsOf(contact.value(L("phone")).toString());
    const auto found = [&](const QString& word) {
        const QString digits = digitsOf(word);
        if (!phoneDigits.isEmpty() && digits.size() >= 3 && digits.size() * 2 >= word.size()
            && phoneDigits.contains(digits))
            return true;
        return std::any_of(haystack.begin(), haystack.end(),
            [&word](const QString& field) { return field.contains(word, Qt::CaseInsensitive); });
    };
    if (found(wanted))
        return true;
    const QStringList words = wanted.split(u' ');
    return std::all_of(words.begin(), words.end(), found);
}

std::optional<SearchError> ContactOrdering::parse(const SandboxData& data, const QJsonArray& sort)
{
    QList<Spec> specs;
    for (const QJsonValue& item : sort) {
        const QJsonObject entry = item.toObject();
        const QString field = entry.value(L("field")).toString();
        const auto kind = fieldKind(data, field);
        if (!kind)
            return SearchError {400, QStringLiteral("Invalid field %1").arg(field)};
        const QString direction = entry.value(L("direction")).toString(QStringLiteral("asc"));
        const bool descending = direction.compare(L("desc"), Qt::CaseInsensitive) == 0;
        if (!descending && direction.compare(L("asc"), Qt::CaseInsensitive) != 0) {
            return SearchError {422,
                QStringLiteral("sort direction must be one of the following values: asc, desc")};
        }
        specs.append({field, *kind, descending});
    }
    if (specs.isEmpty())
        specs.append({QStringLiteral("dateAdded"), SearchFieldKind::Date, false});
    m_specs = specs;
    return std::nullopt;
}

ContactOrdering::Position ContactOrdering::positionOf(
    const QString& id, const QJsonObject& contact) const
{
    Position position {id, {}};
    for (const Spec& spec : m_specs)
        position.keys.append(keyOf(fieldValue(contact, spec.field), spec));
    return position;
}

std::optional<ContactOrdering::Position> ContactOrdering::cursor(
    const QJsonArray& searchAfter) const
{
    if (searchAfter.size() != m_specs.size() + 1 || !searchAfter.last().isString())
        return std::nullopt;
    Position position {searchAfter.last().toString(), {}};
    for (qsizetype i = 0; i < m_specs.size(); ++i)
        position.keys.append(keyOf(searchAfter.at(i), m_specs.at(i)));
    return position;
}

bool ContactOrdering::before(const Position& a, const Position& b) const
{
    for (qsizetype i = 0; i < m_specs.size(); ++i) {
        if (const int c = compareKeys(a.keys.at(i), b.keys.at(i), m_specs.at(i).descending))
            return c < 0;
    }
    return a.id < b.id;
}

std::optional<ContactOrdering::DateOrder> ContactOrdering::singleDate() const
{
    if (m_specs.size() != 1 || m_specs.first().kind != SearchFieldKind::Date)
        return std::nullopt;
    return DateOrder {m_specs.first().field, m_specs.first().descending};
}

QJsonArray ContactOrdering::searchAfter(const Position& position)
{
    QJsonArray values;
    for (const Key& key : position.keys)
        values.append(keyToJson(key));
    values.append(position.id);
    return values;
}

ContactOrdering::Key ContactOrdering::keyOf(const QJsonValue& value, const Spec& spec)
{
    Key key;
    if (isBlank(value))
        return key;
    if (value.isArray()) {
        // A list sorts by its smallest element going up and its largest going down.
        std::optional<Key> chosen;
        for (const QJsonValue& item : value.toArray()) {
            const Key candidate = keyOf(item, spec);
            if (candidate.missing)
                continue;
            const bool better = !chosen
                || (spec.descending ? candidate.text > chosen->text
                                    : candidate.text < chosen->text);
            if (better)
                chosen = candidate;
        }
        return chosen.value_or(key);
    }
    key.missing = false;
    if (spec.kind == SearchFieldKind::Date || spec.kind == SearchFieldKind::Boolean
        || value.isDouble()) {
        if (const auto number = asNumber(value, spec.kind)) {
            key.numeric = true;
            key.number = *number;
            return key;
        }
    }
    key.text = value.isString() ? value.toString() : QString();
    return key;
}

} // namespace ContactDesk::Sandbox
