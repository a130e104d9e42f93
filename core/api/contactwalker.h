#pragma once

#include "api/apierror.h"
#include "api/models/contact.h"
#include "api/models/searchquery.h"
#include "api/ratebudget.h"

#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <optional>

namespace ContactDesk::Api {

class ApiClient;
class ApiJob;
struct ContactPage;

// The order a walk goes through the contacts; the contact id breaks ties in both.
enum class WalkOrder
{
    DateAdded, // contacts created during the walk come last, so the walk reaches them too
    DateUpdated, // for "changed since" walks with a dateUpdated range filter
};

// Where the pages come from.
enum class WalkSource
{
    Search, // POST /contacts/search with a searchAfter cursor, up to 500 per page
    List, // GET /contacts/ (deprecated) with startAfter + startAfterId, up to 100 per page
};

struct ContactWalkOptions
{
    int pageLimit = SearchQuery::maxPageLimit; // the listing takes at most 100
    WalkOrder order = WalkOrder::DateAdded;
    Priority priority = Priority::Background;
    WalkSource source = WalkSource::Search;
    QString query; // free text; both sources understand it
    // Search only. A walk with filters cannot fall back to the listing, which would return
    // contacts the filters exclude; it ends with the search error instead.
    QList<Filter> filters;
};

// One page as it arrived, without the contacts an earlier page of the walk already delivered.
struct ContactWalkPage
{
    int index = 0; // 0-based, counting delivered pages
    WalkSource source = WalkSource::Search;
    QList<Contact> contacts;
    QJsonArray json; // the same contacts as the API sent them
};

// Walks every contact of the client's location, page by page, delivering each page as it
// arrives. Each contact is delivered at most once per walk; a contact that exists for the whole
// walk is delivered exactly once, also when others are created or changed between pages.
//
// Search is tried first. When it answers 400, 404 or 422 (a server without search, a sort field
// or cursor it does not take), the walk continues through GET /contacts/: in dateAdded order
// right after the last contact delivered, since the listing uses the same order; in dateUpdated
// order from the start, skipping what was delivered. `fellBack` reports the switch.
class ContactWalker : public QObject
{
    Q_OBJECT

public:
    explicit ContactWalker(
        ApiClient& client, ContactWalkOptions options = {}, QObject* parent = nullptr);
    ~ContactWalker() override;

    const ContactWalkOptions& options() const { return m_options; }

    // Starts (or restarts) the walk; ignored while one is running.
    void start();
    // Stops the walk: the request in flight is cancelled and `finished(false)` follows at once
    // with a Cancelled error.
    void cancel();

    bool isRunning() const { return m_running; }
    WalkSource source() const { return m_source; }
    qint64 delivered() const { return m_seen.size(); }
    int pages() const { return m_pages; }
    // The server's count of matching contacts; -1 until a page reported it.
    qint64 total() const { return m_total; }
    // Why the walk failed; no error after a successful walk.
    const ApiError& error() const { return m_error; }
    // What made the walk leave search for the listing; no error when it did not.
    const ApiError& fallbackReason() const { return m_fallbackReason; }

    // Whether a failed search page makes the walk continue through the listing.
    static bool searchRefused(const ApiError& error);

Q_SIGNALS:
    void pageReady(const ContactDesk::Api::ContactWalkPage& page);
    void progress(qint64 delivered, qint64 total);
    void fellBack(const ContactDesk::Api::ApiError& reason);
    void finished(bool ok);

private:
    void requestSearchPage();
    void requestListPage();
    void handleSearchPage(const ApiJob& job);
    void handleListPage(const ApiJob& job);
    void fallBack(const ApiError& reason);
    bool morePages(qsizetype received, int limit) const;
    // Delivers the contacts of `page` not seen before; returns how many were new.
    qsizetype deliver(const QList<Contact>& contacts, const QJsonArray& json);
    // Decodes the page `job` answered and delivers it; std::nullopt when that ended the walk.
    std::optional<ContactPage> takePage(const ApiJob& job);
    void finish(const ApiError& error);
    QString sortField() const;
    void watch(ApiJob* job, void (ContactWalker::*handler)(const ApiJob&));

    ApiClient& m_client;
    ContactWalkOptions m_options;
    QPointer<ApiJob> m_job;
    bool m_running = false;
    WalkSource m_source = WalkSource::Search;
    QSet<QString> m_seen;
    int m_pages = 0;
    qint64 m_total = -1;
    ApiError m_error;
    ApiError m_fallbackReason;
    // Search: the cursor of the next page (empty for the first).
    QJsonArray m_searchAfter;
    // Listing: where the next page starts; 0 and empty for the first.
    qint64 m_startAfter = 0;
    QString m_startAfterId;
    // The last contact delivered in dateAdded order, to resume the listing after it.
    qint64 m_lastDateAddedMs = -1;
    QString m_lastId;
};

} // namespace ContactDesk::Api
