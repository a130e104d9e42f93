// File > Import... through the window on a real sandbox: the file is mapped by suggestion, the
// invalid cell is marked and fixed in the editor, the dry run shows the requests and sends
// nothing, the import lands the contacts on the server and offers its results file; a cancel
// leaves the run resumable and Resume finishes it with no duplicate; a production connection
// asks before the first run and says whether the profile was verified on the sandbox.
#include "appflowfixture.h"
#include "appflowhelpers.h"
#include "mappingflowhelpers.h"
#include "sync/outboxworker.h"
#include "ui/mapping/dryrundialog.h"
#include "ui/mapping/importprogressdialog.h"
#include "ui/mapping/importwizard.h"
#include "ui/mapping/mappingeditor.h"
#include "ui/mapping/mappingpreviewmodel.h"
#include "ui/mapping/ruleeditor.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace AppFlowTest;
using namespace MappingFlowTest;
using ContactDesk::Mapping::Target;
using ContactDesk::Ui::DryRunDialog;
using ContactDesk::Ui::FilePrompts;
using ContactDesk::Ui::ImportProgressDialog;
using ContactDesk::Ui::ImportWizard;
using ContactDesk::Ui::MappingEditor;
using ContactDesk::Ui::MappingPreviewModel;

namespace {

// `count` people, each with an email of their own.
QByteArray peopleCsv(int count)
{
    QByteArray csv = "Email,First Name,Last Name\r\n";
    for (int i = 1; i <= count; ++i)
        csv += "person" + QByteArray::number(i) + "@import.contactdesk-demo.test,Person,Number"
            + QByteArray::number(i) + "\r\n";
    return csv;
}

// The live contacts on the server with this email.
QList<QJsonObject> serverContacts(AppFlow& flow, const QString& email)
{
    QList<QJsonObject> found;
    const QStringList ids = flow.fx.data().contacts().keys();
    for (const QString& id : ids) {
        const QJsonObject* contact = flow.fx.data().liveContact(id);
        if (contact
            && contact->value(QStringLiteral("email"))
                    .toString()
                    .compare(email, Qt::CaseInsensitive)
                == 0)
            found.append(*contact);
    }
    return found;
}

QString fieldIdNamed(AppFlow& flow, const QString& name)
{
    for (const QJsonObject& field : flow.fx.data().customFieldDefinitions()) {
        if (field.value(QStringLiteral("name")).toString() == name)
            return field.value(QStringLiteral("id")).toString();
    }
    return {};
}

QJsonValue customValue(const QJsonObject& contact, const QString& fieldId)
{
    const QJsonArray values = contact.value(QStringLiteral("customFields")).toArray();
    for (const QJsonValue& value : values) {
        if (value[QStringLiteral("id")].toString() == fieldId)
            return value[QStringLiteral("value")];
    }
    return {};
}

int ruleFor(const MappingEditor* editor, const QString& source)
{
    const auto& rules = editor->profile().rules;
    for (int i = 0; i < rules.size(); ++i) {
        if (rules.at(i).sources.contains(source))
            return i;
    }
    return -1;
}

// Waits for `condition` while the sandbox's rate window moves on: the fake clock is what the
// API budget counts in, so the outbox sends the next hundred requests after each step.
template <typename Condition>
bool whileBudgetRefills(AppFlow& flow, Condition condition, int steps = 200)
{
    for (int step = 0; step < steps && !condition(); ++step) {
        flow.fx.clock().advance(10000);
        flow.workspace().outboxWorker().wake();
        QTest::qWait(50);
    }
    return condition();
}

// File > Import... on `path`: the editor it opens.
MappingEditor* importThroughMenu(AppFlow& flow, const QString& path, QList<QUrl>* shown = nullptr)
{
    FilePrompts prompts;
    prompts.open = [path](QWidget*, const QString&, const QString&) { return path; };
    prompts.save
        = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };
    prompts.show = [shown](const QUrl& url) {
        if (shown)
            shown->append(url);
    };
    flow.window.setFilePrompts(prompts);
    QAction* import = flow.window.action(QStringLiteral("importAction"));
    if (!import || !import->isEnabled())
        return nullptr;
    import->trigger();
    return flow.openDialog<MappingEditor>();
}

// Gives the membership rule a value map from the short spelling to the picklist's.
bool fixLevels(MappingEditor* editor, int rule)
{
    editor->selectRule(rule);
    auto* op = editor->findChild<QComboBox*>(QStringLiteral("ruleTransformOp"));
    op->setCurrentIndex(op->findData(QStringLiteral("valueMap")));
    if (!press(editor, "ruleTransformAdd"))
        return false;
    auto* unmapped = editor->findChild<QComboBox*>(QStringLiteral("transformOption_unmapped"));
    auto* map = editor->findChild<QTableWidget*>(QStringLiteral("transformOption_map"));
    if (!unmapped || !map)
        return false;
    unmapped->setCurrentIndex(unmapped->findText(QStringLiteral("keep")));
    map->setItem(0, 0, new QTableWidgetItem(QStringLiteral("Gld")));
    map->setItem(0, 1, new QTableWidgetItem(QStringLiteral("Gold")));
    return true;
}

} // namespace

class TestImportWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mapsMarksFixesAndImports()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        const QString csv = writeFile(flow.dir, QStringLiteral("members.csv"), membersCsv);
        QList<QUrl> shown;
        MappingEditor* editor = importThroughMenu(flow, csv, &shown);
        QVERIFY(editor);
        // Suggested: the level goes to the custom field of that name, with a confidence.
        const int level = ruleFor(editor, QStringLiteral("Membership level"));
        QVERIFY(level >= 0);
        const ContactDesk::Mapping::Rule& suggested = editor->profile().rules.at(level);
        QCOMPARE(suggested.target.kind, Target::Kind::CustomField);
        QVERIFY(suggested.confidence > 0);
        QVERIFY(!editor->rulesTable()->item(level, 4)->toolTip().isEmpty());
        QTRY_COMPARE(editor->previewModel()->rowCount(), 2);

        // Bob's level is marked and listed; the fix clears it.
        const QModelIndex bad
            = editor->previewModel()->index(1, MappingPreviewModel::columnOfRule(level));
        QVERIFY2(bad.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Gld")),
            qPrintable(bad.data(Qt::ToolTipRole).toString()));
        QVERIFY(editor->problemsList()->count() >= 1);
        QVERIFY(fixLevels(editor, level));
        QTRY_COMPARE(editor->problemsList()->count(), 0);

        // The dry run shows what would go, and nothing goes.
        const qint64 before = flow.mark();
        QVERIFY(press(editor, "mappingDryRun"));
        auto* dryRun = editor->findChild<DryRunDialog*>();
        QVERIFY(dryRun);
        QTRY_VERIFY(dryRun->isVisible());
        QTreeWidget* plans = dryRun->planTree();
        QCOMPARE(plans->topLevelItemCount(), 2);
        plans->setCurrentItem(plans->topLevelItem(1)->child(0));
        QVERIFY2(dryRun->bodyView()->toPlainText().contains(
                     QStringLiteral("bob.import@contactdesk-demo.test")),
            qPrintable(dryRun->bodyView()->toPlainText()));
        QVERIFY2(dryRun->bodyView()->toPlainText().contains(QStringLiteral("\"Gold\"")),
            qPrintable(dryRun->bodyView()->toPlainText()));
        QVERIFY(flow.requests(before, QStringLiteral("create-contact")).isEmpty());
        QVERIFY(flow.requests(before, QStringLiteral("upsert-contact")).isEmpty());
        dryRun->close();
        QTRY_VERIFY(!editor->findChild<DryRunDialog*>());
        // Only the rows chosen in the preview are shown.
        editor->previewView()->selectionModel()->select(
            editor->previewModel()->index(1, 0), QItemSelectionModel::ClearAndSelect);
        QVERIFY(press(editor, "mappingDryRun"));
        QTRY_VERIFY((dryRun = editor->findChild<DryRunDialog*>()));
        QCOMPARE(dryRun->planTree()->topLevelItemCount(), 1);
        QCOMPARE(dryRun->planTree()->topLevelItem(0)->text(0), QStringLiteral("2"));
        dryRun->close();

        // Import: the sandbox is no production account, so no question; the run ends in a
        // summary and its results file.
        QVERIFY(press(editor, "mappingImport"));
        auto* progress = flow.openDialog<ImportProgressDialog>();
        QVERIFY(progress);
        QTRY_VERIFY_WITH_TIMEOUT(!progress->summaryText().isEmpty(), 20000);
        QVERIFY2(progress->summaryText().contains(QStringLiteral("failed: 0")),
            qPrintable(progress->summaryText()));
        QVERIFY(flow.waitOutboxEmpty());
        const QString levelId = fieldIdNamed(flow, QStringLiteral("Membership level"));
        QVERIFY(!levelId.isEmpty());
        for (const char* email :
            {"ann.import@contactdesk-demo.test", "bob.import@contactdesk-demo.test"}) {
            const QList<QJsonObject> found = serverContacts(flow, QString::fromLatin1(email));
            QCOMPARE(found.size(), 1);
            QCOMPARE(customValue(found.first(), levelId), QJsonValue(QStringLiteral("Gold")));
        }
        QCOMPARE(serverContacts(flow, QStringLiteral("ann.import@contactdesk-demo.test"))
                     .first()
                     .value(QStringLiteral("firstName"))
                     .toString(),
            QStringLiteral("Ann"));

        // The results file is offered and lists both rows.
        QVERIFY(press(progress, "importOpenResults"));
        QCOMPARE(shown.size(), 1);
        QFile results(shown.first().toLocalFile());
        QVERIFY(results.open(QIODevice::ReadOnly));
        const QByteArray text = results.readAll();
        QVERIFY2(text.count("created") + text.count("updated") == 2, text.constData());
        auto* rerun = progress->findChild<QPushButton*>(QStringLiteral("importRerunFailed"));
        QVERIFY(rerun->isVisible());
        QVERIFY(!rerun->isEnabled());
    }

    void failedRowsRunAgainOnceTheRuleIsFixed()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        const QString csv = writeFile(flow.dir, QStringLiteral("members.csv"), membersCsv);
        QList<QUrl> shown;
        MappingEditor* editor = importThroughMenu(flow, csv, &shown);
        QVERIFY(editor);
        QTRY_VERIFY(editor->findChild<QPushButton*>(QStringLiteral("mappingImport"))->isEnabled());
        // Imported as it is: Bob's level is refused before anything is sent for him.
        QVERIFY(press(editor, "mappingImport"));
        auto* progress = flow.openDialog<ImportProgressDialog>();
        QVERIFY(progress);
        QTRY_VERIFY_WITH_TIMEOUT(!progress->summaryText().isEmpty(), 20000);
        QVERIFY2(progress->summaryText().contains(QStringLiteral("failed: 1")),
            qPrintable(progress->summaryText()));
        QVERIFY(press(progress, "importOpenResults"));
        QCOMPARE(shown.size(), 1);
        QFile results(shown.first().toLocalFile());
        QVERIFY(results.open(QIODevice::ReadOnly));
        const QByteArray text = results.readAll();
        QVERIFY2(text.contains("failed") && text.contains("Gld"), text.constData());
        QVERIFY(flow.waitOutboxEmpty());
        QCOMPARE(
            serverContacts(flow, QStringLiteral("bob.import@contactdesk-demo.test")).size(), 0);

        // The rule is fixed in the editor behind the summary; only Bob's row goes again.
        const int level = ruleFor(editor, QStringLiteral("Membership level"));
        QVERIFY(fixLevels(editor, level));
        QTRY_COMPARE(editor->problemsList()->count(), 0);
        const qint64 before = flow.mark();
        QVERIFY(press(progress, "importRerunFailed"));
        QTRY_VERIFY_WITH_TIMEOUT(
            progress->summaryText().contains(QStringLiteral("failed: 0")), 20000);
        QVERIFY(flow.waitOutboxEmpty());
        const QList<QJsonObject> bob
            = serverContacts(flow, QStringLiteral("bob.import@contactdesk-demo.test"));
        QCOMPARE(bob.size(), 1);
        QCOMPARE(customValue(bob.first(), fieldIdNamed(flow, QStringLiteral("Membership level"))),
            QJsonValue(QStringLiteral("Gold")));
        QCOMPARE(
            serverContacts(flow, QStringLiteral("ann.import@contactdesk-demo.test")).size(), 1);
        // Ann's row was not sent again.
        for (const auto& exchange : flow.requests(before)) {
            QVERIFY2(
                !exchange.requestBody.contains("ann.import"), exchange.requestBody.constData());
        }
    }

    void cancelLeavesTheRunResumable()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        const int people = 400;
        const QString csv = writeFile(flow.dir, QStringLiteral("people.csv"), peopleCsv(people));
        MappingEditor* editor = importThroughMenu(flow, csv);
        QVERIFY(editor);
        QTRY_VERIFY(editor->findChild<QPushButton*>(QStringLiteral("mappingImport"))->isEnabled());
        QVERIFY(press(editor, "mappingImport"));
        auto* progress = flow.openDialog<ImportProgressDialog>();
        QVERIFY(progress);
        auto* rows = progress->findChild<QLabel*>(QStringLiteral("importProgressRows"));
        QTRY_VERIFY(!rows->text().startsWith(u'0'));
        QVERIFY(press(progress, "importCancel"));
        auto* state = progress->findChild<QLabel*>(QStringLiteral("importProgressState"));
        QVERIFY2(state->text().contains(QStringLiteral("Resume")), qPrintable(state->text()));
        auto* resume = progress->findChild<QPushButton*>(QStringLiteral("importResume"));
        QVERIFY(resume->isVisible());
        QVERIFY(whileBudgetRefills(flow, [&flow] { return flow.pendingCount() == 0; }));
        int before = 0;
        for (int i = 1; i <= people; ++i) {
            before += int(
                serverContacts(flow, QStringLiteral("person%1@import.contactdesk-demo.test").arg(i))
                    .size());
        }
        QVERIFY2(before < people, qPrintable(QString::number(before)));

        // Resume sends the rest; every person is there exactly once.
        QVERIFY(press(progress, "importResume"));
        QVERIFY(
            whileBudgetRefills(flow, [progress] { return !progress->summaryText().isEmpty(); }));
        QVERIFY2(progress->summaryText().contains(QStringLiteral("failed: 0")),
            qPrintable(progress->summaryText()));
        QVERIFY(flow.waitOutboxEmpty());
        for (int i = 1; i <= people; ++i) {
            const QString email = QStringLiteral("person%1@import.contactdesk-demo.test").arg(i);
            QVERIFY2(serverContacts(flow, email).size() == 1, qPrintable(email));
        }
    }

    void productionRunIsConfirmedFirst()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        const QString csv = writeFile(flow.dir, QStringLiteral("people.csv"), peopleCsv(3));
        // The sandbox's workspace under a production connection's name: what the question
        // depends on is the environment.
        ContactDesk::Auth::Connection production = flow.app.connection();
        production.environment = ContactDesk::Auth::Environment::Production;
        production.displayName = QStringLiteral("Acme Realty");
        ImportWizard wizard({&flow.window, flow.settings, flow.workspace(), flow.fx.clock()},
            production, flow.app.locationLists());
        QVERIFY(wizard.openFile(csv));
        MappingEditor* editor = wizard.editor();
        QVERIFY(editor);
        QTRY_VERIFY(editor->findChild<QPushButton*>(QStringLiteral("mappingImport"))->isEnabled());
        const qint64 before = flow.mark();

        QVERIFY(press(editor, "mappingImport"));
        auto* question = editor->findChild<QMessageBox*>(QStringLiteral("importProductionConfirm"));
        QVERIFY(question);
        QTRY_VERIFY(question->isVisible());
        QVERIFY2(
            question->text().contains(QStringLiteral("Acme Realty")), qPrintable(question->text()));
        QVERIFY2(
            question->informativeText().contains(QStringLiteral("not been tried on the sandbox")),
            qPrintable(question->informativeText()));
        QVERIFY(press(question, "importConfirmNo"));
        QTRY_VERIFY(!wizard.progressDialog());
        QVERIFY(flow.requests(before, QStringLiteral("upsert-contact")).isEmpty());
        QVERIFY(flow.requests(before, QStringLiteral("create-contact")).isEmpty());

        // Verified on the sandbox: the question says where and when, and Import runs.
        ContactDesk::Mapping::Verification sandbox;
        sandbox.environment = QStringLiteral("sandbox");
        sandbox.connection = QStringLiteral("Built-in sandbox");
        sandbox.at = QDateTime(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC);
        sandbox.rows = 3;
        editor->recordVerification(sandbox);
        QVERIFY(press(editor, "mappingImport"));
        question = nullptr;
        QTRY_VERIFY(
            (question = editor->findChild<QMessageBox*>(QStringLiteral("importProductionConfirm")))
            && question->isVisible());
        QVERIFY2(question->informativeText().contains(QStringLiteral("verified on the sandbox")),
            qPrintable(question->informativeText()));
        QVERIFY2(question->informativeText().contains(QStringLiteral("Built-in sandbox")),
            qPrintable(question->informativeText()));
        QVERIFY(press(question, "importConfirmYes"));
        QTRY_VERIFY(wizard.progressDialog());
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.progressDialog()->summaryText().isEmpty(), 20000);
        QVERIFY(flow.waitOutboxEmpty());
        QCOMPARE(
            serverContacts(flow, QStringLiteral("person2@import.contactdesk-demo.test")).size(), 1);
        // The clean run is recorded as this environment's verification: no question next time.
        QVERIFY(editor->profile().verification(QStringLiteral("production")));
    }

    void unreadableFileSaysWhy()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        const QString empty = writeFile(flow.dir, QStringLiteral("empty.csv"), {});
        FilePrompts prompts;
        prompts.open = [empty](QWidget*, const QString&, const QString&) { return empty; };
        flow.window.setFilePrompts(prompts);
        flow.window.action(QStringLiteral("importAction"))->trigger();
        auto* box = flow.window.findChild<QMessageBox*>(QStringLiteral("importFileError"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QVERIFY2(box->informativeText().contains(QStringLiteral("empty.csv")),
            qPrintable(box->informativeText()));
        QVERIFY(!flow.window.findChild<MappingEditor*>());
        box->close();
        QTRY_VERIFY(!flow.window.importWizard());
    }
};

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
