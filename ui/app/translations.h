#pragma once

#include <QLocale>
#include <QTranslator>

class QCoreApplication;

namespace ContactDesk::Ui {

// lupdate 6.4 files the messages of classes declared in `namespace ContactDesk::Ui { ... }` under
// the bare class name ("MainWindow"), while tr() looks them up under the class's full name
// ("ContactDesk::Ui::MainWindow"). This translator asks for the full name first, then for the
// name without its namespaces, so both spellings find their translation.
class AppTranslator : public QTranslator
{
    Q_OBJECT

public:
    using QTranslator::QTranslator;

    QString translate(const char* context, const char* sourceText,
        const char* disambiguation = nullptr, int n = -1) const override;
};

// Installs ContactDesk's translation (embedded under :/i18n) and Qt's own for `locale`. Returns
// whether ContactDesk's was found (English needs none).
bool installTranslations(QCoreApplication& app, const QLocale& locale = QLocale());

} // namespace ContactDesk::Ui
