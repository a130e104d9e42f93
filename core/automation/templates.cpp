#include "automation/templates.h"

#include "automation/appevent.h"
#include "mapping/jsonsource.h"

#include <QCoreApplication>

namespace ContactDesk::Automation {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ContactDesk::Automation::RuleSet", text);
}

const QLatin1StringView open("{{");
const QLatin1StringView close("}}");
const QLatin1StringView changesName("changes");

bool isPath(const QString& name)
{
    return name == QLatin1StringView("type") || name.startsWith(QLatin1StringView("data."))
        || name.startsWith(QLatin1StringView("data["));
}

} // namespace

Mapping::Record eventRecord(const AppEvent& event)
{
    Mapping::Record record;
    record.number = 1;
    record.line = 1;
    Mapping::flattenJson(
        QJsonObject {{QStringLiteral("type"), event.type}, {QStringLiteral("data"), event.data}},
        QString(), &record.fields);
    return record;
}

QString renderTemplate(const QString& text, const Mapping::Record& record, const QString& changes)
{
    QString out;
    qsizetype at = 0;
    while (at < text.size()) {
        const qsizetype start = text.indexOf(open, at);
        const qsizetype end = start < 0 ? -1 : text.indexOf(close, start + open.size());
        if (start < 0 || end < 0) {
            out += QStringView(text).mid(at);
            break;
        }
        out += QStringView(text).mid(at, start - at);
        const QString name = text.mid(start + open.size(), end - start - open.size()).trimmed();
        if (name == changesName)
            out += changes;
        else
            out += record.values(name).join(QStringLiteral(", "));
        at = end + close.size();
    }
    return out;
}

QStringList templateProblems(const QString& text)
{
    QStringList problems;
    qsizetype at = 0;
    while (at < text.size()) {
        const qsizetype start = text.indexOf(open, at);
        if (start < 0)
            break;
        const qsizetype end = text.indexOf(close, start + open.size());
        if (end < 0) {
            problems.append(
                tr("\"{{\" at character %1 is never closed with \"}}\"").arg(start + 1));
            break;
        }
        const QString name = text.mid(start + open.size(), end - start - open.size()).trimmed();
        if (name.isEmpty())
            problems.append(tr("an empty placeholder {{}}"));
        else if (name != changesName && !isPath(name))
            problems.append(tr("unknown placeholder {{%1}}: use {{changes}} or a path into the "
                               "event such as {{data.firstName}}")
                                .arg(name));
        at = end + close.size();
    }
    return problems;
}

} // namespace ContactDesk::Automation
