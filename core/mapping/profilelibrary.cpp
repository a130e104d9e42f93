#include "mapping/profilelibrary.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

namespace ContactDesk::Mapping {

ProfileLibrary::ProfileLibrary(QString folder)
    : m_folder(folder.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                + QStringLiteral("/mappings")
                                : std::move(folder))
{ }

QList<ProfileLibrary::Entry> ProfileLibrary::list(QStringList* problems) const
{
    QList<Entry> entries;
    const QFileInfoList files = QDir(m_folder).entryInfoList(
        {QStringLiteral("*.json")}, QDir::Files | QDir::Readable, QDir::Time);
    for (const QFileInfo& file : files) {
        QStringList fileProblems;
        const std::optional<Profile> profile = Profile::load(file.filePath(), &fileProblems);
        if (!profile) {
            if (problems) {
                for (const QString& problem : std::as_const(fileProblems))
                    problems->append(file.fileName() + QStringLiteral(": ") + problem);
            }
            continue;
        }
        entries.append({profile->name.isEmpty() ? file.completeBaseName() : profile->name,
            file.filePath(), file.lastModified()});
    }
    return entries;
}

QString ProfileLibrary::pathFor(const QString& name) const
{
    QString base;
    for (const QChar c : name.trimmed().toCaseFolded()) {
        if (c.isLetterOrNumber())
            base.append(c);
        else if (!base.endsWith(QLatin1Char('-')))
            base.append(QLatin1Char('-'));
    }
    while (base.endsWith(QLatin1Char('-')))
        base.chop(1);
    while (base.startsWith(QLatin1Char('-')))
        base.remove(0, 1);
    if (base.isEmpty())
        base = QStringLiteral("profile");
    return m_folder + QLatin1Char('/') + base + QStringLiteral(".json");
}

QString ProfileLibrary::save(const Profile& profile, QString* error) const
{
    if (!QDir().mkpath(m_folder)) {
        *error = QCoreApplication::translate(
            "ContactDesk::Mapping::Profile", "Cannot create the folder '%1'.")
                     .arg(m_folder);
        return {};
    }
    const QString path = pathFor(profile.name);
    return profile.save(path, error) ? path : QString();
}

QString ProfileLibrary::find(const QString& name) const
{
    const QList<Entry> entries = list();
    const auto match = std::find_if(entries.begin(), entries.end(),
        [&](const Entry& entry) { return entry.name.compare(name, Qt::CaseInsensitive) == 0; });
    return match == entries.end() ? QString() : match->path;
}

} // namespace ContactDesk::Mapping
