#include "common/jsonfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

namespace ContactDesk {

namespace {

QString text(const char* source)
{
    return QCoreApplication::translate("ContactDesk::JsonFile", source);
}

} // namespace

std::optional<QJsonDocument> readJsonFile(
    const QString& path, const QString& theName, const QString& aName, QStringList* problems)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        problems->append(text("Cannot open %1 '%2': %3").arg(theName, path, file.errorString()));
        return std::nullopt;
    }
    // These documents are a few kilobytes; a file far larger is not one.
    constexpr qint64 maxBytes = 16 * 1024 * 1024;
    if (file.size() > maxBytes) {
        problems->append(text("'%1' is too large to be %2.").arg(path, aName));
        return std::nullopt;
    }
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        problems->append(text("'%1' is not valid JSON (at byte %2: %3).")
                             .arg(path)
                             .arg(parseError.offset)
                             .arg(parseError.errorString()));
        return std::nullopt;
    }
    return document;
}

bool writeJsonFile(const QString& path, const QJsonDocument& document, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = text("Cannot write '%1': %2").arg(path, file.errorString());
        return false;
    }
    file.write(document.toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = text("Cannot write '%1': %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace ContactDesk
