#pragma once

#include "webhooks/highlevelreceiver.h"
#include "webhooks/highlevelsignature.h"
#include "webhooks/webhookreceipt.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Api {
class ContactsApi;
}

namespace ContactDesk::Automation {
class EventReceiver;
}

namespace ContactDesk::Sync {
class Workspace;
}

namespace ContactDesk::Webhooks {

class WebhookApplier;
class WebhookLedger;

// What the intake has seen since it was made, for a status line or the Webhooks tab.
struct WebhookIntakeSummary
{
    int received = 0; // every request answered on /hooks/highlevel
    int accepted = 0; // stored in the ledger (200 "accepted")
    int rejected = 0; // answered 4xx or 5xx (bad signature, outside the window, no key, busy)
    int ignored = 0; // answered 200 without storing (another location or app, a duplicate)
    int applied = 0; // ledger entries the applier brought into the cache
    int pending = 0; // stored, not applied yet (the ledger's count when summary() was asked)
    qint64 lastDeliveryMs = 0; // the clock's time of the last request, 0 when none yet
    int lastStatus = 0;
    QString lastType; // the payload's type, empty when it could not be read
    QString lastReason;
};

// Where the verification keys come from.
enum class WebhookKeySource
{
    None, // nothing configured: every delivery is refused with keyProblem()
    Sandbox, // the sandbox's own key pairs, read from GET /__sandbox/info
    Files, // HighLevel's official public keys, from PEM files
    Given, // a verifier handed in (tests, embedders)
};

// HighLevel's webhooks for one workspace, composed: the verifier, the durable ledger in the
// workspace's database, the applier (its own ContactsApi on the workspace's client, cause
// Webhook, Background priority) and the /hooks/highlevel route. Entries still pending in the
// ledger (received before a restart) are applied as soon as the intake exists.
//
// The replay window is judged by `clock` (the sandbox's clock when it runs beside it). With no
// key configured the route answers 503 with keyProblem() instead of verifying nothing.
class WebhookIntake : public QObject
{
    Q_OBJECT

public:
    // `workspace` must be open and outlive the intake. The policy's locationId defaults to the
    // workspace client's location.
    WebhookIntake(Sync::Workspace& workspace, const Clock& clock,
        HighLevelReceiverOptions options = {}, QObject* parent = nullptr);
    ~WebhookIntake() override;

    // Production: HighLevel's public keys from PEM files (either path may be empty, not both).
    // False with *error naming the file when one does not load; the previous keys stay.
    bool useKeyFiles(
        const QString& rsaPemPath, const QString& ed25519PemPath, QString* error = nullptr);
    void useVerifier(const HighLevelVerifier& verifier, WebhookKeySource source);
    // Forgets the keys: deliveries are refused until keys are set again.
    void clearKeys();
    bool hasKey() const { return m_verifier.hasKey(); }
    WebhookKeySource keySource() const { return m_keySource; }
    // The user text answered while there is no key: names how to configure one. The default
    // speaks of the settings; serve replaces it with its option (setKeyHint()).
    QString keyProblem() const;
    // How to configure a key, appended to the refusal ("pass --webhook-public-key FILE").
    void setKeyHint(const QString& hint) { m_keyHint = hint; }

    // The sandbox at `sandboxBaseUrl` (its admin key for the control API): its public keys from
    // GET /__sandbox/info (`webhookPublicKeys` {rsa, ed25519}), then PUT /__sandbox/webhooks
    // {"url": receiverUrl + "/hooks/highlevel"} so that it delivers its changes here. `done`
    // gets an empty text once both are done, else what failed (user text); the keys are in use
    // as soon as the first call answered. `network` must outlive the link's two requests.
    void linkSandbox(QNetworkAccessManager& network, const QUrl& sandboxBaseUrl,
        const QString& adminKey, const QUrl& receiverUrl,
        std::function<void(const QString& error)> done = {});
    // The sandbox sends a signed ContactUpdate of its newest contact to where it delivers
    // (POST /__sandbox/webhooks/test). `done` gets the webhookId it sent, or an error (user text).
    void sendSandboxTestWebhook(QNetworkAccessManager& network, const QUrl& sandboxBaseUrl,
        const QString& adminKey,
        std::function<void(const QString& webhookId, const QString& error)> done);
    // Where the sandbox was told to deliver, empty before linkSandbox() succeeded.
    QUrl linkedUrl() const { return m_linkedUrl; }

    // Adds /hooks/highlevel to `receiver` (the server of Your App's events), replacing a route
    // already there. False when the receiver refuses it.
    bool install(Automation::EventReceiver& receiver);
    // One delivery, as install()'s route hands it over (tests, other transports).
    Automation::RouteAnswer receive(
        const QList<QPair<QByteArray, QByteArray>>& headers, const QByteArray& rawBody);
    // Applies what the ledger holds pending (done at construction; safe to call often).
    void applyPending();
    bool isIdle() const;

    WebhookIntakeSummary summary() const;
    WebhookLedger& ledger() { return *m_ledger; }
    WebhookApplier& applier() { return *m_applier; }
    HighLevelReceiver& highLevelReceiver() { return *m_receiver; }
    const HighLevelReceiverOptions& options() const { return m_options; }

Q_SIGNALS:
    // Each delivery answered: its status, the payload type (empty when unreadable) and why.
    void received(int status, const QString& type, const QString& reason);
    // Each ledger entry done by the applier: "applied", "ignored" or "failed" and why.
    void applied(const QString& webhookId, const QString& status, const QString& reason);
    // summary() changed (after received() and applied(), and when the keys change).
    void summaryChanged();
    // The sandbox link finished: `error` empty when the sandbox delivers here now.
    void sandboxLinked(const QString& error);

private:
    // `state` is the answer's "status": accepted, ignored, duplicate, refused, busy.
    void count(int status, const QString& state, const QString& type, const QString& reason);

    Sync::Workspace& m_workspace;
    const Clock& m_clock;
    HighLevelReceiverOptions m_options;
    HighLevelVerifier m_verifier;
    WebhookKeySource m_keySource = WebhookKeySource::None;
    QString m_keyHint;
    QUrl m_linkedUrl;
    std::unique_ptr<Api::ContactsApi> m_contacts;
    std::unique_ptr<WebhookLedger> m_ledger;
    std::unique_ptr<WebhookApplier> m_applier;
    std::unique_ptr<HighLevelReceiver> m_receiver;
    WebhookIntakeSummary m_summary;
    QString m_answeredType;
    // Bumped by every linkSandbox() and clearKeys(), so a late answer of an older link is
    // ignored.
    int m_linkGeneration = 0;
};

QString webhookKeySourceName(WebhookKeySource source);

} // namespace ContactDesk::Webhooks
