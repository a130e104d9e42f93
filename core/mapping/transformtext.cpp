// The text transforms: spacing and case, names, joining and templates, constants, value maps,
// lists and regular expressions.

#include "mapping/transforms_p.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace ContactDesk::Mapping::Detail {

namespace {

using Type = TransformOption::Type;

TransformOption option(const QString& name, Type type, const QString& title, bool required,
    const QJsonValue& defaultValue = {}, const QStringList& choices = {})
{
    return TransformOption {name, type, title, required, choices, defaultValue};
}

QString titleCase(const QString& value)
{
    QString out = value.toLower();
    bool wordStart = true;
    int letters = 0; // letters of the current word so far
    for (QChar& ch : out) {
        if (ch.isLetter()) {
            if (wordStart)
                ch = ch.toUpper();
            wordStart = false;
            ++letters;
        } else if (ch == u'\'' || ch == QChar(0x2019)) {
            // O'Brien and D'Angelo, but not Don't: a capital after a one-letter prefix only.
            wordStart = letters == 1;
            letters = wordStart ? 0 : letters;
        } else if (ch.isDigit()) {
            wordStart = false;
        } else {
            wordStart = true;
            letters = 0;
        }
    }
    return out;
}

QString bare(const QString& word)
{
    QString result = word.toLower();
    result.remove(u'.');
    result.remove(u',');
    return result;
}

bool isSuffix(const QString& word)
{
    static const QStringList suffixes {QStringLiteral("jr"), QStringLiteral("sr"),
        QStringLiteral("ii"), QStringLiteral("iii"), QStringLiteral("iv"), QStringLiteral("phd"),
        QStringLiteral("md"), QStringLiteral("esq"), QStringLiteral("dds"), QStringLiteral("cpa")};
    return suffixes.contains(bare(word));
}

bool isHonorific(const QString& word)
{
    static const QStringList honorifics {QStringLiteral("mr"), QStringLiteral("mrs"),
        QStringLiteral("ms"), QStringLiteral("miss"), QStringLiteral("mx"), QStringLiteral("dr"),
        QStringLiteral("prof")};
    return honorifics.contains(bare(word));
}

// Words that start a family name: "van der Berg", "de la Cruz", "von Trapp", "bin Salman".
bool isParticle(const QString& word)
{
    static const QStringList particles {QStringLiteral("van"), QStringLiteral("von"),
        QStringLiteral("der"), QStringLiteral("den"), QStringLiteral("de"), QStringLiteral("del"),
        QStringLiteral("della"), QStringLiteral("di"), QStringLiteral("da"), QStringLiteral("dos"),
        QStringLiteral("das"), QStringLiteral("du"), QStringLiteral("la"), QStringLiteral("le"),
        QStringLiteral("bin"), QStringLiteral("binti"), QStringLiteral("bint"),
        QStringLiteral("ibn"), QStringLiteral("al"), QStringLiteral("el"), QStringLiteral("ter"),
        QStringLiteral("ten"), QStringLiteral("zu"), QStringLiteral("st.")};
    return particles.contains(word.toLower());
}

QStringList words(const QString& text)
{
    return text.split(u' ', Qt::SkipEmptyParts);
}

// One piece of a template: literal text, or the value of a lane.
struct TemplatePiece
{
    QString literal;
    qsizetype lane = -1;
};

QList<TemplatePiece> parseTemplate(
    const QString& text, const QStringList& sources, QString* problem)
{
    QList<TemplatePiece> pieces;
    QString literal;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text.at(i);
        if ((ch == u'{' || ch == u'}') && i + 1 < text.size() && text.at(i + 1) == ch) {
            literal += ch; // "{{" and "}}" are literal braces
            ++i;
            continue;
        }
        if (ch == u'}') {
            *problem = QStringLiteral("option 'template': a '}' without its '{' (write }} for a "
                                      "literal brace)");
            return {};
        }
        if (ch != u'{') {
            literal += ch;
            continue;
        }
        const qsizetype close = text.indexOf(u'}', i + 1);
        if (close < 0) {
            *problem = QStringLiteral("option 'template': '{' is not closed");
            return {};
        }
        const QString name = text.mid(i + 1, close - i - 1).trimmed();
        qsizetype lane = sources.indexOf(name);
        if (lane < 0) {
            bool isIndex = false;
            const int index = name.toInt(&isIndex);
            if (isIndex && index >= 1 && index <= sources.size())
                lane = index - 1;
        }
        if (lane < 0) {
            *problem = sources.isEmpty()
                ? QStringLiteral("option 'template': {%1} names no source (the rule has none)")
                      .arg(name)
                : QStringLiteral("option 'template': {%1} is not a source of the rule (sources: "
                                 "%2, or {1}..{%3})")
                      .arg(name, sources.join(QStringLiteral(", ")))
                      .arg(sources.size());
            return {};
        }
        if (!literal.isEmpty())
            pieces.append({literal, -1});
        literal.clear();
        pieces.append({QString(), lane});
        i = close;
    }
    if (!literal.isEmpty())
        pieces.append({literal, -1});
    return pieces;
}

QString firstNonEmpty(const QStringList& values)
{
    for (const QString& value : values) {
        if (!value.isEmpty())
            return value;
    }
    return {};
}

QString regexProblem(const QRegularExpression& regex)
{
    return QStringLiteral("option 'pattern': %1 at position %2")
        .arg(regex.errorString())
        .arg(regex.patternErrorOffset() + 1);
}

StepFunction valueMapStep(const Options& options)
{
    const bool caseSensitive = options.boolean(QStringLiteral("caseSensitive"));
    const QString unmapped = options.string(QStringLiteral("unmapped"));
    QHash<QString, QString> table;
    const QHash<QString, QString> given = options.map(QStringLiteral("map"));
    QStringList keys = given.keys();
    keys.sort(Qt::CaseInsensitive);
    for (const QString& key : keys)
        table.insert(caseSensitive ? key.trimmed() : key.trimmed().toLower(), given.value(key));
    const QString known = keys.size() <= 8
        ? keys.join(QStringLiteral(", "))
        : keys.mid(0, 8).join(QStringLiteral(", ")) + QStringLiteral(", ...");
    return eachValue([=](const QString& value, QString* error) -> QString {
        if (value.trimmed().isEmpty())
            return value;
        const QString key = caseSensitive ? value.trimmed() : value.trimmed().toLower();
        const auto it = table.constFind(key);
        if (it != table.constEnd())
            return it.value();
        if (unmapped == QLatin1String("keep"))
            return value;
        if (unmapped == QLatin1String("empty"))
            return QString();
        *error = QStringLiteral("%1 is not in the value map (%2)").arg(quoted(value), known);
        return {};
    });
}

StepFunction splitListStep(const Options& options, QString* problem)
{
    const QStringList separators = options.stringList(QStringLiteral("separators"));
    if (separators.isEmpty() || separators.contains(QString())) {
        *problem = QStringLiteral("option 'separators' needs at least one non-empty separator");
        return {};
    }
    return [separators](Lanes& lanes, const TransformInput&) -> QString {
        for (QStringList& lane : lanes) {
            QStringList items;
            for (QString value : std::as_const(lane)) {
                for (qsizetype i = 1; i < separators.size(); ++i)
                    value.replace(separators.at(i), separators.first());
                for (const QString& item : value.split(separators.first())) {
                    const QString trimmed = item.trimmed();
                    if (!trimmed.isEmpty())
                        items.append(trimmed);
                }
            }
            lane = items;
        }
        return {};
    };
}

StepFunction regexExtractStep(const Options& options, QString* problem)
{
    const QRegularExpression regex(options.string(QStringLiteral("pattern")));
    if (!regex.isValid()) {
        *problem = regexProblem(regex);
        return {};
    }
    int group = regex.captureCount() >= 1 ? 1 : 0;
    if (options.has(QStringLiteral("group")))
        group = options.integer(QStringLiteral("group"));
    if (group < 0 || group > regex.captureCount()) {
        *problem = QStringLiteral("option 'group': %1 is not a group of the pattern (it has %2)")
                       .arg(group)
                       .arg(regex.captureCount());
        return {};
    }
    const bool errorOnNoMatch = options.string(QStringLiteral("onNoMatch")) == u"error";
    const QString pattern = regex.pattern();
    return eachValue([=](const QString& value, QString* error) -> QString {
        if (value.trimmed().isEmpty())
            return value;
        const QRegularExpressionMatch match = regex.match(value);
        if (match.hasMatch())
            return match.captured(group);
        if (errorOnNoMatch)
            *error = QStringLiteral("%1 does not match %2").arg(quoted(value), quoted(pattern));
        return {};
    });
}

} // namespace

QString splitName(const QString& fullName, const QString& part)
{
    QStringList commaParts;
    for (const QString& piece : fullName.simplified().split(u',', Qt::SkipEmptyParts)) {
        if (!piece.trimmed().isEmpty())
            commaParts.append(piece.trimmed());
    }
    QStringList suffixes;
    while (commaParts.size() > 1 && isSuffix(commaParts.last()))
        suffixes.prepend(commaParts.takeLast());

    QString first;
    QString last;
    if (commaParts.size() >= 2) { // "Last, First"
        last = commaParts.first();
        QStringList given = words(commaParts.mid(1).join(u' '));
        while (given.size() > 1 && isHonorific(given.first()))
            given.removeFirst();
        first = given.join(u' ');
    } else {
        QStringList all = words(commaParts.value(0));
        while (all.size() > 1 && isHonorific(all.first()))
            all.removeFirst();
        while (all.size() > 2 && isSuffix(all.last()))
            suffixes.prepend(all.takeLast());
        if (all.size() == 1) {
            first = all.first();
        } else if (!all.isEmpty()) {
            qsizetype lastStart = all.size() - 1;
            while (lastStart > 1 && isParticle(all.at(lastStart - 1)))
                --lastStart;
            first = all.mid(0, lastStart).join(u' ');
            last = all.mid(lastStart).join(u' ');
        }
    }
    if (!suffixes.isEmpty())
        last = (last + u' ' + suffixes.join(u' ')).trimmed();
    return part == u"last" ? last : first;
}

QList<TransformInfo> textTransforms()
{
    return {
        {QStringLiteral("trim"), QStringLiteral("Trim"),
            QStringLiteral("Removes spaces at the start and the end."), {}},
        {QStringLiteral("collapseSpaces"), QStringLiteral("Collapse spaces"),
            QStringLiteral("Turns every run of spaces, tabs and line breaks into one space and "
                           "trims the ends."),
            {}},
        {QStringLiteral("lowerCase"), QStringLiteral("Lower case"),
            QStringLiteral("Makes every letter lower case."), {}},
        {QStringLiteral("upperCase"), QStringLiteral("Upper case"),
            QStringLiteral("Makes every letter upper case."), {}},
        {QStringLiteral("titleCase"), QStringLiteral("Title case"),
            QStringLiteral("Capitalises each word (\"mary-jane o'brien\" becomes \"Mary-Jane "
                           "O'Brien\")."),
            {}},
        {QStringLiteral("splitName"), QStringLiteral("Split full name"),
            QStringLiteral("Takes the first or the last name from a full name: \"First Middle "
                           "Last\" or \"Last, First\"; particles such as \"van der\" stay with "
                           "the last name, as do suffixes such as \"Jr.\"."),
            {option(QStringLiteral("part"), Type::Choice, QStringLiteral("Part"), true, {},
                {QStringLiteral("first"), QStringLiteral("last")})}},
        {QStringLiteral("join"), QStringLiteral("Join sources"),
            QStringLiteral("Joins the values of every source in order, skipping empty ones, "
                           "with a separator."),
            {option(QStringLiteral("separator"), Type::String, QStringLiteral("Separator"), false,
                QStringLiteral(" "))}},
        {QStringLiteral("template"), QStringLiteral("Template"),
            QStringLiteral("Builds a value from the sources: {name} is a source by its path or "
                           "its position {1}; {{ and }} are literal braces."),
            {option(QStringLiteral("template"), Type::String, QStringLiteral("Template"), true)}},
        {QStringLiteral("constant"), QStringLiteral("Constant"),
            QStringLiteral("Gives the same value for every row, whatever the sources hold."),
            {option(QStringLiteral("value"), Type::String, QStringLiteral("Value"), true)}},
        {QStringLiteral("defaultWhenEmpty"), QStringLiteral("Default when empty"),
            QStringLiteral("Gives a value when the source is empty."),
            {option(QStringLiteral("value"), Type::String, QStringLiteral("Default"), true)}},
        {QStringLiteral("valueMap"), QStringLiteral("Value map"),
            QStringLiteral("Replaces values by a lookup table; a value not in the table is an "
                           "error, kept or emptied."),
            {option(QStringLiteral("map"), Type::StringMap, QStringLiteral("Table"), true),
                option(QStringLiteral("caseSensitive"), Type::Boolean,
                    QStringLiteral("Case-sensitive"), false, false),
                option(QStringLiteral("unmapped"), Type::Choice,
                    QStringLiteral("Value not in the table"), false, QStringLiteral("error"),
                    {QStringLiteral("error"), QStringLiteral("keep"), QStringLiteral("empty")})}},
        {QStringLiteral("splitList"), QStringLiteral("Split to list"),
            QStringLiteral("Splits a value into several at any of the separators, trimming "
                           "each and dropping empty ones (tags \"a; b\")."),
            {option(QStringLiteral("separators"), Type::StringList, QStringLiteral("Separators"),
                false, QJsonArray {u";"_qs, u","_qs})}},
        {QStringLiteral("regexReplace"), QStringLiteral("Regex replace"),
            QStringLiteral("Replaces every match of a regular expression; \\1 in the "
                           "replacement is the first group."),
            {option(QStringLiteral("pattern"), Type::String, QStringLiteral("Pattern"), true),
                option(QStringLiteral("replacement"), Type::String, QStringLiteral("Replacement"),
                    false, QString()),
                option(QStringLiteral("caseSensitive"), Type::Boolean,
                    QStringLiteral("Case-sensitive"), false, true)}},
        {QStringLiteral("regexExtract"), QStringLiteral("Regex extract"),
            QStringLiteral("Keeps the part of the value a regular expression's group matches "
                           "(the first group, or the whole match when it has none)."),
            {option(QStringLiteral("pattern"), Type::String, QStringLiteral("Pattern"), true),
                option(QStringLiteral("group"), Type::Integer, QStringLiteral("Group"), false),
                option(QStringLiteral("onNoMatch"), Type::Choice,
                    QStringLiteral("When it does not match"), false, QStringLiteral("empty"),
                    {QStringLiteral("empty"), QStringLiteral("error")})}},
    };
}

StepFunction compileTextStep(
    const QString& op, const Options& options, const QStringList& sources, QString* problem)
{
    if (op == u"trim")
        return eachValue([](const QString& value, QString*) { return value.trimmed(); });
    if (op == u"collapseSpaces")
        return eachValue([](const QString& value, QString*) { return value.simplified(); });
    if (op == u"lowerCase")
        return eachValue([](const QString& value, QString*) { return value.toLower(); });
    if (op == u"upperCase")
        return eachValue([](const QString& value, QString*) { return value.toUpper(); });
    if (op == u"titleCase")
        return eachValue([](const QString& value, QString*) { return titleCase(value); });
    if (op == u"splitName") {
        const QString part = options.string(QStringLiteral("part"));
        return eachValue([part](const QString& value, QString*) { return splitName(value, part); });
    }
    if (op == u"join") {
        const QString separator = options.string(QStringLiteral("separator"));
        return [separator](Lanes& lanes, const TransformInput&) -> QString {
            QStringList parts;
            for (const QStringList& lane : std::as_const(lanes)) {
                for (const QString& value : lane) {
                    if (!value.isEmpty())
                        parts.append(value);
                }
            }
            lanes = Lanes {QStringList {parts.join(separator)}};
            return {};
        };
    }
    if (op == u"template") {
        const QList<TemplatePiece> pieces
            = parseTemplate(options.string(QStringLiteral("template")), sources, problem);
        if (!problem->isEmpty())
            return {};
        return [pieces](Lanes& lanes, const TransformInput&) -> QString {
            QString out;
            for (const TemplatePiece& piece : pieces)
                out += piece.lane < 0 ? piece.literal : firstNonEmpty(lanes.value(piece.lane));
            lanes = Lanes {QStringList {out.trimmed()}};
            return {};
        };
    }
    if (op == u"constant") {
        const QString value = options.string(QStringLiteral("value"));
        return [value](Lanes& lanes, const TransformInput&) -> QString {
            lanes = Lanes {QStringList {value}};
            return {};
        };
    }
    if (op == u"defaultWhenEmpty") {
        const QString value = options.string(QStringLiteral("value"));
        return [value](Lanes& lanes, const TransformInput&) -> QString {
            for (QStringList& lane : lanes) {
                if (firstNonEmpty(lane).isEmpty())
                    lane = QStringList {value};
            }
            return {};
        };
    }
    if (op == u"valueMap")
        return valueMapStep(options);
    if (op == u"splitList")
        return splitListStep(options, problem);
    if (op == u"regexReplace") {
        QRegularExpression regex(options.string(QStringLiteral("pattern")));
        if (!options.boolean(QStringLiteral("caseSensitive")))
            regex.setPatternOptions(QRegularExpression::CaseInsensitiveOption);
        if (!regex.isValid()) {
            *problem = regexProblem(regex);
            return {};
        }
        const QString replacement = options.string(QStringLiteral("replacement"));
        return eachValue([regex, replacement](const QString& value, QString*) {
            return QString(value).replace(regex, replacement);
        });
    }
    if (op == u"regexExtract")
        return regexExtractStep(options, problem);
    return {};
}

} // namespace ContactDesk::Mapping::Detail
