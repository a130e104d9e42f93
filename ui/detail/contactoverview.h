#pragma once

#include "api/models/contact.h"

#include <QHash>
#include <QScrollArea>
#include <QString>

#include <optional>

class QFormLayout;
class QLabel;

namespace ContactDesk::Ui {

// The Overview tab: every field of the contact, read-only and selectable: names, email, phone,
// company, address, website, time zone, source, type, date of birth, do-not-disturb per channel,
// custom fields under their names, and the dates in the user's time zone. Each value label is
// named "overview_<wire key>" ("overview_email", "overview_dnd_SMS", "overview_cf_<field id>").
class ContactOverview : public QScrollArea
{
    Q_OBJECT

public:
    explicit ContactOverview(QWidget* parent = nullptr);

    void setContact(const std::optional<Api::Contact>& contact);
    // Custom field names by id (or key), from whoever knows the location's fields; a field
    // without a name shows its key, else its id.
    void setCustomFieldNames(const QHash<QString, QString>& names);

    // The label showing field `key`, or null when the current contact has no such row.
    QLabel* valueLabel(const QString& key) const;

    static QString dndChannelName(Api::DndChannel channel);
    static QString dndStatusText(const std::optional<Api::DndStatus>& status);
    static QString customValueText(const QJsonValue& value);

private:
    void rebuild();
    void addSection(const QString& title);
    void addRow(const QString& key, const QString& label, const QString& value);

    std::optional<Api::Contact> m_contact;
    QHash<QString, QString> m_customFieldNames;
    QFormLayout* m_form = nullptr;
    QHash<QString, QLabel*> m_values;
};

} // namespace ContactDesk::Ui
