#include "ui/detail/contactheader.h"

#include "common/phonenumbers.h"
#include "store/localedits.h"
#include "ui/detail/logging.h"
#include "ui/dialogs/tageditor.h"

#include <QClipboard>
#include <QFrame>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

namespace {

QLabel* valueLabel(QWidget* parent, const QString& objectName, const QString& accessibleName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

QToolButton* copyButton(QWidget* parent, const QString& objectName, const QString& accessibleName)
{
    auto* button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    button->setText(ContactHeader::tr("Copy"));
    button->setToolButtonStyle(
        button->icon().isNull() ? Qt::ToolButtonTextOnly : Qt::ToolButtonIconOnly);
    button->setToolTip(accessibleName);
    button->setAccessibleName(accessibleName);
    button->setAutoRaise(true);
    return button;
}

} // namespace

ContactHeader::ContactHeader(
    Store::ContactCache& contacts, Store::LocalEdits& edits, Store::Outbox& outbox, QWidget* parent)
    : QWidget(parent)
    , m_contacts(contacts)
    , m_edits(edits)
    , m_outbox(outbox)
{
    setObjectName(QStringLiteral("contactHeader"));

    m_name = valueLabel(this, QStringLiteral("detailName"), tr("Contact name"));
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.4);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    m_company = valueLabel(this, QStringLiteral("detailCompany"), tr("Company"));

    m_email = valueLabel(this, QStringLiteral("detailEmail"), tr("Email address"));
    m_copyEmail = copyButton(this, QStringLiteral("copyEmail"), tr("Copy the email address"));
    connect(m_copyEmail, &QToolButton::clicked, this,
        [this] { copy(m_email->text(), tr("Email address copied")); });
    m_phone = valueLabel(this, QStringLiteral("detailPhone"), tr("Phone number"));
    m_copyPhone = copyButton(this, QStringLiteral("copyPhone"), tr("Copy the phone number"));
    connect(m_copyPhone, &QToolButton::clicked, this,
        [this] { copy(m_storedPhone, tr("Phone number copied")); });

    m_tags = new TagEditor(this);
    m_tags->setObjectName(QStringLiteral("detailTags"));
    m_tags->setAccessibleName(tr("Tags"));
    m_tags->setPlaceholderText(tr("Add a tag"));
    connect(m_tags, &TagEditor::tagAdded, this, &ContactHeader::onTagAdded);
    connect(m_tags, &TagEditor::tagRemoved, this, &ContactHeader::onTagRemoved);

    m_statusFrame = new QFrame(this);
    m_statusFrame->setObjectName(QStringLiteral("detailStatus"));
    m_statusFrame->setFrameShape(QFrame::StyledPanel);
    m_statusText = new QLabel(m_statusFrame);
    m_statusText->setObjectName(QStringLiteral("detailStatusText"));
    m_statusText->setTextFormat(Qt::PlainText);
    m_statusText->setWordWrap(true);
    m_statusText->setAccessibleName(tr("Sync state of the contact"));
    m_retry = new QPushButton(tr("&Retry"), m_statusFrame);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->setAccessibleName(tr("Send the failed change again"));
    m_discard = new QPushButton(tr("&Discard"), m_statusFrame);
    m_discard->setObjectName(QStringLiteral("discardButton"));
    m_discard->setAccessibleName(tr("Give up the failed change"));
    m_resolve = new QPushButton(tr("Re&solve…"), m_statusFrame);
    m_resolve->setObjectName(QStringLiteral("resolveButton"));
    m_resolve->setAccessibleName(tr("Choose between your change and the one in HighLevel"));
    connect(m_retry, &QPushButton::clicked, this, &ContactHeader::retry);
    connect(m_discard, &QPushButton::clicked, this, &ContactHeader::discard);
    connect(m_resolve, &QPushButton::clicked, this, [this] {
        const qint64 itemId = itemInState(Store::OutboxState::Conflict);
        if (itemId != 0)
            emit resolveConflictRequested(m_contactId, itemId);
    });
    auto* statusRow = new QHBoxLayout(m_statusFrame);
    statusRow->addWidget(m_statusText, 1);
    statusRow->addWidget(m_retry);
    statusRow->addWidget(m_discard);
    statusRow->addWidget(m_resolve);

    auto* channels = new QGridLayout;
    channels->setContentsMargins(0, 0, 0, 0);
    channels->addWidget(m_email, 0, 0);
    channels->addWidget(m_copyEmail, 0, 1);
    channels->addWidget(m_phone, 1, 0);
    channels->addWidget(m_copyPhone, 1, 1);
    channels->setColumnStretch(2, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_name);
    layout->addWidget(m_company);
    layout->addLayout(channels);
    layout->addWidget(m_tags);
    layout->addWidget(m_statusFrame);

    setTabOrder(m_copyEmail, m_copyPhone);
    setTabOrder(m_copyPhone, m_tags->lineEdit());
    setContact(std::nullopt, std::nullopt);
}

void ContactHeader::setContact(
    const std::optional<Api::Contact>& contact, const std::optional<Store::ContactSummary>& summary)
{
    const QString previousId = m_contactId;
    m_contactId = contact ? contact->id : QString();
    m_summary = summary;
    const QString name = contact ? Store::ContactCache::displayName(*contact) : QString();
    m_name->setText(name.isEmpty() && contact ? tr("(no name)") : name);
    m_company->setText(contact ? contact->companyName : QString());
    m_company->setHidden(m_company->text().isEmpty());
    m_email->setText(contact ? contact->email : QString());
    m_storedPhone = contact ? contact->phone : QString();
    m_phone->setText(formatPhone(m_storedPhone, m_region));
    m_email->setHidden(m_email->text().isEmpty());
    m_copyEmail->setHidden(m_email->text().isEmpty());
    m_phone->setHidden(m_phone->text().isEmpty());
    m_copyPhone->setHidden(m_phone->text().isEmpty());

    m_tagsShown = contact ? contact->tags : QStringList();
    if (m_tags->tags() != m_tagsShown)
        m_tags->setTags(m_tagsShown);
    m_tags->setEnabled(contact.has_value());
    // Every tag in use is one query over the whole cache: once per contact opened, not on each
    // change of the one shown.
    if (contact && m_contactId != previousId)
        m_tags->setSuggestions(m_contacts.allTags());
    refreshStatus();
}

void ContactHeader::setRegion(const QString& region)
{
    m_region = region;
    m_phone->setText(formatPhone(m_storedPhone, m_region));
}

void ContactHeader::refreshStatus()
{
    const Store::LocalStatus status
        = m_summary ? m_summary->localStatus : Store::LocalStatus::Synced;
    m_retry->hide();
    m_discard->hide();
    m_resolve->hide();
    switch (status) {
    case Store::LocalStatus::Synced:
        m_statusFrame->hide();
        return;
    case Store::LocalStatus::Pending:
        m_statusText->setText(m_summary->local
                ? tr("Created here: waiting to be sent to HighLevel.")
                : tr("Changes waiting to be sent to HighLevel."));
        break;
    case Store::LocalStatus::Failed:
        m_statusText->setText(m_summary->statusMessage.isEmpty()
                ? tr("A change could not be saved in HighLevel.")
                : tr("A change could not be saved in HighLevel: %1").arg(m_summary->statusMessage));
        m_retry->setVisible(itemInState(Store::OutboxState::Failed) != 0);
        m_discard->setVisible(m_retry->isVisibleTo(m_statusFrame));
        break;
    case Store::LocalStatus::Conflict:
        m_statusText->setText(tr("This contact was changed in HighLevel too."));
        m_resolve->setVisible(itemInState(Store::OutboxState::Conflict) != 0);
        break;
    }
    m_statusFrame->show();
}

qint64 ContactHeader::itemInState(Store::OutboxState state) const
{
    if (m_contactId.isEmpty())
        return 0;
    const QList<Store::OutboxItem> items = m_outbox.itemsForContact(m_contactId);
    for (const Store::OutboxItem& item : items) {
        if (item.state == state)
            return item.id;
    }
    return 0;
}

void ContactHeader::copy(const QString& text, const QString& message)
{
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    emit statusMessage(message);
}

void ContactHeader::onTagAdded(const QString& tag)
{
    if (m_contactId.isEmpty())
        return;
    if (m_edits.addTags({m_contactId}, {tag}) == Store::EditOutcome::Rejected) {
        qCInfo(lcDetail) << "adding a tag was refused by the cache";
        m_tags->setTags(m_tagsShown);
    }
}

void ContactHeader::onTagRemoved(const QString& tag)
{
    if (m_contactId.isEmpty())
        return;
    if (m_edits.removeTags({m_contactId}, {tag}) == Store::EditOutcome::Rejected) {
        qCInfo(lcDetail) << "removing a tag was refused by the cache";
        m_tags->setTags(m_tagsShown);
    }
}

void ContactHeader::retry()
{
    const qint64 itemId = itemInState(Store::OutboxState::Failed);
    if (itemId == 0)
        return;
    if (!m_outbox.retry(itemId))
        emit statusMessage(tr("Could not retry: %1").arg(m_outbox.lastError().message));
}

void ContactHeader::discard()
{
    const qint64 itemId = itemInState(Store::OutboxState::Failed);
    if (itemId == 0)
        return;
    if (m_confirm
        && !m_confirm(tr("Discard change"),
            tr("Discard the change that could not be saved? The contact goes back to what "
               "HighLevel has."),
            tr("Discard")))
        return;
    if (!m_outbox.discard(itemId))
        emit statusMessage(tr("Could not discard: %1").arg(m_outbox.lastError().message));
}

} // namespace ContactDesk::Ui
