// The contact dialog as a user meets it, offscreen: fields found by objectName and typed into
// with QTest. An invalid email is called out and blocks saving, a phone number is shown and
// saved in E.164, an edit reports only the fields the user changed, the server's messages land
// under their fields without touching the input, and a likely duplicate is offered before
// creating.
#include "ui/dialogs/contactdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using ContactDesk::Api::Contact;
using ContactDesk::Api::DndChannel;
using ContactDesk::Api::DndStatus;
using ContactDesk::Ui::ContactDialog;
using ContactDesk::Ui::DuplicateMatch;

namespace {

template <typename T>
T* child(const QWidget& parent, const char* name)
{
    return parent.findChild<T*>(QLatin1StringView(name));
}

bool showActive(QWidget& widget)
{
    widget.show();
    widget.activateWindow();
    return QTest::qWaitForWindowActive(&widget);
}

// Moves the keyboard focus off `edit`, which is when a line edit reports it is done.
void leave(QLineEdit* edit, QWidget* next)
{
    edit->setFocus(Qt::TabFocusReason);
    next->setFocus(Qt::TabFocusReason);
}

Contact janeDoe()
{
    Contact contact;
    contact.id = QStringLiteral("ct0000000000000jane1");
    contact.firstName = QStringLiteral("Jane");
    contact.lastName = QStringLiteral("Doe");
    contact.name = QStringLiteral("Jane Doe");
    contact.email = QStringLiteral("jane@example.com");
    // Stored as typed long ago, not in E.164: an edit of other fields must leave it alone.
    contact.phone = QStringLiteral("+1 (555) 123-4567");
    contact.companyName = QStringLiteral("Acme");
    contact.city = QStringLiteral("Austin");
    contact.country = QStringLiteral("US");
    contact.dateOfBirth = QDate(1990, 9, 25);
    contact.tags = {QStringLiteral("vip")};
    contact.dndSettings[DndChannel::Email]
        = DndStatus {QStringLiteral("active"), QStringLiteral("Asked by phone"), {}};
    return contact;
}

} // namespace

class TestContactDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void invalidEmailIsCalledOutAndBlocksSaving()
    {
        ContactDialog dialog(QStringLiteral("US"));
        QVERIFY(showActive(dialog));
        auto* first = child<QLineEdit>(dialog, "firstNameEdit");
        auto* email = child<QLineEdit>(dialog, "emailEdit");
        auto* phone = child<QLineEdit>(dialog, "phoneEdit");
        auto* error = child<QLabel>(dialog, "emailError");
        auto* ok = child<QPushButton>(dialog, "okButton");
        QVERIFY(first && email && phone && error && ok);

        // Nothing to identify the contact yet: the note says what is needed and OK waits.
        QVERIFY(!ok->isEnabled());
        QVERIFY(child<QLabel>(dialog, "requiredNote")->text().contains(QStringLiteral("at least")));
        QTest::keyClicks(first, QStringLiteral("Jane"));
        QVERIFY(ok->isEnabled());

        QTest::keyClicks(email, QStringLiteral("jane@example"));
        leave(email, phone);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("is not an email address")),
            qPrintable(error->text()));
        QVERIFY(!ok->isEnabled());

        // Fixing it clears the message at once.
        QTest::keyClicks(email, QStringLiteral(".com"));
        QVERIFY(!error->isVisible());
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.createBody(QStringLiteral("loc1"))[QStringLiteral("email")].toString(),
            QStringLiteral("jane@example.com"));
    }

    void tabFollowsTheFormTopToBottom()
    {
        ContactDialog dialog(QStringLiteral("US"));
        QVERIFY(showActive(dialog));
        child<QLineEdit>(dialog, "firstNameEdit")->setFocus();
        QStringList visited;
        for (int i = 0; i < 15; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            visited.append(QApplication::focusWidget()->objectName());
        }
        // The date of birth is skipped while it is not known.
        const QStringList expected {QStringLiteral("lastNameEdit"), QStringLiteral("emailEdit"),
            QStringLiteral("phoneEdit"), QStringLiteral("dateOfBirthKnown"),
            QStringLiteral("sourceEdit"), QStringLiteral("assigneeCombo"),
            QStringLiteral("tagInput"), QStringLiteral("companyNameEdit"),
            QStringLiteral("address1Edit"), QStringLiteral("cityEdit"), QStringLiteral("stateEdit"),
            QStringLiteral("postalCodeEdit"), QStringLiteral("countryCombo"),
            QStringLiteral("websiteEdit"), QStringLiteral("dndAll")};
        QCOMPARE(visited, expected);
    }

    void phoneIsShownAndSavedInE164()
    {
        ContactDialog dialog(QStringLiteral("US"));
        QVERIFY(showActive(dialog));
        auto* phone = child<QLineEdit>(dialog, "phoneEdit");
        auto* hint = child<QLabel>(dialog, "phoneNormalized");
        auto* error = child<QLabel>(dialog, "phoneError");
        auto* ok = child<QPushButton>(dialog, "okButton");

        QTest::keyClicks(phone, QStringLiteral("(555) 123-4567"));
        QVERIFY(hint->isVisible());
        QCOMPARE(hint->text(), QStringLiteral("Saved as +15551234567"));
        leave(phone, child<QLineEdit>(dialog, "emailEdit"));
        QCOMPARE(phone->text(), QStringLiteral("+15551234567"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.draft().phone, QStringLiteral("+15551234567"));

        // Not a number: an inline message and no saving.
        phone->clear();
        QTest::keyClicks(phone, QStringLiteral("12"));
        leave(phone, child<QLineEdit>(dialog, "emailEdit"));
        QVERIFY(error->isVisible());
        QVERIFY2(
            error->text().contains(QStringLiteral("United States")), qPrintable(error->text()));
        QVERIFY(!ok->isEnabled());
    }

    void phoneIsReadInTheContactsCountry()
    {
        ContactDialog dialog(QStringLiteral("US"));
        QVERIFY(showActive(dialog));
        auto* country = child<QComboBox>(dialog, "countryCombo");
        country->setCurrentIndex(country->findData(QStringLiteral("GB")));
        QTest::keyClicks(child<QLineEdit>(dialog, "phoneEdit"), QStringLiteral("020 7946 0958"));
        QCOMPARE(child<QLabel>(dialog, "phoneNormalized")->text(),
            QStringLiteral("Saved as +442079460958"));
        const QJsonObject body = dialog.createBody(QStringLiteral("loc1"));
        QCOMPARE(body[QStringLiteral("phone")].toString(), QStringLiteral("+442079460958"));
        QCOMPARE(body[QStringLiteral("country")].toString(), QStringLiteral("GB"));
    }

    void editReportsOnlyTheChangedFields()
    {
        ContactDialog dialog(janeDoe(), QStringLiteral("US"));
        QVERIFY(showActive(dialog));
        auto* ok = child<QPushButton>(dialog, "okButton");
        auto* city = child<QLineEdit>(dialog, "cityEdit");
        auto* lastName = child<QLineEdit>(dialog, "lastNameEdit");
        auto* phone = child<QLineEdit>(dialog, "phoneEdit");
        QCOMPARE(city->text(), QStringLiteral("Austin"));
        QCOMPARE(phone->text(), QStringLiteral("+1 (555) 123-4567"));

        // Walking through fields changes nothing.
        leave(phone, child<QLineEdit>(dialog, "emailEdit"));
        QCOMPARE(phone->text(), QStringLiteral("+1 (555) 123-4567"));
        QVERIFY(!child<QLabel>(dialog, "phoneNormalized")->isVisible());
        QCOMPARE(dialog.changedFields(), QJsonObject());
        QVERIFY(!ok->isEnabled());

        city->selectAll();
        QTest::keyClicks(city, QStringLiteral("Boston"));
        lastName->clear();
        QTest::keyClicks(child<QLineEdit>(dialog, "tagInput"), QStringLiteral("lead"));
        QTest::keyClick(child<QLineEdit>(dialog, "tagInput"), Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        QVERIFY(ok->isEnabled());

        const QJsonObject expected {
            {QStringLiteral("city"), QStringLiteral("Boston")},
            {QStringLiteral("lastName"), QJsonValue::Null},
            {QStringLiteral("tags"), QJsonArray {QStringLiteral("vip"), QStringLiteral("lead")}},
        };
        QCOMPARE(dialog.changedFields(), expected);
        QCOMPARE(dialog.tagChange().add, QStringList {QStringLiteral("lead")});

        // A DND switch sends the channels as they now stand, the untouched one unchanged.
        child<QCheckBox>(dialog, "dndSMS")->click();
        const QJsonObject dnd = dialog.changedFields()[QStringLiteral("dndSettings")].toObject();
        QCOMPARE(dnd[QStringLiteral("SMS")].toObject()[QStringLiteral("status")].toString(),
            QStringLiteral("active"));
        QCOMPARE(dnd[QStringLiteral("Email")].toObject()[QStringLiteral("message")].toString(),
            QStringLiteral("Asked by phone"));

        // The update DTO has no company: the field says so rather than dropping an edit.
        QVERIFY(child<QLineEdit>(dialog, "companyNameEdit")->isReadOnly());
        QVERIFY(child<QLabel>(dialog, "companyReadOnly")->isVisible());
    }

    void serverErrorsGoUnderTheirFieldsAndKeepTheInput()
    {
        ContactDialog dialog(QStringLiteral("US"));
        QVERIFY(showActive(dialog));
        auto* first = child<QLineEdit>(dialog, "firstNameEdit");
        auto* email = child<QLineEdit>(dialog, "emailEdit");
        QTest::keyClicks(first, QStringLiteral("Jane"));
        QTest::keyClicks(email, QStringLiteral("jane@example.com"));

        dialog.showServerErrors({QStringLiteral("email must be an email"),
            QStringLiteral("phone must be a valid phone number"),
            QStringLiteral("property gender should not exist")});
        auto* emailError = child<QLabel>(dialog, "emailServerError");
        auto* phoneError = child<QLabel>(dialog, "phoneServerError");
        auto* general = child<QLabel>(dialog, "serverErrors");
        QVERIFY(emailError->isVisible());
        QCOMPARE(emailError->text(), QStringLiteral("email must be an email"));
        QVERIFY(phoneError->isVisible());
        QCOMPARE(phoneError->text(), QStringLiteral("phone must be a valid phone number"));
        QVERIFY(general->isVisible());
        QVERIFY(general->text().contains(QStringLiteral("property gender should not exist")));
        QVERIFY(!general->text().contains(QStringLiteral("email must be")));
        QVERIFY(!child<QLabel>(dialog, "firstNameServerError")->isVisible());

        QCOMPARE(first->text(), QStringLiteral("Jane"));
        QCOMPARE(email->text(), QStringLiteral("jane@example.com"));
        QVERIFY(email->hasFocus());

        // Editing the field retires its message; the others stay until their fields change.
        QTest::keyClicks(email, QStringLiteral("m"));
        QVERIFY(!emailError->isVisible());
        QVERIFY(phoneError->isVisible());
    }

    void duplicateIsOfferedBeforeCreating()
    {
        ContactDialog dialog(QStringLiteral("US"));
        QStringList asked;
        dialog.setDuplicateLookup([&asked](const QString& email, const QString& phone) {
            asked.append(email + u'|' + phone);
            return email == QLatin1StringView("jane@example.com")
                ? std::optional<DuplicateMatch>(DuplicateMatch {
                    QStringLiteral("ctJane"), QStringLiteral("Jane Doe"), QStringLiteral("email")})
                : std::nullopt;
        });
        QVERIFY(showActive(dialog));
        QSignalSpy openSpy(&dialog, &ContactDialog::openExistingRequested);
        auto* banner = child<QWidget>(dialog, "duplicateBanner");
        QVERIFY(!banner->isVisible());

        QTest::keyClicks(child<QLineEdit>(dialog, "phoneEdit"), QStringLiteral("555 123 4567"));
        QTest::keyClicks(child<QLineEdit>(dialog, "emailEdit"), QStringLiteral("jane@example.com"));
        child<QPushButton>(dialog, "okButton")->click();

        // Not created: the existing contact is shown instead.
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(banner->isVisible());
        QCOMPARE(child<QLabel>(dialog, "duplicateMessage")->text(),
            QStringLiteral("A contact with this email already exists: Jane Doe"));
        QVERIFY(asked.contains(QStringLiteral("jane@example.com|+15551234567")));

        child<QPushButton>(dialog, "openExisting")->click();
        QCOMPARE(openSpy.count(), 1);
        QCOMPARE(openSpy.first().first().toString(), QStringLiteral("ctJane"));
        QVERIFY(!dialog.isVisible());
    }

    void createAnywayCreates()
    {
        ContactDialog dialog(QStringLiteral("US"));
        dialog.setDuplicateLookup([](const QString&, const QString& phone) {
            return phone.isEmpty()
                ? std::nullopt
                : std::optional<DuplicateMatch>(DuplicateMatch {
                    QStringLiteral("ctBob"), QStringLiteral("Bob Roe"), QStringLiteral("phone")});
        });
        QVERIFY(showActive(dialog));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::keyClicks(child<QLineEdit>(dialog, "phoneEdit"), QStringLiteral("5551234567"));
        child<QPushButton>(dialog, "okButton")->click();
        QCOMPARE(accepted.count(), 0);
        QCOMPARE(child<QLabel>(dialog, "duplicateMessage")->text(),
            QStringLiteral("A contact with this phone number already exists: Bob Roe"));

        child<QPushButton>(dialog, "createAnyway")->click();
        QCOMPARE(accepted.count(), 1);
        QVERIFY(dialog.duplicateAcknowledged());
        QCOMPARE(dialog.createBody(QStringLiteral("loc1"))[QStringLiteral("phone")].toString(),
            QStringLiteral("+15551234567"));
    }
};

QTEST_MAIN(TestContactDialog)
#include "tst_contactdialog.moc"
