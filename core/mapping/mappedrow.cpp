#include "mapping/mappedrow.h"

#include <QJsonArray>

namespace ContactDesk::Mapping {

namespace {
const QString customFieldPrefix = QStringLiteral("customField:");
}

const MappedValue* MappedRow::find(const QString& key) const
{
    for (const MappedValue& value : values) {
        if (value.key == key)
            return &value;
    }
    return nullptr;
}

QJsonObject MappedRow::createBody(const QString& locationId) const
{
    QJsonObject body;
    QJsonArray customFields;
    for (const MappedValue& value : values) {
        if (value.key.startsWith(customFieldPrefix)) {
            customFields.append(QJsonObject {
                {QStringLiteral("id"), value.key.mid(customFieldPrefix.size())},
                // The write side's name; reads answer {id, value}.
                {QStringLiteral("field_value"), value.value},
            });
        } else {
            body.insert(value.key, value.value);
        }
    }
    if (!customFields.isEmpty())
        body.insert(QStringLiteral("customFields"), customFields);
    if (!tags.isEmpty())
        body.insert(QStringLiteral("tags"), QJsonArray::fromStringList(tags));
    body.insert(QStringLiteral("locationId"), locationId);
    return body;
}

} // namespace ContactDesk::Mapping
