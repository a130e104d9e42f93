#pragma once

#include "api/models/note.h"

#include <QDialog>
#include <QJsonObject>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace ContactDesk::Ui {

// Creates a note or edits one: plain text, required. Ctrl+Enter saves, since Enter starts a new
// line. The note's other fields (title, colour, pin) are kept as they are.
class NoteDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NoteDialog(QWidget* parent = nullptr);
    NoteDialog(const Api::Note& existing, QWidget* parent = nullptr);

    bool isEditMode() const { return m_editing; }
    // The note as the form describes it: the original with the new text.
    Api::Note note() const;
    // Create mode: the POST body. Edit mode: only the changed fields, for PUT.
    QJsonObject fields() const;
    // Some text, and in edit mode a change.
    bool isValid() const;

public Q_SLOTS:
    void accept() override;

private:
    void build();
    void revalidate();

    Api::Note m_original;
    bool m_editing = false;
    QPlainTextEdit* m_body = nullptr;
    QLabel* m_bodyError = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace ContactDesk::Ui
