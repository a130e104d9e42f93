#pragma once

#include "api/endpointcatalog.h"
#include "api/models/locationlists.h"
#include "mapping/profile.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ContactDesk::Mapping {

// One target the editor offers and the profile checker accepts.
struct TargetInfo
{
    Target target;
    QString title; // user text: "First name", "Postal code", "Membership level", "Tags"
    // Custom fields: the field's dataType (TEXT, NUMERICAL, SINGLE_OPTIONS, ...). Contact
    // fields: what validation applies (EMAIL, PHONE, DATE, BOOLEAN, COUNTRY, TIMEZONE, TEXT).
    QString dataType;
    QString fieldKey; // custom fields: "contact.membership_level"
    QStringList options; // custom fields: the picklist
    Api::FieldType wireType = Api::FieldType::String;
};

// Every target for a location, in the editor's order: the writable contact fields of the
// create, upsert and update DTOs (catalog order), the location's contact custom fields (its
// field order; file upload and signature fields cannot come from text and are left out),
// then Tags, Assignee and Ignore.
QList<TargetInfo> availableTargets(const Api::LocationLists& lists);

// The writable contact fields: the union of the create, upsert and update bodies without
// locationId, customFields, tags, createNewIfDuplicateAllowed, dndSettings and
// inboundDndSettings (those have targets of their own, or are objects).
const QStringList& contactFieldNames();
bool isKnownContactField(const QString& name);
// "Postal code" for "postalCode"; the name itself for one that is not a contact field.
QString contactFieldTitle(const QString& name);
// The wire type of a contact field (String, or Boolean for dnd).
Api::FieldType contactFieldType(const QString& name);
// The validation kind of a contact field, as TargetInfo::dataType says it.
QString contactFieldKind(const QString& name);

// A contact custom field of the location by its name (case-insensitive), then its fieldKey,
// then its key without "contact." ("membership_level"). Null when there is none.
const Api::CustomFieldDefinition* resolveCustomField(
    const QString& nameOrKey, const Api::LocationLists& lists);

// Whether text can be written to a custom field of this dataType (not FILE_UPLOAD, SIGNATURE).
bool isMappableDataType(const QString& dataType);

} // namespace ContactDesk::Mapping
