#pragma once

#include "ui/detail/childloader.h"

namespace ContactDesk::Sync {
class SyncEngine;
}

namespace ContactDesk::Ui {

// The detail pane's loader on the sync engine: a contact's tasks, notes and appointments are
// fetched together, so one answer of the engine settles all three lists.
class SyncChildLoader : public ChildLoader
{
    Q_OBJECT

public:
    explicit SyncChildLoader(Sync::SyncEngine& engine, QObject* parent = nullptr);

    void loadChildren(const QString& contactId) override;
    bool isLoading(const QString& contactId) const override;

private:
    void onLoaded(const QString& contactId, bool ok, const QString& message);

    Sync::SyncEngine& m_engine;
};

} // namespace ContactDesk::Ui
