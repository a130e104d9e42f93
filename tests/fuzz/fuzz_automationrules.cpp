// libFuzzer target: automation rule set documents. Any bytes that parse as JSON go through the
// rule set reader (every check, the version 0 migration of a bare array, the embedded mapping
// profile); it must never crash, must give a reason whenever it refuses, and a rule set it
// accepts must write out and read back as the same rule set, and its templates must render
// against the document itself. Built by the asan preset (CONTACTDESK_FUZZ); run e.g.
// `build/asan/tests/fuzz/fuzz_automationrules -max_total_time=60
// tests/fuzz/corpus/automationrules`.
#include "automation/appevent.h"
#include "automation/rules.h"
#include "automation/rulesreader.h"
#include "automation/templates.h"

#include <QByteArray>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

using namespace ContactDesk;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (!document.isObject() && !document.isArray())
        return 0;
    QStringList problems;
    Automation::RuleSetReader reader(&problems);
    const std::optional<Automation::RuleSet> set = document.isArray()
        ? reader.readLegacyArray(document.array())
        : reader.read(document.object());
    if (!set) {
        check(!problems.isEmpty());
        return 0;
    }
    check(problems.isEmpty());
    QStringList again;
    const std::optional<Automation::RuleSet> reread
        = Automation::RuleSet::fromJson(set->toJson(), &again);
    check(reread.has_value());
    check(*reread == *set);

    // The document as an event's data: every template renders without a problem.
    Automation::AppEvent event;
    event.type = QStringLiteral("user.signed_up");
    event.data = document.isObject() ? document.object() : QJsonObject();
    const Mapping::Record record = Automation::eventRecord(event);
    for (const Automation::AutomationRule& rule : set->rules) {
        for (const Automation::Action& action : rule.actions) {
            check(Automation::templateProblems(action.title).isEmpty());
            Automation::renderTemplate(action.title, record, QStringLiteral("x"));
            Automation::renderTemplate(action.body, record);
        }
    }
    return 0;
}
