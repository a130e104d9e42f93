#pragma once

#include "api/models/contact.h"

#include <QWidget>

#include <array>

class QCheckBox;

namespace ContactDesk::Ui {

// Do-not-disturb for a contact: one switch for every channel (the API's `dnd`) and one per
// channel (`dndSettings`). A channel under permanent DND (the contact opted out) shows as on and
// cannot be changed here. Only what the user switches is written back, so a channel's message
// and code from the server survive an edit of another field.
class DndEditor : public QWidget
{
    Q_OBJECT

public:
    explicit DndEditor(QWidget* parent = nullptr);

    // Shows `contact`'s DND state.
    void setValues(const Api::Contact& contact);
    // Writes the switches that differ from `original`'s state into `contact`.
    void apply(const Api::Contact& original, Api::Contact* contact) const;

    QCheckBox* allChannels() const { return m_all; }
    QCheckBox* channel(Api::DndChannel channel) const { return m_channels[std::size_t(channel)]; }

Q_SIGNALS:
    void changed();

private:
    void updateEnabled();

    QCheckBox* m_all = nullptr;
    std::array<QCheckBox*, Api::dndChannelCount> m_channels {};
    std::array<bool, Api::dndChannelCount> m_permanent {};
};

} // namespace ContactDesk::Ui
