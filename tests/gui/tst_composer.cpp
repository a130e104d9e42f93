// Compose's request headers on the sandbox app, as a user edits them: a header added in the
// table (Add header, type the name and value) reaches the sandbox (its /__sandbox/requests log)
// and the traffic log; edited, it goes out with the new value; removed, it no longer goes out;
// "Replay" of an exchange sends its headers again; a header ContactDesk sets itself
// (Authorization) is refused with a message and nothing is sent.
#include "appflowfixture.h"
#include "appflowhelpers.h"
#include "inspector/trafficlog.h"
#include "ui/inspector/composer.h"
#include "ui/inspector/inspectorwindow.h"
#include "ui/inspector/requestheaderseditor.h"
#include "ui/inspector/trafficfilter.h"
#include "ui/inspector/trafficmodel.h"
#include "ui/inspector/trafficpane.h"

#include <QAction>
#include <QJsonArray>
#include <QLineEdit>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace AppFlowTest;

namespace {

// Opens the cell's editor and types `text` over what it held, then Return.
bool editCell(QTableWidget* table, int row, int column, const QString& text)
{
    QTableWidgetItem* item = table->item(row, column);
    if (!item)
        return false;
    table->setCurrentCell(row, column);
    table->editItem(item);
    auto* editor = table->viewport()->findChild<QLineEdit*>();
    if (!editor)
        return false;
    editor->selectAll();
    QTest::keyClick(editor, Qt::Key_Backspace);
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits what was typed on Return, from the event loop.
    return QTest::qWaitFor([&] { return table->item(row, column)->text() == text; }, 5000);
}

// The value of header `name` (any case) in the API requests of get-contact the sandbox logged
// after `since`, as GET /__sandbox/requests gives them; one entry per request.
QStringList sandboxSaw(AppFlow& flow, qint64 since, const QString& name)
{
    const Testing::HttpResult r
        = flow.fx.control("GET", QStringLiteral("/__sandbox/requests?since=%1").arg(since));
    QStringList values;
    for (const QJsonValue& entry : r.object().value(QStringLiteral("requests")).toArray()) {
        if (entry[QStringLiteral("operationId")].toString() != QLatin1StringView("get-contact"))
            continue;
        const QJsonObject headers = entry[QStringLiteral("requestHeaders")].toObject();
        QString value;
        for (auto it = headers.begin(); it != headers.end(); ++it) {
            if (it.key().compare(name, Qt::CaseInsensitive) == 0)
                value = it.value().toString();
        }
        values.append(value);
    }
    return values;
}

const Inspector::TrafficEntry* lastReplay(const Ui::TrafficModel& model)
{
    for (int row = model.rowCount() - 1; row >= 0; --row) {
        const Inspector::TrafficEntry* entry = model.entryAt(row);
        if (entry && entry->exchange.cause == Api::RequestCause::Replay
            && entry->exchange.operationId == QLatin1StringView("get-contact"))
            return entry;
    }
    return nullptr;
}

} // namespace

class TestComposer : public QObject
{
    Q_OBJECT

private:
    Ui::InspectorWindow* open(AppFlow& flow)
    {
        QAction* action = flow.window.action(QStringLiteral("inspectorAction"));
        if (!action)
            return nullptr;
        action->trigger();
        Ui::InspectorWindow* inspector = flow.window.inspector();
        if (!inspector || !QTest::qWaitForWindowExposed(inspector))
            return nullptr;
        inspector->showComposer();
        return inspector;
    }

private Q_SLOTS:
    void editedHeaderReachesTheSandbox()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        Ui::InspectorWindow* inspector = open(flow);
        QVERIFY(inspector);
        Ui::Composer* composer = inspector->composer();
        const QString contactId = flow.model()->contactIdAt(1);
        QVERIFY(flow.select(contactId));
        composer->chooseOperation(QStringLiteral("get-contact"));
        auto* table = composer->findChild<QTableWidget*>(QStringLiteral("composerHeaders"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 0);

        // Add a header and send.
        QVERIFY(press(composer, "composerAddHeader"));
        QCOMPARE(table->rowCount(), 1);
        QVERIFY(editCell(table, 0, 0, QStringLiteral("X-Debug-Trace")));
        QVERIFY(editCell(table, 0, 1, QStringLiteral("first try")));
        qint64 mark = flow.mark();
        QVERIFY(press(composer, "composerSend"));
        QTRY_COMPARE(composer->lastStatus(), 200);
        QCOMPARE(sandboxSaw(flow, mark, QStringLiteral("x-debug-trace")),
            QStringList {QStringLiteral("first try")});
        // The traffic log has it too, on the exchange the inspector made.
        Ui::TrafficPane* traffic = inspector->traffic();
        QTRY_VERIFY(lastReplay(*traffic->model()));
        bool logged = false;
        for (const auto& [name, value] : lastReplay(*traffic->model())->exchange.requestHeaders)
            logged |= name == "X-Debug-Trace" && value == "first try";
        QVERIFY(logged);

        // Edit its value: the new one goes out.
        QVERIFY(editCell(table, 0, 1, QStringLiteral("second try")));
        mark = flow.mark();
        QVERIFY(press(composer, "composerSend"));
        QTRY_VERIFY(sandboxSaw(flow, mark, QStringLiteral("x-debug-trace")).size() == 1);
        QCOMPARE(sandboxSaw(flow, mark, QStringLiteral("x-debug-trace")).first(),
            QStringLiteral("second try"));

        // Replay the exchange that carried "first try": its header goes out again.
        const qint64 serialOfFirst = [&] {
            for (int row = 0; row < traffic->model()->rowCount(); ++row) {
                const Inspector::TrafficEntry* entry = traffic->model()->entryAt(row);
                for (const auto& [name, value] : entry->exchange.requestHeaders) {
                    if (name == "X-Debug-Trace" && value == "first try")
                        return entry->serial;
                }
            }
            return qint64(0);
        }();
        QVERIFY(serialOfFirst > 0);
        for (int row = 0; row < traffic->filter()->rowCount(); ++row) {
            const QModelIndex index = traffic->filter()->index(row, 0);
            traffic->view()->setCurrentIndex(index);
            if (traffic->currentEntry() && traffic->currentEntry()->serial == serialOfFirst)
                break;
        }
        QCOMPARE(traffic->currentEntry()->serial, serialOfFirst);
        mark = flow.mark();
        QVERIFY(press(traffic, "replayButton"));
        QTRY_VERIFY(sandboxSaw(flow, mark, QStringLiteral("x-debug-trace")).size() == 1);
        QCOMPARE(sandboxSaw(flow, mark, QStringLiteral("x-debug-trace")).first(),
            QStringLiteral("first try"));
        QCOMPARE(composer->headersEditor()->rowCount(), 1);

        // Remove it: the next request goes without.
        table->setCurrentCell(0, 0);
        QVERIFY(press(composer, "composerRemoveHeader"));
        QCOMPARE(table->rowCount(), 0);
        QTRY_COMPARE(composer->lastStatus(), 200);
        mark = flow.mark();
        QVERIFY(press(composer, "composerSend"));
        QTRY_VERIFY(sandboxSaw(flow, mark, QStringLiteral("x-debug-trace")).size() == 1);
        QCOMPARE(sandboxSaw(flow, mark, QStringLiteral("x-debug-trace")).first(), QString());
    }

    void clientHeaderIsRefusedBeforeSending()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        Ui::InspectorWindow* inspector = open(flow);
        QVERIFY(inspector);
        Ui::Composer* composer = inspector->composer();
        QVERIFY(flow.select(flow.model()->contactIdAt(0)));
        composer->chooseOperation(QStringLiteral("get-contact"));
        auto* table = composer->findChild<QTableWidget*>(QStringLiteral("composerHeaders"));
        QVERIFY(press(composer, "composerAddHeader"));
        QVERIFY(editCell(table, 0, 0, QStringLiteral("Authorization")));
        QVERIFY(editCell(table, 0, 1, QStringLiteral("Bearer someone-elses")));
        const qint64 mark = flow.mark();
        QVERIFY(!composer->send());
        QVERIFY2(composer->message().contains(QLatin1StringView("Authorization")),
            qPrintable(composer->message()));
        QVERIFY2(composer->message().contains(QLatin1StringView("itself")),
            qPrintable(composer->message()));
        // Refused before the client was called: nothing is on its way.
        QVERIFY(flow.requests(mark, QStringLiteral("get-contact")).isEmpty());
        // The read-only list of what the client sends says where Authorization comes from.
        auto* own = composer->findChild<QPlainTextEdit*>(QStringLiteral("composerClientHeaders"));
        QVERIFY(own);
        QVERIFY(own->toPlainText().contains(QLatin1StringView("Authorization: Bearer $TOKEN")));
    }
};

QTEST_MAIN(TestComposer)
#include "tst_composer.moc"
