// A change made on the sandbox by another user (control API PATCH) -> the webhook -> verified,
// stored, applied -> visible in the contact list model the desktop app shows: 200 changes, one
// after the other, timed from the PATCH to the model's cell holding the new value.
// Usage: bench_webhooklive SANDBOX_EXE [CHANGES]
#include "automation/eventreceiver.h"
#include "automation/inbox.h"
#include "benchworkspace.h"
#include "ui/contacts/contactlistmodel.h"
#include "webhooks/webhookintake.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>

using namespace ContactDesk;
using BenchWorkspace::die;
using BenchWorkspace::report;

namespace {

// The model's Company cell of `id` holds `value`, or `timeoutMs` passed.
bool waitForCell(
    Ui::ContactListModel& model, const QString& id, const QString& value, int timeoutMs)
{
    const auto shows = [&] {
        return model.indexForContactId(id, Ui::ContactListModel::Company).data().toString()
            == value;
    };
    if (shows())
        return true;
    QEventLoop loop;
    const auto check = [&] {
        if (shows())
            loop.quit();
    };
    QObject::connect(&model, &QAbstractItemModel::dataChanged, &loop, check);
    QObject::connect(&model, &QAbstractItemModel::modelReset, &loop, check);
    QObject::connect(&model, &QAbstractItemModel::rowsInserted, &loop, check);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return shows();
}

double percentile(QList<double> sorted, double p)
{
    const qsizetype index
        = std::min<qsizetype>(sorted.size() - 1, qsizetype(p * double(sorted.size() - 1) + 0.5));
    return sorted.at(index);
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    BenchWorkspace::benchName = "webhooklive";
    const QStringList args = app.arguments();
    if (args.size() < 2)
        die(QStringLiteral("usage: bench_webhooklive SANDBOX_EXE [CHANGES]"));
    const int changes = args.size() > 2 ? args.at(2).toInt() : 200;
    if (changes <= 0)
        die(QStringLiteral("CHANGES must be a positive number"));

    BenchWorkspace::Sandbox sandbox(args.at(1), 200);
    BenchWorkspace::Session session(sandbox.info, 4);
    session.sync();
    Sync::Workspace& workspace = *session.workspace;

    Automation::Inbox inbox(workspace.database(), session.clock);
    Automation::EventReceiver receiver(inbox, session.clock);
    Webhooks::WebhookIntake intake(workspace, session.clock);
    if (!intake.install(receiver))
        die(QStringLiteral("the receiver refused /hooks/highlevel"));
    QString error;
    if (!receiver.listen({}, &error))
        die(error);
    const QUrl sandboxUrl(sandbox.info.value(QStringLiteral("baseUrl")).toString());
    const QString adminKey = sandbox.info.value(QStringLiteral("adminKey")).toString();
    QString linkError = QStringLiteral("no answer");
    {
        QEventLoop loop;
        intake.linkSandbox(
            session.network, sandboxUrl, adminKey, receiver.url(), [&](const QString& failure) {
                linkError = failure;
                loop.quit();
            });
        loop.exec();
    }
    if (!linkError.isEmpty())
        die(linkError);

    Ui::ContactListModel model(workspace.database());
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.contactIdAt(row));
    if (ids.isEmpty())
        die(QStringLiteral("the list is empty after the sync"));

    QList<double> latencies;
    for (int i = 0; i < changes; ++i) {
        const QString& id = ids.at(i % ids.size());
        const QString value = QStringLiteral("Live Change %1").arg(i);
        QNetworkRequest request(
            QUrl(sandboxUrl.toString() + QStringLiteral("/__sandbox/contacts/") + id));
        request.setRawHeader("X-Sandbox-Admin-Key", adminKey.toUtf8());
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QElapsedTimer timer;
        timer.start();
        QNetworkReply* reply = session.network.sendCustomRequest(request, "PATCH",
            QJsonDocument(QJsonObject {{QStringLiteral("companyName"), value}})
                .toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        if (!waitForCell(model, id, value, 10000))
            die(QStringLiteral("change %1 did not reach the model within 10 s").arg(i));
        latencies.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(latencies.begin(), latencies.end());
    report("change_to_model_p50_ms", percentile(latencies, 0.50), "ms", "");
    report("change_to_model_p95_ms", percentile(latencies, 0.95), "ms", "< 1000");
    report("change_to_model_max_ms", latencies.last(), "ms", "");
    const Webhooks::WebhookIntakeSummary summary = intake.summary();
    report("webhooks_accepted", summary.accepted, "count", "");
    report("webhooks_rejected", summary.rejected, "count", "0");
    return percentile(latencies, 0.95) < 1000 ? 0 : 1;
}
