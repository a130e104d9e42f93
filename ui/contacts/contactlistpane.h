#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVector>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QSettings;
class QStackedWidget;
class QTableView;

namespace ContactDesk::Store {
class Database;
}

namespace ContactDesk::Ui {

class ContactListModel;
class TagFilterBox;

// The contact list pane: a search field (search as you type through the cache's full-text
// index), a tag filter, the table of contacts, a count and an empty-state message. The user picks
// the columns from the header's context menu; columns, their order and widths and the sort are
// kept in the given settings.
//
// The pane changes nothing itself: it reports what the user asked for (open, delete) with the
// contact ids, and offers the selection for bulk actions.
class ContactListPane : public QWidget
{
    Q_OBJECT

public:
    // `database` must be open; it and `settings` must outlive the pane.
    ContactListPane(Store::Database& database, QSettings& settings, QWidget* parent = nullptr);
    ~ContactListPane() override;

    ContactListModel* model() const { return m_model; }
    QTableView* view() const { return m_table; }
    QLineEdit* searchField() const { return m_search; }
    QComboBox* tagFilter() const;
    // Ctrl+F for the whole window: focuses the search field with its text selected. A main
    // window puts this action in its menu rather than making its own, so the shortcut stays
    // unambiguous.
    QAction* findAction() const { return m_findAction; }

    // Empty when no contact is current.
    QString currentContactId() const { return m_currentId; }
    // In list order.
    QStringList selectedContactIds() const;
    int selectedCount() const;
    // Makes the contact current and the only one selected, and scrolls to it; false when it is
    // not in the list (filtered out or unknown).
    bool selectContact(const QString& contactId);

    bool isColumnVisible(int column) const;
    // The last visible column cannot be hidden.
    void setColumnVisible(int column, bool visible);
    // Visible columns (ContactListModel::Column) in the order shown.
    QList<int> visibleColumns() const;

    // How long typing must pause before the list is searched (120 ms by default).
    void setSearchDelay(int ms) { m_searchTimer.setInterval(ms); }

public Q_SLOTS:
    void focusSearch();
    void clearSearch();

Q_SIGNALS:
    void currentContactChanged(const QString& contactId);
    // Enter or a double-click on a contact.
    void activated(const QString& contactId);
    // Del with contacts selected; the pane does not delete (the caller confirms first).
    void deleteRequested(const QStringList& contactIds);
    void selectedCountChanged(int count);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    static constexpr int minimumColumnWidth = 24;

    void applySavedSort();
    void buildColumnsMenu();
    void restoreColumns();
    void saveColumns();
    void applySearchNow();
    void refreshTags();
    void onTagChosen(int index);
    void updateCounts();
    void updateCurrent();
    void rememberSelection();
    void restoreSelection();
    void focusList();

    QSettings& m_settings;
    ContactListModel* m_model = nullptr;
    QLineEdit* m_search = nullptr;
    TagFilterBox* m_tagFilter = nullptr;
    QStackedWidget* m_stack = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QLabel* m_countLabel = nullptr;
    QMenu* m_columnsMenu = nullptr;
    QAction* m_findAction = nullptr;
    QTimer m_searchTimer;
    QTimer m_tagsTimer;
    QTimer m_saveTimer;
    bool m_tagsDirty = true;
    bool m_restoring = false;
    QString m_currentId;
    qint64 m_rememberedCurrent = 0;
    QVector<qint64> m_rememberedSelection;
};

} // namespace ContactDesk::Ui
