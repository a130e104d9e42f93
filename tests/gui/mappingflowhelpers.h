#pragma once

// What the mapping editor and import tests share: a small members file, with one value the
// location's picklist does not have, and a helper that writes it.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

namespace MappingFlowTest {

// Two members, the second with a level the location's picklist does not have.
inline const QByteArray membersCsv = "Email,First Name,Membership level\r\n"
                                     "ann.import@contactdesk-demo.test,Ann,Gold\r\n"
                                     "bob.import@contactdesk-demo.test,Bob,Gld\r\n";

// The file's path, or an empty string when it could not be written.
inline QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

} // namespace MappingFlowTest
