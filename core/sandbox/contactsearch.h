#pragma once

#include "sandbox/contactfilter.h"
#include "sandbox/exchange.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace ContactDesk::Sandbox {

class SandboxData;
struct Location;

// The read side of contacts: the Elasticsearch-like `POST /contacts/search` (filters and sort
// from contactfilter.h, page or searchAfter paging, index lag) and the lists of `GET /contacts/`
// and `GET /contacts/business/{businessId}`, which take the same free-text `query`. Only live
// contacts of the given location are seen.
class ContactSearch
{
public:
    explicit ContactSearch(SandboxData& data);

    // POST /contacts/search with a SearchBodyV2DTO. Contacts written less than the configured
    // index lag ago are not visible yet.
    Reply search(const Location& location, const QJsonObject& body);
    // GET /contacts/: ordered by (dateAdded, id), paged with startAfter + startAfterId. The
    // request's Host header makes meta.nextPageUrl absolute.
    Reply list(const Location& location, const Request& request);
    // GET /contacts/business/{businessId}: skip/limit paging in (dateAdded, id) order.
    Reply listByBusiness(
        const Location& location, const QString& businessId, const Request& request);

private:
    bool visibleToSearch(const QString& id, qint64 nowMs) const;
    // The common shape of a sync's walk - no text, only date ranges on the one date field it
    // sorts by - answered from SandboxData's date index: O(matches) to count and O(page) to
    // fill, instead of reading every contact of the location. Nothing for any other shape.
    std::optional<Reply> searchDateIndex(const Location& location, const QString& query,
        const ContactFilter& filter, const ContactOrdering& ordering,
        const std::optional<ContactOrdering::Position>& cursor, int page, int pageLimit);

    SandboxData& m_data;
};

} // namespace ContactDesk::Sandbox
