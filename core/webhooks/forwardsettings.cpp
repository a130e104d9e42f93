#include "webhooks/forwardsettings.h"

#include "auth/connection.h"
#include "automation/signingsecret.h"

#include <QCoreApplication>
#include <QSettings>
#include <QUrl>

namespace ContactDesk::Webhooks {

namespace {

QString key(const QString& connectionId, const char* name)
{
    return QStringLiteral("automation/") + connectionId + u'/' + QLatin1StringView(name);
}

} // namespace

ForwardConfig readForwardConfig(const QSettings& settings, const QString& connectionId)
{
    ForwardConfig config;
    config.enabled = settings.value(key(connectionId, "forwardEnabled"), false).toBool();
    config.url = settings.value(key(connectionId, "forwardUrl")).toString().trimmed();
    const QVariant types = settings.value(key(connectionId, "forwardEvents"));
    // Never saved: every type; saved empty: none.
    const QStringList chosen = types.isValid() ? types.toStringList() : forwardEventTypes();
    for (const QString& type : chosen) {
        if (forwardEventTypes().contains(type))
            config.types.insert(type);
    }
    return config;
}

void writeForwardConfig(
    QSettings& settings, const QString& connectionId, const ForwardConfig& config)
{
    settings.setValue(key(connectionId, "forwardEnabled"), config.enabled);
    settings.setValue(key(connectionId, "forwardUrl"), config.url.trimmed());
    QStringList types;
    for (const QString& type : forwardEventTypes()) {
        if (config.types.contains(type))
            types.append(type);
    }
    settings.setValue(key(connectionId, "forwardEvents"), types);
}

QString checkForwardUrl(const QString& url)
{
    const QUrl parsed(url.trimmed(), QUrl::StrictMode);
    if (url.trimmed().isEmpty())
        return QCoreApplication::translate("ForwardSettings", "Enter Your App's URL.");
    if (!parsed.isValid()
        || (parsed.scheme() != QLatin1StringView("https")
            && parsed.scheme() != QLatin1StringView("http")))
        return QCoreApplication::translate(
            "ForwardSettings", "%1 is not an http:// or https:// URL.")
            .arg(url.trimmed());
    if (parsed.host().isEmpty())
        return QCoreApplication::translate("ForwardSettings", "%1 names no host.")
            .arg(url.trimmed());
    if (!parsed.userInfo().isEmpty())
        return QCoreApplication::translate("ForwardSettings",
            "%1 carries a user name or password; Your App checks the signature instead.")
            .arg(parsed.toDisplayString(QUrl::RemoveUserInfo));
    // The events carry contacts' data: in clear only to this machine.
    if (parsed.scheme() == QLatin1StringView("http") && !Auth::isLoopbackHost(parsed.host()))
        return QCoreApplication::translate("ForwardSettings",
            "%1 uses plain http to another machine, which would send contacts' data "
            "unencrypted. Use https (plain http only to 127.0.0.1 or localhost).")
            .arg(url.trimmed());
    return {};
}

QString forwardSecretAccount(const QString& connectionId)
{
    return connectionId + QStringLiteral("/forward");
}

void ensureForwardSecret(Auth::SecretStore& store, const QString& connectionId,
    std::function<void(const QString& secret, bool created, const QString& error)> done)
{
    Automation::ensureStoredSigningSecret(
        store, forwardSecretAccount(connectionId), std::move(done));
}

void rotateForwardSecret(Auth::SecretStore& store, const QString& connectionId,
    std::function<void(const QString& secret, bool created, const QString& error)> done)
{
    Automation::rotateStoredSigningSecret(
        store, forwardSecretAccount(connectionId), std::move(done));
}

} // namespace ContactDesk::Webhooks
