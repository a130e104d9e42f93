// The location's lists in the widgets: the Overview's names and typed values, the contact
// dialog's per-type editors and assignee, the task dialog's assignee, calendar names and the
// tag editor's location tags. Offscreen, without a server.
#include "ui/detail/contactoverview.h"
#include "ui/dialogs/contactdialog.h"
#include "ui/dialogs/customfieldeditors.h"
#include "ui/dialogs/tageditor.h"
#include "ui/dialogs/taskdialog.h"

#include "common/clock.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QStringListModel>
#include <QTest>
#include <QTimeEdit>
#include <QToolButton>

using namespace ContactDesk;
using namespace ContactDesk::Ui;

namespace {

Api::CustomFieldDefinition field(
    const char* id, const char* name, const char* type, int position, QStringList options = {})
{
    Api::CustomFieldDefinition f;
    f.id = QString::fromLatin1(id);
    f.name = QString::fromLatin1(name);
    f.fieldKey = QStringLiteral("contact.") + f.id;
    f.dataType = QString::fromLatin1(type);
    f.position = position;
    f.model = QStringLiteral("contact");
    f.picklistOptions = std::move(options);
    return f;
}

// Every dataType of the spec, listed out of order so that the position decides.
Api::LocationLists lists()
{
    Api::LocationLists l;
    l.customFields = {
        field("cfRadio", "Contact by", "RADIO", 12,
            {QStringLiteral("Email"), QStringLiteral("Phone")}),
        field("cfText", "Referral source", "TEXT", 0),
        field("cfLarge", "Background", "LARGE_TEXT", 1),
        field("cfNumber", "Lead score", "NUMERICAL", 2),
        field("cfPhone", "Office phone", "PHONE", 3),
        field("cfMoney", "Budget", "MONETORY", 4),
        field("cfCheck", "Newsletter topics", "CHECKBOX", 5,
            {QStringLiteral("Roofs"), QStringLiteral("Gutters"), QStringLiteral("Solar")}),
        field("cfSingle", "Membership level", "SINGLE_OPTIONS", 6,
            {QStringLiteral("Bronze"), QStringLiteral("Silver"), QStringLiteral("Gold")}),
        field("cfMulti", "Interests", "MULTIPLE_OPTIONS", 7,
            {QStringLiteral("Repairs"), QStringLiteral("New build"), QStringLiteral("Insurance")}),
        field("cfFloat", "Roof pitch", "FLOAT", 8),
        field("cfTime", "Best time to call", "TIME", 9),
        field("cfDate", "Contract signed", "DATE", 10),
        field("cfList", "Vehicles", "TEXTBOX_LIST", 11),
        field("cfEmpty", "Spouse name", "TEXT", 13),
    };
    Api::User anna;
    anna.id = QStringLiteral("userAnna");
    anna.firstName = QStringLiteral("Anna");
    anna.lastName = QStringLiteral("Berg");
    Api::User omar;
    omar.id = QStringLiteral("userOmar");
    omar.firstName = QStringLiteral("Omar");
    omar.lastName = QStringLiteral("Diaz");
    l.users = {omar, anna};
    l.tags = {{QStringLiteral("t1"), QStringLiteral("vip"), QStringLiteral("loc")},
        {QStringLiteral("t2"), QStringLiteral("newsletter"), QStringLiteral("loc")}};
    l.calendars = {{QStringLiteral("calSales"), QStringLiteral("Sales calls"),
        QStringLiteral("loc"), {}, true, {}}};
    return l;
}

Api::Contact contact()
{
    Api::Contact c;
    c.id = QStringLiteral("contact1");
    c.firstName = QStringLiteral("Jane");
    c.lastName = QStringLiteral("Doe");
    c.phone = QStringLiteral("+14155550100");
    c.assignedTo = QStringLiteral("userAnna");
    c.customFields = {
        {QStringLiteral("cfText"), {}, QStringLiteral("Trade fair")},
        {QStringLiteral("cfLarge"), {}, QStringLiteral("Line one\nLine two")},
        {QStringLiteral("cfNumber"), {}, 42},
        {QStringLiteral("cfPhone"), {}, QStringLiteral("+442079460958")},
        {QStringLiteral("cfMoney"), {}, 1234.5},
        {QStringLiteral("cfCheck"), {},
            QJsonArray {QStringLiteral("Roofs"), QStringLiteral("Solar")}},
        {QStringLiteral("cfSingle"), {}, QStringLiteral("Gold")},
        {QStringLiteral("cfMulti"), {},
            QJsonArray {QStringLiteral("Repairs"), QStringLiteral("Insurance")}},
        {QStringLiteral("cfFloat"), {}, 0.25},
        {QStringLiteral("cfTime"), {}, QStringLiteral("14:30")},
        {QStringLiteral("cfDate"), {}, QStringLiteral("2026-03-14")},
        {QStringLiteral("cfList"), {}, QJsonArray {QStringLiteral("Van"), QStringLiteral("Truck")}},
        {QStringLiteral("cfRadio"), {}, QStringLiteral("Phone")},
        {QStringLiteral("cfGone0000000000001"), {}, QStringLiteral("kept")},
    };
    return c;
}

// The caption of the row a value label is on.
QString captionOf(ContactOverview& overview, QLabel* value)
{
    const QList<QLabel*> labels = overview.widget()->findChildren<QLabel*>();
    for (QLabel* label : labels) {
        if (label->buddy() == value)
            return label->text();
    }
    return {};
}

CustomFieldEditor* editor(ContactDialog& dialog, const char* id)
{
    return dialog.findChild<CustomFieldEditor*>(
        QStringLiteral("customField_") + QLatin1StringView(id));
}

QStringList comboTexts(QComboBox* combo)
{
    QStringList texts;
    for (int i = 0; i < combo->count(); ++i)
        texts << combo->itemText(i);
    return texts;
}

} // namespace

class TestLocationLists : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void overviewShowsNamesAndTypedValues()
    {
        ContactOverview overview;
        overview.setRegion(QStringLiteral("US"));
        overview.setLocationLists(lists());
        overview.setContact(contact());
        const auto row = [&overview](const char* id) {
            QLabel* label = overview.valueLabel(QStringLiteral("cf_") + QLatin1StringView(id));
            return label ? std::pair(captionOf(overview, label), label->text())
                         : std::pair(QString(), QStringLiteral("<no row>"));
        };
        const QLocale locale;
        QCOMPARE(row("cfText"),
            std::pair(QStringLiteral("Referral source"), QStringLiteral("Trade fair")));
        QCOMPARE(row("cfLarge").second, QStringLiteral("Line one\nLine two"));
        QCOMPARE(row("cfNumber"), std::pair(QStringLiteral("Lead score"), QStringLiteral("42")));
        // Another country's number in international format.
        QCOMPARE(row("cfPhone"),
            std::pair(QStringLiteral("Office phone"), QStringLiteral("+44 20 7946 0958")));
        QCOMPARE(row("cfMoney"), std::pair(QStringLiteral("Budget"), QStringLiteral("1,234.50")));
        QCOMPARE(row("cfCheck").second, QStringLiteral("\u2713 Roofs, Solar"));
        QCOMPARE(
            row("cfSingle"), std::pair(QStringLiteral("Membership level"), QStringLiteral("Gold")));
        QCOMPARE(row("cfMulti").second, QStringLiteral("Repairs, Insurance"));
        QCOMPARE(row("cfFloat").second, QStringLiteral("0.25"));
        QCOMPARE(row("cfTime").second, locale.toString(QTime(14, 30), QLocale::ShortFormat));
        QCOMPARE(row("cfDate"),
            std::pair(QStringLiteral("Contract signed"),
                locale.toString(QDate(2026, 3, 14), QLocale::LongFormat)));
        QCOMPARE(row("cfList").second, QStringLiteral("Van, Truck"));
        QCOMPARE(row("cfRadio").second, QStringLiteral("Phone"));
        // A field the list does not know: by its id.
        QCOMPARE(row("cfGone0000000000001"),
            std::pair(QStringLiteral("cfGone0000000000001"), QStringLiteral("kept")));
        // The assignee by name, the contact's phone in national format.
        QCOMPARE(
            overview.valueLabel(QStringLiteral("assignedTo"))->text(), QStringLiteral("Anna Berg"));
        QCOMPARE(
            overview.valueLabel(QStringLiteral("phone"))->text(), QStringLiteral("(415) 555-0100"));

        // In the location's field order.
        const auto* form = overview.widget()->findChild<QFormLayout*>();
        QVERIFY(form);
        QStringList order;
        for (int i = 0; i < form->rowCount(); ++i) {
            auto* item = form->itemAt(i, QFormLayout::FieldRole);
            if (auto* label = item ? qobject_cast<QLabel*>(item->widget()) : nullptr;
                label && label->objectName().startsWith(QLatin1StringView("overview_cf_")))
                order << label->objectName().mid(12);
        }
        QCOMPARE(order.mid(0, 4),
            QStringList({QStringLiteral("cfText"), QStringLiteral("cfLarge"),
                QStringLiteral("cfNumber"), QStringLiteral("cfPhone")}));
        QCOMPARE(order.indexOf(QStringLiteral("cfRadio")), 12);
    }

    void emptyFieldsHideBehindAToggle()
    {
        ContactOverview overview;
        overview.setLocationLists(lists());
        overview.setContact(contact());
        QVERIFY(!overview.valueLabel(QStringLiteral("cf_cfEmpty")));
        QCheckBox* toggle = overview.showEmptyToggle();
        QVERIFY(toggle);
        QCOMPARE(toggle->text(), QStringLiteral("Show empty fields (1)"));
        toggle->click();
        QTRY_VERIFY(overview.valueLabel(QStringLiteral("cf_cfEmpty")));
        QCOMPARE(
            overview.valueLabel(QStringLiteral("cf_cfEmpty"))->text(), QStringLiteral("Not set"));
        QVERIFY(overview.showEmptyToggle()->isChecked());
        overview.showEmptyToggle()->click();
        QTRY_VERIFY(!overview.valueLabel(QStringLiteral("cf_cfEmpty")));
    }

    void missingListsShowIds()
    {
        Api::LocationLists l = lists();
        l.users.clear();
        l.unavailable.insert(Api::LocationLists::Kind::Users,
            QStringLiteral("this connection can't read users: add the users.readonly scope"));
        ContactOverview overview;
        overview.setLocationLists(l);
        overview.setContact(contact());
        QCOMPARE(
            overview.valueLabel(QStringLiteral("assignedTo"))->text(), QStringLiteral("userAnna"));
        QCOMPARE(
            overview.valueLabel(QStringLiteral("cf_cfText"))->text(), QStringLiteral("Trade fair"));
    }

    void dialogEditsEveryTypeInItsShape()
    {
        ContactDialog dialog(contact(), QStringLiteral("US"));
        dialog.setLocationLists(lists());
        QCOMPARE(dialog.customFieldEditors().size(), 14);
        QCOMPARE(dialog.customFieldEditors().first()->definition().id, QStringLiteral("cfText"));
        // Loaded as stored; nothing changed yet.
        QVERIFY(dialog.changedFields().isEmpty());

        editor(dialog, "cfText")->findChild<QLineEdit*>()->setText(QStringLiteral("Website"));
        editor(dialog, "cfLarge")
            ->findChild<QPlainTextEdit*>()
            ->setPlainText(QStringLiteral("A\nB"));
        editor(dialog, "cfNumber")->findChild<QSpinBox*>()->setValue(77);
        editor(dialog, "cfPhone")
            ->findChild<QLineEdit*>()
            ->setText(QStringLiteral("(415) 555-0199"));
        editor(dialog, "cfMoney")->findChild<QDoubleSpinBox*>()->setValue(99.95);
        for (QCheckBox* box : editor(dialog, "cfCheck")->findChildren<QCheckBox*>())
            box->setChecked(box->text() == QLatin1StringView("Gutters"));
        editor(dialog, "cfSingle")
            ->findChild<QComboBox*>()
            ->setCurrentText(QStringLiteral("Silver"));
        auto* multi = editor(dialog, "cfMulti")->findChild<QListWidget*>();
        multi->item(0)->setCheckState(Qt::Unchecked);
        multi->item(1)->setCheckState(Qt::Checked);
        editor(dialog, "cfFloat")->findChild<QDoubleSpinBox*>()->setValue(1.5);
        editor(dialog, "cfTime")->findChild<QTimeEdit*>()->setTime(QTime(8, 15));
        editor(dialog, "cfDate")->findChild<QDateEdit*>()->setDate(QDate(2027, 1, 2));
        editor(dialog, "cfList")
            ->findChild<QPlainTextEdit*>()
            ->setPlainText(QStringLiteral("Bike\n\nBoat"));
        editor(dialog, "cfRadio")->findChild<QComboBox*>()->setCurrentText(QStringLiteral("Email"));
        editor(dialog, "cfEmpty")->findChild<QLineEdit*>()->setText(QStringLiteral("Sam"));

        QHash<QString, QJsonValue> sent;
        const QJsonArray inputs
            = dialog.changedFields().value(QStringLiteral("customFields")).toArray();
        for (const QJsonValue& input : inputs)
            sent.insert(
                input[QStringLiteral("id")].toString(), input[QStringLiteral("field_value")]);
        QCOMPARE(sent.size(), 14);
        QCOMPARE(sent.value(QStringLiteral("cfText")), QJsonValue(QStringLiteral("Website")));
        QCOMPARE(sent.value(QStringLiteral("cfLarge")), QJsonValue(QStringLiteral("A\nB")));
        QCOMPARE(sent.value(QStringLiteral("cfNumber")), QJsonValue(77));
        QCOMPARE(sent.value(QStringLiteral("cfPhone")), QJsonValue(QStringLiteral("+14155550199")));
        QCOMPARE(sent.value(QStringLiteral("cfMoney")), QJsonValue(99.95));
        QCOMPARE(sent.value(QStringLiteral("cfCheck")),
            QJsonValue(QJsonArray {QStringLiteral("Gutters")}));
        QCOMPARE(sent.value(QStringLiteral("cfSingle")), QJsonValue(QStringLiteral("Silver")));
        QCOMPARE(sent.value(QStringLiteral("cfMulti")),
            QJsonValue(QJsonArray {QStringLiteral("New build"), QStringLiteral("Insurance")}));
        QCOMPARE(sent.value(QStringLiteral("cfFloat")), QJsonValue(1.5));
        QCOMPARE(sent.value(QStringLiteral("cfTime")), QJsonValue(QStringLiteral("08:15")));
        QCOMPARE(sent.value(QStringLiteral("cfDate")), QJsonValue(QStringLiteral("2027-01-02")));
        QCOMPARE(sent.value(QStringLiteral("cfList")),
            QJsonValue(QJsonArray {QStringLiteral("Bike"), QStringLiteral("Boat")}));
        QCOMPARE(sent.value(QStringLiteral("cfRadio")), QJsonValue(QStringLiteral("Email")));
        QCOMPARE(sent.value(QStringLiteral("cfEmpty")), QJsonValue(QStringLiteral("Sam")));
        // The field the list does not know is left alone.
        QVERIFY(!sent.contains(QStringLiteral("cfGone0000000000001")));

        // Clearing a value sends a blank (the API's "remove").
        editor(dialog, "cfNumber")
            ->findChild<QSpinBox*>()
            ->setValue(editor(dialog, "cfNumber")->findChild<QSpinBox*>()->minimum());
        bool cleared = false;
        for (const QJsonValue& input :
            dialog.changedFields().value(QStringLiteral("customFields")).toArray()) {
            if (input[QStringLiteral("id")].toString() == QLatin1StringView("cfNumber"))
                cleared = input[QStringLiteral("field_value")] == QJsonValue(QString());
        }
        QVERIFY(cleared);
    }

    void badPhoneIsRefusedWithAMessage()
    {
        ContactDialog dialog(contact(), QStringLiteral("US"));
        dialog.setLocationLists(lists());
        dialog.show();
        CustomFieldEditor* phone = editor(dialog, "cfPhone");
        phone->findChild<QLineEdit*>()->setText(QStringLiteral("12"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.isVisible());
        QVERIFY(phone->error().contains(QStringLiteral("\"12\" is not a phone number")));
        // The input stays for the user to fix.
        QCOMPARE(phone->findChild<QLineEdit*>()->text(), QStringLiteral("12"));
    }

    void assigneeCombosListUserNames()
    {
        ContactDialog dialog(contact(), QStringLiteral("US"));
        dialog.setLocationLists(lists());
        QCOMPARE(comboTexts(dialog.assigneeCombo()),
            QStringList({QStringLiteral("Unassigned"), QStringLiteral("Anna Berg"),
                QStringLiteral("Omar Diaz")}));
        QCOMPARE(dialog.assigneeCombo()->currentText(), QStringLiteral("Anna Berg"));
        dialog.assigneeCombo()->setCurrentText(QStringLiteral("Omar Diaz"));
        QCOMPARE(dialog.changedFields().value(QStringLiteral("assignedTo")).toString(),
            QStringLiteral("userOmar"));

        SystemClock clock;
        Api::Task task;
        task.id = QStringLiteral("task1");
        task.title = QStringLiteral("Call back");
        task.assignedTo = QStringLiteral("userGone");
        TaskDialog taskDialog(task, clock);
        taskDialog.setUsers(lists().users);
        QCOMPARE(comboTexts(taskDialog.assigneeCombo()),
            QStringList({QStringLiteral("Unassigned"), QStringLiteral("Anna Berg"),
                QStringLiteral("Omar Diaz"), QStringLiteral("userGone")}));
        QCOMPARE(taskDialog.assigneeCombo()->currentText(), QStringLiteral("userGone"));
        taskDialog.assigneeCombo()->setCurrentText(QStringLiteral("Anna Berg"));
        QCOMPARE(taskDialog.fields().value(QStringLiteral("assignedTo")).toString(),
            QStringLiteral("userAnna"));
    }

    void tagEditorOffersAndMarksLocationTags()
    {
        TagEditor tags;
        tags.setTags({QStringLiteral("vip"), QStringLiteral("roofing")});
        QStringList names;
        for (const Api::LocationTag& tag : lists().tags)
            names << tag.name;
        tags.setLocationTags(names);
        const auto* model = qobject_cast<QStringListModel*>(tags.lineEdit()->completer()->model());
        QVERIFY(model);
        QCOMPARE(model->stringList(), QStringList({QStringLiteral("newsletter")}));
        QCOMPARE(tags.chips().size(), 2);
        QCOMPARE(tags.chips().at(0)->accessibleName(), QStringLiteral("Tag vip"));
        QCOMPARE(tags.chips().at(1)->accessibleName(),
            QStringLiteral("Tag roofing, new to this location"));
        QVERIFY(tags.chips().at(1)->text().contains(QStringLiteral("(new)")));
        QVERIFY(!tags.chips().at(0)->text().contains(QStringLiteral("(new)")));
    }
};

QTEST_MAIN(TestLocationLists)
#include "tst_locationlists.moc"
