#pragma once

// Internal to the transforms: how a step is compiled and run. Not for use outside
// transforms*.cpp.

#include "mapping/transforms.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace ContactDesk::Mapping::Detail {

// The values a chain works on: one lane per source of the rule. Value steps change every value
// of every lane; join and template turn the lanes into one lane of one value.
using Lanes = QList<QStringList>;

// Runs one step on the lanes; returns the problem as user text, empty on success.
using StepFunction = std::function<QString(Lanes& lanes, const TransformInput& input)>;

struct CompiledStep
{
    QString op;
    StepFunction run;
    QString problem; // set when the step's op or options are wrong; `run` is then empty
};

// Typed access to a step's options, after checkOptions() found their types right; absent
// options give the registry's default.
class Options
{
public:
    Options(const TransformInfo& info, const QJsonObject& options);

    QString string(const QString& name) const;
    QStringList stringList(const QString& name) const;
    int integer(const QString& name) const;
    bool boolean(const QString& name) const;
    QHash<QString, QString> map(const QString& name) const;
    bool has(const QString& name) const { return m_options.contains(name); }

private:
    QJsonValue value(const QString& name) const;

    const TransformInfo& m_info;
    QJsonObject m_options;
};

// Makes a step that maps every value of every lane; `map` returns the new value or sets
// *error.
StepFunction eachValue(std::function<QString(const QString& value, QString* error)> map);

// "'31/02/2024'": a value quoted for a message, shortened when long.
QString quoted(const QString& value);

// The compilers of each family of transforms: the step function, or *problem set.
StepFunction compileTextStep(
    const QString& op, const Options& options, const QStringList& sources, QString* problem);
StepFunction compileValueStep(const QString& op, const Options& options, QString* problem);

// The pieces the registry lists, per family, in the editor's order.
QList<TransformInfo> textTransforms();
QList<TransformInfo> valueTransforms();

// Shared with the row mapper's validation: the words boolean accepts by default.
const QStringList& defaultTrueWords();
const QStringList& defaultFalseWords();

// Splits a full name; `part` is "first" or "last".
QString splitName(const QString& fullName, const QString& part);

} // namespace ContactDesk::Mapping::Detail
