// The location's lists in the endpoint check: custom fields, tags, users and calendars read
// (and one of each read back by id), the temporary custom field and tag with writes, and the
// cleanup that leaves the location's fields and tags as they were.
#include "api/endpointverifier.h"
#include "api/endpointverifier_p.h"

#include "api/apiclient.h"
#include "api/locationapi.h"
#include "api/models/locationenvelopes.h"

namespace ContactDesk::Api {

namespace {

using VerifySteps::succeededProblem;

// The check of a read by id: the answer is the item asked for.
template <typename Decode>
std::function<QString(const QJsonObject&)> sameId(
    const QString* id, const QString& noun, Decode decode)
{
    return [id, noun, decode](const QJsonObject& result) {
        QString error;
        const auto item = decode(result, &error);
        if (item && item->id != *id)
            return EndpointVerifier::tr("asked for %1 %2, got %3").arg(noun, *id, item->id);
        return QString();
    };
}

template <typename Item>
QStringList idsOf(const QList<Item>& items)
{
    QStringList ids;
    for (const Item& item : items)
        ids.append(item.id);
    return ids;
}

QString temporaryFieldName(const QString& runId)
{
    return QStringLiteral("ContactDesk verify %1").arg(runId);
}

QString temporaryTagName(const QString& tag, const QString& runId)
{
    return tag + u'-' + runId;
}

} // namespace

void EndpointVerifier::addLocationReadSteps()
{
    const QString location = m_client.locationId();
    // A read of one item by the id an earlier listing gave, or skipped without one.
    const auto byId
        = [this](const QString& name, const QString* id, const QString* noId, bool onLocation) {
              return [this, name, id, noId, onLocation] {
                  if (id->isEmpty())
                      return Prepared {std::nullopt, *noId};
                  RequestSpec spec = onLocation ? locationSpec() : RequestSpec();
                  spec.path.insert(name, *id);
                  return Prepared {spec, {}};
              };
          };
    const auto inQuery = [location](QList<QPair<QString, QString>> extra = {}) {
        RequestSpec spec;
        spec.query = {{QStringLiteral("locationId"), location}};
        spec.query.append(extra);
        return spec;
    };

    // Custom fields of every model; what is listed here is what cleanup keeps.
    addStep(
        QStringLiteral("get-custom-fields"),
        [this] {
            RequestSpec spec = locationSpec();
            spec.query = {{QStringLiteral("model"), QStringLiteral("all")}};
            return Prepared {spec, {}};
        },
        [this](const QJsonObject& result) {
            QString error;
            const auto fields = LocationEnvelopes::customFields(result, &error);
            if (!fields)
                return QString();
            m_fieldIdsBefore = idsOf(*fields);
            if (fields->isEmpty())
                m_noFieldReason = tr("the location has no custom fields");
            else
                m_fieldId = fields->constFirst().id;
            return QString();
        });
    addStep(QStringLiteral("get-custom-field"),
        byId(QStringLiteral("id"), &m_fieldId, &m_noFieldReason, true),
        sameId(&m_fieldId, QStringLiteral("custom field"), &LocationEnvelopes::customField));

    addStep(
        QStringLiteral("get-location-tags"),
        [this] {
            return Prepared {locationSpec(), {}};
        },
        [this](const QJsonObject& result) {
            QString error;
            const auto tags = LocationEnvelopes::tags(result, &error);
            if (!tags)
                return QString();
            m_tagIdsBefore = idsOf(*tags);
            if (tags->isEmpty())
                m_noTagReason = tr("the location has no tags");
            else
                m_tagId = tags->constFirst().id;
            return QString();
        });
    addStep(QStringLiteral("get-tag-by-id"),
        byId(QStringLiteral("tagId"), &m_tagId, &m_noTagReason, true),
        sameId(&m_tagId, QStringLiteral("tag"), &LocationEnvelopes::tag));

    // Users: the location's list needs nothing but the location; the search also the company.
    addStep(
        QStringLiteral("get-user-by-location"),
        [inQuery] {
            return Prepared {inQuery(), {}};
        },
        [this](const QJsonObject& result) {
            QString error;
            const auto users = LocationEnvelopes::users(result, &error);
            if (!users)
                return QString();
            if (users->isEmpty())
                m_noUserReason = tr("the location has no users");
            else
                m_userId = users->constFirst().id;
            return QString();
        });
    addStep(
        QStringLiteral("search-users"),
        [this, inQuery] {
            const QString company
                = m_options.companyId.isEmpty() ? m_client.config().companyId : m_options.companyId;
            if (company.isEmpty())
                return Prepared {
                    std::nullopt, tr("no company id known (search-users needs companyId)")};
            RequestSpec spec = inQuery(
                {{QStringLiteral("limit"), QString::number(LocationApi::defaultUserPageSize)}});
            spec.query.prepend({QStringLiteral("companyId"), company});
            return Prepared {spec, {}};
        },
        [this](const QJsonObject& result) {
            QString error;
            const auto page = LocationEnvelopes::userPage(result, &error);
            if (!page)
                return QString();
            const bool complete = page->count >= 0 && page->count <= page->users.size();
            if (m_userId.isEmpty()) {
                if (!page->users.isEmpty())
                    m_userId = page->users.constFirst().id;
            } else if (complete && !idsOf(page->users).contains(m_userId)) {
                return tr("the search does not find the location's user %1").arg(m_userId);
            }
            return QString();
        });
    addStep(QStringLiteral("get-user"),
        byId(QStringLiteral("userId"), &m_userId, &m_noUserReason, false),
        sameId(&m_userId, QStringLiteral("user"), &LocationEnvelopes::user));

    addStep(
        QStringLiteral("get-calendars"),
        [inQuery] {
            return Prepared {inQuery(), {}};
        },
        [this](const QJsonObject& result) {
            QString error;
            const auto calendars = LocationEnvelopes::calendars(result, &error);
            if (!calendars)
                return QString();
            if (calendars->isEmpty())
                m_noCalendarReason = tr("the location has no calendars");
            else
                m_calendarId = calendars->constFirst().id;
            return QString();
        });
    addStep(QStringLiteral("get-calendar"),
        byId(QStringLiteral("calendarId"), &m_calendarId, &m_noCalendarReason, false),
        sameId(&m_calendarId, QStringLiteral("calendar"), &LocationEnvelopes::calendar));
}

void EndpointVerifier::addLocationWriteSteps()
{
    const QString fieldName = temporaryFieldName(m_runId);
    const QString renamedField = fieldName + QStringLiteral(" (updated)");
    const QString tagName = temporaryTagName(m_options.tag, m_runId);
    const QString renamedTag = tagName + QStringLiteral("-renamed");
    // A step on the temporary item, or skipped when there is none.
    const auto onTemporary = [this](const QString& name, const QString* id, const QString* noId,
                                 std::optional<QJsonObject> body) {
        if (id->isEmpty())
            return Prepared {std::nullopt, *noId};
        RequestSpec spec = locationSpec();
        spec.path.insert(name, *id);
        spec.body = std::move(body);
        return Prepared {spec, {}};
    };

    addStep(
        QStringLiteral("create-custom-field"),
        [this, fieldName] {
            RequestSpec spec = locationSpec();
            spec.body = QJsonObject {{QStringLiteral("name"), fieldName},
                {QStringLiteral("dataType"), QStringLiteral("TEXT")},
                {QStringLiteral("model"), QStringLiteral("contact")},
                {QStringLiteral("placeholder"), tr("Temporary field from an endpoint check")}};
            return Prepared {spec, {}};
        },
        [this, fieldName](const QJsonObject& result) {
            QString error;
            const auto field = LocationEnvelopes::customField(result, &error);
            if (!field)
                return QString();
            m_tempFieldId = field->id;
            if (field->name != fieldName)
                return tr("the new field is named \"%1\", not \"%2\"").arg(field->name, fieldName);
            if (field->dataType != QLatin1StringView("TEXT"))
                return tr("the new field has the data type %1, not TEXT").arg(field->dataType);
            return QString();
        });
    addStep(
        QStringLiteral("update-custom-field"),
        [this, onTemporary, renamedField] {
            return onTemporary(QStringLiteral("id"), &m_tempFieldId, &m_noTempFieldReason,
                QJsonObject {{QStringLiteral("name"), renamedField}});
        },
        [renamedField](const QJsonObject& result) {
            QString error;
            const auto field = LocationEnvelopes::customField(result, &error);
            if (field && field->name != renamedField)
                return tr("the answer does not show the new name");
            return QString();
        });
    addStep(
        QStringLiteral("delete-custom-field"),
        [this, onTemporary] {
            return onTemporary(
                QStringLiteral("id"), &m_tempFieldId, &m_noTempFieldReason, std::nullopt);
        },
        [this](const QJsonObject& result) {
            const QString problem = succeededProblem(result);
            if (problem.isEmpty())
                m_tempFieldId.clear();
            return problem;
        });

    addStep(
        QStringLiteral("create-tag"),
        [this, tagName] {
            RequestSpec spec = locationSpec();
            spec.body = QJsonObject {{QStringLiteral("name"), tagName}};
            return Prepared {spec, {}};
        },
        [this, tagName](const QJsonObject& result) {
            QString error;
            const auto tag = LocationEnvelopes::tag(result, &error);
            if (!tag)
                return QString();
            m_tempTagId = tag->id;
            if (tag->name != tagName)
                return tr("the new tag is named \"%1\", not \"%2\"").arg(tag->name, tagName);
            return QString();
        });
    addStep(
        QStringLiteral("update-tag"),
        [this, onTemporary, renamedTag] {
            return onTemporary(QStringLiteral("tagId"), &m_tempTagId, &m_noTempTagReason,
                QJsonObject {{QStringLiteral("name"), renamedTag}});
        },
        [renamedTag](const QJsonObject& result) {
            QString error;
            const auto tag = LocationEnvelopes::tag(result, &error);
            if (tag && tag->name != renamedTag)
                return tr("the answer does not show the new name");
            return QString();
        });
    addStep(
        QStringLiteral("delete-tag"),
        [this, onTemporary] {
            return onTemporary(
                QStringLiteral("tagId"), &m_tempTagId, &m_noTempTagReason, std::nullopt);
        },
        [this](const QJsonObject& result) {
            const QString problem = succeededProblem(result);
            if (problem.isEmpty())
                m_tempTagId.clear();
            return problem;
        });
}

void EndpointVerifier::addLocationCleanupSteps()
{
    if (!m_options.allowWrites)
        return;
    const QString fieldName = temporaryFieldName(m_runId);
    const QString tagPrefix = temporaryTagName(m_options.tag, m_runId);
    const QStringList contactTags {
        m_options.tag, VerifySteps::extraTag(m_options.tag), VerifySteps::bulkTag(m_options.tag)};

    // Listed again: whatever the run made that is still there goes. Made means new since the
    // first listing and named as the run names things; without that listing, only the
    // temporary item itself when its own delete did not succeed.
    const auto sweep
        = [this](const QString& operationId, const QString& deleteOperation, const QString& idName,
              QString* tempId, std::function<std::optional<QStringList>(const QJsonObject&)> made) {
              RequestSpec list = locationSpec();
              if (operationId == QLatin1StringView("get-custom-fields"))
                  list.query = {{QStringLiteral("model"), QStringLiteral("all")}};
              m_steps.append({operationId,
                  [list] {
                      return Prepared {list, {}};
                  },
                  [this, deleteOperation, idName, tempId, made](const QJsonObject& result) {
                      const std::optional<QStringList> ids = made(result);
                      if (!ids)
                          return QString();
                      for (const QString& id : *ids) {
                          RequestSpec spec = locationSpec();
                          spec.path.insert(idName, id);
                          appendCleanup(deleteOperation, spec);
                      }
                      tempId->clear();
                      return QString();
                  },
                  false});
              m_steps.append({deleteOperation,
                  [this, idName, tempId] {
                      if (tempId->isEmpty())
                          return Prepared {std::nullopt, {}};
                      RequestSpec spec = locationSpec();
                      spec.path.insert(idName, *tempId);
                      return Prepared {spec, {}};
                  },
                  {}, false});
          };

    sweep(QStringLiteral("get-location-tags"), QStringLiteral("delete-tag"),
        QStringLiteral("tagId"), &m_tempTagId,
        [this, tagPrefix, contactTags](const QJsonObject& result) -> std::optional<QStringList> {
            QString error;
            const auto tags = LocationEnvelopes::tags(result, &error);
            if (!tags)
                return std::nullopt;
            QStringList ids;
            for (const LocationTag& tag : *tags) {
                const bool named = contactTags.contains(tag.name, Qt::CaseInsensitive)
                    || tag.name.startsWith(tagPrefix, Qt::CaseInsensitive);
                const bool isNew = m_tagIdsBefore && !m_tagIdsBefore->contains(tag.id);
                if (tag.id == m_tempTagId || (named && isNew))
                    ids.append(tag.id);
            }
            return ids;
        });
    sweep(QStringLiteral("get-custom-fields"), QStringLiteral("delete-custom-field"),
        QStringLiteral("id"), &m_tempFieldId,
        [this, fieldName](const QJsonObject& result) -> std::optional<QStringList> {
            QString error;
            const auto fields = LocationEnvelopes::customFields(result, &error);
            if (!fields)
                return std::nullopt;
            QStringList ids;
            for (const CustomFieldDefinition& field : *fields) {
                const bool isNew = m_fieldIdsBefore && !m_fieldIdsBefore->contains(field.id);
                if (field.id == m_tempFieldId || (isNew && field.name.startsWith(fieldName)))
                    ids.append(field.id);
            }
            return ids;
        });
}

} // namespace ContactDesk::Api
