#pragma once

#include "mapping/profile.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace ContactDesk::Mapping {

// What a transform chain works on: the values of the rule's sources. Most transforms take
// and give one value; split-to-list gives several (tags, MULTIPLE_OPTIONS), join and template
// turn several sources into one.
struct TransformInput
{
    QStringList sources; // the rule's source paths
    QList<QStringList> values; // per source, Record::values(path)
    QString defaultRegion; // the profile's, for phone numbers
};

struct TransformResult
{
    QStringList values; // empty: no value (an empty cell stays empty through most transforms)
    QString error; // user text when a step failed ("'31/02/2024' is not a date in any of ...")
    int failedStep = -1; // index into the chain
};

// One option of a transform, so the editor can draw a form for it and the checker can type it.
struct TransformOption
{
    enum class Type
    {
        String, // JSON string
        StringList, // JSON array of strings (date formats, boolean words)
        Integer,
        Boolean,
        Choice, // JSON string, one of `choices`
        StringMap, // JSON object of string -> string (value map)
    };
    QString name; // the JSON key, "formats"
    Type type = Type::String;
    QString title; // user text, "Formats to try"
    bool required = false;
    QStringList choices; // Choice: the allowed values
    QJsonValue defaultValue; // what applies when the option is absent
};

// One entry of the registry: what the editor offers and the docs list.
struct TransformInfo
{
    QString op; // "trim", "collapseSpaces", "lowerCase", ..., "phoneE164", "date", ...
    QString title; // user text, "Phone number to E.164"
    QString description; // user text, one sentence with its options
    QList<TransformOption> options;
};

// Every transform, in the order the editor lists them.
const QList<TransformInfo>& transformRegistry();
// Checks a step's op and options (unknown op, unknown option, wrong type, bad regex, a
// template naming no source): the problem as user text, empty when the step is fine.
QString checkTransform(const Transform& step, const QStringList& sources);
// Runs the chain. Without transforms, a rule's value is its first source's values.
TransformResult applyTransforms(const QList<Transform>& chain, const TransformInput& input);

namespace Detail {
struct CompiledStep;
}

// A chain read once for many rows: options typed, regexes compiled, template names resolved
// against the rule's sources. What applyTransforms does per call, the row mapper does once.
class TransformChain
{
public:
    TransformChain();
    TransformChain(const QList<Transform>& chain, const QStringList& sources);
    ~TransformChain();
    TransformChain(const TransformChain& other);
    TransformChain& operator=(const TransformChain& other);

    bool isEmpty() const;
    // The first step's problem (as checkTransform words it) and its index; empty and -1 when
    // every step is fine. A chain with a problem gives that problem on every apply().
    QString problem() const;
    int problemStep() const;
    TransformResult apply(const TransformInput& input) const;

private:
    std::shared_ptr<const QList<Detail::CompiledStep>> m_steps;
};

} // namespace ContactDesk::Mapping
