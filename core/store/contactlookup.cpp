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

QString ContactLookup::byEmail(const QString& email) const
{
    const QString wanted = email.trimmed();
    if (wanted.isEmpty())
        return {};
    // NOCASE folds ASCII only (and uses the index); the check below folds the rest.
    QSqlQuery query = Sql::prepare(m_db,
        QStringLiteral("SELECT id, email FROM contacts WHERE email <> '' AND email = ?"
                       " COLLATE NOCASE ORDER BY rid"));
    query.setForwardOnly(true);
    query.addBindValue(wanted);
    if (!Sql::exec(m_db, query)) {
        m_error = m_db.lastError();
        return {};
    }
    while (query.next()) {
        if (query.value(1).toString().trimmed().toCaseFolded() == wanted.toCaseFolded())
            return query.value(0).toString();
    }
    return {};
}

QString ContactLookup::byPhone(const QString& e164) const
{
    const QString wanted = e164.trimmed();
    if (wanted.isEmpty())
        return {};
    const QVariant exact = Sql::scalar(m_db,
        QStringLiteral("SELECT id FROM contacts WHERE phone <> '' AND phone = ? ORDER BY rid"
                       " LIMIT 1"),
        {wanted});
    return exact.isNull() ? QString() : exact.toString();
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
}

} // namespace ContactDesk::Store
