#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QStandardItemModel;
class QToolButton;
class QTreeView;

namespace ContactDesk::Ui {

class JsonHighlighter;

// One body of an exchange: JSON pretty-printed and coloured, or as a tree whose objects and
// arrays fold; anything else as text. The search field marks every match and steps through
// them (Enter), in the text or the tree.
class JsonBodyView : public QWidget
{
    Q_OBJECT

public:
    explicit JsonBodyView(const QString& objectName, QWidget* parent = nullptr);

    // `truncated`: the log kept only the start of the body.
    void setBody(const QByteArray& body, bool truncated = false);
    bool isJson() const { return m_json; }
    // The text shown in the text view (pretty JSON, or the body as it came).
    QString text() const;
    void setTreeShown(bool tree);
    bool isTreeShown() const;
    QTreeView* tree() const { return m_tree; }
    QPlainTextEdit* textView() const { return m_text; }
    // Searches for `term`; returns how many matches the body holds.
    int search(const QString& term);

private:
    void findNext();

    QLineEdit* m_search = nullptr;
    QLabel* m_matches = nullptr;
    QToolButton* m_treeToggle = nullptr;
    QLabel* m_note = nullptr;
    QStackedWidget* m_stack = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QTreeView* m_tree = nullptr;
    QStandardItemModel* m_model = nullptr;
    JsonHighlighter* m_highlighter = nullptr;
    bool m_json = false;
};

} // namespace ContactDesk::Ui
