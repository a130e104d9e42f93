#pragma once

#include <QIcon>
#include <QString>

namespace ContactDesk::Ui::Icons {

// One of the app's icons (resources/icons/<name>.svg: "contact-new", "sync", "delete", ...),
// drawn sharp at any size and pixel density, in the palette's text colour of the moment so it
// reads on light and dark themes alike; disabled icons use the disabled text colour. Falls back to
// `fallback` when the SVG image plugin is missing.
QIcon icon(const QString& name, const QIcon& fallback = {});

// The application's own icon (full colour).
QIcon appIcon();

// Registers the compiled-in resources (icons) of the ui library; safe to call more than once.
void ensureResources();

} // namespace ContactDesk::Ui::Icons
