#include "ui/app/syncchildloader.h"

#include "sync/syncengine.h"

namespace ContactDesk::Ui {

SyncChildLoader::SyncChildLoader(Sync::SyncEngine& engine, QObject* parent)
    : ChildLoader(parent)
    , m_engine(engine)
{
    connect(&engine, &Sync::SyncEngine::childrenLoaded, this, &SyncChildLoader::onLoaded);
}

void SyncChildLoader::loadChildren(const QString& contactId)
{
    if (contactId.isEmpty())
        return;
    const bool already = m_engine.isLoadingChildren(contactId);
    Q_EMIT loadStarted(contactId);
    if (!already)
        m_engine.loadChildren(contactId, true);
}

bool SyncChildLoader::isLoading(const QString& contactId) const
{
    return m_engine.isLoadingChildren(contactId);
}

void SyncChildLoader::onLoaded(const QString& contactId, bool ok, const QString& message)
{
    for (Kind kind : {Kind::Tasks, Kind::Notes, Kind::Appointments}) {
        if (ok)
            Q_EMIT loaded(contactId, kind);
        else
            Q_EMIT loadFailed(contactId, kind, message);
    }
}

} // namespace ContactDesk::Ui
