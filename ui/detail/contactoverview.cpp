#include "ui/detail/contactoverview.h"

#include "ui/detail/detailsupport.h"
#include "ui/dialogs/dialogsupport.h"

#include <QFormLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>

namespace ContactDesk::Ui {

namespace {

// The display names of the files in a file-upload custom field:
// {"<uuid>": {"meta": {"originalname": "a.pdf"}, "url": ...}}.
QStringList fileNames(const QJsonObject& object)
{
    QStringList names;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonObject file = it.value().toObject();
        const QJsonObject meta = file.value(QLatin1StringView("meta")).toObject();
        const QString name = meta.value(QLatin1StringView("originalname")).toString();
        if (!name.isEmpty())
            names << name;
    }
    return names;
}

} // namespace

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

void ContactOverview::setCustomFieldNames(const QHash<QString, QString>& names)
{
    m_customFieldNames = names;
    rebuild();
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

QString ContactOverview::customValueText(const QJsonValue& value)
{
    if (value.isObject()) {
        const QStringList names = fileNames(value.toObject());
        if (!names.isEmpty())
            return names.join(QStringLiteral(", "));
    }
    return displayValue(value);
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
    addRow(QStringLiteral("phone"), tr("Phone"), c.phone);
    addRow(QStringLiteral("companyName"), tr("Company"), c.companyName);
    addRow(QStringLiteral("website"), tr("Website"), c.website);
    addRow(QStringLiteral("dateOfBirth"), tr("Date of birth"),
        c.dateOfBirth.isValid() ? locale.toString(c.dateOfBirth, QLocale::LongFormat) : QString());
    addRow(QStringLiteral("source"), tr("Source"), c.source);
    addRow(QStringLiteral("type"), tr("Type"), c.type);
    addRow(QStringLiteral("assignedTo"), tr("Assigned to"), c.assignedTo);

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

    if (!c.customFields.isEmpty()) {
        addSection(tr("Custom fields"));
        for (const Api::CustomFieldValue& field : c.customFields) {
            QString name = m_customFieldNames.value(field.id);
            if (name.isEmpty() && !field.key.isEmpty())
                name = m_customFieldNames.value(field.key, field.key);
            if (name.isEmpty())
                name = field.id;
            addRow(QStringLiteral("cf_") + (field.id.isEmpty() ? field.key : field.id), name,
                customValueText(field.value));
        }
    }

    addSection(tr("Record"));
    addRow(QStringLiteral("dateAdded"), tr("Added"), localDateTimeText(c.dateAdded));
    addRow(QStringLiteral("dateUpdated"), tr("Updated"), localDateTimeText(c.dateUpdated));
    if (!c.followers.isEmpty()) {
        addRow(
            QStringLiteral("followers"), tr("Followers"), c.followers.join(QStringLiteral(", ")));
    }
}

} // namespace ContactDesk::Ui
