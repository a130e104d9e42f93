#include "ui/app/unsavededits.h"

#include <QTimer>

namespace ContactDesk::Ui {

UnsavedEditsGuard::UnsavedEditsGuard(Store::LocalEdits& edits, QObject* parent)
    : QObject(parent)
    , m_edits(edits)
    , m_timer(new QTimer(this))
{
    m_timer->setObjectName(QStringLiteral("unsavedRetryTimer"));
    m_timer->setInterval(defaultRetryIntervalMs);
    connect(m_timer, &QTimer::timeout, this, [this] { retryNow(); });
    connect(&m_edits, &Store::LocalEdits::unsavedEditsChanged, this, &UnsavedEditsGuard::update);
    update();
}

int UnsavedEditsGuard::count() const
{
    return int(m_edits.unsavedEdits().size());
}

Store::StoreError UnsavedEditsGuard::error() const
{
    const QList<Store::UnsavedEdit> kept = m_edits.unsavedEdits();
    return kept.isEmpty() ? Store::StoreError() : kept.first().error;
}

bool UnsavedEditsGuard::retryNow()
{
    const int before = count();
    if (before == 0)
        return true;
    const bool done = m_edits.retryUnsaved();
    const int landed = before - count();
    if (landed > 0)
        Q_EMIT saved(landed);
    return done;
}

void UnsavedEditsGuard::setRetryInterval(int ms)
{
    m_timer->setInterval(ms);
}

void UnsavedEditsGuard::update()
{
    if (count() == 0)
        m_timer->stop();
    else if (!m_timer->isActive())
        m_timer->start();
    Q_EMIT changed();
}

QString UnsavedEditsGuard::reasonText(const Store::StoreError& error)
{
    using K = Store::StoreError::Kind;
    switch (error.kind) {
    case K::DiskFull:
        return tr("the disk is full");
    case K::ReadOnly:
        return tr("the cache is read-only");
    case K::Corrupt:
        return tr("the cache file is damaged");
    case K::Busy:
        return tr("the cache is busy");
    case K::None:
    case K::Other:
        break;
    }
    // The store's own message is a whole sentence; it goes in the tooltip.
    return tr("the cache cannot be written");
}

QString UnsavedEditsGuard::noticeText(int count, const Store::StoreError& error)
{
    const QString reason = reasonText(error);
    return count == 1 ? tr("1 edit could not be saved to the local cache: %1. It is kept in "
                           "memory.")
                            .arg(reason)
                      : tr("%n edits could not be saved to the local cache: %1. They are kept in "
                           "memory.",
                          nullptr, count)
                            .arg(reason);
}

} // namespace ContactDesk::Ui
