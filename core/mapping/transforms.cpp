#include "mapping/transforms.h"

#include "mapping/transforms_p.h"

#include <QJsonArray>

namespace ContactDesk::Mapping {

using namespace Detail;

namespace {

QString typeName(TransformOption::Type type)
{
    switch (type) {
    case TransformOption::Type::String:
        return QStringLiteral("a string");
    case TransformOption::Type::StringList:
        return QStringLiteral("a list of strings");
    case TransformOption::Type::Integer:
        return QStringLiteral("a whole number");
    case TransformOption::Type::Boolean:
        return QStringLiteral("true or false");
    case TransformOption::Type::Choice:
        return QStringLiteral("a string");
    case TransformOption::Type::StringMap:
        return QStringLiteral("an object of strings");
    }
    return {};
}

bool hasType(const QJsonValue& value, TransformOption::Type type)
{
    switch (type) {
    case TransformOption::Type::String:
    case TransformOption::Type::Choice:
        return value.isString();
    case TransformOption::Type::StringList: {
        if (!value.isArray())
            return false;
        const QJsonArray array = value.toArray();
        return std::all_of(
            array.begin(), array.end(), [](const QJsonValue& item) { return item.isString(); });
    }
    case TransformOption::Type::Integer:
        return value.isDouble() && value.toDouble() == double(qint64(value.toDouble()));
    case TransformOption::Type::Boolean:
        return value.isBool();
    case TransformOption::Type::StringMap: {
        if (!value.isObject())
            return false;
        const QJsonObject object = value.toObject();
        return std::all_of(object.begin(), object.end(),
            [](const QJsonValueConstRef& item) { return item.isString(); });
    }
    }
    return false;
}

const TransformInfo* findInfo(const QString& op)
{
    for (const TransformInfo& info : transformRegistry()) {
        if (info.op == op)
            return &info;
    }
    return nullptr;
}

// The checks every op shares: known op, known options, types, required ones, choices.
QString checkOptions(const TransformInfo& info, const QJsonObject& options)
{
    for (auto it = options.begin(); it != options.end(); ++it) {
        const auto known = std::find_if(info.options.begin(), info.options.end(),
            [&](const TransformOption& option) { return option.name == it.key(); });
        if (known == info.options.end()) {
            QStringList names;
            for (const TransformOption& option : info.options)
                names.append(option.name);
            return names.isEmpty()
                ? QStringLiteral("unknown option '%1' (this transform takes none)").arg(it.key())
                : QStringLiteral("unknown option '%1' (options: %2)")
                      .arg(it.key(), names.join(QStringLiteral(", ")));
        }
        if (!hasType(it.value(), known->type))
            return QStringLiteral("option '%1' must be %2").arg(it.key(), typeName(known->type));
        if (known->type == TransformOption::Type::Choice
            && !known->choices.contains(it.value().toString())) {
            return QStringLiteral("option '%1' must be one of %2, not '%3'")
                .arg(it.key(), known->choices.join(QStringLiteral(", ")), it.value().toString());
        }
    }
    for (const TransformOption& option : info.options) {
        if (option.required && !options.contains(option.name))
            return QStringLiteral("option '%1' is required").arg(option.name);
    }
    return {};
}

CompiledStep compile(const Transform& step, const QStringList& sources)
{
    CompiledStep compiled;
    compiled.op = step.op;
    const TransformInfo* info = findInfo(step.op);
    if (!info) {
        compiled.problem = step.op.isEmpty() ? QStringLiteral("a transform needs an op")
                                             : QStringLiteral("unknown transform");
        return compiled;
    }
    compiled.problem = checkOptions(*info, step.options);
    if (!compiled.problem.isEmpty())
        return compiled;
    const Options options(*info, step.options);
    QString problem;
    StepFunction run = compileTextStep(step.op, options, sources, &problem);
    if (!run && problem.isEmpty())
        run = compileValueStep(step.op, options, &problem);
    if (!run && problem.isEmpty())
        problem = QStringLiteral("unknown transform");
    compiled.problem = problem;
    if (problem.isEmpty())
        compiled.run = std::move(run);
    return compiled;
}

} // namespace

namespace Detail {

Options::Options(const TransformInfo& info, const QJsonObject& options)
    : m_info(info)
    , m_options(options)
{ }

QJsonValue Options::value(const QString& name) const
{
    if (m_options.contains(name))
        return m_options.value(name);
    for (const TransformOption& option : m_info.options) {
        if (option.name == name)
            return option.defaultValue;
    }
    return {};
}

QString Options::string(const QString& name) const
{
    return value(name).toString();
}

QStringList Options::stringList(const QString& name) const
{
    QStringList result;
    for (const QJsonValue& item : value(name).toArray())
        result.append(item.toString());
    return result;
}

int Options::integer(const QString& name) const
{
    return value(name).toInt();
}

bool Options::boolean(const QString& name) const
{
    return value(name).toBool();
}

QHash<QString, QString> Options::map(const QString& name) const
{
    QHash<QString, QString> result;
    const QJsonObject object = value(name).toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        result.insert(it.key(), it.value().toString());
    return result;
}

StepFunction eachValue(std::function<QString(const QString& value, QString* error)> map)
{
    return [map = std::move(map)](Lanes& lanes, const TransformInput&) -> QString {
        for (QStringList& lane : lanes) {
            for (QString& value : lane) {
                QString error;
                QString next = map(value, &error);
                if (!error.isEmpty())
                    return error;
                value = std::move(next);
            }
        }
        return {};
    };
}

QString quoted(const QString& value)
{
    constexpr qsizetype longest = 60;
    if (value.size() <= longest)
        return u'\'' + value + u'\'';
    return u'\'' + value.left(longest - 3) + QStringLiteral("...'");
}

} // namespace Detail

const QList<TransformInfo>& transformRegistry()
{
    static const QList<TransformInfo> registry = [] {
        QList<TransformInfo> all = textTransforms();
        all += valueTransforms();
        return all;
    }();
    return registry;
}

QString checkTransform(const Transform& step, const QStringList& sources)
{
    return compile(step, sources).problem;
}

TransformResult applyTransforms(const QList<Transform>& chain, const TransformInput& input)
{
    return TransformChain(chain, input.sources).apply(input);
}

TransformChain::TransformChain()
    : m_steps(std::make_shared<const QList<CompiledStep>>())
{ }

TransformChain::TransformChain(const QList<Transform>& chain, const QStringList& sources)
{
    QList<CompiledStep> steps;
    steps.reserve(chain.size());
    for (const Transform& step : chain)
        steps.append(compile(step, sources));
    m_steps = std::make_shared<const QList<CompiledStep>>(std::move(steps));
}

TransformChain::~TransformChain() = default;
TransformChain::TransformChain(const TransformChain& other) = default;
TransformChain& TransformChain::operator=(const TransformChain& other) = default;

bool TransformChain::isEmpty() const
{
    return m_steps->isEmpty();
}

QString TransformChain::problem() const
{
    const int step = problemStep();
    return step < 0 ? QString() : m_steps->at(step).problem;
}

int TransformChain::problemStep() const
{
    for (qsizetype i = 0; i < m_steps->size(); ++i) {
        if (!m_steps->at(i).problem.isEmpty())
            return int(i);
    }
    return -1;
}

TransformResult TransformChain::apply(const TransformInput& input) const
{
    TransformResult result;
    if (m_steps->isEmpty()) {
        // The common case, kept cheap: the first source's values, empty ones dropped.
        for (const QString& value : input.values.value(0)) {
            if (!value.isEmpty())
                result.values.append(value);
        }
        return result;
    }
    Lanes lanes = input.values;
    if (lanes.isEmpty())
        lanes.append(QStringList());
    for (qsizetype i = 0; i < m_steps->size(); ++i) {
        const CompiledStep& step = m_steps->at(i);
        const QString error = step.problem.isEmpty() ? step.run(lanes, input) : step.problem;
        if (!error.isEmpty()) {
            result.error = error;
            result.failedStep = int(i);
            return result;
        }
    }
    for (const QString& value : lanes.value(0)) {
        if (!value.isEmpty())
            result.values.append(value);
    }
    return result;
}

} // namespace ContactDesk::Mapping
