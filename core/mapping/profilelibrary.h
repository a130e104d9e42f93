#pragma once

#include "mapping/profile.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace ContactDesk::Mapping {

// The profiles saved in the app's data folder (<AppDataLocation>/mappings/<name>.json, shared
// by the desktop app and the CLI), so a profile is picked by name. Any other file can still be
// loaded and saved through Profile::load/save.
class ProfileLibrary
{
public:
    struct Entry
    {
        QString name; // the profile's name ("Shop sign-ups")
        QString path;
        QDateTime modified;
    };

    // The default folder, or `folder` (tests).
    explicit ProfileLibrary(QString folder = {});

    QString folder() const { return m_folder; }
    // Every profile in the folder that loads, newest first; `problems` gets one line per file
    // that does not ("shop.json: rule 2: ...").
    QList<Entry> list(QStringList* problems = nullptr) const;
    // Where a profile of that name is (or would be) saved: a file name made of the name's
    // letters and digits.
    QString pathFor(const QString& name) const;
    // Saves under pathFor(profile.name); returns the path, empty with *error on failure.
    QString save(const Profile& profile, QString* error) const;
    // A saved profile by name (case-insensitive), or empty.
    QString find(const QString& name) const;

private:
    QString m_folder;
};

} // namespace ContactDesk::Mapping
