#pragma once

#include <QDialog>
#include <QJsonObject>
#include <QStringList>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QRadioButton;

namespace ContactDesk::Ui {

class TagEditor;

// Adds tags to, or removes tags from, the contacts selected in the list. Removing can also clear
// every tag of those contacts. The result maps onto the bulk tags endpoint
// (POST /contacts/bulk/tags/update/{add|remove}).
class BulkTagsDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Action
    {
        Add,
        Remove,
    };

    BulkTagsDialog(int contactCount, Action action, QWidget* parent = nullptr);

    // Tags offered while typing: for adding, the location's tags; for removing, best those the
    // selected contacts carry.
    void setSuggestions(const QStringList& tags);

    Action action() const;
    void setAction(Action action);
    QStringList tags() const;
    bool removeAllTags() const;
    // The UpdateTagsDTO body; the path's {type} is "add" or "remove" after action().
    QJsonObject body(const QStringList& contactIds, const QString& locationId) const;

    TagEditor* tagEditor() const { return m_tags; }

public Q_SLOTS:
    void accept() override;

private:
    void revalidate();

    int m_contactCount;
    QRadioButton* m_add = nullptr;
    QRadioButton* m_remove = nullptr;
    TagEditor* m_tags = nullptr;
    QCheckBox* m_removeAll = nullptr;
    QLabel* m_summary = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace ContactDesk::Ui
