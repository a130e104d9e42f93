// The note dialog, offscreen: a note needs text, Ctrl+Enter saves it, and an edit sends only the
// new text.
#include "ui/dialogs/notedialog.h"

#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using ContactDesk::Api::Note;
using ContactDesk::Ui::NoteDialog;

namespace {

template <typename T>
T* child(const QWidget& parent, const char* name)
{
    return parent.findChild<T*>(QLatin1StringView(name));
}

} // namespace

class TestNoteDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newNoteNeedsTextAndSavesWithCtrlEnter()
    {
        NoteDialog dialog;
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        auto* body = child<QPlainTextEdit>(dialog, "noteBody");
        auto* ok = child<QPushButton>(dialog, "okButton");
        QVERIFY(body && ok);
        QVERIFY(body->hasFocus());
        QVERIFY(!ok->isEnabled());

        QTest::keyClicks(body, QStringLiteral("  "));
        QVERIFY(!ok->isEnabled());
        QTest::keyClick(body, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(accepted.count(), 0);

        body->clear();
        QTest::keyClicks(body, QStringLiteral("Met at the fair"));
        QTest::keyClick(body, Qt::Key_Return);
        QTest::keyClicks(body, QStringLiteral("Wants a demo"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(accepted.count(), 0);
        QTest::keyClick(body, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(dialog.fields(),
            QJsonObject(
                {{QStringLiteral("body"), QStringLiteral("Met at the fair\nWants a demo")}}));
    }

    void editSendsOnlyTheNewText()
    {
        Note note;
        note.id = QStringLiteral("nt0000000000000000n1");
        note.body = QStringLiteral("Prefers email");
        note.title = QStringLiteral("Contact habits");
        note.pinned = true;
        NoteDialog dialog(note);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* body = child<QPlainTextEdit>(dialog, "noteBody");
        auto* ok = child<QPushButton>(dialog, "okButton");
        auto* error = child<QLabel>(dialog, "noteBodyError");
        QCOMPARE(body->toPlainText(), QStringLiteral("Prefers email"));
        QVERIFY(!ok->isEnabled());

        body->moveCursor(QTextCursor::End);
        QTest::keyClicks(body, QStringLiteral(" before noon"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.fields(),
            QJsonObject({{QStringLiteral("body"), QStringLiteral("Prefers email before noon")}}));
        QCOMPARE(dialog.note().title, QStringLiteral("Contact habits"));
        QVERIFY(dialog.note().pinned);

        // Emptying a note is not how to remove it, and the dialog says so.
        body->clear();
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QStringLiteral("delete it")));
        QVERIFY(!ok->isEnabled());
    }
};

QTEST_MAIN(TestNoteDialog)
#include "tst_notedialog.moc"
