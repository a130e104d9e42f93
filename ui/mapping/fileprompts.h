#pragma once

#include <QString>
#include <QUrl>

#include <functional>

class QWidget;

namespace ContactDesk::Ui {

// How the mapping windows ask for a file and open one: the native dialogs and the desktop by
// default; tests answer with a path of their own and record what would have been opened.
struct FilePrompts
{
    // A file to read; empty when the user cancelled.
    std::function<QString(QWidget* parent, const QString& caption, const QString& filter)> open;
    // A file to write, starting from `suggested`; empty when the user cancelled.
    std::function<QString(
        QWidget* parent, const QString& caption, const QString& suggested, const QString& filter)>
        save;
    // Shows a written file (the results of an import) in the user's application for it.
    std::function<void(const QUrl& url)> show;

    static FilePrompts native();
};

} // namespace ContactDesk::Ui
