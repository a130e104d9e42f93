#include "ui/detail/contactoverview.h"

#include "common/phonenumbers.h"
#include "ui/detail/customfieldformat.h"
#include "ui/detail/detailsupport.h"
#include "ui/dialogs/dialogsupport.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>

#include <algorithm>

namespace ContactDesk::Ui {

ContactOverview::ContactOverview(QWidget* parent)
    : QScrollArea(parent)
{
    setObjectName(QStringLiteral("overviewTab"));
    setAccessibleName(tr("Overview"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    rebuild();
}

void ContactOverview::setContact(const std::optional<Api::Contact>& contact)
{
    if (contact == m_contact && m_form)
        return;
    m_contact = contact;
    rebuild();
}

void ContactOverview::setLocationLists(const Api::LocationLists& lists)
{
    m_lists = lists;
    rebuild();
}

void ContactOverview::setRegion(const QString& region)
{
    if (region == m_region)
        return;
    m_region = region;
    rebuild();
}

void ContactOverview::setShowEmptyFields(bool show)
{
    if (show == m_showEmpty)
        return;
    m_showEmpty = show;
    const int scrolled = verticalScrollBar() ? verticalScrollBar()->value() : 0;
    rebuild();
    verticalScrollBar()->setValue(scrolled);
}

QLabel* ContactOverview::valueLabel(const QString& key) const
{
    return m_values.value(key);
}

QString ContactOverview::dndChannelName(Api::DndChannel channel)
{
    switch (channel) {
    case Api::DndChannel::Call:
        return tr("Calls");
    case Api::DndChannel::Email:
        return tr("Email");
    case Api::DndChannel::Sms:
        return tr("Text messages");
    case Api::DndChannel::WhatsApp:
        return tr("WhatsApp");
    case Api::DndChannel::Gmb:
        return tr("Google Business messages");
    case Api::DndChannel::Fb:
        return tr("Facebook");
    case Api::DndChannel::Rcs:
        return tr("RCS");
    }
    return {};
}

QString ContactOverview::dndStatusText(const std::optional<Api::DndStatus>& status)
{
    if (!status || status->status.isEmpty() || status->status == QLatin1StringView("inactive"))
        return tr("Allowed");
    QString text = status->status == QLatin1StringView("permanent")
        ? tr("Do not disturb (permanent: the contact opted out)")
        : tr("Do not disturb");
    if (!status->message.isEmpty())
        text += QStringLiteral(" – ") + status->message;
    return text;
}

void ContactOverview::addSection(const QString& title)
{
    auto* label = new QLabel(title, m_form->parentWidget());
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setTextFormat(Qt::PlainText);
    m_form->addRow(label);
}

void ContactOverview::addRow(const QString& key, const QString& label, const QString& value)
{
    QWidget* parent = m_form->parentWidget();
    auto* shown = new QLabel(parent);
    shown->setObjectName(QStringLiteral("overview_") + key);
    shown->setTextFormat(Qt::PlainText);
    shown->setWordWrap(true);
    shown->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    shown->setAccessibleName(label);
    if (value.isEmpty()) {
        shown->setText(tr("Not set"));
        shown->setEnabled(false);
    } else {
        shown->setText(value);
    }
    auto* name = new QLabel(label, parent);
    name->setTextFormat(Qt::PlainText);
    name->setBuddy(shown);
    m_form->addRow(name, shown);
    m_values.insert(key, shown);
}

void ContactOverview::rebuild()
{
    m_values.clear();
    auto* page = new QWidget;
    m_form = new QFormLayout(page);
    m_showEmptyToggle = nullptr;
    // Values are word-wrapping labels, whose size hint is narrow: they take the column's width,
    // or a value of two words would wrap and show only its first line.
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    setWidget(page);
    if (!m_contact)
        return;
    const Api::Contact& c = *m_contact;
    const QLocale locale;

    addSection(tr("Contact"));
    addRow(QStringLiteral("name"), tr("Name"), c.name);
    addRow(QStringLiteral("firstName"), tr("First name"), c.firstName);
    addRow(QStringLiteral("lastName"), tr("Last name"), c.lastName);
    addRow(QStringLiteral("email"), tr("Email"), c.email);
    addRow(QStringLiteral("phone"), tr("Phone"), formatPhone(c.phone, m_region));
    addRow(QStringLiteral("companyName"), tr("Company"), c.companyName);
    addRow(QStringLiteral("website"), tr("Website"), c.website);
    addRow(QStringLiteral("dateOfBirth"), tr("Date of birth"),
        c.dateOfBirth.isValid() ? locale.toString(c.dateOfBirth, QLocale::LongFormat) : QString());
    addRow(QStringLiteral("source"), tr("Source"), c.source);
    addRow(QStringLiteral("type"), tr("Type"), c.type);
    addRow(QStringLiteral("assignedTo"), tr("Assigned to"),
        c.assignedTo.isEmpty() ? QString() : m_lists.userName(c.assignedTo));

    // The location's own fields come right after the person: they are what the team added.
    addCustomFields();

    addSection(tr("Address"));
    addRow(QStringLiteral("address1"), tr("Street"), c.address1);
    addRow(QStringLiteral("city"), tr("City"), c.city);
    addRow(QStringLiteral("state"), tr("State"), c.state);
    addRow(QStringLiteral("postalCode"), tr("Postal code"), c.postalCode);
    addRow(QStringLiteral("country"), tr("Country"), c.country);
    addRow(QStringLiteral("timezone"), tr("Time zone"), c.timezone);

    addSection(tr("Do not disturb"));
    addRow(QStringLiteral("dnd"), tr("All channels"), c.dnd ? tr("Do not disturb") : tr("Allowed"));
    for (const Api::DndChannel channel : Api::DndSettings::allChannels) {
        addRow(QStringLiteral("dnd_") + Api::DndSettings::key(channel), dndChannelName(channel),
            dndStatusText(c.dndSettings[channel]));
    }
    if (!c.inboundDndSettings.isEmpty()) {
        addRow(QStringLiteral("inboundDnd"), tr("Inbound messages"),
            dndStatusText(c.inboundDndSettings.all));
    }

    addSection(tr("Record"));
    addRow(QStringLiteral("dateAdded"), tr("Added"), localDateTimeText(c.dateAdded));
    addRow(QStringLiteral("dateUpdated"), tr("Updated"), localDateTimeText(c.dateUpdated));
    if (!c.followers.isEmpty()) {
        addRow(
            QStringLiteral("followers"), tr("Followers"), c.followers.join(QStringLiteral(", ")));
    }
}

void ContactOverview::addCustomFields()
{
    const Api::Contact& c = *m_contact;
    QList<const Api::CustomFieldDefinition*> fields;
    for (const Api::CustomFieldDefinition& field : std::as_const(m_lists.customFields)) {
        if (field.model.isEmpty() || field.model == QLatin1StringView("contact"))
            fields << &field;
    }
    std::stable_sort(fields.begin(), fields.end(),
        [](const auto* a, const auto* b) { return a->position < b->position; });
    const auto valueOf = [&c](const Api::CustomFieldDefinition& field) -> const QJsonValue* {
        for (const Api::CustomFieldValue& value : c.customFields) {
            if ((!value.id.isEmpty() && value.id == field.id)
                || (value.id.isEmpty() && !value.key.isEmpty()
                    && (value.key == field.fieldKey
                        || QStringLiteral("contact.") + value.key == field.fieldKey)))
                return &value.value;
        }
        return nullptr;
    };
    struct Row
    {
        QString key;
        QString name;
        QString text;
    };
    QList<Row> rows;
    int empty = 0;
    for (const Api::CustomFieldDefinition* field : std::as_const(fields)) {
        const QJsonValue* value = valueOf(*field);
        const QString text = value ? customFieldText(field, *value, m_region) : QString();
        if (text.isEmpty()) {
            ++empty;
            if (!m_showEmpty)
                continue;
        }
        rows.append({QStringLiteral("cf_") + field->id, field->name, text});
    }
    // Values of fields the location's list does not know (or cannot be read): by id.
    for (const Api::CustomFieldValue& value : c.customFields) {
        const QString ref = value.id.isEmpty() ? value.key : value.id;
        if (m_lists.customField(ref) || isEmptyCustomValue(value.value))
            continue;
        rows.append(
            {QStringLiteral("cf_") + ref, ref, customFieldText(nullptr, value.value, m_region)});
    }
    if (rows.isEmpty() && empty == 0)
        return;
    addSection(tr("Custom fields"));
    if (empty > 0) {
        m_showEmptyToggle
            = new QCheckBox(tr("Show empty fields (%n)", nullptr, empty), m_form->parentWidget());
        m_showEmptyToggle->setObjectName(QStringLiteral("showEmptyFields"));
        m_showEmptyToggle->setAccessibleName(tr("Show empty custom fields"));
        m_showEmptyToggle->setChecked(m_showEmpty);
        connect(m_showEmptyToggle, &QCheckBox::toggled, this, [this](bool on) {
            // The toggle is rebuilt with the page; it goes once its signal has returned.
            QMetaObject::invokeMethod(
                this, [this, on] { setShowEmptyFields(on); }, Qt::QueuedConnection);
        });
        m_form->addRow(m_showEmptyToggle);
    }
    for (const Row& row : std::as_const(rows))
        addRow(row.key, row.name, row.text);
}

} // namespace ContactDesk::Ui
