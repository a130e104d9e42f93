#pragma once

// Internal to core/automation: the reader of rule set documents and the names of their parts.

#include "automation/rules.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QStringList>

#include <initializer_list>
#include <optional>

namespace ContactDesk::Automation {

const QList<QPair<QString, Action::Kind>>& actionKinds();
const QList<QPair<QString, Condition::Op>>& conditionOps();
// The event types a rule may name (those of appevent.h, in documentation order).
const QStringList& ruleEventTypes();

// Reads a rule set document, checking every part and collecting every problem, each naming
// the rule and action (1-based). Older formats are migrated first:
//   version 0: a bare JSON array of rules (no profile, no link settings); it gets the default
//   event profile (data.email, data.firstName, data.lastName, data.phone).
class RuleSetReader
{
public:
    explicit RuleSetReader(QStringList* problems)
        : m_problems(problems)
    { }

    std::optional<RuleSet> read(const QJsonObject& json);
    std::optional<RuleSet> readLegacyArray(const QJsonArray& rules);

private:
    std::optional<AutomationRule> readRule(const QJsonValue& value, const QString& where);
    std::optional<Condition> readCondition(const QJsonValue& value, const QString& where);
    std::optional<Action> readAction(
        const QJsonValue& value, const QString& eventType, const QString& where);
    void checkKeys(
        const QJsonObject& json, std::initializer_list<const char*> known, const QString& where);
    void problem(const QString& text) { m_problems->append(text); }

    QStringList* m_problems;
};

} // namespace ContactDesk::Automation
