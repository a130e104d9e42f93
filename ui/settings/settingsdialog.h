#pragma once

#include <QDialog>
#include <QList>
#include <QPair>
#include <QString>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace ContactDesk::Ui {

class AppSettings;

// Settings: the connections (their own dialog, opened from here), the country a phone number
// without a country code is read in, how often to sync, and the columns of the contact list.
// OK writes the app settings and emits applied(); the caller applies the columns and interval.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    struct Column
    {
        int column = 0; // ContactListModel::Column
        QString title;
        bool visible = true;
    };

    SettingsDialog(AppSettings& settings, const QString& connectionName,
        const QList<Column>& columns, QWidget* parent = nullptr);

    QString defaultRegion() const;
    int syncIntervalMinutes() const;
    // Columns ticked, in the order listed.
    QList<int> visibleColumns() const;

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    void manageConnectionsRequested();
    void applied();

private:
    void updateOk();

    AppSettings& m_settings;
    QComboBox* m_region = nullptr;
    QSpinBox* m_interval = nullptr;
    QList<QPair<int, QCheckBox*>> m_columns;
    QLabel* m_columnsHint = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace ContactDesk::Ui
