#pragma once

#include "store/localedits.h"

#include <QObject>
#include <QString>

class QTimer;

namespace ContactDesk::Ui {

// Watches the edits the cache could not take (a full or read-only disk): they live only in
// memory, so the user is told, they are tried again quietly every so often (they land by
// themselves once there is room), and a quit asks first. The texts the window and the outbox
// show for them are made here, so both say the same thing.
class UnsavedEditsGuard : public QObject
{
    Q_OBJECT

public:
    static constexpr int defaultRetryIntervalMs = 30000;

    explicit UnsavedEditsGuard(Store::LocalEdits& edits, QObject* parent = nullptr);

    int count() const;
    // The reason of the oldest kept edit (the one the others wait behind).
    Store::StoreError error() const;
    // Applies the kept edits again; true when none is left. Emits saved() when it saved some.
    bool retryNow();

    // The quiet retry runs only while edits are kept.
    QTimer* retryTimer() const { return m_timer; }
    void setRetryInterval(int ms);

    // "the disk is full": what stops the cache, short enough for a notice or a table cell.
    static QString reasonText(const Store::StoreError& error);
    // The main window's notice for `count` kept edits that fail with `error`.
    static QString noticeText(int count, const Store::StoreError& error);

Q_SIGNALS:
    void changed();
    // `count` kept edits reached the cache through retryNow() or the quiet retry.
    void saved(int count);

private:
    void update();

    Store::LocalEdits& m_edits;
    QTimer* m_timer = nullptr;
};

} // namespace ContactDesk::Ui
