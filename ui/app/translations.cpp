#include "ui/app/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>

#include <cstring>

namespace ContactDesk::Ui {

QString AppTranslator::translate(
    const char* context, const char* sourceText, const char* disambiguation, int n) const
{
    const QString found = QTranslator::translate(context, sourceText, disambiguation, n);
    if (!found.isEmpty() || !context)
        return found;
    const char* bare = context;
    for (const char* at = std::strstr(bare, "::"); at; at = std::strstr(bare, "::"))
        bare = at + 2;
    if (bare == context)
        return found;
    return QTranslator::translate(bare, sourceText, disambiguation, n);
}

bool installTranslations(QCoreApplication& app, const QLocale& locale)
{
    auto* own = new AppTranslator(&app);
    const bool loaded = own->load(
        locale, QStringLiteral("contactdesk"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (loaded)
        QCoreApplication::installTranslator(own);
    else
        delete own;
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return loaded;
}

} // namespace ContactDesk::Ui
