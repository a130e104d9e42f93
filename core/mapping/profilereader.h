#pragma once

#include "mapping/profile.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <initializer_list>
#include <optional>

namespace ContactDesk::Mapping {

// Reads a profile document, checking every part and collecting every problem (not only the
// first), so a user fixing a hand-edited file sees the whole list at once. Older formats are
// migrated first:
//   version 0 (no "version"): {"name": ..., "columns": {"<source column>": "<target>", ...}}
//   the hand-written column map; each entry becomes a rule with no transforms, upsert by email.
class ProfileReader
{
public:
    explicit ProfileReader(QStringList* problems)
        : m_problems(problems)
    { }

    std::optional<Profile> read(const QJsonObject& json);

private:
    QJsonObject migrate(const QJsonObject& json);
    void readWrite(const QJsonValue& value, Profile& profile);
    void readRules(const QJsonValue& value, Profile& profile);
    std::optional<Rule> readRule(const QJsonObject& json, const QString& where);
    void readVerified(const QJsonValue& value, Profile& profile);
    void checkKeys(
        const QJsonObject& json, std::initializer_list<const char*> known, const QString& where);
    void problem(const QString& text) { m_problems->append(text); }

    QStringList* m_problems;
    int m_problemsAtStart = 0;
};

} // namespace ContactDesk::Mapping
