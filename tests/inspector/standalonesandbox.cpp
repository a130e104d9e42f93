#include "standalonesandbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QObject>
#include <QTest>

namespace ContactDesk::Testing {

namespace {
constexpr int waitMs = 20000;
} // namespace

StandaloneSandbox::StandaloneSandbox() = default;

StandaloneSandbox::~StandaloneSandbox()
{
    m_client.reset();
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        m_process.waitForFinished(waitMs);
    }
}

QString StandaloneSandbox::start(int seedContacts)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(QStringLiteral(CONTACTDESK_SANDBOX_EXE),
        {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed-contacts"),
            QString::number(seedContacts), QStringLiteral("--seed"), QStringLiteral("7")});
    if (!m_process.waitForReadyRead(waitMs))
        return QStringLiteral("contactdesk-sandbox did not start: %1").arg(m_process.errorString());
    m_info = QJsonDocument::fromJson(m_process.readLine()).object();
    if (m_info.isEmpty())
        return QStringLiteral("contactdesk-sandbox printed no connection info");
    m_network.setProxy(QNetworkProxy::NoProxy);
    m_tokens = std::make_unique<Api::StaticTokenProvider>(token());
    m_budget = std::make_unique<Api::RateBudget>(m_clock);
    Api::ApiConfig config;
    config.baseUrl = QUrl(baseUrl());
    config.locationId = locationId();
    config.companyId = companyId();
    m_client = std::make_unique<Api::ApiClient>(m_network, *m_tokens, *m_budget, m_clock, config);
    return {};
}

QJsonObject StandaloneSandbox::call(const QString& operationId, Api::RequestSpec spec, int* status)
{
    QJsonObject result;
    bool done = false;
    QObject context;
    Api::ApiJob* job = m_client->call(operationId, std::move(spec));
    job->onFinished(&context, [&](Api::ApiJob& finished) {
        result = finished.result();
        if (status)
            *status = finished.httpStatus();
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, waitMs))
        qWarning() << operationId << "did not finish";
    return result;
}

QString StandaloneSandbox::firstId(
    const QString& operationId, Api::RequestSpec spec, const QString& listKey)
{
    return call(operationId, std::move(spec))
        .value(listKey)
        .toArray()
        .first()
        .toObject()
        .value(QStringLiteral("id"))
        .toString();
}

} // namespace ContactDesk::Testing
