// The location's custom fields through the whole app on a real sandbox: the Overview names
// them, and the edit dialog saves a value of every dataType that the sandbox then holds.
#include "appflowfixture.h"
#include "appflowhelpers.h"
#include "ui/detail/contactdetailpane.h"
#include "ui/detail/contactoverview.h"
#include "ui/dialogs/contactdialog.h"
#include "ui/dialogs/customfieldeditors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTest>
#include <QTimeEdit>

using namespace AppFlowTest;
using ContactDesk::Ui::ContactDialog;
using ContactDesk::Ui::CustomFieldEditor;

namespace {

// Gives the sandbox's location one field of every dataType it does not have yet.
void addEveryType(Sandbox::SandboxData& data)
{
    const QStringList options {
        QStringLiteral("Bronze"), QStringLiteral("Silver"), QStringLiteral("Gold")};
    QSet<QString> present;
    for (QJsonObject& field : data.customFieldDefinitions()) {
        const QString type = field.value(QStringLiteral("dataType")).toString();
        present.insert(type);
        // Option fields offer the picklist the location defines.
        if (QStringList {QStringLiteral("CHECKBOX"), QStringLiteral("SINGLE_OPTIONS"),
                QStringLiteral("MULTIPLE_OPTIONS"), QStringLiteral("RADIO")}
                .contains(type)
            && !field.contains(QStringLiteral("picklistOptions")))
            field.insert(QStringLiteral("picklistOptions"), QJsonArray::fromStringList(options));
    }
    for (const char* type :
        {"TEXT", "LARGE_TEXT", "NUMERICAL", "PHONE", "MONETORY", "CHECKBOX", "SINGLE_OPTIONS",
            "MULTIPLE_OPTIONS", "FLOAT", "TIME", "DATE", "TEXTBOX_LIST", "RADIO"}) {
        const QString dataType = QString::fromLatin1(type);
        if (present.contains(dataType))
            continue;
        data.customFieldDefinitions().append({{QStringLiteral("id"), data.newId()},
            {QStringLiteral("fieldKey"), QStringLiteral("contact.test_") + dataType.toLower()},
            {QStringLiteral("name"), QStringLiteral("Test ") + dataType.toLower()},
            {QStringLiteral("dataType"), dataType},
            {QStringLiteral("picklistOptions"), QJsonArray::fromStringList(options)},
            {QStringLiteral("locationId"), data.mainLocation().id}});
    }
}

// Puts a value in the editor, by its widget; returns what the sandbox should then hold.
QJsonValue fill(CustomFieldEditor* editor)
{
    const QString type = editor->definition().dataType;
    const QStringList options = editor->definition().picklistOptions;
    if (type == QLatin1StringView("PHONE")) {
        editor->findChild<QLineEdit*>()->setText(QStringLiteral("(415) 555-0142"));
        return QStringLiteral("+14155550142");
    }
    if (type == QLatin1StringView("LARGE_TEXT")) {
        editor->findChild<QPlainTextEdit*>()->setPlainText(QStringLiteral("First line\nSecond"));
        return QStringLiteral("First line\nSecond");
    }
    if (type == QLatin1StringView("TEXTBOX_LIST")) {
        editor->findChild<QPlainTextEdit*>()->setPlainText(QStringLiteral("Van\nTruck"));
        return QJsonArray {QStringLiteral("Van"), QStringLiteral("Truck")};
    }
    if (type == QLatin1StringView("NUMERICAL")) {
        editor->findChild<QSpinBox*>()->setValue(73);
        return 73;
    }
    if (type == QLatin1StringView("MONETORY") || type == QLatin1StringView("FLOAT")) {
        editor->findChild<QDoubleSpinBox*>()->setValue(1234.5);
        return 1234.5;
    }
    if (type == QLatin1StringView("DATE")) {
        editor->findChild<QCheckBox*>()->setChecked(true);
        editor->findChild<QDateEdit*>()->setDate(QDate(2027, 2, 3));
        return QStringLiteral("2027-02-03");
    }
    if (type == QLatin1StringView("TIME")) {
        editor->findChild<QCheckBox*>()->setChecked(true);
        editor->findChild<QTimeEdit*>()->setTime(QTime(16, 45));
        return QStringLiteral("16:45");
    }
    if (type == QLatin1StringView("CHECKBOX")) {
        const QList<QCheckBox*> boxes = editor->findChildren<QCheckBox*>();
        for (QCheckBox* box : boxes)
            box->setChecked(box == boxes.last());
        return QJsonArray {boxes.last()->property("option").toString()};
    }
    if (type == QLatin1StringView("MULTIPLE_OPTIONS")) {
        auto* list = editor->findChild<QListWidget*>();
        for (int i = 0; i < list->count(); ++i)
            list->item(i)->setCheckState(i == 0 ? Qt::Checked : Qt::Unchecked);
        return QJsonArray {list->item(0)->text()};
    }
    if (type == QLatin1StringView("SINGLE_OPTIONS") || type == QLatin1StringView("RADIO")) {
        auto* combo = editor->findChild<QComboBox*>();
        combo->setCurrentIndex(combo->count() - 1);
        return combo->currentData().toString();
    }
    editor->findChild<QLineEdit*>()->setText(QStringLiteral("Typed by a test"));
    return QStringLiteral("Typed by a test");
}

} // namespace

class TestAppFlowsFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void overviewNamesTheSandboxFields()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        const QString id = flow.model()->contactIdAt(0);
        QVERIFY(flow.select(id));
        auto* overview = flow.window.findChild<ContactDesk::Ui::ContactOverview*>();
        QVERIFY(overview);
        // Every custom field the contact has is under its definition's name, never its id.
        const QJsonArray values
            = flow.fx.data().liveContact(id)->value(QStringLiteral("customFields")).toArray();
        for (const QJsonValue& value : values) {
            const QString fieldId = value[QStringLiteral("id")].toString();
            QTRY_VERIFY(overview->valueLabel(QStringLiteral("cf_") + fieldId));
            QLabel* label = overview->valueLabel(QStringLiteral("cf_") + fieldId);
            const QJsonObject* definition = flow.fx.data().customFieldDefinition(fieldId);
            QVERIFY(definition);
            QCOMPARE(label->accessibleName(), definition->value(QStringLiteral("name")).toString());
            QVERIFY(!label->text().isEmpty());
        }
    }

    void editSavesEveryDataType()
    {
        AppFlow flow;
        addEveryType(flow.fx.data());
        QVERIFY(flow.start());
        const QString id = flow.model()->contactIdAt(0);
        QVERIFY(flow.select(id));
        const qint64 seq = flow.mark();
        QTest::keyClick(flow.list()->view(), Qt::Key_Return);
        auto* dialog = flow.openDialog<ContactDialog>();
        QVERIFY(dialog);
        QHash<QString, QJsonValue> expected;
        QSet<QString> types;
        for (CustomFieldEditor* editor : dialog->customFieldEditors()) {
            expected.insert(editor->definition().id, fill(editor));
            types.insert(editor->definition().dataType);
        }
        QCOMPARE(types.size(), 13);
        QVERIFY(press(dialog, "okButton"));
        const bool sent = flow.waitOutboxEmpty();
        const auto updates = flow.requests(seq, QStringLiteral("update-contact"));
        QVERIFY2(sent && !updates.isEmpty(),
            updates.isEmpty() ? "no update sent" : updates.last().responseBody.constData());
        QCOMPARE(updates.size(), 1);
        QCOMPARE(updates.first().status, 200);
        QHash<QString, QJsonValue> held;
        const QJsonArray stored
            = flow.fx.data().liveContact(id)->value(QStringLiteral("customFields")).toArray();
        for (const QJsonValue& value : stored)
            held.insert(value[QStringLiteral("id")].toString(), value[QStringLiteral("value")]);
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            const QJsonObject* definition = flow.fx.data().customFieldDefinition(it.key());
            const QByteArray what
                = definition->value(QStringLiteral("dataType")).toString().toUtf8() + ' '
                + updates.first().requestBody;
            QVERIFY2(held.value(it.key()) == it.value(), what.constData());
        }
    }
};

QTEST_MAIN(TestAppFlowsFields)
#include "tst_appflows_fields.moc"
