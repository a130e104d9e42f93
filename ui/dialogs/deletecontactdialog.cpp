#include "ui/dialogs/deletecontactdialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

namespace {

constexpr qsizetype listedNames = 8;

QString tasksText(int count)
{
    return count == 1 ? DeleteContactDialog::tr("%n task", nullptr, count)
                      : DeleteContactDialog::tr("%n tasks", nullptr, count);
}

QString notesText(int count)
{
    return count == 1 ? DeleteContactDialog::tr("%n note", nullptr, count)
                      : DeleteContactDialog::tr("%n notes", nullptr, count);
}

// "A", "A and B", "A, B and C".
QString joined(const QStringList& parts)
{
    if (parts.size() == 1)
        return parts.first();
    if (parts.size() == 2)
        return DeleteContactDialog::tr("%1 and %2").arg(parts.at(0), parts.at(1));
    return DeleteContactDialog::tr("%1, %2 and %3").arg(parts.at(0), parts.at(1), parts.at(2));
}

QString displayName(const QString& name)
{
    return name.trimmed().isEmpty() ? DeleteContactDialog::tr("this contact") : name.trimmed();
}

} // namespace

DeleteContactDialog::DeleteContactDialog(
    const QString& contactName, int taskCount, int noteCount, QWidget* parent)
    : QDialog(parent)
    , m_names {contactName}
{
    build(taskCount, noteCount);
}

DeleteContactDialog::DeleteContactDialog(
    const QStringList& contactNames, int taskCount, int noteCount, QWidget* parent)
    : QDialog(parent)
    , m_names(contactNames)
{
    build(taskCount, noteCount);
}

void DeleteContactDialog::build(int taskCount, int noteCount)
{
    const bool single = m_names.size() == 1;
    const int count = int(m_names.size());
    setObjectName(QStringLiteral("deleteContactDialog"));
    setWindowTitle(single ? tr("Delete contact") : tr("Delete %n contacts", nullptr, count));
    setAccessibleName(windowTitle());

    const QString question = single ? tr("Delete %1?").arg(displayName(m_names.first()))
                                    : tr("Delete %n contacts?", nullptr, count);
    QString what;
    if (taskCount < 0 || noteCount < 0) {
        what = single ? tr("This removes the contact with its tasks and notes from HighLevel.")
                      : tr("This removes the %n contacts with their tasks and notes from "
                           "HighLevel.",
                          nullptr, count);
    } else {
        QStringList parts {single ? tr("the contact") : tr("the %n contacts", nullptr, count)};
        if (taskCount > 0)
            parts.append(tasksText(taskCount));
        if (noteCount > 0)
            parts.append(notesText(noteCount));
        what = tr("This removes %1 from HighLevel.").arg(joined(parts));
    }
    const QString backup = single
        ? tr("A local backup is kept: you can undo with Ctrl+Z or restore it from the trash.")
        : tr("A local backup is kept: you can undo with Ctrl+Z or restore them from the trash.");

    m_message = new QLabel(question + u' ' + what + u' ' + backup, this);
    m_message->setObjectName(QStringLiteral("deleteMessage"));
    m_message->setAccessibleName(tr("What will be deleted"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setMinimumWidth(360);

    m_list = new QLabel(this);
    m_list->setObjectName(QStringLiteral("deleteNames"));
    m_list->setAccessibleName(tr("Contacts to delete"));
    m_list->setWordWrap(true);
    m_list->setTextFormat(Qt::PlainText);
    if (!single) {
        QStringList shown;
        for (qsizetype i = 0; i < std::min(listedNames, m_names.size()); ++i)
            shown.append(QStringLiteral("\u2022 ") + displayName(m_names.at(i)));
        if (m_names.size() > listedNames)
            shown.append(tr("and %n more", nullptr, int(m_names.size() - listedNames)));
        m_list->setText(shown.join(u'\n'));
    }
    m_list->setVisible(!single);

    auto* icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(size));
    icon->setAlignment(Qt::AlignTop);

    auto* buttons = new QDialogButtonBox(this);
    m_delete
        = buttons->addButton(single ? tr("&Delete") : tr("&Delete %n contacts", nullptr, count),
            QDialogButtonBox::DestructiveRole);
    m_delete->setObjectName(QStringLiteral("deleteButton"));
    m_delete->setAccessibleName(m_delete->text().remove(u'&'));
    m_delete->setAutoDefault(false);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setAccessibleName(tr("Cancel, keep the data"));
    m_cancel->setDefault(true);
    connect(m_delete, &QPushButton::clicked, this, &DeleteContactDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DeleteContactDialog::reject);

    auto* text = new QVBoxLayout;
    text->addWidget(m_message);
    text->addWidget(m_list);
    auto* body = new QHBoxLayout;
    body->addWidget(icon, 0, Qt::AlignTop);
    body->addLayout(text, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(body);
    layout->addWidget(buttons);

    m_cancel->setFocus(Qt::OtherFocusReason);
}

QString DeleteContactDialog::message() const
{
    return m_message->text();
}

} // namespace ContactDesk::Ui
