#pragma once

#include <QObject>
#include <QString>

namespace ContactDesk::Ui {

// What the detail pane needs from the sync engine: a contact's tasks, notes and appointments
// fetched from the server into the ChildCache, with word of when a fetch starts, ends or fails.
// The pane reads the results from the cache; it never waits for the network. Without a loader
// (tests, a connection that is not signed in) the pane shows what the cache has.
class ChildLoader : public QObject
{
    Q_OBJECT

public:
    enum class Kind
    {
        Tasks,
        Notes,
        Appointments,
    };
    Q_ENUM(Kind)

    using QObject::QObject;

    // Fetches the three lists of `contactId` again (also when they are cached): emits
    // loadStarted, then loaded or loadFailed once for each kind.
    virtual void loadChildren(const QString& contactId) = 0;
    // Whether a fetch for `contactId` is under way (started by anyone).
    virtual bool isLoading(const QString& contactId) const = 0;

Q_SIGNALS:
    void loadStarted(const QString& contactId);
    // The list is in the cache, with its fetch time.
    void loaded(const QString& contactId, ContactDesk::Ui::ChildLoader::Kind kind);
    // `message` is user text: why the list could not be fetched.
    void loadFailed(
        const QString& contactId, ContactDesk::Ui::ChildLoader::Kind kind, const QString& message);
};

} // namespace ContactDesk::Ui
