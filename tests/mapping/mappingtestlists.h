#pragma once

// Shared by the suggest and export tests: the location lists the sandbox seeds (a subset of
// its custom fields of each kind, its users), and a target as text for comparisons.

#include "api/models/locationlists.h"
#include "mapping/profile.h"

#include <QString>

namespace ContactDesk::Mapping::Testing {

inline Api::LocationLists sandboxLikeLists()
{
    Api::LocationLists lists;
    auto field = [&](const char* id, const char* name, const char* key, const char* type,
                     QStringList options = {}) {
        Api::CustomFieldDefinition definition;
        definition.id = QString::fromLatin1(id);
        definition.name = QString::fromLatin1(name);
        definition.fieldKey = QStringLiteral("contact.") + QString::fromLatin1(key);
        definition.dataType = QString::fromLatin1(type);
        definition.model = QStringLiteral("contact");
        definition.picklistOptions = options;
        lists.customFields.append(definition);
    };
    field("cfMembership0000001", "Membership level", "membership_level", "SINGLE_OPTIONS",
        {QStringLiteral("Bronze"), QStringLiteral("Silver"), QStringLiteral("Gold"),
            QStringLiteral("Platinum")});
    field("cfLeadScore00000001", "Lead score", "lead_score", "NUMERICAL");
    field("cfLifetimeValue0001", "Lifetime value", "lifetime_value", "MONETORY");
    field("cfRenewalDate00001", "Renewal date", "renewal_date", "DATE");
    field("cfInterests0000001", "Interests", "interests", "MULTIPLE_OPTIONS",
        {QStringLiteral("Product updates"), QStringLiteral("Events"), QStringLiteral("Pricing")});
    field("cfReferral00000001", "Referral source", "referral_source", "TEXT");
    field("cfSignature0000001", "Signature", "signature", "SIGNATURE");
    auto user = [&](const char* id, const char* first, const char* last) {
        Api::User u;
        u.id = QString::fromLatin1(id);
        u.firstName = QString::fromLatin1(first);
        u.lastName = QString::fromLatin1(last);
        u.name = u.firstName + u' ' + u.lastName;
        u.email = u.firstName.toLower() + u'.' + u.lastName.toLower()
            + QStringLiteral("@contactdesk-demo.test");
        lists.users.append(u);
    };
    user("uMaya00000000000001", "Maya", "Okafor");
    user("uDaniel000000000001", "Daniel", "Brooks");
    return lists;
}

// "ignore", "email", "customField:Lead score", "tags", "assignee", "contactId".
inline QString targetText(const Target& target)
{
    return target.toString();
}

} // namespace ContactDesk::Mapping::Testing
