#pragma once

#include "api/models/task.h"
#include "ui/detail/childtablemodel.h"

#include <QString>

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Store {
class ChildCache;
class LocalEdits;
} // namespace ContactDesk::Store

namespace ContactDesk::Ui {

// One contact's tasks from the cache, by due date (undated last). The completed box is editable
// and goes through LocalEdits::completeTask, so the tick shows at once and reaches HighLevel
// through the outbox. Tasks past their due date and not completed are highlighted; "now" comes
// from the injected clock.
class TaskListModel : public ChildTableModel<Api::Task>
{
    Q_OBJECT

public:
    enum Column
    {
        CompletedColumn,
        TitleColumn,
        DueColumn,
        ColumnCount,
    };
    enum Role
    {
        // The raw value to sort by: completed as 0/1, the title, the due time in ms (undated
        // tasks as the largest value so they sort last).
        SortRole = Qt::UserRole + 1,
        TaskIdRole,
        OverdueRole, // bool
        LocalStatusRole, // int(Store::LocalStatus)
    };

    TaskListModel(Store::ChildCache& cache, Store::LocalEdits& edits, const Clock& clock,
        QObject* parent = nullptr);

    // Time moved on: tasks may have become overdue.
    void refreshOverdue();
    bool isOverdue(const Api::Task& task) const;

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

private:
    QList<Api::Task> load(const QString& contactId) const override;
    QHash<QString, Store::ChildStatus> statuses(const QString& contactId) const override;
    Store::ChildCache& m_cache;
    Store::LocalEdits& m_edits;
    const Clock& m_clock;
};

} // namespace ContactDesk::Ui
