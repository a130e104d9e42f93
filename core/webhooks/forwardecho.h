#pragma once

#include "store/serverchange.h"

#include <optional>

namespace ContactDesk::Store {
class Database;
}

namespace ContactDesk::Webhooks {

// Recognises a change ContactDesk's own automations made coming back from HighLevel. The
// outbox keeps what each item sent (its payload, its origin, its state and when it was done),
// so a change is an echo when an automation's item for the same record sent exactly those
// values: the item is on its way or was done within `windowMs`. Of an update, only the fields
// whose new value no automation item sent are left; a create is an echo when an automation's
// create for a contact (matched by e-mail or phone while its server id is not known yet), task
// (by title) or note (by body) is on its way or done; a delete when an automation deleted it.
// Durable: the outbox survives a restart, so does the filter.
class EchoFilter
{
public:
    explicit EchoFilter(Store::Database& database, qint64 windowMs = 15LL * 60 * 1000);

    // The change without what an automation caused; nullopt when nothing of it is left.
    std::optional<Store::ServerChange> filter(
        const Store::ServerChange& change, qint64 nowMs) const;

private:
    Store::Database& m_db;
    qint64 m_windowMs;
};

} // namespace ContactDesk::Webhooks
