#include "sandbox/contactwriter.h"

#include "common/clock.h"
#include "common/emailaddress.h"
#include "common/phonenumbers.h"
#include "sandbox/sandboxdata.h"

#include <QDate>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

namespace ContactDesk::Sandbox {

namespace {

using L = QLatin1StringView;

// DTO keys that are plain strings stored as given (trimmed); null or "" clears them.
const QLatin1StringView plainStringFields[] = {
    L("address1"),
    L("city"),
    L("state"),
    L("postalCode"),
    L("website"),
    L("source"),
    L("assignedTo"),
    L("gender"),
    L("companyName"),
};

const QLatin1StringView dndChannels[]
    = {L("Call"), L("Email"), L("SMS"), L("WhatsApp"), L("GMB"), L("FB"), L("RCS")};

bool isBlank(const QJsonValue& value)
{
    return value.isNull() || value.isUndefined()
        || (value.isString() && value.toString().trimmed().isEmpty());
}

// HighLevel takes birthdays in eight spellings: year first or month first, with one of four
// separators. Stored as the ISO datetime the create response shows.
std::optional<QDate> parseBirthDate(const QString& text)
{
    static const QRegularExpression yearFirst(
        QStringLiteral("^(\\d{4})([-/._])(\\d{1,2})\\2(\\d{1,2})$"));
    static const QRegularExpression monthFirst(
        QStringLiteral("^(\\d{1,2})([-/._])(\\d{1,2})\\2(\\d{4})$"));
    QDate date;
    if (const auto m = yearFirst.match(text); m.hasMatch())
        date = QDate(m.captured(1).toInt(), m.captured(3).toInt(), m.captured(4).toInt());
    else if (const auto m = monthFirst.match(text); m.hasMatch())
        date = QDate(m.captured(4).toInt(), m.captured(1).toInt(), m.captured(3).toInt());
    else if (const QDateTime full = QDateTime::fromString(text, Qt::ISODateWithMs); full.isValid())
        date = full.toUTC().date();
    if (!date.isValid())
        return std::nullopt;
    return date;
}

QStringList cleanTags(const QJsonArray& tags)
{
    QStringList result;
    QSet<QString> seen;
    for (const QJsonValue& value : tags) {
        const QString tag = value.toString().trimmed();
        if (tag.isEmpty() || seen.contains(tag.toLower()))
            continue;
        seen.insert(tag.toLower());
        result.append(tag);
    }
    return result;
}

void setOrRemove(QJsonObject& contact, const QString& key, const QString& value)
{
    if (value.isEmpty())
        contact.remove(key);
    else
        contact.insert(key, value);
}

// One channel of dndSettings or inboundDndSettings: {status*, message, code}.
QStringList checkDndSetting(
    const QString& path, const QJsonValue& value, const QStringList& statuses, bool allowCode)
{
    if (!value.isObject())
        return {path + QStringLiteral(" must be an object")};
    QStringList errors;
    const QJsonObject setting = value.toObject();
    for (auto it = setting.begin(); it != setting.end(); ++it) {
        const bool known = it.key() == L("status") || it.key() == L("message")
            || (allowCode && it.key() == L("code"));
        if (!known)
            errors.append(QStringLiteral("property %1.%2 should not exist").arg(path, it.key()));
        else if (!it.value().isString())
            errors.append(QStringLiteral("%1.%2 must be a string").arg(path, it.key()));
    }
    if (!statuses.contains(setting.value(QStringLiteral("status")).toString())) {
        errors.append(QStringLiteral("%1.status must be one of the following values: %2")
                          .arg(path, statuses.join(QStringLiteral(", "))));
    }
    return errors;
}

QString joinedName(const QJsonObject& contact)
{
    return QStringList {contact.value(QStringLiteral("firstName")).toString(),
        contact.value(QStringLiteral("lastName")).toString()}
        .join(u' ')
        .trimmed();
}

// The first value of an option field that is not one of its picklist options; empty when all
// are. Fields without a picklist (and TEXTBOX_LIST, whose options are the boxes' labels) take
// any value.
QString optionOutsidePicklist(const QJsonObject& definition, const QJsonValue& value)
{
    const QString dataType = definition.value(L("dataType")).toString();
    const bool optionType = dataType == L("SINGLE_OPTIONS") || dataType == L("RADIO")
        || dataType == L("MULTIPLE_OPTIONS") || dataType == L("CHECKBOX");
    const QJsonArray picklist = definition.value(L("picklistOptions")).toArray();
    if (!optionType || picklist.isEmpty())
        return {};
    const QJsonArray chosen = value.isArray() ? value.toArray() : QJsonArray {value};
    for (const QJsonValue& option : chosen) {
        if (!picklist.contains(option))
            return option.toString();
    }
    return {};
}

// Custom fields are written as {id | key, field_value | fieldValue} and stored as {id, value};
// a blank value removes the field.
QStringList applyCustomFields(const SandboxData& data, QJsonObject& contact,
    const QJsonArray& items, const Location& location)
{
    QStringList errors;
    QJsonArray stored = contact.value(QStringLiteral("customFields")).toArray();
    const auto indexOf = [&stored](const QString& id) {
        for (qsizetype i = 0; i < stored.size(); ++i) {
            if (stored.at(i).toObject().value(QStringLiteral("id")).toString() == id)
                return i;
        }
        return qsizetype(-1);
    };

    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString path = QStringLiteral("customFields.%1").arg(i);
        if (!items.at(i).isObject()) {
            errors.append(path + QStringLiteral(" must be an object"));
            continue;
        }
        const QJsonObject item = items.at(i).toObject();
        const QString ref = item.contains(L("id")) ? item.value(L("id")).toString()
                                                   : item.value(L("key")).toString();
        if (ref.isEmpty()) {
            errors.append(path + QStringLiteral(" must have an id or a key"));
            continue;
        }
        const QJsonObject* definition = data.customFieldDefinition(ref, location.id);
        if (!definition) {
            errors.append(
                QStringLiteral("Custom field %1 does not exist in this location").arg(ref));
            continue;
        }
        const bool hasCamel = item.contains(L("fieldValue"));
        if (!hasCamel && !item.contains(L("field_value"))) {
            errors.append(
                QStringLiteral("customFields %1 needs field_value or fieldValue").arg(ref));
            continue;
        }
        QJsonValue value = item.value(hasCamel ? L("fieldValue") : L("field_value"));
        const QString id = definition->value(L("id")).toString();
        const qsizetype existing = indexOf(id);
        if (isBlank(value) || (value.isArray() && value.toArray().isEmpty())) {
            if (existing >= 0)
                stored.removeAt(existing);
            continue;
        }
        const QString dataType = definition->value(L("dataType")).toString();
        QString expected;
        if (dataType == L("NUMERICAL") || dataType == L("MONETORY") || dataType == L("FLOAT")) {
            bool ok = value.isDouble();
            if (value.isString()) {
                const double number = value.toString().trimmed().toDouble(&ok);
                if (ok)
                    value = number;
            }
            if (!ok)
                expected = QStringLiteral("a number");
        } else if (dataType == L("CHECKBOX") || dataType == L("MULTIPLE_OPTIONS")
            || dataType == L("TEXTBOX_LIST")) {
            bool ok = value.isArray();
            const QJsonArray options = value.toArray();
            for (const QJsonValue& option : options)
                ok = ok && option.isString();
            if (!ok)
                expected = QStringLiteral("an array of strings");
        } else if (dataType == L("FILE_UPLOAD")) {
            if (!value.isObject())
                expected = QStringLiteral("an object");
        } else if (dataType == L("DATE")) {
            if (!value.isString() && !value.isDouble())
                expected = QStringLiteral("a date string or epoch milliseconds");
        } else if (!value.isString()) {
            expected = QStringLiteral("a string");
        }
        if (!expected.isEmpty()) {
            errors.append(
                QStringLiteral("Custom field %1 (%2) must be %3")
                    .arg(definition->value(L("fieldKey")).toString(), dataType, expected));
            continue;
        }
        if (const QString option = optionOutsidePicklist(*definition, value); !option.isEmpty()) {
            errors.append(QStringLiteral("Custom field %1 (%2) has no option \"%3\"")
                              .arg(definition->value(L("fieldKey")).toString(), dataType, option));
            continue;
        }
        const QJsonObject entry {{QStringLiteral("id"), id}, {QStringLiteral("value"), value}};
        if (existing >= 0)
            stored.replace(existing, entry);
        else
            stored.append(entry);
    }
    contact.insert(QStringLiteral("customFields"), stored);
    return errors;
}

} // namespace

ContactWriter::ContactWriter(SandboxData& data)
    : m_data(data)
{ }

std::optional<QJsonObject> ContactWriter::build(
    const QJsonObject& dto, const Location& location, QStringList* errors)
{
    const QString now = isoUtc(m_data.clock().nowMs());
    QJsonObject contact {
        {QStringLiteral("id"), m_data.newId()},
        {QStringLiteral("locationId"), location.id},
        {QStringLiteral("type"), QStringLiteral("lead")},
        {QStringLiteral("dnd"), false},
        {QStringLiteral("tags"), QJsonArray()},
        {QStringLiteral("customFields"), QJsonArray()},
        {QStringLiteral("dateAdded"), now},
    };
    const QStringList problems = apply(contact, dto, location);
    if (!problems.isEmpty()) {
        if (errors)
            *errors = problems;
        return std::nullopt;
    }
    return contact;
}

QStringList ContactWriter::apply(
    QJsonObject& contact, const QJsonObject& dto, const Location& location)
{
    QStringList errors;
    QJsonObject next = contact;

    for (const QLatin1StringView key : plainStringFields) {
        if (dto.contains(key))
            setOrRemove(next, key, dto.value(key).toString().trimmed());
    }
    for (const QLatin1StringView key : {L("firstName"), L("lastName")}) {
        if (!dto.contains(key))
            continue;
        const QString value = dto.value(key).toString().trimmed();
        setOrRemove(next, key, value);
        setOrRemove(next, key + QStringLiteral("LowerCase"), value.toLower());
    }

    if (dto.contains(L("email"))) {
        const QString email = dto.value(L("email")).toString().trimmed();
        if (!email.isEmpty() && !isEmailAddress(email))
            errors.append(QStringLiteral("email must be an email"));
        setOrRemove(next, QStringLiteral("email"), email);
        setOrRemove(next, QStringLiteral("emailLowerCase"), email.toLower());
    }

    if (dto.contains(L("country"))) {
        const QString country = dto.value(L("country")).toString().trimmed().toUpper();
        static const QRegularExpression isoCode(QStringLiteral("^[A-Z]{2}$"));
        if (!country.isEmpty() && !isoCode.match(country).hasMatch())
            errors.append(QStringLiteral("country must be a valid ISO 3166-1 alpha-2 code"));
        setOrRemove(next, QStringLiteral("country"), country);
    }

    if (dto.contains(L("phone"))) {
        const QString raw = dto.value(L("phone")).toString().trimmed();
        QString e164;
        if (!raw.isEmpty()) {
            e164 = toE164(raw, location.country);
            if (e164.isEmpty())
                errors.append(QStringLiteral("phone must be a valid phone number"));
        }
        setOrRemove(next, QStringLiteral("phone"), e164);
    }

    if (dto.contains(L("timezone"))) {
        const QString zone = dto.value(L("timezone")).toString().trimmed();
        if (!zone.isEmpty() && !QTimeZone::isTimeZoneIdAvailable(zone.toLatin1()))
            errors.append(QStringLiteral("timezone must be a valid IANA time zone"));
        setOrRemove(next, QStringLiteral("timezone"), zone);
    }

    if (dto.contains(L("dateOfBirth"))) {
        const QString raw = dto.value(L("dateOfBirth")).toString().trimmed();
        QString stored;
        if (!raw.isEmpty()) {
            if (const auto date = parseBirthDate(raw)) {
                stored = isoUtc(QDateTime(*date, QTime(0, 0), Qt::UTC));
            } else {
                errors.append(QStringLiteral(
                    "dateOfBirth must be a date as YYYY-MM-DD, MM-DD-YYYY, YYYY/MM/DD or "
                    "MM/DD/YYYY (separators -, /, . or _)"));
            }
        }
        setOrRemove(next, QStringLiteral("dateOfBirth"), stored);
    }

    if (dto.contains(L("dnd")))
        next.insert(QStringLiteral("dnd"), dto.value(L("dnd")).toBool());

    if (dto.contains(L("dndSettings"))) {
        const QJsonObject settings = dto.value(L("dndSettings")).toObject();
        QJsonObject stored = next.value(QStringLiteral("dndSettings")).toObject();
        const QStringList statuses {
            QStringLiteral("active"), QStringLiteral("inactive"), QStringLiteral("permanent")};
        for (auto it = settings.begin(); it != settings.end(); ++it) {
            const QString path = QStringLiteral("dndSettings.") + it.key();
            if (std::find(std::begin(dndChannels), std::end(dndChannels), it.key())
                == std::end(dndChannels)) {
                errors.append(QStringLiteral("property %1 should not exist").arg(path));
                continue;
            }
            errors += checkDndSetting(path, it.value(), statuses, true);
            stored.insert(it.key(), it.value());
        }
        next.insert(QStringLiteral("dndSettings"), stored);
    }

    if (dto.contains(L("inboundDndSettings"))) {
        const QJsonObject settings = dto.value(L("inboundDndSettings")).toObject();
        QJsonObject stored = next.value(QStringLiteral("inboundDndSettings")).toObject();
        for (auto it = settings.begin(); it != settings.end(); ++it) {
            const QString path = QStringLiteral("inboundDndSettings.") + it.key();
            if (it.key() != L("all")) {
                errors.append(QStringLiteral("property %1 should not exist").arg(path));
                continue;
            }
            errors += checkDndSetting(
                path, it.value(), {QStringLiteral("active"), QStringLiteral("inactive")}, false);
            stored.insert(it.key(), it.value());
        }
        next.insert(QStringLiteral("inboundDndSettings"), stored);
    }

    if (dto.contains(L("tags"))) {
        next.insert(QStringLiteral("tags"),
            QJsonArray::fromStringList(cleanTags(dto.value(L("tags")).toArray())));
    }

    if (dto.contains(L("customFields")))
        errors += applyCustomFields(m_data, next, dto.value(L("customFields")).toArray(), location);

    // The name the caller gave wins; otherwise it follows first and last name whenever either
    // of them (or the name itself, cleared) is written, so an explicit name survives updates
    // that touch none of them.
    const QString givenName = dto.value(L("name")).toString().trimmed();
    if (!givenName.isEmpty()) {
        next.insert(QStringLiteral("name"), givenName);
    } else if (dto.contains(L("name")) || dto.contains(L("firstName"))
        || dto.contains(L("lastName")) || !next.contains(QStringLiteral("name"))) {
        setOrRemove(next, QStringLiteral("name"), joinedName(next));
    }
    const QString fullName = joinedName(next).isEmpty()
        ? next.value(QStringLiteral("name")).toString()
        : joinedName(next);
    setOrRemove(next, QStringLiteral("fullNameLowerCase"), fullName.toLower());
    next.insert(QStringLiteral("dateUpdated"), isoUtc(m_data.clock().nowMs()));

    if (errors.isEmpty())
        contact = next;
    return errors;
}

std::optional<ContactWriter::Duplicate> ContactWriter::findDuplicate(
    const QString& locationId, const QString& email, const QString& phone) const
{
    const QString wantedEmail = email.trimmed().toLower();
    QString wantedPhone = phone.trimmed();
    if (!wantedPhone.isEmpty()) {
        const Location* location = m_data.location(locationId);
        const QString e164 = toE164(wantedPhone, location ? location->country : QString());
        if (!e164.isEmpty())
            wantedPhone = e164;
    }
    // Oldest first, so the contact that was there first wins when duplicates were allowed once.
    if (!wantedEmail.isEmpty()) {
        const QStringList matches = m_data.contactsWithEmail(locationId, wantedEmail);
        if (!matches.isEmpty())
            return Duplicate {matches.first(), QStringLiteral("email")};
    }
    if (!wantedPhone.isEmpty()) {
        const QStringList matches = m_data.contactsWithPhone(locationId, wantedPhone);
        if (!matches.isEmpty())
            return Duplicate {matches.first(), QStringLiteral("phone")};
    }
    return std::nullopt;
}

void ContactWriter::save(const QJsonObject& contact)
{
    m_data.storeContact(contact);
    m_data.searchVisibleAtMs().insert(contact.value(L("id")).toString(),
        m_data.clock().nowMs() + m_data.settings().searchIndexLagMs);
}

} // namespace ContactDesk::Sandbox
