#include "ui/dialogs/bulktagsdialog.h"

#include "ui/dialogs/dialogsupport.h"
#include "ui/dialogs/tageditor.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

namespace {

// Spelled out for one, as no English plural catalogue is loaded.
QString contactsText(int count)
{
    return count == 1 ? BulkTagsDialog::tr("%n contact", nullptr, count)
                      : BulkTagsDialog::tr("%n contacts", nullptr, count);
}

} // namespace

BulkTagsDialog::BulkTagsDialog(int contactCount, Action action, QWidget* parent)
    : QDialog(parent)
    , m_contactCount(contactCount)
{
    setObjectName(QStringLiteral("bulkTagsDialog"));
    setWindowTitle(tr("Tags of %1").arg(contactsText(contactCount)));
    setAccessibleName(windowTitle());

    m_add = new QRadioButton(tr("&Add tags"), this);
    m_add->setObjectName(QStringLiteral("bulkTagsAdd"));
    m_add->setAccessibleName(tr("Add tags to the selected contacts"));
    m_remove = new QRadioButton(tr("&Remove tags"), this);
    m_remove->setObjectName(QStringLiteral("bulkTagsRemove"));
    m_remove->setAccessibleName(tr("Remove tags from the selected contacts"));

    m_tags = new TagEditor(this);
    m_tags->setObjectName(QStringLiteral("bulkTagEditor"));

    m_removeAll = new QCheckBox(tr("Remove &every tag from these contacts"), this);
    m_removeAll->setObjectName(QStringLiteral("bulkTagsRemoveAll"));
    m_removeAll->setAccessibleName(tr("Remove every tag from the selected contacts"));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("bulkTagsSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    nameStandardButtons(m_buttons, tr("Apply"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &BulkTagsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &BulkTagsDialog::reject);

    auto* modes = new QHBoxLayout;
    modes->addWidget(m_add);
    modes->addWidget(m_remove);
    modes->addStretch(1);
    auto* tagsLabel = new QLabel(requiredLabel(tr("&Tags")), this);
    tagsLabel->setBuddy(m_tags);
    auto* required = new QLabel(tr("* Enter at least one tag."), this);
    required->setObjectName(QStringLiteral("requiredNote"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(modes);
    layout->addWidget(tagsLabel);
    layout->addWidget(m_tags);
    layout->addWidget(m_removeAll);
    layout->addWidget(m_summary);
    layout->addWidget(required);
    layout->addWidget(m_buttons);
    resize(440, sizeHint().height());

    setTabOrder(m_add, m_remove);
    setTabOrder(m_remove, m_tags);
    setTabOrder(m_tags, m_removeAll);
    setTabOrder(m_removeAll, okButton(m_buttons));

    connect(m_add, &QRadioButton::toggled, this, &BulkTagsDialog::revalidate);
    connect(m_removeAll, &QCheckBox::toggled, this, &BulkTagsDialog::revalidate);
    connect(m_tags, &TagEditor::tagsChanged, this, &BulkTagsDialog::revalidate);
    connect(m_tags->lineEdit(), &QLineEdit::textChanged, this, &BulkTagsDialog::revalidate);
    setAction(action);
    m_tags->setFocus(Qt::OtherFocusReason);
}

void BulkTagsDialog::setSuggestions(const QStringList& tags)
{
    m_tags->setSuggestions(tags);
}

BulkTagsDialog::Action BulkTagsDialog::action() const
{
    return m_remove->isChecked() ? Action::Remove : Action::Add;
}

void BulkTagsDialog::setAction(Action action)
{
    (action == Action::Remove ? m_remove : m_add)->setChecked(true);
    revalidate();
}

QStringList BulkTagsDialog::tags() const
{
    return m_tags->tagsWithPending();
}

bool BulkTagsDialog::removeAllTags() const
{
    return action() == Action::Remove && m_removeAll->isChecked();
}

QJsonObject BulkTagsDialog::body(const QStringList& contactIds, const QString& locationId) const
{
    QJsonObject body {
        {QStringLiteral("contacts"), QJsonArray::fromStringList(contactIds)},
        {QStringLiteral("tags"),
            QJsonArray::fromStringList(removeAllTags() ? QStringList() : tags())},
        {QStringLiteral("locationId"), locationId},
    };
    if (action() == Action::Remove)
        body.insert(QStringLiteral("removeAllTags"), removeAllTags());
    return body;
}

void BulkTagsDialog::revalidate()
{
    const bool removing = action() == Action::Remove;
    m_removeAll->setVisible(removing);
    m_tags->setEnabled(!removeAllTags());
    const QStringList chosen = tags();
    QString summary;
    if (removeAllTags()) {
        summary = tr("Every tag will be removed from %1.").arg(contactsText(m_contactCount));
    } else if (!chosen.isEmpty()) {
        const QString list = chosen.join(QStringLiteral(", "));
        summary = removing
            ? tr("%1 will be removed from %2.").arg(list, contactsText(m_contactCount))
            : tr("%1 will be added to %2.").arg(list, contactsText(m_contactCount));
    }
    m_summary->setText(summary);
    m_summary->setVisible(!summary.isEmpty());
    okButton(m_buttons)->setText(removing ? tr("Remove tags") : tr("Add tags"));
    okButton(m_buttons)->setAccessibleName(okButton(m_buttons)->text());
    okButton(m_buttons)->setEnabled(removeAllTags() || !chosen.isEmpty());
}

void BulkTagsDialog::accept()
{
    m_tags->commitPending();
    if (!removeAllTags() && m_tags->tags().isEmpty())
        return;
    QDialog::accept();
}

} // namespace ContactDesk::Ui
