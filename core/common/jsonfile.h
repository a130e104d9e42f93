#pragma once

#include <QJsonDocument>
#include <QString>
#include <QStringList>

#include <optional>

namespace ContactDesk {

// Reading and writing the small JSON documents ContactDesk keeps in files (mapping profiles,
// automation rules). `theName` names the document in messages ("the mapping profile"),
// `aName` its kind ("a mapping profile").
//
// The document in `path`, or nullopt with one message in *problems: the file cannot be opened,
// is larger than 16 MiB (no such document is), or is not valid JSON (with the byte and why).
std::optional<QJsonDocument> readJsonFile(
    const QString& path, const QString& theName, const QString& aName, QStringList* problems);
// Writes `document` indented, atomically (QSaveFile); false with *error.
bool writeJsonFile(const QString& path, const QJsonDocument& document, QString* error);

} // namespace ContactDesk
