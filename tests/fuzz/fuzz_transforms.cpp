// libFuzzer target: the import transforms (core/mapping/transforms*), the chain a mapping rule
// runs on every value of a file. Input layout: the first line picks up to four steps, one byte
// each, among the registry's operations; then one line per step with its options as a JSON
// object (anything else: no options); every further line is a value, alternately of the rule's
// two sources "a" and "b". Beyond "no crash, no UB": a step the checker refuses makes the chain
// refuse with the same words at that step (or fail at an earlier one), a failure names a step
// of the chain and says what went wrong, a chain gives the same answer on every call and from
// every copy, and a chain without problem never fails on a value it has no words for. Built
// by the asan preset (CONTACTDESK_FUZZ); run e.g. `scripts/fuzz transforms 60`.
#include "mapping/transforms.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace ContactDesk::Mapping;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

bool sameResult(const TransformResult& a, const TransformResult& b)
{
    return a.values == b.values && a.error == b.error && a.failedStep == b.failedStep;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const QList<QByteArray> lines = input.split('\n');
    const QList<TransformInfo>& registry = transformRegistry();
    check(!registry.isEmpty());

    const QByteArray picks = lines.value(0).left(4);
    QList<Transform> chain;
    for (qsizetype i = 0; i < picks.size(); ++i) {
        Transform step;
        step.op = registry.at(quint8(picks.at(i)) % registry.size()).op;
        step.options = QJsonDocument::fromJson(lines.value(i + 1)).object();
        chain.append(step);
    }

    TransformInput values;
    values.sources = {QStringLiteral("a"), QStringLiteral("b")};
    values.values = {QStringList(), QStringList()};
    values.defaultRegion = QStringLiteral("DE");
    for (qsizetype i = picks.size() + 1; i < lines.size(); ++i)
        values.values[(i - picks.size() - 1) % 2].append(QString::fromUtf8(lines.at(i)));

    const TransformChain compiled(chain, values.sources);
    int firstProblem = -1;
    for (qsizetype i = 0; i < chain.size() && firstProblem < 0; ++i) {
        if (!checkTransform(chain.at(i), values.sources).isEmpty())
            firstProblem = int(i);
    }
    check(compiled.problemStep() == firstProblem);
    check(compiled.isEmpty() == chain.isEmpty());
    if (firstProblem >= 0)
        check(compiled.problem() == checkTransform(chain.at(firstProblem), values.sources));
    else
        check(compiled.problem().isEmpty());

    const TransformResult result = compiled.apply(values);
    check(result.error.isEmpty() == (result.failedStep == -1));
    check(result.failedStep >= -1 && result.failedStep < chain.size());
    if (firstProblem >= 0) {
        check(result.failedStep >= 0 && result.failedStep <= firstProblem);
        if (result.failedStep == firstProblem)
            check(result.error == compiled.problem());
    }
    if (!result.error.isEmpty())
        check(result.values.isEmpty());

    // The same answer again, from a copy, and through the one-call form.
    const TransformChain copy = compiled;
    check(sameResult(copy.apply(values), result));
    check(sameResult(applyTransforms(chain, values), result));
    return 0;
}
