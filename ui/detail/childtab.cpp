#include "ui/detail/childtab.h"

#include "ui/detail/detailsupport.h"

#include <QAbstractItemModel>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

ChildTab::ChildTab(
    const QString& name, const Texts& texts, QAbstractItemModel* model, QWidget* parent)
    : QWidget(parent)
    , m_texts(texts)
    , m_model(model)
{
    setObjectName(name + QStringLiteral("Tab"));

    m_status = new QLabel(this);
    m_status->setObjectName(name + QStringLiteral("Status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setAccessibleName(tr("State of the list"));
    m_statusButton = new QPushButton(this);
    m_statusButton->setObjectName(name + QStringLiteral("StatusButton"));
    connect(m_statusButton, &QPushButton::clicked, this, &ChildTab::reloadRequested);
    m_icon = new QLabel(this);
    m_icon->setObjectName(name + QStringLiteral("StatusIcon"));
    auto* statusRow = new QHBoxLayout;
    statusRow->setContentsMargins(0, 0, 0, 0);
    statusRow->addWidget(m_icon);
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_statusButton);

    m_view = new QTableView(this);
    m_view->setObjectName(name + QStringLiteral("View"));
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);

    m_empty = new QLabel(this);
    m_empty->setObjectName(name + QStringLiteral("Empty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setEnabled(false);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    m_buttonRow = new QWidget(this);
    auto* buttons = new QHBoxLayout(m_buttonRow);
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(statusRow);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_buttonRow);
    m_buttonRow->hide();

    connect(model, &QAbstractItemModel::rowsInserted, this, &ChildTab::updateView);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ChildTab::updateView);
    connect(model, &QAbstractItemModel::modelReset, this, &ChildTab::updateView);
    updateView();
}

QPushButton* ChildTab::addButton(const QString& objectName, const QString& text,
    const QString& accessibleName, bool needsSelection)
{
    auto* button = new QPushButton(text, m_buttonRow);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    auto* row = static_cast<QHBoxLayout*>(m_buttonRow->layout());
    row->insertWidget(row->count() - 1, button);
    m_buttonRow->show();
    if (needsSelection) {
        QItemSelectionModel* selection = m_view->selectionModel();
        const auto update = [button, selection] { button->setEnabled(selection->hasSelection()); };
        connect(selection, &QItemSelectionModel::selectionChanged, button, update);
        connect(m_model, &QAbstractItemModel::modelReset, button, update);
        connect(m_model, &QAbstractItemModel::rowsRemoved, button, update);
        update();
    }
    return button;
}

void ChildTab::setCanLoad(bool canLoad)
{
    m_canLoad = canLoad;
    updateView();
}

void ChildTab::setLoadState(LoadState state, const QString& message)
{
    m_state = state;
    m_failure = message;
    updateView();
}

void ChildTab::setFetchedAt(std::optional<qint64> fetchedAtMs, qint64 nowMs, qint64 staleAfterMs)
{
    m_fetchedAt = fetchedAtMs;
    m_ageMs = fetchedAtMs ? nowMs - *fetchedAtMs : 0;
    m_stale = fetchedAtMs && m_ageMs > staleAfterMs;
    updateView();
}

QString ChildTab::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

void ChildTab::updateView()
{
    QString status;
    QString button;
    QString buttonName;
    switch (m_state) {
    case LoadState::Loading:
        status = m_texts.loading;
        break;
    case LoadState::Failed:
        status = m_texts.failed.arg(m_failure);
        if (m_canLoad) {
            button = tr("&Retry");
            buttonName = tr("Try loading the list again");
        }
        break;
    case LoadState::Idle:
        if (m_fetchedAt) {
            status = m_stale ? tr("Updated %1 – may be out of date").arg(ageText(m_ageMs))
                             : tr("Updated %1").arg(ageText(m_ageMs));
            if (m_canLoad) {
                button = tr("Re&fresh");
                buttonName = tr("Load the list again from HighLevel");
            }
        } else if (m_canLoad) {
            status = m_texts.notLoaded;
            button = tr("&Load");
            buttonName = tr("Load the list from HighLevel");
        }
        break;
    }
    m_status->setText(status);
    m_status->setHidden(status.isEmpty());
    // Old or missing data gets an icon as well as words, so it stands out at a glance.
    const bool attention = m_state == LoadState::Failed || (m_state == LoadState::Idle && m_stale);
    if (attention) {
        const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
        m_icon->setPixmap(
            style()
                ->standardIcon(m_state == LoadState::Failed ? QStyle::SP_MessageBoxCritical
                                                            : QStyle::SP_MessageBoxWarning)
                .pixmap(size, size));
    }
    m_icon->setVisible(attention);
    m_statusButton->setText(button);
    m_statusButton->setAccessibleName(buttonName);
    m_statusButton->setHidden(button.isEmpty());

    if (m_model->rowCount() > 0) {
        m_stack->setCurrentWidget(m_view);
        return;
    }
    QString empty;
    if (m_state == LoadState::Loading)
        empty = m_texts.loading;
    else if (m_state == LoadState::Failed)
        empty = m_texts.failed.arg(m_failure);
    else if (!m_fetchedAt && !m_canLoad)
        empty = m_texts.notLoaded;
    else
        empty = m_texts.empty;
    m_empty->setText(empty);
    m_stack->setCurrentWidget(m_empty);
}

} // namespace ContactDesk::Ui
