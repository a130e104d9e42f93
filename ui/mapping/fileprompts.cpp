#include "ui/mapping/fileprompts.h"

#include <QDesktopServices>
#include <QFileDialog>

namespace ContactDesk::Ui {

FilePrompts FilePrompts::native()
{
    FilePrompts prompts;
    prompts.open = [](QWidget* parent, const QString& caption, const QString& filter) {
        return QFileDialog::getOpenFileName(parent, caption, {}, filter);
    };
    prompts.save = [](QWidget* parent, const QString& caption, const QString& suggested,
                       const QString& filter) {
        return QFileDialog::getSaveFileName(parent, caption, suggested, filter);
    };
    prompts.show = [](const QUrl& url) { QDesktopServices::openUrl(url); };
    return prompts;
}

} // namespace ContactDesk::Ui
