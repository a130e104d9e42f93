#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <limits>
#include <optional>

namespace ContactDesk::Sandbox {

class SandboxData;

// Why a search body was refused: 400 with a message, or 422 for class-validator style checks.
struct SearchError
{
    int status;
    QString message;
};

// How the values of a searchable field compare.
enum class SearchFieldKind
{
    Text,
    Phone,
    Date,
    Boolean,
    List,
    Custom, // whatever the custom field holds: string, number, string[] or object
};

// The `filters` of POST /contacts/search: {field, operator, value} conditions and nested
// {group: "AND" | "OR", filters} groups, AND at the top level. Operators: eq, not_eq, contains,
// not_contains, exists, not_exists and range ({gte, gt, lte, lt} over numbers or dates).
class ContactFilter
{
public:
    // Nothing when the filters are usable; otherwise the refusal, such as 400 "Invalid field X".
    std::optional<SearchError> parse(const SandboxData& data, const QJsonArray& filters);
    // `country` reads phone numbers that are written without a country code.
    bool matches(const QJsonObject& contact, const QString& country) const;

    // The free-text `query`: a case-insensitive match on the name, email, company and tags, and
    // a digits match on the phone. When the whole text is not found, every word must be.
    static bool matchesText(const QJsonObject& contact, const QString& text);

    // Inclusive epoch-ms bounds on one date field.
    struct DateBounds
    {
        qint64 from = std::numeric_limits<qint64>::min();
        qint64 to = std::numeric_limits<qint64>::max();
        // A range condition leaves out contacts without the field.
        bool excludesMissing = false;
    };
    // When the filters are nothing but ranges on `field` (or nothing at all): the bounds they
    // add up to, so a search can read them straight off a date index. Nothing otherwise.
    std::optional<DateBounds> onlyRangesOn(const QString& field) const;

private:
    struct Condition
    {
        enum class Op
        {
            And,
            Or,
            Eq,
            NotEq,
            Contains,
            NotContains,
            Exists,
            NotExists,
            Range,
        };
        Op op = Op::And;
        QString field;
        SearchFieldKind kind = SearchFieldKind::Text;
        QJsonValue value;
        QList<Condition> children;
    };

    static std::optional<SearchError> parseCondition(
        const SandboxData& data, const QJsonValue& json, Condition* out);
    static bool matches(
        const QJsonObject& contact, const Condition& condition, const QString& country);

    Condition m_root;
};

// The `sort` of POST /contacts/search with the contact id as the final tiebreak, and the
// searchAfter cursor `[sort values..., id]` that goes with it. Missing values sort last in
// either direction, as in Elasticsearch.
class ContactOrdering
{
public:
    struct Key
    {
        bool missing = true;
        bool numeric = false;
        double number = 0;
        QString text;
    };
    struct Position
    {
        QString id;
        QList<Key> keys;
    };

    // Nothing when the sort is usable; otherwise the refusal. No entries: dateAdded ascending,
    // which puts new contacts last so that a searchAfter walk also reaches them.
    std::optional<SearchError> parse(const SandboxData& data, const QJsonArray& sort);
    Position positionOf(const QString& id, const QJsonObject& contact) const;
    // The position a client's searchAfter names; nothing when it does not fit this ordering.
    std::optional<Position> cursor(const QJsonArray& searchAfter) const;
    bool before(const Position& a, const Position& b) const;
    static QJsonArray searchAfter(const Position& position);
    struct DateOrder
    {
        QString field;
        bool descending;
    };
    // The field and direction when the order is one date field alone; nothing otherwise.
    std::optional<DateOrder> singleDate() const;

private:
    struct Spec
    {
        QString field;
        SearchFieldKind kind;
        bool descending;
    };

    static Key keyOf(const QJsonValue& value, const Spec& spec);

    QList<Spec> m_specs;
};

} // namespace ContactDesk::Sandbox
