// search, outbox, trash and cache: the offline cache of the target's connection, read and
// changed without the network (what they change is sent at the next sync).
#include "clioutput.h"
#include "cliparser.h"
#include "verbs.h"

#include "common/clock.h"
#include "store/contactcache.h"
#include "store/localedits.h"
#include "store/outbox.h"
#include "store/syncstate.h"
#include "store/trash.h"
#include "sync/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ContactDesk::Cli {

namespace {

using L = QLatin1StringView;

constexpr int maxCacheSearchLimit = 1000;

QString isoOrEmpty(qint64 ms)
{
    return ms > 0 ? isoUtc(ms) : QString();
}

QJsonObject outboxItemJson(const Store::OutboxItem& item)
{
    QJsonObject json {{QStringLiteral("id"), item.id},
        {QStringLiteral("kind"), Store::Outbox::kindName(item.kind)},
        {QStringLiteral("state"), Store::Outbox::stateName(item.state)},
        {QStringLiteral("contactId"), item.contactId}, {QStringLiteral("attempts"), item.attempts},
        {QStringLiteral("createdAt"), isoOrEmpty(item.createdAtMs)},
        {QStringLiteral("payload"), item.payload}};
    if (!item.childId.isEmpty())
        json.insert(QStringLiteral("childId"), item.childId);
    if (!item.base.isEmpty())
        json.insert(QStringLiteral("base"), item.base);
    if (!item.theirs.isEmpty())
        json.insert(QStringLiteral("theirs"), item.theirs);
    if (!item.lastError.isEmpty())
        json.insert(QStringLiteral("lastError"), item.lastError);
    if (item.nextAttemptAtMs > 0)
        json.insert(QStringLiteral("nextAttemptAt"), isoUtc(item.nextAttemptAtMs));
    if (!item.dependsOn.isEmpty())
        json.insert(QStringLiteral("dependsOn"), item.dependsOn);
    return json;
}

QJsonObject trashEntryJson(const Store::TrashEntry& entry)
{
    QJsonObject json {{QStringLiteral("id"), entry.id},
        {QStringLiteral("contactId"), entry.contactId},
        {QStringLiteral("name"), Store::ContactCache::displayName(entry.contact)},
        {QStringLiteral("deletedAt"), isoOrEmpty(entry.deletedAtMs)},
        {QStringLiteral("tasks"), int(entry.tasks.size())},
        {QStringLiteral("notes"), int(entry.notes.size())}};
    if (!entry.contact.email.isEmpty())
        json.insert(QStringLiteral("email"), entry.contact.email);
    if (!entry.restoredAs.isEmpty())
        json.insert(QStringLiteral("restoredAs"), entry.restoredAs);
    return json;
}

QString statusName(Store::LocalStatus status)
{
    switch (status) {
    case Store::LocalStatus::Synced:
        return QStringLiteral("synced");
    case Store::LocalStatus::Pending:
        return QStringLiteral("pending");
    case Store::LocalStatus::Failed:
        return QStringLiteral("failed");
    case Store::LocalStatus::Conflict:
        return QStringLiteral("conflict");
    }
    return {};
}

int runOutboxList(Sync::Workspace& workspace)
{
    QJsonArray items;
    for (const Store::OutboxItem& item : workspace.outbox().list())
        items.append(outboxItemJson(item));
    writeOut(QJsonDocument(items).toJson(QJsonDocument::Indented));
    return ExitOk;
}

int runOutboxRetry(const Command& command, Sync::Workspace& workspace)
{
    Store::Outbox& outbox = workspace.outbox();
    const std::optional<Store::OutboxItem> item = outbox.item(command.itemId);
    if (!item || item->state == Store::OutboxState::Done)
        return usageFailure(
            QStringLiteral("there is no outbox item %1 (see outbox list)").arg(command.itemId));
    if (!outbox.retry(command.itemId)) {
        writeErr(QStringLiteral("contactdesk-cli: outbox item %1 is %2 and cannot be retried%3\n")
                     .arg(command.itemId)
                     .arg(Store::Outbox::stateName(item->state),
                         item->state == Store::OutboxState::Conflict
                             ? QStringLiteral(" (a conflict is resolved in the app, or discarded)")
                             : QString()));
        return ExitApiError;
    }
    writeOut(QJsonDocument(outboxItemJson(*outbox.item(command.itemId)))
                 .toJson(QJsonDocument::Indented));
    return ExitOk;
}

int runOutboxDiscard(const Command& command, Sync::Workspace& workspace)
{
    Store::Outbox& outbox = workspace.outbox();
    const std::optional<Store::OutboxItem> item = outbox.item(command.itemId);
    if (!item || item->state == Store::OutboxState::Done)
        return usageFailure(
            QStringLiteral("there is no outbox item %1 (see outbox list)").arg(command.itemId));
    if (!outbox.discard(command.itemId)) {
        const Store::StoreError error = outbox.lastError();
        writeErr(QStringLiteral("contactdesk-cli: outbox item %1 cannot be discarded%2\n")
                     .arg(command.itemId)
                     .arg(error.isError() ? QStringLiteral(": ") + error.message
                                          : QStringLiteral(" while it is being sent")));
        return ExitApiError;
    }
    writeOut(compact(QJsonObject {{QStringLiteral("discarded"), command.itemId},
                 {QStringLiteral("kind"), Store::Outbox::kindName(item->kind)}})
        + '\n');
    return ExitOk;
}

int runTrashList(Sync::Workspace& workspace)
{
    QJsonArray entries;
    for (const Store::TrashEntry& entry : workspace.trash().list())
        entries.append(trashEntryJson(entry));
    writeOut(QJsonDocument(entries).toJson(QJsonDocument::Indented));
    return ExitOk;
}

int runTrashRestore(const Command& command, Sync::Workspace& workspace)
{
    const std::optional<Store::TrashEntry> entry = workspace.trash().entry(command.itemId);
    if (!entry)
        return usageFailure(
            QStringLiteral("there is no trash entry %1 (see trash list)").arg(command.itemId));
    if (!entry->restoredAs.isEmpty()) {
        writeErr(QStringLiteral("contactdesk-cli: trash entry %1 was already restored as %2\n")
                     .arg(command.itemId)
                     .arg(entry->restoredAs));
        return ExitApiError;
    }
    const QString restoredAs = workspace.edits().restore(command.itemId);
    if (restoredAs.isEmpty() || !workspace.edits().unsavedEdits().isEmpty()) {
        const Store::StoreError error = workspace.database().lastError();
        writeErr(QStringLiteral("contactdesk-cli: the restore could not be saved%1\n")
                     .arg(error.isError() ? QStringLiteral(": ") + error.message : QString()));
        return ExitApiError;
    }
    QJsonObject json = trashEntryJson(*workspace.trash().entry(command.itemId));
    json.insert(QStringLiteral("restoredAs"), restoredAs);
    writeOut(QJsonDocument(json).toJson(QJsonDocument::Indented));
    return ExitOk;
}

int runCacheSearch(const Command& command, Sync::Workspace& workspace)
{
    Store::ContactCache& cache = workspace.cache();
    QVector<qint64> rowIds = cache.matchingRowIds(command.searchText);
    if (rowIds.size() > command.searchLimit)
        rowIds.resize(command.searchLimit);
    QJsonArray matches;
    for (const Store::ContactSummary& summary : cache.summaries(rowIds)) {
        matches.append(QJsonObject {{QStringLiteral("id"), summary.id},
            {QStringLiteral("name"), summary.displayName}, {QStringLiteral("email"), summary.email},
            {QStringLiteral("phone"), summary.phone}, {QStringLiteral("company"), summary.company},
            {QStringLiteral("tags"), QJsonArray::fromStringList(summary.tags)},
            {QStringLiteral("status"), statusName(summary.localStatus)}});
    }
    if (cache.lastError().isError()) {
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(cache.lastError().message));
        return ExitApiError;
    }
    writeOut(QJsonDocument(matches).toJson(QJsonDocument::Indented));
    return ExitOk;
}

int runCacheStats(Sync::Workspace& workspace)
{
    QJsonObject outbox;
    int pending = 0;
    for (const Store::OutboxItem& item : workspace.outbox().list()) {
        const QString state = Store::Outbox::stateName(item.state);
        outbox.insert(state, outbox.value(state).toInt() + 1);
        ++pending;
    }
    outbox.insert(QStringLiteral("pending"), pending);
    Store::SyncState& state = workspace.syncState();
    QJsonObject json {{QStringLiteral("path"), workspace.database().path()},
        {QStringLiteral("schemaVersion"), workspace.database().schemaVersion()},
        {QStringLiteral("contacts"), workspace.cache().count()}, {QStringLiteral("outbox"), outbox},
        {QStringLiteral("trash"), workspace.trash().count()},
        {QStringLiteral("fullSyncComplete"), state.fullSyncComplete()}};
    const auto time = [&json](const char* key, const std::optional<qint64>& ms) {
        if (ms)
            json.insert(QLatin1StringView(key), isoUtc(*ms));
    };
    time("lastFullSync", state.lastFullSyncMs());
    time("lastIncrementalSync", state.lastIncrementalSyncMs());
    time("lastReconciliation", state.lastReconciliationMs());
    writeOut(QJsonDocument(json).toJson(QJsonDocument::Indented));
    return ExitOk;
}

} // namespace

Command parseCacheSearch(VerbParser& parser, Command command)
{
    const Options& options = parser.options();
    parser.allowOnly(QStringLiteral("search"), {&options.limit});
    if (parser.words().isEmpty())
        usage(QStringLiteral("usage: search TEXT [--limit N]"));
    command.action = Action::CacheSearch;
    command.searchText = parser.words().join(u' ');
    command.searchLimit = parser.limit(defaultListLimit, maxCacheSearchLimit);
    return command;
}

// outbox list|retry ID|discard ID, trash list|restore ID, cache stats.
Command parseCacheVerb(
    VerbParser& parser, Command command, const QString& group, const QString& verb)
{
    const QString name = group + u' ' + verb;
    parser.allowOnly(name, {});
    const auto withId = [&](Action action, const QString& idName) {
        parser.expectArguments(name, 1, idName);
        bool ok = false;
        command.itemId = parser.words().first().toLongLong(&ok);
        if (!ok || command.itemId <= 0)
            usage(QStringLiteral("%1 takes a number (see %2 list), got \"%3\"")
                      .arg(name, group, parser.words().first()));
        command.action = action;
        return command;
    };
    const auto noArguments = [&](Action action) {
        parser.expectArguments(name, 0, QString());
        command.action = action;
        return command;
    };
    if (group == L("outbox")) {
        if (verb == L("list"))
            return noArguments(Action::OutboxList);
        if (verb == L("retry"))
            return withId(Action::OutboxRetry, QStringLiteral("ITEM_ID"));
        if (verb == L("discard"))
            return withId(Action::OutboxDiscard, QStringLiteral("ITEM_ID"));
    } else if (group == L("trash")) {
        if (verb == L("list"))
            return noArguments(Action::TrashList);
        if (verb == L("restore"))
            return withId(Action::TrashRestore, QStringLiteral("TRASH_ID"));
    } else if (verb == L("stats")) {
        return noArguments(Action::CacheStats);
    }
    usage(QStringLiteral("unknown command %1").arg(name));
}

int runOfflineVerb(const Command& command, Sync::Workspace& workspace)
{
    switch (command.action) {
    case Action::OutboxList:
        return runOutboxList(workspace);
    case Action::OutboxRetry:
        return runOutboxRetry(command, workspace);
    case Action::OutboxDiscard:
        return runOutboxDiscard(command, workspace);
    case Action::TrashList:
        return runTrashList(workspace);
    case Action::TrashRestore:
        return runTrashRestore(command, workspace);
    case Action::CacheSearch:
        return runCacheSearch(command, workspace);
    case Action::CacheStats:
        return runCacheStats(workspace);
    default:
        break;
    }
    return ExitUsage;
}

} // namespace ContactDesk::Cli
