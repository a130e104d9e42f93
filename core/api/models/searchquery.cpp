#include "api/models/searchquery.h"

#include <algorithm>

namespace ContactDesk::Api {

namespace {

QString operatorName(Filter::Operator op)
{
    switch (op) {
    case Filter::Operator::Eq:
        return QStringLiteral("eq");
    case Filter::Operator::NotEq:
        return QStringLiteral("not_eq");
    case Filter::Operator::Contains:
        return QStringLiteral("contains");
    case Filter::Operator::NotContains:
        return QStringLiteral("not_contains");
    case Filter::Operator::Exists:
        return QStringLiteral("exists");
    case Filter::Operator::NotExists:
        return QStringLiteral("not_exists");
    case Filter::Operator::Range:
        return QStringLiteral("range");
    }
    return {};
}

bool isSet(const QJsonValue& value)
{
    return !value.isUndefined() && !value.isNull();
}

} // namespace

Filter Filter::condition(const QString& field, Operator op, const QJsonValue& value)
{
    Filter filter;
    filter.m_field = field;
    filter.m_operator = op;
    filter.m_value = value;
    return filter;
}

Filter Filter::eq(const QString& field, const QJsonValue& value)
{
    return condition(field, Operator::Eq, value);
}

Filter Filter::notEq(const QString& field, const QJsonValue& value)
{
    return condition(field, Operator::NotEq, value);
}

Filter Filter::contains(const QString& field, const QString& text)
{
    return condition(field, Operator::Contains, text);
}

Filter Filter::notContains(const QString& field, const QString& text)
{
    return condition(field, Operator::NotContains, text);
}

Filter Filter::exists(const QString& field)
{
    return condition(field, Operator::Exists, QJsonValue(QJsonValue::Undefined));
}

Filter Filter::notExists(const QString& field)
{
    return condition(field, Operator::NotExists, QJsonValue(QJsonValue::Undefined));
}

Filter Filter::range(const QString& field, const Bounds& bounds)
{
    QJsonObject value;
    const auto put = [&value](const char* key, const std::optional<QJsonValue>& bound) {
        if (bound)
            value.insert(QLatin1StringView(key), *bound);
    };
    put("gte", bounds.gte);
    put("lte", bounds.lte);
    put("gt", bounds.gt);
    put("lt", bounds.lt);
    return condition(field, Operator::Range, value);
}

Filter Filter::group(Group kind, const QList<Filter>& filters)
{
    Filter filter;
    filter.m_group = kind;
    filter.m_filters = filters;
    return filter;
}

QJsonObject Filter::toJson() const
{
    if (m_group) {
        QJsonArray children;
        for (const Filter& child : m_filters)
            children.append(child.toJson());
        return {
            {QStringLiteral("group"),
                *m_group == Group::And ? QStringLiteral("AND") : QStringLiteral("OR")},
            {QStringLiteral("filters"), children},
        };
    }
    QJsonObject json {
        {QStringLiteral("field"), m_field},
        {QStringLiteral("operator"), operatorName(m_operator)},
    };
    if (isSet(m_value))
        json.insert(QStringLiteral("value"), m_value);
    return json;
}

QString Filter::validate() const
{
    if (m_group) {
        if (m_filters.isEmpty())
            return QStringLiteral("a filter group needs at least one filter");
        for (const Filter& child : m_filters) {
            if (const QString problem = child.validate(); !problem.isEmpty())
                return problem;
        }
        return {};
    }
    if (m_field.trimmed().isEmpty())
        return QStringLiteral("a filter needs a field");
    const QString op = operatorName(m_operator);
    switch (m_operator) {
    case Operator::Exists:
    case Operator::NotExists:
        return {};
    case Operator::Contains:
    case Operator::NotContains:
        if (m_value.toString().isEmpty())
            return QStringLiteral("the %1 filter on %2 needs a text").arg(op, m_field);
        if (m_value.toString().size() > maxTextLength) {
            return QStringLiteral("the %1 filter on %2 takes at most %3 characters")
                .arg(op, m_field)
                .arg(maxTextLength);
        }
        return {};
    case Operator::Range: {
        const QJsonObject bounds = m_value.toObject();
        if (bounds.isEmpty())
            return QStringLiteral("the range filter on %1 needs a bound").arg(m_field);
        const bool valid = std::all_of(bounds.begin(), bounds.end(),
            [](const QJsonValue& bound) { return bound.isDouble() || bound.isString(); });
        if (!valid)
            return QStringLiteral("the range filter on %1 takes numbers or dates").arg(m_field);
        return {};
    }
    case Operator::Eq:
    case Operator::NotEq:
        if (!isSet(m_value))
            return QStringLiteral("the %1 filter on %2 needs a value").arg(op, m_field);
        return {};
    }
    return {};
}

SearchQuery::SearchQuery(const QString& locationId, int pageLimit)
    : m_locationId(locationId)
{
    setPageLimit(pageLimit);
}

SearchQuery& SearchQuery::setPageLimit(int pageLimit)
{
    m_pageLimit = std::clamp(pageLimit, 1, maxPageLimit);
    return *this;
}

SearchQuery& SearchQuery::setPage(int page)
{
    m_page = page;
    m_searchAfter = QJsonArray();
    return *this;
}

SearchQuery& SearchQuery::setSearchAfter(const QJsonArray& cursor)
{
    m_searchAfter = cursor;
    m_page.reset();
    return *this;
}

SearchQuery& SearchQuery::setQuery(const QString& text)
{
    m_query = text;
    return *this;
}

SearchQuery& SearchQuery::addFilter(const Filter& filter)
{
    m_filters.append(filter);
    return *this;
}

SearchQuery& SearchQuery::addSort(const QString& field, SortDirection direction)
{
    m_sort.append({field, direction});
    return *this;
}

QString SearchQuery::validate() const
{
    if (m_locationId.isEmpty())
        return QStringLiteral("a search needs a locationId");
    if (m_query.size() > maxQueryLength)
        return QStringLiteral("the search text takes at most %1 characters").arg(maxQueryLength);
    if (m_page) {
        if (*m_page < 1)
            return QStringLiteral("pages are numbered from 1");
        if (qint64(*m_page) * m_pageLimit > maxPagedRecords) {
            return QStringLiteral("page %1 with pageLimit %2 goes past the first %3 records "
                                  "that page numbers reach; use searchAfter (the last "
                                  "contact's searchAfter) to page further")
                .arg(*m_page)
                .arg(m_pageLimit)
                .arg(maxPagedRecords);
        }
    }
    for (const Filter& filter : m_filters) {
        if (const QString problem = filter.validate(); !problem.isEmpty())
            return problem;
    }
    for (const SortKey& key : m_sort) {
        if (key.field.trimmed().isEmpty())
            return QStringLiteral("a sort key needs a field");
    }
    return {};
}

QJsonObject SearchQuery::toJson() const
{
    QJsonObject json {
        {QStringLiteral("locationId"), m_locationId},
        {QStringLiteral("pageLimit"), m_pageLimit},
    };
    if (m_page)
        json.insert(QStringLiteral("page"), *m_page);
    if (!m_searchAfter.isEmpty())
        json.insert(QStringLiteral("searchAfter"), m_searchAfter);
    if (!m_query.isEmpty())
        json.insert(QStringLiteral("query"), m_query);
    if (!m_filters.isEmpty()) {
        QJsonArray filters;
        for (const Filter& filter : m_filters)
            filters.append(filter.toJson());
        json.insert(QStringLiteral("filters"), filters);
    }
    if (!m_sort.isEmpty()) {
        QJsonArray sort;
        for (const SortKey& key : m_sort) {
            sort.append(QJsonObject {
                {QStringLiteral("field"), key.field},
                {QStringLiteral("direction"),
                    key.direction == SortDirection::Ascending ? QStringLiteral("asc")
                                                              : QStringLiteral("desc")},
            });
        }
        json.insert(QStringLiteral("sort"), sort);
    }
    return json;
}

} // namespace ContactDesk::Api
