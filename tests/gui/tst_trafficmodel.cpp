// The inspector's traffic table under a stream of exchanges: exact row signals while the log's
// cap drops the oldest, the filters, pause/resume, and no token in the clipboard or an export.
#include "inspector/exchangeexport.h"
#include "inspector/trafficlog.h"
#include "ui/inspector/exchangedetail.h"
#include "ui/inspector/jsonbodyview.h"
#include "ui/inspector/trafficfilter.h"
#include "ui/inspector/trafficmodel.h"
#include "ui/inspector/trafficpane.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace ContactDesk;
using Inspector::TrafficLog;
using Ui::TrafficFilter;
using Ui::TrafficModel;

namespace {

const QByteArray secretToken = "pit-5ecret-token-0123456789abcdef";

Api::ApiExchange exchange(
    int n, int status = 200, Api::RequestCause cause = Api::RequestCause::Sync)
{
    Api::ApiExchange x;
    x.operationId = status == 404 ? QStringLiteral("get-contact") : QStringLiteral("get-contacts");
    x.method = "GET";
    x.url = QUrl(status == 404 ? QStringLiteral("http://127.0.0.1:4010/contacts/missing-%1").arg(n)
                               : QStringLiteral("http://127.0.0.1:4010/contacts/?limit=%1").arg(n));
    x.attempt = 1;
    x.cause = cause;
    x.status = status;
    if (status == 0)
        x.transportError = QStringLiteral("Connection refused");
    x.startedAtMs = 1'796'000'000'000 + n;
    x.durationMs = 12;
    x.requestHeaders = {{"Version", "2021-07-28"}, {"Accept", "application/json"}};
    x.responseHeaders = {{"Content-Type", "application/json"}, {"X-RateLimit-Remaining", "99"}};
    x.responseBody = status == 404
        ? QByteArray(R"({"statusCode":404,"message":"Contact not found"})")
        : QByteArray(R"({"contacts":[{"id":"c1","firstName":"Ada"}],"meta":{"total":1}})");
    return x;
}

// An exchange as a careless source might hand it over: the bearer token in plain text.
Api::ApiExchange withToken(int n)
{
    Api::ApiExchange x = exchange(n);
    x.method = "POST";
    x.operationId = QStringLiteral("create-contact");
    x.url = QUrl(QStringLiteral("http://127.0.0.1:4010/contacts/"));
    x.requestHeaders.append(qMakePair(QByteArray("Authorization"), "Bearer " + secretToken));
    x.requestHeaders.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    x.requestBody = R"({"firstName":"Grace","locationId":"loc1"})";
    x.status = 201;
    return x;
}

bool waitRows(const QAbstractItemModel& model, int rows)
{
    return QTest::qWaitFor([&] { return model.rowCount() == rows; }, 5000);
}

} // namespace

class TestTrafficModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streamKeepsTheNewestUnderTheCap()
    {
        TrafficLog log({1000, 64 * 1024});
        TrafficModel model(log);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        // 2,500 exchanges in bursts, the event loop turning between them as in the app.
        for (int n = 1; n <= 2500; ++n) {
            log.add(QStringLiteral("Built-in sandbox"), QStringLiteral("sandbox"), exchange(n));
            if (n % 50 == 0)
                QTest::qWait(1);
        }
        QVERIFY(waitRows(model, 1000));
        QTRY_COMPARE(model.index(999, 0).data(TrafficModel::SerialRole).toLongLong(), 2500);
        QCOMPARE(model.index(0, 0).data(TrafficModel::SerialRole).toLongLong(), 1501);
        QCOMPARE(model.index(999, TrafficModel::Path).data().toString(),
            QStringLiteral("/contacts/?limit=2500"));
        QVERIFY(!removed.isEmpty());
        // Batched: far fewer row signals than exchanges.
        QVERIFY2(inserted.size() < 500, qPrintable(QString::number(inserted.size())));
        for (int row = 0; row < model.rowCount(); row += 97)
            QCOMPARE(model.entryAt(row)->serial, 1501 + row);
    }

    void columnsShowWhatAUserReads()
    {
        TrafficLog log;
        TrafficModel model(log);
        log.add(QStringLiteral("Built-in sandbox"), QStringLiteral("sandbox"), exchange(7, 404));
        log.add(QStringLiteral("Acme (production)"), QStringLiteral("production"),
            exchange(8, 0, Api::RequestCause::Outbox));
        QVERIFY(waitRows(model, 2));
        QCOMPARE(model.index(0, TrafficModel::Operation).data().toString(),
            QStringLiteral("get-contact"));
        QCOMPARE(model.index(0, TrafficModel::Status).data().toString(), QStringLiteral("404"));
        QCOMPARE(model.index(0, TrafficModel::Connection).data().toString(),
            QStringLiteral("Built-in sandbox"));
        QCOMPARE(model.index(0, TrafficModel::Duration).data().toString(), QStringLiteral("12 ms"));
        QCOMPARE(model.index(0, TrafficModel::Cause).data().toString(), QStringLiteral("sync"));
        QCOMPARE(model.index(1, TrafficModel::Status).data().toString(), QStringLiteral("failed"));
        QCOMPARE(model.index(1, TrafficModel::Cause).data().toString(), QStringLiteral("outbox"));
        QCOMPARE(model.index(1, TrafficModel::Status).data(Qt::ToolTipRole).toString(),
            QStringLiteral("Connection refused"));
    }

    void filtersByStatusTextOperationConnectionAndCause()
    {
        TrafficLog log;
        TrafficModel model(log);
        TrafficFilter filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int n = 1; n <= 300; ++n) {
            const int status = n % 10 == 0 ? 404 : n % 25 == 0 ? 503 : n % 33 == 0 ? 0 : 200;
            const Api::RequestCause cause
                = n % 3 == 0 ? Api::RequestCause::Outbox : Api::RequestCause::Sync;
            log.add(n % 2 ? QStringLiteral("Built-in sandbox") : QStringLiteral("Staging"),
                QStringLiteral("sandbox"), exchange(n, status, cause));
        }
        QVERIFY(waitRows(filter, 300));
        filter.setStatusClass(QStringLiteral("4xx"));
        QCOMPARE(filter.rowCount(), 30);
        filter.setStatusClass(QStringLiteral("errors"));
        // 30 404s (multiples of 10), 6 503s (25, 75, ... 275), 9 failures (33, 66, ... 297).
        QCOMPARE(filter.rowCount(), 30 + 6 + 9);
        filter.setStatusClass(QStringLiteral("failed"));
        QCOMPARE(filter.rowCount(), 9);
        filter.setStatusClass({});
        filter.setOperation(QStringLiteral("get-contact"));
        QCOMPARE(filter.rowCount(), 30);
        filter.setConnection(QStringLiteral("Staging"));
        QCOMPARE(filter.rowCount(), 30); // every 404 is even
        filter.setCause(QStringLiteral("outbox"));
        QCOMPARE(filter.rowCount(), 10); // multiples of 30
        filter.setOperation({});
        filter.setConnection({});
        filter.setCause({});
        filter.setText(QStringLiteral("MISSING-120"));
        QCOMPARE(filter.rowCount(), 1);
        filter.setText(QStringLiteral("limit=7 sync"));
        QVERIFY(filter.rowCount() >= 1);
        for (int row = 0; row < filter.rowCount(); ++row)
            QVERIFY(filter.index(row, TrafficModel::Path)
                        .data()
                        .toString()
                        .contains(QLatin1String("limit=7")));
        // New rows pass through the filter as they arrive.
        filter.setText({});
        filter.setStatusClass(QStringLiteral("5xx"));
        const int before = filter.rowCount();
        log.add(QStringLiteral("Built-in sandbox"), QStringLiteral("sandbox"), exchange(999, 503));
        log.add(QStringLiteral("Built-in sandbox"), QStringLiteral("sandbox"), exchange(1000, 200));
        QVERIFY(waitRows(filter, before + 1));
        QCOMPARE(filter.serials().size(), before + 1);
    }

    void clearEmptiesTheTable()
    {
        TrafficLog log;
        TrafficModel model(log);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int n = 1; n <= 20; ++n)
            log.add(QStringLiteral("Built-in sandbox"), QStringLiteral("sandbox"), exchange(n));
        QVERIFY(waitRows(model, 20));
        log.clear();
        QVERIFY(waitRows(model, 0));
        log.add(QStringLiteral("Built-in sandbox"), QStringLiteral("sandbox"), exchange(21));
        QVERIFY(waitRows(model, 1));
        QCOMPARE(model.index(0, TrafficModel::Path).data().toString(),
            QStringLiteral("/contacts/?limit=21"));
    }

    void pausedStopsFollowingAndCounts()
    {
        TrafficLog log;
        Ui::TrafficPane pane(log);
        pane.resize(900, 500);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        for (int n = 1; n <= 200; ++n)
            log.add(QStringLiteral("Built-in sandbox"), QStringLiteral("sandbox"), exchange(n));
        QVERIFY(waitRows(*pane.filter(), 200));
        QScrollBar* bar = pane.view()->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        QTRY_COMPARE(bar->value(), bar->maximum());

        pane.setPaused(true);
        bar->setValue(0);
        for (int n = 201; n <= 260; ++n)
            log.add(QStringLiteral("Built-in sandbox"), QStringLiteral("sandbox"), exchange(n));
        QVERIFY(waitRows(*pane.filter(), 260));
        QTest::qWait(50);
        QCOMPARE(bar->value(), 0);
        QCOMPARE(pane.arrivedWhilePaused(), 60);
        auto* label = pane.findChild<QLabel*>(QStringLiteral("pausedLabel"));
        QVERIFY(label && label->isVisible());
        QVERIFY2(label->text().contains(QLatin1String("60")), qPrintable(label->text()));

        pane.setPaused(false);
        QTRY_COMPARE(bar->value(), bar->maximum());
        QVERIFY(label->isHidden());
    }

    void streamAtAHundredASecondStaysSmooth()
    {
        TrafficLog log({10000, 64 * 1024});
        Ui::TrafficPane pane(log);
        pane.resize(1000, 600);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        for (int n = 1; n <= 9000; ++n)
            log.add(QStringLiteral("Built-in sandbox"), QStringLiteral("sandbox"), exchange(n));
        QVERIFY(waitRows(*pane.filter(), 9000));
        // 100 exchanges a second for 2 s (one every 10 ms) past the cap; the longest turn of
        // the event loop stays far below a frame's worth of stutter.
        int sent = 0;
        qint64 worstGapMs = 0;
        QElapsedTimer sinceLast;
        QTimer feed;
        feed.setInterval(10);
        connect(&feed, &QTimer::timeout, &pane, [&] {
            if (sinceLast.isValid())
                worstGapMs = std::max(worstGapMs, sinceLast.elapsed());
            sinceLast.start();
            const int n = 9001 + sent++;
            log.add(QStringLiteral("Built-in sandbox"), QStringLiteral("sandbox"),
                exchange(n, n % 7 ? 200 : 404));
            if (sent == 200)
                feed.stop();
        });
        feed.start();
        QTRY_VERIFY_WITH_TIMEOUT(!feed.isActive(), 10000);
        QVERIFY(waitRows(*pane.filter(), 9200));
        QVERIFY2(worstGapMs < 100, qPrintable(QStringLiteral("worst gap %1 ms").arg(worstGapMs)));
    }

    void detailShowsTheErrorAndFoldingJson()
    {
        TrafficLog log;
        log.add(QStringLiteral("Built-in sandbox"), QStringLiteral("sandbox"), exchange(1, 404));
        log.add(QStringLiteral("Built-in sandbox"), QStringLiteral("sandbox"), exchange(2, 200));
        QTRY_COMPARE(log.size(), 2);
        Ui::ExchangeDetail detail;
        detail.setEntry(&log.at(0));
        QVERIFY2(detail.errorText().contains(QLatin1String("Contact not found")),
            qPrintable(detail.errorText()));
        QVERIFY(detail.errorText().contains(QLatin1String("404")));
        QVERIFY(detail.rawText().startsWith(QLatin1String("GET /contacts/missing-1 HTTP/1.1")));
        detail.setEntry(&log.at(1));
        QVERIFY(detail.errorText().isEmpty());
        Ui::JsonBodyView* body = detail.responseBody();
        QVERIFY(body->isJson());
        // Pretty-printed, so the nested name sits on its own line.
        QVERIFY(body->text().contains(QLatin1String("\"firstName\": \"Ada\"")));
        QCOMPARE(body->search(QStringLiteral("ada")), 1);
        body->setTreeShown(true);
        QVERIFY(body->isTreeShown());
        QAbstractItemModel* tree = body->tree()->model();
        const QModelIndex root = tree->index(0, 0);
        QCOMPARE(tree->rowCount(root), 2); // contacts, meta: folding nodes
        QVERIFY(tree->hasChildren(tree->index(0, 0, root)));
    }

    void detailFollowsTheOutcomeOfARetry()
    {
        TrafficLog log;
        Ui::TrafficPane pane(log);
        Api::ApiExchange failed = exchange(1, 503);
        failed.operationId = QStringLiteral("get-contacts");
        failed.url = QUrl(QStringLiteral("http://127.0.0.1:4010/contacts/?limit=1"));
        failed.responseBody = R"({"statusCode":503,"message":"Service Unavailable"})";
        log.add(QStringLiteral("Built-in sandbox"), QStringLiteral("sandbox"), failed);
        QVERIFY(waitRows(*pane.filter(), 1));
        pane.view()->setCurrentIndex(pane.filter()->index(0, 0));
        QVERIFY2(pane.detail()->errorText().contains(QLatin1String("not known yet")),
            qPrintable(pane.detail()->errorText()));
        // The client's second attempt of the same request, 2 s after the first answer.
        Api::ApiExchange retried = exchange(2, 200);
        retried.url = failed.url;
        retried.attempt = 2;
        retried.startedAtMs = failed.startedAtMs + failed.durationMs + 2000;
        log.add(QStringLiteral("Built-in sandbox"), QStringLiteral("sandbox"), retried);
        QTRY_VERIFY2(pane.detail()->errorText().contains(QLatin1String("retried after 2")),
            qPrintable(pane.detail()->errorText()));
        QCOMPARE(pane.model()->index(0, TrafficModel::Status).data(Qt::ToolTipRole).toString(),
            log.at(0).outcome);
    }

    void noTokenInClipboardOrExports()
    {
        TrafficLog log;
        Ui::TrafficPane pane(log);
        log.add(QStringLiteral("Built-in sandbox"), QStringLiteral("sandbox"), withToken(1));
        log.add(QStringLiteral("Built-in sandbox"), QStringLiteral("sandbox"), exchange(2, 404));
        QVERIFY(waitRows(*pane.filter(), 2));
        pane.view()->selectAll();
        pane.view()->setCurrentIndex(pane.filter()->index(0, 0));
        pane.view()->selectAll();
        QVERIFY(pane.copyAsCurl());
        const QString curl = QApplication::clipboard()->text();
        QVERIFY2(curl.contains(QLatin1String("$TOKEN")), qPrintable(curl));
        QVERIFY(curl.contains(QLatin1String("Version: 2021-07-28")));
        QVERIFY(!curl.contains(QString::fromLatin1(secretToken)));

        QTemporaryDir dir;
        QStringList written;
        Ui::FilePrompts prompts;
        prompts.save = [&](QWidget*, const QString&, const QString& suggested, const QString&) {
            written.append(dir.filePath(suggested));
            return written.last();
        };
        pane.setFilePrompts(prompts);
        QCOMPARE(pane.selectedEntries().size(), 2);
        QVERIFY(pane.exportEntries(pane.selectedEntries(), Ui::TrafficPane::Format::Postman));
        QVERIFY(pane.exportEntries(pane.filteredEntries(), Ui::TrafficPane::Format::Har));
        QVERIFY(pane.exportCatalog());
        QCOMPARE(written.size(), 3);
        for (const QString& path : std::as_const(written)) {
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray text = file.readAll();
            QVERIFY2(!text.contains(secretToken), qPrintable(path));
            QVERIFY(QJsonDocument::fromJson(text).isObject());
        }
        QFile har(written.at(1));
        QVERIFY(har.open(QIODevice::ReadOnly));
        const QJsonArray entries
            = QJsonDocument::fromJson(har.readAll())[u"log"].toObject()[u"entries"].toArray();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(1)[u"response"].toObject()[u"status"].toInt(), 404);
    }
};

QTEST_MAIN(TestTrafficModel)
#include "tst_trafficmodel.moc"
