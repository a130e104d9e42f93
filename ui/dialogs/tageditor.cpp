#include "ui/dialogs/tageditor.h"

#include "ui/dialogs/flowlayout.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QLineEdit>
#include <QStringListModel>
#include <QToolButton>

#include <algorithm>

namespace ContactDesk::Ui {

namespace {

QStringList splitTags(const QString& text)
{
    QStringList tags;
    const QStringList parts = text.split(u',');
    for (const QString& part : parts) {
        const QString tag = part.trimmed();
        if (!tag.isEmpty() && !tags.contains(tag, Qt::CaseInsensitive))
            tags.append(tag);
    }
    return tags;
}

} // namespace

TagEditor::TagEditor(QWidget* parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("tagEditor"));
    setAccessibleName(tr("Tags"));
    setFrameShape(QFrame::StyledPanel);
    setFrameShadow(QFrame::Sunken);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    m_layout = new FlowLayout(this, 4);
    m_layout->setContentsMargins(4, 4, 4, 4);

    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("tagInput"));
    m_edit->setAccessibleName(tr("New tag"));
    m_edit->setAccessibleDescription(
        tr("Type a tag and press Enter or a comma. Backspace in the empty field removes the last "
           "tag."));
    m_edit->setPlaceholderText(tr("Add a tag…"));
    m_edit->setFrame(false);
    m_edit->setMinimumWidth(140);
    m_edit->installEventFilter(this);
    m_layout->addWidget(m_edit);
    setFocusProxy(m_edit);
    // Focusable through its line edit, so dialogs can place the editor in their tab order.
    setFocusPolicy(Qt::StrongFocus);

    m_completions = new QStringListModel(this);
    m_completer = new QCompleter(m_completions, this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->popup()->setObjectName(QStringLiteral("tagCompletions"));
    m_completer->popup()->setAccessibleName(tr("Existing tags"));
    m_edit->setCompleter(m_completer);

    connect(m_edit, &QLineEdit::textEdited, this, &TagEditor::onTextEdited);
    // Queued: the completer writes the chosen text into the line edit after it reports the
    // choice, and that text must not outlive the chip made from it.
    connect(
        m_completer, qOverload<const QString&>(&QCompleter::activated), this,
        [this](const QString& tag) {
            if (addTag(tag))
                m_edit->clear();
        },
        Qt::QueuedConnection);
}

QStringList TagEditor::tagsWithPending() const
{
    QStringList all = m_tags;
    const QStringList pending = splitTags(m_edit->text());
    for (const QString& tag : pending) {
        if (!all.contains(tag, Qt::CaseInsensitive))
            all.append(tag);
    }
    return all;
}

void TagEditor::setTags(const QStringList& tags)
{
    while (!m_chips.isEmpty())
        removeChipAt(m_chips.size() - 1, false);
    m_tags.clear();
    for (const QString& tag : tags) {
        const QString trimmed = tag.trimmed();
        if (trimmed.isEmpty() || indexOf(trimmed) >= 0)
            continue;
        m_tags.append(trimmed);
        insertChip(trimmed);
    }
    updateCompletions();
    Q_EMIT tagsChanged();
}

void TagEditor::setSuggestions(const QStringList& tags)
{
    m_suggestions = tags;
    updateCompletions();
}

void TagEditor::setLocationTags(const QStringList& tags)
{
    m_locationTags = tags;
    for (QToolButton* chip : std::as_const(m_chips))
        markChip(chip);
    updateCompletions();
}

bool TagEditor::isNewToLocation(const QString& tag) const
{
    return !m_locationTags.isEmpty()
        && !m_locationTags.contains(tag.trimmed(), Qt::CaseInsensitive);
}

void TagEditor::markChip(QToolButton* chip) const
{
    const QString tag = chip->property("tag").toString();
    const bool isNew = isNewToLocation(tag);
    chip->setProperty("newToLocation", isNew);
    chip->setText(isNew ? tr("%1 (new)  \u00d7").arg(tag) : QStringLiteral("%1  \u00d7").arg(tag));
    chip->setToolTip(isNew ? tr("%1 is a new tag for this location; it is created when the "
                                "contact is saved. Click to remove it.")
                                 .arg(tag)
                           : tr("Remove the tag %1").arg(tag));
    chip->setAccessibleName(
        isNew ? tr("Tag %1, new to this location").arg(tag) : tr("Tag %1").arg(tag));
}

void TagEditor::setPlaceholderText(const QString& text)
{
    m_edit->setPlaceholderText(text);
}

bool TagEditor::addTag(const QString& tag)
{
    const QString trimmed = tag.trimmed();
    if (trimmed.isEmpty() || trimmed.contains(u',') || indexOf(trimmed) >= 0)
        return false;
    m_tags.append(trimmed);
    insertChip(trimmed);
    updateCompletions();
    Q_EMIT tagAdded(trimmed);
    Q_EMIT tagsChanged();
    return true;
}

bool TagEditor::removeTag(const QString& tag)
{
    const qsizetype index = indexOf(tag.trimmed());
    if (index < 0)
        return false;
    const QString removed = m_tags.at(index);
    const bool hadFocus = m_chips.at(index)->hasFocus();
    removeChipAt(index, hadFocus);
    m_tags.removeAt(index);
    updateCompletions();
    Q_EMIT tagRemoved(removed);
    Q_EMIT tagsChanged();
    return true;
}

bool TagEditor::commitPending()
{
    const QStringList pending = splitTags(m_edit->text());
    m_edit->clear();
    bool added = false;
    for (const QString& tag : pending)
        added = addTag(tag) || added;
    return added;
}

bool TagEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress)
        return QFrame::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    if (watched == m_edit) {
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            // With text typed, Enter makes a chip; only an empty field lets the dialog's default
            // button have the key.
            if (m_edit->text().trimmed().isEmpty())
                return false;
            commitPending();
            return true;
        case Qt::Key_Backspace:
            if (!m_edit->text().isEmpty() || m_tags.isEmpty())
                return false;
            removeTag(m_tags.constLast());
            return true;
        case Qt::Key_Left:
            if (m_edit->cursorPosition() != 0 || m_chips.isEmpty())
                return false;
            m_chips.constLast()->setFocus(Qt::OtherFocusReason);
            return true;
        default:
            return false;
        }
    }
    const auto chip = std::find(m_chips.begin(), m_chips.end(), watched);
    if (chip == m_chips.end())
        return QFrame::eventFilter(watched, event);
    const qsizetype index = chip - m_chips.begin();
    switch (key->key()) {
    case Qt::Key_Backspace:
    case Qt::Key_Delete:
        removeTag(m_tags.at(index));
        return true;
    case Qt::Key_Left:
        if (index > 0)
            m_chips.at(index - 1)->setFocus(Qt::OtherFocusReason);
        return true;
    case Qt::Key_Right:
        if (index + 1 < m_chips.size())
            m_chips.at(index + 1)->setFocus(Qt::OtherFocusReason);
        else
            m_edit->setFocus(Qt::OtherFocusReason);
        return true;
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        // Tab leaves the editor as it would from the line edit.
        m_edit->setFocus(Qt::TabFocusReason);
        focusNextPrevChild(key->key() == Qt::Key_Tab);
        return true;
    default:
        return false;
    }
}

void TagEditor::onTextEdited(const QString& text)
{
    if (!text.contains(u','))
        return;
    // Everything before the last comma is finished; what follows is still being typed.
    const qsizetype cut = text.lastIndexOf(u',');
    const QString rest = text.mid(cut + 1);
    const QStringList finished = splitTags(text.left(cut));
    m_edit->setText(rest.trimmed().isEmpty() ? QString() : rest);
    for (const QString& tag : finished)
        addTag(tag);
}

void TagEditor::insertChip(const QString& tag)
{
    auto* chip = new QToolButton(this);
    chip->setObjectName(QStringLiteral("tagChip"));
    chip->setProperty("tag", tag);
    markChip(chip);
    chip->setAccessibleDescription(
        tr("Press Space, Backspace or Delete to remove this tag, Left or Right for the next one."));
    // Out of the Tab chain so a dialog's tab order stays one stop per field; the arrow keys
    // reach the chips from the line edit.
    chip->setFocusPolicy(Qt::ClickFocus);
    chip->setAutoRaise(false);
    chip->installEventFilter(this);
    connect(chip, &QToolButton::clicked, this, [this, chip] {
        const QVariant tag = chip->property("tag");
        removeTag(tag.toString());
    });
    // Chips come before the line edit, which is always the last item.
    m_layout->insertWidget(int(m_chips.size()), chip);
    m_chips.append(chip);
}

void TagEditor::removeChipAt(qsizetype index, bool keepFocusNearby)
{
    QToolButton* chip = m_chips.takeAt(index);
    if (keepFocusNearby) {
        if (index < m_chips.size())
            m_chips.at(index)->setFocus(Qt::OtherFocusReason);
        else
            m_edit->setFocus(Qt::OtherFocusReason);
    }
    m_layout->removeWidget(chip);
    // The chip may be the sender of the click that removes it, so it goes later; until then it
    // is hidden and no longer answers to its name.
    chip->setObjectName(QString());
    chip->hide();
    chip->deleteLater();
}

void TagEditor::updateCompletions()
{
    QStringList offered;
    for (const QString& tag : m_suggestions + m_locationTags) {
        if (indexOf(tag) < 0 && !offered.contains(tag, Qt::CaseInsensitive))
            offered.append(tag);
    }
    offered.sort(Qt::CaseInsensitive);
    m_completions->setStringList(offered);
}

qsizetype TagEditor::indexOf(const QString& tag) const
{
    for (qsizetype i = 0; i < m_tags.size(); ++i) {
        if (m_tags.at(i).compare(tag, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

} // namespace ContactDesk::Ui
