#pragma once

#include <QByteArray>
#include <QString>

namespace ContactDesk {

// The version of this build ("0.1.0", or "0.2.0+git3.1a2b3c4" between tags): one source, the
// CMake project (see the top CMakeLists.txt).
QString version();
// The project's home page.
QString homepageUrl();
// The reverse-DNS id of the desktop entry, metainfo and icon: "app.contactdesk.ContactDesk".
QString applicationId();
// "ContactDesk/<version> (+<home page>)", sent on every API request.
QByteArray userAgent();

} // namespace ContactDesk
