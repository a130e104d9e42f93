#include "common/clock.h"
#include "sandbox/operations.h"
#include "sandbox/sandboxdata.h"
#include "sandbox/sandboxdirectory.h"

#include <QJsonArray>

#include <algorithm>

namespace ContactDesk::Sandbox {

namespace {

using L = QLatin1StringView;
using Records = QList<QJsonObject>;

const QString kId = QStringLiteral("id");
const QString kName = QStringLiteral("name");
const QString kLocationId = QStringLiteral("locationId");

// The dataTypes HighLevel's custom fields have.
const QStringList dataTypes {QStringLiteral("TEXT"), QStringLiteral("LARGE_TEXT"),
    QStringLiteral("NUMERICAL"), QStringLiteral("PHONE"), QStringLiteral("MONETORY"),
    QStringLiteral("CHECKBOX"), QStringLiteral("SINGLE_OPTIONS"),
    QStringLiteral("MULTIPLE_OPTIONS"), QStringLiteral("FLOAT"), QStringLiteral("TIME"),
    QStringLiteral("DATE"), QStringLiteral("TEXTBOX_LIST"), QStringLiteral("FILE_UPLOAD"),
    QStringLiteral("RADIO")};
const QStringList models {QStringLiteral("contact"), QStringLiteral("opportunity")};

QString locationOf(const Request& request)
{
    return request.pathParams.value(kLocationId);
}

// The index in `records` of the record with that id in the location; -1 when there is none.
qsizetype indexIn(const Records& records, const QString& locationId, const QString& id)
{
    for (qsizetype i = 0; i < records.size(); ++i) {
        const QJsonObject& record = records.at(i);
        if (record.value(kId).toString() == id
            && record.value(kLocationId).toString() == locationId)
            return i;
    }
    return -1;
}

Reply succeeded()
{
    return Reply::json(200, {{QStringLiteral("succeded"), true}});
}

// "Membership level" -> "membership_level", as HighLevel derives a field's key from its name.
QString keyFromName(const QString& name)
{
    QString key;
    for (const QChar c : name.trimmed().toLower()) {
        if (c.isLetterOrNumber())
            key += c;
        else if (!key.isEmpty() && !key.endsWith(u'_'))
            key += u'_';
    }
    while (key.endsWith(u'_'))
        key.chop(1);
    return key.isEmpty() ? QStringLiteral("field") : key;
}

class CustomFieldRoutes
{
public:
    explicit CustomFieldRoutes(SandboxData& data)
        : m_data(data)
    { }

    Reply list(const Request& request) const
    {
        const QString model = request.queryValue(QStringLiteral("model"));
        if (!model.isEmpty() && model != L("all") && !models.contains(model)) {
            return Reply::validation(
                {QStringLiteral("model must be one of the following values: contact, "
                                "opportunity, all")});
        }
        Records fields;
        for (const QJsonObject& field : Directory::customFieldsOf(m_data, locationOf(request))) {
            if (model.isEmpty() || model == L("all")
                || field.value(L("model")).toString(QStringLiteral("contact")) == model)
                fields.append(field);
        }
        return Reply::json(200, {{QStringLiteral("customFields"), recordsToJson(fields)}});
    }

    Reply get(const Request& request) const
    {
        const qsizetype index = find(request);
        if (index < 0)
            return notFound(request);
        return envelope(200, m_data.customFieldDefinitions().at(index));
    }

    Reply create(const Request& request)
    {
        const QJsonObject dto = request.object();
        const QString locationId = locationOf(request);
        const QString name = dto.value(kName).toString().trimmed();
        const QString dataType = dto.value(QStringLiteral("dataType")).toString();
        const QString model
            = dto.value(QStringLiteral("model")).toString(QStringLiteral("contact"));
        QStringList errors;
        if (!dataTypes.contains(dataType)) {
            errors.append(QStringLiteral("dataType must be one of the following values: %1")
                              .arg(dataTypes.join(QStringLiteral(", "))));
        }
        if (!models.contains(model))
            errors.append(
                QStringLiteral("model must be one of the following values: contact, opportunity"));
        if (!errors.isEmpty())
            return Reply::validation(errors);

        const QString key = model + u'.' + keyFromName(name);
        for (const QJsonObject& existing : Directory::customFieldsOf(m_data, locationId)) {
            if (existing.value(L("fieldKey")).toString() == key) {
                return Reply::error(
                    400, QStringLiteral("A custom field with the key %1 already exists").arg(key));
            }
        }
        QJsonObject field {{kId, m_data.newId()}, {kName, name}, {QStringLiteral("fieldKey"), key},
            {QStringLiteral("placeholder"), dto.value(QStringLiteral("placeholder")).toString()},
            {QStringLiteral("dataType"), dataType},
            {QStringLiteral("position"),
                dto.contains(L("position")) ? dto.value(L("position")).toDouble()
                                            : nextPosition(locationId)},
            {kLocationId, locationId}, {QStringLiteral("model"), model}};
        if (const std::optional<Reply> refusal = applyOptions(field, dto))
            return *refusal;
        m_data.customFieldDefinitions().append(field);
        return envelope(201, field);
    }

    Reply update(const Request& request)
    {
        const qsizetype index = find(request);
        if (index < 0)
            return notFound(request);
        const QJsonObject dto = request.object();
        QJsonObject field = m_data.customFieldDefinitions().at(index);
        if (dto.contains(L("model"))
            && dto.value(L("model")).toString() != field.value(L("model")).toString())
            return Reply::error(
                400, QStringLiteral("The model of a custom field cannot be changed"));
        // The key stays what it was: contacts and filters refer to it.
        field.insert(kName, dto.value(kName).toString().trimmed());
        if (dto.contains(L("placeholder")))
            field.insert(QStringLiteral("placeholder"), dto.value(L("placeholder")).toString());
        if (dto.contains(L("position")))
            field.insert(QStringLiteral("position"), dto.value(L("position")).toDouble());
        if (const std::optional<Reply> refusal = applyOptions(field, dto))
            return *refusal;
        m_data.customFieldDefinitions()[index] = field;
        return envelope(200, field);
    }

    Reply remove(const Request& request)
    {
        const qsizetype index = find(request);
        if (index < 0)
            return notFound(request);
        m_data.customFieldDefinitions().removeAt(index);
        return succeeded();
    }

private:
    qsizetype find(const Request& request) const
    {
        return indexIn(
            m_data.customFieldDefinitions(), locationOf(request), request.pathParams.value(kId));
    }

    static Reply envelope(int status, const QJsonObject& field)
    {
        return Reply::json(status, {{QStringLiteral("customField"), field}});
    }

    static Reply notFound(const Request& request)
    {
        return Reply::error(404,
            QStringLiteral("Custom field with id %1 not found").arg(request.pathParams.value(kId)));
    }

    int nextPosition(const QString& locationId) const
    {
        int last = -50;
        for (const QJsonObject& field : Directory::customFieldsOf(m_data, locationId))
            last = std::max(last, field.value(L("position")).toInt());
        return last + 50;
    }

    // `textBoxListOptions` ([{label, prefillValue}]) becomes the field's picklist for option
    // fields and its boxes for TEXTBOX_LIST; other types have none.
    static std::optional<Reply> applyOptions(QJsonObject& field, const QJsonObject& dto)
    {
        if (!dto.contains(L("textBoxListOptions")))
            return std::nullopt;
        QStringList options;
        const QJsonArray items = dto.value(L("textBoxListOptions")).toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString label = items.at(i).toObject().value(L("label")).toString().trimmed();
            if (label.isEmpty()) {
                return Reply::validation(
                    {QStringLiteral("textBoxListOptions.%1.label should not be empty").arg(i)});
            }
            if (!options.contains(label))
                options.append(label);
        }
        field.insert(QStringLiteral("picklistOptions"), QJsonArray::fromStringList(options));
        return std::nullopt;
    }

    SandboxData& m_data;
};

class TagRoutes
{
public:
    explicit TagRoutes(SandboxData& data)
        : m_data(data)
    { }

    Reply list(const Request& request) const
    {
        Records tags;
        for (const QJsonObject& tag : std::as_const(m_data.tags())) {
            if (tag.value(kLocationId).toString() == locationOf(request))
                tags.append(tag);
        }
        std::sort(tags.begin(), tags.end(), [](const QJsonObject& a, const QJsonObject& b) {
            return a.value(kName).toString().compare(b.value(kName).toString(), Qt::CaseInsensitive)
                < 0;
        });
        return Reply::json(200, {{QStringLiteral("tags"), recordsToJson(tags)}});
    }

    Reply get(const Request& request) const
    {
        const qsizetype index = find(request);
        if (index < 0)
            return notFound(request);
        return envelope(m_data.tags().at(index));
    }

    Reply create(const Request& request)
    {
        const QString name = request.object().value(kName).toString().trimmed();
        if (std::optional<Reply> refusal = nameTaken(request, name, QString()))
            return *refusal;
        const QJsonObject tag {
            {kId, m_data.newId()}, {kName, name}, {kLocationId, locationOf(request)}};
        m_data.tags().append(tag);
        return envelope(tag);
    }

    // Renaming a tag renames it on every contact that has it, as in HighLevel.
    Reply update(const Request& request)
    {
        const qsizetype index = find(request);
        if (index < 0)
            return notFound(request);
        const QString name = request.object().value(kName).toString().trimmed();
        QJsonObject tag = m_data.tags().at(index);
        if (std::optional<Reply> refusal = nameTaken(request, name, tag.value(kId).toString()))
            return *refusal;
        const QString before = tag.value(kName).toString();
        tag.insert(kName, name);
        m_data.tags()[index] = tag;
        retag(locationOf(request), before, name);
        return envelope(tag);
    }

    // Deleting a tag takes it off every contact too.
    Reply remove(const Request& request)
    {
        const qsizetype index = find(request);
        if (index < 0)
            return notFound(request);
        const QString name = m_data.tags().at(index).value(kName).toString();
        m_data.tags().removeAt(index);
        retag(locationOf(request), name, QString());
        return succeeded();
    }

private:
    qsizetype find(const Request& request) const
    {
        return indexIn(
            m_data.tags(), locationOf(request), request.pathParams.value(QStringLiteral("tagId")));
    }

    static Reply envelope(const QJsonObject& tag)
    {
        return Reply::json(200, {{QStringLiteral("tag"), tag}});
    }

    static Reply notFound(const Request& request)
    {
        return Reply::error(404,
            QStringLiteral("Tag with id %1 not found")
                .arg(request.pathParams.value(QStringLiteral("tagId"))));
    }

    std::optional<Reply> nameTaken(
        const Request& request, const QString& name, const QString& self) const
    {
        if (name.isEmpty())
            return Reply::validation({QStringLiteral("name should not be empty")});
        const QJsonObject* existing = m_data.findTag(locationOf(request), name);
        if (existing && existing->value(kId).toString() != self)
            return Reply::error(400, QStringLiteral("The tag %1 already exists").arg(name));
        return std::nullopt;
    }

    // Replaces (or, with an empty `to`, removes) the tag on the location's live contacts.
    void retag(const QString& locationId, const QString& from, const QString& to)
    {
        const QString tagsKey = QStringLiteral("tags");
        QList<QJsonObject> changed;
        for (const QJsonObject& contact : std::as_const(m_data.contacts())) {
            if (contact.value(kLocationId).toString() != locationId
                || m_data.deletedContacts().contains(contact.value(kId).toString()))
                continue;
            QJsonArray tags = contact.value(tagsKey).toArray();
            bool hit = false;
            for (qsizetype i = tags.size() - 1; i >= 0; --i) {
                if (tags.at(i).toString().compare(from, Qt::CaseInsensitive) != 0)
                    continue;
                hit = true;
                if (to.isEmpty())
                    tags.removeAt(i);
                else
                    tags.replace(i, to);
            }
            if (!hit)
                continue;
            QJsonObject next = contact;
            next.insert(tagsKey, tags);
            next.insert(QStringLiteral("dateUpdated"), isoUtc(m_data.clock().nowMs()));
            changed.append(next);
        }
        for (const QJsonObject& contact : std::as_const(changed))
            m_data.storeContact(contact);
    }

    SandboxData& m_data;
};

} // namespace

void addLocationListHandlers(HandlerTable& table, SandboxData& data)
{
    auto fields = std::make_shared<CustomFieldRoutes>(data);
    table.insert(QStringLiteral("get-custom-fields"),
        [fields](const Request& r) { return fields->list(r); });
    table.insert(QStringLiteral("create-custom-field"),
        [fields](const Request& r) { return fields->create(r); });
    table.insert(
        QStringLiteral("get-custom-field"), [fields](const Request& r) { return fields->get(r); });
    table.insert(QStringLiteral("update-custom-field"),
        [fields](const Request& r) { return fields->update(r); });
    table.insert(QStringLiteral("delete-custom-field"),
        [fields](const Request& r) { return fields->remove(r); });
    auto tags = std::make_shared<TagRoutes>(data);
    table.insert(
        QStringLiteral("get-location-tags"), [tags](const Request& r) { return tags->list(r); });
    table.insert(
        QStringLiteral("create-tag"), [tags](const Request& r) { return tags->create(r); });
    table.insert(
        QStringLiteral("get-tag-by-id"), [tags](const Request& r) { return tags->get(r); });
    table.insert(
        QStringLiteral("update-tag"), [tags](const Request& r) { return tags->update(r); });
    table.insert(
        QStringLiteral("delete-tag"), [tags](const Request& r) { return tags->remove(r); });
}

} // namespace ContactDesk::Sandbox
