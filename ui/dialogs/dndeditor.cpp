#include "ui/dialogs/dndeditor.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

namespace {

using Api::DndChannel;

bool isOn(const std::optional<Api::DndStatus>& status)
{
    return status
        && (status->status == QLatin1StringView("active")
            || status->status == QLatin1StringView("permanent"));
}

bool isPermanent(const std::optional<Api::DndStatus>& status)
{
    return status && status->status == QLatin1StringView("permanent");
}

QString channelLabel(DndChannel channel)
{
    switch (channel) {
    case DndChannel::Call:
        return DndEditor::tr("Calls and voicemail");
    case DndChannel::Email:
        return DndEditor::tr("Email");
    case DndChannel::Sms:
        return DndEditor::tr("Text messages (SMS)");
    case DndChannel::WhatsApp:
        return DndEditor::tr("WhatsApp");
    case DndChannel::Gmb:
        return DndEditor::tr("Google Business messages");
    case DndChannel::Fb:
        return DndEditor::tr("Facebook messages");
    case DndChannel::Rcs:
        return DndEditor::tr("RCS messages");
    }
    return {};
}

} // namespace

DndEditor::DndEditor(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("dndEditor"));
    setAccessibleName(tr("Do not disturb"));

    m_all = new QCheckBox(tr("All channels"), this);
    m_all->setObjectName(QStringLiteral("dndAll"));
    m_all->setAccessibleName(tr("Do not disturb on all channels"));
    connect(m_all, &QCheckBox::toggled, this, [this] {
        updateEnabled();
        Q_EMIT changed();
    });

    auto* grid = new QGridLayout;
    grid->setContentsMargins(16, 0, 0, 0);
    for (const DndChannel channel : Api::DndSettings::allChannels) {
        const std::size_t i = std::size_t(channel);
        auto* box = new QCheckBox(channelLabel(channel), this);
        box->setObjectName(QStringLiteral("dnd") + Api::DndSettings::key(channel));
        box->setAccessibleName(tr("Do not disturb: %1").arg(channelLabel(channel)));
        connect(box, &QCheckBox::toggled, this, &DndEditor::changed);
        grid->addWidget(box, int(i / 2), int(i % 2));
        m_channels[i] = box;
    }

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_all);
    layout->addLayout(grid);
}

void DndEditor::setValues(const Api::Contact& contact)
{
    const QSignalBlocker blockAll(m_all);
    m_all->setChecked(contact.dnd);
    for (const DndChannel channel : Api::DndSettings::allChannels) {
        const std::size_t i = std::size_t(channel);
        const auto& status = contact.dndSettings[channel];
        const QSignalBlocker block(m_channels[i]);
        m_channels[i]->setChecked(isOn(status));
        m_permanent[i] = isPermanent(status);
        m_channels[i]->setToolTip(m_permanent[i]
                ? tr("The contact opted out of this channel for good; it cannot be changed here.")
                : QString());
    }
    updateEnabled();
}

void DndEditor::apply(const Api::Contact& original, Api::Contact* contact) const
{
    if (m_all->isChecked() != original.dnd)
        contact->dnd = m_all->isChecked();
    for (const DndChannel channel : Api::DndSettings::allChannels) {
        const std::size_t i = std::size_t(channel);
        const bool on = m_channels[i]->isChecked();
        if (m_permanent[i] || on == isOn(original.dndSettings[channel]))
            continue;
        contact->dndSettings[channel]
            = Api::DndStatus {on ? QStringLiteral("active") : QStringLiteral("inactive"), {}, {}};
    }
}

void DndEditor::updateEnabled()
{
    // Under DND on every channel the per-channel switches change nothing until it is lifted.
    for (std::size_t i = 0; i < m_channels.size(); ++i)
        m_channels[i]->setEnabled(!m_all->isChecked() && !m_permanent[i]);
}

} // namespace ContactDesk::Ui
