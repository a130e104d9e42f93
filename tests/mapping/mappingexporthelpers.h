#pragma once

// Shared by the export tests: two contacts that exercise quoting, neutralising and every
// custom-field type, and what a mapped row writes, as text.

#include "api/models/contact.h"
#include "mapping/contactexport.h"
#include "mapping/mappedrow.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QStringList>

namespace ContactDesk::Mapping::Testing {

using namespace Qt::StringLiterals;

inline Api::Contact maya()
{
    Api::Contact contact;
    contact.id = u"c0000000000000000001"_s;
    contact.locationId = u"ve9EPM428h8vShlRW1KT"_s;
    contact.firstName = u"Maya"_s;
    contact.lastName = u"O'Neil \"Mo\""_s;
    contact.email = u"maya@example.com"_s;
    contact.phone = u"+14155550101"_s;
    contact.companyName = u"Okafor, Brooks & Co"_s;
    contact.address1 = u"1 Main St\nSuite 5"_s;
    contact.city = u"Springfield"_s;
    contact.state = u"IL"_s;
    contact.postalCode = u"62701"_s;
    contact.country = u"US"_s;
    contact.website = u"https://example.com"_s;
    contact.source = u"=HYPERLINK(\"http://x\")"_s;
    contact.dateOfBirth = QDate(1985, 1, 15);
    contact.tags = {u"vip"_s, u"newsletter"_s};
    contact.assignedTo = u"uMaya00000000000001"_s;
    contact.customFields = {
        {u"cfMembership0000001"_s, {}, u"Gold"_s},
        {u"cfLeadScore00000001"_s, {}, 42},
        {u"cfLifetimeValue0001"_s, {}, 1234.5},
        {u"cfRenewalDate00001"_s, {},
            double(QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch())},
        {u"cfInterests0000001"_s, {}, QJsonArray {u"Events"_s, u"Pricing"_s}},
    };
    contact.dateAdded = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
    return contact;
}

inline Api::Contact daniel()
{
    Api::Contact contact;
    contact.id = u"c0000000000000000002"_s;
    contact.locationId = u"ve9EPM428h8vShlRW1KT"_s;
    contact.firstName = u"Daniel"_s;
    contact.lastName = u"Brooks"_s;
    contact.phone = u"-5"_s; // a formula-like value, whatever its meaning
    contact.assignedTo = u"uGone00000000000001"_s; // a user the location no longer lists
    contact.customFields = {{u"cfReferral00000001"_s, {}, u"@mention"_s},
        {u"cfRenewalDate00001"_s, {}, u"2026-07-04T00:00:00.000Z"_s}};
    contact.dateAdded = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
    return contact;
}

inline QStringList titles(const QList<ExportColumn>& columns)
{
    QStringList result;
    for (const ExportColumn& column : columns)
        result.append(column.title);
    return result;
}

// What the mapped row would write, as "key=value" lines (lists joined with "|").
inline QStringList written(const MappedRow& row)
{
    QStringList lines;
    for (const MappedValue& value : row.values) {
        QString text;
        if (value.value.isArray()) {
            QStringList items;
            for (const QJsonValue& item : value.value.toArray())
                items.append(item.toString());
            text = items.join(u'|');
        } else if (value.value.isDouble()) {
            text = QString::number(value.value.toDouble());
        } else {
            text = value.value.toString();
        }
        lines.append(value.key + u'=' + text);
    }
    if (!row.tags.isEmpty())
        lines.append(u"tags="_s + row.tags.join(u'|'));
    lines.sort();
    return lines;
}

inline const QStringList mayaWritten {u"address1=1 Main St\nSuite 5"_s,
    u"assignedTo=uMaya00000000000001"_s, u"city=Springfield"_s,
    u"companyName=Okafor, Brooks & Co"_s, u"country=US"_s,
    u"customField:cfInterests0000001=Events|Pricing"_s, u"customField:cfLeadScore00000001=42"_s,
    u"customField:cfLifetimeValue0001=1234.5"_s, u"customField:cfMembership0000001=Gold"_s,
    u"customField:cfRenewalDate00001=2026-03-01"_s, u"dateOfBirth=1985-01-15"_s,
    u"email=maya@example.com"_s, u"firstName=Maya"_s, u"lastName=O'Neil \"Mo\""_s,
    u"phone=+14155550101"_s, u"postalCode=62701"_s, u"source==HYPERLINK(\"http://x\")"_s,
    u"state=IL"_s, u"tags=vip|newsletter"_s, u"website=https://example.com"_s};

} // namespace ContactDesk::Mapping::Testing
