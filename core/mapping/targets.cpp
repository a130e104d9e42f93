#include "mapping/targets.h"

#include <QHash>

namespace ContactDesk::Mapping {

namespace {

struct ContactFieldTable
{
    QStringList names;
    QHash<QString, Api::FieldType> types;
};

const ContactFieldTable& contactFields()
{
    static const ContactFieldTable table = [] {
        static const QStringList excluded {QStringLiteral("locationId"),
            QStringLiteral("customFields"), QStringLiteral("tags"),
            QStringLiteral("createNewIfDuplicateAllowed"), QStringLiteral("dndSettings"),
            QStringLiteral("inboundDndSettings")};
        ContactFieldTable result;
        for (const QString& operation : {QStringLiteral("create-contact"),
                 QStringLiteral("upsert-contact"), QStringLiteral("update-contact")}) {
            const Api::Endpoint* endpoint = Api::findEndpoint(operation);
            if (!endpoint)
                continue;
            for (const Api::BodyField& field : endpoint->body) {
                const QString name = field.name;
                if (excluded.contains(name) || result.types.contains(name)
                    || field.type == Api::FieldType::Object || field.type == Api::FieldType::Array)
                    continue;
                result.names.append(name);
                result.types.insert(name, field.type);
            }
        }
        return result;
    }();
    return table;
}

// "postalCode" -> "Postal code", for a field the table below does not name.
QString wordsOf(const QString& name)
{
    QString out;
    for (QChar ch : name) {
        if (ch.isUpper() && !out.isEmpty())
            out += u' ' + ch.toLower();
        else
            out += out.isEmpty() ? ch.toUpper() : ch;
    }
    return out;
}

bool isContactModel(const Api::CustomFieldDefinition& field)
{
    return field.model.isEmpty() || field.model == u"contact";
}

} // namespace

const QStringList& contactFieldNames()
{
    return contactFields().names;
}

bool isKnownContactField(const QString& name)
{
    return contactFields().types.contains(name);
}

QString contactFieldTitle(const QString& name)
{
    static const QHash<QString, QString> titles {
        {QStringLiteral("firstName"), QStringLiteral("First name")},
        {QStringLiteral("lastName"), QStringLiteral("Last name")},
        {QStringLiteral("name"), QStringLiteral("Full name")},
        {QStringLiteral("email"), QStringLiteral("Email")},
        {QStringLiteral("phone"), QStringLiteral("Phone")},
        {QStringLiteral("address1"), QStringLiteral("Street address")},
        {QStringLiteral("city"), QStringLiteral("City")},
        {QStringLiteral("state"), QStringLiteral("State or region")},
        {QStringLiteral("postalCode"), QStringLiteral("Postal code")},
        {QStringLiteral("website"), QStringLiteral("Website")},
        {QStringLiteral("timezone"), QStringLiteral("Time zone")},
        {QStringLiteral("dnd"), QStringLiteral("Do not disturb")},
        {QStringLiteral("source"), QStringLiteral("Source")},
        {QStringLiteral("dateOfBirth"), QStringLiteral("Date of birth")},
        {QStringLiteral("country"), QStringLiteral("Country")},
        {QStringLiteral("assignedTo"), QStringLiteral("Assigned to (user id)")},
        {QStringLiteral("gender"), QStringLiteral("Gender")},
        {QStringLiteral("companyName"), QStringLiteral("Company name")},
    };
    if (!isKnownContactField(name))
        return name;
    return titles.value(name, wordsOf(name));
}

Api::FieldType contactFieldType(const QString& name)
{
    return contactFields().types.value(name, Api::FieldType::String);
}

QString contactFieldKind(const QString& name)
{
    static const QHash<QString, QString> kinds {
        {QStringLiteral("email"), QStringLiteral("EMAIL")},
        {QStringLiteral("phone"), QStringLiteral("PHONE")},
        {QStringLiteral("dateOfBirth"), QStringLiteral("DATE")},
        {QStringLiteral("dnd"), QStringLiteral("BOOLEAN")},
        {QStringLiteral("country"), QStringLiteral("COUNTRY")},
        {QStringLiteral("timezone"), QStringLiteral("TIMEZONE")},
        {QStringLiteral("assignedTo"), QStringLiteral("USER")},
    };
    return kinds.value(name, QStringLiteral("TEXT"));
}

bool isMappableDataType(const QString& dataType)
{
    return dataType != u"FILE_UPLOAD" && dataType != u"SIGNATURE";
}

const Api::CustomFieldDefinition* resolveCustomField(
    const QString& nameOrKey, const Api::LocationLists& lists)
{
    const QString wanted = nameOrKey.trimmed();
    if (wanted.isEmpty())
        return nullptr;
    for (const Api::CustomFieldDefinition& field : lists.customFields) {
        if (isContactModel(field) && field.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return &field;
    }
    for (const Api::CustomFieldDefinition& field : lists.customFields) {
        if (isContactModel(field) && field.fieldKey == wanted)
            return &field;
    }
    const QString prefix = QStringLiteral("contact.");
    for (const Api::CustomFieldDefinition& field : lists.customFields) {
        if (isContactModel(field) && field.fieldKey.startsWith(prefix)
            && field.fieldKey.mid(prefix.size()) == wanted)
            return &field;
    }
    return nullptr;
}

QList<TargetInfo> availableTargets(const Api::LocationLists& lists)
{
    QList<TargetInfo> targets;
    for (const QString& name : contactFieldNames()) {
        TargetInfo info;
        info.target = {Target::Kind::ContactField, name};
        info.title = contactFieldTitle(name);
        info.dataType = contactFieldKind(name);
        info.wireType = contactFieldType(name);
        targets.append(info);
    }
    for (const Api::CustomFieldDefinition& field : lists.customFields) {
        if (!isContactModel(field) || !isMappableDataType(field.dataType))
            continue;
        TargetInfo info;
        info.target = {Target::Kind::CustomField, field.name};
        info.title = field.name;
        info.dataType = field.dataType;
        info.fieldKey = field.fieldKey;
        info.options = field.picklistOptions;
        const bool list = field.dataType == u"CHECKBOX" || field.dataType == u"MULTIPLE_OPTIONS"
            || field.dataType == u"TEXTBOX_LIST";
        const bool number = field.dataType == u"NUMERICAL" || field.dataType == u"FLOAT"
            || field.dataType == u"MONETORY";
        info.wireType = list ? Api::FieldType::StringArray
            : number         ? Api::FieldType::Number
                             : Api::FieldType::String;
        targets.append(info);
    }
    targets.append({{Target::Kind::Tags, QString()}, QStringLiteral("Tags"), QStringLiteral("TAGS"),
        QString(), {}, Api::FieldType::StringArray});
    targets.append({{Target::Kind::Assignee, QString()}, QStringLiteral("Assignee"),
        QStringLiteral("USER"), QString(), {}, Api::FieldType::String});
    targets.append(
        {{Target::Kind::ContactId, QString()}, QStringLiteral("Contact id (to match on)"),
            QStringLiteral("ID"), QString(), {}, Api::FieldType::String});
    targets.append({{Target::Kind::Ignore, QString()}, QStringLiteral("Ignore"), QString(),
        QString(), {}, Api::FieldType::String});
    return targets;
}

} // namespace ContactDesk::Mapping
