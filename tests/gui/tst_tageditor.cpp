// The tag editor and the bulk tags dialog, offscreen and from the keyboard: Enter and commas make
// chips, Backspace takes them away, completion offers the tags that exist, and the bulk dialog
// builds the bulk tags request for the selected contacts.
#include "ui/dialogs/bulktagsdialog.h"
#include "ui/dialogs/tageditor.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QCompleter>
#include <QDialog>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStringListModel>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

using ContactDesk::Ui::BulkTagsDialog;
using ContactDesk::Ui::TagEditor;

namespace {

QStringList chipTags(const TagEditor& editor)
{
    QStringList tags;
    const QList<QToolButton*> chips = editor.chips();
    for (const QToolButton* chip : chips)
        tags.append(chip->property("tag").toString());
    return tags;
}

bool showActive(QWidget& widget)
{
    widget.show();
    widget.activateWindow();
    return QTest::qWaitForWindowActive(&widget);
}

} // namespace

class TestTagEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void enterAndCommasMakeChips()
    {
        TagEditor editor;
        QVERIFY(showActive(editor));
        QSignalSpy added(&editor, &TagEditor::tagAdded);
        QLineEdit* input = editor.lineEdit();
        QCOMPARE(input->objectName(), QStringLiteral("tagInput"));

        QTest::keyClicks(input, QStringLiteral("vip"));
        QTest::keyClick(input, Qt::Key_Return);
        QCOMPARE(chipTags(editor), QStringList {QStringLiteral("vip")});
        QCOMPARE(input->text(), QString());
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.at(0).at(0).toString(), QStringLiteral("vip"));

        QTest::keyClicks(input, QStringLiteral("lead, customer,"));
        QCOMPARE(editor.tags(),
            QStringList(
                {QStringLiteral("vip"), QStringLiteral("lead"), QStringLiteral("customer")}));
        QCOMPARE(input->text(), QString());

        // Tags compare without case, as HighLevel treats them.
        QTest::keyClicks(input, QStringLiteral("VIP"));
        QTest::keyClick(input, Qt::Key_Return);
        QCOMPARE(editor.tags().size(), 3);
        QCOMPARE(added.count(), 3);
        QCOMPARE(chipTags(editor), editor.tags());
    }

    void backspaceAndClicksRemoveChips()
    {
        TagEditor editor;
        editor.setTags({QStringLiteral("vip"), QStringLiteral("lead"), QStringLiteral("customer")});
        QVERIFY(showActive(editor));
        QSignalSpy removed(&editor, &TagEditor::tagRemoved);
        QLineEdit* input = editor.lineEdit();
        input->setFocus();

        // Backspace in the empty field takes the last chip.
        QTest::keyClick(input, Qt::Key_Backspace);
        QCOMPARE(editor.tags(), QStringList({QStringLiteral("vip"), QStringLiteral("lead")}));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(0).toString(), QStringLiteral("customer"));

        // With text typed, Backspace edits the text and leaves the chips alone.
        QTest::keyClicks(input, QStringLiteral("ab"));
        QTest::keyClick(input, Qt::Key_Backspace);
        QCOMPARE(input->text(), QStringLiteral("a"));
        QCOMPARE(editor.tags().size(), 2);
        input->clear();

        // Left reaches the chips; Backspace on one removes that one.
        QTest::keyClick(input, Qt::Key_Left);
        QTest::keyClick(input, Qt::Key_Left);
        QToolButton* lead = editor.chips().at(1);
        QVERIFY(lead->hasFocus());
        QTest::keyClick(lead, Qt::Key_Left);
        QToolButton* vip = editor.chips().at(0);
        QVERIFY(vip->hasFocus());
        QTest::keyClick(vip, Qt::Key_Backspace);
        QCOMPARE(editor.tags(), QStringList {QStringLiteral("lead")});

        // A click on a chip removes it too.
        editor.chips().at(0)->click();
        QCOMPARE(editor.tags(), QStringList());
        QCOMPARE(removed.count(), 3);
        QCOMPARE(removed.at(2).at(0).toString(), QStringLiteral("lead"));
    }

    void completionOffersExistingTags()
    {
        TagEditor editor;
        editor.setSuggestions(
            {QStringLiteral("Newsletter"), QStringLiteral("lead"), QStringLiteral("VIP Gold")});
        editor.setTags({QStringLiteral("Lead")});
        QVERIFY(showActive(editor));
        QCompleter* completer = editor.lineEdit()->completer();
        QVERIFY(completer);
        // A tag already on the contact is not offered again.
        const auto* model = qobject_cast<QStringListModel*>(completer->model());
        QCOMPARE(model->stringList(),
            QStringList({QStringLiteral("Newsletter"), QStringLiteral("VIP Gold")}));

        QTest::keyClicks(editor.lineEdit(), QStringLiteral("news"));
        QTRY_VERIFY(completer->popup()->isVisible());
        QCOMPARE(completer->currentCompletion(), QStringLiteral("Newsletter"));
        QTest::keyClick(completer->popup(), Qt::Key_Down);
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QTRY_COMPARE(
            editor.tags(), QStringList({QStringLiteral("Lead"), QStringLiteral("Newsletter")}));
        QCOMPARE(editor.lineEdit()->text(), QString());
    }

    void enterInADialogMakesAChipBeforeItSaves()
    {
        QDialog dialog;
        auto* editor = new TagEditor(&dialog);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok, &dialog);
        QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        auto* layout = new QVBoxLayout(&dialog);
        layout->addWidget(editor);
        layout->addWidget(buttons);
        QVERIFY(showActive(dialog));
        QSignalSpy accepted(&dialog, &QDialog::accepted);

        QTest::keyClicks(editor->lineEdit(), QStringLiteral("vip"));
        QTest::keyClick(editor->lineEdit(), Qt::Key_Return);
        QCOMPARE(editor->tags(), QStringList {QStringLiteral("vip")});
        QCOMPARE(accepted.count(), 0);
        QTest::keyClick(editor->lineEdit(), Qt::Key_Return);
        QCOMPARE(accepted.count(), 1);
    }

    void bulkDialogAddsAndRemovesTagsOnTheSelection()
    {
        BulkTagsDialog dialog(5, BulkTagsDialog::Action::Add);
        QVERIFY(showActive(dialog));
        auto* ok = dialog.findChild<QPushButton*>(QStringLiteral("okButton"));
        auto* summary = dialog.findChild<QLabel*>(QStringLiteral("bulkTagsSummary"));
        QVERIFY(ok && summary);
        QVERIFY(!ok->isEnabled());
        QCOMPARE(ok->text(), QStringLiteral("Add tags"));

        QLineEdit* input = dialog.tagEditor()->lineEdit();
        QTest::keyClicks(input, QStringLiteral("vip,"));
        QTest::keyClicks(input, QStringLiteral("spring promo"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(summary->text(), QStringLiteral("vip, spring promo will be added to 5 contacts."));
        const QStringList ids {QStringLiteral("a1"), QStringLiteral("b2")};
        QCOMPARE(dialog.body(ids, QStringLiteral("loc1")),
            QJsonObject({{QStringLiteral("contacts"),
                             QJsonArray {QStringLiteral("a1"), QStringLiteral("b2")}},
                {QStringLiteral("tags"),
                    QJsonArray {QStringLiteral("vip"), QStringLiteral("spring promo")}},
                {QStringLiteral("locationId"), QStringLiteral("loc1")}}));

        dialog.findChild<QRadioButton*>(QStringLiteral("bulkTagsRemove"))->click();
        QCOMPARE(dialog.action(), BulkTagsDialog::Action::Remove);
        QCOMPARE(ok->text(), QStringLiteral("Remove tags"));
        auto* removeAll = dialog.findChild<QCheckBox*>(QStringLiteral("bulkTagsRemoveAll"));
        QVERIFY(removeAll->isVisible());
        removeAll->click();
        QCOMPARE(summary->text(), QStringLiteral("Every tag will be removed from 5 contacts."));
        const QJsonObject body = dialog.body(ids, QStringLiteral("loc1"));
        QCOMPARE(body[QStringLiteral("removeAllTags")].toBool(), true);
        QCOMPARE(body[QStringLiteral("tags")].toArray(), QJsonArray());

        QSignalSpy accepted(&dialog, &QDialog::accepted);
        ok->click();
        QCOMPARE(accepted.count(), 1);
    }
};

QTEST_MAIN(TestTagEditor)
#include "tst_tageditor.moc"
