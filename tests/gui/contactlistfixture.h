#pragma once

// A temporary cache of a few hundred varied contacts for the contact list tests, and a plain
// re-statement of how the list orders and searches them, to compare the model against.

#include "api/models/contact.h"
#include "common/clock.h"
#include "store/contactcache.h"
#include "store/database.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <memory>

namespace ContactListFixture {

using ContactDesk::Api::Contact;

inline const QStringList firstNames {QStringLiteral("Aaron"), QStringLiteral("Bruno"),
    QStringLiteral("Chloe"), QStringLiteral("Dmitri"), QStringLiteral("Elena"),
    QStringLiteral("Farah"), QStringLiteral("Gustav"), QStringLiteral("Hana"),
    QStringLiteral("Ivan"), QStringLiteral("Jade"), QStringLiteral("Kofi"), QStringLiteral("Lena"),
    QStringLiteral("Marta"), QStringLiteral("Nils"), QStringLiteral("Olga"),
    QStringLiteral("Pavel"), QStringLiteral("Quinn"), QStringLiteral("Rosa"),
    QStringLiteral("Sven"), QStringLiteral("Zelda")};
inline const QStringList lastNames {QStringLiteral("Kowalski"), QStringLiteral("Lee"),
    QStringLiteral("Moreau"), QStringLiteral("Nakamura"), QStringLiteral("Okafor"),
    QStringLiteral("Petrov"), QStringLiteral("Quist"), QStringLiteral("Rossi"),
    QStringLiteral("Schmidt"), QStringLiteral("Tanaka"), QStringLiteral("Underwood")};
inline const QStringList companies {QStringLiteral("Acme Roofing"), QStringLiteral("blue Harbor"),
    QStringLiteral("Copperleaf"), QStringLiteral("Delta Dental"),
    QStringLiteral("Evergreen Farms")};
inline const QStringList tagPool {QStringLiteral("vip"), QStringLiteral("lead"),
    QStringLiteral("Customer"), QStringLiteral("newsletter"), QStringLiteral("VIP")};

inline constexpr int contactCount = 300;
inline constexpr qint64 baseMs = 1767225600000; // 2026-01-01T00:00:00Z

inline QString idFor(int i)
{
    return QStringLiteral("c%1").arg(i, 4, 10, QLatin1Char('0'));
}

// Contact i: names repeat (so ties are broken by rowid), some fields are empty (they sort
// last), emails differ in case, and tags mix "vip" and "VIP".
inline Contact makeContact(int i)
{
    Contact contact;
    contact.id = idFor(i);
    contact.locationId = QStringLiteral("loc1");
    contact.firstName = firstNames.at(i % firstNames.size());
    contact.lastName = lastNames.at((i / 3) % lastNames.size());
    contact.name = contact.firstName + QLatin1Char(' ') + contact.lastName;
    QString local = contact.firstName + QLatin1Char('.') + contact.lastName + QString::number(i);
    contact.email = (i % 4 == 0 ? local : local.toLower()) + QStringLiteral("@example.com");
    if (i % 6 != 5) {
        contact.phone = QStringLiteral("+1 555-%1-%2")
                            .arg((i * 37) % 1000, 3, 10, QLatin1Char('0'))
                            .arg((i * 7919) % 10000, 4, 10, QLatin1Char('0'));
    }
    if (i % 7 != 3)
        contact.companyName = companies.at((i * 3) % companies.size());
    if (i % 2 == 0)
        contact.tags.append(tagPool.at(i % tagPool.size()));
    if (i % 9 == 0)
        contact.tags.append(QStringLiteral("newsletter"));
    contact.tags.removeDuplicates();
    contact.dateAdded
        = QDateTime::fromMSecsSinceEpoch(baseMs + qint64((i * 7) % 290) * 3600000, Qt::UTC);
    if (i % 11 != 4)
        contact.dateUpdated = contact.dateAdded.addSecs(qint64((i * 13) % 97) * 60);
    return contact;
}

inline QList<Contact> makeContacts(int count = contactCount)
{
    QList<Contact> contacts;
    for (int i = 0; i < count; ++i)
        contacts.append(makeContact(i));
    return contacts;
}

// An open cache in a temporary folder.
class TempCache
{
public:
    TempCache()
    {
        m_db = std::make_unique<ContactDesk::Store::Database>(
            m_dir.filePath(QStringLiteral("cache.sqlite")), m_clock);
        m_opened = m_dir.isValid() && m_db->open().ok;
        m_cache = std::make_unique<ContactDesk::Store::ContactCache>(*m_db);
    }
    bool isOpen() const { return m_opened; }
    ContactDesk::Store::Database& db() { return *m_db; }
    ContactDesk::Store::ContactCache& cache() { return *m_cache; }
    QString dir() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    ContactDesk::SystemClock m_clock;
    std::unique_ptr<ContactDesk::Store::Database> m_db;
    std::unique_ptr<ContactDesk::Store::ContactCache> m_cache;
    bool m_opened = false;
};

// --- The list's rules, restated plainly (ASCII data) ---

inline QString digitsOf(const QString& text)
{
    QString digits;
    for (const QChar c : text) {
        if (c.isDigit())
            digits.append(c);
    }
    return digits;
}

// The sort key of a column, or empty when the value is empty (it then sorts last).
inline QString textKey(const Contact& contact, int column)
{
    switch (column) {
    case 0:
        return ContactDesk::Store::ContactCache::displayName(contact).toCaseFolded();
    case 1:
        return contact.email.toCaseFolded();
    case 2:
        return digitsOf(contact.phone);
    case 3:
        return contact.companyName.toCaseFolded();
    case 4: {
        QStringList tags;
        for (const QString& tag : contact.tags)
            tags.append(tag.toCaseFolded());
        tags.sort();
        return tags.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

inline qint64 dateKey(const Contact& contact, int column)
{
    const QDateTime date = column == 5 ? contact.dateAdded : contact.dateUpdated;
    return date.isValid() ? date.toMSecsSinceEpoch() : 0;
}

// Ids in list order: values ascending or descending (ties by insertion order in the same
// direction), then the empty values in insertion order.
inline QStringList expectedOrder(const QList<Contact>& contacts, int column, Qt::SortOrder order)
{
    QList<int> filled;
    QList<int> empty;
    for (int i = 0; i < contacts.size(); ++i) {
        const bool isEmpty = column >= 5 ? dateKey(contacts.at(i), column) == 0
                                         : textKey(contacts.at(i), column).isEmpty();
        (isEmpty ? empty : filled).append(i);
    }
    std::stable_sort(filled.begin(), filled.end(), [&](int a, int b) {
        int cmp = 0;
        if (column >= 5) {
            const qint64 ka = dateKey(contacts.at(a), column);
            const qint64 kb = dateKey(contacts.at(b), column);
            cmp = ka < kb ? -1 : (ka > kb ? 1 : 0);
        } else {
            cmp = QString::compare(
                textKey(contacts.at(a), column), textKey(contacts.at(b), column));
        }
        if (cmp == 0)
            cmp = a < b ? -1 : (a > b ? 1 : 0);
        return order == Qt::AscendingOrder ? cmp < 0 : cmp > 0;
    });
    QStringList ids;
    for (int i : std::as_const(filled))
        ids.append(contacts.at(i).id);
    for (int i : std::as_const(empty))
        ids.append(contacts.at(i).id);
    return ids;
}

inline QStringList wordsOf(const QString& text)
{
    QStringList words;
    QString word;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            word.append(c.toLower());
        } else if (!word.isEmpty()) {
            words.append(word);
            word.clear();
        }
    }
    if (!word.isEmpty())
        words.append(word);
    return words;
}

// Whether a typed search finds the contact: every typed word is a prefix of some word of its
// name, email, phone (or the phone's digits without a country code), company or tags.
inline bool matches(const Contact& contact, const QString& typed)
{
    QStringList words = wordsOf(ContactDesk::Store::ContactCache::displayName(contact) + u' '
        + contact.firstName + u' ' + contact.lastName + u' ' + contact.email + u' ' + contact.phone
        + u' ' + contact.companyName + u' ' + contact.tags.join(u' '));
    const QString digits = digitsOf(contact.phone);
    for (int skip = 0; skip <= 3 && digits.size() - skip >= 4; ++skip)
        words.append(digits.mid(skip));
    const QStringList typedWords = wordsOf(typed);
    if (typedWords.isEmpty())
        return false;
    for (const QString& typedWord : typedWords) {
        const bool found = std::any_of(words.cbegin(), words.cend(),
            [&typedWord](const QString& word) { return word.startsWith(typedWord); });
        if (!found)
            return false;
    }
    return true;
}

} // namespace ContactListFixture
