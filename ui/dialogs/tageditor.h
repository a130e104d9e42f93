#pragma once

#include <QFrame>
#include <QList>
#include <QStringList>

class QCompleter;
class QLineEdit;
class QStringListModel;
class QToolButton;

namespace ContactDesk::Ui {

class FlowLayout;

// Tags as chips followed by a line edit. Enter or a comma turns the typed text into a tag, with
// completion from the tags the caller says exist. A chip goes with a click, or with Backspace or
// Delete when it has focus; Backspace in the empty line edit takes the last chip. Tags compare
// without case, as the API treats them, so "VIP" is not added next to "vip".
class TagEditor : public QFrame
{
    Q_OBJECT

public:
    explicit TagEditor(QWidget* parent = nullptr);

    QStringList tags() const { return m_tags; }
    // The tags plus whatever is typed but not yet turned into a chip: what a dialog saves when
    // OK is pressed with a tag still in the line edit.
    QStringList tagsWithPending() const;
    // Replaces the chips without emitting tagAdded or tagRemoved.
    void setTags(const QStringList& tags);
    // The tags offered for completion; those already present are left out.
    void setSuggestions(const QStringList& tags);
    void setPlaceholderText(const QString& text);
    // The location's tags (from its tag list): offered for completion like the suggestions, and
    // a chip whose tag the location does not have yet is marked "new". An empty list marks
    // nothing (the location's tags are not known).
    void setLocationTags(const QStringList& tags);
    // Whether `tag` would be new to the location.
    bool isNewToLocation(const QString& tag) const;

    // Adds `tag` (trimmed) unless it is empty or already present; true when added.
    bool addTag(const QString& tag);
    // Removes `tag` (compared without case); true when it was there.
    bool removeTag(const QString& tag);
    // Turns the typed text into chips; true when any was added.
    bool commitPending();

    QLineEdit* lineEdit() const { return m_edit; }
    QList<QToolButton*> chips() const { return m_chips; }

Q_SIGNALS:
    void tagAdded(const QString& tag);
    void tagRemoved(const QString& tag);
    // After any change to tags(), including setTags().
    void tagsChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onTextEdited(const QString& text);
    void insertChip(const QString& tag);
    void removeChipAt(qsizetype index, bool keepFocusNearby);
    void updateCompletions();
    void markChip(QToolButton* chip) const;
    qsizetype indexOf(const QString& tag) const;

    QStringList m_tags;
    QStringList m_suggestions;
    QStringList m_locationTags;
    QList<QToolButton*> m_chips;
    FlowLayout* m_layout = nullptr;
    QLineEdit* m_edit = nullptr;
    QCompleter* m_completer = nullptr;
    QStringListModel* m_completions = nullptr;
};

} // namespace ContactDesk::Ui
