// The inspector on the sandbox app, as a user drives it: View > Inspector shows the sync's
// traffic; an error (an unknown contact id) made in Compose is found by filtering to errors,
// exported (HAR and Postman) and read back, the HAR through har-validator and the collection
// through newman against the same sandbox; replay sends an exchange again with the cause "replay";
// the operation picker fills the selected contact's id; a path outside the catalog is refused with
// a message.
#include "appflowfixture.h"
#include "appflowhelpers.h"
#include "inspector/trafficlog.h"
#include "ui/inspector/composer.h"
#include "ui/inspector/exchangedetail.h"
#include "ui/inspector/inspectorcontroller.h"
#include "ui/inspector/inspectorwindow.h"
#include "ui/inspector/trafficfilter.h"
#include "ui/inspector/trafficmodel.h"
#include "ui/inspector/trafficpane.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSpinBox>
#include <QTableView>
#include <QTabWidget>
#include <QTest>

#include <algorithm>

using namespace AppFlowTest;

namespace {

const QString nodeModules = QStringLiteral(CONTACTDESK_NODE_MODULES);

// Runs node on `args`, turning the event loop meanwhile (the sandbox answers in this process).
bool runNode(const QStringList& args, QString* output)
{
    QProcess node;
    node.setProcessChannelMode(QProcess::MergedChannels);
    node.start(QStringLiteral("node"), args);
    if (!node.waitForStarted(10000)) {
        *output = QStringLiteral("node does not start: ") + node.errorString();
        return false;
    }
    if (!QTest::qWaitFor([&] { return node.state() == QProcess::NotRunning; }, 120000)) {
        node.kill();
        node.waitForFinished();
        *output
            = QStringLiteral("node did not finish in time: ") + QString::fromUtf8(node.readAll());
        return false;
    }
    *output = QString::fromUtf8(node.readAll());
    return node.exitStatus() == QProcess::NormalExit && node.exitCode() == 0;
}

int rowsWhere(const QAbstractItemModel& model, int column, const QString& text)
{
    int count = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        count += model.index(row, column).data().toString() == text ? 1 : 0;
    return count;
}

// Runs the curl command `curl` with bash, TOKEN set to `token`, and returns the HTTP status it
// printed (the event loop turns meanwhile: the sandbox answers in this process).
int runCurl(const QString& curl, const QString& token, QString* output)
{
    QProcess bash;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TOKEN"), token);
    bash.setProcessEnvironment(environment);
    bash.start(QStringLiteral("bash"),
        {QStringLiteral("-c"),
            curl + QStringLiteral(" --silent --output /dev/null --write-out '%{http_code}'")});
    if (!bash.waitForStarted(10000)
        || !QTest::qWaitFor([&] { return bash.state() == QProcess::NotRunning; }, 30000))
        return -1;
    *output = QString::fromUtf8(bash.readAllStandardOutput() + bash.readAllStandardError());
    return output->trimmed().toInt();
}

// The newest exchange the inspector made (cause "replay") of `operationId`; null when none.
const Inspector::TrafficEntry* lastReplay(const Ui::TrafficModel& model, const QString& operationId)
{
    for (int row = model.rowCount() - 1; row >= 0; --row) {
        const Inspector::TrafficEntry* entry = model.entryAt(row);
        if (entry && entry->exchange.cause == Api::RequestCause::Replay
            && entry->exchange.operationId == operationId)
            return entry;
    }
    return nullptr;
}

int replays(const Ui::TrafficModel& model)
{
    return rowsWhere(model, Ui::TrafficModel::Cause, QStringLiteral("replay"));
}

} // namespace

class TestInspectorWindow : public QObject
{
    Q_OBJECT

private:
    Ui::InspectorWindow* open(AppFlow& flow)
    {
        QAction* action = flow.window.action(QStringLiteral("inspectorAction"));
        if (!action || action->shortcut() != QKeySequence(QStringLiteral("Ctrl+Shift+I")))
            return nullptr;
        action->trigger();
        Ui::InspectorWindow* inspector = flow.window.inspector();
        if (!inspector || !QTest::qWaitForWindowExposed(inspector))
            return nullptr;
        return inspector;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(nodeModules + QStringLiteral("/har-validator/package.json")),
            "har-validator is missing: run scripts/deps");
        QVERIFY2(QFile::exists(nodeModules + QStringLiteral("/newman/bin/newman.js")),
            "newman is missing: run scripts/deps");
    }

    void errorsFilteredExportedAndReadBack()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        Ui::InspectorWindow* inspector = open(flow);
        QVERIFY(inspector);
        Ui::TrafficPane* traffic = inspector->traffic();
        QCOMPARE(inspector->tabs()->widget(0), traffic);
        QStringList titles;
        for (int tab = 0; tab < inspector->tabs()->count(); ++tab)
            titles.append(inspector->tabs()->tabText(tab).remove(u'&'));
        QCOMPARE(titles,
            QStringList(
                {QStringLiteral("Traffic"), QStringLiteral("Compose"), QStringLiteral("Verify"),
                    QStringLiteral("Rate Budget"), QStringLiteral("Sandbox")}));
        // The first sync went through the log before the window opened.
        QTRY_VERIFY(traffic->filter()->rowCount() > 0);
        QCOMPARE(rowsWhere(*traffic->filter(), Ui::TrafficModel::Connection,
                     flow.app.connection().displayName),
            traffic->filter()->rowCount());

        // An error: a contact that does not exist, asked for in Compose (HighLevel, and so the
        // sandbox, answers an unknown contact id with a 400).
        Ui::Composer* composer = inspector->composer();
        inspector->showComposer();
        auto* method = composer->findChild<QComboBox*>(QStringLiteral("composerMethod"));
        method->setCurrentText(QStringLiteral("GET"));
        // An id of the sandbox's shape that no contact has.
        QString missing = flow.model()->contactIdAt(0);
        std::reverse(missing.begin(), missing.end());
        QVERIFY(type(composer, "composerPath", QStringLiteral("/contacts/") + missing));
        QVERIFY(press(composer, "composerSend"));
        QTRY_COMPARE(composer->lastStatus(), 400);
        QVERIFY2(
            composer->message().contains(QLatin1String("400")), qPrintable(composer->message()));

        auto* status = traffic->findChild<QComboBox*>(QStringLiteral("statusFilter"));
        status->setCurrentIndex(status->findData(QStringLiteral("errors")));
        QTRY_COMPARE(traffic->filter()->rowCount(), 1);
        const QModelIndex error = traffic->filter()->index(0, Ui::TrafficModel::Status);
        QCOMPARE(error.data().toString(), QStringLiteral("400"));
        QCOMPARE(error.siblingAtColumn(Ui::TrafficModel::Cause).data().toString(),
            QStringLiteral("replay"));
        QCOMPARE(error.siblingAtColumn(Ui::TrafficModel::Operation).data().toString(),
            QStringLiteral("get-contact"));
        traffic->selectLatest();
        QVERIFY(traffic->currentEntry());

        QVERIFY(press(traffic, "copyCurlButton"));
        const QString curl = QApplication::clipboard()->text();
        QVERIFY2(curl.contains(QLatin1String("$TOKEN")), qPrintable(curl));
        QVERIFY(!curl.contains(flow.fx.pit()));
        // Pasted into a shell with the token set, it gets the same answer.
        QString curlOutput;
        QCOMPARE(runCurl(curl, flow.fx.pit(), &curlOutput), 400);

        QStringList written;
        Ui::FilePrompts prompts;
        prompts.save = [&](QWidget*, const QString&, const QString& suggested, const QString&) {
            written.append(flow.dir.filePath(suggested));
            return written.last();
        };
        flow.window.setFilePrompts(prompts);
        open(flow); // the prompts reach the open inspector
        traffic->findChild<QAction*>(QStringLiteral("exportFilteredHarAction"))->trigger();
        traffic->findChild<QAction*>(QStringLiteral("exportFilteredPostmanAction"))->trigger();
        QCOMPARE(written.size(), 2);
        for (const QString& path : std::as_const(written)) {
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            QVERIFY2(!file.readAll().contains(flow.fx.pit().toUtf8()), qPrintable(path));
        }

        QFile harFile(written.at(0));
        QVERIFY(harFile.open(QIODevice::ReadOnly));
        const QJsonObject har = QJsonDocument::fromJson(harFile.readAll()).object();
        const QJsonArray entries = har[u"log"].toObject()[u"entries"].toArray();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0)[u"response"].toObject()[u"status"].toInt(), 400);
        QVERIFY(entries.at(0)[u"request"].toObject()[u"url"].toString().endsWith(
            QStringLiteral("/contacts/") + missing));
        QString output;
        QVERIFY2(runNode({QStringLiteral("-e"),
                             QStringLiteral("const hv = require(process.argv[1] + "
                                            "'/har-validator');"
                                            "const har = JSON.parse(require('fs').readFileSync("
                                            "process.argv[2], 'utf8'));"
                                            "hv.har(har).then(() => console.log('valid'))"
                                            ".catch(e => { console.error(JSON.stringify(e.errors"
                                            " || e.message)); process.exit(1); });"),
                             nodeModules, written.at(0)},
                     &output),
            qPrintable(output));

        QFile collectionFile(written.at(1));
        QVERIFY(collectionFile.open(QIODevice::ReadOnly));
        const QJsonObject collection = QJsonDocument::fromJson(collectionFile.readAll()).object();
        QCOMPARE(collection[u"info"].toObject()[u"schema"].toString(),
            QStringLiteral("https://schema.getpostman.com/json/collection/v2.1.0/collection.json"));
        QCOMPARE(collection[u"item"].toArray().size(), 1);
        QVERIFY2(runNode({nodeModules + QStringLiteral("/newman/bin/newman.js"),
                             QStringLiteral("run"), written.at(1), QStringLiteral("--env-var"),
                             QStringLiteral("baseUrl=") + flow.fx.baseUrl().toString(),
                             QStringLiteral("--env-var"),
                             QStringLiteral("accessToken=") + flow.fx.pit()},
                     &output),
            qPrintable(output));
    }

    void replayAndComposeGoThroughTheClient()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        Ui::InspectorWindow* inspector = open(flow);
        QVERIFY(inspector);
        Ui::TrafficPane* traffic = inspector->traffic();
        QTRY_VERIFY(traffic->filter()->rowCount() > 0);

        // Replay the first exchange of the sync: the same operation again, cause "replay".
        auto* view = traffic->view();
        view->setCurrentIndex(traffic->filter()->index(0, 0));
        const Inspector::TrafficEntry original = *traffic->currentEntry();
        const QString operation = original.exchange.operationId;
        QCOMPARE(replays(*traffic->model()), 0);
        QVERIFY(press(traffic, "replayButton"));
        QTRY_VERIFY(lastReplay(*traffic->model(), operation));
        const Inspector::TrafficEntry* replayed = lastReplay(*traffic->model(), operation);
        QCOMPARE(replayed->exchange.cause, Api::RequestCause::Replay);
        QCOMPARE(replayed->exchange.operationId, original.exchange.operationId);
        QCOMPARE(replayed->exchange.url, original.exchange.url);
        QCOMPARE(replayed->exchange.status, original.exchange.status);

        // Compose with the operation picker: get-contact fills in the selected contact.
        const QString contactId = flow.model()->contactIdAt(2);
        QVERIFY(flow.select(contactId));
        Ui::Composer* composer = inspector->composer();
        inspector->showComposer();
        auto* picker = composer->findChild<QComboBox*>(QStringLiteral("composerOperation"));
        const int getContact = picker->findData(QStringLiteral("get-contact"));
        QVERIFY(getContact > 0);
        picker->setCurrentIndex(getContact);
        Q_EMIT picker->activated(getContact);
        auto* path = composer->findChild<QLineEdit*>(QStringLiteral("composerPath"));
        QCOMPARE(path->text(), QStringLiteral("/contacts/") + contactId);
        QVERIFY(press(composer, "composerSend"));
        QTRY_COMPARE(composer->lastStatus(), 200);
        QTRY_VERIFY(lastReplay(*traffic->model(), QStringLiteral("get-contact")));
        const Inspector::TrafficEntry* composed
            = lastReplay(*traffic->model(), QStringLiteral("get-contact"));
        QCOMPARE(composed->exchange.url.path(), QStringLiteral("/contacts/") + contactId);
        QVERIFY(composed->exchange.responseBody.contains(contactId.toUtf8()));

        // A write with the example body: create-note on the contact.
        const int createNote = picker->findData(QStringLiteral("create-note"));
        picker->setCurrentIndex(createNote);
        Q_EMIT picker->activated(createNote);
        QCOMPARE(path->text(), QStringLiteral("/contacts/%1/notes").arg(contactId));
        auto* body = composer->findChild<QPlainTextEdit*>(QStringLiteral("composerBody"));
        QVERIFY2(QJsonDocument::fromJson(body->toPlainText().toUtf8()).isObject(),
            qPrintable(body->toPlainText()));
        QVERIFY(press(composer, "composerSend"));
        QTRY_COMPARE(composer->lastStatus(), 201);

        // Outside the catalog: refused before sending, with a message.
        QVERIFY(type(composer, "composerPath", QStringLiteral("/opportunities/search")));
        QVERIFY(!composer->send());
        QVERIFY2(composer->message().contains(QLatin1String("catalog")),
            qPrintable(composer->message()));
        // Bad JSON: refused too.
        composer->chooseOperation(QStringLiteral("create-note"));
        QVERIFY(typePlain(composer, "composerBody", QStringLiteral("{\"body\": ")));
        QVERIFY(!composer->send());
        QVERIFY(composer->message().contains(QLatin1String("JSON")));
        QTest::qWait(100);
        // Replay, get-contact and create-note went out; the refused ones did not.
        QCOMPARE(replays(*traffic->model()), 3);
    }

    void errorDetailSaysWhatContactDeskDid()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        const QString contactId = flow.model()->contactIdAt(1);
        // One 503 for this contact; the client retries (after 20 ms in tests) and gets it.
        QCOMPARE(flow.fx
                     .control("POST", QStringLiteral("/__sandbox/faults"),
                         QJsonObject {{QStringLiteral("method"), QStringLiteral("GET")},
                             {QStringLiteral("path"), QStringLiteral("/contacts/") + contactId},
                             {QStringLiteral("kind"), QStringLiteral("status")},
                             {QStringLiteral("status"), 503}, {QStringLiteral("count"), 1}})
                     .status,
            201);
        Ui::InspectorWindow* inspector = open(flow);
        QVERIFY(inspector);
        QVERIFY(flow.select(contactId));
        inspector->composer()->chooseOperation(QStringLiteral("get-contact"));
        QVERIFY(inspector->composer()->send());
        QTRY_COMPARE(inspector->composer()->lastStatus(), 200);

        Ui::TrafficPane* traffic = inspector->traffic();
        traffic->filter()->setStatusClass(QStringLiteral("5xx"));
        QTRY_COMPARE(traffic->filter()->rowCount(), 1);
        traffic->view()->setCurrentIndex(traffic->filter()->index(0, 0));
        const QString error = traffic->detail()->errorText();
        QVERIFY2(error.contains(QLatin1String("503")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("retried after")), qPrintable(error));
        QCOMPARE(traffic->currentEntry()->exchange.attempt, 1);
        traffic->filter()->setStatusClass({});
        // The second attempt follows in the log's next batch.
        QTRY_COMPARE(
            lastReplay(*traffic->model(), QStringLiteral("get-contact"))->exchange.attempt, 2);
    }

    void productionWritesAskFirst()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        // A production connection (its address pointed at the sandbox, so the test needs no
        // network): reads go out at once, writes only after the user says yes.
        Auth::Connection production;
        production.id = Auth::ConnectionStore::newId();
        production.displayName = QStringLiteral("Acme production");
        production.environment = Auth::Environment::Production;
        production.baseUrl = flow.fx.baseUrl();
        production.authKind = Auth::AuthKind::PrivateIntegrationToken;
        production.locationId = flow.fx.locationId();
        bool written = false;
        flow.secrets.write(production.id, Auth::SecretKind::PrivateIntegrationToken, flow.fx.pit(),
            [&](const QString& error) { written = error.isEmpty(); });
        QTRY_VERIFY(written);
        QVERIFY(flow.connections.save(production));
        QVERIFY(flow.app.switchTo(production.id));
        QTRY_VERIFY(flow.model() && flow.model()->rowCount() == flow.seededContacts);

        Ui::InspectorWindow* inspector = open(flow);
        QVERIFY(inspector);
        Ui::Composer* composer = inspector->composer();
        QStringList asked;
        bool answer = false;
        composer->setConfirm([&](QWidget*, const QString& question) {
            asked.append(question);
            return answer;
        });
        const QString contactId = flow.model()->contactIdAt(0);
        QVERIFY(flow.select(contactId));
        composer->chooseOperation(QStringLiteral("get-contact"));
        QVERIFY(composer->send());
        QTRY_COMPARE(composer->lastStatus(), 200);
        QVERIFY(asked.isEmpty());

        composer->chooseOperation(QStringLiteral("create-note"));
        const qint64 mark = flow.mark();
        QVERIFY(!composer->send());
        QCOMPARE(asked.size(), 1);
        QVERIFY2(
            asked.first().contains(QLatin1String("Acme production")), qPrintable(asked.first()));
        QCOMPARE(composer->message(), QStringLiteral("Not sent."));
        QTest::qWait(100);
        QVERIFY(flow.requests(mark, QStringLiteral("create-note")).isEmpty());

        answer = true;
        QVERIFY(composer->send());
        QTRY_COMPARE(composer->lastStatus(), 201);
        QCOMPARE(asked.size(), 2);
        QCOMPARE(flow.requests(mark, QStringLiteral("create-note")).size(), 1);
        // The traffic names the connection it went through (the log announces in batches).
        QTRY_VERIFY(lastReplay(*inspector->traffic()->model(), QStringLiteral("create-note")));
        const Inspector::TrafficEntry* note
            = lastReplay(*inspector->traffic()->model(), QStringLiteral("create-note"));
        QVERIFY(note);
        QCOMPARE(note->connection, QStringLiteral("Acme production"));
        QCOMPARE(note->environment, QStringLiteral("production"));
    }

    void capacityAndGeometryAreRemembered()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        Ui::InspectorWindow* inspector = open(flow);
        QVERIFY(inspector);
        QCOMPARE(flow.window.inspectorController()->capacity(),
            Ui::InspectorController::defaultCapacity);
        // The spin box of the Traffic tab sets it.
        auto* spin = inspector->traffic()->findChild<QSpinBox*>(QStringLiteral("capacitySpin"));
        QVERIFY(spin);
        QCOMPARE(spin->value(), Ui::InspectorController::defaultCapacity);
        spin->setValue(500);
        Q_EMIT spin->editingFinished();
        QCOMPARE(flow.window.inspectorController()->log().options().capacity, 500);
        QCOMPARE(Ui::InspectorController::capacitySetting(flow.settings), 500);
        // It never keeps the app running once the main window is closed.
        QVERIFY(!inspector->testAttribute(Qt::WA_QuitOnClose));
        inspector->resize(820, 610);
        inspector->close();
        QVERIFY(!flow.settings.value(QStringLiteral("inspector/geometry")).toByteArray().isEmpty());
    }
};

QTEST_MAIN(TestInspectorWindow)
#include "tst_inspectorwindow.moc"
