#include "ui/app/contactactions.h"

#include "store/childcache.h"
#include "store/contactcache.h"
#include "store/localedits.h"
#include "store/outbox.h"
#include "store/trash.h"
#include "sync/workspace.h"
#include "ui/app/appsettings.h"
#include "ui/app/logging.h"
#include "ui/dialogs/conflictdialog.h"
#include "ui/dialogs/deletecontactdialog.h"
#include "ui/dialogs/tageditor.h"

#include <QSet>
#include <QWidget>

#include <utility>

namespace ContactDesk::Ui {

namespace {

// Candidates read from the search index per duplicate check: plenty for one email or number.
constexpr int duplicateCandidates = 200;

QString digitsOf(const QString& text)
{
    QString digits;
    for (const QChar c : text) {
        if (c.isDigit())
            digits.append(c);
    }
    return digits;
}

bool isContactEdit(Store::OutboxKind kind)
{
    return kind == Store::OutboxKind::CreateContact || kind == Store::OutboxKind::UpdateContact;
}

} // namespace

ContactActions::ContactActions(
    Sync::Workspace& workspace, const AppSettings& settings, QWidget* dialogParent, QObject* parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_settings(settings)
    , m_parent(dialogParent)
{ }

QString ContactActions::nameOf(const QString& contactId) const
{
    const std::optional<Store::ContactSummary> summary = m_workspace.cache().summary(contactId);
    return summary ? summary->displayName : QString();
}

ContactDialog* ContactActions::prepareDialog(ContactDialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setTagSuggestions(m_workspace.cache().allTags());
    dialog->setLocationLists(m_lists);
    connect(
        dialog, &ContactDialog::openExistingRequested, this, &ContactActions::openContactRequested);
    return dialog;
}

ContactDialog* ContactActions::newContact()
{
    auto* dialog = prepareDialog(new ContactDialog(m_settings.defaultRegion(), m_parent));
    dialog->setDuplicateLookup(
        [this](const QString& email, const QString& phone) { return findDuplicate(email, phone); });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        Api::Contact draft = dialog->draft();
        draft.locationId = m_workspace.client().locationId();
        const QString id = m_workspace.edits().createContact(draft);
        if (id.isEmpty()) {
            Q_EMIT statusMessage(tr("The contact could not be created."));
            return;
        }
        Q_EMIT contactCreated(id);
        Q_EMIT statusMessage(tr("Created %1").arg(Store::ContactCache::displayName(draft)));
    });
    dialog->open();
    return dialog;
}

ContactDialog* ContactActions::editContact(const QString& contactId)
{
    const std::optional<Api::Contact> contact = m_workspace.cache().contact(contactId);
    if (!contact)
        return nullptr;
    auto* dialog = prepareDialog(new ContactDialog(*contact, m_settings.defaultRegion(), m_parent));
    // The contact may get its server id while the dialog is open; the rowid stays.
    const qint64 rowId = m_workspace.cache().rowIdFor(contactId);
    connect(dialog, &QDialog::accepted, this, [this, dialog, rowId] {
        QJsonObject changes = dialog->changedFields();
        // The cache and the outbox keep a contact in its read shape: custom fields go in as the
        // whole list of {id, value}, and the update body ({id, field_value}) is derived from it
        // when the change is sent.
        if (changes.contains(QStringLiteral("customFields"))) {
            changes.insert(QStringLiteral("customFields"),
                Api::CustomFields::toJson(dialog->draft().customFields));
        }
        saveEdit(m_workspace.cache().idForRowId(rowId), changes);
    });
    dialog->open();
    return dialog;
}

void ContactActions::saveEdit(const QString& contactId, const QJsonObject& changes)
{
    if (changes.isEmpty())
        return;
    switch (m_workspace.edits().updateContact(contactId, changes)) {
    case Store::EditOutcome::Saved:
        Q_EMIT statusMessage(tr("Saved %1").arg(nameOf(contactId)));
        break;
    case Store::EditOutcome::Unsaved:
        Q_EMIT statusMessage(tr("The change is kept in memory until the cache can be written."));
        break;
    case Store::EditOutcome::Rejected:
        Q_EMIT statusMessage(tr("The contact is no longer in the cache; the change was dropped."));
        break;
    }
}

std::optional<qint64> ContactActions::failedContactItem(const QString& contactId) const
{
    const QList<Store::OutboxItem> items = m_workspace.outbox().itemsForContact(contactId);
    for (const Store::OutboxItem& item : items) {
        if (item.state == Store::OutboxState::Failed && isContactEdit(item.kind))
            return item.id;
    }
    return std::nullopt;
}

ContactDialog* ContactActions::fixContact(const QString& contactId)
{
    const std::optional<qint64> itemId = failedContactItem(contactId);
    const std::optional<Store::OutboxItem> item
        = itemId ? m_workspace.outbox().item(*itemId) : std::nullopt;
    if (!item)
        return nullptr;
    ContactDialog* dialog = editContact(contactId);
    if (!dialog)
        return nullptr;
    // The worker joins the server's messages with "; " (one per problem).
    QStringList messages;
    const QStringList parts = item->lastError.split(QStringLiteral("; "), Qt::SkipEmptyParts);
    for (const QString& part : parts)
        messages.append(part.trimmed());
    dialog->showServerErrors(messages);
    return dialog;
}

ConflictDialog* ContactActions::resolveConflict(qint64 outboxItemId)
{
    const std::optional<Store::OutboxItem> item = m_workspace.outbox().item(outboxItemId);
    if (!item || item->state != Store::OutboxState::Conflict)
        return nullptr;
    // `theirs` holds only the fields that clash; for the others HighLevel still has the base.
    QJsonObject theirs = item->base;
    for (auto it = item->theirs.begin(); it != item->theirs.end(); ++it)
        theirs.insert(it.key(), it.value());
    auto* dialog
        = new ConflictDialog(nameOf(item->contactId), item->base, item->payload, theirs, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, outboxItemId] {
        if (!m_workspace.outbox().resolveConflict(outboxItemId, dialog->chosenFields()))
            Q_EMIT statusMessage(tr("The conflict could not be settled: %1")
                                     .arg(m_workspace.outbox().lastError().message));
        else
            Q_EMIT statusMessage(tr("Conflict settled"));
    });
    dialog->open();
    return dialog;
}

DeleteContactDialog* ContactActions::deleteContacts(const QStringList& contactIds)
{
    QStringList ids;
    QStringList names;
    int tasks = 0;
    int notes = 0;
    Store::ChildCache& children = m_workspace.children();
    for (const QString& id : contactIds) {
        const std::optional<Store::ContactSummary> summary = m_workspace.cache().summary(id);
        if (!summary)
            continue;
        ids.append(id);
        names.append(summary->displayName);
        // Lists never fetched are unknown, not empty.
        if (tasks >= 0)
            tasks = children.tasksFetchedAt(id) || !children.tasks(id).isEmpty()
                ? tasks + int(children.tasks(id).size())
                : -1;
        if (notes >= 0)
            notes = children.notesFetchedAt(id) || !children.notes(id).isEmpty()
                ? notes + int(children.notes(id).size())
                : -1;
    }
    if (ids.isEmpty())
        return nullptr;
    auto* dialog = ids.size() == 1 ? new DeleteContactDialog(names.first(), tasks, notes, m_parent)
                                   : new DeleteContactDialog(names, tasks, notes, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, ids, names] {
        const Store::EditOutcome outcome = ids.size() == 1
            ? m_workspace.edits().deleteContact(ids.first())
            : m_workspace.edits().deleteContacts(ids);
        if (outcome == Store::EditOutcome::Rejected) {
            Q_EMIT statusMessage(tr("Nothing was deleted: the contacts are gone already."));
            return;
        }
        // The trash entries this delete made, newest first: what Undo brings back.
        m_lastDeleted.clear();
        QSet<QString> wanted(ids.cbegin(), ids.cend());
        const QList<Store::TrashEntry> entries = m_workspace.trash().list();
        for (const Store::TrashEntry& entry : entries) {
            if (entry.restoredAs.isEmpty() && wanted.remove(entry.contactId))
                m_lastDeleted.append(entry.id);
            if (wanted.isEmpty())
                break;
        }
        Q_EMIT contactsDeleted(ids.size() == 1
                ? tr("Deleted %1").arg(names.first())
                : tr("Deleted %n contacts", nullptr, int(ids.size())));
        Q_EMIT undoAvailableChanged(canUndoDelete());
    });
    dialog->open();
    return dialog;
}

bool ContactActions::canUndoDelete() const
{
    return !m_lastDeleted.isEmpty() || m_workspace.trash().latestUnrestored().has_value();
}

bool ContactActions::undoDelete()
{
    QList<qint64> entries = std::exchange(m_lastDeleted, {});
    if (entries.isEmpty()) {
        if (const std::optional<Store::TrashEntry> latest = m_workspace.trash().latestUnrestored())
            entries.append(latest->id);
    }
    QString first;
    int restored = 0;
    // Oldest first, so the list order of the restored contacts follows the deleted ones.
    for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
        const QString id = m_workspace.edits().restore(*it);
        if (id.isEmpty())
            continue;
        if (first.isEmpty())
            first = id;
        ++restored;
    }
    Q_EMIT undoAvailableChanged(canUndoDelete());
    if (restored == 0) {
        Q_EMIT statusMessage(tr("There is no deleted contact to restore."));
        return false;
    }
    qCInfo(lcApp) << "restored" << restored << "deleted contact(s)";
    Q_EMIT contactsRestored(first, restored);
    Q_EMIT statusMessage(
        tr("Restored %n contact(s) with their tasks and notes", nullptr, restored));
    return true;
}

BulkTagsDialog* ContactActions::editTags(
    const QStringList& contactIds, BulkTagsDialog::Action action)
{
    if (contactIds.isEmpty())
        return nullptr;
    auto* dialog = new BulkTagsDialog(int(contactIds.size()), action, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSuggestions(m_workspace.cache().allTags());
    // Adding offers the location's tags too and marks the ones it does not have yet.
    if (action == BulkTagsDialog::Action::Add
        && !m_lists.unavailable.contains(Api::LocationLists::Kind::Tags)) {
        QStringList locationTags;
        for (const Api::LocationTag& tag : std::as_const(m_lists.tags))
            locationTags << tag.name;
        dialog->tagEditor()->setLocationTags(locationTags);
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog, contactIds] {
        QStringList tags = dialog->tags();
        const bool adding = dialog->action() == BulkTagsDialog::Action::Add;
        if (!adding && dialog->removeAllTags()) {
            for (const QString& id : contactIds) {
                if (const auto summary = m_workspace.cache().summary(id))
                    tags.append(summary->tags);
            }
            tags.removeDuplicates();
        }
        if (tags.isEmpty())
            return;
        const Store::EditOutcome outcome = adding
            ? m_workspace.edits().addTags(contactIds, tags)
            : m_workspace.edits().removeTags(contactIds, tags);
        if (outcome == Store::EditOutcome::Saved) {
            Q_EMIT statusMessage(adding
                    ? tr("Tags added to %n contact(s)", nullptr, int(contactIds.size()))
                    : tr("Tags removed from %n contact(s)", nullptr, int(contactIds.size())));
        }
    });
    dialog->open();
    return dialog;
}

std::optional<DuplicateMatch> ContactActions::findDuplicate(
    const QString& email, const QString& phone) const
{
    const Store::ContactCache& cache = m_workspace.cache();
    const auto lookFor = [&cache](const QString& text, const auto& same,
                             const QString& field) -> std::optional<DuplicateMatch> {
        if (text.trimmed().isEmpty())
            return std::nullopt;
        QVector<qint64> rows = cache.matchingRowIds(text);
        if (rows.size() > duplicateCandidates)
            rows.resize(duplicateCandidates);
        const QList<Store::ContactSummary> summaries = cache.summaries(rows);
        for (const Store::ContactSummary& summary : summaries) {
            if (same(summary))
                return DuplicateMatch {summary.id, summary.displayName, field};
        }
        return std::nullopt;
    };
    const QString wantedEmail = email.trimmed();
    if (auto match = lookFor(
            wantedEmail,
            [&wantedEmail](const Store::ContactSummary& s) {
                return s.email.compare(wantedEmail, Qt::CaseInsensitive) == 0;
            },
            QStringLiteral("email")))
        return match;
    const QString digits = digitsOf(phone);
    if (digits.size() < 4)
        return std::nullopt;
    return lookFor(
        digits, [&digits](const Store::ContactSummary& s) { return digitsOf(s.phone) == digits; },
        QStringLiteral("phone"));
}

} // namespace ContactDesk::Ui
