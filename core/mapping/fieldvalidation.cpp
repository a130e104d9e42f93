#include "mapping/fieldvalidation.h"

#include "common/emailaddress.h"
#include "common/phonenumbers.h"
#include "mapping/targets.h"
#include "mapping/transforms_p.h"
#include "mapping/valueparsing.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace ContactDesk::Mapping::Detail {

namespace {

// What HighLevel's forms hold; longer text is refused here rather than cut by the server.
constexpr int shortTextLength = 255;
constexpr int largeTextLength = 10000;

QString country(const QString& text)
{
    static const QHash<QString, QString> byName = [] {
        QHash<QString, QString> table;
        for (int t = int(QLocale::AnyTerritory) + 1; t <= int(QLocale::LastTerritory); ++t) {
            const auto territory = QLocale::Territory(t);
            const QString code = QLocale::territoryToCode(territory);
            if (code.size() != 2)
                continue;
            table.insert(QLocale::territoryToString(territory).toLower(), code);
            table.insert(code.toLower(), code);
        }
        table.insert(QStringLiteral("usa"), QStringLiteral("US"));
        table.insert(QStringLiteral("uk"), QStringLiteral("GB"));
        table.insert(QStringLiteral("great britain"), QStringLiteral("GB"));
        return table;
    }();
    return byName.value(text.trimmed().toLower());
}

Validated failure(const QString& reason)
{
    Validated result;
    result.error = reason;
    return result;
}

Validated success(const QJsonValue& value)
{
    Validated result;
    result.value = value;
    return result;
}

Validated date(const QString& text)
{
    const DateFormat::Result parsed = parseWireDate(text.trimmed());
    if (parsed.date.isValid())
        return success(parsed.date.toString(QStringLiteral("yyyy-MM-dd")));
    if (parsed.shapeMatched)
        return failure(QStringLiteral("%1 is not a real date").arg(quoted(text)));
    return failure(QStringLiteral("%1 is not a date as YYYY-MM-DD (a date transform reads other "
                                  "formats)")
                       .arg(quoted(text)));
}

Validated options(const FieldSpec& spec, const QStringList& values)
{
    const QString known = spec.options.join(QStringLiteral(", "));
    QStringList chosen;
    for (const QString& value : values) {
        if (spec.options.isEmpty()) {
            chosen.append(value.trimmed());
            continue;
        }
        const QString option = spec.optionsByLowerCase.value(value.trimmed().toLower());
        if (!option.isEmpty()) {
            chosen.append(option);
            continue;
        }
        // "Events; Pricing" in one cell: a list the profile did not split.
        static const QRegularExpression separators(QStringLiteral("[;,]"));
        const QStringList parts = value.split(separators, Qt::SkipEmptyParts);
        QStringList found;
        bool allOptions = parts.size() > 1;
        for (const QString& part : parts) {
            const QString item = spec.optionsByLowerCase.value(part.trimmed().toLower());
            if (!item.isEmpty()) {
                found.append(item);
            } else if (!part.trimmed().isEmpty()) {
                allOptions = false;
                break;
            }
        }
        if (allOptions && !found.isEmpty()) {
            chosen += found;
            continue;
        }
        // A one-option checkbox ("I agree") takes yes/no words.
        if (spec.options.size() == 1) {
            const QString word = value.trimmed().toLower();
            if (defaultTrueWords().contains(word)) {
                chosen.append(spec.options.first());
                continue;
            }
            if (defaultFalseWords().contains(word))
                continue;
        }
        return failure(
            QStringLiteral("%1 is not an option of %2 (%3)").arg(quoted(value), spec.title, known));
    }
    chosen.removeDuplicates();
    if (chosen.isEmpty())
        return {};
    return success(QJsonArray::fromStringList(chosen));
}

} // namespace

FieldSpec contactFieldSpec(const QString& name)
{
    FieldSpec spec;
    spec.key = name;
    spec.title = contactFieldTitle(name);
    const QString kind = contactFieldKind(name);
    spec.check = kind == u"EMAIL" ? Check::Email
        : kind == u"PHONE"        ? Check::Phone
        : kind == u"DATE"         ? Check::Date
        : kind == u"BOOLEAN"      ? Check::Boolean
        : kind == u"COUNTRY"      ? Check::Country
        : kind == u"TIMEZONE"     ? Check::Timezone
        : kind == u"USER"         ? Check::User
                                  : Check::Text;
    if (spec.check == Check::Text)
        spec.maxLength = shortTextLength;
    return spec;
}

FieldSpec customFieldSpec(const Api::CustomFieldDefinition& field)
{
    FieldSpec spec;
    spec.key = QStringLiteral("customField:") + field.id;
    spec.title = field.name;
    spec.options = field.picklistOptions;
    for (const QString& option : field.picklistOptions)
        spec.optionsByLowerCase.insert(option.toLower(), option);
    const QString& type = field.dataType;
    if (type == u"NUMERICAL" || type == u"FLOAT" || type == u"MONETORY") {
        spec.check = Check::Number;
    } else if (type == u"DATE") {
        spec.check = Check::Date;
    } else if (type == u"PHONE") {
        spec.check = Check::Phone;
    } else if (type == u"SINGLE_OPTIONS" || type == u"RADIO") {
        spec.check = Check::SingleOption;
    } else if (type == u"MULTIPLE_OPTIONS" || type == u"CHECKBOX") {
        spec.check = Check::MultipleOptions;
    } else if (type == u"TEXTBOX_LIST") {
        spec.check = Check::TextList;
    } else {
        spec.check = Check::Text;
        spec.maxLength = type == u"LARGE_TEXT" ? largeTextLength
            : type == u"TEXT"                  ? shortTextLength
                                               : 0;
    }
    return spec;
}

UserIndex::UserIndex(const Api::LocationLists& lists)
    : m_unavailable(lists.unavailable.value(Api::LocationLists::Kind::Users))
{
    for (const Api::User& user : lists.users) {
        for (const QString& key : {user.displayName(), user.name, user.email,
                 (user.firstName + u' ' + user.lastName).trimmed()}) {
            if (!key.trimmed().isEmpty())
                m_ids.insert(key.trimmed().toLower(), user.id);
        }
        m_ids.insert(user.id.toLower(), user.id);
    }
}

QString UserIndex::find(const QString& nameOrEmail) const
{
    return m_ids.value(nameOrEmail.simplified().toLower());
}

Validated validateValues(const FieldSpec& spec, const QStringList& values,
    const QString& defaultRegion, const UserIndex& users)
{
    const QString first = values.value(0).trimmed();
    switch (spec.check) {
    case Check::Text: {
        const QString text = values.join(QStringLiteral(", ")).trimmed();
        if (spec.maxLength > 0 && text.size() > spec.maxLength) {
            return failure(QStringLiteral("%1 is %2 characters long; %3 takes at most %4")
                               .arg(quoted(text))
                               .arg(text.size())
                               .arg(spec.title)
                               .arg(spec.maxLength));
        }
        return text.isEmpty() ? Validated() : success(text);
    }
    case Check::Email:
        if (!isEmailAddress(first))
            return failure(QStringLiteral("%1 is not an email address").arg(quoted(first)));
        return success(first);
    case Check::Phone: {
        if (spec.phoneAlreadyChecked)
            return success(first);
        const QString region = defaultRegion.isEmpty() ? QStringLiteral("US") : defaultRegion;
        const QString e164 = toValidE164(first, region);
        if (e164.isEmpty()) {
            return failure(QStringLiteral("%1 is not a valid phone number for region %2")
                               .arg(quoted(first), region.toUpper()));
        }
        return success(e164);
    }
    case Check::Date:
        return date(first);
    case Check::Boolean: {
        const QString word = first.toLower();
        if (defaultTrueWords().contains(word))
            return success(true);
        if (defaultFalseWords().contains(word))
            return success(false);
        return failure(QStringLiteral("%1 is not yes or no").arg(quoted(first)));
    }
    case Check::Country: {
        const QString code = country(first);
        if (code.isEmpty()) {
            return failure(QStringLiteral("%1 is not a country (a two-letter code such as US, "
                                          "or its English name)")
                               .arg(quoted(first)));
        }
        return success(code);
    }
    case Check::Timezone:
        if (!QTimeZone::isTimeZoneIdAvailable(first.toUtf8())) {
            return failure(QStringLiteral("%1 is not a time zone (such as America/New_York)")
                               .arg(quoted(first)));
        }
        return success(first);
    case Check::User: {
        if (!users.available())
            return failure(QStringLiteral("can't check the user %1: %2")
                               .arg(quoted(first), users.unavailableReason()));
        const QString id = users.find(first);
        if (id.isEmpty())
            return failure(QStringLiteral("%1 is not a user of this location").arg(quoted(first)));
        return success(id);
    }
    case Check::Number: {
        const std::optional<QString> number = parseNumber(first, QLocale::c());
        if (!number) {
            return failure(QStringLiteral("%1 is not a number (a number or money transform reads "
                                          "other spellings)")
                               .arg(quoted(first)));
        }
        return success(number->toDouble());
    }
    case Check::SingleOption: {
        if (values.size() > 1) {
            return failure(QStringLiteral("%1 takes one option, not %2")
                               .arg(spec.title, quoted(values.join(QStringLiteral("; ")))));
        }
        const Validated chosen = options(spec, values);
        if (!chosen.error.isEmpty() || chosen.value.isUndefined())
            return chosen;
        const QJsonArray array = chosen.value.toArray();
        if (array.size() > 1) {
            return failure(QStringLiteral("%1 takes one option, not %2")
                               .arg(spec.title, quoted(values.join(QStringLiteral("; ")))));
        }
        return success(array.first());
    }
    case Check::MultipleOptions:
        return options(spec, values);
    case Check::TextList: {
        QStringList items;
        for (const QString& value : values) {
            if (!value.trimmed().isEmpty())
                items.append(value.trimmed());
        }
        return items.isEmpty() ? Validated() : success(QJsonArray::fromStringList(items));
    }
    }
    return {};
}

} // namespace ContactDesk::Mapping::Detail
