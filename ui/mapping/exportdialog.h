#pragma once

#include "api/models/locationlists.h"
#include "mapping/contactexport.h"
#include "ui/mapping/fileprompts.h"

#include <QDialog>
#include <QVector>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QRadioButton;

namespace ContactDesk::Store {
class ContactCache;
}

namespace ContactDesk::Ui {

// File > Export...: every cached contact, the ones the list shows (its search and tag filter),
// or the selected ones, to CSV with the chosen columns (core fields, custom fields by name,
// tags) or to vCard 4.0, into a file chosen through the file prompts.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    // What the contact list offers: the rows it shows (in its order) when a search or filter
    // narrows it, and the selected rows.
    struct ListState
    {
        QVector<qint64> shown;
        bool narrowed = false;
        QString searchText;
        QVector<qint64> selected;
    };

    ExportDialog(const Store::ContactCache& cache, const Api::LocationLists& lists,
        const ListState& list, QWidget* parent = nullptr);

    void setFilePrompts(const FilePrompts& prompts) { m_prompts = prompts; }
    // The rows the chosen scope covers.
    QVector<qint64> rowIds() const;
    QList<Mapping::ExportColumn> columns() const;
    Mapping::ExportFormat format() const;

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    // The file was written: user text for the status bar ("12 contacts exported to x.csv").
    void exported(const QString& message);

private:
    void updateState();

    const Store::ContactCache& m_cache;
    Api::LocationLists m_lists;
    ListState m_list;
    FilePrompts m_prompts;
    QList<Mapping::ExportColumn> m_columns;
    QRadioButton* m_all = nullptr;
    QRadioButton* m_shown = nullptr;
    QRadioButton* m_selected = nullptr;
    QRadioButton* m_csv = nullptr;
    QRadioButton* m_vcard = nullptr;
    QListWidget* m_columnList = nullptr;
    QLabel* m_message = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace ContactDesk::Ui
