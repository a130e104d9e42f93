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
    {FaultKind::Duplicate, QLatin1StringView("duplicate")},
    {FaultKind::OutOfOrder, QLatin1StringView("out-of-order")},
    {FaultKind::BadSignature, QLatin1StringView("bad-signature")},
};

bool webhookKind(FaultKind kind)
{
    return kind == FaultKind::Drop || kind == FaultKind::Latency || kind == FaultKind::Duplicate
        || kind == FaultKind::OutOfOrder || kind == FaultKind::BadSignature;
}

bool webhookOnly(FaultKind kind)
{
    return kind == FaultKind::Duplicate || kind == FaultKind::OutOfOrder
        || kind == FaultKind::BadSignature;
}

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
    QJsonObject json {{QStringLiteral("kind"), kindName}, {QStringLiteral("status"), status},
        {QStringLiteral("latencyMs"), latencyMs}, {QStringLiteral("probability"), probability},
        {QStringLiteral("count"), remaining}};
    if (target == FaultTarget::Webhook) {
        json.insert(QStringLiteral("target"), QStringLiteral("webhook"));
        json.insert(QStringLiteral("event"), path);
    } else {
        json.insert(QStringLiteral("method"), QString::fromLatin1(method));
        json.insert(QStringLiteral("path"), path);
    }
    return json;
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
                              "revoke-refresh-tokens, index-lag (requests) or drop, latency, "
                              "duplicate, out-of-order, bad-signature (webhooks)");
    const QString target = json.value(QStringLiteral("target")).toString(QStringLiteral("api"));
    if (target == QStringLiteral("webhook")) {
        rule.target = FaultTarget::Webhook;
        if (!webhookKind(rule.kind))
            return QStringLiteral("a webhook fault's kind must be one of drop, latency, "
                                  "duplicate, out-of-order, bad-signature");
        rule.path = json.value(QStringLiteral("event")).toString(QStringLiteral("*"));
        if (rule.path.isEmpty())
            return QStringLiteral("event must be a webhook type (ContactUpdate, ...) or *");
    } else if (target == QStringLiteral("api")) {
        if (webhookOnly(rule.kind))
            return QStringLiteral("kind %1 needs \"target\": \"webhook\"").arg(kind);
        rule.method = json.value(QStringLiteral("method")).toString().toUpper().toLatin1();
        rule.path = json.value(QStringLiteral("path")).toString(QStringLiteral("*"));
        if (!rule.path.startsWith(u'/') && rule.path != QStringLiteral("*"))
            return QStringLiteral("path must start with / or be *");
    } else {
        return QStringLiteral("target must be api or webhook");
    }
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
    QByteArrayView method, const QString& path, QRandomGenerator& random, FaultTarget kind)
{
    const QString target = trimSlash(path);
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        FaultRule& rule = m_rules[i];
        if (rule.target != kind)
            continue;
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
