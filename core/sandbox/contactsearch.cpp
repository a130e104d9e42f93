#include "sandbox/contactsearch.h"

#include "common/clock.h"
#include "sandbox/contactfilter.h"
#include "sandbox/sandboxdata.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace ContactDesk::Sandbox {

namespace {

using L = QLatin1StringView;

constexpr int maxPageLimit = 500;
constexpr int maxPagedRecords = 10000;
constexpr int maxQueryLength = 75;
constexpr int maxListLimit = 100;

Reply refusal(const SearchError& error)
{
    return error.status == 422 ? Reply::validation({error.message})
                               : Reply::error(error.status, error.message);
}

std::optional<SearchError> integerField(
    const QJsonObject& body, const QString& name, int min, int max, int* out)
{
    const QJsonValue value = body.value(name);
    if (value.isUndefined())
        return std::nullopt;
    const double number = value.toDouble();
    if (!value.isDouble() || number != double(qint64(number)))
        return SearchError {422, QStringLiteral("%1 must be an integer number").arg(name)};
    if (number < min)
        return SearchError {422, QStringLiteral("%1 must not be less than %2").arg(name).arg(min)};
    if (number > max)
        return SearchError {
            422, QStringLiteral("%1 must not be greater than %2").arg(name).arg(max)};
    *out = int(number);
    return std::nullopt;
}

// Query strings carry numbers as text (`limit=20`, `startAfter=1603870249758`).
std::optional<qint64> queryNumber(
    const Request& request, const QString& name, qint64 fallback, SearchError* failure)
{
    const QString text = request.queryValue(name).trimmed();
    if (!request.query.hasQueryItem(name) || text.isEmpty())
        return fallback;
    bool ok = false;
    const double number = text.toDouble(&ok);
    if (!ok || number != double(qint64(number))) {
        *failure = {422,
            QStringLiteral("%1 must be a number conforming to the specified "
                           "constraints")
                .arg(name)};
        return std::nullopt;
    }
    return qint64(number);
}

QString encoded(const QString& value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

qint64 dateAddedMs(const QJsonObject& contact)
{
    const QString text = contact.value(L("dateAdded")).toString();
    if (const auto ms = isoUtcToMs(text))
        return *ms;
    return QDateTime::fromString(text, Qt::ISODateWithMs).toMSecsSinceEpoch();
}

} // namespace

ContactSearch::ContactSearch(SandboxData& data)
    : m_data(data)
{ }

bool ContactSearch::visibleToSearch(const QString& id, qint64 nowMs) const
{
    return m_data.searchVisibleAtMs().value(id, 0) <= nowMs;
}

Reply ContactSearch::search(const Location& location, const QJsonObject& body)
{
    int pageLimit = 0;
    int page = 1;
    if (auto failure = integerField(body, QStringLiteral("pageLimit"), 1, maxPageLimit, &pageLimit))
        return refusal(*failure);
    if (auto failure = integerField(body, QStringLiteral("page"), 1, INT_MAX, &page))
        return refusal(*failure);
    const QString query = body.value(L("query")).toString();
    if (query.size() > maxQueryLength) {
        return Reply::validation(
            {QStringLiteral("query must be shorter than or equal to %1 characters")
                    .arg(maxQueryLength)});
    }
    const bool cursorPaging = body.contains(L("searchAfter"));
    if (cursorPaging && body.contains(L("page")))
        return Reply::error(400, QStringLiteral("Send either page or searchAfter, not both"));
    if (!cursorPaging && qint64(page) * pageLimit > maxPagedRecords) {
        return Reply::error(400,
            QStringLiteral("page and pageLimit can only reach the first %1 records; use "
                           "searchAfter to page beyond them")
                .arg(maxPagedRecords));
    }

    ContactOrdering ordering;
    if (auto failure = ordering.parse(m_data, body.value(L("sort")).toArray()))
        return refusal(*failure);
    ContactFilter filter;
    if (auto failure = filter.parse(m_data, body.value(L("filters")).toArray()))
        return refusal(*failure);
    std::optional<ContactOrdering::Position> cursor;
    if (cursorPaging) {
        cursor = ordering.cursor(body.value(L("searchAfter")).toArray());
        if (!cursor) {
            return Reply::error(400,
                QStringLiteral("searchAfter must be the searchAfter array of the last "
                               "contact of the previous page ([sort values..., id])"));
        }
    }

    if (auto reply = searchDateIndex(location, query, filter, ordering, cursor, page, pageLimit))
        return *reply;

    struct Hit
    {
        const QJsonObject* contact;
        ContactOrdering::Position position;
    };
    const qint64 now = m_data.clock().nowMs();
    const auto before = [&ordering](const Hit& a, const Hit& b) {
        return ordering.before(a.position, b.position);
    };
    // `total` counts every match, but only the page itself needs sorting: a searchAfter walk
    // keeps the matches after the cursor, page paging the first page * pageLimit, and a partial
    // sort orders just those. A sync walks the whole location one page at a time, so sorting
    // every match on every page would make each page cost as much as the whole walk.
    qsizetype total = 0;
    std::vector<Hit> hits;
    for (const auto& [key, id] : m_data.contactOrder(location.id)) {
        const QJsonObject* contact = m_data.liveContact(id);
        if (!contact || !visibleToSearch(id, now) || !ContactFilter::matchesText(*contact, query)
            || !filter.matches(*contact, location.country))
            continue;
        ++total;
        Hit hit {contact, ordering.positionOf(id, *contact)};
        if (cursor && !ordering.before(*cursor, hit.position))
            continue;
        hits.push_back(std::move(hit));
    }
    const qsizetype skipped = cursor ? 0 : qsizetype(page - 1) * pageLimit;
    const qsizetype wanted = std::min<qsizetype>(skipped + pageLimit, qsizetype(hits.size()));
    std::partial_sort(hits.begin(), hits.begin() + wanted, hits.end(), before);

    QJsonArray contacts;
    for (qsizetype i = skipped; i < wanted; ++i) {
        QJsonObject contact = *hits[i].contact;
        contact.insert(
            QStringLiteral("searchAfter"), ContactOrdering::searchAfter(hits[i].position));
        contacts.append(contact);
    }
    return Reply::json(
        200, {{QStringLiteral("contacts"), contacts}, {QStringLiteral("total"), total}});
}

std::optional<Reply> ContactSearch::searchDateIndex(const Location& location, const QString& query,
    const ContactFilter& filter, const ContactOrdering& ordering,
    const std::optional<ContactOrdering::Position>& cursor, int page, int pageLimit)
{
    const std::optional<ContactOrdering::DateOrder> sort = ordering.singleDate();
    if (!query.simplified().isEmpty() || !sort
        || (sort->field != L("dateAdded") && sort->field != L("dateUpdated")))
        return std::nullopt;
    const std::optional<ContactFilter::DateBounds> bounds = filter.onlyRangesOn(sort->field);
    if (!bounds)
        return std::nullopt;
    std::pair<qint64, QString> after;
    if (cursor) {
        const ContactOrdering::Key& key = cursor->keys.first();
        if (key.missing || !key.numeric || !(std::abs(key.number) < 1e17)
            || key.number != std::floor(key.number))
            return std::nullopt;
        after = {qint64(key.number), cursor->id};
    }

    const SandboxData::ContactOrder& order = sort->field == L("dateAdded")
        ? m_data.contactOrder(location.id)
        : m_data.contactOrderByUpdated(location.id);
    const qint64 to
        = bounds->excludesMissing ? std::min(bounds->to, SandboxData::missingDate - 1) : bounds->to;
    const auto first = order.lower_bound({bounds->from, QString()});
    const auto end = bounds->from > to   ? first
        : to == SandboxData::missingDate ? order.end()
                                         : order.lower_bound({to + 1, QString()});
    // Contacts without the date sort last both ways; going down, the index would put them first.
    if (sort->descending && end != first && std::prev(end)->first.first == SandboxData::missingDate)
        return std::nullopt;

    const qint64 now = m_data.clock().nowMs();
    qsizetype total = 0;
    qsizetype toSkip = cursor ? 0 : qsizetype(page - 1) * pageLimit;
    QJsonArray contacts;
    bool pageStarted = !cursor;
    // In the order of the answer: (date, id) going up, or the date going down and, among
    // contacts with the same date, the id still going up.
    const auto visit = [&](const std::pair<qint64, QString>& key) {
        const QString& id = key.second;
        if (!visibleToSearch(id, now))
            return;
        ++total;
        if (!pageStarted) {
            pageStarted = sort->descending
                ? key.first < after.first || (key.first == after.first && id > after.second)
                : key > after;
        }
        if (!pageStarted || contacts.size() >= pageLimit)
            return;
        if (toSkip > 0) {
            --toSkip;
            return;
        }
        const QJsonObject* stored = m_data.liveContact(id);
        if (!stored)
            return;
        QJsonObject contact = *stored;
        contact.insert(QStringLiteral("searchAfter"),
            ContactOrdering::searchAfter(ordering.positionOf(id, *stored)));
        contacts.append(contact);
    };
    if (!sort->descending) {
        for (auto it = first; it != end; ++it)
            visit(it->first);
    } else {
        std::vector<std::pair<qint64, QString>> sameDate;
        for (auto it = end; it != first;) {
            --it;
            sameDate.push_back(it->first);
            if (it == first || std::prev(it)->first.first != it->first.first) {
                std::for_each(sameDate.rbegin(), sameDate.rend(), visit);
                sameDate.clear();
            }
        }
    }
    return Reply::json(
        200, {{QStringLiteral("contacts"), contacts}, {QStringLiteral("total"), total}});
}

Reply ContactSearch::list(const Location& location, const Request& request)
{
    if (request.queryValue(QStringLiteral("locationId")).isEmpty())
        return Reply::validation({QStringLiteral("locationId should not be empty")});
    SearchError failure {};
    const auto limit = queryNumber(request, QStringLiteral("limit"), 20, &failure);
    if (!limit)
        return refusal(failure);
    if (*limit > maxListLimit) {
        return Reply::validation(
            {QStringLiteral("limit must not be greater than %1").arg(maxListLimit)});
    }
    if (*limit < 1)
        return Reply::validation({QStringLiteral("limit must not be less than 1")});
    const bool hasStartAfter = !request.queryValue(QStringLiteral("startAfter")).isEmpty();
    const auto startAfter = queryNumber(request, QStringLiteral("startAfter"), 0, &failure);
    if (!startAfter)
        return refusal(failure);
    const QString startAfterId = request.queryValue(QStringLiteral("startAfterId"));
    const QString query = request.queryValue(QStringLiteral("query"));

    const auto& order = m_data.contactOrder(location.id);
    auto it = order.begin();
    if (hasStartAfter && !startAfterId.isEmpty()) {
        it = order.upper_bound({*startAfter, startAfterId});
    } else if (hasStartAfter) {
        it = order.lower_bound({*startAfter + 1, QString()});
    } else if (!startAfterId.isEmpty()) {
        // A deleted contact still marks its place, so a page boundary survives its deletion.
        const QJsonObject anchor = m_data.contacts().value(startAfterId);
        if (anchor.value(L("locationId")).toString() != location.id)
            return Reply::error(
                400, QStringLiteral("Contact with id %1 not found").arg(startAfterId));
        it = order.upper_bound({dateAddedMs(anchor), startAfterId});
    }

    qint64 total = 0;
    qint64 before = 0;
    for (auto walk = order.begin(); walk != order.end(); ++walk) {
        const QJsonObject* contact = m_data.liveContact(walk->second);
        if (!contact || !ContactFilter::matchesText(*contact, query))
            continue;
        ++total;
        if (walk == it)
            before = total - 1;
    }
    if (it == order.end())
        before = total;

    QJsonArray contacts;
    const QJsonObject* lastContact = nullptr;
    bool more = false;
    for (; it != order.end(); ++it) {
        const QJsonObject* contact = m_data.liveContact(it->second);
        if (!contact || !ContactFilter::matchesText(*contact, query))
            continue;
        if (contacts.size() == *limit) {
            more = true;
            break;
        }
        contacts.append(*contact);
        lastContact = contact;
    }

    const qint64 currentPage = before / *limit + 1;
    QJsonObject meta {{QStringLiteral("total"), total},
        {QStringLiteral("currentPage"), currentPage},
        {QStringLiteral("nextPage"), QJsonValue(QJsonValue::Null)},
        {QStringLiteral("prevPage"),
            currentPage > 1 ? QJsonValue(currentPage - 1) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("nextPageUrl"), QJsonValue(QJsonValue::Null)}};
    if (lastContact) {
        const QString lastId = lastContact->value(L("id")).toString();
        const qint64 lastMs = dateAddedMs(*lastContact);
        meta.insert(QStringLiteral("startAfterId"), lastId);
        meta.insert(QStringLiteral("startAfter"), lastMs);
        if (more) {
            QString host = QString::fromLatin1(request.header("host"));
            if (host.isEmpty())
                host = QStringLiteral("127.0.0.1");
            QString url = QStringLiteral("http://%1/contacts/?locationId=%2&startAfter=%3"
                                         "&startAfterId=%4")
                              .arg(host, encoded(location.id))
                              .arg(lastMs)
                              .arg(encoded(lastId));
            if (request.query.hasQueryItem(QStringLiteral("limit")))
                url += QStringLiteral("&limit=%1").arg(*limit);
            if (!query.isEmpty())
                url += QStringLiteral("&query=") + encoded(query);
            meta.insert(QStringLiteral("nextPage"), currentPage + 1);
            meta.insert(QStringLiteral("nextPageUrl"), url);
        }
    }
    return Reply::json(200,
        {{QStringLiteral("contacts"), contacts}, {QStringLiteral("count"), total},
            {QStringLiteral("meta"), meta}});
}

Reply ContactSearch::listByBusiness(
    const Location& location, const QString& businessId, const Request& request)
{
    if (request.queryValue(QStringLiteral("locationId")).isEmpty())
        return Reply::validation({QStringLiteral("locationId should not be empty")});
    SearchError failure {};
    const auto limit = queryNumber(request, QStringLiteral("limit"), 25, &failure);
    if (!limit)
        return refusal(failure);
    const auto skip = queryNumber(request, QStringLiteral("skip"), 0, &failure);
    if (!skip)
        return refusal(failure);
    if (*limit < 1)
        return Reply::validation({QStringLiteral("limit must not be less than 1")});
    if (*skip < 0)
        return Reply::validation({QStringLiteral("skip must not be less than 0")});
    const QString query = request.queryValue(QStringLiteral("query"));

    QJsonArray contacts;
    qint64 count = 0;
    for (const auto& [key, id] : m_data.contactOrder(location.id)) {
        const QJsonObject* contact = m_data.liveContact(id);
        if (!contact || contact->value(L("businessId")).toString() != businessId
            || !ContactFilter::matchesText(*contact, query))
            continue;
        if (count >= *skip && contacts.size() < *limit)
            contacts.append(*contact);
        ++count;
    }
    return Reply::json(
        200, {{QStringLiteral("contacts"), contacts}, {QStringLiteral("count"), count}});
}

} // namespace ContactDesk::Sandbox
