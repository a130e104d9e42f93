#pragma once

#include "api/models/note.h"
#include "ui/detail/childtablemodel.h"

#include <QString>

namespace ContactDesk::Store {
class ChildCache;
class LocalEdits;
} // namespace ContactDesk::Store

namespace ContactDesk::Ui {

// One contact's notes from the cache, newest first, shown as plain text: the table gives the
// first line of the text, the tooltip the whole of it. Markup in a note is never rendered.
class NoteListModel : public ChildTableModel<Api::Note>
{
    Q_OBJECT

public:
    enum Column
    {
        DateColumn,
        TextColumn,
        ColumnCount,
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, // date added in ms, the text
        NoteIdRole,
        LocalStatusRole, // int(Store::LocalStatus)
        FullTextRole, // the note's whole text
    };

    NoteListModel(Store::ChildCache& cache, Store::LocalEdits& edits, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    QList<Api::Note> load(const QString& contactId) const override;
    QHash<QString, Store::ChildStatus> statuses(const QString& contactId) const override;

    Store::ChildCache& m_cache;
};

} // namespace ContactDesk::Ui
