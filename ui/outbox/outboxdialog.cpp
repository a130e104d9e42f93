#include "ui/outbox/outboxdialog.h"

#include "store/localedits.h"
#include "store/outbox.h"
#include "sync/outboxworker.h"
#include "sync/workspace.h"
#include "ui/app/contactactions.h"
#include "ui/app/icons.h"
#include "ui/app/unsavededits.h"
#include "ui/outbox/outboxmodel.h"

#include <QApplication>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

namespace {

QPushButton* makeButton(const QString& objectName, const QString& text,
    const QString& accessibleName, const QIcon& icon, QWidget* parent)
{
    auto* button = new QPushButton(icon, text, parent);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    button->setAutoDefault(false);
    return button;
}

} // namespace

OutboxDialog::OutboxDialog(Sync::Workspace& workspace, ContactActions& actions, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_actions(actions)
{
    setObjectName(QStringLiteral("outboxDialog"));
    setWindowTitle(tr("Outbox"));
    setAccessibleName(tr("Outbox: changes waiting to be sent"));
    m_confirm
        = [this](const QString& title, const QString& question, std::function<void(bool)> answer) {
              auto* box = new QMessageBox(QMessageBox::Question, title, question,
                  QMessageBox::Discard | QMessageBox::Cancel, this);
              box->setObjectName(QStringLiteral("outboxQuestion"));
              box->setDefaultButton(QMessageBox::Cancel);
              box->setAttribute(Qt::WA_DeleteOnClose);
              connect(box, &QMessageBox::finished, this, [box, answer](int) {
                  answer(box->clickedButton() == box->button(QMessageBox::Discard));
              });
              box->open();
          };

    auto* intro = new QLabel(tr("Changes made here are sent to HighLevel in order. Failed "
                                "changes wait for you: fix, retry or discard them."),
        this);
    intro->setWordWrap(true);

    m_unsavedBox = new QWidget(this);
    m_unsavedBox->setObjectName(QStringLiteral("outboxUnsaved"));
    m_unsavedIntro = new QLabel(m_unsavedBox);
    m_unsavedIntro->setObjectName(QStringLiteral("outboxUnsavedIntro"));
    m_unsavedIntro->setWordWrap(true);
    m_unsavedView = new QTreeWidget(m_unsavedBox);
    m_unsavedView->setObjectName(QStringLiteral("outboxUnsavedView"));
    m_unsavedView->setAccessibleName(tr("Changes not saved in the local cache"));
    m_unsavedView->setRootIsDecorated(false);
    m_unsavedView->setUniformRowHeights(true);
    m_unsavedView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_unsavedView->setHeaderLabels({tr("Change"), tr("Reason"), tr("Made")});
    m_unsavedView->setColumnWidth(UnsavedChange, 340);
    m_unsavedView->setColumnWidth(UnsavedReason, 220);
    // The outbox below stays the larger list.
    m_unsavedView->setMaximumHeight(fontMetrics().height() * 8);
    m_unsavedRetry = makeButton(QStringLiteral("outboxUnsavedRetry"), tr("&Try again"),
        tr("Try to save the kept changes again"), Icons::icon(QStringLiteral("retry")), this);
    m_unsavedDiscard = makeButton(QStringLiteral("outboxUnsavedDiscard"), tr("D&iscard unsaved…"),
        tr("Discard the change that was not saved"), Icons::icon(QStringLiteral("delete")), this);
    auto* unsavedButtons = new QHBoxLayout;
    unsavedButtons->addWidget(m_unsavedRetry);
    unsavedButtons->addWidget(m_unsavedDiscard);
    unsavedButtons->addStretch();
    auto* unsavedLayout = new QVBoxLayout(m_unsavedBox);
    unsavedLayout->setContentsMargins(0, 0, 0, 0);
    unsavedLayout->addWidget(m_unsavedIntro);
    unsavedLayout->addWidget(m_unsavedView);
    unsavedLayout->addLayout(unsavedButtons);

    m_model = new OutboxModel(workspace.outbox(), workspace.cache(), workspace.edits(), this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("outboxView"));
    m_view->setAccessibleName(tr("Changes waiting to be sent"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(OutboxModel::Reason, QHeaderView::Stretch);
    m_view->setColumnWidth(OutboxModel::Contact, 160);
    m_view->setColumnWidth(OutboxModel::Change, 180);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("outboxEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("outboxStatus"));
    m_status->setWordWrap(true);

    m_fix = makeButton(QStringLiteral("outboxFix"), tr("&Fix…"), tr("Fix the refused contact"),
        Icons::icon(QStringLiteral("edit")), this);
    m_resolve = makeButton(QStringLiteral("outboxResolve"), tr("Re&solve…"),
        tr("Resolve the conflict"), QIcon(), this);
    m_retry = makeButton(QStringLiteral("outboxRetry"), tr("&Retry"),
        tr("Send the change again now"), Icons::icon(QStringLiteral("retry")), this);
    m_discard = makeButton(QStringLiteral("outboxDiscard"), tr("&Discard…"),
        tr("Discard the change"), Icons::icon(QStringLiteral("delete")), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_fix);
    buttons->addWidget(m_resolve);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_discard);
    buttons->addStretch();
    auto* box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    box->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("outboxClose"));
    buttons->addWidget(box);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_unsavedBox);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_retry, &QPushButton::clicked, this, &OutboxDialog::retrySelected);
    connect(m_discard, &QPushButton::clicked, this, &OutboxDialog::discardSelected);
    connect(m_resolve, &QPushButton::clicked, this, &OutboxDialog::resolveSelected);
    connect(m_fix, &QPushButton::clicked, this, &OutboxDialog::fixSelected);
    connect(m_view, &QTableView::doubleClicked, this, [this] {
        if (m_fix->isEnabled())
            fixSelected();
        else if (m_resolve->isEnabled())
            resolveSelected();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &OutboxDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &OutboxDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &OutboxDialog::updateEmpty);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &OutboxDialog::updateEmpty);
    connect(m_unsavedRetry, &QPushButton::clicked, this, &OutboxDialog::retryUnsaved);
    connect(m_unsavedDiscard, &QPushButton::clicked, this, &OutboxDialog::discardSelectedUnsaved);
    connect(m_unsavedView, &QTreeWidget::itemSelectionChanged, this,
        [this] { m_unsavedDiscard->setEnabled(selectedSerial() != 0); });
    connect(&workspace.edits(), &Store::LocalEdits::unsavedEditsChanged, this,
        &OutboxDialog::fillUnsaved);

    setTabOrder(m_unsavedView, m_unsavedRetry);
    setTabOrder(m_unsavedRetry, m_unsavedDiscard);
    setTabOrder(m_unsavedDiscard, m_view);
    setTabOrder(m_view, m_fix);
    setTabOrder(m_fix, m_resolve);
    setTabOrder(m_resolve, m_retry);
    setTabOrder(m_retry, m_discard);
    resize(760, 360);
    fillUnsaved();
}

qint64 OutboxDialog::selectedItemId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(OutboxModel::ItemIdRole).toLongLong();
}

bool OutboxDialog::selectItem(qint64 itemId)
{
    const int row = m_model->rowOf(itemId);
    if (row < 0)
        return false;
    m_view->selectionModel()->setCurrentIndex(
        m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

qint64 OutboxDialog::selectedSerial() const
{
    const QList<QTreeWidgetItem*> selected = m_unsavedView->selectedItems();
    return selected.isEmpty()
        ? 0
        : selected.first()->data(UnsavedChange, unsavedSerialRole).toLongLong();
}

bool OutboxDialog::selectUnsaved(qint64 serial)
{
    for (int row = 0; row < m_unsavedView->topLevelItemCount(); ++row) {
        QTreeWidgetItem* item = m_unsavedView->topLevelItem(row);
        if (item->data(UnsavedChange, unsavedSerialRole).toLongLong() == serial) {
            m_unsavedView->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

void OutboxDialog::fillUnsaved()
{
    const qint64 selected = selectedSerial();
    const QList<Store::UnsavedEdit> kept = m_workspace.edits().unsavedEdits();
    m_unsavedView->clear();
    for (const Store::UnsavedEdit& edit : kept) {
        auto* item = new QTreeWidgetItem(m_unsavedView);
        item->setText(UnsavedChange, edit.description);
        item->setData(UnsavedChange, unsavedSerialRole, edit.serial);
        item->setText(
            UnsavedReason, tr("Not saved: %1").arg(UnsavedEditsGuard::reasonText(edit.error)));
        item->setToolTip(UnsavedReason, edit.error.message);
        item->setIcon(
            UnsavedReason, QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning));
        item->setText(UnsavedMade,
            QLocale().toString(QDateTime::fromMSecsSinceEpoch(edit.atMs), QLocale::ShortFormat));
    }
    if (selected != 0)
        selectUnsaved(selected);
    const int count = int(kept.size());
    if (count > 0) {
        const QString reason = UnsavedEditsGuard::reasonText(kept.first().error);
        m_unsavedIntro->setText(count == 1
                ? tr("1 change could not be saved in the local cache (%1). It is kept in "
                     "memory and tried again by itself; it is lost if ContactDesk quits first.")
                      .arg(reason)
                : tr("%n changes could not be saved in the local cache (%1). They are kept in "
                     "memory and tried again by themselves; they are lost if ContactDesk quits "
                     "first.",
                    nullptr, count)
                      .arg(reason));
    }
    m_unsavedBox->setVisible(count > 0);
    m_unsavedRetry->setEnabled(count > 0);
    m_unsavedDiscard->setEnabled(selectedSerial() != 0);
    updateEmpty();
}

void OutboxDialog::retryUnsaved()
{
    if (m_workspace.edits().retryUnsaved()) {
        m_status->setText(tr("The kept changes are saved in the local cache and queued."));
        return;
    }
    const QList<Store::UnsavedEdit> kept = m_workspace.edits().unsavedEdits();
    if (!kept.isEmpty()) {
        m_status->setText(tr("The changes still cannot be saved: %1.")
                              .arg(UnsavedEditsGuard::reasonText(kept.first().error)));
    }
}

void OutboxDialog::discardSelectedUnsaved()
{
    const qint64 serial = selectedSerial();
    if (serial == 0)
        return;
    const QString what = m_unsavedView->selectedItems().first()->text(UnsavedChange);
    m_confirm(tr("Discard the unsaved change"),
        tr("Discard “%1”? It was never saved, so it is lost.").arg(what),
        [this, serial](bool discard) {
            if (discard)
                m_workspace.edits().discardUnsaved(serial);
        });
}

void OutboxDialog::updateEmpty()
{
    m_empty->setText(m_workspace.edits().unsavedEdits().isEmpty()
            ? tr("Nothing is waiting: every change has reached HighLevel.")
            : tr("Nothing is queued for HighLevel yet: the changes above are not saved."));
    m_stack->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget*>(m_view) : m_empty);
    updateButtons();
}

void OutboxDialog::updateButtons()
{
    using S = Store::OutboxState;
    const Store::OutboxItem* item = m_model->itemAt(m_model->rowOf(selectedItemId()));
    const S state = item ? item->state : S::Done;
    const bool contactEdit = item
        && (item->kind == Store::OutboxKind::CreateContact
            || item->kind == Store::OutboxKind::UpdateContact);
    m_fix->setEnabled(state == S::Failed && contactEdit);
    m_resolve->setEnabled(state == S::Conflict);
    m_retry->setEnabled(state == S::Failed || state == S::OutcomeUnknown
        || (state == S::Queued && item->attempts > 0));
    m_discard->setEnabled(item && state != S::InFlight && state != S::Done);
    m_status->setText(item && !item->lastError.isEmpty() ? item->lastError : QString());
}

void OutboxDialog::retrySelected()
{
    const qint64 id = selectedItemId();
    if (id == 0)
        return;
    if (m_workspace.outbox().retry(id)) {
        m_workspace.outboxWorker().wake();
    } else {
        m_status->setText(tr("The change could not be queued again: %1")
                              .arg(m_workspace.outbox().lastError().message));
    }
}

void OutboxDialog::discardSelected()
{
    const qint64 id = selectedItemId();
    const Store::OutboxItem* item = m_model->itemAt(m_model->rowOf(id));
    if (!item)
        return;
    const QString what = OutboxModel::kindText(item->kind);
    m_confirm(tr("Discard the change"),
        tr("Discard “%1”? It will not be sent, and the local change is undone.").arg(what),
        [this, id](bool discard) {
            if (!discard)
                return;
            if (!m_workspace.outbox().discard(id)) {
                m_status->setText(tr("The change could not be discarded: %1")
                                      .arg(m_workspace.outbox().lastError().message));
            }
        });
}

void OutboxDialog::resolveSelected()
{
    m_actions.resolveConflict(selectedItemId());
}

void OutboxDialog::fixSelected()
{
    const Store::OutboxItem* item = m_model->itemAt(m_model->rowOf(selectedItemId()));
    if (item)
        m_actions.fixContact(item->contactId);
}

} // namespace ContactDesk::Ui
