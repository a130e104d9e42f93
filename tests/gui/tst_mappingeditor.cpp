// The field-mapping editor on a real sandbox's location lists: the preview marks an invalid
// cell with its reason and lists it under Problems, a problem jumps to its cell, fixing the rule
// clears the mark; the keyboard moves and removes steps and rules; profiles go to a file and
// back through the file prompts; a profile naming what is missing cannot import.
#include "appflowfixture.h"
#include "appflowhelpers.h"
#include "mapping/source.h"
#include "mappingflowhelpers.h"
#include "ui/mapping/mappingeditor.h"
#include "ui/mapping/mappingpreviewmodel.h"
#include "ui/mapping/ruleeditor.h"
#include "ui/mapping/transformoptionsform.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace AppFlowTest;
using namespace MappingFlowTest;
using ContactDesk::Mapping::Profile;
using ContactDesk::Mapping::Rule;
using ContactDesk::Mapping::Target;
using ContactDesk::Mapping::Transform;
using ContactDesk::Ui::FilePrompts;
using ContactDesk::Ui::MappingEditor;
using ContactDesk::Ui::MappingPreviewModel;

namespace {

Rule rule(const QString& source, Target::Kind kind, const QString& name = {})
{
    Rule made;
    made.sources = {source};
    made.target = Target {kind, name};
    return made;
}

Profile membersProfile()
{
    Profile profile;
    profile.name = QStringLiteral("Members");
    profile.rules = {
        rule(QStringLiteral("Email"), Target::Kind::ContactField, QStringLiteral("email")),
        rule(QStringLiteral("First Name"), Target::Kind::ContactField, QStringLiteral("firstName")),
        rule(QStringLiteral("Membership level"), Target::Kind::CustomField,
            QStringLiteral("Membership level"))};
    return profile;
}

// The editor as the import opens it, on the sandbox's lists and `csv`.
MappingEditor* openEditor(AppFlow& flow, const QString& csv, const Profile& profile)
{
    auto* editor = new MappingEditor(flow.settings, &flow.window);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->setLocationLists(flow.app.locationLists());
    const ContactDesk::Mapping::SourceSample sample = ContactDesk::Mapping::sampleSource(csv, {});
    if (!sample.error.isEmpty())
        qWarning("%s", qPrintable(sample.error));
    editor->setSample(sample);
    editor->setProfile(profile);
    editor->show();
    editor->refreshPreview();
    return editor;
}

} // namespace

class TestMappingEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void invalidCellIsMarkedAndTheFixClearsIt()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        const QString csv = writeFile(flow.dir, QStringLiteral("members.csv"), membersCsv);
        MappingEditor* editor = openEditor(flow, csv, membersProfile());
        MappingPreviewModel* preview = editor->previewModel();
        QCOMPARE(preview->rowCount(), 2);
        const QModelIndex bad = preview->index(1, MappingPreviewModel::columnOfRule(2));
        const QModelIndex good = preview->index(0, MappingPreviewModel::columnOfRule(2));
        // The bad level is marked, with the reason naming the value, and good cells are not.
        QVERIFY(!bad.data(MappingPreviewModel::ProblemRole).toString().isEmpty());
        QVERIFY2(bad.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Gld")),
            qPrintable(bad.data(Qt::ToolTipRole).toString()));
        QVERIFY(!bad.data(Qt::DecorationRole).isNull());
        QVERIFY(good.data(MappingPreviewModel::ProblemRole).toString().isEmpty());
        QVERIFY(good.data(Qt::DecorationRole).isNull());
        QListWidget* problems = editor->problemsList();
        QCOMPARE(problems->count(), 1);
        QVERIFY2(problems->item(0)->text().contains(QStringLiteral("Row 2")),
            qPrintable(problems->item(0)->text()));

        // Activating the problem from the keyboard selects its cell and its rule.
        editor->selectRule(0);
        problems->setFocus();
        problems->setCurrentRow(0);
        QTest::keyClick(problems, Qt::Key_Return);
        QCOMPARE(editor->previewView()->currentIndex(), bad);
        QCOMPARE(editor->currentRule(), 2);

        // A value map turns the short spelling into the option; the rest stays as it is.
        auto* op = editor->findChild<QComboBox*>(QStringLiteral("ruleTransformOp"));
        QVERIFY(op);
        op->setCurrentIndex(op->findData(QStringLiteral("valueMap")));
        QVERIFY(op->currentIndex() >= 0);
        QVERIFY(press(editor, "ruleTransformAdd"));
        auto* unmapped = editor->findChild<QComboBox*>(QStringLiteral("transformOption_unmapped"));
        QVERIFY(unmapped);
        unmapped->setCurrentIndex(unmapped->findText(QStringLiteral("keep")));
        auto* map = editor->findChild<QTableWidget*>(QStringLiteral("transformOption_map"));
        QVERIFY(map);
        map->setItem(0, 0, new QTableWidgetItem(QStringLiteral("Gld")));
        map->setItem(0, 1, new QTableWidgetItem(QStringLiteral("Gold")));
        QTRY_VERIFY(problems->count() == 0);
        const QModelIndex fixed = preview->index(1, MappingPreviewModel::columnOfRule(2));
        QVERIFY(fixed.data(MappingPreviewModel::ProblemRole).toString().isEmpty());
        QCOMPARE(fixed.data(MappingPreviewModel::ResultRole).toString(), QStringLiteral("Gold"));
        const Rule& level = editor->profile().rules.at(2);
        QCOMPARE(level.transforms.size(), 1);
        QCOMPARE(level.transforms.first().op, QStringLiteral("valueMap"));
        QCOMPARE(level.transforms.first()
                     .options.value(QStringLiteral("map"))
                     .toObject()
                     .value(QStringLiteral("Gld")),
            QJsonValue(QStringLiteral("Gold")));
    }

    void changingTheTargetClearsTheMark()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        const QString csv = writeFile(flow.dir, QStringLiteral("members.csv"), membersCsv);
        MappingEditor* editor = openEditor(flow, csv, membersProfile());
        QCOMPARE(editor->problemsList()->count(), 1);
        editor->selectRule(2);
        QComboBox* target = editor->ruleEditor()->targetCombo();
        const int tags = target->findData(QStringLiteral("tags"));
        QVERIFY(tags >= 0);
        target->setCurrentIndex(tags);
        Q_EMIT target->activated(tags);
        QTRY_COMPARE(editor->problemsList()->count(), 0);
        QCOMPARE(editor->profile().rules.at(2).target.kind, Target::Kind::Tags);
        // The rules table says so, and the rule now reads as set by the user.
        QCOMPARE(editor->rulesTable()->item(2, 1)->text(), QStringLiteral("Tags"));
    }

    void keyboardMovesAndRemovesStepsAndRules()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        const QString csv = writeFile(flow.dir, QStringLiteral("members.csv"), membersCsv);
        Profile profile = membersProfile();
        profile.rules[1].transforms = {Transform {QStringLiteral("trim"), {}},
            Transform {QStringLiteral("collapseSpaces"), {}},
            Transform {QStringLiteral("upperCase"), {}}};
        MappingEditor* editor = openEditor(flow, csv, profile);
        editor->selectRule(1);
        QListWidget* steps = editor->ruleEditor()->transformList();
        QCOMPARE(steps->count(), 3);
        steps->setFocus();
        steps->setCurrentRow(2);
        QTest::keyClick(steps, Qt::Key_Up, Qt::ControlModifier);
        QTest::keyClick(steps, Qt::Key_Up, Qt::ControlModifier);
        const auto ops = [editor] {
            QStringList names;
            for (const Transform& step : editor->profile().rules.at(1).transforms)
                names.append(step.op);
            return names;
        };
        QCOMPARE(ops(),
            QStringList({QStringLiteral("upperCase"), QStringLiteral("trim"),
                QStringLiteral("collapseSpaces")}));
        QCOMPARE(steps->currentRow(), 0);
        QTest::keyClick(steps, Qt::Key_Down, Qt::ControlModifier);
        QCOMPARE(ops(),
            QStringList({QStringLiteral("trim"), QStringLiteral("upperCase"),
                QStringLiteral("collapseSpaces")}));
        // The preview follows: upper case first names.
        QTRY_COMPARE(editor->previewModel()
                         ->index(0, MappingPreviewModel::columnOfRule(1))
                         .data(MappingPreviewModel::ResultRole)
                         .toString(),
            QStringLiteral("ANN"));
        QTest::keyClick(steps, Qt::Key_Delete);
        QCOMPARE(ops(), QStringList({QStringLiteral("trim"), QStringLiteral("collapseSpaces")}));
        QTRY_COMPARE(editor->previewModel()
                         ->index(0, MappingPreviewModel::columnOfRule(1))
                         .data(MappingPreviewModel::ResultRole)
                         .toString(),
            QStringLiteral("Ann"));

        // Rules: Ctrl+Down moves the email rule below the first name, Del removes it.
        QTableWidget* rules = editor->rulesTable();
        editor->selectRule(0);
        rules->setFocus();
        QTest::keyClick(rules, Qt::Key_Down, Qt::ControlModifier);
        QCOMPARE(editor->profile().rules.at(1).target.name, QStringLiteral("email"));
        QCOMPARE(editor->currentRule(), 1);
        QTest::keyClick(rules, Qt::Key_Delete);
        QCOMPARE(editor->profile().rules.size(), 2);
        for (const Rule& left : editor->profile().rules)
            QVERIFY(left.target.name != QLatin1StringView("email"));
        QCOMPARE(rules->rowCount(), 2);
        QTRY_COMPARE(editor->previewModel()->columnCount(), 3);

        // Tab reaches every part in reading order: the rules, the step list, the preview and
        // the problems.
        QList<QWidget*> chain;
        QWidget* at = editor->findChild<QWidget*>(QStringLiteral("mappingSourceColumns"));
        for (int hop = 0; at && hop < 200 && !chain.contains(at); ++hop) {
            if (at->focusPolicy() & Qt::TabFocus)
                chain.append(at);
            at = at->nextInFocusChain();
        }
        const qsizetype rulesAt = chain.indexOf(rules);
        const qsizetype stepsAt = chain.indexOf(steps);
        const qsizetype previewAt = chain.indexOf(editor->previewView());
        const qsizetype problemsAt = chain.indexOf(editor->problemsList());
        QVERIFY(rulesAt >= 0 && stepsAt > rulesAt);
        QVERIFY(previewAt > stepsAt);
        QVERIFY(problemsAt > previewAt);
    }

    void profileRoundTripThroughTheFilePrompts()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        const QString csv = writeFile(flow.dir, QStringLiteral("members.csv"), membersCsv);
        Profile profile = membersProfile();
        profile.rules[0].transforms
            = {Transform {QStringLiteral("trim"), {}}, Transform {QStringLiteral("lowerCase"), {}}};
        profile.mode = ContactDesk::Mapping::WriteMode::Update;
        MappingEditor* editor = openEditor(flow, csv, profile);
        const QString saved = flow.dir.filePath(QStringLiteral("members-profile.json"));
        QString suggested;
        FilePrompts prompts;
        prompts.save = [&](QWidget*, const QString&, const QString& name, const QString&) {
            suggested = name;
            return saved;
        };
        prompts.open = [&](QWidget*, const QString&, const QString&) { return saved; };
        editor->setFilePrompts(prompts);
        QVERIFY(press(editor, "mappingSave"));
        QCOMPARE(suggested, QStringLiteral("Members.json"));
        QVERIFY(QFile::exists(saved));

        // Changed in the editor, then loaded back: the saved profile returns as it was.
        editor->selectRule(2);
        QVERIFY(press(editor, "mappingRemoveRule"));
        QCOMPARE(editor->profile().rules.size(), 2);
        QVERIFY(press(editor, "mappingLoad"));
        QCOMPARE(editor->profile().rules, profile.rules);
        QCOMPARE(editor->profile().mode, ContactDesk::Mapping::WriteMode::Update);
        QCOMPARE(editor->rulesTable()->rowCount(), 3);
        auto* mode = editor->findChild<QComboBox*>(QStringLiteral("mappingWriteMode"));
        QCOMPARE(mode->currentData().toInt(), int(ContactDesk::Mapping::WriteMode::Update));

        // A file that is not a profile says why and leaves the editor as it was.
        const QString broken = writeFile(flow.dir, QStringLiteral("broken.json"),
            R"({"version": 1, "rules": [{"sources": ["Email"], "target": "email",
                "transforms": [{"op": "noSuchStep"}]}]})");
        prompts.open = [&](QWidget*, const QString&, const QString&) { return broken; };
        editor->setFilePrompts(prompts);
        QVERIFY(press(editor, "mappingLoad"));
        auto* message = editor->findChild<QLabel*>(QStringLiteral("mappingProfileMessage"));
        QVERIFY(message->isVisible());
        QVERIFY2(
            message->text().contains(QStringLiteral("noSuchStep")), qPrintable(message->text()));
        QCOMPARE(editor->profile().rules, profile.rules);
    }

    void editorRemembersItsSize()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        const QString csv = writeFile(flow.dir, QStringLiteral("members.csv"), membersCsv);
        MappingEditor* editor = openEditor(flow, csv, membersProfile());
        editor->resize(900, 640);
        QTRY_COMPARE(editor->size(), QSize(900, 640));
        QVERIFY(press(editor, "mappingClose"));
        QTRY_VERIFY(!flow.window.findChild<MappingEditor*>());
        MappingEditor* again = openEditor(flow, csv, membersProfile());
        QCOMPARE(again->size(), QSize(900, 640));
    }

    void driftIsListedAndBlocksImport()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        const QString csv = writeFile(flow.dir, QStringLiteral("members.csv"), membersCsv);
        Profile profile = membersProfile();
        profile.rules.append(rule(
            QStringLiteral("Loyalty"), Target::Kind::CustomField, QStringLiteral("Loyalty tier")));
        MappingEditor* editor = openEditor(flow, csv, profile);
        QLabel* notice = editor->driftNotice();
        QVERIFY(notice->isVisible());
        QVERIFY2(
            notice->text().contains(QStringLiteral("Loyalty tier")), qPrintable(notice->text()));
        QVERIFY2(notice->text().contains(QStringLiteral("'Loyalty'")), qPrintable(notice->text()));
        auto* import = editor->findChild<QPushButton*>(QStringLiteral("mappingImport"));
        QVERIFY(!import->isEnabled());
        QSignalSpy asked(editor, &MappingEditor::importRequested);
        import->click();
        QCOMPARE(asked.count(), 0);

        // Without the rule nothing is missing: the notice goes and Import is offered.
        editor->selectRule(3);
        QTest::keyClick(editor->rulesTable(), Qt::Key_Delete);
        QTRY_VERIFY(!notice->isVisible());
        QTRY_VERIFY(import->isEnabled());
    }
};

QTEST_MAIN(TestMappingEditor)
#include "tst_mappingeditor.moc"
