#pragma once

// Shared by the suggest and preset tests: samples built in memory, the rules of a column, and
// the header rows of the real exports (Google Contacts in both layouts, Outlook, HubSpot).

#include "mapping/profile.h"
#include "mapping/source.h"
#include "mappingtestlists.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

namespace ContactDesk::Mapping::Testing {

using namespace Qt::StringLiterals;

inline SourceSample csvSample(const QStringList& columns, const QList<QStringList>& rows = {})
{
    SourceSample sample;
    sample.options.kind = SourceKind::Csv;
    sample.options.delimiter = u',';
    sample.columns = columns;
    qint64 number = 0;
    for (const QStringList& row : rows) {
        Record record;
        record.number = ++number;
        record.line = number + 1;
        for (qsizetype i = 0; i < columns.size() && i < row.size(); ++i)
            record.fields.append({columns.at(i), row.at(i)});
        sample.records.append(record);
    }
    return sample;
}

inline QStringList split(const QString& csvHeader)
{
    return csvHeader.split(u',');
}

// The rules whose first source is `column`.
inline QList<Rule> rulesOf(const Profile& profile, const QString& column)
{
    QList<Rule> rules;
    for (const Rule& rule : profile.rules) {
        if (rule.sources.value(0) == column)
            rules.append(rule);
    }
    return rules;
}

inline QString targetOf(const Profile& profile, const QString& column)
{
    const QList<Rule> rules = rulesOf(profile, column);
    QStringList targets;
    for (const Rule& rule : rules)
        targets.append(targetText(rule.target));
    return targets.join(u'+');
}

inline const Transform* findStep(const Rule& rule, const char* op)
{
    for (const Transform& step : rule.transforms) {
        if (step.op == QLatin1String(op))
            return &step;
    }
    return nullptr;
}

inline QStringList stringList(const QJsonValue& value)
{
    QStringList list;
    for (const QJsonValue& item : value.toArray())
        list.append(item.toString());
    return list;
}

// Runs the text steps a preset puts before its list split (regexReplace) and the split
// itself, as the registry documents them, to check the patterns on real cells.
inline QStringList runTagSteps(const Rule& rule, const QString& cell)
{
    QString text = cell;
    for (const Transform& step : rule.transforms) {
        if (step.op == u"regexReplace") {
            const QRegularExpression pattern(
                step.options.value(QStringLiteral("pattern")).toString());
            if (!pattern.isValid())
                return {QStringLiteral("invalid pattern")};
            text.replace(pattern, step.options.value(QStringLiteral("replacement")).toString());
        } else if (step.op == u"splitList") {
            QStringList items {text};
            for (const QString& separator :
                stringList(step.options.value(QStringLiteral("separators")))) {
                QStringList next;
                for (const QString& item : std::as_const(items))
                    next.append(item.split(separator));
                items = next;
            }
            QStringList result;
            for (const QString& item : std::as_const(items)) {
                if (!item.trimmed().isEmpty())
                    result.append(item.trimmed());
            }
            return result;
        }
    }
    return {text};
}

inline void checkEveryColumnCovered(const Profile& profile, const QStringList& columns)
{
    for (const QString& column : columns) {
        const bool covered = std::any_of(profile.rules.cbegin(), profile.rules.cend(),
            [&](const Rule& rule) { return rule.sources.contains(column); });
        QVERIFY2(covered, qPrintable(QStringLiteral("no rule for column '%1'").arg(column)));
    }
    for (const Rule& rule : profile.rules) {
        QVERIFY2(rule.confidence >= 0 && rule.confidence <= 1, qPrintable(rule.reason));
        QVERIFY2(!rule.reason.isEmpty(), qPrintable(rule.sources.join(u',')));
    }
}

// One target per column except tags, which add up.
inline void checkOneColumnPerTarget(const Profile& profile)
{
    QStringList seen;
    for (const Rule& rule : profile.rules) {
        if (rule.target.kind == Target::Kind::Ignore || rule.target.kind == Target::Kind::Tags)
            continue;
        const QString target = targetText(rule.target);
        QVERIFY2(!seen.contains(target), qPrintable(QStringLiteral("two rules for ") + target));
        seen.append(target);
    }
}

inline const QString googleHeader = QStringLiteral(
    "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,"
    "Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,"
    "Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,"
    "E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,"
    "Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,"
    "Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,"
    "Address 1 - Extended Address,Website 1 - Label,Website 1 - Value,Relation 1 - Label,"
    "Relation 1 - Value,Custom Field 1 - Label,Custom Field 1 - Value");

inline const QString googleLegacyHeader = QStringLiteral(
    "Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Additional Name Yomi,"
    "Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,Short Name,Maiden Name,Birthday,"
    "Gender,Location,Billing Information,Directory Server,Mileage,Occupation,Hobby,Sensitivity,"
    "Priority,Subject,Notes,Language,Photo,Group Membership,E-mail 1 - Type,E-mail 1 - Value,"
    "E-mail 2 - Type,E-mail 2 - Value,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,"
    "Phone 2 - Value,Address 1 - Type,Address 1 - Formatted,Address 1 - Street,Address 1 - City,"
    "Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,"
    "Address 1 - Extended Address,Organization 1 - Type,Organization 1 - Name,"
    "Organization 1 - Yomi Name,Organization 1 - Title,Organization 1 - Department,"
    "Organization 1 - Symbol,Organization 1 - Location,Organization 1 - Job Description,"
    "Website 1 - Type,Website 1 - Value");

inline const QString outlookHeader = QStringLiteral(
    "First Name,Middle Name,Last Name,Title,Suffix,Initials,Web Page,Gender,Birthday,Anniversary,"
    "Location,Language,Internet Free Busy,Notes,E-mail Address,E-mail 2 Address,E-mail 3 Address,"
    "Primary Phone,Home Phone,Home Phone 2,Mobile Phone,Pager,Home Fax,Home Address,Home Street,"
    "Home Street 2,Home Street 3,Home Address PO Box,Home City,Home State,Home Postal Code,"
    "Home Country,Spouse,Children,Manager's Name,Assistant's Name,Referred By,Company Main Phone,"
    "Business Phone,Business Phone 2,Business Fax,Assistant's Phone,Company,Job Title,Department,"
    "Office Location,Organizational ID Number,Profession,Account,Business Address,Business Street,"
    "Business Street 2,Business Street 3,Business Address PO Box,Business City,Business State,"
    "Business Postal Code,Business Country/Region,Other Phone,Other Fax,Other Address,Other Street,"
    "Other Street 2,Other Street 3,Other Address PO Box,Other City,Other State,Other Postal Code,"
    "Other Country,Callback,Car Phone,ISDN,Radio Phone,TTY/TDD Phone,Telex,User 1,User 2,User 3,"
    "User 4,Keywords,Mileage,Hobby,Billing Information,Directory Server,Sensitivity,Priority,"
    "Private,Categories");

inline const QString hubspotHeader = QStringLiteral(
    "Record ID,First Name,Last Name,Email,Phone Number,Mobile Phone Number,Company Name,"
    "Street Address,City,State/Region,Postal Code,Country/Region,Website URL,Contact owner,"
    "Lifecycle Stage,Lead Status,Create Date,Last Activity Date,Job Title,Associated Company,"
    "Marketing contact status");

} // namespace ContactDesk::Mapping::Testing
