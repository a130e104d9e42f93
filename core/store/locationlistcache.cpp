#include "store/locationlistcache.h"

#include "store/database.h"
#include "store/logging.h"
#include "store/sqlutil.h"

#include "common/clock.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace ContactDesk::Store {

using Kind = Api::LocationLists::Kind;

namespace {

template <typename T>
QJsonArray toArray(const QList<T>& items)
{
    QJsonArray array;
    for (const T& item : items)
        array.append(item.toJson());
    return array;
}

template <typename T>
QList<T> fromArray(const QJsonArray& array, const QString& kind)
{
    QList<T> items;
    for (const QJsonValue& value : array) {
        QString error;
        if (auto item = T::fromJson(value.toObject(), &error, kind))
            items.append(*item);
        else
            qCWarning(lcStore) << "skipping an unreadable cached" << kind << "entry:" << error;
    }
    return items;
}

template <typename T, typename NameOf>
void sortByName(QList<T>& items, NameOf nameOf)
{
    std::stable_sort(items.begin(), items.end(), [&](const T& a, const T& b) {
        const int byName = QString::compare(nameOf(a), nameOf(b), Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
}

QDateTime fromMs(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

} // namespace

LocationListCache::LocationListCache(Database& database)
    : m_db(database)
{ }

QString LocationListCache::kindName(Kind kind)
{
    switch (kind) {
    case Kind::CustomFields:
        return QStringLiteral("customFields");
    case Kind::Tags:
        return QStringLiteral("tags");
    case Kind::Users:
        return QStringLiteral("users");
    case Kind::Calendars:
        return QStringLiteral("calendars");
    }
    return QString();
}

bool LocationListCache::saveCustomFields(
    const QList<Api::CustomFieldDefinition>& fields, const QDateTime& at)
{
    return save(Kind::CustomFields, toArray(fields), QString(), at);
}

bool LocationListCache::saveTags(const QList<Api::LocationTag>& tags, const QDateTime& at)
{
    return save(Kind::Tags, toArray(tags), QString(), at);
}

bool LocationListCache::saveUsers(const QList<Api::User>& users, const QDateTime& at)
{
    return save(Kind::Users, toArray(users), QString(), at);
}

bool LocationListCache::saveCalendars(const QList<Api::Calendar>& calendars, const QDateTime& at)
{
    return save(Kind::Calendars, toArray(calendars), QString(), at);
}

bool LocationListCache::saveUnavailable(Kind kind, const QString& reason, const QDateTime& at)
{
    return save(kind, QJsonArray(), reason.isEmpty() ? QStringLiteral("unavailable") : reason, at);
}

bool LocationListCache::save(
    Kind kind, const QJsonArray& items, const QString& unavailable, const QDateTime& at)
{
    Sql::Transaction transaction(m_db);
    if (!transaction.isActive())
        return false;
    if (!Sql::run(m_db,
            QStringLiteral("INSERT OR REPLACE INTO location_lists"
                           " (kind, items, unavailable, refreshed_at) VALUES (?, ?, ?, ?)"),
            {kindName(kind), Sql::toText(items), Sql::text(unavailable),
                at.isValid() ? at.toMSecsSinceEpoch() : m_db.clock().nowMs()}))
        return false;
    return transaction.commit();
}

Api::LocationLists LocationListCache::load() const
{
    Api::LocationLists lists;
    QSqlQuery query = Sql::prepare(
        m_db, QStringLiteral("SELECT kind, items, unavailable, refreshed_at FROM location_lists"));
    if (!Sql::exec(m_db, query))
        return lists;
    qint64 latest = 0;
    while (query.next()) {
        const QString kind = query.value(0).toString();
        const QJsonArray items = Sql::arrayFromText(query.value(1).toString());
        const QString unavailable = query.value(2).toString();
        latest = std::max(latest, query.value(3).toLongLong());
        Kind which;
        if (kind == kindName(Kind::CustomFields)) {
            which = Kind::CustomFields;
            lists.customFields = fromArray<Api::CustomFieldDefinition>(items, kind);
        } else if (kind == kindName(Kind::Tags)) {
            which = Kind::Tags;
            lists.tags = fromArray<Api::LocationTag>(items, kind);
        } else if (kind == kindName(Kind::Users)) {
            which = Kind::Users;
            lists.users = fromArray<Api::User>(items, kind);
        } else if (kind == kindName(Kind::Calendars)) {
            which = Kind::Calendars;
            lists.calendars = fromArray<Api::Calendar>(items, kind);
        } else {
            continue;
        }
        if (!unavailable.isEmpty())
            lists.unavailable.insert(which, unavailable);
    }
    std::stable_sort(lists.customFields.begin(), lists.customFields.end(),
        [](const Api::CustomFieldDefinition& a, const Api::CustomFieldDefinition& b) {
            if (a.position != b.position)
                return a.position < b.position;
            const int byName = QString::compare(a.name, b.name, Qt::CaseInsensitive);
            return byName != 0 ? byName < 0 : a.id < b.id;
        });
    sortByName(lists.tags, [](const Api::LocationTag& t) { return t.name; });
    sortByName(lists.users, [](const Api::User& u) { return u.displayName(); });
    sortByName(lists.calendars, [](const Api::Calendar& c) { return c.name; });
    lists.refreshedAt = fromMs(latest);
    return lists;
}

QDateTime LocationListCache::refreshedAt(Kind kind) const
{
    const QVariant ms = Sql::scalar(m_db,
        QStringLiteral("SELECT refreshed_at FROM location_lists WHERE kind = ?"), {kindName(kind)});
    return ms.isNull() ? QDateTime() : fromMs(ms.toLongLong());
}

StoreError LocationListCache::lastError() const
{
    return m_db.lastError();
}

} // namespace ContactDesk::Store
