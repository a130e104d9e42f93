#include "api/contactwalker.h"

#include "api/apiclient.h"
#include "api/logging.h"
#include "api/models/envelopes.h"

namespace ContactDesk::Api {

namespace {

using L = QLatin1StringView;

// GET /contacts/ refuses a limit over 100.
constexpr int maxListLimit = 100;

const QString searchOperation = QStringLiteral("search-contacts-advanced");
const QString listOperation = QStringLiteral("get-contacts");

qint64 epochMs(const QDateTime& time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : -1;
}

} // namespace

ContactWalker::ContactWalker(ApiClient& client, ContactWalkOptions options, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_options(std::move(options))
{
    m_options.pageLimit = std::clamp(m_options.pageLimit, 1, SearchQuery::maxPageLimit);
}

ContactWalker::~ContactWalker()
{
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->cancel();
    }
}

bool ContactWalker::searchRefused(const ApiError& error)
{
    const int status = error.httpStatus();
    return status == 400 || status == 404 || status == 422;
}

void ContactWalker::start()
{
    if (m_running)
        return;
    m_running = true;
    m_source = m_options.source;
    m_seen.clear();
    m_pages = 0;
    m_total = -1;
    m_error = ApiError();
    m_fallbackReason = ApiError();
    m_searchAfter = QJsonArray();
    m_startAfter = 0;
    m_startAfterId.clear();
    m_lastDateAddedMs = -1;
    m_lastId.clear();
    if (m_source == WalkSource::Search)
        requestSearchPage();
    else
        requestListPage();
}

void ContactWalker::cancel()
{
    if (!m_running)
        return;
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->cancel();
        m_job.clear();
    }
    finish(ApiError(ApiError::Kind::Cancelled, 0, {}));
}

QString ContactWalker::sortField() const
{
    return m_options.order == WalkOrder::DateAdded ? QStringLiteral("dateAdded")
                                                   : QStringLiteral("dateUpdated");
}

void ContactWalker::watch(ApiJob* job, void (ContactWalker::*handler)(const ApiJob&))
{
    m_job = job;
    job->onFinished(this, [this, handler](const ApiJob& finished) {
        m_job.clear();
        (this->*handler)(finished);
    });
}

void ContactWalker::requestSearchPage()
{
    SearchQuery query(m_client.locationId(), m_options.pageLimit);
    query.setQuery(m_options.query);
    for (const Filter& filter : m_options.filters)
        query.addFilter(filter);
    // The id is the tiebreak of every search order and the last element of each cursor.
    query.addSort(sortField(), SortDirection::Ascending);
    if (!m_searchAfter.isEmpty())
        query.setSearchAfter(m_searchAfter);
    if (const QString problem = query.validate(); !problem.isEmpty()) {
        finish(ApiError(ApiError::Kind::BadRequest, 0, {problem}));
        return;
    }
    RequestSpec spec;
    spec.body = query.toJson();
    spec.priority = m_options.priority;
    watch(m_client.call(searchOperation, std::move(spec)), &ContactWalker::handleSearchPage);
}

void ContactWalker::requestListPage()
{
    RequestSpec spec;
    spec.priority = m_options.priority;
    spec.query.append({QStringLiteral("locationId"), m_client.locationId()});
    spec.query.append(
        {QStringLiteral("limit"), QString::number(qMin(m_options.pageLimit, maxListLimit))});
    if (!m_options.query.isEmpty())
        spec.query.append({QStringLiteral("query"), m_options.query});
    if (!m_startAfterId.isEmpty()) {
        spec.query.append({QStringLiteral("startAfter"), QString::number(m_startAfter)});
        spec.query.append({QStringLiteral("startAfterId"), m_startAfterId});
    }
    watch(m_client.call(listOperation, std::move(spec)), &ContactWalker::handleListPage);
}

std::optional<ContactPage> ContactWalker::takePage(const ApiJob& job)
{
    QString problem;
    auto page = Envelopes::contactPage(job.result(), &problem);
    if (!page) {
        finish(ApiError::incorrectResponse(problem, job.httpStatus()));
        return std::nullopt;
    }
    if (page->total >= 0)
        m_total = page->total;
    deliver(page->contacts, job.result().value(L("contacts")).toArray());
    if (!m_running)
        return std::nullopt;
    return page;
}

void ContactWalker::handleSearchPage(const ApiJob& job)
{
    if (!job.succeeded()) {
        if (searchRefused(job.error()) && m_options.filters.isEmpty()) {
            fallBack(job.error());
            return;
        }
        finish(job.error());
        return;
    }
    const auto page = takePage(job);
    if (!page)
        return;
    if (!morePages(page->contacts.size(), m_options.pageLimit)) {
        finish(ApiError());
        return;
    }

    // The cursor is the last contact's searchAfter; a server that does not send it gets the
    // same [sort value, id] built from the contact, which is what Elasticsearch would return.
    QJsonArray next = page->lastSearchAfter;
    if (next.isEmpty()) {
        const Contact& last = page->contacts.constLast();
        const qint64 sortMs
            = epochMs(m_options.order == WalkOrder::DateAdded ? last.dateAdded : last.dateUpdated);
        if (sortMs >= 0)
            next = QJsonArray {sortMs, last.id};
    }
    if (next.isEmpty() || next == m_searchAfter) {
        const ApiError reason = ApiError::incorrectResponse(
            tr("the search page gives no cursor to the next one"), job.httpStatus());
        if (m_options.filters.isEmpty())
            fallBack(reason);
        else
            finish(reason);
        return;
    }
    m_searchAfter = next;
    requestSearchPage();
}

void ContactWalker::handleListPage(const ApiJob& job)
{
    if (!job.succeeded()) {
        finish(job.error());
        return;
    }
    const auto page = takePage(job);
    if (!page)
        return;

    // meta.nextPageUrl says whether there is more when the server sends it.
    bool lastPage = page->contacts.isEmpty();
    if (!lastPage && page->meta.contains(L("nextPageUrl")))
        lastPage = page->meta.value(L("nextPageUrl")).toString().isEmpty();
    else if (!lastPage)
        lastPage = !morePages(page->contacts.size(), qMin(m_options.pageLimit, maxListLimit));
    if (lastPage) {
        finish(ApiError());
        return;
    }

    // The meta cursor when the server sends one, otherwise the last contact's own sort key.
    const Contact& last = page->contacts.constLast();
    QString nextId = page->meta.value(L("startAfterId")).toString();
    qint64 nextMs = page->meta.value(L("startAfter")).toInteger(-1);
    if (nextId.isEmpty() || nextMs < 0) {
        nextId = last.id;
        nextMs = epochMs(last.dateAdded);
    }
    if (nextMs < 0 || (nextId == m_startAfterId && nextMs == m_startAfter)) {
        finish(ApiError::incorrectResponse(
            tr("the contact list gives no position for the next page"), job.httpStatus()));
        return;
    }
    m_startAfter = nextMs;
    m_startAfterId = nextId;
    requestListPage();
}

bool ContactWalker::morePages(qsizetype received, int limit) const
{
    if (received == 0)
        return false;
    // A short page ends the walk unless the server counts more than were delivered: a server
    // that caps the page size below the limit asked for would otherwise end it early.
    return received >= limit || (m_total >= 0 && m_seen.size() < m_total);
}

void ContactWalker::fallBack(const ApiError& reason)
{
    qCInfo(lcApi) << "contact search refused (" << ApiError::kindName(reason.kind())
                  << reason.httpStatus() << "); listing through GET /contacts/ instead";
    m_fallbackReason = reason;
    m_source = WalkSource::List;
    m_startAfter = 0;
    m_startAfterId.clear();
    // The listing's order is (dateAdded, id): in that order it continues right after the last
    // contact delivered; otherwise it starts over and the seen set drops the repeats.
    if (m_options.order == WalkOrder::DateAdded && m_lastDateAddedMs >= 0) {
        m_startAfter = m_lastDateAddedMs;
        m_startAfterId = m_lastId;
    }
    Q_EMIT fellBack(reason);
    if (m_running)
        requestListPage();
}

qsizetype ContactWalker::deliver(const QList<Contact>& contacts, const QJsonArray& json)
{
    ContactWalkPage page;
    page.index = m_pages;
    page.source = m_source;
    for (qsizetype i = 0; i < contacts.size(); ++i) {
        const Contact& contact = contacts.at(i);
        if (m_seen.contains(contact.id))
            continue;
        m_seen.insert(contact.id);
        page.contacts.append(contact);
        page.json.append(json.at(i));
    }
    if (!contacts.isEmpty()) {
        const Contact& last = contacts.constLast();
        m_lastDateAddedMs = epochMs(last.dateAdded);
        m_lastId = last.id;
    }
    if (page.contacts.isEmpty())
        return 0;
    ++m_pages;
    Q_EMIT pageReady(page);
    if (m_running)
        Q_EMIT progress(m_seen.size(), m_total);
    return page.contacts.size();
}

void ContactWalker::finish(const ApiError& error)
{
    if (!m_running)
        return;
    m_running = false;
    m_error = error;
    Q_EMIT finished(!error.isError());
}

} // namespace ContactDesk::Api
