#include "store/contactlookup.h"

#include "store/contactrows.h"
#include "store/database.h"
#include "store/sqlutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace ContactDesk::Store {

ContactLookup::ContactLookup(Database& database)
    : m_db(database)
{ }

bool ContactLookup::indexEmailsAndPhones() const
{
    m_byEmail.clear();
    m_byPhone.clear();
    QSqlQuery query = Sql::prepare(m_db,
        QStringLiteral("SELECT id, email, phone FROM contacts"
                       " WHERE email <> '' OR phone <> '' ORDER BY rid"));
    query.setForwardOnly(true);
    if (!Sql::exec(m_db, query)) {
        m_error = m_db.lastError();
        return false;
    }
    while (query.next()) {
        const QString id = query.value(0).toString();
        const QString email = query.value(1).toString().trimmed().toCaseFolded();
        const QString phone = query.value(2).toString().trimmed();
        if (!email.isEmpty())
            m_byEmail.insert(email, m_byEmail.value(email, id)); // the oldest stays
        if (!phone.isEmpty())
            m_byPhone.insert(phone, m_byPhone.value(phone, id));
    }
    m_contactIndexed = true;
    return true;
}

QString ContactLookup::fromIndex(const QHash<QString, QString>& index, const QString& key) const
{
    if (key.isEmpty() || (!m_contactIndexed && !indexEmailsAndPhones()))
        return {};
    const QString id = index.value(key);
    if (id.isEmpty() || Rows::loadContact(m_db, id))
        return id;
    // Gone or renamed since it was read: read again.
    if (!indexEmailsAndPhones())
        return {};
    return index.value(key);
}

QString ContactLookup::byEmail(const QString& email) const
{
    return fromIndex(m_byEmail, email.trimmed().toCaseFolded());
}

QString ContactLookup::byPhone(const QString& e164) const
{
    return fromIndex(m_byPhone, e164.trimmed());
}

QString ContactLookup::valueKey(const QJsonValue& value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        return QString::number(number, 'g', 17).toCaseFolded();
    }
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue& item : value.toArray())
            parts.append(valueKey(item));
        return parts.join(u'\n');
    }
    const QString text = value.toString().trimmed();
    // A number written as text matches the same number stored as a number.
    bool isNumber = false;
    const double number = text.toDouble(&isNumber);
    if (isNumber && !text.isEmpty())
        return QString::number(number, 'g', 17);
    return text.toCaseFolded();
}

bool ContactLookup::indexCustomField(const QString& fieldId)
{
    QHash<QString, QString> index;
    QSqlQuery query = Sql::prepare(m_db,
        QStringLiteral("SELECT c.id, json_extract(f.value, '$.value') IS NULL,"
                       " json_quote(json_extract(f.value, '$.value'))"
                       " FROM contacts c, json_each(c.json, '$.customFields') f"
                       " WHERE json_extract(f.value, '$.id') = ? ORDER BY c.rid"));
    query.setForwardOnly(true);
    query.addBindValue(fieldId);
    if (!Sql::exec(m_db, query)) {
        m_error = m_db.lastError();
        return false;
    }
    while (query.next()) {
        if (query.value(1).toInt() != 0)
            continue;
        const QJsonDocument document
            = QJsonDocument::fromJson("[" + query.value(2).toString().toUtf8() + "]");
        const QString key = valueKey(document.array().at(0));
        if (!key.isEmpty() && !index.contains(key))
            index.insert(key, query.value(0).toString());
    }
    m_byField.insert(fieldId, index);
    return true;
}

QString ContactLookup::byCustomField(const QString& fieldId, const QString& value)
{
    const QString key = valueKey(QJsonValue(value));
    if (fieldId.isEmpty() || key.isEmpty())
        return {};
    if (!m_byField.contains(fieldId) && !indexCustomField(fieldId))
        return {};
    QString id = m_byField.value(fieldId).value(key);
    if (id.isEmpty() || Rows::loadContact(m_db, id))
        return id;
    // Gone (a discarded create) or renamed (a local id that became a server id) since it was
    // indexed: read the field again.
    if (!indexCustomField(fieldId))
        return {};
    return m_byField.value(fieldId).value(key);
}

void ContactLookup::note(const QString& fieldId, const QString& value, const QString& contactId)
{
    const QString key = valueKey(QJsonValue(value));
    if (fieldId.isEmpty() || key.isEmpty() || !m_byField.contains(fieldId))
        return;
    m_byField[fieldId].insert(key, contactId);
}

void ContactLookup::reset()
{
    m_byField.clear();
    m_contactIndexed = false;
    m_byEmail.clear();
    m_byPhone.clear();
}

} // namespace ContactDesk::Store
