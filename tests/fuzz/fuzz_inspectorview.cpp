// libFuzzer target: what the inspector reads from an exchange it did not make. The first line is
// a path (from a logged URL or typed into Compose): it goes through the catalog match for every
// method, and a path that matches must come back to the same operation once its parameters are
// filled in again (as Compose does). The rest is a response body: coloured by the JSON
// highlighter with the path as the search term, never crashing whatever the bytes. Built by the
// asan preset (CONTACTDESK_FUZZ); run e.g.
// `build/asan/tests/fuzz/fuzz_inspectorview -max_total_time=60 tests/fuzz/corpus/inspectorview`.
#include "api/endpointcatalog.h"
#include "ui/inspector/catalogmatch.h"
#include "ui/inspector/jsonhighlighter.h"

#include <QGuiApplication>
#include <QTextDocument>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace ContactDesk;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    // QTextDocument lays text out with fonts: a GUI application, on no screen.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    static QGuiApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QString path = QString::fromUtf8(newline < 0 ? input : input.left(newline));
    const QByteArray body = newline < 0 ? QByteArray() : input.mid(newline + 1);

    for (const char* method : {"GET", "POST", "PUT", "DELETE"}) {
        QHash<QString, QString> parameters;
        const Api::Endpoint* endpoint = Ui::CatalogMatch::match(method, path, &parameters);
        if (!endpoint)
            continue;
        check(Api::methodName(endpoint->method) == method);
        check(parameters.size() == Ui::CatalogMatch::parameterNames(*endpoint).size());
        const QString filled = Ui::CatalogMatch::fillPath(*endpoint, parameters);
        QHash<QString, QString> again;
        check(Ui::CatalogMatch::match(method, filled, &again) == endpoint);
        check(again == parameters);
    }
    Ui::CatalogMatch::apiPath(QUrl(path), QUrl(QStringLiteral("https://example.com/v2/")));

    QTextDocument document(QString::fromUtf8(body));
    Ui::JsonHighlighter highlighter(&document);
    highlighter.setSearchTerm(path.left(16));
    return 0;
}
