// The merge dialog for an update held as a conflict, offscreen: each field of the update shows
// its value before, the user's and HighLevel's; the choice per row decides what is sent.
#include "ui/dialogs/conflictdialog.h"

#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

using ContactDesk::Ui::ConflictDialog;

namespace {

template <typename T>
T* child(const QWidget& parent, const QString& name)
{
    return parent.findChild<T*>(name);
}

const QJsonObject base {
    {QStringLiteral("firstName"), QStringLiteral("Jane")},
    {QStringLiteral("email"), QStringLiteral("jane@old.example")},
    {QStringLiteral("city"), QStringLiteral("Austin")},
};
const QJsonObject mine {
    {QStringLiteral("email"), QStringLiteral("jane@new.example")},
    {QStringLiteral("city"), QStringLiteral("Boston")},
    {QStringLiteral("firstName"), QStringLiteral("Janet")},
};
const QJsonObject theirs {
    {QStringLiteral("firstName"), QStringLiteral("Janet")},
    {QStringLiteral("email"), QStringLiteral("jane@work.example")},
    {QStringLiteral("city"), QStringLiteral("Austin")},
};

} // namespace

class TestConflictDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsBaseMineAndTheirsPerField()
    {
        ConflictDialog dialog(QStringLiteral("Jane Doe"), base, mine, theirs);
        QCOMPARE(dialog.fields(),
            QStringList(
                {QStringLiteral("firstName"), QStringLiteral("email"), QStringLiteral("city")}));
        // Only the email changed on both sides to different values.
        QCOMPARE(dialog.conflictingFields(), QStringList {QStringLiteral("email")});
        QCOMPARE(child<QLabel>(dialog, QStringLiteral("conflictBase_email"))->text(),
            QStringLiteral("jane@old.example"));
        QCOMPARE(child<QRadioButton>(dialog, QStringLiteral("conflictMine_email"))->text(),
            QStringLiteral("jane@new.example"));
        QCOMPARE(child<QRadioButton>(dialog, QStringLiteral("conflictTheirs_email"))->text(),
            QStringLiteral("jane@work.example"));
        QVERIFY(child<QLabel>(dialog, QStringLiteral("conflictField_email"))
                    ->text()
                    .contains(QStringLiteral("changed on both sides")));
        QVERIFY(child<QLabel>(dialog, QStringLiteral("conflictIntro"))
                    ->text()
                    .startsWith(QStringLiteral("Jane Doe was changed in HighLevel")));
    }

    void perFieldChoiceDecidesWhatIsSent()
    {
        ConflictDialog dialog(QStringLiteral("Jane Doe"), base, mine, theirs);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        child<QRadioButton>(dialog, QStringLiteral("conflictTheirs_email"))->click();
        child<QPushButton>(dialog, QStringLiteral("useSelected"))->click();

        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.resolution(), ConflictDialog::Resolution::PerField);
        QCOMPARE(dialog.choice(QStringLiteral("email")), ConflictDialog::Side::Theirs);
        QCOMPARE(dialog.chosenFields(),
            QJsonObject({{QStringLiteral("firstName"), QStringLiteral("Janet")},
                {QStringLiteral("email"), QStringLiteral("jane@work.example")},
                {QStringLiteral("city"), QStringLiteral("Boston")}}));
        // HighLevel already has the email and the first name: only the city is left to send.
        QCOMPARE(dialog.fieldsToSend(),
            QJsonObject({{QStringLiteral("city"), QStringLiteral("Boston")}}));
    }

    void keepMineAndTakeTheirsSettleEveryRow()
    {
        ConflictDialog keep(QStringLiteral("Jane Doe"), base, mine, theirs);
        keep.show();
        child<QRadioButton>(keep, QStringLiteral("conflictTheirs_city"))->click();
        child<QPushButton>(keep, QStringLiteral("keepMine"))->click();
        QCOMPARE(keep.resolution(), ConflictDialog::Resolution::KeepMine);
        QCOMPARE(keep.choice(QStringLiteral("city")), ConflictDialog::Side::Mine);
        QCOMPARE(keep.fieldsToSend(),
            QJsonObject({{QStringLiteral("email"), QStringLiteral("jane@new.example")},
                {QStringLiteral("city"), QStringLiteral("Boston")}}));

        ConflictDialog take(QStringLiteral("Jane Doe"), base, mine, theirs);
        take.show();
        child<QPushButton>(take, QStringLiteral("takeTheirs"))->click();
        QCOMPARE(take.result(), int(QDialog::Accepted));
        QCOMPARE(take.resolution(), ConflictDialog::Resolution::TakeTheirs);
        QVERIFY(child<QRadioButton>(take, QStringLiteral("conflictTheirs_email"))->isChecked());
        QCOMPARE(take.fieldsToSend(), QJsonObject());
    }

    void decideLaterLeavesItUndecided()
    {
        ConflictDialog dialog(QStringLiteral("Jane Doe"), base, mine, theirs);
        dialog.show();
        child<QPushButton>(dialog, QStringLiteral("cancelButton"))->click();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(dialog.resolution(), ConflictDialog::Resolution::Undecided);
    }
};

QTEST_MAIN(TestConflictDialog)
#include "tst_conflictdialog.moc"
