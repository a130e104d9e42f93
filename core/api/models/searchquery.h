#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace ContactDesk::Api {

// One condition of POST /contacts/search, or an AND/OR group of them (contract §1.4). Field
// names are the API's: "firstNameLowerCase", "tags", "dndSettings.SMS.status",
// "customFields.<id>", ...
class Filter
{
public:
    enum class Operator
    {
        Eq,
        NotEq,
        Contains,
        NotContains,
        Exists,
        NotExists,
        Range,
    };
    enum class Group
    {
        And,
        Or,
    };
    // Bounds of a range filter: numbers, or dates as ISO-8601 strings.
    struct Bounds
    {
        std::optional<QJsonValue> gte = std::nullopt;
        std::optional<QJsonValue> lte = std::nullopt;
        std::optional<QJsonValue> gt = std::nullopt;
        std::optional<QJsonValue> lt = std::nullopt;
    };

    // The longest value contains and not_contains take.
    static constexpr int maxTextLength = 75;

    // `value` may be an array: the field then equals any of its items.
    static Filter eq(const QString& field, const QJsonValue& value);
    static Filter notEq(const QString& field, const QJsonValue& value);
    static Filter contains(const QString& field, const QString& text);
    static Filter notContains(const QString& field, const QString& text);
    static Filter exists(const QString& field);
    static Filter notExists(const QString& field);
    static Filter range(const QString& field, const Bounds& bounds);
    static Filter group(Group kind, const QList<Filter>& filters);

    bool isGroup() const { return m_group.has_value(); }
    QJsonObject toJson() const;
    // Empty when the filter can be sent; otherwise what is wrong with it.
    QString validate() const;

private:
    Filter() = default;
    static Filter condition(const QString& field, Operator op, const QJsonValue& value);

    QString m_field;
    Operator m_operator = Operator::Eq;
    QJsonValue m_value = QJsonValue(QJsonValue::Undefined);
    std::optional<Group> m_group;
    QList<Filter> m_filters;
};

enum class SortDirection
{
    Ascending,
    Descending,
};

struct SortKey
{
    QString field;
    SortDirection direction = SortDirection::Ascending;
};

// The body of POST /contacts/search. Pages either by number (page × pageLimit reaches the first
// 10,000 matches at most) or by cursor (`searchAfter`, the last contact's searchAfter of the
// previous page); setting one clears the other.
class SearchQuery
{
public:
    static constexpr int maxPageLimit = 500;
    static constexpr int maxPagedRecords = 10000;
    static constexpr int maxQueryLength = 75;

    explicit SearchQuery(const QString& locationId, int pageLimit = 100);

    // Clamped to 1..maxPageLimit.
    SearchQuery& setPageLimit(int pageLimit);
    // 1-based.
    SearchQuery& setPage(int page);
    SearchQuery& setSearchAfter(const QJsonArray& cursor);
    SearchQuery& setQuery(const QString& text);
    // Top-level filters all apply (AND).
    SearchQuery& addFilter(const Filter& filter);
    SearchQuery& addSort(const QString& field, SortDirection direction = SortDirection::Ascending);

    const QString& locationId() const { return m_locationId; }
    int pageLimit() const { return m_pageLimit; }
    std::optional<int> page() const { return m_page; }
    const QJsonArray& searchAfter() const { return m_searchAfter; }
    const QString& query() const { return m_query; }
    const QList<Filter>& filters() const { return m_filters; }
    const QList<SortKey>& sort() const { return m_sort; }

    // Empty when the query can be sent; otherwise what is wrong, such as a page past the
    // first 10,000 records (with the hint to use searchAfter).
    QString validate() const;
    QJsonObject toJson() const;

private:
    QString m_locationId;
    int m_pageLimit = 100;
    std::optional<int> m_page;
    QJsonArray m_searchAfter;
    QString m_query;
    QList<Filter> m_filters;
    QList<SortKey> m_sort;
};

} // namespace ContactDesk::Api
