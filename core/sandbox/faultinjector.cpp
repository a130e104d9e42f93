#include "sandbox/faultinjector.h"

namespace ContactDesk::Sandbox {

namespace {

struct KindName
{
    FaultKind kind;
    QLatin1StringView name;
};

constexpr KindName kindNames[] = {
    {FaultKind::Status, QLatin1StringView("status")},
    {FaultKind::Latency, QLatin1StringView("latency")},
    {FaultKind::Drop, QLatin1StringView("drop")},
    {FaultKind::DropAfterCommit, QLatin1StringView("drop-after-commit")},
    {FaultKind::MalformedJson, QLatin1StringView("malformed-json")},
    {FaultKind::HtmlError, QLatin1StringView("html-error")},
    {FaultKind::ExpireTokens, QLatin1StringView("expire-tokens")},
    {FaultKind::RevokeRefreshTokens, QLatin1StringView("revoke-refresh-tokens")},
    {FaultKind::IndexLag, QLatin1StringView("index-lag")},
};

QString trimSlash(const QString& path)
{
    return path.size() > 1 && path.endsWith(u'/') ? path.chopped(1) : path;
}

} // namespace

QJsonObject FaultRule::toJson() const
{
    QString kindName;
    for (const KindName& k : kindNames) {
        if (k.kind == kind)
            kindName = k.name;
    }
    return {{QStringLiteral("method"), QString::fromLatin1(method)}, {QStringLiteral("path"), path},
        {QStringLiteral("kind"), kindName}, {QStringLiteral("status"), status},
        {QStringLiteral("latencyMs"), latencyMs}, {QStringLiteral("probability"), probability},
        {QStringLiteral("count"), remaining}};
}

QString FaultInjector::add(const QJsonObject& json)
{
    FaultRule rule;
    const QString kind = json.value(QStringLiteral("kind")).toString();
    bool known = false;
    for (const KindName& k : kindNames) {
        if (k.name == kind) {
            rule.kind = k.kind;
            known = true;
        }
    }
    if (!known)
        return QStringLiteral("kind must be one of status, latency, drop, drop-after-commit, "
                              "malformed-json, html-error, expire-tokens, "
                              "revoke-refresh-tokens, index-lag");
    rule.method = json.value(QStringLiteral("method")).toString().toUpper().toLatin1();
    rule.path = json.value(QStringLiteral("path")).toString(QStringLiteral("*"));
    if (!rule.path.startsWith(u'/') && rule.path != QStringLiteral("*"))
        return QStringLiteral("path must start with / or be *");
    rule.status
        = json.value(QStringLiteral("status")).toInt(rule.kind == FaultKind::HtmlError ? 502 : 500);
    if (rule.status < 100 || rule.status > 599)
        return QStringLiteral("status must be an HTTP status code");
    rule.latencyMs = json.value(QStringLiteral("latencyMs")).toInteger(0);
    if (rule.latencyMs < 0 || rule.latencyMs > 600000)
        return QStringLiteral("latencyMs must be between 0 and 600000");
    rule.probability = json.value(QStringLiteral("probability")).toDouble(1.0);
    if (rule.probability < 0 || rule.probability > 1)
        return QStringLiteral("probability must be between 0 and 1");
    rule.remaining = json.value(QStringLiteral("count")).toInt(-1);
    if (rule.remaining == 0 || rule.remaining < -1)
        return QStringLiteral("count must be a positive number (or omitted for no limit)");
    m_rules.append(rule);
    return {};
}

void FaultInjector::clear()
{
    m_rules.clear();
}

bool FaultInjector::remove(qsizetype index)
{
    if (index < 0 || index >= m_rules.size())
        return false;
    m_rules.removeAt(index);
    return true;
}

QJsonArray FaultInjector::toJson() const
{
    QJsonArray rules;
    for (const FaultRule& rule : m_rules)
        rules.append(rule.toJson());
    return rules;
}

std::optional<FaultRule> FaultInjector::take(
    QByteArrayView method, const QString& path, QRandomGenerator& random)
{
    const QString target = trimSlash(path);
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        FaultRule& rule = m_rules[i];
        if (!rule.method.isEmpty() && rule.method != method)
            continue;
        const bool matches = rule.path.endsWith(u'*')
            ? target.startsWith(rule.path.chopped(1)) || path.startsWith(rule.path.chopped(1))
            : target == trimSlash(rule.path);
        if (!matches)
            continue;
        if (rule.probability < 1.0 && random.generateDouble() >= rule.probability)
            continue;
        const FaultRule fired = rule;
        if (rule.remaining > 0 && --rule.remaining == 0)
            m_rules.removeAt(i);
        return fired;
    }
    return std::nullopt;
}

} // namespace ContactDesk::Sandbox
