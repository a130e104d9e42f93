// The delete confirmation, offscreen: it says what goes (the contact, its tasks and notes) and
// that a backup is kept, Enter cancels, and only the Delete button deletes.
#include "ui/dialogs/deletecontactdialog.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using ContactDesk::Ui::DeleteContactDialog;

namespace {

template <typename T>
T* child(const QWidget& parent, const char* name)
{
    return parent.findChild<T*>(QLatin1StringView(name));
}

} // namespace

class TestDeleteContactDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saysWhatGoes_data()
    {
        QTest::addColumn<int>("tasks");
        QTest::addColumn<int>("notes");
        QTest::addColumn<QString>("message");
        const QString backup = QStringLiteral(
            " A local backup is kept: you can undo with Ctrl+Z or restore it from the trash.");
        QTest::newRow("tasks and notes")
            << 3 << 2
            << QStringLiteral("Delete Jane Doe? This removes the contact, 3 tasks and 2 notes "
                              "from HighLevel.")
                + backup;
        QTest::newRow("one of each")
            << 1 << 1
            << QStringLiteral("Delete Jane Doe? This removes the contact, 1 task and 1 note from "
                              "HighLevel.")
                + backup;
        QTest::newRow("notes only")
            << 0 << 4
            << QStringLiteral("Delete Jane Doe? This removes the contact and 4 notes from "
                              "HighLevel.")
                + backup;
        QTest::newRow("nothing else")
            << 0 << 0
            << QStringLiteral("Delete Jane Doe? This removes the contact from HighLevel.") + backup;
        QTest::newRow("not loaded")
            << -1 << -1
            << QStringLiteral("Delete Jane Doe? This removes the contact with its tasks and notes "
                              "from HighLevel.")
                + backup;
    }

    void saysWhatGoes()
    {
        QFETCH(int, tasks);
        QFETCH(int, notes);
        QFETCH(QString, message);
        DeleteContactDialog dialog(QStringLiteral("Jane Doe"), tasks, notes);
        QCOMPARE(child<QLabel>(dialog, "deleteMessage")->text(), message);
        QCOMPARE(dialog.message(), message);
        QCOMPARE(dialog.contactCount(), 1);
    }

    void enterCancelsAndDeleteDeletes()
    {
        DeleteContactDialog dialog(QStringLiteral("Jane Doe"), 3, 2);
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto* cancel = child<QPushButton>(dialog, "cancelButton");
        auto* remove = child<QPushButton>(dialog, "deleteButton");
        QVERIFY(cancel->isDefault());
        QVERIFY(!remove->isDefault());
        QVERIFY(cancel->hasFocus());

        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QSignalSpy rejected(&dialog, &QDialog::rejected);
        QTest::keyClick(&dialog, Qt::Key_Return);
        QCOMPARE(rejected.count(), 1);
        QCOMPARE(accepted.count(), 0);

        dialog.show();
        remove->click();
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void bulkFormCountsAndListsTheContacts()
    {
        QStringList names;
        for (int i = 1; i <= 12; ++i)
            names.append(QStringLiteral("Contact %1").arg(i));
        DeleteContactDialog dialog(names, 30, 4);
        QCOMPARE(dialog.contactCount(), 12);
        QCOMPARE(dialog.message(),
            QStringLiteral("Delete 12 contacts? This removes the 12 contacts, 30 tasks and 4 notes "
                           "from HighLevel. A local backup is kept: you can undo with Ctrl+Z or "
                           "restore them from the trash."));
        const QString listed = child<QLabel>(dialog, "deleteNames")->text();
        QVERIFY(listed.contains(QStringLiteral("Contact 8")));
        QVERIFY(!listed.contains(QStringLiteral("Contact 9")));
        QVERIFY(listed.endsWith(QStringLiteral("and 4 more")));
        QCOMPARE(child<QPushButton>(dialog, "deleteButton")->text(),
            QStringLiteral("&Delete 12 contacts"));
        QVERIFY(child<QPushButton>(dialog, "cancelButton")->isDefault());
    }
};

QTEST_MAIN(TestDeleteContactDialog)
#include "tst_deletecontactdialog.moc"
