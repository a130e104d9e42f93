#pragma once

#include "api/models/contact.h"
#include "api/models/locationlists.h"

#include <QHash>
#include <QScrollArea>
#include <QString>

#include <optional>

class QCheckBox;
class QFormLayout;
class QLabel;

namespace ContactDesk::Ui {

// The Overview tab: every field of the contact, read-only and selectable: names, email, phone,
// company, address, website, time zone, source, type, date of birth, do-not-disturb per channel,
// custom fields under their names in the location's field order with values formatted for
// their type, and the dates in the user's time zone. Custom fields without a value are hidden
// until "Show empty fields" is ticked. Each value label is named "overview_<wire key>"
// ("overview_email", "overview_dnd_SMS", "overview_cf_<field id>").
class ContactOverview : public QScrollArea
{
    Q_OBJECT

public:
    explicit ContactOverview(QWidget* parent = nullptr);

    void setContact(const std::optional<Api::Contact>& contact);
    // The location's lists: custom field definitions (names, types, order) and users (the
    // assignee's name). A field or user the lists do not know is shown by its id.
    void setLocationLists(const Api::LocationLists& lists);
    // The country phone numbers are shown for: national format for its numbers,
    // international for the others.
    void setRegion(const QString& region);
    void setShowEmptyFields(bool show);
    bool showsEmptyFields() const { return m_showEmpty; }
    QCheckBox* showEmptyToggle() const { return m_showEmptyToggle; }

    // The label showing field `key`, or null when the current contact has no such row.
    QLabel* valueLabel(const QString& key) const;

    static QString dndChannelName(Api::DndChannel channel);
    static QString dndStatusText(const std::optional<Api::DndStatus>& status);

private:
    void rebuild();
    void addSection(const QString& title);
    void addRow(const QString& key, const QString& label, const QString& value);
    void addCustomFields();

    std::optional<Api::Contact> m_contact;
    Api::LocationLists m_lists;
    QString m_region;
    bool m_showEmpty = false;
    QCheckBox* m_showEmptyToggle = nullptr;
    QFormLayout* m_form = nullptr;
    QHash<QString, QLabel*> m_values;
};

} // namespace ContactDesk::Ui
