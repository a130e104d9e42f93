#include "ui/dialogs/notedialog.h"

#include "ui/dialogs/dialogsupport.h"

#include <QDialogButtonBox>
#include <QKeySequence>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

NoteDialog::NoteDialog(QWidget* parent)
    : QDialog(parent)
{
    build();
}

NoteDialog::NoteDialog(const Api::Note& existing, QWidget* parent)
    : QDialog(parent)
    , m_original(existing)
    , m_editing(true)
{
    build();
}

void NoteDialog::build()
{
    setObjectName(QStringLiteral("noteDialog"));
    setWindowTitle(m_editing ? tr("Edit note") : tr("New note"));
    setAccessibleName(windowTitle());

    auto* label = new QLabel(requiredLabel(tr("&Note")), this);
    m_body = new QPlainTextEdit(m_original.body, this);
    m_body->setObjectName(QStringLiteral("noteBody"));
    m_body->setAccessibleName(tr("Note text"));
    m_body->setPlaceholderText(tr("What happened, what was agreed…"));
    m_body->setTabChangesFocus(true);
    label->setBuddy(m_body);
    m_bodyError
        = makeMessageLabel(this, QStringLiteral("noteBodyError"), tr("Problem with the note"));

    auto* hint = new QLabel(tr("* Required. Press Ctrl+Enter to save."), this);
    hint->setObjectName(QStringLiteral("requiredNote"));
    hint->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    nameStandardButtons(m_buttons, m_editing ? tr("Save") : tr("Add note"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NoteDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NoteDialog::reject);

    for (const QKeySequence& keys :
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* save = new QShortcut(keys, this);
        connect(save, &QShortcut::activated, this, &NoteDialog::accept);
    }

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_body, 1);
    layout->addWidget(m_bodyError);
    layout->addWidget(hint);
    layout->addWidget(m_buttons);
    resize(480, 320);

    connect(m_body, &QPlainTextEdit::textChanged, this, &NoteDialog::revalidate);
    revalidate();
    m_body->moveCursor(QTextCursor::End);
    m_body->setFocus(Qt::OtherFocusReason);
}

Api::Note NoteDialog::note() const
{
    Api::Note note = m_original;
    note.body = m_body->toPlainText();
    return note;
}

QJsonObject NoteDialog::fields() const
{
    const Api::Note current = note();
    return m_editing ? Api::Note::updateBody(m_original, current) : current.createBody();
}

bool NoteDialog::isValid() const
{
    if (m_body->toPlainText().trimmed().isEmpty())
        return false;
    return !m_editing || m_body->toPlainText() != m_original.body;
}

void NoteDialog::revalidate()
{
    // Only an edit that empties a note gets a message; a new, empty note is simply not ready.
    setMessage(m_bodyError,
        m_editing && m_body->toPlainText().trimmed().isEmpty()
            ? tr("A note needs some text. To get rid of the note, delete it instead.")
            : QString());
    okButton(m_buttons)->setEnabled(isValid());
}

void NoteDialog::accept()
{
    if (!isValid())
        return;
    QDialog::accept();
}

} // namespace ContactDesk::Ui
