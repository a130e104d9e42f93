#pragma once

#include "api/apiclient.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "common/clock.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>

#include <memory>

// A contactdesk-sandbox process on 127.0.0.1 (the reference tools, run as processes, need a
// server that answers while the test waits for them) and a real ApiClient on it.
namespace ContactDesk::Testing {

class StandaloneSandbox
{
public:
    StandaloneSandbox();
    ~StandaloneSandbox();

    // Empty when the sandbox runs, with `seedContacts` demo contacts; otherwise why not.
    QString start(int seedContacts);

    QString baseUrl() const { return m_info.value(QStringLiteral("baseUrl")).toString(); }
    QString token() const
    {
        return m_info.value(QStringLiteral("privateIntegrationToken")).toString();
    }
    QString locationId() const { return m_info.value(QStringLiteral("locationId")).toString(); }
    QString companyId() const { return m_info.value(QStringLiteral("companyId")).toString(); }
    Api::ApiClient& client() { return *m_client; }

    // One call through the client, waited for; the answer (empty on failure) and its status.
    QJsonObject call(const QString& operationId, Api::RequestSpec spec, int* status = nullptr);
    // The first record's id of a list answer: call(operationId, spec)[listKey][0].id.
    QString firstId(const QString& operationId, Api::RequestSpec spec, const QString& listKey);

private:
    QProcess m_process;
    QJsonObject m_info;
    SystemClock m_clock;
    QNetworkAccessManager m_network;
    std::unique_ptr<Api::StaticTokenProvider> m_tokens;
    std::unique_ptr<Api::RateBudget> m_budget;
    std::unique_ptr<Api::ApiClient> m_client;
};

} // namespace ContactDesk::Testing
