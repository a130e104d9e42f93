#pragma once

#include "store/storeerror.h"

#include <QHash>
#include <QJsonValue>
#include <QString>

namespace ContactDesk::Store {

class Database;

// Finds cached contacts by what an import matches rows on: an e-mail address (without case), a
// phone number (E.164, as the server stores it) or the value of a custom field (the other app's
// id). Local contacts (created here, not yet on the server) are found too, so rows that follow
// in the same import see them. Each kind is read into memory at its first lookup (one scan of
// the cache, not an index every sync write pays for), and read again when a hit is gone (a
// discarded create, a local id that became a server id).
class ContactLookup
{
public:
    explicit ContactLookup(Database& database);

    // The id of the oldest cached contact with that e-mail address; empty when there is none.
    QString byEmail(const QString& email) const;
    // `e164`: "+14155550100", compared with the stored phone (the server stores E.164).
    QString byPhone(const QString& e164) const;
    // The contact whose custom field `fieldId` holds `value` (compared as text, trimmed, without
    // case). Reads the field of every cached contact once, then answers from memory; note()
    // keeps that memory right for contacts the import writes.
    QString byCustomField(const QString& fieldId, const QString& value);
    // An import wrote `contactId` with that value of the field (a create, or a local id that
    // became a server id): later lookups find it.
    void note(const QString& fieldId, const QString& value, const QString& contactId);
    // Forgets the in-memory index (after a sync replaced contacts).
    void reset();

    StoreError lastError() const { return m_error; }

    // The text a custom field value is compared by: "42", "abc-1".
    static QString valueKey(const QJsonValue& value);

private:
    bool indexCustomField(const QString& fieldId);
    // e-mail (case-folded) and phone -> the oldest contact's id
    bool indexEmailsAndPhones() const;
    QString fromIndex(const QHash<QString, QString>& index, const QString& key) const;

    Database& m_db;
    // field id -> value key -> contact id
    QHash<QString, QHash<QString, QString>> m_byField;
    mutable bool m_contactIndexed = false;
    mutable QHash<QString, QString> m_byEmail;
    mutable QHash<QString, QString> m_byPhone;
    mutable StoreError m_error;
};

} // namespace ContactDesk::Store
